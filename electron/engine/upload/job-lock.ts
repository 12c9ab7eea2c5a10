/**
 * A per-job lock file so two processes (two CLI runs, the app and a script) never upload the
 * same job at once. Created with O_EXCL; holds `{pid, host, createdAt}`. A lock is stale when
 * its process is gone (same host) or when it predates the last boot (pid numbers are reused after
 * a reboot); a stale lock is broken under a short-lived "breaker" lock so two processes that
 * both see it stale cannot both take it.
 */
import { hostname, uptime } from 'node:os';
import { open, readFile, stat, unlink } from 'node:fs/promises';

export interface LockOwner {
  pid: number;
  host: string;
  createdAt: string;
}

export interface HeldLock {
  path: string;
  release(): Promise<void>;
}

/** A breaker lock older than this belongs to a process that died while breaking a lock. */
const BREAKER_STALE_MS = 10_000;
/** A lock file that is still empty this long after creation was left by a crash mid-write. */
const EMPTY_LOCK_STALE_MS = 5_000;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function bootTime(): number {
  return Date.now() - uptime() * 1000;
}

async function createExclusive(path: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/** Who holds the lock, or undefined if nobody does (or the file is unreadable garbage). */
export async function readLockOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(path, 'utf8')) as LockOwner;
    return typeof owner.pid === 'number' ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** True when the lock at `path` is held by a live process. */
export async function lockIsLive(path: string): Promise<boolean> {
  let mtime: number;
  try {
    mtime = (await stat(path)).mtimeMs;
  } catch {
    return false;
  }
  if (mtime < bootTime() - 1000) return false;
  const owner = await readLockOwner(path);
  if (!owner) return Date.now() - mtime < EMPTY_LOCK_STALE_MS; // being written right now, or debris
  if (owner.host !== hostname()) return true; // cannot see another machine's processes: assume live
  return pidAlive(owner.pid);
}

/**
 * Takes the lock, breaking a stale one. Resolves with the lock, or with the live owner when
 * another process holds it.
 */
export async function acquireLock(path: string): Promise<HeldLock | { heldBy: LockOwner | undefined }> {
  const me: LockOwner = { pid: process.pid, host: hostname(), createdAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await createExclusive(path, JSON.stringify(me))) {
      return {
        path,
        release: async () => {
          // Only remove it if it is still ours (it may have been broken as stale meanwhile).
          const owner = await readLockOwner(path);
          if (owner?.pid === me.pid && owner.createdAt === me.createdAt) await unlink(path).catch(() => {});
        },
      };
    }
    if (await lockIsLive(path)) return { heldBy: await readLockOwner(path) };
    const breaker = `${path}.break`;
    if (!(await createExclusive(breaker, JSON.stringify(me)))) {
      const age = await stat(breaker).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > BREAKER_STALE_MS) await unlink(breaker).catch(() => {});
      await new Promise((r) => setTimeout(r, 50));
      continue;
    }
    try {
      if (!(await lockIsLive(path))) await unlink(path).catch(() => {});
    } finally {
      await unlink(breaker).catch(() => {});
    }
  }
  return { heldBy: await readLockOwner(path) };
}
