/**
 * 已安装软件 on macOS: every app bundle in /Applications, /Applications/Utilities and
 * ~/Applications with the version from its Info.plist (`plutil -convert json`, which reads binary
 * and XML plists alike; a plist holding dates or data that JSON cannot express falls back to
 * `plutil -extract … raw`), and the installer package receipts (`pkgutil --pkgs`).
 * system_profiler SPApplicationsDataType is not used: it scans the whole disk and takes minutes.
 */
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CommandNotFoundError } from '../platform/exec.js';
import { commandText } from './support/run.js';
import { formatTable } from './support/text.js';
import type { Section } from './software.js';
import type { CollectorContext, PlannedCommand } from './types.js';

export const APP_FOLDERS = ['/Applications', '/Applications/Utilities', '~/Applications'];

export function darwinSoftwarePlan(): PlannedCommand[] {
  return [
    {
      command: 'plutil',
      args: ['-convert', 'json', '-o', '-', '<app>/Contents/Info.plist'],
      purpose: `each app in ${APP_FOLDERS.join(', ')}: name, version (CFBundleShortVersionString), build, bundle id`,
    },
    { command: 'pkgutil', args: ['--pkgs'], purpose: 'installer package receipts' },
  ];
}

export interface AppBundle {
  name: string;
  version: string;
  build: string;
  bundleId: string;
  path: string;
}

/** An Info.plist as JSON (plutil -convert json) → the app's name, version, build and bundle id. */
export function parseInfoPlistJson(json: string, appPath: string): AppBundle {
  const p = JSON.parse(json) as Record<string, unknown>;
  const s = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : '');
  return {
    name: s('CFBundleDisplayName') || s('CFBundleName') || path.posix.basename(appPath, '.app'),
    version: s('CFBundleShortVersionString'),
    build: s('CFBundleVersion'),
    bundleId: s('CFBundleIdentifier'),
    path: appPath,
  };
}

/** The `.app` bundles directly inside the folders (`~` is the user's home). */
export async function findApps(folders: string[] = APP_FOLDERS, home: string = os.homedir()): Promise<string[]> {
  const found = await Promise.all(
    folders.map(async (f) => {
      const dir = f.startsWith('~/') ? path.posix.join(home, f.slice(2)) : f;
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      return entries.filter((e) => (e.isDirectory() || e.isSymbolicLink()) && e.name.endsWith('.app')).map((e) => path.posix.join(dir, e.name));
    }),
  );
  return found.flat();
}

/** Runs `fn` over `items`, at most `limit` at a time, results in order. */
async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i]!);
    }),
  );
  return out;
}

async function readBundle(ctx: CollectorContext, app: string): Promise<AppBundle | undefined> {
  const plist = `${app}/Contents/Info.plist`;
  try {
    const r = await ctx.exec('plutil', ['-convert', 'json', '-o', '-', plist], { timeoutMs: 5_000, maxBytes: 4 * 1024 * 1024 });
    if (r.code === 0) return parseInfoPlistJson(r.stdout.toString('utf8'), app);
    // "invalid object in plist for destination format": a date or data value JSON cannot hold.
    const extract = async (key: string) => {
      const x = await ctx.exec('plutil', ['-extract', key, 'raw', '-o', '-', plist], { timeoutMs: 5_000 });
      return x.code === 0 ? x.stdout.toString('utf8').trim() : '';
    };
    const [version, build, bundleId, name] = await Promise.all(['CFBundleShortVersionString', 'CFBundleVersion', 'CFBundleIdentifier', 'CFBundleName'].map(extract));
    if (!version && !bundleId) {
      ctx.skip(plist, `plutil could not read it: ${r.stderr.trim().split('\n')[0] || `exit code ${r.code}`}`);
      return undefined;
    }
    return { name: name || path.posix.basename(app, '.app'), version: version!, build: build!, bundleId: bundleId!, path: app };
  } catch (err) {
    if (ctx.signal.aborted || err instanceof CommandNotFoundError) throw err;
    ctx.skip(plist, (err as Error).message);
    return undefined;
  }
}

export async function darwinSoftwareSections(ctx: CollectorContext, L: (zh: string, en: string) => string, folders: string[] = APP_FOLDERS): Promise<Section[]> {
  const sections: Section[] = [];
  const apps = await findApps(folders);
  let bundles: AppBundle[] = [];
  try {
    bundles = (await mapLimited(apps, 8, (a) => readBundle(ctx, a))).filter((b): b is AppBundle => b !== undefined);
  } catch (err) {
    if (!(err instanceof CommandNotFoundError)) throw err;
    ctx.skip('plutil', { code: 'command-missing', command: 'plutil' }, 'plutil is not installed (not macOS?); app versions cannot be read');
  }
  if (apps.length === 0) ctx.skip(folders.join(', '), 'no app bundles found in these folders');
  if (bundles.length) {
    bundles.sort((a, b) => a.name.localeCompare(b.name) || a.path.localeCompare(b.path));
    sections.push({
      title: L('应用程序', 'Applications'),
      source: `plutil -convert json -o - <app>/Contents/Info.plist (${folders.join(', ')})`,
      body: formatTable([L('名称', 'Name'), L('版本', 'Version'), L('构建', 'Build'), L('标识符', 'Bundle id'), L('路径', 'Path')], bundles.map((b) => [b.name, b.version, b.build, b.bundleId, b.path])),
      count: bundles.length,
    });
  }
  const pkgs = await commandText(ctx, 'pkgutil', ['--pkgs'], { timeoutMs: 20_000 });
  if (pkgs !== undefined) {
    const ids = pkgs.split('\n').filter(Boolean).sort();
    sections.push({ title: L('安装包收据', 'Installer receipts'), source: 'pkgutil --pkgs', body: `${ids.join('\n')}\n`, count: ids.length });
  }
  return sections;
}
