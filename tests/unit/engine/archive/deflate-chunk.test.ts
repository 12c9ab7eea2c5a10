import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflateChunk } from '../../../../electron/engine/archive/deflate-chunk.js';

const log = (bytes: number) => Buffer.from(Array.from({ length: Math.ceil(bytes / 40) }, (_, i) => `2024-03-15 10:00:00 [INFO] step ${i} ok\n`).join('').slice(0, bytes));

describe('deflateChunk', () => {
  it('round-trips a small and a large input', async () => {
    for (const input of [log(900), log(300_000)]) {
      const pieces = await deflateChunk(input, 6, true);
      expect(inflateRawSync(Buffer.concat(pieces)).equals(input)).toBe(true);
    }
  });

  // What an archived small file keeps while its bytes wait in the output stream: its deflated
  // bytes, not the 16 KiB zlib step buffer they were cut from (10 000 small logs pinned ~30 MB).
  it('keeps no more memory per small entry than about its deflated size', async () => {
    const pieces = await deflateChunk(log(1_000), 6, true);
    const used = pieces.reduce((n, p) => n + p.length, 0);
    for (const piece of pieces) expect(piece.buffer.byteLength).toBeLessThanOrEqual(Math.max(8 * 1024, 4 * piece.length));
    expect(used).toBeLessThan(1_000);
  });

  // Each output step is a round trip between the threadpool and the main thread: a chunk of logs
  // (1 MiB deflates to well under a quarter) takes one for its data and one for the final flush,
  // not one per 16 KiB of output (zlib's default step).
  it('deflates a 1 MiB chunk of text in one output step, and round-trips it with its dictionary', async () => {
    const previous = log(1024 * 1024);
    const input = log(1024 * 1024 + 40).subarray(40);
    const pieces = await deflateChunk(input, 6, true, previous);
    expect(pieces.length).toBeLessThanOrEqual(2);
    expect(inflateRawSync(Buffer.concat(pieces), { dictionary: previous.subarray(previous.length - 32 * 1024) }).equals(input)).toBe(true);
  });

  it('keeps a mid-sized entry\'s output step near its size', async () => {
    const pieces = await deflateChunk(log(40_000), 6, true);
    for (const piece of pieces) expect(piece.buffer.byteLength).toBeLessThanOrEqual(16 * 1024);
  });
});
