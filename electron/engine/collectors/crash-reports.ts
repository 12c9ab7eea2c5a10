/**
 * 崩溃报告 (malfunction): the product's recent crash reports, from the log window on. Linux:
 * systemd-coredump's list (`coredumpctl list`, the metadata only — core files are memory
 * images, never copied) and Ubuntu's apport reports in /var/crash. Windows: Windows Error
 * Reporting's Report.wer files (ReportArchive and ReportQueue, machine and user). macOS:
 * DiagnosticReports (.ips, .crash), the user's and the machine's. Only reports of the product's
 * processes are copied (policy `triage.processNames`, default the programs of the products'
 * version commands); without names, the reports are listed but not copied.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { entryIn } from '../../../shared/naming.js';
import type { Policy } from '../../../shared/policy.js';
import type { Platform } from '../../../shared/types.js';
import { expandPath } from '../platform/paths.js';
import { safeEntryPart } from './support/copy-files.js';
import { forProblemTypes } from './support/gates.js';
import { formatSections, runSection } from './support/sections.js';
import { documentTitle, formatLocalTime, formatTable, heading, tr } from './support/text.js';
import type { Collector, PlannedCommand } from './types.js';
import { TOOL_VERSION } from '../version.js';

const MAX_REPORTS = 20;

/** Where each platform keeps crash reports (variables expanded at run time). */
export const CRASH_FOLDERS: Record<Platform, string[]> = {
  linux: ['/var/crash'],
  win32: ['%ProgramData%\\Microsoft\\Windows\\WER\\ReportArchive', '%ProgramData%\\Microsoft\\Windows\\WER\\ReportQueue', '%LOCALAPPDATA%\\Microsoft\\Windows\\WER\\ReportArchive', '%LOCALAPPDATA%\\Microsoft\\Windows\\WER\\ReportQueue'],
  darwin: ['~/Library/Logs/DiagnosticReports', '/Library/Logs/DiagnosticReports'],
};

/** The product's process names: policy, else the programs of the products' version commands. */
export function processNames(policy: Policy): string[] {
  const named = policy.triage.processNames.length ? policy.triage.processNames : policy.products.flatMap((p) => (p.versionCommand ? [basename(p.versionCommand[0]!.replace(/\\/g, '/'))] : []));
  return [...new Set(named.map((n) => n.replace(/\.exe$/i, '').toLowerCase()))];
}

export function coredumpPlan(since: Date, names: readonly string[]): PlannedCommand {
  return { command: 'coredumpctl', args: ['list', '--no-pager', '--since', formatLocalTime(since), ...names.map((n) => `COREDUMP_COMM=${n}`)], purpose: 'the core dumps systemd-coredump recorded for the product\'s processes (metadata only)' };
}

/**
 * Whether a report belongs to one of the processes: apport's `_usr_bin_xxsoftware.1000.crash`,
 * WER's `AppCrash_XXSoftware.exe_4f3c…_cab_…` folder, macOS's `XXSoftware-2024-01-15-093001.ips`.
 */
