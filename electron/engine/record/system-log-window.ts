/**
 * The system log of the recording only: what the system logged between Start and Stop.
 * Linux asks the journal for its cursor at Start and reads after it at Stop (the journal's own
 * offset: nothing before Start, however busy the log); without a journal the classic syslog
 * file is followed by offset (log-tail.ts). Windows (wevtutil, per event log, by time) and macOS
 * (log show, by time) read the same window at Stop; their commands are plans tested here.
 */
import { writeFile } from 'node:fs/promises';
import type { Policy } from '../../../shared/policy.js';
import type { Platform } from '../../../shared/types.js';
import { exec } from '../platform/exec.js';

const LOG_TIMEOUT_MS = 30_000;

export interface PlannedLog {
  /** File name in the recording folder. */
  file: string;
  command: string;
  args: string[];
}

/** `-- cursor: s=…` from `journalctl -n 0 --show-cursor`. */
export function parseJournalCursor(stdout: string): string | undefined {
  return /^-- cursor: (\S+)\s*$/m.exec(stdout)?.[1];
}

/** Local time as `YYYY-MM-DD HH:MM:SS` (what `log show --start` reads). */
function localStamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** The commands that read the system log between `start` and `stop` on a platform. */
export function systemLogWindowPlan(platform: Platform, policy: Pick<Policy, 'windowsEventLogs' | 'macosLogPredicate'>, start: Date, stop: Date, cursor?: string): PlannedLog[] {
  if (platform === 'win32') {
    const query = `*[System[TimeCreated[@SystemTime>='${start.toISOString()}' and @SystemTime<='${stop.toISOString()}']]]`;
    return policy.windowsEventLogs.map((log) => ({ file: `${log.replace(/[^\p{L}\p{N}_.-]+/gu, '_')}.txt`, command: 'wevtutil', args: ['qe', log, `/q:${query}`, '/f:text', '/rd:false'] }));
  }
  if (platform === 'darwin') {
    const args = ['show', '--start', localStamp(start), '--end', localStamp(stop), '--style', 'ndjson', '--info'];
    if (policy.macosLogPredicate) args.push('--predicate', policy.macosLogPredicate);
    return [{ file: 'unified-log.ndjson', command: 'log', args }];
  }
  if (!cursor) return [];
  return [{ file: 'journal.txt', command: 'journalctl', args: ['--after-cursor', cursor, '--no-pager', '-o', 'short-iso-precise'] }];
}

/** The journal's cursor now, or undefined when there is no readable journal. */
export async function journalCursor(signal?: AbortSignal): Promise<string | undefined> {
  try {
    const r = await exec('journalctl', ['-n', '0', '--show-cursor', '--no-pager'], { timeoutMs: 10_000, maxBytes: 64 * 1024, ...(signal ? { signal } : {}) });
    return r.code === 0 ? parseJournalCursor(r.stdout.toString('utf8')) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs the plan, each output into its file in `dir`; returns the files written and the problems. */
export async function readSystemLogWindow(plan: readonly PlannedLog[], dir: string, maxBytes: number): Promise<{ files: Array<{ file: string; source: string; bytes: number }>; problems: string[] }> {
  const files: Array<{ file: string; source: string; bytes: number }> = [];
  const problems: string[] = [];
  for (const p of plan) {
    try {
      const r = await exec(p.command, p.args, { timeoutMs: LOG_TIMEOUT_MS, maxBytes, keep: 'head' });
      if (r.code !== 0) {
        problems.push(`${p.command} ${p.args[0]}: exit ${r.code ?? r.signal}${r.stderr ? ` (${r.stderr.trim().split('\n')[0]})` : ''}`);
        continue;
      }
      await writeFile(`${dir}/${p.file}`, r.stdout, { mode: 0o600 });
      // The journal's cursor is long and says nothing to a reader: the command is named without it.
      const shown = p.command === 'journalctl' ? 'journalctl --after-cursor <cursor at Start> -o short-iso-precise' : `${p.command} ${p.args.join(' ')}`;
      files.push({ file: p.file, source: shown, bytes: r.stdout.length });
    } catch (err) {
      problems.push(`${p.command}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { files, problems };
}
