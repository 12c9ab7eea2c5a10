/**
 * Uploads to a real Request Tracker 5.0.3 (Debian package, tests/servers/start-rt.sh) through our
 * REST2 connector, the durable outbox and the real CLI. Downloads go through RT's own JSON
 * (base64 Content), decoded here independently of the connector's streaming decoder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../electron/engine/upload/credentials.js';
import { Outbox } from '../../electron/engine/upload/outbox.js';
import { RtConnector } from '../../electron/engine/upload/rt.js';
import type { ArchiveFile } from '../../electron/engine/upload/types.js';
import { ensureRt, REPO_ROOT, type RtEnv } from '../servers/servers.js';
import { RtApi, randomFile, sha256 } from './helpers/ticket-apis.js';

const BIN = join(REPO_ROOT, 'electron/cli/diagcollect.mjs');
const MB = 1024 * 1024;

let env: RtEnv;
let api: RtApi;
let work: string;

async function makeArchive(ticket: string, tag: string, bytes: number): Promise<ArchiveFile> {
  const name = `${ticket}_诊断信息_20261124-0930_pc-${tag}.zip`;
  const path = join(work, name);
  return { path, name, size: bytes, sha256: await randomFile(path, bytes) };
}

const connector = (mode: 'comment' | 'correspond' = 'comment', token = env.RT_TOKEN) => RtConnector.create({ url: env.RT_URL, mode, token: new Secret(token) });

async function expectExactlyOnce(ticket: string, archive: ArchiveFile) {
  const same = (await api.attachments(ticket)).filter((a) => a.Filename === archive.name);
  expect(same).toHaveLength(1);
  const dl = await api.download(same[0]!.id);
  expect(dl).toMatchObject({ sha256: archive.sha256, size: archive.size, filename: archive.name, contentType: 'application/octet-stream' });
  return same[0]!;
}

beforeAll(async () => {
  env = await ensureRt();
  api = new RtApi(env);
  work = mkdtempSync(join(os.tmpdir(), 'upload-rt-'));
}, 600_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('RT connector against a real Request Tracker 5.0.3 (REST2)', () => {
  it('uploads a Chinese-named archive as a comment; downloaded back it has the same sha256 and name', async () => {
    const ticket = await api.createTicket('【技术支持】RT 上传测试');
    const archive = await makeArchive(ticket, 'a', 2 * MB + 5);
    const c = await connector();
    try {
      expect(await c.validateTicket(ticket)).toEqual({ title: '【技术支持】RT 上传测试' });
      expect(await c.findAttachment(ticket, archive.name, archive.sha256)).toBeNull();
      let last = 0;
      const ref = await c.attach(ticket, archive, { comment: '诊断信息已上传', onProgress: (sent) => (last = sent) });
      expect(last).toBe(archive.size);
      expect(ref).toMatchObject({ name: archive.name, size: archive.size });
      const stored = await expectExactlyOnce(ticket, archive);
      expect(ref.id).toBe(String(stored.id));
      expect(await api.transactionType(stored.TransactionId)).toBe('Comment');
      // findAttachment hashes RT's base64 JSON as it streams
      expect((await c.findAttachment(ticket, archive.name, archive.sha256))?.id).toBe(ref.id);
      expect(await c.findAttachment(ticket, archive.name, '0'.repeat(64))).toBeNull();
    } finally {
      await c.close();
    }
  });

  it('keeps bytes that look like text (a GBK log) unchanged, and `correspond` mode makes a Correspond transaction', async () => {
    const ticket = await api.createTicket();
    const gbk = Buffer.from([0xb4, 0xed, 0xce, 0xf3, 0xc8, 0xd5, 0xd6, 0xbe, 0xa3, 0xba, 0x0d, 0x0a]); // "错误日志：" in GBK
    const name = `${ticket}_诊断信息_20261124-0930_gbk.zip`;
    const path = join(work, name);
    writeFileSync(path, gbk);
    const archive = { path, name, size: gbk.length, sha256: sha256(gbk) };
    const c = await connector('correspond');
    try {
      await c.attach(ticket, archive, { comment: 'gbk' });
      const stored = await expectExactlyOnce(ticket, archive);
      expect(await api.transactionType(stored.TransactionId)).toBe('Correspond');
    } finally {
      await c.close();
    }
  });

  it('refuses a missing ticket and a wrong token with messages that say what to do', async () => {
    const c = await connector();
    const bad = await connector('comment', 'not-a-token');
    try {
      await expect(c.validateTicket('99999999')).rejects.toMatchObject({ kind: 'not-found', message: expect.stringContaining('check the ticket number') });
      await expect(bad.validateTicket('1')).rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('DIAGCOLLECT_RT_TOKEN') });
    } finally {
      await c.close();
      await bad.close();
    }
  });
});

describe('RT that silently truncates ($TruncateLongAttachments, second rt-server on the same DB)', () => {
  const port = 8081;
  beforeAll(() => {
    const r = spawnSync('bash', [join(REPO_ROOT, 'tests/servers/start-rt-truncating.sh')], { encoding: 'utf8', env: { ...process.env, RT_TRUNC_PORT: String(port) } });
    if (r.status !== 0) throw new Error(`start-rt-truncating.sh failed:\n${r.stdout}\n${r.stderr}`);
  }, 120_000);
  afterAll(() => {
    spawnSync('bash', [join(REPO_ROOT, 'tests/servers/stop-rt-truncating.sh')]);
  });

  it('notices that RT kept fewer bytes than were sent (its ContentLength still says the full size) and fails as too large', async () => {
    const ticket = await api.createTicket();
    const archive = await makeArchive(ticket, 'cut', 2 * MB);
    const dataDir = mkdtempSync(join(work, 'data-'));
    const outbox = new Outbox({ dataDir });
    const job = await outbox.enqueue({ ticket, destination: { target: 'rt', url: `http://127.0.0.1:${port}` }, archive });
    const c = await RtConnector.create({ url: `http://127.0.0.1:${port}`, mode: 'comment', token: new Secret(env.RT_TOKEN) });
    try {
      const failed = await outbox.run(job.id, { connector: c, waitBudgetMs: 300_000 });
      expect(failed).toMatchObject({ state: 'failed', attempts: 1, lastError: { kind: 'too-large' } });
      expect(failed.lastError?.message).toMatch(/stored only \d+ of 2097152 bytes/);
      expect(failed.lastError?.message).toContain('$MaxAttachmentSize');
      expect(c.maxBytes).toBeLessThan(archive.size);
      // RT's own listing claims the full size: the reason the connector reads the content back
      const listed = (await api.attachments(ticket)).find((a) => a.Filename === archive.name)!;
      expect(Number(listed.ContentLength)).toBe(archive.size);
      expect((await api.download(listed.id)).size).toBeLessThan(archive.size);
    } finally {
      await c.close();
    }
  });
});

describe('outbox → RT', () => {
  it('uploads once; a re-run after a lost "done" finds the attachment instead of sending it again', async () => {
    const ticket = await api.createTicket();
    const archive = await makeArchive(ticket, 'once', 1 * MB);
    const dataDir = mkdtempSync(join(work, 'data-'));
    const outbox = new Outbox({ dataDir });
    const job = await outbox.enqueue({ ticket, destination: { target: 'rt', url: env.RT_URL, mode: 'comment' }, archive, comment: 'x' });
    const c = await connector();
    try {
      const done = await outbox.run(job.id, { connector: c });
      expect(done).toMatchObject({ state: 'done', attempts: 1, result: { alreadyPresent: false } });
      writeFileSync(join(dataDir, 'outbox', ticket, 'jobs', `${job.id}.json`), JSON.stringify({ ...done, state: 'queued', result: undefined }));
      const again = await outbox.run(job.id, { connector: c });
      expect(again).toMatchObject({ state: 'done', attempts: 2, result: { alreadyPresent: true, id: done.result!.id } });
      await expectExactlyOnce(ticket, archive);
    } finally {
      await c.close();
    }
  });

  it('401: failed, not retried, the token appears nowhere', async () => {
    const ticket = await api.createTicket();
    const archive = await makeArchive(ticket, 'k401', 10_000);
    const dataDir = mkdtempSync(join(work, 'data-'));
    const outbox = new Outbox({ dataDir });
    const job = await outbox.enqueue({ ticket, destination: { target: 'rt', url: env.RT_URL }, archive });
    const c = await connector('comment', 'secret-wrong-token-42');
    try {
      const failed = await outbox.run(job.id, { connector: c, waitBudgetMs: 300_000 });
      expect(failed).toMatchObject({ state: 'failed', attempts: 1, lastError: { kind: 'auth', status: 401 } });
      expect(readFileSync(join(dataDir, 'outbox', ticket, 'jobs', `${job.id}.json`), 'utf8')).not.toContain('secret-wrong-token-42');
      expect(await api.attachments(ticket)).toHaveLength(0);
    } finally {
      await c.close();
    }
  });
});

describe('diagcollect CLI → RT (real process)', () => {
  it('collect --upload rt --json uploads and reports it; the token is in no output and no file', async () => {
    const ticket = await api.createTicket('【技术支持】CLI RT');
    const dataDir = mkdtempSync(join(work, 'cli-'));
    const policy = join(dataDir, '..', `policy-${ticket}.json`);
    writeFileSync(policy, JSON.stringify({ upload: { target: 'rt', rt: { url: env.RT_URL } } }));
    const r = spawnSync(process.execPath, [BIN, 'collect', '--ticket', ticket, '--only', 'versions', '--policy', policy, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, DISPLAY: '', DIAGCOLLECT_DATA_DIR: dataDir, DIAGCOLLECT_RT_TOKEN: env.RT_TOKEN },
    });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.upload).toMatchObject({ target: 'rt', ticket, state: 'done', name: out.archive.name, sha256: out.archive.sha256 });
    await expectExactlyOnce(ticket, { path: out.archive.path, name: out.archive.name, size: out.archive.bytes, sha256: out.archive.sha256 });
    let files = '';
    for (const e of readdirSync(dataDir, { withFileTypes: true, recursive: true })) {
      if (e.isFile() && e.name.endsWith('.json')) files += readFileSync(join(e.parentPath, e.name), 'utf8');
    }
    expect(files).toContain(out.upload.jobId);
    for (const text of [r.stdout, r.stderr, files]) expect(text).not.toContain(env.RT_TOKEN);
  });
});
