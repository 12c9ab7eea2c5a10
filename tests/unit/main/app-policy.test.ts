/** Which policy the desktop app runs with (electron/main/app-policy.ts → the engine's effective policy). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/policy.js';
import { loadAppPolicy } from '../../../electron/main/app-policy.js';
import { CollectionResultSchema } from '../../../shared/api.js';
import { policyProblemText } from '../../../shared/i18n/collect-facts.js';
import { translator } from '../../../shared/i18n/translate.js';

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'app-policy-'));

describe('loadAppPolicy', () => {
  it('runs with the defaults when nothing is configured', async () => {
    const d = dir();
    const r = await loadAppPolicy({}, { platform: 'linux', dataDir: d, managed: { linuxFile: path.join(d, 'none.json') } });
    expect(r).toEqual({ policy: DEFAULT_POLICY, locked: [], problems: [], lines: [] });
  });

  it('locks what the managed policy sets, and reports a bad managed key instead of stopping', async () => {
    const d = dir();
    const managed = path.join(d, 'policy.json');
    writeFileSync(managed, JSON.stringify({ disabledCollectors: ['processes'], screenshotAllowed: 'no' }));
    const r = await loadAppPolicy({}, { platform: 'linux', dataDir: d, managed: { linuxFile: managed } });
    expect(r.policy.disabledCollectors).toEqual(['processes']);
    expect(r.policy.screenshotAllowed).toBe(false);
    expect(r.locked).toContain('disabledCollectors');
    expect(r.problems.join('\n')).toMatch(/screenshotAllowed/);
    // The same problems as data, for the Done screen in the user's language (and their English line).
    expect(r.lines).toEqual([{ line: { source: 'managed', location: managed, key: 'screenshotAllowed', issue: expect.objectContaining({ code: 'type' }), dropped: 'screenshotAllowed', lockedKey: 'screenshotAllowed' }, english: r.problems[0] }]);
  });

  it('a cross-source conflict reaches the app with the rule and where the section comes from (zh-CN as in English)', async () => {
    const d = dir();
    const managed = path.join(d, 'policy.json');
    writeFileSync(managed, JSON.stringify({ checks: { disk: { failPercent: 8 } } }));
    writeFileSync(path.join(d, 'settings.json'), JSON.stringify({ checks: { disk: { warnPercent: 5 } } }));
    const r = await loadAppPolicy({}, { platform: 'linux', dataDir: d, managed: { linuxFile: managed } });
    expect(r.lines).toHaveLength(1);
    const { line, english } = r.lines[0]!;
    expect(line).toMatchObject({ issue: { code: 'must', rule: 'failNotAboveWarn', values: { section: 'checks.disk' } }, together: { source: 'managed', location: managed } });
    // What crosses IPC keeps both (the collection result's schema).
    const shape = CollectionResultSchema.shape.policyProblems.unwrap().element;
    expect(shape.parse({ line, english })).toEqual({ line, english });
    expect(policyProblemText(translator('zh-CN'), line, english)).toBe(`用户设置 ${path.join(d, 'settings.json')}：键 checks：checks.disk.failPercent 不能大于 checks.disk.warnPercent：请改正这个值——已忽略；checks 整体采用托管策略 ${managed} 中的值`);
  });

  it('refuses a bad DIAGCOLLECT_POLICY file with the key and the file, like the CLI --policy', async () => {
    const d = dir();
    const file = path.join(d, 'p.json');
    writeFileSync(file, JSON.stringify({ screenshotAllowed: 'no' }));
    await expect(loadAppPolicy({ DIAGCOLLECT_POLICY: file }, { platform: 'linux', dataDir: d, skipManaged: true })).rejects.toThrow(/screenshotAllowed/);
    writeFileSync(file, JSON.stringify({ screenshotAllowed: false }));
    expect((await loadAppPolicy({ DIAGCOLLECT_POLICY: file }, { platform: 'linux', dataDir: d, skipManaged: true })).policy.screenshotAllowed).toBe(false);
  });
});
