import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePs, parseWin32Processes, processesCollector } from '../../../../electron/engine/collectors/processes.js';
import { createFakeContext } from './fake-context.js';

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

describe('processes collector (real ps)', () => {
  it('lists a process we started, with its PID, user, memory, start time and full command line', async () => {
    const marker = `diagcollect-test-${process.pid}-${Date.now()}`;
    // A single process (no shell, no grandchild) that the afterEach kill really ends.
    child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)', marker], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 100));
    const ctx = createFakeContext();
    await processesCollector.run(ctx);
    const text = await ctx.text('processes.txt');

    const row = text.split('\n').find((l) => l.includes(marker) && new RegExp(`^\\s*${child!.pid}\\s`).test(l));
    expect(row).toBeDefined();
    const user = os.userInfo().username;
    expect(row).toMatch(new RegExp(`^\\s*${child.pid}\\s+${user}\\s+\\d+\\.\\d\\s+[\\d.]+ (B|KiB|MiB)\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\s+${process.execPath.replace(/[.]/g, '\\.')} -e setTimeout\\(\\(\\) => \\{\\}, 30000\\) ${marker}$`));
    const started = /(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/.exec(row!)![1]!;
    expect(Math.abs(new Date(started.replace(' ', 'T')).getTime() - Date.now())).toBeLessThan(60_000);
    expect(text).toContain('Top 10 by CPU');
    expect(text).toContain('All processes (by PID)');
    expect(ctx.skips).toEqual([]);
  });

  it('describe() per platform', () => {
    const policy = createFakeContext().policy;
    expect(processesCollector.describe('linux', policy)).toEqual(['ps -A -ww -o pid=,user:32=,pcpu=,rss=,lstart=,args=']);
    expect(processesCollector.describe('win32', policy)[0]).toMatch(/Win32_Process/);
  });
});

describe('processes parsing', () => {
  it('parsePs keeps long user names and command lines with spaces', () => {
    const out = [
      '    1 root                               0.3 11320 Tue Nov 24 22:57:14 2026 /sbin/init splash',
      ' 4242 a-very-long-user-name-indeed       12.5  2048 Mon Jan  1 09:05:00 2024 /usr/bin/app --flag "two words"',
      'garbage line',
    ].join('\n');
    const rows = parsePs(out);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ pid: 4242, user: 'a-very-long-user-name-indeed', cpuPercent: 12.5, rssBytes: 2048 * 1024, started: '2024-01-01 09:05:00', command: '/usr/bin/app --flag "two words"' });
  });

  it('parseWin32Processes reads Get-CimInstance Win32_Process JSON (contract: documented property names)', () => {
    const json = JSON.stringify([
      { ProcessId: 4, Name: 'System', CommandLine: null, WorkingSetSize: 155648, CreationDate: '/Date(1704067200000)/' },
      { ProcessId: 1234, Name: 'app.exe', CommandLine: '"C:\\Program Files\\App\\app.exe" --x', WorkingSetSize: 1048576, CreationDate: null },
    ]);
    const rows = parseWin32Processes(json);
    expect(rows.map((r) => r.command)).toEqual(['System', '"C:\\Program Files\\App\\app.exe" --x']);
    expect(rows[1]).toMatchObject({ pid: 1234, rssBytes: 1048576, cpuPercent: null });
  });
});
