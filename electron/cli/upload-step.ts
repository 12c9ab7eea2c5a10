/**
 * How the CLI shows an upload job (`collect --upload`, `outbox list|retry`): the `--json` shape
 * and one human line. The upload itself — pre-check, queue, triage note, send — is the
 * workflow's (electron/engine/workflow/upload-stage.ts).
 */
import { formatDateTime } from '../../shared/i18n/format.js';
import { translator, type Translator } from '../../shared/i18n/translate.js';
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

/** Why a job is not done, in the user's language (the engine's English message in English: it is the most specific). */
export function jobReason(job: UploadJob, tr: Translator): string {
  if (!job.lastError) return '';
  return tr.locale === 'en' ? job.lastError.message : tr.uploadProblem(job.lastError, { target: job.destination.target, ticket: job.ticket });
}

/** One human line about a job's outcome, in the user's language. */
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
