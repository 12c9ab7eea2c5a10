import { execFileSync } from 'node:child_process';
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
    await expect(loadPolicyFile(dir)).rejects.toThrow(/is a folder, not a JSON file/);
    await expect(loadPolicyFile(file('broken.json', '{'))).rejects.toThrow(/not valid JSON/);
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = join(mkdtempSync(join(os.tmpdir(), 'policy-fifo-')), 'policy.json');
    execFileSync('mkfifo', [fifo]);
    const err = await loadPolicyFile(fifo).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain(fifo);
    expect((err as Error).message).toContain('FIFO (named pipe)');
  });

  it('refuses a policy over 1 MiB even when every key is valid', async () => {
    const big = file('big.json', JSON.stringify({ deadlineSeconds: 30 }) + ' '.repeat(2 * 1024 * 1024));
    await expect(loadPolicyFile(big)).rejects.toThrow(/a policy is at most 1048576 bytes/);
  });

  it.each([
    [{ redaction: { extraRules: [{ id: 'emp', pattern: '(' }] } }, 'redaction.extraRules.0', 'invalid pattern'],
    [{ redaction: { extraRules: [{ id: 'emp', pattern: '(a)\\1' }] } }, 'redaction.extraRules.0', 'backreference'],
    [{ redaction: { extraRules: [{ id: 'emp', pattern: 'x(?=y)' }] } }, 'redaction.extraRules.0', '(?<secret>…)'],
    [{ redaction: { allow: ['(?<!a)b'] } }, 'redaction.allow.0', 'lookahead or lookbehind'],
    [{ appLogPaths: ['$LOGDIR/shadow'] }, 'appLogPaths.0', 'climbs out of a folder with ".."'],
    [{ configPaths: ['$HOME/**'] }, 'configPaths.0', 'whole home folder'],
    [{ appLogPaths: ['/**/*'] }, 'appLogPaths.0', 'root-wide'],
    [{ appLogPaths: ['$TOP/**/*.log'] }, 'appLogPaths.0', 'top-level folder'],
  ])('refuses %j naming %s (exit 2, never dropped)', async (policy, key, why) => {
    const p = file(`refused-${key}.json`, JSON.stringify(policy));
    const err = await loadPolicyFile(p, { HOME: '/home/alice', LOGDIR: '/var/log/../../etc', TOP: '/var' }, 'linux').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain(p);
    expect((err as Error).message).toContain(key);
    expect((err as Error).message).toContain(why);
  });

  it('accepts narrow paths and linear-time patterns', async () => {
    const p = file('fine.json', JSON.stringify({ appLogPaths: ['~/.myapp/logs/**', '~/*.log', '/var/log/myapp/**/*.log', '$LOGDIR/*.log'], redaction: { extraRules: [{ id: 'emp', pattern: 'EMP-(?<secret>\\d+)' }], allow: ['EMP-0+'] } }));
    const policy = await loadPolicyFile(p, { HOME: '/home/alice', LOGDIR: '/var/log/myapp' }, 'linux');
    expect(policy.appLogPaths).toHaveLength(4);
  });

  it('refuses a template without the ticket or with a path separator', () => {
    expect(() => parsePolicy({ archiveNameTemplate: '{host}.zip' }, 'x')).toThrow(/must contain \{ticket\}/);
    expect(() => parsePolicy({ archiveNameTemplate: '../{ticket}' }, 'x')).toThrow(/path separator/);
  });
});
