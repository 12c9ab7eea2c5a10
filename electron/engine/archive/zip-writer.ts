import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import { abortedError, describeOutputError, EntryInputError, EntryUnreadableError } from './archive-errors.js';
import { AsyncQueue } from './async-queue.js';
import {
  closeOutput,
  createTempBeside,
  fsyncFd,
  publishWithoutOverwrite,
  refuseExisting,
  removeQuietly,
  syncDirectory,
} from './atomic-output.js';
import { ChunkPool, Lease } from './chunk-pool.js';
import { CHUNK_BYTES, deflateChunk } from './deflate-chunk.js';
import { deferred, type Deferred } from './deferred.js';
import { normalizeEntryName } from './entry-name.js';
import type { EntryResult } from './entry-result.js';
import { CentralDirectory, dataDescriptor, dosDateTime, localFileHeader, METHOD_DEFLATED, METHOD_STORED, type ZipMethod } from './zip-format.js';
import { adoptStream, destroyStream, readBufferInto, readFileInto, readStreamInto, toBuffer } from './entry-sources.js';
import type { InputChunk } from './rechunker.js';
import { Semaphore } from './semaphore.js';

export type { EntryResult } from './entry-result.js';
export { ArchiveWriteError, EntryInputError, EntryUnreadableError } from './archive-errors.js';

/** Options of {@link ZipWriter.open}. */
export interface ZipWriterOptions {
  /** Deflate level 0–9 (default 6, as `zip -6`); 0 stores every entry. */
  level?: number;
  /** Sees every entry's bytes as they go in (e.g. the leak check, folded into this pass). */
  watch?: EntryWatch;
}

/**
 * Sees each entry's bytes as they are written, before deflate, in archive order: `begin` (with the
 * entry's name in the archive), `bytes` for each chunk, `end`. Calls are synchronous and never
 * interleave between entries; an entry whose file cannot be opened is never begun. The chunk is
 * only valid during the call.
 */
export interface EntryWatch {
  begin(name: string): void;
  bytes(chunk: Buffer): void;
  end(): void;
}

/** Per-entry options of {@link ZipWriter.addBuffer}, {@link ZipWriter.addStream}, {@link ZipWriter.addFile}. */
/**
 * Called by {@link ZipWriter.finalize} once the temp file is complete (synced, closed) and before
 * it gets its final name: may return another complete file beside it (a mended copy, see
 * archive/mend.ts) to publish instead; the writer then removes its own temp file. A rejection
 * fails the archive as any write error does (nothing is published).
 */
export type BeforePublish = (tempPath: string, bytes: number) => Promise<{ path: string; bytes: number } | undefined>;

export interface EntryOptions {
  /** Modification time shown by unzip/Explorer (default: the file's for addFile, else when added). */
  mtime?: Date;
  /** Store without compression (for data that is already compressed). */
  store?: boolean;
}

/** libuv's threadpool size (zlib's async work and all fs calls share it); Node's default is 4. */
const THREADPOOL_SIZE = Number(process.env.UV_THREADPOOL_SIZE) || 4;

/**
 * Concurrent deflate jobs: one more than the cores, so a core does not idle while a finished job
 * waits for the main thread to hand it the next chunk (measured faster than one per core on
 * 2 cores), but always one threadpool thread short, so file reads and writes never queue behind
 * compression. With the default threadpool this caps compression at 3 cores; an app that wants
 * more sets UV_THREADPOOL_SIZE before starting.
 */
const DEFLATE_JOBS = Math.max(1, Math.min(availableParallelism() + 1, THREADPOOL_SIZE - 1));

/**
 * Chunks read but not yet written, across all entries: one per deflate job plus the one being
 * written, so the jobs never starve. This is what keeps memory flat whatever the input size —
 * and more is worse, not just bigger: a chunk's deflated pieces wait in line until written, and
 * the longer the line the more of them outlive two scavenges and are promoted, to be freed only
 * by a full collection that V8 triggers after ~64 MB of external memory. With 9 chunks in flight
 * a 300 MB collection peaked at 176 MB RSS with ~40 MB of such garbage; with 4, 161 MB and ~10 MB.
 */
const CHUNKS_IN_FLIGHT = DEFLATE_JOBS + 1;

/** Output buffer of the temp file stream; lets small entries' headers, data and descriptors batch. */
const OUTPUT_BUFFER_BYTES = 1024 * 1024;

