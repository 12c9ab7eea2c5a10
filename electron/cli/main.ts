import { Command, CommanderError, Option } from 'commander';
import { join, resolve } from 'node:path';
import type { ArchiveLanguage } from '../../shared/naming.js';
import { DEFAULT_POLICY, type Policy } from '../../shared/policy.js';
import { PlatformSchema, type Platform } from '../../shared/types.js';
import { sha256File } from '../engine/archive/sha256-file.js';
import { COLLECTORS } from '../engine/collectors/index.js';
import { EXIT, InputError } from '../engine/errors.js';
import { policyForLink, verifyLink } from '../engine/link/signed-link.js';
import { dataDir, outboxDir } from '../engine/platform/app-paths.js';
import { createRunLog } from '../engine/platform/run-log.js';
import { formatProblem, loadEffectivePolicy } from '../engine/policy/effective.js';
import { loadPolicyFile } from '../engine/policy/load.js';
import { previewCollection } from '../engine/preview.js';
import { parseDuration, planCollectors, runSession } from '../engine/session.js';
import { writeEmailDraft } from '../engine/upload/email-draft.js';
import { TOOL_VERSION } from '../engine/version.js';
import { registerCheckCommand } from './check-command.js';
import { cliLocale, cliTranslator, langOption, localiseHelp } from './cli-i18n.js';
import { formatCollectSummary, formatLeaks } from './collect-output.js';
import { registerLinkCommand } from './link-command.js';
import { registerPolicyCommand } from './policy-command.js';
import { formatPreview } from './preview-format.js';
import { registerRedactCommand } from './redact-command.js';
import { exitCodeFor } from './exit-code.js';
import { createProgressReporter } from './progress.js';
import { registerOutboxCommand } from './outbox-command.js';
import { scanArchiveForLeaks } from '../engine/redact/leak-check.js';
import { summaryText } from '../engine/report/summary-text.js';
import { prepareUpload, runUploadStep } from './upload-step.js';

interface CollectFlags {
  ticket?: string;
  since?: string;
  only?: string[];
  skip?: string[];
  screenshot: boolean;
  out?: string;
  policy?: string;
  json?: boolean;
  /** The output's language and the archive's (one flag, both meanings). */
  lang?: ArchiveLanguage;
  upload?: string;
  uploadWait?: string;
  split?: boolean;
  link?: string;
  silent?: boolean;
  dryRun?: boolean;
  acceptLeaks?: boolean;
  excludeItem?: string[];
}

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Ctrl-C / SIGTERM: the CLI installs handlers on this emitter (process in real use). */
  signals: Pick<NodeJS.Process, 'on' | 'off'>;
  /** The output's language; main sets it from --lang or the user's locale (cli-i18n.ts). */
  locale?: ArchiveLanguage;
}

const list = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

