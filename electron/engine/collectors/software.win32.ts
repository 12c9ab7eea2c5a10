/**
 * 已安装软件 on Windows: what "Apps & features" lists, from the Uninstall registry keys — 64-bit
 * programs, 32-bit programs (WOW6432Node) and this user's own installs (HKCU) — read with
 * `reg query <key> /s` (no PowerShell start-up, and the same on every Windows since XP).
 */
import { formatTable } from './support/text.js';
import { parseRegQuery, regNumber, regString } from './support/registry.js';
import { windowsCommandLine, windowsText } from './support/windows-run.js';
import type { Section } from './software.js';
import type { CollectorContext, PlannedCommand } from './types.js';

export const UNINSTALL_KEYS: Array<{ key: string; scope: string }> = [
  { key: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall', scope: '64-bit, all users' },
  { key: 'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall', scope: '32-bit, all users' },
  { key: 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall', scope: 'this user' },
];

export function windowsSoftwarePlan(): PlannedCommand[] {
  return UNINSTALL_KEYS.map(({ key, scope }) => ({ command: 'reg', args: ['query', key, '/s'], purpose: `installed programs (${scope}): DisplayName, DisplayVersion, Publisher, InstallDate` }));
}

export interface InstalledProgram {
  name: string;
  version: string;
  publisher: string;
  /** YYYY-MM-DD, or as the installer wrote it. */
  installDate: string;
  scope: string;
  /** The program's own key name (a product code for MSI installs). */
  id: string;
  /** Hidden from "Apps & features" (SystemComponent = 1): runtimes and parts of other programs. */
  hidden: boolean;
}

/** 20240105 → 2024-01-05; other forms are kept as written. */
export function formatInstallDate(value: string | undefined): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(value ?? '');
  return m ? `${m[1]}-${m[2]}-${m[3]}` : (value ?? '');
}

/** `reg query <Uninstall key> /s` → the programs that have a DisplayName (updates and stubs have none). */
export function parseUninstallRegQuery(text: string, scope: string): InstalledProgram[] {
  return parseRegQuery(text)
    .filter((k) => regString(k.values.DisplayName))
    .map((k) => ({
      name: regString(k.values.DisplayName)!,
      version: regString(k.values.DisplayVersion) ?? '',
      publisher: regString(k.values.Publisher) ?? '',
      installDate: formatInstallDate(regString(k.values.InstallDate)),
      scope,
      id: k.key.split('\\').at(-1) ?? '',
      hidden: regNumber(k.values.SystemComponent) === 1,
    }));
}

/**
 * The installed program a policy product names: the same DisplayName (any case), else the name
 * followed by a version ("7-Zip" finds "7-Zip 23.01 (x64)", "WPS Office" finds "WPS Office
 * (11.1.0.14309)", but "Google" does not find "Google Chrome"); the newest version wins.
 */
export function findInstalledProgram(programs: InstalledProgram[], name: string): InstalledProgram | undefined {
  const wanted = name.trim().toLowerCase();
  const exact = programs.filter((p) => p.name.toLowerCase() === wanted);
  const versioned = (p: InstalledProgram) => p.name.toLowerCase().startsWith(`${wanted} `) && /^\(?v?\d/i.test(p.name.slice(wanted.length + 1));
  const candidates = exact.length ? exact : programs.filter(versioned);
  return candidates.sort((a, b) => b.version.localeCompare(a.version, undefined, { numeric: true }))[0];
}

/** Every installed program of the three keys; a key that does not exist is a skip, not an error. */
export async function readInstalledPrograms(ctx: CollectorContext): Promise<{ programs: InstalledProgram[]; sources: string[] }> {
  const plan = windowsSoftwarePlan();
  const found = await Promise.all(
    plan.map(async (c, i) => {
      const out = await windowsText(ctx, c.command, c.args, { timeoutMs: 20_000, maxBytes: 32 * 1024 * 1024 });
      return out ? { programs: parseUninstallRegQuery(out.text, UNINSTALL_KEYS[i]!.scope), source: windowsCommandLine(c.command, c.args) } : undefined;
    }),
  );
  return { programs: found.flatMap((f) => f?.programs ?? []), sources: found.flatMap((f) => (f ? [f.source] : [])) };
}

export async function windowsSoftwareSections(ctx: CollectorContext, L: (zh: string, en: string) => string): Promise<Section[]> {
  const { programs, sources } = await readInstalledPrograms(ctx);
  if (sources.length === 0) return [];
  const sorted = [...programs].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.scope.localeCompare(b.scope));
  const visible = sorted.filter((p) => !p.hidden);
  const hidden = sorted.filter((p) => p.hidden);
  const headers = [L('名称', 'Name'), L('版本', 'Version'), L('发布者', 'Publisher'), L('安装日期', 'Installed'), L('范围', 'Scope')];
  const row = (p: InstalledProgram) => [p.name, p.version, p.publisher, p.installDate, p.scope];
  const sections: Section[] = [
    {
      title: L('已安装的程序（注册表 Uninstall，即"应用和功能"）', 'Installed programs (Uninstall registry keys, as in "Apps & features")'),
      source: sources.join('; '),
      body: formatTable(headers, visible.map(row)),
      count: visible.length,
    },
  ];
  if (hidden.length) {
    sections.push({
      title: L('系统组件（"应用和功能"中不显示）', 'System components (hidden from "Apps & features")'),
      source: 'SystemComponent = 1',
      body: formatTable(headers, hidden.map(row)),
      count: hidden.length,
    });
  }
  return sections;
}
