/**
 * The upload half of `diagcollect collect --upload <target>`: before collecting, build the
 * connector and check that the ticket exists (a missing ticket or a refused credential is bad
 * input: nothing is collected; an unreachable server is not: collect anyway and queue); after
 * the archive is written, queue the job in the durable outbox and run it now with progress.
 */
import { formatDateTime, formatDuration, formatSize } from '../../shared/i18n/format.js';
import { translator, type Translator } from '../../shared/i18n/translate.js';
import type { ArchiveLanguage } from '../../shared/naming.js';
import { UPLOAD_TARGETS, type Policy } from '../../shared/policy.js';
import { CancelledError, EXIT, InputError } from '../engine/errors.js';
import { dataDir } from '../engine/platform/app-paths.js';
import { connectorEntry, type Destination } from '../engine/upload/index.js';
import { JobBusyError, Outbox, type UploadJob } from '../engine/upload/outbox.js';
import type { ArchiveFile, UploadConnector } from '../engine/upload/types.js';
import { UploadError } from '../engine/upload/upload-error.js';
import { TOOL_VERSION } from '../engine/version.js';
import { createUploadProgress } from './upload-progress.js';

export interface UploadIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** The output's language (set by main). */
  locale?: ArchiveLanguage;
}

export interface UploadPlan {
  destination: Destination;
  connector: UploadConnector;
  /** The ticket's title, when the server answered. */
  title?: string;
  /** Why the server could not be asked before collecting (the upload is queued and tried anyway). */
  unreachable?: string;
}

const VALIDATE_TIMEOUT_MS = 20_000;

/** Resolves the target (flag, else policy) and checks the ticket; undefined for the plain outbox. */
export async function prepareUpload(args: { target?: string; policy: Policy; ticket: string; io: UploadIo; json: boolean; signal: AbortSignal }): Promise<UploadPlan | undefined> {
  const target = args.target ?? args.policy.upload.target;
  if (target === 'outbox') return undefined;
  const tr = translator(args.io.locale ?? 'en');
  if (!(UPLOAD_TARGETS as readonly string[]).includes(target)) throw new InputError(`unknown upload target "${target}": use one of ${UPLOAD_TARGETS.join(', ')}`);
  let destination: Destination;
  let connector: UploadConnector;
  try {
    const entry = connectorEntry(target);
    destination = entry.destination(args.policy);
    connector = await entry.create(destination, args.policy, { env: args.io.env, dataDir: dataDir(args.io.env) });
  } catch (err) {
    if (err instanceof UploadError) throw new InputError(err.message);
    throw err;
  }
  const timeout = AbortSignal.timeout(VALIDATE_TIMEOUT_MS);
  try {
    const { title, lookedUp } = await connector.validateTicket(args.ticket, { signal: AbortSignal.any([args.signal, timeout]) });
    const target = connector.displayName[tr.locale];
    if (!args.json) args.io.stderr.write(`${lookedUp === false ? tr.t('cli.upload.notLookedUp', { ticket: args.ticket, target }) : tr.t('cli.upload.ticketFound', { ticket: args.ticket, target, title })}\n`);
    return { destination, connector, title };
  } catch (err) {
    if (args.signal.aborted) {
      await connector.close?.();
      throw new CancelledError();
    }
    const e = err instanceof UploadError ? err : new UploadError('network', err instanceof Error ? err.message : String(err));
    if (e.permanent) {
      await connector.close?.();
      throw new InputError(`${e.message}; nothing was collected`);
    }
    const why = timeout.aborted ? `${connector.displayName.en} did not answer within ${VALIDATE_TIMEOUT_MS / 1000} s` : e.message;
    const shown = timeout.aborted
      ? tr.t('cli.upload.noAnswer', { target: connector.displayName[tr.locale], duration: formatDuration(VALIDATE_TIMEOUT_MS, tr.locale) })
      : tr.locale === 'en'
        ? e.message
        : tr.uploadProblem({ kind: e.kind, cause: e.networkCause }, { target: connector.displayName[tr.locale], ticket: args.ticket });
    if (!args.json) args.io.stderr.write(`diagcollect: ${tr.t('cli.upload.cannotCheck', { ticket: args.ticket, why: shown })}\n`);
    return { destination, connector, unreachable: why };
  }
}

