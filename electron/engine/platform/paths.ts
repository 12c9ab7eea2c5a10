/**
 * Paths from policy (`appLogPaths`, `configPaths`): variables expanded per platform, then a file,
 * a folder or a glob resolved to a bounded list of files, newest first. Nothing here follows a
 * symbolic link to a folder, walks deeper than a bound or visits more than a bound of entries:
 * a huge tree is reported, not walked forever.
 */
import type { Dir, Dirent } from 'node:fs';
import { lstat, opendir, realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { rootWidePathReason } from '../../../shared/policy-paths.js';
import type { PolicyIssue } from '../../../shared/input-errors.js';
import type { Reason } from '../../../shared/reasons.js';
import { fileErrorCode, fileErrorReason, specialFileReason } from './files.js';
import { protectedPathReason } from './protected-paths.js';

/** `escapes`: the path climbs out with `..` once expanded (a policy error, not a missing variable). */
export type ExpandResult = { ok: true; path: string } | { ok: false; reason: string; escapes?: boolean };

/** Looks a variable up; Windows variable names are case-insensitive (`%ProgramData%` = `PROGRAMDATA`). */
function lookup(env: NodeJS.ProcessEnv, name: string, platform: NodeJS.Platform): string | undefined {
  if (platform !== 'win32') return env[name];
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : env[key];
}

/**
 * Expands `~` (home folder), and `$VAR` / `${VAR}` on Linux and macOS or `%VAR%` on Windows
 * (`%ProgramData%`, `%LOCALAPPDATA%`, `%ProgramFiles(x86)%` …). A variable that is not set (or
 * empty) is an error with a reason, never silently replaced by nothing: `$LOGDIR/app.log` must
 * not become `/app.log`.
 *
 * The result is normalised (`//` and `.` segments gone) AFTER expansion, and a `..` segment that
 * appears only then (`LOGDIR=/var/log/../../etc`, `$LOGDIR/shadow`) is refused (`escapes`): the
 * policy's "no .." rule holds for what is actually opened, not only for what was written.
 */
export function expandPath(pattern: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): ExpandResult {
  const missing: string[] = [];
  const value = (name: string, shown: string): string => {
    const v = lookup(env, name, platform);
    if (v === undefined || v === '') {
      missing.push(shown);
      return shown;
    }
    return v;
  };

  let out = pattern;
  const sep = platform === 'win32' ? /[\\/]/ : /\//;
  if (out.startsWith('~')) {
    const rest = out.slice(1);
    if (rest !== '' && !sep.test(rest[0]!)) {
      return { ok: false, reason: `"${pattern}": ~user is not supported; write the full path of the other user's folder` };
    }
    const home = lookup(env, platform === 'win32' ? 'USERPROFILE' : 'HOME', platform) || os.homedir();
    out = home + rest;
  }
  if (platform === 'win32') {
    out = out.replace(/%([A-Za-z_][A-Za-z0-9_()]*)%/g, (whole, name: string) => value(name, whole));
  } else {
    out = out.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced?: string, bare?: string) =>
      value((braced ?? bare)!, whole),
    );
  }
  if (missing.length > 0) {
    const list = missing.join(', ');
    return {
      ok: false,
      reason: `"${pattern}": the environment variable${missing.length > 1 ? 's' : ''} ${list} ${missing.length > 1 ? 'are' : 'is'} not set for this user, so the path was not searched`,
    };
  }
  const parts = out.split(sep);
  if (parts.some((segment) => segment === '..')) {
    return {
      ok: false,
      escapes: true,
      reason: `"${pattern}" becomes "${out}" once expanded, which climbs out of a folder with ".."; a policy path names the folder itself (write the real path, or fix the variable)`,
    };
  }
  const p = platform === 'win32' ? path.win32 : path.posix;
  return { ok: true, path: p.normalize(out) };
}

/**
 * Why a policy's app-log or config path is refused on this computer, or undefined: it escapes
 * with `..` once expanded, or it is root-wide (see rootWidePathReason) once expanded. A variable
 * that is not set is not a policy error: the path is skipped with the reason at collection time.
 */
export function policyPathProblem(pattern: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  return policyPathRefusal(pattern, env, platform)?.reason;
}

