import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { CommandNotFoundError, exec, killTree, killTreePlan, reapChildren, runningCommands, spawnsDetached } from '../../../../electron/engine/platform/exec.js';

/** Running (a zombie waiting for a reaper counts as dead: it was killed). */
const alive = (pid: number) => {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
};

/** Starts `sh` that spawns a grandchild sleeper and prints its pid. */
const TREE = ['-c', 'sleep 47.3 & echo $!; wait'];

describe('exec', () => {
  it('captures stdout and the exit code without a shell', async () => {
    const r = await exec('sh', ['-c', 'printf "a b"; exit 3']);
    expect(r.stdout.toString()).toBe('a b');
    expect(r.code).toBe(3);
    expect(r.timedOut).toBe(false);
  });

  it('rejects with CommandNotFoundError for a missing binary', async () => {
    await expect(exec('no-such-command-xyz', [])).rejects.toBeInstanceOf(CommandNotFoundError);
  });

  it('kills the whole process tree on timeout', async () => {
    const r = await exec('sh', TREE, { timeoutMs: 300 });
    expect(r.timedOut).toBe(true);
    const grandchild = Number(r.stdout.toString().trim());
    expect(grandchild).toBeGreaterThan(0);
    await new Promise((res) => setTimeout(res, 100));
    expect(alive(grandchild)).toBe(false);
  }, 10_000); // hang guard: far below the grandchild's 30 s, which only a killed tree can beat

  it('kills the whole process tree on abort and rejects', async () => {
    const ac = new AbortController();
    let grandchild = 0;
    const p = exec('sh', ['-c', 'sleep 47.3 & echo $! > /dev/stderr; wait'], { signal: ac.signal });
    setTimeout(() => ac.abort(), 200);
    await expect(p).rejects.toBeTruthy();
    // The tree is gone: no sleep 47.3 left whose parent was our sh.
    const ps = await exec('sh', ['-c', 'pgrep -f "^sleep 47.3$" || true']);
    grandchild = Number(ps.stdout.toString().trim().split('\n')[0] || 0);
    expect(grandchild === 0 || !alive(grandchild)).toBe(true);
  }, 10_000); // hang guard: far below the 47.3 s sleep

  it('keeps the newest bytes when output is over the cap', async () => {
    const r = await exec('sh', ['-c', 'for i in $(seq 1 5000); do echo "line $i"; done'], { maxBytes: 1000, keep: 'tail' });
    const text = r.stdout.toString();
    expect(r.truncated).toBe(true);
    expect(text.length).toBeLessThanOrEqual(1000);
    expect(text.endsWith('line 5000\n')).toBe(true);
    expect(text.startsWith('line ')).toBe(true);
  });

  it('keeps the oldest bytes with keep: head and stops the command', async () => {
    const r = await exec('sh', ['-c', 'yes hello'], { maxBytes: 4096, keep: 'head', timeoutMs: 5000 });
    expect(r.truncated).toBe(true);
    expect(r.stdout.length).toBe(4096);
    expect(r.timedOut).toBe(false);
  });

  // A `setsid` grandchild leaves the process group (a group kill misses it) and keeps stdout open.
  const ESCAPED = (seconds: string) => ['-c', `setsid sleep ${seconds} & echo $!; sleep ${seconds}`];

  it.runIf(process.platform === 'linux')('on timeout also kills a setsid grandchild holding stdout, and returns', async () => {
    const r = await exec('sh', ESCAPED('48.1'), { timeoutMs: 300 });
    expect(r.timedOut).toBe(true);
    const escaped = Number(r.stdout.toString().trim());
    expect(escaped).toBeGreaterThan(0);
    await new Promise((res) => setTimeout(res, 100));
    expect(alive(escaped)).toBe(false);
  });

  it.runIf(process.platform === 'linux')('on abort also kills a setsid grandchild, and rejects', async () => {
    const ac = new AbortController();
    const p = exec('sh', ['-c', 'setsid sleep 48.2 & echo $! > /dev/stderr; sleep 48.2'], { signal: ac.signal });
    setTimeout(() => ac.abort(), 300);
    await expect(p).rejects.toBeTruthy();
    await new Promise((res) => setTimeout(res, 100));
    const ps = await exec('sh', ['-c', 'pgrep -f "^sleep 48.2$" || true']);
    expect(ps.stdout.toString().trim()).toBe('');
  });

  it.runIf(process.platform === 'linux')('a command that exits while a descendant keeps its pipe open still returns its output', async () => {
    const r = await exec('sh', ['-c', 'setsid sleep 48.3 & echo done']);
    expect(r.code).toBe(0);
    expect(r.stdout.toString()).toBe('done\n');
    await new Promise((res) => setTimeout(res, 100));
    const ps = await exec('sh', ['-c', 'pgrep -f "^sleep 48.3$" || true']);
    expect(ps.stdout.toString().trim()).toBe('');
  });

  it.runIf(process.platform === 'linux')('reapChildren kills every running command and what escaped from it', async () => {
    const p = exec('sh', ESCAPED('48.4'));
    await new Promise((res) => setTimeout(res, 300));
    expect(runningCommands()).toBeGreaterThan(0);
    await reapChildren();
    const r = await p;
    expect(r.code).toBeNull();
    const ps = await exec('sh', ['-c', 'pgrep -f "^sleep 48.4$" || true']);
    expect(ps.stdout.toString().trim()).toBe('');
  });
});

describe('killTree: the plan per platform (macOS and Windows have no /proc sweep)', () => {
  it('POSIX: SIGKILL to the process group (commands start detached, as group leaders), the pid alone as fallback', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      expect(spawnsDetached(platform)).toBe(true);
      expect(killTreePlan(4242, platform)).toEqual({ steps: [{ signal: 'SIGKILL', pid: -4242 }], fallback: { signal: 'SIGKILL', pid: 4242 } });
    }
  });

  it('Windows: taskkill /T /F on the pid (Windows keeps the parent links; no process groups)', () => {
    expect(spawnsDetached('win32')).toBe(false);
    expect(killTreePlan(4242, 'win32')).toEqual({ steps: [{ command: 'taskkill', args: ['/pid', '4242', '/T', '/F'] }] });
  });

  it.runIf(process.platform !== 'win32')('the group kill alone ends a command and the child it started (no mark sweep involved)', async () => {
    const child = spawn('sh', ['-c', 'sleep 51.7 & echo $!; wait'], { detached: spawnsDetached(), stdio: ['ignore', 'pipe', 'ignore'] });
    const grandchild = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    killTree(child.pid!);
    await exited;
    for (let i = 0; i < 100 && alive(grandchild); i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(alive(grandchild)).toBe(false);
  });
});
