/**
 * 系统日志: the system log and the kernel log for the log window (`ctx.since`), capped to
 * policy.caps.systemLogBytes keeping the newest lines. Linux reads the systemd journal and falls
 * back to the classic syslog files and `dmesg` when there is no journal (containers, systems
 * without systemd); every source that could not be used is recorded as a skip with its reason.
 * Windows (event logs, system-logs.win32.ts) and macOS (unified log and log folders,
 * system-logs.darwin.ts) live in their sibling files.
 */
import { access } from 'node:fs/promises';
import type { Policy } from '../../../shared/policy.js';
import type { Platform } from '../../../shared/types.js';
import type { ExecResult } from '../platform/exec.js';
import { addCommandLog, type UnusableReason } from './support/command-log.js';
import { failureOf } from './support/run.js';
import { formatBytes, formatLocalTime } from './support/text.js';
import { describePlan, sinceFromPolicy } from './support/plan.js';
import { darwinLogPlan, darwinLogs, describeDarwinLogFolders } from './system-logs.darwin.js';
import { describeWindowsLogs, windowsEventLogPlan, windowsLogs } from './system-logs.win32.js';
import type { Collector, CollectorContext, PlannedCommand } from './types.js';

/** journalctl ran but there is no journal to read (no systemd, or the journal was never kept). */
export function journalUnavailable(r: ExecResult): string | UnusableReason | undefined {
  if (/No journal files were found/i.test(r.stderr)) return { reason: { code: 'no-journal' }, detail: 'journalctl found no journal files (no systemd journal on this computer)' };
  if (/Failed to open|Failed to get journal|not seeing messages/i.test(r.stderr) && r.stdout.toString('utf8').trim() === '-- No entries --') {
    return `journalctl cannot read the journal: ${r.stderr.trim().split('\n')[0]}`;
  }
  return failureOf(r);
}

/** journalctl's hint that a normal user sees only part of the journal. */
export function journalWarning(r: ExecResult): string | undefined {
  return /not seeing messages from other users/i.test(r.stderr)
    ? 'only this user\'s messages are visible; run as an administrator (or a member of the adm / systemd-journal group) for the whole system log'
    : undefined;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** The first existing file of `paths` is added (tail-capped); the others are not looked at. */
async function addFirstFile(ctx: CollectorContext, name: string, paths: string[], cap: number, why: string): Promise<boolean> {
  for (const p of paths) {
    if (await exists(p)) return (await ctx.addFile(name, p, { mode: 'tail', maxBytes: cap, kind: 'text' })) !== false;
  }
  ctx.skip(paths.join(', '), { code: 'not-found' }, `${why}; none of these files exists`);
  return false;
}

/** The classic log files read when there is no journal (or dmesg is not allowed). */
export const LINUX_FALLBACK_FILES = {
  system: ['/var/log/syslog', '/var/log/messages'],
  kernel: ['/var/log/kern.log'],
};

export async function linuxLogs(ctx: CollectorContext, cap: number, fallback = LINUX_FALLBACK_FILES): Promise<void> {
  const since = formatLocalTime(ctx.since);
  // No -q: it would also hide "No journal files were found", the one sign that there is no journal.
  const journalArgs = ['--since', since, '--no-pager', '-o', 'short-iso'];
  const [system, kernel] = await Promise.all([
    addCommandLog(ctx, ctx.name('systemLog'), 'journalctl', journalArgs, { cap, unusable: journalUnavailable, warning: journalWarning }),
    addCommandLog(ctx, ctx.name('kernelLog'), 'journalctl', ['-k', ...journalArgs], { cap, unusable: journalUnavailable, warning: journalWarning }),
  ]);
  await Promise.all([
    system ? Promise.resolve(true) : addFirstFile(ctx, ctx.name('systemLog'), fallback.system, cap, 'fallback for the system log'),
    kernel
      ? Promise.resolve(true)
      : (async () => {
          // The kernel ring buffer holds the messages since boot (or the newest of them).
          const note = 'the kernel ring buffer since boot (dmesg has no time window)';
          if (await addCommandLog(ctx, ctx.name('kernelLog'), 'dmesg', ['--time-format', 'iso'], { cap, note })) return true;
          return addFirstFile(ctx, ctx.name('kernelLog'), fallback.kernel, cap, 'fallback for the kernel log');
        })(),
  ]);
}

export const systemLogsCollector: Collector = {
  id: 'system-logs',
  category: 'system-logs',
  title: { 'zh-CN': '系统日志', en: 'System logs' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 60_000,
  sensitive: false,
  slow: true,

  describe(platform: Platform, policy: Policy): string[] {
    const cap = `capped to ${formatBytes(policy.caps.systemLogBytes)}, newest lines kept`;
    if (platform === 'linux') {
      return [
        `journalctl --since "<since>" --no-pager -o short-iso (${cap})`,
        'journalctl -k --since "<since>" (kernel log)',
        'without a journal: /var/log/syslog or /var/log/messages; dmesg --time-format iso or /var/log/kern.log',
      ];
    }
    if (platform === 'darwin') return [...describePlan('darwin', darwinLogPlan(policy, sinceFromPolicy(policy))).map((l) => `${l} (${cap})`), ...describeDarwinLogFolders(policy)];
    return describeWindowsLogs(policy, cap);
  },

  plan(platform: Platform, policy: Policy, since: Date): PlannedCommand[] {
    if (platform === 'darwin') return darwinLogPlan(policy, since);
    if (platform === 'win32') return windowsEventLogPlan(policy, since);
    return [];
  },

  async run(ctx) {
    const cap = ctx.policy.caps.systemLogBytes;
    if (ctx.platform === 'linux') return linuxLogs(ctx, cap);
    if (ctx.platform === 'darwin') return darwinLogs(ctx, cap);
    return windowsLogs(ctx, cap);
  },
};
