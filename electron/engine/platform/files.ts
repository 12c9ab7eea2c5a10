/**
 * The capped, safe file reader behind `ctx.addFile`. `prepareFile` decides now whether a file can
 * be taken (and says why not); `open()` streams it later, when the archive writer reaches it, so
 * nothing is copied to a temp folder first.
 *
 * Safety rules: special files (FIFOs, sockets, devices, folders) are refused before anything is
 * opened, because reading them can hang or never end; files are opened with O_NONBLOCK and
 * re-checked with fstat, so a path swapped for a FIFO between the check and the open cannot
 * hang the collection either; a read never goes past the size seen at prepare time.
 *
 * Links never widen what is read: every open (at prepare time and again when the archive writer
 * reads the file) is checked on the REAL path of what was opened — the opened handle's device
 * and inode must be those of `realpath(path)`, so a link swapped between the open and the check
 * is caught. That real path must then lie inside the configured roots (when the caller gives
 * them: the folders a policy names), and outside this tool's own data and the well-known secret
 * stores (protected-paths.ts), whatever the policy says. Otherwise the file is skipped with the
 * reason.
 */
import { constants, type BigIntStats, type Stats } from 'node:fs';
import { lstat, open, readlink, realpath, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { dataDir, logsDir, ownDirsKey } from './app-paths.js';
import { isSecretFileIdentity, protectedPathReason } from './protected-paths.js';
import { englishReason } from '../../../shared/i18n/translate.js';
import type { Reason } from '../../../shared/reasons.js';

export type FileMode = 'tail' | 'whole';

/**
 * A file opened for the archive. `truncated` and `note` are getters whose final value is known
 * only once `stream` has ended (or closed): the writer reads them after piping the stream.
 * - `truncated`: the entry does not hold the whole file — a log cut to its newest bytes, or a
 *   file that grew after it was listed (cut at the size seen then).
 * - `note`: what happened while reading (grew, shrank, replaced by log rotation), if anything.
 */
export interface OpenedFile {
  stream: Readable;
  readonly truncated: boolean;
  readonly note?: string;
  /** Why it is `truncated`, as a code (the manifest item's `cut`). */
  readonly cut?: Reason | undefined;
}

/** A small file read at once (see PreparedFile.read): its bytes, and what `open` would say of them. */
export interface ReadFile {
  data: Buffer;
  truncated: boolean;
  note?: string;
  /** Why it is `truncated`, as a code (the manifest item's `cut`). */
  cut?: Reason;
  /** The read failed midway (an I/O error): `data` holds what was read before, as the stream would have. */
  error?: unknown;
}

export interface PreparedFile {
  ok: true;
  /** Bytes the entry will hold at most, not counting the one-line truncation marker. */
  size: number;
  /** The file's size on disk when it was prepared. */
  fileSize: number;
  /** Only the newest `maxBytes` will be kept ('tail' mode). */
  truncated: boolean;
  open: () => Promise<OpenedFile>;
  /**
   * For a file whose entry fits one read (READ_AT_ONCE_BYTES): the same checks as `open` and the
   * same bytes (the marker line first when cut) in one buffer, without a stream — thousands of
   * small logs each paid for a stream and its pipeline more than for reading them. The bytes are
   * exactly the one piece `open`'s stream would yield after the marker, so whatever reads them
   * sees the same input.
   */
  read?: () => Promise<ReadFile>;
}

/** `code`: the reason as a code when it is one every surface names (not there, no permission). */
export type PrepareResult = PreparedFile | { ok: false; reason: string; code?: Reason };

export interface PrepareOptions {
  maxBytes: number;
  /** 'tail': logs, keep the newest lines; 'whole': structured files, whole or not at all. */
  mode: FileMode;
  /**
   * Real paths of the folders the file must stay inside (the policy's folders); a link whose
   * target lies outside them is skipped. Unset: any place (the protected paths still apply).
   */
  roots?: readonly string[];
  /** Further files or folders of this tool never to read (the policy's machine-wide credentials file). */
  protect?: readonly string[];
}

/** Where a file may be read from (see the top of this file). */
type Guard = Pick<PrepareOptions, 'roots' | 'protect'>;

/**
 * Formats whose meaning breaks when cut (a half JSON document, an XML file without its root
 * end tag): they are kept whole or skipped. Line-oriented logs (.log, .txt, .jsonl, .ndjson)
 * are not here: their newest lines stand on their own.
 */
const STRUCTURED_EXTENSIONS = new Set([
  '.json',
  '.jsonc',
  '.json5',
  '.xml',
  '.config', // .NET app.config / web.config (XML)
  '.yaml',
  '.yml',
  '.plist',
  '.toml',
  '.ini',
  '.conf',
  '.cfg',
  '.properties',
  '.reg',
]);

/** True for files that must be kept whole (see STRUCTURED_EXTENSIONS). */
export function isStructured(file: string): boolean {
  return STRUCTURED_EXTENSIONS.has(path.extname(file).toLowerCase());
}

/** The reason a stat'ed path is not a regular file we may read, or undefined for a regular file. */
export function specialFileReason(st: Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'is a folder, not a file';
  if (st.isFIFO()) return 'is a FIFO (named pipe); skipped so the collection cannot hang';
  if (st.isSocket()) return 'is a socket, not a file; skipped so the collection cannot hang';
  if (st.isCharacterDevice()) return 'is a character device (like a terminal or /dev/zero); skipped so the collection cannot hang or grow without end';
  if (st.isBlockDevice()) return 'is a block device (a disk or partition); skipped: only files are collected';
  return 'is not a regular file';
}

/** A failed file-system call's reason as a code, when it is one every surface names in its language. */
export function fileErrorCode(err: unknown): Reason | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return { code: 'not-found' };
  if (code === 'EACCES' || code === 'EPERM') return { code: 'no-permission' };
  return undefined;
}

