/**
 * 重启验证 on Windows: the three registry signals that a restart is pending — component servicing
 * (CBS RebootPending), Windows Update (Auto Update\RebootRequired), and files waiting to be
 * replaced at boot (Session Manager PendingFileRenameOperations). `reg query` exits 0 when the key
 * or value exists and 1 when it does not.
 */
import { parseRegQuery } from '../collectors/support/registry.js';
import { decodeWindowsOutput } from '../platform/windows-output.js';
import type { CheckContext } from './types.js';

export interface RebootSignal {
  id: 'cbs' | 'windows-update' | 'file-rename';
  args: string[];
}

export const WINDOWS_REBOOT_SIGNALS: RebootSignal[] = [
  {
    id: 'cbs',
    args: ['query', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending'],
  },
  {
    id: 'windows-update',
    args: ['query', 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired'],
  },
  {
    id: 'file-rename',
    args: ['query', 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager', '/v', 'PendingFileRenameOperations'],
  },
];

export interface RegAnswer {
  code: number | null;
  text: string;
}

/** Which signals are on: a key that exists; for PendingFileRenameOperations, a value that is not empty. */
export function windowsRebootVerdict(answers: Record<string, RegAnswer | undefined>): { pending: RebootSignal[]; unknown: RebootSignal[]; fileCount?: number } {
  const pending: RebootSignal[] = [];
  const unknown: RebootSignal[] = [];
  let fileCount: number | undefined;
  for (const signal of WINDOWS_REBOOT_SIGNALS) {
    const a = answers[signal.id];
    if (!a || (a.code !== 0 && a.code !== 1)) {
      unknown.push(signal);
      continue;
    }
    if (a.code === 1) continue;
    if (signal.id === 'file-rename') {
      const value = parseRegQuery(a.text).flatMap((k) => (k.values.PendingFileRenameOperations ? [k.values.PendingFileRenameOperations] : []))[0];
      // Pairs of source and target; an empty target means "delete at boot", so the empty strings
      // count for the pairing: one operation per non-empty source at an even position.
      const entries = (value?.data ?? '').split('\\0');
      const operations = entries.filter((e, i) => i % 2 === 0 && e !== '').length;
      if (operations === 0) continue;
      fileCount = operations;
    }
    pending.push(signal);
  }
  return { pending, unknown, ...(fileCount !== undefined ? { fileCount } : {}) };
}

/** Asks the registry for each signal (in parallel). */
export async function readWindowsRebootSignals(ctx: Pick<CheckContext, 'exec'>): Promise<Record<string, RegAnswer | undefined>> {
  const answers = await Promise.all(
    WINDOWS_REBOOT_SIGNALS.map(async (s) => {
      const r = await ctx.exec('reg', s.args, { timeoutMs: 5_000, maxBytes: 1024 * 1024 }).catch(() => undefined);
      return [s.id, r ? { code: r.timedOut ? null : r.code, text: decodeWindowsOutput(r.stdout) } : undefined] as const;
    }),
  );
  return Object.fromEntries(answers);
}
