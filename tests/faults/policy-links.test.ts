/**
 * Fault suite (issue 13, items 6 and 7): the real CLI (`node electron/cli/diagcollect.mjs`) as a
 * separate process, against real files, links and FIFOs in a temp folder, with its own data dir.
 * - links never widen what is read: a link to /etc/shadow or out of the policy's folders is not
 *   archived and the manifest says why; a link inside them is; this tool's own data (redaction
 *   maps, credentials) is never archived even when a policy glob covers it; nor are SSH or GPG
 *   keys; a FIFO among the logs is skipped with the reason, never waited on;
 * - policy errors are errors: a FIFO, a 10 MB policy, an invalid pattern, a path that escapes
 *   once expanded, a root-wide glob → exit 2 naming the file and the key, nothing collected;
 * - an IT pattern with catastrophic backtracking on V8, `(a+)+$`, runs in linear time;
 * - ticket ids Windows cannot use as a folder name → exit 2.
 * Timeouts here only guard against a hang; no test measures speed.
 */
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readZip } from '../helpers/zip.js';

const BIN = fileURLToPath(new URL('../../electron/cli/diagcollect.mjs', import.meta.url));
/** Generous (the machine may be loaded): a run that needs longer than this has hung. */
const HANG_GUARD_MS = 120_000;
/** A test makes at most two runs. */
const TEST_GUARD = { timeout: 2 * HANG_GUARD_MS + 10_000 };

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(os.tmpdir(), 'fault-policy-links-'));
  temps.push(dir);
  return dir;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; kills it (and fails) if it outlives the hang guard. */
