/**
 * The leak check (`scanArchiveForLeaks`) against a pass-through read of the same archive (every
 * entry read and inflated by the check's own code, the bytes dropped): the floor any scan of the
 * finished archive pays.
 * The values are what the Redactor hid in the first pieces of the log text (realistic kinds and
 * counts), plus made-up ones up to 1 000 and to 10 000 (absent, so the whole archive is searched).
 * Throughput is in MB of entry bytes (uncompressed) per second. Target: ≥ 300 MB/s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ZipWriter } from '../../electron/engine/archive/zip-writer.js';
import { Redactor } from '../../electron/engine/redact/index.js';
import { LeakMatcher, LeakWatch, leakCandidates, readArchiveEntries, scanArchiveForLeaks } from '../../electron/engine/redact/leak-check.js';
import { QUICK } from './measure.js';
import { prng } from './prng.js';
import { generateLogText } from './redact.bench.js';

export interface LeakBenchRow {
  values: number;
  mbPerSec: number;
  /** MB per second of this process's CPU time (inflate threads included): steadier under load. */
  mbPerCpuSec: number;
  /** Leak check time / pass-through read time. */
  ratio: number;
  hits: number;
}

export interface LeakBench {
  inputMB: number;
  /**
   * The matcher alone over the bytes in memory (no zip, no inflate), against the plainest
   * JavaScript pass over the same bytes (a sum of every byte), both per CPU second: how close the
   * search is to the floor of touching each byte once.
   */
  matcherMbPerCpuSec: number;
  byteLoopMbPerCpuSec: number;
  passThroughMbPerSec: number;
  passThroughMbPerCpuSec: number;
  rows: LeakBenchRow[];
  /** The check as collect runs it: folded into the write pass, then the read-back of late entries. */
  folded: FoldedRow[];
}

export interface FoldedRow {
  name: string;
  /** Entry bytes in the archive (after redaction), MB. */
  archiveMB: number;
  values: number;
  /** Archive MB per CPU second of the whole check (write-pass search + read-back). */
  mbPerCpuSec: number;
  /** MB of entries read back at the end (written before a value was learned). */
  readBackMB: number;
  hits: number;
  /** The alternative: no search while writing, one scan of the finished archive with every value (same archive, same run). */
  fullScanMbPerCpuSec: number;
  /** Reading and inflating the same archive without searching: the floor of any read-back or scan at the end. */
  inflateMbPerCpuSec: number;
}

/**
 * The folded check on redacted text, as a collection runs it: entries of ~16 MB redacted one after
 * another by one Redactor (values learned as it goes; an entry's own values are late for it, as
 * when it streams), written to an archive; then, timed alone, the watch sees each entry's bytes in
 * 1 MiB chunks and the values learned so far, and `finish` reads back what it must. `repeatFrom`:
 * entries from this one on repeat the earlier text (no new values: logs that name the same users
 * and hosts over and over); without it every entry brings new values (the worst case).
 */
async function foldedCheck(dir: string, pieces: readonly Buffer[], name: string, repeatFrom?: number): Promise<FoldedRow> {
  const redactor = new Redactor();
  const entries: { name: string; data: Buffer; learned: string[] }[] = [];
  const groups = Math.ceil(pieces.length / 16);
  for (let g = 0; g < groups; g += 1) {
    const source = repeatFrom !== undefined && g >= repeatFrom ? g % repeatFrom : g;
    const before = redactor.seenValues().size;
    const data = Buffer.from(redactor.redactText(Buffer.concat(pieces.slice(source * 16, source * 16 + 16)).toString('utf8')).text, 'utf8');
    entries.push({ name: `app-logs/app-${g}.log`, data, learned: [...redactor.seenValues()].slice(before) });
  }
  const archive = join(dir, `${name.replace(/\W+/g, '-')}.zip`);
  const writer = await ZipWriter.open(archive);
  for (const e of entries) void writer.addBuffer(e.name, e.data);
  await writer.finalize();
  const seen = new Set<string>();
  const readBack = new Set<string>();
  const check = async () => {
    seen.clear();
    readBack.clear();
    const watch = new LeakWatch(() => seen);
    for (const e of entries) {
      watch.begin(e.name);
      for (let o = 0; o < e.data.length; o += 1 << 20) watch.bytes(e.data.subarray(o, o + (1 << 20)));
      watch.end();
      const at = seen.size;
      for (const v of e.learned) seen.add(v);
      if (seen.size > at) for (const earlier of entries.slice(0, entries.indexOf(e) + 1)) readBack.add(earlier.name);
    }
    return watch.finish(archive, '');
  };
  // Once untimed: the first run pays for compiling the check's code (JIT, WebAssembly tier-up),
  // which a 50 MB quick run would count as a fifth of the check; the rows measure throughput.
  await check();
  const run = await timed(check);
  const archiveMB = entries.reduce((n, e) => n + e.data.length, 0) / 1e6;
  const readBackMB = entries.filter((e) => readBack.has(e.name)).reduce((n, e) => n + e.data.length, 0) / 1e6;
  const full = await timed(() => scanArchiveForLeaks(archive, leakCandidates(seen, '')));
  if (full.value.length !== run.value.length) throw new Error(`the folded check found ${run.value.length} hits, a full scan ${full.value.length}`);
  const floor = await timed(() => readArchiveEntries(archive));
  rmSync(archive, { force: true });
  return { name, archiveMB, values: seen.size, mbPerCpuSec: archiveMB / run.cpuSeconds, readBackMB, hits: run.value.length, fullScanMbPerCpuSec: archiveMB / full.cpuSeconds, inflateMbPerCpuSec: archiveMB / floor.cpuSeconds };
}

