/**
 * `diagcollect compare <before.zip> <after.zip|--now>`: what changed between two collections of
 * the same ticket (效果验证). Terminal text in the user's language, `--json` for scripts, and
 * 对比报告.html beside the after archive; with an upload target the verdict goes onto the ticket
 * as a note with the report attached. Exit 0 when nothing got worse, 3 when a check got worse,
 * 4 when the note is queued, 2 for bad input.
 */
import type { Command } from 'commander';
import type { ArchiveLanguage } from '../../shared/naming.js';
import { runCompare } from '../engine/compare/run-compare.js';
import { renderCompareText } from '../engine/compare/report-text.js';
import { EXIT, InputError } from '../engine/errors.js';
import { dataDir } from '../engine/platform/app-paths.js';
import { formatProblem, loadEffectivePolicy } from '../engine/policy/effective.js';
import { cliTranslator, langOption, policyProblemText } from './cli-i18n.js';
import { commandAction } from './command-action.js';
import type { CliIo } from './main.js';

interface CompareFlags {
  now?: boolean;
  json?: boolean;
  out?: string;
  upload?: string;
  uploadWait?: string;
  policy?: string;
  lang?: ArchiveLanguage;
}

export function registerCompareCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const tr = cliTranslator(io);
  program
    .command('compare')
    .description(tr.t('cli.help.compare'))
    .argument('<before>', tr.t('cli.help.compare.before'))
    .argument('[after]', tr.t('cli.help.compare.after'))
    .option('--now', tr.t('cli.help.compare.now'))
    .option('-o, --out <dir>', tr.t('cli.help.compare.out'))
    .option('--upload <target>', tr.t('cli.help.compare.upload'))
    .option('--upload-wait <seconds>', tr.t('cli.help.collect.uploadWait'))
    .option('--policy <file>', tr.t('cli.help.compare.policy'))
    .option('--json', tr.t('cli.help.compare.json'))
    .addOption(langOption(tr))
    .action(async (before: string, after: string | undefined, flags: CompareFlags) => {
      setExitCode(await compareCommand(before, after, flags, io));
    });
}

async function compareCommand(before: string, after: string | undefined, flags: CompareFlags, io: CliIo): Promise<number> {
  const tr = cliTranslator(io);
  return commandAction(io, flags.json, async (signal) => {
    if (flags.now && after) throw InputError.coded('compare-both', {}, 'give either an after archive or --now, not both');
    if (!flags.now && !after) throw InputError.coded('compare-after-required', {}, 'give the archive from after the fix, or --now to check this computer now');
    const wait = flags.uploadWait === undefined ? 60 : Number(flags.uploadWait);
    if (!Number.isFinite(wait) || wait < 0) throw InputError.coded('upload-wait', { value: String(flags.uploadWait) }, `--upload-wait must be a number of seconds, not "${flags.uploadWait}"`);
    const effective = await loadEffectivePolicy({ env: io.env, ...(flags.policy ? { policyFile: flags.policy, strictPolicyFile: true } : {}) });
    if (!flags.json) for (const problem of effective.problems) io.stderr.write(`diagcollect: ${policyProblemText(cliTranslator(io), problem, formatProblem(problem))}\n`);
    const target = flags.upload ?? effective.policy.upload.target;
    const result = await runCompare({
      before,
      after: flags.now ? 'live' : after!,
      policy: effective.policy,
      ...(flags.lang ? { lang: flags.lang } : {}),
      ...(flags.out ? { outDir: flags.out } : {}),
      target,
      env: io.env,
      dataDir: dataDir(io.env),
      signal,
      uploadWaitMs: wait * 1000,
    });
    const pending = result.upload !== undefined && result.upload.state !== 'done';
    const code = pending ? EXIT.uploadPending : result.report.verdict.regressed > 0 ? EXIT.partial : EXIT.ok;
    if (flags.json) {
      const upload = result.upload ? { state: result.upload.state, ticket: result.upload.ticket, name: result.upload.archive.name, attachmentId: result.upload.result?.id, error: result.upload.lastError?.message } : undefined;
      io.stdout.write(`${JSON.stringify({ ok: true, exitCode: code, reportPath: result.reportPath, ...(result.note ? { note: result.note } : {}), ...(upload ? { upload } : {}), ...result.report })}\n`);
      return code;
    }
    // The terminal speaks the user's language; the report and the note follow the archive's.
    io.stdout.write(renderCompareText(result.report, tr.locale));
    io.stdout.write(`\n${tr.t('compare.reportWritten', { path: result.reportPath })}\n`);
    if (result.upload) {
      const ticket = result.upload.ticket;
      if (result.upload.state === 'done') io.stdout.write(`${tr.t('compare.posted', { ticket, name: result.upload.archive.name })}\n`);
      else io.stderr.write(`diagcollect: ${tr.t('compare.queued', { ticket, problem: result.upload.lastError?.message ?? result.upload.state })}\n`);
    }
    return code;
  });
}
