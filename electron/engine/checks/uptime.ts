/**
 * 重启验证 — how long since the last restart. A computer up for weeks carries leaked memory,
 * stuck services and updates that wait for a restart; the checklist's step is "restart and
 * verify". Warns after policy `checks.uptimeWarnDays` (30 by default).
 */
import os from 'node:os';
import { formatDateTime, formatDuration } from '../../../shared/i18n/format.js';
import { ADVICE } from './advice.js';
import { t } from './support/format.js';
import type { Check, CheckOutcome } from './types.js';

export interface UptimeCheckOptions {
  /** Seconds since boot (tests); default os.uptime(). */
  uptimeSeconds?: () => number;
}

export function createUptimeCheck(options: UptimeCheckOptions = {}): Check {
  return {
    id: 'uptime',
    group: 'restart',
    title: { 'zh-CN': '运行时间', en: 'Uptime' },
    platforms: ['linux', 'win32', 'darwin'],
    timeoutMs: 2_000,
    async run(ctx): Promise<CheckOutcome> {
      const seconds = (options.uptimeSeconds ?? os.uptime)();
      const days = seconds / 86_400;
      const limit = ctx.policy.checks.uptimeWarnDays;
      const bootedAt = new Date(ctx.now().getTime() - seconds * 1000);
      const up = { zh: formatDuration(seconds * 1000, 'zh-CN'), en: formatDuration(seconds * 1000, 'en') };
      const since = { zh: formatDateTime(bootedAt, 'zh-CN'), en: formatDateTime(bootedAt, 'en') };
      const data = { uptimeSeconds: Math.round(seconds), bootedAt: bootedAt.toISOString(), warnDays: limit };
      if (days > limit) {
        return {
          status: 'warn',
          detail: t(`已连续运行 ${up.zh}（自 ${since.zh} 起），超过 ${limit} 天`, `up ${up.en} (since ${since.en}), more than ${limit} days`),
          advice: [ADVICE.restartComputer],
          data,
        };
      }
      return { status: 'pass', detail: t(`已运行 ${up.zh}（自 ${since.zh} 起）`, `up ${up.en} (since ${since.en})`), data };
    },
  };
}

export const uptimeCheck: Check = createUptimeCheck();
