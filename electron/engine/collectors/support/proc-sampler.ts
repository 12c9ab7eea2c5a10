/**
 * The 运行缓慢 resource sample on Linux, read from /proc once a second without starting a
 * process per sample: the whole machine's CPU (/proc/stat), memory (/proc/meminfo), disk
 * (/proc/diskstats, whole disks) and network (/proc/net/dev, without lo), and per process its
 * CPU time and resident memory (/proc/<pid>/stat) and disk I/O (/proc/<pid>/io, readable for
 * our own processes, all of them as root). Per-process network bytes are not kept by the
 * kernel (only eBPF tools see them), so network is the machine's total.
 */
import { open, readdir, readFile, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ResourceSample, SamplePoint } from './resource-sample-data.js';
import { summarizeProcesses, type ProcessTotals } from './resource-sample-data.js';

const TICKS_PER_SECOND = 100;
const PAGE_BYTES = 4096;
const TOP_PER_SECOND = 5;

interface Machine {
  cpuBusy: number;
  cpuTotal: number;
  memTotal: number;
  memAvailable: number;
  diskRead: number;
  diskWritten: number;
  netRx: number;
  netTx: number;
}

interface Proc {
  name: string;
  ticks: number;
  rssBytes: number;
  readBytes?: number;
  writeBytes?: number;
}

/** `cpu  user nice system idle iowait irq softirq steal …` → busy and total ticks. */
export function parseProcStat(text: string): { busy: number; total: number } {
  const f = text.slice(0, text.indexOf('\n')).trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - (f[3] ?? 0) - (f[4] ?? 0), total };
}

export function parseMeminfo(text: string): { total: number; available: number } {
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0) * 1024;
  return { total: kb('MemTotal'), available: kb('MemAvailable') };
}

/** Sectors read and written on whole disks (not partitions, loops or RAM disks), in bytes. */
export function parseDiskstats(text: string): { read: number; written: number } {
  let read = 0;
  let written = 0;
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    const name = f[2];
    if (!name || /^(loop|ram|zram|dm-|sr|fd)/.test(name) || /^(sd[a-z]+|vd[a-z]+|xvd[a-z]+|hd[a-z]+)\d+$/.test(name) || /^(nvme\d+n\d+|mmcblk\d+)p\d+$/.test(name)) continue;
    read += Number(f[5] ?? 0) * 512;
    written += Number(f[9] ?? 0) * 512;
  }
  return { read, written };
}

export function parseNetDev(text: string): { rx: number; tx: number } {
  let rx = 0;
  let tx = 0;
  for (const line of text.split('\n').slice(2)) {
    const m = /^\s*([^:]+):\s*(.*)$/.exec(line);
    if (!m || m[1] === 'lo') continue;
    const f = m[2]!.trim().split(/\s+/).map(Number);
    rx += f[0] ?? 0;
    tx += f[8] ?? 0;
  }
  return { rx, tx };
}

/** `/proc/<pid>/stat`: the name in parentheses may hold spaces and parentheses itself. */
export function parsePidStat(text: string): { name: string; ticks: number; rssBytes: number } | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const f = text.slice(close + 2).split(' ');
  // After the name: state(0) ppid … utime(11) stime(12) … rss(21).
  return { name: text.slice(open + 1, close), ticks: Number(f[11]) + Number(f[12]), rssBytes: Number(f[21]) * PAGE_BYTES };
}

const read = (path: string) => readFile(path, 'utf8').catch(() => undefined);

/**
 * /proc files kept open and re-read from offset 0 each second: a read on an open handle instead
 * of open + read + close per file and second (the sample must cost under 5 % of one core with a
 * few hundred processes; tests/bench/resource-sample.bench.ts measures it).
 */
class ProcFiles {
  private readonly handles = new Map<string, FileHandle>();
  private readonly buffer = Buffer.alloc(64 * 1024);

  async read(path: string): Promise<string | undefined> {
    let handle = this.handles.get(path);
    if (!handle) {
      handle = await open(path, 'r').catch(() => undefined);
      if (!handle) return undefined;
      this.handles.set(path, handle);
    }
    try {
      // One read per call (the buffer is shared), so reads are done one after another.
      const { bytesRead } = await handle.read(this.buffer, 0, this.buffer.length, 0);
      return this.buffer.toString('utf8', 0, bytesRead);
    } catch {
      this.handles.delete(path);
      await handle.close().catch(() => undefined);
      return undefined;
    }
  }

