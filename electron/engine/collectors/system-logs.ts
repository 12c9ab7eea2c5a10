/**
 * 系统日志: the system log and the kernel log for the log window (`ctx.since`), capped to
 * policy.caps.systemLogBytes keeping the newest lines. Linux reads the systemd journal and falls
 * back to the classic syslog files and `dmesg` when there is no journal (containers, systems
 * without systemd); every source that could not be used is recorded as a skip with its reason.
 */
import { access } from 'node:fs/promises';
import type { Policy } from '../../../shared/policy.js';
import type { Platform } from '../../../shared/types.js';
import type { ExecResult } from '../platform/exec.js';
import { commandLine, failureOf, tryExec } from './support/run.js';
import { formatBytes, formatLocalTime } from './support/text.js';
import type { Collector, CollectorContext } from './types.js';

const JOURNAL_TIMEOUT_MS = 45_000;

/** journalctl ran but there is no journal to read (no systemd, or the journal was never kept). */
export function journalUnavailable(r: ExecResult): string | undefined {
  if (/No journal files were found/i.test(r.stderr)) return 'journalctl found no journal files (no systemd journal on this computer)';
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

function truncationMarker(kept: number, what: string): Buffer {
  return Buffer.from(`[diagcollect: truncated — kept the newest ${kept} bytes (${formatBytes(kept)}) of ${what}; older lines omitted]\n`, 'utf8');
}

/** Whole minutes since `since`, at least 1 (for `log show --last`, `wevtutil` time diffs). */
function minutesSince(since: Date): number {
  return Math.max(1, Math.ceil((Date.now() - since.getTime()) / 60_000));
}

/**
 * Runs a log command capped to `cap` bytes (newest kept) and adds its output. Returns false when
 * the command could not be used (the reason is recorded by the caller's `unusable`).
 */
async function addCommandLog(
  ctx: CollectorContext,
  name: string,
  cmd: string,
  args: string[],
  opts: {
    cap: number;
    keep?: 'head' | 'tail';
    unusable?: (r: ExecResult) => string | undefined;
    warning?: (r: ExecResult) => string | undefined;
    /** Said in the manifest whatever happens (e.g. that the source has no time window). */
    note?: string;
  },
): Promise<boolean> {
  const source = commandLine(cmd, args);
  const r = await tryExec(ctx, cmd, args, { timeoutMs: JOURNAL_TIMEOUT_MS, maxBytes: opts.cap, keep: opts.keep ?? 'tail' });
  if (!r) return false;
  const why = (opts.unusable ?? failureOf)(r);
  if (why) {
    ctx.skip(source, why);
    return false;
  }
  const warning = opts.warning?.(r);
  if (warning) ctx.warn(`${source}: ${warning}`);
  let data = r.stdout;
  const cut = r.truncated ? `output over the ${formatBytes(opts.cap)} cap (caps.systemLogBytes): only the ${opts.keep === 'head' ? 'first' : 'newest'} lines are kept` : undefined;
  const note = [opts.note, cut].filter(Boolean).join('; ') || undefined;
  if (r.truncated) data = Buffer.concat([truncationMarker(data.length, `the output of ${source}`), data]);
  if (data.length === 0) data = Buffer.from(`(no entries since ${formatLocalTime(ctx.since)})\n`, 'utf8');
  ctx.addBuffer(name, data, source, 'text', { truncated: r.truncated, note });
  return true;
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
    if (await exists(p)) return ctx.addFile(name, p, { mode: 'tail', maxBytes: cap, kind: 'text' });
  }
  ctx.skip(paths.join(', '), `${why}; none of these files exists`);
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

async function darwin(ctx: CollectorContext, cap: number): Promise<void> {
  const last = `${minutesSince(ctx.since)}m`;
  await Promise.all([
    addCommandLog(ctx, ctx.name('systemLog'), 'log', ['show', '--last', last, '--style', 'syslog', '--info'], { cap }),
    addCommandLog(ctx, ctx.name('kernelLog'), 'log', ['show', '--last', last, '--style', 'syslog', '--predicate', 'sender == "kernel"'], { cap }),
  ]);
}

/** XPath for events newer than `ms` milliseconds. */
function eventQuery(ms: number): string {
  return `*[System[TimeCreated[timediff(@SystemTime) <= ${ms}]]]`;
}

async function win32(ctx: CollectorContext, cap: number): Promise<void> {
  const ms = minutesSince(ctx.since) * 60_000;
  // /rd:true reads newest first, so keeping the head of the output keeps the newest events.
  await Promise.all([
    addCommandLog(ctx, ctx.name('systemLog'), 'wevtutil', ['qe', 'System', `/q:${eventQuery(ms)}`, '/f:text', '/rd:true'], { cap, keep: 'head' }),
    addCommandLog(ctx, ctx.name('kernelLog'), 'wevtutil', ['qe', 'System', `/q:*[System[Provider[starts-with(@Name,'Microsoft-Windows-Kernel')] and TimeCreated[timediff(@SystemTime) <= ${ms}]]]`, '/f:text', '/rd:true'], { cap, keep: 'head' }),
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
    if (platform === 'darwin') return [`log show --last <N>m --style syslog --info (${cap})`, 'log show --last <N>m --predicate \'sender == "kernel"\''];
    return [
      `wevtutil qe System /q:"*[System[TimeCreated[timediff(@SystemTime) <= <ms>]]]" /f:text /rd:true (${cap})`,
      "wevtutil qe System (providers Microsoft-Windows-Kernel-*) as the kernel log",
      'C:\\Windows\\System32\\winevt\\Logs\\System.evtx is the source (wevtutil epl System <file> exports it whole)',
    ];
  },

  async run(ctx) {
    const cap = ctx.policy.caps.systemLogBytes;
    if (ctx.platform === 'linux') return linuxLogs(ctx, cap);
    if (ctx.platform === 'darwin') return darwin(ctx, cap);
    return win32(ctx, cap);
  },
};
