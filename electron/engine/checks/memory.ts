/**
 * 系统环境检查 — memory pressure: available memory as a share of the total (Linux
 * `MemAvailable`, which counts reclaimable cache, not the misleading "free"), swap in use, and on
 * Linux the kernel's pressure-stall figure (the share of the last minute in which every task
 * waited for memory). Low memory is the guide's "slow" path: close background programs.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { parseMeminfo as parseMeminfoBytes } from '../collectors/support/system-facts.js';
import { formatSize } from '../../../shared/i18n/format.js';

/** One size formatter everywhere (shared/i18n/format.ts); digits and units read the same in zh-CN and en. */
const formatBytes = (bytes: number) => formatSize(bytes, 'en');
import { ADVICE } from './advice.js';
import { t } from './support/format.js';
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
    title: { 'zh-CN': '内存', en: 'Memory' },
    platforms: ['linux', 'win32', 'darwin'],
    timeoutMs: 5_000,
    async run(ctx): Promise<CheckOutcome> {
      const { warnPercent, failPercent } = ctx.policy.checks.memory;
      const f = await figures(ctx, { meminfo: options.meminfoPath ?? '/proc/meminfo', pressure: options.pressurePath ?? '/proc/pressure/memory' });
      const availablePercent = Math.round((f.availableBytes / f.totalBytes) * 1000) / 10;
      const swapPercent = f.swapTotalBytes > 0 ? Math.round((f.swapUsedBytes / f.swapTotalBytes) * 1000) / 10 : 0;
      let status: CheckOutcome['status'] = availablePercent < failPercent ? 'fail' : availablePercent < warnPercent ? 'warn' : 'pass';
      const notes: Array<{ zh: string; en: string }> = [];
      if (status === 'pass' && swapPercent > SWAP_BUSY_PERCENT && availablePercent < warnPercent * 2) {
        status = 'warn';
        notes.push({ zh: '交换分区使用较多，系统可能在频繁换页', en: 'swap is well used: the system is probably paging' });
      }
      if (status === 'pass' && (f.stallFullAvg60 ?? 0) >= STALL_WARN_PERCENT) {
        status = 'warn';
        notes.push({ zh: `过去一分钟有 ${f.stallFullAvg60}% 的时间所有进程都在等待内存`, en: `all tasks waited for memory ${f.stallFullAvg60} % of the last minute` });
      }
      const swap = f.swapTotalBytes > 0 ? { zh: `交换分区已用 ${formatBytes(f.swapUsedBytes)} / ${formatBytes(f.swapTotalBytes)}`, en: `swap ${formatBytes(f.swapUsedBytes)} used of ${formatBytes(f.swapTotalBytes)}` } : { zh: '无交换分区', en: 'no swap' };
      const base = {
        zh: `可用 ${formatBytes(f.availableBytes)} / ${formatBytes(f.totalBytes)}（${availablePercent}%），${swap.zh}`,
        en: `${formatBytes(f.availableBytes)} available of ${formatBytes(f.totalBytes)} (${availablePercent} %), ${swap.en}`,
      };
      const limits = { zh: `（警告阈值 ${warnPercent}%，失败阈值 ${failPercent}%）`, en: ` (warn under ${warnPercent} %, fail under ${failPercent} %)` };
      return {
        status,
        detail: {
          'zh-CN': [base.zh, ...notes.map((n) => n.zh)].join('；') + (status === 'pass' ? '' : limits.zh),
          en: [base.en, ...notes.map((n) => n.en)].join('; ') + (status === 'pass' ? '' : limits.en),
        },
        ...(status === 'pass' ? {} : { advice: [ADVICE.closeBackground, t('如果经常内存不足，考虑增加内存', 'If memory runs short often, consider adding memory')] }),
        data: { ...f, availablePercent, swapPercent, thresholds: { warnPercent, failPercent } },
      };
    },
  };
}

export const memoryCheck: Check = createMemoryCheck();
