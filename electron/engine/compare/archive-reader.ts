/**
 * Reads a few entries of a finished archive without reading the archive: the zip's central
 * directory plus the bytes of the entries asked for, through ranged reads of a {@link RangeSource}
 * (a local file, or an object in S3). compare and baseline build are stages over archives a
 * support team receives (like troubleshoot's analyzers over a bundle); a baseline over 100 000
 * archives in object storage must not download them.
 *
 * One ranged read fetches the tail (end-of-central-directory record and, for our archives, the
 * whole central directory); each entry asked for is fetched in one more read (local header and
 * data together), so an S3 object costs two or three GETs however yauzl slices its reads.
 */
import { open } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import yauzl from 'yauzl';
import { openEntryStream } from '../archive/zip-read.js';
import { errnoCause, InputError } from '../errors.js';

/** Random access to the bytes of one archive. */
export interface RangeSource {
  /** For messages: the path or s3:// address. */
  readonly label: string;
  readonly size: number;
  /** Bytes [start, end) — end exclusive. */
  read(start: number, end: number): Promise<Buffer>;
  close(): Promise<void>;
}

/** A local file as a {@link RangeSource}. */
export async function fileSource(path: string): Promise<RangeSource> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat().catch(async (err: unknown) => {
    await handle.close();
    throw err;
  });
  return {
    label: path,
    size,
    async read(start, end) {
      const buffer = Buffer.alloc(end - start);
      let done = 0;
      while (done < buffer.length) {
        const { bytesRead } = await handle.read(buffer, done, buffer.length - done, start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return buffer.subarray(0, done);
    },
    close: () => handle.close(),
  };
}

/**
 * The tail read at open: usually the end-of-central-directory record and the whole directory
 * of a collection fit in 8 KiB; a zip comment can push the record back by up to 64 KiB.
 */
const FIRST_TAIL_BYTES = 8 * 1024;
const TAIL_BYTES = 22 + 65_535;
/** A central directory larger than this is read in blocks instead of in one piece. */
const MAX_DIRECTORY_PREFETCH = 16 * 1024 * 1024;
/** A read outside every cached segment fetches at least this much (yauzl reads in small slices). */
const BLOCK_BYTES = 64 * 1024;
/** The local header's fixed part and room for its name and extra field (read with the data). */
const LOCAL_HEADER_ALLOWANCE = 30 + 1024;
/** Entries larger than this (logs) are streamed in blocks of STREAM_BLOCK, not fetched whole. */
const STREAM_THRESHOLD = 4 * 1024 * 1024;
const STREAM_BLOCK = 1024 * 1024;

interface Segment {
  start: number;
  data: Buffer;
}

/** yauzl's reader over a RangeSource, serving its many small reads from a few cached ranged reads. */
class CachedReader extends yauzl.RandomAccessReader {
  readonly #source: RangeSource;
  #segments: Segment[] = [];
  requests = 0;
  bytesFetched = 0;

  constructor(source: RangeSource) {
    super();
    this.#source = source;
  }

  async #pump(out: PassThrough, start: number, end: number): Promise<void> {
    try {
      for (let at = start; at < end; at += STREAM_BLOCK) {
        const data = await this.#source.read(at, Math.min(end, at + STREAM_BLOCK));
        this.requests += 1;
        this.bytesFetched += data.length;
        if (!out.write(data)) await new Promise((resolve) => out.once('drain', resolve));
        if (out.destroyed) return;
      }
      out.end();
    } catch (err) {
      out.destroy(err as Error);
    }
  }

  async fetch(start: number, end: number): Promise<void> {
    const s = Math.max(0, start);
    const e = Math.min(this.#source.size, end);
    if (e <= s || this.#cached(s, e)) return;
    const data = await this.#source.read(s, e);
    this.requests += 1;
    this.bytesFetched += data.length;
    // Keep the directory (the first segment) and the latest few entries: memory stays bounded.
    this.#segments = [...this.#segments.slice(0, 1), ...this.#segments.slice(1).slice(-3), { start: s, data }];
  }

  #cached(start: number, end: number): Buffer | undefined {
    for (const seg of this.#segments) {
      if (start >= seg.start && end <= seg.start + seg.data.length) return seg.data.subarray(start - seg.start, end - seg.start);
    }
    return undefined;
  }

  /**
   * Puts the tail already read into the cache. `recordFound`: the end-of-central-directory record
   * lies in it. yauzl looks for that record by reading the last 64 KiB and searching backwards
   * from the end, stopping at the first match, so the bytes before a tail that holds the record
   * are never looked at: they are served as zeros instead of fetched (yauzl reads 20 bytes more,
   * for a Zip64 locator, which a record found in this tail makes irrelevant too).
   */
  seed(start: number, data: Buffer, recordFound: boolean): void {
    this.requests += 1;
    this.bytesFetched += data.length;
    this.#segments.push({ start, data });
    if (recordFound) this.#tail = { start, data };
  }

  #tail: Segment | undefined;

  override _readStreamForRange(start: number, end: number): Readable {
    const out = new PassThrough();
    const hit = this.#cached(start, end);
    if (hit) {
      out.end(hit);
      return out;
    }
    const tail = this.#tail;
    if (tail && end === tail.start + tail.data.length && start < tail.start && end - start <= TAIL_BYTES + 1024) {
      out.end(Buffer.concat([Buffer.alloc(tail.start - start), tail.data]));
      return out;
    }
    if (end - start > STREAM_THRESHOLD) {
      // A big log: streamed block by block, never held whole.
      void this.#pump(out, start, end);
      return out;
    }
    this.fetch(start, Math.max(end, start + BLOCK_BYTES))
      .then(() => {
        const data = this.#cached(start, end);
        if (!data) throw new Error(`could not read bytes ${start}–${end} of ${this.#source.label}`);
        out.end(data);
      })
      .catch((err: unknown) => out.destroy(err as Error));
    return out;
  }
}

/** End of central directory: where the directory starts and how long it is (undefined: Zip64 or not found). */
function directoryRange(tail: Buffer, tailStart: number): { start: number; end: number } | undefined {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== 0x06054b50) continue;
    const size = tail.readUInt32LE(i + 12);
    const offset = tail.readUInt32LE(i + 16);
    if (size === 0xffffffff || offset === 0xffffffff) return undefined;
    return { start: offset, end: Math.min(offset + size, tailStart + i) };
  }
  return undefined;
}