interface Chunk {
  raw: Buffer;
  /** Set when `raw` lives in a pooled buffer; the writer releases (or leaks) its reference. */
  lease: Lease | undefined;
  /** Deflated bytes, in pieces (or `[raw]` for stored entries). */
  packed: Promise<Buffer[]>;
  last: boolean;
}

const byteLength = (pieces: readonly Buffer[]): number => pieces.reduce((sum, piece) => sum + piece.length, 0);

type Input =
  | { kind: 'buffer'; data: Buffer }
  | { kind: 'stream'; stream: Readable; original: NodeJS.ReadableStream }
  | { kind: 'file'; path: string; mtimeGiven: boolean };

interface Job {
  name: string;
  mtime: Date;
  store: boolean;
  input: Input;
  /** Produced by the reader in order, consumed by the writer in order. */
  chunks: AsyncQueue<Chunk>;
  hash: Hash;
  crc: number;
  size: number;
  /** Set when the input failed midway; the entry is still completed with what was read. */
  inputError: unknown;
  /** Set when a file could not be opened: no entry is written for it. */
  openError: unknown;
  done: Deferred<EntryResult>;
}

type State = 'open' | 'finalizing' | 'publishing' | 'finalized' | 'failed';

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Writes a zip archive to a hidden temp file and publishes it atomically under its final name.
 *
 * Entries are written in call order, but their deflate work overlaps: each entry is cut into
 * 1 MiB chunks that are deflated in parallel on libuv's threadpool (pigz-style, see
 * deflate-chunk.ts), while a bounded number of chunks in flight keeps memory flat. Headers,
 * data descriptors, ZIP64 and UTF-8 names are encoded by zip-format.ts, one buffer per record,
 * and the central directory grows in one buffer as entries complete.
 *
 * Inputs are read one entry at a time, in call order (a stream is consumed only when its turn
 * comes), while up to CHUNKS_IN_FLIGHT chunks of the following entries are already compressing.
 *
 * Failure model: an input that fails midway only truncates its own entry (the promise rejects
 * with {@link EntryInputError}; the archive stays valid); a file addFile cannot open gets no entry
 * ({@link EntryUnreadableError}). Anything that breaks the archive itself (disk full, I/O error)
 * rejects every pending entry and `finalize()` with one {@link ArchiveWriteError} (`fatal: true`,
 * `code` = errno code), and deletes the temp file; abort() does the same with an `AbortError`.
 * Promises returned by `add*` are marked handled, so callers that only await `finalize()` do
 * not crash on an unobserved rejection.
 */
export class ZipWriter {
  private readonly out: WriteStream;
  private readonly central = new CentralDirectory();
  /** Bytes handed to the output so far: where the next record starts. */
  private offset = 0;
  private readonly toRead = new AsyncQueue<Job>();
  private readonly toWrite = new AsyncQueue<Job>();
  private readonly memory = new Semaphore(CHUNKS_IN_FLIGHT);
  private readonly pool = new ChunkPool(CHUNK_BYTES, CHUNKS_IN_FLIGHT + 2);
  private readonly deflaters = new Semaphore(DEFLATE_JOBS);
  private readonly names = new Set<string>();
  /** Entries whose promise has not settled yet. */
  private readonly jobs = new Set<Job>();
  /** Rejecters of pending guard() calls, so nothing awaits a stalled stream forever on failure. */
  private readonly guards = new Set<(error: Error) => void>();
  private readonly writing: Promise<void>;
  private state: State = 'open';
  private fatal: Error | undefined;
  private cleanup: Promise<void> | undefined;
  private finalizing: Promise<{ path: string; bytes: number }> | undefined;

  private constructor(
    private readonly finalPath: string,
    readonly tempPath: string,
    private readonly fd: number,
    private readonly level: number,
    private readonly watch: EntryWatch | undefined,
  ) {
    // autoClose off: the fd must outlive 'finish' so finalize() can fsync it before closing.
    this.out = createWriteStream(tempPath, { fd, autoClose: false, highWaterMark: OUTPUT_BUFFER_BYTES });
    this.out.on('error', (error) => this.fail(describeOutputError(error, finalPath)));
    this.readEntries().catch((error: unknown) => this.fail(describeOutputError(error, finalPath)));
    this.writing = this.writeEntries().catch((error: unknown) => this.fail(describeOutputError(error, finalPath)));
  }

