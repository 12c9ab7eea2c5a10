import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { journalUnavailable, linuxLogs, systemLogsCollector } from '../../../../electron/engine/collectors/system-logs.js';
import { englishReason, translator } from '../../../../shared/i18n/translate.js';
import { formatLocalTime } from '../../../../electron/engine/collectors/support/text.js';
import { createFakeContext } from './fake-context.js';
import { installStandIns, type StandIns } from './stand-ins.js';

let standIns: StandIns | undefined;
afterEach(() => {
  standIns?.restore();
  standIns = undefined;
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'syslogs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('system-logs collector on this machine (real journalctl and dmesg)', () => {
  it('every source ends as an entry or as a skip with a reason', async () => {
    const ctx = createFakeContext();
    await systemLogsCollector.run(ctx);
    const journal = spawnSync('journalctl', ['-n', '1', '--no-pager'], { encoding: 'utf8' });
    const noJournal = /No journal files were found/.test(journal.stderr);

    for (const name of ['system-logs/system-log.txt', 'system-logs/kernel-log.txt']) {
      const item = ctx.items.find((i) => i.name === name);
      if (item) expect((await ctx.read(name)).data.length).toBeGreaterThan(0);
      else expect(ctx.skips.length).toBeGreaterThan(0);
    }
    if (noJournal) {
      expect(ctx.skips).toContainEqual({ source: expect.stringMatching(/^journalctl --since '\d{4}-\d\d-\d\d \d\d:\d\d:\d\d' --no-pager -o short-iso$/), reason: 'journalctl found no journal files (no systemd journal on this computer)' });
      expect(ctx.skips).toContainEqual({ source: expect.stringMatching(/^journalctl -k /), reason: 'journalctl found no journal files (no systemd journal on this computer)' });
      // A coded reason, so zh-CN says 本机没有 systemd 日志 rather than 读取失败; the sentence stays the manifest's detail.
      expect(ctx.skipCodes).toContainEqual({ source: expect.stringMatching(/^journalctl -k /), code: { code: 'no-journal' } });
    } else {
      expect(ctx.items.map((i) => i.name)).toContain('system-logs/system-log.txt');
    }
    // dmesg is readable by root on Debian: the kernel log is there one way or the other.
    if (process.getuid?.() === 0) expect(ctx.items.map((i) => i.name)).toContain('system-logs/kernel-log.txt');
    const kernel = ctx.items.find((i) => i.name === 'system-logs/kernel-log.txt');
    if (kernel?.source.startsWith('dmesg')) expect(kernel.note).toBe('the kernel ring buffer since boot (dmesg has no time window)');
    expect(ctx.warnings).toEqual([]);
  });
});

