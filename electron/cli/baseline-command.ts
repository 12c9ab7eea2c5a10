/**
 * `diagcollect baseline build <archives…|folder|s3://bucket/prefix> --out baseline.json`: the
 * fleet baseline from many archives (reads only their central directories and structured facts).
 * `--key` signs it for policy `baseline.file`/`baseline.url`. Exit 0 when written, 3 when some
 * archives could not be read (listed), 2 for bad input.
 *
 * `diagcollect baseline check <archive.zip> [--baseline baseline.json]`: a received archive
 * against the baseline, through the fleet check itself (与全公司对比). Exit 0 when nothing the
 * user should change stands out, 3 when something does (like `check`), 2 for bad input.
 */
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { BaselineDocument } from '../../shared/baseline.js';
import { formatDateTime, formatDuration } from '../../shared/i18n/format.js';
import { buildBaseline, DEFAULT_CONCURRENCY, DEFAULT_K } from '../engine/baseline/build.js';
import { signBaseline } from '../engine/baseline/signature.js';
import { EXIT, InputError } from '../engine/errors.js';
import { readPrivateKeyFile } from '../engine/link/keys.js';
import { writeFileAtomic } from '../engine/platform/atomic-write.js';
import { cliTranslator, langOption, policyProblemText } from './cli-i18n.js';
import { commandAction } from './command-action.js';
import type { CliIo } from './main.js';

interface CheckFlags {
  baseline?: string;
  signature?: string;
  policy?: string;
  json?: boolean;
}

interface BuildFlags {
  out: string;
  k?: string;
  concurrency?: string;
  key?: string;
  endpoint?: string;
  json?: boolean;
}

function positiveInt(value: string | undefined, fallback: number, option: string, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw InputError.coded('whole-number', { option, max: String(max), value }, `${option} must be a whole number from 1 to ${max}, not "${value}"`);
  return n;
}

export function registerBaselineCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const tr = cliTranslator(io);
  const baseline = program.command('baseline').description(tr.t('cli.help.baseline'));
  baseline
    .command('build')
    .description(tr.t('cli.help.baseline.build'))
    .argument('<sources...>', tr.t('cli.help.baseline.sources'))
    .requiredOption('-o, --out <file>', tr.t('cli.help.baseline.out'))
    .option('--k <n>', tr.t('cli.help.baseline.k'))
    .option('--concurrency <n>', tr.t('cli.help.baseline.concurrency'))
    .option('--key <file>', tr.t('cli.help.baseline.key'))
    .option('--endpoint <url>', tr.t('cli.help.baseline.endpoint'))
    .option('--json', tr.t('cli.help.json'))
    .addOption(langOption(tr))
    .action(async (sources: string[], flags: BuildFlags) => {
      setExitCode(await build(sources, flags, io));
    });
  baseline
    .command('check')
    .description(tr.t('cli.help.baseline.check'))
    .argument('<archive>', tr.t('cli.help.baseline.check.archive'))
    .option('--baseline <file>', tr.t('cli.help.baseline.check.baseline'))
    .option('--signature <file>', tr.t('cli.help.baseline.check.signature'))
    .option('--policy <file>', tr.t('cli.help.baseline.check.policy'))
    .option('--json', tr.t('cli.help.json'))
    .addOption(langOption(tr))
    .action(async (archive: string, flags: CheckFlags) => {
      setExitCode(await checkArchive(archive, flags, io));
    });
}

