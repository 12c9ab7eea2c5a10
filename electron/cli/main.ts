import { Command, CommanderError, Option } from 'commander';
import { join, resolve } from 'node:path';
import { ARCHIVE_LANGUAGES, type ArchiveLanguage } from '../../shared/naming.js';
import { DEFAULT_POLICY, type Policy } from '../../shared/policy.js';
import { PlatformSchema, type Platform } from '../../shared/types.js';
import { afterPublishProblem } from '../engine/archive/archive-errors.js';
import { sha256File } from '../engine/archive/sha256-file.js';
import { COLLECTORS } from '../engine/collectors/index.js';
import { formatBytes } from '../engine/collectors/support/text.js';
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
import { handleInterrupts } from './signals.js';
import { reapChildren } from '../engine/platform/exec.js';

interface CollectFlags {
  ticket?: string;
  since?: string;
  only?: string[];
  skip?: string[];
  screenshot: boolean;
  out?: string;
  policy?: string;
  json?: boolean;
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
}

const list = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

/** Runs the CLI; resolves with the exit code (see EXIT and the README). */
export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, signals: process }): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('diagcollect')
    .description('Collects diagnostics (logs, system and network settings, versions, a screenshot) into a named archive for a support ticket.')
    .version(TOOL_VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run diagcollect --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();

  program
    .command('collect')
    .description('collect a diagnostics archive for a ticket into the local outbox (or --out DIR)')
    .option('-t, --ticket <id>', 'ticket id, e.g. 12345 or SUP-12345 (or give --link)')
    .option('--link <url>', 'a signed diagcollect:// link from support: collect for its ticket (and upload where it says, if policy allows)')
    .option('--silent', 'for IT scripts: no progress or summary (errors still on stderr); a log in <data dir>/logs/diagcollect.log')
    .option('--since <duration>', 'how far back logs go: 90m, 24h, 7d (default: policy, 24h)')
    .option('--only <ids>', 'run only these collectors (comma-separated; see `diagcollect list`)', list)
    .option('--skip <ids>', 'leave out these collectors (comma-separated)', list)
    .option('--no-screenshot', 'do not take a screenshot of the desktop')
    .option('-o, --out <dir>', 'write the archive and e-mail draft here instead of the outbox')
    .option('--policy <file>', 'JSON policy: log and config paths, caps, deadline (see README)')
    .option('--json', 'print one JSON result on stdout, nothing else')
    .addOption(new Option('--lang <lang>', 'language of archive and entry names').choices(ARCHIVE_LANGUAGES as string[]))
    .option('--upload <target>', 'after collecting, upload to: outbox (keep it local), redmine, rt, smtp, http-put, jira, zendesk, servicenow, freshdesk (default: policy upload.target)')
    .option('--upload-wait <seconds>', 'keep retrying a failing upload this long before leaving it queued in the outbox', '60')
    .option('--split', "when the archive is too big for the upload target, upload it as parts (<name>_part01.zip, …)")
    .option('--dry-run', 'show what the archive would hold (items, sizes after redaction, redaction samples) and write nothing')
    .option('--accept-leaks', 'upload even when the leak check finds values that redaction hid elsewhere in the archive')
    .option('--exclude-item <names>', 'leave out these archive entries by name (comma-separated; see --dry-run)', list)
    .action(async (flags: CollectFlags) => {
      exitCode = await collect(flags, io);
    });

  program
    .command('list')
    .description('list the collectors and what each would read')
    .addOption(new Option('--platform <platform>', 'show what is collected on another platform').choices(PlatformSchema.options))
    .option('--policy <file>', 'JSON policy (adds its log and config paths)')
    .option('--json', 'print JSON')
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
      io.stdout.write(`Collectors on ${platform}:\n\n`);
      for (const r of rows) {
        const flag = r.sensitive ? ' (sensitive: screenshot, opt-out with --no-screenshot)' : '';
        io.stdout.write(`${r.id.padEnd(12)} ${r.title.en} / ${r.title['zh-CN']}${flag}\n`);
        if (r.reads.length === 0) io.stdout.write(`${' '.repeat(13)}not available on ${platform}\n`);
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
  const fail = (code: number, message: string, extra: Record<string, unknown> = {}) => {
    log?.error(`exit ${code}: ${message}`);
    if (flags.json) io.stdout.write(`${JSON.stringify({ ok: false, exitCode: code, error: message, ...extra })}\n`);
    else io.stderr.write(`diagcollect: ${message}\n`);
    return code;
  };
  const abort = new AbortController();
  const stopInterrupts = handleInterrupts({ signals: io.signals, abort, ...(quiet ? {} : { say: (text: string) => void io.stderr.write(text) }) });
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
    const progress = createProgressReporter({ json: quiet, out: io.stderr, tty: Boolean(io.stderr.isTTY) });
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
    const problems = [...result.problems];
    const mapPath = join(dataDir(io.env), 'redaction-maps', `${result.archiveName.replace(/\.zip$/, '')}.json`);
    const emlTarget = result.archivePath.replace(/\.zip$/, '.eml');
    // The archive is published: a failure now (disk full) must say so, not "no archive".
    const eml = await writeEmailDraft({
      ticket,
      lang,
      archivePath: result.archivePath,
      archiveName: result.archiveName,
      archiveBytes: result.bytes,
      archiveSha256,
      manifest: result.manifest,
    }).catch((err: unknown) => {
      problems.push(afterPublishProblem({ archivePath: result.archivePath, step: 'The e-mail draft', target: emlTarget, error: err, existing: result.problems.length === 0 && result.manifest.redaction?.enabled ? [`${mapPath} (the redaction map, local only)`] : [] }));
      return undefined;
    });
    // Last look before anything leaves: values the rules hid somewhere must not stand elsewhere.
    const leaks = await scanArchiveForLeaks(result.archivePath, result.leakValues);
    const leakBlocked = Boolean(uploadPlan) && leaks.length > 0 && !flags.acceptLeaks;
    if (leaks.length > 0 && !quiet) {
      io.stderr.write(`\ndiagcollect: the archive still contains ${leaks.length} value(s) that redaction hid elsewhere:\n`);
      for (const l of leaks.slice(0, 20)) io.stderr.write(`  - ${l.entry}, line ${l.line}: ${l.masked}\n`);
      io.stderr.write(
        leakBlocked
          ? '  The upload was not started. Leave the entry out (--exclude-item <name> or --skip <collector>) and collect again, or send it as it is with --accept-leaks.\n'
          : uploadPlan
            ? '  Sent anyway, as --accept-leaks asked.\n'
            : '  Check these entries before you send the archive.\n',
      );
    }
    const upload = uploadPlan && !leakBlocked
      ? await runUploadStep(uploadPlan, { ticket, archive: { path: result.archivePath, name: result.archiveName, size: result.bytes, sha256: archiveSha256 }, lang, io, json: quiet, signal: abort.signal, waitSeconds: uploadWait, split: Boolean(flags.split), comment: summaryText({ manifest: result.manifest, checks: result.checks, archive: { path: result.archivePath, name: result.archiveName, size: result.bytes, sha256: archiveSha256 }, lang }) })
      : undefined;
    const code = leakBlocked ? EXIT.uploadPending : upload && upload.exitCode !== EXIT.ok ? upload.exitCode : result.partial || problems.length > 0 ? EXIT.partial : EXIT.ok;
    const failedCollectors = result.manifest.collectors.filter((c) => c.status === 'error' || c.status === 'timeout');
    for (const p of problems) {
      log?.error(p);
      if (!flags.json) io.stderr.write(`diagcollect: ${p}\n`);
    }
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
          emailDraft: eml ?? null,
          ...(problems.length > 0 ? { problems } : {}),
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
      io.stdout.write(`\nArchive:      ${result.archivePath} (${formatBytes(result.bytes)}, ${result.manifest.items.length} files)\n`);
      io.stdout.write(`SHA-256:      ${archiveSha256}\n`);
      if (eml) {
        io.stdout.write(`E-mail draft: ${eml}\n`);
        io.stdout.write(`              open it, check the attachment, and send it to support (subject 【技术支持】${ticket})\n`);
      } else io.stdout.write(`E-mail draft: not written (see above); attach the archive by hand (subject 【技术支持】${ticket})\n`);
      if (upload) io.stdout.write(upload.summary);
      for (const p of failedCollectors) io.stdout.write(`Incomplete:   ${p.id}: ${p.error ?? p.status}\n`);
      const notRun = result.manifest.collectors.filter((c) => c.status === 'skipped');
      notRun.forEach((c, i) => io.stdout.write(`${i === 0 ? 'Not taken:   ' : '             '} ${c.id} — ${c.error ?? 'skipped'}\n`));
      if (result.manifest.skipped.length) io.stdout.write(`Skipped:      ${result.manifest.skipped.length} sources (reasons in manifest.json)\n`);
      const totals = Object.entries(result.manifest.redaction?.totals ?? {}).sort((a, b) => b[1] - a[1]);
      if (totals.length) io.stdout.write(`Redacted:     ${totals.map(([rule, n]) => `${n} ${rule}`).join(', ')} (placeholders such as <EMAIL-1>; the key stays on this computer)\n`);
    }
    return code;
  } catch (err) {
    const { code, message } = exitCodeFor(err);
    return fail(code, message);
  } finally {
    // Whatever a command we started left behind (a hung tool's escaped grandchild) dies with us.
    await reapChildren();
    stopInterrupts();
    await log?.flush();
  }
}

