/**
 * When the triage collectors run (issue 18, the guide's 技术排查矩阵): evidence for a problem
 * type runs when the intake names that type (or the user names the collector in --only); the
 * security logs (安全日志) run only when policy permits them — for every collection
 * (`securityLogs.enabled`) or for the problem types it lists — and naming them in --only never
 * overrides that refusal, since they are off by default for privacy.
 */
import type { Policy } from '../../../../shared/policy.js';
import type { Reason } from '../../../../shared/reasons.js';
import type { ProblemType } from '../../../../shared/types.js';
import type { Collector } from '../types.js';

/** A gate for evidence of `types`: runs for those problem types, or when named in --only. */
export function forProblemTypes(...types: ProblemType[]): NonNullable<Collector['gate']> {
  return (_policy, problemType, named) => (named || (problemType !== undefined && types.includes(problemType)) ? undefined : { code: 'problem-type', types, actual: problemType ?? 'none' });
}

/** Whether policy lets this collection take the security logs, and why not. */
export function securityLogsGate(policy: Policy, problemType: ProblemType | undefined): Reason | undefined {
  const { enabled, problemTypes } = policy.securityLogs;
  if (enabled) return undefined;
  if (problemTypes.length === 0) return { code: 'security-logs-off' };
  return problemType !== undefined && problemTypes.includes(problemType) ? undefined : { code: 'problem-type', types: problemTypes, actual: problemType ?? 'none' };
}
