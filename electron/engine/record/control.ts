/**
 * One recording at a time per user, and `diagcollect record --stop` from another terminal (or
 * the IT script that started it): the running recorder keeps `<data dir>/recordings/active.json`
 * (its pid, ticket and folder); a stop request is a file `stop` in its folder, which the
 * recorder looks for twice a second. A file left by a recorder that died is recognised by its
 * pid and replaced.
 */
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors.js';

export interface ActiveRecording {
  pid: number;
  ticket: string;
  startedAt: string;
  dir: string;
}

export const STOP_FILE = 'stop';

export function recordingsDir(dataDir: string): string {
  return path.join(dataDir, 'recordings');
}

function activeFile(dataDir: string): string {
  return path.join(recordingsDir(dataDir), 'active.json');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The recording running now, if any (a file left by a dead recorder counts as none). */
export async function activeRecording(dataDir: string): Promise<ActiveRecording | undefined> {
  const text = await readFile(activeFile(dataDir), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  try {
    const a = JSON.parse(text) as ActiveRecording;
    return typeof a.pid === 'number' && alive(a.pid) ? a : undefined;
  } catch {
    return undefined;
  }
}

/** Marks this process's recording as the active one; refuses when another one runs. */
export async function claimActive(dataDir: string, info: ActiveRecording): Promise<void> {
  await mkdir(recordingsDir(dataDir), { recursive: true, mode: 0o700 });
  const other = await activeRecording(dataDir);
  if (other && other.pid !== info.pid) {
    throw InputError.coded('record-running', { ticket: other.ticket, pid: String(other.pid), since: other.startedAt }, `a recording for ticket ${other.ticket} is already running (process ${other.pid}, since ${other.startedAt}); stop it first with: diagcollect record --stop`);
  }
  await writeFile(activeFile(dataDir), `${JSON.stringify(info)}\n`, { mode: 0o600 });
}

export async function releaseActive(dataDir: string, pid: number = process.pid): Promise<void> {
  const text = await readFile(activeFile(dataDir), 'utf8').catch(() => undefined);
  if (text && (JSON.parse(text) as ActiveRecording).pid === pid) await rm(activeFile(dataDir), { force: true });
}

/** Calls `onStop` once a stop request appears in `dir`; returns the function that stops watching. */
export function watchStopRequest(dir: string, onStop: () => void, everyMs = 500): () => void {
  const timer = setInterval(() => {
    void stat(path.join(dir, STOP_FILE)).then(
      () => {
        clearInterval(timer);
        onStop();
      },
      () => {},
    );
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Asks the running recording to stop and waits until it has let go (its archive follows);
 * throws when none runs.
 */
export async function requestStop(dataDir: string, waitMs = 30_000): Promise<ActiveRecording> {
  const active = await activeRecording(dataDir);
  if (!active) throw InputError.coded('record-none', {}, 'no recording is running (start one with: diagcollect record --ticket <id>)');
  await writeFile(path.join(active.dir, STOP_FILE), '', { mode: 0o600 });
  const until = Date.now() + waitMs;
  while (Date.now() < until) {
    const now = await activeRecording(dataDir);
    if (!now || now.pid !== active.pid) return active;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return active;
}