  /**
   * Creates the hidden temp file `.<name>.<random>.partial` beside `finalPath`. Rejects with an
   * {@link ArchiveWriteError} when the folder is missing or not writable, or — to fail before any
   * work is done — when `finalPath` already exists.
   */
  static async open(finalPath: string, options: ZipWriterOptions = {}): Promise<ZipWriter> {
    const level = options.level ?? 6;
    if (!Number.isInteger(level) || level < 0 || level > 9) throw new RangeError(`zip level must be 0–9, got ${level}`);
    const target = resolve(finalPath);
    await refuseExisting(target);
    const { tempPath, fd } = await createTempBeside(target);
    return new ZipWriter(target, tempPath, fd, level, options.watch);
  }

  /**
   * Adds an entry from a buffer. The buffer is read in place: do not modify it until the returned
   * promise settles.
   */
  addBuffer(name: string, data: Buffer, options: EntryOptions = {}): Promise<EntryResult> {
    return this.enqueue(name, options, () => ({ kind: 'buffer', data: toBuffer(data) }));
  }

  /**
   * Adds an entry from a stream, read 1 MiB at a time when its turn comes (streams are consumed
   * one after another, in call order, so a stream that is never-ending blocks later entries).
   * If the stream fails midway the entry is completed with the bytes read so far — the archive
   * stays valid and its CRC matches those bytes — and the promise rejects with an
   * {@link EntryInputError} carrying that truncated entry's {@link EntryResult} as `entry`.
   * The writer owns the stream: it is destroyed if the entry is refused or the archive fails.
   */
  addStream(name: string, stream: NodeJS.ReadableStream | Readable, options: EntryOptions = {}): Promise<EntryResult> {
    return this.enqueue(
      name,
      options,
      (job) => ({
        kind: 'stream',
        stream: adoptStream(stream, (error) => (job.inputError ??= error)),
        original: stream,
      }),
      () => destroyStream(stream),
    );
  }

  /**
   * Adds a file by path — the cheapest input: the file is opened only when its turn comes (so
   * any number can be queued without holding descriptors) and read 1 MiB at a time straight into
   * recycled buffers, with no stream and no per-read allocation. `mtime` defaults to the file's.
   * A file that cannot be opened gets no entry: the promise rejects with
   * {@link EntryUnreadableError} and the name stays free. A read failing midway behaves as in
   * addStream (entry kept with the bytes read, rejection with {@link EntryInputError}).
   */
  addFile(name: string, path: string, options: EntryOptions = {}): Promise<EntryResult> {
    return this.enqueue(name, options, () => ({ kind: 'file', path, mtimeGiven: options.mtime !== undefined }));
  }

  /**
   * Waits for every entry, writes the central directory, fsyncs, and gives the temp file its final
   * name without ever overwriting an existing file (rejects with an {@link ArchiveWriteError} if
   * the name was taken meanwhile). On any failure the temp file is deleted and no final archive
   * exists. Resolves with the absolute final path and the archive's size in bytes.
   */
  finalize(beforePublish?: BeforePublish): Promise<{ path: string; bytes: number }> {
    if (this.state !== 'open') {
      return Promise.reject(this.fatal ?? new Error(`finalize() was already called for ${this.finalPath}`));
    }
    this.state = 'finalizing';
    this.finalizing = this.finish(beforePublish);
    return this.finalizing;
  }

  /**
   * Stops reading and compressing, rejects pending entries, closes and deletes the temp file.
   * Safe to call twice, after a failure, or after finalize() (then it does nothing).
   */
  async abort(): Promise<void> {
    if (this.state === 'finalized') return;
    if (this.state === 'publishing') {
      // Past the point of no return: the final name may already exist. Let finalize settle.
      await this.finalizing?.catch(() => undefined);
      return;
    }
    this.fail(abortedError(this.finalPath));
    await this.cleanup;
  }

  private enqueue(
    name: string,
    options: EntryOptions,
    makeInput: (job: Job) => Input,
    refuse: () => void = () => undefined,
  ): Promise<EntryResult> {
    const done = deferred<EntryResult>(true);
    try {
      if (this.state !== 'open') {
        throw this.fatal ?? new Error(`cannot add ${JSON.stringify(name)}: finalize() was already called`);
      }
      const entryName = normalizeEntryName(name);
      if (this.names.has(entryName)) throw new Error(`duplicate entry name ${JSON.stringify(entryName)}`);
      const job: Job = {
        name: entryName,
        mtime: options.mtime ?? new Date(),
        store: options.store === true || this.level === 0,
        input: { kind: 'buffer', data: Buffer.alloc(0) },
        chunks: new AsyncQueue<Chunk>(),
        hash: createHash('sha256'),
        crc: 0,
        size: 0,
        inputError: undefined,
        openError: undefined,
        done,
      };
      job.input = makeInput(job);
      this.names.add(entryName);
      this.jobs.add(job);
      this.toRead.push(job);
      this.toWrite.push(job);
    } catch (error) {
      refuse();
      done.reject(asError(error));
    }
    return done.promise;
  }

