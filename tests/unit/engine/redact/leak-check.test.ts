import { mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZipWriter } from '../../../../electron/engine/archive/zip-writer.js';
import { testCollector } from '../../../helpers/collector.js';
import { LeakMatcher, LeakWatch, leakCandidates, maskValue, scanArchiveForLeaks } from '../../../../electron/engine/redact/leak-check.js';
import { runSession } from '../../../../electron/engine/session.js';
import { DEFAULT_POLICY } from '../../../../shared/policy.js';
import { prng } from '../../../bench/prng.js';

const tmp = () => mkdtempSync(join(os.tmpdir(), 'leak-'));

const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

/**
 * The reference: a plain search per value (lower-case values), hits in the order they end; an
 * occurrence counts only as a token (a word character at the value's edge must not touch another).
 */
function plainSearch(values: readonly string[], text: string, entry: string) {
  const lower = text.toLowerCase();
  const token = (v: string, at: number) => (!isWord(v[0]) || !isWord(lower[at - 1])) && (!isWord(v.at(-1)) || !isWord(lower[at + v.length]));
  const first = (v: string) => {
    let at = lower.indexOf(v);
    while (at >= 0 && !token(v, at)) at = lower.indexOf(v, at + 1);
    return at;
  };
  return values
    .map((v, i) => ({ i, at: first(v) }))
    .filter((x) => x.at >= 0)
    .map((x) => ({ ...x, end: x.at + values[x.i]!.length }))
    .sort((a, b) => a.end - b.end || a.i - b.i)
    .map((x) => ({ entry, line: lower.slice(0, x.at).split('\n').length, masked: maskValue(values[x.i]!) }));
}

/** What this process has open (Linux: /proc/self/fd), to prove a stopped scan closed its file. */
const openFiles = (): string[] =>
  readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return [readlinkSync(`/proc/self/fd/${fd}`)];
    } catch {
      return [];
    }
  });


