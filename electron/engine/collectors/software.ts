/**
 * 已安装软件: the installed software as one readable table per package manager. On Linux every
 * package manager that exists is asked (dpkg, rpm, flatpak, snap); a missing one is a skip with
 * its reason, not an error. Windows reads the Uninstall registry keys (what "Apps & features"
 * shows, software.win32.ts); macOS reads each app's Info.plist and pkgutil (software.darwin.ts).
 */
import type { Platform } from '../../../shared/types.js';
import { TOOL_VERSION } from '../version.js';
import { darwinSoftwarePlan, darwinSoftwareSections } from './software.darwin.js';
import { windowsSoftwarePlan, windowsSoftwareSections } from './software.win32.js';
import { describePlan } from './support/plan.js';
import { commandLine, failureOf, tryExec } from './support/run.js';
import { documentTitle, formatTable, heading, tr } from './support/text.js';
import type { Collector, CollectorContext, PlannedCommand } from './types.js';

const CMD_TIMEOUT_MS = 20_000;
const MAX_OUTPUT = 16 * 1024 * 1024;

export interface Section {
  title: string;
  source: string;
  body: string;
  count: number;
}

/** `dpkg-query -W -f '${db:Status-Abbrev}\t${Package}\t${Version}\t${Architecture}\n'` → rows (installed only). */
export function parseDpkg(text: string): { rows: string[][]; notInstalled: number } {
  const rows: string[][] = [];
  let notInstalled = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const [status = '', pkg = '', version = '', arch = ''] = line.split('\t');
    // Status-Abbrev: desired, status, error flags; status "i" = installed ("rc" = removed, config left).
    if (status[1] !== 'i') {
      notInstalled += 1;
      continue;
    }
    rows.push([pkg, version, arch, status.trim() === 'ii' ? '' : status.trim()]);
  }
  rows.sort((a, b) => a[0]!.localeCompare(b[0]!));
  return { rows, notInstalled };
}

/** Tab-separated lines → sorted rows. */
export function parseTabbed(text: string): string[][] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.split('\t').map((c) => c.trim()))
    .sort((a, b) => a[0]!.localeCompare(b[0]!));
}

const DPKG_ARGS = ['-W', '-f', '${db:Status-Abbrev}\t${Package}\t${Version}\t${Architecture}\n'];
const RPM_ARGS = ['-qa', '--qf', '%{NAME}\t%{VERSION}-%{RELEASE}\t%{ARCH}\n'];
const FLATPAK_ARGS = ['list', '--columns=application,version,branch,installation'];

async function run(ctx: CollectorContext, cmd: string, args: string[], missing?: string): Promise<string | undefined> {
  const r = await tryExec(ctx, cmd, args, { timeoutMs: CMD_TIMEOUT_MS, maxBytes: MAX_OUTPUT, keep: 'head', missing });
  if (!r) return undefined;
  const failure = failureOf(r);
  if (failure) {
    ctx.skip(commandLine(cmd, args), failure);
    return undefined;
  }
  if (r.truncated) ctx.warn(`${cmd}: output over ${MAX_OUTPUT} bytes; the list is cut`);
  return r.stdout.toString('utf8');
}

