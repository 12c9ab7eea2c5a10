import type { EntryResult } from './entry-result.js';

/**
 * The archive could not be written (disk full, I/O error, permissions, target exists, ...).
 * The message names the archive and says what to do; `code` is the errno code when there is one.
 * When this is raised the temp file has been (or is being) deleted and no final archive exists.
 */
export class ArchiveWriteError extends Error {
  /** Marks errors that ended the whole archive (as opposed to one entry's input failing). */
  readonly fatal = true;

  constructor(
    message: string,
    readonly path: string,
    readonly code?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ArchiveWriteError';
  }
}

/**
 * An entry's input stream failed midway. The archive is still valid: the entry was completed
 * with the bytes read before the failure, described by `entry`; `cause` is the stream's error.
 */
export class EntryInputError extends Error {
  constructor(
    readonly entry: EntryResult,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`reading ${entry.name} failed after ${entry.size} bytes (${reason}); the entry was kept with those bytes only`, {
      cause,
    });
    this.name = 'EntryInputError';
  }
}

/** The error everything pending rejects with after abort(): name `AbortError`, `fatal: true`. */
export function abortedError(archivePath: string): Error {
  const error = Object.assign(new Error(`writing the archive ${archivePath} was aborted`), { fatal: true });
  error.name = 'AbortError';
  return error;
}

/** The errno code of a Node system error, if any. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Turns an fs error on the archive's output (temp file, directory or final name) into an
 * ArchiveWriteError whose message a user can act on.
 */
export function describeOutputError(error: unknown, archivePath: string): ArchiveWriteError {
  if (error instanceof ArchiveWriteError) return error;
  const code = errnoCode(error);
  const prefix = `Cannot write the archive ${archivePath}`;
  const detail = error instanceof Error ? error.message : String(error);
  let message: string;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      message = `${prefix}: the disk is full (${code}). Free some space on that drive or choose a folder on another drive, then collect again.`;
      break;
    case 'EIO':
      message = `${prefix}: the disk reported an input/output error (EIO). The drive may be failing or was disconnected; choose a folder on another drive and collect again.`;
      break;
    case 'EROFS':
      message = `${prefix}: the drive is read-only (EROFS). Choose a folder on a writable drive.`;
      break;
    case 'EACCES':
    case 'EPERM':
      message = `${prefix}: permission denied (${code}). Choose a folder you can write to.`;
      break;
    case 'ENOENT':
    case 'ENOTDIR':
      message = `${prefix}: the folder does not exist (${code}). Choose an existing folder.`;
      break;
    default:
      message = `${prefix}: ${detail}`;
  }
  return new ArchiveWriteError(message, archivePath, code, { cause: error });
}

/**
 * A file given to addFile could not be opened (missing, locked, no permission): no entry was
 * written for it and the archive is unaffected. `code` is the errno code, `cause` the fs error.
 */
export class EntryUnreadableError extends Error {
  readonly code: string | undefined;

  constructor(
    readonly entryName: string,
    readonly path: string,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`${entryName} was left out of the archive: cannot open ${path} (${reason})`, { cause });
    this.name = 'EntryUnreadableError';
    this.code = errnoCode(cause);
  }
}

/** Why writing a file failed, in words a user can act on (disk full, read-only, permission …). */
export function outputFailureReason(error: unknown): string {
  const code = errnoCode(error);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk is full (${code})`;
    case 'EIO':
      return 'the disk reported an input/output error (EIO)';
    case 'EROFS':
      return 'the drive is read-only (EROFS)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * A step after the archive was published failed (the e-mail draft, the redaction map): the
 * archive exists and is whole, and the message says exactly which files exist and which not.
 */
export function afterPublishProblem(options: { archivePath: string; step: string; target: string; error: unknown; existing?: string[] }): string {
  const exists = [`${options.archivePath} (the archive, complete)`, ...(options.existing ?? [])];
  return `${options.step} could not be written to ${options.target}: ${outputFailureReason(options.error)}; that file does not exist. These files exist: ${exists.join(', ')}. Free some space (or fix the folder) and attach the archive by hand, or collect again.`;
}
