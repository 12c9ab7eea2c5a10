/**
 * Copies the files named by policy paths (files, folders, globs) into one archive folder: newest
 * first, each file capped, the collector capped as a whole, every left-out file with a reason.
 * Shared by the app-logs and config collectors.
 */
import path from 'node:path';
import { isStructured } from '../../platform/files.js';
import { expandPath, resolvePathPattern, type FoundFile } from '../../platform/paths.js';
import { entryIn, isWindowsReservedName } from '../../../../shared/naming.js';
import type { Policy } from '../../../../shared/policy.js';
import type { CollectorContext } from '../types.js';
import { formatBytes } from './text.js';

/** Files whose checks run ahead of their turn (see AddFileOptions.prefetch). */
const PREFETCH = 16;

export interface CopyPlan {
  folder: 'appLogDir' | 'configDir' | 'systemLogDir';
  patterns: string[];
  /** Policy key the patterns come from, for reasons ("policy.appLogPaths"). */
  policyKey: string;
  /** A folder inside `folder` the files go to (`Library` → 系统日志/Library/Logs/…). */
  subfolder?: string;
  /** Cap over all files of this plan, instead of caps.collectorBytes; `capKey` names it in reasons. */
  maxTotalBytes?: number;
  capKey?: string;
}

/**
 * Characters Windows does not allow in file names become `_`, and a name it reserves for a device
 * (`con.log`, `AUX.txt`, `lpt1`: Explorer and Expand-Archive cannot create them) gets a `_` in
 * front, so the archive unpacks everywhere.
 */
export function safeEntryPart(part: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = part.replace(/[<>:"\\|?*\u0000-\u001f]/g, '_').replace(/[. ]+$/, (m) => '_'.repeat(m.length));
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return '_';
  return isWindowsReservedName(cleaned) ? `_${cleaned}` : cleaned;
}

/**
 * The name inside the folder: the base folder's own name, then the path below it —
 * `/var/log/myapp/*.log` → `myapp/app.log`, `C:\ProgramData\App\Logs` → `Logs/2024/app.log`.
 */
export function entryRelativeName(base: string, relative: string, platform: NodeJS.Platform = process.platform): string {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const baseName = p.basename(base).replace(/:$/, '');
  const parts = [baseName, ...relative.split('/')].filter((s) => s !== '');
  return parts.map(safeEntryPart).join('/');
}

/** Makes `name` unique among `used` by adding ` (2)`, ` (3)` … before the extension. */
export function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate.toLowerCase()); n += 1) {
    const slash = name.lastIndexOf('/');
    const dot = name.lastIndexOf('.');
    candidate = dot > slash + 1 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
  }
  // Case-insensitive: the archive may be unpacked on Windows or macOS.
  used.add(candidate.toLowerCase());
  return candidate;
}

/** What a path-list collector would read: every pattern, with the caps that apply. */
export function describePaths(patterns: string[], policyKey: string, policy: Policy): string[] {
  if (patterns.length === 0) return [`${policyKey} = []`];
  const caps = `newest first, at most ${policy.caps.filesPerPath} files per path, ${formatBytes(policy.caps.fileBytes)} per file, ${formatBytes(policy.caps.collectorBytes)} in all`;
  return [...patterns, `(${caps})`];
}

export async function copyPolicyFiles(ctx: CollectorContext, plan: CopyPlan): Promise<void> {
  const { caps } = ctx.policy;
  if (plan.patterns.length === 0) {
    ctx.skip(plan.policyKey, { code: 'not-configured', policyKey: plan.policyKey });
    return;
  }

  const candidates: Array<FoundFile & { entry: string }> = [];
  const seen = new Set<string>();
  // The folders the patterns name: a link is followed only when its target stays inside them.
  const roots: string[] = [];
  for (const pattern of plan.patterns) {
    const expanded = expandPath(pattern, process.env, ctx.platform);
    if (!expanded.ok) {
      ctx.skip(pattern, expanded.reason);
      continue;
    }
    const resolved = await resolvePathPattern(expanded.path, { maxFiles: caps.filesPerPath, signal: ctx.signal, platform: ctx.platform });
    if (resolved.root !== undefined) roots.push(resolved.root);
    for (const s of resolved.skipped) ctx.skip(s.path, s.code ?? s.reason);
    for (const f of resolved.files) {
      // The same file named by two patterns is taken once.
      if (seen.has(f.path)) continue;
      seen.add(f.path);
      candidates.push({ ...f, entry: entryRelativeName(resolved.base, f.relative, ctx.platform) });
    }
  }

  // Newest first across all patterns, so the collector cap leaves out the oldest files.
  candidates.sort((a, b) => b.mtimeMs - a.mtimeMs);
  const used = new Set<string>();
  let total = 0;
  const maxTotal = plan.maxTotalBytes ?? caps.collectorBytes;
  const capKey = plan.capKey ?? 'caps.collectorBytes';
  for (const [index, f] of candidates.entries()) {
    if (ctx.signal.aborted) return;
    const mode = isStructured(f.path) ? 'whole' : 'tail';
    const planned = mode === 'tail' ? Math.min(f.size, caps.fileBytes) : f.size;
    if (mode === 'whole' && f.size > caps.fileBytes) {
      ctx.skip(f.path, { code: 'file-too-large', bytes: f.size, capBytes: caps.fileBytes });
      continue;
    }
    if (total + planned > maxTotal) {
      ctx.skip(
        f.path,
        `left out: the ${formatBytes(maxTotal)} cap for this collector (${capKey}) would be exceeded (${formatBytes(total)} of newer files already taken, this one adds ${formatBytes(planned)})`,
      );
      continue;
    }
    const name = entryIn(plan.folder, uniqueName(plan.subfolder ? `${safeEntryPart(plan.subfolder)}/${f.entry}` : f.entry, used), ctx.lang);
    // The next files' checks overlap this one's (thousands of small logs: each is a dozen fs calls).
    const prefetch = candidates.slice(index + 1, index + 1 + PREFETCH).map((n) => ({ path: n.path, mode: isStructured(n.path) ? ('whole' as const) : ('tail' as const) }));
    // The bytes taken, not the size listed: a /proc or /sys file lists 0 and would never count.
    const taken = await ctx.addFile(name, f.path, { mode, maxBytes: caps.fileBytes, roots, prefetch });
    if (taken) total += taken.bytes;
  }
}
