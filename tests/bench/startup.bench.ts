/**
 * Startup of the built CLI: `--version`, `list` and `check` (one quick check, so what is timed is
 * loading, not probing the network) against `node -e 0`, interleaved, best wall time and median
 * CPU time of N runs each. Target: each ≤ 2× `node -e 0`.
 */
import { CLI, QUICK, buildCli, measure, median } from './measure.js';

export interface StartupRow {
  name: string;
  wallSeconds: number;
  cpuSeconds: number;
  /** Best wall time / node's best wall time. */
  wallRatio: number;
  /** Median CPU time / node's median CPU time (steadier on a loaded machine). */
  cpuRatio: number;
}

const COMMANDS: [string, string[]][] = [
  ['--version', ['--version']],
  ['list', ['list']],
  ['check (--only uptime)', ['check', '--only', 'uptime', '--json']],
];

export function benchStartup(runs = QUICK ? 5 : 15): { node: { wallSeconds: number; cpuSeconds: number }; rows: StartupRow[] } {
  buildCli();
  const env = { ...process.env };
  const node = { wall: [] as number[], cpu: [] as number[] };
  const ours = COMMANDS.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
  for (let i = 0; i < runs; i += 1) {
    const n = measure(process.execPath, ['-e', '0']);
    node.wall.push(n.seconds);
    node.cpu.push(n.cpuSeconds);
    COMMANDS.forEach(([, args], c) => {
      const m = measure(process.execPath, [CLI, ...args], { env });
      if (m.status !== 0 && m.status !== 3) throw new Error(`diagcollect ${args.join(' ')} failed (${m.status}): ${m.stderr.slice(0, 300)}`);
      ours[c]!.wall.push(m.seconds);
      ours[c]!.cpu.push(m.cpuSeconds);
    });
  }
  const nodeWall = Math.min(...node.wall);
  const nodeCpu = median(node.cpu);
  return {
    node: { wallSeconds: nodeWall, cpuSeconds: nodeCpu },
    rows: COMMANDS.map(([name], c) => {
      const wall = Math.min(...ours[c]!.wall);
      const cpu = median(ours[c]!.cpu);
      return { name, wallSeconds: wall, cpuSeconds: cpu, wallRatio: wall / nodeWall, cpuRatio: cpu / nodeCpu };
    }),
  };
}
