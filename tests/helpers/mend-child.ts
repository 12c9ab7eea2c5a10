/**
 * A collection killed while it mends (session-mend.test.ts): argv = outDir, marker, then files.
 * The mend step's write seam writes `marker` and blocks the event loop, so the parent's kill -9
 * lands in the middle of writing the mended copy.
 */
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DEFAULT_POLICY } from '../../shared/policy.js';
import { runSession } from '../../electron/engine/session.js';
import { testCollector } from './collector.js';

const [outDir, marker, ...files] = process.argv.slice(2) as [string, string, ...string[]];
const collector = testCollector('app-files', async (ctx) => {
  for (const path of files) await ctx.addFile(basename(path), path);
});
await runSession({
  ticket: '4711',
  policy: DEFAULT_POLICY,
  outDir,
  collectors: [collector],
  checks: [],
  lang: 'en',
  host: 'pc-01',
  mendBeforeWrite: () => {
    writeFileSync(marker, 'mending');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  },
});
