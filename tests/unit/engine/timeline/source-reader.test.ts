/**
 * Every timestamp format against output of the real programs (tests/fixtures/timeline/README.md
 * says where each file came from; the Windows and macOS files are the existing platform
 * fixtures). Each file is read in the time zone it was written in; instants are checked in UTC.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeText } from '../../../../electron/engine/redact/decode.js';
import { emptyCounts, SourceReader, type SourceCounts } from '../../../../electron/engine/timeline/source-reader.js';
import { clearLocalTimeCache, type Level } from '../../../../electron/engine/timeline/stamps.js';

const DIR = fileURLToPath(new URL('../../../fixtures/timeline/', import.meta.url));
const WIN = fileURLToPath(new URL('../../../fixtures/win32/', import.meta.url));
const MAC = fileURLToPath(new URL('../../../fixtures/darwin/', import.meta.url));
const ORIGINAL_TZ = process.env.TZ;

interface Read {
  counts: SourceCounts;
  events: Array<{ utc: string; level: Level; text: string; line: number }>;
}

function useZone(tz: string): void {
  process.env.TZ = tz;
  clearLocalTimeCache();
}

/** Reads a file as the session does: decoded, in chunks of `chunk` characters. */
function read(path: string, tz: string, reference = '2026-12-05T05:00:00Z', chunk = 97): Read {
  useZone(tz);
  const text = decodeText(readFileSync(path)).text;
  const counts = emptyCounts();
  const events: Read['events'] = [];
  const reader = new SourceReader(counts, { event: (ms, level, t, line) => events.push({ utc: new Date(ms).toISOString(), level, text: t, line }) }, Date.parse(reference));
  for (let i = 0; i < text.length; i += chunk) reader.write(text.slice(i, i + chunk));
  reader.end();
  return { counts, events };
}

const levels = (r: Read) => r.events.map((e) => e.level);

beforeEach(() => clearLocalTimeCache());
afterAll(() => useZone(ORIGINAL_TZ ?? 'UTC'));

