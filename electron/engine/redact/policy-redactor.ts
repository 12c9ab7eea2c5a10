/**
 * The Redactor as policy configures it, and the local placeholder map — shared by the session,
 * the preview (dry run) and `diagcollect redact`, so all three hide exactly the same things.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import type { Policy } from '../../../shared/policy.js';
import { Redactor, type RedactorOptions } from './redactor.js';

/** One Redactor per archive (or per `redact` run), with policy's optional and extra rules. */
export function createRedactor(policy: Policy): Redactor {
  return new Redactor(redactorOptionsFor(policy.redaction));
}

/**
 * The Redactor's options for policy's redaction settings (none: a policy without them). sos25
 * (session 23): the redaction worker started ahead of a collection builds the rule set of these
 * with none while the engine loads (redact-worker.ts buildLikelyRuleSet).
 */
export function redactorOptionsFor(redaction?: Policy['redaction']): RedactorOptions {
  const user = safeUserName();
  return {
    optionalRules: redaction?.optionalRules ?? [],
    extraRules: redaction?.extraRules ?? [],
    allow: redaction?.allow ?? [],
    // The host name stays: the support standard puts it in the archive name.
    knownValues: user ? [{ value: user, kind: 'USER' }] : [],
  };
}

/** This account's name, unless it is a generic one (which is not personal data). */
export function safeUserName(): string | undefined {
  try {
    const name = os.userInfo().username;
    // Generic accounts are not personal data, and would redact words such as "root" everywhere.
    return name && !['root', 'admin', 'administrator', 'user', 'system'].includes(name.toLowerCase()) ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `<dir>/<output name without .zip>.json`: placeholder → value, readable by the user only, never
 * archived. Returns the path written.
 */
export async function saveRedactionMap(dir: string, archive: string, redactor: Redactor): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const target = join(dir, `${archive.replace(/\.zip$/, '')}.json`);
  const temp = `${target}.${process.pid}.partial`;
  const map = Object.fromEntries([...redactor.mapping()].sort(([a], [b]) => a.localeCompare(b)));
  try {
    await writeFile(temp, `${JSON.stringify({ archive, note: 'Local only: what each placeholder in the archive stands for. Never send this file.', placeholders: map }, null, 2)}\n`, { mode: 0o600 });
    await rename(temp, target);
  } catch (err) {
    // A full disk must not leave half a map (plaintext values) beside the others, never cleaned.
    await rm(temp, { force: true }).catch(() => {});
    throw err;
  }
  return target;
}
