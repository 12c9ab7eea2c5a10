import { spawn } from 'node:child_process';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, uptime } from 'node:os';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, lockIsLive } from '../../../../electron/engine/upload/job-lock.js';

const lockFile = () => join(mkdtempSync(join(os.tmpdir(), 'lock-')), 'job.lock');

describe('job lock (O_EXCL file with pid, stale detection)', () => {
  it('one holder at a time; released on request', async () => {
    const path = lockFile();
    const a = await acquireLock(path);
    expect('release' in a).toBe(true);
    const b = await acquireLock(path);
    expect(b).toEqual({ heldBy: expect.objectContaining({ pid: process.pid, host: hostname() }) });
    if ('release' in a) await a.release();
    expect(await lockIsLive(path)).toBe(false);
    const c = await acquireLock(path);
    expect('release' in c).toBe(true);
  });

  it('many concurrent takers: exactly one wins', async () => {
    const path = lockFile();
    const results = await Promise.all(Array.from({ length: 20 }, () => acquireLock(path)));
    expect(results.filter((r) => 'release' in r)).toHaveLength(1);
  });

  it('breaks a lock whose process is gone, or that predates the last boot', async () => {
    const path = lockFile();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.on('exit', r));
    writeFileSync(path, JSON.stringify({ pid: dead.pid, host: hostname(), createdAt: 'x' }));
    expect(await lockIsLive(path)).toBe(false);
    expect('release' in (await acquireLock(path))).toBe(true);

    const old = lockFile();
    writeFileSync(old, JSON.stringify({ pid: process.pid, host: hostname(), createdAt: 'x' }));
    const beforeBoot = (Date.now() - uptime() * 1000 - 60_000) / 1000;
    utimesSync(old, beforeBoot, beforeBoot);
    expect(await lockIsLive(old)).toBe(false);
  });

  it('treats another host’s lock as live (its processes cannot be checked from here)', async () => {
    const path = lockFile();
    writeFileSync(path, JSON.stringify({ pid: 1, host: 'some-other-host', createdAt: 'x' }));
    expect(await acquireLock(path)).toEqual({ heldBy: expect.objectContaining({ host: 'some-other-host' }) });
  });
});
