/**
 * 系统日志 on macOS: the unified log for the log window as NDJSON (one event per line, every field
 * kept), filtered by policy.macosLogPredicate (errors and faults by default: a whole day of the
 * unified log is gigabytes), the kernel's messages, and the classic log folders `~/Library/Logs`
 * and `/Library/Logs` (crash and hang reports live in their DiagnosticReports folders).
 */
import type { Policy } from '../../../shared/policy.js';
import { addCommandLog, minutesSince } from './support/command-log.js';
import { copyPolicyFiles } from './support/copy-files.js';
import { formatBytes } from './support/text.js';
import type { CollectorContext, PlannedCommand } from './types.js';

export const KERNEL_PREDICATE = 'process == "kernel"';

/** The classic log folders, each copied into its own folder of the archive. */
export const DARWIN_LOG_FOLDERS: Array<{ path: string; subfolder: string }> = [
  { path: '~/Library/Logs', subfolder: 'user-Library' },
  { path: '/Library/Logs', subfolder: 'Library' },
];

/** `log show` for the window and the policy's predicate, then the kernel's messages. */
export function darwinLogPlan(policy: Policy, since: Date, now: number = Date.now()): PlannedCommand[] {
  const base = ['show', '--last', `${minutesSince(since, now)}m`, '--style', 'ndjson'];
  const predicate = policy.macosLogPredicate.trim();
  return [
    {
      command: 'log',
      args: [...base, ...(predicate ? ['--predicate', predicate] : [])],
      purpose: predicate ? `the unified log for the log window, messages matching policy.macosLogPredicate` : 'the unified log for the log window, every message',
    },
    { command: 'log', args: [...base, '--predicate', KERNEL_PREDICATE], purpose: 'the kernel\'s messages for the log window' },
  ];
}

export interface LogNdjsonSummary {
  events: number;
  /** Events by messageType: Default, Info, Debug, Error, Fault. */
  types: Record<string, number>;
  first?: string;
  last?: string;
}

/**
 * Counts the events of `log show --style ndjson`: one JSON object per line with `timestamp`,
 * `messageType`, `eventMessage` …; the closing `{"count":…,"finished":1}` line is not an event.
 */
export function summarizeLogNdjson(text: string): LogNdjsonSummary {
  const types: Record<string, number> = {};
  let events = 0;
  let first: string | undefined;
  let last: string | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    let e: Record<string, unknown>;
    try {
      e = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (!('eventMessage' in e) && !('eventType' in e)) continue;
    events += 1;
    const type = typeof e.messageType === 'string' ? e.messageType : String(e.eventType ?? 'other');
    types[type] = (types[type] ?? 0) + 1;
    if (typeof e.timestamp === 'string') {
      first ??= e.timestamp;
      last = e.timestamp;
    }
  }
  return { events, types, first, last };
}

export function summaryNote(text: string): string | undefined {
  const s = summarizeLogNdjson(text);
  if (s.events === 0) return 'no events in the window';
  const types = Object.entries(s.types)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  return `${s.events} events (${types}) from ${s.first} to ${s.last}`;
}

export async function darwinLogs(ctx: CollectorContext, cap: number): Promise<void> {
  const [main, kernel] = darwinLogPlan(ctx.policy, ctx.since);
  // A day of the unified log can take minutes to filter: what is printed within 40 s is kept, and
  // the session's 60 s deadline still leaves time for the log folders.
  const opts = { cap, summarize: summaryNote, partialOnTimeout: true, timeoutMs: 40_000 };
  await Promise.all([
    addCommandLog(ctx, ctx.name('systemLog'), main!.command, main!.args, opts),
    addCommandLog(ctx, ctx.name('kernelLog'), kernel!.command, kernel!.args, opts),
  ]);
  for (const folder of DARWIN_LOG_FOLDERS) {
    await copyPolicyFiles(ctx, {
      folder: 'systemLogDir',
      patterns: [folder.path],
      policyKey: 'macOS log folders',
      subfolder: folder.subfolder,
      maxTotalBytes: cap,
      capKey: 'caps.systemLogBytes',
    });
  }
}

export function describeDarwinLogFolders(policy: Policy): string[] {
  return DARWIN_LOG_FOLDERS.map((f) => `${f.path}, crash reports included (newest first, at most ${policy.caps.filesPerPath} files, ${formatBytes(policy.caps.systemLogBytes)} in all) → system logs folder, ${f.subfolder}/`);
}
