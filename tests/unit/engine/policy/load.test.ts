import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../../electron/engine/errors.js';
import { loadPolicyFile, parsePolicy } from '../../../../electron/engine/policy/load.js';

const dir = mkdtempSync(join(os.tmpdir(), 'policy-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('policy file', () => {
  it('fills defaults for a minimal policy', async () => {
    const policy = await loadPolicyFile(file('ok.json', '{"appLogPaths": ["~/app/*.log"], "deadlineSeconds": 30}'));
    expect(policy.appLogPaths).toEqual(['~/app/*.log']);
    expect(policy.deadlineSeconds).toBe(30);
    expect(policy.archiveLanguage).toBe('zh-CN');
    expect(policy.caps.fileBytes).toBe(20 * 1024 * 1024);
  });

  it('names every bad key, its source and the reason', async () => {
    const p = file('bad.json', JSON.stringify({ deadlineSecs: 5, caps: { fileBytes: 'big' }, since: 'yesterday' }));
    const err = await loadPolicyFile(p).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const msg = (err as Error).message;
    expect(msg).toContain(p);
    expect(msg).toContain('"deadlineSecs"');
    expect(msg).toContain('caps.fileBytes');
    expect(msg).toContain('since must look like 90m, 24h or 7d');
  });

  it('explains unreadable and malformed files', async () => {
    await expect(loadPolicyFile(join(dir, 'missing.json'))).rejects.toThrow(/does not exist/);
    await expect(loadPolicyFile(dir)).rejects.toThrow(/directory/);
    await expect(loadPolicyFile(file('broken.json', '{'))).rejects.toThrow(/not valid JSON/);
  });

  it('refuses a template without the ticket or with a path separator', () => {
    expect(() => parsePolicy({ archiveNameTemplate: '{host}.zip' }, 'x')).toThrow(/must contain \{ticket\}/);
    expect(() => parsePolicy({ archiveNameTemplate: '../{ticket}' }, 'x')).toThrow(/path separator/);
  });
});
