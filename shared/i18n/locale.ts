/**
 * Which language a user reads, from what the system says. Pure: the caller passes the
 * environment and the platform (no Node here).
 */
import type { Locale } from './format.js';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** `zh_CN.UTF-8`, `zh-Hans-CN`, `zh_TW`, `zh` → zh-CN; anything else → en. */
export function localeOf(tag: string): Locale {
  return /^zh(?:[-_.@]|$)/i.test(tag.trim()) ? 'zh-CN' : 'en';
}

/**
 * POSIX precedence: the first non-empty of LC_ALL, LC_MESSAGES, LANG decides (`C`/`POSIX` is
 * English). Where those are unset — Windows and macOS, which keep the language in the OS, not
 * the environment — the runtime's own locale (`Intl.DateTimeFormat().resolvedOptions().locale`,
 * passed as `osLocale`) decides. `osLocale` may be a function, called only then: building a
 * DateTimeFormat costs ~50 ms, a fifth of a command's start-up on Linux, where it is never used.
 */
export function userLocale(env: Readonly<Record<string, string | undefined>>, osLocale: string | (() => string), platform: string): Locale {
  const posix = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  if (posix !== undefined) return localeOf(posix);
  if (platform === 'win32' || platform === 'darwin') return localeOf(typeof osLocale === 'function' ? osLocale() : osLocale);
  return 'en';
}

/** Reads `--lang` values: exactly zh-CN or en (case-insensitive; zh and zh_CN accepted). */
export function parseLocale(value: string): Locale | undefined {
  const v = value.trim();
  if (/^en$/i.test(v)) return 'en';
  if (/^zh([-_]cn)?$/i.test(v)) return 'zh-CN';
  return undefined;
}
