/**
 * Uploads to a real Redmine 5.0 (Debian package, tests/servers/start-redmine.sh) through our
 * connector, the durable outbox and the real CLI; faults come from a fault-injecting proxy on
 * 127.0.0.1 in front of that same Redmine. Every case ends by counting the attachments on the
 * issue and hashing what Redmine gives back.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../electron/engine/upload/credentials.js';
import { Outbox, type UploadJob } from '../../electron/engine/upload/outbox.js';
import { RedmineConnector } from '../../electron/engine/upload/redmine.js';
import type { ArchiveFile } from '../../electron/engine/upload/types.js';
import { ensureRedmine, REPO_ROOT, type RedmineEnv } from '../servers/servers.js';
import { freePort, startFaultProxy, type FaultProxy } from './helpers/fault-proxy.js';
import { RedmineApi, randomFile } from './helpers/ticket-apis.js';

const BIN = join(REPO_ROOT, 'electron/cli/diagcollect.mjs');
const MB = 1024 * 1024;
const FAST = { baseMs: 200, maxMs: 1_000 };

let env: RedmineEnv;
let api: RedmineApi;
let work: string;

const archiveName = (ticket: string, tag: string) => `${ticket}_诊断信息_20261124-0930_pc-${tag}.zip`;

async function makeArchive(ticket: string, tag: string, bytes: number): Promise<ArchiveFile> {
  const name = archiveName(ticket, tag);
  const path = join(work, name);
  const sha256 = await randomFile(path, bytes);
  return { path, name, size: bytes, sha256 };
}

function connector(url = env.REDMINE_URL, key = env.REDMINE_API_KEY) {
  return RedmineConnector.create({ url, apiKey: new Secret(key) });
}

/** Exactly one attachment with this name on the issue, and its bytes are the archive's. */
async function expectExactlyOnce(issue: string, archive: ArchiveFile) {
  const all = await api.attachments(issue);
  const same = all.filter((a) => a.filename === archive.name);
  expect(same).toHaveLength(1);
  const dl = await api.download(same[0]!.id);
  expect(dl.sha256).toBe(archive.sha256);
  expect(dl.size).toBe(archive.size);
  expect(dl.dispositionName).toBe(archive.name);
}

function cliEnv(dataDir: string, key = env.REDMINE_API_KEY): NodeJS.ProcessEnv {
  return { ...process.env, DISPLAY: '', DIAGCOLLECT_DATA_DIR: dataDir, DIAGCOLLECT_REDMINE_API_KEY: key };
}

function cli(args: string[], childEnv: NodeJS.ProcessEnv) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: childEnv, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Like cli(), without blocking this process (needed while a proxy in this process serves the child). */
function cliAsync(args: string[], childEnv: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function policyFile(url: string, extra: Record<string, unknown> = {}): string {
  const p = join(mkdtempSync(join(work, 'policy-')), 'policy.json');
  writeFileSync(p, JSON.stringify({ upload: { target: 'redmine', redmine: { url, project: env.REDMINE_PROJECT }, ...extra } }));
  return p;
}

/** Every file under a folder, as text (job files, locks, drafts…), to look for a leaked key. */
function allText(dir: string): string {
  let out = '';
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && !e.name.endsWith('.zip') && !e.name.endsWith('.eml')) out += readFileSync(join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

beforeAll(async () => {
  env = await ensureRedmine();
  api = new RedmineApi(env);
  work = mkdtempSync(join(os.tmpdir(), 'upload-redmine-'));
}, 600_000);

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await api?.deleteCreated();
});