/** {@link policyPathProblem} with what is wrong as a code (for the user's language): it escapes, or it is root-wide. */
export function policyPathRefusal(pattern: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): { reason: string; issue: PolicyIssue } | undefined {
  const expanded = expandPath(pattern, env, platform);
  if (!expanded.ok) return expanded.escapes ? { reason: expanded.reason, issue: { code: 'path-escapes', path: pattern } } : undefined;
  const home = lookup(env, platform === 'win32' ? 'USERPROFILE' : 'HOME', platform) || os.homedir();
  const why = rootWidePathReason(expanded.path, home);
  if (!why) return undefined;
  return { reason: expanded.path === pattern ? why : `${why} (it is "${expanded.path}" once expanded)`, issue: { code: 'path-root-wide', path: pattern } };
}

export interface FoundFile {
  path: string;
  size: number;
  mtimeMs: number;
  /** The path below the pattern's base folder, `/`-separated (the file name for a single file). */
  relative: string;
}

export interface SkippedPath {
  path: string;
  reason: string;
  /** The reason as a code when every surface names it (not there, no permission). */
  code?: Reason;
}

export interface ResolvedPattern {
  /** The folder the pattern starts from (the part before the first wildcard). */
  base: string;
  /**
   * The real path of `base` (links resolved), when it exists: the root the pattern's files must
   * stay inside (files.ts PrepareOptions.roots). A link at or above the base is IT's own choice
   * (macOS /var is /private/var); a link below it must not lead out.
   */
  root?: string;
  /** Newest first, at most `maxFiles`. */
  files: FoundFile[];
  skipped: SkippedPath[];
}

export interface ResolveOptions {
  /** Files taken from this pattern, newest first (policy caps.filesPerPath). */
  maxFiles: number;
  signal?: AbortSignal;
  /** Folder levels searched below the base; default 16. */
  maxDepth?: number;
  /** Directory entries looked at before the walk stops; default 50 000. */
  maxEntries?: number;
  platform?: NodeJS.Platform;
}

