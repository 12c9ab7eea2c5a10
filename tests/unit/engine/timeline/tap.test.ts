import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TimelineBuilder } from '../../../../electron/engine/timeline/builder.js';
import { clearLocalTimeCache } from '../../../../electron/engine/timeline/stamps.js';
import { TimelineTap } from '../../../../electron/engine/timeline/tap.js';

const ORIGINAL_TZ = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Shanghai';
  clearLocalTimeCache();
});
afterAll(() => {
  process.env.TZ = ORIGINAL_TZ ?? 'UTC';
  clearLocalTimeCache();
});

const COLLECTORS = [
  { id: 'app-logs', category: 'app-logs' as const },
  { id: 'system-logs', category: 'system-logs' as const },
  { id: 'config', category: 'config' as const },
];
const startedAt = new Date('2024-01-15T02:30:00Z');
const finish = (tap: TimelineTap) =>
  tap.finish({ ticket: '1', host: 'pc', lang: 'en', startedAt, finishedAt: new Date(startedAt.getTime() + 5000), checks: [], checksFinishedAt: startedAt });

async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await pipeline(stream, new Writable({ write: (c: Buffer, _e, cb) => (chunks.push(c), cb()) }));
  return Buffer.concat(chunks);
}

describe('timeline tap', () => {
  it('passes the archived bytes through unchanged and reads logs only', async () => {
    const tap = new TimelineTap({ collectors: COLLECTORS, occurredAt: '2024-01-15 09:40', startedAt });
    const log = Buffer.from('2024-01-15 09:38:52,117 ERROR [main] x - sync failed\n2024-01-15 09:39:00,000 INFO [main] x - ok\n');
    const out = await drain(tap.stream({ name: '软件日志/app.log', collector: 'app-logs', kind: 'text' }, Readable.from([log.subarray(0, 7), log.subarray(7)])));
    expect(createHash('sha256').update(out).digest('hex')).toBe(createHash('sha256').update(log).digest('hex'));
    const config = Readable.from([Buffer.from('2024-01-15 09:39:00 not an event\n')]);
    expect(tap.stream({ name: '配置文件/a.ini', collector: 'config', kind: 'text' }, config)).toBe(config);
    await tap.buffer({ name: 'shot.png', collector: 'app-logs', kind: 'binary' }, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    await tap.buffer({ name: '软件日志/blob.log', collector: 'app-logs', kind: 'text' }, Buffer.from([1, 2, 0, 0, 5, 6, 0, 7]));
    const doc = finish(tap);
    expect(doc.sources.map((s) => s.name)).toEqual(['软件日志/app.log', 'manifest.json']);
    expect(doc.events.filter((e) => !e.marker).map((e) => [e.utc, e.level])).toEqual([
      ['2024-01-15T01:38:52.117Z', 'error'],
      ['2024-01-15T01:39:00.000Z', 'info'],
    ]);
    expect(doc.reported).toMatchObject({ utc: '2024-01-15T01:40:00.000Z', local: '2024-01-15 09:40:00.000 +08:00', asEntered: '2024-01-15 09:40' });
    expect(doc.clock.utcOffset).toBe('+08:00');
    expect(doc.events.find((e) => e.marker === 'reported')).toBeDefined();
  });

  it('counts undated lines per source (with examples) instead of dropping them', async () => {
    const tap = new TimelineTap({ collectors: COLLECTORS, startedAt });
    await tap.buffer({ name: 'a.log', collector: 'app-logs', kind: 'text' }, Buffer.from('banner without a date\n2024-01-15 10:00:00 INFO ok\n\tat continuation\nanother free line\n'));
    const doc = finish(tap);
    expect(doc.focus.basis).toBe('collection');
    expect(doc.reported).toBeUndefined();
    expect(doc.sources[0]).toMatchObject({ lines: 4, dated: 1, continuation: 1, undated: 2, undatedSamples: ['banner without a date', 'another free line'] });
    expect(doc.totals.datedShare).toBe(0.5);
  });

  it('reads a large in-memory item in slices, a line cut between slices still counts once', async () => {
    const tap = new TimelineTap({ collectors: COLLECTORS, startedAt });
    const line = '2024-01-15 10:00:00,123 WARN [main] com.example.Sync - queue is long, dropping nothing\n';
    const n = Math.ceil((3 * 1024 * 1024) / line.length);
    await tap.buffer({ name: 'big.log', collector: 'system-logs', kind: 'text' }, Buffer.from(line.repeat(n)));
    expect(finish(tap).sources[0]).toMatchObject({ lines: n, dated: n, undated: 0, warnings: n });
  });

  it('a source that breaks midway keeps the events read so far, is marked, and the error still reaches the archive writer', async () => {
    const tap = new TimelineTap({ collectors: COLLECTORS, startedAt });
    const source = new Readable({ read() {} });
    const stream = tap.stream({ name: 'a.log', collector: 'system-logs', kind: 'text' }, source);
    source.push(Buffer.from('2024-01-15 10:00:00 ERROR first\n2024-01-15 10:00:01 INFO second\n'));
    const result = drain(stream);
    setTimeout(() => source.destroy(new Error('EIO: i/o error, read')), 20);
    await expect(result).rejects.toThrow('EIO');
    const doc = finish(tap);
    expect(doc.sources[0]!.events).toBe(2);
    expect(doc.sources[0]!.error).toContain('reading stopped midway: EIO');
  });

  it('reads redacted text handed on by the redactor (text) as it reads the same bytes (stream)', async () => {
    const log = [
      'banner without a date',
      '2024-01-15 09:38:52,117 ERROR [main] 同步失败 sync failed',
      '\tat com.example.Sync.run(Sync.java:42)',
      '2024-01-15 09:39:00,000 WARN [main] 队列很长 ✓',
      'Jan 15 09:39:30 host app[12]: info done',
      '',
    ].join('\r\n').repeat(300);
    const bytes = Buffer.from(log, 'utf8');
    const item = { name: '软件日志/app.log', collector: 'app-logs', kind: 'text' as const };
    const viaStream = new TimelineTap({ collectors: COLLECTORS, occurredAt: '2024-01-15 09:40', startedAt });
    const pieces: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 1001) pieces.push(bytes.subarray(i, i + 1001));
    await drain(viaStream.stream(item, Readable.from(pieces)));
    const viaText = new TimelineTap({ collectors: COLLECTORS, occurredAt: '2024-01-15 09:40', startedAt });
    const feed = viaText.text(item)!;
    for (let i = 0; i < log.length; i += 997) feed.write(log.slice(i, i + 997));
    feed.end();
    const a = finish(viaStream);
    const b = finish(viaText);
    expect(b.sources[0]).toMatchObject({ name: '软件日志/app.log', lines: 1500, dated: 900, continuation: 300, undated: 300 });
    expect(b).toEqual(a);
  });

  it('text: not a log gives no feed, an empty item no source, a break midway keeps what was read and says so', () => {
    const tap = new TimelineTap({ collectors: COLLECTORS, startedAt });
    expect(tap.text({ name: '配置文件/a.ini', collector: 'config', kind: 'text' })).toBeUndefined();
    expect(tap.text({ name: 'shot.png', collector: 'app-logs', kind: 'binary' })).toBeUndefined();
    tap.text({ name: 'empty.log', collector: 'app-logs', kind: 'text' })!.end();
    const broken = tap.text({ name: 'a.log', collector: 'system-logs', kind: 'text' })!;
    broken.write('2024-01-15 10:00:00 ERROR first\n2024-01-15 10:00:01 INFO sec');
    broken.fail(new Error('EIO: i/o error, read'));
    broken.write('ond\n2024-01-15 10:00:02 INFO after the break\n');
    const doc = finish(tap);
    expect(doc.sources.map((s) => s.name)).not.toContain('empty.log');
    const source = doc.sources.find((s) => s.name === 'a.log')!;
    // The line cut by the break is read as it was (as the stream tap does).
    expect(source.events).toBe(2);
    expect(source.error).toContain('reading stopped midway: EIO');
  });
});