/** The note posted with the attachment, in the archive's language. */
export function uploadComment(archive: ArchiveFile, lang: ArchiveLanguage): string {
  return translator(lang).t('cli.upload.note', { archive: archive.name, size: formatSize(archive.size, lang), sha256: archive.sha256, version: TOOL_VERSION });
}

/** Why a job is not done, in the user's language (the engine's English message in English: it is the most specific). */
export function jobReason(job: UploadJob, tr: Translator): string {
  if (!job.lastError) return '';
  return tr.locale === 'en' ? job.lastError.message : tr.uploadProblem(job.lastError, { target: job.destination.target, ticket: job.ticket });
}

/** What `--json` reports under `upload`. */
export function uploadJson(job: UploadJob): Record<string, unknown> {
  return {
    target: job.destination.target,
    url: job.destination.url,
    ticket: job.ticket,
    name: job.archive.name,
    size: job.archive.size,
    sha256: job.archive.sha256,
    jobId: job.id,
    state: job.state,
    attempts: job.attempts,
    ...(job.result ? { attachmentId: job.result.id, attachmentUrl: job.result.url, alreadyPresent: job.result.alreadyPresent } : {}),
    ...(job.state !== 'done' && job.lastError ? { error: job.lastError.message } : {}),
    ...(job.state === 'queued' && job.nextAttemptAt ? { nextAttemptAt: job.nextAttemptAt } : {}),
  };
}

/** One human line about a job's outcome. */
export function describeOutcome(job: UploadJob, tr: Translator = translator('en')): string {
  const facts = { archive: job.archive.name, target: job.destination.target, ticket: job.ticket };
  if (job.state === 'done' && job.result) {
    const id = `${job.result.id}${job.result.url ? `, ${job.result.url}` : ''}`;
    return tr.t(job.result.alreadyPresent ? 'cli.upload.alreadyDone' : 'cli.upload.done', { ...facts, id });
  }
  if (job.state === 'failed') return tr.t('cli.upload.failed', { job: job.id, reason: jobReason(job, tr) || tr.t('upload.kind.rejected', { target: job.destination.target }), path: job.archive.path });
  const next = job.nextAttemptAt ? tr.t('cli.upload.next', { time: formatDateTime(job.nextAttemptAt, tr.locale) }) : '';
  const why = job.lastError ? `${tr.locale === 'en' ? ': ' : '：'}${jobReason(job, tr)}` : '';
  return tr.t('cli.upload.queued', { job: job.id, next, reason: why });
}

/** Queues the archive and uploads it now; the job stays in the outbox if it cannot finish. */
export async function runUploadStep(
  plan: UploadPlan,
  args: { ticket: string; archive: ArchiveFile; lang: ArchiveLanguage; io: UploadIo; json: boolean; signal: AbortSignal; waitSeconds: number; comment?: string; split?: boolean },
): Promise<{ json: Record<string, unknown>; summary: string; exitCode: number }> {
  const { io } = args;
  const outbox = new Outbox({ dataDir: dataDir(io.env) });
  let job = await outbox.enqueue({ ticket: args.ticket, destination: plan.destination, archive: args.archive, comment: args.comment ?? uploadComment(args.archive, args.lang), note: uploadComment(args.archive, args.lang) });
  const tr = translator(io.locale ?? 'en');
  const progress = createUploadProgress({ json: args.json, tty: Boolean(io.stderr.isTTY), out: io.stderr, label: tr.t('cli.upload.label', { target: plan.connector.displayName[tr.locale] }), tr });
  try {
    job = await outbox.run(job.id, { connector: plan.connector, signal: args.signal, onProgress: progress.onProgress, onEvent: progress.onEvent, waitBudgetMs: args.waitSeconds * 1000, ...(args.split ? { split: true } : {}) });
  } catch (err) {
    if (!(err instanceof JobBusyError)) throw err;
    if (!args.json) io.stderr.write(`diagcollect: ${err.message}\n`);
  } finally {
    progress.done();
    await plan.connector.close?.();
  }
  return { json: { ...uploadJson(job), ...(plan.title !== undefined ? { title: plan.title } : {}) }, summary: `${tr.t('cli.upload.summary')} ${describeOutcome(job, tr)}\n`, exitCode: job.state === 'done' ? EXIT.ok : EXIT.uploadPending };
}
