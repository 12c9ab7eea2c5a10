/**
 * Fault suite (issue 13, item 5: no lost work): the CLI's reader goes away mid-run, through the
 * real CLI as a process.
 * - `diagcollect collect … 2>&1 | head -1`: the pipe closes after the first progress line. Before,
 *   the next write's EPIPE ended the process with exit 0 and no archive (a .partial and a
 *   .reserved left behind); now the collection finishes, the archive is whole, no stack is printed.
 * - the terminal closes (SIGHUP) mid-run: cancelled like Ctrl-C or SIGTERM — exit 130, no archive,
 *   no .partial, nothing left running. Before, Node's default action killed it on the spot,
 *   leaving the temp files and the commands it had started.
 * Asserts behaviour only; timeouts are hang guards.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, filesIn, hangingFakes, killMarked, processesWith, settledProcesses, waitUntil, startCli, type Fakes } from './support.js';

const run = promisify(execFile);

describe.runIf(process.platform === 'linux')('faults: the reader goes away (real CLI)', () => {
  let work: string;
  let fakes: Fakes;
  beforeAll(async () => {
    work = await mkdtemp(join(os.tmpdir(), 'diagcollect-fault-terminal-'));
    fakes = await hangingFakes();
  });
  afterAll(async () => {
    await killMarked(fakes.marker);
    await rm(fakes.dir, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  it('`collect … 2>&1 | head -1`: the closed pipe does not end the run; the archive is written, nothing half-written is left, no stack', async () => {
    const out = join(work, 'pipe');
    const data = join(work, 'pipe-data');
    // A real shell pipeline, as a user types it; the shell reports the CLI's own exit code.
    const script = `"${process.execPath}" "${CLI}" collect --ticket F-50 --only versions,processes,system --no-screenshot --out "${out}" 2>&1 | head -1; echo "exit=\${PIPESTATUS[0]}"`;
    const { stdout } = await run('bash', ['-c', script], { env: { ...process.env, DIAGCOLLECT_DATA_DIR: data } });
    const code = Number(/exit=(\d+)/.exec(stdout)?.[1]);
    expect([0, 3], stdout).toContain(code);
    const files = await filesIn(out);
    expect(files.filter((f) => f.startsWith('.')), 'temp files left').toEqual([]);
    const zip = files.find((f) => f.endsWith('.zip'));
    expect(zip, `no archive in ${files.join(', ')}`).toBeDefined();
    expect((await stat(join(out, zip!))).size).toBeGreaterThan(0);
    expect(stdout).not.toMatch(/\n\s+at .*\(node:/);
  });

  it('SIGHUP (the terminal closed) mid-run cancels like Ctrl-C: exit 130, no archive, no .partial, nothing left running', async () => {
    const out = join(work, 'hup');
    const { child, done } = startCli(['collect', '--ticket', 'F-51', '--json', '--out', out], { PATH: `${fakes.bin}:${process.env.PATH ?? ''}`, DIAGCOLLECT_DATA_DIR: join(work, 'hup-data'), DISPLAY: ':99' });
    await waitUntil(async () => (await processesWith(`grandchild-${fakes.marker}`)).length > 0, 'the fakes to start');
    child.kill('SIGHUP');
    const r = await done;
    expect(r.signal, r.stderr).toBeNull();
    expect(r.code, r.stderr).toBe(130);
    expect(await filesIn(out)).toEqual([]);
    expect(await settledProcesses(fakes.marker)).toEqual([]);
  });
});
