import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { finished, Readable } from 'node:stream';
import type { ChunkPool } from './chunk-pool.js';
import { Rechunker, type InputChunk } from './rechunker.js';

/**
 * Receives an entry's input chunks in order; `last` is set on exactly one call, the final one.
 * It throws only when the archive itself has failed, and that error propagates out of the
 * readers below; failures of the input are returned instead, after the final call.
 */
export type ChunkSink = (chunk: InputChunk, last: boolean) => Promise<void>;

const EMPTY: InputChunk = { bytes: Buffer.alloc(0) };

/** Cuts a buffer into chunk-sized views (no copy). */
export async function readBufferInto(data: Buffer, chunkBytes: number, sink: ChunkSink): Promise<void> {
  if (data.length === 0) await sink(EMPTY, true);
  for (let offset = 0; offset < data.length; offset += chunkBytes) {
    const end = Math.min(offset + chunkBytes, data.length);
    await sink({ bytes: data.subarray(offset, end) }, end === data.length);
  }
}

/**
 * Takes charge of a caller's stream until its turn comes. Old-style streams are wrapped. A queued
 * stream may fail long before it is read; an 'error' without a listener would crash the process,
 * so errors are reported to `onError` from now on (reading then ends there).
 */
export function adoptStream(stream: NodeJS.ReadableStream | Readable, onError: (error: unknown) => void): Readable {
  const readable = stream instanceof Readable ? stream : new Readable().wrap(stream);
  readable.on('error', onError);
  if (readable !== stream) stream.on('error', onError);
  return readable;
}

/** Destroys a caller's stream we will not read (refused entry, failed archive), if it can be. */
export function destroyStream(stream: NodeJS.ReadableStream | Readable): void {
  (stream as { destroy?: () => void }).destroy?.();
}

/** Bytes of a stream piece (or of a Uint8Array given as a buffer); strings are taken as UTF-8. */
export function toBuffer(piece: unknown): Buffer {
  if (Buffer.isBuffer(piece)) return piece;
  if (typeof piece === 'string') return Buffer.from(piece, 'utf8');
  if (piece instanceof Uint8Array) return Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
  throw new TypeError('the stream produced a chunk that is neither bytes nor a string');
}

/**
 * A stream's pieces one at a time, each as it was pushed. Not the stream's async iterator: its
 * `read()` joins every piece buffered meanwhile into a new buffer, which the Rechunker then copies
 * again — on 1 GB of redacted logs ~1 GB of extra allocation (a full collection per ~64 MB of it)
 * and copying on the main thread (issue 13). In flowing mode each 'data' event is one piece as
 * pushed; the stream is paused while a piece waits, so at most one is held here.
 */
class StreamPieces {
  private readonly queue: unknown[] = [];
  private done = false;
  private error: unknown;
  private wake: (() => void) | undefined;
  private readonly stopWatching: () => void;

  constructor(private readonly stream: Readable) {
    stream.on('data', this.onData);
    // As the async iterator: an error, or a close before the end (destroyed), ends it with an error.
    this.stopWatching = finished(stream, { writable: false }, (error) => {
      if (error) this.error ??= error;
      this.done = true;
      this.notify();
    });
  }

  /** The next piece; undefined at the end; rejects with the stream's error (pieces already delivered stay so). */
  async next(): Promise<unknown> {
    for (;;) {
      if (this.error !== undefined) throw this.error;
      if (this.queue.length > 0) return this.queue.shift();
      if (this.done) return undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.stream.resume();
      });
    }
  }

  /** Stops listening; a stream not read to its end is destroyed (as the iterator's return()). */
  stop(): void {
    this.stream.off('data', this.onData);
    this.stopWatching();
    if (!this.done || this.error !== undefined) this.stream.destroy();
  }

  private readonly onData = (piece: unknown): void => {
    this.queue.push(piece);
    this.stream.pause();
    this.notify();
  };

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/**
 * Reads a stream to its end (or first error) in chunks. On an error the bytes received so far
 * still go out as the final chunk, and the error is returned. Strings are taken as UTF-8.
 */
export async function readStreamInto(stream: Readable, pool: ChunkPool, sink: ChunkSink): Promise<unknown> {
  const rechunker = new Rechunker(pool);
  const pieces = new StreamPieces(stream);
  let inputError: unknown;
  try {
    for (;;) {
      let piece: Buffer;
      try {
        const value = await pieces.next();
        if (value === undefined) break;
        piece = toBuffer(value);
      } catch (error) {
        inputError = error;
        break;
      }
      for (const chunk of rechunker.push(piece)) await sink(chunk, false);
    }
  } finally {
    // Stops and destroys the stream if we leave early (input error or archive failure).
    pieces.stop();
  }
  await sink(rechunker.end(), true);
  return inputError;
}

/** Fills `buffer` from the file's current position; fewer bytes than its length means end of file. */
async function readFull(handle: FileHandle, buffer: Buffer): Promise<number> {
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}

/** Outcome of {@link readFileInto}. */
export interface FileReadOutcome {
  /** The file could not be opened: nothing was passed to the sink. */
  openError?: unknown;
  /** A read failed midway: the bytes read before it went out as the final chunk. */
  inputError?: unknown;
}

/**
 * Reads a file straight into pooled chunk buffers — one read call per MiB, no stream machinery,
 * no per-read allocation — so archiving files costs neither garbage nor main-thread time.
 * `onOpen` receives the file's mtime before the first chunk. A file that grows while being read
 * is taken up to the end found when reading reaches it.
 */
export async function readFileInto(
  path: string,
  pool: ChunkPool,
  onOpen: (mtime: Date) => void,
  sink: ChunkSink,
): Promise<FileReadOutcome> {
  let opened: FileHandle | undefined;
  try {
    opened = await open(path, 'r');
    onOpen((await opened.stat()).mtime);
  } catch (error) {
    await opened?.close().catch(() => undefined);
    return { openError: error };
  }
  const handle = opened;
  let inputError: unknown;
  try {
    // One chunk is held back until the next read shows whether it is the last.
    let pending: InputChunk | undefined;
    for (;;) {
      const buffer = pool.take();
      let filled: number;
      try {
        filled = await readFull(handle, buffer);
      } catch (error) {
        pool.give(buffer);
        inputError = error;
        break;
      }
      if (filled === 0) {
        pool.give(buffer);
        break;
      }
      if (pending) await sink(pending, false);
      pending = { bytes: buffer.subarray(0, filled), pooled: buffer };
      if (filled < buffer.length) break;
    }
    await sink(pending ?? EMPTY, true);
  } finally {
    await handle.close().catch(() => undefined);
  }
  return { inputError };
}
