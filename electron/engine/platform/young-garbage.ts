/**
 * Keeps memory flat where bytes stream through in fresh buffers (zlib's inflate output, fs reads)
 * while few JavaScript objects are made. V8 frees a dead Buffer's memory only when a collection
 * runs, and with little heap allocation none runs until ~64 MB of external memory have piled up:
 * the leak check over a 100 MB archive raised the peak RSS by ~45 MB that way (measured). Asking
 * for a young-generation collection (a scavenge: about a millisecond, nothing old is traced)
 * every few MB frees those buffers while they are still young.
 *
 * V8's `gc` function is only handed out with --expose-gc; the flag is turned on just long enough
 * to create a context that has it, then off again. Where that is not possible (an embedder that
 * forbids flags) this does nothing and memory is only less tight.
 */
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

type GcFunction = (options?: { type?: 'minor' | 'major'; execution?: 'sync' | 'async' }) => void;

let gc: GcFunction | null | undefined;

function gcFunction(): GcFunction | null {
  if (gc !== undefined) return gc;
  try {
    v8.setFlagsFromString('--expose-gc');
    const found: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
    gc = typeof found === 'function' ? (found as GcFunction) : null;
  } catch {
    gc = null;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
  return gc;
}

/** How many bytes of fresh buffers may pass between two young-generation collections. */
export const YOUNG_GARBAGE_BYTES = 4 * 1024 * 1024;

/**
 * Counts bytes that went by in fresh buffers and asks for a young-generation collection each time
 * another `every` bytes have passed. Returns whether it collected (for tests).
 */
export class YoungGarbage {
  private pending = 0;

  constructor(private readonly every = YOUNG_GARBAGE_BYTES) {}

  passed(bytes: number): boolean {
    this.pending += bytes;
    if (this.pending < this.every) return false;
    this.pending = 0;
    const collect = gcFunction();
    if (!collect) return false;
    collect({ type: 'minor' });
    return true;
  }
}
