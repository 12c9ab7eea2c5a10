/**
 * The upload half of `diagcollect collect --upload <target>`: before collecting, build the
 * connector and check that the ticket exists (a missing ticket or a refused credential is bad
 * input: nothing is collected; an unreachable server is not: collect anyway and queue); after
 * the archive is written, queue the job in the durable outbox and run it now with progress.
 */
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
const MB = 1024 * 1024;

/** Resolves the target (flag, else policy) and checks the ticket; undefined for the plain outbox. */
export async function prepareUpload(args: { target?: string; policy: Policy; ticket: string; io: UploadIo; json: boolean; signal: AbortSignal }): Promise<UploadPlan | undefined> {
  const target = args.target ?? args.policy.upload.target;
  if (target === 'outbox') return undefined;
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
    const { title } = await connector.validateTicket(args.ticket, { signal: AbortSignal.any([args.signal, timeout]) });
    if (!args.json) args.io.stderr.write(`Ticket ${args.ticket} on ${connector.displayName.en}: ${title}\n`);
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
    if (!args.json) args.io.stderr.write(`diagcollect: cannot check ticket ${args.ticket} now (${why}); collecting anyway, the upload will be queued\n`);
    return { destination, connector, unreachable: why };
  }
}

/** The note posted with the attachment, in the archive's language. */
export function uploadComment(archive: ArchiveFile, lang: ArchiveLanguage): string {
  const mb = (archive.size / MB).toFixed(1);
  return lang === 'zh-CN'
    ? `诊断信息：${archive.name}（${mb} MB，SHA-256 ${archive.sha256}），由 diagcollect ${TOOL_VERSION} 收集并上传。`
    : `Diagnostics: ${archive.name} (${mb} MB, SHA-256 ${archive.sha256}), collected and uploaded by diagcollect ${TOOL_VERSION}.`;
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
export function describeOutcome(job: UploadJob): string {
  const where = `${job.destination.target} ticket ${job.ticket}`;
  if (job.state === 'done' && job.result) {
    const how = job.result.alreadyPresent ? 'was already attached to' : 'attached to';
    return `${job.archive.name} ${how} ${where} (attachment ${job.result.id}${job.result.url ? `, ${job.result.url}` : ''})`;
  }
  if (job.state === 'failed') return `FAILED (job ${job.id}): ${job.lastError?.message ?? 'unknown error'}. The archive is kept: ${job.archive.path}`;
  const next = job.nextAttemptAt ? `, next attempt after ${new Date(job.nextAttemptAt).toLocaleString()}` : '';
  const why = job.lastError ? `: ${job.lastError.message}` : '';
  return `queued (job ${job.id}${next})${why}. Run \`diagcollect outbox retry ${job.id}\` to try again`;
}

/** Queues the archive and uploads it now; the job stays in the outbox if it cannot finish. */
export async function runUploadStep(
  plan: UploadPlan,
  args: { ticket: string; archive: ArchiveFile; lang: ArchiveLanguage; io: UploadIo; json: boolean; signal: AbortSignal; waitSeconds: number; comment?: string; split?: boolean },
): Promise<{ json: Record<string, unknown>; summary: string; exitCode: number }> {
  const { io } = args;
  const outbox = new Outbox({ dataDir: dataDir(io.env) });
  let job = await outbox.enqueue({ ticket: args.ticket, destination: plan.destination, archive: args.archive, comment: args.comment ?? uploadComment(args.archive, args.lang), note: uploadComment(args.archive, args.lang) });
  const progress = createUploadProgress({ json: args.json, tty: Boolean(io.stderr.isTTY), out: io.stderr, label: `Upload to ${plan.connector.displayName.en}` });
  try {
    job = await outbox.run(job.id, { connector: plan.connector, signal: args.signal, onProgress: progress.onProgress, onEvent: progress.onEvent, waitBudgetMs: args.waitSeconds * 1000, ...(args.split ? { split: true } : {}) });
  } catch (err) {
    if (!(err instanceof JobBusyError)) throw err;
    if (!args.json) io.stderr.write(`diagcollect: ${err.message}\n`);
  } finally {
    progress.done();
    await plan.connector.close?.();
  }
  return { json: { ...uploadJson(job), ...(plan.title !== undefined ? { title: plan.title } : {}) }, summary: `Upload:       ${describeOutcome(job)}\n`, exitCode: job.state === 'done' ? EXIT.ok : EXIT.uploadPending };
}