  /** Closes the handles of files not read in this round (processes that ended). */
  async keepOnly(paths: ReadonlySet<string>): Promise<void> {
    for (const [path, handle] of this.handles) {
      if (paths.has(path)) continue;
      this.handles.delete(path);
      await handle.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await this.keepOnly(new Set());
  }
}

const MACHINE_FILES = ['/proc/stat', '/proc/meminfo', '/proc/diskstats', '/proc/net/dev'];

async function machine(files: ProcFiles): Promise<Machine | undefined> {
  const [stat, mem, disk, net] = [await files.read(MACHINE_FILES[0]!), await files.read(MACHINE_FILES[1]!), await files.read(MACHINE_FILES[2]!), await files.read(MACHINE_FILES[3]!)];
  if (!stat || !mem) return undefined;
  const cpu = parseProcStat(stat);
  const m = parseMeminfo(mem);
  const d = disk ? parseDiskstats(disk) : { read: 0, written: 0 };
  const n = net ? parseNetDev(net) : { rx: 0, tx: 0 };
  return { cpuBusy: cpu.busy, cpuTotal: cpu.total, memTotal: m.total, memAvailable: m.available, diskRead: d.read, diskWritten: d.written, netRx: n.rx, netTx: n.tx };
}

/** CPU time and memory of every process (each second); disk I/O only when `withIo` (start and end). */
async function processes(files: ProcFiles, withIo: boolean): Promise<Map<number, Proc>> {
  const out = new Map<number, Proc>();
  const pids = (await readdir('/proc').catch(() => [] as string[])).filter((n) => /^\d+$/.test(n));
  const used = new Set(MACHINE_FILES);
  for (const pid of pids) {
    const path = `/proc/${pid}/stat`;
    used.add(path);
    const stat = await files.read(path);
    const s = stat ? parsePidStat(stat) : undefined;
    if (!s) continue;
    const io = withIo ? await read(`/proc/${pid}/io`) : undefined;
    const r = io ? /^read_bytes:\s+(\d+)/m.exec(io) : null;
    const w = io ? /^write_bytes:\s+(\d+)/m.exec(io) : null;
    out.set(Number(pid), { ...s, ...(r && w ? { readBytes: Number(r[1]), writeBytes: Number(w[1]) } : {}) });
  }
  await files.keepOnly(used);
  return out;
}

/**
 * Samples for `seconds` (one point a second) and returns what it saw; stops early, keeping what
 * it has, when `signal` aborts. `ownPid` (this process) is left out of the top lists.
 */
export async function sampleProc(seconds: number, signal: AbortSignal, ownPid: number = process.pid): Promise<ResourceSample> {
  const startedAt = new Date();
  const points: SamplePoint[] = [];
  const totals = new Map<number, ProcessTotals>();
  const cores = Math.max(1, (await read('/proc/cpuinfo'))?.match(/^processor\s*:/gm)?.length ?? 1);
  const files = new ProcFiles();
  try {
  let prevMachine = await machine(files);
  let prevProcs = await processes(files, true);
  const ioStart = prevProcs;
  let prevAt = performance.now();
  for (let i = 0; i < seconds && !signal.aborted; i += 1) {
    await sleep(Math.max(0, 1000 - (performance.now() - prevAt)), undefined, { signal }).catch(() => undefined);
    if (signal.aborted) break;
    const last = i === seconds - 1;
    const m = await machine(files);
    const procs = await processes(files, last);
    const now = performance.now();
    const dt = (now - prevAt) / 1000;
    if (m && prevMachine) {
      const cpuTotal = m.cpuTotal - prevMachine.cpuTotal;
      const top: SamplePoint['top'] = [];
      for (const [pid, p] of procs) {
        const before = prevProcs.get(pid);
        if (!before || before.name !== p.name) continue;
        const cpuPercent = ((p.ticks - before.ticks) / TICKS_PER_SECOND / dt) * 100;
        const t = totals.get(pid) ?? { pid, name: p.name, cpuSeconds: 0, peakCpuPercent: 0, rssBytes: 0, readBytes: 0, writeBytes: 0, seconds: 0 };
        t.cpuSeconds += (p.ticks - before.ticks) / TICKS_PER_SECOND;
        t.peakCpuPercent = Math.max(t.peakCpuPercent, cpuPercent);
        t.rssBytes = Math.max(t.rssBytes, p.rssBytes);
        // Disk I/O per process over the whole window: read at the start and the end only.
        const first = ioStart.get(pid);
        if (last && first?.name === p.name && p.readBytes !== undefined && first.readBytes !== undefined) {
          t.readBytes = p.readBytes - first.readBytes;
          t.writeBytes = (p.writeBytes ?? 0) - (first.writeBytes ?? 0);
        }
        t.seconds += dt;
        totals.set(pid, t);
        if (pid !== ownPid && cpuPercent > 0) top.push({ pid, name: p.name, cpuPercent: Math.round(cpuPercent * 10) / 10 });
      }
      top.sort((a, b) => b.cpuPercent - a.cpuPercent);
      points.push({
        t: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
        cpuPercent: cpuTotal > 0 ? Math.round(((m.cpuBusy - prevMachine.cpuBusy) / cpuTotal) * 1000) / 10 : 0,
        memUsedPercent: m.memTotal > 0 ? Math.round(((m.memTotal - m.memAvailable) / m.memTotal) * 1000) / 10 : 0,
        diskReadBps: Math.round((m.diskRead - prevMachine.diskRead) / dt),
        diskWriteBps: Math.round((m.diskWritten - prevMachine.diskWritten) / dt),
        netRxBps: Math.round((m.netRx - prevMachine.netRx) / dt),
        netTxBps: Math.round((m.netTx - prevMachine.netTx) / dt),
        top: top.slice(0, TOP_PER_SECOND),
      });
    }
    prevMachine = m ?? prevMachine;
    prevProcs = procs;
    prevAt = now;
  }
  } finally {
    await files.close();
  }
  totals.delete(ownPid);
  return { source: '/proc', startedAt: startedAt.toISOString(), intervalMs: 1000, cores, points, processes: summarizeProcesses([...totals.values()]), perProcessNetwork: false };
}
