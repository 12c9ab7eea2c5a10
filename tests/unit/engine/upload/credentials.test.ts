import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Secret, readSecret, secretEnvName } from '../../../../electron/engine/upload/credentials.js';
import { REDMINE_SECRET } from '../../../../electron/engine/upload/redmine.js';
import { RT_SECRET } from '../../../../electron/engine/upload/rt.js';

const dir = () => mkdtempSync(join(os.tmpdir(), 'creds-'));

describe('credentials', () => {
  it('names the environment variables DIAGCOLLECT_<TARGET>_<SECRET>', () => {
    expect(secretEnvName(REDMINE_SECRET)).toBe('DIAGCOLLECT_REDMINE_API_KEY');
    expect(secretEnvName(RT_SECRET)).toBe('DIAGCOLLECT_RT_TOKEN');
  });

  it('takes the environment first, then a private credentials file', async () => {
    const d = dir();
    writeFileSync(join(d, 'credentials.json'), JSON.stringify({ redmine: { apiKey: 'from-file-key' } }), { mode: 0o600 });
    expect((await readSecret(REDMINE_SECRET, { env: { DIAGCOLLECT_REDMINE_API_KEY: 'from-env-key' }, dataDir: d })).reveal()).toBe('from-env-key');
    expect((await readSecret(REDMINE_SECRET, { env: {}, dataDir: d })).reveal()).toBe('from-file-key');
  });

  it.skipIf(process.platform === 'win32')('refuses a credentials file that others can read, and says how to fix it', async () => {
    const d = dir();
    const file = join(d, 'credentials.json');
    writeFileSync(file, JSON.stringify({ rt: { token: 'tok-123456' } }));
    chmodSync(file, 0o644);
    const err = (await readSecret(RT_SECRET, { env: {}, dataDir: d }).catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ kind: 'config' });
    expect(err.message).toContain('mode 644');
    expect(err.message).toContain(`chmod 600 '${file}'`);
    expect(err.message).not.toContain('tok-123456');
    chmodSync(file, 0o640);
    await expect(readSecret(RT_SECRET, { env: {}, dataDir: d })).rejects.toThrow(/mode 640/);
    chmodSync(file, 0o600);
    expect((await readSecret(RT_SECRET, { env: {}, dataDir: d })).reveal()).toBe('tok-123456');
  });

  it('says where to put a missing secret; a broken file is not quoted back', async () => {
    const d = dir();
    await expect(readSecret(RT_SECRET, { env: {}, dataDir: d })).rejects.toThrow(/set DIAGCOLLECT_RT_TOKEN, or put \{"rt": \{"token": "…"\}\} into .*credentials\.json/);
    writeFileSync(join(d, 'credentials.json'), '{"rt": {"token": "half-secret', { mode: 0o600 });
    const err = (await readSecret(RT_SECRET, { env: {}, dataDir: d }).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('not valid JSON');
    expect(err.message).not.toContain('half-secret');
    writeFileSync(join(d, 'credentials.json'), JSON.stringify({ redmine: { apiKey: 'k' } }), { mode: 0o600 });
    await expect(readSecret(RT_SECRET, { env: {}, dataDir: d })).rejects.toThrow(/no auth token for rt in/);
  });

  it('a Secret never prints its value', () => {
    const s = new Secret('super-secret-value');
    expect(String(s)).toBe('[secret]');
    expect(JSON.stringify({ s })).toBe('{"s":"[secret]"}');
    expect(inspect({ s })).not.toContain('super-secret-value');
    expect(`${s}`).toBe('[secret]');
    expect(s.reveal()).toBe('super-secret-value');
  });
});
