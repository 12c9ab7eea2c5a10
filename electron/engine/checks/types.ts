/**
 * The plug-in shape of a check (the basic checklist, 基础检查清单): one file per check, like the
 * collectors. A check measures and judges; it never writes into the archive (the session writes
 * `checks.json` and the summary page from the results).
 */
import type { Policy } from '../../../shared/policy.js';
import type { CheckMessage } from '../../../shared/check-messages.js';
import type { CheckGroup, CheckStatus, Platform, ProblemType } from '../../../shared/types.js';
import type { ExecOptions, ExecResult } from '../platform/exec.js';

/** What a check gets to do its work. */
export interface CheckContext {
  /** Aborted at the check's timeout or on cancel: stop probes, kill commands. */
  readonly signal: AbortSignal;
  readonly policy: Policy;
  readonly platform: Platform;
  /** Environment for proxy variables (process.env in real use). */
  readonly env: NodeJS.ProcessEnv;
  /** The problem type the user reported (intake): decides the extra evidence (connection.ts). */
  readonly problemType?: ProblemType | undefined;
  now(): Date;
  /** Runs a command bound to the check's signal; its whole process tree dies on abort. */
  exec(command: string, args: string[], options?: ExecOptions): Promise<ExecResult>;
}

/** One verdict a check returns; the runner adds the group, the default id and title, and the duration. */
export interface CheckOutcome {
  /** Subject of one of several results, appended to the check id: `dns:10.0.0.1`. */
  subject?: string;
  /** Defaults to the check's title. */
  title?: CheckMessage;
  status: CheckStatus;
  /** The finding for the agent: one message, or clauses joined `；` / `; `. */
  detail: CheckMessage | CheckMessage[];
  /** Steps in order (see advice.ts); only for warn and fail. */
  advice?: CheckMessage[];
  data?: Record<string, unknown>;
  /** This result's own duration (one endpoint); defaults to the whole check's. */
  durationMs?: number;
}

export interface Check {
  /** kebab-case, unique. */
  id: string;
  group: CheckGroup;
  title: CheckMessage;
  /** Elsewhere the runner reports it as skipped ("not available on … yet"). */
  platforms: Platform[];
  /** The runner stops the check after this long and reports it as failed ("timed out after N s"). */
  timeoutMs: number;
  run(ctx: CheckContext): Promise<CheckOutcome | CheckOutcome[]>;
}
