import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseDpkg, parseWindowsUninstall, softwareCollector } from '../../../../electron/engine/collectors/software.js';
import { createFakeContext } from './fake-context.js';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

describe('software collector (real dpkg-query)', () => {
  it('lists every installed Debian package with its version; missing package managers are skips', async () => {
    const ctx = createFakeContext();
    await softwareCollector.run(ctx);
    const text = await ctx.text('installed-software.txt');

    const installed = execFileSync('dpkg-query', ['-W', '-f', '${db:Status-Abbrev} ${Package}\n'], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l[1] === 'i');
    expect(text).toContain(`dpkg (Debian/Ubuntu) — ${installed.length} entries`);
    const bash = execFileSync('dpkg-query', ['-W', '-f', '${Version}\t${Architecture}', 'bash'], { encoding: 'utf8' }).split('\t');
    expect(text).toMatch(new RegExp(`^bash\\s+${bash[0]!.replace(/[.+]/g, '\\$&')}\\s+${bash[1]}$`, 'm'));

    for (const [cmd, reason] of [
      ['rpm', 'rpm is not installed (not a Red Hat/SUSE system)'],
      ['flatpak', 'flatpak is not installed'],
      ['snap', 'snap is not installed'],
    ] as const) {
      if (!has(cmd)) expect(ctx.skips).toContainEqual({ source: expect.stringMatching(new RegExp(`^${cmd} `)), reason });
    }
    expect(ctx.warnings).toEqual([]);
  });

  it('describe() per platform', () => {
    const policy = createFakeContext().policy;
    expect(softwareCollector.describe('linux', policy).join('\n')).toMatch(/dpkg-query -W[\s\S]*rpm -qa[\s\S]*flatpak list[\s\S]*snap list/);
    // each app's Info.plist (system_profiler SPApplicationsDataType scans the whole disk: minutes)
    expect(softwareCollector.describe('darwin', policy).join('\n')).toMatch(/plutil -convert json -o - .*Info\.plist[\s\S]*pkgutil --pkgs/);
    expect(softwareCollector.describe('win32', policy).join('\n')).toMatch(/CurrentVersion\\Uninstall/);
  });
});

describe('software parsing', () => {
  it('parseDpkg keeps installed packages and counts removed ones', () => {
    const out = ['ii \tbash\t5.2.15-2+b8\tamd64', 'rc \told-thing\t1.0\tamd64', 'hi \theld\t2.0\tall', 'iU \thalf\t3.0\tall', ''].join('\n');
    expect(parseDpkg(out)).toEqual({
      rows: [
        ['bash', '5.2.15-2+b8', 'amd64', ''],
        ['held', '2.0', 'all', 'hi'],
      ],
      notInstalled: 2,
    });
  });

  it('parseWindowsUninstall reads Get-ItemProperty | ConvertTo-Json (contract: documented property names)', () => {
    const single = JSON.stringify({ DisplayName: 'Only App', DisplayVersion: '1.0', Publisher: 'ACME', InstallDate: '20240102' });
    expect(parseWindowsUninstall(single)).toEqual([['Only App', '1.0', 'ACME', '20240102']]);
    const many = JSON.stringify([
      { DisplayName: '微信', DisplayVersion: '3.9.8', Publisher: '腾讯科技(深圳)有限公司', InstallDate: null },
      { DisplayName: null, DisplayVersion: '9' },
      { DisplayName: 'Only App', DisplayVersion: '1.0', Publisher: 'ACME', InstallDate: '20240102' },
      { DisplayName: 'Only App', DisplayVersion: '1.0', Publisher: 'ACME', InstallDate: '20240102' },
    ]);
    expect(parseWindowsUninstall(many).map((r) => r[0])).toEqual(['Only App', '微信']);
  });
});
