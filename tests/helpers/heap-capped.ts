import { spawn } from 'node:child_process';

/**
 * Runs a TypeScript child (through tsx) under a V8 heap cap, for memory tests: a cap, not a time
 * budget. Resolves with its exit code and output; a child that runs out of heap exits non-zero
 * with "heap out of memory" on stderr.
 */
export function runHeapCapped(child: string, heapMB: number, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [`--max-old-space-size=${heapMB}`, '--import', 'tsx', child], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    proc.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