/** A readable reason for a failed file-system call on `path`. */
export function fileErrorReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'EACCES':
    case 'EPERM':
      return 'no read permission (run as the owner or an administrator to include it)';
    case 'ELOOP':
      return 'is a symbolic link loop (the link leads back to itself); skipped';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'EBUSY':
      // Windows: ERROR_SHARING_VIOLATION (another program opened it without sharing it for
      // reading) or ERROR_LOCK_VIOLATION (a byte-range lock); libuv maps both to EBUSY.
      return 'is locked by another program (it holds the file open without letting others read it); close that program and collect again, or copy the file by hand';
    case 'EIO':
      return 'could not be read (input/output error: a failing disk or a network share that went away)';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

function humanSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

// O_NONBLOCK: opening a FIFO (swapped in after the check) returns at once instead of waiting for a writer.
// On Windows, libuv opens every file with FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE
// (deps/uv/src/win/fs.c, fs__open; only UV_FS_O_EXLOCK asks for exclusive access): a log that its
// program keeps open for writing, and that it opened with read sharing, is read while it grows,
// and our handle never stops that program from writing, rotating or deleting it. A file its owner
// opened without read sharing (the event logs under System32\winevt\Logs, some databases) fails
// with EBUSY, which becomes a skip with the reason (fileErrorReason).
const OPEN_FLAGS = process.platform === 'win32' ? 'r' : constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0);

/** A file refused by the link and protected-path rules; the message is the reason. */
class RefusedFileError extends Error {}

/** The real paths of this tool's own folders (data, logs), resolved once per location. */
const ownDirsCache = new Map<string, Promise<string[]>>();
function ownRealDirs(): Promise<string[]> {
  const key = ownDirsKey();
  let found = ownDirsCache.get(key);
  if (!found) {
    found = Promise.all([dataDir(), logsDir()].map((d) => realpath(d).catch(() => d)));
    ownDirsCache.set(key, found);
  }
  return found;
}

const resolvePath = (p: string) => path.resolve(p);
const sameCase = (p: string) => (process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p);

