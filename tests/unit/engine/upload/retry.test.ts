import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, backoffDelay, parseRetryAfter } from '../../../../electron/engine/upload/retry.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-24T09:30:00Z');
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter(['7', '9'], now)).toBe(7_000);
  });
  it('reads an HTTP-date (IMF-fixdate and the obsolete forms Date.parse knows)', () => {
    expect(parseRetryAfter('Tue, 24 Nov 2026 09:30:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tuesday, 24-Nov-26 09:31:00 GMT', now)).toBe(60_000);
  });
  it('gives 0 for a date in the past, undefined for garbage or nothing, and caps long waits', () => {
    expect(parseRetryAfter('Tue, 24 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('999999', now)).toBe(MAX_RETRY_AFTER_MS);
  });
});

describe('backoffDelay', () => {
  const opts = { baseMs: 1_000, maxMs: 30_000 };
  it('doubles per failure within [half, full] of the exponential step (jitter)', () => {
    for (let n = 1; n <= 4; n += 1) {
      const full = 1_000 * 2 ** (n - 1);
      expect(backoffDelay(n, opts, () => 0)).toBe(full / 2);
      expect(backoffDelay(n, opts, () => 0.999999)).toBeLessThanOrEqual(full);
      expect(backoffDelay(n, opts, () => 0.999999)).toBeGreaterThan(full * 0.99);
    }
  });
  it('is capped, and spreads with random jitter', () => {
    expect(backoffDelay(50, opts, () => 0.999999)).toBeLessThanOrEqual(30_000);
    const samples = new Set(Array.from({ length: 20 }, () => backoffDelay(3, opts)));
    expect(samples.size).toBeGreaterThan(5);
    for (const s of samples) expect(s).toBeGreaterThanOrEqual(2_000);
  });
});