describe('timeline builder stays bounded', () => {
  it('lists at most the caps, errors first, and counts everything', () => {
    const focus = Date.parse('2024-01-15T02:00:00Z');
    const b = new TimelineBuilder({ focusMs: focus, focusBasis: 'reported', referenceMs: focus, caps: { windowEvents: 50, outsideEvents: 10, hourCells: 5 } });
    const r = b.reader('big.log', 'app-logs', 'app-logs');
    const p2 = (n: number) => String(n).padStart(2, '0');
    let errorsInWindow = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const t = new Date(focus - 10 * 3_600_000 + i * 2_000);
      // The window: the reported minute, 30 minutes before it and 30 after it.
      const inWindow = t.getTime() >= focus - 30 * 60_000 && t.getTime() < focus + 31 * 60_000;
      const level = i % 97 === 0 ? 'ERROR' : 'INFO';
      if (inWindow && level === 'ERROR') errorsInWindow += 1;
      r.write(`${t.getFullYear()}-${p2(t.getMonth() + 1)}-${p2(t.getDate())} ${p2(t.getHours())}:${p2(t.getMinutes())}:${p2(t.getSeconds())} ${level} line ${i}\n`);
    }
    r.end();
    const doc = b.finish({ ticket: '1', host: 'pc', startedAt: new Date(focus), finishedAt: new Date(focus) });
    expect(doc.sources[0]).toMatchObject({ lines: 20_000, dated: 20_000, events: 20_000 });
    expect(doc.events.length).toBe(50);
    expect(doc.window.events).toBe(61 * 30);
    expect(doc.window.perMinute.reduce((n, m) => n + m.counts.reduce((k, c) => k + c.events, 0), 0)).toBe(doc.window.events);
    expect(doc.events.filter((e) => e.level === 'error').length).toBe(Math.min(50, errorsInWindow));
    expect(doc.notableOutside.length).toBe(10);
    expect(doc.notableOutside.every((e) => e.level === 'error')).toBe(true);
    expect(doc.perHour.length).toBe(5);
    expect(doc.perHourOverflow).toBeGreaterThan(0);
    expect(doc.events.map((e) => e.utc)).toEqual([...doc.events.map((e) => e.utc)].sort());
  });
});
