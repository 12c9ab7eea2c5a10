/**
 * `diagcollect list`: the collectors and what each would read on this (or another) platform.
 * Loaded only when this command runs (see main.ts).
 */
import { DEFAULT_POLICY } from '../../shared/default-policy.js';
import type { Platform } from '../../shared/types.js';
import { collectorAbout } from '../../shared/i18n/collector-text.js';
import { COLLECTORS } from '../engine/collectors/index.js';
import type { CliIo } from './main.js';
import { cliTranslator } from './cli-i18n.js';

export interface ListFlags {
  platform?: Platform;
  policy?: string;
  json?: boolean;
}

/**
 * What a collector reads, as it describes it: the command or path, then " — " (or brackets)
 * and a note in English. Outside English only the command or path is printed (names, not sentences); the
 * notes stay for `--lang en` and `--json`.
 */
export function readLine(read: string, locale: string): string {
  if (locale === 'en') return read;
  const cut = read.indexOf(' — ');
  const head = cut > 0 ? read.slice(0, cut) : read;
  // "df -P -k -T (file systems and free space)": the note in brackets at the end goes too.
  return head.replace(/ \([^()]*\)$/, '');
}

export async function listCollectors(flags: ListFlags, io: CliIo): Promise<void> {
  // The policy loader (file sources, path rules, rule validation) is loaded only when a file is given.
  const policy = flags.policy ? await (await import('../engine/policy/load.js')).loadPolicyFile(flags.policy) : DEFAULT_POLICY;
  const platform = flags.platform ?? (process.platform as Platform);
  const tr = cliTranslator(io);
  const rows = COLLECTORS.map((c) => ({
    id: c.id,
    category: c.category,
    title: c.title,
    // ui26: the same plain-words sentence the Review screen shows (shared/i18n/collector-text.ts).
    about: collectorAbout(c.id),
    platforms: c.platforms,
    timeoutMs: c.timeoutMs,
    sensitive: c.sensitive,
    reads: c.platforms.includes(platform) ? c.describe(platform, policy) : [],
  }));
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ platform, collectors: rows }, null, 2)}\n`);
    return;
  }
  io.stdout.write(`${tr.t('cli.list.heading', { platform })}\n\n`);
  // The widest id sets the column (security-logs, config-defaults … are longer than 12).
  const width = Math.max(12, ...rows.map((r) => r.id.length));
  const indent = ' '.repeat(width + 1);
  for (const r of rows) {
    const flag = r.sensitive ? tr.t('cli.list.sensitive') : '';
    io.stdout.write(`${r.id.padEnd(width)} ${r.title[tr.locale]}${flag}\n`);
    io.stdout.write(`${indent}${r.about[tr.locale]}\n`);
    if (r.reads.length === 0) io.stdout.write(`${indent}${tr.reason({ code: 'platform', platform })}\n`);
    for (const read of r.reads) io.stdout.write(`${indent}- ${readLine(read, tr.locale)}\n`);
  }
}
