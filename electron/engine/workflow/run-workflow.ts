/**
 * The one collect-and-send use case, for the desktop app and the CLI alike:
 *
 *   intake → plan → (ticket pre-check) → collect → redact → archive   (session.ts)
 *          → leak check → e-mail draft → (triage note, upload)          (here)
 *
 * Callers translate their options in and render the {@link WorkflowEvent}s out; neither holds
 * any of these steps. The dry run is the same pipeline up to the archive, with a measuring sink
 * instead of the zip (preview.ts). The leak check and the draft are bounded by the same deadline
 * as the collection: a check that cannot finish blocks the upload (fail closed).
 */
import { causeCode, type AfterPublishProblem } from '../../../shared/after-publish.js';
import { mkdir, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { checkTicketId } from '../../../shared/naming.js';
import type { ArchiveFacts, CheckResult, LeakCheck, Manifest, Platform, WorkflowEvent } from '../../../shared/types.js';
import { afterPublishProblem, ArchiveWriteError, errnoCode, outputFailureReason } from '../archive/archive-errors.js';
import { sha256File } from '../archive/sha256-file.js';
import { COLLECTORS } from '../collectors/index.js';
import { CancelledError, InputError } from '../errors.js';
import { previewCollection, type CollectionPreview } from '../preview.js';
import { zipEntryCount } from '../report/figures.js';
import { summaryText } from '../report/summary-text.js';
import { planCollectors, runSession, type SessionOptions } from '../session.js';
import { writeEmailDraft, type EmailDraft } from '../upload/email-draft.js';
import type { OutboxOptions, UploadJob } from '../upload/outbox.js';
import { recordLastSizes } from '../collector-sizes.js';
import { checkExcludeItems } from './exclude-items.js';
import { precheckTicket, queueAndSend, resolveTarget, targetName, UploadRecordError, type UploadPlan } from './upload-stage.js';

/** The session's options (intake, selection, consent, language …) plus what the later stages need. */
export interface WorkflowOptions
  extends Pick<SessionOptions, 'ticket' | 'intake' | 'policy' | 'outDir' | 'collectors' | 'checks' | 'only' | 'skip' | 'excludeItems' | 'consentSensitive' | 'since' | 'lang' | 'platform' | 'host' | 'now' | 'signal' | 'holdRead' | 'redactWorker'> {
  /** The app's data folder: outbox jobs, redaction maps. */
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /**
   * The collection's deadline; default `policy.deadlineSeconds` from the start. The session, the
   * leak check and the draft all stop at it.
   */
  deadline?: AbortSignal;
  /** The whole run's deadline as a time (the session cuts items in flight at it); default from policy. */
  deadlineAt?: Date;
  /** Upload target override (`--upload`); default `policy.upload.target`. */
  target?: string;
  /** Send even when the leak check finds values redaction hid elsewhere (`--accept-leaks`). */
  acceptLeaks?: boolean;
  /** Keep retrying a failing upload this long before leaving it queued (default 0: one attempt). */
  uploadWaitMs?: number;
  split?: boolean;
  /** Keeps the upload going after the collection (the app's lifetime); default `signal`. */
  uploadSignal?: AbortSignal;
  outbox?: Pick<OutboxOptions, 'backoff' | 'maxAttempts'>;
  onEvent?: (event: WorkflowEvent) => void;
}

export interface WorkflowResult {
  ticket: string;
  archive: ArchiveFacts;
  manifest: Manifest;
  checks: CheckResult[];
  partial: boolean;
  /** What went wrong after collecting (e.g. the draft could not be written), each naming the files that exist. */
  problems: string[];
  /** The same problems as data: what every front end renders in its language (shared/after-publish.ts). */
  afterPublish: AfterPublishProblem[];
  /** `undefined` when the draft could not be written in time (see `draftError`). */
  emailDraft?: string;
  /** False when the archive was too large to attach: the draft names its path instead (email-draft.ts). */
  emailDraftAttached?: boolean;
  draftError?: string;
  leakCheck: LeakCheck;
  /** `outbox`: no ticket system, the archive waits locally with its draft. */
  target: string;
  targetName: string;
  /** The ticket system's answer before collecting. */
  ticketCheck?: { title?: string; unreachable?: string };
  /** The outbox job, once queued (absent for `outbox` or when the leak check blocked it). */
  upload?: UploadJob;
  /** The triage note the upload posts (and the blocked upload would post). */
  triage: string;
}

/** Validates everything the user gave before anything runs (bad input: nothing is collected). */
export function planWorkflow(options: Partial<Pick<WorkflowOptions, 'ticket'>> & Pick<WorkflowOptions, 'policy' | 'intake' | 'collectors' | 'only' | 'skip' | 'excludeItems' | 'consentSensitive' | 'platform' | 'lang' | 'target'>) {
  const platform = options.platform ?? (process.platform as Platform);
  // A bad ticket id is refused before anything is created (the --out folder included).
  if (options.ticket !== undefined) {
    const check = checkTicketId(options.ticket);
    if (!check.ok) throw InputError.coded('ticket-invalid', { ticket: options.ticket }, check.reason);
  }
  const plan = planCollectors({ ...options, collectors: options.collectors ?? COLLECTORS, platform });
  checkExcludeItems(options.excludeItems ?? [], options.lang ?? options.policy.archiveLanguage);
  const target = resolveTarget(options.target, options.policy);
  return { plan, target, targetName: targetName(target) };
}

/** The dry run: the same plan and collectors, a measuring sink instead of the zip; writes nothing. */
export async function previewWorkflow(options: Omit<WorkflowOptions, 'outDir' | 'dataDir' | 'env'> & { samplesPerItem?: number }): Promise<CollectionPreview> {
  planWorkflow(options);
  return previewCollection({
    ticket: options.ticket,
    policy: options.policy,
    ...pick(options, ['intake', 'collectors', 'only', 'skip', 'excludeItems', 'consentSensitive', 'since', 'lang', 'platform', 'host', 'now', 'signal', 'samplesPerItem']),
  });
}

/** Collects, archives, checks for leaks, drafts the e-mail and (when a ticket system is set) sends. */
export async function runWorkflow(options: WorkflowOptions): Promise<WorkflowResult> {
  const emit = (event: WorkflowEvent) => options.onEvent?.(event);
  const signal = options.signal ?? new AbortController().signal;
  const deadlineAt = options.deadlineAt ?? new Date(Date.now() + options.policy.deadlineSeconds * 1000);
  const deadline = options.deadline ?? AbortSignal.timeout(Math.max(0, deadlineAt.getTime() - Date.now()));
  const { target, targetName: name } = planWorkflow(options);
  if (signal.aborted) throw new CancelledError();

  // The ticket is asked about before anything is collected: a wrong ticket costs nothing.
  let plan: UploadPlan | undefined;
  if (target !== 'outbox') plan = await precheckTicket({ target, policy: options.policy, ticket: options.ticket, env: options.env, dataDir: options.dataDir, signal, emit });

  const createdDir = await makeOutDir(options.outDir, options.dataDir);
  const written: string[] = [];
  try {
    // One deadline for the whole run: the session cuts items in flight at it (session.ts).
    const sessionOptions: SessionOptions = {
      ticket: options.ticket,
      policy: options.policy,
      outDir: options.outDir,
      redactionMapDir: join(options.dataDir, 'redaction-maps'),
      signal,
      // An explicit deadline is passed on; else the session applies policy deadlineSeconds itself
      // (the same moment as deadlineAt, and its reasons then name "the session deadline of N s").
      ...(options.deadlineAt ? { deadline: options.deadlineAt } : {}),
      // The leak check and the mend step before publishing stop at the run's deadline too.
      finishDeadline: deadline,
      onProgress: (event) => emit({ type: 'progress', event }),
      ...pick(options, ['intake', 'collectors', 'checks', 'only', 'skip', 'excludeItems', 'consentSensitive', 'since', 'lang', 'platform', 'host', 'now', 'holdRead', 'redactWorker']),
    };
    const session = await runSession(sessionOptions);
    written.push(session.archivePath);
    const lang = session.manifest.archiveLanguage;
    const archive: ArchiveFacts = {
      path: session.archivePath,
      name: session.archiveName,
      bytes: session.bytes,
      sha256: await sha256File(session.archivePath),
      entries: await zipEntryCount(session.archivePath),
    };
    emit({ type: 'archived', archive, partial: session.partial, manifest: session.manifest, checks: session.checks, ...(session.afterPublish.length > 0 ? { afterPublish: session.afterPublish } : {}) });
    // ui26: each collector's real size here, for the next Review's estimate (`measured-last`); a
    // convenience, so a failed write costs nothing but the figure.
    await recordLastSizes(options.dataDir, session.manifest).catch(() => {});
    const file = { path: archive.path, name: archive.name, size: archive.bytes, sha256: archive.sha256 };
    const triage = summaryText({ manifest: session.manifest, checks: session.checks, archive: file, entries: archive.entries, lang });

    // Last look before anything leaves: values the rules hid somewhere must not stand elsewhere.
    // Most of it ran while the archive was written; what is left reads back only the entries
    // written before a value was learned.
    const bound = AbortSignal.any([signal, deadline]);
    let leakCheck: LeakCheck;
    try {
      // The check takes the signal itself and stops reading at it (its file closed) before this
      // rejects, so "incomplete" is true when it is said: nothing reads on past the deadline.
      const leaks = await session.checkLeaks({ signal: bound });
      const found = leaks.length > 0;
      leakCheck = { state: found ? 'found' : 'clean', leaks, blocked: found && Boolean(plan) && !options.acceptLeaks, accepted: found && Boolean(options.acceptLeaks), ...(found && session.notMended ? { notMended: session.notMended } : {}) };
    } catch (err) {
      if (signal.aborted) throw new CancelledError();
      if (!deadline.aborted) throw err;
      leakCheck = { state: 'incomplete', leaks: [], blocked: Boolean(plan) && !options.acceptLeaks, accepted: Boolean(options.acceptLeaks) };
    }
    emit({ type: 'leak-check', check: leakCheck });

    let emailDraft: EmailDraft | undefined;
    let draftError: string | undefined;
    let draftProblem: AfterPublishProblem | undefined;
    try {
      // The draft stops itself at the deadline and removes its temp file before this returns, so
      // "not written" is true when it is said (no .eml published afterwards, no .partial left).
      emailDraft = await writeEmailDraft({ signal: bound, ticket: options.ticket, lang, archivePath: archive.path, archiveName: archive.name, archiveBytes: archive.bytes, archiveSha256: archive.sha256, entries: archive.entries, manifest: session.manifest });
      written.push(emailDraft.path);
      emit({ type: 'draft', path: emailDraft.path });
    } catch (err) {
      if (signal.aborted) throw new CancelledError();
      draftError = deadline.aborted
        ? 'the e-mail draft was not written: the collection reached its deadline (policy deadlineSeconds)'
        : afterPublishProblem({ archivePath: archive.path, step: 'The e-mail draft', target: archive.path.replace(/\.zip$/, '.eml'), error: err });
      draftProblem = { step: 'draft', target: archive.path.replace(/\.zip$/, '.eml'), cause: deadline.aborted ? 'deadline' : causeCode(err), existing: [archive.path] };
      emit({ type: 'draft-failed', reason: draftError, problem: draftProblem });
    }

    const result: WorkflowResult = {
      ticket: session.manifest.ticket,
      archive,
      manifest: session.manifest,
      checks: session.checks,
      // Items cut or failed, or a step after publishing that failed: the archive is there, incomplete.
      partial: session.partial || session.problems.length > 0 || draftError !== undefined,
      problems: [...session.problems, ...(draftError ? [draftError] : [])],
      afterPublish: [...session.afterPublish, ...(draftProblem ? [draftProblem] : [])],
      // Whether the archive is attached is the draft's own answer (one truth with its body).
      ...(emailDraft ? { emailDraft: emailDraft.path, emailDraftAttached: emailDraft.attached } : {}),
      ...(draftError ? { draftError } : {}),
      leakCheck,
      target,
      targetName: name,
      ...(plan ? { ticketCheck: { ...(plan.title !== undefined ? { title: plan.title } : {}), ...(plan.unreachable ? { unreachable: plan.unreachable } : {}) } } : {}),
      triage,
    };
    if (!plan) return result;
    if (leakCheck.blocked) {
      await plan.connector.close?.();
      return result;
    }
    try {
      result.upload = await queueAndSend({
        plan,
        ticket: result.ticket,
        archive: file,
        lang,
        triage,
        options: {
          policy: options.policy,
          env: options.env,
          dataDir: options.dataDir,
          signal: options.uploadSignal ?? signal,
          waitBudgetMs: options.uploadWaitMs ?? 0,
          ...(options.split ? { split: true } : {}),
          ...(options.outbox ? { outbox: options.outbox } : {}),
          emit,
        },
      });
    } catch (err) {
      if (!(err instanceof UploadRecordError) || signal.aborted) throw err;
      // The archive is there: a job record the disk could not take is a problem beside it (exit 3).
      result.partial = true;
      result.problems.push(uploadRecordProblem(err, archive.path, emailDraft?.path));
      result.afterPublish.push({ step: 'job-record', target: err.jobsDir, cause: causeCode(err.cause), existing: [archive.path, ...(emailDraft ? [emailDraft.path] : [])], ...(err.queued ? { queued: true } : {}) });
    }
    return result;
  } catch (err) {
    await plan?.connector.close?.();
    // A cancelled run leaves nothing behind: not even the folder it created for the archive.
    if (err instanceof CancelledError || signal.aborted) {
      for (const path of written) await rm(path, { force: true });
      if (createdDir) await rm(createdDir, { recursive: true, force: true });
    } else if (createdDir && written.length === 0) {
      // A failed run (no archive: a full disk) leaves nothing either, not even the folders it
      // made — only while they are empty, so nothing anyone else put there is touched.
      for (let dir = resolve(options.outDir); ; dir = dirname(dir)) {
        if (!(await rmdir(dir).then(() => true, () => false)) || dir === createdDir || dirname(dir) === dir) break;
      }
    }
    throw err instanceof CancelledError || !signal.aborted ? err : new CancelledError();
  }
}

/** What exists after the upload's job record could not be written, and what to do. */
function uploadRecordProblem(err: UploadRecordError, archivePath: string, emailDraft: string | undefined): string {
  const existing = emailDraft ? [`${emailDraft} (the e-mail draft)`] : [];
  if (!err.queued) return afterPublishProblem({ archivePath, step: 'The upload job record', target: err.jobsDir, error: err.cause, existing });
  const exists = [`${archivePath} (the archive, complete)`, ...existing].join(', ');
  return `The upload job record in ${err.jobsDir} could not be updated: ${outputFailureReason(err.cause)}; the job stays in the outbox as it was (diagcollect outbox list) and is tried again by \`diagcollect outbox retry\` once there is space. These files exist: ${exists}.`;
}

/**
 * After a blocked upload, the user chose to send anyway (the app's "send anyway"; the CLI's
 * equivalent is running again with --accept-leaks): the same queue-and-send stage, with the
 * same triage note.
 */
export async function sendAfterLeakCheck(
  result: WorkflowResult,
  options: Pick<WorkflowOptions, 'policy' | 'env' | 'dataDir' | 'uploadWaitMs' | 'split' | 'outbox' | 'onEvent'> & { signal?: AbortSignal },
): Promise<UploadJob> {
  if (result.target === 'outbox') throw InputError.coded('no-ticket-system', {}, 'no ticket system is configured: send the e-mail draft instead');
  const emit = (event: WorkflowEvent) => options.onEvent?.(event);
  const plan = await precheckTicket({ target: result.target, policy: options.policy, ticket: result.ticket, env: options.env, dataDir: options.dataDir, signal: options.signal ?? new AbortController().signal, emit });
  result.leakCheck = { ...result.leakCheck, blocked: false, accepted: true };
  emit({ type: 'leak-check', check: result.leakCheck });
  result.upload = await queueAndSend({
    plan,
    ticket: result.ticket,
    archive: { path: result.archive.path, name: result.archive.name, size: result.archive.bytes, sha256: result.archive.sha256 },
    lang: result.manifest.archiveLanguage,
    triage: result.triage,
    options: {
      policy: options.policy,
      env: options.env,
      dataDir: options.dataDir,
      ...(options.signal ? { signal: options.signal } : {}),
      waitBudgetMs: options.uploadWaitMs ?? 0,
      ...(options.split ? { split: true } : {}),
      ...(options.outbox ? { outbox: options.outbox } : {}),
      emit,
    },
  });
  return result.upload;
}

/**
 * Creates the output folder (the outbox folder 0700: archives wait there) and returns the top
 * folder this call created, so a cancelled run can remove exactly that and nothing else.
 */
async function makeOutDir(outDir: string, dataDir: string): Promise<string | undefined> {
  const dir = resolve(outDir);
  const inOutbox = dir.startsWith(resolve(dataDir, 'outbox'));
  if (inOutbox) await makeDir(dirname(dir), 0o700);
  const existed = await stat(dir).then(
    () => true,
    () => false,
  );
  const created = await makeDir(dir, inOutbox ? 0o700 : undefined);
  return existed ? undefined : (created ?? dir);
}

/**
 * `mkdir -p` whose failure says why in words a user can act on. Node's recursive mkdir reports a
 * read-only drive as ENOENT ("no such file or directory, mkdir"), about a parent that exists:
 * the first missing folder is made on its own to learn the real cause (EROFS, EACCES, ENOSPC).
 */
async function makeDir(dir: string, mode: number | undefined): Promise<string | undefined> {
  try {
    return await mkdir(dir, { recursive: true, ...(mode !== undefined ? { mode } : {}) });
  } catch (err) {
    // A file where a folder must be (--out naming a file, or a file on its way): bad input.
    const code = errnoCode(err);
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      let file = dir;
      while (dirname(file) !== file && !(await stat(file).then(() => true, () => false))) file = dirname(file);
      throw InputError.coded('out-not-folder', { path: file }, `${file} is a file, not a folder, so the folder for the archive cannot be made there: give --out a folder, or move the file away`);
    }
    let cause: unknown = err;
    let missing = dir;
    while (dirname(missing) !== missing && !(await stat(dirname(missing)).then(() => true, () => false))) missing = dirname(missing);
    if (code === 'ENOENT') await mkdir(missing).then(() => rm(missing, { recursive: true }), (real: unknown) => (cause = real));
    throw new ArchiveWriteError(`Cannot create the folder ${dir} for the archive: ${outputFailureReason(cause)}. Choose a folder on a drive you can write to (--out, or DIAGCOLLECT_DATA_DIR for the outbox), then collect again.`, dir, errnoCode(cause), { cause });
  }
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (source[k] !== undefined) out[k] = source[k];
  return out;
}
