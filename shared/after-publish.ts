/**
 * A step after the archive was published that failed (the e-mail draft, the redaction map, the
 * upload job record), as data: the engine says it once, every front end renders it in its
 * language (`afterPublish.problem` in shared/i18n/messages.ts). The English sentence stays
 * beside it for logs and `--json`.
 */
export interface AfterPublishProblem {
  /** What could not be written. */
  step: 'draft' | 'map' | 'job-record';
  /** The file or folder it was to be written to. */
  target: string;
  /** The system's error code (`ENOSPC`), `deadline` (the run's deadline came first) or `none`. */
  cause: string;
  /** The files that exist, the archive (complete) first. */
  existing: string[];
  /** The upload job record only: the job stays in the outbox as it was and is retried. */
  queued?: boolean;
}

/** The system error code of `err`, or `none`. */
export function causeCode(err: unknown): string {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : 'none';
}
