/**
 * A zod issue of the policy schema as a {@link PolicyIssue}: what is wrong without words, so the
 * CLI and the app can say it in the user's language (the English `message` stays for logs and
 * `--lang en`). The schema's own rules (`refine`, `superRefine`) are `rule`: their English text is
 * the exact statement, and the translated line points to it.
 */
import type { core } from 'zod';
import type { PolicyIssue } from '../../../shared/input-errors.js';

/** The English reason of a {@link PolicyIssue} `missing` (zod's own says "expected string, received undefined"). */
export const MISSING_KEY_REASON = 'required here, but not set: set it, or leave out what needs it';

/**
 * `input`: the object that was parsed, when known: a key the schema wants a value of, and that
 * `input` does not have, is `missing` (not a wrong type).
 */
export function policyIssueOf(issue: core.$ZodIssue, input?: unknown): PolicyIssue {
  if (issue.code === 'invalid_type' && input !== undefined && issue.path.length > 0 && !hasPath(input, issue.path)) return { code: 'missing' };
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
      // A rule the schema names (shared/policy-must.ts): said in the user's language; other rules stay `rule`.
      const params = issue.params as { must?: unknown; values?: Record<string, string> } | undefined;
      const rule = params?.must;
      if (typeof rule !== 'string') return { code: 'rule' };
      return params?.values ? { code: 'must', rule, values: { ...params.values } } : { code: 'must', rule };
    }
    case 'invalid_format':
      // `regex`: the value does not match the key's pattern (an id's spelling): its English names the pattern.
      return issue.format === 'regex' ? { code: 'rule' } : { code: 'format', format: String(issue.format) };
    default:
      return { code: 'rule' };
  }
}

/** Does `input` hold something (even null) at `path`? */
function hasPath(input: unknown, path: readonly PropertyKey[]): boolean {
  let cur: unknown = input;
  for (const part of path) {
    if (typeof cur !== 'object' || cur === null || !Object.hasOwn(cur, part)) return false;
    cur = (cur as Record<PropertyKey, unknown>)[part];
  }
  return true;
}
