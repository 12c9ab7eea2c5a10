import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { softwareCollector } from '../../../../electron/engine/collectors/software.js';
import { findInstalledProgram, formatInstallDate, parseUninstallRegQuery, windowsSoftwarePlan } from '../../../../electron/engine/collectors/software.win32.js';
import { forgetConsoleCodePage } from '../../../../electron/engine/collectors/support/windows-run.js';
import { versionsCollector } from '../../../../electron/engine/collectors/versions.js';
import { decodeWindowsOutput } from '../../../../electron/engine/platform/windows-output.js';
import { cat, winBytes, winFixture } from '../../../helpers/platform-fixtures.js';
import { createFakeContext } from './fake-context.js';
import { installStandIns, type StandIns } from './stand-ins.js';

/** Stand-in commands are #!/bin/sh scripts: POSIX only (the fixture tests above and below run everywhere). */
const posixShell = describe.skipIf(process.platform === 'win32');

const gbk = (name: string) => decodeWindowsOutput(winBytes(name), 936);

describe('Uninstall registry keys (contract: reg query /s layout, GBK on Chinese Windows)', () => {
  it('programs with a DisplayName; version, publisher, install date; system components flagged; stubs without a name left out', () => {
    const programs = parseUninstallRegQuery(gbk('reg-query-uninstall-hklm.zh-CN.gbk.txt'), '64-bit, all users');
    expect(programs.map((p) => [p.name, p.version, p.publisher, p.installDate, p.hidden])).toEqual([
      ['7-Zip 23.01 (x64)', '23.01', 'Igor Pavlov', '', false],
      ['Google Chrome', '120.0.6099.217', 'Google LLC', '2024-01-10', false],
      ['XXSoftware 客户端', '5.2.0.1180', 'XX 软件有限公司', '2023-12-05', false],
      ['Microsoft Visual C++ 2022 X64 Minimum Runtime - 14.38.33130', '14.38.33130', 'Microsoft Corporation', '2023-11-28', true],
      ['腾讯会议', '3.22.11.418', '腾讯科技(深圳)有限公司', '', false],
    ]);
    expect(programs[3]!.id).toBe('{A181A302-3F6D-4BAD-97A8-A426A6499D78}');
    expect(parseUninstallRegQuery(gbk('reg-query-uninstall-wow6432.zh-CN.gbk.txt'), '32-bit').map((p) => p.name)).toEqual(['Microsoft Edge', '微信', 'XXSoftware 客户端']);
  });

  it('a policy product found by its DisplayName: exact, or a name followed by a version; the newest wins', () => {
    const programs = [...parseUninstallRegQuery(gbk('reg-query-uninstall-hklm.zh-CN.gbk.txt'), '64'), ...parseUninstallRegQuery(gbk('reg-query-uninstall-wow6432.zh-CN.gbk.txt'), '32')];
    expect(findInstalledProgram(programs, '微信')?.version).toBe('3.9.8.25');
    expect(findInstalledProgram(programs, '7-zip')?.name).toBe('7-Zip 23.01 (x64)');
    expect(findInstalledProgram(programs, 'XXSoftware 客户端')?.version).toBe('5.2.0.1180');
    expect(findInstalledProgram(programs, 'Google')).toBeUndefined();
    expect(formatInstallDate('20240105')).toBe('2024-01-05');
    expect(formatInstallDate('1/5/2024')).toBe('1/5/2024');
  });

  it('plan: reg query /s of the 64-bit, 32-bit and per-user keys', () => {
    expect(windowsSoftwarePlan().map((c) => [c.command, ...c.args])).toEqual([
      ['reg', 'query', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall', '/s'],
      ['reg', 'query', 'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall', '/s'],
      ['reg', 'query', 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall', '/s'],
    ]);
  });
});

posixShell('software and versions collectors on win32, end to end with a stand-in reg printing GBK', () => {
  let standIns: StandIns | undefined;
  beforeEach(() => forgetConsoleCodePage());
  afterEach(() => {
    standIns?.restore();
    standIns = undefined;
  });

  const reg = (hkcu: string) =>
    [
      'case "$2" in',
      `  *WOW6432Node*) ${cat(winFixture('reg-query-uninstall-wow6432.zh-CN.gbk.txt'))};;`,
      `  HKLM*Uninstall) ${cat(winFixture('reg-query-uninstall-hklm.zh-CN.gbk.txt'))};;`,
      `  HKCU*Uninstall) ${hkcu};;`,
      `  *"Windows NT"*) ${cat(winFixture('reg-query-nt-currentversion.win11.zh-CN.gbk.txt'))};;`,
      'esac',
    ].join('\n');

  it('every program with its version in one table; a missing per-user key is a skip with the decoded reason', async () => {
    standIns = installStandIns({ cmd: cat(winFixture('chcp.zh-CN.gbk.txt')), reg: reg(`${cat(winFixture('reg-query-missing-key.zh-CN.stderr.gbk.txt'))} >&2; exit 1`) });
    const ctx = createFakeContext({ platform: 'win32', lang: 'zh-CN' });
    await softwareCollector.run(ctx);
    const text = await ctx.text('已安装软件.txt');
    expect(text).toMatch(/^微信\s+3\.9\.8\.25\s+腾讯科技\(深圳\)有限公司\s+32-bit, all users$/m);
    expect(text).toMatch(/^腾讯会议\s+3\.22\.11\.418\s+腾讯科技\(深圳\)有限公司\s+64-bit, all users$/m);
    expect(text).toContain('系统组件（"应用和功能"中不显示） — 1 项');
    expect(ctx.skips).toEqual([{ source: 'reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall /s', reason: 'exited with code 1: 错误: 系统找不到指定的注册表项或值。' }]);
  });

  it('versions: Windows 11 from the registry (not "Windows 10"), and a product\'s version by its DisplayName', async () => {
    standIns = installStandIns({ cmd: cat(winFixture('chcp.zh-CN.gbk.txt')), reg: reg(cat(winFixture('reg-query-uninstall-hkcu.zh-CN.gbk.txt'))) });
    const ctx = createFakeContext({ platform: 'win32', policy: { products: [{ name: 'XX', package: 'XXSoftware 客户端' }, { name: 'Lark', package: '飞书' }, { name: 'Ghost', package: 'No Such Program' }] } });
    await versionsCollector.run(ctx);
    const text = await ctx.text('versions.txt');
    expect(text).toMatch(/^Operating system:\s+Windows 11 Pro 23H2 \(build 22631\.2861\)$/m);
    expect(text).toMatch(/^XX\s+Uninstall registry keys \(DisplayName "XXSoftware 客户端"\): XXSoftware 客户端\s+5\.2\.0\.1180$/m);
    expect(text).toMatch(/^Lark\s+.*\s+7\.6\.10$/m);
    expect(text).toContain('unknown — no installed program is named "No Such Program" in the Uninstall registry keys');
    // the three keys are read once for all products
    expect(ctx.commands.filter((c) => c.includes('Uninstall'))).toHaveLength(3);
  });
});
