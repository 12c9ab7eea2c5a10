/**
 * Bounds one upload attempt by the caller's wait (`--upload-wait`): a server that accepts the
 * connection and then never answers (a slow-loris, a hung proxy) held an attempt for undici's
 * 300 s header timeout, whatever the wait said. Once the wait is over, an attempt that has moved
 * no bytes for `stallMs` is cut as a timeout (the job stays queued for a later retry). An attempt
 * that is still sending is never cut: a big archive on a slow link is progress, not a hang.
 */
import { UploadError } from './upload-error.js';

/** No bytes moved for this long after the wait is over: the attempt is cut. */
export const DEFAULT_STALL_MS = 30_000;
/** How often the watch looks (a real timer, unref'd: it never keeps the process alive). */
const TICK_MS = 250;

export interface StallWatch {
  /** The caller's signal and the watch's cut, combined: give it to the request. */
  signal: AbortSignal;
  /** Call on every progress report (bytes sent or received). */
  progress(): void;
  /** The timeout error when the watch cut the attempt; undefined otherwise. */
  cut(): UploadError | undefined;
  stop(): void;
}

export function watchStall(options: { deadlineMs: number; stallMs: number; now: () => number; where: string; outer?: AbortSignal }): StallWatch {
  const controller = new AbortController();
  let last = options.now();
  let error: UploadError | undefined;
  const timer = setInterval(() => {
    const now = options.now();
    if (now < options.deadlineMs || now - last < options.stallMs) return;
    error = new UploadError(
      'timeout',
      `${options.where}: no answer and no bytes moved for ${options.stallMs / 1000} s, and the time to wait for the upload is over; it stays queued and is tried again later`,
      { networkCause: 'no-answer' },
    );
    clearInterval(timer);
    controller.abort(error);
  }, TICK_MS);
  timer.unref();
  return {
    signal: options.outer ? AbortSignal.any([options.outer, controller.signal]) : controller.signal,
    progress: () => {
      last = options.now();
    },
    cut: () => (options.outer?.aborted ? undefined : error),
    stop: () => clearInterval(timer),
  };
}
