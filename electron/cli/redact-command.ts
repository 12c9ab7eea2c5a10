/**
 * `diagcollect redact <file|dir|archive.zip> [--out DIR] [--json] [--policy FILE]`: redacted
 * copies of files to attach by hand, or of an existing archive (after IT added rules). Exit 0
 * when written, 3 when some files could not be copied, 2 for bad input, 1 on failure.
 */
import type { Command } from 'commander';
import { cliTranslator, policyProblemText } from './cli-i18n.js';
import { join } from 'node:path';
import { EXIT } from '../engine/errors.js';
import { dataDir } from '../engine/platform/app-paths.js';
import { formatProblem, loadEffectivePolicy } from '../engine/policy/effective.js';
import { redactFiles, type RedactFilesResult } from '../engine/redact/redact-files.js';
import { exitCodeFor } from './exit-code.js';
import type { CliIo } from './main.js';

interface RedactFlags {
  out?: string;
  json?: boolean;
  policy?: string;
}

export function registerRedactCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command('redact')
    .description(cliTranslator(io).t('cli.help.redact'))
    .argument('<path>', 'a text file, a folder, or a .zip archive (e.g. one made before IT added rules)')
    .option('-o, --out <dir>', 'write the copy into this folder (default: beside the input)')
    .option('--json', 'print one JSON result on stdout, nothing else')
    .option('--policy <file>', 'JSON policy: extra redaction rules, allow-list, optional rules')
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
    const effective = await loadEffectivePolicy({ env: io.env, ...(flags.policy ? { policyFile: flags.policy, strictPolicyFile: true } : {}) });
    if (!flags.json) for (const problem of effective.problems) io.stderr.write(`diagcollect: ${policyProblemText(cliTranslator(io), problem, formatProblem(problem))}\n`);
    const result = await redactFiles({
      input: path,
      ...(flags.out ? { outDir: flags.out } : {}),
      policy: effective.policy,
      redactionMapDir: join(dataDir(io.env), 'redaction-maps'),
      signal: abort.signal,
    });
    const code = result.partial ? EXIT.partial : EXIT.ok;
    if (flags.json) io.stdout.write(`${JSON.stringify({ ok: true, exitCode: code, ...result })}\n`);
    else io.stdout.write(formatSummary(result));
    return code;
  } catch (err) {
    const { code, message, text } = exitCodeFor(err, cliTranslator(io));
    return fail(code, message, text);
  } finally {
    io.signals.off('SIGINT', onSignal);
    io.signals.off('SIGTERM', onSignal);
  }
}

function formatSummary(r: RedactFilesResult): string {
  const count = (s: string) => r.files.filter((f) => f.status === s).length;
  const totals = Object.entries(r.totals).sort((a, b) => b[1] - a[1]);
  const lines = [
    `Redacted copy: ${r.output}`,
    `Files:         ${count('redacted')} redacted, ${count('binary')} not redacted: binary (copied unchanged), ${count('skipped')} not copied${count('generated') ? `, ${count('generated')} report entries copied unchanged` : ''}`,
    `Replaced:      ${totals.length ? totals.map(([rule, n]) => `${n} ${rule}`).join(', ') : 'nothing'}`,
    `Report:        ${r.report}`,
  ];
  if (r.map) lines.push(`Key (local):   ${r.map} — what each placeholder stands for; never send it`);
  for (const f of r.files.filter((x) => x.status === 'skipped')) lines.push(`Not copied:    ${f.name} — ${f.reason ?? 'skipped'}`);
  if (count('binary') > 0) lines.push('Check the binary files yourself before sending: they were not redacted.');
  return `${lines.join('\n')}\n`;
}
