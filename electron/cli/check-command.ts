/**
 * `diagcollect check`: the basic checklist (基础检查清单) on this computer, as a table in the
 * user's language, or `--json` for scripts. Exit 0 when every check passed or was skipped, 3
 * when any warned or failed, 2 for bad input, 130 when cancelled.
 */
import { Option, type Command } from 'commander';
import os from 'node:os';
import { formatDateTime, formatDuration } from '../../shared/i18n/format.js';
import { translator } from '../../shared/i18n/translate.js';
import type { ArchiveLanguage } from '../../shared/naming.js';
import { DEFAULT_POLICY } from '../../shared/default-policy.js';
import type { Policy } from '../../shared/policy.js';
import { PROBLEM_TYPES } from '../../shared/vocabulary.js';
import { checkText, checkView } from '../../shared/i18n/check-text.js';
import type { CheckResult, CheckStatus, Platform, ProblemType } from '../../shared/types.js';
import { CHECKS } from '../engine/checks/index.js';
import { CHECK_GROUPS, checksDocument, runChecks, worstStatus } from '../engine/checks/runner.js';
import { displayWidth } from '../engine/collectors/support/text.js';
import { EXIT, InputError } from '../engine/errors.js';
import { cliTranslator, langOption } from './cli-i18n.js';
import type { CliIo } from './main.js';

interface CheckFlags {
  policy?: string;
  json?: boolean;
  lang?: ArchiveLanguage;
  only?: string[];
  problem?: ProblemType;
}

const BADGE: Record<ArchiveLanguage, Record<CheckStatus, string>> = {
  'zh-CN': badges('zh-CN'),
  en: badges('en'),
};

function badges(locale: ArchiveLanguage): Record<CheckStatus, string> {
  const tr = translator(locale);
  return { pass: tr.t('cli.check.badge.pass'), warn: tr.t('cli.check.badge.warn'), fail: tr.t('cli.check.badge.fail'), skipped: tr.t('cli.check.badge.skipped') };
}
const COLOR: Record<CheckStatus, string> = { pass: '\x1b[32m', warn: '\x1b[33m', fail: '\x1b[31m', skipped: '\x1b[2m' };
const RESET = '\x1b[0m';

/** Splits text into lines of at most `width` columns (CJK counts two), at spaces where possible. */
export function wrapText(text: string, width: number): string[] {
  if (width <= 10 || displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/(?<=[\s，；。、])/)) {
    if (displayWidth(line + word) <= width) {
      line += word;
      continue;
    }
    if (line) lines.push(line.trimEnd());
    line = '';
    // A word (or CJK run) longer than the line: cut it by columns.
    let rest = word;
    while (displayWidth(rest) > width) {
      let cut = '';
      for (const ch of rest) {
        if (displayWidth(cut + ch) > width) break;
        cut += ch;
      }
      lines.push(cut);
      rest = rest.slice(cut.length);
    }
    line = rest;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

export interface TableOptions {
  color: boolean;
  /** Terminal width; undefined: no wrapping (piped). */
  columns?: number;
}

/** The checklist as text: groups in the guide's order; badge, check, detail; advice below (→). */
export function formatCheckTable(results: readonly CheckResult[], lang: ArchiveLanguage, options: TableOptions): string {
  const badge = (s: CheckStatus) => {
    const text = `[${BADGE[lang][s]}]`;
    return options.color ? `${COLOR[s]}${text}${RESET}` : text;
  };
  const badgeWidth = Math.max(...Object.values(BADGE[lang]).map((b) => displayWidth(b))) + 2;
  const tr = translator(lang);
  const views = new Map(results.map((r) => [r, checkView(tr, r)]));
  const titleWidth = Math.min(34, Math.max(0, ...results.map((r) => displayWidth(views.get(r)!.title))));
  const indent = 2 + badgeWidth + 2;
  const detailColumn = indent + titleWidth + 2;
  const detailWidth = options.columns ? Math.max(30, options.columns - detailColumn - 1) : Infinity;
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
  let out = '';
  for (const group of CHECK_GROUPS) {
    const rows = results.filter((r) => r.group === group.id);
    if (rows.length === 0) continue;
    out += `\n${group.number}. ${checkText(tr, group.title)}\n`;
    for (const r of rows) {
      const view = views.get(r)!;
      const title = view.title;
      const detail = Number.isFinite(detailWidth) ? wrapText(view.detail, detailWidth) : [view.detail];
      const head = `  ${badge(r.status)}${' '.repeat(badgeWidth - displayWidth(`[${BADGE[lang][r.status]}]`))}  `;
      const titleCell = displayWidth(title) > titleWidth ? title : pad(title, titleWidth);
      const firstGap = displayWidth(title) > titleWidth ? `\n${' '.repeat(detailColumn)}` : '  ';
      out += `${head}${titleCell}${firstGap}${detail[0] ?? ''}\n`;
      for (const more of detail.slice(1)) out += `${' '.repeat(detailColumn)}${more}\n`;
      for (const step of view.advice) {
        const lines = Number.isFinite(detailWidth) ? wrapText(step, detailWidth - 2) : [step];
        out += `${' '.repeat(detailColumn)}→ ${lines[0]}\n`;
        for (const more of lines.slice(1)) out += `${' '.repeat(detailColumn + 2)}${more}\n`;
      }
    }
  }
  return out;
}

function countsOf(results: readonly CheckResult[]): Record<CheckStatus, number> {
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, skipped: 0 };
  for (const r of results) counts[r.status] += 1;
  return counts;
}

