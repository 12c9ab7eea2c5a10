import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../../electron/engine/checks/index.js';
import { CHECK_GROUPS, checksDocument, runChecks, worstStatus } from '../../../../electron/engine/checks/runner.js';
import type { Check } from '../../../../electron/engine/checks/types.js';
import { DEFAULT_POLICY, PolicySchema } from '../../../../shared/policy.js';
import { CheckGroupSchema, CheckResultSchema, ChecksDocumentSchema, PlatformSchema } from '../../../../shared/types.js';
import { startHangingServer } from '../../../helpers/check-servers.js';
import { cm } from '../../../../shared/check-messages.js';
import { checkText } from '../../../../shared/i18n/check-text.js';
import { translator } from '../../../../shared/i18n/translate.js';

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

describe('check registry (conformance)', () => {
  it('has the checks in the checklist order, unique kebab-case ids', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(ids).toEqual(['gateway', 'dns', 'proxy', 'endpoints', 'connection', 'captive-portal', 'product-version', 'os-version', 'browsers', 'disk-space', 'memory', 'clock', 'fleet', 'uptime', 'pending-reboot']);
    expect(new Set(ids).size).toBe(ids.length);
    const groupOrder = CHECKS.map((c) => CheckGroupSchema.options.indexOf(c.group));
    expect([...groupOrder].sort((a, b) => a - b)).toEqual(groupOrder);
    expect(CHECK_GROUPS.map((g) => `${g.number}. ${checkText(translator('zh-CN'), g.title)}`)).toEqual(['1. 网络连接测试', '2. 软件版本确认', '3. 系统环境检查', '4. 重启验证']);
  });

  describe.each(CHECKS.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    it('has a kebab-case id, a group, titles in zh-CN and en, a sane timeout and known platforms', () => {
      expect(c.id).toMatch(KEBAB);
      expect(CheckGroupSchema.options).toContain(c.group);
      expect(checkText(translator('zh-CN'), c.title)).toMatch(/[\u4e00-\u9fff]/);
      expect(checkText(translator('en'), c.title)).toMatch(/^[\x20-\x7e]+$/);
      expect(c.timeoutMs).toBeGreaterThanOrEqual(1_000);
      expect(c.timeoutMs).toBeLessThanOrEqual(15_000);
      for (const p of c.platforms) expect(PlatformSchema.options).toContain(p);
      // A check's own probes must be able to finish before the runner stops it.
      if (c.group === 'network' || c.id === 'product-version' || c.id === 'clock') expect(c.timeoutMs).toBeGreaterThan(PolicySchema.shape.checks.parse({}).probeTimeoutMs);
    });
  });
});

const check = (over: Partial<Check> & Pick<Check, 'run'>): Check => ({ id: 'test', group: 'environment', title: cm('title.memory'), platforms: ['linux', 'win32', 'darwin'], timeoutMs: 1000, ...over });

