/**
 * The durable outbox: every upload is a job file, `<data dir>/outbox/<ticket>/jobs/<id>.json`,
 * written atomically (temp file, fsync, rename, fsync of the folder), so a crash, `kill -9` or a
 * power cut leaves either the old or the new state, never half a file. States:
 *
 *   queued ──> uploading ──> done
 *     ^            │
 *     └── retry ───┤ (network, 5xx, 429: backoff with jitter, or the server's Retry-After)
 *                  └──> failed (401/403/404/413/422, too many attempts: the reason says what to do)
 *
 * Exactly once: every attempt first asks the ticket whether it already has this name with this
 * SHA-256 (a previous attempt may have succeeded just before a crash) and, if so, marks the job
 * done without sending again. A per-job lock file keeps two processes from running one job at
 * once; a job left `uploading` by a dead process is resumed by the next run. The archive is never
 * deleted here: a failed or removed job leaves it in place.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { checkTicketId } from '../../../shared/naming.js';
import { UPLOAD_TARGETS } from '../../../shared/policy.js';
import { UploadStateSchema } from '../../../shared/types.js';
import { partName, splitArchive, SplitError } from '../archive/split.js';
import type { Destination } from './index.js';
import { acquireLock, lockIsLive, readLockOwner, type LockOwner } from './job-lock.js';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffOptions } from './retry.js';
import type { ArchiveFile, UploadConnector } from './types.js';
import { DEFAULT_STALL_MS, watchStall } from './stall-watch.js';
import { UploadError, toUploadError } from './upload-error.js';
import { writeFileAtomic } from '../platform/atomic-write.js';
import { NetworkCauseSchema, UploadErrorKindSchema } from '../../../shared/reasons.js';

const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/;

export const UploadJobSchema = z.object({
  format: z.literal('diagcollect-upload-job/1'),
  id: z.string().regex(JOB_ID),
  ticket: z.string(),
  destination: z.object({
    target: z.enum(UPLOAD_TARGETS).exclude(['outbox']),
    url: z.string(),
    project: z.string().optional(),
    mode: z.enum(['comment', 'correspond']).optional(),
  }),
  archive: z.object({ path: z.string(), name: z.string(), size: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  comment: z.string().optional(),
  /** The one-line note sent with the archive once the triage comment is on the ticket. */
  note: z.string().optional(),
  /** Set once the triage comment (`comment`) is on the ticket as a note of its own: never posted twice. */
  triage: z.object({ at: z.string(), id: z.string().optional() }).optional(),
  /** Set just before the triage comment is sent: a retry first asks the ticket whether it got there. */
  triageSentAt: z.string().optional(),
  /** Split the archive into parts when it is bigger than the target's known limit (`--split`). */
  split: z.boolean().optional(),
  /** The parts sent instead of the archive, once split; each part is exactly-once on its own. */
  parts: z
    .array(
      z.object({
        path: z.string(),
        name: z.string(),
        size: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        result: z.object({ id: z.string(), url: z.string().optional(), alreadyPresent: z.boolean(), at: z.string() }).optional(),
      }),
    )
    .optional(),
  state: UploadStateSchema,
  attempts: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When a queued job may be tried again (backoff or the server's Retry-After). */
  nextAttemptAt: z.string().optional(),
  lastError: z.object({ kind: UploadErrorKindSchema.catch('rejected'), cause: NetworkCauseSchema.optional().catch(undefined), message: z.string(), status: z.number().optional(), at: z.string() }).optional(),
  result: z
    .object({
      id: z.string(),
      url: z.string().optional(),
      name: z.string(),
      size: z.number(),
      /** True when the attachment was already on the ticket (an earlier attempt got through). */
      alreadyPresent: z.boolean(),
      at: z.string(),
    })
    .optional(),
  /** What happened, newest last (capped): the record the support guide asks for. */
  history: z.array(z.object({ at: z.string(), event: z.string(), detail: z.string().optional() })).default([]),
});
export type UploadJob = z.infer<typeof UploadJobSchema>;