describe('leak check', () => {
  it('finds a value in any entry, case-insensitively, across chunk boundaries, with its line', async () => {
    const path = join(tmp(), 'a.zip');
    const w = await ZipWriter.open(path);
    const big = Buffer.concat([Buffer.from('line\n'.repeat(300_000)), Buffer.from('Token: S3cret-Value-XYZ\n')]);
    void w.addBuffer('clean.txt', Buffer.from('nothing here\n'));
    void w.addBuffer('logs/big.log', big);
    void w.addBuffer('notes.txt', Buffer.from('first\nmail CAROL@Example.NET now\n'));
    await w.finalize();
    const hits = await scanArchiveForLeaks(path, ['s3cret-value-xyz', 'carol@example.net', 'absent-value']);
    expect(hits).toEqual([
      { entry: 'logs/big.log', line: 300_001, masked: 's********z' },
      { entry: 'notes.txt', line: 2, masked: 'c********t' },
    ]);
  });

  it('leaves out short values and what the user typed into the intake', () => {
    expect(leakCandidates(['abc', 'dave@example.org', 'hunter2-secret'], '联系方式: Dave@example.org')).toEqual(['hunter2-secret']);
    // A URL's user that is a common word (`redis://default:…`, `postgresql://report:…`, GitLab's
    // `oauth2:`) is not looked for: every `default:` and `Report Id` would be a false alarm.
    expect(leakCandidates(['default', 'Report', 'oauth2', 'hunter2-secret', 'zhangwei88'], '')).toEqual(['hunter2-secret', 'zhangwei88']);
    // A PIN or short code (fewer than six digits) stands inside every port, year and duration: not
    // looked for (`pin-value=1234` had the mend rewrite `port 1234` elsewhere). Six digits and
    // digits among letters still are.
    expect(leakCandidates(['1234', '2026', '73915', '739155', 'pin1234', '12345678901'], '')).toEqual(['739155', 'pin1234', '12345678901']);
    expect(maskValue('ab')).toBe('**');
  });

  it('catches a secret the rules hid in a text item but that also stands in a binary item', async () => {
    const leaky = testCollector(
      'leaky',
      (ctx) => {
        ctx.addText('config.txt', 'db_password=Tr0ub4dor-and-3\n', 'test');
        // A binary blob (NUL bytes) that happens to carry the same password: never redacted.
        ctx.addBuffer('dump.bin', Buffer.concat([Buffer.alloc(16), Buffer.from('Tr0ub4dor-and-3'), Buffer.alloc(16)]), 'test', 'binary');
      },
      5000,
    );
    const result = await runSession({ ticket: '1', policy: DEFAULT_POLICY, outDir: tmp(), collectors: [leaky], checks: [], lang: 'en' });
    expect(result.leakValues).toContain('Tr0ub4dor-and-3');
    const hits = await scanArchiveForLeaks(result.archivePath, result.leakValues);
    expect(hits.map((h) => h.entry)).toEqual(['dump.bin']);
    // The check the workflow runs (folded into the write pass) finds the same.
    expect(await result.checkLeaks()).toEqual(hits);
  });

  describe('folded into the write pass', () => {
    /** An archive written with a watch while the "redactor" learns values between entries. */
    async function written(steps: ({ name: string; data: string } | { learn: string })[]) {
      const path = join(tmp(), 'w.zip');
      const seen = new Set<string>();
      const watch = new LeakWatch(() => seen);
      const w = await ZipWriter.open(path, { watch });
      for (const step of steps) {
        // Each entry is fully written before the next step: a value learned after it is late for it.
        if ('learn' in step) seen.add(step.learn);
        else await w.addBuffer(step.name, Buffer.from(step.data));
      }
      await w.finalize();
      return { path, seen, watch };
    }

    it('finds what a full scan finds, values learned after an entry was written included, less the intake', async () => {
      const { path, seen, watch } = await written([
        { name: 'early.bin', data: 'x Tr0ub4dor-and-3 y\nmail ALICE@corp.example\n' },
        { learn: 'Tr0ub4dor-and-3' },
        { name: 'middle.log', data: 'nothing here\n' },
        { learn: ' contact@me.example ' },
        { learn: 'abc' },
        { name: 'late.txt', data: 'pw tr0ub4dor-AND-3 for contact@me.example\n' },
        { learn: 'alice@corp.example' },
      ]);
      const intake = '联系方式: contact@me.example';
      const hits = await watch.finish(path, intake);
      expect(hits).toEqual([
        { entry: 'early.bin', line: 1, masked: maskValue('Tr0ub4dor-and-3') },
        { entry: 'early.bin', line: 2, masked: maskValue('alice@corp.example') },
        { entry: 'late.txt', line: 1, masked: maskValue('Tr0ub4dor-and-3') },
      ]);
      expect(hits).toEqual(await scanArchiveForLeaks(path, leakCandidates(seen, intake)));
    });

    it('reads back with the write pass’s automaton when it has every value: no hit lost or doubled', async () => {
      // a.log is written before any value is known (read back); b.log and c.log are searched while
      // written, with every value, so the read-back of a.log can use that same automaton.
      const { path, seen, watch } = await written([
        { name: 'a.log', data: 'one\nkey Late-Value-1 and host-alpha-9\n' },
        { learn: 'late-value-1' },
        { learn: 'host-alpha-9' },
        { name: 'b.log', data: 'x\ny\nlate-value-1 HOST-ALPHA-9 late-value-1\n' },
        { name: 'c.log', data: 'nothing\n' },
      ]);
      const hits = await watch.finish(path, '');
      expect(hits).toEqual([
        { entry: 'a.log', line: 2, masked: maskValue('late-value-1') },
        { entry: 'a.log', line: 2, masked: maskValue('host-alpha-9') },
        { entry: 'b.log', line: 3, masked: maskValue('late-value-1') },
        { entry: 'b.log', line: 3, masked: maskValue('host-alpha-9') },
      ]);
      expect(hits).toEqual(await scanArchiveForLeaks(path, [...seen]));
      // Again (as after a stopped attempt): the same answer from a fresh automaton.
      expect(await watch.finish(path, '')).toEqual(hits);
    });

    it('reads nothing back when every value was known before the entries were written', async () => {
      const big = Array.from({ length: 30_000 }, (_, i) => `line ${i} ${(i * 7919) % 1000}\n`).join('');
      const { path, watch } = await written([
        { learn: 'secret-value-1' },
        { name: 'a.log', data: `${big}the secret-value-1 here\n` },
        { name: 'b.log', data: big },
      ]);
      // Garbage over a.log's compressed data: reading it back would fail (see the test below).
      const bytes = readFileSync(path);
      bytes.fill(0xff, 200, 2_000);
      writeFileSync(path, bytes);
      await expect(scanArchiveForLeaks(path, ['secret-value-1'])).rejects.toThrow(/a\.log cannot be inflated/);
      expect(await watch.finish(path, '')).toEqual([{ entry: 'a.log', line: 30_001, masked: maskValue('secret-value-1') }]);
    });

    it('catches a value learned while an entry is written, in that entry’s earlier and later bytes and in earlier entries', async () => {
      // Entries of several chunks; the watch sees them chunk by chunk as the writer hands them over,
      // and the "redactor" learns a value between two chunks of b.log (as it does while it streams).
      const r = prng(11);
      const filler = (n: number) => Array.from({ length: n }, () => `${Math.floor(r() * 1e12).toString(36)} ok\n`).join('');
      const entries = [
        { name: 'a.log', chunks: [filler(3000), `${filler(3000)}then user-bravo-22 tail\n`] },
        // Known before b.log began, but in a chunk after the new value: only a read-back of all of b.log with every value finds it.
        { name: 'b.log', chunks: [`${filler(3000)}USER-BRAVO-22 first\n`, `${filler(100)}KNOWN-first-1 again\n`, `${filler(3000)}x user-bravo-22 y\n`] },
      ];
      const path = join(tmp(), 'mid.zip');
      const w = await ZipWriter.open(path);
      for (const e of entries) void w.addBuffer(e.name, Buffer.from(e.chunks.join('')));
      await w.finalize();
      const seen = new Set<string>(['known-first-1']);
      const watch = new LeakWatch(() => seen);
      for (const e of entries) {
        watch.begin(e.name);
        e.chunks.forEach((chunk, i) => {
          watch.bytes(Buffer.from(chunk));
          if (e.name === 'b.log' && i === 0) seen.add('user-bravo-22');
        });
        watch.end();
      }
      const hits = await watch.finish(path, '');
      expect(hits).toEqual(await scanArchiveForLeaks(path, [...seen]));
      expect(hits.map((h) => `${h.entry}:${h.line}:${h.masked}`)).toEqual([
        `a.log:6001:${maskValue('user-bravo-22')}`,
        `b.log:3001:${maskValue('user-bravo-22')}`,
        `b.log:3102:${maskValue('known-first-1')}`,
      ]);
    });

    it('stops at its signal, aborted before or during the read-back', async () => {
      const r = prng(5);
      const steps: Parameters<typeof written>[0] = [];
      for (let e = 0; e < 2; e += 1) steps.push({ name: `e${e}.log`, data: Array.from({ length: 100_000 }, () => `${Math.floor(r() * 1e12).toString(36)}\n`).join('') });
      steps.push({ learn: 'secret-value' });
      const { path, watch } = await written(steps);
      await expect(watch.finish(path, '', { signal: AbortSignal.abort(new Error('deadline')) })).rejects.toThrow('deadline');
      const stopping = new AbortController();
      const checking = watch.finish(path, '', { signal: stopping.signal });
      setImmediate(() => stopping.abort(new Error('deadline')));
      await expect(checking).rejects.toThrow('deadline');
      if (process.platform === 'linux') expect(openFiles().filter((f) => f === path)).toEqual([]);
      expect(await watch.finish(path, '')).toEqual([]);
    }, 60_000);
  });

  it('finds a value split across two chunks, at every split point', () => {
    const value = 'Tr0ub4dor-&-3';
    const text = Buffer.from(`one\ntwo ${value.toUpperCase()} three\n`);
    const start = text.indexOf('TR0');
    for (let cut = start; cut <= start + value.length; cut += 1) {
      const m = new LeakMatcher([value]);
      m.beginEntry('e');
      m.push(text.subarray(0, cut));
      m.push(text.subarray(cut));
      expect(m.endEntry(), `cut at ${cut}`).toEqual([{ entry: 'e', line: 2, masked: maskValue(value) }]);
    }
  });

  it('carries the state over many one-byte chunks, and counts lines across them', () => {
    const m = new LeakMatcher(['needle-in-hay']);
    m.beginEntry('bytes');
    for (const b of Buffer.from('a\nb\nc needle-in-\nhay needle-IN-hay\n')) m.push(Uint8Array.of(b));
    expect(m.endEntry()).toEqual([{ entry: 'bytes', line: 4, masked: maskValue('needle-in-hay') }]);
  });

  it('starts each entry afresh: a value cut by the end of an entry is not a hit', () => {
    const m = new LeakMatcher(['split-secret']);
    m.beginEntry('a');
    m.push(Buffer.from('x split-'));
    expect(m.endEntry()).toEqual([]);
    m.beginEntry('b');
    m.push(Buffer.from('secret y'));
    expect(m.endEntry()).toEqual([]);
  });

  it('finds overlapping and nested values, each once per entry, in the order they occur (as tokens only)', () => {
    const m = new LeakMatcher(['ab-cd', 'cd-ef', 'cd-ef-gh', 'ef-gh', 'f-gh', 'zzzz']);
    m.beginEntry('e');
    m.push(Buffer.from('..ab-cd-ef-gh..\nab-cd-ef-gh\n'));
    // `f-gh` stands inside `ef-gh`: not a token, never a hit.
    expect(m.endEntry().map((h) => [h.masked, h.line])).toEqual([
      [maskValue('ab-cd'), 1],
      [maskValue('cd-ef'), 1],
      [maskValue('cd-ef-gh'), 1],
      [maskValue('ef-gh'), 1],
    ]);
  });

  it('matches non-ASCII values byte for byte, folding only ASCII letters', () => {
    const values = ['张三的密码Abc', 'Jörg.Müller@example.de', 'пароль-Secret'];
    const m = new LeakMatcher(values);
    m.beginEntry('utf8.txt');
    // Case differs only in ASCII letters: found. "JÖRG" differs in a non-ASCII letter: not found.
    m.push(Buffer.from('a\n用户 张三的密码aBC\nmail JÖRG.MÜLLER@EXAMPLE.DE\nпароль-SECRET\n'));
    expect(m.endEntry()).toEqual([
      { entry: 'utf8.txt', line: 2, masked: maskValue(values[0]!) },
      { entry: 'utf8.txt', line: 4, masked: maskValue(values[2]!) },
    ]);
    // A multi-byte character cut between chunks is still matched.
    const cut = new LeakMatcher(['张三的密码Abc']);
    cut.beginEntry('e');
    const bytes = Buffer.from('x张三的密码abc');
    cut.push(bytes.subarray(0, 3));
    cut.push(bytes.subarray(3));
    expect(cut.endEntry()).toHaveLength(1);
  });

  it('reports every value when two differ only in ASCII case', () => {
    const m = new LeakMatcher(['Secret-One', 'secret-one']);
    m.beginEntry('e');
    m.push(Buffer.from('SECRET-ONE'));
    expect(m.endEntry()).toHaveLength(2);
  });

  it('searches 10 000 values in one pass and agrees with a plain search, with or without full table rows', async () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789-._@';
    const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    const values = Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? `10.${i % 256}.${(i >> 8) % 256}.${i % 7}` : word(6 + (i % 20))));
    const lines: string[] = [];
    for (let i = 0; i < 12_000; i += 1) lines.push(i % 29 === 0 ? `line ${i} ${values[(i * 31) % values.length]!.toUpperCase()} end` : `line ${i} ${word(30)}`);
    const text = `${lines.join('\n')}\n`;
    const path = join(tmp(), 'many.zip');
    const w = await ZipWriter.open(path);
    void w.addBuffer('big.log', Buffer.from(text));
    await w.finalize();
    const expected = plainSearch(values, text, 'big.log');
    expect(expected.length).toBeGreaterThan(300);
    expect(await scanArchiveForLeaks(path, values)).toEqual(expected);
    // Only the start state with a full row (every other state by its edges and failure link), and
    // a budget that cuts the breadth-first order mid-level: the same answers.
    for (const denseCells of [1, 5_000]) {
      const m = new LeakMatcher(values, { denseCells });
      m.beginEntry('big.log');
      const bytes = Buffer.from(text);
      for (let o = 0; o < bytes.length; o += 4093) m.push(bytes.subarray(o, o + 4093));
      expect(m.endEntry(), `denseCells ${denseCells}`).toEqual(expected);
    }
  });

  it('two lanes per long chunk agree with a plain search, whatever the chunk size, values across the middle included', () => {
    const r = prng(11);
    const alphabet = 'abcdef0123456789.@-';
    const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
    const values = Array.from({ length: 300 }, (_, i) => word(4 + (i % 40)));
    // Dense in hits (a value every ~200 bytes, many straddling any cut), short lines.
    const parts: string[] = [];
    // The value is followed by a space or runs on into a word (then it is a token only where its last character is no word character).
    for (let i = 0; i < 3_000; i += 1) parts.push(i % 3 === 0 ? `${word(20)}\n${values[Math.floor(r() * values.length)]!.toUpperCase()}${r() < 0.7 ? ' ' : ''}${word(5)}` : word(60), '\n');
    const text = parts.join('');
    const expected = plainSearch(values, text, 'e');
    expect(expected.length).toBeGreaterThan(150);
    const bytes = Buffer.from(text);
    for (const denseCells of [1, 300, 256 * 1024]) {
      for (const size of [4096, 5_000, 65_536, 100_003, bytes.length]) {
        const m = new LeakMatcher(values, { denseCells });
        m.beginEntry('e');
        for (let o = 0; o < bytes.length; o += size) m.push(bytes.subarray(o, o + size));
        expect(m.endEntry(), `denseCells ${denseCells}, chunks of ${size}`).toEqual(expected);
      }
    }
    // The longest value at every start around the middle of one chunk (where lane 2 begins).
    const longest = 'q'.repeat(30) + 'Z-9';
    for (let at = 4096 - longest.length - 2; at <= 4096 + 2; at += 1) {
      const chunk = Buffer.alloc(8192, ' ');
      chunk.write('\n', 10);
      chunk.write(longest, at);
      const m = new LeakMatcher([longest, 'zzzz']);
      m.beginEntry('e');
      m.push(chunk);
      expect(m.endEntry(), `value at ${at}`).toEqual([{ entry: 'e', line: 2, masked: maskValue(longest) }]);
    }
  });

  it('overlapping values through failure links when deep states have no full rows', () => {
    const m = new LeakMatcher(['ab-cd', 'cd-ef', 'ef-gh', 'x-ab-cd-y'], { denseCells: 1 });
    m.beginEntry('e');
    m.push(Buffer.from('..x-ab-cd-ef-gh..\nx-ab-cd-y\n'));
    expect(m.endEntry().map((h) => [h.masked, h.line])).toEqual([
      [maskValue('ab-cd'), 1],
      [maskValue('cd-ef'), 1],
      [maskValue('ef-gh'), 1],
      [maskValue('x-ab-cd-y'), 2],
    ]);
  });

  it('stops when its signal is aborted', async () => {
    const path = join(tmp(), 'a.zip');
    const w = await ZipWriter.open(path);
    void w.addBuffer('a.txt', Buffer.from('secret-value\n'));
    await w.finalize();
    const abort = new AbortController();
    abort.abort(new Error('deadline'));
    await expect(scanArchiveForLeaks(path, ['secret-value'], { signal: abort.signal })).rejects.toThrow('deadline');
  });

  it('stops reading when its signal is aborted during the scan, its file closed', async () => {
    const path = join(tmp(), 'big.zip');
    const w = await ZipWriter.open(path);
    // Incompressible-ish text, so the archive holds many MiB to read; the value is only at the end.
    const r = prng(7);
    for (let e = 0; e < 2; e += 1) void w.addBuffer(`e${e}.log`, Buffer.from(Array.from({ length: 100_000 }, () => `${Math.floor(r() * 1e12).toString(36)}\n`).join('')));
    void w.addBuffer('last.txt', Buffer.from('secret-value\n'));
    await w.finalize();
    expect(await scanArchiveForLeaks(path, ['secret-value'])).toHaveLength(1);
    const stopping = new AbortController();
    const scanning = scanArchiveForLeaks(path, ['secret-value'], { signal: stopping.signal });
    // Aborted once the scan is under way (its first read done), long before it reaches last.txt.
    setImmediate(() => stopping.abort(new Error('deadline')));
    await expect(scanning).rejects.toThrow('deadline');
    if (process.platform === 'linux') expect(openFiles().filter((f) => f === path)).toEqual([]);
  }, 60_000);

  it('reads stored and deflated entries alike, and reports a line once repeated values are quiet', async () => {
    const path = join(tmp(), 'a.zip');
    const w = await ZipWriter.open(path);
    const noisy = Buffer.from(Array.from({ length: 50_000 }, (_, i) => `10.0.0.7 user=alice step ${i}\n`).join('') + 'late Tr0ub4dor-and-3\n');
    void w.addBuffer('noisy.log', noisy);
    void w.addBuffer('stored.bin', Buffer.from('x Tr0ub4dor-and-3 y\n'), { store: true });
    void w.addBuffer('again.log', Buffer.from('alice\n10.0.0.7\n'));
    await w.finalize();
    expect(await scanArchiveForLeaks(path, ['10.0.0.7', 'alice', 'Tr0ub4dor-and-3'])).toEqual([
      { entry: 'noisy.log', line: 1, masked: maskValue('10.0.0.7') },
      { entry: 'noisy.log', line: 1, masked: maskValue('alice') },
      { entry: 'noisy.log', line: 50_001, masked: maskValue('Tr0ub4dor-and-3') },
      { entry: 'stored.bin', line: 1, masked: maskValue('Tr0ub4dor-and-3') },
      { entry: 'again.log', line: 1, masked: maskValue('alice') },
      { entry: 'again.log', line: 2, masked: maskValue('10.0.0.7') },
    ]);
  });

  it('fails with the entry named when its data cannot be inflated, instead of hanging', async () => {
    const path = join(tmp(), 'a.zip');
    const w = await ZipWriter.open(path);
    const text = Buffer.from(Array.from({ length: 20_000 }, (_, i) => `line ${i} ${(i * 7919) % 1000}\n`).join(''));
    void w.addBuffer('broken.log', text);
    await w.finalize();
    const bytes = readFileSync(path);
    // Garbage over the middle of the compressed data (the local header is 30 bytes + the name).
    bytes.fill(0xff, 200, 2_000);
    writeFileSync(path, bytes);
    await expect(scanArchiveForLeaks(path, ['secret-value'])).rejects.toThrow(/broken\.log cannot be inflated/);
  });
});
