/** When to try an upload again: exponential backoff with jitter, or what the server asked for. */

/** Longest wait we accept from a server's Retry-After (a bad header must not park a job for days). */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * `Retry-After` as milliseconds from now: delta-seconds (`120`) or an HTTP-date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`, RFC 9110 §10.2.3). Undefined when absent or unreadable;
 * a date in the past gives 0; capped at MAX_RETRY_AFTER_MS.
 */
export function parseRetryAfter(value: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return undefined;
  let ms: number;
  if (/^\d+$/.test(raw)) ms = Number(raw) * 1000;
  else {
    // An HTTP-date always names the day and month ("Wed, 21 Oct 2026 …"); "-5" is not one.
    if (!/[A-Za-z]{3}/.test(raw)) return undefined;
    const at = Date.parse(raw);
    if (Number.isNaN(at)) return undefined;
    ms = Math.max(0, at - now);
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

export interface BackoffOptions {
  /** Delay before the 2nd attempt (after the 1st failure). */
  baseMs: number;
  /** Largest delay. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 2_000, maxMs: 5 * 60_000 };

/**
 * Delay after the `failures`-th failure: base · 2^(failures-1), capped, times a random factor
 * in [0.5, 1) ("equal jitter") so many clients that failed together do not retry together.
 */
export function backoffDelay(failures: number, options: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exp = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exp * (0.5 + random() * 0.5));
}
