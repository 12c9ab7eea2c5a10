import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PolicySchema } from '../../../../shared/policy.js';
import { systemLogsCollector } from '../../../../electron/engine/collectors/system-logs.js';
import { eventLogFileName, eventQuery, summarizeEventText, windowMs, windowsEventLogPlan } from '../../../../electron/engine/collectors/system-logs.win32.js';
import { forgetConsoleCodePage } from '../../../../electron/engine/collectors/support/windows-run.js';
import { decodeWindowsOutput } from '../../../../electron/engine/platform/windows-output.js';
import { cat, winBytes, winFixture, winText } from '../../../helpers/platform-fixtures.js';
import { createFakeContext } from './fake-context.js';
import { installStandIns, type StandIns } from './stand-ins.js';

/** Stand-in commands are #!/bin/sh scripts: POSIX only (the fixture tests above and below run everywhere). */
const posixShell = describe.skipIf(process.platform === 'win32');

const NOW = Date.UTC(2024, 0, 15, 10, 0, 0);
const DAY_AGO = new Date(NOW - 24 * 3600_000);

describe('Windows event log plan (exact wevtutil arguments)', () => {
  it('per log in policy.windowsEventLogs: the text rendering, newest first, then the .evtx export of the same window', () => {
    const policy = PolicySchema.parse({ windowsEventLogs: ['System', 'Microsoft-Windows-PowerShell/Operational'] });
    const q = '/q:*[System[TimeCreated[timediff(@SystemTime) <= 86400000]]]';
    expect(windowsEventLogPlan(policy, DAY_AGO, { now: NOW, exportDir: 'C:\\Temp\\x' }).map((c) => [c.command, ...c.args])).toEqual([
      ['wevtutil', 'qe', 'System', q, '/f:text', '/rd:true', '/c:5000'],
      ['wevtutil', 'epl', 'System', 'C:\\Temp\\x\\System.evtx', q, '/ow:true'],
      ['wevtutil', 'qe', 'Microsoft-Windows-PowerShell/Operational', q, '/f:text', '/rd:true', '/c:5000'],
      ['wevtutil', 'epl', 'Microsoft-Windows-PowerShell/Operational', 'C:\\Temp\\x\\Microsoft-Windows-PowerShell%4Operational.evtx', q, '/ow:true'],
    ]);
    expect(PolicySchema.parse({}).windowsEventLogs).toEqual(['System', 'Application']);
  });

  it('the window in whole seconds, at least a minute; log names as Windows stores their files', () => {
    expect(windowMs(new Date(NOW - 90 * 60_000 - 400), NOW)).toBe(5_400_000);
    expect(windowMs(new Date(NOW - 5_000), NOW)).toBe(60_000);
    expect(eventQuery(3_600_000)).toBe('*[System[TimeCreated[timediff(@SystemTime) <= 3600000]]]');
    expect(eventLogFileName('Microsoft-Windows-TerminalServices-LocalSessionManager/Operational')).toBe('Microsoft-Windows-TerminalServices-LocalSessionManager%4Operational');
  });

  it('a policy log name that could escape the command or a path is refused', () => {
    expect(PolicySchema.safeParse({ windowsEventLogs: ['System" /q:*'] }).success).toBe(false);
    expect(PolicySchema.safeParse({ windowsEventLogs: ['..\\..\\x'] }).success).toBe(false);
    expect(PolicySchema.safeParse({ windowsEventLogs: ['应用程序日志'] }).success).toBe(true);
  });
});

