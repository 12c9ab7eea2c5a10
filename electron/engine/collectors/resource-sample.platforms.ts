/**
 * The resource sample on Windows and macOS: one command that samples once a second for the
 * whole window (no process started per sample), parsed into the shared ResourceSample.
 *
 * Windows: `typeperf` with the machine counters and the per-process ones (`\Process(*)\…`), CSV.
 * Counter paths are the English ones PDH accepts on every display language; the CSV's header
 * carries the time zone in the display language ("(PDH-CSV 4.0) (中国标准时间)(-480)").
 * macOS: `top -l N -s 1` in logging mode: per sample the CPU, PhysMem, Networks and Disks lines
 * (Networks and Disks are totals since boot: differences are taken) and the process rows.
 */
import type { PlannedCommand } from './types.js';
import { summarizeProcesses, type ProcessTotals, type ResourceSample, type SamplePoint } from './support/resource-sample-data.js';

export const TYPEPERF_COUNTERS = [
  '\\Processor(_Total)\\% Processor Time',
  '\\Memory\\% Committed Bytes In Use',
  '\\PhysicalDisk(_Total)\\Disk Read Bytes/sec',
  '\\PhysicalDisk(_Total)\\Disk Write Bytes/sec',
  '\\Network Interface(*)\\Bytes Received/sec',
  '\\Network Interface(*)\\Bytes Sent/sec',
  '\\Process(*)\\% Processor Time',
  '\\Process(*)\\Working Set',
  '\\Process(*)\\IO Data Bytes/sec',
];

export function windowsSamplePlan(seconds: number): PlannedCommand {
  return { command: 'typeperf', args: [...TYPEPERF_COUNTERS, '-si', '1', '-sc', String(seconds)], purpose: `CPU, memory, disk and network of the machine and of each process, once a second for ${seconds} s` };
}

export function darwinSamplePlan(seconds: number): PlannedCommand {
  // One more sample: top's first sample has no CPU figures yet.
  return { command: 'top', args: ['-l', String(seconds + 1), '-s', '1', '-n', '10', '-o', 'cpu', '-stats', 'pid,command,cpu,mem'], purpose: `CPU, memory, disk and network, and the top 10 processes by CPU, once a second for ${seconds} s` };
}

function csvCells(line: string): string[] {
  return [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"'));
}

/** `typeperf` CSV → the sample. Process instances `name#1` are kept apart; `_Total` and `Idle` are not processes. */
export function parseTypeperf(text: string, cores: number): ResourceSample {
  const lines = text.split(/\r?\n/).filter((l) => l.startsWith('"'));
  const header = csvCells(lines[0] ?? '');
  const col = (re: RegExp) => header.map((h, i) => (re.test(h) ? i : -1)).filter((i) => i >= 0);
  const one = (re: RegExp) => col(re)[0];
  const cpu = one(/\\Processor\(_Total\)\\% Processor Time$/);
  const mem = one(/\\Memory\\% Committed Bytes In Use$/);
  const dr = one(/\\PhysicalDisk\(_Total\)\\Disk Read Bytes\/sec$/);
  const dw = one(/\\PhysicalDisk\(_Total\)\\Disk Write Bytes\/sec$/);
  const rx = col(/\\Network Interface\([^)]*\)\\Bytes Received\/sec$/);
  const tx = col(/\\Network Interface\([^)]*\)\\Bytes Sent\/sec$/);
  const proc = (metric: string) => new Map(col(new RegExp(`\\\\Process\\(([^)]*)\\)\\\\${metric.replace(/[%/]/g, (c) => `\\${c}`)}$`)).map((i) => [/\\Process\(([^)]*)\)/.exec(header[i]!)![1]!, i]));
  const pcpu = proc('% Processor Time');
  const pws = proc('Working Set');
  const pio = proc('IO Data Bytes/sec');
  const totals = new Map<string, ProcessTotals>();
  const points: SamplePoint[] = [];
  const num = (cells: string[], i: number | undefined) => (i === undefined ? 0 : Number(cells[i]) || 0);
  let startedAt = '';
  for (const [n, line] of lines.slice(1).entries()) {
    const cells = csvCells(line);
    if (n === 0) startedAt = cells[0] ?? '';
    const top: SamplePoint['top'] = [];
    for (const [name, i] of pcpu) {
      if (name === '_Total' || name === 'Idle') continue;
      // % Processor Time of a process is of one core (up to cores × 100).
      const c = num(cells, i);
      const t = totals.get(name) ?? { pid: 0, name, cpuSeconds: 0, peakCpuPercent: 0, rssBytes: 0, readBytes: 0, writeBytes: 0, seconds: 0 };
      t.cpuSeconds += c / 100;
      t.peakCpuPercent = Math.max(t.peakCpuPercent, c);
      t.rssBytes = Math.max(t.rssBytes, num(cells, pws.get(name)));
      t.readBytes += num(cells, pio.get(name));
      t.seconds += 1;
      totals.set(name, t);
      if (c > 0) top.push({ pid: 0, name, cpuPercent: Math.round(c * 10) / 10 });
    }
    top.sort((a, b) => b.cpuPercent - a.cpuPercent);
    points.push({
      t: n + 1,
      cpuPercent: Math.round(num(cells, cpu) * 10) / 10,
      memUsedPercent: Math.round(num(cells, mem) * 10) / 10,
      diskReadBps: Math.round(num(cells, dr)),
      diskWriteBps: Math.round(num(cells, dw)),
      netRxBps: Math.round(rx.reduce((s, i) => s + num(cells, i), 0)),
      netTxBps: Math.round(tx.reduce((s, i) => s + num(cells, i), 0)),
      top: top.slice(0, 5),
    });
  }
  return { source: 'typeperf', startedAt, intervalMs: 1000, cores, points, processes: summarizeProcesses([...totals.values()]), perProcessNetwork: false };
}

