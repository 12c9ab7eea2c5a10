/**
 * One truth for every figure about an archive: its size (one formatter, shared with the
 * renderer) and its entry count, read from the zip's own central directory — the generated
 * entries (intake, checks, summary page, manifest) included — so the CLI, the e-mail draft, the
 * ticket comment, the summary page and the app all quote the same numbers.
 */
import { openZip } from '../archive/zip-read.js';
import { formatBytes } from '../../../shared/figures.js';

export { formatBytes };

/** Entries in a finished zip (from its central directory; nothing is decompressed). */
export async function zipEntryCount(archivePath: string): Promise<number> {
  const zip = await openZip(archivePath);
  try {
    return zip.entryCount;
  } finally {
    zip.close();
  }
}

/**
 * The entries the session adds after the collectors' items and the intake: `checks.json`, the
 * summary page and `manifest.json`. The manifest lists the items it was written with, which are
 * everything but itself; the summary page is rendered before those three exist.
 */
export const GENERATED_AFTER_ITEMS = 3;

/** With an incident timeline, two more come with them (`timeline.json`, `事件时间线.html`). */
export const TIMELINE_ENTRIES = 2;
