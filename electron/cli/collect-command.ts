/**
 * `diagcollect collect`: translates the command line into the workflow's options
 * (electron/engine/workflow) and renders its events on the terminal, or as one JSON document.
 * Every step — ticket pre-check, collect, archive, leak check, draft, triage note, upload — is
 * the workflow's, the same one the desktop app runs.
 */
import type { AfterPublishProblem } from '../../shared/after-publish.js';
import { Option, type Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { emailSubject, type ArchiveLanguage } from '../../shared/naming.js';
import type { Policy } from '../../shared/policy.js';
import { IntakeSchema, ProblemTypeSchema, type Intake, type Platform, type Priority, type ProblemType, type WorkflowEvent } from '../../shared/types.js';
import { translator, type Translator } from '../../shared/i18n/translate.js';
import { COLLECTORS, collectorTitle } from '../engine/collectors/index.js';
import type { Collector } from '../engine/collectors/types.js';
import { EXIT, InputError } from '../engine/errors.js';
import { policyForLink, verifyLink } from '../engine/link/signed-link.js';
import { dataDir, outboxDir } from '../engine/platform/app-paths.js';
import { createRunLog } from '../engine/platform/run-log.js';
import { formatProblem, loadEffectivePolicy } from '../engine/policy/effective.js';
import { formatBytes } from '../engine/report/figures.js';
import { notTaken } from '../engine/report/not-collected.js';
import { parseDuration, redactWorkerForCollect } from '../engine/session.js';
import { TOOL_VERSION } from '../engine/version.js';
import { mailMegabytes } from '../engine/upload/email-draft.js';
import { planWorkflow, previewWorkflow, runWorkflow } from '../engine/workflow/run-workflow.js';
import { targetName } from '../engine/workflow/upload-stage.js';
import { exitCodeFor } from './exit-code.js';
import { reapChildren } from '../engine/platform/exec.js';
import { handleInterrupts } from './signals.js';
import { ticketCheckText } from '../../shared/i18n/collect-facts.js';
import { cliTranslator, langOption, policyProblemText } from './cli-i18n.js';
import { formatLeaks, labelled, notTakenRows, runReason, ruleName } from './collect-output.js';
import type { CliIo } from './main.js';
import { formatPreview } from './preview-format.js';
import { createProgressReporter } from './progress.js';
import { createUploadProgress } from './upload-progress.js';
import { describeOutcome, uploadJson } from './upload-step.js';

export interface CollectFlags {
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
  // The intake record (信息记录), as the desktop form asks for it.
  intake?: string;
  name?: string;
  contact?: string;
  department?: string;
  description?: string;
  occurredAt?: string;
  priority?: string;
  product?: string;
  tried?: string;
  problem?: string;
}

const list = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

const PRIORITIES: Record<string, Priority> = { 高: '高', 中: '中', 低: '低', high: '高', medium: '中', low: '低' };

export function registerCollectCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const tr = cliTranslator(io);
  addCollectOptions(program.command('collect').description(tr.t('cli.help.collect')), tr)
    .action(async (flags: CollectFlags) => {
      setExit(await collect(flags, io));
    });
}

/** The options of `collect`, also those of `record` (which collects when it stops). */
export function addCollectOptions(command: Command, tr: Translator): Command {
  return command
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
    .option('--intake <file>', tr.t('cli.help.collect.intake'))
    .option('--name <name>', tr.t('cli.help.collect.name'))
    .option('--contact <contact>', tr.t('cli.help.collect.contact'))
    .option('--department <department>', tr.t('cli.help.collect.department'))
    .option('--description <text>', tr.t('cli.help.collect.description'))
    .option('--occurred-at <time>', tr.t('cli.help.collect.occurredAt'))
    .addOption(new Option('--priority <priority>', tr.t('cli.help.collect.priority')).choices(Object.keys(PRIORITIES)))
    .option('--product <name>', tr.t('cli.help.collect.product'))
    .option('--tried <text>', tr.t('cli.help.collect.tried'))
    .option('--problem <type>', tr.t('cli.help.collect.problem'));
}

/** `YYYY-MM-DD HH:mm` (or with a T), a real minute of the calendar; anything else is bad input. */
export function parseOccurredAt(raw: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(raw.trim());
  const bad = () => InputError.coded('occurred-at', { value: raw }, `--occurred-at "${raw}" is not a time to the minute: use local time as "YYYY-MM-DD HH:mm", e.g. "2026-11-24 09:30"`);
  if (!m) throw bad();
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(y, mo - 1, d, h, mi);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d || date.getHours() !== h || date.getMinutes() !== mi) throw bad();
  return `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}`;
}