describe('Redmine connector against a real Redmine 5.0', () => {
  it('uploads a Chinese-named archive; downloaded back it has the same sha256 and name', async () => {
    const issue = await api.createIssue('【技术支持】上传测试');
    const archive = await makeArchive(issue, 'a', 3 * MB + 17);
    const c = await connector();
    try {
      expect(await c.validateTicket(issue)).toEqual({ title: '【技术支持】上传测试' });
      expect(await c.findAttachment(issue, archive.name, archive.sha256)).toBeNull();
      const seen: number[] = [];
      const ref = await c.attach(issue, archive, { comment: '诊断信息', onProgress: (sent) => seen.push(sent) });
      expect(ref).toMatchObject({ name: archive.name, size: archive.size });
      expect(seen.at(-1)).toBe(archive.size);
      await expectExactlyOnce(issue, archive);
      // findAttachment matches name + sha256, and not a different checksum
      expect((await c.findAttachment(issue, archive.name, archive.sha256))?.id).toBe(ref.id);
      expect(await c.findAttachment(issue, archive.name, 'f'.repeat(64))).toBeNull();
    } finally {
      await c.close();
    }
  });

  it('finds an attachment by downloading and hashing it when it lacks our description marker', async () => {
    const issue = await api.createIssue();
    const archive = await makeArchive(issue, 'curl', 200_000);
    // attached by someone else (plain curl-like client, no description)
    const up = await fetch(`${env.REDMINE_URL}/uploads.json?filename=${encodeURIComponent(archive.name)}`, {
      method: 'POST',
      headers: { 'X-Redmine-API-Key': env.REDMINE_API_KEY, 'Content-Type': 'application/octet-stream' },
      body: readFileSync(archive.path),
    });
    const token = ((await up.json()) as { upload: { token: string } }).upload.token;
    const put = await fetch(`${env.REDMINE_URL}/issues/${issue}.json`, {
      method: 'PUT',
      headers: { 'X-Redmine-API-Key': env.REDMINE_API_KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify({ issue: { uploads: [{ token, filename: archive.name }] } }),
    });
    expect(put.status).toBe(204);
    const c = await connector();
    try {
      expect(await c.findAttachment(issue, archive.name, archive.sha256)).not.toBeNull();
      expect(await c.findAttachment(issue, archive.name, 'a'.repeat(64))).toBeNull();
    } finally {
      await c.close();
    }
  });

  it('refuses a missing issue, a non-numeric id and a wrong API key with messages that say what to do', async () => {
    const c = await connector();
    const bad = await connector(env.REDMINE_URL, 'wrong-key-0000');
    try {
      await expect(c.validateTicket('99999999')).rejects.toMatchObject({ kind: 'not-found', message: expect.stringContaining('check the ticket number') });
      await expect(c.validateTicket('SUP-1')).rejects.toMatchObject({ kind: 'not-found' });
      // Redmine reads a public project anonymously with an unknown key: we must still say 401
      const issue = await api.createIssue();
      await expect(bad.validateTicket(issue)).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('DIAGCOLLECT_REDMINE_API_KEY') });
    } finally {
      await c.close();
      await bad.close();
    }
  });

  it('reports the real size limit (HTTP 422) as too large, with the limit and what to do', async () => {
    const issue = await api.createIssue();
    const archive = await makeArchive(issue, 'huge', 200 * MB + 1);
    const c = await connector();
    try {
      const err = await c.attach(issue, archive).catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: 'too-large', status: 422 });
      expect((err as Error).message).toContain('its limit is 200.0 MB');
      expect((err as Error).message).toContain('Maximum attachment size');
      expect(c.maxBytes).toBe(200 * MB);
      expect(await api.attachments(issue)).toHaveLength(0);
    } finally {
      await c.close();
      rmSync(archive.path, { force: true });
    }
  }, 120_000);
});

