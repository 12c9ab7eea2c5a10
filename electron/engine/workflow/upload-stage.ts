/**
 * The workflow's ticket stages: the pre-check before anything is collected (does the ticket
 * exist, may we write to it) and, after the leak check, queueing the archive in the durable
 * outbox with the triage note and sending it. The app's Retry and the CLI's `outbox retry` run
 * the same job again through {@link runUploadJob}.
 */
import type { ArchiveLanguage } from '../../../shared/naming.js';
import { UPLOAD_TARGETS, type Policy } from '../../../shared/policy.js';
import type { UploadJobView, WorkflowEvent } from '../../../shared/types.js';
import { CancelledError, InputError } from '../errors.js';
import { formatBytes } from '../report/figures.js';
import { connectorEntry, createConnector, type Destination } from '../upload/index.js';
import { JobBusyError, Outbox, type OutboxOptions, type UploadJob } from '../upload/outbox.js';
import type { ArchiveFile, UploadConnector } from '../upload/types.js';
import { UploadError } from '../upload/upload-error.js';
import { TOOL_VERSION } from '../version.js';

export interface UploadPlan {
  destination: Destination;
  connector: UploadConnector;
  /** The ticket's title, when the server answered. */
  title?: string;
  /** Why the server could not be asked before collecting (the upload is queued and tried anyway). */
  unreachable?: string;
}

export const VALIDATE_TIMEOUT_MS = 20_000;

/** `outbox` keeps the archive local; anything else must be a known ticket system. */
export function resolveTarget(override: string | undefined, policy: Policy): string {
  const target = override ?? policy.upload.target;
  if (!(UPLOAD_TARGETS as readonly string[]).includes(target)) throw InputError.coded('upload-target', { target, known: UPLOAD_TARGETS.join(', ') }, `unknown upload target "${target}": use one of ${UPLOAD_TARGETS.join(', ')}`);
  return target;
}

/** The display name of a target ("Redmine"), `outbox` for none. */
export function targetName(target: string): string {
  if (target === 'outbox') return 'outbox';
  try {
    return connectorEntry(target).displayName.en;
  } catch {
    return target;
  }
}

/**
 * Builds the connector and asks the ticket system about the ticket, before anything is collected.
 * A missing ticket or a refused credential is bad input (nothing is collected); a server that
 * cannot be reached is not: the collection goes on and the upload is queued.
 */
export async function precheckTicket(args: {
  target: string;
  policy: Policy;
  ticket: string;
  env: NodeJS.ProcessEnv;
  dataDir: string;
  signal: AbortSignal;
  emit: (event: WorkflowEvent) => void;
}): Promise<UploadPlan> {
  let destination: Destination;
  let connector: UploadConnector;
  try {
    const entry = connectorEntry(args.target);
    destination = entry.destination(args.policy);
    connector = await entry.create(destination, args.policy, { env: args.env, dataDir: args.dataDir });
  } catch (err) {
    if (err instanceof UploadError) throw InputError.coded('upload-settings', { target: args.target }, err.message);
    throw err;
  }
  const name = connector.displayName.en;
  const timeout = AbortSignal.timeout(VALIDATE_TIMEOUT_MS);
  try {
    const { title, lookedUp } = await connector.validateTicket(args.ticket, { signal: AbortSignal.any([args.signal, timeout]) });
    args.emit({ type: 'ticket', ticket: args.ticket, target: args.target, targetName: name, state: 'found', title, ...(lookedUp === false ? { lookedUp } : {}) });
    return { destination, connector, title };
  } catch (err) {
    if (args.signal.aborted) {
      await connector.close?.();
      throw new CancelledError();
    }
    const e = err instanceof UploadError ? err : new UploadError('network', err instanceof Error ? err.message : String(err));
    if (e.permanent) {
      await connector.close?.();
      const what = e.kind === 'not-found' ? `ticket ${args.ticket} was not found on ${name}` : e.kind === 'auth' || e.kind === 'forbidden' ? `no permission to write to ticket ${args.ticket} on ${name}` : `${name} refused ticket ${args.ticket}`;
      const why = e.kind === 'not-found' ? 'missing' : e.kind === 'auth' || e.kind === 'forbidden' ? 'permission' : 'other';
      throw InputError.coded('ticket-refused', { ticket: args.ticket, target: name, why }, `${what}: ${e.message}; nothing was collected`);
    }
    const why = timeout.aborted ? `${name} did not answer within ${VALIDATE_TIMEOUT_MS / 1000} s` : e.message;
    args.emit({ type: 'ticket', ticket: args.ticket, target: args.target, targetName: name, state: 'unreachable', reason: why });
    return { destination, connector, unreachable: why };
  }
}

/** The one-line note sent with the archive, in the archive's language. */
export function uploadComment(archive: ArchiveFile, lang: ArchiveLanguage): string {
  const size = formatBytes(archive.size);
  return lang === 'zh-CN'
    ? `诊断信息：${archive.name}（${size}，SHA-256 ${archive.sha256}），由 diagcollect ${TOOL_VERSION} 收集并上传。`
    : `Diagnostics: ${archive.name} (${size}, SHA-256 ${archive.sha256}), collected and uploaded by diagcollect ${TOOL_VERSION}.`;
}

