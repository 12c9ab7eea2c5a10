/**
 * The policy the desktop app runs with: the engine's effective policy (defaults < user settings
 * < `DIAGCOLLECT_POLICY` file < managed policy from the registry, the macOS managed preferences
 * or /etc/diagcollect/policy.json), so the app and `diagcollect collect` agree. A bad managed or
 * user key never stops the app: it is left out (or fails closed) and reported as a problem that
 * names the source and the key; main logs and shows them. Only a bad `DIAGCOLLECT_POLICY` file
 * (named explicitly, like the CLI's `--policy`) is an InputError.
 */
import type { PolicyLine } from '../../shared/input-errors.js';
import type { Policy } from '../../shared/policy.js';
import { formatProblem, loadEffectivePolicy, type LoadPolicyOptions } from '../engine/policy/effective.js';

export interface AppPolicy {
  policy: Policy;
  /** Keys set by managed policy (shown locked). */
  locked: string[];
  /** One line per bad key: source, key, reason, what happens instead. */
  problems: string[];
  /** The same problems as data (for the user's language) with their English line. */
  lines: Array<{ line: PolicyLine; english: string }>;
}

export async function loadAppPolicy(env: NodeJS.ProcessEnv = process.env, options: LoadPolicyOptions = {}): Promise<AppPolicy> {
  const file = env.DIAGCOLLECT_POLICY;
  const effective = await loadEffectivePolicy({ env, ...options, ...(file ? { policyFile: file, strictPolicyFile: true } : {}) });
  const lines = effective.problems.map((p) => ({
    line: { source: p.source, location: p.location, key: p.key, issue: p.issue, dropped: p.dropped, ...(p.lockedKey ? { lockedKey: p.lockedKey } : {}), ...(p.together ? { together: p.together } : {}) },
    english: formatProblem(p),
  }));
  return { policy: effective.policy, locked: effective.locked, problems: lines.map((l) => l.english), lines };
}
