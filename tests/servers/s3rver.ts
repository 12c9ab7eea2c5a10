/**
 * A real S3-compatible server for the tests: s3rver (npm), on 127.0.0.1 and a free port, storing
 * objects in a temporary folder. It implements S3's REST API as the SDK and our http-put
 * connector speak it (ListObjectsV2 with continuation tokens, ranged GetObject, PutObject,
 * multipart uploads, SigV4 and pre-signed URLs) with the fixed credentials S3RVER / S3RVER.
 * It runs as a child process (s3rver-child.mjs) because its continuation tokens need OpenSSL's
 * legacy provider; the child also stops when this process goes away (its stdin closes).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
const CHILD = fileURLToPath(new URL('./s3rver-child.mjs', import.meta.url));

export interface RunningS3 {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  close(): Promise<void>;
}

export async function startS3rver(buckets: readonly string[]): Promise<RunningS3> {
  const directory = mkdtempSync(join(os.tmpdir(), 's3rver-'));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', CHILD, directory, ...buckets], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`s3rver exited (code ${code}) before listening`)));
    child.once('error', reject);
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
