/**
 * collect18 (session 20): `collect` loads Node's built-in modules before the launcher sets its V8
 * flags, so they come from Node's code cache (a module loaded after a flag change is compiled
 * afresh). Observed on the built CLI: a preload wraps v8.setFlagsFromString, notes which built-ins
 * were loaded at its first call, and at exit writes the public ones loaded only after it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = join(ROOT, 'electron/cli/diagcollect.mjs');
const run = promisify(execFile);

const PRELOAD = `data:text/javascript,${encodeURIComponent(`
import v8 from 'node:v8';
import { syncBuiltinESMExports } from 'node:module';
import { writeFileSync } from 'node:fs';
const set = v8.setFlagsFromString;
let before;
v8.setFlagsFromString = (flags) => { before ??= new Set(process.moduleLoadList); return set(flags); };
syncBuiltinESMExports();
process.on('exit', () => {
  const after = before ? process.moduleLoadList.filter((m) => !before.has(m) && /^NativeModule [a-z]/.test(m) && !m.includes('internal/')) : null;
  writeFileSync(process.env.LOADED_AFTER_FLAGS, JSON.stringify(after));
});`)}`;

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function publicBuiltinsAfterFlags(args: string[]): Promise<string[] | null> {
  const dir = await mkdtemp(join(os.tmpdir(), 'launcher-builtins-'));
  dirs.push(dir);
  const out = join(dir, 'after.json');
  await run(process.execPath, ['--import', PRELOAD, CLI, ...args, ...(args[0] === 'collect' ? ['--out', join(dir, 'out')] : [])], {
    cwd: ROOT,
    env: { ...process.env, LOADED_AFTER_FLAGS: out, DISPLAY: '', HOME: dir, XDG_DATA_HOME: join(dir, 'data') },
  }).catch((err: { code?: number }) => {
    // 3: partial (a check or collector could not finish on this machine), still a whole run.
    if (err.code !== 3) throw err;
  });
  return JSON.parse(await readFile(out, 'utf8')) as string[] | null;
}

describe('the launcher and Node’s code cache', () => {
  it('has a collection load its built-in modules before the flags change V8’s flag hash', async () => {
    const after = await publicBuiltinsAfterFlags(['collect', '--ticket', '12345', '--only', 'versions', '--no-screenshot', '--json']);
    expect(after).not.toBeNull();
    // Before (session 19): net, dgram, child_process, crypto, worker_threads, zlib, vm, tls, dns, http, https, perf_hooks … after the flags.
    expect(after!.filter((m) => !/^NativeModule (process|_)/.test(m))).toEqual([]);
  }, 300_000);

  it('sets no flag for the commands that only print', async () => {
    expect(await publicBuiltinsAfterFlags(['list', '--json'])).toBeNull();
  }, 300_000);

  it('flips no V8 flag that changes how code already compiled runs (session 21: --no-regexp-tier-up crashed ~1 run in 400)', async () => {
    // A regular expression compiled during Node's start-up carries tier-up state; turning tier-up
    // off under it ended some runs with SIGSEGV and no output. Only the heap-sizing flags are set.
    for (const file of ['electron/cli/diagcollect.mjs', 'electron/main/young-generation.ts']) {
      const source = await readFile(join(ROOT, file), 'utf8');
      const flags = [...source.matchAll(/setFlagsFromString\('([^']+)'\)/g)].map((m) => m[1]);
      expect(flags.every((flag) => /^--(semi-space-growth-factor|heap-growing-percent)=/.test(flag ?? '')), `${file}: ${flags.join(' ')}`).toBe(true);
    }
  });
});