async function linuxSections(ctx: CollectorContext, L: (zh: string, en: string) => string): Promise<Section[]> {
  const [dpkgArgs, rpmArgs, flatpakArgs] = [DPKG_ARGS, RPM_ARGS, FLATPAK_ARGS];
  const [dpkg, rpm, flatpak, snap] = await Promise.all([
    run(ctx, 'dpkg-query', dpkgArgs, 'dpkg-query is not installed (not a Debian/Ubuntu system)'),
    run(ctx, 'rpm', rpmArgs, 'rpm is not installed (not a Red Hat/SUSE system)'),
    run(ctx, 'flatpak', flatpakArgs, 'flatpak is not installed'),
    run(ctx, 'snap', ['list'], 'snap is not installed'),
  ]);
  const sections: Section[] = [];
  const headers = [L('软件包', 'Package'), L('版本', 'Version'), L('架构', 'Architecture')];
  if (dpkg !== undefined) {
    const { rows, notInstalled } = parseDpkg(dpkg);
    let body = formatTable([...headers, L('状态', 'Status')], rows);
    if (notInstalled) body += L(`（另有 ${notInstalled} 个已卸载但保留配置的软件包未列出）\n`, `(${notInstalled} removed packages whose configuration files remain are not listed)\n`);
    sections.push({ title: 'dpkg (Debian/Ubuntu)', source: commandLine('dpkg-query', dpkgArgs), body, count: rows.length });
  }
  if (rpm !== undefined) {
    const rows = parseTabbed(rpm);
    sections.push({ title: 'rpm (Red Hat/SUSE)', source: commandLine('rpm', rpmArgs), body: formatTable(headers, rows), count: rows.length });
  }
  if (flatpak !== undefined) {
    const rows = parseTabbed(flatpak);
    sections.push({ title: 'Flatpak', source: commandLine('flatpak', flatpakArgs), body: formatTable([L('应用', 'Application'), L('版本', 'Version'), L('分支', 'Branch'), L('安装位置', 'Installation')], rows), count: rows.length });
  }
  if (snap !== undefined) {
    const lines = snap.trimEnd().split('\n');
    sections.push({ title: 'Snap', source: 'snap list', body: `${snap.trimEnd()}\n`, count: Math.max(0, lines.length - 1) });
  }
  return sections;
}

/**
 * Parses the JSON of Get-ItemProperty on the Uninstall keys (one object, or an array). The
 * collector reads the keys with `reg query` now (software.win32.ts); kept for scripts that
 * hand over PowerShell's answer.
 */
export function parseWindowsUninstall(json: string): string[][] {
  const parsed = JSON.parse(json || '[]') as unknown;
  const list = (Array.isArray(parsed) ? parsed : [parsed]) as Array<Record<string, unknown>>;
  const rows = list
    .filter((p) => typeof p.DisplayName === 'string' && p.DisplayName)
    .map((p) => [String(p.DisplayName), String(p.DisplayVersion ?? ''), String(p.Publisher ?? ''), String(p.InstallDate ?? '')]);
  const unique = new Map(rows.map((r) => [r.join('\t'), r]));
  return [...unique.values()].sort((a, b) => a[0]!.localeCompare(b[0]!));
}

export const softwareCollector: Collector = {
  id: 'software',
  category: 'software',
  title: { 'zh-CN': '已安装软件', en: 'Installed software' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 45_000,
  sensitive: false,

  describe(platform: Platform): string[] {
    if (platform === 'linux') {
      return [
        commandLine('dpkg-query', DPKG_ARGS),
        commandLine('rpm', RPM_ARGS),
        commandLine('flatpak', FLATPAK_ARGS),
        'snap list',
      ];
    }
    if (platform === 'darwin') return describePlan('darwin', darwinSoftwarePlan());
    return describePlan('win32', windowsSoftwarePlan());
  },

  plan(platform: Platform): PlannedCommand[] {
    if (platform === 'win32') return windowsSoftwarePlan();
    if (platform === 'darwin') return darwinSoftwarePlan();
    return [];
  },

  async run(ctx) {
    const L = (zh: string, en: string) => tr(ctx.lang, zh, en);
    const sections = ctx.platform === 'linux' ? await linuxSections(ctx, L) : ctx.platform === 'win32' ? await windowsSoftwareSections(ctx, L) : await darwinSoftwareSections(ctx, L);
    if (sections.length === 0) {
      ctx.warn('no package manager could be asked; the installed-software list is missing');
      return;
    }
    let text = documentTitle(L('已安装软件', 'Installed software'), TOOL_VERSION);
    for (const s of sections) text += `${heading(`${s.title} — ${s.count} ${L('项', 'entries')}`, 2)}${L('来源', 'Source')}: ${s.source}\n\n${s.body}\n`;
    ctx.addText(ctx.name('software'), text, sections.map((s) => s.source).join('; '));
  },
};
