/**
 * Runs the checklist: every check at once, each with its own timeout and AbortSignal. A check
 * that hangs is stopped at its timeout (its probes and commands are aborted) and reported as
 * failed, "timed out after N s"; a check that throws is reported as failed with the error. The
 * runner never rejects and never waits past the largest timeout.
 */
import { setMaxListeners } from 'node:events';
import type { Policy } from '../../../shared/policy.js';
import { cm, dur } from '../../../shared/check-messages.js';
import { CHECK_GROUP_IDS } from '../../../shared/vocabulary.js';
import { englishCheck } from '../../../shared/i18n/check-text.js';
import type { CheckResult, ChecksDocument, Platform, ProblemType } from '../../../shared/types.js';
import { exec } from '../platform/exec.js';
import { CONNECTION_PATH } from './advice.js';
import { forPeople } from './for-people.js';
import { triageOutcome } from './triage.js';
import { CHECKS } from './index.js';
import { errorCode, errorText } from './support/format.js';
import type { Check, CheckContext, CheckOutcome } from './types.js';

export interface RunChecksOptions {
  policy: Policy;
  platform?: Platform;
  /** Cancel: unfinished checks end as skipped ("cancelled"), and runChecks resolves at once. */
  signal?: AbortSignal;
  now?: () => Date;
  /** Each result as soon as it is known (in completion order). */
  onResult?: (result: CheckResult) => void;
  /** The checks to run (tests); default: the registry. */
  checks?: readonly Check[];
  /** Run only these check ids. */
  only?: readonly string[];
  /** Environment for proxy variables; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** The problem type from the intake: adds its evidence (connection) and its advice path. */
  problemType?: ProblemType | undefined;
}

/** The advice for the reported problem type: a result of its own, after the checks it rests on. */
const TRIAGE: Check = { id: 'triage', group: 'network', title: cm('title.connection-evidence'), platforms: ['linux', 'win32', 'darwin'], timeoutMs: 1000, run: async () => [] };

class CheckTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
    this.name = 'CheckTimeout';
  }
}

function toResults(check: Check, outcome: CheckOutcome | CheckOutcome[], durationMs: number, policy: Policy): CheckResult[] {
  const list = Array.isArray(outcome) ? outcome : [outcome];
  return list.map((o) => {
    const title = o.title ?? check.title;
    const detail = Array.isArray(o.detail) ? o.detail : [o.detail];
    // Advice only where something is wrong; the problem type's path is advice whatever was found.
    const advice = (o.status === 'pass' || o.status === 'skipped') && check.id !== TRIAGE.id ? [] : (o.advice ?? []);
    const user = forPeople(check.id, o, { policy });
    return {
      id: o.subject ? `${check.id}:${o.subject}` : check.id,
      group: check.group,
      title,
      status: o.status,
      detail,
      advice,
      user,
      en: englishCheck({ title, detail, advice, user }),
      durationMs: Math.round(o.durationMs ?? durationMs),
      ...(o.data ? { data: o.data } : {}),
    };
  });
}

/** Runs the checks in parallel; results come back in checklist order. */
export async function runChecks(options: RunChecksOptions): Promise<CheckResult[]> {
  const { policy } = options;
  const platform = options.platform ?? (process.platform as Platform);
  const now = options.now ?? (() => new Date());
  const env = options.env ?? process.env;
  const outer = options.signal ?? new AbortController().signal;
  const checks = options.checks ?? CHECKS;
  // Every check and each of its probes listens on the signals: dozens of listeners is expected.
  setMaxListeners(200, outer);
  const emit = (results: CheckResult[]) => {
    for (const r of results) options.onResult?.(r);
    return results;
  };

  const runOne = async (check: Check): Promise<CheckResult[]> => {
    const skipped = (detail: CheckOutcome['detail']) => emit(toResults(check, { status: 'skipped', detail }, 0, policy));
    if (options.only && options.only.length > 0 && !options.only.includes(check.id)) return [];
    if (!check.platforms.includes(platform)) return skipped(cm('runner.platform', { platform }));
    if (policy.checks.disabled.includes(check.id)) return skipped(cm('runner.disabled'));
    if (outer.aborted) return skipped(cm('runner.cancelled'));

    const own = new AbortController();
    const signal = AbortSignal.any([own.signal, outer]);
    setMaxListeners(200, signal);
    const ctx: CheckContext = {
      signal,
      policy,
      platform,
      env,
      problemType: options.problemType,
      now,
      exec: (command, args, execOptions = {}) => exec(command, args, { ...execOptions, signal: execOptions.signal ? AbortSignal.any([execOptions.signal, signal]) : signal }),
    };
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    let onOuterAbort: (() => void) | undefined;
    const stopped = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CheckTimeout(check.timeoutMs)), check.timeoutMs);
      onOuterAbort = () => reject(new Error('cancelled'));
      outer.addEventListener('abort', onOuterAbort, { once: true });
    });
    stopped.catch(() => {});
    try {
      const outcome = await Promise.race([check.run(ctx), stopped]);
      return emit(toResults(check, outcome, performance.now() - started, policy));
    } catch (err) {
      const durationMs = performance.now() - started;
      if (outer.aborted) return emit(toResults(check, { status: 'skipped', detail: cm('runner.cancelled') }, durationMs, policy));
      if (err instanceof CheckTimeout) {
        return emit(
          toResults(
            check,
            {
              status: 'fail',
              detail: cm('runner.timeout', { timeout: dur(err.timeoutMs) }),
              advice: check.group === 'network' ? CONNECTION_PATH : [],
              data: { timedOut: true, timeoutMs: err.timeoutMs },
            },
            durationMs,
            policy,
          ),
        );
      }
      return emit(toResults(check, { status: 'fail', detail: cm('runner.error', { error: errorCode(err) }), data: { error: errorText(err) } }, durationMs, policy));
    } finally {
      clearTimeout(timer);
      if (onOuterAbort) outer.removeEventListener('abort', onOuterAbort);
      // Stops whatever the check still runs: sockets, DNS queries, commands' process trees.
      own.abort();
    }
  };

  const perCheck = (await Promise.all(checks.map(runOne))).flat();
  // The guide's path for the reported problem, ordered by what the checks above found.
  const triage = outer.aborted ? undefined : triageOutcome(options.problemType, perCheck);
  if (!triage) return perCheck;
  return [...perCheck, ...emit(toResults({ ...TRIAGE, group: options.problemType === 'connection' ? 'network' : 'environment' }, triage, 0, policy))];
}

/** The `checks.json` document. */
export function checksDocument(results: CheckResult[], startedAt: Date, finishedAt: Date): ChecksDocument {
  return { format: 'diagcollect-checks/1', startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), results };
}

/** The checklist groups in the guide's order, with their names. */
export const CHECK_GROUPS = CHECK_GROUP_IDS.map((id, i) => ({
  id,
  number: i + 1,
  title: cm(`group.${id}`),
}));

/** `warn`/`fail` anywhere: exit code 3 of `diagcollect check`. */
export function worstStatus(results: readonly CheckResult[]): CheckResult['status'] {
  if (results.some((r) => r.status === 'fail')) return 'fail';
  if (results.some((r) => r.status === 'warn')) return 'warn';
  if (results.some((r) => r.status === 'pass')) return 'pass';
  return 'skipped';
}
