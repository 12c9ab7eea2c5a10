/**
 * 系统日志 on Windows: each event log named in policy.windowsEventLogs (System and Application by
 * default) for the log window, twice — exported with `wevtutil epl` as an .evtx file (opens in
 * Event Viewer with every field) and rendered as text with `wevtutil qe /f:text`, newest first.
 * The .evtx files under System32\winevt\Logs cannot be copied directly: the Event Log service
 * holds them open without read sharing (a copy fails with EBUSY), so they are exported instead.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { entryIn } from '../../../shared/naming.js';
import type { Policy } from '../../../shared/policy.js';
import { safeEntryPart } from './support/copy-files.js';
import { addCommandLog } from './support/command-log.js';
import { failureOf, tryExec } from './support/run.js';
import { describePlan, sinceFromPolicy } from './support/plan.js';
import { formatBytes } from './support/text.js';
import { consoleCodePage, windowsCommandLine } from './support/windows-run.js';
import { decodeWindowsOutput } from '../platform/windows-output.js';
import type { CollectorContext, PlannedCommand } from './types.js';

/** Events rendered as text per log (newest first); the .evtx export holds them all. */
export const WINDOWS_TEXT_EVENTS = 5000;

/** Milliseconds from `since` to `now`, in whole seconds, at least a minute (wevtutil's timediff). */
export function windowMs(since: Date, now: number = Date.now()): number {
  return Math.max(60_000, Math.round((now - since.getTime()) / 1000) * 1000);
}

/** XPath for events newer than `ms` milliseconds. */
export function eventQuery(ms: number): string {
  return `*[System[TimeCreated[timediff(@SystemTime) <= ${ms}]]]`;
}