export type RunEvent =
  | { type: 'attempt'; job: UploadJob }
  | { type: 'done'; job: UploadJob }
  | { type: 'retry-scheduled'; job: UploadJob; delayMs: number; error: UploadError }
  | { type: 'failed'; job: UploadJob; error: UploadError }
  | { type: 'cancelled'; job: UploadJob };

export interface RunOptions {
  connector: UploadConnector;
  signal?: AbortSignal;
  onProgress?: (sentBytes: number, totalBytes: number) => void;
  onEvent?: (event: RunEvent) => void;
  /**
   * Keep retrying in this call while the next attempt falls within this many ms of the start;
   * after that the job stays queued for a later run. 0 (default): at most one attempt.
   */
  waitBudgetMs?: number;
  /** An explicit retry: a failed job is queued again with a fresh attempt count; the backoff wait is skipped. */
  force?: boolean;
  /** Allow splitting an archive that is too big for the target into parts (`--split`). */
  split?: boolean;
}

export interface OutboxOptions {
  dataDir: string;
  /** Attempts before a job fails for good (an explicit retry starts again). */
  maxAttempts?: number;
  backoff?: BackoffOptions;
  now?: () => number;
  random?: () => number;
  /** Once the wait is over, an attempt that moved no bytes for this long is cut (stall-watch.ts). */
  stallMs?: number;
}

/** Another process is uploading this job right now. */
export class JobBusyError extends Error {
  readonly owner: LockOwner | undefined;
  constructor(id: string, owner: LockOwner | undefined) {
    super(`job ${id} is being uploaded by another process${owner ? ` (pid ${owner.pid} on ${owner.host}, since ${owner.createdAt})` : ''}; wait for it to finish`);
    this.name = 'JobBusyError';
    this.owner = owner;
  }
}

export class UnknownJobError extends Error {
  constructor(readonly id: string) {
    super(`there is no upload job "${id}" in the outbox (see \`diagcollect outbox list\`)`);
    this.name = 'UnknownJobError';
  }
}

export interface BrokenJob {
  path: string;
  error: string;
}

const HISTORY_MAX = 30;
const MB = 1024 * 1024;
const mbText = (n: number) => `${Math.floor((n / MB) * 10) / 10} MB`;

/** Moved to platform/atomic-write.ts (light to load); re-exported for the outbox's callers. */
export { writeFileAtomic };

