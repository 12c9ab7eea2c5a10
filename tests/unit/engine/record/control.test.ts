import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { activeRecording, claimActive, recordingsDir, releaseActive, requestStop, STOP_FILE, watchStopRequest } from '../../../../electron/engine/record/control.js';

const children: Array<{ kill(): void }> = [];
afterEach(() => children.splice(0).forEach((c) => c.kill()));

describe('one recording at a time, stopped from another process (real files, real processes)', () => {
  it('refuses a second recording while the first one runs, naming it and how to stop it', async () => {
    const data = mkdtempSync(join(os.tmpdir(), 'rec-control-'));
    // Another live process holds the recording.
    const other = spawn('sleep', ['30']);
    children.push(other);
    await claimActive(data, { pid: other.pid!, ticket: '111', startedAt: '2026-12-05T07:00:00Z', dir: join(data, 'x') });
    await expect(claimActive(data, { pid: process.pid, ticket: '222', startedAt: '', dir: '' })).rejects.toThrow(/ticket 111 is already running .*diagcollect record --stop/);
  });

  it('takes over the file a dead recorder left', async () => {
    const data = mkdtempSync(join(os.tmpdir(), 'rec-control-'));
    const dead = spawn('true');
    await new Promise((resolve) => dead.on('exit', resolve));
    await claimActive(data, { pid: dead.pid!, ticket: '111', startedAt: '', dir: '' });
    expect(await activeRecording(data)).toBeUndefined();
    await claimActive(data, { pid: process.pid, ticket: '222', startedAt: '', dir: '' });
    expect((await activeRecording(data))?.ticket).toBe('222');
    await releaseActive(data);
    expect(await activeRecording(data)).toBeUndefined();
  });

  it('--stop writes the request the recorder watches for, and waits until it lets go', async () => {
    const data = mkdtempSync(join(os.tmpdir(), 'rec-control-'));
    const dir = join(recordingsDir(data), 'rec');
    await claimActive(data, { pid: process.pid, ticket: '333', startedAt: '', dir });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const seen = new Promise<void>((resolve) => watchStopRequest(dir, () => void releaseActive(data).then(resolve), 50));
    const stopped = await requestStop(data, 10_000);
    await seen;
    expect(stopped.ticket).toBe('333');
    expect(existsSync(join(dir, STOP_FILE))).toBe(true);
    await expect(requestStop(data)).rejects.toThrow(/no recording is running/);
  });

  it('a corrupt active file counts as none', async () => {
    const data = mkdtempSync(join(os.tmpdir(), 'rec-control-'));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(recordingsDir(data), { recursive: true });
    writeFileSync(join(recordingsDir(data), 'active.json'), '{not json');
    expect(await activeRecording(data)).toBeUndefined();
  });
});
