import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ChunkPool } from '../../../../electron/engine/archive/chunk-pool.js';
import { readStreamInto } from '../../../../electron/engine/archive/entry-sources.js';
import type { InputChunk } from '../../../../electron/engine/archive/rechunker.js';

const collect = () => {
  const chunks: Array<InputChunk & { last: boolean }> = [];
  return { chunks, sink: async (chunk: InputChunk, last: boolean) => void chunks.push({ ...chunk, bytes: Buffer.from(chunk.bytes), last, pooled: chunk.pooled }) };
};

describe('readStreamInto', () => {
  it('takes the pieces a stream buffered as they were pushed, never joined into a new buffer first', async () => {
    const pieces = [0, 1, 2].map((i) => Buffer.alloc(4096, 97 + i));
    const stream = new PassThrough({ highWaterMark: 1 << 20 });
    // All three wait in the stream's buffer before reading starts (as when the writer is busy).
    for (const piece of pieces) stream.write(piece);
    stream.end();
    const owners = new Set<ArrayBufferLike>(pieces.map((p) => p.buffer));
    const seen: ArrayBufferLike[] = [];
    const error = await readStreamInto(stream, new ChunkPool(1024, 2), async (chunk) => {
      if (chunk.bytes.length > 0) seen.push(chunk.bytes.buffer);
    });
    expect(error).toBeUndefined();
    // Every 1 KiB chunk lies within one piece: a view of that piece, no copy and no pooled buffer.
    expect(seen).toHaveLength(12);
    expect(seen.every((b) => owners.has(b))).toBe(true);
  });

  it('gives every byte, in order, cut into chunks of the pool size with the remainder last', async () => {
    const stream = new PassThrough();
    const data = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
    const { chunks, sink } = collect();
    const done = readStreamInto(stream, new ChunkPool(1024, 2), sink);
    for (let i = 0; i < data.length; i += 700) stream.write(data.subarray(i, i + 700));
    stream.end();
    expect(await done).toBeUndefined();
    expect(chunks.map((c) => c.bytes.length)).toEqual([1024, 1024, 1024, 1024, 904]);
    expect(chunks.map((c) => c.last)).toEqual([false, false, false, false, true]);
    expect(Buffer.concat(chunks.map((c) => c.bytes)).equals(data)).toBe(true);
  });

  it('on an error midway, sends what came before as the final chunk and returns the error', async () => {
    const stream = new PassThrough();
    const { chunks, sink } = collect();
    const done = readStreamInto(stream, new ChunkPool(1024, 2), sink);
    stream.write(Buffer.alloc(1500, 120));
    await new Promise((resolve) => setTimeout(resolve, 10));
    stream.destroy(new Error('disk gone'));
    const error = await done;
    expect((error as Error).message).toBe('disk gone');
    expect(chunks.at(-1)!.last).toBe(true);
    expect(chunks.reduce((n, c) => n + c.bytes.length, 0)).toBe(1500);
  });

  it('takes a stream destroyed without an error before its end as broken (premature close), as the async iterator did', async () => {
    const stream = new PassThrough();
    const done = readStreamInto(stream, new ChunkPool(1024, 2), async () => undefined);
    stream.write('abc');
    await new Promise((resolve) => setTimeout(resolve, 10));
    stream.destroy();
    expect(((await done) as NodeJS.ErrnoException).code).toBe('ERR_STREAM_PREMATURE_CLOSE');
  });

  it('destroys the stream when the sink fails (the archive broke) and rethrows', async () => {
    const stream = new PassThrough();
    stream.write(Buffer.alloc(3000));
    const failing = readStreamInto(stream, new ChunkPool(1024, 2), async () => {
      throw new Error('archive failed');
    });
    await expect(failing).rejects.toThrow('archive failed');
    expect(stream.destroyed).toBe(true);
  });
});
