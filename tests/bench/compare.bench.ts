/**
 * compare and baseline build (issue 17): compare of two default archives (two real collections)
 * against the CLI's own start-up; baseline build over generated archives in a local folder at two
 * sizes (time, peak RSS, and how far from linear); the baseline file's size for 100 facts.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { FleetCounter } from '../../electron/engine/baseline/distribution.js';
import { writeFleet } from '../helpers/fleet-archives.js';
import { buildCli, CLI, measure, median } from './measure.js';

export interface CompareBench {
  compareSeconds: number;
  compareCpuSeconds: number;
  startupSeconds: number;
  startupCpuSeconds: number;
}

/**
 * Two default collections (no screenshot), then `compare a b --json`, median of 5, beside
 * `diagcollect --version` measured in the same run: on a loaded machine the wall time mostly
 * measures the load, the CPU time what compare costs.
 */
export function benchCompare(): CompareBench {
  buildCli();
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-compare-'));
  const env = { ...process.env, DISPLAY: '', DIAGCOLLECT_DATA_DIR: join(dir, 'data') };
  const archives: string[] = [];
  for (const side of ['a', 'b']) {
    const r = measure(process.execPath, [CLI, 'collect', '--ticket', '1', '--no-screenshot', '--upload', 'outbox', '--out', join(dir, side), '--json'], { env });
    if (r.status !== 0 && r.status !== 3) throw new Error(`collect failed: ${r.stderr}`);
    archives.push(join(dir, side, readdirSync(join(dir, side)).find((n) => n.endsWith('.zip'))!));
  }
  const runs: ReturnType<typeof measure>[] = [];
  const startup: ReturnType<typeof measure>[] = [];
  // Interleaved, so a change of load hits both alike.
  for (let i = 0; i < 5; i++) {
    const r = measure(process.execPath, [CLI, 'compare', archives[0]!, archives[1]!, '--json'], { env });
    if (r.status !== 0) throw new Error(`compare failed (${r.status}): ${r.stderr}${r.stdout}`);
    runs.push(r);
    startup.push(measure(process.execPath, [CLI, '--version'], { env }));
  }
  rmSync(dir, { recursive: true, force: true });
  return {
    compareSeconds: median(runs.map((r) => r.seconds)),
    compareCpuSeconds: median(runs.map((r) => r.cpuSeconds)),
    startupSeconds: median(startup.map((r) => r.seconds)),
    startupCpuSeconds: median(startup.map((r) => r.cpuSeconds)),
  };
}

export interface BaselineBenchRow {
  archives: number;
  seconds: number;
  peakRssMB: number;
  archivesPerSecond: number;
  bytesFetchedShare: number;
}

/** `baseline build <folder>` over `count` generated archives of about 50 KB (a default archive is ~60 KB). */
export async function benchBaselineBuild(count: number): Promise<BaselineBenchRow> {
  buildCli();
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-baseline-'));
  try {
    await writeFleet(join(dir, 'fleet'), count, (i, s) => (i % 97 === 0 ? { ...s, dns: ['10.1.1.9'] } : s), { fillerBytes: 96 * 1024 });
    const r = measure(process.execPath, [CLI, 'baseline', 'build', join(dir, 'fleet'), '--out', join(dir, 'baseline.json'), '--json']);
    if (r.status !== 0) throw new Error(`baseline build failed: ${r.stderr}${r.stdout}`);
    const out = JSON.parse(r.stdout) as { archives: number; io: { bytesFetched: number; archiveBytes: number } };
    return { archives: out.archives, seconds: r.seconds, peakRssMB: r.peakRssMB, archivesPerSecond: out.archives / r.seconds, bytesFetchedShare: out.io.bytesFetched / out.io.archiveBytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The size of a baseline of 100 facts, each with 20 common values and a tail of rare ones, over 10 000 desktops. */
export function baselineFileBytes(facts = 100, desktops = 10_000): number {
  const counter = new FleetCounter();
  for (let d = 0; d < desktops; d++) {
    const f = new Map<string, string[]>();
    for (let i = 0; i < facts; i++) f.set(`check:fact-${i}`, [d % 50 === 0 ? `rare-value-${d}` : `common-value-${(d * 7 + i) % 20}`]);
    counter.add(`desktop-${d}`, f);
  }
  return Buffer.byteLength(`${JSON.stringify(counter.document(5), null, 1)}\n`);
}
