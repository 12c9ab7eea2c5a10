/**
 * Two pieces of 运行缓慢 evidence that are lists of what the system runs or wants to install:
 * 启动项 (programs started at boot or sign-in: "close background programs") and 待安装更新
 * (pending updates). Each command's output is kept as it is; a missing tool is a skip naming it.
 */
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import type { Platform } from '../../../shared/types.js';
import { forProblemTypes } from './support/gates.js';
import { describePlan } from './support/plan.js';
import { powershellArgs, powershellDisplay } from './support/run.js';
import { formatSections, runSections, type Section, type SectionCommand } from './support/sections.js';
import { documentTitle, tr } from './support/text.js';
import type { Collector, CollectorContext, PlannedCommand } from './types.js';
import { TOOL_VERSION } from '../version.js';
import { onPath } from '../platform/on-path.js';

const STARTUP_SCRIPT = 'Get-CimInstance Win32_StartupCommand | Select-Object Name,Command,Location,User | ConvertTo-Csv -NoTypeInformation';
const UPDATES_SCRIPT = "$s = New-Object -ComObject Microsoft.Update.Session; $s.CreateUpdateSearcher().Search('IsInstalled=0 and IsHidden=0').Updates | ForEach-Object { $_.Title }";

const ps = (title: string, script: string, timeoutMs: number): SectionCommand => ({ title, command: 'powershell.exe', args: powershellArgs(script), timeoutMs, display: powershellDisplay(script) });

export function startupCommands(platform: Platform): SectionCommand[] {
  if (platform === 'win32') return [ps('Win32_StartupCommand', STARTUP_SCRIPT, 20_000)];
  if (platform === 'darwin') return [];
  return [
    { title: 'systemd (system)', command: 'systemctl', args: ['list-unit-files', '--type=service', '--state=enabled', '--no-pager', '--no-legend'] },
    { title: 'systemd (user)', command: 'systemctl', args: ['--user', 'list-unit-files', '--type=service', '--state=enabled', '--no-pager', '--no-legend'] },
  ];
}

/** Folders whose entries start at boot or sign-in. */
export function startupFolders(platform: Platform, home: string = os.homedir()): string[] {
  if (platform === 'darwin') return [join(home, 'Library/LaunchAgents'), '/Library/LaunchAgents', '/Library/LaunchDaemons'];
  if (platform === 'linux') return ['/etc/xdg/autostart', join(home, '.config/autostart')];
  return [];
}

export function updateCommands(platform: Platform): SectionCommand[] {
  if (platform === 'win32') return [ps('Windows Update', UPDATES_SCRIPT, 40_000)];
  if (platform === 'darwin') return [{ title: 'softwareupdate', command: 'softwareupdate', args: ['--list', '--no-scan'], timeoutMs: 20_000 }];
  return [
    { title: 'apt', command: 'apt', args: ['list', '--upgradable'], timeoutMs: 30_000 },
    // dnf check-update exits 100 when there are updates.
    { title: 'dnf', command: 'dnf', args: ['check-update', '--cacheonly', '-q'], timeoutMs: 30_000, okCodes: [100] },
  ];
}

const plan = (commands: SectionCommand[], purpose: string): PlannedCommand[] => commands.map((c) => ({ command: c.command, args: c.args, purpose, ...(c.display ? { display: c.display } : {}) }));

async function folderSections(ctx: CollectorContext): Promise<Section[]> {
  const out: Section[] = [];
  for (const folder of startupFolders(ctx.platform)) {
    const names = await readdir(folder).catch(() => undefined);
    if (names) out.push({ title: folder, source: folder, text: names.sort().join('\n') || tr(ctx.lang, '（空）', '(empty)') });
  }
  return out;
}

/** Linux: only the package managers that exist (apt or dnf); the other is no news. */
async function present(ctx: CollectorContext, commands: SectionCommand[]): Promise<SectionCommand[]> {
  if (ctx.platform !== 'linux') return commands;
  const found = await Promise.all(commands.map((c) => onPath(c.command)));
  const kept = commands.filter((_, i) => found[i]);
  return kept.length ? kept : commands.slice(0, 1);
}

export const startupItemsCollector: Collector = {
  id: 'startup-items',
  category: 'processes',
  title: { 'zh-CN': '启动项', en: 'Startup items' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 25_000,
  sensitive: false,
  gate: forProblemTypes('slow'),
  describe: (platform) => [...describePlan(platform, plan(startupCommands(platform), 'programs started at boot or sign-in')), ...startupFolders(platform, '~').map((f) => `${f} (entries)`)],
  async run(ctx) {
    const sections = [...(await runSections(ctx, startupCommands(ctx.platform))), ...(await folderSections(ctx))];
    if (sections.length === 0) return;
    ctx.addText(ctx.name('startupItems'), `${documentTitle(tr(ctx.lang, '启动项', 'Startup items'), TOOL_VERSION)}${formatSections(sections)}`, sections.map((s) => s.source).join(', '));
  },
};

export const pendingUpdatesCollector: Collector = {
  id: 'pending-updates',
  category: 'software',
  title: { 'zh-CN': '待安装更新', en: 'Pending updates' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 45_000,
  sensitive: false,
  slow: true,
  gate: forProblemTypes('slow'),
  describe: (platform) => describePlan(platform, plan(updateCommands(platform), 'updates waiting to be installed (from the last check; no new download)')),
  plan: (platform) => plan(updateCommands(platform), 'updates waiting to be installed (from the last check; no new download)'),
  async run(ctx) {
    const sections = await runSections(ctx, await present(ctx, updateCommands(ctx.platform)));
    if (sections.length === 0) return;
    ctx.addText(ctx.name('pendingUpdates'), `${documentTitle(tr(ctx.lang, '待安装更新', 'Pending updates'), TOOL_VERSION)}${formatSections(sections)}`, sections.map((s) => s.source).join(', '));
  },
};
