/**
 * Planned commands shown to people: `describe()` prints the plan itself, so what `diagcollect
 * list` says a collector runs is what it runs (the registry conformance test checks it).
 */
import type { Policy } from '../../../../shared/policy.js';
import type { Platform } from '../../../../shared/types.js';
import type { PlannedCommand } from '../types.js';
import { commandLine } from './run.js';
import { windowsCommandLine } from './windows-run.js';

/** The command as a person on that platform would type it. */
export function showCommand(platform: Platform, c: Pick<PlannedCommand, 'command' | 'args' | 'display'>): string {
  return c.display ?? (platform === 'win32' ? windowsCommandLine(c.command, c.args) : commandLine(c.command, c.args));
}

/** `command args — purpose` lines for describe(). */
export function describePlan(platform: Platform, plan: PlannedCommand[]): string[] {
  return plan.map((c) => `${showCommand(platform, c)} — ${c.purpose}`);
}

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** The start of the default log window of a policy (`since: "24h"` → 24 hours before `now`). */
export function sinceFromPolicy(policy: Policy, now: number = Date.now()): Date {
  const m = /^(\d+)([mhd])$/.exec(policy.since);
  const ms = m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : UNIT_MS.d;
  return new Date(now - ms);
}