describe('timestamp formats from real programs', () => {
  it('syslog RFC 5424 (util-linux logger --rfc5424): the offset is honoured, the priority gives the level', () => {
    const r = read(`${DIR}logger-rfc5424.txt`, 'UTC');
    expect(r.counts).toMatchObject({ lines: 8, dated: 8, undated: 0, formats: { rfc5424: 8 } });
    // Written at the same instant in UTC and in Asia/Shanghai (+08:00): the same minute in UTC.
    expect(r.events[0]!.utc).toBe('2026-12-05T04:34:55.270Z');
    expect(r.events[4]!.utc).toBe('2026-12-05T04:34:55.323Z');
    expect(levels(r)).toEqual(['error', 'warning', 'info', 'error', 'error', 'warning', 'info', 'error']);
  });

  it('syslog RFC 3164 (logger --rfc3164): no zone and no year — read in local time, year from the collection', () => {
    const utc = read(`${DIR}logger-rfc3164.utc.txt`, 'UTC');
    const cst = read(`${DIR}logger-rfc3164.asia-shanghai.txt`, 'Asia/Shanghai');
    expect(utc.counts).toMatchObject({ lines: 3, dated: 3, undated: 0, formats: { rfc3164: 3 }, zones: { local: 3 } });
    expect(utc.events.map((e) => e.utc)).toEqual(['2026-12-05T04:34:55.000Z', '2026-12-05T04:34:55.000Z', '2026-12-05T04:34:55.000Z']);
    expect(cst.events.map((e) => e.utc)).toEqual(utc.events.map((e) => e.utc));
    expect(levels(utc)).toEqual(['error', 'warning', 'info']);
  });

  it('a December line read in January belongs to the year before', () => {
    const r = read(`${DIR}logger-rfc3164.utc.txt`, 'UTC', '2027-01-02T10:00:00Z');
    expect(r.events[0]!.utc).toBe('2026-12-05T04:34:55.000Z');
  });

  it('journalctl -o short-iso: the same instants whatever zone journalctl printed them in', () => {
    const utc = read(`${DIR}journalctl-short-iso.txt`, 'UTC');
    const cst = read(`${DIR}journalctl-short-iso.asia-shanghai.txt`, 'Asia/Shanghai');
    expect(utc.counts).toMatchObject({ lines: 50, dated: 50, undated: 0 });
    expect(cst.events.map((e) => e.utc)).toEqual(utc.events.map((e) => e.utc));
    expect(utc.events.at(-3)!.text).toContain('sync failed');
  });

  it('journald JSON (journalctl -o json): __REALTIME_TIMESTAMP in µs, PRIORITY as the level; matches short-iso', () => {
    const json = read(`${DIR}journalctl-o-json.ndjson`, 'Asia/Shanghai');
    const iso = read(`${DIR}journalctl-short-iso.txt`, 'UTC');
    expect(json.counts).toMatchObject({ lines: 50, dated: 50, undated: 0, formats: { 'journald-json': 50 }, zones: { utc: 50 } });
    expect(json.events.map((e) => e.utc.slice(0, 19))).toEqual(iso.events.map((e) => e.utc.slice(0, 19)));
    const sync = json.events.find((e) => e.text.includes('sync failed'))!;
    expect(sync.level).toBe('error');
    expect(json.events.find((e) => e.text.includes('retrying in 30s'))!.level).toBe('warning');
  });

  it('Chromium --enable-logging=stderr: [pid:tid:MMDD/HHMMSS.µs:LEVEL:file] in local time; the wrapper\'s line is counted undated', () => {
    const r = read(`${DIR}chromium-enable-logging-stderr.txt`, 'UTC');
    expect(r.counts.lines).toBe(35);
    expect(r.counts).toMatchObject({ dated: 34, undated: 1, formats: { chromium: 34 } });
    expect(r.counts.undatedSamples[0]).toContain('/usr/bin/chromium: 9:');
    expect(r.events[0]!.utc).toBe('2026-12-05T04:34:46.561Z');
    expect(new Set(levels(r))).toEqual(new Set(['error', 'warning']));
  });

  it('Electron on Windows (--enable-logging, a user\'s log in electron/electron#32317): [pid:MMDD/HHMMSS.mmm:LEVEL:file] without a thread id', () => {
    const r = read(`${DIR}electron-enable-logging.win32.txt`, 'UTC', '2022-02-04T12:00:00Z');
    expect(r.counts).toMatchObject({ lines: 9, dated: 9, undated: 0, formats: { chromium: 9 }, zones: { local: 9 } });
    expect(r.events[0]!.utc).toBe('2022-02-04T11:25:40.152Z');
    expect(levels(r)).toEqual(['error', 'error', 'warning', 'error', 'error', 'warning', 'error', 'error', 'warning']);
  });

  it('Windows event text (wevtutil qe /f:text): one event per record, Date in UTC, English levels', () => {
    const r = read(`${WIN}wevtutil-qe-system.en.txt`, 'Asia/Shanghai');
    expect(r.counts).toMatchObject({ dated: 4, undated: 0, formats: { 'windows-event': 4 }, zones: { utc: 4 } });
    expect(r.counts.continuation + r.counts.dated).toBe(r.counts.lines);
    expect(r.events.map((e) => e.utc)).toEqual(['2024-01-15T09:41:07.428Z', '2024-01-15T09:38:52.117Z', '2024-01-15T09:12:30.002Z', '2024-01-15T08:01:44.965Z']);
    expect(levels(r)).toEqual(['info', 'warning', 'error', 'error']);
    expect(r.events[2]!.text).toBe('Service Control Manager (7031) — The XXSoftware Service service terminated unexpectedly.  It has done this 1 time(s).  The following corrective action will be taken in 60000 milliseconds: Restart the service.');
  });

  it('Windows event text from Chinese Windows: local dates, Chinese levels and descriptions; UTF-16LE reads the same', () => {
    const r = read(`${WIN}wevtutil-qe-system.zh-CN.txt`, 'Asia/Shanghai');
    const u16 = read(`${WIN}wevtutil-qe-system.zh-CN.utf16le.txt`, 'Asia/Shanghai');
    expect(r.counts).toMatchObject({ dated: 4, undated: 0, zones: { local: 4 } });
    expect(r.events[0]!.utc).toBe('2024-01-15T01:41:07.428Z');
    expect(levels(r)).toEqual(['info', 'warning', 'error', 'error']);
    expect(r.events[1]!.text).toContain('名称 crm.corp.example.cn 的名称解析超时');
    expect(u16.events).toEqual(r.events);
  });

  it('Event Viewer\'s copied text from Chinese Windows (real posts): 日志名称 starts an event, 日期 is local, 级别 gives the level, the description and XML belong to it', () => {
    const sleep = read(`${DIR}eventviewer-copy.zh-CN.system-7040.txt`, 'Asia/Shanghai');
    expect(sleep.counts).toMatchObject({ dated: 2, undated: 0, formats: { 'windows-event': 2 }, zones: { local: 2 } });
    expect(sleep.counts.dated + sleep.counts.continuation).toBe(sleep.counts.lines);
    // The same instants as the events' own XML (TimeCreated SystemTime 14:37:05.98Z, 14:41:11.29Z), to the second.
    expect(sleep.events.map((e) => e.utc)).toEqual(['2022-04-16T14:37:05.000Z', '2022-04-16T14:41:11.000Z']);
    expect(levels(sleep)).toEqual(['info', 'info']);
    expect(sleep.events[0]!.text).toBe('Service Control Manager (7040) — Background Intelligent Transfer Service 服务的启动类型从 按需启动 更改为 自动启动。');
    expect(sleep.events.map((e) => e.line)).toEqual([1, 38]);

    const ecp = read(`${DIR}eventviewer-copy.zh-CN.exchange-ecp.txt`, 'Asia/Shanghai');
    expect(ecp.counts).toMatchObject({ dated: 1, undated: 0, formats: { 'windows-event': 1 } });
    expect(ecp.counts.continuation).toBe(ecp.counts.lines - 1);
    expect(ecp.events).toHaveLength(1);
    expect(ecp.events[0]).toMatchObject({ utc: '2023-09-21T11:44:58.000Z', level: 'error', text: 'MSExchange Control Panel (4) — 当前用户:“liye.biz/Users/Administrator”' });
  });

  it('macOS unified log (log show --style ndjson): offset honoured, Error/Fault as errors, the closing count line is no loss', () => {
    const r = read(`${MAC}log-show.ndjson`, 'UTC');
    expect(r.counts).toMatchObject({ lines: 3, dated: 3, undated: 0, formats: { 'macos-ndjson': 3 } });
    expect(r.events[0]!.utc).toBe('2024-01-15T01:38:52.117Z');
    expect(levels(r)).toEqual(['error', 'error', 'error']);
  });

  it('dpkg.log and alternatives.log (stamp after a prefix): local time', () => {
    const dpkg = read(`${DIR}dpkg.log`, 'UTC');
    expect(dpkg.counts).toMatchObject({ lines: 40, dated: 40, undated: 0 });
    expect(dpkg.events[0]!.utc).toBe('2025-06-24T14:36:25.000Z');
    const alt = read(`${DIR}alternatives.log`, 'Asia/Shanghai');
    expect(alt.counts).toMatchObject({ dated: 20, undated: 0 });
    expect(alt.events[0]!.utc).toBe('2025-06-24T06:36:53.000Z');
  });

  it('Ruby Logger (Redmine\'s production.log): W, / E, prefixes and the level word', () => {
    const r = read(`${DIR}redmine-production.log`, 'UTC');
    expect(r.counts.undated).toBe(0);
    expect(r.events[0]!.utc).toBe('2026-12-05T04:27:28.261Z');
    expect(r.events.some((e) => e.level === 'warning')).toBe(true);
    for (const e of r.events) expect(e.level).toBe(e.text.startsWith('W,') ? 'warning' : 'info');
  });

  it('java.util.logging (java 17, SimpleFormatter): two-line records, the level from the second line, the stack trace belongs to the event', () => {
    const r = read(`${DIR}java-util-logging.txt`, 'UTC');
    expect(r.counts).toMatchObject({ dated: 3, undated: 0, formats: { 'java-util-logging': 3 } });
    expect(r.counts.continuation).toBe(r.counts.lines - 3);
    expect(levels(r)).toEqual(['info', 'warning', 'error']);
    expect(r.events[2]!.text).toContain('SEVERE: sync failed');
    expect(r.events[0]!.utc).toBe('2026-12-05T04:35:17.000Z');
  });

  it('Python logging (basicConfig asctime): comma milliseconds, the traceback belongs to the error', () => {
    const r = read(`${DIR}python-logging.txt`, 'UTC');
    expect(r.counts).toMatchObject({ dated: 3, continuation: 3, undated: 0 });
    expect(levels(r)).toEqual(['info', 'warning', 'error']);
    expect(r.events[0]!.utc).toBe('2026-12-05T04:35:21.035Z');
  });

  it('logback (Spring Boot\'s documented default): UTC stamps, levels', () => {
    const lb = read(`${DIR}spring-boot-logback.txt`, 'UTC');
    expect(lb.counts).toMatchObject({ dated: 8, undated: 0 });
    expect(lb.events[0]!.utc).toBe('2024-04-18T19:56:04.218Z');
  });

  it('log4j 2.19 run here with four PatternLayouts (yyyy-MM-dd HH:mm:ss.SSS, ISO8601, %d, XXX offset): every record dated, stack traces belong to the ERROR', () => {
    const r = read(`${DIR}log4j2.asia-shanghai.txt`, 'Asia/Shanghai');
    expect(r.counts).toMatchObject({ lines: 48, dated: 20, continuation: 28, undated: 0, zones: { local: 15, offset: 5 } });
    // DEBUG is shown as info; FATAL as an error.
    const one = ['info', 'warning', 'error', 'info', 'error'];
    expect(levels(r)).toEqual([...one, ...one, ...one, ...one]);
    // Each layout gives the same instants (the program ran once, in Asia/Shanghai).
    for (let i = 0; i < 4; i += 1) {
      expect(r.events.slice(i * 5, i * 5 + 5).map((e) => e.utc)).toEqual(['2026-12-05T13:09:40.508Z', '2026-12-05T13:09:40.510Z', '2026-12-05T13:09:40.512Z', '2026-12-05T13:09:40.528Z', '2026-12-05T13:09:40.528Z']);
    }
    expect(r.events[2]!.text).toContain('sync failed');
  });

  it('logback from a real Spring Boot 1.5 app with Sleuth (a user\'s log in an issue): local stamps, the ERROR\'s stack trace belongs to it', () => {
    const r = read(`${DIR}spring-boot-sleuth-logback.issue.txt`, 'Asia/Shanghai');
    expect(r.counts).toMatchObject({ lines: 10, dated: 4, continuation: 6, undated: 0, zones: { local: 4 } });
    expect(levels(r)).toEqual(['info', 'info', 'info', 'error']);
    expect(r.events[3]!.utc).toBe('2024-05-08T04:02:24.911Z');
    expect(r.events[3]!.text).toContain('A child container failed during start');
  });

  it('.NET (Serilog, NLog, log4net, DateTime.ToString in zh-CN and en-US)', () => {
    const r = read(`${DIR}dotnet.txt`, 'Asia/Shanghai');
    expect(r.counts).toMatchObject({ dated: 7, continuation: 2, undated: 0 });
    expect(levels(r)).toEqual(['info', 'warning', 'error', 'error', 'warning', 'error', 'info']);
    expect(r.events.map((e) => e.utc)).toEqual([
      '2024-01-15T01:38:51.003Z',
      '2024-01-15T01:38:52.117Z',
      '2024-01-15T01:38:53.501Z',
      '2024-01-15T01:38:53.501Z',
      '2024-01-15T01:38:54.220Z',
      '2024-01-15T01:38:55.000Z',
      '2024-01-15T01:38:56.000Z',
    ]);
  });

  it('.NET from public reports: NLog\'s default layout with a stack trace and its internal log, Serilog\'s file sink and console through journald', () => {
    const nlog = read(`${DIR}nlog-default-layout.issue-548.txt`, 'UTC');
    expect(nlog.counts).toMatchObject({ lines: 4, dated: 1, continuation: 3, undated: 0 });
    expect(nlog.events.map((e) => [e.utc, e.level])).toEqual([['2015-02-02T15:09:36.653Z', 'error']]);
    const internal = read(`${DIR}nlog-internal-log.issue-2234.txt`, 'UTC');
    expect(internal.counts).toMatchObject({ lines: 16, dated: 16, undated: 0 });
    expect(internal.events.at(-1)!.utc).toBe('2017-08-02T10:23:28.963Z');
    // `-05:00` after a space is the stamp's offset.
    const file = read(`${DIR}serilog-rollingfile.issue-21.txt`, 'UTC');
    expect(file.events.map((e) => [e.utc, e.level])).toEqual([['2017-05-15T13:06:52.471Z', 'error']]);
    // Serilog's console `[10:30:44.133] [INF]` has no date; journald's prefix gives it one.
    const journald = read(`${DIR}serilog-console-journald.pr-15227.txt`, 'UTC', '2026-12-05T05:00:00Z');
    expect(journald.counts).toMatchObject({ dated: 1, undated: 0 });
    expect(journald.events[0]!.utc).toBe('2026-10-26T10:30:44.000Z');
  });

  it('Microsoft.Extensions.Logging console records: with every line dated (docker) the message line belongs to its header; without TimestampFormat nothing is dated', () => {
    const docker = read(`${DIR}mel-console.docker.txt`, 'UTC');
    expect(docker.counts).toMatchObject({ lines: 16, dated: 12, continuation: 4, undated: 0 });
    expect(docker.events[0]).toMatchObject({ utc: '2023-12-01T15:34:28.000Z', level: 'info' });
    expect(docker.events[0]!.text).toBe('2023-12-01 15:34:28 info: Microsoft.Hosting.Lifetime[14] — Now listening on: http://[::]:8080');
    expect(docker.events[3]!.text).toContain('Content root path: /app');
    // The default console layout has no time at all: counted, never dropped or guessed.
    const bare = read(`${DIR}mel-console-no-timestamp.issue-22186.txt`, 'UTC');
    expect(bare.counts).toMatchObject({ lines: 8, dated: 0, undated: 8 });
  });

  it('≥ 98 % of the lines of all fixture formats are dated (or belong to a dated event), whatever the chunking', () => {
    const files: Array<[string, string]> = [
      // Files named no-timestamp hold a layout without any time (checked above to be counted undated).
      ...readdirSync(DIR).filter((f) => !f.endsWith('.md') && !f.includes('no-timestamp')).map((f): [string, string] => [`${DIR}${f}`, f.includes('asia-shanghai') || f.includes('.zh-CN.') || f === 'dotnet.txt' ? 'Asia/Shanghai' : 'UTC']),
      [`${WIN}wevtutil-qe-system.en.txt`, 'UTC'],
      [`${WIN}wevtutil-qe-system.zh-CN.txt`, 'Asia/Shanghai'],
      [`${MAC}log-show.ndjson`, 'UTC'],
    ];
    let lines = 0;
    let covered = 0;
    for (const [file, tz] of files) {
      for (const chunk of [1, 4096]) {
        const r = read(file, tz, undefined, chunk);
        if (chunk === 1) {
          lines += r.counts.lines;
          covered += r.counts.dated + r.counts.continuation;
        } else {
          expect(r.counts.dated, file).toBeGreaterThan(0);
        }
      }
    }
    expect(covered / lines).toBeGreaterThanOrEqual(0.98);
  });
});