/** Runs the CLI; resolves with the exit code (see EXIT and the README). */
export async function main(argv: string[], ioIn: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, signals: process }): Promise<number> {
  let exitCode: number = EXIT.ok;
  // The user's language, decided before parsing so that --help speaks it too.
  const io: CliIo = { ...ioIn, locale: ioIn.locale ?? cliLocale(argv.slice(2), ioIn.env) };
  const tr = cliTranslator(io);
  const program = new Command('diagcollect')
    .description(tr.t('cli.help.program'))
    .version(TOOL_VERSION, '-V, --version', tr.t('cli.help.version'))
    .helpOption('-h, --help', tr.t('cli.help.help'))
    .showHelpAfterError(tr.t('cli.help.afterError'))
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();
  localiseHelp(program, tr);

  program
    .command('collect')
    .description(tr.t('cli.help.collect'))
    .option('-t, --ticket <id>', tr.t('cli.help.collect.ticket'))
    .option('--link <url>', tr.t('cli.help.collect.link'))
    .option('--silent', tr.t('cli.help.collect.silent'))
    .option('--since <duration>', tr.t('cli.help.collect.since'))
    .option('--only <ids>', tr.t('cli.help.collect.only'), list)
    .option('--skip <ids>', tr.t('cli.help.collect.skip'), list)
    .option('--no-screenshot', tr.t('cli.help.collect.noScreenshot'))
    .option('-o, --out <dir>', tr.t('cli.help.collect.out'))
    .option('--policy <file>', tr.t('cli.help.collect.policy'))
    .option('--json', tr.t('cli.help.collect.json'))
    .addOption(langOption(tr))
    .option('--upload <target>', tr.t('cli.help.collect.upload'))
    .option('--upload-wait <seconds>', tr.t('cli.help.collect.uploadWait'), '60')
    .option('--split', tr.t('cli.help.collect.split'))
    .option('--dry-run', tr.t('cli.help.collect.dryRun'))
    .option('--accept-leaks', tr.t('cli.help.collect.acceptLeaks'))
    .option('--exclude-item <names>', tr.t('cli.help.collect.excludeItem'), list)
    .action(async (flags: CollectFlags) => {
      exitCode = await collect(flags, io);
    });

  program
    .command('list')
    .description(tr.t('cli.help.list'))
    .addOption(new Option('--platform <platform>', tr.t('cli.help.list.platform')).choices(PlatformSchema.options))
    .option('--policy <file>', tr.t('cli.help.list.policy'))
    .option('--json', tr.t('cli.help.json'))
    .addOption(langOption(tr))
    .action(async (flags: { platform?: Platform; policy?: string; json?: boolean }) => {
      const policy = flags.policy ? await loadPolicyFile(flags.policy) : DEFAULT_POLICY;
      const platform = flags.platform ?? (process.platform as Platform);
      const rows = COLLECTORS.map((c) => ({
        id: c.id,
        category: c.category,
        title: c.title,
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
      for (const r of rows) {
        const flag = r.sensitive ? tr.t('cli.list.sensitive') : '';
        io.stdout.write(`${r.id.padEnd(12)} ${r.title[tr.locale]}${flag}\n`);
        if (r.reads.length === 0) io.stdout.write(`${' '.repeat(13)}${tr.reason({ code: 'platform', platform })}\n`);
        for (const read of r.reads) io.stdout.write(`${' '.repeat(13)}- ${read}\n`);
      }
    });

  registerOutboxCommand(program, io, (code) => (exitCode = code));

  registerCheckCommand(program, io, (code) => (exitCode = code));

  registerPolicyCommand(program, io, (code) => (exitCode = code));

  registerLinkCommand(program, io, (code) => (exitCode = code));

  registerRedactCommand(program, io, (code) => (exitCode = code));

  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (err instanceof InputError) {
      io.stderr.write(`diagcollect: ${err.message}\n`);
      return EXIT.badInput;
    }
    io.stderr.write(`diagcollect: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.failure;
  }
  return exitCode;
}

async function collect(flags: CollectFlags, io: CliIo): Promise<number> {
  // --silent (IT scripts): a small log of the run instead of progress on the terminal.
  const log = flags.silent ? createRunLog(dataDir(io.env)) : undefined;
  const quiet = Boolean(flags.json || flags.silent);
  const tr = cliTranslator(io);
  const fail = (code: number, message: string, extra: Record<string, unknown> = {}) => {
    log?.error(`exit ${code}: ${message}`);
    if (flags.json) io.stdout.write(`${JSON.stringify({ ok: false, exitCode: code, error: message, ...extra })}\n`);
    else io.stderr.write(`diagcollect: ${message}\n`);
    return code;
  };
  const abort = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(EXIT.cancelled);
    if (!quiet) io.stderr.write(`\n${tr.t('cli.collect.cancelling')}\n`);
    abort.abort();
  };
  io.signals.on('SIGINT', onSignal);
  io.signals.on('SIGTERM', onSignal);
  try {
    log?.info(`collect: diagcollect ${TOOL_VERSION}, ${flags.link ? 'from a support link' : `ticket ${flags.ticket ?? '(none)'}`}${flags.policy ? `, policy file ${flags.policy}` : ''}`);
    await log?.flush();
    // defaults < user settings < --policy FILE < managed policy; a bad managed or user source is reported, not fatal.
    const effective = await loadEffectivePolicy({ env: io.env, ...(flags.policy ? { policyFile: flags.policy, strictPolicyFile: true } : {}) });
    let policy: Policy = effective.policy;
    for (const problem of effective.problems) {
      log?.error(`policy: ${formatProblem(problem)}`);
      if (!quiet) io.stderr.write(`diagcollect: ${formatProblem(problem)}\n`);
    }
    let ticket = flags.ticket ?? '';
    if (flags.link !== undefined) {
      const link = verifyLink(flags.link, policy, new Date());
      if (!link.ok) throw new InputError(link.reason.en);
      if (flags.ticket && flags.ticket !== link.ticket) throw new InputError(`--ticket ${flags.ticket} is not the ticket of the link (${link.ticket}); leave out --ticket`);
      ticket = link.ticket;
      policy = policyForLink(policy, link);
      log?.info(`link verified: ticket ${link.ticket}, key ${link.keyId}, target ${link.target ?? 'from policy'}, expires ${link.expiresAt.toISOString()}`);
    }
    if (!ticket) throw new InputError('a ticket is required: --ticket <id> (e.g. 12345), or --link <diagcollect://…> from support');
    const since = flags.since ? new Date(Date.now() - parseDuration(flags.since)) : undefined;
    const outDir = flags.out ? resolve(flags.out) : outboxDir(ticket, io.env);
    const platform = process.platform as Platform;
    const consentSensitive = flags.screenshot;
    // Validate selection before anything starts (unknown ids are bad input).
    planCollectors({ collectors: COLLECTORS, policy, platform, only: flags.only, skip: flags.skip, consentSensitive });
    if (flags.dryRun) {
      const preview = await previewCollection({ ticket, policy, only: flags.only, skip: flags.skip, excludeItems: flags.excludeItem, consentSensitive, since, lang: flags.lang, platform, signal: abort.signal });
      io.stdout.write(flags.json ? `${JSON.stringify({ ok: true, exitCode: EXIT.ok, dryRun: true, ...preview })}\n` : formatPreview(preview, { color: Boolean(io.stdout.isTTY), columns: io.stdout.columns }));
      return EXIT.ok;
    }
    const uploadWait = Number(flags.uploadWait ?? 60);
    if (!Number.isFinite(uploadWait) || uploadWait < 0) throw new InputError(`--upload-wait must be a number of seconds, not "${flags.uploadWait}"`);
    // A ticket that does not exist is refused before anything is collected (when the server answers).
    const uploadPlan = await prepareUpload({ target: flags.upload, policy, ticket, io, json: quiet, signal: abort.signal });
    const progress = createProgressReporter({ json: quiet, out: io.stderr, tty: Boolean(io.stderr.isTTY), tr });
    const result = await runSession({
      ticket,
      policy,
      outDir,
      only: flags.only,
      skip: flags.skip,
      excludeItems: flags.excludeItem,
      consentSensitive,
      since,
      lang: flags.lang,
      platform,
      signal: abort.signal,
      onProgress: progress.onEvent,
      redactionMapDir: join(dataDir(io.env), 'redaction-maps'),
    });
    progress.done();
    const archiveSha256 = await sha256File(result.archivePath);
    const lang = result.manifest.archiveLanguage;
    const eml = await writeEmailDraft({
      ticket,
      lang,
      archivePath: result.archivePath,
      archiveName: result.archiveName,
      archiveBytes: result.bytes,
      archiveSha256,
      manifest: result.manifest,
    });
    // Last look before anything leaves: values the rules hid somewhere must not stand elsewhere.
    const leaks = await scanArchiveForLeaks(result.archivePath, result.leakValues);
    const leakBlocked = Boolean(uploadPlan) && leaks.length > 0 && !flags.acceptLeaks;
    if (leaks.length > 0 && !quiet) io.stderr.write(formatLeaks(leaks, leakBlocked ? 'blocked' : uploadPlan ? 'accepted' : 'check', tr));
    const upload = uploadPlan && !leakBlocked
      ? await runUploadStep(uploadPlan, { ticket, archive: { path: result.archivePath, name: result.archiveName, size: result.bytes, sha256: archiveSha256 }, lang, io, json: quiet, signal: abort.signal, waitSeconds: uploadWait, split: Boolean(flags.split), comment: summaryText({ manifest: result.manifest, checks: result.checks, archive: { path: result.archivePath, name: result.archiveName, size: result.bytes, sha256: archiveSha256 }, lang }) })
      : undefined;
    const code = leakBlocked ? EXIT.uploadPending : upload && upload.exitCode !== EXIT.ok ? upload.exitCode : result.partial ? EXIT.partial : EXIT.ok;
    log?.info(`archive ${result.archiveName} (${result.bytes} bytes, sha256 ${archiveSha256}) in ${outDir}; collectors: ${result.manifest.collectors.map((c) => `${c.id}=${c.status}`).join(' ')}`);
    if (upload) log?.info(`upload: ${upload.summary.trim()}`);
    log?.info(`exit ${code}`);
    if (flags.json) {
      io.stdout.write(
        `${JSON.stringify({
          ok: true,
          exitCode: code,
          ticket,
          archive: { path: result.archivePath, name: result.archiveName, bytes: result.bytes, sha256: archiveSha256 },
          emailDraft: eml,
          upload: upload?.json ?? (leakBlocked ? { target: uploadPlan?.destination.target, state: 'blocked', reason: 'leak check: see leaks' } : { target: 'outbox', path: outDir }),
          ...(leaks.length > 0 ? { leaks } : {}),
          items: result.manifest.items.length,
          skipped: result.manifest.skipped.length,
          collectors: result.manifest.collectors.map(({ id, status, durationMs, items, bytes, error }) => ({ id, status, durationMs, items, bytes, ...(error ? { error } : {}) })),
          ...(effective.problems.length > 0 ? { policyProblems: effective.problems.map(formatProblem) } : {}),
          ...(log ? { log: log.file } : {}),
        })}\n`,
      );
    } else if (!flags.silent) {
      io.stdout.write(formatCollectSummary({ archivePath: result.archivePath, bytes: result.bytes, sha256: archiveSha256, emailDraft: eml, ticket, manifest: result.manifest, ...(upload ? { upload: upload.summary } : {}) }, tr));
    }
    return code;
  } catch (err) {
    const { code, message } = exitCodeFor(err);
    return fail(code, message);
  } finally {
    io.signals.off('SIGINT', onSignal);
    io.signals.off('SIGTERM', onSignal);
    await log?.flush();
  }
}