async function timed<T>(run: () => Promise<T>): Promise<{ seconds: number; cpuSeconds: number; value: T }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = await run();
  const c = process.cpuUsage(c0);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6, value };
}

export async function benchLeak(mb = Number(process.env.BENCH_LEAK_MB ?? (QUICK ? 50 : 300))): Promise<LeakBench> {
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-leak-'));
  try {
    const pieces = generateLogText(mb);
    const archive = join(dir, 'leak.zip');
    const writer = await ZipWriter.open(archive);
    // Entries of ~16 MB, like app logs after the caps.
    for (let i = 0; i < pieces.length; i += 16) void writer.addBuffer(`app-logs/app-${i / 16}.log`, Buffer.concat(pieces.slice(i, i + 16)));
    await writer.finalize();
    const redactor = new Redactor();
    redactor.redactText(Buffer.concat(pieces.slice(0, 8)).toString('utf8'));
    const seen = [...redactor.seenValues()].filter((v) => v.trim().length >= 4);
    const r = prng(13);
    const madeUp = (n: number) => Array.from({ length: n }, (_, i) => `absent-${Math.floor(r() * 1e9).toString(36)}-${i}@nowhere.example`);
    const inputMB = pieces.reduce((n, p) => n + p.length, 0) / 1e6;
    const sample = Buffer.concat(pieces.slice(0, 32));
    const perCpuSecond = (run: () => void) => {
      const c0 = process.cpuUsage();
      run();
      const c = process.cpuUsage(c0);
      return sample.length / (c.user + c.system);
    };
    const matcher = new LeakMatcher([...seen, ...madeUp(Math.max(0, 1000 - seen.length))]);
    const scanSample = () => {
      matcher.beginEntry('sample');
      for (let o = 0; o < sample.length; o += 16_384) matcher.push(sample.subarray(o, o + 16_384));
      matcher.endEntry();
    };
    let sum = 0;
    const sumSample = () => {
      for (let o = 0; o < sample.length; o += 16_384) {
        const chunk = sample.subarray(o, o + 16_384);
        for (let i = 0; i < chunk.length; i += 1) sum = (sum + chunk[i]!) | 0;
      }
    };
    scanSample();
    sumSample();
    const matcherMbPerCpuSec = perCpuSecond(scanSample);
    const byteLoopMbPerCpuSec = perCpuSecond(sumSample);
    if (sum === 0.5) console.log(sum); // keeps the loop from being optimised away
    const folded = [await foldedCheck(dir, pieces, 'the first entries repeated (values learned early)', Math.max(1, Math.floor(pieces.length / 16 / 8))), await foldedCheck(dir, pieces, 'new values in every entry (worst case)')];
    pieces.length = 0;

    await readArchiveEntries(archive); // warm the page cache
    const base = await timed(() => readArchiveEntries(archive));
    const rows: LeakBenchRow[] = [];
    for (const values of [seen, [...seen, ...madeUp(Math.max(0, 1000 - seen.length))], [...seen, ...madeUp(Math.max(0, 10_000 - seen.length))]]) {
      const run = await timed(() => scanArchiveForLeaks(archive, values));
      rows.push({ values: values.length, mbPerSec: inputMB / run.seconds, mbPerCpuSec: inputMB / run.cpuSeconds, ratio: run.seconds / base.seconds, hits: run.value.length });
    }
    return { inputMB, matcherMbPerCpuSec, byteLoopMbPerCpuSec, passThroughMbPerSec: inputMB / base.seconds, passThroughMbPerCpuSec: inputMB / base.cpuSeconds, rows, folded };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