/** A log's file name as Windows stores it: `Microsoft-Windows-PowerShell/Operational` → `Microsoft-Windows-PowerShell%4Operational`. */
export function eventLogFileName(log: string): string {
  return safeEntryPart(log.replace(/\//g, '%4'));
}

export interface EventLogPlanOptions {
  /** Folder the .evtx exports are written to (a fresh temp folder at run time). */
  exportDir?: string;
  now?: number;
  sep?: string;
}

/** The wevtutil commands for each log in policy, in order: text, then export (both run at once). */
export function windowsEventLogPlan(policy: Policy, since: Date, options: EventLogPlanOptions = {}): PlannedCommand[] {
  const { exportDir = '%TEMP%\\diagcollect-evtx', now = Date.now(), sep = '\\' } = options;
  const query = `/q:${eventQuery(windowMs(since, now))}`;
  return policy.windowsEventLogs.flatMap((log) => [
    {
      command: 'wevtutil',
      args: ['qe', log, query, '/f:text', '/rd:true', `/c:${WINDOWS_TEXT_EVENTS}`],
      purpose: `the ${log} event log as readable text, newest first, at most ${WINDOWS_TEXT_EVENTS} events`,
    },
    {
      command: 'wevtutil',
      args: ['epl', log, `${exportDir}${sep}${eventLogFileName(log)}.evtx`, query, '/ow:true'],
      purpose: `the ${log} event log for the log window, exported whole (.evtx, opens in Event Viewer)`,
    },
  ]);
}

export interface EventTextSummary {
  events: number;
  /** Events by level: error, warning, critical, information, other. */
  levels: Record<string, number>;
  newest?: string;
  oldest?: string;
}

const LEVELS: Record<string, string> = {
  error: 'error',
  错误: 'error',
  critical: 'critical',
  关键: 'critical',
  严重: 'critical',
  warning: 'warning',
  警告: 'warning',
  information: 'information',
  信息: 'information',
  verbose: 'verbose',
  详细: 'verbose',
};

/**
 * Counts the events in `wevtutil qe /f:text` output, English or Chinese:
 * `Event[0]:` / `事件[0]:`, then `  Level: Error` / `  级别: 错误`, `  Date: …` / `  日期: …`.
 */
export function summarizeEventText(text: string): EventTextSummary {
  const levels: Record<string, number> = {};
  let events = 0;
  const dates: string[] = [];
  for (const line of text.split(/\r*\n/)) {
    if (/^(Event|事件)\[\d+\]\s*[:：]?\s*$/.test(line)) {
      events += 1;
      continue;
    }
    const m = /^ {2}([^:：]+?)\s*[:：] ?(.*)$/.exec(line);
    if (!m) continue;
    const label = m[1]!.trim();
    const value = m[2]!.trim();
    if (label === 'Level' || label === '级别') {
      const level = LEVELS[value.toLowerCase()] ?? 'other';
      levels[level] = (levels[level] ?? 0) + 1;
    } else if ((label === 'Date' || label === '日期') && value) dates.push(value);
  }
  return { events, levels, newest: dates[0], oldest: dates.at(-1) };
}

export function summaryNote(text: string): string | undefined {
  const s = summarizeEventText(text);
  if (s.events === 0) return undefined;
  const levels = Object.entries(s.levels)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  return `${s.events} events (${levels})${s.newest ? `, newest ${s.newest}` : ''}${s.oldest ? `, oldest ${s.oldest}` : ''}`;
}

/** Why wevtutil failed, with what to do about it. */
function wevtutilFailure(code: number | null, stderr: string, fallback: string): string {
  if (code === 5) return `access is denied (this log needs administrator rights: run diagcollect as an administrator to include it)`;
  if (code === 15007) return 'no such event log on this computer (check the name in policy.windowsEventLogs)';
  return stderr.trim() ? `${fallback}: ${stderr.trim().split(/\r?\n/).slice(-2).join(' / ')}` : fallback;
}

async function exportLog(ctx: CollectorContext, cmd: PlannedCommand, log: string, file: string, cap: number): Promise<void> {
  const source = windowsCommandLine(cmd.command, cmd.args);
  const [r, cp] = await Promise.all([tryExec(ctx, cmd.command, cmd.args, { timeoutMs: 45_000, maxBytes: 64 * 1024, source }), consoleCodePage(ctx.exec)]);
  if (!r) return;
  const failure = failureOf(r);
  if (failure) {
    ctx.skip(source, wevtutilFailure(r.code, r.stderrBytes ? decodeWindowsOutput(r.stderrBytes, cp) : r.stderr, failure));
    return;
  }
  const size = await stat(file).then(
    (s) => s.size,
    () => undefined,
  );
  if (size === undefined) {
    ctx.skip(source, 'wevtutil reported success but wrote no file');
    return;
  }
  if (size > cap) {
    ctx.skip(source, `the exported ${log} events are ${formatBytes(size)}, over the ${formatBytes(cap)} cap (caps.systemLogBytes); the text rendering holds the newest of them`);
    return;
  }
  ctx.addBuffer(entryIn('systemLogDir', `${eventLogFileName(log)}.evtx`, ctx.lang), await readFile(file), source, 'binary', { note: `Windows event log file (${log}, the log window only); open it with Event Viewer (eventvwr.msc → Open Saved Log)` });
}

export async function windowsLogs(ctx: CollectorContext, cap: number): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'diagcollect-evtx-'));
  try {
    const plan = windowsEventLogPlan(ctx.policy, ctx.since, { exportDir: dir, sep: path.sep });
    // One log at a time: wevtutil reads the whole log file to filter it, and logs can be large.
    for (const [i, log] of ctx.policy.windowsEventLogs.entries()) {
      if (ctx.signal.aborted) return;
      const textCmd = plan[i * 2]!;
      const exportCmd = plan[i * 2 + 1]!;
      const textName = log === 'System' ? ctx.name('systemLog') : entryIn('systemLogDir', `${eventLogFileName(log)}.txt`, ctx.lang);
      await Promise.all([
        exportLog(ctx, exportCmd, log, exportCmd.args[2]!, cap),
        // /rd:true prints the newest first, so keeping the head of the output keeps the newest events.
        addCommandLog(ctx, textName, textCmd.command, textCmd.args, {
          cap,
          keep: 'head',
          windows: true,
          source: windowsCommandLine(textCmd.command, textCmd.args),
          unusable: (r) => {
            const failure = failureOf(r);
            return failure ? wevtutilFailure(r.code, '', failure) : undefined;
          },
          summarize: summaryNote,
        }),
      ]);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What `diagcollect list` shows for Windows (the log window of policy.since; --since changes the number). */
export function describeWindowsLogs(policy: Policy, capText: string): string[] {
  return [
    ...describePlan('win32', windowsEventLogPlan(policy, sinceFromPolicy(policy))),
    `text renderings ${capText}; .evtx exports over caps.systemLogBytes are left out with the reason`,
    `policy.windowsEventLogs: ${policy.windowsEventLogs.join(', ') || '(none: no event log is read)'}`,
  ];
}