describe('over-long lines', () => {
  /** The events of `text` read in chunks of `chunk` characters. */
  function readText(text: string, chunk: number): Read {
    useZone('UTC');
    const counts = emptyCounts();
    const events: Read['events'] = [];
    const reader = new SourceReader(counts, { event: (ms, level, t, line) => events.push({ utc: new Date(ms).toISOString(), level, text: t, line }) }, Date.parse('2026-12-05T05:00:00Z'));
    for (let i = 0; i < text.length; i += chunk) reader.write(text.slice(i, i + chunk));
    reader.end();
    return { counts, events };
  }

  // The session reads files in chunks whose size is a tuning choice: a line of more than 64 KiB
  // (a minified blob after a stamp) must give the same events whether it came whole or in pieces.
  it('a line over 64 KiB is read by its head whatever the chunking', () => {
    const long = `2024-03-15 10:00:01 INFO start ${'x'.repeat(70_000)} ERROR at the end`;
    const text = `2024-03-15 10:00:00 INFO before\n${long}\n2024-03-15 10:00:02 WARN after\n`;
    const whole = readText(text, text.length);
    for (const chunk of [1000, 65_536, 100_000]) expect(readText(text, chunk)).toEqual(whole);
    expect(whole.events.map((e) => e.level)).toEqual(['info', 'info', 'warning']);
    expect(whole.events[1]!.text.length).toBeLessThanOrEqual(4096);
    expect(whole.counts.lines).toBe(3);
  });
});