  /** Reader: turns each entry's input into chunks, in entry order, within the memory bound. */
  private async readEntries(): Promise<void> {
    for (let job = await this.toRead.shift(); job; job = await this.toRead.shift()) {
      await this.readEntry(job);
    }
  }

  private async readEntry(job: Job): Promise<void> {
    let previous: { raw: Buffer; lease: Lease | undefined } | undefined;
    const watch = this.watch;
    let begun = false;
    const emit = async ({ bytes: raw, pooled }: InputChunk, last: boolean): Promise<void> => {
      await this.memory.acquire();
      if (watch) {
        if (!begun) watch.begin(job.name);
        begun = true;
        watch.bytes(raw);
      }
      job.crc = crc32(raw, job.crc);
      job.hash.update(raw);
      job.size += raw.length;
      const lease = pooled ? new Lease(pooled, this.pool) : undefined;
      lease?.retain(); // the writer's reference
      let packed: Promise<Buffer[]>;
      if (job.store) {
        packed = Promise.resolve([raw]);
      } else {
        const dictionary = previous;
        lease?.retain(); // zlib reads the input until its deflate finishes
        // The next chunk presets this one's tail as its dictionary; it releases that reference
        // once its own deflate has copied it (taken now: by then this chunk may be long written).
        if (!last) lease?.retain();
        packed = this.deflaters.run(() => {
          const deflated = deflateChunk(raw, this.level, last, dictionary?.raw);
          dictionary?.lease?.release();
          return deflated.finally(() => lease?.release());
        });
      }
      packed.catch(() => undefined); // awaited by the writer; unobserved only if the archive died
      job.chunks.push({ raw, lease, packed, last });
      previous = { raw, lease };
    };

    const { input } = job;
    if (input.kind === 'buffer') {
      await readBufferInto(input.data, CHUNK_BYTES, emit);
    } else if (input.kind === 'stream') {
      const error = await readStreamInto(input.stream, this.pool, emit);
      job.inputError ??= error;
    } else {
      const outcome = await readFileInto(input.path, this.pool, (mtime) => {
        if (!input.mtimeGiven) job.mtime = mtime;
      }, emit);
      job.openError = outcome.openError;
      job.inputError ??= outcome.inputError;
      if (outcome.openError !== undefined) job.chunks.close();
    }
    if (begun) watch?.end();
  }

  /** Writer: writes entries strictly in call order. */
  private async writeEntries(): Promise<void> {
    for (let job = await this.toWrite.shift(); job; job = await this.toWrite.shift()) {
      await this.writeEntry(job);
    }
  }

  private async writeEntry(job: Job): Promise<void> {
    const first = await this.guard(job.chunks.shift());
    if (!first) {
      if (job.openError === undefined) throw new Error(`internal: entry ${job.name} has no data`);
      this.jobs.delete(job);
      this.names.delete(job.name);
      job.done.reject(new EntryUnreadableError(job.name, job.input.kind === 'file' ? job.input.path : '', job.openError));
      return;
    }
    let method: ZipMethod = job.store ? METHOD_STORED : METHOD_DEFLATED;
    let firstBytes: Buffer[] | undefined;
    if (first.last && !job.store) {
      const packed = await this.guard(first.packed);
      // Like zip: a one-chunk entry deflate does not shrink (empty, tiny, already compressed) is stored.
      if (byteLength(packed) >= first.raw.length) method = METHOD_STORED;
      firstBytes = method === METHOD_STORED ? [first.raw] : packed;
    }
    const stored = method === METHOD_STORED;
    const name = Buffer.from(job.name, 'utf8');
    const dosTime = dosDateTime(job.mtime);
    const headerOffset = this.offset;
    await this.put(localFileHeader(name, method, dosTime));
    const dataOffset = this.offset;
    let chunk = first;
    let bytes = firstBytes ?? (await this.guard(chunk.packed));
    for (;;) {
      // Stored bytes go to the output as they are and may sit in its buffer: never recycle them.
      if (stored) chunk.lease?.leak();
      for (const piece of bytes) if (piece.length > 0) await this.put(piece);
      chunk.lease?.release();
      this.memory.release(); // the output has taken this chunk: let the reader fetch another
      if (chunk.last) break;
      const next = await this.guard(job.chunks.shift());
      if (!next) throw new Error(`internal: entry ${job.name} ended without its last chunk`);
      chunk = next;
      bytes = await this.guard(chunk.packed);
    }
    const compressedSize = this.offset - dataOffset;
    await this.put(dataDescriptor(job.crc, compressedSize, job.size));
    this.central.add({ name, method, dosTime, crc: job.crc, compressedSize, size: job.size, offset: headerOffset });
    const result: EntryResult = {
      name: job.name,
      size: job.size,
      compressedSize,
      sha256: job.hash.digest('hex'),
      crc32: job.crc >>> 0,
    };
    this.jobs.delete(job);
    if (job.inputError !== undefined) job.done.reject(new EntryInputError(result, job.inputError));
    else job.done.resolve(result);
  }

