/**
 * The first thing the desktop app's main process does: keep V8's young generation at its starting
 * size, as the CLI launcher does (electron/cli/diagcollect.mjs; issue 13, memory stays flat).
 * V8 grows the young generation up to 2 × 16 MB when much survives a scavenge, and a collection
 * allocates steadily (stream pieces, redacted lines): that was 32 MB of RSS in the CLI. A growth
 * factor of 1 keeps it at 2 × 1 MB. `--js-flags` on Electron's command line would reach only
 * renderers, and `--max-semi-space-size` is read only at start, so the flag is set at run time
 * here, in the module main.ts imports first (a test keeps it first).
 */
import { setFlagsFromString } from 'node:v8';

/** The V8 flag the CLI launcher sets too. */
export const YOUNG_GENERATION_FLAG = '--semi-space-growth-factor=1';

export function keepYoungGenerationSmall(): void {
  setFlagsFromString(YOUNG_GENERATION_FLAG);
}

keepYoungGenerationSmall();

