/**
 * Closed lists of names, as plain arrays. The zod enums (shared/types.ts, check-policy.ts) are
 * built from these; code that only needs the names (`diagcollect check`'s choices, the checks
 * themselves) imports them from here and so starts without loading zod (issue 13, item 8).
 */

/** The guide's triage matrix (技术排查矩阵): 连接问题 / 功能异常 / 运行缓慢 / 其他. */
export const PROBLEM_TYPES = ['connection', 'malfunction', 'slow', 'other'] as const;

/** The basic checklist's (基础检查清单) four groups, in the guide's order. */
export const CHECK_GROUP_IDS = ['network', 'version', 'environment', 'restart'] as const;

/** Browsers the environment check recognises (by `--version` on Linux and macOS, App Paths on Windows). */
export const BROWSER_NAMES = ['chromium', 'firefox', 'google-chrome', 'microsoft-edge'] as const;
export type BrowserName = (typeof BROWSER_NAMES)[number];
