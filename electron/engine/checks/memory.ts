/**
 * 系统环境检查 — memory pressure: available memory as a share of the total (Linux
 * `MemAvailable`, which counts reclaimable cache, not the misleading "free"), swap in use, and on
 * Linux the kernel's pressure-stall figure (the share of the last minute in which every task
 * waited for memory). Low memory is the guide's "slow" path: close background programs.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { parseMeminfo as parseMeminfoBytes } from '../collectors/support/system-facts.js';
import { cm, msg, size, type CheckMessage } from '../../../shared/check-messages.js';
import { ADVICE } from './advice.js';
import type { Check, CheckContext, CheckOutcome } from './types.js';

export interface MemoryFigures {
  totalBytes: number;
  availableBytes: number;
  swapTotalBytes: number;
  swapUsedBytes: number;
  /** `full avg60` of /proc/pressure/memory, when the kernel reports it. */
  stallFullAvg60?: number;
}

/** Sizes from `/proc/meminfo` (kB lines). */
export function parseMeminfo(text: string): MemoryFigures | undefined {
  const m = parseMeminfoBytes(text);
  return m ? { totalBytes: m.totalBytes, availableBytes: m.availableBytes, swapTotalBytes: m.swapTotalBytes, swapUsedBytes: m.swapUsedBytes } : undefined;
}

/** `full avg10=0.00 avg60=1.23 …` → 1.23 */
export function parsePressure(text: string): number | undefined {
  const m = /^full\s+.*\bavg60=(\d+(?:\.\d+)?)/m.exec(text);
  return m ? Number(m[1]) : undefined;
}

async function figures(ctx: CheckContext, paths: { meminfo: string; pressure: string }): Promise<MemoryFigures> {
  if (ctx.platform === 'linux') {
    const [meminfo, pressure] = await Promise.all([readFile(paths.meminfo, 'utf8').catch(() => ''), readFile(paths.pressure, 'utf8').catch(() => '')]);
    const parsed = parseMeminfo(meminfo);
    if (parsed) {
      const stall = parsePressure(pressure);
      return stall === undefined ? parsed : { ...parsed, stallFullAvg60: stall };
    }
  }
  // Off Linux, Node's own figures: systeminformation's mem() runs `sysctl` through execSync on
  // macOS, which blocks the event loop (and with it every timeout) while it runs.
  return { totalBytes: os.totalmem(), availableBytes: os.freemem(), swapTotalBytes: 0, swapUsedBytes: 0 };
}

export interface MemoryCheckOptions {
  meminfoPath?: string;
  pressurePath?: string;
}

/** Swap more than this full, with little memory available, means the machine is paging. */
const SWAP_BUSY_PERCENT = 50;
/** Tasks all stalled on memory this share of the last minute: the user feels it. */
const STALL_WARN_PERCENT = 10;

export function createMemoryCheck(options: MemoryCheckOptions = {}): Check {
  return {
    id: 'memory',
    group: 'environment',
    title: cm('title.memory'),
    platforms: ['linux', 'win32', 'darwin'],
    timeoutMs: 5_000,
    async run(ctx): Promise<CheckOutcome> {
      const { warnPercent, failPercent } = ctx.policy.checks.memory;
      const f = await figures(ctx, { meminfo: options.meminfoPath ?? '/proc/meminfo', pressure: options.pressurePath ?? '/proc/pressure/memory' });
      const availablePercent = Math.round((f.availableBytes / f.totalBytes) * 1000) / 10;
      const swapPercent = f.swapTotalBytes > 0 ? Math.round((f.swapUsedBytes / f.swapTotalBytes) * 1000) / 10 : 0;
      let status: CheckOutcome['status'] = availablePercent < failPercent ? 'fail' : availablePercent < warnPercent ? 'warn' : 'pass';
      const notes: CheckMessage[] = [];
      if (status === 'pass' && swapPercent > SWAP_BUSY_PERCENT && availablePercent < warnPercent * 2) {
        status = 'warn';
        notes.push(cm('memory.paging'));
      }
      if (status === 'pass' && (f.stallFullAvg60 ?? 0) >= STALL_WARN_PERCENT) {
        status = 'warn';
        notes.push(cm('memory.stall', { percent: f.stallFullAvg60 ?? 0 }));
      }
      const swap = f.swapTotalBytes > 0 ? cm('memory.swap', { used: size(f.swapUsedBytes), total: size(f.swapTotalBytes) }) : cm('memory.noSwap');
      const base = cm('memory.figures', { available: size(f.availableBytes), total: size(f.totalBytes), percent: availablePercent, swap: msg(swap) });
      const limits = cm('memory.limits', { warn: warnPercent, fail: failPercent });
      return {
        status,
        detail: [base, ...notes, ...(status === 'pass' ? [] : [limits])],
        ...(status === 'pass' ? {} : { advice: [ADVICE.closeBackground, ADVICE.addMemory] }),
        data: { ...f, availablePercent, swapPercent, thresholds: { warnPercent, failPercent } },
      };
    },
  };
}

export const memoryCheck: Check = createMemoryCheck();
