/**
 * The slow-problem resource sample as data (`性能采样.json`): the same shape from /proc
 * (Linux), typeperf (Windows) and `top -l` (macOS), so the text entry and the summary page's
 * charts (report/sample-chart.ts) are rendered once from it.
 */

export interface SamplePoint {
  /** Seconds since the start. */
  t: number;
  cpuPercent: number;
  memUsedPercent: number;
  diskReadBps: number;
  diskWriteBps: number;
  netRxBps: number;
  netTxBps: number;
  /** The top CPU consumers of this second. */
  top: Array<{ pid: number; name: string; cpuPercent: number }>;
}

export interface ProcessTotals {
  pid: number;
  name: string;
  cpuSeconds: number;
  peakCpuPercent: number;
  rssBytes: number;
  readBytes: number;
  writeBytes: number;
  /** Seconds it was seen. */
  seconds: number;
}

export interface ResourceSample {
  /** Where the figures come from: /proc, typeperf, top. */
  source: string;
  startedAt: string;
  intervalMs: number;
  cores: number;
  points: SamplePoint[];
  processes: {
    topCpu: Array<{ pid: number; name: string; avgCpuPercent: number; peakCpuPercent: number }>;
    topMemory: Array<{ pid: number; name: string; rssBytes: number }>;
    topIo: Array<{ pid: number; name: string; readBytes: number; writeBytes: number }>;
  };
  /** Whether network bytes are per process (Windows) or only the machine's total (Linux, macOS). */
  perProcessNetwork: boolean;
}

const TOP = 10;

/** The top-ten lists from per-process totals. */
export function summarizeProcesses(totals: readonly ProcessTotals[]): ResourceSample['processes'] {
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    topCpu: [...totals]
      .filter((p) => p.seconds > 0 && p.cpuSeconds > 0)
      .sort((a, b) => b.cpuSeconds - a.cpuSeconds)
      .slice(0, TOP)
      .map((p) => ({ pid: p.pid, name: p.name, avgCpuPercent: round((p.cpuSeconds / p.seconds) * 100), peakCpuPercent: round(p.peakCpuPercent) })),
    topMemory: [...totals].sort((a, b) => b.rssBytes - a.rssBytes).slice(0, TOP).map((p) => ({ pid: p.pid, name: p.name, rssBytes: p.rssBytes })),
    topIo: [...totals]
      .filter((p) => p.readBytes + p.writeBytes > 0)
      .sort((a, b) => b.readBytes + b.writeBytes - (a.readBytes + a.writeBytes))
      .slice(0, TOP)
      .map((p) => ({ pid: p.pid, name: p.name, readBytes: p.readBytes, writeBytes: p.writeBytes })),
  };
}

/** Reads a sample back from its JSON entry (leniently: the summary page must never crash on it). */
export function parseResourceSample(json: string): ResourceSample | undefined {
  try {
    const v = JSON.parse(json) as Partial<ResourceSample>;
    if (!Array.isArray(v.points) || typeof v.intervalMs !== 'number' || !v.processes) return undefined;
    return v as ResourceSample;
  } catch {
    return undefined;
  }
}
