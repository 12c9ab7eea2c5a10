/**
 * A source that is simply not there — a tool not installed, a fallback file that does not exist —
 * is a skip with a code (`command-missing`, `not-found`), never the generic "could not be read":
 * every front end renders the code in its language, and manifest.json keeps the engine's English
 * detail (what the absence means here) beside it.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemSink } from '../../../../electron/engine/collectors/context.js';
import { tryExec } from '../../../../electron/engine/collectors/support/run.js';
import { linuxLogs } from '../../../../electron/engine/collectors/system-logs.js';
import { addAuthFile } from '../../../../electron/engine/collectors/security-logs.js';
import type { Collector } from '../../../../electron/engine/collectors/types.js';
import { CommandNotFoundError } from '../../../../electron/engine/platform/exec.js';
import { runCollectors } from '../../../../electron/engine/run-collectors.js';
import { notTakenLines } from '../../../../shared/i18n/collect-facts.js';
import { translator } from '../../../../shared/i18n/translate.js';
import { DEFAULT_POLICY } from '../../../../shared/policy.js';
import type { ManifestSkip } from '../../../../shared/types.js';
import { createFakeContext } from './fake-context.js';

const NO_SUCH_TOOL = 'diagcollect-no-such-tool-4711';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'skip-codes-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a tool that is not installed', () => {
  it('is a command-missing skip; the caller’s English text stays the detail', async () => {
    const ctx = createFakeContext();
    const r = await tryExec(ctx, NO_SUCH_TOOL, ['--list'], { missing: `${NO_SUCH_TOOL} is not installed (no such desktop here)` });
    expect(r).toBeUndefined();
    expect(ctx.skipCodes).toEqual([{ source: `${NO_SUCH_TOOL} --list`, code: { code: 'command-missing', command: NO_SUCH_TOOL } }]);
    expect(ctx.skips).toEqual([{ source: `${NO_SUCH_TOOL} --list`, reason: `${NO_SUCH_TOOL} is not installed (no such desktop here)` }]);
  });

  it('without a detail: the code’s own English text', async () => {
    const ctx = createFakeContext();
    await tryExec(ctx, NO_SUCH_TOOL, []);
    expect(ctx.skipCodes).toEqual([{ source: NO_SUCH_TOOL, code: { code: 'command-missing', command: NO_SUCH_TOOL } }]);
    expect(ctx.skips[0]!.reason).toContain('is not installed');
  });

  it('a tool that is there but fails is not called missing', async () => {
    const ctx = createFakeContext();
    const r = await tryExec(ctx, process.execPath, ['-e', 'process.exit(3)']);
    expect(r?.code).toBe(3);
    expect(ctx.skipCodes).toEqual([]);
  });
});

describe('the system log without journalctl or dmesg, and no fallback files', () => {
  it('says journalctl is not installed and the fallback files do not exist', async () => {
    const ctx = createFakeContext();
    const real = ctx.exec;
    ctx.exec = (command, args, options) => (command === 'journalctl' || command === 'dmesg' ? Promise.reject(new CommandNotFoundError(command)) : real(command, args, options));
    await linuxLogs(ctx, 1 << 20, { system: [join(dir, 'syslog'), join(dir, 'messages')], kernel: [join(dir, 'kern.log')] });
    const codes = ctx.skipCodes.map((s) => s.code);
    expect(codes.filter((c) => c.code === 'command-missing')).toEqual([
      { code: 'command-missing', command: 'journalctl' },
      { code: 'command-missing', command: 'journalctl' },
      { code: 'command-missing', command: 'dmesg' },
    ]);
    expect(ctx.skipCodes.filter((s) => s.code.code === 'not-found').map((s) => s.source).sort()).toEqual([join(dir, 'kern.log'), `${join(dir, 'syslog')}, ${join(dir, 'messages')}`].sort());
    // The English detail still says what the files were for.
    expect(ctx.skips.find((s) => s.source.includes('syslog'))!.reason).toBe('fallback for the system log; none of these files exists');
  });

  it('a fallback file that exists is taken, no skip for it', async () => {
    await writeFile(join(dir, 'kern.log'), 'Dec  6 09:00:00 pc kernel: usb 1-1: new device\n');
    const ctx = createFakeContext();
    const real = ctx.exec;
    ctx.exec = (command, args, options) => (command === 'journalctl' || command === 'dmesg' ? Promise.reject(new CommandNotFoundError(command)) : real(command, args, options));
    await linuxLogs(ctx, 1 << 20, { system: [join(dir, 'syslog')], kernel: [join(dir, 'kern.log')] });
    expect(ctx.skipCodes.filter((s) => s.code.code === 'not-found').map((s) => s.source)).toEqual([join(dir, 'syslog')]);
    expect(ctx.items.map((i) => i.source)).toEqual([join(dir, 'kern.log')]);
  });

  it('no auth log file: not-found, not a failure', async () => {
    const ctx = createFakeContext();
    expect(await addAuthFile(ctx, 1 << 20, [join(dir, 'auth.log'), join(dir, 'secure')])).toBe(false);
    expect(ctx.skipCodes).toEqual([{ source: `${join(dir, 'auth.log')}, ${join(dir, 'secure')}`, code: { code: 'not-found' } }]);
  });
});

describe('in the manifest and on every front end', () => {
  const tool: Collector = {
    id: 'tool',
    category: 'app-logs',
    title: { 'zh-CN': 'tool', en: 'tool' },
    platforms: ['linux', 'win32', 'darwin'],
    timeoutMs: 10_000,
    sensitive: false,
    describe: () => [],
    run: async (ctx) => {
      await tryExec(ctx, NO_SUCH_TOOL, ['status'], { missing: `${NO_SUCH_TOOL} is not installed (not in use here)` });
    },
  };

  it('the manifest skip has the code and the English detail; the collector is skipped with the code', async () => {
    const skipped: ManifestSkip[] = [];
    const sink: ItemSink = { claimName: (n) => n, push: () => {}, skip: (s) => void skipped.push(s) };
    const runs = await runCollectors({
      collectors: [tool],
      policy: DEFAULT_POLICY,
      platform: 'linux',
      since: new Date(0),
      lang: 'en',
      sink,
      skipped,
      cancel: new AbortController().signal,
      deadline: new AbortController().signal,
    });
    expect(skipped).toEqual([{ collector: 'tool', source: `${NO_SUCH_TOOL} status`, reason: `${NO_SUCH_TOOL} is not installed (not in use here)`, code: { code: 'command-missing', command: NO_SUCH_TOOL } }]);
    expect(runs[0]).toMatchObject({ status: 'skipped', reason: { code: 'command-missing', command: NO_SUCH_TOOL } });
  });

  it('is rendered from the catalogue: “not installed”, never “could not be read”', () => {
    const facts = {
      collectors: [],
      otherProblemTypes: 0,
      sources: [
        { collector: 'system-logs', source: 'journalctl --since x', reason: 'journalctl is not installed', code: { code: 'command-missing' as const, command: 'journalctl' } },
        { collector: 'system-logs', source: '/var/log/syslog', reason: 'fallback for the system log; none of these files exists', code: { code: 'not-found' as const } },
      ],
      cut: [],
    };
    const zh = notTakenLines(translator('zh-CN'), facts).map((l) => l.why);
    const en = notTakenLines(translator('en'), facts).map((l) => l.why);
    expect(zh).toEqual(['本机未安装 journalctl', '不存在']);
    expect(en[0]).toMatch(/^journalctl is not installed/);
    expect(en[1]).toBe('does not exist');
    expect([...zh, ...en].join('\n')).not.toMatch(/读取失败|could not be read/);
  });
});