  private async finish(beforePublish?: BeforePublish): Promise<{ path: string; bytes: number }> {
    let replacement: string | undefined;
    this.toRead.close();
    this.toWrite.close();
    try {
      await this.guard(this.writing);
      for (const piece of this.central.finish(this.offset)) await this.put(piece);
      const flushed = new Promise<void>((resolvePromise) => this.out.once('finish', resolvePromise));
      this.out.end();
      await this.guard(flushed);
      let bytes = this.offset;
      await this.guard(fsyncFd(this.fd));
      const closeError = await closeOutput(this.out);
      if (closeError) throw closeError;
      if (this.fatal) throw this.fatal;
      const swap = beforePublish ? await beforePublish(this.tempPath, bytes) : undefined;
      if (this.fatal) throw this.fatal;
      if (swap) ({ path: replacement, bytes } = swap);
      this.state = 'publishing';
      await publishWithoutOverwrite(replacement ?? this.tempPath, this.finalPath);
      this.state = 'finalized';
      if (replacement) await removeQuietly(this.tempPath);
      await syncDirectory(dirname(this.finalPath));
      return { path: this.finalPath, bytes };
    } catch (error) {
      const failure = this.fatal ?? describeOutputError(error, this.finalPath);
      this.state = 'finalizing'; // let fail() run even if publishing had started
      this.fail(failure);
      await this.cleanup;
      if (replacement) await removeQuietly(replacement);
      throw failure;
    }
  }

  /**
   * Hands `piece` to the output; waits only when its buffer is full (backpressure), so small
   * entries cost no round trip. After a failure nothing more is written.
   */
  private async put(piece: Buffer): Promise<void> {
    if (this.fatal) throw this.fatal;
    this.offset += piece.length;
    if (this.out.write(piece)) return;
    await this.guard(new Promise<void>((resolvePromise) => this.out.once('drain', resolvePromise)));
  }

  /**
   * `promise`, or the archive's failure if that comes first. Not Promise.race against one
   * long-lived promise: each race would leave a reaction on it that keeps the race's result (a
   * chunk) reachable until the archive ends — measured as memory growing with every entry.
   */
  private guard<T>(promise: Promise<T>): Promise<T> {
    if (this.fatal) return Promise.reject(this.fatal);
    return new Promise<T>((resolvePromise, reject) => {
      this.guards.add(reject);
      promise.then(
        (value) => {
          this.guards.delete(reject);
          resolvePromise(value);
        },
        (error: unknown) => {
          this.guards.delete(reject);
          reject(asError(error));
        },
      );
    });
  }

  /** Kills the archive: first error wins, everything pending rejects, the temp file goes. */
  private fail(error: Error): void {
    if (this.fatal || this.state === 'finalized' || this.state === 'publishing') return;
    this.fatal = error;
    this.state = 'failed';
    for (const reject of this.guards) reject(error);
    this.guards.clear();
    this.memory.fail(error);
    this.deflaters.fail(error);
    this.toRead.fail(error);
    this.toWrite.fail(error);
    for (const job of this.jobs) {
      job.chunks.fail(error);
      job.done.reject(error);
      if (job.input.kind === 'stream') {
        job.input.stream.destroy();
        destroyStream(job.input.original);
      }
    }
    this.jobs.clear();
    this.cleanup = this.discardOutput();
  }

  private async discardOutput(): Promise<void> {
    await closeOutput(this.out);
    await removeQuietly(this.tempPath);
  }
}
