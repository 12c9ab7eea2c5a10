/**
 * 系统信息: OS, hardware, CPU, memory, disks and file systems with free space, uptime, locale and
 * time zone (checklist item 3, 系统环境检查), as readable text and as JSON.
 *
 * File systems come from `df` run through `ctx.exec` (asynchronous, with a timeout, killed on
 * abort), not from node-disk-info: its getDiskInfo() runs `df` with execSync, which blocks the
 * whole engine — a hung network mount would freeze every collector beyond any timeout.
 */
import os from 'node:os';
import type { Platform } from '../../../shared/types.js';
import { TOOL_VERSION } from '../version.js';
import { commandLine, failureOf, tryExec } from './support/run.js';
import { describePlan } from './support/plan.js';
import { documentTitle, formatBytes, formatDuration, formatFields, formatTable, heading, tr } from './support/text.js';
import { darwinSystemFacts, darwinSystemPlan, formatDarwinSystem, type DarwinSystemFacts } from './system.darwin.js';
import { formatWindowsSystem, windowsSystemFacts, windowsSystemPlan, windowsVolumes, type WindowsSystemFacts } from './system.win32.js';
import type { Collector, CollectorContext, PlannedCommand } from './types.js';

export interface FileSystemRow {
  filesystem: string;
  type: string;
  sizeBytes: number;
  usedBytes: number;
  availableBytes: number;
  usePercent: number | null;
  mount: string;
}

/**
 * Parses POSIX `df -P -k` output, with a Type column when `-T` was given (GNU df). Mount points
 * with spaces are kept whole: everything after the fifth (sixth with -T) column is the mount.
 */
export function parseDf(text: string, withType: boolean): FileSystemRow[] {
  const rows: FileSystemRow[] = [];
  for (const line of text.split('\n').slice(1)) {
    const t = line.trim().split(/\s+/);
    if (t.length < (withType ? 7 : 6)) continue;
    const [filesystem, type] = withType ? [t[0]!, t[1]!] : [t[0]!, ''];
    const n = withType ? t.slice(2) : t.slice(1);
    const [blocks, used, avail, cap] = n;
    const mount = n.slice(4).join(' ');
    const pct = /^(\d+)%$/.exec(cap ?? '');
    rows.push({
      filesystem,
      type,
      sizeBytes: Number(blocks) * 1024,
      usedBytes: Number(used) * 1024,
      availableBytes: Number(avail) * 1024,
      usePercent: pct ? Number(pct[1]) : null,
      mount,
    });
  }
  return rows;
}

const DF_TIMEOUT_MS = 5_000;

async function fileSystems(ctx: CollectorContext): Promise<FileSystemRow[]> {
  if (ctx.platform === 'win32') return windowsVolumes(ctx);
  const withType = ctx.platform === 'linux';
  const args = withType ? ['-P', '-k', '-T'] : ['-P', '-k'];
  let r = await tryExec(ctx, 'df', args, { timeoutMs: DF_TIMEOUT_MS });
  if (r?.timedOut) {
    // A hung network mount: ask again for local file systems only, and say so.
    ctx.warn(`${commandLine('df', args)} timed out (a network file system not answering?); listing local file systems only`);
    r = await tryExec(ctx, 'df', [...args, '-l'], { timeoutMs: DF_TIMEOUT_MS });
  }
  if (!r) return [];
  const failure = failureOf(r);
  // df exits 1 when one mount cannot be read but still prints the others.
  if (failure && r.stdout.length === 0) {
    ctx.skip(commandLine('df', args), failure);
    return [];
  }
  if (failure) ctx.warn(`df: ${failure}`);
  return parseDf(r.stdout.toString('utf8'), withType);
}

