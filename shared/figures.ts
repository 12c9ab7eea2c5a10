/**
 * The one size formatter: every figure about an archive — the CLI's summary, the e-mail draft,
 * `outbox list`, the ticket comment, the summary page and the app's screens — goes through it,
 * so a 38 KB archive reads "38 KB" everywhere (never "0.0 MB"). Binary units (1 KB = 1024 B),
 * written the way people read them. Pure TypeScript: the renderer uses it too.
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '?';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
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
