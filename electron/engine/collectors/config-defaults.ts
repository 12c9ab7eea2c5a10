/**
 * 配置与默认值比较 (malfunction, the guide's "restore the default configuration"): each product
 * configuration file in policy `triage.configDefaults` compared with the file of its defaults,
 * key by key — what was changed, added or removed — so the agent sees at once whether restoring
 * the defaults could help and what it would undo. JSON is compared by key path, INI/.conf/
 * .properties/.env by `[section] key`, anything else line by line. Each difference is written as
 * `key = value` lines so redaction treats secrets in it like everywhere else.
 */
import { open } from 'node:fs/promises';
import type { Policy } from '../../../shared/policy.js';
import type { Platform } from '../../../shared/types.js';
import type { Reason } from '../../../shared/reasons.js';
import { fileErrorCode } from '../platform/files.js';
import { expandPath } from '../platform/paths.js';
import { forProblemTypes } from './support/gates.js';
import { documentTitle, formatBytes, heading, tr } from './support/text.js';
import type { Collector, CollectorContext } from './types.js';
import { TOOL_VERSION } from '../version.js';

/** Files larger than this are not compared (a config file is small; a huge one is data). */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export type Settings = Map<string, string>;

/** JSON as `a.b[0].c` → value (scalars as JSON text). */
export function flattenJson(value: unknown, prefix = '', out: Settings = new Map()): Settings {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v] as const) : Object.entries(value).map(([k, v]) => [prefix ? `.${k}` : k, v] as const);
    if (entries.length === 0) out.set(prefix, Array.isArray(value) ? '[]' : '{}');
    for (const [k, v] of entries) flattenJson(v, `${prefix}${k}`, out);
  } else out.set(prefix, JSON.stringify(value));
  return out;
}

/** `key = value` / `key: value` lines under optional `[section]` headers; comments (#, ;) skipped. */
export function parseKeyValues(text: string): Settings | undefined {
  const out: Settings = new Map();
  let section = '';
  let other = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';') || line.startsWith('//')) continue;
    const s = /^\[([^\]]+)\]$/.exec(line);
    if (s) {
      section = `[${s[1]!.trim()}] `;
      continue;
    }
    const kv = /^(?:export\s+)?([^=:\s][^=:]*?)\s*[=:]\s*(.*)$/.exec(line);
    if (kv) out.set(`${section}${kv[1]}`, kv[2]!);
    else other += 1;
  }
  // Mostly not key/value: compare as lines instead.
  return out.size > 0 && other <= out.size / 4 ? out : undefined;
}

/** Lines as a set (`line` → `present`), for formats we do not parse (XML, YAML). */
function lineSet(text: string): Settings {
  return new Map(text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => [l, '']));
}

