/** Bad input from the user or a script: nothing was collected. The message says what to do. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** The user (or a signal) cancelled; no partial archive was left behind. */
export class CancelledError extends Error {
  constructor(message = 'the collection was cancelled; no archive was written') {
    super(message);
    this.name = 'CancelledError';
  }
}

/** Documented exit codes of `diagcollect` (README). */
export const EXIT = {
  /** Archive written; every collector succeeded or was skipped by choice. */
  ok: 0,
  /** Nothing usable was produced (e.g. disk full, unwritable output). */
  failure: 1,
  /** Bad input (ticket id, option, policy file): nothing was collected. */
  badInput: 2,
  /** Archive written, but some collectors failed or timed out (see manifest.json). */
  partial: 3,
  /** Archive written, but the upload to the ticket failed or is queued for a retry (`diagcollect outbox list`). */
  uploadPending: 4,
  /** Cancelled (Ctrl-C / SIGTERM): no archive was left behind. */
  cancelled: 130,
} as const;