/** Runs a systeminformation call; a failure is a warning and an empty section, never a crash. */
async function siCall<T>(ctx: CollectorContext, what: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (err) {
    ctx.warn(`${what}: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

function localeInfo() {
  const resolved = Intl.DateTimeFormat().resolvedOptions();
  const offsetMin = -new Date().getTimezoneOffset();
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  const offset = `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  const env = process.env;
  return {
    locale: resolved.locale,
    timeZone: resolved.timeZone,
    utcOffset: offset,
    LANG: env.LANG,
    LC_ALL: env.LC_ALL,
    LC_MESSAGES: env.LC_MESSAGES,
    LANGUAGE: env.LANGUAGE,
  };
}

export const systemCollector: Collector = {
  id: 'system',
  category: 'system',
  title: { 'zh-CN': '系统信息', en: 'System information' },
  platforms: ['linux', 'win32', 'darwin'],
  // Windows starts several PowerShells and macOS system_profiler: both can take seconds.
  timeoutMs: 30_000,
  sensitive: false,

  describe(platform: Platform): string[] {
    const common = ['OS, hardware model, CPU, memory (systeminformation: osInfo, system, cpu, mem, blockDevices)', 'uptime, host name, locale (Intl, LANG/LC_*), time zone'];
    if (platform === 'linux') return [...common, 'df -P -k -T (file systems and free space; -l on a hung network mount)', 'lsblk (disks, via systeminformation)', '/sys/class/dmi/id, /proc/cpuinfo, /etc/os-release'];
    if (platform === 'darwin') return [...common, 'df -P -k (file systems and free space)', ...describePlan('darwin', darwinSystemPlan()), 'sysctl (via systeminformation)'];
    return [...common, ...describePlan('win32', windowsSystemPlan()), 'Win32_ComputerSystem, Win32_Processor, Win32_OperatingSystem (via systeminformation)'];
  },

  plan(platform: Platform): PlannedCommand[] {
    if (platform === 'darwin') return [{ command: 'df', args: ['-P', '-k'], purpose: 'file systems and free space' }, ...darwinSystemPlan()];
    if (platform === 'win32') return windowsSystemPlan();
    return [];
  },

  async run(ctx) {
    const L = (zh: string, en: string) => tr(ctx.lang, zh, en);
    // Loaded here, not at the top: `diagcollect list` imports this module and must start light.
    const { default: si } = await import('systeminformation');
    const [osInfo, system, cpu, mem, blocks, fs, winFacts, macFacts] = await Promise.all([
      siCall(ctx, 'osInfo', () => si.osInfo()),
      siCall(ctx, 'system', () => si.system()),
      siCall(ctx, 'cpu', () => si.cpu()),
      siCall(ctx, 'mem', () => si.mem()),
      siCall(ctx, 'blockDevices', () => si.blockDevices()),
      fileSystems(ctx),
      ctx.platform === 'win32' ? windowsSystemFacts(ctx) : Promise.resolve<WindowsSystemFacts | undefined>(undefined),
      ctx.platform === 'darwin' ? darwinSystemFacts(ctx) : Promise.resolve<DarwinSystemFacts | undefined>(undefined),
    ]);
    const locale = localeInfo();
    const uptimeSeconds = os.uptime();
    const load = ctx.platform === 'win32' ? undefined : os.loadavg().map((n) => n.toFixed(2)).join(' ');

    let text = documentTitle(L('系统信息', 'System information'), TOOL_VERSION);
    text += heading(L('操作系统', 'Operating system'), 2);
    text += formatFields([
      [L('系统', 'System'), osInfo ? `${osInfo.distro} ${osInfo.release}${osInfo.codename ? ` (${osInfo.codename})` : ''}` : `${os.type()} ${os.release()}`],
      [L('内核', 'Kernel'), osInfo?.kernel ?? os.release()],
      [L('架构', 'Architecture'), osInfo?.arch ?? os.arch()],
      [L('主机名', 'Host name'), os.hostname()],
      [L('运行时间', 'Uptime'), `${formatDuration(uptimeSeconds)} (${L('自', 'since')} ${new Date(Date.now() - uptimeSeconds * 1000).toISOString()})`],
      [L('负载', 'Load average'), load],
      [L('启动方式', 'Boot'), osInfo ? (osInfo.uefi ? 'UEFI' : 'BIOS/unknown') : undefined],
    ]);
    text += `\n${heading(L('硬件', 'Hardware'), 2)}`;
    text += formatFields([
      [L('厂商', 'Vendor'), system?.manufacturer || '—'],
      [L('型号', 'Model'), [system?.model, system?.version].filter((s) => s && s !== '-').join(' ') || '—'],
      [L('虚拟机', 'Virtual machine'), system ? (system.virtual ? `${L('是', 'yes')}${system.virtualHost ? ` (${system.virtualHost})` : ''}` : L('否', 'no')) : undefined],
      ['CPU', cpu ? `${cpu.manufacturer} ${cpu.brand}`.trim() : os.cpus()[0]?.model],
      [L('核心', 'Cores'), cpu ? `${cpu.physicalCores} ${L('物理', 'physical')}, ${cpu.cores} ${L('逻辑', 'logical')}` : String(os.cpus().length)],
      [L('频率', 'Speed'), cpu?.speed ? `${cpu.speed} GHz` : undefined],
      [L('内存总量', 'Memory total'), formatBytes(mem?.total ?? os.totalmem())],
      [L('可用内存', 'Memory available'), formatBytes(mem?.available ?? os.freemem())],
      [L('交换分区', 'Swap'), mem ? `${formatBytes(mem.swapused)} ${L('已用', 'used')} / ${formatBytes(mem.swaptotal)}` : undefined],
    ]);
    const disks = (blocks ?? []).filter((b) => b.type === 'disk');
    text += `\n${heading(L('磁盘', 'Disks'), 2)}`;
    text += formatTable(
      [L('设备', 'Device'), L('大小', 'Size'), L('类型', 'Type'), L('型号', 'Model')],
      disks.map((d) => [d.name, formatBytes(d.size), d.physical || '', d.model || '']),
      { right: [1], empty: L('（未列出磁盘）', '(no disks listed)') },
    );
    text += `\n${heading(L('文件系统与剩余空间', 'File systems and free space'), 2)}`;
    text += formatTable(
      [L('挂载点', 'Mounted on'), L('类型', 'Type'), L('大小', 'Size'), L('已用', 'Used'), L('可用', 'Free'), L('使用率', 'Use%'), L('文件系统', 'File system')],
      fs.map((f) => [f.mount, f.type, formatBytes(f.sizeBytes), formatBytes(f.usedBytes), formatBytes(f.availableBytes), f.usePercent === null ? '' : `${f.usePercent}%`, f.filesystem]),
      { right: [2, 3, 4, 5] },
    );
    text += `\n${heading(L('语言与时区', 'Locale and time zone'), 2)}`;
    text += formatFields([
      [L('区域设置', 'Locale'), locale.locale],
      [L('时区', 'Time zone'), `${locale.timeZone} (${locale.utcOffset})`],
      [L('本地时间', 'Local time'), new Date().toString()],
      ['LANG', locale.LANG],
      ['LC_ALL', locale.LC_ALL],
      ['LC_MESSAGES', locale.LC_MESSAGES],
      ['LANGUAGE', locale.LANGUAGE],
    ]);
    if (winFacts) text += formatWindowsSystem(winFacts, L);
    if (macFacts) text += formatDarwinSystem(macFacts, L);

    const source = ctx.platform === 'win32' ? 'systeminformation, reg query, Get-CimInstance, Get-HotFix, Get-MpComputerStatus, netsh advfirewall, os, Intl' : ctx.platform === 'darwin' ? 'systeminformation, df, system_profiler, sw_vers, os, Intl' : 'systeminformation, df, os, Intl';
    ctx.addText(ctx.name('system'), text, source);
    ctx.addJson(
      ctx.name('systemJson'),
      {
        os: osInfo ?? { platform: os.platform(), release: os.release(), arch: os.arch() },
        hostname: os.hostname(),
        uptimeSeconds,
        loadAverage: ctx.platform === 'win32' ? undefined : os.loadavg(),
        hardware: system ?? null,
        cpu: cpu ?? { model: os.cpus()[0]?.model, logicalCores: os.cpus().length },
        memory: mem ?? { total: os.totalmem(), free: os.freemem() },
        disks,
        fileSystems: fs,
        locale,
        ...(winFacts ? { windows: winFacts } : {}),
        ...(macFacts ? { macos: macFacts } : {}),
      },
      source,
    );
  },
};
