import { readFile } from 'node:fs/promises';
import { PolicySchema, type Policy } from '../../../shared/policy.js';
import { InputError } from '../errors.js';

/** Reads a JSON policy file; every bad key is named with its source and the reason. */
export async function loadPolicyFile(path: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'the file does not exist' : code === 'EISDIR' ? 'it is a directory, not a JSON file' : code === 'EACCES' ? 'no permission to read it' : (err as Error).message;
    throw new InputError(`policy ${path}: cannot read it: ${why}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new InputError(`policy ${path}: not valid JSON (${(err as Error).message}); fix the file or leave out --policy`);
  }
  return parsePolicy(raw, path);
}

/** Validates a policy object; `source` names where it came from in the error. */
export function parsePolicy(raw: unknown, source: string): Policy {
  const result = PolicySchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const key = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') {
      const where = key ? ` in ${key}` : '';
      return `  - unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${where}: remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling`;
    }
    return `  - ${key || '(the whole policy)'}: ${issue.message}`;
  });
  throw new InputError(`policy ${source} is not valid:\n${lines.join('\n')}`);
}
