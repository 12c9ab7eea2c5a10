/**
 * 进程列表: every process with PID, user, CPU %, resident memory, start time and command line,
 * with the top consumers first (the "运行缓慢 / slow" path: close background programs). `ps`
 * answers in ~10 ms; systeminformation's processes() samples CPU and costs several times more.
 */
import type { Platform } from '../../../shared/types.js';
import { TOOL_VERSION } from '../version.js';
import { commandLine, failureOf, powershellArgs, tryExec } from './support/run.js';
import { documentTitle, formatBytes, formatLocalTime, formatTable, heading, tr } from './support/text.js';
import type { Collector, CollectorContext } from './types.js';

export interface ProcessRow {
  pid: number;
  user: string;
  cpuPercent: number | null;
  rssBytes: number;
  started: string;
  command: string;
}

const PS_FIELDS: Record<'linux' | 'darwin', string[]> = {
  // user:32 — procps cuts user names to 8 characters (and a "+") by default.
  linux: ['-A', '-ww', '-o', 'pid=,user:32=,pcpu=,rss=,lstart=,args='],
  darwin: ['-A', '-ww', '-o', 'pid=,user=,pcpu=,rss=,lstart=,args='],
};

const LINE = /^\s*(\d+)\s+(\S+)\s+([\d.,]+)\s+(\d+)\s+(\w{3}\s+\w{3}\s+\d{1,2}\s+\d{1,2}:\d{2}:\d{2}\s+\d{4})\s?(.*)$/;

/** Parses `ps -o pid=,user=,pcpu=,rss=,lstart=,args=` (C locale; lstart like "Tue Nov 24 22:57:14 2026"). */
export function parsePs(text: string): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const started = new Date(m[5]!.replace(/\s+/g, ' '));
    rows.push({
      pid: Number(m[1]),
      user: m[2]!,
      cpuPercent: Number(m[3]!.replace(',', '.')),
      rssBytes: Number(m[4]) * 1024,
      started: Number.isNaN(started.getTime()) ? m[5]! : formatLocalTime(started),
      command: m[6]!,
    });
  }
  return rows;
}

/** Parses the JSON of `Get-CimInstance Win32_Process` (CPU % is not available without sampling). */
export function parseWin32Processes(json: string): ProcessRow[] {
  const parsed = JSON.parse(json || '[]') as unknown;
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

async function listProcesses(ctx: CollectorContext): Promise<{ rows: ProcessRow[]; source: string } | undefined> {
  if (ctx.platform === 'win32') {
    const script = 'Get-CimInstance Win32_Process | Select-Object ProcessId,Name,CommandLine,WorkingSetSize,CreationDate | ConvertTo-Json -Compress';
    const r = await tryExec(ctx, 'powershell.exe', powershellArgs(script), { timeoutMs: 15_000, maxBytes: 32 * 1024 * 1024 });
    if (!r) return undefined;
    const failure = failureOf(r);
    if (failure) {
      ctx.skip('Get-CimInstance Win32_Process', failure);
      return undefined;
    }
    return { rows: parseWin32Processes(r.stdout.toString('utf8')), source: 'Get-CimInstance Win32_Process' };
  }
  const args = PS_FIELDS[ctx.platform];
  const source = commandLine('ps', args);
  const r = await tryExec(ctx, 'ps', args, { timeoutMs: 10_000, maxBytes: 32 * 1024 * 1024, keep: 'head' });
  if (!r) return undefined;
  const failure = failureOf(r);
  if (failure) {
    ctx.skip(source, failure);
    return undefined;
  }
  return { rows: parsePs(r.stdout.toString('utf8')), source };
}

export const processesCollector: Collector = {
  id: 'processes',
  category: 'processes',
  title: { 'zh-CN': '进程列表', en: 'Processes' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 15_000,
  sensitive: false,

  describe(platform: Platform): string[] {
    if (platform === 'win32') return ['powershell Get-CimInstance Win32_Process (ProcessId, Name, CommandLine, WorkingSetSize, CreationDate)'];
    return [commandLine('ps', PS_FIELDS[platform])];
  },

  async run(ctx) {
    const L = (zh: string, en: string) => tr(ctx.lang, zh, en);
    const listed = await listProcesses(ctx);
    if (!listed) return;
    const { rows, source } = listed;
    if (rows.length === 0) {
      ctx.warn(`${source}: no process could be read from the output`);
      return;
    }
    const headers = ['PID', L('用户', 'User'), 'CPU%', L('内存(RSS)', 'Memory (RSS)'), L('启动时间', 'Started'), L('命令', 'Command')];
    const cells = (p: ProcessRow) => [String(p.pid), p.user, p.cpuPercent === null ? '' : p.cpuPercent.toFixed(1), formatBytes(p.rssBytes), p.started, p.command];
    const opts = { right: [0, 2, 3] };
    const topCpu = [...rows].filter((p) => p.cpuPercent !== null).sort((a, b) => b.cpuPercent! - a.cpuPercent!).slice(0, 10);
    const topMem = [...rows].sort((a, b) => b.rssBytes - a.rssBytes).slice(0, 10);
    const totalRss = rows.reduce((s, p) => s + p.rssBytes, 0);

    let text = documentTitle(L('进程列表', 'Processes'), TOOL_VERSION);
    text += `${L('进程数', 'Processes')}: ${rows.length}    ${L('内存合计(RSS)', 'Total resident memory')}: ${formatBytes(totalRss)}\n${L('来源', 'Source')}: ${source}\n\n`;
    if (topCpu.length) text += `${heading(L('CPU 占用最高的 10 个进程', 'Top 10 by CPU'), 2)}${formatTable(headers, topCpu.map(cells), opts)}\n`;
    text += `${heading(L('内存占用最高的 10 个进程', 'Top 10 by memory'), 2)}${formatTable(headers, topMem.map(cells), opts)}\n`;
    text += `${heading(L('全部进程（按 PID）', 'All processes (by PID)'), 2)}${formatTable(headers, [...rows].sort((a, b) => a.pid - b.pid).map(cells), opts)}`;
    ctx.addText(ctx.name('processes'), text, source);
  },
};