describe('runChecks', () => {
  it('a check that exceeds its timeout fails with "timed out after N s" at the timeout, and its signal is aborted', async () => {
    let aborted = false;
    const hung = check({
      id: 'hung',
      group: 'network',
      timeoutMs: 300,
      run: (ctx) =>
        new Promise(() => {
          ctx.signal.addEventListener('abort', () => (aborted = true));
        }),
    });
    const quick = check({ id: 'quick', run: async () => ({ status: 'pass', detail: cm('plain', { text: 'fine' }) }) });
    const started = performance.now();
    const results = await runChecks({ policy: DEFAULT_POLICY, checks: [hung, quick] });
    const wall = performance.now() - started;
    // The timer was honoured (not cut short); how soon after it the run ends is for the bench.
    expect(wall).toBeGreaterThanOrEqual(290);
    expect(aborted).toBe(true);
    expect(results.map((r) => r.id)).toEqual(['hung', 'quick']);
    expect(results[0]).toMatchObject({ status: 'fail', en: { detail: 'timed out after 300 ms: the check did not finish' }, data: { timedOut: true, timeoutMs: 300 } });
    expect(results[0]!.advice.length).toBe(4); // a hung network check: the connection path
    for (const r of results) expect(CheckResultSchema.safeParse(r).success).toBe(true);
  });

  it('a hung command inside a check is killed at the timeout', async () => {
    let exitSeen: string | undefined;
    const sleeper = check({
      id: 'sleeper',
      timeoutMs: 300,
      run: async (ctx) => {
        await ctx.exec('sleep', ['30']).catch((e: Error) => (exitSeen = e.name));
        return { status: 'pass', detail: cm('plain', { text: 'fine' }) };
      },
    });
    const [r] = await runChecks({ policy: DEFAULT_POLICY, checks: [sleeper] });
    expect(r!.status).toBe('fail');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(exitSeen).toBeDefined();
  }, 15_000); // hang guard: far below the 30 s sleep, which only a killed process tree can beat

  it('a throwing check fails with its message; other platforms and policy-disabled checks are skipped with the reason', async () => {
    const results = await runChecks({
      policy: PolicySchema.parse({ checks: { disabled: ['off'] } }),
      platform: 'linux',
      checks: [
        check({ id: 'boom', run: async () => Promise.reject(new Error('kaput')) }),
        check({ id: 'mac-only', platforms: ['darwin'], run: async () => ({ status: 'pass', detail: cm('plain', { text: 'fine' }) }) }),
        check({ id: 'off', run: async () => ({ status: 'pass', detail: cm('plain', { text: 'fine' }) }) }),
      ],
    });
    expect(results.map((r) => [r.id, r.status, r.en.detail])).toEqual([
      ['boom', 'fail', 'the check failed (Error; details in checks.json)'],
      ['mac-only', 'skipped', 'not available on linux yet'],
      ['off', 'skipped', 'disabled by policy (checks.disabled)'],
    ]);
    // The error's own message stays for the agent, in checks.json's data.
    expect(results[0]!.data).toEqual({ error: 'kaput' });
  });

  it('several results of one check get `<id>:<subject>` ids, in order; onResult sees each as it completes; advice only on warn/fail', async () => {
    const seen: string[] = [];
    const multi = check({
      id: 'multi',
      run: async () => [
        { subject: 'a', status: 'pass', detail: cm('plain', { text: 'a' }), advice: [cm('plain', { text: 'should not appear' })] },
        { subject: 'b', status: 'warn', detail: cm('plain', { text: 'b' }), advice: [cm('plain', { text: 'do something' })] },
      ],
    });
    const slow = check({ id: 'slow', run: () => new Promise((resolve) => setTimeout(() => resolve({ status: 'pass', detail: cm('plain', { text: 'slow' }) }), 50)) });
    const results = await runChecks({ policy: DEFAULT_POLICY, checks: [slow, multi], onResult: (r) => seen.push(r.id) });
    expect(results.map((r) => r.id)).toEqual(['slow', 'multi:a', 'multi:b']);
    expect(seen).toEqual(['multi:a', 'multi:b', 'slow']);
    expect(results[1]!.advice).toEqual([]);
    expect(results[2]!.advice).toEqual([cm('plain', { text: 'do something' })]);
    expect(results[2]!.en.advice).toEqual(['do something']);
    expect(worstStatus(results)).toBe('warn');
    expect(ChecksDocumentSchema.safeParse(checksDocument(results, new Date(), new Date())).success).toBe(true);
  });

  it('cancel: unfinished checks end as skipped ("cancelled") at once', async () => {
    const abort = new AbortController();
    const forever = check({ id: 'forever', timeoutMs: 10_000, run: () => new Promise(() => {}) });
    setTimeout(() => abort.abort(), 50);
    const started = performance.now();
    const [r] = await runChecks({ policy: DEFAULT_POLICY, checks: [forever], signal: abort.signal });
    // Ended by the cancel, not by the check's own 10 s timeout (which would say "timed out").
    expect(performance.now() - started).toBeLessThan(forever.timeoutMs);
    expect(r).toMatchObject({ status: 'skipped', en: { detail: 'cancelled' } });
  });
});

describe('the whole checklist on this machine', () => {
  it('the empty policy gives useful results (gateway, DNS, disk, memory, uptime, reboot)', async () => {
    const results = await runChecks({ policy: DEFAULT_POLICY });
    const by = Object.fromEntries(results.map((r) => [r.id, r]));
    for (const id of ['gateway', 'dns', 'disk-space', 'memory', 'uptime', 'pending-reboot']) expect(by[id]?.status, id).not.toBe('skipped');
    expect(by.endpoints).toMatchObject({ status: 'skipped', en: { detail: 'no endpoints configured in policy (checks.endpoints)' } });
    for (const r of results) expect(CheckResultSchema.safeParse(r).success, r.id).toBe(true);
  });

  it('when every endpoint hangs, all checks together end within the probe timeout (far inside the largest check timeout)', async () => {
    const hanging = await startHangingServer();
    try {
      const policy = PolicySchema.parse({
        checks: {
          probeTimeoutMs: 1500,
          endpoints: [1, 2, 3].map((n) => ({ name: `hung ${n}`, url: `${hanging.url}/e${n}` })),
          captivePortal: { url: `${hanging.url}/generate_204` },
          timeUrl: `${hanging.url}/time`,
        },
        products: [{ name: 'Node', versionCommand: [process.execPath, '--version'], versionUrl: `${hanging.url}/version.json` }],
      });
      const largest = Math.max(...CHECKS.map((c) => c.timeoutMs));
      const started = performance.now();
      const results = await runChecks({ policy, env: {} });
      const wall = performance.now() - started;
      // The probes stop at 1.5 s (each result below says so); a run that waited for the checks'
      // own timeouts instead would take the largest of them. A guard against that, not a budget.
      expect(wall).toBeLessThan(largest);
      const by = Object.fromEntries(results.map((r) => [r.id, r]));
      for (const n of [1, 2, 3]) expect(by[`endpoints:hung ${n}`]).toMatchObject({ status: 'fail', en: { detail: 'connected, but no HTTP answer within 1.5 sec' } });
      expect(by['captive-portal']!.status).toBe('fail');
      expect(by.clock!.status).toBe('skipped');
      expect(by['product-version:Node']!.en.detail).toContain('could not fetch the latest version: connected, but no HTTP answer within 1.5 sec');
      expect(hanging.connections()).toBeGreaterThanOrEqual(6);
    } finally {
      await hanging.close();
    }
  });
});
