/**
 * macOS managed preferences. `plutil` cannot run here, so a stand-in answers the documented
 * `plutil -convert json -o - <file>` contract: the plist as JSON on stdout (converted here with
 * the `plist` parser), exit 1 with a message for plists JSON cannot hold (<date>, <data>).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import plist from 'plist';
import { describe, expect, it } from 'vitest';
import { loadEffectivePolicy, resolvePolicy } from '../../../../electron/engine/policy/effective.js';
import { MAC_MANAGED_POLICY, readPlistSource, type RunCommand } from '../../../../electron/engine/policy/sources.js';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/policy/com.diagcollect.app.plist', import.meta.url));

/** plutil's contract: `-convert json -o - FILE` prints JSON, or fails on dates and data. */
function fakePlutil(): RunCommand & { calls: string[][] } {
  const calls: string[][] = [];
  const run = (async (command: string, args: string[]) => {
    calls.push([command, ...args]);
    const file = args[args.length - 1]!;
    const text = readFileSync(file, 'utf8');
    if (/<date>|<data>/.test(text)) return { code: 1, stdout: Buffer.alloc(0), stderr: `${file}: invalid object in plist for destination format` };
    return { code: 0, stdout: Buffer.from(JSON.stringify(plist.parse(text))), stderr: '' };
  }) as RunCommand & { calls: string[][] };
  run.calls = calls;
  return run;
}

describe('macOS managed preferences (contract: plutil -convert json)', () => {
  it('reads the plist fixture into the expected effective policy', async () => {
    const run = fakePlutil();
    const effective = await loadEffectivePolicy({ platform: 'darwin', dataDir: mkdtempSync(join(os.tmpdir(), 'mac-policy-')), managed: { macPlist: FIXTURE, run } });
    expect(run.calls).toEqual([['plutil', '-convert', 'json', '-o', '-', FIXTURE]]);
    expect(effective.problems).toEqual([]);
    const p = effective.policy;
    expect(p.archiveLanguage).toBe('en');
    expect(p.screenshotAllowed).toBe(false);
    expect(p.appLogPaths).toEqual(['~/Library/Logs/XXSoftware/*.log', '/Library/Logs/XXSoftware']);
    expect(p.caps.fileBytes).toBe(1048576);
    expect(p.checks.supportedOs).toEqual([{ id: 'macos', minVersion: '13' }]);
    expect(p.checks.disk.warnPercent).toBe(12.5);
    expect(p.upload).toMatchObject({ target: 'rt', rt: { url: 'https://rt.example.com', mode: 'correspond' }, allowedHosts: ['rt.example.com'] });
    expect(p.linkSigning?.publicKeys).toHaveLength(1);
    expect(effective.origins['upload.rt.mode']).toEqual({ source: 'managed', location: FIXTURE });
    expect(effective.locked).toEqual(expect.arrayContaining(['archiveLanguage', 'screenshotAllowed', 'upload.target', 'linkSigning.publicKeys']));
    expect(effective.sources).toEqual([
      expect.objectContaining({ kind: 'user', present: false }),
      expect.objectContaining({ kind: 'managed', location: FIXTURE, present: true, problems: 0 }),
    ]);
  });

  it('uses the managed preferences path of the bundle id', () => {
    expect(MAC_MANAGED_POLICY).toBe('/Library/Managed Preferences/com.diagcollect.app.plist');
  });

  it('is absent when no profile is installed, and reports a plist plutil cannot convert', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'mac-policy-'));
    expect(await readPlistSource(join(dir, 'none.plist'), fakePlutil())).toMatchObject({ present: false, issues: [] });
    const dated = join(dir, 'dated.plist');
    writeFileSync(dated, plist.build({ archiveLanguage: 'en', since: new Date(0) } as unknown as plist.PlistValue));
    const read = await readPlistSource(dated, fakePlutil());
    expect(read.issues[0]?.reason).toMatch(/plutil could not convert it \(exit 1\).*invalid object/);
    const effective = resolvePolicy([read]);
    expect(effective.problems[0]).toMatchObject({ source: 'managed', location: dated, key: '' });
    expect(effective.policy.screenshotAllowed).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('refuses a managed plist that is a FIFO before plutil could wait on it (exit 2, naming the file)', async () => {
    const fifo = join(mkdtempSync(join(os.tmpdir(), 'plist-fifo-')), 'com.diagcollect.app.plist');
    execFileSync('mkfifo', [fifo]);
    const run = fakePlutil();
    const read = await readPlistSource(fifo, run);
    expect(run.calls).toEqual([]);
    expect(read.issues[0]?.reason).toContain('FIFO (named pipe)');
    await expect(loadEffectivePolicy({ platform: 'darwin', env: {}, dataDir: mkdtempSync(join(os.tmpdir(), 'plist-data-')), managed: { macPlist: fifo, run } })).rejects.toThrow(`managed policy ${fifo}: (the whole source)`);
  });
});
