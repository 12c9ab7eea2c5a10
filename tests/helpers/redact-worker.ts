/**
 * Helpers of the redaction worker's tests (redact-worker*.test.ts): a collector with a timeout no
 * loaded machine reaches, and the wait (a hang guard only) until no worker of this process runs.
 */
import { expect } from 'vitest';
import type { Collector } from '../../electron/engine/collectors/types.js';
import { RedactWorker } from '../../electron/engine/redact/redact-offload.js';
import { testCollector } from './collector.js';

export const workerTestCollector = (id: string, run: Collector['run']): Collector => testCollector(id, run, 60_000);

/** Waits (hang guard only) until no redaction worker of this process is running; the number still running. */
export async function noWorkerLeft(): Promise<number> {
  for (let i = 0; i < 500 && RedactWorker.threads.running > 0; i += 1) await new Promise((r) => setTimeout(r, 10));
  return RedactWorker.threads.running;
}

/** A manifest (or any JSON) without what differs from run to run: the durations. */
export const withoutDurations = (manifest: unknown): unknown => JSON.parse(JSON.stringify(manifest, (key, value: unknown) => (key === 'durationMs' ? undefined : value)));

interface ArchiveRun {
  result: { manifest: unknown };
  entries: { name: string; data?: Buffer }[];
}

/** Two runs made the same archive: the same entries, byte for byte, except the durations in the JSON entries and the manifest. */
export function expectSameArchive(a: ArchiveRun, b: ArchiveRun): void {
  expect(a.entries.map((e) => e.name)).toEqual(b.entries.map((e) => e.name));
  for (const [i, entry] of a.entries.entries()) {
    const other = b.entries[i]!;
    // The archived manifest says how long each collector took: the one thing that may differ.
    if (entry.name.endsWith('.json') && entry.data!.toString('utf8').includes('"durationMs"')) {
      expect(withoutDurations(JSON.parse(entry.data!.toString('utf8'))), entry.name).toEqual(withoutDurations(JSON.parse(other.data!.toString('utf8'))));
    } else expect(entry.data?.equals(other.data!), entry.name).toBe(true);
  }
  expect(withoutDurations(a.result.manifest)).toEqual(withoutDurations(b.result.manifest));
}
