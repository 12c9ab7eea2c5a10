/**
 * A copy of a finished zip in which a few entries are written anew and every other entry's
 * compressed bytes are copied as they are (no inflate, no deflate): what the mend step needs
 * (redact/mend.ts), where one or two entries out of thousands change. Records are those of
 * zip-format.ts, as ZipWriter writes them, so the copy reads exactly as a written archive does.
 *
 * The copy goes to its own hidden `.….partial` temp file beside the final name (created
 * exclusively), so a run killed midway leaves only a temp file that the next run removes
 * (cleanStaleOutputs); any failure removes it here and rejects.
 */
import { createHash } from 'node:crypto';
import { close, fsync, write } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';
import { createTempBeside, removeQuietly } from './atomic-output.js';
import type { EntryResult } from './entry-result.js';
import { openEntryStream, openZip, zipEntries } from './zip-read.js';
import { CentralDirectory, dataDescriptor, localFileHeader, METHOD_DEFLATED, type ZipMethod } from './zip-format.js';

/** How one entry is written anew: its new bytes, from the old ones (inflated) or from nothing. */
export type EntryRewrite =
  | { kind: 'transform'; transform: (old: Readable) => AsyncIterable<Buffer> }
  | { kind: 'render'; pieces: () => Iterable<Buffer> | AsyncIterable<Buffer> };

export interface RewriteOptions {
  /** The complete zip to copy (not changed). */
  source: string;
  /** The archive's final name: the copy's temp file is created beside it. */
  finalPath: string;
  /** Asked once per entry, in archive order; undefined copies the entry as it is. */
  rewrite: (name: string) => EntryRewrite | undefined;
  /** Called with each rewritten entry's figures as soon as it is written (before the next entry is asked for). */
  written?: (result: EntryResult) => void;
  signal?: AbortSignal;
  /** Test seam: called before each write to the copy; throwing there is a write error (disk full). */
  beforeWrite?: (bytes: number) => void;
}

/** Output buffered into writes of about this size (small entries' records batch together). */
const WRITE_BATCH_BYTES = 1024 * 1024;

/** Writes the copy; resolves with its temp path and size once it is complete and synced. */
export async function rewriteZip(options: RewriteOptions): Promise<{ path: string; bytes: number }> {
  const { tempPath, fd } = await createTempBeside(options.finalPath);
  const out = new Output(fd, options.beforeWrite);
  try {
    const zip = await openZip(options.source);
    try {
      const central = new CentralDirectory();
      for await (const entry of zipEntries(zip)) {
        options.signal?.throwIfAborted();
        const name = Buffer.from(entry.fileName, 'utf8');
        const dosTime = ((entry.lastModFileDate << 16) | entry.lastModFileTime) >>> 0;
        const offset = out.offset;
        const change = options.rewrite(entry.fileName);
        if (!change) {
          // Copied as it is: the same method, crc and sizes, only its offset is new.
          await out.put(localFileHeader(name, entry.compressionMethod as ZipMethod, dosTime));
          for await (const piece of await openEntryStream(zip, entry, true)) await out.put(piece as Buffer);
          await out.put(dataDescriptor(entry.crc32, entry.compressedSize, entry.uncompressedSize));
          central.add({ name, method: entry.compressionMethod as ZipMethod, dosTime, crc: entry.crc32, compressedSize: entry.compressedSize, size: entry.uncompressedSize, offset });
          continue;
        }
        await out.put(localFileHeader(name, METHOD_DEFLATED, dosTime));
        const hash = createHash('sha256');
        let crc = 0;
        let size = 0;
        const raw = change.kind === 'transform' ? change.transform(await openEntryStream(zip, entry)) : change.pieces();
        const counted = (async function* () {
          for await (const piece of raw) {
            crc = crc32(piece, crc);
            size += piece.length;
            hash.update(piece);
            yield piece;
          }
        })();
        const deflate = createDeflateRaw({ level: 6 });
        // A failing source destroys the deflater (pipeline), which ends the loop below with its error.
        const pumping = pipeline(counted, deflate);
        pumping.catch(() => undefined);
        const dataStart = out.offset;
        for await (const piece of deflate) {
          options.signal?.throwIfAborted();
          await out.put(piece as Buffer);
        }
        await pumping;
        const compressedSize = out.offset - dataStart;
        await out.put(dataDescriptor(crc, compressedSize, size));
        central.add({ name, method: METHOD_DEFLATED, dosTime, crc, compressedSize, size, offset });
        options.written?.({ name: entry.fileName, size, compressedSize, sha256: hash.digest('hex'), crc32: crc >>> 0 });
      }
      for (const piece of central.finish(out.offset)) await out.put(piece);
      await out.flush();
      await new Promise<void>((resolve, reject) => fsync(fd, (err) => (err ? reject(err) : resolve())));
    } finally {
      zip.close();
    }
    await out.close();
    return { path: tempPath, bytes: out.offset };
  } catch (err) {
    await out.close().catch(() => undefined);
    await removeQuietly(tempPath);
    throw err;
  }
}

/** The copy's file: pieces batched into large writes. */
class Output {
  offset = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private closed = false;

  constructor(
    private readonly fd: number,
    private readonly beforeWrite: ((bytes: number) => void) | undefined,
  ) {}

  async put(piece: Buffer): Promise<void> {
    this.offset += piece.length;
    // Copied: pieces from a stream may be reused by it once handed over.
    this.pending.push(Buffer.from(piece));
    this.pendingBytes += piece.length;
    if (this.pendingBytes >= WRITE_BATCH_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    let data = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    this.beforeWrite?.(data.length);
    while (data.length > 0) {
      const n = await new Promise<number>((resolve, reject) => write(this.fd, data, 0, data.length, null, (err, bytes) => (err ? reject(err) : resolve(bytes))));
      data = data.subarray(n);
    }
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    return new Promise<void>((resolve, reject) => close(this.fd, (err) => (err ? reject(err) : resolve())));
  }
}