async function checkArchive(archive: string, flags: CheckFlags, io: CliIo): Promise<number> {
  const tr = cliTranslator(io);
  return commandAction(io, flags.json, async (signal) => {
    if (flags.signature && !flags.baseline) throw InputError.coded('baseline-signature-alone', {}, '--signature goes with --baseline <file>: name the baseline it signs');
    const [{ loadEffectivePolicy, formatProblem }, { BaselineError, loadBaselineFile, loadPolicyBaseline }, { checkArchiveAgainstBaseline }] = await Promise.all([
      import('../engine/policy/effective.js'),
      import('../engine/baseline/load.js'),
      import('../engine/baseline/check-archive.js'),
    ]);
    const effective = await loadEffectivePolicy({ env: io.env, ...(flags.policy ? { policyFile: flags.policy, strictPolicyFile: true } : {}) });
    if (!flags.json) for (const problem of effective.problems) io.stderr.write(`diagcollect: ${policyProblemText(cliTranslator(io), problem, formatProblem(problem))}\n`);
    const policy = effective.policy;
    // A named file: its signature checked when there is one. Else the policy's, which must verify.
    let loaded: { baseline: BaselineDocument; signed: boolean; source: string } | undefined;
    try {
      if (flags.baseline) loaded = { ...(await loadBaselineFile(flags.baseline, policy, flags.signature)), source: flags.baseline };
      else {
        const fromPolicy = await loadPolicyBaseline(policy, { signal, env: io.env });
        if (fromPolicy) loaded = { baseline: fromPolicy, signed: true, source: policy.baseline?.url ?? policy.baseline?.file ?? '' };
      }
    } catch (err) {
      if (err instanceof BaselineError) throw new InputError(`the baseline cannot be used: ${err.message}`, err.problem);
      throw err;
    }
    if (!loaded) throw InputError.coded('baseline-none', {}, 'no baseline: give --baseline <baseline.json> (made by diagcollect baseline build), or set baseline.file or baseline.url in policy');
    const results = await checkArchiveAgainstBaseline({ archive, baseline: loaded.baseline, policy, signal });
    const { formatCheckTable, summaryLine } = await import('./check-command.js');
    const { worstStatus } = await import('../engine/checks/runner.js');
    const worst = worstStatus(results);
    const code = worst === 'warn' || worst === 'fail' ? EXIT.partial : EXIT.ok;
    const { baseline, signed, source } = loaded;
    if (flags.json) {
      io.stdout.write(`${JSON.stringify({ ok: true, exitCode: code, archive, baseline: { source, signed, desktops: baseline.desktops, createdAt: baseline.createdAt, k: baseline.k }, results })}\n`);
      return code;
    }
    const lang = tr.locale;
    const heading = tr.t('baseline.check.heading', { archive: basename(archive), desktops: baseline.desktops, createdAt: formatDateTime(baseline.createdAt, lang), source, signed: signed ? 'yes' : 'no' });
    io.stdout.write(`${heading}\n`);
    io.stdout.write(formatCheckTable(results, lang, { color: Boolean(io.stdout.isTTY) && !io.env.NO_COLOR, columns: io.stdout.isTTY ? io.stdout.columns : undefined }));
    io.stdout.write(`\n${summaryLine(results, lang)}\n`);
    return code;
  });
}

async function build(sources: string[], flags: BuildFlags, io: CliIo): Promise<number> {
  const tr = cliTranslator(io);
  const started = performance.now();
  return commandAction(io, flags.json, async (signal) => {
    const k = positiveInt(flags.k, DEFAULT_K, '--k', 1000);
    const concurrency = positiveInt(flags.concurrency, DEFAULT_CONCURRENCY, '--concurrency', 256);
    // The key is read before the work: a bad key is bad input, not a surprise after an hour.
    const key = flags.key ? await readPrivateKeyFile(flags.key) : undefined;
    const result = await buildBaseline({
      sources,
      k,
      concurrency,
      signal,
      ...(flags.endpoint ? { s3: async () => (await import('../engine/baseline/s3-source.js')).s3Client({ endpoint: flags.endpoint!, env: io.env }) } : {}),
    });
    if (result.archives === 0) throw InputError.coded('baseline-no-archive', { sources: sources.join(', ') }, `no readable archive in ${sources.join(', ')}${result.unreadable[0] ? ` (${result.unreadable[0].label}: ${result.unreadable[0].reason})` : ''}`);
    const data = Buffer.from(`${JSON.stringify(result.document, null, 1)}\n`);
    await writeFileAtomic(flags.out, data.toString('utf8'));
    const sigPath = `${flags.out}.sig`;
    if (key) await writeFile(sigPath, signBaseline(data, key));
    const code = result.unreadableTotal > 0 ? EXIT.partial : EXIT.ok;
    const facts = Object.keys(result.document.facts).length;
    if (flags.json) {
      io.stdout.write(`${JSON.stringify({ ok: true, exitCode: code, out: flags.out, ...(key ? { signature: sigPath } : {}), bytes: data.length, archives: result.archives, desktops: result.document.desktops, duplicates: result.duplicates, facts, k, unreadable: result.unreadable, unreadableTotal: result.unreadableTotal, io: result.io })}\n`);
      return code;
    }
    io.stdout.write(`${tr.t('baseline.built', { path: flags.out, archives: result.archives, facts, k, duration: formatDuration(performance.now() - started, tr.locale) })}\n`);
    if (key) io.stdout.write(`${tr.t('baseline.signed', { path: sigPath })}\n`);
    if (result.unreadableTotal > 0) {
      io.stderr.write(`${tr.t('baseline.unreadable', { count: result.unreadableTotal })}\n`);
      for (const u of result.unreadable) io.stderr.write(`  ${u.label}: ${u.reason}\n`);
    }
    return code;
  });
}
