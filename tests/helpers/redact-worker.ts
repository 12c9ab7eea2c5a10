/**
 * Helpers of the redaction worker's tests (redact-worker*.test.ts): a collector with a timeout no
 * loaded machine reaches, and the wait (a hang guard only) until no worker of this process runs.
 */
import type { Collector } from '../../electron/engine/collectors/types.js';
import { RedactWorker } from '../../electron/engine/redact/redact-offload.js';
import { testCollector } from './collector.js';

export const workerTestCollector = (id: string, run: Collector['run']): Collector => testCollector(id, run, 60_000);

/** Waits (hang guard only) until no redaction worker of this process is running; the number still running. */
export async function noWorkerLeft(): Promise<number> {
  for (let i = 0; i < 500 && RedactWorker.threads.running > 0; i += 1) await new Promise((r) => setTimeout(r, 10));
  return RedactWorker.threads.running;
}