export function reportProcess(name: string, names: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  return names.find((n) => {
    const esc = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[_/])${esc}(\\.exe)?([._-]|$)`).test(lower);
  });
}

/** `Key=Value` lines of a Report.wer (UTF-16LE with BOM, or UTF-8): the fields support reads first. */
export function parseReportWer(data: Buffer): Record<string, string> {
  const text = data[0] === 0xff && data[1] === 0xfe ? data.subarray(2).toString('utf16le') : data.toString('utf8');
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf('=');
    if (i > 0) fields.set(line.slice(0, i), line.slice(i + 1));
  }
  const sig = (label: RegExp) => {
    for (let n = 0; n < 12; n += 1) if (label.test(fields.get(`Sig[${n}].Name`) ?? '')) return fields.get(`Sig[${n}].Value`);
    return undefined;
  };
  const out: Record<string, string> = {};
  const put = (k: string, v: string | undefined) => void (v && (out[k] = v));
  put('eventType', fields.get('EventType'));
  put('application', sig(/^(Application Name|应用程序名称|应用程序名)$/));
  put('version', sig(/^(Application Version|应用程序版本)$/));
  put('faultModule', sig(/^(Fault Module Name|故障模块名称)$/));
  put('exceptionCode', sig(/^(Exception Code|异常代码)$/));
  const ft = fields.get('EventTime');
  // FILETIME: 100 ns since 1601-01-01.
  if (ft && /^\d+$/.test(ft)) put('time', new Date(Number(BigInt(ft) / 10_000n) - 11_644_473_600_000).toISOString());
  return out;
}

interface FoundReport {
  path: string;
  process: string;
  mtime: Date;
}

/** Reports newer than `since` in the folders (WER: each report is a folder holding Report.wer). */
export async function findReports(folders: readonly string[], names: readonly string[], since: Date): Promise<{ matched: FoundReport[]; others: number }> {
  const matched: FoundReport[] = [];
  let others = 0;
  for (const folder of folders) {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const full = join(folder, e.name);
      const file = e.isDirectory() ? join(full, 'Report.wer') : full;
      const st = await stat(file).catch(() => undefined);
      if (!st?.isFile() || st.mtime < since) continue;
      const process = reportProcess(e.name, names);
      if (process) matched.push({ path: file, process, mtime: st.mtime });
      else others += 1;
    }
  }
  matched.sort((a, b) => b.mtime.getTime() - a.mtime.getTime());
  return { matched: matched.slice(0, MAX_REPORTS), others };
}

export const crashReportsCollector: Collector = {
  id: 'crash-reports',
  category: 'system-logs',
  title: { 'zh-CN': '崩溃报告', en: 'Crash reports' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 20_000,
  sensitive: false,
  gate: forProblemTypes('malfunction'),

  describe(platform: Platform, policy: Policy): string[] {
    const names = processNames(policy);
    const who = names.length ? names.join(', ') : 'no process names configured (triage.processNames): reports are listed, not copied';
    return [...(platform === 'linux' ? [`coredumpctl list --no-pager --since "<since>"${names.map((n) => ` COREDUMP_COMM=${n}`).join('')} — core dumps (metadata only)`] : []), ...CRASH_FOLDERS[platform].map((f) => `${f} — crash reports of the log window`), `processes: ${who}`];
  },


  async run(ctx) {
    const L = (zh: string, en: string) => tr(ctx.lang, zh, en);
    const names = processNames(ctx.policy);
    const folders = CRASH_FOLDERS[ctx.platform].flatMap((f) => {
      const e = expandPath(f, process.env, ctx.platform);
      return e.ok ? [e.path] : [];
    });
    const [found, coredumps] = await Promise.all([
      findReports(folders, names, ctx.since),
      ctx.platform === 'linux' ? runSection(ctx, { title: 'coredumpctl', ...coredumpPlan(ctx.since, names), okCodes: [1] }) : Promise.resolve(undefined),
    ]);
    const rows: string[][] = [];
    for (const r of found.matched) {
      const name = entryIn('crashReportDir', safeEntryPart(r.path.split(/[\\/]/).slice(-2).join('_')), ctx.lang);
      if (await ctx.addFile(name, r.path, { mode: 'tail', kind: 'text' })) rows.push([r.process, formatLocalTime(r.mtime), name]);
    }
    let text = `${documentTitle(L('崩溃报告', 'Crash reports'), TOOL_VERSION)}`;
    text += `${L('产品进程', 'Product processes')}: ${names.join(', ') || L('（策略未配置 triage.processNames）', '(none configured: triage.processNames)')}\n${L('时间范围', 'Since')}: ${formatLocalTime(ctx.since)}\n${L('查找位置', 'Looked in')}: ${folders.join(', ')}\n\n`;
    text += rows.length ? formatTable([L('进程', 'Process'), L('时间', 'Time'), L('归档中的文件', 'Entry')], rows) : `${L('没有找到产品进程的崩溃报告。', 'No crash report of the product\'s processes was found.')}\n`;
    if (found.others) text += `\n${L(`另有 ${found.others} 份其他程序的崩溃报告（未收集）。`, `${found.others} crash report(s) of other programs (not collected).`)}\n`;
    if (coredumps) text += `\n${heading(L('核心转储（systemd-coredump）', 'Core dumps (systemd-coredump)'), 2)}${formatSections([coredumps])}`;
    ctx.addText(ctx.name('crashReports'), text, [...folders, coredumps?.source].filter(Boolean).join(', '));
  },
};
