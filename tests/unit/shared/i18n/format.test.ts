/** Sizes, durations and times by locale (shared/i18n/format.ts): one formatter each, everywhere. */
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatSize, utcOffset } from '../../../../shared/i18n/format.js';

describe('formatSize', () => {
  it('never says 0.0 MB: the unit keeps the number at least 1', () => {
    expect(formatSize(38 * 1024 + 300, 'en')).toBe('38 KB');
    expect(formatSize(38 * 1024 + 300, 'zh-CN')).toBe('38 KB');
    expect(formatSize(512, 'en')).toBe('512 B');
    expect(formatSize(1.25 * 1024 * 1024, 'en')).toBe('1.3 MB');
    expect(formatSize(3 * 1024 ** 3, 'zh-CN')).toBe('3 GB');
    expect(formatSize(-1, 'en')).toBe('?');
  });
});

describe('formatDuration', () => {
  it('uses the locale’s units, never "15m 15s" in Chinese', () => {
    expect(formatDuration(915_000, 'zh-CN')).toBe('15分钟15秒');
    expect(formatDuration(915_000, 'en')).toBe('15 min 15 sec');
    expect(formatDuration(400, 'zh-CN')).toBe('0.4秒');
    expect(formatDuration(3 * 86_400_000 + 7_200_000 + 59_000, 'en')).toBe('3 days 2 hr');
  });
});

describe('formatDateTime', () => {
  it('shows local time with its offset, by locale', () => {
    const at = '2026-11-24T01:30:00Z';
    expect(formatDateTime(at, 'zh-CN', { timeZone: 'Asia/Shanghai' })).toBe('2026年11月24日 09:30（UTC+08:00）');
    expect(formatDateTime(at, 'en', { timeZone: 'Asia/Shanghai' })).toBe('24 Nov 2026, 09:30 (UTC+08:00)');
    expect(formatDateTime(at, 'en', { timeZone: 'UTC' })).toBe('24 Nov 2026, 01:30 (UTC+00:00)');
    expect(utcOffset(new Date(at), 'America/St_Johns')).toBe('UTC-03:30');
    expect(formatDateTime('not a date', 'en')).toBe('not a date');
  });
});
