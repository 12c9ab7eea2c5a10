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
});
