/**
 * The user's own settings (`<data dir>/settings.json`): policy keys the user chose in the app.
 * They rank above the defaults and below any `--policy` file and the managed policy; a key the
 * managed policy sets is locked and cannot be saved here.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PolicySchema } from '../../../shared/policy.js';
import { InputError } from '../errors.js';
import { isLocked, leafKeys } from './effective.js';
import { policyIssueOf } from './issues.js';
import { userSettingsFile } from './sources.js';
import type { PolicyLine } from '../../../shared/input-errors.js';

/** Validates and writes the settings atomically; refuses a locked key by name. */
export async function saveUserSettings(dataDirectory: string, settings: Record<string, unknown>, locked: readonly string[]): Promise<string> {
  const lockedKeys = leafKeys(settings)
    .map((k) => k.join('.'))
    .filter((k) => isLocked(locked, k));
  if (lockedKeys.length > 0) throw InputError.coded('settings-locked', { keys: lockedKeys.join(', ') }, `${lockedKeys.join(', ')} ${lockedKeys.length > 1 ? 'are' : 'is'} set by your IT department's policy and cannot be changed here`);
  const result = PolicySchema.safeParse(settings);
  if (!result.success) {
    const file = userSettingsFile(dataDirectory);
    const lines = result.error.issues.map((i): PolicyLine => ({ source: 'user', location: file, key: i.path.join('.'), issue: policyIssueOf(i, settings) }));
    throw InputError.coded('settings-invalid', {}, `settings not saved: ${result.error.issues.map((i) => `${i.path.join('.') || '(settings)'}: ${i.message}`).join('; ')}`, lines);
  }
  const file = userSettingsFile(dataDirectory);
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
  await rename(tmp, file);
  return file;
}
