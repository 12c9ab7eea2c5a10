/**
 * Child of zip-writer-memory.test.ts: writes ENTRIES small entries (a folder of small logs, as
 * the session hands them over: a bounded number in flight) and finalizes, under the heap cap the
 * parent gives. Prints the archive's size and entry count.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { ZipWriter } from '../../../../electron/engine/archive/zip-writer.js';

const entries = Number(process.env.ENTRIES ?? 20_000);
const dir = mkdtempSync(join(os.tmpdir(), 'zip-writer-memory-'));
try {
  const writer = await ZipWriter.open(join(dir, 'many.zip'));
  const inFlight = new Set<Promise<unknown>>();
  for (let i = 0; i < entries; i += 1) {
    const text = `2024-03-15 10:00:00 [INFO] worker ${i} step 1 ok\n`.repeat(12);
    const p = writer.addBuffer(`软件日志/f-${i}.log`, Buffer.from(text)).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= 8) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const { bytes } = await writer.finalize();
  process.stdout.write(JSON.stringify({ entries, bytes }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
