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

/**
 * Above this share of a file system's size, the space that is neither used nor available is
 * told to the reader. ext4 keeps 5 % of its blocks for root by default, which df shows as a
 * little over 5 % of its size (5.1 % on a stock RHEL 6 volume, tests/fixtures/df): that gap is
 * the ordinary one and needs no note. Past it the figures cannot be reconciled by a reader: an
 * overlay or a VM disk whose blocks hold more than its own files, APFS volumes sharing one
 * container, btrfs metadata ("27 % used · 74 GB free of 252 GB").
 */
export const DISK_OTHER_MIN_SHARE = 0.06;

/**
 * The space a file system holds that is neither used nor available to users — reserved for the
 * system (root's reserve) or in other use (other volumes of an APFS container, the host of an
 * overlay) — when it is large enough to need saying (see {@link DISK_OTHER_MIN_SHARE}); else
 * undefined. The one place this is computed: the summary page, the disk-space check and every
 * front end that renders either say this number.
 */
export function diskOtherBytes(f: { sizeBytes: number; usedBytes: number; availableBytes: number }): number | undefined {
  const other = f.sizeBytes - f.usedBytes - f.availableBytes;
  return f.sizeBytes > 0 && other > f.sizeBytes * DISK_OTHER_MIN_SHARE ? other : undefined;
}
