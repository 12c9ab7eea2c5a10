/**
 * `diagcollect collect`: collect, redact and archive for a ticket, write the e-mail draft, check
 * for leaks, and upload when asked. Loaded only when this command runs (see main.ts).
 */
import { join, resolve } from 'node:path';
import type { Policy } from '../../shared/policy.js';
import type { Platform } from '../../shared/types.js';
import { sha256File } from '../engine/archive/sha256-file.js';
import { COLLECTORS } from '../engine/collectors/index.js';
import { formatBytes } from '../engine/collectors/support/text.js';
import { EXIT, InputError } from '../engine/errors.js';
import { policyForLink, verifyLink } from '../engine/link/signed-link.js';
import { dataDir, outboxDir } from '../engine/platform/app-paths.js';
import { createRunLog } from '../engine/platform/run-log.js';
import { formatProblem, loadEffectivePolicy } from '../engine/policy/effective.js';
import { previewCollection } from '../engine/preview.js';
import { scanArchiveForLeaks } from '../engine/redact/leak-check.js';
import { summaryText } from '../engine/report/summary-text.js';
import { parseDuration, planCollectors, runSession } from '../engine/session.js';
import { writeEmailDraft } from '../engine/upload/email-draft.js';
import { TOOL_VERSION } from '../engine/version.js';
import { exitCodeFor } from './exit-code.js';
import type { CliIo, CollectFlags } from './main.js';
import { formatPreview } from './preview-format.js';
import { createProgressReporter } from './progress.js';
import { prepareUpload, runUploadStep } from './upload-step.js';

export async function collect(flags: CollectFlags, io: CliIo): Promise<number> {
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
  let interrupts = 0;
  const onSignal = () => {
    interrupts += 1;
    if (interrupts > 1) process.exit(EXIT.cancelled);
    if (!quiet) io.stderr.write('\nCancelling… (press Ctrl-C again to quit at once)\n');
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
    const code = leakBlocked ? EXIT.uploadPending : upload && upload.exitCode !== EXIT.ok ? upload.exitCode : result.partial ? EXIT.partial : EXIT.ok;
    const problems = result.manifest.collectors.filter((c) => c.status === 'error' || c.status === 'timeout');
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
      io.stdout.write(`\nArchive:      ${result.archivePath} (${formatBytes(result.bytes)}, ${result.manifest.items.length} files)\n`);
      io.stdout.write(`SHA-256:      ${archiveSha256}\n`);
      io.stdout.write(`E-mail draft: ${eml}\n`);
      io.stdout.write(`              open it, check the attachment, and send it to support (subject 【技术支持】${ticket})\n`);
      if (upload) io.stdout.write(upload.summary);
      for (const p of problems) io.stdout.write(`Incomplete:   ${p.id}: ${p.error ?? p.status}\n`);
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
    io.signals.off('SIGINT', onSignal);
    io.signals.off('SIGTERM', onSignal);
    await log?.flush();
  }
}

