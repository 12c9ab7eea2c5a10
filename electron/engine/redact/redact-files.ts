/**
 * `diagcollect redact`: redacted copies of files a user attaches by hand (like `sos clean`), of a
 * whole folder, or of an existing archive (re-redaction after IT added rules). Text is streamed
 * through the same policy Redactor as a collection (constant memory); binary content is copied
 * untouched and said so. Nothing is overwritten; the placeholder map stays local (never in the
 * output), and a report lists per file what was replaced, by rule — never the values.
 */
import { createReadStream, createWriteStream, constants as fsConstants, type Dirent } from 'node:fs';
import { copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat as statFollow, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type yauzl from 'yauzl';
import { ARCHIVE_LANGUAGES, standardName } from '../../../shared/naming.js';
import type { Policy } from '../../../shared/policy.js';
import { EntryInputError } from '../archive/archive-errors.js';
import { createTempBeside, publishWithoutOverwrite, removeQuietly } from '../archive/atomic-output.js';
import { ZipWriter, type BeforePublish } from '../archive/zip-writer.js';
import { closeZip, openEntryStream, openZip, zipEntries, ZipReadError } from '../archive/zip-read.js';
import { rewriteZip } from '../archive/zip-rewrite.js';
import { CancelledError, errnoCause, InputError } from '../errors.js';
import { isProbablyBinary, SNIFF_BYTES, type TextEncoding } from './decode.js';
import type { StructureOutcome, TextFormat } from './formats.js';
import { LeakMatcher, LeakWatch, scanArchiveForLeaks, leakCandidates } from './leak-check.js';
import { mendText } from './mend.js';
import { createRedactor, saveRedactionMap } from './policy-redactor.js';
import { loadAnalyses } from './analyses.js';
import type { Redactor } from './redactor.js';
import { routeThroughRedactor } from './route.js';

export type RedactInputKind = 'file' | 'directory' | 'archive';

/** What happened to one file (or archive entry). */
export interface RedactedFile {
  /** Relative name (folder, archive entry) or the file's name. */
  name: string;
  /**
   * redacted: went through the Redactor (perhaps with nothing found); binary: copied untouched;
   * generated: a report entry of a diagcollect archive, copied untouched (see `reason`);
   * skipped: not copied.
   */
  status: 'redacted' | 'binary' | 'generated' | 'skipped';
  /** Replacements per rule id (redacted only). */
  counts: Record<string, number>;
  /** Bytes written to the output. */
  bytes?: number;
  /** The input encoding, when it was not UTF-8 (the copy is UTF-8). */
  encoding?: TextEncoding;
  /** Why it was skipped or copied untouched. */
  reason?: string;
  /** The file's format, and a note when its structure could not be kept or checked. */
  format?: TextFormat;
  structureNote?: string;
}

export interface RedactFilesOptions {
  input: string;
  /** Where the copy goes (default: beside the input). */
  outDir?: string;
  policy: Policy;
  /** Where the placeholder → value map is saved (mode 0600); not saved when unset. */
  redactionMapDir?: string;
  signal?: AbortSignal;
  now?: () => Date;
  /** Tests: a ready Redactor instead of one made from policy. */
  redactor?: Redactor;
  /** Bounds on what an archive may inflate to (defaults: {@link DEFAULT_ARCHIVE_LIMITS}). */
  archiveLimits?: Partial<ArchiveLimits>;
}

/**
 * What an input archive may inflate to before anything is written (issue 13, "bounded by
 * design"): the sizes are those its central directory declares, and every entry is checked
 * against its declared size as it is read (zip-read.ts, validateEntrySizes), so a directory
 * that lies cannot get past them either.
 *
 * A zip bomb is judged by what it would cost, its total inflated size, not by its ratio: deflate
 * cannot exceed ~1032:1, and a log of one line repeated (our own `collect` of a 100 MB heartbeat
 * log) reaches the same ratios as zeros do, so no ratio tells a bomb from a real collection. The
 * copy is streamed (memory stays flat) and deflated again, so the total bounds the time and the
 * work; a nested archive is copied as binary, never opened.
 */
export interface ArchiveLimits {
  /**
   * Optional, off by default: the most an entry larger than {@link RATIO_FLOOR_BYTES} may inflate
   * to, as a multiple of its compressed size (`--max-ratio`), for whoever wants to refuse
   * repetitive content too.
   */
  maxRatio?: number;
  /** The most all entries may inflate to together, in bytes. */
  maxBytes: number;
}

/**
 * 2048 MB in all: twice the largest collection the benchmarks make with caps raised by policy
 * (1 GB), and half of what a single 32-bit zip entry of zeros declares (a "4 GB" bomb).
 */
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = { maxBytes: 2048 * 1024 * 1024 };

/** Entries up to this size are never refused for their ratio (a small file of zeros is harmless). */
export const RATIO_FLOOR_BYTES = 64 * 1024 * 1024;

export interface RedactFilesResult {
  input: string;
  kind: RedactInputKind;
  output: string;
  report: string;
  /** The local placeholder map (never send it). */
  map?: string;
  rules: string[];
  files: RedactedFile[];
  totals: Record<string, number>;
  /** Some file could not be read or copied (see files[].reason). */
  partial: boolean;
}

/** `notes.redacted.txt`, `logs-redacted`, `archive.redacted.zip`: where the copy of `input` goes. */
export function redactedName(input: string, kind: RedactInputKind): string {
  const name = basename(resolve(input));
  if (kind === 'directory') return `${name}-redacted`;
  if (kind === 'archive') return `${name.replace(/\.zip$/i, '')}.redacted.zip`;
  const ext = extname(name);
  return ext && ext !== name ? `${name.slice(0, -ext.length)}.redacted${ext}` : `${name}.redacted`;
}

/** The report beside the output: `<output>.redaction-report.txt`. */
export function reportPathFor(output: string): string {
  return `${output}.redaction-report.txt`;
}

/** Redacts the input into a new copy; see the file comment. Throws InputError for bad input. */
export async function redactFiles(options: RedactFilesOptions): Promise<RedactFilesResult> {
  const input = resolve(options.input);
  const kind = await inputKind(input);
  const outDir = options.outDir ? resolve(options.outDir) : dirname(input);
  const output = join(outDir, redactedName(input, kind));
  const report = reportPathFor(output);
  if (kind === 'directory' && (outDir === input || outDir.startsWith(input + sep))) {
    throw InputError.coded('redact-out-inside', { out: outDir, input }, `--out ${outDir} is inside the folder being redacted; choose a folder outside ${input}`);
  }
  await refuse(output);
  await refuse(report);
  // An archive is checked whole before anything is created: a refusal leaves nothing behind.
  const archivePlan = kind === 'archive' ? await inspectArchive(input, { ...DEFAULT_ARCHIVE_LIMITS, ...options.archiveLimits }) : undefined;
  let created: string | undefined;
  try {
    created = await mkdir(outDir, { recursive: true });
  } catch (err) {
    throw InputError.coded('redact-out-create', { path: outDir, cause: errnoCause(err) }, `cannot create the output folder ${outDir}: ${message(err)}`);
  }
  // The build's analyses of the rule table first (analyses.ts): the Redactor's rule set is built from them.
  await loadAnalyses();
  const redactor = options.redactor ?? createRedactor(options.policy);
  const signal = options.signal;
  const files: RedactedFile[] = [];
  try {
    if (kind === 'file') files.push(await redactSingleFile(input, output, redactor));
    else if (kind === 'directory') await redactDirectory(input, output, redactor, files, signal);
    else await redactArchive(input, output, redactor, files, archivePlan!, signal);
  } catch (err) {
    // Nothing was written: the folders this run made for the copy go too (only while empty).
    if (created) await removeEmptyFolders(created, outDir);
    throw err;
  }

  const totals: Record<string, number> = {};
  for (const f of files) for (const [rule, n] of Object.entries(f.counts)) totals[rule] = (totals[rule] ?? 0) + n;
  const result: RedactFilesResult = {
    input,
    kind,
    output,
    report,
    rules: redactor.activeRules(),
    files,
    totals,
    partial: files.some((f) => f.status === 'skipped'),
  };
  await writeFile(report, formatRedactionReport(result, redactor, (options.now ?? (() => new Date()))()), { flag: 'wx' });
  if (options.redactionMapDir) result.map = await saveRedactionMap(options.redactionMapDir, basename(output), redactor);
  return result;
}

/** The text report: per file, counts per rule; names pass through the Redactor (never a value). */
export function formatRedactionReport(result: Omit<RedactFilesResult, 'map'>, redactor: Redactor, date: Date): string {
  const scrub = (text: string) => redactor.redactText(text).text;
  const lines = [
    'diagcollect redaction report',
    `Date:    ${date.toISOString()}`,
    `Input:   ${scrub(basename(result.input))} (${result.kind})`,
    `Output:  ${scrub(basename(result.output))}`,
    `Rules:   ${result.rules.join(', ')}`,
    '',
  ];
  const width = Math.min(60, Math.max(4, ...result.files.map((f) => scrub(f.name).length)));
  for (const f of result.files) {
    const name = scrub(f.name).padEnd(width);
    if (f.status === 'binary') lines.push(`${name}  not redacted: binary (copied unchanged)`);
    else if (f.status === 'skipped') lines.push(`${name}  not copied: ${scrub(f.reason ?? 'skipped')}`);
    else if (f.status === 'generated') lines.push(`${name}  copied unchanged: ${f.reason ?? 'generated from redacted data'}`);
    else {
      const counts = Object.entries(f.counts).sort((a, b) => b[1] - a[1]);
      const what = counts.length ? counts.map(([rule, n]) => `${n} ${rule}`).join(', ') : 'nothing found';
      const notes = [f.encoding && f.encoding !== 'utf8' ? `converted from ${f.encoding} to UTF-8` : '', f.structureNote ?? '', f.reason ?? ''].filter(Boolean);
      lines.push(`${name}  redacted: ${what}${notes.length ? ` (${notes.join('; ')})` : ''}`);
    }
  }
  const totals = Object.entries(result.totals).sort((a, b) => b[1] - a[1]);
  lines.push('', `Total:   ${totals.length ? totals.map(([rule, n]) => `${n} ${rule}`).join(', ') : 'nothing was replaced'}`);
  if (result.kind === 'archive') lines.push('Note:    sizes and checksums in the archive\'s manifest describe the original entries.');
  lines.push('Placeholders such as <EMAIL-1> stand for the same value in every file; what they stand for stays on the computer that made this copy.');
  return `${lines.join('\n')}\n`;
}

async function inputKind(input: string): Promise<RedactInputKind> {
  let stat;
  try {
    stat = await lstat(input);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' ? InputError.coded('redact-missing', { path: input }, `${input} does not exist`) : InputError.coded('redact-unreadable', { path: input, cause: errnoCause(err) }, `cannot read ${input}: ${message(err)}`);
  }
  if (stat.isSymbolicLink()) {
    // Follow a link given by name: the user chose it.
    stat = await statFollow(input).catch((err: unknown) => {
      throw InputError.coded('redact-unreadable', { path: input, cause: errnoCause(err) }, `cannot read ${input}: ${message(err)}`);
    });
  }
  if (stat.isDirectory()) return 'directory';
  if (!stat.isFile()) throw InputError.coded('redact-not-file', { path: input }, `${input} is not a file, folder or .zip archive`);
  return /\.zip$/i.test(input) ? 'archive' : 'file';
}

/** Removes `leaf` and its parents up to `top` (the first folder mkdir created), each only if empty. */
async function removeEmptyFolders(top: string, leaf: string): Promise<void> {
  for (let dir = leaf; ; dir = dirname(dir)) {
    try {
      await rmdir(dir);
    } catch {
      return;
    }
    if (dir === top || dirname(dir) === dir) return;
  }
}

async function refuse(path: string): Promise<void> {
  try {
    await lstat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw InputError.coded('redact-unreadable', { path, cause: errnoCause(err) }, `cannot check ${path}: ${message(err)}`);
  }
  throw InputError.coded('redact-exists', { path }, `${path} already exists; nothing was overwritten. Remove it or choose another folder with --out`);
}

async function sniff(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Streams one text file through a new Redactor stream into `dest` (created exclusively). */
async function streamRedacted(src: string, dest: string, redactor: Redactor, flags: 'wx' | { fd: number }): Promise<{ counts: Record<string, number>; bytes: number; encoding?: TextEncoding; format?: TextFormat; structureNote?: string }> {
  const redact = redactor.createStream({ name: basename(src) });
  const out = typeof flags === 'string' ? createWriteStream(dest, { flags }) : createWriteStream(dest, { fd: flags.fd });
  await pipeline(createReadStream(src), redact, out);
  const encoding = redact.encoding();
  return { counts: redact.counts(), bytes: out.bytesWritten, ...(encoding ? { encoding } : {}), ...structureFields(redact.structure()) };
}

async function redactSingleFile(input: string, output: string, redactor: Redactor): Promise<RedactedFile> {
  const name = basename(input);
  let head: Buffer;
  try {
    head = await sniff(input);
  } catch (err) {
    throw InputError.coded('redact-unreadable', { path: input, cause: errnoCause(err) }, `cannot read ${input}: ${message(err)}`);
  }
  if (isProbablyBinary(head)) {
    throw InputError.coded('redact-binary', { path: input }, `${input} is binary content (not text): it cannot be redacted, so no copy was written. Attach it only if you know what is inside`);
  }
  const { tempPath, fd } = await createTempBeside(output);
  try {
    const r = await streamRedacted(input, tempPath, redactor, { fd });
    await publishWithoutOverwrite(tempPath, output);
    return { name, status: 'redacted', ...r };
  } catch (err) {
    await removeQuietly(tempPath);
    throw err;
  }
}

async function redactDirectory(input: string, output: string, redactor: Redactor, files: RedactedFile[], signal?: AbortSignal): Promise<void> {
  const temp = join(dirname(output), `.${basename(output)}.${process.pid}.partial`);
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp);
  const written: WrittenFile[] = [];
  try {
    const walk = async (dir: string): Promise<void> => {
      let entries: Dirent[];
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (err) {
        files.push({ name: rel(input, dir), status: 'skipped', counts: {}, reason: `folder not readable: ${message(err)}` });
        return;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (signal?.aborted) throw new CancelledError('redaction cancelled; no copy was written');
        const src = join(dir, entry.name);
        const name = rel(input, src);
        const dest = join(temp, relative(input, src));
        if (entry.isDirectory()) {
          await mkdir(dest);
          await walk(src);
        } else if (entry.isSymbolicLink()) {
          files.push({ name, status: 'skipped', counts: {}, reason: 'symbolic link (not followed)' });
        } else if (!entry.isFile()) {
          files.push({ name, status: 'skipped', counts: {}, reason: 'not a regular file' });
        } else {
          const learnedBefore = redactor.seenValues().size;
          const file = await redactOneOf(src, dest, name, redactor);
          files.push(file);
          if (file.status === 'redacted') written.push({ file, path: dest, learnedBefore });
        }
      }
    };
    await walk(input);
    await mendFolder(written, redactor, signal);
    await refuse(output);
    await rename(temp, output);
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
}

/** A text file of a folder copy, and how many values the redactor knew when it began. */
interface WrittenFile {
  file: RedactedFile;
  path: string;
  learnedBefore: number;
}

const MENDED_REASON = 'mended: redacted again once the copy was complete (a value was learned after this file was written)';

/**
 * The folder copy's mend step (as an archive's, redact/mend.ts): a value learned from a later file
 * (a name or login, learned-values.ts) still stands in the files written before it. Every file
 * written while the redactor still learned is searched for the values; each that holds one is
 * redacted again (same placeholders) in place, and checked again. A value that still stands is
 * said in the file's line of the report.
 */
async function mendFolder(written: readonly WrittenFile[], redactor: Redactor, signal: AbortSignal | undefined): Promise<void> {
  const learned = redactor.seenValues().size;
  const late = written.filter((w) => w.learnedBefore < learned);
  const values = leakCandidates(redactor.seenValues(), '');
  if (late.length === 0 || values.length === 0) return;
  const find = async (path: string): Promise<Set<string>> => {
    const matcher = new LeakMatcher(values);
    matcher.beginEntry(path);
    for await (const chunk of createReadStream(path)) {
      if (signal?.aborted) throw new CancelledError('redaction cancelled; no copy was written');
      matcher.push(chunk as Buffer);
    }
    return new Set(matcher.endEntryRaw().map((hit) => values[hit.value]!));
  };
  for (const w of late) {
    const found = await find(w.path);
    if (found.size === 0) continue;
    const mended = `${w.path}.mend`;
    let counts: Record<string, number> = {};
    await pipeline(
      mendText(createReadStream(w.path), w.file.name, redactor, found, (c) => (counts = c)),
      createWriteStream(mended, { flags: 'wx' }),
    );
    await rename(mended, w.path);
    for (const [rule, n] of Object.entries(counts)) if (n > 0) w.file.counts[rule] = (w.file.counts[rule] ?? 0) + n;
    w.file.bytes = (await lstat(w.path)).size;
    const still = await find(w.path);
    w.file.reason = still.size === 0 ? MENDED_REASON : `not mended: a value learned after this file was written still stands in it; look at it before sending`;
  }
}

async function redactOneOf(src: string, dest: string, name: string, redactor: Redactor): Promise<RedactedFile> {
  try {
    if (isProbablyBinary(await sniff(src))) {
      await copyFile(src, dest, fsConstants.COPYFILE_EXCL);
      const { size } = await lstat(dest);
      return { name, status: 'binary', counts: {}, bytes: size };
    }
    return { name, status: 'redacted', ...(await streamRedacted(src, dest, redactor, 'wx')) };
  } catch (err) {
    if (isOutputFatal(err)) throw err;
    await removeQuietly(dest);
    return { name, status: 'skipped', counts: {}, reason: `not readable: ${message(err)}` };
  }
}

/** What {@link inspectArchive} found: entries copied as a note only (not as files). */
interface ArchivePlan {
  /** Entry name → why it is not copied (a symbolic link). */
  skip: Map<string, string>;
}

const MB = 1024 * 1024;
const mb = (bytes: number): string => String(Math.max(1, Math.ceil(bytes / MB)));

/** A zip entry made on Unix whose mode says symbolic link: its data is the link's target. */
function isSymlinkEntry(entry: yauzl.Entry): boolean {
  return entry.versionMadeBy >> 8 === 3 && ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000;
}

/** yauzl's refusals of an entry name (validateFileName): absolute, `..`, or a backslash kept by strictFileNames. */
const UNSAFE_NAME = /^(?:invalid relative path|absolute path|invalid characters in fileName): (.*)$/s;

/**
 * Reads the archive's central directory once (no entry is inflated) and refuses, before anything
 * is written, what cannot be redacted whole: encrypted entries (a copy without them would look
 * complete; the user can unpack with the password and redact the folder), names that would land
 * outside the folder on unpacking, two entries of one name, and entries or a total past the
 * limits (a zip bomb). Symbolic-link entries are not files: they are listed as not copied.
 */
async function inspectArchive(input: string, limits: ArchiveLimits): Promise<ArchivePlan> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(input);
  } catch (err) {
    throw InputError.coded('redact-not-zip', { path: input }, `${message(err)}; no copy was written`);
  }
  const skip = new Map<string, string>();
  const names = new Set<string>();
  const encrypted: string[] = [];
  let total = 0;
  try {
    for await (const entry of zipEntries(zip)) {
      const name = entry.fileName;
      if (names.has(name)) {
        throw InputError.coded('redact-duplicate', { path: input, entry: name }, `${input} holds two entries named ${name}: unpacking it would overwrite one with the other, so no copy was written. Get the archive again, or unpack it with a tool that asks before overwriting and redact the folder`);
      }
      names.add(name);
      if (name.endsWith('/')) continue;
      if (entry.isEncrypted()) encrypted.push(name);
      if (isSymlinkEntry(entry)) skip.set(name, 'symbolic link (not followed)');
      const size = entry.uncompressedSize;
      total += size;
      const ratio = size / Math.max(1, entry.compressedSize);
      if (limits.maxRatio !== undefined && size > RATIO_FLOOR_BYTES && ratio > limits.maxRatio) {
        const r = String(Math.ceil(ratio));
        throw InputError.coded(
          'redact-ratio',
          { path: input, entry: name, compressedMb: mb(entry.compressedSize), sizeMb: mb(size), ratio: r, limit: String(limits.maxRatio), suggest: r },
          `entry ${name} of ${input} would inflate from ${mb(entry.compressedSize)} MB to ${mb(size)} MB (${r}:1, more than the limit of ${limits.maxRatio}:1): it looks like a zip bomb, so no copy was written. Only if you trust the archive, run again with --max-ratio ${r}`,
        );
      }
      if (total > limits.maxBytes) {
        // The whole directory is summed for the figure: the user learns what --max-size would need.
        for await (const rest of zipEntries(zip)) total += rest.uncompressedSize;
        throw InputError.coded(
          'redact-too-large',
          { path: input, sizeMb: mb(total), limitMb: mb(limits.maxBytes), suggest: mb(total) },
          `${input} would inflate to ${mb(total)} MB in all, more than the limit of ${mb(limits.maxBytes)} MB, so no copy was written: if you trust the archive and have the disk space, run again with --max-size ${mb(total)}, or redact its parts separately`,
        );
      }
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    const unsafe = err instanceof ZipReadError && err.cause instanceof Error ? UNSAFE_NAME.exec(err.cause.message) : null;
    if (unsafe) {
      const entry = unsafe[1]!;
      throw InputError.coded('redact-unsafe-name', { path: input, entry }, `entry ${entry} of ${input} has a name that points outside the folder it would be unpacked into (an absolute path or ..), so no copy was written: do not unpack this archive; ask whoever sent it for a new one`);
    }
    throw InputError.coded('redact-not-zip', { path: input }, err instanceof ZipReadError ? `${err.message}; no copy was written` : `${input} is not a readable zip archive: ${message(err)}; no copy was written`);
  } finally {
    await closeZip(zip);
  }
  if (encrypted.length > 0) {
    const shown = encrypted.slice(0, 5).join(', ') + (encrypted.length > 5 ? ', …' : '');
    throw InputError.coded(
      'redact-encrypted',
      { path: input, count: String(encrypted.length), entries: shown },
      `${input} holds ${encrypted.length} password-protected (encrypted) ${encrypted.length === 1 ? 'entry' : 'entries'} (${shown}): they cannot be read, so they cannot be redacted, and no copy was written. Unpack the archive with its password (7-Zip, unzip), then redact the folder: diagcollect redact <folder>`,
    );
  }
  return { skip };
}

async function redactArchive(input: string, output: string, redactor: Redactor, files: RedactedFile[], plan: ArchivePlan, signal?: AbortSignal): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(input);
  } catch (err) {
    throw InputError.coded('redact-not-zip', { path: input }, `${message(err)}; no copy was written`);
  }
  // The leak watch sees each entry as written: an entry written before a name was learned (in a
  // later entry) is mended before the copy is published, as a collection's is (redact/mend.ts).
  const watch = new LeakWatch(() => redactor.seenValues());
  const writer = await ZipWriter.open(output, { watch });
  try {
    for await (const entry of zipEntries(zip)) {
      if (signal?.aborted) throw new CancelledError('redaction cancelled; no copy was written');
      const name = entry.fileName;
      if (name.endsWith('/')) continue;
      const skipped = plan.skip.get(name);
      if (skipped !== undefined) {
        files.push({ name, status: 'skipped', counts: {}, reason: skipped });
        continue;
      }
      let source: Readable;
      try {
        source = await openEntryStream(zip, entry);
      } catch (err) {
        files.push({ name, status: 'skipped', counts: {}, reason: `not readable: ${message(err)}` });
        continue;
      }
      const generated = generatedEntryReason(name);
      if (generated !== undefined) {
        try {
          const written = await writer.addStream(name, source, { mtime: entry.getLastModDate() });
          files.push({ name, status: 'generated', counts: {}, bytes: written.size, reason: generated });
        } catch (err) {
          if (isOutputFatal(err)) throw err;
          throw InputError.coded('redact-entry', { entry: name, path: input }, `entry ${name} of ${input} cannot be read (${readFailure(err)}); the archive is damaged or cut short: get it again. No copy was written`);
        }
        continue;
      }
      const { stream, outcome } = routeThroughRedactor(source, redactor, name);
      outcome.catch(() => undefined);
      try {
        const written = await writer.addStream(name, stream, { mtime: entry.getLastModDate() });
        const o = await outcome;
        files.push(
          o.binary
            ? { name, status: 'binary', counts: {}, bytes: written.size }
            : { name, status: 'redacted', counts: o.counts, bytes: written.size, ...(o.encoding ? { encoding: o.encoding } : {}), ...structureFields(o.structure) },
        );
      } catch (err) {
        if (isOutputFatal(err)) throw err;
        // A broken entry (bad CRC, truncated): the writer kept what was read; a partial copy of a
        // secret-bearing file is no better than none, so the whole run fails rather than guess.
        throw InputError.coded('redact-entry', { entry: name, path: input }, `entry ${name} of ${input} cannot be read (${readFailure(err)}); the archive is damaged or cut short: get it again. No copy was written`);
      }
    }
    await writer.finalize(mendBeforePublish(watch, output, redactor, files, signal));
  } catch (err) {
    await writer.abort();
    if (err instanceof InputError || err instanceof CancelledError) throw err;
    if (isOutputFatal(err)) throw err;
    throw InputError.coded('redact-not-zip', { path: input }, err instanceof ZipReadError ? `${err.message}; no copy was written` : `${input} is not a readable zip archive: ${message(err)}; no copy was written`);
  } finally {
    zip.close();
  }
}

