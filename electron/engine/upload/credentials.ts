/**
 * Secrets for the ticket systems. They never come from the policy file (policies are pushed to
 * many machines and readable by everyone): only from the environment,
 * `DIAGCOLLECT_<TARGET>_<SECRET>` (e.g. DIAGCOLLECT_REDMINE_API_KEY, DIAGCOLLECT_RT_TOKEN), or
 * from `<data dir>/credentials.json`, which must be readable by its owner only:
 *
 *   { "redmine": { "apiKey": "…" }, "rt": { "token": "…" } }
 *
 * A `Secret` prints as `[secret]` (toString, JSON, util.inspect), so a stray log line or a job
 * file cannot carry it.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { expandPath } from '../platform/paths.js';
import { UploadError } from './upload-error.js';

export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  /** The value, for the one place that puts it into a request header. */
  reveal(): string {
    return this.#value;
  }
  toString(): string {
    return '[secret]';
  }
  toJSON(): string {
    return '[secret]';
  }
  [inspect.custom](): string {
    return '[secret]';
  }
}

/** One secret a target needs: its key in credentials.json and the environment variable suffix. */
export interface SecretSpec {
  /** Target id: `redmine` → DIAGCOLLECT_REDMINE_…, `credentials.json` → { "redmine": … }. */
  target: string;
  /** Key inside the target's object in credentials.json, e.g. `apiKey`. */
  key: string;
  /** Upper-case suffix of the environment variable, e.g. `API_KEY`. */
  envSuffix: string;
  /** For messages: "API key", "auth token". */
  label: string;
}

export function credentialsFile(dataDirectory: string): string {
  return join(dataDirectory, 'credentials.json');
}

export function secretEnvName(spec: SecretSpec): string {
  return `DIAGCOLLECT_${spec.target.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_${spec.envSuffix}`;
}

/**
 * Reads a secret: the environment variable first, then the credentials file. Rejects (kind
 * `config`) with a message saying where to put it, or why the file was refused.
 */
export async function readSecret(spec: SecretSpec, options: { env: NodeJS.ProcessEnv; dataDir: string; platform?: NodeJS.Platform; /** policy upload.credentialsFile: a machine-wide file instead of the per-user one */ file?: string }): Promise<Secret> {
  const envName = secretEnvName(spec);
  const fromEnv = options.env[envName]?.trim();
  if (fromEnv) return new Secret(fromEnv);

  let file = credentialsFile(options.dataDir);
  if (options.file) {
    const expanded = expandPath(options.file, options.env, options.platform ?? process.platform);
    if (!expanded.ok) throw new UploadError('config', `policy upload.credentialsFile: ${expanded.reason}`);
    file = expanded.path;
  }
  const howTo = `set ${envName}, or put {"${spec.target}": {"${spec.key}": "…"}} into ${file} and make it private (chmod 600)`;
  let mode: number;
  try {
    mode = (await stat(file)).mode;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new UploadError('config', `no ${spec.label} for ${spec.target}: ${howTo}`);
    throw new UploadError('config', `cannot read the credentials file ${file}: ${(err as Error).message}`);
  }
  if ((options.platform ?? process.platform) !== 'win32' && (mode & 0o077) !== 0) {
    const octal = (mode & 0o777).toString(8).padStart(3, '0');
    throw new UploadError('config', `the credentials file ${file} can be read by other users (mode ${octal}); it was not used. Run: chmod 600 '${file}'`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (err) {
    // The parser's message may quote the file's content: leave it out.
    const why = err instanceof SyntaxError ? 'it is not valid JSON' : (err as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new UploadError('config', `cannot use the credentials file ${file}: ${why}`);
  }
  const section = (parsed as Record<string, unknown> | null)?.[spec.target];
  const value = (section as Record<string, unknown> | undefined)?.[spec.key];
  if (typeof value === 'string' && value.trim()) return new Secret(value.trim());
  throw new UploadError('config', `no ${spec.label} for ${spec.target} in ${file}: ${howTo}`);
}
