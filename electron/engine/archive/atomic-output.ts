import { randomBytes } from 'node:crypto';
import { fsync, open as openFd, type WriteStream } from 'node:fs';
import { link, lstat, open, rename, unlink, type FileHandle } from 'node:fs/promises';
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