/**
 * `--problem`: the guide's problem types by their ids, or by their Chinese names (连接问题 …).
 * Anything else is bad input, named in the user's language with the valid values.
 */
export function parseProblemType(raw: string, tr: Translator): ProblemType {
  const value = raw.trim().toLowerCase();
  const found = ProblemTypeSchema.options.find((t) => t === value || translator('zh-CN').t(`problemType.${t}`) === raw.trim());
  if (found) return found;
  throw new InputError(`--problem: ${tr.t('cli.collect.badProblem', { value: raw, valid: ProblemTypeSchema.options.map((t) => `${t} (${translator('zh-CN').t(`problemType.${t}`)})`).join(', ') })}`);
}

/** The intake record: `--intake FILE` (validated by the shared schema), then the options over it. */
export async function intakeFromFlags(flags: CollectFlags, tr: Translator = translator('en')): Promise<Partial<Intake>> {
  let base: Partial<Intake> = {};
  if (flags.intake) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(resolve(flags.intake), 'utf8'));
    } catch (err) {
      const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : err instanceof Error ? err.message : String(err);
      throw InputError.coded('intake-file', { path: flags.intake, problems: (err as NodeJS.ErrnoException).code ?? why }, `--intake ${flags.intake}: ${why}`);
    }
    const parsed = IntakeSchema.strict().safeParse(raw);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
      throw InputError.coded('intake-file', { path: flags.intake, problems }, `--intake ${flags.intake}: ${problems}`);
    }
    base = parsed.data;
  }
  const set = <K extends keyof Intake>(key: K, value: Intake[K] | undefined) => {
    if (value !== undefined) base = { ...base, [key]: value };
  };
  set('name', flags.name);
  set('contact', flags.contact);
  set('department', flags.department);
  set('problemDescription', flags.description);
  set('occurredAt', flags.occurredAt === undefined ? undefined : parseOccurredAt(flags.occurredAt));
  set('priority', flags.priority === undefined ? undefined : PRIORITIES[flags.priority.toLowerCase()]);
  set('productName', flags.product);
  set('solutionsTried', flags.tried);
  set('problemType', flags.problem === undefined ? undefined : parseProblemType(flags.problem, tr));
  if (base.occurredAt !== undefined) base = { ...base, occurredAt: parseOccurredAt(base.occurredAt) };
  const checked = IntakeSchema.safeParse(base);
  if (!checked.success) {
    const problems = checked.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ');
    throw InputError.coded('intake-invalid', { problems }, `intake: ${problems}`);
  }
  return base;
}