/** What the workflow reports about a job (the job file itself stays in the outbox). */
export function jobView(job: UploadJob): UploadJobView {
  return {
    id: job.id,
    target: job.destination.target,
    ticket: job.ticket,
    state: job.state,
    attempts: job.attempts,
    size: job.archive.size,
    ...(job.state === 'queued' && job.nextAttemptAt ? { nextAttemptAt: job.nextAttemptAt } : {}),
    ...(job.state !== 'done' && job.lastError ? { error: { kind: job.lastError.kind, ...(job.lastError.cause ? { cause: job.lastError.cause } : {}), message: job.lastError.message } } : {}),
    ...(job.result ? { result: { id: job.result.id, ...(job.result.url ? { url: job.result.url } : {}), alreadyPresent: job.result.alreadyPresent } } : {}),
    triagePosted: Boolean(job.triage),
  };
}

export interface UploadRunOptions {
  outbox: Outbox;
  /** A connector already built (by the pre-check); built from the job's destination otherwise. */
  connector?: UploadConnector;
  policy: Policy;
  env: NodeJS.ProcessEnv;
  dataDir: string;
  signal?: AbortSignal;
  /** Keep retrying this long before leaving the job queued (0: one attempt). */
  waitBudgetMs?: number;
  force?: boolean;
  split?: boolean;
  emit: (event: WorkflowEvent) => void;
}

/** Runs one outbox job now, reporting each step; the job stays queued if it cannot finish. */
export async function runUploadJob(jobId: string, options: UploadRunOptions): Promise<UploadJob> {
  let job = await options.outbox.get(jobId);
  const connector = options.connector ?? (await createConnector(job.destination, options.policy, { env: options.env, dataDir: options.dataDir }));
  let sent = 0;
  const emit = (step: Extract<WorkflowEvent, { type: 'upload' }>['step'], current: UploadJob, delayMs?: number) =>
    options.emit({ type: 'upload', step, job: jobView(current), sentBytes: current.state === 'done' ? current.archive.size : sent, ...(delayMs !== undefined ? { delayMs } : {}) });
  try {
    job = await options.outbox.run(job.id, {
      connector,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.force ? { force: true } : {}),
      ...(options.split ? { split: true } : {}),
      waitBudgetMs: options.waitBudgetMs ?? 0,
      onProgress: (sentBytes) => {
        sent = sentBytes;
        emit('progress', job);
      },
      onEvent: (event) => {
        job = event.job;
        emit(event.type, event.job, event.type === 'retry-scheduled' ? event.delayMs : undefined);
      },
    });
  } catch (err) {
    // Another process is sending this job right now: report it as it stands.
    if (!(err instanceof JobBusyError)) throw err;
    job = await options.outbox.get(job.id);
    options.emit({ type: 'upload', step: 'queued', job: { ...jobView(job), error: { kind: 'busy', message: err.message } }, sentBytes: 0 });
  } finally {
    await connector.close?.();
  }
  return job;
}

/** Queues the archive with the triage note (the summary) and the one-line note, then sends it. */
export async function queueAndSend(args: {
  plan: UploadPlan;
  ticket: string;
  archive: ArchiveFile;
  lang: ArchiveLanguage;
  triage: string;
  options: Omit<UploadRunOptions, 'connector' | 'outbox'> & { outbox?: Pick<OutboxOptions, 'backoff' | 'maxAttempts'> };
}): Promise<UploadJob> {
  const outbox = new Outbox({ dataDir: args.options.dataDir, ...args.options.outbox });
  const jobs = outbox.jobsDir(args.ticket);
  let job: UploadJob;
  try {
    job = await outbox.enqueue({ ticket: args.ticket, destination: args.plan.destination, archive: args.archive, comment: args.triage, note: uploadComment(args.archive, args.lang) });
  } catch (err) {
    throw UploadRecordError.wrap(err, jobs, false);
  }
  args.options.emit({ type: 'upload', step: 'queued', job: jobView(job), sentBytes: 0 });
  try {
    return await runUploadJob(job.id, { ...args.options, outbox, connector: args.plan.connector });
  } catch (err) {
    throw UploadRecordError.wrap(err, jobs, true);
  }
}

/**
 * The outbox could not write the upload's job record (a full disk, a read-only data folder)
 * after the archive was published: the workflow reports it with the files that exist (exit 3),
 * never as "no archive". `queued`: whether the job file was written before (its state is older).
 */
export class UploadRecordError extends Error {
  constructor(
    readonly jobsDir: string,
    readonly queued: boolean,
    override readonly cause: unknown,
  ) {
    super(`the upload's job record in ${jobsDir} could not be written`, { cause });
    this.name = 'UploadRecordError';
  }

  /** File-system errors become UploadRecordErrors; anything else is passed on as it is. */
  static wrap(err: unknown, jobsDir: string, queued: boolean): unknown {
    const fsError = typeof (err as { code?: unknown } | null)?.code === 'string' && typeof (err as { syscall?: unknown }).syscall === 'string';
    return fsError && !(err instanceof UploadError) ? new UploadRecordError(jobsDir, queued, err) : err;
  }
}
