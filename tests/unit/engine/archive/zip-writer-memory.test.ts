/**
 * Memory stays flat however many entries: each costs the writer three small buffers and ~50 bytes
 * of central directory in one growing buffer. A child writes 20 000 small entries (a folder of
 * small logs) under a 32 MB heap. With archiver's zip engine, which wrote ~17 two-to-eight-byte
 * buffers per central record at once when finishing (340 000 buffered writes here), the child
 * died with "heap out of memory" even at 64 MB.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runHeapCapped } from '../../../helpers/heap-capped.js';

const CHILD = fileURLToPath(new URL('./zip-writer-memory-child.ts', import.meta.url));

const run = (heapMB: number, entries: number) => runHeapCapped(CHILD, heapMB, { ENTRIES: String(entries) });

describe('zip writer memory', () => {
  it('writes 20 000 small entries and their central directory under a 32 MB heap', { timeout: 180_000 }, async () => {
    const r = await run(32, 20_000);
    expect(r.stderr).not.toMatch(/out of memory/i);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { entries: number; bytes: number };
    expect(result.entries).toBe(20_000);
    expect(result.bytes).toBeGreaterThan(20_000 * 100);
  });
});