const GLOB_META = /[*?[{]/;

/** `(`, `)`, `!`, `+`, `@` are ordinary characters in our patterns ("Program Files (x86)"). */
function escapeExtglob(segment: string): string {
  return segment.replace(/[()!+@]/g, (c) => `\\${c}`);
}

/**
 * Resolves a pattern (already expanded, absolute) to files: a single file; a folder (its files,
 * recursively); or a glob with `*`, `**`, `?`, `[abc]`, `{a,b}`. Symbolic links to files are
 * taken; links to folders are not followed. Newest first, capped at `maxFiles`, with a reason for
 * whatever was left out.
 */
export async function resolvePathPattern(pattern: string, options: ResolveOptions): Promise<ResolvedPattern> {
  const resolved = await resolveFiles(pattern, options);
  const root = await realpath(resolved.base).catch(() => undefined);
  return root === undefined ? resolved : { ...resolved, root };
}

async function resolveFiles(pattern: string, options: ResolveOptions): Promise<ResolvedPattern> {
  const platform = options.platform ?? process.platform;
  const maxDepth = options.maxDepth ?? 16;
  const maxEntries = options.maxEntries ?? 50_000;
  const { signal } = options;
  const skipped: SkippedPath[] = [];
  const p = platform === 'win32' ? path.win32 : path.posix;

  if (!p.isAbsolute(pattern)) {
    return { base: pattern, files: [], skipped: [{ path: pattern, reason: 'is not an absolute path; write the full path (~, $VAR and %VAR% are expanded)' }] };
  }

  // Split into the literal base folder and the wildcard part, on `/` (and `\` on Windows).
  const normalized = platform === 'win32' ? pattern.replace(/\\/g, '/') : pattern;
  const segments = normalized.split('/');
  const firstGlob = segments.findIndex((s) => GLOB_META.test(s));

  if (firstGlob < 0) {
    return resolveLiteral(pattern, { ...options, maxDepth, maxEntries, platform });
  }

  const baseSegments = segments.slice(0, firstGlob);
  const base = p.normalize(baseSegments.join('/') || '/');
  const globSegments = segments.slice(firstGlob).filter((s) => s !== '');
  // picomatch is loaded only when a pattern has wildcards: `list` and `check` reach this module
  // through the collectors and never resolve a glob (issue 13, item 8).
  const { default: picomatch } = await import('picomatch');
  const nocase = platform === 'win32' || platform === 'darwin';
  const pmOptions = { dot: true, nocase };
  const fullMatch = picomatch(globSegments.map(escapeExtglob).join('/'), pmOptions);
  const segmentMatch = globSegments.map((s) => (s === '**' ? undefined : picomatch(escapeExtglob(s), pmOptions)));
  const globstarAt = globSegments.indexOf('**');
  const depthLimit = globstarAt < 0 ? globSegments.length : maxDepth;

  const couldHoldMatches = (relSegments: string[]): boolean => {
    for (let i = 0; i < relSegments.length; i += 1) {
      if (globstarAt >= 0 && i >= globstarAt) return true;
      if (i >= globSegments.length - 1) return false;
      if (!segmentMatch[i]!(relSegments[i]!)) return false;
    }
    return true;
  };

  try {
    const st = await stat(base);
    if (!st.isDirectory()) return { base, files: [], skipped: [{ path: base, reason: `is not a folder, so "${pattern}" matches nothing` }] };
  } catch (err) {
    return { base, files: [], skipped: [{ path: base, reason: `${fileErrorReason(err)}, so "${pattern}" matches nothing` }] };
  }

  const found = await walk(base, {
    platform,
    signal,
    maxEntries,
    depthLimit,
    matches: (rel) => fullMatch(rel),
    descend: (rel) => couldHoldMatches(rel.split('/')),
    skipped,
  });
  if (found.length === 0 && skipped.length === 0) skipped.push({ path: pattern, reason: 'no file matches this pattern' });
  return { base, files: newestFirst(found, options.maxFiles, pattern, skipped), skipped };
}

async function resolveLiteral(target: string, options: Required<Omit<ResolveOptions, 'signal'>> & { signal?: AbortSignal }): Promise<ResolvedPattern> {
  const p = options.platform === 'win32' ? path.win32 : path.posix;
  const skipped: SkippedPath[] = [];
  let st;
  try {
    st = await stat(target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const dangling = code === 'ENOENT' && (await lstat(target).then((l) => l.isSymbolicLink()).catch(() => false));
    const coded = dangling ? undefined : fileErrorCode(err);
    return { base: p.dirname(target), files: [], skipped: [{ path: target, reason: dangling ? 'is a symbolic link whose target does not exist (dangling link)' : fileErrorReason(err), ...(coded ? { code: coded } : {}) }] };
  }
  if (st.isDirectory()) {
    const found = await walk(target, {
      platform: options.platform,
      signal: options.signal,
      maxEntries: options.maxEntries,
      depthLimit: options.maxDepth,
      matches: () => true,
      descend: () => true,
      skipped,
    });
    if (found.length === 0 && skipped.length === 0) skipped.push({ path: target, reason: 'the folder holds no files' });
    return { base: target, files: newestFirst(found, options.maxFiles, target, skipped), skipped };
  }
  const special = specialFileReason(st);
  if (special) return { base: p.dirname(target), files: [], skipped: [{ path: target, reason: special }] };
  return { base: p.dirname(target), files: [{ path: target, size: st.size, mtimeMs: st.mtimeMs, relative: p.basename(target) }], skipped };
}

interface WalkOptions {
  platform: NodeJS.Platform;
  signal?: AbortSignal;
  maxEntries: number;
  /** Files are taken down to this many levels below the root; folders at that level are not opened. */
  depthLimit: number;
  matches: (relative: string) => boolean;
  descend: (relative: string) => boolean;
  skipped: SkippedPath[];
}

function direntReason(d: Dirent): string {
  if (d.isFIFO()) return 'is a FIFO (named pipe); skipped so the collection cannot hang';
  if (d.isSocket()) return 'is a socket, not a file; skipped so the collection cannot hang';
  if (d.isCharacterDevice()) return 'is a character device; skipped so the collection cannot hang or grow without end';
  if (d.isBlockDevice()) return 'is a block device (a disk or partition); skipped: only files are collected';
  return 'is not a regular file';
}

/** Depth-first walk under `root`, bounded in depth and in entries looked at. */
async function walk(root: string, o: WalkOptions): Promise<FoundFile[]> {
  const join = o.platform === 'win32' ? path.win32.join : path.posix.join;
  const found: FoundFile[] = [];
  const stack: Array<{ dir: string; rel: string; depth: number }> = [{ dir: root, rel: '', depth: 0 }];
  let visited = 0;
  let tooDeep = false;

  while (stack.length > 0) {
    if (o.signal?.aborted) throw o.signal.reason ?? new DOMException('aborted', 'AbortError');
    const { dir, rel, depth } = stack.pop()!;
    // A secret store or this tool's own data is not even listed: one reason for the whole folder
    // (files.ts refuses each file on its real path anyway, whatever leads there).
    const protectedWhy = protectedPathReason(dir, { platform: o.platform });
    if (protectedWhy) {
      o.skipped.push({ path: dir, reason: `folder ${protectedWhy}; not searched` });
      continue;
    }
    let handle: Dir;
    try {
      // opendir streams the entries: a folder with a million files is not loaded at once.
      handle = await opendir(dir);
    } catch (err) {
      o.skipped.push({ path: dir, reason: `folder could not be listed: ${fileErrorReason(err)}` });
      continue;
    }
    const files: Array<{ full: string; relative: string }> = [];
    try {
      for await (const entry of handle) {
        visited += 1;
        if (visited > o.maxEntries) {
          o.skipped.push({
            path: root,
            reason: `the folder tree holds more than ${o.maxEntries} entries; the walk stopped there, so only files found until then were considered (name a narrower folder or pattern)`,
          });
          return found.concat(await statAll(files, o));
        }
        const relative = rel ? `${rel}/${entry.name}` : entry.name;
        const full = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!o.descend(relative)) continue;
          if (depth + 1 >= o.depthLimit) {
            tooDeep = true;
            continue;
          }
          stack.push({ dir: full, rel: relative, depth: depth + 1 });
        } else if (entry.isFile()) {
          if (o.matches(relative)) files.push({ full, relative });
        } else if (entry.isSymbolicLink()) {
          const target = await stat(full).catch((err: unknown) => err as NodeJS.ErrnoException);
          if (target instanceof Error) {
            if (o.matches(relative)) {
              o.skipped.push({ path: full, reason: target.code === 'ENOENT' ? 'is a symbolic link whose target does not exist (dangling link)' : fileErrorReason(target) });
            }
          } else if (target.isDirectory()) {
            if (o.descend(relative)) {
              o.skipped.push({ path: full, reason: 'is a symbolic link to a folder; not followed (a link could lead out of the folder or round in a loop)' });
            }
          } else if (o.matches(relative)) {
            const special = specialFileReason(target);
            if (special) o.skipped.push({ path: full, reason: special });
            else files.push({ full, relative });
          }
        } else if (o.matches(relative)) {
          o.skipped.push({ path: full, reason: direntReason(entry) });
        }
      }
    } catch (err) {
      o.skipped.push({ path: dir, reason: `folder could not be listed to the end: ${fileErrorReason(err)}` });
    }
    found.push(...(await statAll(files, o)));
  }
  if (tooDeep) o.skipped.push({ path: root, reason: `folders more than ${o.depthLimit} levels below it were not searched` });
  return found;
}

async function statAll(files: Array<{ full: string; relative: string }>, o: WalkOptions): Promise<FoundFile[]> {
  const out: FoundFile[] = [];
  await Promise.all(
    files.map(async (f) => {
      try {
        const st = await stat(f.full);
        out.push({ path: f.full, size: st.size, mtimeMs: st.mtimeMs, relative: f.relative });
      } catch (err) {
        o.skipped.push({ path: f.full, reason: undecodableName(f.full, err) ?? fileErrorReason(err) });
      }
    }),
  );
  return out;
}

/**
 * A name that is not valid UTF-8 (a Latin-1 or GBK name on a UTF-8 system) is read with U+FFFD
 * in place of its bytes, and no file has that name: "does not exist" would be false about a file
 * that is there. Says why and what to do instead.
 */
function undecodableName(full: string, err: unknown): string | undefined {
  if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || !full.includes('\uFFFD')) return undefined;
  return 'its name is not valid UTF-8 (the bytes shown as \uFFFD), so it cannot be opened by name; rename it to a UTF-8 name (e.g. with convmv) to have it collected';
}

function newestFirst(files: FoundFile[], maxFiles: number, pattern: string, skipped: SkippedPath[]): FoundFile[] {
  files.sort((a, b) => b.mtimeMs - a.mtimeMs || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (files.length <= maxFiles) return files;
  const left = files.slice(maxFiles);
  skipped.push({
    path: pattern,
    reason: `${left.length} older matching file${left.length > 1 ? 's were' : ' was'} left out: only the newest ${maxFiles} are taken (policy caps.filesPerPath); the newest one left out was modified ${new Date(left[0]!.mtimeMs).toISOString()}`,
  });
  return files.slice(0, maxFiles);
}