/**
 * The copy's mend step: text entries holding a value learned after they were written are
 * redacted again (same placeholders) into a copy of the finished archive, checked, and published
 * instead. Binary and generated entries are never rewritten; a copy that still holds a value in
 * a rewritten entry is dropped (the first one is published as before).
 */
function mendBeforePublish(watch: LeakWatch, output: string, redactor: Redactor, files: RedactedFile[], signal: AbortSignal | undefined): BeforePublish {
  return async (tempPath) => {
    const hits = await watch.finishWithValues(tempPath, '', signal ? { signal } : {});
    const byName = new Map(files.map((f) => [f.name, f]));
    const valuesOf = new Map<string, Set<string>>();
    for (const hit of hits) if (byName.get(hit.entry)?.status === 'redacted') valuesOf.set(hit.entry, (valuesOf.get(hit.entry) ?? new Set()).add(hit.value));
    if (valuesOf.size === 0) return undefined;
    // Applied to the report only once the copy passed its check.
    const updates: (() => void)[] = [];
    const copy = await rewriteZip({
      source: tempPath,
      finalPath: output,
      ...(signal ? { signal } : {}),
      rewrite: (name) => {
        const values = valuesOf.get(name);
        const file = byName.get(name);
        if (!values || !file) return undefined;
        return {
          kind: 'transform',
          transform: (old) =>
            mendText(old, name, redactor, values, (counts) =>
              updates.push(() => {
                for (const [rule, n] of Object.entries(counts)) file.counts[rule] = (file.counts[rule] ?? 0) + n;
              }),
            ),
        };
      },
      written: (result) => {
        const file = byName.get(result.name);
        if (file) {
          updates.push(() => {
            file.bytes = result.size;
            file.reason = 'mended: redacted again once the copy was complete (a value was learned after this entry was written)';
          });
        }
      },
    });
    const still = await scanArchiveForLeaks(copy.path, leakCandidates(redactor.seenValues(), ''), { entries: new Set(valuesOf.keys()), ...(signal ? { signal } : {}) });
    if (still.length === 0) {
      for (const update of updates) update();
      return copy;
    }
    await removeQuietly(copy.path);
    return undefined;
  };
}

