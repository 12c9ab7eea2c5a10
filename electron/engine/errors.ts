import type { CodedProblem, InputErrorCode, InputErrorParams, InputProblem, PolicyLine } from '../../shared/input-errors.js';

/**
 * Bad input from the user or a script: nothing was collected. The message says what to do, in
 * English (for logs); `problem`, when set, is the same as a code with parameters that the CLI
 * renders in the user's language (shared/input-errors.ts).
 */
export class InputError extends Error {
  readonly problem: InputProblem | undefined;
  /** The bad policy keys of a policy refusal: rendered as the `problems` of the code's text. */
  readonly policyLines: readonly PolicyLine[] | undefined;
  constructor(message: string, problem?: InputProblem, policyLines?: readonly PolicyLine[]) {
    super(message);
    this.name = 'InputError';
    this.problem = problem;
    this.policyLines = policyLines;
  }

  /** An InputError with a code: the CLI shows it in the user's language. */
  static coded<C extends InputErrorCode>(code: C, params: InputErrorParams<C>, message: string, policyLines?: readonly PolicyLine[]): InputError {
    return new InputError(message, { code, params } as InputProblem, policyLines);
  }
}

/** The system's code of a file error (`EACCES`), or `none`: the `cause` of a coded problem. */
export function errnoCause(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : 'none';
}

/**
 * An error as a front end renders it (the app's IPC reply, a session's `failed` event): a refusal
 * keeps its code, parameters and bad policy keys; anything else is `failed`, whose words say to
 * retry and where the log is (the English message beside it is the detail the log also has).
 */
export function problemOf(err: unknown): CodedProblem {
  if (err instanceof InputError && err.problem) return { ...err.problem, ...(err.policyLines ? { lines: err.policyLines } : {}) };
  return { code: 'failed', params: {} };
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
