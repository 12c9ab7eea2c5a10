/**
 * The mend step through the real CLI with a ticket system set (issue 14): a name written bare in
 * a log before the log that names it no longer blocks the upload; a binary entry holding it
 * still does, and the summary says why.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readZip } from '../helpers/zip.js';

const BIN = fileURLToPath(new URL('../../electron/cli/diagcollect.mjs', import.meta.url));

function setup(extra: Record<string, string | Buffer> = {}) {
  const root = mkdtempSync(join(os.tmpdir(), 'mend-cli-'));
  const logs = join(root, 'logs');
  mkdirSync(logs);
  // One file, named after its first lines: the order is the file's, not which of two files the
  // collector happened to write first (two files made the text run's mend depend on timing).
  writeFileSync(join(logs, 'a-chat.log'), '09:12:44 IT 服务台 ↔ 龚雅婷\n09:13:02 upload cert\\luoxiaotong.p12\n09:14:10 姓名：龚雅婷\n09:14:11 UserName=luoxiaotong\n');
  for (const [name, data] of Object.entries(extra)) writeFileSync(join(logs, name), data);
  const policy = join(root, 'policy.json');
  // A ticket system that is down: an upload that is not blocked is queued in the outbox.
  writeFileSync(policy, JSON.stringify({ appLogPaths: [`${logs}/*.log`], upload: { target: 'redmine', redmine: { url: 'http://127.0.0.1:9' } } }));
  const env = { ...process.env, DISPLAY: '', DIAGCOLLECT_DATA_DIR: join(root, 'data'), DIAGCOLLECT_REDMINE_API_KEY: '0123456789abcdef0123456789abcdef01234567' };
  return (args: string[]) => spawnSync(process.execPath, [BIN, 'collect', '--ticket', '42', '--policy', policy, '--only', 'app-logs', '--upload-wait', '0', '--lang', 'en', ...args], { encoding: 'utf8', env });
}

describe('the mend step (real CLI)', () => {
  it('mends the log written before the name was learned: no clear value in the archive, the upload is not blocked, and the summary says what was mended', async () => {
    const run = setup();
    const json = run(['--json']);
    const result = JSON.parse(json.stdout);
    expect(result.leakCheck).toEqual({ state: 'clean', blocked: false, accepted: false });
    expect(result.upload.state).not.toBe('blocked');
    expect(result.upload.jobId).toBeTruthy();
    expect(result.mended).toEqual([expect.stringContaining('a-chat.log')]);
    for (const e of await readZip(result.archive.path)) expect({ entry: e.name, clear: /龚雅婷|luoxiaotong/.test(e.data.toString('utf8')) }).toEqual({ entry: e.name, clear: false });

    const text = run([]);
    expect(text.stdout).toMatch(/Mended:\s+1 entry was redacted again once the archive was complete .*a-chat\.log/);
  });

  it('a binary log holding the name is not rewritten: the upload is blocked, and the summary says why', () => {
    const run = setup({ 'c-dump.log': Buffer.concat([Buffer.alloc(64), Buffer.from('龚雅婷', 'utf8'), Buffer.alloc(64)]) });
    const result = JSON.parse(run(['--json']).stdout);
    expect(result.upload.state).toBe('blocked');
    expect(result.notMended).toEqual({ code: 'binary', entry: expect.stringContaining('c-dump.log') });
    expect(result.mended).toBeUndefined();
    const text = run([]);
    expect(text.stdout).toMatch(/Mended:\s+\S*c-dump\.log is a binary entry, which is never rewritten/);
  });

  it('a secret repeated bare on a dated line: the log, the timeline and its page are all mended, so nothing is left for the user to check', async () => {
    const run = setup({ 'b-app.log': '2026-12-05 08:01:02 [INFO] connecting as svc with password=Zx81!qqPw\n2026-12-05 08:01:03 [WARN] retry: server said Zx81!qqPw is expired\n' });
    const result = JSON.parse(run(['--json']).stdout);
    expect(result.notMended).toBeUndefined();
    expect(result.leakCheck).toEqual({ state: 'clean', blocked: false, accepted: false });
    expect(result.mended).toEqual(expect.arrayContaining([expect.stringContaining('b-app.log')]));
    const entries = await readZip(result.archive.path);
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['timeline.json']));
    for (const e of entries) expect({ entry: e.name, clear: e.data.toString('utf8').includes('Zx81!qqPw') }).toEqual({ entry: e.name, clear: false });
    expect(entries.find((e) => e.name === 'timeline.json')!.data.toString('utf8')).toContain('server said <SECRET-1> is expired');
  });
});
