/**
 * How the CLI shows an upload job (`collect --upload`, `outbox list|retry`): the `--json` shape
 * and one human line. The upload itself — pre-check, queue, triage note, send — is the
 * workflow's (electron/engine/workflow/upload-stage.ts).
 */
import { formatBytes } from '../engine/report/figures.js';
import type { UploadJob } from '../engine/upload/outbox.js';

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
    triagePosted: Boolean(job.triage),
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
    return `${job.archive.name} (${formatBytes(job.archive.size)}) ${how} ${where} (attachment ${job.result.id}${job.result.url ? `, ${job.result.url}` : ''})`;
  }
  if (job.state === 'failed') return `FAILED (job ${job.id}): ${job.lastError?.message ?? 'unknown error'}. The archive is kept: ${job.archive.path}`;
  const next = job.nextAttemptAt ? `, next attempt after ${new Date(job.nextAttemptAt).toLocaleString()}` : '';
  const why = job.lastError ? `: ${job.lastError.message}` : '';
  return `queued (job ${job.id}${next})${why}. Run \`diagcollect outbox retry ${job.id}\` to try again`;
}
