/**
 * 安全日志 on macOS: the unified log of the authentication subsystems for the log window —
 * authorization (authd, the Authorization framework), the keychain's securityd, Open Directory
 * (local and directory accounts), the login window, sudo and sshd — as NDJSON.
 */
import { addCommandLog, minutesSince } from './support/command-log.js';
import { summaryNote } from './system-logs.darwin.js';
import type { CollectorContext, PlannedCommand } from './types.js';

export const AUTH_PREDICATE =
  'subsystem == "com.apple.Authorization" OR subsystem == "com.apple.securityd" OR subsystem == "com.apple.opendirectoryd" OR subsystem == "com.apple.loginwindow.logging" OR process == "authd" OR process == "loginwindow" OR process == "sudo" OR process == "sshd"';

export function darwinSecurityPlan(since: Date, now: number = Date.now()): PlannedCommand[] {
  return [
    {
      command: 'log',
      args: ['show', '--last', `${minutesSince(since, now)}m`, '--style', 'ndjson', '--predicate', AUTH_PREDICATE],
      purpose: 'the unified log of the authentication subsystems (authorization, keychain, Open Directory, login window, sudo, ssh) for the log window',
    },
  ];
}

export async function darwinSecurityLogs(ctx: CollectorContext, cap: number): Promise<void> {
  const [cmd] = darwinSecurityPlan(ctx.since);
  await addCommandLog(ctx, ctx.name('securityLog'), cmd!.command, cmd!.args, { cap, summarize: summaryNote, partialOnTimeout: true, timeoutMs: 40_000 });
}
