/**
 * The one way the engine opens a zip for reading (yauzl): {@link openZip}, {@link zipEntries}
 * and {@link openEntryStream}. Entries are always read lazily (one at a time, so memory stays
 * flat whatever the archive's size), and every failure is a {@link ZipReadError} that names the
 * archive (and the entry), says why in a word callers can branch on, and says what to do.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { errnoCode } from './archive-errors.js';

/**
 * Why a zip could not be read: `missing` (no such file), `denied` (no permission), `not-zip`
 * (not a zip, or cut short: no readable central directory), `entry` (one entry's data).
 */
export type ZipReadProblem = 'missing' | 'denied' | 'not-zip' | 'entry';

export class ZipReadError extends Error {
  constructor(
    readonly problem: ZipReadProblem,
    readonly path: string,
    message: string,
    readonly entry?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ZipReadError';
  }
}

export interface OpenZipOptions {
  /**
   * Close the file by itself once every entry was read and every stream ended (yauzl's
   * `autoClose`). Default false: the caller closes it (`zip.close()`), also on failure.
   */
  autoClose?: boolean;
  /** Refuse entry names with `\` or absolute paths (yauzl's `strictFileNames`). Default false. */
  strictFileNames?: boolean;
}

const openedFrom = new WeakMap<yauzl.ZipFile, string>();

function openFailure(path: string, err: unknown): ZipReadError {
  const detail = err instanceof Error ? err.message : String(err);
  switch (errnoCode(err)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new ZipReadError('missing', path, `${path} does not exist (${detail}): check the path`, undefined, { cause: err });
    case 'EACCES':
    case 'EPERM':
      return new ZipReadError('denied', path, `${path} cannot be opened: permission denied (${detail}); run as a user who may read it, or copy it somewhere readable`, undefined, { cause: err });
    default:
      return new ZipReadError('not-zip', path, `${path} is not a readable zip archive (${detail}); if it was downloaded or copied, it may be cut short: fetch or copy it again`, undefined, { cause: err });
  }
}

/**
 * Opens a zip for reading, entries lazily (walk them with {@link zipEntries}). Names are decoded
 * (UTF-8 flag or CP437) and entry sizes are checked against the data as it is read.
 */
export function openZip(path: string, options: OpenZipOptions = {}): Promise<yauzl.ZipFile> {
  const yauzlOptions: yauzl.Options = {
    lazyEntries: true,
    decodeStrings: true,
    validateEntrySizes: true,
    autoClose: options.autoClose ?? false,
    strictFileNames: options.strictFileNames ?? false,
  };
  return new Promise((resolve, reject) =>
    yauzl.open(path, yauzlOptions, (err, zip) => {
      if (err || !zip) return reject(openFailure(path, err ?? new Error('no zip file')));
      openedFrom.set(zip, path);
      resolve(zip);
    }),
  );
}

/** Closes a zip opened by {@link openZip} and resolves once its file is closed. */
export function closeZip(zip: yauzl.ZipFile): Promise<void> {
  if (!zip.isOpen) return Promise.resolve();
  return new Promise((resolve) => {
    zip.once('close', () => resolve());
    zip.close();
  });
}

/**
 * The entry's data as a stream: inflated, or (`raw`) its compressed bytes as stored — for a copy
 * that keeps them (a stored entry is the same either way).
 */
export function openEntryStream(zip: yauzl.ZipFile, entry: yauzl.Entry, raw = false): Promise<Readable> {
  const options = raw && entry.compressionMethod !== 0 ? { decompress: false as const } : {};
  const failure = (err: unknown) =>
    new ZipReadError('entry', zipPath(zip), `entry ${entry.fileName} of ${zipPath(zip)} cannot be read (${err instanceof Error ? err.message : 'no stream'}); the archive may be damaged: collect or fetch it again`, entry.fileName, { cause: err });
  return new Promise((resolve, reject) => {
    try {
      zip.openReadStream(entry, options, (err, stream) => (!err && stream ? resolve(stream) : reject(failure(err))));
    } catch (err) {
      // yauzl throws (rather than calls back) for an entry it cannot decode, e.g. encrypted.
      reject(failure(err));
    }
  });
}

/** The path a zip was opened from, for messages (yauzl keeps none; openZip records it). */
function zipPath(zip: yauzl.ZipFile): string {
  return openedFrom.get(zip) ?? 'the archive';
}

/** Walks a zip's entries one at a time (lazyEntries), so memory stays flat whatever its size. */
export async function* zipEntries(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  for (;;) {
    const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
      const onEntry = (e: yauzl.Entry) => {
        cleanup();
        resolve(e);
      };
      const onEnd = () => {
        cleanup();
        resolve(undefined);
      };
      const onError = (err: Error) => {
        cleanup();
        reject(new ZipReadError('not-zip', zipPath(zip), `${zipPath(zip)}: its table of entries is damaged (${err.message}); fetch or collect it again`, undefined, { cause: err }));
      };
      const cleanup = () => {
        zip.off('entry', onEntry);
        zip.off('end', onEnd);
        zip.off('error', onError);
      };
      zip.on('entry', onEntry);
      zip.on('end', onEnd);
      zip.on('error', onError);
      zip.readEntry();
    });
    if (!entry) return;
    yield entry;
  }
}
