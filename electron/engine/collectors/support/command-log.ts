/**
 * A log produced by a command (journalctl, log show, wevtutil qe): run it capped to a number of
 * bytes (newest kept), mark a cut at the top, and add it as one text item.
 */
import type { Reason } from '../../../../shared/reasons.js';
import type { ExecResult } from '../../platform/exec.js';
import { decodeWindowsOutput } from '../../platform/windows-output.js';
import type { CollectorContext } from '../types.js';
import { commandLine, failureOf, tryExec } from './run.js';
import { formatBytes, formatLocalTime } from './text.js';
import { consoleCodePage } from './windows-run.js';

export const LOG_COMMAND_TIMEOUT_MS = 45_000;

export function truncationMarker(kept: number, what: string): Buffer {
  return Buffer.from(`[diagcollect: truncated — kept the newest ${kept} bytes (${formatBytes(kept)}) of ${what}; older lines omitted]\n`, 'utf8');
}

/** Whole minutes since `since`, at least 1 (for `log show --last`). */
export function minutesSince(since: Date, now: number = Date.now()): number {
  // Whole minutes, rounded up; the milliseconds between computing `since` and `now` in one call
  // chain must not turn "24h" into 1441 minutes.
  return Math.max(1, Math.ceil((now - since.getTime() - 1000) / 60_000));
}

/** A coded reason for a skip, and the English sentence the manifest keeps beside it. */
export interface UnusableReason {
  reason: Reason;
  detail: string;
}

export interface CommandLogOptions {
  cap: number;
  keep?: 'head' | 'tail';
  /** Why the output cannot be used: a sentence, or a reason code with the sentence kept as the manifest's detail. */
  unusable?: (r: ExecResult) => string | UnusableReason | undefined;
  warning?: (r: ExecResult) => string | undefined;
  /** Said in the manifest whatever happens (e.g. that the source has no time window). */
  note?: string;
  /** Windows tool: decode its code page / UTF-16 output to UTF-8. */
  windows?: boolean;
  /** Keep what was printed before the timeout (said in the note) instead of dropping it. */
  partialOnTimeout?: boolean;
  timeoutMs?: number;
  /** What the output is made of, for the note (counts of events …). */
  summarize?: (text: string) => string | undefined;
  source?: string;
}

/**
 * Runs a log command capped to `cap` bytes and adds its output. Returns false when the command
 * could not be used (the reason is recorded as a skip).
 */
export async function addCommandLog(ctx: CollectorContext, name: string, cmd: string, args: string[], opts: CommandLogOptions): Promise<boolean> {
  const source = opts.source ?? commandLine(cmd, args);
  const timeoutMs = opts.timeoutMs ?? LOG_COMMAND_TIMEOUT_MS;
  const [r, codePage] = await Promise.all([
    tryExec(ctx, cmd, args, { timeoutMs, maxBytes: opts.cap, keep: opts.keep ?? 'tail', source }),
    opts.windows ? consoleCodePage(ctx.exec) : Promise.resolve(undefined),
  ]);
  if (!r) return false;
  const partial = opts.partialOnTimeout && r.timedOut && r.stdout.length > 0;
  const why = partial ? undefined : (opts.unusable ?? failureOf)(r);
  if (why) {
    if (typeof why === 'string') ctx.skip(source, why);
    else ctx.skip(source, why.reason, why.detail);
    return false;
  }
  const warning = opts.warning?.(r);
  if (warning) ctx.warn(`${source}: ${warning}`);
  let data = opts.windows ? Buffer.from(decodeWindowsOutput(r.stdout, codePage), 'utf8') : r.stdout;
  const cut = r.truncated ? `output over the ${formatBytes(opts.cap)} cap (caps.systemLogBytes): only the ${opts.keep === 'head' ? 'first' : 'newest'} lines are kept` : undefined;
  const late = partial ? `the command did not finish within ${Math.round(timeoutMs / 1000)} s: the entry holds what it printed until then` : undefined;
  const summary = opts.summarize?.(data.toString('utf8'));
  const note = [opts.note, summary, cut, late].filter(Boolean).join('; ') || undefined;
  if (r.truncated) data = Buffer.concat([truncationMarker(data.length, `the output of ${source}`), data]);
  if (data.length === 0) data = Buffer.from(`(no entries since ${formatLocalTime(ctx.since)})\n`, 'utf8');
  ctx.addBuffer(name, data, source, 'text', { truncated: r.truncated || partial, note });
  return true;
}
