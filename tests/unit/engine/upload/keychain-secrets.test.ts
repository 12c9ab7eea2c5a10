/**
 * The app's upload secrets in the OS keychain (electron/engine/upload/keychain-secrets.ts), on
 * plain Node: the cipher stands in for Electron's safeStorage with real AES-256-GCM under a key
 * only this test holds, so "encrypted" is checked for real — the file never holds the value.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KeychainSecrets, KeychainUnavailableError, keychainFile } from '../../../../electron/engine/upload/keychain-secrets.js';
import { aesCipher } from '../../../helpers/aes-cipher.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'keychain-'));
  dirs.push(d);
  return d;
};

describe('KeychainSecrets', () => {
  it('stores only ciphertext (0600) and gives the secret back under its environment variable name', async () => {
    const dir = tempDir();
    const secret = `redmine-${randomBytes(8).toString('hex')}`;
    const store = new KeychainSecrets(dir, aesCipher());
    await store.set('redmine', 'apiKey', secret);
    const raw = readFileSync(keychainFile(dir), 'utf8');
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain(Buffer.from(secret).toString('base64'));
    expect(statSync(keychainFile(dir)).mode & 0o777).toBe(0o600);
    expect(await store.names()).toEqual(['DIAGCOLLECT_REDMINE_API_KEY']);
    expect(await store.env()).toEqual({ env: { DIAGCOLLECT_REDMINE_API_KEY: secret }, unreadable: [] });
    expect(await store.remove('redmine', 'apiKey')).toBe(true);
    expect(await store.env()).toEqual({ env: {}, unreadable: [] });
  });

  it('writes nothing when the keychain cannot encrypt (no plain-text fallback)', async () => {
    const dir = tempDir();
    const store = new KeychainSecrets(dir, aesCipher(randomBytes(32), false));
    await expect(store.set('rt', 'token', 'x')).rejects.toBeInstanceOf(KeychainUnavailableError);
    expect(() => statSync(keychainFile(dir))).toThrow();
  });

  it('leaves out, and names, a secret another key cannot decrypt', async () => {
    const dir = tempDir();
    await new KeychainSecrets(dir, aesCipher()).set('jira', 'token', 'abc');
    expect(await new KeychainSecrets(dir, aesCipher()).env()).toEqual({ env: {}, unreadable: ['DIAGCOLLECT_JIRA_TOKEN'] });
  });

  it('refuses a secret no connector reads, naming the known ones', async () => {
    await expect(new KeychainSecrets(tempDir(), aesCipher()).set('redmine', 'password', 'x')).rejects.toThrow(/unknown upload secret redmine\.password; known: redmine\.apiKey/);
  });
});
