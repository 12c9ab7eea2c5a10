/**
 * 进程列表 on Windows: `tasklist /v /fo csv` (user, memory, CPU time, window title, in any
 * language: the columns are read by position, the localized headers are not needed), completed
 * with each process's command line and start time from Win32_Process; the services and their
 * state (Get-Service, `sc query` when PowerShell fails).
 */
import type { ProcessRow } from './processes.js';
import { parseCsv, csvRecords } from './support/csv.js';
import { powershellArgs, powershellDisplay } from './support/run.js';
import { formatLocalTime } from './support/text.js';
import { windowsText } from './support/windows-run.js';
import type { CollectorContext, PlannedCommand } from './types.js';

export const PROCESS_SCRIPT = 'Get-CimInstance Win32_Process | Select-Object ProcessId,Name,CommandLine,WorkingSetSize,CreationDate | ConvertTo-Json -Compress';
export const SERVICE_SCRIPT = 'Get-Service | Select-Object Name,DisplayName,Status,StartType | ConvertTo-Csv -NoTypeInformation';

export function windowsProcessPlan(): PlannedCommand[] {
  return [
    { command: 'powershell.exe', args: powershellArgs(PROCESS_SCRIPT), display: powershellDisplay(PROCESS_SCRIPT), purpose: 'command lines and start times (Win32_Process)' },
    { command: 'tasklist', args: ['/v', '/fo', 'csv'], purpose: 'processes: PID, user, memory, CPU time, status, window title' },
    { command: 'powershell.exe', args: powershellArgs(SERVICE_SCRIPT), display: powershellDisplay(SERVICE_SCRIPT), purpose: 'services: name, state, start type' },
    { command: 'sc', args: ['query', 'type=', 'service', 'state=', 'all'], purpose: 'services, only when Get-Service fails' },
  ];
}

/** "0:01:23" → 83 s. */
export function parseCpuTime(value: string): number | undefined {
  const m = /^(\d+):(\d{2}):(\d{2})$/.exec(value.trim());
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : undefined;
}

/** tasklist's "not available" in English and Chinese. */
const NOT_AVAILABLE = new Set(['N/A', '暂缺', '不适用']);
const value = (s: string | undefined) => (s === undefined || NOT_AVAILABLE.has(s.trim()) ? '' : s.trim());

export interface TasklistRow extends ProcessRow {
  cpuSeconds?: number;
  status: string;
  windowTitle: string;
  session: string;
}

/**
 * `tasklist /v /fo csv`: "Image Name","PID","Session Name","Session#","Mem Usage","Status",
 * "User Name","CPU Time","Window Title" (localized headers, same order); memory as "12,345 K"
 * (or "12.345 K", "12 345 K" by locale).
 */
export function parseTasklistCsv(text: string): TasklistRow[] {
  const [, ...rows] = parseCsv(text);
  return rows
    .filter((r) => r.length >= 5 && /^\d+$/.test(r[1]!.trim()))
    .map((r) => {
      const cpu = parseCpuTime(r[7] ?? '');
      return {
        pid: Number(r[1]),
        user: value(r[6]),
        cpuPercent: null,
        ...(cpu === undefined ? {} : { cpuSeconds: cpu }),
        rssBytes: Number((r[4] ?? '').replace(/\D/g, '') || 0) * 1024,
        started: '',
        command: r[0]!.trim(),
        status: value(r[5]),
        windowTitle: value(r[8]),
        session: value(r[2]),
      };
    });
}

/** Parses the JSON of `Get-CimInstance Win32_Process` (CPU % is not available without sampling). */
export function parseWin32Processes(json: string): ProcessRow[] {
  const parsed = JSON.parse(json.replace(/^\uFEFF/, '') || '[]') as unknown;
  const list = (Array.isArray(parsed) ? parsed : [parsed]) as Array<Record<string, unknown>>;
  return list.map((p) => {
    const created = typeof p.CreationDate === 'string' ? /\/Date\((\d+)\)\//.exec(p.CreationDate) : null;
    return {
      pid: Number(p.ProcessId),
      user: '',
      cpuPercent: null,
      rssBytes: Number(p.WorkingSetSize ?? 0),
      started: created ? formatLocalTime(new Date(Number(created[1]))) : String(p.CreationDate ?? ''),
      command: String(p.CommandLine || p.Name || ''),
    };
  });
}

