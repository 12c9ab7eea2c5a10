/**
 * Splits an archive that is too big for a ticket system into `<name>_part01.zip`, `_part02.zip`…
 * beside it: each part is a complete, valid zip holding a subset of the entries (in the original
 * order), no bigger than `maxBytes`. Entries are read with yauzl (which checks each entry's CRC)
 * and streamed into a {@link ZipWriter} one at a time, so memory stays flat; each part is
 * published atomically (temp file, fsync, rename) and never overwrites an existing file.
 *
 * Parts are planned from the entries' compressed sizes plus the zip overhead; recompression can
 * come out slightly bigger, so a part that ends up over the limit is written again with fewer
 * entries. An entry that cannot fit in a part on its own is refused with an error naming it.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Entry, ZipFile } from 'yauzl';
import { openEntryStream, openZip, zipEntries } from './zip-read.js';
import { ZipWriter } from './zip-writer.js';

export interface SplitPart {
  path: string;
  name: string;
  size: number;
  sha256: string;
  /** Entry names in this part, in archive order. */
  entries: string[];
}

export interface SplitOptions {
  /** Largest part, in bytes. */
  maxBytes: number;
  /** Folder for the parts (default: the archive's). */
  outDir?: string;
  /** Deflate level for entries that were deflated (default 6); stored entries stay stored. */
  level?: number;
  signal?: AbortSignal;
}

/** The archive cannot be split within the limit (an entry alone is too big, or it is not a zip). */
export class SplitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SplitError';
  }
}

const MB = 1024 * 1024;
const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;

/** End of central directory, ZIP64 end record and locator, and some slack. */
const ARCHIVE_OVERHEAD = 22 + 56 + 20 + 64;

/** Local header, data descriptor, central directory record, ZIP64 extras (generous). */
function entryOverhead(name: string): number {
  return 30 + 24 + 46 + 2 * Buffer.byteLength(name, 'utf8') + 2 * 32;
}

/** Deflate of already-deflated data can grow a little (stored blocks, per-chunk flushes). */
function estimate(entry: Entry): number {
  const data = entry.compressionMethod === 0 ? entry.uncompressedSize : Math.min(entry.compressedSize, entry.uncompressedSize) + Math.ceil(entry.uncompressedSize / 16_384) * 5 + 64;
  return data + entryOverhead(entry.fileName);
}

/** `<stem>_partNN.zip` (two digits, more when there are 100 parts or more). */
export function partName(archiveName: string, index: number, count: number): string {
  const stem = archiveName.replace(/\.zip$/i, '');
  return `${stem}_part${String(index + 1).padStart(Math.max(2, String(count).length), '0')}.zip`;
}

async function readEntries(zip: ZipFile): Promise<Entry[]> {
  const entries: Entry[] = [];
  for await (const entry of zipEntries(zip)) entries.push(entry);
  return entries;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Greedy plan: consecutive entries while the estimated part size stays within `budget`. */
function plan(entries: Entry[], budget: number): Entry[][] {
  const parts: Entry[][] = [];
  let current: Entry[] = [];
  let size = ARCHIVE_OVERHEAD;
  for (const entry of entries) {
    const e = estimate(entry);
    if (current.length > 0 && size + e > budget) {
      parts.push(current);
      current = [];
      size = ARCHIVE_OVERHEAD;
    }
    current.push(entry);
    size += e;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

async function writePart(zip: ZipFile, entries: Entry[], path: string, level: number, signal?: AbortSignal): Promise<number> {
  const writer = await ZipWriter.open(path, { level });
  try {
    for (const entry of entries) {
      signal?.throwIfAborted();
      const stream = await openEntryStream(zip, entry);
      await writer.addStream(entry.fileName, stream, { mtime: entry.getLastModDate(), store: entry.compressionMethod === 0 });
    }
    return (await writer.finalize()).bytes;
  } catch (err) {
    await writer.abort();
    throw err;
  }
}

/**
 * Splits `archivePath` into parts of at most `maxBytes`. Rejects with {@link SplitError} naming
 * an entry that does not fit in a part on its own; on any failure, parts already written are
 * removed. Directory entries are left out (the paths inside the files imply them).
 */
export async function splitArchive(archivePath: string, options: SplitOptions): Promise<SplitPart[]> {
  const { maxBytes, signal } = options;
  const level = options.level ?? 6;
  const outDir = options.outDir ?? dirname(archivePath);
  const archiveName = basename(archivePath);
  let zip: ZipFile;
  try {
    zip = await openZip(archivePath);
  } catch (err) {
    throw new SplitError((err as Error).message);
  }
  const written: string[] = [];
  try {
    const entries = (await readEntries(zip)).filter((e) => !e.fileName.endsWith('/'));
    for (const entry of entries) {
      if (estimate(entry) + ARCHIVE_OVERHEAD > maxBytes) {
        throw new SplitError(`the entry ${entry.fileName} (${mb(entry.compressedSize)} compressed) is bigger than the limit of ${mb(maxBytes)} on its own: it cannot be split; leave it out (--exclude-item or --skip) and collect again`);
      }
    }
    let budget = maxBytes;
    for (let round = 0; ; round += 1) {
      const groups = plan(entries, budget);
      const parts: SplitPart[] = [];
      let over = 0;
      for (const [i, group] of groups.entries()) {
        const name = partName(archiveName, i, groups.length);
        const path = join(outDir, name);
        const bytes = await writePart(zip, group, path, level, signal);
        written.push(path);
        if (bytes > maxBytes) {
          if (group.length === 1) throw new SplitError(`the entry ${group[0]!.fileName} comes to ${mb(bytes)} in a part of its own, over the limit of ${mb(maxBytes)}: leave it out (--exclude-item or --skip) and collect again`);
          over = Math.max(over, bytes - maxBytes);
          break;
        }
        parts.push({ path, name, size: (await stat(path)).size, sha256: await sha256File(path), entries: group.map((e) => e.fileName) });
      }
      if (over === 0) return parts;
      // Recompression came out bigger than planned: remove this attempt and plan tighter.
      await Promise.all(written.splice(0).map((p) => unlink(p).catch(() => {})));
      if (round >= 8) throw new SplitError(`cannot split ${archiveName} into parts of at most ${mb(maxBytes)}`);
      budget -= over + 4096;
    }
  } catch (err) {
    await Promise.all(written.map((p) => unlink(p).catch(() => {})));
    throw err;
  } finally {
    zip.close();
  }
}
