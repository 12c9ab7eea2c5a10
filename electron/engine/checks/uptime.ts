/**
 * 重启验证 — how long since the last restart. A computer up for weeks carries leaked memory,
 * stuck services and updates that wait for a restart; the checklist's step is "restart and
 * verify". Warns after policy `checks.uptimeWarnDays` (30 by default).
 */
import os from 'node:os';
import { at, cm, dur } from '../../../shared/check-messages.js';
import { ADVICE } from './advice.js';
import type { Check, CheckOutcome } from './types.js';

export interface UptimeCheckOptions {
  /** Seconds since boot (tests); default os.uptime(). */
  uptimeSeconds?: () => number;
}

export function createUptimeCheck(options: UptimeCheckOptions = {}): Check {
  return {
    id: 'uptime',
    group: 'restart',
    title: cm('title.uptime'),
    platforms: ['linux', 'win32', 'darwin'],
    timeoutMs: 2_000,
    async run(ctx): Promise<CheckOutcome> {
      const seconds = (options.uptimeSeconds ?? os.uptime)();
      const days = seconds / 86_400;
      const limit = ctx.policy.checks.uptimeWarnDays;
      const bootedAt = new Date(ctx.now().getTime() - seconds * 1000);
      const up = dur(seconds * 1000);
      const since = at(bootedAt);
      const data = { uptimeSeconds: Math.round(seconds), bootedAt: bootedAt.toISOString(), warnDays: limit };
      if (days > limit) {
        return {
          status: 'warn',
          detail: cm('uptime.long', { up, since, limit }),
          advice: [ADVICE.restartComputer],
          data,
        };
      }
      return { status: 'pass', detail: cm('uptime.ok', { up, since }), data };
    },
  };
}

export const uptimeCheck: Check = createUptimeCheck();
