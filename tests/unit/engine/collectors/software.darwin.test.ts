import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { darwinSoftwarePlan, darwinSoftwareSections, findApps, parseInfoPlistJson } from '../../../../electron/engine/collectors/software.darwin.js';
import { cat, macFixture, macText } from '../../../helpers/platform-fixtures.js';
import { createFakeContext } from './fake-context.js';
import { installStandIns, type StandIns } from './stand-ins.js';

/** Stand-in commands are #!/bin/sh scripts: POSIX only (the fixture tests above and below run everywhere). */
const posixShell = describe.skipIf(process.platform === 'win32');

describe('Info.plist as JSON (contract: plutil -convert json output, Apple\'s CFBundle keys)', () => {
  it('display name, short version, build and bundle id', () => {
    expect(parseInfoPlistJson(macText('plutil-google-chrome.json'), '/Applications/Google Chrome.app')).toEqual({ name: 'Google Chrome', version: '120.0.6099.216', build: '6099.216', bundleId: 'com.google.Chrome', path: '/Applications/Google Chrome.app' });
    expect(parseInfoPlistJson(macText('plutil-wechat.json'), '/Applications/WeChat.app').name).toBe('微信');
    expect(parseInfoPlistJson('{}', '/Applications/Bare.app')).toEqual({ name: 'Bare', version: '', build: '', bundleId: '', path: '/Applications/Bare.app' });
  });

  it('plan: plutil per app, then pkgutil', () => {
    expect(darwinSoftwarePlan().map((c) => [c.command, ...c.args])).toEqual([
      ['plutil', '-convert', 'json', '-o', '-', '<app>/Contents/Info.plist'],
      ['pkgutil', '--pkgs'],
    ]);
  });
});

posixShell('applications on darwin, end to end with stand-in plutil and pkgutil', () => {
  let dir: string;
  let standIns: StandIns | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'apps-'));
    for (const app of ['Google Chrome.app', 'WeChat.app', 'Some Old Tool.app', 'Broken.app']) mkdirSync(path.join(dir, 'Applications', app, 'Contents'), { recursive: true });
    writeFileSync(path.join(dir, 'Applications', 'README.txt'), 'not an app');
  });
  afterEach(() => {
    standIns?.restore();
    standIns = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('each app with its version; a plist JSON cannot hold falls back to plutil -extract; an unreadable one is a skip', async () => {
    standIns = installStandIns({
      plutil: [
        'last=$(eval echo \\${$#})',
        'case "$1 $last" in',
        `  "-convert "*Chrome*) ${cat(macFixture('plutil-google-chrome.json'))};;`,
        `  "-convert "*WeChat*) ${cat(macFixture('plutil-wechat.json'))};;`,
        `  "-convert "*) ${cat(macFixture('plutil-invalid-object.stderr.txt'))} >&2; exit 1;;`,
        '  "-extract "*Old*) case "$2" in CFBundleShortVersionString) echo 2.4.1;; CFBundleIdentifier) echo com.example.oldtool;; CFBundleName) echo "Old Tool";; *) exit 1;; esac;;',
        '  *) echo "Could not extract value" >&2; exit 1;;',
        'esac',
      ].join('\n'),
      pkgutil: 'printf "com.apple.pkg.MobileAssets\\ncom.example.xxsoftware.pkg\\n"',
    });
    const ctx = createFakeContext({ platform: 'darwin' });
    expect(await findApps([path.join(dir, 'Applications'), '~/NoSuchFolder'])).toHaveLength(4);
    const sections = await darwinSoftwareSections(ctx, (_zh, en) => en, [path.join(dir, 'Applications')]);
    expect(sections.map((s) => `${s.title} ${s.count}`)).toEqual(['Applications 3', 'Installer receipts 2']);
    expect(sections[0]!.body).toMatch(/^Google Chrome\s+120\.0\.6099\.216\s+6099\.216\s+com\.google\.Chrome\s+\S+Google Chrome\.app$/m);
    expect(sections[0]!.body).toMatch(/^Old Tool\s+2\.4\.1\s+com\.example\.oldtool/m);
    expect(sections[0]!.body).toMatch(/^微信\s+3\.8\.6\s+28078\s+com\.tencent\.xinWeChat/m);
    expect(ctx.skips).toEqual([{ source: path.join(dir, 'Applications', 'Broken.app', 'Contents', 'Info.plist'), reason: expect.stringMatching(/^plutil could not read it: .*invalid object in plist for destination format$/) }]);
  });
});
