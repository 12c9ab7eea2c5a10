/**
 * How collection cost grows with the input: app logs of 10 MB / 100 MB / 1 GB (caps raised by
 * policy to take all of it) and 1 000 / 10 000 small files, each a real `diagcollect collect`
 * (built bundle, `--only app-logs`) against `zip -6 -r` of the same folder in the same run, with
 * wall time and peak RSS (GNU time), and our CPU time split by thread (main / others). Targets (issue 13): ≤ 1.5× zip -6 at 1 GB, peak RSS ≤ 150 MB
 * at every size, and time per MB flat from the smallest size to the largest.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { CLI, QUICK, buildCli, measure, type MemoryAtPeak } from './measure.js';
import { prng } from './prng.js';
import { generateLogText } from './redact.bench.js';

export interface ScalingRow {
  name: string;
  inputMB: number;
  files: number;
  oursSeconds: number;
  zipSeconds: number;
  /** ours / zip -6. */
  ratio: number;
  /** CPU seconds (user + sys, GNU time) of each, and their ratio: the figure that holds on a loaded machine. */
  oursCpuSeconds: number;
  zipCpuSeconds: number;
  cpuRatio: number;
  /**
   * CPU seconds of our main thread (Linux; else undefined): the floor of our wall time however
   * many cores there are, since redaction, the timeline and the write pass run there while only
   * deflate and file I/O go to other threads. Its ratio to zip's CPU is the wall ratio reachable
   * on an idle machine with cores to spare.
   */
  oursMainCpuSeconds: number | undefined;
  oursPeakRssMB: number;
  zipPeakRssMB: number;
  exitCode: number | null;
  /** The 1-minute load average when the pair ended: on a shared machine, wall ratios swing with it. */
  loadAverage: number;
  /** BENCH_MEMORY=1: where our peak RSS went. */
  memoryAtPeak?: MemoryAtPeak;
}

/** Writes `mb` MB of log text as files of at most 100 MB into `dir`. */
function writeLogs(dir: string, mb: number): number {
  mkdirSync(dir, { recursive: true });
  const unique = generateLogText(Math.min(mb, 100));
  let written = 0;
  let file = 0;
  while (written < mb * 1e6) {
    const size = Math.min(100e6, mb * 1e6 - written);
    const parts: Buffer[] = [];
    let n = 0;
    for (const p of unique) {
      if (n >= size) break;
      parts.push(n + p.length > size ? p.subarray(0, size - n) : p);
      n += Math.min(p.length, size - n);
    }
    // Different file names; the bytes repeat from 100 MB on (what matters is the volume).
    writeFileSync(join(dir, `app-${file}.log`), Buffer.concat(parts));
    written += n;
    file += 1;
  }
  return file;
}

/** `count` small log files (~1 KB each), about one in ten with a token or an address in it. */
function writeSmallFiles(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  const r = prng(99);
  for (let i = 0; i < count; i += 1) {
    const lines: string[] = [];
    for (let l = 0; l < 12; l += 1) lines.push(`2024-03-15 10:${String(l).padStart(2, '0')}:00 [INFO] worker ${i} step ${l} ok ${Math.floor(r() * 1e6)}`);
    if (i % 10 === 0) lines.push(`auth token=ghp_${Math.floor(r() * 1e12).toString(36)}abcdefABCDEF012345 user=u${i}@corp.example`);
    writeFileSync(join(dir, `f-${i}.log`), `${lines.join('\n')}\n`);
  }
}

function runCase(name: string, logDir: string, work: string, files: number, inputMB: number): ScalingRow {
  const policyFile = join(work, 'policy.json');
  writeFileSync(
    policyFile,
    JSON.stringify({
      appLogPaths: [logDir],
      deadlineSeconds: 3600,
      caps: { fileBytes: 2 ** 31, collectorBytes: 2 ** 34, filesPerPath: 100_000, systemLogBytes: 50 * 1024 * 1024 },
    }),
  );
  const outDir = join(work, 'out');
  const dataDir = join(work, 'data');
  const env = { ...process.env, DIAGCOLLECT_DATA_DIR: dataDir, DISPLAY: '' };
  const ours = measure(process.execPath, [CLI, 'collect', '--ticket', 'bench', '--only', 'app-logs', '--no-screenshot', '--policy', policyFile, '--out', outDir, '--json'], { env, threads: true });
  if (ours.status !== 0 && ours.status !== 3) throw new Error(`diagcollect collect failed (${ours.status}): ${ours.stderr.slice(0, 500)}${ours.stdout.slice(0, 500)}`);
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
  const zipFile = join(work, 'baseline.zip');
  const zip = measure('zip', ['-6', '-r', '-q', zipFile, '.'], { cwd: logDir });
  if (zip.status !== 0) throw new Error(`zip -6 failed: ${zip.stderr}`);
  rmSync(zipFile, { force: true });
  return { name, inputMB, files, oursSeconds: ours.seconds, zipSeconds: zip.seconds, ratio: ours.seconds / zip.seconds, oursCpuSeconds: ours.cpuSeconds, zipCpuSeconds: zip.cpuSeconds, cpuRatio: ours.cpuSeconds / zip.cpuSeconds, oursMainCpuSeconds: ours.mainCpuSeconds, oursPeakRssMB: ours.peakRssMB, zipPeakRssMB: zip.peakRssMB, exitCode: ours.status, loadAverage: os.loadavg()[0]!, ...(ours.memoryAtPeak ? { memoryAtPeak: ours.memoryAtPeak } : {}) };
}

export interface ScalingOptions {
  /** Sizes of app logs in MB (default 10, 100, 1000; quick: 10, 50). */
  sizesMB?: number[];
  /** Counts of small files (default 1 000 and 10 000; quick: 500, 2 000). */
  fileCounts?: number[];
}

export function benchScaling(options: ScalingOptions = {}): ScalingRow[] {
  const sizes = options.sizesMB ?? (process.env.BENCH_SCALING_MB ? process.env.BENCH_SCALING_MB.split(',').map(Number) : QUICK ? [10, 50] : [10, 100, 1000]);
  const counts = options.fileCounts ?? (QUICK ? [500, 2000] : [1000, 10_000]);
  buildCli();
  const rows: ScalingRow[] = [];
  for (const mb of sizes) {
    const work = mkdtempSync(join(os.tmpdir(), 'bench-scaling-'));
    try {
      const logDir = join(work, 'logs');
      const files = writeLogs(logDir, mb);
      rows.push(runCase(`app logs ${mb} MB`, logDir, work, files, mb));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  for (const count of counts) {
    const work = mkdtempSync(join(os.tmpdir(), 'bench-files-'));
    try {
      const logDir = join(work, 'logs');
      writeSmallFiles(logDir, count);
      rows.push(runCase(`${count} small files`, logDir, work, count, (count * 1.1) / 1000));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  return rows;
}