function structureFields(s: StructureOutcome | undefined): { format?: TextFormat; structureNote?: string } {
  if (!s) return {};
  return { format: s.format, ...(s.note ? { structureNote: s.note } : {}) };
}

/**
 * Entries a diagcollect archive renders from already-redacted data (the summary page, the
 * checklist results, the ticket text): redacting their markup as text would only damage it
 * (a CSS colour named `--pass` is not a password), so they are copied as they are.
 */
const GENERATED_ENTRIES = new Set(
  (['summary', 'checks', 'intake', 'recordingSteps'] as const).flatMap((key) => ARCHIVE_LANGUAGES.map((lang) => standardName(key, lang))),
);

/** Why an archive entry is copied untouched, or undefined when it is redacted like any other. */
export function generatedEntryReason(name: string): string | undefined {
  return GENERATED_ENTRIES.has(name) ? 'generated by diagcollect from redacted data (not redacted again as text)' : undefined;
}

function rel(root: string, path: string): string {
  return relative(root, path).split(sep).join('/') || '.';
}

/** Why an entry could not be read: the stream's own error, not the writer's "kept with those bytes" (nothing is kept here). */
function readFailure(err: unknown): string {
  return err instanceof EntryInputError && err.cause instanceof Error ? err.cause.message : message(err);
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function isOutputFatal(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EIO' || code === 'EDQUOT' || code === 'EROFS' || (err as { fatal?: boolean } | undefined)?.fatal === true;
}
