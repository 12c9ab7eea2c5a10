import type { ChunkPool } from './chunk-pool.js';

/** One chunk of an entry's input: contiguous bytes, and the pool buffer holding them if pooled. */
export interface InputChunk {
  bytes: Buffer;
  pooled?: Buffer;
}

/**
 * Regroups the arbitrary pieces a stream delivers into contiguous chunks of exactly `size` bytes,
 * so each chunk is one zlib call (one threadpool job, not one per 64 KiB piece). A chunk lying
 * within one piece is a view of it; one spanning pieces is copied into a pooled buffer.
 * A full chunk is only released once at least one more byte has arrived, so every released chunk
 * is known not to be the entry's last one; `end()` returns the remainder (1..size bytes, or
 * empty for an empty input), which is always the last chunk.
 */
export class Rechunker {
  private readonly parts: Buffer[] = [];
  private length = 0;

  constructor(private readonly pool: ChunkPool) {}

  /** Adds a piece and returns the chunks that are now complete (and not last). */
  push(piece: Buffer): InputChunk[] {
    if (piece.length === 0) return [];
    this.parts.push(piece);
    this.length += piece.length;
    const ready: InputChunk[] = [];
    while (this.length > this.pool.chunkBytes) ready.push(this.take(this.pool.chunkBytes));
    return ready;
  }

  /** Everything still held, as the final chunk. */
  end(): InputChunk {
    return this.take(this.length);
  }

  private take(count: number): InputChunk {
    const first = this.parts[0];
    if (count === 0 || !first) return { bytes: Buffer.alloc(0) };
    this.length -= count;
    if (first.length >= count) {
      if (first.length === count) this.parts.shift();
      else this.parts[0] = first.subarray(count);
      return { bytes: first.subarray(0, count) };
    }
    const pooled = this.pool.take();
    let filled = 0;
    while (filled < count) {
      const part = this.parts[0]!;
      const used = Math.min(part.length, count - filled);
      part.copy(pooled, filled, 0, used);
      if (used === part.length) this.parts.shift();
      else this.parts[0] = part.subarray(used);
      filled += used;
    }
    return { bytes: pooled.subarray(0, count), pooled };
  }
}