function newJobId(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}-${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

export class Outbox {
  readonly root: string;
  readonly #maxAttempts: number;
  readonly #backoff: BackoffOptions;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #stallMs: number;

  constructor(options: OutboxOptions) {
    this.root = join(options.dataDir, 'outbox');
    this.#maxAttempts = options.maxAttempts ?? 10;
    this.#backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#stallMs = options.stallMs ?? DEFAULT_STALL_MS;
  }

  jobsDir(ticket: string): string {
    const check = checkTicketId(ticket);
    if (!check.ok) throw new UploadError('config', check.reason);
    return join(this.root, ticket, 'jobs');
  }

  #iso(): string {
    return new Date(this.#now()).toISOString();
  }

  #jobPath(job: Pick<UploadJob, 'ticket' | 'id'>): string {
    return join(this.jobsDir(job.ticket), `${job.id}.json`);
  }

  lockPath(job: Pick<UploadJob, 'ticket' | 'id'>): string {
    return join(this.jobsDir(job.ticket), `${job.id}.lock`);
  }

  async #save(job: UploadJob): Promise<UploadJob> {
    const next = UploadJobSchema.parse({ ...job, updatedAt: this.#iso(), history: job.history.slice(-HISTORY_MAX) });
    await writeFileAtomic(this.#jobPath(next), `${JSON.stringify(next, null, 2)}\n`);
    return next;
  }

  async #read(path: string): Promise<UploadJob> {
    return UploadJobSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  }

  /**
   * Queues an upload of `archive` to `destination`. The same archive (name and SHA-256) for the
   * same ticket and server is queued once: the existing job is returned.
   */
  async enqueue(input: { ticket: string; destination: Destination; archive: ArchiveFile; comment?: string; note?: string }): Promise<UploadJob> {
    const dir = this.jobsDir(input.ticket);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const { jobs } = await this.list();
    const same = jobs.find(
      (j) => j.ticket === input.ticket && j.destination.target === input.destination.target && j.destination.url === input.destination.url && j.archive.name === input.archive.name && j.archive.sha256 === input.archive.sha256,
    );
    if (same) return same;
    const at = this.#iso();
    const job: UploadJob = {
      format: 'diagcollect-upload-job/1',
      id: newJobId(new Date(this.#now())),
      ticket: input.ticket,
      destination: { ...input.destination },
      archive: { path: input.archive.path, name: input.archive.name, size: input.archive.size, sha256: input.archive.sha256 },
      ...(input.comment ? { comment: input.comment } : {}),
      ...(input.note ? { note: input.note } : {}),
      state: 'queued',
      attempts: 0,
      createdAt: at,
      updatedAt: at,
      history: [{ at, event: 'queued', detail: `${input.destination.target} ${input.destination.url}` }],
    };
    return this.#save(job);
  }

  /** Every job (oldest first), and job files that could not be read. */
  async list(): Promise<{ jobs: UploadJob[]; broken: BrokenJob[] }> {
    const jobs: UploadJob[] = [];
    const broken: BrokenJob[] = [];
    let tickets: string[];
    try {
      tickets = await readdir(this.root);
    } catch {
      return { jobs, broken };
    }
    for (const ticket of tickets) {
      const dir = join(this.root, ticket, 'jobs');
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        continue;
      }
      for (const name of names.filter((n) => n.endsWith('.json'))) {
        const path = join(dir, name);
        try {
          jobs.push(await this.#read(path));
        } catch (err) {
          broken.push({ path, error: err instanceof z.ZodError ? 'not a valid job file' : (err as Error).message });
        }
      }
    }
    jobs.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return { jobs, broken };
  }

  async get(id: string): Promise<UploadJob> {
    return this.#read(await this.#find(id));
  }

  async #find(id: string): Promise<string> {
    if (!JOB_ID.test(id)) throw new UnknownJobError(id);
    let tickets: string[] = [];
    try {
      tickets = await readdir(this.root);
    } catch {}
    for (const ticket of tickets) {
      const path = join(this.root, ticket, 'jobs', `${id}.json`);
      if (await stat(path).then(() => true, () => false)) return path;
    }
    throw new UnknownJobError(id);
  }

  /** True when a live process is running this job now. */
  async isRunning(job: UploadJob): Promise<boolean> {
    return lockIsLive(this.lockPath(job));
  }

  /** Jobs that are not finished (queued, failed, or left `uploading` by a process that died). */
  async unfinished(): Promise<UploadJob[]> {
    return (await this.list()).jobs.filter((j) => j.state !== 'done');
  }

  /** Removes a job file (not the archive). Refused while another process is uploading it. */
  async remove(id: string): Promise<UploadJob> {
    const path = await this.#find(id);
    const job = await this.#read(path);
    const lock = await acquireLock(this.lockPath(job));
    if ('heldBy' in lock) throw new JobBusyError(id, lock.heldBy);
    try {
      await unlink(path);
    } finally {
      await lock.release();
    }
    return job;
  }

  /**
   * Runs a job now: resumes it if a dead process left it `uploading`, retries transient failures
   * within `waitBudgetMs`, and resolves with the job's state at the end (done, failed, or queued
   * with `nextAttemptAt`). Rejects with JobBusyError when another process holds the job.
   */
  async run(id: string, options: RunOptions): Promise<UploadJob> {
    const path = await this.#find(id);
    let job = await this.#read(path);
    const lock = await acquireLock(this.lockPath(job));
    if ('heldBy' in lock) throw new JobBusyError(id, lock.heldBy ?? (await readLockOwner(this.lockPath(job))));
    try {
      const started = this.#now();
      const budget = options.waitBudgetMs ?? 0;
      job = await this.#read(path); // fresh, now that we hold the lock
      if (options.split && !job.split) job = await this.#save({ ...job, split: true });
      await this.#loadLimit(job, options.connector);
      if (options.force && (job.state === 'failed' || job.state === 'queued')) {
        const again = job.state === 'failed';
        job = await this.#save({
          ...job,
          state: 'queued',
          attempts: again ? 0 : job.attempts,
          nextAttemptAt: undefined,
          history: again ? [...job.history, { at: this.#iso(), event: 'retry requested' }] : job.history,
        });
      }
      let first = true;
      for (;;) {
        if (job.state === 'done' || job.state === 'failed') return job;
        // `uploading` here means the process that ran it died (we hold the lock): resume now.
        if (job.state === 'queued' && job.nextAttemptAt && !(first && options.force)) {
          const wait = Date.parse(job.nextAttemptAt) - this.#now();
          if (wait > 0) {
            if (this.#now() + wait - started > budget) return job; // not due within this run
            try {
              await delay(wait, undefined, options.signal ? { signal: options.signal } : {});
            } catch {
              return job; // cancelled while waiting: still queued
            }
          }
        } else if (job.state === 'uploading') {
          job = { ...job, history: [...job.history, { at: this.#iso(), event: 'resumed', detail: 'the previous run stopped during the upload' }] };
        }
        first = false;
        // The wait bounds the attempt too: a server that never answers is cut once it is over.
        const watch = watchStall({ deadlineMs: started + budget, stallMs: this.#stallMs, now: this.#now, where: options.connector.targetUrl ?? options.connector.id, ...(options.signal ? { outer: options.signal } : {}) });
        const onProgress = options.onProgress;
        const watched: RunOptions = {
          ...options,
          signal: watch.signal,
          onProgress: (sent, total) => {
            watch.progress();
            onProgress?.(sent, total);
          },
        };
        const outcome = await this.#attempt(job, watched, watch.cut).finally(() => watch.stop());
        job = outcome.job;
        if (outcome.stop) return job;
      }
    } finally {
      await lock.release();
    }
  }

  /** Size limits learned from servers' refusals, by target URL, so a later run knows them up front. */
  get #limitsPath(): string {
    return join(this.root, 'limits.json');
  }

  async #loadLimit(job: UploadJob, connector: UploadConnector): Promise<void> {
    if (connector.maxBytes !== undefined) return;
    try {
      const limits = JSON.parse(await readFile(this.#limitsPath, 'utf8')) as Record<string, unknown>;
      const known = limits[`${job.destination.target} ${job.destination.url}`];
      if (typeof known === 'number' && known > 0) connector.maxBytes = known;
    } catch {}
  }

  async #saveLimit(job: UploadJob, maxBytes: number): Promise<void> {
    let limits: Record<string, unknown> = {};
    try {
      limits = JSON.parse(await readFile(this.#limitsPath, 'utf8')) as Record<string, unknown>;
    } catch {}
    limits[`${job.destination.target} ${job.destination.url}`] = maxBytes;
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.#limitsPath, `${JSON.stringify(limits, null, 2)}\n`);
  }

  #tooBig(job: UploadJob, maxBytes: number): string {
    return `${job.archive.name} (${mbText(job.archive.size)}) is too big for ${job.destination.target} (limit ${mbText(maxBytes)}): run again with --split, or keep ${job.archive.path} for manual upload`;
  }

  /** Splits the archive into parts (once: the parts are recorded in the job). */
  async #split(job: UploadJob, maxBytes: number, signal?: AbortSignal): Promise<UploadJob> {
    // Parts left by a run that died before recording them are ours (same names): start afresh.
    for (let i = 0; i < 1000; i += 1) {
      const stale = join(dirname(job.archive.path), partName(job.archive.name, i, i < 99 ? 1 : 100));
      if (!(await stat(stale).then(() => true, () => false))) break;
      await unlink(stale);
    }
    let parts;
    try {
      parts = await splitArchive(job.archive.path, { maxBytes, ...(signal ? { signal } : {}) });
    } catch (err) {
      if (err instanceof SplitError) throw new UploadError('too-large', `${err.message}; or keep ${job.archive.path} for manual upload`);
      throw err;
    }
    const at = this.#iso();
    return this.#save({
      ...job,
      parts: parts.map((p) => ({ path: p.path, name: p.name, size: p.size, sha256: p.sha256 })),
      history: [...job.history, { at, event: 'split', detail: `${parts.length} parts of at most ${mbText(maxBytes)}: ${parts.map((p) => p.name).join(', ')}` }],
    });
  }

  /** Sends the parts in order; each part is looked for on the ticket first and recorded once sent. */
  async #sendParts(job: UploadJob, options: RunOptions, note: string | undefined): Promise<{ job: UploadJob; ref: { id: string; url?: string; name: string; size: number }; alreadyPresent: boolean }> {
    const { connector, signal } = options;
    const parts = job.parts ?? [];
    for (const [i, part] of parts.entries()) {
      if (part.result) continue;
      const st = await stat(part.path).catch(() => undefined);
      if (!st || st.size !== part.size) throw new UploadError('archive', `the part ${part.path} is gone or has changed; collect again`);
      const existing = await connector.findAttachment(job.ticket, part.name, part.sha256, { ...(signal ? { signal } : {}), size: part.size });
      const comment = `${note ?? job.archive.name} (part ${i + 1}/${parts.length}: ${part.name})`;
      const ref =
        existing ??
        (await connector.attach(job.ticket, part, {
          ...(signal ? { signal } : {}),
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          comment,
        }));
      const at = this.#iso();
      const next = (job.parts ?? parts).map((p, j) => (j === i ? { ...p, result: { id: ref.id, ...(ref.url ? { url: ref.url } : {}), alreadyPresent: Boolean(existing), at } } : p));
      job = await this.#save({ ...job, parts: next, history: [...job.history, { at, event: 'part done', detail: `${part.name}: ${existing ? 'already on the ticket as ' : ''}attachment ${ref.id}` }] });
    }
    const done = job.parts ?? [];
    const first = done[0]?.result;
    return {
      job,
      ref: { id: done.map((p) => p.result?.id ?? '?').join(','), ...(first?.url ? { url: first.url } : {}), name: job.archive.name, size: done.reduce((n, p) => n + p.size, 0) },
      alreadyPresent: done.every((p) => p.result?.alreadyPresent),
    };
  }

  async #attempt(start: UploadJob, options: RunOptions, cut: () => UploadError | undefined = () => undefined): Promise<{ job: UploadJob; stop: boolean }> {
    const { connector, signal } = options;
    let job = await this.#save({ ...start, state: 'uploading', attempts: start.attempts + 1, nextAttemptAt: undefined });
    options.onEvent?.({ type: 'attempt', job });
    const file: ArchiveFile = job.archive;
    try {
      const st = await stat(file.path).catch(() => undefined);
      if (!st || st.size !== file.size) {
        throw new UploadError('archive', st ? `the archive ${file.path} has changed (${st.size} bytes, ${file.size} were queued); collect again` : `the archive ${file.path} is gone; collect again`);
      }
      // Too big for the target's known limit: split (--split) or stop with what to do.
      const limit = connector.maxBytes;
      if (!job.parts && limit !== undefined && file.size > limit) {
        if (!job.split) throw new UploadError('too-large', this.#tooBig(job, limit));
      }
      // Exactly once: an earlier attempt may have got through before a crash or a lost answer.
      const existing = job.parts ? null : await connector.findAttachment(job.ticket, file.name, file.sha256, { ...(signal ? { signal } : {}), size: file.size });
      // Triage first: the summary as a note of its own, seconds before the large upload starts.
      // Recorded in the job right away, so a retry never posts it again; if the answer to the post
      // was lost (triageSentAt set, triage not), the ticket is asked first.
      const summary = job.comment;
      if (!existing && summary && !job.triage && connector.postComment) {
        const already = job.triageSentAt && connector.findComment ? await connector.findComment(job.ticket, summary, signal ? { signal } : {}) : null;
        if (!already) job = await this.#save({ ...job, triageSentAt: this.#iso() });
        const posted = already ?? (await connector.postComment(job.ticket, summary, signal ? { signal } : {}));
        const at = this.#iso();
        const detail = `${already ? 'already on the ticket' : 'posted'}${posted.id ? ` (${posted.id})` : ''}`;
        job = await this.#save({ ...job, triage: { at, ...(posted.id ? { id: posted.id } : {}) }, history: [...job.history, { at, event: 'triage comment', detail }] });
      }
      if (!existing && !job.parts && job.split && limit !== undefined && file.size > limit) job = await this.#split(job, limit, signal);
      if (job.parts) {
        const sent = await this.#sendParts(job, options, job.triage ? job.note : job.comment);
        const at = this.#iso();
        job = await this.#save({
          ...sent.job,
          state: 'done',
          lastError: undefined,
          result: { ...sent.ref, alreadyPresent: sent.alreadyPresent, at },
          history: [...sent.job.history, { at, event: 'done', detail: `${job.parts?.length ?? 0} parts: attachments ${sent.ref.id}` }],
        });
        options.onEvent?.({ type: 'done', job });
        return { job, stop: true };
      }
      const comment = job.triage ? (job.note ?? file.name) : job.comment;
      const ref =
        existing ??
        (await connector.attach(job.ticket, file, {
          ...(signal ? { signal } : {}),
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          ...(comment ? { comment } : {}),
        }));
      const at = this.#iso();
      job = await this.#save({
        ...job,
        state: 'done',
        lastError: undefined,
        result: { id: ref.id, ...(ref.url ? { url: ref.url } : {}), name: ref.name, size: ref.size, alreadyPresent: Boolean(existing), at },
        history: [...job.history, { at, event: 'done', detail: existing ? `already on the ticket as attachment ${ref.id}; not sent again` : `attachment ${ref.id}` }],
      });
      options.onEvent?.({ type: 'done', job });
      return { job, stop: true };
    } catch (err) {
      let error = cut() ?? toUploadError(err, connector.targetUrl ?? connector.id, signal?.aborted);
      const at = this.#iso();
      const lastError = { kind: error.kind, ...(error.networkCause ? { cause: error.networkCause } : {}), message: error.message, ...(error.status ? { status: error.status } : {}), at };
      if (error.kind === 'cancelled') {
        job = await this.#save({ ...job, state: 'queued', lastError, history: [...job.history, { at, event: 'cancelled' }] });
        options.onEvent?.({ type: 'cancelled', job });
        return { job, stop: true };
      }
      if (error.kind === 'too-large' && connector.maxBytes !== undefined) {
        await this.#saveLimit(job, connector.maxBytes).catch(() => {});
        // Learned from the server's refusal: split now if allowed, else say how.
        if (job.split && !job.parts && job.archive.size > connector.maxBytes && job.attempts < this.#maxAttempts) {
          job = await this.#save({ ...job, state: 'queued', lastError, history: [...job.history, { at, event: 'retry scheduled', detail: `${error.message}; splitting into parts` }] });
          return { job, stop: false };
        }
        if (!job.parts && job.archive.size > connector.maxBytes && !error.message.includes('--split')) {
          error = new UploadError('too-large', `${error.message}. ${this.#tooBig(job, connector.maxBytes)}`, error.status !== undefined ? { status: error.status } : {});
        }
      }
      if (error.permanent || job.attempts >= this.#maxAttempts) {
        const reason = error.permanent ? error.message : `gave up after ${job.attempts} attempts; the last error: ${error.message}`;
        job = await this.#save({ ...job, state: 'failed', lastError: { ...lastError, message: reason }, history: [...job.history, { at, event: 'failed', detail: reason }] });
        options.onEvent?.({ type: 'failed', job, error });
        return { job, stop: true };
      }
      const wait = error.retryAfterMs !== undefined ? Math.max(250, error.retryAfterMs) : backoffDelay(job.attempts, this.#backoff, this.#random);
      const nextAttemptAt = new Date(this.#now() + wait).toISOString();
      job = await this.#save({ ...job, state: 'queued', lastError, nextAttemptAt, history: [...job.history, { at, event: 'retry scheduled', detail: `${error.message}; next attempt at ${nextAttemptAt}` }] });
      options.onEvent?.({ type: 'retry-scheduled', job, delayMs: wait, error });
      return { job, stop: false };
    }
  }
}