/** A bad archive: says which file and what is wrong. */
export class ArchiveReadError extends Error {
  constructor(label: string, problem: string) {
    super(`${label}: ${problem}`);
    this.name = 'ArchiveReadError';
  }
}

export class ArchiveReader {
  readonly #zip: yauzl.ZipFile;
  readonly #reader: CachedReader;
  readonly #source: RangeSource;
  readonly entries: ReadonlyMap<string, yauzl.Entry>;

  private constructor(zip: yauzl.ZipFile, reader: CachedReader, source: RangeSource, entries: Map<string, yauzl.Entry>) {
    this.#zip = zip;
    this.#reader = reader;
    this.#source = source;
    this.entries = entries;
  }

  /** Opens the archive and lists its entries from the central directory (nothing is decompressed). */
  static async open(source: RangeSource): Promise<ArchiveReader> {
    const reader = new CachedReader(source);
    try {
      let tailStart = Math.max(0, source.size - FIRST_TAIL_BYTES);
      let tail = await source.read(tailStart, source.size);
      let dir = directoryRange(tail, tailStart);
      if (!dir && tailStart > 0) {
        tailStart = Math.max(0, source.size - TAIL_BYTES);
        tail = await source.read(tailStart, source.size);
        dir = directoryRange(tail, tailStart);
      }
      reader.seed(tailStart, tail, dir !== undefined);
      if (dir && dir.start < tailStart && dir.end - dir.start <= MAX_DIRECTORY_PREFETCH) await reader.fetch(dir.start, source.size);
      const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
        yauzl.fromRandomAccessReader(reader, source.size, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true }, (err, z) => (err || !z ? reject(err ?? new Error('no zip')) : resolve(z))),
      );
      const entries = new Map<string, yauzl.Entry>();
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (e: yauzl.Entry) => {
          entries.set(e.fileName, e);
          zip.readEntry();
        });
        zip.once('end', () => resolve());
        zip.once('error', reject);
        zip.readEntry();
      });
      return new ArchiveReader(zip, reader, source, entries);
    } catch (err) {
      await source.close().catch(() => undefined);
      throw new ArchiveReadError(source.label, `not a readable diagcollect archive (${(err as Error).message})`);
    }
  }

  get label(): string {
    return this.#source.label;
  }

  /** Ranged reads so far and their bytes (the bench and the tests check "never the whole archive"). */
  get stats(): { requests: number; bytesFetched: number; size: number } {
    return { requests: this.#reader.requests, bytesFetched: this.#reader.bytesFetched, size: this.#source.size };
  }

  async #stream(entry: yauzl.Entry): Promise<Readable> {
    // Local header and data in one ranged read; yauzl then reads both from the cache. A big
    // entry is left to yauzl's own reads, which the reader streams in blocks.
    if (entry.compressedSize <= STREAM_THRESHOLD) await this.#reader.fetch(entry.relativeOffsetOfLocalHeader, entry.relativeOffsetOfLocalHeader + LOCAL_HEADER_ALLOWANCE + entry.fileNameLength + entry.compressedSize);
    return openEntryStream(this.#zip, entry);
  }

  /** The entry's bytes, or undefined when there is no such entry or it is larger than `maxBytes`. */
  async read(name: string, maxBytes = 16 * 1024 * 1024): Promise<Buffer | undefined> {
    const entry = this.entries.get(name);
    if (!entry || entry.uncompressedSize > maxBytes) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of await this.#stream(entry)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** The entry parsed as JSON; undefined when absent or not JSON. */
  async readJson(name: string): Promise<unknown> {
    const data = await this.read(name);
    if (!data) return undefined;
    try {
      return JSON.parse(data.toString('utf8')) as unknown;
    } catch {
      return undefined;
    }
  }

  /** The entry's lines, streamed (logs can be tens of megabytes). */
  async *lines(name: string): AsyncGenerator<string> {
    const entry = this.entries.get(name);
    if (!entry) return;
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for await (const chunk of await this.#stream(entry)) {
      const text = rest + decoder.write(chunk as Buffer);
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) yield line;
    }
    rest += decoder.end();
    if (rest) yield rest;
  }

  async close(): Promise<void> {
    this.#zip.close();
    await this.#source.close();
  }
}

/** Opens, runs `use`, closes. */
export async function withArchive<T>(source: RangeSource | Promise<RangeSource>, use: (archive: ArchiveReader) => Promise<T>): Promise<T> {
  const archive = await ArchiveReader.open(await source);
  try {
    return await use(archive);
  } finally {
    await archive.close();
  }
}

/**
 * {@link withArchive} over a file the user named (compare, baseline check): a missing or
 * unreadable file, or one that is not an archive, is bad input that says what to give instead.
 */
export async function withArchiveFile<T>(path: string, use: (archive: ArchiveReader) => Promise<T>): Promise<T> {
  try {
    return await withArchive(fileSource(path), use);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw InputError.coded('archive-missing', { path }, `${path} does not exist: give the path of an archive diagcollect made (.zip)`);
    if (err instanceof ArchiveReadError || e.code === 'EISDIR' || e.code === 'EACCES') throw InputError.coded('archive-unreadable', { path, cause: errnoCause(err) }, `${e.message}: give the path of an archive diagcollect made (.zip)`);
    throw err;
  }
}