describe('outbox → Redmine: exactly once, retries and faults', () => {
  let proxy: FaultProxy;
  beforeAll(async () => {
    proxy = await startFaultProxy(env.REDMINE_URL);
  });
  afterAll(async () => {
    await proxy.close();
  });

  async function job(issue: string, archive: ArchiveFile, dataDir: string, url = proxy.url): Promise<{ outbox: Outbox; job: UploadJob }> {
    const outbox = new Outbox({ dataDir, backoff: FAST });
    return { outbox, job: await outbox.enqueue({ ticket: issue, destination: { target: 'redmine', url }, archive, comment: 'test' }) };
  }

  it('a job re-run after success (state lost by a crash) finds the attachment and does not send it again', async () => {
    const issue = await api.createIssue();
    const archive = await makeArchive(issue, 'once', 1 * MB);
    const dataDir = mkdtempSync(join(work, 'data-'));
    const { outbox, job: queued } = await job(issue, archive, dataDir, env.REDMINE_URL);
    const c = await connector();
    try {
      const done = await outbox.run(queued.id, { connector: c });
      expect(done).toMatchObject({ state: 'done', attempts: 1, result: { alreadyPresent: false } });
      // the same archive queued again is the same job
      expect((await outbox.enqueue({ ticket: issue, destination: { target: 'redmine', url: env.REDMINE_URL }, archive })).id).toBe(queued.id);
      // simulate a crash after the upload but before "done" reached the disk
      const path = join(dataDir, 'outbox', issue, 'jobs', `${queued.id}.json`);
      writeFileSync(path, JSON.stringify({ ...done, state: 'uploading', result: undefined }));
      const again = await outbox.run(queued.id, { connector: c });
      expect(again).toMatchObject({ state: 'done', attempts: 2, result: { alreadyPresent: true, id: done.result!.id } });
      await expectExactlyOnce(issue, archive);
    } finally {
      await c.close();
    }
  });

  it('HTTP 500, then success: retried with backoff, one attachment', async () => {
    const issue = await api.createIssue();
    const archive = await makeArchive(issue, 's500', 2 * MB);
    const { outbox, job: queued } = await job(issue, archive, mkdtempSync(join(work, 'data-')));
    proxy.faults.push({ method: 'POST', path: /^\/uploads\.json/, kind: 'status', status: 500 });
    const c = await connector(proxy.url);
    const events: string[] = [];
    try {
      const done = await outbox.run(queued.id, { connector: c, waitBudgetMs: 300_000, onEvent: (e) => events.push(e.type) });
      expect(done).toMatchObject({ state: 'done', attempts: 2 });
      expect(events).toEqual(['attempt', 'retry-scheduled', 'attempt', 'done']);
      expect(done.history.map((h) => h.event)).toContain('retry scheduled');
      await expectExactlyOnce(issue, archive);
    } finally {
      await c.close();
    }
  });

  it('HTTP 429 with Retry-After (seconds, then an HTTP-date): waits as asked, one attachment', async () => {
    const issue = await api.createIssue();
    const archive = await makeArchive(issue, 's429', 1 * MB);
    const { outbox, job: queued } = await job(issue, archive, mkdtempSync(join(work, 'data-')));
    const from = proxy.log.length;
    proxy.faults.push({ method: 'POST', path: /^\/uploads\.json/, kind: 'status', status: 429, headers: { 'Retry-After': '2' } });
    const retryDate = new Date(Date.now() + 4_000).toUTCString();
    proxy.faults.push({ method: 'POST', path: /^\/uploads\.json/, kind: 'status', status: 429, headers: { 'Retry-After': retryDate } });
    const c = await connector(proxy.url);
    try {
      const done = await outbox.run(queued.id, { connector: c, waitBudgetMs: 300_000 });
      expect(done).toMatchObject({ state: 'done', attempts: 3 });
      const posts = proxy.log.slice(from).filter((l) => l.method === 'POST');
      expect(posts.map((p) => p.status)).toEqual([429, 429, 201]);
      expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(1_900); // Retry-After: 2 (backoff alone would be ≤ 200 ms)
      // The third attempt waits until the HTTP-date asked (1 s resolution), counted from that date, not
      // from the first attempt: on a busy machine the first attempt itself can come a second late.
      expect(posts[2]!.at).toBeGreaterThanOrEqual(Date.parse(retryDate) - 5); // a timer may fire a millisecond early
      await expectExactlyOnce(issue, archive);
    } finally {
      await c.close();
    }
  });

  it('the connection closed mid-upload: retried, one attachment', async () => {
    const issue = await api.createIssue();
    const archive = await makeArchive(issue, 'cut', 8 * MB);
    const { outbox, job: queued } = await job(issue, archive, mkdtempSync(join(work, 'data-')));
    proxy.faults.push({ method: 'POST', path: /^\/uploads\.json/, kind: 'close-mid-body', bytes: 3 * MB });
    const c = await connector(proxy.url);
    try {
      const done = await outbox.run(queued.id, { connector: c, waitBudgetMs: 300_000 });
      expect(done).toMatchObject({ state: 'done', attempts: 2 });
      expect(done.history.find((h) => h.event === 'retry scheduled')?.detail).toMatch(/closed|reset|EPIPE|socket/i);
      await expectExactlyOnce(issue, archive);
    } finally {
      await c.close();
    }
  });

  it('the answer to the attach request is lost after Redmine attached it: the retry finds it, no second upload', async () => {
    const issue = await api.createIssue();
    const archive = await makeArchive(issue, 'lost', 1 * MB);
    // no comment: no triage note, so the first PUT of the issue is the attach (upload-triage.test.ts covers a lost triage note)
    const outbox = new Outbox({ dataDir: mkdtempSync(join(work, 'data-')), backoff: FAST });
    const queued = await outbox.enqueue({ ticket: issue, destination: { target: 'redmine', url: proxy.url }, archive });
    const from = proxy.log.length;
    proxy.faults.push({ method: 'PUT', path: new RegExp(`^/issues/${issue}\\.json`), kind: 'lose-answer', status: 502 });
    const c = await connector(proxy.url);
    try {
      const done = await outbox.run(queued.id, { connector: c, waitBudgetMs: 300_000 });
      expect(done).toMatchObject({ state: 'done', attempts: 2, result: { alreadyPresent: true } });
      expect(proxy.log.slice(from).filter((l) => l.method === 'POST' && l.path.startsWith('/uploads.json'))).toHaveLength(1);
      await expectExactlyOnce(issue, archive);
    } finally {
      await c.close();
    }
  });

  it('401: fails at once, is not retried, and says to check the API key', async () => {
    const issue = await api.createIssue();
    const archive = await makeArchive(issue, 'k401', 100_000);
    const { outbox, job: queued } = await job(issue, archive, mkdtempSync(join(work, 'data-')), env.REDMINE_URL);
    const c = await connector(env.REDMINE_URL, 'not-the-key-123456');
    try {
      const failed = await outbox.run(queued.id, { connector: c, waitBudgetMs: 300_000 });
      expect(failed).toMatchObject({ state: 'failed', attempts: 1, lastError: { kind: 'auth', status: 401 } });
      expect(failed.lastError?.message).toContain('check the API key');
      expect(failed.lastError?.message).not.toContain('not-the-key-123456');
      expect(existsSync(archive.path)).toBe(true); // a failed upload keeps the archive
      expect(await api.attachments(issue)).toHaveLength(0);
    } finally {
      await c.close();
    }
  });
});