describe('wevtutil qe /f:text (contract: English labels; on Chinese Windows the values are Chinese)', () => {
  it('English', () => {
    expect(summarizeEventText(winText('wevtutil-qe-system.en.txt'))).toEqual({
      events: 4,
      levels: { information: 1, warning: 1, error: 1, critical: 1 },
      newest: '2024-01-15T09:41:07.4280000Z',
      oldest: '2024-01-15T08:01:44.9650000Z',
    });
  });

  it('Chinese values (信息, 警告, 错误, 关键) from UTF-16LE output', () => {
    const text = decodeWindowsOutput(winBytes('wevtutil-qe-system.zh-CN.utf16le.txt'), 936);
    expect(summarizeEventText(text)).toMatchObject({ events: 4, levels: { information: 1, warning: 1, error: 1, critical: 1 }, newest: '2024-01-15T09:41:07.428' });
  });
});

posixShell('system-logs collector on win32, end to end with a stand-in wevtutil', () => {
  let standIns: StandIns | undefined;
  beforeEach(() => forgetConsoleCodePage());
  afterEach(() => {
    standIns?.restore();
    standIns = undefined;
  });

  it('System and Application as text (decoded from UTF-16LE) and as .evtx; a log that needs an administrator is a skip saying so', async () => {
    standIns = installStandIns({
      cmd: cat(winFixture('chcp.zh-CN.gbk.txt')),
      wevtutil: [
        'if [ "$2" = "Security" ]; then echo "Failed to read events. Access is denied." >&2; exit 5; fi',
        'case "$1" in',
        `  qe) ${cat(winFixture('wevtutil-qe-system.zh-CN.utf16le.txt'))};;`,
        '  epl) printf "ElfFile\\0 $2" > "$3";;',
        'esac',
      ].join('\n'),
    });
    const ctx = createFakeContext({ platform: 'win32', lang: 'zh-CN', policy: { windowsEventLogs: ['System', 'Application', 'Security'] } });
    await systemLogsCollector.run(ctx);
    expect(ctx.items.map((i) => i.name).sort()).toEqual(['系统日志/Application.evtx', '系统日志/Application.txt', '系统日志/System.evtx', '系统日志/系统日志.txt']);
    expect(await ctx.text('系统日志/系统日志.txt')).toBe(winText('wevtutil-qe-system.zh-CN.txt'));
    expect(ctx.item('系统日志/系统日志.txt').note).toBe('4 events (1 information, 1 warning, 1 error, 1 critical), newest 2024-01-15T09:41:07.428, oldest 2024-01-15T08:01:44.965');
    const evtx = ctx.item('系统日志/System.evtx');
    expect(evtx.kind).toBe('binary');
    expect(evtx.data!.toString('latin1')).toBe('ElfFile\0 System');
    expect(ctx.skips.map((s) => s.reason)).toEqual([
      'access is denied (this log needs administrator rights: run diagcollect as an administrator to include it)',
      'access is denied (this log needs administrator rights: run diagcollect as an administrator to include it)',
    ]);
    expect(ctx.commands.filter((c) => c.startsWith('wevtutil qe System '))).toEqual(['wevtutil qe System /q:*[System[TimeCreated[timediff(@SystemTime) <= 86400000]]] /f:text /rd:true /c:5000']);
  });

  it('an export over caps.systemLogBytes is left out with the reason; the text keeps the newest events', async () => {
    standIns = installStandIns({ cmd: 'echo "Active code page: 437"', wevtutil: `case "$1" in qe) ${cat(winFixture('wevtutil-qe-system.en.txt'))};; epl) head -c 5000 /dev/zero > "$3";; esac` });
    const ctx = createFakeContext({ platform: 'win32', policy: { windowsEventLogs: ['System'], caps: { systemLogBytes: 4096, fileBytes: 4096, collectorBytes: 8192, filesPerPath: 10 } } });
    await systemLogsCollector.run(ctx);
    expect(ctx.skips).toEqual([{ source: expect.stringMatching(/^wevtutil epl System /), reason: 'the exported System events are 4.9 KiB, over the 4.0 KiB cap (caps.systemLogBytes); the text rendering holds the newest of them' }]);
    expect(await ctx.text('system-logs/system-log.txt')).toBe(winText('wevtutil-qe-system.en.txt'));
  });
});