export function parseSettings(path: string, text: string): { kind: 'json' | 'key-value' | 'lines'; settings: Settings } {
  if (/\.json$/i.test(path) || /^\s*[{[]/.test(text)) {
    try {
      return { kind: 'json', settings: flattenJson(JSON.parse(text)) };
    } catch {
      // not JSON after all
    }
  }
  const kv = parseKeyValues(text);
  return kv ? { kind: 'key-value', settings: kv } : { kind: 'lines', settings: lineSet(text) };
}

export interface SettingsDiff {
  changed: Array<{ key: string; value: string; defaultValue: string }>;
  added: Array<{ key: string; value: string }>;
  removed: Array<{ key: string; defaultValue: string }>;
  same: number;
}

export function compareSettings(config: Settings, defaults: Settings): SettingsDiff {
  const diff: SettingsDiff = { changed: [], added: [], removed: [], same: 0 };
  for (const [key, value] of config) {
    if (!defaults.has(key)) diff.added.push({ key, value });
    else if (defaults.get(key) !== value) diff.changed.push({ key, value, defaultValue: defaults.get(key)! });
    else diff.same += 1;
  }
  for (const [key, defaultValue] of defaults) if (!config.has(key)) diff.removed.push({ key, defaultValue });
  return diff;
}

/** The difference as text; every value on a `key = value` line so redaction sees its key. */
export function formatDiff(diff: SettingsDiff, kind: 'json' | 'key-value' | 'lines', lang: 'zh-CN' | 'en'): string {
  const L = (zh: string, en: string) => tr(lang, zh, en);
  const kv = (key: string, value: string) => (kind === 'lines' ? key : `${key} = ${value}`);
  const lines = [`${L('相同', 'Same')}: ${diff.same}    ${L('已修改', 'Changed')}: ${diff.changed.length}    ${L('新增', 'Added')}: ${diff.added.length}    ${L('缺少（默认有）', 'Missing (in defaults)')}: ${diff.removed.length}`, ''];
  for (const c of diff.changed) lines.push(`~ ${c.key}`, `    ${L('当前', 'config ')}: ${kv(c.key, c.value)}`, `    ${L('默认', 'default')}: ${kv(c.key, c.defaultValue)}`);
  for (const a of diff.added) lines.push(`+ ${kv(a.key, a.value)}`);
  for (const r of diff.removed) lines.push(`- ${kv(r.key, r.defaultValue)}`);
  if (diff.changed.length + diff.added.length + diff.removed.length === 0) lines.push(L('与默认配置一致。', 'Identical to the defaults.'));
  return `${lines.join('\n')}\n`;
}

async function readSmall(path: string): Promise<{ text: string } | { reason: string; code?: Reason }> {
  const handle = await open(path, 'r').catch((err: NodeJS.ErrnoException) => err);
  if (handle instanceof Error) {
    const code = fileErrorCode(handle);
    return { reason: handle.code === 'ENOENT' ? 'no such file' : `cannot open it: ${handle.code ?? handle.message}`, ...(code ? { code } : {}) };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return { reason: 'not a regular file' };
    if (st.size > MAX_CONFIG_BYTES) return { reason: `the file is ${formatBytes(st.size)}, over the ${formatBytes(MAX_CONFIG_BYTES)} a configuration file is compared up to` };
    return { text: (await handle.readFile()).toString('utf8') };
  } finally {
    await handle.close();
  }
}

async function comparePair(ctx: CollectorContext, pair: { config: string; defaults: string }): Promise<string | undefined> {
  const L = (zh: string, en: string) => tr(ctx.lang, zh, en);
  const paths: string[] = [];
  for (const p of [pair.config, pair.defaults]) {
    const e = expandPath(p, process.env, ctx.platform);
    if (!e.ok) {
      ctx.skip(p, e.reason);
      return undefined;
    }
    paths.push(e.path);
  }
  const [config, defaults] = await Promise.all(paths.map(readSmall));
  for (const [i, r] of [config!, defaults!].entries()) {
    if ('reason' in r) {
      const detail = `${i === 0 ? 'configuration file' : 'defaults file'}: ${r.reason}`;
      if (r.code) ctx.skip(paths[i]!, r.code, detail);
      else ctx.skip(paths[i]!, detail);
      return undefined;
    }
  }
  const a = parseSettings(paths[0]!, (config as { text: string }).text);
  const b = parseSettings(paths[1]!, (defaults as { text: string }).text);
  const kind = a.kind === b.kind ? a.kind : 'lines';
  const diff = compareSettings(kind === a.kind ? a.settings : lineSet((config as { text: string }).text), kind === b.kind ? b.settings : lineSet((defaults as { text: string }).text));
  return `${heading(paths[0]!, 2)}${L('默认值', 'Defaults')}: ${paths[1]}\n${L('比较方式', 'Compared')}: ${kind}\n\n${formatDiff(diff, kind, ctx.lang)}`;
}

export const configDefaultsCollector: Collector = {
  id: 'config-defaults',
  category: 'config',
  title: { 'zh-CN': '配置与默认值比较', en: 'Configuration vs defaults' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 15_000,
  sensitive: false,
  gate: forProblemTypes('malfunction'),

  describe(_platform: Platform, policy: Policy): string[] {
    const pairs = policy.triage.configDefaults;
    return pairs.length ? pairs.map((p) => `${p.config} compared with ${p.defaults} (policy triage.configDefaults)`) : ['the configuration files in policy triage.configDefaults, each compared with its defaults file (none configured)'];
  },

  async run(ctx) {
    const pairs = ctx.policy.triage.configDefaults;
    if (pairs.length === 0) {
      ctx.skip('triage.configDefaults', { code: 'not-configured', policyKey: 'triage.configDefaults' });
      return;
    }
    const parts = (await Promise.all(pairs.map((p) => comparePair(ctx, p)))).filter((p): p is string => p !== undefined);
    if (parts.length === 0) return;
    const L = (zh: string, en: string) => tr(ctx.lang, zh, en);
    ctx.addText(ctx.name('configDiff'), `${documentTitle(L('配置与默认值比较', 'Configuration compared with its defaults'), TOOL_VERSION)}${parts.join('\n')}`, pairs.map((p) => `${p.config} vs ${p.defaults}`).join(', '));
  },
};