/** `extra`: collectors beside the registry's (the recording of `diagcollect record`). */
export async function collect(flags: CollectFlags, io: CliIo, extra: readonly Collector[] = []): Promise<number> {
  const tr = cliTranslator(io);
  // --silent (IT scripts): a small log of the run instead of progress. A dry run writes nothing, not even that.
  const log = flags.silent && !flags.dryRun ? createRunLog(dataDir(io.env)) : undefined;
  const quiet = Boolean(flags.json || flags.silent);
  const fail = (code: number, message: string, text = message) => {
    log?.error(`exit ${code}: ${message}`);
    if (flags.json) io.stdout.write(`${JSON.stringify({ ok: false, exitCode: code, error: message })}\n`);
    else io.stderr.write(`diagcollect: ${text}\n`);
    return code;
  };
  const abort = new AbortController();
  const stopInterrupts = handleInterrupts({ signals: io.signals, abort, ...(quiet ? {} : { say: () => void io.stderr.write(`\n${tr.t('cli.collect.cancelling')}\n`) }) });
  try {
    log?.info(`collect: diagcollect ${TOOL_VERSION}, ${flags.link ? 'from a support link' : `ticket ${flags.ticket ?? '(none)'}`}${flags.policy ? `, policy file ${flags.policy}` : ''}`);
    await log?.flush();
    // defaults < user settings < --policy FILE < managed policy; a bad managed or user source is reported, not fatal.
    const effective = await loadEffectivePolicy({ env: io.env, ...(flags.policy ? { policyFile: flags.policy, strictPolicyFile: true } : {}) });
    let policy: Policy = effective.policy;
    for (const problem of effective.problems) {
      log?.error(`policy: ${formatProblem(problem)}`);
      if (!quiet) io.stderr.write(`diagcollect: ${policyProblemText(tr, problem, formatProblem(problem))}\n`);
    }
    let ticket = flags.ticket ?? '';
    let linkProblem: ProblemType | undefined;
    if (flags.link !== undefined) {
      const link = verifyLink(flags.link, policy, new Date());
      // The link's reason is already written in both languages; the code carries the Chinese one.
      if (!link.ok) throw InputError.coded('link-refused', { reason: link.reason['zh-CN'] }, link.reason.en);
      if (flags.ticket && flags.ticket !== link.ticket) throw InputError.coded('ticket-not-link', { ticket: flags.ticket, linkTicket: link.ticket }, `--ticket ${flags.ticket} is not the ticket of the link (${link.ticket}); leave out --ticket`);
      ticket = link.ticket;
      linkProblem = link.problemType;
      policy = policyForLink(policy, link);
      log?.info(`link verified: ticket ${link.ticket}, key ${link.keyId}, target ${link.target ?? 'from policy'}, expires ${link.expiresAt.toISOString()}`);
    }
    if (!ticket) throw InputError.coded('ticket-required', {}, 'a ticket is required: --ticket <id> (e.g. 12345), or --link <diagcollect://…> from support');
    const fromFlags = await intakeFromFlags(flags, tr);
    // The agent's link presets the problem type; the user's own --problem / --intake wins.
    const intake = linkProblem && fromFlags.problemType === undefined ? { ...fromFlags, problemType: linkProblem } : fromFlags;
    const since = flags.since ? new Date(Date.now() - parseDuration(flags.since)) : undefined;
    const uploadWait = Number(flags.uploadWait ?? 60);
    if (!Number.isFinite(uploadWait) || uploadWait < 0) throw InputError.coded('upload-wait', { value: String(flags.uploadWait) }, `--upload-wait must be a number of seconds, not "${flags.uploadWait}"`);
    const selection = {
      ticket,
      intake,
      policy,
      ...(extra.length > 0 ? { collectors: [...COLLECTORS, ...extra] } : {}),
      ...(flags.only ? { only: flags.only } : {}),
      ...(flags.skip ? { skip: flags.skip } : {}),
      ...(flags.excludeItem ? { excludeItems: flags.excludeItem } : {}),
      consentSensitive: flags.screenshot,
      ...(since ? { since } : {}),
      ...(flags.lang ? { lang: flags.lang } : {}),
      ...(flags.upload ? { target: flags.upload } : {}),
      platform: process.platform as Platform,
      signal: abort.signal,
    };
    // Bad selections, entry names and targets are refused before anything starts.
    planWorkflow(selection);
    if (flags.dryRun) {
      const preview = await previewWorkflow(selection);
      io.stdout.write(flags.json ? `${JSON.stringify({ ok: true, exitCode: EXIT.ok, dryRun: true, entries: preview.items.length, ...preview })}\n` : formatPreview(preview, { color: Boolean(io.stdout.isTTY), columns: io.stdout.columns, locale: tr.locale }));
      return EXIT.ok;
    }
    const outDir = flags.out ? resolve(flags.out) : outboxDir(ticket, io.env);
    const render = createRenderer(flags, io, quiet);
    const result = await runWorkflow({
      ...selection,
      outDir,
      dataDir: dataDir(io.env),
      env: io.env,
      ...(flags.acceptLeaks ? { acceptLeaks: true } : {}),
      uploadWaitMs: uploadWait * 1000,
      ...(flags.split ? { split: true } : {}),
      onEvent: render.onEvent,
      // sos20 (session 22): the redaction worker starts with the collection and redacts every item.
      // sos25 (session 23): the worker the launcher started ahead, when there is one (diagcollect.mjs).
      redactWorker: redactWorkerForCollect(io.env.DIAGCOLLECT_REDACT_WORKER, io.redactWorkerAhead),
    });
    render.done();
    const { archive, leakCheck, upload } = result;
    const code = leakCheck.blocked ? EXIT.uploadPending : upload && upload.state !== 'done' ? EXIT.uploadPending : result.partial ? EXIT.partial : EXIT.ok;
    log?.info(`archive ${archive.name} (${archive.bytes} bytes, ${archive.entries} entries, sha256 ${archive.sha256}) in ${outDir}; collectors: ${result.manifest.collectors.map((c) => `${c.id}=${c.status}`).join(' ')}`);
    if (upload) log?.info(`upload: ${describeOutcome(upload)}`);
    if (leakCheck.blocked) log?.info(`upload blocked by the leak check: ${leakCheck.leaks.length} value(s) found`);
    for (const p of result.problems) log?.error(p);
    // Said in the user's language from the engine's data; the log and --json keep the English.
    if (!flags.json) for (const p of result.afterPublish) io.stderr.write(`diagcollect: ${afterPublishText(p, cliTranslator(io))}\n`);
    log?.info(`exit ${code}`);
    // What was not taken: one account for the summary, --json and the app (engine report/not-collected.ts).
    const missing = notTaken(result.manifest);
    if (flags.json) {
      io.stdout.write(
        `${JSON.stringify({
          ok: true,
          exitCode: code,
          ticket,
          archive: { path: archive.path, name: archive.name, bytes: archive.bytes, size: formatBytes(archive.bytes), sha256: archive.sha256, entries: archive.entries },
          emailDraft: result.emailDraft ?? null,
          ...(result.emailDraft ? { emailDraftAttached: result.emailDraftAttached ?? true } : {}),
          ...(result.draftError ? { draftError: result.draftError } : {}),
          ...(result.problems.length > 0 ? { problems: result.problems } : {}),
          upload: upload
            ? { ...uploadJson(upload), ...(result.ticketCheck?.title !== undefined ? { title: result.ticketCheck.title } : {}) }
            : leakCheck.blocked
              ? { target: result.target, state: 'blocked', reason: leakCheck.state === 'incomplete' ? 'leak check did not finish before the deadline' : 'leak check: see leaks' }
              : { target: 'outbox', path: outDir },
          leakCheck: { state: leakCheck.state, blocked: leakCheck.blocked, accepted: leakCheck.accepted },
          ...(leakCheck.leaks.length > 0 ? { leaks: leakCheck.leaks } : {}),
          ...(result.manifest.redaction?.mended ? { mended: result.manifest.redaction.mended } : {}),
          ...(result.manifest.intakeCleaned ? { intakeCleaned: result.manifest.intakeCleaned } : {}),
          ...(leakCheck.notMended ? { notMended: leakCheck.notMended } : {}),
          items: archive.entries,
          // Sources skipped, as the summary and the app count them (a skipped collector is under `collectors`).
          skipped: missing.sources.length,
          collectors: result.manifest.collectors.map(({ id, status, durationMs, items, bytes, error }) => ({ id, status, durationMs, items, bytes, ...(error ? { error } : {}) })),
          ...(effective.problems.length > 0 ? { policyProblems: effective.problems.map(formatProblem) } : {}),
          ...(log ? { log: log.file } : {}),
        })}\n`,
      );
    } else if (!flags.silent) {
      const rows: Array<[string, string]> = [];
      const row = (label: string, value: string) => rows.push([label, value]);
      row(tr.t('cli.collect.archive'), tr.t('cli.collect.archiveFacts', { path: archive.path, size: formatBytes(archive.bytes), count: archive.entries }));
      row(tr.t('cli.collect.sha256'), archive.sha256);
      if (result.emailDraft) {
        row(tr.t('cli.collect.draft'), result.emailDraft);
        row('', tr.t(result.emailDraftAttached === false ? 'cli.collect.draftNotAttached' : 'cli.collect.draftHint', { subject: emailSubject(ticket), limit: mailMegabytes() }));
      } else row(tr.t('cli.collect.draft'), tr.t('cli.collect.draftMissing', { subject: emailSubject(ticket) }));
      if (upload) row(tr.t('cli.collect.upload'), describeOutcome(upload, tr));
      else if (leakCheck.blocked) row(tr.t('cli.collect.upload'), tr.t(leakCheck.state === 'incomplete' ? 'cli.collect.uploadBlockedIncomplete' : 'cli.collect.uploadBlocked'));
      result.manifest.collectors.filter((c) => c.status === 'error' || c.status === 'timeout').forEach((p, i) => row(i === 0 ? tr.t('cli.collect.incomplete') : '', `${collectorTitle(p.id, tr.locale)}: ${runReason(p, tr)}`));
      // Evidence for other problem types was never meant to run: one line, not one each.
      // The same lines as the app's Done screen (shared/i18n/collect-facts.ts): entries cut short
      // and skipped sources, each with its reason (sources past the first ten counted).
      for (const [label, value] of notTakenRows(missing, tr, (id) => collectorTitle(id, tr.locale))) row(label, value);
      const cleaned = result.manifest.intakeCleaned ?? [];
      if (cleaned.length) row(tr.t('cli.collect.intakeCleaned'), tr.t('intake.cleaned', { count: cleaned.reduce((n, c) => n + c.removed, 0), list: tr.list(cleaned.map((c) => tr.t('intake.fieldName', { field: c.field }))) }));
      const totals = Object.entries(result.manifest.redaction?.totals ?? {}).sort((x, y) => y[1] - x[1]);
      if (totals.length) row(tr.t('cli.collect.redacted'), tr.t('cli.collect.redactedHint', { list: tr.list(totals.map(([rule, count]) => tr.t('cli.collect.ruleCount', { rule: ruleName(rule, tr), count }))), example: result.manifest.redaction?.example ?? 'none' }));
      const mended = result.manifest.redaction?.mended ?? [];
      if (mended.length) row(tr.t('mend.label'), tr.t('mend.mended', { count: mended.length, list: tr.list(mended) }));
      else if (leakCheck.notMended) row(tr.t('mend.label'), tr.t('mend.notMended', { code: leakCheck.notMended.code, entry: leakCheck.notMended.entry ?? '', error: leakCheck.notMended.error ?? '' }));
      io.stdout.write(`\n${labelled(rows)}`);
    }
    return code;
  } catch (err) {
    const { code, message, text } = exitCodeFor(err, cliTranslator(io));
    return fail(code, message, text);
  } finally {
    // sos25: a worker started ahead and never used (a dry run, a refused selection) stops here.
    await io.redactWorkerAhead?.worker.terminate();
    // Whatever a command we started left behind (a hung tool's escaped grandchild) dies with us.
    await reapChildren();
    stopInterrupts();
    await log?.flush();
  }
}

