import { randomBytes } from 'node:crypto';
import { fsync, open as openFd, type WriteStream } from 'node:fs';
import { link, lstat, open, readdir, readFile, rename, unlink, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ArchiveWriteError, describeOutputError, errnoCode } from './archive-errors.js';

/** The refusal raised when the final archive name is already taken. */
export function targetExistsError(finalPath: string): ArchiveWriteError {
  return new ArchiveWriteError(
    `Cannot save the archive: ${finalPath} already exists. Choose another file name; the existing file was left untouched.`,
    finalPath,
    'EEXIST',
  );
}

/** Throws targetExistsError when something (file, folder, link) already has the final name. */
export async function refuseExisting(finalPath: string): Promise<void> {
  try {
    await lstat(finalPath);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return;
    throw describeOutputError(error, finalPath);
  }
  throw targetExistsError(finalPath);
}

/**
 * Creates the hidden temp file `.<name>.<random>.partial` beside the final archive — the same
 * directory, so the final rename never crosses filesystems. Created exclusively (O_EXCL).
 */
export async function createTempBeside(finalPath: string): Promise<{ tempPath: string; fd: number }> {
  const tempPath = join(dirname(finalPath), `.${basename(finalPath)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    // A numeric fd (not a FileHandle): fs.WriteStream owns and closes it, and fsync works on it.
    const fd = await new Promise<number>((resolve, reject) => {
      openFd(tempPath, 'wx', 0o600, (error, opened) => (error ? reject(error) : resolve(opened)));
    });
    return { tempPath, fd };
  } catch (error) {
    throw describeOutputError(error, finalPath);
  }
}

/**
 * Gives the finished temp file its final name without ever replacing an existing file.
 * rename() would silently overwrite (POSIX and Windows alike), so the final name is created as a
 * hard link — atomic and failing with EEXIST — and the temp name dropped. Filesystems without
 * hard links (FAT/exFAT sticks, some shares) fall back to check-then-rename.
 */
export async function publishWithoutOverwrite(tempPath: string, finalPath: string): Promise<void> {
  try {
    await link(tempPath, finalPath);
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') throw targetExistsError(finalPath);
    await refuseExisting(finalPath);
    await rename(tempPath, finalPath);
    return;
  }
  await unlink(tempPath).catch(() => undefined);
}

/** Makes a rename durable by syncing the directory (POSIX only; Windows can't open directories). */
export async function syncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: FileHandle | undefined;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // Best effort: the archive is complete either way; some filesystems refuse directory fsync.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Deletes a file; "already gone" and other failures are ignored (nothing more can be done). */
export async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined);
}

/** fsync(2) on a numeric fd. */
export function fsyncFd(fd: number): Promise<void> {
  return new Promise((resolvePromise, reject) => fsync(fd, (error) => (error ? reject(error) : resolvePromise())));
}

/**
 * Destroys the temp file's stream, which closes its fd once pending writes are done, and resolves
 * with the error closing reported, if any (never rejects).
 */
export function closeOutput(out: WriteStream): Promise<Error | undefined> {
  return new Promise((resolvePromise) => {
    if (out.closed) {
      resolvePromise(undefined);
      return;
    }
    let failure: Error | undefined;
    const onError = (error: Error): void => {
      failure ??= error;
    };
    out.on('error', onError);
    out.once('close', () => {
      out.off('error', onError);
      resolvePromise(failure);
    });
    out.destroy();
  });
}

/** A reserved output name: `<stem>.zip` (and its `.eml`) are ours until release(). */
export interface NameReservation {
  /** The archive file name, e.g. `12345_诊断信息_20261124-0930_pc-01.zip` or `…_2.zip`. */
  name: string;
  /** The hidden marker file holding the reservation. */
  path: string;
  release(): Promise<void>;
}

const RESERVED_SUFFIX = '.reserved';
const hostName = (): string => {
  try {
    return os.hostname();
  } catch {
    return '';
  }
};

/**
 * Reserves the first free name of `<stem>.zip`, `<stem>_2.zip`, `<stem>_3.zip` … in `dir` before
 * anything is collected, by creating `.<name>.reserved` exclusively (O_EXCL: of two concurrent
 * collections only one can create it). The other picks the next name, so neither loses its work
 * at the very end. A name whose `.zip` or `.eml` already exists is passed over too.
 */
export async function reserveArchiveName(dir: string, fileName: string): Promise<NameReservation> {
  const stem = fileName.replace(/\.zip$/i, '');
  for (let n = 1; n < 10_000; n += 1) {
    const name = `${n === 1 ? stem : `${stem}_${n}`}.zip`;
    const path = join(dir, `.${name}${RESERVED_SUFFIX}`);
    let handle: FileHandle;
    try {
      handle = await open(path, 'wx', 0o600);
    } catch (error) {
      if (errnoCode(error) === 'EEXIST') continue;
      throw describeOutputError(error, join(dir, name));
    }
    try {
      // Who holds it: a stale reservation of a process that is gone is cleaned at the next start.
      await handle.writeFile(`${process.pid}\n${hostName()}\n`);
    } finally {
      await handle.close();
    }
    const release = () => removeQuietly(path);
    if ((await pathExists(join(dir, name))) || (await pathExists(join(dir, `${name.slice(0, -4)}.eml`)))) {
      await release();
      continue;
    }
    return { name, path, release };
  }
  throw new ArchiveWriteError(`Cannot find a free archive name for ${fileName} in ${dir}: 10 000 names are taken. Move older archives away and collect again.`, join(dir, fileName));
}

async function pathExists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return false;
    throw error;
  }
}

/** Whether a process with this pid runs on this computer (EPERM: it runs, as someone else). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}

/** Temp files older than this are left over from a run that was killed (kill -9, power loss). */
export const STALE_OUTPUT_MS = 60 * 60 * 1000;

/**
 * Deletes what killed runs left in `dir`: hidden `.….partial` temp files (archive, e-mail draft)
 * untouched for over an hour — a live run writes to its temp file all the time — and
 * `.….reserved` markers whose process is gone (or, from another computer, over an hour old).
 * Returns the names removed; anything that cannot be removed is left alone.
 */
export async function cleanStaleOutputs(dir: string, now: number = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  await Promise.all(
    names
      .filter((n) => n.startsWith('.') && (n.endsWith('.partial') || n.endsWith(RESERVED_SUFFIX)))
      .map(async (n) => {
        const path = join(dir, n);
        try {
          const st = await lstat(path);
          if (!st.isFile()) return;
          const old = now - st.mtimeMs > STALE_OUTPUT_MS;
          let stale = old;
          if (n.endsWith(RESERVED_SUFFIX)) {
            const [pid, host] = (await readFile(path, 'utf8')).split('\n');
            const sameHost = host === hostName();
            stale = sameHost && Number(pid) > 0 ? !processAlive(Number(pid)) : old;
          }
          if (!stale) return;
          await unlink(path);
          removed.push(n);
        } catch {
          /* gone meanwhile, or not ours to remove */
        }
      }),
  );
  return removed.sort();
}
