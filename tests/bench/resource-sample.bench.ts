/**
 * The slow-problem resource sample's own cost (issue 18 target: ≤ 5 % of one core beyond the
 * processes it watches): CPU time of this process (all threads: the reads run on libuv's pool)
 * while `sampleProc` samples /proc once a second, as a share of the wall time; baseline in the
 * same run: the same process idling for as long (timers only).
 *
 *   npx tsx tests/bench/resource-sample.bench.ts        (BENCH_SAMPLE_SECONDS=… , default 30)
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { sampleProc } from '../../electron/engine/collectors/support/proc-sampler.js';

export interface SampleBench {
  seconds: number;
  processes: number;
  /** Share of one core the sampler used (CPU seconds / wall seconds), minus the idle baseline. */
  coreShare: number;
  idleShare: number;
}

const cpuSeconds = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;

export async function benchResourceSample(seconds: number): Promise<SampleBench> {
  await sampleProc(1, new AbortController().signal); // warm the modules and the JIT
  const i0 = process.cpuUsage();
  const it = performance.now();
  await sleep(Math.min(seconds, 5) * 1000);
  const idleShare = cpuSeconds(process.cpuUsage(i0)) / ((performance.now() - it) / 1000);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const sample = await sampleProc(seconds, new AbortController().signal);
  const share = cpuSeconds(process.cpuUsage(c0)) / ((performance.now() - t0) / 1000);
  return { seconds, processes: sample.processes.topMemory.length, coreShare: share - idleShare, idleShare };
}

export function sampleRows(r: SampleBench): Array<[string, string, string]> {
  return [['resource sample: CPU of the /proc sampler, share of one core', `${(r.coreShare * 100).toFixed(2)} % over ${r.seconds} s (idle process ${(r.idleShare * 100).toFixed(2)} %)`, `<= 5 %: ${r.coreShare <= 0.05 ? 'meets target' : 'BELOW TARGET'}`]];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await benchResourceSample(Number(process.env.BENCH_SAMPLE_SECONDS ?? 30));
  for (const [a, b, c] of sampleRows(r)) console.log(`${a}: ${b} — ${c}`);
}