describe('diagcollect CLI → Redmine (real processes)', () => {
  it('collect --upload redmine --json: validates the ticket, uploads, reports the attachment; the key appears nowhere', async () => {
    const issue = await api.createIssue('【技术支持】CLI 上传');
    const dataDir = mkdtempSync(join(work, 'cli-'));
    const r = cli(['collect', '--ticket', issue, '--only', 'versions', '--no-screenshot', '--upload', 'redmine', '--policy', policyFile(env.REDMINE_URL, { target: 'outbox' }), '--json'], cliEnv(dataDir));
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.upload).toMatchObject({ target: 'redmine', ticket: issue, title: '【技术支持】CLI 上传', state: 'done', name: out.archive.name, size: out.archive.bytes, sha256: out.archive.sha256 });
    expect(out.upload.attachmentId).toMatch(/^\d+$/);
    expect(out.upload.jobId).toBeTruthy();
    expect(out.archive.name).toMatch(new RegExp(`^${issue}_诊断信息_\\d{8}-\\d{4}_.+\\.zip$`));
    await expectExactlyOnce(issue, { path: out.archive.path, name: out.archive.name, size: out.archive.bytes, sha256: out.archive.sha256 });
    const inArchive = spawnSync('unzip', ['-p', out.archive.path], { encoding: 'utf8', maxBuffer: 64 * MB });
    expect(inArchive.status).toBe(0);
    expect(inArchive.stdout).toContain('diagcollect'); // the archive was read (manifest, versions)
    for (const text of [r.stdout, r.stderr, allText(dataDir), inArchive.stdout]) expect(text).not.toContain(env.REDMINE_API_KEY);
    // human output: title before collecting, outcome after
    const human = cli(['collect', '--ticket', issue, '--only', 'versions', '--upload', 'redmine', '--policy', policyFile(env.REDMINE_URL)], cliEnv(dataDir));
    expect(human.code, human.stderr).toBe(0);
    expect(human.stderr).toContain(`Ticket ${issue} on Redmine: 【技术支持】CLI 上传`);
    expect(human.stdout).toMatch(/Upload: +.*attached to redmine ticket/);
    expect(human.stdout + human.stderr).not.toContain(env.REDMINE_API_KEY);
  });

  it('a ticket that does not exist is refused before collecting (exit 2, nothing written)', () => {
    const dataDir = mkdtempSync(join(work, 'cli-'));
    const r = cli(['collect', '--ticket', '99999999', '--only', 'versions', '--upload', 'redmine', '--policy', policyFile(env.REDMINE_URL)], cliEnv(dataDir));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('issue 99999999 does not exist');
    expect(r.stderr).toContain('nothing was collected');
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('a wrong API key is refused before collecting (exit 2) and the key is not echoed', () => {
    const dataDir = mkdtempSync(join(work, 'cli-'));
    const r = cli(['collect', '--ticket', '1', '--only', 'versions', '--upload', 'redmine', '--policy', policyFile(env.REDMINE_URL)], cliEnv(dataDir, 'wrong-key-abcdef'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('HTTP 401');
    expect(r.stderr).not.toContain('wrong-key-abcdef');
  });

  it('server down at start: collects anyway, queues (exit 4); `outbox retry` uploads it once the server is back', async () => {
    const issue = await api.createIssue();
    const dataDir = mkdtempSync(join(work, 'cli-'));
    const port = await freePort();
    const policy = policyFile(`http://127.0.0.1:${port}`);
    const r = cli(['collect', '--ticket', issue, '--only', 'versions', '--upload', 'redmine', '--upload-wait', '0', '--policy', policy, '--json'], cliEnv(dataDir));
    expect(r.code, r.stderr).toBe(4);
    const out = JSON.parse(r.stdout);
    expect(out.upload).toMatchObject({ state: 'queued', attempts: 1, error: expect.stringContaining('connection refused') });
    expect(existsSync(out.archive.path)).toBe(true);
    const list = JSON.parse(cli(['outbox', 'list', '--json'], cliEnv(dataDir)).stdout);
    expect(list.jobs).toHaveLength(1);
    expect(list.jobs[0]).toMatchObject({ id: out.upload.jobId, state: 'queued' });

    const proxy = await startFaultProxy(env.REDMINE_URL, port); // the server comes back
    try {
      const retry = await cliAsync(['outbox', 'retry', '--json'], cliEnv(dataDir));
      expect(retry.code, retry.stderr).toBe(0);
      expect(JSON.parse(retry.stdout).jobs[0]).toMatchObject({ jobId: out.upload.jobId, state: 'done', attempts: 2 });
    } finally {
      await proxy.close();
    }
    await expectExactlyOnce(issue, { path: out.archive.path, name: out.archive.name, size: out.archive.bytes, sha256: out.archive.sha256 });
    // removing the job keeps the archive
    const rm = cli(['outbox', 'remove', out.upload.jobId], cliEnv(dataDir));
    expect(rm.code).toBe(0);
    expect(existsSync(out.archive.path)).toBe(true);
    expect(JSON.parse(cli(['outbox', 'list', '--json'], cliEnv(dataDir)).stdout).jobs).toHaveLength(0);
  });

  it('kill -9 in the middle of a big upload: the next run resumes the job; one attachment', async () => {
    const issue = await api.createIssue();
    const dataDir = mkdtempSync(join(work, 'kill-'));
    const archive = await makeArchive(issue, 'kill9', 150 * MB);
    const outbox = new Outbox({ dataDir });
    const queued = await outbox.enqueue({ ticket: issue, destination: { target: 'redmine', url: env.REDMINE_URL }, archive });

    // 1st process: the real CLI, killed with SIGKILL once a quarter of the archive is out
    const child = spawn(process.execPath, [BIN, 'outbox', 'retry', queued.id], { env: cliEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const killedAt = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (/: (25|50|75)% /.test(stderr) && child.exitCode === null) {
          child.kill('SIGKILL');
          resolve(stderr);
        }
      });
      child.on('exit', (code) => reject(new Error(`the upload ended (exit ${code}) before it could be killed:\n${stderr}`)));
    });
    await new Promise((r) => (child.exitCode === null && child.signalCode === null ? child.once('exit', r) : r(null)));
    expect(child.signalCode).toBe('SIGKILL');
    expect(killedAt).not.toContain('100%');
    const interrupted = await outbox.get(queued.id);
    expect(interrupted.state).toBe('uploading');
    expect(existsSync(outbox.lockPath(interrupted))).toBe(true); // left behind by the dead process
    expect((await api.attachments(issue)).filter((a) => a.filename === archive.name)).toHaveLength(0);

    // 2nd process: resumes (the stale lock is broken), uploads once
    const list = cli(['outbox', 'list'], cliEnv(dataDir));
    expect(list.stdout).toContain('interrupted');
    const r = cli(['outbox', 'retry', queued.id, '--json'], cliEnv(dataDir));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).jobs[0]).toMatchObject({ state: 'done', attempts: 2, alreadyPresent: false });
    const done = await outbox.get(queued.id);
    expect(done.history.map((h) => h.event)).toContain('resumed');
    expect(existsSync(outbox.lockPath(done))).toBe(false);
    await expectExactlyOnce(issue, archive);
    rmSync(archive.path, { force: true });
  }, 180_000);
});