/** The workflow's events on the terminal (stderr; stdout keeps the result). Silent with --json/--silent. */
function createRenderer(flags: CollectFlags, io: CliIo, quiet: boolean) {
  const tr = cliTranslator(io);
  const progress = createProgressReporter({ json: quiet, out: io.stderr, tty: Boolean(io.stderr.isTTY), tr, title: (id) => collectorTitle(id, tr.locale) });
  let upload: ReturnType<typeof createUploadProgress> | undefined;
  const onEvent = (event: WorkflowEvent): void => {
    switch (event.type) {
      case 'progress':
        return progress.onEvent(event.event);
      case 'ticket':
        if (quiet) return;
        if (event.state === 'found') io.stderr.write(`${ticketCheckText(tr, event)}\n`);
        else io.stderr.write(`diagcollect: ${tr.t('cli.upload.cannotCheck', { ticket: event.ticket, why: event.reason ?? '—' })}\n`);
        return;
      case 'archived':
        return progress.done();
      case 'leak-check': {
        const { check } = event;
        if (quiet || check.state === 'clean') return;
        if (check.state === 'incomplete') io.stderr.write(`\ndiagcollect: ${tr.t('cli.collect.leakIncomplete')}\n`);
        else io.stderr.write(formatLeaks(check.leaks, check.blocked ? 'blocked' : check.accepted ? 'accepted' : 'check', tr));
        return;
      }
      case 'upload':
        upload ??= createUploadProgress({ json: quiet, tty: Boolean(io.stderr.isTTY), out: io.stderr, label: tr.t('cli.upload.label', { target: targetName(event.job.target) }), tr });
        if (event.step === 'progress') return upload.onProgress(event.sentBytes, event.job.size);
        if (event.step === 'queued') return;
        if (event.step === 'retry-scheduled') {
          const e = event.job.error;
          return upload.onEvent({ type: 'retry-scheduled', job: { attempts: event.job.attempts, destination: { target: event.job.target } }, delayMs: event.delayMs ?? 0, error: { message: e?.message ?? 'failed', ...(e ? { kind: e.kind } : {}), ...(e?.cause ? { networkCause: e.cause } : {}) } });
        }
        return upload.onEvent({ type: event.step, job: event.job });
      case 'draft':
      case 'draft-failed':
        return;
    }
  };
  return {
    onEvent,
    done() {
      progress.done();
      upload?.done();
    },
  };
}

/** A step after publishing that failed, in the reader's language: which file is missing, which exist. */
function afterPublishText(p: AfterPublishProblem, tr: ReturnType<typeof cliTranslator>): string {
  const existing = p.existing.map((path, i) => (i === 0 ? tr.t('afterPublish.archive', { path }) : tr.t('afterPublish.draft', { path })));
  return tr.t('afterPublish.problem', { step: p.step, target: p.target, cause: p.cause, queued: p.queued ? 'yes' : 'no', existing: tr.list(existing) });
}
