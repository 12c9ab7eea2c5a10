import { constants, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * Input chunk size. Large enough that the per-chunk costs (zlib state setup, a sync-flush marker,
 * threadpool round trips) vanish and the ratio matches one-stream deflate; small enough that a
 * bounded handful of chunks in flight keeps memory flat.
 */
export const CHUNK_BYTES = 1024 * 1024;

/** Deflate's window: the most of the previous chunk a back-reference can reach. */
const WINDOW_BYTES = 32 * 1024;

/**
 * zlib's output buffer size. Each step is a round trip between the threadpool and the main
 * thread (zlib's processCallback hands the piece on and queues the next step), and on a loaded
 * two-core machine each queued step may hand the main thread's core to the woken worker: with
 * zlib's default 16 KiB a 1 MiB chunk of logs took ~9 of them, and processCallback was 10 % of
 * the main thread's time on 1 GB of logs (issue 13). A quarter of the input holds text deflated
 * in one step; a piece that uses little of its step is copied out (MIN_USED_SHARE), so
 * a bigger step pins no more memory than the deflated bytes themselves.
 */
const OUTPUT_STEP_BYTES = 256 * 1024;

/**
 * Output slices wait in stream buffers until written, and each pins its whole step buffer: the
 * output of hundreds of small files pinned ~50 MB (measured). A slice using less than this share
 * of its buffer is copied out; bigger ones are kept as they are (a copy would be more garbage).
 */
const MIN_USED_SHARE = 1 / 4;

/** Inputs up to this size are deflated at once on the calling thread (see deflateChunk). */
const SMALL_INPUT_BYTES = 16 * 1024;

/**
 * Raw-deflates one chunk of an entry, pigz-style, on libuv's threadpool (zlib's async API), so
 * chunks of the same or of consecutive entries compress in parallel. A chunk that is not the
 * entry's last ends with Z_SYNC_FLUSH — byte-aligned, BFINAL=0 — and the last with Z_FINISH, so the
 * outputs concatenated in order form one valid deflate stream. The previous chunk's last 32 KiB
 * is preset as dictionary so matches reach across the seam, as in one continuous stream. zlib
 * copies the dictionary before this function returns, so `previous` may be reused right after.
 * Resolves with the output pieces, in order (not concatenated: that would be another copy).
 */
export function deflateChunk(input: Buffer, level: number, last: boolean, previous?: Buffer): Promise<Buffer[]> {
  const options = {
    level,
    finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
    ...(previous && previous.length > 0 ? { dictionary: previous.subarray(Math.max(0, previous.length - WINDOW_BYTES)) } : {}),
  };
  // A small input (most files of a folder of small logs) costs more in the stream's set-up and the
  // threadpool round trip than in deflate itself: done here, it is tens of microseconds.
  if (input.length <= SMALL_INPUT_BYTES) {
    try {
      // The result is a view of zlib's 16 KiB output step: kept as it is, each small file's few
      // hundred bytes would pin 16 KiB while they wait in the output stream's buffer (10 000
      // small logs: ~30 MB of array buffers at once, measured). Copied out like the pieces below.
      return Promise.resolve([compact(deflateRawSync(input, { ...options, chunkSize: SMALL_INPUT_BYTES }))]);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
  // A quarter of the input, within [16 KiB, OUTPUT_STEP_BYTES]: a mid-sized file does not get a
  // step buffer many times its deflated size.
  const step = Math.min(OUTPUT_STEP_BYTES, Math.max(SMALL_INPUT_BYTES, Math.ceil(input.length / 4)));
  const deflate = createDeflateRaw({ ...options, chunkSize: step });
  return new Promise((resolve, reject) => {
    const output: Buffer[] = [];
    deflate.on('data', (piece: Buffer) => output.push(compact(piece)));
    deflate.once('error', reject);
    deflate.once('end', () => resolve(output));
    deflate.end(input);
  });
}

/** `piece`, or a copy of it when it uses little of the buffer it lives in (see MIN_USED_SHARE). */
export function compact(piece: Buffer): Buffer {
  return piece.length < piece.buffer.byteLength * MIN_USED_SHARE ? Buffer.from(piece) : piece;
}
