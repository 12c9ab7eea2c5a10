/**
 * A zod issue of the policy schema as a {@link PolicyIssue}: what is wrong without words, so the
 * CLI and the app can say it in the user's language (the English `message` stays for logs and
 * `--lang en`). The schema's own rules (`refine`, `superRefine`) are `rule`: their English text is
 * the exact statement, and the translated line points to it.
 */
import type { core } from 'zod';
import type { PolicyIssue } from '../../../shared/input-errors.js';

export function policyIssueOf(issue: core.$ZodIssue): PolicyIssue {
  switch (issue.code) {
    case 'unrecognized_keys':
      return { code: 'unknown-key' };
    case 'invalid_type':
      return { code: 'type', expected: String(issue.expected) };
    case 'too_small':
      return { code: 'too-small', minimum: String(issue.minimum), origin: String(issue.origin) };
    case 'too_big':
      return { code: 'too-big', maximum: String(issue.maximum), origin: String(issue.origin) };
    case 'invalid_value':
      return { code: 'one-of', values: issue.values.map((v) => JSON.stringify(v)).join(', ') };
    case 'custom': {
      // A rule the schema names (shared/policy.ts `must`): said in the user's language; other rules stay `rule`.
      const rule = (issue.params as { must?: unknown } | undefined)?.must;
      return typeof rule === 'string' ? { code: 'must', rule } : { code: 'rule' };
    }
    case 'invalid_format':
      // `regex`: the value does not match the key's pattern (an id's spelling): its English names the pattern.
      return issue.format === 'regex' ? { code: 'rule' } : { code: 'format', format: String(issue.format) };
    default:
      return { code: 'rule' };
  }
}
