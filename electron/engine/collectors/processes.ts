/**
 * 进程列表: every process with PID, user, CPU %, resident memory, start time and command line,
 * with the top consumers first (the "运行缓慢 / slow" path: close background programs). `ps`
 * answers in ~10 ms; systeminformation's processes() samples CPU and costs several times more.
 */
import type { Platform } from '../../../shared/types.js';
import { TOOL_VERSION } from '../version.js';
import { windowsProcesses, windowsProcessPlan, type WindowsProcesses } from './processes.win32.js';
import { describePlan } from './support/plan.js';
import { commandLine, commandText, failureOf, tryExec } from './support/run.js';
import { documentTitle, formatBytes, formatDuration, formatLocalTime, formatTable, heading, tr } from './support/text.js';
import type { Collector, CollectorContext, PlannedCommand } from './types.js';

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

function darwinProcessPlan(): PlannedCommand[] {
  return [
    { command: 'ps', args: PS_FIELDS.darwin, purpose: 'every process: PID, user, CPU %, memory, start time, command line' },
    { command: 'launchctl', args: ['list'], purpose: 'launchd jobs of this user (services and agents), running or not' },
  ];
}

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

export { parseWin32Processes } from './processes.win32.js';

/** `launchctl list`: "PID\tStatus\tLabel" then one line per job ("-" = not running). */
export function parseLaunchctlList(text: string): Array<{ pid: string; status: string; label: string }> {
  return text
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .filter((f) => f.length >= 3 && f[2])
    .map(([pid, status, label]) => ({ pid: pid!, status: status!, label: label! }));
}

async function listProcesses(ctx: CollectorContext): Promise<{ rows: Array<ProcessRow & { cpuSeconds?: number }>; source: string; windows?: WindowsProcesses } | undefined> {
  if (ctx.platform === 'win32') {
    const found = await windowsProcesses(ctx);
    return found ? { rows: found.rows, source: found.source, windows: found } : undefined;
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
    if (platform === 'win32') return describePlan('win32', windowsProcessPlan());
    if (platform === 'darwin') return describePlan('darwin', darwinProcessPlan());
    return [commandLine('ps', PS_FIELDS[platform])];
  },

  plan(platform: Platform): PlannedCommand[] {
    if (platform === 'win32') return windowsProcessPlan();
    if (platform === 'darwin') return darwinProcessPlan();
    return [];
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
    // Windows tells CPU time, not a percentage (that needs two samples).
    const cpuTime = rows.some((p) => p.cpuSeconds !== undefined);
    const headers = ['PID', L('用户', 'User'), cpuTime ? L('CPU 时间', 'CPU time') : 'CPU%', L('内存(RSS)', 'Memory (RSS)'), L('启动时间', 'Started'), L('命令', 'Command')];
    const cells = (p: ProcessRow & { cpuSeconds?: number }) => [
      String(p.pid),
      p.user,
      cpuTime ? (p.cpuSeconds === undefined ? '' : formatDuration(p.cpuSeconds)) : p.cpuPercent === null ? '' : p.cpuPercent.toFixed(1),
      formatBytes(p.rssBytes),
      p.started,
      p.command,
    ];
    const opts = { right: [0, 2, 3] };
    const topCpu = cpuTime
      ? [...rows].filter((p) => p.cpuSeconds !== undefined).sort((a, b) => b.cpuSeconds! - a.cpuSeconds!).slice(0, 10)
      : [...rows].filter((p) => p.cpuPercent !== null).sort((a, b) => b.cpuPercent! - a.cpuPercent!).slice(0, 10);
    const topMem = [...rows].sort((a, b) => b.rssBytes - a.rssBytes).slice(0, 10);
    const totalRss = rows.reduce((s, p) => s + p.rssBytes, 0);

    let text = documentTitle(L('进程列表', 'Processes'), TOOL_VERSION);
    text += `${L('进程数', 'Processes')}: ${rows.length}    ${L('内存合计(RSS)', 'Total resident memory')}: ${formatBytes(totalRss)}\n${L('来源', 'Source')}: ${source}\n\n`;
    if (topCpu.length) text += `${heading(cpuTime ? L('CPU 时间最多的 10 个进程', 'Top 10 by CPU time') : L('CPU 占用最高的 10 个进程', 'Top 10 by CPU'), 2)}${formatTable(headers, topCpu.map(cells), opts)}\n`;
    text += `${heading(L('内存占用最高的 10 个进程', 'Top 10 by memory'), 2)}${formatTable(headers, topMem.map(cells), opts)}\n`;
    text += `${heading(L('全部进程（按 PID）', 'All processes (by PID)'), 2)}${formatTable(headers, [...rows].sort((a, b) => a.pid - b.pid).map(cells), opts)}`;
    const services = listed.windows?.services;
    if (services) {
      const running = services.filter((s) => /^running$/i.test(s.status)).length;
      text += `\n${heading(`${L('服务', 'Services')} (${listed.windows!.servicesSource}) — ${services.length}, ${running} ${L('个正在运行', 'running')}`, 2)}`;
      text += formatTable([L('名称', 'Name'), L('状态', 'State'), L('启动类型', 'Start type'), L('显示名称', 'Display name')], [...services].sort((a, b) => a.name.localeCompare(b.name)).map((s) => [s.name, s.status, s.startType, s.displayName]));
    }
    if (ctx.platform === 'darwin') {
      const jobs = await commandText(ctx, 'launchctl', ['list'], { timeoutMs: 10_000 });
      if (jobs !== undefined) {
        const list = parseLaunchctlList(jobs);
        text += `\n${heading(`${L('launchd 任务（当前用户）', 'launchd jobs (this user)')} — ${list.length}`, 2)}`;
        text += formatTable(['PID', L('上次退出码', 'Last exit'), L('标签', 'Label')], list.map((j) => [j.pid, j.status, j.label]), { right: [0, 1] });
      }
    }
    ctx.addText(ctx.name('processes'), text, [source, listed.windows?.servicesSource, ctx.platform === 'darwin' ? 'launchctl list' : undefined].filter(Boolean).join(', '));
  },
};
