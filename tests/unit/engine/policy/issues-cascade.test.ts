/**
 * What `diagcollect policy show` and the app say about a required key left out (its parent goes
 * too, effective.ts cleanSource) and about the schema's cross-field rules (refine/superRefine,
 * shared/policy-must.ts): in zh-CN as in English, naming what was left out and the rule broken,
 * never the generic "the value breaks a rule of this key".
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadEffectivePolicy, type EffectivePolicy } from '../../../../electron/engine/policy/effective.js';
import { policyIssueOf } from '../../../../electron/engine/policy/issues.js';
import { policyOutcomeText, policyProblemText } from '../../../../shared/i18n/collect-facts.js';
import { policyLineText } from '../../../../shared/i18n/input-text.js';
import { translator } from '../../../../shared/i18n/translate.js';
import type { PolicyLine } from '../../../../shared/input-errors.js';
import { POLICY_RULES } from '../../../../shared/policy-must.js';
import { PolicySchema } from '../../../../shared/policy.js';

const zh = translator('zh-CN');
const en = translator('en');

async function load(files: { managed?: unknown; user?: unknown }): Promise<EffectivePolicy> {
  const root = mkdtempSync(join(os.tmpdir(), 'issues-cascade-'));
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  const managedFile = join(root, 'policy.json');
  if (files.managed !== undefined) writeFileSync(managedFile, JSON.stringify(files.managed));
  if (files.user !== undefined) writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(files.user));
  return loadEffectivePolicy({ platform: 'linux', env: {}, dataDir, managed: { linuxFile: managedFile } });
}

const issuesOf = (raw: unknown) => PolicySchema.safeParse(raw).error!.issues.map((i) => ({ key: i.path.join('.'), issue: policyIssueOf(i, raw) }));
const GENERIC_ZH = /值不符合这个键的要求/;
const GENERIC_EN = /breaks a rule of this key/;

describe('policy show: a required key left out takes its parent with it, said in both languages', () => {
  it('names the section left out in zh-CN as the English line does, and a missing key as missing (not a wrong type)', async () => {
    const e = await load({ managed: { upload: { target: 'rt', rt: { url: 'rt.example.com' } }, deadlineSeconds: 90 } });
    const zhLines = e.problems.map((p) => policyProblemText(zh, p, formatProblem(p)));
    const enLines = e.problems.map(formatProblem);
    expect(e.problems.map((p) => [p.key, p.dropped, p.issue.code])).toEqual([
      ['upload.rt.url', 'upload.rt.url', 'must'],
      ['upload.rt.url', 'upload.rt', 'missing'],
      ['upload.rt', 'upload', 'must'],
    ]);
    expect(zhLines[0]).toMatch(/键 upload\.rt\.url：必须是完整的网址.*——已忽略，改用较低来源的值或默认值$/);
    expect(zhLines[1]).toMatch(/键 upload\.rt\.url：这里必须有这个键，但没有设置.*——已忽略整个 upload\.rt，/);
    // A managed upload section left out: uploads go nowhere until IT fixes it (fail closed).
    expect(zhLines[2]).toMatch(/键 upload\.rt：upload\.target 为“rt”，所以必须同时设置 upload\.rt.*——已忽略整个 upload；upload\.allowedHosts 锁定为安全值/);
    expect(enLines[1]).toMatch(/upload\.rt\.url: required here, but not set: .* — upload\.rt was ignored; /);
    expect(enLines[2]).toMatch(/upload\.rt: upload\.target is "rt", so upload\.rt must be set too .* — upload was ignored; upload\.allowedHosts is locked/);
    for (const line of [...zhLines, ...enLines]) expect(line).not.toMatch(/received undefined|Invalid input/);
    for (const line of zhLines) expect(line).not.toMatch(GENERIC_ZH);
    // The catalogue's English outcome is the engine's (one truth for the app's English lines).
    for (const p of e.problems.filter((x) => !x.lockedKey)) expect(policyOutcomeText(en, p)).toBe(p.outcome);
    expect(e.policy.deadlineSeconds).toBe(90);
  });

  it('a key locked to its safe value names what was left out with it', () => {
    const line: PolicyLine = { source: 'managed', location: '/etc/diagcollect/policy.json', key: 'upload.allowedHosts.0', issue: { code: 'must', rule: 'hostPattern' }, dropped: 'upload', lockedKey: 'upload.allowedHosts' };
    expect(policyOutcomeText(zh, line)).toBe('已忽略整个 upload；upload.allowedHosts 锁定为安全值，直到 IT 部门修正');
    expect(policyOutcomeText(zh, { ...line, dropped: line.key })).toBe('已忽略；upload.allowedHosts 锁定为安全值，直到 IT 部门修正');
    expect(policyOutcomeText(en, line)).toBe('upload was ignored; upload.allowedHosts is locked to its safe value until IT fixes it');
  });

  it('a cross-source conflict says where the section comes from instead, with the rule broken', async () => {
    const e = await load({ user: { checks: { disk: { warnPercent: 5 } } }, managed: { checks: { disk: { failPercent: 8 } } } });
    const [p] = e.problems;
    expect(p).toMatchObject({ source: 'user', key: 'checks', issue: { code: 'must', rule: 'failNotAboveWarn', values: { section: 'checks.disk' } }, together: { source: 'managed' } });
    const text = policyProblemText(zh, p!, formatProblem(p!));
    expect(text).toMatch(/^用户设置 .*：键 checks：checks\.disk\.failPercent 不能大于 checks\.disk\.warnPercent：请改正这个值——已忽略；checks 整体采用托管策略 .*policy\.json 中的值$/);
    expect(policyOutcomeText(en, p!)).toBe(p!.outcome.replace('managed policy', `managed policy ${p!.together!.location}`));
  });
});

describe('the schema\'s cross-field rules have a message key (refine/superRefine), localized for the CLI and the app', () => {
  const base = { source: 'file' as const, location: '/tmp/p.json' };
  it('each cross-field rule names itself and the values its text needs', () => {
    expect(issuesOf({ screenshotAllowed: false, screenshotRequired: true })).toEqual([{ key: 'screenshotRequired', issue: { code: 'must', rule: 'screenshotRequiredAllowed' } }]);
    expect(issuesOf({ upload: { target: 'jira' } })).toEqual([{ key: 'upload.jira', issue: { code: 'must', rule: 'uploadTargetSection', values: { target: 'jira', section: 'upload.jira' } } }]);
    expect(issuesOf({ upload: { target: 'smtp', smtp: { host: 'mail.example.com', port: 25, from: 'a@example.com', to: ['b@example.com'], user: 'me', startTls: 'opportunistic' } } })).toEqual([{ key: 'upload.smtp.startTls', issue: { code: 'must', rule: 'smtpPlainPassword' } }]);
    expect(issuesOf({ upload: { target: 'http-put', httpPut: { url: 'https://b.example.com/{ticket}/{name}', multipart: { thresholdBytes: 8 * 1024 * 1024, partBytes: 8 * 1024 * 1024 } } } })).toEqual([{ key: 'upload.httpPut.multipart', issue: { code: 'must', rule: 'multipartNeedsS3' } }]);
    expect(issuesOf({ baseline: { file: '/srv/baseline.json', url: 'https://b.example.com/baseline.json' } })).toEqual([{ key: 'baseline', issue: { code: 'must', rule: 'baselineOneSource' } }]);
    expect(issuesOf({ checks: { memory: { warnPercent: 5, failPercent: 9 } } })).toEqual([{ key: 'checks.memory', issue: { code: 'must', rule: 'failNotAboveWarn', values: { section: 'checks.memory' } } }]);
    expect(issuesOf({ archiveNameTemplate: '{label}' })).toEqual([{ key: 'archiveNameTemplate', issue: { code: 'must', rule: 'templateTicket' } }]);
    expect(issuesOf({ upload: { target: 'redmine', redmine: { project: 'x' } } })).toEqual([{ key: 'upload.redmine.url', issue: { code: 'missing' } }]);
  });

  it('every named rule has its own text in both catalogues (not the fallback), with its values filled in', () => {
    const values = { target: 'zendesk', section: 'upload.zendesk' };
    for (const rule of POLICY_RULES) {
      const line: PolicyLine = { ...base, key: 'k', issue: { code: 'must', rule, values } };
      const zhText = policyLineText(zh, line);
      const enText = policyLineText(en, line);
      expect({ rule, zhText }).toEqual({ rule, zhText: expect.not.stringMatching(GENERIC_ZH) });
      expect({ rule, enText }).toEqual({ rule, enText: expect.not.stringMatching(GENERIC_EN) });
      expect(zhText).not.toMatch(/\{(target|section)\}/);
    }
    expect(policyLineText(zh, { ...base, key: 'upload.zendesk', issue: { code: 'must', rule: 'uploadTargetSection', values } })).toBe('策略文件 /tmp/p.json：键 upload.zendesk：upload.target 为“zendesk”，所以必须同时设置 upload.zendesk（README 列出了它需要的键）');
    expect(policyLineText(zh, { ...base, key: 'archiveNameTemplate', issue: { code: 'must', rule: 'templateTicket' } })).toContain('归档名模板必须包含 {ticket}');
  });

  it('every rule the schema names is in the list the catalogues are checked against', () => {
    const named = new Set<string>();
    const samples: unknown[] = [
      { screenshotAllowed: false, screenshotRequired: true },
      { upload: { target: 'jira' } },
      { archiveNameTemplate: 'a/b' },
      { baseline: { file: '/a', url: 'https://b.example.com/' } },
      { upload: { allowedHosts: ['http://x'] } },
      { checks: { disk: { warnPercent: 1, failPercent: 2 } } },
    ];
    for (const raw of samples) for (const { issue } of issuesOf(raw)) if (issue.code === 'must') named.add(issue.rule);
    expect([...named].filter((rule) => !(POLICY_RULES as readonly string[]).includes(rule))).toEqual([]);
    expect(named.size).toBeGreaterThanOrEqual(6);
  });
});

describe('a line\'s own values stay its own', () => {
  it('one-of keeps its list of values (a rule\'s values never hide an issue\'s own `values`)', () => {
    const line: PolicyLine = { source: 'file', location: '/tmp/p.json', key: 'upload.target', issue: { code: 'one-of', values: '"outbox", "redmine"' } };
    expect(policyLineText(zh, line)).toBe('策略文件 /tmp/p.json：键 upload.target：只能是以下值之一："outbox", "redmine"');
  });
});
