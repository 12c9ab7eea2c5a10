/**
 * Memory stays flat: the redactor remembers copies of the values it hides, never views on the
 * input. A child process streams 60 MB with ~24 000 distinct secrets through one Redactor under a
 * 32 MB heap; when stored values keep their 64 KiB input chunks alive (V8 sliced strings), the
 * heap fills with the input and the child dies with "heap out of memory".
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CHILD = fileURLToPath(new URL('./memory-child.ts', import.meta.url));

function run(heapMB: number, mb: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMB}`, '--import', 'tsx', CHILD], { env: { ...process.env, MB: String(mb) } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

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
