/**
 * 文件权限 (malfunction, the guide's first step: "check permissions"): who owns the product's
 * folders and files and what this user may do with them — the configuration and log paths of
 * policy plus `triage.productPaths` (install and data folders), each with its entries one level
 * down. Linux and macOS read the file modes directly (owner, group, rwx, and whether this user
 * can read and write); Windows lists the ACL with `icacls`.
 */
import { constants } from 'node:fs';
import { access, lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Policy } from '../../../shared/policy.js';
import type { Platform } from '../../../shared/types.js';
import { expandPath } from '../platform/paths.js';
import { forProblemTypes } from './support/gates.js';
import { formatSections, runSections } from './support/sections.js';
import { documentTitle, formatTable, heading, tr } from './support/text.js';
import type { Collector, CollectorContext, PlannedCommand } from './types.js';
import { TOOL_VERSION } from '../version.js';

const ENTRIES_PER_FOLDER = 50;
const MAX_PATHS = 30;

/** The fixed part of a policy pattern (before its first glob segment): the folder to look at. */
export function patternBase(pattern: string): string {
  const parts = pattern.split(/([\\/])/);
  const firstGlob = parts.findIndex((p) => /[*?[{]/.test(p));
  const base = (firstGlob < 0 ? parts : parts.slice(0, firstGlob)).join('');
  return base.replace(/[\\/]+$/, '') || base;
}

/** Every product path of policy, fixed part only, unique: product folders, then config, then logs. */
export function productPaths(policy: Policy): string[] {
  return [...new Set([...policy.triage.productPaths, ...policy.configPaths, ...policy.appLogPaths].map(patternBase))].slice(0, MAX_PATHS);
}

export function permissionsPlan(platform: Platform, policy: Policy): PlannedCommand[] {
  if (platform !== 'win32') return [];
  const paths = productPaths(policy);
  return (paths.length ? paths : ['<product path>']).map((p) => ({ command: 'icacls', args: [p], purpose: 'the access control list: who may read, change or own it' }));
}

/** `drwxr-x---` from a mode. */
export function modeString(mode: number, isDir: boolean, isLink = false): string {
  const bits = 'rwxrwxrwx';
  let s = isLink ? 'l' : isDir ? 'd' : '-';
  for (let i = 0; i < 9; i += 1) s += mode & (1 << (8 - i)) ? bits[i] : '-';
  if (mode & 0o4000) s = `${s.slice(0, 3)}${s[3] === 'x' ? 's' : 'S'}${s.slice(4)}`;
  if (mode & 0o2000) s = `${s.slice(0, 6)}${s[6] === 'x' ? 's' : 'S'}${s.slice(7)}`;
  if (mode & 0o1000) s = `${s.slice(0, 9)}${s[9] === 'x' ? 't' : 'T'}`;
  return s;
}

/** id → name from /etc/passwd or /etc/group (`name:x:id:…`). */
export function parseIdNames(text: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const line of text.split('\n')) {
    const f = line.split(':');
    if (f.length >= 3 && /^\d+$/.test(f[2]!)) out.set(Number(f[2]), f[0]!);
  }
  return out;
}

async function idNames(file: string): Promise<Map<number, string>> {
  return parseIdNames(await readFile(file, 'utf8').catch(() => ''));
}

async function can(path: string, mode: number): Promise<boolean> {
  return access(path, mode).then(
    () => true,
    () => false,
  );
}

async function posixRows(ctx: CollectorContext, paths: string[]): Promise<string[][]> {
  const [users, groups] = await Promise.all([idNames('/etc/passwd'), idNames('/etc/group')]);
  const rows: string[][] = [];
  const row = async (p: string): Promise<boolean> => {
    const st = await lstat(p).catch((err: NodeJS.ErrnoException) => err);
    if (st instanceof Error) {
      rows.push([p, '', '', '', st.code === 'ENOENT' ? tr(ctx.lang, '不存在', 'does not exist') : st.code ?? st.message]);
      return false;
    }
    const mine = [(await can(p, constants.R_OK)) ? 'r' : '-', (await can(p, constants.W_OK)) ? 'w' : '-', (await can(p, constants.X_OK)) ? 'x' : '-'].join('');
    rows.push([p, modeString(st.mode, st.isDirectory(), st.isSymbolicLink()), users.get(st.uid) ?? String(st.uid), groups.get(st.gid) ?? String(st.gid), mine]);
    return st.isDirectory();
  };
  for (const p of paths) {
    if (ctx.signal.aborted) break;
    if (!(await row(p))) continue;
    const names = (await readdir(p).catch(() => [] as string[])).sort();
    for (const n of names.slice(0, ENTRIES_PER_FOLDER)) await row(join(p, n));
    if (names.length > ENTRIES_PER_FOLDER) rows.push([`${p}/… (${names.length - ENTRIES_PER_FOLDER} more)`, '', '', '', '']);
  }
  return rows;
}

export const permissionsCollector: Collector = {
  id: 'permissions',
  category: 'config',
  title: { 'zh-CN': '文件权限', en: 'File permissions' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 20_000,
  sensitive: false,
  gate: forProblemTypes('malfunction'),

  describe(platform: Platform, policy: Policy): string[] {
    const paths = productPaths(policy);
    const which = paths.length ? paths.join(', ') : 'none configured';
    if (platform === 'win32') return [...permissionsPlan(platform, policy).map((c) => `icacls ${c.args[0]} — ${c.purpose}`), `paths: policy triage.productPaths, configPaths, appLogPaths (${which})`];
    return [`owner, group, mode and this user's access of policy triage.productPaths, configPaths and appLogPaths and their entries (${which})`];
  },


  async run(ctx) {
    const L = (zh: string, en: string) => tr(ctx.lang, zh, en);
    const patterns = productPaths(ctx.policy);
    if (patterns.length === 0) {
      ctx.skip('triage.productPaths', { code: 'not-configured', policyKey: 'triage.productPaths' });
      return;
    }
    const paths: string[] = [];
    for (const p of patterns) {
      const e = expandPath(p, process.env, ctx.platform);
      if (e.ok) paths.push(e.path);
      else ctx.skip(p, e.reason);
    }
    if (paths.length === 0) return;
    const title = documentTitle(L('文件权限', 'File permissions'), TOOL_VERSION);
    if (ctx.platform === 'win32') {
      const sections = await runSections(ctx, paths.map((p) => ({ title: p, command: 'icacls', args: [p], windows: true })));
      if (sections.length) ctx.addText(ctx.name('permissions'), `${title}${formatSections(sections)}`, sections.map((s) => s.source).join(', '));
      return;
    }
    const rows = await posixRows(ctx, paths);
    const table = formatTable([L('路径', 'Path'), L('权限', 'Mode'), L('所有者', 'Owner'), L('组', 'Group'), L('本用户可', 'This user')], rows);
    ctx.addText(ctx.name('permissions'), `${title}${heading(L('产品路径及其内容（下一层）', 'Product paths and their entries (one level down)'), 2)}${table}`, paths.join(', '));
  },
};
