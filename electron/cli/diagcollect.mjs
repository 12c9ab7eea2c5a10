#!/usr/bin/env node
// The `diagcollect` command: runs the built CLI (dist/cli/main.mjs, made by `npm run build:cli`,
// which `npm ci` runs through `prepare`). It never compiles TypeScript on the fly: what runs is
// what ships, and tsx is only a devDependency. `npm run cli` / `npm run collect` rebuild first.
// The bundle is split per command, so each command loads only its own code and dependencies.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';

// Ctrl-C / SIGTERM before a command has installed its own handling (collect cancels cleanly,
// electron/cli/signals.ts): nothing was started yet, so end at once with the documented 130.
// sos25 (session 23): first thing, before the redaction worker is started and the built-in modules
// load (a signal in those first ~0.1–0.3 s met Node's default action: no exit code at all).
const earlyExit = (signal) => {
  if (process.listenerCount(signal) === 1) process.exit(130);
};
process.on('SIGINT', earlyExit);
process.on('SIGTERM', earlyExit);
// The terminal closed (SIGHUP): the same as SIGTERM — a clean cancel, never Node's default of
// dying on the spot with the temp archive and the commands we started left behind.
process.on('SIGHUP', () => process.emit('SIGTERM', 'SIGTERM'));

// Memory stays flat (issue 13: ≤ 150 MB peak RSS whatever the input): V8 grows its young
// generation up to 2 × 16 MB when much is allocated, and collect/redact allocate steadily (stream
// pieces, redacted lines), so 32 MB of RSS went to it (measured: 34 MB new space at the peak).
// A growth factor of 1 keeps it at its starting size (2 × 1 MB); the collections that costs are
// scavenges of a small space. --max-semi-space-size would do the same but is read only at start,
// which would need a second process. Set before any of our code runs — except for the commands
// that only print (`--version`, `list`, `check`, help): a flag set at run time changes V8's flag
// hash, so Node's built-in modules no longer match their code cache and are compiled afresh
// (measured: +15 ms of `check`'s ~240 ms CPU, for a young generation it never fills).
const PRINT_ONLY = new Set([undefined, 'list', 'check', 'help', '--version', '-V', '--help', '-h']);
// The old generation likewise: after each full collection V8 lets the heap grow by a factor of up
// to 4 before the next, so garbage piled up to twice the live heap (10 000 small files: 52 MB used
// for ~30 MB live when collecting ended). 1.5 keeps it nearer the live size for no measurable CPU
// (10 000 small files, alternated with the launcher without it, load 13–16: peak RSS 158–160 →
// 136–140 MB, CPU 18.3/27.8/30.0 vs 23.3/27.3/25.1 s; 1.2 gave 133 MB but ~25 % more CPU).
// glibc's per-thread malloc arenas are the part that still grows with the input (1 GB of logs:
// 10 arenas, ~30 MB resident, ~11 MB of it the redaction worker's; `BENCH_MEMORY=1 npm run bench
// -- scaling` shows the split). MALLOC_ARENA_MAX=2 took the collection's peak from ~154 to ~138 MB,
// but glibc reads it only at start, and on Node 20 (no process.execve) setting it means a second
// process: the waiting launcher costs ~7 MB private (44 MB RSS, mostly shared) and ~0.15 s CPU,
// and a terminal's Ctrl-C would reach the child twice (once from the terminal, once forwarded),
// which is "quit at once" instead of a clean cancel. Not done; an installer's wrapper script may set it.
// sos25 (session 23): the redaction worker of a collection, started first thing — before the
// engine's modules load (~0.4 s of this thread) and before the flags below change V8's flag hash,
// so that its own start-up (Node's bootstrap of a thread: ~0.1 s of built-in modules) comes from
// the code cache too. It loads the redaction engine and builds the likely rule set meanwhile
// (redact-worker.ts WorkerAhead); the session sends it its options. As startWorkerAhead
// (redact-offload.ts) does: unref'd (never keeps the process alive), its first error kept for the
// session, which then redacts on this thread. Not for `off`, help or a dry run, which use none.
// Its isolate, made after the flags below may be set, resets the young-generation flag for the
// process (platform/young-generation.ts); the worker sets it again when its code runs (measured:
// the main thread's new space peaks at 2 MB, redact-worker-ahead.test.ts holds it at ≤ 4 MB).
const AHEAD_SKIP = new Set(['--help', '-h', '--dry-run']);
let redactWorkerAhead;
if (process.argv[2] === 'collect' && process.env.DIAGCOLLECT_REDACT_WORKER !== 'off' && !process.argv.some((arg) => AHEAD_SKIP.has(arg))) {
  const entry = new URL('../../dist/cli/redact-worker.mjs', import.meta.url);
  if (existsSync(entry)) {
    const worker = new Worker(entry, { workerData: { ahead: true }, resourceLimits: { maxYoungGenerationSizeMb: 3 } });
    redactWorkerAhead = { worker };
    worker.on('error', (err) => {
      redactWorkerAhead.failed ??= err;
    });
    worker.unref();
  }
}
// collect18 (session 20): Node's own modules a collection loads, loaded before the flags below.
// A flag set at run time changes V8's flag hash, and a built-in module loaded after that no longer
// matches Node's code cache and is compiled afresh (see PRINT_ONLY): a collection loaded ~75 of them
// so (networking, crypto, workers, zlib, http for the checks, perf_hooks), compiled on every run.
// Loaded first, they come from the cache: default collection, main-thread CPU median of 6 alternated
// runs at load ~14, 1210 → 1140 ms. Only for `collect`, which loads them all anyway.
const COLLECT_BUILTINS = ['node:child_process', 'node:crypto', 'node:dgram', 'node:diagnostics_channel', 'node:dns', 'node:fs/promises', 'node:http', 'node:https', 'node:module', 'node:net', 'node:os', 'node:perf_hooks', 'node:timers/promises', 'node:tls', 'node:util', 'node:vm', 'node:worker_threads', 'node:zlib'];
if (process.argv[2] === 'collect') await Promise.all(COLLECT_BUILTINS.map((name) => import(name)));
if (!PRINT_ONLY.has(process.argv[2])) {
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--heap-growing-percent=50');
  // Not `--no-regexp-tier-up` (collect18, session 20: each pattern compiled once, to machine code;
  // ~100–150 ms of a short collection's CPU): set at run time, after Node's start-up had already
  // compiled patterns with tier-up on, it crashed V8 with SIGSEGV in about 1 run in 400 (session 21:
  // `redact --help` and `baseline check`, 1–2 of 600 runs beside a CPU hog; 0 of 2 400 without it),
  // which CI saw as a command printing nothing. A flag V8 reads only at start is no flag to flip here.
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundle = join(root, 'dist', 'cli', 'main.mjs');

// `diagcollect collect … | head -1` closes the pipe early, a closed terminal fails writes with
// EIO: that is the reader's choice, not an error — and no reason to drop the work under way
// (exiting here left a collection with no archive, a .partial behind and exit 0). What is
// printed from then on goes nowhere; the run ends as it would have, with its exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code !== 'EPIPE' && err.code !== 'EIO') throw err;
    stream.write = (_chunk, encoding, callback) => {
      const done = typeof encoding === 'function' ? encoding : callback;
      if (done) process.nextTick(done);
      return true;
    };
  });
}

