/**
 * Recycles the 1 MiB buffers that stream input is gathered into. Without it every chunk is a
 * fresh 1 MiB allocation that only the garbage collector returns, and V8 lets tens of MB of such
 * garbage pile up before collecting (measured: it dominated peak RSS).
 */
export class ChunkPool {
  private readonly free: Buffer[] = [];

  constructor(
    readonly chunkBytes: number,
    private readonly keep: number,
  ) {}

  /** A chunk-sized buffer with arbitrary contents. */
  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(this.chunkBytes);
  }

  /** Returns a buffer taken from this pool; beyond `keep` spare buffers it is left to the GC. */
  give(buffer: Buffer): void {
    if (this.free.length < this.keep) this.free.push(buffer);
  }
}

/**
 * Reference count on a pooled buffer shared by the parties that still read it: its own deflate
 * job, the writer, and the next chunk's deflate (which presets its tail as dictionary). The last
 * release returns it to the pool; `leak()` hands it over for good (its bytes were passed on to the
 * output stream as they are, which may still be holding them).
 */
export class Lease {
  private refs = 0;
  private leaked = false;

  constructor(
    readonly buffer: Buffer,
    private readonly pool: ChunkPool,
  ) {}

  retain(): void {
    this.refs += 1;
  }

  release(): void {
    this.refs -= 1;
    if (this.refs === 0 && !this.leaked) this.pool.give(this.buffer);
  }

  leak(): void {
    this.leaked = true;
  }
}
