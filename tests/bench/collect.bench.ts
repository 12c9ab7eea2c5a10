/**
 * Default collection against `sos report` restricted to the same categories, side by side in one
 * run (interleaved, median of N), so machine load affects both alike.
 *
 * How alike the two are (session 18, collect16; read before quoting the ratio): the plugin list
 * names the same areas, not the same work. sos does far more inside each (on the Debian bench box:
 * ~60 commands and ~1 200 copied files — lsof, sysctl -a, systemctl show --all, systemd-analyze
 * dump/plot, bridge/tc/netstat, /sys/module parameters, /usr/lib unit files) and compresses with
 * xz; that favours us. We do what sos does not: redaction of every text, the 15 checks (network
 * probes, `<browser> --version` — on that box Chromium's launcher script and the browser binary
 * itself), the installed-package list (no dpkg plugin in the list), the summary page, the incident
 * timeline and the e-mail draft; that favours sos. Neither is adjusted here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOS_PLUGINS = 'networking,logs,host,kernel,process,systemd,date,release';

export interface CollectBench {
  sosSeconds: number;
  oursSeconds: number;
  /** sos time / our time: the target is at least 8 (issue 13). */
  speedup: number;
  runs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timed(command: string, args: string[]): { seconds: number; status: number | null; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DISPLAY: '' } });
  return { seconds: (performance.now() - t0) / 1000, status: r.status, stderr: r.stderr };
}

export function benchCollect(runs = 3): CollectBench {
  const which = spawnSync('sh', ['-c', 'command -v sos']);
  if (which.status !== 0) throw new Error('sos is not installed (apt-get install sosreport): it is the baseline for this benchmark');
  const sos: number[] = [];
  const ours: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const sosDir = mkdtempSync(join(os.tmpdir(), 'bench-sos-'));
    const s = timed('sos', ['report', '--batch', '-o', SOS_PLUGINS, '--tmp-dir', sosDir, '--quiet']);
    if (s.status !== 0) throw new Error(`sos report failed: ${s.stderr.slice(0, 500)}`);
    sos.push(s.seconds);
    rmSync(sosDir, { recursive: true, force: true });

    const outDir = mkdtempSync(join(os.tmpdir(), 'bench-ours-'));
    const o = timed(process.execPath, [join(ROOT, 'electron/cli/diagcollect.mjs'), 'collect', '--ticket', 'bench', '--out', outDir, '--no-screenshot', '--json']);
    if (o.status !== 0 && o.status !== 3) throw new Error(`diagcollect failed (${o.status}): ${o.stderr.slice(0, 500)}`);
    ours.push(o.seconds);
    rmSync(outDir, { recursive: true, force: true });
  }
  const sosSeconds = median(sos);
  const oursSeconds = median(ours);
  return { sosSeconds, oursSeconds, speedup: sosSeconds / oursSeconds, runs };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = benchCollect(Number(process.env.BENCH_RUNS ?? 3));
  console.log(`sos report (${SOS_PLUGINS}): ${r.sosSeconds.toFixed(2)} s`);
  console.log(`diagcollect collect:          ${r.oursSeconds.toFixed(2)} s`);
  console.log(`speed-up: ${r.speedup.toFixed(2)}x (target >= 8x), median of ${r.runs}`);
}