let built;
try {
  built = statSync(bundle).mtimeMs;
} catch {
  process.stderr.write(`diagcollect: the command-line tool is not built (${bundle} is missing).\nRun \`npm run build:cli\` in ${root} (\`npm ci\` does it too), then try again.\n`);
  process.exit(1);
}

// A developer who edited the sources without rebuilding gets told, not silently the old code.
// Only at a terminal, where a developer reads it: the walk stats every source file (~20 ms),
// which scripts and tests running the bin many times should not pay each time (issue 13, item 8).
if (process.stderr.isTTY && (newestSource(join(root, 'electron')) > built || newestSource(join(root, 'shared')) > built)) {
  process.stderr.write('diagcollect: warning: dist/cli/ is older than the sources; run `npm run build:cli` (or use `npm run cli`, which rebuilds).\n');
}

const { main } = await import(pathToFileURL(bundle).href);
const code = await main(process.argv, { stdout: process.stdout, stderr: process.stderr, env: process.env, signals: process, ...(redactWorkerAhead ? { redactWorkerAhead } : {}) });
process.exitCode = code;
// Exit explicitly once the output is flushed: a process some tool left behind (holding a pipe or
// a handle) must not keep diagcollect alive after its work is done.
const quit = () => process.exit(code);
setTimeout(quit, 2000);
process.stdout.write('', () => process.stderr.write('', quit));

/** The newest .ts/.mjs under `dir` (0 when the sources are not there, as in an installed package). */
function newestSource(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|mjs)$/.test(entry.name) && entry.name !== 'diagcollect.mjs') newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}