const UNITS: Record<string, number> = { B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 };
/** `512M`, `1.5G`, `20K+` (top's memory and byte figures). */
export function topBytes(text: string): number {
  const m = /^([\d.]+)([BKMGT])?/.exec(text.trim());
  return m ? Math.round(Number(m[1]) * UNITS[m[2] ?? 'B']!) : 0;
}

/** `top -l N -s 1 -stats pid,command,cpu,mem` → the sample (the first sample only seeds the differences). */
export function parseTopLog(text: string, cores: number): ResourceSample {
  const blocks = text.split(/^(?=Processes: )/m).filter((b) => b.startsWith('Processes: '));
  const totals = new Map<number, ProcessTotals>();
  const points: SamplePoint[] = [];
  let prev: { netIn: number; netOut: number; read: number; written: number } | undefined;
  let startedAt = '';
  for (const [n, block] of blocks.entries()) {
    const when = /^(\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2})$/m.exec(block)?.[1] ?? '';
    if (n === 0) startedAt = when;
    const idle = Number(/CPU usage:.*?([\d.]+)% idle/.exec(block)?.[1] ?? 100);
    const phys = /PhysMem: ([\d.]+[BKMGT]) used.*?, ([\d.]+[BKMGT]) unused/.exec(block);
    const used = phys ? topBytes(phys[1]!) : 0;
    const unused = phys ? topBytes(phys[2]!) : 0;
    const net = /Networks: packets: \d+\/([\d.]+[BKMGT]?) in, \d+\/([\d.]+[BKMGT]?) out/.exec(block);
    const disk = /Disks: \d+\/([\d.]+[BKMGT]?) read, \d+\/([\d.]+[BKMGT]?) written/.exec(block);
    const now = { netIn: net ? topBytes(net[1]!) : 0, netOut: net ? topBytes(net[2]!) : 0, read: disk ? topBytes(disk[1]!) : 0, written: disk ? topBytes(disk[2]!) : 0 };
    const rows = [...block.matchAll(/^(\d+)\s+(.+?)\s+([\d.]+)\s+([\d.]+[BKMGT]?)[+-]?\s*$/gm)].map((m) => ({ pid: Number(m[1]), name: m[2]!.trim(), cpu: Number(m[3]), mem: topBytes(m[4]!) }));
    if (n > 0 && prev) {
      for (const r of rows) {
        const t = totals.get(r.pid) ?? { pid: r.pid, name: r.name, cpuSeconds: 0, peakCpuPercent: 0, rssBytes: 0, readBytes: 0, writeBytes: 0, seconds: 0 };
        t.cpuSeconds += r.cpu / 100;
        t.peakCpuPercent = Math.max(t.peakCpuPercent, r.cpu);
        t.rssBytes = Math.max(t.rssBytes, r.mem);
        t.seconds += 1;
        totals.set(r.pid, t);
      }
      points.push({
        t: n,
        cpuPercent: Math.round((100 - idle) * 10) / 10,
        memUsedPercent: used + unused > 0 ? Math.round((used / (used + unused)) * 1000) / 10 : 0,
        diskReadBps: Math.max(0, now.read - prev.read),
        diskWriteBps: Math.max(0, now.written - prev.written),
        netRxBps: Math.max(0, now.netIn - prev.netIn),
        netTxBps: Math.max(0, now.netOut - prev.netOut),
        top: rows.filter((r) => r.cpu > 0).slice(0, 5).map((r) => ({ pid: r.pid, name: r.name, cpuPercent: r.cpu })),
      });
    }
    prev = now;
  }
  return { source: 'top', startedAt, intervalMs: 1000, cores, points, processes: summarizeProcesses([...totals.values()]), perProcessNetwork: false };
}
