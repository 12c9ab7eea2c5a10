import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLaunchctlList, processesCollector } from '../../../../electron/engine/collectors/processes.js';
import { mergeProcesses, parseCpuTime, parseScQuery, parseServicesCsv, parseTasklistCsv, parseWin32Processes, PROCESS_SCRIPT, SERVICE_SCRIPT, windowsProcessPlan } from '../../../../electron/engine/collectors/processes.win32.js';
import { powershellArgs } from '../../../../electron/engine/collectors/support/run.js';
import { forgetConsoleCodePage } from '../../../../electron/engine/collectors/support/windows-run.js';
import { decodeWindowsOutput } from '../../../../electron/engine/platform/windows-output.js';
import { cat, macText, winBytes, winFixture, winText } from '../../../helpers/platform-fixtures.js';
import { createFakeContext } from './fake-context.js';
import { installStandIns, type StandIns } from './stand-ins.js';

/** Stand-in commands are #!/bin/sh scripts: POSIX only (the fixture tests above and below run everywhere). */
const posixShell = describe.skipIf(process.platform === 'win32');

describe('tasklist /v /fo csv (contract: fixed column order, localized headers and values)', () => {
  it('English: memory "12,345 K", CPU time, window titles with commas and quotes, N/A as empty', () => {
    const rows = parseTasklistCsv(winText('tasklist-v.en.csv'));
    expect(rows).toHaveLength(7);
    expect(rows[5]).toEqual({ pid: 10244, user: 'CORP\\ann', cpuPercent: null, cpuSeconds: 58, rssBytes: 98112 * 1024, started: '', command: 'XXSoftware.exe', status: 'Not Responding', windowTitle: 'XXSoftware 5.2, "Settings"', session: 'Console' });
    expect(rows[1]).toMatchObject({ pid: 4, user: '', windowTitle: '' });
  });

  it('Chinese (GBK): padded localized headers, 暂缺 for N/A, user names and window titles in Chinese (the status stays English)', () => {
    const rows = parseTasklistCsv(decodeWindowsOutput(winBytes('tasklist-v.zh-CN.gbk.csv'), 936));
    expect(rows.map((r) => [r.command, r.status, r.user, r.windowTitle])).toEqual([
      ['System Idle Process', 'Unknown', 'NT AUTHORITY\\SYSTEM', ''],
      ['System', 'Unknown', '', ''],
      ['svchost.exe', 'Unknown', 'NT AUTHORITY\\LOCAL SERVICE', ''],
      ['explorer.exe', 'Running', 'PC-ZHANGSAN\\张三', ''],
      ['WeChat.exe', 'Running', 'PC-ZHANGSAN\\张三', '微信'],
      ['XXSoftware.exe', 'Not Responding', 'PC-ZHANGSAN\\张三', 'XXSoftware 客户端 - 设置'],
    ]);
    expect(parseCpuTime('20:03:44')).toBe(72224);
  });

  it('command lines and start times from Win32_Process, by PID', () => {
    const merged = mergeProcesses(parseTasklistCsv(winText('tasklist-v.en.csv')), parseWin32Processes(winText('win32-process.json')));
    expect(merged.find((p) => p.pid === 9812)!.command).toBe('"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" --profile-directory=Default');
    expect(merged.find((p) => p.pid === 9812)!.started).toMatch(/^2024-01-1\d \d\d:\d\d:\d\d$/);
    expect(merged.find((p) => p.pid === 1132)!.command).toBe('svchost.exe');
  });

  it('services from Get-Service CSV and from sc query', () => {
    expect(parseServicesCsv(winText('get-service.csv')).find((s) => s.name === 'wuauserv')).toEqual({ name: 'wuauserv', displayName: 'Windows 更新', status: 'Stopped', startType: 'Manual' });
    expect(parseScQuery(winText('sc-query.en.txt'))).toEqual([
      { name: 'AudioSrv', displayName: 'Windows Audio', status: 'Running', startType: '' },
      { name: 'wuauserv', displayName: 'Windows Update', status: 'Stopped', startType: '' },
    ]);
  });

  it('launchctl list (macOS)', () => {
    expect(parseLaunchctlList(macText('launchctl-list.txt'))).toContainEqual({ pid: '-', status: '78', label: 'com.example.xxsoftware.helper' });
  });

  it('plan: exact commands', () => {
    expect(windowsProcessPlan().map((c) => [c.command, ...c.args])).toEqual([
      ['powershell.exe', ...powershellArgs(PROCESS_SCRIPT)],
      ['tasklist', '/v', '/fo', 'csv'],
      ['powershell.exe', ...powershellArgs(SERVICE_SCRIPT)],
      ['sc', 'query', 'type=', 'service', 'state=', 'all'],
    ]);
  });
});

posixShell('processes collector on win32, end to end with stand-ins', () => {
  let standIns: StandIns | undefined;
  beforeEach(() => forgetConsoleCodePage());
  afterEach(() => {
    standIns?.restore();
    standIns = undefined;
  });

  it('processes by CPU time and memory with their command lines; the services', async () => {
    standIns = installStandIns({
      cmd: cat(winFixture('chcp.zh-CN.gbk.txt')),
      tasklist: cat(winFixture('tasklist-v.zh-CN.gbk.csv')),
      'powershell.exe': ['script=$(printf %s "$6" | base64 -d | iconv -f UTF-16LE -t UTF-8)', `case "$script" in *Win32_Process*) echo '[]';; *Get-Service*) ${cat(winFixture('get-service.csv'))};; esac`].join('\n'),
    });
    const ctx = createFakeContext({ platform: 'win32', lang: 'zh-CN' });
    await processesCollector.run(ctx);
    const text = await ctx.text('进程列表.txt');
    expect(text).toContain('CPU 时间最多的 10 个进程');
    expect(text).toMatch(/^\s*8820\s+PC-ZHANGSAN\\张三\s+4m 31s\s+197 MiB\s+WeChat\.exe$/m);
    expect(text).toMatch(/服务 \(Get-Service\) — 6, 4 个正在运行/);
    expect(text).toMatch(/^XXSoftwareSvc\s+Running\s+Automatic\s+XXSoftware 后台服务$/m);
  });
});
