/**
 * 安全日志 on Windows: the Security event log for the log window, as text, newest first. Reading
 * it needs an elevated token (administrators, or the Event Log Readers group does not suffice
 * for Security). We ask `whoami /groups` first: its mandatory-label SID says whether the token
 * is elevated (S-1-16-12288 high, S-1-16-16384 system) in any display language, so an
 * unelevated run says so — naming the elevated path IT configured — instead of failing with
 * "access is denied".
 */
import { addCommandLog } from './support/command-log.js';
import { failureOf } from './support/run.js';
import { windowsCommandLine, windowsText } from './support/windows-run.js';
import { eventQuery, summaryNote, WINDOWS_TEXT_EVENTS, windowMs } from './system-logs.win32.js';
import type { CollectorContext, PlannedCommand } from './types.js';

export const WHOAMI_GROUPS: PlannedCommand = { command: 'whoami', args: ['/groups', '/fo', 'csv', '/nh'], purpose: 'whether diagcollect runs elevated (the mandatory label of its token)' };

export function windowsSecurityPlan(since: Date, now: number = Date.now()): PlannedCommand[] {
  return [
    WHOAMI_GROUPS,
    {
      command: 'wevtutil',
      args: ['qe', 'Security', `/q:${eventQuery(windowMs(since, now))}`, '/f:text', '/rd:true', `/c:${WINDOWS_TEXT_EVENTS}`],
      purpose: `the Security event log (sign-ins, account and policy changes) as text, newest first, at most ${WINDOWS_TEXT_EVENTS} events; needs an elevated run`,
    },
  ];
}

/** Integrity levels of an elevated token: high (an administrator's elevated token) or system. */
const ELEVATED_LABELS = new Set(['S-1-16-12288', 'S-1-16-16384']);

/**
 * The integrity level in `whoami /groups /fo csv /nh` ("Group Name","Type","SID","Attributes" per
 * line; the names are localized, the SIDs are not): `elevated`, `not-elevated`, or `unknown` when
 * no mandatory label is listed.
 */
export function parseWhoamiElevation(text: string): 'elevated' | 'not-elevated' | 'unknown' {
  const labels = [...text.matchAll(/"(S-1-16-\d+)"/g)].map((m) => m[1]!);
  if (labels.length === 0) return 'unknown';
  return labels.some((l) => ELEVATED_LABELS.has(l)) ? 'elevated' : 'not-elevated';
}

export async function windowsSecurityLogs(ctx: CollectorContext, cap: number): Promise<void> {
  const [whoami, query] = windowsSecurityPlan(ctx.since);
  const source = windowsCommandLine(query!.command, query!.args);
  const path = ctx.policy.securityLogs.windowsElevatedPath;
  const groups = await windowsText(ctx, whoami!.command, whoami!.args, { timeoutMs: 10_000, maxBytes: 256 * 1024 });
  if (groups && parseWhoamiElevation(groups.text) === 'not-elevated') {
    ctx.skip(source, { code: 'needs-elevation', ...(path ? { path } : {}) });
    return;
  }
  await addCommandLog(ctx, ctx.name('securityLog'), query!.command, query!.args, {
    cap,
    keep: 'head',
    windows: true,
    source,
    summarize: summaryNote,
    unusable: (r) => (r.code === 5 ? `access is denied: the Security log needs an elevated run${path ? ` (${path})` : ''}` : failureOf(r)),
  });
}
