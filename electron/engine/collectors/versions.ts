/**
 * 版本信息: this tool, the OS, the runtime, and the version of each product named in policy
 * (checklist item 2, 软件版本确认). Only what is reported is asked for: systeminformation's
 * `versions()` probes ~33 tools and costs 1.5 s, so it is not used.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import type { Policy } from '../../../shared/policy.js';
import type { Platform } from '../../../shared/types.js';
import { CommandNotFoundError } from '../platform/exec.js';
import { TOOL_VERSION } from '../version.js';
import { findInstalledProgram, readInstalledPrograms, type InstalledProgram } from './software.win32.js';
import { formatWindowsVersion, NT_CURRENT_VERSION_KEY, parseWindowsVersion } from './support/registry.js';
import { commandLine, failureOf, tryExec } from './support/run.js';
import { windowsText } from './support/windows-run.js';
import { parseSwVers } from './system.darwin.js';
import { documentTitle, firstLine, formatFields, formatTable, heading, tr } from './support/text.js';
import type { Collector, CollectorContext } from './types.js';

type Product = Policy['products'][number];

const PRODUCT_TIMEOUT_MS = 5_000;

/** `PRETTY_NAME` (or NAME VERSION) from os-release text. */
export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]!] = m[2]!.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
  }
  return out;
}

async function osName(ctx: CollectorContext): Promise<string> {
  if (ctx.platform === 'linux') {
    for (const file of ['/etc/os-release', '/usr/lib/os-release']) {
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      const rel = parseOsRelease(text);
      return rel.PRETTY_NAME || [rel.NAME, rel.VERSION].filter(Boolean).join(' ') || 'Linux';
    }
    return 'Linux (no /etc/os-release)';
  }
  if (ctx.platform === 'darwin') {
    const r = await tryExec(ctx, 'sw_vers', [], { timeoutMs: PRODUCT_TIMEOUT_MS });
    if (r && !failureOf(r)) {
      const f = parseSwVers(r.stdout.toString('utf8'));
      return `${f.productName ?? 'macOS'} ${f.productVersion ?? ''} (${f.buildVersion ?? ''})`.trim();
    }
    return `macOS (Darwin ${os.release()})`;
  }
  // The registry's edition, release and build; os.version() says "Windows 10" on Windows 11 too.
  const reg = await windowsText(ctx, 'reg', ['query', NT_CURRENT_VERSION_KEY], { timeoutMs: PRODUCT_TIMEOUT_MS });
  const v = reg ? parseWindowsVersion(reg.text) : undefined;
  if (v) return formatWindowsVersion(v);
  return os.version ? `${os.version()} (${os.release()})` : `Windows ${os.release()}`;
}

/** The Uninstall keys are read once per collection, whatever the number of products. */
const installedPrograms = new WeakMap<AbortSignal, Promise<InstalledProgram[]>>();

async function windowsPackageVersion(ctx: CollectorContext, pkg: string): Promise<{ version?: string; source: string; note: string }> {
  let programs = installedPrograms.get(ctx.signal);
  if (!programs) {
    programs = readInstalledPrograms(ctx).then((r) => r.programs);
    installedPrograms.set(ctx.signal, programs);
  }
  const found = findInstalledProgram(await programs, pkg);
  const source = `Uninstall registry keys (DisplayName "${pkg}")`;
  if (found?.version) return { version: found.version, source: `${source}: ${found.name}`, note: '' };
  return { source, note: found ? `"${found.name}" is installed but its DisplayVersion is empty` : `no installed program is named "${pkg}" in the Uninstall registry keys` };
}

/** The version of one product: its command's first line, or its package's version. */
export async function productVersion(ctx: CollectorContext, product: Product): Promise<{ version: string; source: string }> {
  const notes: string[] = [];
  if (product.versionCommand) {
    const [cmd, ...args] = product.versionCommand;
    const source = commandLine(cmd!, args);
    try {
      const r = await ctx.exec(cmd!, args, { timeoutMs: PRODUCT_TIMEOUT_MS, maxBytes: 64 * 1024, keep: 'head' });
      // Some tools (java -version) print their version on stderr.
      const line = firstLine(r.stdout.toString('utf8')) || firstLine(r.stderr);
      const failure = failureOf(r);
      if (!failure && line) return { version: line, source };
      notes.push(`${source}: ${failure ?? 'printed nothing'}`);
    } catch (err) {
      if (ctx.signal.aborted) throw err;
      notes.push(`${source}: ${err instanceof CommandNotFoundError ? `not installed (${cmd} not found)` : (err as Error).message}`);
    }
  }
  if (product.package) {
    const found = await packageVersion(ctx, product.package);
    if (found.version) return { version: found.version, source: found.source };
    notes.push(found.note);
  }
  if (notes.length === 0) notes.push('policy names neither a versionCommand nor a package for it');
  return { version: `unknown — ${notes.join('; ')}`, source: 'policy.products' };
}

