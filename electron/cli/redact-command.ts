/**
 * `diagcollect redact <file|dir|archive.zip> [--out DIR] [--json] [--policy FILE]`: redacted
 * copies of files to attach by hand, or of an existing archive (after IT added rules). Exit 0
 * when written, 3 when some files could not be copied, 2 for bad input, 1 on failure.
 */
import type { Command } from 'commander';
import { cliTranslator, langOption, policyProblemText } from './cli-i18n.js';
import { join } from 'node:path';
import { EXIT, InputError } from '../engine/errors.js';
import { dataDir } from '../engine/platform/app-paths.js';
import { formatProblem, loadEffectivePolicy } from '../engine/policy/effective.js';
import { DEFAULT_ARCHIVE_LIMITS, redactFiles, type ArchiveLimits, type RedactFilesResult } from '../engine/redact/redact-files.js';
import { exitCodeFor } from './exit-code.js';
import { labelled, ruleName } from './collect-output.js';
import type { Translator } from '../../shared/i18n/translate.js';
import type { CliIo } from './main.js';

interface RedactFlags {
  out?: string;
  json?: boolean;
  policy?: string;
  maxRatio?: string;
  maxSize?: string;
}

/** `--max-ratio 500`, `--max-size 8192`: a whole number above 0, else a refusal naming the option. */
function archiveLimits(flags: RedactFlags): Partial<ArchiveLimits> {
  const whole = (option: string, value: string): number => {
    const n = /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : NaN;
    if (!(n > 0)) throw InputError.coded('redact-limit', { option, value }, `${option} "${value}" is not valid: give a whole number greater than 0`);
    return n;
  };
  return {
    ...(flags.maxRatio !== undefined ? { maxRatio: whole('--max-ratio', flags.maxRatio) } : {}),
    ...(flags.maxSize !== undefined ? { maxBytes: whole('--max-size', flags.maxSize) * 1024 * 1024 } : {}),
  };
}

export function registerRedactCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const tr = cliTranslator(io);
  program
    .command('redact')
    .description(tr.t('cli.help.redact'))
    .argument('<path>', tr.t('cli.help.redact.path'))
    .option('-o, --out <dir>', tr.t('cli.help.redact.out'))
    .option('--json', tr.t('cli.help.redact.json'))
    .option('--policy <file>', tr.t('cli.help.redact.policy'))
    .option('--max-ratio <n>', tr.t('cli.help.redact.maxRatio'))
    .option('--max-size <MB>', tr.t('cli.help.redact.maxSize'), String(DEFAULT_ARCHIVE_LIMITS.maxBytes / 1024 / 1024))
    .addOption(langOption(tr))
    .action(async (path: string, flags: RedactFlags) => {
      setExitCode(await redactCommand(path, flags, io));
    });
}

async function redactCommand(path: string, flags: RedactFlags, io: CliIo): Promise<number> {
  const fail = (code: number, message: string, text = message) => {
    if (flags.json) io.stdout.write(`${JSON.stringify({ ok: false, exitCode: code, error: message })}\n`);
    else io.stderr.write(`diagcollect: ${text}\n`);
    return code;
  };
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  io.signals.on('SIGINT', onSignal);
  io.signals.on('SIGTERM', onSignal);
  try {
    const limits = archiveLimits(flags);
    const effective = await loadEffectivePolicy({ env: io.env, ...(flags.policy ? { policyFile: flags.policy, strictPolicyFile: true } : {}) });
    if (!flags.json) for (const problem of effective.problems) io.stderr.write(`diagcollect: ${policyProblemText(cliTranslator(io), problem, formatProblem(problem))}\n`);
    const result = await redactFiles({
      input: path,
      ...(flags.out ? { outDir: flags.out } : {}),
      policy: effective.policy,
      archiveLimits: limits,
      redactionMapDir: join(dataDir(io.env), 'redaction-maps'),
      signal: abort.signal,
    });
    const code = result.partial ? EXIT.partial : EXIT.ok;
    if (flags.json) io.stdout.write(`${JSON.stringify({ ok: true, exitCode: code, ...result })}\n`);
    else io.stdout.write(formatSummary(result, cliTranslator(io)));
    return code;
  } catch (err) {
    const { code, message, text } = exitCodeFor(err, cliTranslator(io));
    return fail(code, message, text);
  } finally {
    io.signals.off('SIGINT', onSignal);
    io.signals.off('SIGTERM', onSignal);
  }
}

/** Reasons the engine gives in fixed words, rendered in the user's language (others are shown as they are). */
const FIXED_REASONS: Record<string, 'redact.summary.reason.symlink' | 'redact.summary.reason.notRegular'> = {
  'symbolic link (not followed)': 'redact.summary.reason.symlink',
  'not a regular file': 'redact.summary.reason.notRegular',
};

function formatSummary(r: RedactFilesResult, tr: Translator): string {
  const count = (s: string) => r.files.filter((f) => f.status === s).length;
  const totals = Object.entries(r.totals).sort((a, b) => b[1] - a[1]);
  const rows: Array<[string, string]> = [
    [tr.t('redact.summary.output'), r.output],
    [tr.t('redact.summary.files'), tr.t('redact.summary.filesValue', { redacted: count('redacted'), binary: count('binary'), skipped: count('skipped'), generated: count('generated') })],
    [tr.t('redact.summary.replaced'), totals.length ? tr.list(totals.map(([rule, n]) => tr.t('redact.summary.ruleCount', { count: n, rule: ruleName(rule, tr) }))) : tr.t('redact.summary.nothing')],
    [tr.t('redact.summary.report'), r.report],
  ];
  if (r.map) rows.push([tr.t('redact.summary.map'), tr.t('redact.summary.mapValue', { path: r.map })]);
  for (const f of r.files.filter((x) => x.status === 'skipped')) {
    const fixed = f.reason !== undefined ? FIXED_REASONS[f.reason] : undefined;
    rows.push([tr.t('redact.summary.notCopied'), tr.t('redact.summary.notCopiedValue', { name: f.name, reason: fixed ? tr.t(fixed) : (f.reason ?? '') })]);
  }
  const text = labelled(rows);
  return count('binary') > 0 ? `${text}${tr.t('redact.summary.binaryWarning')}\n` : text;
}