describe('system-logs collector with a stand-in journalctl', () => {
  it('asks journalctl for the window since ctx.since, in local time', async () => {
    standIns = installStandIns({ journalctl: 'echo "ARGS: $*"' });
    const since = new Date(2024, 0, 2, 3, 4, 5);
    const ctx = createFakeContext({ since });
    await systemLogsCollector.run(ctx);
    expect(await ctx.text('system-logs/system-log.txt')).toBe(`ARGS: --since ${formatLocalTime(since)} --no-pager -o short-iso\n`);
    expect(formatLocalTime(since)).toBe('2024-01-02 03:04:05');
    expect(await ctx.text('system-logs/kernel-log.txt')).toBe(`ARGS: -k --since 2024-01-02 03:04:05 --no-pager -o short-iso\n`);
  });

  it('caps a big journal to caps.systemLogBytes, keeping the newest lines behind a marker', async () => {
    standIns = installStandIns({ journalctl: 'seq 1 200000' });
    const ctx = createFakeContext({ policy: { caps: { systemLogBytes: 4096, fileBytes: 1024 * 1024, collectorBytes: 1024 * 1024, filesPerPath: 10 } } });
    await systemLogsCollector.run(ctx);
    const { data, truncated, note } = await ctx.read('system-logs/system-log.txt');
    const [marker, ...rest] = data.toString('utf8').trimEnd().split('\n');
    expect(marker).toMatch(/^\[diagcollect: truncated — kept the newest \d+ bytes \(.*\) of the output of journalctl .*; older lines omitted\]$/);
    expect(rest.at(-1)).toBe('200000');
    // whole lines only, consecutive, ending with the newest
    expect(rest.map(Number)).toEqual(Array.from({ length: rest.length }, (_, i) => 200000 - rest.length + 1 + i));
    expect(data.length).toBeLessThanOrEqual(4096 + Buffer.byteLength(`${marker}\n`));
    expect(truncated).toBe(true);
    expect(note).toMatch(/over the 4\.0 KiB cap/);
  });

  it('no journal: falls back to the syslog file and, when dmesg is refused, to kern.log; each unusable source is a skip', async () => {
    standIns = installStandIns({
      journalctl: 'echo "-- No entries --"; echo "No journal files were found." >&2',
      dmesg: 'echo "dmesg: read kernel buffer failed: Operation not permitted" >&2; exit 1',
    });
    writeFileSync(path.join(dir, 'messages'), 'Jan  2 03:04:05 host app[1]: hello\n');
    writeFileSync(path.join(dir, 'kern.log'), 'Jan  2 03:04:05 host kernel: oops\n');
    const ctx = createFakeContext();
    await linuxLogs(ctx, 1024 * 1024, { system: [path.join(dir, 'syslog'), path.join(dir, 'messages')], kernel: [path.join(dir, 'kern.log')] });

    expect(await ctx.text('system-logs/system-log.txt')).toBe('Jan  2 03:04:05 host app[1]: hello\n');
    expect(ctx.item('system-logs/system-log.txt').source).toBe(path.join(dir, 'messages'));
    expect(await ctx.text('system-logs/kernel-log.txt')).toBe('Jan  2 03:04:05 host kernel: oops\n');
    expect(ctx.skips.map((s) => s.reason)).toEqual(
      expect.arrayContaining([
        'journalctl found no journal files (no systemd journal on this computer)',
        'exited with code 1: dmesg: read kernel buffer failed: Operation not permitted',
      ]),
    );
    expect(ctx.skips).toHaveLength(3);
  });

  it('nothing usable at all: only skips, no crash', async () => {
    standIns = installStandIns({}, { only: true });
    const ctx = createFakeContext();
    await linuxLogs(ctx, 1024, { system: [path.join(dir, 'none-1')], kernel: [path.join(dir, 'none-2')] });
    expect(ctx.items).toEqual([]);
    expect(ctx.skips.map((s) => s.reason)).toEqual(
      expect.arrayContaining([
        'journalctl is not installed on this computer (command not found)',
        'dmesg is not installed on this computer (command not found)',
        'fallback for the system log; none of these files exists',
        'fallback for the kernel log; none of these files exists',
      ]),
    );
  });

  it('describe() names journalctl, log show and wevtutil', () => {
    const policy = createFakeContext().policy;
    expect(systemLogsCollector.describe('linux', policy).join('\n')).toMatch(/journalctl --since[\s\S]*journalctl -k[\s\S]*\/var\/log\/syslog/);
    expect(systemLogsCollector.describe('darwin', policy).join('\n')).toMatch(/log show --last/);
    expect(systemLogsCollector.describe('win32', policy).join('\n')).toMatch(/wevtutil qe System[\s\S]*wevtutil epl System/);
  });
});

describe('journalUnavailable', () => {
  const result = (stderr: string, stdout = '') => ({ code: 1, stdout: Buffer.from(stdout), stderr, timedOut: false }) as unknown as Parameters<typeof journalUnavailable>[0];

  it('a computer with no journal is a coded skip, said in each language; the sentence stays for the manifest', () => {
    const why = journalUnavailable(result('No journal files were found.\n'));
    expect(why).toEqual({ reason: { code: 'no-journal' }, detail: 'journalctl found no journal files (no systemd journal on this computer)' });
    if (typeof why !== 'object') throw new Error('expected a coded reason');
    expect(translator('zh-CN').reason(why.reason)).toBe('本机没有 systemd 日志（journal），无可读取');
    expect(englishReason(why.reason)).toBe('this computer keeps no systemd journal: nothing to read');
  });

  it('another journalctl failure stays a sentence', () => {
    expect(typeof journalUnavailable(result('Failed to get journal access: Permission denied\n', '-- No entries --'))).toBe('string');
  });
});
