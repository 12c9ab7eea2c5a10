/**
 * Shared bench helpers: run a command and read its wall time, CPU time and peak RSS (GNU time), and
 * keep the built CLI bundle fresh so startup figures are the shipped ones.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'electron/cli/diagcollect.mjs');
/** BENCH_QUICK=1: smaller sizes, fewer runs, so the whole bench takes minutes. */
export const QUICK = process.env.BENCH_QUICK === '1';

export interface Measured {
  seconds: number;
  cpuSeconds: number;
  peakRssMB: number;
  status: number | null;
  stdout: string;
  stderr: string;
  /**
   * With `threads` (a node command, on Linux): CPU seconds of its main thread and of its other
   * threads (threadpool, GC helpers); together about `cpuSeconds`.
   */
  mainCpuSeconds?: number;
  otherCpuSeconds?: number;
  /** With `threads` and BENCH_MEMORY=1 (Linux): where the peak RSS went (see memory-at-peak.mjs). */
  memoryAtPeak?: MemoryAtPeak;
}

/** What memory-at-peak.mjs writes: the breakdown of the process's RSS at its peak, in MB. */
export interface MemoryAtPeak {
  peakRssMB: number;
  atPeak?: {
    rssMB: number;
    main: HeapFigures;
    /** Undefined when no redaction worker ran. */
    worker?: HeapFigures;
    fileBackedMB: number;
    brkHeapMB: number;
    arenas: number;
    arenaMB: number;
    arenaEachMB: number[];
    otherAnonMB: number;
  };
}

interface HeapFigures {
  heapMB: number;
  heapUsedMB: number;
  externalMB: number;
  arrayBuffersMB: number;
}

/** BENCH_MEMORY=1: commands measured with `threads` also report where their peak RSS went (costs a few MB). */
export const MEMORY = process.env.BENCH_MEMORY === '1';

const THREAD_CPU = join(ROOT, 'tests/bench/thread-cpu.mjs');
const MEMORY_AT_PEAK = join(ROOT, 'tests/bench/memory-at-peak.mjs');

/**
 * Runs `command args` under /usr/bin/time; throws when GNU time is missing. `threads`: `command`
 * is node; its CPU time is also split by thread (see thread-cpu.mjs; Linux only).
 */
export function measure(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; threads?: boolean } = {}): Measured {
  const report = join(os.tmpdir(), `bench-time-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const split = options.threads === true && process.platform === 'linux';
  const threadReport = `${report}.threads.json`;
  const memoryReport = split && MEMORY ? `${report}.memory.json` : undefined;
  const env = split ? { ...(options.env ?? process.env), BENCH_THREAD_CPU_FILE: threadReport, ...(memoryReport ? { BENCH_MEMORY_FILE: memoryReport } : {}) } : (options.env ?? process.env);
  const argv = split ? ['--import', pathToFileURL(THREAD_CPU).href, ...(memoryReport ? ['--import', pathToFileURL(MEMORY_AT_PEAK).href] : []), ...args] : args;
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-o', report, '-f', '%e %U %S %M', command, ...argv], { cwd: options.cwd ?? ROOT, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.error) throw new Error(`cannot run ${command} under /usr/bin/time (apt-get install time): ${r.error.message}`);
  const line = readFileSync(report, 'utf8').trim().split('\n').at(-1) ?? '';
  rmSync(report, { force: true });
  const [, user, sys, rssKB] = line.split(' ').map(Number);
  let threads: { mainCpuSeconds: number; otherCpuSeconds: number } | undefined;
  if (split) {
    try {
      threads = JSON.parse(readFileSync(threadReport, 'utf8')) as typeof threads;
    } catch {
      threads = undefined; // the process died before its exit handler ran
    }
    rmSync(threadReport, { force: true });
  }
  let memoryAtPeak: MemoryAtPeak | undefined;
  if (memoryReport) {
    try {
      memoryAtPeak = JSON.parse(readFileSync(memoryReport, 'utf8')) as MemoryAtPeak;
    } catch {
      memoryAtPeak = undefined; // the process died before its exit handler ran
    }
    rmSync(memoryReport, { force: true });
  }
  return { seconds, cpuSeconds: (user ?? 0) + (sys ?? 0), peakRssMB: (rssKB ?? 0) / 1024, status: r.status, stdout: r.stdout, stderr: r.stderr, ...threads, ...(memoryAtPeak ? { memoryAtPeak } : {}) };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Builds the CLI bundle (dist/cli), as `npm ci` does, so figures are those of the shipped command. */
export function buildCli(): void {
  const r = spawnSync('npm', ['run', '-s', 'build:cli'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build:cli failed: ${r.stderr}`);
}
