import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../electron/cli/diagcollect.mjs', import.meta.url));

describe('leak check before upload (real CLI)', () => {
  it('blocks the upload when a redacted secret still stands in an unredacted entry, and --accept-leaks lets it through to the queue', () => {
    const root = mkdtempSync(join(os.tmpdir(), 'leak-cli-'));
    const logs = join(root, 'logs');
    mkdirSync(logs);
    writeFileSync(join(logs, 'app.log'), 'start\nsmtp_password=Sw0rdfish-4471\n');
    // A crash dump (binary: NUL bytes) holding the same password: binary is archived as it is.
    writeFileSync(join(logs, 'crash.log'), Buffer.concat([Buffer.alloc(64), Buffer.from('Sw0rdfish-4471'), Buffer.alloc(64)]));
    const policy = join(root, 'policy.json');
    writeFileSync(policy, JSON.stringify({ appLogPaths: [`${logs}/*.log`], upload: { target: 'redmine', redmine: { url: 'http://127.0.0.1:9' } } }));
    const data = join(root, 'data');
    const env = { ...process.env, DISPLAY: '', DIAGCOLLECT_DATA_DIR: data, DIAGCOLLECT_REDMINE_API_KEY: '0123456789abcdef0123456789abcdef01234567' };
    const run = (extra: string[]) => spawnSync(process.execPath, [BIN, 'collect', '--ticket', '42', '--policy', policy, '--only', 'app-logs', '--json', '--upload-wait', '0', ...extra], { encoding: 'utf8', env });

    const blocked = run([]);
    expect(blocked.status).toBe(4);
    const result = JSON.parse(blocked.stdout);
    expect(result.upload.state).toBe('blocked');
    expect(result.leaks).toEqual([expect.objectContaining({ entry: expect.stringContaining('crash.log'), masked: 'S********1' })]);
    expect(blocked.stdout).not.toContain('Sw0rdfish-4471');
    const jobs = join(data, 'outbox', '42', 'jobs');
    expect(existsSync(jobs) ? readdirSync(jobs) : []).toEqual([]);
    // The archive is kept locally either way.
    expect(existsSync(result.archive.path)).toBe(true);

    const accepted = run(['--accept-leaks']);
    const second = JSON.parse(accepted.stdout);
    expect(second.upload.state).not.toBe('blocked');
    expect(second.upload.jobId).toBeTruthy();
  });
});
