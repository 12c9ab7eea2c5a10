/**
 * exec (electron/engine/platform/exec.ts) learns that a tool is missing from PATH without forking
 * this process to try it; whenever the lookup is not certain it starts the command as before.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const spawned = vi.hoisted(() => ({ names: [] as string[] }));
vi.mock('node:child_process', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:child_process')>();
  return {
    ...real,
    spawn: (...args: Parameters<typeof real.spawn>) => {
      spawned.names.push(String(args[0]));
      return real.spawn(...args);
    },
  };
});

const { CommandNotFoundError, exec, reapChildren, runningCommands } = await import('../../../../electron/engine/platform/exec.js');

describe.skipIf(process.platform === 'win32')('exec: a missing tool is not started', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(os.tmpdir(), 'exec-lookup-'));
    await writeFile(join(dir, 'not-a-program'), 'text\n');
    await chmod(join(dir, 'not-a-program'), 0o644);
    await writeFile(join(dir, 'say-hi'), '#!/bin/sh\necho hi\n');
    await chmod(join(dir, 'say-hi'), 0o755);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  beforeEach(() => {
    spawned.names.length = 0;
  });

  it('rejects with CommandNotFoundError and starts no process when no PATH folder has it', async () => {
    await expect(exec('no-such-tool-xyz', [], { env: { PATH: `${dir}:/nonexistent-folder` } })).rejects.toBeInstanceOf(CommandNotFoundError);
    await expect(exec('no-such-tool-xyz', [])).rejects.toBeInstanceOf(CommandNotFoundError);
    expect(spawned.names).toEqual([]);
  });

  it('starts what is there, by its name (argv[0] unchanged)', async () => {
    const r = await exec('say-hi', [], { env: { PATH: `/nonexistent-folder:${dir}` } });
    expect(r.stdout.toString()).toBe('hi\n');
    expect(spawned.names).toEqual(['say-hi']);
  });

  it('starts it when unsure, so the system gives its own answer: a file that cannot run, no PATH at all', async () => {
    const denied = exec('not-a-program', [], { env: { PATH: dir } });
    await expect(denied).rejects.toThrow();
    await expect(denied).rejects.not.toBeInstanceOf(CommandNotFoundError);
    await expect(exec('no-such-tool-xyz', [], { env: {} })).rejects.toBeInstanceOf(CommandNotFoundError);
    expect(spawned.names).toEqual(['not-a-program', 'no-such-tool-xyz']);
  });

  it('a reap while the command is still looked up (a second Ctrl-C) stops it from starting: killed, nothing left running', async () => {
    // Found on a fresh PATH key, so exec looks it up before starting (a command seen before starts at once).
    const running = exec('say-hi', ['never'], { env: { PATH: `${dir}:/nonexistent-reap-folder` } });
    await reapChildren();
    const r = await running;
    expect(r.code).toBeNull();
    expect(r.signal).toBe('SIGKILL');
    expect(r.stdout.length).toBe(0);
    expect(spawned.names).toEqual([]);
    expect(runningCommands()).toBe(0);
  });

  it('an aborted signal rejects before any lookup or start', async () => {
    const stop = new AbortController();
    stop.abort(new Error('stopped'));
    await expect(exec('sh', ['-c', 'true'], { signal: stop.signal })).rejects.toThrow('stopped');
    expect(spawned.names).toEqual([]);
  });
});
