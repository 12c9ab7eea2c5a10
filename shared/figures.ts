import { formatSize } from './i18n/format.js';

/**
 * The one size formatter: every figure about an archive — the CLI's summary, the e-mail draft,
 * `outbox list`, the ticket comment, the summary page and the app's screens — goes through
 * `formatSize` (shared/i18n/format.ts), so a 38 KB archive reads "38 KB" everywhere (never
 * "0.0 MB"). Digits and units read the same in zh-CN and en.
 */
export function formatBytes(bytes: number): string {
  return formatSize(bytes, 'en');
}

/**
 * The one disk figure: the share of the space users can have that is in use, as `df` computes
 * its Use% (used / (used + available), rounded up), so 系统信息.txt, the summary page and the app
 * agree. Space reserved for root counts neither way. 0 for an empty or unknown file system.
 */
export function diskUsedPercent(f: { usedBytes: number; availableBytes: number }): number {
  const usable = f.usedBytes + f.availableBytes;
  return usable > 0 ? Math.ceil((f.usedBytes * 100) / usable) : 0;
}
