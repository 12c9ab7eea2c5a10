/** Which policy the desktop app runs with (electron/main/app-policy.ts → the engine's effective policy). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/policy.js';
import { loadAppPolicy } from '../../../electron/main/app-policy.js';

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

  it('refuses a bad DIAGCOLLECT_POLICY file with the key and the file, like the CLI --policy', async () => {
    const d = dir();
    const file = path.join(d, 'p.json');
    writeFileSync(file, JSON.stringify({ screenshotAllowed: 'no' }));
    await expect(loadAppPolicy({ DIAGCOLLECT_POLICY: file }, { platform: 'linux', dataDir: d, skipManaged: true })).rejects.toThrow(/screenshotAllowed/);
    writeFileSync(file, JSON.stringify({ screenshotAllowed: false }));
    expect((await loadAppPolicy({ DIAGCOLLECT_POLICY: file }, { platform: 'linux', dataDir: d, skipManaged: true })).policy.screenshotAllowed).toBe(false);
  });
});