/** Is `real` the folder `root` or below it? Both are real paths. */
export function isInside(real: string, root: string): boolean {
  const r = sameCase(root.endsWith(path.sep) ? root.slice(0, -1) : root);
  const p = sameCase(real);
  return p === r || p.startsWith(r + path.sep) || (r === '' && p.startsWith(path.sep));
}

/**
 * The checks on an opened file (see the top of this file), given the handle's own stat. Throws
 * RefusedFileError with the reason; returns the real path. `sizeReason` (prepareFile: a
 * structured file over its cap) is the reason given once the file is known not to be protected,
 * before the link and root checks, as it was when the size was checked before opening.
 */
async function checkOpened(file: string, opened: BigIntStats, guard: Guard, sizeReason?: string): Promise<string> {
  const { roots } = guard;
  let real: string;
  try {
    real = await realpath(file);
  } catch (err) {
    throw new RefusedFileError(`${fileErrorReason(err)} (its real path could not be resolved after it was opened)`);
  }
  const named = await stat(real, { bigint: true }).catch(() => undefined);
  if (!named || named.dev !== opened.dev || named.ino !== opened.ino) {
    throw new RefusedFileError('changed while it was being opened (a link pointed elsewhere a moment earlier); skipped so that a swapped link cannot widen what is read');
  }
  const linked = sameCase(real) !== sameCase(resolvePath(file));
  const protectedWhy = await protectedReason(real, guard);
  if (protectedWhy) throw new RefusedFileError(linked ? `is a link to ${real}, which ${protectedWhy}` : protectedWhy);
  if (sizeReason) throw new RefusedFileError(sizeReason);
  if (await isSecretFileIdentity(opened)) throw new RefusedFileError(`is a hard link to a password file of the operating system; never collected, whatever the policy says`);
  if (roots && roots.length > 0 && !roots.some((root) => isInside(real, root))) {
    throw new RefusedFileError(
      linked
        ? `is a link to ${real}, outside the folders the policy names (${roots.join(', ')}); links are followed only when they stay inside them (name the real folder in policy to collect it)`
        : `is outside the folders the policy names (${roots.join(', ')})`,
    );
  }
  return real;
}

/** Why the real path `real` is never read (this tool's own folders, secret stores), or undefined. */
async function protectedReason(real: string, guard: Guard): Promise<string | undefined> {
  const own = await ownRealDirs();
  return protectedPathReason(real, { extra: guard.protect && guard.protect.length > 0 ? [...own, ...guard.protect] : own });
}

/**
 * Opens `file` for reading and re-checks on the open handle that it is a regular file, then
 * checks where it really is (checkOpened). One fstat serves both checks.
 */
async function openRegular(file: string, guard: Guard, sizeReason?: string): Promise<{ handle: FileHandle; st: BigIntStats }> {
  const handle = await open(file, OPEN_FLAGS);
  try {
    const st = await handle.stat({ bigint: true });
    const special = specialFileReason(st);
    if (special) throw new Error(`${file} ${special}`);
    await checkOpened(file, st, guard, sizeReason);
    return { handle, st };
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw err;
  }
}

const CHUNK = 64 * 1024;
/** How far past the cut we look for the next line start. */
const LINE_SEARCH = 64 * 1024;

/**
 * Checks that `path` can be taken under `opts` and returns how to stream it later, or the reason
 * it cannot be taken. Symbolic links are followed; loops and dangling links give a reason.
 */
