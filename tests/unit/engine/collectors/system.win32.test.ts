import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { powershellArgs } from '../../../../electron/engine/collectors/support/run.js';
import { forgetConsoleCodePage } from '../../../../electron/engine/collectors/support/windows-run.js';
import {
  DEFENDER_SCRIPT,
  formatWindowsSystem,
  HOTFIX_SCRIPT,
  parseDefenderJson,
  parseFirewallState,
  parseHotfixCsv,
  parseLogicalDisks,
  psDate,
  VOLUMES_SCRIPT,
  windowsSystemFacts,
  windowsSystemPlan,
  parseBiosKey,
} from '../../../../electron/engine/collectors/system.win32.js';
import { decodeWindowsOutput } from '../../../../electron/engine/platform/windows-output.js';
import { cat, winBytes, winFixture, winText } from '../../../helpers/platform-fixtures.js';
import { createFakeContext } from './fake-context.js';
import { installStandIns, type StandIns } from './stand-ins.js';

/** Stand-in commands are #!/bin/sh scripts: POSIX only (the fixture tests above and below run everywhere). */
const posixShell = describe.skipIf(process.platform === 'win32');

describe('Windows system facts (contract: documented output of each tool)', () => {
  it('installed updates from Get-HotFix | ConvertTo-Csv, and from wmic qfe /format:csv (UTF-16LE, \\r\\r\\n)', () => {
    expect(parseHotfixCsv(winText('get-hotfix.csv'))).toEqual([
      { id: 'KB5034467', description: 'Update', installedOn: '2024-01-10', installedBy: 'NT AUTHORITY\\SYSTEM' },
      { id: 'KB5033375', description: 'Security Update', installedOn: '2023-12-13', installedBy: 'NT AUTHORITY\\SYSTEM' },
      { id: 'KB5027397', description: 'Update', installedOn: '2023-07-02', installedBy: '' },
      { id: 'KB5034123', description: 'Security Update', installedOn: '2024-01-10', installedBy: 'NT AUTHORITY\\SYSTEM' },
    ]);
    expect(parseHotfixCsv(decodeWindowsOutput(winBytes('wmic-qfe.utf16le.csv'))).map((h) => `${h.id} ${h.installedOn}`)).toEqual(['KB5034467 1/10/2024', 'KB5033375 12/13/2023', 'KB5027397 7/2/2023']);
  });

  it('Defender state from Get-MpComputerStatus JSON (PowerShell 5.1 dates as \\/Date(ms)\\/)', () => {
    expect(parseDefenderJson(winText('get-mpcomputerstatus.json'))).toEqual({
      serviceEnabled: true,
      antivirusEnabled: true,
      realTimeProtection: true,
      behaviorMonitor: true,
      tamperProtected: true,
      runningMode: 'Normal',
      productVersion: '4.18.23110.3',
      signatureVersion: '1.403.3210.0',
      signatureUpdated: '2024-01-15T01:13:54.000Z',
      quickScanEnded: '2024-01-14T06:05:45.000Z',
    });
    expect(psDate('2024-01-15T01:13:54')).toBe('2024-01-15T01:13:54');
  });

  it('firewall profiles, English and Chinese (GBK)', () => {
    expect(parseFirewallState(winText('netsh-advfirewall-state.en.txt'))).toEqual([
      { profile: 'Domain', state: 'on', raw: 'ON' },
      { profile: 'Private', state: 'on', raw: 'ON' },
      { profile: 'Public', state: 'off', raw: 'OFF' },
    ]);
    expect(parseFirewallState(decodeWindowsOutput(winBytes('netsh-advfirewall-state.zh-CN.gbk.txt'), 936))).toEqual([
      { profile: 'Domain', state: 'on', raw: '启用' },
      { profile: 'Private', state: 'on', raw: '启用' },
      { profile: 'Public', state: 'off', raw: '关闭' },
    ]);
    expect(parseFirewallState('域配置文件 设置:\r\n---\r\n状态                                  打开\r\n')[0]!.state).toBe('on');
  });

  it('volumes from Win32_LogicalDisk, a CD drive without media too', () => {
    const rows = parseLogicalDisks(winText('win32-logicaldisk.json'));
    expect(rows.map((r) => [r.mount, r.type, r.filesystem, r.usePercent])).toEqual([
      ['C:', 'NTFS', 'Windows', 76],
      ['D:', 'NTFS', '数据', 27],
      ['E:', '', '', null],
    ]);
  });

  it('plan: exact commands', () => {
    expect(windowsSystemPlan().map((c) => [c.command, ...c.args])).toEqual([
      ['reg', 'query', 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'],
      ['powershell.exe', ...powershellArgs(VOLUMES_SCRIPT)],
      ['powershell.exe', ...powershellArgs(HOTFIX_SCRIPT)],
      ['wmic', 'qfe', 'get', 'HotFixID,Description,InstalledOn,InstalledBy', '/format:csv'],
      ['powershell.exe', ...powershellArgs(DEFENDER_SCRIPT)],
      ['netsh', 'advfirewall', 'show', 'allprofiles', 'state'],
      ['reg', 'query', 'HKLM\\HARDWARE\\DESCRIPTION\\System\\BIOS'],
    ]);
  });

  it('the BIOS key: maker, model, and the hypervisor it names', () => {
    const text = ['', 'HKEY_LOCAL_MACHINE\\HARDWARE\\DESCRIPTION\\System\\BIOS', '    SystemManufacturer    REG_SZ    QEMU', '    SystemProductName    REG_SZ    Standard PC (Q35 + ICH9, 2009)', '    SystemVersion    REG_SZ    pc-q35-8.2', ''].join('\r\n');
    expect(parseBiosKey(text)).toEqual({ manufacturer: 'QEMU', model: 'Standard PC (Q35 + ICH9, 2009)', version: 'pc-q35-8.2', virtual: true, virtualHost: 'QEMU' });
    expect(parseBiosKey('HKEY_LOCAL_MACHINE\\HARDWARE\\DESCRIPTION\\System\\BIOS\r\n')).toBeUndefined();
  });
});

posixShell('Windows system facts end to end with stand-ins', () => {
  let standIns: StandIns | undefined;
  beforeEach(() => forgetConsoleCodePage());
  afterEach(() => {
    standIns?.restore();
    standIns = undefined;
  });

  const psByScript = (hotfix: string) =>
    [
      // the script is base64 UTF-16LE after -EncodedCommand
      'script=$(printf %s "$6" | base64 -d | iconv -f UTF-16LE -t UTF-8)',
      'case "$script" in',
      `  *Get-HotFix*) ${hotfix};;`,
      `  *Get-MpComputerStatus*) ${cat(winFixture('get-mpcomputerstatus.json'))};;`,
      'esac',
    ].join('\n');

  it('edition, updates, Defender and firewall; the Chinese text sections', async () => {
    standIns = installStandIns({
      cmd: cat(winFixture('chcp.zh-CN.gbk.txt')),
      reg: cat(winFixture('reg-query-nt-currentversion.win11.zh-CN.gbk.txt')),
      netsh: cat(winFixture('netsh-advfirewall-state.zh-CN.gbk.txt')),
      'powershell.exe': psByScript(cat(winFixture('get-hotfix.csv'))),
    });
    const ctx = createFakeContext({ platform: 'win32' });
    const facts = await windowsSystemFacts(ctx);
    expect(facts.version?.name).toBe('Windows 11 Pro');
    expect(facts.hotfixSource).toBe('Get-HotFix');
    expect(facts.hotfixes).toHaveLength(4);
    expect(facts.firewall?.map((p) => p.state)).toEqual(['on', 'on', 'off']);
    const text = formatWindowsSystem(facts, (zh) => zh);
    expect(text).toMatch(/^版本:\s+Windows 11 Pro 23H2 \(build 22631\.2861\)$/m);
    expect(text).toMatch(/^注册表 ProductName:\s+Windows 10 Pro \(Windows 11 的注册表仍写 Windows 10\)$/m);
    expect(text).toMatch(/^公用\s+关闭$/m);
    expect(text).toMatch(/^实时保护:\s+是$/m);
    expect(text).toMatch(/^KB5034467\s+Update\s+2024-01-10/m);
    expect(ctx.commands.some((c) => c.startsWith('wmic'))).toBe(false);
  });

  it('Get-HotFix failing: wmic qfe; wmic gone too (Windows 11 24H2): a skip that says so', async () => {
    standIns = installStandIns({ cmd: 'echo "Active code page: 437"', reg: 'exit 1', netsh: 'exit 1', 'powershell.exe': psByScript('echo "Get-HotFix : RPC server unavailable" >&2; exit 1'), wmic: cat(winFixture('wmic-qfe.utf16le.csv')) });
    const ctx = createFakeContext({ platform: 'win32' });
    expect((await windowsSystemFacts(ctx)).hotfixSource).toBe('wmic qfe');
    standIns.restore();
    standIns = installStandIns({ cmd: 'echo "Active code page: 437"', reg: 'exit 1', netsh: 'exit 1', 'powershell.exe': psByScript('exit 1') }, { only: true, keep: ['/usr/bin/base64', '/usr/bin/iconv', '/bin/cat'] });
    const ctx2 = createFakeContext({ platform: 'win32' });
    expect((await windowsSystemFacts(ctx2)).hotfixes).toBeUndefined();
    expect(ctx2.skips).toContainEqual({ source: 'wmic qfe get HotFixID,Description,InstalledOn,InstalledBy /format:csv', reason: 'wmic is not installed (removed from Windows 11 24H2 and later); Get-HotFix failed too, so installed updates are not listed' });
  });
});
