/**
 * Memory stays flat: the redactor remembers copies of the values it hides, never views on the
 * input. A child process streams 60 MB with ~24 000 distinct secrets through one Redactor under a
 * 32 MB heap; when stored values keep their 64 KiB input chunks alive (V8 sliced strings), the
 * heap fills with the input and the child dies with "heap out of memory".
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runHeapCapped } from '../../../helpers/heap-capped.js';

const CHILD = fileURLToPath(new URL('./memory-child.ts', import.meta.url));

const run = (heapMB: number, mb: number) => runHeapCapped(CHILD, heapMB, { MB: String(mb) });

describe('redactor memory', () => {
  it('redacts 60 MB with thousands of distinct values under a 32 MB heap', { timeout: 120_000 }, async () => {
    const r = await run(32, 60);
    expect(r.stderr).not.toMatch(/out of memory/i);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { values: number };
    // Every 50th line brings a new password and a new e-mail address.
    expect(result.values).toBeGreaterThan(20_000);
  });
});
