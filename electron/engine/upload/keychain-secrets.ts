/**
 * Upload secrets of the desktop app, kept encrypted by the OS keychain: Electron's `safeStorage`
 * (DPAPI on Windows, the Keychain on macOS, libsecret/kwallet on Linux) encrypts each value and
 * only the ciphertext is written, to `<data dir>/secrets.json` (0600). The cipher is injected, so
 * this runs and is tested on plain Node; main passes safeStorage. When the OS offers no real
 * encryption (`isAvailable()` false, or Linux's `basic_text` backend) nothing is stored: the app
 * never writes a secret in plain text. The CLI keeps its environment variables and
 * credentials file (credentials.ts); the app's uploads read the keychain first, through the same
 * `DIAGCOLLECT_<TARGET>_<SECRET>` names, with a variable set in the environment still winning.
 */
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './outbox.js';
import { secretEnvName, type SecretSpec } from './credentials.js';
import { FRESHDESK_SECRET } from './freshdesk.js';
import { HTTP_PUT_KEY_ID, HTTP_PUT_SECRET_KEY, HTTP_PUT_URL_SECRET } from './http-put.js';
import { JIRA_SECRET } from './jira.js';
import { REDMINE_SECRET } from './redmine.js';
import { RT_SECRET } from './rt.js';
import { SERVICENOW_SECRET } from './servicenow.js';
import { SMTP_SECRET } from './smtp.js';
import { ZENDESK_SECRET } from './zendesk.js';

/** What the host's keychain offers (Electron's safeStorage has this shape). */
export interface SecretCipher {
  /** True only when the OS encrypts with a key of the user's (never a plain-text fallback). */
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

/** Every secret a connector reads, by the name of its environment variable. */
export const UPLOAD_SECRETS: readonly SecretSpec[] = [
  REDMINE_SECRET,
  RT_SECRET,
  SMTP_SECRET,
  HTTP_PUT_URL_SECRET,
  HTTP_PUT_KEY_ID,
  HTTP_PUT_SECRET_KEY,
  JIRA_SECRET,
  ZENDESK_SECRET,
  SERVICENOW_SECRET,
  FRESHDESK_SECRET,
];

const FORMAT = 'diagcollect-secrets/1';

interface SecretsFile {
  format: typeof FORMAT;
  /** Environment variable name → ciphertext (base64). */
  secrets: Record<string, string>;
}

export class KeychainUnavailableError extends Error {
  constructor() {
    super('the OS keychain is not available (on Linux: no Secret Service or KWallet is running), so the secret was not stored; nothing was written in plain text');
    this.name = 'KeychainUnavailableError';
  }
}

export function keychainFile(dataDirectory: string): string {
  return join(dataDirectory, 'secrets.json');
}

function specFor(target: string, key: string): SecretSpec {
  const spec = UPLOAD_SECRETS.find((s) => s.target === target && s.key === key);
  if (!spec) throw new Error(`unknown upload secret ${target}.${key}; known: ${UPLOAD_SECRETS.map((s) => `${s.target}.${s.key}`).join(', ')}`);
  return spec;
}

export class KeychainSecrets {
  readonly #file: string;
  readonly #dataDir: string;
  readonly #cipher: SecretCipher;

  constructor(dataDirectory: string, cipher: SecretCipher) {
    this.#dataDir = dataDirectory;
    this.#file = keychainFile(dataDirectory);
    this.#cipher = cipher;
  }

  async #read(): Promise<SecretsFile> {
    try {
      const raw = JSON.parse(await readFile(this.#file, 'utf8')) as Partial<SecretsFile>;
      if (raw.format !== FORMAT || typeof raw.secrets !== 'object' || raw.secrets === null) return { format: FORMAT, secrets: {} };
      return { format: FORMAT, secrets: Object.fromEntries(Object.entries(raw.secrets).filter(([, v]) => typeof v === 'string')) };
    } catch {
      return { format: FORMAT, secrets: {} };
    }
  }

  /** Whether the OS can encrypt a secret now (the app says so before anyone types one). */
  available(): boolean {
    return this.#cipher.isAvailable();
  }

  /** Encrypts and stores one secret (`redmine`, `apiKey`); refuses when the keychain cannot encrypt. */
  async set(target: string, key: string, value: string): Promise<void> {
    const spec = specFor(target, key);
    if (!this.#cipher.isAvailable()) throw new KeychainUnavailableError();
    if (value.length === 0 || value.length > 8192) throw new Error(`${spec.label} must be 1–8192 characters`);
    const file = await this.#read();
    file.secrets[secretEnvName(spec)] = this.#cipher.encrypt(value).toString('base64');
    await mkdir(this.#dataDir, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.#file, `${JSON.stringify(file, null, 2)}\n`);
  }

  async remove(target: string, key: string): Promise<boolean> {
    const name = secretEnvName(specFor(target, key));
    const file = await this.#read();
    if (!(name in file.secrets)) return false;
    delete file.secrets[name];
    if (Object.keys(file.secrets).length === 0) await unlink(this.#file).catch(() => {});
    else await writeFileAtomic(this.#file, `${JSON.stringify(file, null, 2)}\n`);
    return true;
  }

  /** The names of the stored secrets (never their values). */
  async names(): Promise<string[]> {
    return Object.keys((await this.#read()).secrets).sort();
  }

  /**
   * The stored secrets as environment variables for the upload connectors. A value that no
   * longer decrypts (another user, a reset keychain) is left out, and named in `unreadable`.
   */
  async env(): Promise<{ env: Record<string, string>; unreadable: string[] }> {
    const env: Record<string, string> = {};
    const unreadable: string[] = [];
    if (!this.#cipher.isAvailable()) return { env, unreadable: await this.names() };
    for (const [name, data] of Object.entries((await this.#read()).secrets)) {
      try {
        env[name] = this.#cipher.decrypt(Buffer.from(data, 'base64'));
      } catch {
        unreadable.push(name);
      }
    }
    return { env, unreadable };
  }
}
