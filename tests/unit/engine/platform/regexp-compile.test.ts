/**
 * collect18 (session 20): the regular expressions are compiled once, straight to machine code, in
 * the CLI (launcher) and the desktop app's main process, worker threads included. The effect is
 * observed in a child Node with V8's own test natives (%RegexpHasBytecode), not timed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REGEXP_COMPILE_FLAG } from '../../../../electron/engine/platform/regexp-compile.js';
import { REGEXP_COMPILE_FLAG as APP_FLAG } from '../../../../electron/main/young-generation.js';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const MODULE = pathToFileURL(path.join(ROOT, 'electron/engine/platform/regexp-compile.ts')).href;

/** After one use of a new pattern, in this thread and in a worker: [has machine code, has bytecode]. */
function compiledForms(withFlag: boolean): { main: [boolean, boolean]; worker: [boolean, boolean] } {
  const probe = `((re) => (re.exec('a line with login= alice'), [%RegexpHasNativeCode(re, true), %RegexpHasBytecode(re, true)]))(new RegExp('(?:user|login)[=:] *(\\\\w+)|pass(?:word)?=[^ ]+'))`;
  const script = `
    ${withFlag ? `(await import(${JSON.stringify(MODULE)})).compileRegExpsOnce();` : ''}
    const { Worker } = await import('node:worker_threads');
    const main = ${probe};
    const worker = await new Promise((resolve, reject) => {
      const w = new Worker(${JSON.stringify(`import('node:worker_threads').then((m) => m.parentPort.postMessage(${probe}))`)}, { eval: true });
      w.once('message', resolve);
      w.once('error', reject);
    });
    console.log(JSON.stringify({ main, worker }));`;
  return JSON.parse(execFileSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }).trim());
}

describe('compileRegExpsOnce', () => {
  it('is the flag the CLI launcher sets for the commands that work (not the print-only ones) and the app sets first', () => {
    expect(APP_FLAG).toBe(REGEXP_COMPILE_FLAG);
    const launcher = readFileSync(path.join(ROOT, 'electron/cli/diagcollect.mjs'), 'utf8');
    const block = /if \(!PRINT_ONLY\.has\(process\.argv\[2\]\)\) \{([^}]*)\}/.exec(launcher)?.[1] ?? '';
    expect(block).toContain(`setFlagsFromString('${REGEXP_COMPILE_FLAG}')`);
  });

  it('compiles a pattern to machine code only, in this thread and in a worker started after it', () => {
    // V8's default: bytecode first, machine code again on tier-up — both exist after one use.
    expect(compiledForms(false)).toEqual({ main: [true, true], worker: [true, true] });
    expect(compiledForms(true)).toEqual({ main: [true, false], worker: [true, false] });
  }, 120_000);
});
