/**
 * Policy values that must stop the program (exit 2) rather than be left out: leaving them out
 * would silently widen what is collected or narrow what is redacted.
 * - an IT redaction rule or allow-list pattern that does not compile for the linear-time
 *   engine (invalid, backreference, lookaround): without it, the secret it was written for
 *   would go into the archive;
 * - an app-log or config path that climbs out with `..` once its variables are expanded, or is
 *   root-wide (`/**`, `C:\**`, `~/**`): it would sweep up other programs' keys and this tool's
 *   own data.
 * The checks need the engine (the regex engine, the environment), so they live here, not in the
 * shared schema.
 */
import type { Policy } from '../../../shared/policy.js';
import type { PolicyIssue } from '../../../shared/input-errors.js';
import { policyPathRefusal } from '../platform/paths.js';
import { Redactor } from '../redact/index.js';

export interface Refusal {
  /** Policy key with the list index: `redaction.extraRules.0`, `appLogPaths.2`. */
  key: string;
  reason: string;
  /** What is wrong, as a code (the user's language). */
  issue: PolicyIssue;
}

/** Why an IT redaction rule is refused, or undefined. */
export function extraRuleProblem(rule: { id: string; pattern: string; flags?: string; placeholder?: string }): string | undefined {
  try {
    new Redactor({ extraRules: [rule] });
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

/** Why an allow-list pattern is refused, or undefined. */
export function allowPatternProblem(pattern: string): string | undefined {
  try {
    new Redactor({ allow: [pattern] });
    return undefined;
  } catch (err) {
    return (err as Error).message.replace(/^redaction allow-list entry \/.*\/ is not a valid pattern: /s, 'invalid pattern: ');
  }
}

/** Keys whose problems stop the program instead of being left out (see the top of this file). */
export function isRefusedKey(key: string): boolean {
  return /^(?:appLogPaths|configPaths|redaction)(?:\.|$)/.test(key);
}

/** Every refusal in a (schema-valid) policy, for this computer's environment. */
export function policyRefusals(policy: Policy, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Refusal[] {
  const out: Refusal[] = [];
  policy.redaction?.extraRules.forEach((rule, i) => {
    const why = extraRuleProblem(rule);
    if (why) out.push({ key: `redaction.extraRules.${i}`, reason: why, issue: { code: 'bad-pattern', pattern: rule.pattern } });
  });
  policy.redaction?.allow.forEach((pattern, i) => {
    const why = allowPatternProblem(pattern);
    if (why) out.push({ key: `redaction.allow.${i}`, reason: why, issue: { code: 'bad-pattern', pattern } });
  });
  for (const key of ['appLogPaths', 'configPaths'] as const) {
    policy[key].forEach((pattern, i) => {
      const why = policyPathRefusal(pattern, env, platform);
      if (why) out.push({ key: `${key}.${i}`, ...why });
    });
  }
  return out;
}
