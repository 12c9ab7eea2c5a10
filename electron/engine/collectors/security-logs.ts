/**
 * 安全日志 (the support guide's "security logs"): sign-ins, sudo, authentication failures — for
 * the log window (`ctx.since`), redacted like every entry. Off by default for privacy: the
 * policy (`securityLogs`) switches them on for every collection or for the problem types it
 * lists (support/gates.ts); otherwise the plan records the refusal with its reason.
 *
 * Linux: the journal's auth and authpriv facilities (`SYSLOG_FACILITY=4`, `=10`: journalctl ORs
 * two matches of one field), else `/var/log/auth.log` (Debian) or `/var/log/secure` (RHEL), cut
 * to the window. Windows (Security event log, needs elevation) and macOS (unified log of the
 * authentication subsystems) live in the sibling files.
 */
import { open } from 'node:fs/promises';
import type { Policy } from '../../../shared/policy.js';
import type { Platform } from '../../../shared/types.js';
import { securityLogsGate } from './support/gates.js';
import { addCommandLog } from './support/command-log.js';
import { describePlan, sinceFromPolicy } from './support/plan.js';
import { formatBytes, formatLocalTime } from './support/text.js';
import { darwinSecurityLogs, darwinSecurityPlan } from './security-logs.darwin.js';
import { windowsSecurityLogs, windowsSecurityPlan } from './security-logs.win32.js';
import { journalUnavailable, journalWarning } from './system-logs.js';
import type { Collector, CollectorContext, PlannedCommand } from './types.js';

/** The classic auth log files, Debian's first. */
export const LINUX_AUTH_FILES = ['/var/log/auth.log', '/var/log/secure'];

/** journalctl for the auth (4) and authpriv (10) facilities since `since`. */
export function linuxSecurityPlan(since: Date): PlannedCommand[] {
  return [
    {
      command: 'journalctl',
      args: ['SYSLOG_FACILITY=4', 'SYSLOG_FACILITY=10', '--since', formatLocalTime(since), '--no-pager', '-o', 'short-iso'],
      purpose: 'the journal\'s auth and authpriv messages (sign-ins, sudo, ssh, PAM) for the log window',
    },
  ];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The time of a syslog line: RFC 3339 (`2026-12-05T07:00:01.123456+00:00`, rsyslog's newer
 * default) or the classic `Dec  5 07:00:01` (no year: the latest such date not after `now`).
 */
export function syslogLineTime(line: string, now: Date): Date | undefined {
  const iso = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)\s/.exec(line);
  if (iso) {
    const d = new Date(iso[1]!);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  const classic = /^([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2})\s/.exec(line);
  if (!classic) return undefined;
  const month = MONTHS.indexOf(classic[1]!);
  if (month < 0) return undefined;
  const at = (year: number) => new Date(year, month, Number(classic[2]), Number(classic[3]), Number(classic[4]), Number(classic[5]));
  const d = at(now.getFullYear());
  return d.getTime() > now.getTime() + 60_000 ? at(now.getFullYear() - 1) : d;
}

/** The lines of a syslog file from `since` on (lines without a time stay with the line before). */
export function linesSince(text: string, since: Date, now: Date): string {
  const out: string[] = [];
  let keep = false;
  for (const line of text.split('\n')) {
    const t = syslogLineTime(line, now);
    if (t) keep = t.getTime() >= since.getTime();
    if (keep && line !== '') out.push(line);
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** The newest `cap` bytes of a file, from the first whole line. */
async function readTail(path: string, cap: number): Promise<{ text: string; cut: boolean } | undefined> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - cap);
    const buf = Buffer.alloc(size - start);
    await handle.read(buf, 0, buf.length, start);
    const text = buf.toString('utf8');
    return { text: start > 0 ? text.slice(text.indexOf('\n') + 1) : text, cut: start > 0 };
  } finally {
    await handle.close();
  }
}

/** The auth log file, cut to the window; false when none could be read (skips recorded). */
export async function addAuthFile(ctx: CollectorContext, cap: number, files: readonly string[] = LINUX_AUTH_FILES): Promise<boolean> {
  for (const file of files) {
    let read: Awaited<ReturnType<typeof readTail>>;
    try {
      read = await readTail(file, cap);
    } catch (err) {
      ctx.skip(file, `cannot read it: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      continue;
    }
    if (!read) continue;
    const text = linesSince(read.text, ctx.since, new Date());
    const note = [`lines since ${formatLocalTime(ctx.since)} only`, read.cut ? `read the newest ${formatBytes(cap)} of the file (caps.systemLogBytes)` : undefined].filter(Boolean).join('; ');
    ctx.addText(ctx.name('securityLog'), text || `(no entries since ${formatLocalTime(ctx.since)})\n`, file, { truncated: read.cut, note });
    return true;
  }
  ctx.skip(files.join(', '), { code: 'not-found' }, 'none of these auth log files exists');
  return false;
}

async function firstExisting(files: readonly string[]): Promise<string | undefined> {
  for (const file of files) {
    const handle = await open(file, 'r').catch(() => undefined);
    if (!handle) continue;
    await handle.close();
    return file;
  }
  return undefined;
}

async function linuxSecurityLogs(ctx: CollectorContext, cap: number): Promise<void> {
  const [cmd] = linuxSecurityPlan(ctx.since);
  const file = await firstExisting(LINUX_AUTH_FILES);
  const fromJournal = await addCommandLog(ctx, ctx.name('securityLog'), cmd!.command, cmd!.args, {
    cap,
    warning: journalWarning,
    unusable: (r) => {
      const why = journalUnavailable(r);
      if (why) return why;
      const out = r.stdout.toString('utf8').trim();
      // A journal without auth messages while rsyslog keeps auth.log: the file holds them.
      return file && (out === '' || out === '-- No entries --') ? `the journal holds no auth messages; ${file} is read instead` : undefined;
    },
  });
  if (!fromJournal) await addAuthFile(ctx, cap, file ? [file] : LINUX_AUTH_FILES);
}

export const securityLogsCollector: Collector = {
  id: 'security-logs',
  category: 'system-logs',
  title: { 'zh-CN': '安全日志', en: 'Security logs' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 50_000,
  sensitive: false,
  slow: true,
  gate: (policy, problemType) => securityLogsGate(policy, problemType),

  describe(platform: Platform, policy: Policy): string[] {
    const since = sinceFromPolicy(policy);
    const off = policy.securityLogs.enabled ? [] : [`off unless policy securityLogs.enabled, or the problem type is one of securityLogs.problemTypes (${policy.securityLogs.problemTypes.join(', ') || 'none'})`];
    if (platform === 'win32') return [...describePlan('win32', windowsSecurityPlan(since)), ...off];
    if (platform === 'darwin') return [...describePlan('darwin', darwinSecurityPlan(since)), ...off];
    return [...describePlan('linux', linuxSecurityPlan(since)), `without a journal: ${LINUX_AUTH_FILES.join(' or ')}, lines of the log window only`, ...off];
  },

  plan(platform: Platform, _policy: Policy, since: Date): PlannedCommand[] {
    if (platform === 'win32') return windowsSecurityPlan(since);
    if (platform === 'darwin') return darwinSecurityPlan(since);
    return linuxSecurityPlan(since);
  },

  async run(ctx) {
    const cap = ctx.policy.caps.systemLogBytes;
    if (ctx.platform === 'win32') return windowsSecurityLogs(ctx, cap);
    if (ctx.platform === 'darwin') return darwinSecurityLogs(ctx, cap);
    return linuxSecurityLogs(ctx, cap);
  },
};