/** tasklist rows completed with Win32_Process's command line and start time, by PID. */
export function mergeProcesses(tasklist: TasklistRow[], cim: ProcessRow[]): TasklistRow[] {
  const byPid = new Map(cim.map((p) => [p.pid, p]));
  return tasklist.map((t) => {
    const c = byPid.get(t.pid);
    return c ? { ...t, started: c.started, command: c.command || t.command } : t;
  });
}

export interface ServiceRow {
  name: string;
  displayName: string;
  status: string;
  startType: string;
}

/** Get-Service | ConvertTo-Csv (SERVICE_SCRIPT). */
export function parseServicesCsv(text: string): ServiceRow[] {
  return csvRecords(text)
    .map((r) => ({ name: r.Name ?? '', displayName: r.DisplayName ?? '', status: r.Status ?? '', startType: r.StartType ?? '' }))
    .filter((s) => s.name);
}

/**
 * `sc query type= service state= all`: blocks of "SERVICE_NAME: x", "DISPLAY_NAME: y",
 * "STATE : 4  RUNNING" (Chinese Windows prints the same keys).
 */
export function parseScQuery(text: string): ServiceRow[] {
  const out: ServiceRow[] = [];
  let current: ServiceRow | undefined;
  for (const line of text.split(/\r*\n/)) {
    const name = /^SERVICE_NAME:\s*(.+)$/.exec(line.trim());
    if (name) {
      current = { name: name[1]!, displayName: '', status: '', startType: '' };
      out.push(current);
      continue;
    }
    if (!current) continue;
    const display = /^DISPLAY_NAME:\s*(.*)$/.exec(line.trim());
    if (display) current.displayName = display[1]!;
    const state = /^STATE\s*:\s*\d+\s+(\w+)/.exec(line.trim());
    if (state) current.status = state[1]!.charAt(0) + state[1]!.slice(1).toLowerCase();
  }
  return out;
}

export interface WindowsProcesses {
  rows: TasklistRow[];
  source: string;
  services?: ServiceRow[];
  servicesSource?: string;
}

export async function windowsProcesses(ctx: CollectorContext): Promise<WindowsProcesses | undefined> {
  const [cim, tasklist, services, sc] = windowsProcessPlan();
  const [tlOut, cimOut, svcOut] = await Promise.all([
    // /v asks every process's owner and window: seconds on a busy machine.
    windowsText(ctx, tasklist!.command, tasklist!.args, { timeoutMs: 20_000, maxBytes: 32 * 1024 * 1024 }),
    windowsText(ctx, cim!.command, cim!.args, { utf8: true, timeoutMs: 20_000, maxBytes: 32 * 1024 * 1024, source: 'Get-CimInstance Win32_Process' }),
    windowsText(ctx, services!.command, services!.args, { utf8: true, timeoutMs: 20_000, source: 'Get-Service' }),
  ]);
  let cimRows: ProcessRow[] = [];
  if (cimOut) {
    try {
      cimRows = parseWin32Processes(cimOut.text);
    } catch (err) {
      ctx.warn(`Get-CimInstance Win32_Process: unexpected output (${(err as Error).message})`);
    }
  }
  const tlRows = tlOut ? parseTasklistCsv(tlOut.text) : [];
  let result: WindowsProcesses | undefined;
  if (tlRows.length) result = { rows: mergeProcesses(tlRows, cimRows), source: cimRows.length ? 'tasklist /v /fo csv, Get-CimInstance Win32_Process' : 'tasklist /v /fo csv' };
  else if (cimRows.length) result = { rows: cimRows.map((p) => ({ ...p, status: '', windowTitle: '', session: '' })), source: 'Get-CimInstance Win32_Process' };
  if (!result) return undefined;
  if (svcOut) {
    result.services = parseServicesCsv(svcOut.text);
    result.servicesSource = 'Get-Service';
  } else {
    const scOut = await windowsText(ctx, sc!.command, sc!.args, { timeoutMs: 15_000 });
    if (scOut) {
      result.services = parseScQuery(scOut.text);
      result.servicesSource = 'sc query';
    }
  }
  return result;
}