async function packageVersion(ctx: CollectorContext, pkg: string): Promise<{ version?: string; source: string; note: string }> {
  if (ctx.platform === 'win32') return windowsPackageVersion(ctx, pkg);
  const tries: Array<[string, string[]]> =
    ctx.platform === 'linux'
      ? [
          ['dpkg-query', ['-W', '-f', '${Version}', pkg]],
          ['rpm', ['-q', '--qf', '%{VERSION}-%{RELEASE}', pkg]],
        ]
      : ctx.platform === 'darwin'
        ? [['pkgutil', ['--pkg-info', pkg]]]
        : [];
  const notes: string[] = [];
  let anyManager = false;
  for (const [cmd, args] of tries) {
    const source = commandLine(cmd, args);
    let r;
    try {
      r = await ctx.exec(cmd, args, { timeoutMs: PRODUCT_TIMEOUT_MS, maxBytes: 64 * 1024 });
    } catch (err) {
      if (ctx.signal.aborted) throw err;
      continue; // this package manager is not on the machine
    }
    anyManager = true;
    const out = r.stdout.toString('utf8').trim();
    if (r.code === 0 && out) {
      const version = cmd === 'pkgutil' ? (/^version:\s*(.+)$/m.exec(out)?.[1] ?? out) : out;
      return { version, source, note: '' };
    }
    notes.push(r.code === 0 ? `${cmd}: package "${pkg}" is known but not installed` : `${cmd}: package "${pkg}" is not installed`);
  }
  return { source: 'policy.products', note: anyManager ? notes.join('; ') : `package "${pkg}": no package manager (dpkg, rpm) found` };
}

export const versionsCollector: Collector = {
  id: 'versions',
  category: 'versions',
  title: { 'zh-CN': '版本信息', en: 'Versions' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 15_000,
  sensitive: false,

  describe(platform: Platform, policy: Policy): string[] {
    const osSource = { linux: '/etc/os-release', darwin: 'sw_vers', win32: `reg query "${NT_CURRENT_VERSION_KEY}" (edition, DisplayVersion, CurrentBuild.UBR; build 22000+ is Windows 11)` }[platform];
    const lines = [`diagcollect version (package.json)`, `OS name: ${osSource}; kernel: uname (os.release())`, 'Node, Electron and Chromium versions (process.versions)'];
    for (const p of policy.products) {
      if (p.versionCommand) lines.push(`${p.name}: ${commandLine(p.versionCommand[0]!, p.versionCommand.slice(1))} (first line of output)`);
      if (p.package) {
        if (platform === 'linux') lines.push(`${p.name}: dpkg-query -W -f '\${Version}' ${p.package} or rpm -q ${p.package}`);
        if (platform === 'darwin') lines.push(`${p.name}: pkgutil --pkg-info ${p.package}`);
        if (platform === 'win32') lines.push(`${p.name}: DisplayName "${p.package}" in the Uninstall registry keys (reg query <key> /s)`);
      }
    }
    return lines;
  },

  async run(ctx) {
    const L = (zh: string, en: string) => tr(ctx.lang, zh, en);
    const [osText, products] = await Promise.all([osName(ctx), Promise.all(ctx.policy.products.map(async (p) => ({ product: p, ...(await productVersion(ctx, p)) })))]);

    const runtime: Array<[string, string | undefined]> = [
      ['Node.js', process.versions.node],
      ['V8', process.versions.v8],
      ['Electron', process.versions.electron],
      ['Chromium', process.versions.chrome],
    ];
    let text = documentTitle(L('版本信息', 'Versions'), TOOL_VERSION);
    text += formatFields([
      [L('诊断工具', 'Diagnostics tool'), `diagcollect ${TOOL_VERSION}`],
      [L('操作系统', 'Operating system'), osText],
      [L('内核', 'Kernel'), `${os.type()} ${os.release()}`],
      [L('内核版本', 'Kernel build'), os.version?.()],
      [L('架构', 'Architecture'), os.arch()],
      ...runtime,
    ]);
    text += `\n${heading(L('产品版本', 'Product versions'), 2)}`;
    text += formatTable(
      [L('产品', 'Product'), L('来源', 'Source'), L('版本', 'Version')],
      products.map((p) => [p.product.name, p.source, p.version]),
      { empty: L('（策略中未配置产品：policy.products 为空）', '(no products configured in policy.products)') },
    );
    ctx.addText(ctx.name('versions'), text, 'package.json, os, process.versions, policy.products');
  },
};
