import { PolicySchema, type Policy } from '../../../shared/policy.js';
import type { PolicyLine } from '../../../shared/input-errors.js';
import { InputError } from '../errors.js';
import { duplicateKeyReason, duplicateKeys } from './duplicates.js';
import { MISSING_KEY_REASON, policyIssueOf } from './issues.js';
import { policyRefusals } from './refusals.js';
import { readPolicyBytes } from './sources.js';

/**
 * Reads a JSON policy file; every bad key is named with its source and the reason. Refused
 * (InputError, exit 2): a file that is not a regular file (a FIFO would hang), over 1 MiB,
 * unreadable, not JSON, with a key written twice in one object, not valid, with a redaction pattern that does not compile for the
 * linear-time engine, or with a path that escapes or is root-wide once expanded.
 */
export async function loadPolicyFile(path: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Promise<Policy> {
  const read = await readPolicyBytes(path);
  if (!read.ok) throw InputError.coded('policy-unreadable', { path }, `policy ${path}: ${read.reason}`);
  const text = read.data.toString('utf8');
  let raw: unknown;
  const json = text.replace(/^\uFEFF/, '');
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw InputError.coded('policy-not-json', { path }, `policy ${path}: not valid JSON (${(err as Error).message}); fix the file or leave out --policy`);
  }
  const twice = duplicateKeys(json);
  if (twice.length > 0) {
    const problems = `\n${twice.map((d) => `  - ${duplicateKeyReason(d)}`).join('\n')}`;
    const lines = twice.map((d): PolicyLine => ({ source: 'file', location: path, key: d.key, issue: { code: 'duplicate-key', lines: `${d.firstLine}, ${d.line}` } }));
    throw InputError.coded('policy-invalid', { path, problems }, `policy ${path} is not valid:${problems}`, lines);
  }
  const policy = parsePolicy(raw, path);
  const refusals = policyRefusals(policy, env, platform);
  if (refusals.length > 0) {
    const problems = refusals.map((r) => `${r.key}: ${r.reason}`);
    const lines = refusals.map((r): PolicyLine => ({ source: 'file', location: path, key: r.key, issue: r.issue }));
    throw InputError.coded('policy-invalid', { path, problems: `\n${problems.map((p) => `  - ${p}`).join('\n')}` }, `policy ${path} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`, lines);
  }
  return policy;
}

/** Validates a policy object; `source` names where it came from in the error. */
export function parsePolicy(raw: unknown, source: string): Policy {
  const result = PolicySchema.safeParse(raw);
  if (result.success) return result.data;
  const described = result.error.issues.flatMap((issue): PolicyLine[] => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => ({ source: 'file', location: source, key: [...base, k].join('.'), issue: { code: 'unknown-key' } }));
    return [{ source: 'file', location: source, key: base.join('.'), issue: policyIssueOf(issue, raw) }];
  });
  const lines = result.error.issues.map((issue) => {
    const key = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') {
      const where = key ? ` in ${key}` : '';
      return `  - unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${where}: remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling`;
    }
    return `  - ${key || '(the whole policy)'}: ${policyIssueOf(issue, raw).code === 'missing' ? MISSING_KEY_REASON : issue.message}`;
  });
  throw InputError.coded('policy-invalid', { path: source, problems: `\n${lines.join('\n')}` }, `policy ${source} is not valid:\n${lines.join('\n')}`, described);
}
