/**
 * collect18 (session 20): each regular expression compiled once, straight to machine code.
 *
 * By default V8 compiles a regular expression to bytecode on its first use, runs it in its
 * interpreter, and compiles it again to machine code once it is used a second time (the "tier-up").
 * The redaction rules are ~1 000 regular expressions, most of them used on every line of a log, so
 * nearly all are compiled twice, and a short collection's redaction was mostly that: the first pass
 * over the package list (97 KB) took ~240–300 ms of CPU, the second ~10 ms. Without the bytecode
 * step the first pass takes ~100–160 ms; once warm nothing changes (2.3 MB of command output: 160 ms
 * either way; measured in session 20, tests/unit/engine/platform/regexp-compile.test.ts checks the
 * flag's effect).
 *
 * The flag is process-wide and read each time a regular expression is first compiled, so setting it
 * at run time works, and worker threads (the redaction worker) have it too. The CLI launcher
 * (electron/cli/diagcollect.mjs) and the desktop app's main process (electron/main/young-generation.ts)
 * set it first thing; a test holds both to this constant.
 */
import { setFlagsFromString } from 'node:v8';

/** The V8 flag, as the CLI launcher and the desktop app's main process write it. */
export const REGEXP_COMPILE_FLAG = '--no-regexp-tier-up';

export function compileRegExpsOnce(): void {
  setFlagsFromString(REGEXP_COMPILE_FLAG);
}