function cli(args: string[], env: NodeJS.ProcessEnv, guardMs = HANG_GUARD_MS): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`diagcollect ${args.join(' ')} hung for ${guardMs} ms\n${stderr}`));
    }, guardMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** A fresh data dir (never the user's) and the arguments of a small collection. */
function collectArgs(root: string, policyFile: string, ticket = '12345'): string[] {
  return ['collect', '--ticket', ticket, '--no-screenshot', '--only', 'app-logs,config', '--policy', policyFile, '--out', join(root, 'out'), '--json'];
}

function writePolicy(root: string, policy: unknown, name = 'policy.json'): string {
  const file = join(root, name);
  writeFileSync(file, typeof policy === 'string' ? policy : JSON.stringify(policy));
  return file;
}

/** Exit 2, the message names the policy file and `mentions`, and no archive was written. */
async function expectRefused(root: string, policyFile: string, mentions: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const run = await cli(collectArgs(root, policyFile), { DIAGCOLLECT_DATA_DIR: join(root, 'data'), ...env });
  expect(run.code, run.stderr + run.stdout).toBe(2);
  const message = run.stdout + run.stderr;
  expect(message).toContain(policyFile);
  for (const m of mentions) expect(message).toContain(m);
  expect(existsSync(join(root, 'out')) ? readdirSync(join(root, 'out')).filter((f) => f.endsWith('.zip')) : []).toEqual([]);
  return run;
}

describe('links never widen what is read (real CLI, real links)', TEST_GUARD, () => {
  it("archives links inside the policy's folders, never a link to /etc/shadow, out of them, or to its own data", async () => {
    const root = tempDir();
    const logs = join(root, 'logs');
    const outside = join(root, 'outside');
    const data = join(root, 'data');
    mkdirSync(logs);
    mkdirSync(outside);
    mkdirSync(join(data, 'redaction-maps'), { recursive: true });
    const aaa = `${'a'.repeat(35)}!`;
    writeFileSync(join(logs, 'app.log'), `service started\n${aaa}\n`);
    writeFileSync(join(outside, 'private.txt'), 'OUTSIDE-ROOTS-MARKER\n');
    // An earlier run's redaction map and the upload credentials: plaintext values.
    writeFileSync(join(data, 'redaction-maps', 'old.json'), '{"placeholders":{"<EMAIL-1>":"MAP-MARKER@example.com"}}\n');
    writeFileSync(join(data, 'credentials.json'), '{"redmine":{"apiKey":"CREDENTIALS-MARKER"}}\n', { mode: 0o600 });
    symlinkSync(join(logs, 'app.log'), join(logs, 'current.log'));
    symlinkSync('/etc/shadow', join(logs, 'shadow.log'));
    symlinkSync(join(outside, 'private.txt'), join(logs, 'outside.log'));
    symlinkSync(join(data, 'redaction-maps', 'old.json'), join(logs, 'map.log'));
    const policy = writePolicy(root, {
      appLogPaths: [join(logs, '*.log')],
      // A glob that covers this tool's own data folder.
      configPaths: [join(data, '**')],
      // Exponential on a backtracking engine: (a+)+$ over 35 a's and a "!" took 82 s before.
      // Anchored at the line start so it hides nothing else here (paths ending in "a").
      redaction: { extraRules: [{ id: 'nested', pattern: '^(a+)+$' }] },
    });

    const run = await cli(collectArgs(root, policy), { DIAGCOLLECT_DATA_DIR: data });
    expect([0, 3], run.stderr).toContain(run.code);
    const result = JSON.parse(run.stdout) as { archive: { path: string } };
    const entries = await readZip(result.archive.path);
    const names = entries.map((e) => e.name);
    expect(names.some((n) => n.endsWith('/app.log'))).toBe(true);
    expect(names.some((n) => n.endsWith('/current.log'))).toBe(true);
    expect(names.filter((n) => /shadow|outside|map\.log|old\.json|credentials/.test(n))).toEqual([]);
    const all = Buffer.concat(entries.map((e) => e.data)).toString('utf8');
    expect(all).not.toContain('OUTSIDE-ROOTS-MARKER');
    expect(all).not.toContain('MAP-MARKER');
    expect(all).not.toContain('CREDENTIALS-MARKER');
    expect(all).not.toMatch(/^root:[^:\n]*:\d+:/m);

    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as { skipped: Array<{ source: string; reason: string }> };
    const reason = (source: string) => manifest.skipped.find((s) => s.source === source)?.reason;
    expect(reason(join(logs, 'shadow.log'))).toMatch(/\/etc\/shadow.*password or key store|no read permission/);
    expect(reason(join(logs, 'outside.log'))).toContain('outside the folders the policy names');
    expect(reason(join(logs, 'map.log'))).toContain("diagcollect's own data");
    // The glob over the data folder: the folder is not even searched (one reason for all of it).
    expect(reason(data)).toContain("diagcollect's own data");
  });
});

describe('special files and secret stores inside the configured folders (real CLI)', TEST_GUARD, () => {
  it.skipIf(process.platform === 'win32')('a FIFO among the app logs is skipped with the reason, not waited on; SSH and GPG keys under a configured folder are never archived', async () => {
    const root = tempDir();
    const logs = join(root, 'logs');
    mkdirSync(join(logs, '.ssh'), { recursive: true });
    mkdirSync(join(logs, '.gnupg'));
    writeFileSync(join(logs, 'app.log'), 'service started\n');
    execFileSync('mkfifo', [join(logs, 'pipe.log')]);
    writeFileSync(join(logs, '.ssh', 'id_ed25519'), '-----BEGIN OPENSSH PRIVATE KEY-----\nSSH-KEY-MARKER\n', { mode: 0o600 });
    writeFileSync(join(logs, '.gnupg', 'secring.gpg'), 'GPG-KEY-MARKER\n', { mode: 0o600 });
    const policy = writePolicy(root, { appLogPaths: [join(logs, '*.log')], configPaths: [join(logs, '**')] });

    const run = await cli(collectArgs(root, policy), { DIAGCOLLECT_DATA_DIR: join(root, 'data') });
    expect([0, 3], run.stderr).toContain(run.code);
    expect(run.signal).toBeNull();
    const entries = await readZip((JSON.parse(run.stdout) as { archive: { path: string } }).archive.path);
    expect(entries.some((e) => e.name.endsWith('/app.log'))).toBe(true);
    expect(entries.filter((e) => /pipe\.log|id_ed25519|secring/.test(e.name)).map((e) => e.name)).toEqual([]);
    const all = Buffer.concat(entries.map((e) => e.data)).toString('utf8');
    expect(all).not.toContain('SSH-KEY-MARKER');
    expect(all).not.toContain('GPG-KEY-MARKER');
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as { skipped: Array<{ source: string; reason: string }> };
    expect(manifest.skipped.find((s) => s.source === join(logs, 'pipe.log'))?.reason).toContain('FIFO');
  });
});

describe('policy errors are errors: exit 2 naming the file and the key (real CLI)', TEST_GUARD, () => {
  it.skipIf(process.platform === 'win32')('a FIFO as --policy is refused at once, not waited on', async () => {
    const root = tempDir();
    const fifo = join(root, 'policy.json');
    execFileSync('mkfifo', [fifo]);
    const run = await expectRefused(root, fifo, ['FIFO (named pipe)']);
    expect(run.signal).toBeNull();
  });

  it('a 10 MB policy with valid keys is refused, not "ignored; default applies"', async () => {
    const root = tempDir();
    const policy = writePolicy(root, JSON.stringify({ deadlineSeconds: 30 }) + ' '.repeat(10 * 1024 * 1024));
    await expectRefused(root, policy, ['a policy is at most 1048576 bytes']);
  });

  it('an invalid pattern in an IT redaction rule is refused, not dropped', async () => {
    const root = tempDir();
    await expectRefused(root, writePolicy(root, { redaction: { extraRules: [{ id: 'employee-id', pattern: 'EMP-(\\d+' }] } }), ['redaction.extraRules.0', 'invalid pattern']);
    await expectRefused(root, writePolicy(root, { redaction: { extraRules: [{ id: 'employee-id', pattern: '(EMP)-\\1' }] } }, 'backref.json'), ['redaction.extraRules.0', 'backreference']);
  });

  it('a path that escapes with ".." — written, or only once a variable is expanded — is refused', async () => {
    const root = tempDir();
    await expectRefused(root, writePolicy(root, { appLogPaths: ['$HOME/../../etc/shadow'] }), ['appLogPaths.0', '..']);
    await expectRefused(root, writePolicy(root, { appLogPaths: ['$LOGDIR/shadow'] }, 'var.json'), ['appLogPaths.0', 'once expanded'], { LOGDIR: '/var/log/../../etc' });
  });

  it('a key written twice is refused in zh-CN and en, naming the file, the key and both lines (JSON.parse would keep the last)', async () => {
    const root = tempDir();
    const policy = writePolicy(root, '{\n  "upload": {\n    "target": "redmine",\n    "target": "outbox"\n  },\n  "deadlineSeconds": 30\n}\n');
    const en = await expectRefused(root, policy, ['upload.target', 'written twice', 'lines 3 and 4'], { LANG: 'en_US.UTF-8', LC_ALL: '' });
    expect(en.stdout + en.stderr).not.toContain('写了两次');
    const zh = await cli([...collectArgs(root, policy).filter((a) => a !== '--json'), '--lang', 'zh-CN'], { DIAGCOLLECT_DATA_DIR: join(root, 'data') });
    expect(zh.code, zh.stderr).toBe(2);
    expect(zh.stderr).toContain(policy);
    expect(zh.stderr).toContain('upload.target');
    expect(zh.stderr).toContain('写了两次（第 3, 4 行）');
  });

  it.each([['/**/*'], ['~/**']])('the root-wide glob %s is refused', async (glob) => {
    const root = tempDir();
    await expectRefused(root, writePolicy(root, { appLogPaths: [glob] }), ['appLogPaths.0']);
  });
});

describe('ticket ids Windows cannot use as a folder name (real CLI)', TEST_GUARD, () => {
  it.each(['CON', 'com1.txt', 'abc.'])('refuses %s with exit 2 and a clear message', async (ticket) => {
    const root = tempDir();
    const policy = writePolicy(root, {});
    const run = await cli(collectArgs(root, policy, ticket), { DIAGCOLLECT_DATA_DIR: join(root, 'data') });
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toMatch(/Windows/);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });
});
