import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { clearLocalTimeCache, isoAt, levelOfText, stampOf, syslogAt } from '../../../../electron/engine/timeline/stamps.js';

const ORIGINAL_TZ = process.env.TZ;
const zone = (tz: string) => {
  process.env.TZ = tz;
  clearLocalTimeCache();
};
const utc = (line: string, reference = Date.parse('2026-12-05T05:00:00Z')) => {
  const s = stampOf(line, reference);
  return s ? new Date(s.ms).toISOString() : undefined;
};

beforeEach(() => zone('Asia/Shanghai'));
afterAll(() => zone(ORIGINAL_TZ ?? 'UTC'));

describe('timestamps', () => {
  it('ISO 8601 zones: Z, ±hh:mm, ±hhmm, ±hh, " UTC", a space before the offset; none = local', () => {
    expect(utc('2024-01-15T09:38:52.117Z x')).toBe('2024-01-15T09:38:52.117Z');
    expect(utc('2024-01-15T09:38:52.117+08:00 x')).toBe('2024-01-15T01:38:52.117Z');
    expect(utc('2024-01-15T09:38:52-0500 x')).toBe('2024-01-15T14:38:52.000Z');
    expect(utc('2024-01-15T09:38:52+05 x')).toBe('2024-01-15T04:38:52.000Z');
    expect(utc('2024-01-15 09:38:52 UTC x')).toBe('2024-01-15T09:38:52.000Z');
    expect(utc('2024-01-15 09:38:52.117 +08:00 [INF] x')).toBe('2024-01-15T01:38:52.117Z');
    expect(utc('2024-01-15 09:38:52,5 INFO')).toBe('2024-01-15T01:38:52.500Z');
    expect(utc('2024-01-15T09:38:52.4280000Z')).toBe('2024-01-15T09:38:52.428Z');
    // "- 12" after the seconds is text, not an offset without digits after it.
    expect(utc('2024-01-15 09:38:52 - user logged in')).toBe('2024-01-15T01:38:52.000Z');
  });

  it('rejects what only looks like a date', () => {
    expect(utc('2024-13-15 09:38:52 x')).toBeUndefined();
    expect(utc('2024-01-15 25:38:52 x')).toBeUndefined();
    expect(utc('1234567890 nothing')).toBeUndefined();
    expect(utc('    at com.example.Main(Main.java:12)')).toBeUndefined();
    expect(utc('')).toBeUndefined();
  });

  it('local time follows the zone\'s rules on that date (daylight saving time)', () => {
    zone('America/New_York');
    expect(utc('2024-01-15 09:00:00 x')).toBe('2024-01-15T14:00:00.000Z');
    expect(utc('2024-07-15 09:00:00 x')).toBe('2024-07-15T13:00:00.000Z');
  });

  it('syslog: a PRI without RFC 5424\'s version is RFC 3164; the severity gives the level', () => {
    const ref = Date.parse('2026-12-05T05:00:00Z');
    expect(syslogAt('<11>Dec  5 12:34:55 vm app: x', ref)).toMatchObject({ format: 'rfc3164', level: 'error' });
    expect(syslogAt('<12>1 2026-12-05T04:34:55Z vm app - - - x', ref)).toMatchObject({ format: 'rfc5424', level: 'warning' });
    expect(syslogAt('<999>Dec  5 12:34:55 vm app: x', ref)).toBeUndefined();
  });

  it('a stamp after a short prefix, and ctime / access-log forms', () => {
    expect(utc('I, [2026-12-05T04:27:28.261483 #4493]  INFO -- : x')).toBe('2026-12-04T20:27:28.261Z');
    expect(utc('[4711] [Sat Dec  5 04:30:03 2026] [info]: RT started')).toBe('2026-12-04T20:30:03.000Z');
    expect(utc('10.0.0.1 - - [15/Jan/2024:09:38:52 +0800] "GET / HTTP/1.1" 200 12')).toBe('2024-01-15T01:38:52.000Z');
    expect(utc('[Mon Jan 15 09:38:52.117 2024] [core:error] x')).toBe('2024-01-15T01:38:52.117Z');
  });

  it('isoAt reads at an offset and says where the stamp ends', () => {
    const s = isoAt('xx 2024-01-15T09:38:52Z rest', 3)!;
    expect(s.end).toBe(23);
  });
});

describe('level words', () => {
  it.each([
    ['2024-01-15 09:38:52,117 ERROR [main] x', 'error'],
    ['2024-01-15 09:38:52 [ERR] x', 'error'],
    ['2024-01-15 09:38:52.1|WARN|Logger|x', 'warning'],
    ['2024-01-15 09:38:52 [error] 12#0: x', 'error'],
    ['2024-01-15 09:38:52 pc kernel: error: bad sector', 'error'],
    ['2024-01-15 09:38:52 <warn> x', 'warning'],
    ['2024-01-15 09:38:52 同步失败：连接超时', 'error'],
    ['2024-01-15 09:38:52 [警告] 磁盘空间不足', 'warning'],
    ['2024-01-15 09:38:52 INFO errorCount=0 terror warnings_total=3', 'info'],
    ['2024-01-15 09:38:52 INFO Error handling enabled', 'info'],
    // Microsoft.Extensions.Logging's console words.
    ['2024-01-15 09:38:52 fail: Microsoft.AspNetCore.Server.Kestrel[13]', 'error'],
    ['2024-01-15 09:38:52 crit: Microsoft.AspNetCore.Hosting.Diagnostics[6]', 'error'],
    ['2024-01-15 09:38:52 warn: Microsoft.AspNetCore.DataProtection.Repositories.EphemeralXmlRepository[50]', 'warning'],
    ['2024-01-15 09:38:52 info: Microsoft.Hosting.Lifetime[14]', 'info'],
  ])('%s → %s', (line, level) => {
    expect(levelOfText(line, 19)).toBe(level);
  });
});