export function summaryLine(results: readonly CheckResult[], lang: ArchiveLanguage): string {
  return translator(lang).t('cli.check.summary', { ...countsOf(results) });
}

async function check(flags: CheckFlags, io: CliIo): Promise<number> {
  const tr = cliTranslator(io);
  const lang = tr.locale;
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  io.signals.on('SIGINT', onSignal);
  io.signals.on('SIGTERM', onSignal);
  const tty = Boolean(io.stderr.isTTY) && !flags.json;
  try {
    let policy: Policy = DEFAULT_POLICY;
    // The policy loader is loaded only when a file is given (startup of a plain `check`).
    if (flags.policy) policy = await (await import('../engine/policy/load.js')).loadPolicyFile(flags.policy);
    const known = new Set(CHECKS.map((c) => c.id));
    for (const id of flags.only ?? []) if (!known.has(id)) throw InputError.coded('unknown-check', { id, known: [...known].join(', ') }, `unknown check "${id}"; known checks: ${[...known].join(', ')}`);
    const total = flags.only?.length ? flags.only.length : CHECKS.length;
    const done = new Set<string>();
    const startedAt = new Date();
    const started = performance.now();
    if (tty) io.stderr.write(tr.t('cli.check.running', { done: 0, total }));
    const results = await runChecks({
      policy,
      platform: process.platform as Platform,
      signal: abort.signal,
      env: io.env,
      only: flags.only,
      problemType: flags.problem,
      onResult: (r) => {
        // One check may give several results (dns:…): count checks.
        done.add(r.id.split(':')[0]!);
        if (tty) io.stderr.write(`\r${tr.t('cli.check.running', { done: done.size, total })}`);
      },
    });
    if (tty) io.stderr.write('\r\x1b[K');
    const finishedAt = new Date();
    if (abort.signal.aborted) {
      if (flags.json) io.stdout.write(`${JSON.stringify({ ok: false, exitCode: EXIT.cancelled, error: 'cancelled' })}\n`);
      else io.stderr.write(`diagcollect: ${tr.t('cli.check.cancelled')}\n`);
      return EXIT.cancelled;
    }
    const worst = worstStatus(results);
    const code = worst === 'warn' || worst === 'fail' ? EXIT.partial : EXIT.ok;
    if (flags.json) {
      io.stdout.write(`${JSON.stringify({ ok: true, exitCode: code, host: os.hostname(), platform: process.platform, durationMs: Math.round(performance.now() - started), counts: countsOf(results), ...checksDocument(results, startedAt, finishedAt) })}\n`);
      return code;
    }
    const color = Boolean(io.stdout.isTTY) && !io.env.NO_COLOR;
    const heading = tr.t('cli.check.heading', { host: os.hostname(), time: formatDateTime(startedAt, lang), duration: formatDuration(performance.now() - started, lang) });
    io.stdout.write(`${heading}\n`);
    io.stdout.write(formatCheckTable(results, lang, { color, columns: io.stdout.isTTY ? io.stdout.columns : undefined }));
    io.stdout.write(`\n${summaryLine(results, lang)}\n`);
    return code;
  } finally {
    io.signals.off('SIGINT', onSignal);
    io.signals.off('SIGTERM', onSignal);
  }
}

/** Adds `diagcollect check` to the program; the action reports its exit code through `setExitCode`. */
export function registerCheckCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const tr = cliTranslator(io);
  program
    .command('check')
    .description(tr.t('cli.help.check'))
    .option('--policy <file>', tr.t('cli.help.check.policy'))
    .option('--json', tr.t('cli.help.check.json'))
    .option('--only <ids>', tr.t('cli.help.check.only'), (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)])
    .addOption(new Option('--problem <type>', tr.t('cli.help.check.problem')).choices(PROBLEM_TYPES))
    .addOption(langOption(tr))
    .action(async (flags: CheckFlags) => {
      setExitCode(await check(flags, io));
    });
}