export async function prepareFile(path: string, opts: PrepareOptions): Promise<PrepareResult> {
  const fail = (reason: string) => ({ ok: false as const, reason });
  let st: Stats;
  try {
    st = await lstat(path);
  } catch (err) {
    const code = fileErrorCode(err);
    return code ? { ok: false, reason: englishReason(code), code } : fail(fileErrorReason(err));
  }
  if (st.isSymbolicLink()) {
    try {
      st = await stat(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        const target = await readlink(path).catch(() => '?');
        return fail(`is a symbolic link to "${target}", which does not exist (dangling link)`);
      }
      return fail(fileErrorReason(err));
    }
  }
  const special = specialFileReason(st);
  if (special) return fail(special);
  const fileSize = st.size;
  const sizeReason =
    opts.mode === 'whole' && fileSize > opts.maxBytes ? `is ${humanSize(fileSize)}, over the ${humanSize(opts.maxBytes)} cap; structured files are kept whole or not at all` : undefined;
  // The checks that count are on the opened file (checkOpened), protected paths first.
  let identity: Identity;
  let pseudo: { data: Buffer; cut: boolean; total: number } | undefined;
  try {
    const { handle, st: opened } = await openRegular(path, opts, sizeReason);
    identity = { dev: opened.dev, ino: opened.ino };
    try {
      if (await isPseudoFile(path, fileSize)) pseudo = await readToEnd(handle, opts.maxBytes);
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (!(err instanceof RefusedFileError)) {
      // Not opened (no permission for /etc/shadow, a FIFO swapped in): a protected file still gets
      // its own, clearer reason, found on its real path; then the cap, as if checked before opening.
      const real = await realpath(path).catch(() => undefined);
      const why = real === undefined ? undefined : await protectedReason(real, opts);
      if (real !== undefined && why) return fail(sameCase(real) !== sameCase(resolvePath(path)) ? `is a link to ${real}, which ${why}` : why);
      if (sizeReason) return fail(sizeReason);
    }
    return fail(err instanceof Error && !(err as NodeJS.ErrnoException).code ? err.message.replace(`${path} `, '') : fileErrorReason(err));
  }

  if (pseudo) return pseudoFile(pseudo, opts);

  const cut = opts.mode === 'tail' && fileSize > opts.maxBytes;
  const keepNewest = cut ? opts.maxBytes : undefined;
  const size = cut ? opts.maxBytes : fileSize;
  return {
    ok: true,
    size,
    fileSize,
    truncated: cut,
    open: () => openPrepared(path, fileSize, keepNewest, identity, opts),
    // The bytes after the cut are at most `size` (the cut moves forward to a line start).
    ...(size <= READ_AT_ONCE_BYTES ? { read: () => readPrepared(path, fileSize, keepNewest, identity, opts) } : {}),
  };
}

/**
 * /proc and /sys files report 0 bytes (procfs) or 4096 (sysfs) whatever they hold: what a read
 * returns is their content. Trusting the size archived /proc/cpuinfo as an empty entry.
 */
async function isPseudoFile(path: string, size: number): Promise<boolean> {
  if (process.platform !== 'linux' || (size !== 0 && size !== 4096)) return false;
  const real = await realpath(path).catch(() => path);
  return /^\/(proc|sys)\//.test(real);
}

/** Reads an open file to its end, keeping at most the newest `maxBytes` (and saying if it cut). */
async function readToEnd(handle: FileHandle, maxBytes: number): Promise<{ data: Buffer; cut: boolean; total: number }> {
  const pieces: Buffer[] = [];
  let kept = 0;
  let total = 0;
  let cut = false;
  for (;;) {
    const buf = Buffer.allocUnsafe(CHUNK);
    // Position null: pseudo files are read as a stream (some refuse positioned reads past 0).
    const { bytesRead } = await handle.read(buf, 0, CHUNK, null);
    if (bytesRead === 0) break;
    pieces.push(buf.subarray(0, bytesRead));
    kept += bytesRead;
    total += bytesRead;
    while (kept > maxBytes && pieces.length > 0) {
      cut = true;
      const over = kept - maxBytes;
      if (pieces[0]!.length <= over) kept -= pieces.shift()!.length;
      else {
        pieces[0] = pieces[0]!.subarray(over);
        kept -= over;
      }
    }
  }
  return { data: Buffer.concat(pieces), cut, total };
}

/** A pseudo file, already read: its bytes are the entry (a structured one over the cap is refused). */
function pseudoFile({ data, cut, total }: { data: Buffer; cut: boolean; total: number }, opts: PrepareOptions): PrepareResult {
  const why: Reason | undefined = cut ? { code: 'cut-newest', keptBytes: data.length, fileBytes: total, capBytes: opts.maxBytes } : undefined;
  if (cut && opts.mode === 'whole') return { ok: false, reason: `is over the ${humanSize(opts.maxBytes)} cap; structured files are kept whole or not at all` };
  return {
    ok: true,
    size: data.length,
    fileSize: data.length,
    truncated: cut,
    open: async () => ({ stream: Readable.from([data], { objectMode: false }), truncated: cut, cut: why }),
    read: async () => ({ data, truncated: cut, ...(why ? { cut: why } : {}) }),
  };
}

/** The device and inode of a file, as prepareFile opened it. */
interface Identity {
  dev: bigint;
  ino: bigint;
}

/** An entry of at most this many bytes is one read of `open`'s stream, so `read` can take it at once. */
const READ_AT_ONCE_BYTES = CHUNK;

/** A prepared file opened again, checked again, with where its entry starts and ends. */
interface Reopened {
  handle: FileHandle;
  /** What happened since it was listed; reading adds to it. */
  notes: string[];
  start: number;
  end: number;
  /** The truncation marker line, for a cut log. */
  marker: Buffer | undefined;
}

async function reopen(path: string, fileSize: number, keepNewest: number | undefined, identity: Identity, guard: Guard): Promise<Reopened> {
  let handle: FileHandle;
  let st: BigIntStats;
  try {
    // Checked again: the link may have been swapped since prepareFile looked.
    ({ handle, st } = await openRegular(path, guard));
  } catch (err) {
    if (err instanceof RefusedFileError) throw new Error(`${path} ${err.message}`);
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${path} vanished before it could be read (it was there when the collection started; deleted or rotated away since)`);
    if (code) throw new Error(`${path}: ${fileErrorReason(err)}`);
    throw err;
  }

  const notes: string[] = [];
  if (st.ino !== identity.ino || st.dev !== identity.dev) notes.push('the file was replaced after it was listed (log rotation?); the new file was read');
  let start = 0;
  const end = fileSize;
  let marker: Buffer | undefined;
  try {
    if (keepNewest !== undefined) {
      start = await nextLineStart(handle, fileSize - keepNewest, end);
      notes.push(`kept the newest ${end - start} of ${fileSize} bytes; older lines omitted`);
      marker = Buffer.from(
        `[diagcollect: truncated — kept the newest ${end - start} bytes of ${fileSize} (${humanSize(end - start)} of ${humanSize(fileSize)}); older lines omitted]\n`,
        'utf8',
      );
    }
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw err;
  }
  return { handle, notes, start, end, marker };
}

/** Why an entry is cut short, as a code: the per-file cap first (its newest bytes kept), else a file that grew while read. */
function cutReason(keepNewest: number | undefined, start: number, end: number, fileSize: number, grewTo: number | undefined): Reason | undefined {
  if (keepNewest !== undefined) return { code: 'cut-newest', keptBytes: end - start, fileBytes: fileSize, capBytes: keepNewest };
  if (grewTo !== undefined) return { code: 'cut-grew', seenBytes: fileSize, nowBytes: grewTo };
  return undefined;
}

const shrankNote = (read: number, wanted: number) => `the file shrank while being read: ${read} of ${wanted} bytes could be read (truncated or rotated meanwhile?)`;
const grewNote = (now: number, seen: number) => `file grew while being read (now ${now} bytes); cut at the ${seen} bytes seen when it was listed`;

async function openPrepared(path: string, fileSize: number, keepNewest: number | undefined, identity: Identity, guard: Guard): Promise<OpenedFile> {
  const { handle, notes, start, end, marker } = await reopen(path, fileSize, keepNewest, identity, guard);
  let grew = false;
  let grewTo = 0;
  let shrank = false;

  let closed = false;
  const closeHandle = async () => {
    if (closed) return;
    closed = true;
    await handle.close().catch(() => undefined);
  };

  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      if (marker) yield marker;
      let pos = start;
      while (pos < end) {
        const want = Math.min(CHUNK, end - pos);
        const buf = Buffer.allocUnsafe(want);
        const { bytesRead } = await handle.read(buf, 0, want, pos);
        if (bytesRead === 0) {
          shrank = true;
          notes.push(shrankNote(pos - start, end - start));
          break;
        }
        pos += bytesRead;
        yield buf.subarray(0, bytesRead);
      }
      if (!shrank) {
        const after = await handle.stat().catch(() => undefined);
        if (after && after.size > fileSize) {
          grew = true;
          grewTo = after.size;
          notes.push(grewNote(after.size, fileSize));
        }
      }
    } finally {
      await closeHandle();
    }
  }

  const stream = Readable.from(chunks(), { objectMode: false });
  // A stream destroyed before its first read never enters the generator: close the handle here too.
  stream.once('close', () => void closeHandle());
  return {
    stream,
    get truncated() {
      return keepNewest !== undefined || grew;
    },
    get note() {
      return notes.length > 0 ? notes.join('; ') : undefined;
    },
    get cut() {
      return cutReason(keepNewest, start, end, fileSize, grew ? grewTo : undefined);
    },
  };
}

/**
 * PreparedFile.read: what openPrepared's stream yields, in one buffer. One byte more than the
 * entry is asked for, so a file that grew says so without another fstat (only then is it
 * stat'ed, for the note).
 */
async function readPrepared(path: string, fileSize: number, keepNewest: number | undefined, identity: Identity, guard: Guard): Promise<ReadFile> {
  const { handle, notes, start, end, marker } = await reopen(path, fileSize, keepNewest, identity, guard);
  let grew = false;
  let grewTo = 0;
  try {
    const wanted = end - start;
    const buf = Buffer.allocUnsafe(wanted + 1);
    let got = 0;
    let error: unknown;
    try {
      for (;;) {
        const { bytesRead } = await handle.read(buf, got, buf.length - got, start + got);
        if (bytesRead === 0) break;
        got += bytesRead;
        if (got === buf.length) break;
      }
    } catch (err) {
      error = err;
    }
    if (error !== undefined) {
      // As the stream: what was read (the marker, at least) is the entry; the caller says why it stopped.
      const partial = buf.subarray(0, Math.min(got, wanted));
      return { data: marker ? Buffer.concat([marker, partial]) : partial, truncated: true, error };
    }
    if (got < wanted) notes.push(shrankNote(got, wanted));
    else if (got > wanted) {
      const after = await handle.stat().catch(() => undefined);
      if (after && after.size > fileSize) {
        grew = true;
        grewTo = after.size;
        notes.push(grewNote(after.size, fileSize));
      }
    }
    const data = buf.subarray(0, Math.min(got, wanted));
    const cut = cutReason(keepNewest, start, end, fileSize, grew ? grewTo : undefined);
    return {
      data: marker ? Buffer.concat([marker, data]) : data,
      truncated: keepNewest !== undefined || grew,
      ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
      ...(cut ? { cut } : {}),
    };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The offset of the first line that starts at or after `offset` (or `offset` if no newline is near). */
async function nextLineStart(handle: FileHandle, offset: number, end: number): Promise<number> {
  if (offset <= 0) return 0;
  // Look at the byte before the cut too: if it is a newline, the cut is already at a line start.
  const want = Math.min(LINE_SEARCH, end - offset + 1);
  const buf = Buffer.alloc(want);
  const { bytesRead } = await handle.read(buf, 0, want, offset - 1);
  const nl = buf.subarray(0, bytesRead).indexOf(10);
  const lineStart = offset - 1 + nl + 1;
  // No newline near, or only the very last byte: keep the partial line rather than nothing.
  return nl < 0 || lineStart >= end ? offset : lineStart;
}
