/**
 * V8's young generation kept at its starting size (2 × 1 MB) in every thread of ours: the CLI
 * launcher (electron/cli/diagcollect.mjs) and the desktop app's main process
 * (electron/main/young-generation.ts) set this flag first thing, since V8 would grow the young
 * generation up to 2 × 16 MB under the steady allocation of a collection (issue 13: memory stays
 * flat).
 *
 * The flag is process-wide, and V8 undoes it whenever an isolate is created: `Heap::ConfigureHeap`
 * raises `semi_space_growth_factor` below 2 back to 2. A worker thread is an isolate, so starting
 * the redaction worker silently let both threads' young generations grow to 2 × 16 MB (measured:
 * 300 MB of logs, peak RSS 123 → 203 MB). The worker's entry sets it again
 * ({@link keepYoungGenerationSmall}) before it allocates anything much.
 */
import { setFlagsFromString } from 'node:v8';

/** The V8 flag, as the CLI launcher and the desktop app's main process write it (a test holds them equal). */
export const YOUNG_GENERATION_FLAG = '--semi-space-growth-factor=1';

/**
 * The most young generation (MB) the redaction worker may have: V8 gives it a third to each of the
 * two semi-spaces and the large-object space, so 3 MB is the 1 MB semi-space the flag keeps.
 */
export const WORKER_YOUNG_GENERATION_MB = 3;

export function keepYoungGenerationSmall(): void {
  setFlagsFromString(YOUNG_GENERATION_FLAG);
}
