/**
 * The outbox's state machine with a scripted in-memory connector (no server: the real-server
 * cases are in tests/integration/upload-*.test.ts). Job files and locks are real files.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobBusyError, Outbox, UnknownJobError, UploadJobSchema } from '../../../../electron/engine/upload/outbox.js';
import type { ArchiveFile, AttachmentRef, UploadConnector } from '../../../../electron/engine/upload/types.js';
import { UploadError } from '../../../../electron/engine/upload/upload-error.js';

type Step = 'ok' | UploadError;

/** Attaches in memory; `steps` scripts what each attach does (default ok). */
function scripted(steps: Step[] = []) {
  const attached: ArchiveFile[] = [];
  const calls: string[] = [];
  const c: UploadConnector = {
    id: 'redmine',
    displayName: { 'zh-CN': '测试', en: 'test' },
    targetUrl: 'http://127.0.0.1:1',
    isConfigured: () => true,
    validateTicket: async () => ({ title: 't' }),
    async findAttachment(_t, name, sha) {
      calls.push('find');
      const a = attached.find((f) => f.name === name && f.sha256 === sha);
      return a ? { id: String(attached.indexOf(a) + 1), name, size: a.size } : null;
    },
    async attach(_t, file, opts): Promise<AttachmentRef> {
      calls.push('attach');
      opts?.onProgress?.(file.size, file.size);
      const step = steps.shift() ?? 'ok';
      if (step !== 'ok') throw step;
      attached.push(file);
      return { id: String(attached.length), name: file.name, size: file.size };
    },
  };
  return { c, attached, calls };
}

function setup() {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'outbox-'));
  const path = join(dataDir, '12345_诊断信息_20261124-0930_pc-01.zip');
  writeFileSync(path, 'zip bytes');
  const archive: ArchiveFile = { path, name: '12345_诊断信息_20261124-0930_pc-01.zip', size: 9, sha256: 'a'.repeat(64) };
  const outbox = new Outbox({ dataDir, backoff: { baseMs: 10, maxMs: 50 } });
  const enqueue = () => outbox.enqueue({ ticket: '12345', destination: { target: 'redmine', url: 'http://127.0.0.1:1' }, archive, comment: 'c' });
  return { dataDir, archive, outbox, enqueue, jobsDir: join(dataDir, 'outbox', '12345', 'jobs') };
}

describe('Outbox (scripted connector)', () => {
  it('persists a queued job as valid JSON, atomically (no temp files left), and dedupes the same archive', async () => {
    const { enqueue, jobsDir } = setup();
    const job = await enqueue();
    expect(job).toMatchObject({ state: 'queued', attempts: 0, ticket: '12345' });
    expect(readdirSync(jobsDir)).toEqual([`${job.id}.json`]);
    expect(UploadJobSchema.parse(JSON.parse(readFileSync(join(jobsDir, `${job.id}.json`), 'utf8'))).id).toBe(job.id);
    expect((await enqueue()).id).toBe(job.id);
    expect(readdirSync(jobsDir)).toHaveLength(1);
  });

  it('queued → uploading → done; a finished run releases its lock', async () => {
    const { outbox, enqueue, jobsDir } = setup();
    const { c, attached } = scripted();
    const job = await enqueue();
    const states: string[] = [];
    const done = await outbox.run(job.id, { connector: c, onEvent: (e) => states.push(`${e.type}:${e.job.state}`) });
    expect(states).toEqual(['attempt:uploading', 'done:done']);
    expect(done).toMatchObject({ state: 'done', attempts: 1, result: { id: '1', alreadyPresent: false } });
    expect(attached).toHaveLength(1);
    expect(readdirSync(jobsDir)).toEqual([`${job.id}.json`]);
  });

  it('retries transient errors with backoff, honours Retry-After, and gives up after maxAttempts', async () => {
    const { outbox, enqueue } = setup();
    const { c } = scripted([new UploadError('server', 'HTTP 500'), new UploadError('rate-limited', 'HTTP 429', { retryAfterMs: 300 })]);
    const job = await enqueue();
    const t0 = Date.now();
    const delays: number[] = [];
    const done = await outbox.run(job.id, { connector: c, waitBudgetMs: 10_000, onEvent: (e) => e.type === 'retry-scheduled' && delays.push(e.delayMs) });
    expect(done).toMatchObject({ state: 'done', attempts: 3 });
    expect(delays[0]).toBeLessThanOrEqual(10);
    expect(delays[1]).toBe(300);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);

    const s2 = setup();
    const few = new Outbox({ dataDir: s2.dataDir, maxAttempts: 2, backoff: { baseMs: 1, maxMs: 1 } });
    const j2 = await s2.enqueue();
    const failing = scripted(Array.from({ length: 5 }, () => new UploadError('network', 'connection refused')));
    const gaveUp = await few.run(j2.id, { connector: failing.c, waitBudgetMs: 10_000 });
    expect(gaveUp).toMatchObject({ state: 'failed', attempts: 2 });
    expect(gaveUp.lastError?.message).toBe('gave up after 2 attempts; the last error: connection refused');
  });

  it('leaves the job queued with nextAttemptAt when the wait does not fit the budget', async () => {
    const { outbox, enqueue } = setup();
    const { c } = scripted([new UploadError('rate-limited', 'HTTP 429', { retryAfterMs: 60_000 })]);
    const job = await enqueue();
    const queued = await outbox.run(job.id, { connector: c, waitBudgetMs: 1_000 });
    expect(queued.state).toBe('queued');
    expect(Date.parse(queued.nextAttemptAt!) - Date.now()).toBeGreaterThan(50_000);
    // not due yet: a plain run does nothing; an explicit retry (force) goes now
    expect((await outbox.run(job.id, { connector: c })).attempts).toBe(1);
    expect(await outbox.run(job.id, { connector: c, force: true })).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('fails at once on a permanent error, keeps the archive, and an explicit retry starts again', async () => {
    const { outbox, enqueue, archive } = setup();
    const { c, calls } = scripted([new UploadError('auth', 'check the API key', { status: 401 })]);
    const job = await enqueue();
    const failed = await outbox.run(job.id, { connector: c, waitBudgetMs: 10_000 });
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, lastError: { kind: 'auth', status: 401, message: 'check the API key' } });
    expect(calls).toEqual(['find', 'attach']);
    expect(existsSync(archive.path)).toBe(true);
    expect((await outbox.run(job.id, { connector: c })).state).toBe('failed'); // not retried by itself
    expect(await outbox.run(job.id, { connector: c, force: true })).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('exactly once: an attachment already on the ticket is not sent again', async () => {
    const { outbox, enqueue, archive } = setup();
    const { c, attached, calls } = scripted();
    attached.push(archive);
    const job = await enqueue();
    expect(await outbox.run(job.id, { connector: c })).toMatchObject({ state: 'done', result: { alreadyPresent: true, id: '1' } });
    expect(calls).toEqual(['find']);
  });

  it('a missing or changed archive fails the job with the reason', async () => {
    const { outbox, enqueue, archive } = setup();
    const job = await enqueue();
    writeFileSync(archive.path, 'different length');
    const failed = await outbox.run(job.id, { connector: scripted().c });
    expect(failed).toMatchObject({ state: 'failed', lastError: { kind: 'archive' } });
    expect(failed.lastError?.message).toContain('has changed');
  });

  it('cancellation leaves the job queued', async () => {
    const { outbox, enqueue } = setup();
    const job = await enqueue();
    const abort = new AbortController();
    abort.abort();
    const { c } = scripted([new UploadError('cancelled', 'the upload was cancelled')]);
    expect(await outbox.run(job.id, { connector: c, signal: abort.signal })).toMatchObject({ state: 'queued', lastError: { kind: 'cancelled' } });
  });

  it('resumes a job left `uploading` by a process that died (stale lock with a dead pid)', async () => {
    const { outbox, enqueue, jobsDir } = setup();
    const job = await enqueue();
    const path = join(jobsDir, `${job.id}.json`);
    writeFileSync(path, JSON.stringify({ ...job, state: 'uploading', attempts: 1 }));
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.on('exit', r));
    writeFileSync(outbox.lockPath(job), JSON.stringify({ pid: dead.pid, host: hostname(), createdAt: new Date().toISOString() }));
    const { c } = scripted();
    const done = await outbox.run(job.id, { connector: c });
    expect(done).toMatchObject({ state: 'done', attempts: 2 });
    expect(done.history.map((h) => h.event)).toEqual(['queued', 'resumed', 'done']);
    expect(existsSync(outbox.lockPath(job))).toBe(false);
  });

  it('refuses to run or remove a job another live process holds', async () => {
    const { outbox, enqueue } = setup();
    const job = await enqueue();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(outbox.lockPath(job), JSON.stringify({ pid: holder.pid, host: hostname(), createdAt: new Date().toISOString() }));
      await expect(outbox.run(job.id, { connector: scripted().c })).rejects.toBeInstanceOf(JobBusyError);
      await expect(outbox.remove(job.id)).rejects.toThrow(`pid ${holder.pid}`);
      expect(await outbox.isRunning(job)).toBe(true);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('lists jobs and broken job files; removes a job but not its archive; unknown ids are named', async () => {
    const { outbox, enqueue, jobsDir, archive } = setup();
    const job = await enqueue();
    writeFileSync(join(jobsDir, 'broken.json'), '{"format":');
    const { jobs, broken } = await outbox.list();
    expect(jobs.map((j) => j.id)).toEqual([job.id]);
    expect(broken).toHaveLength(1);
    await outbox.remove(job.id);
    expect(existsSync(archive.path)).toBe(true);
    await expect(outbox.get(job.id)).rejects.toBeInstanceOf(UnknownJobError);
    await expect(outbox.get('../../etc/passwd')).rejects.toBeInstanceOf(UnknownJobError);
  });
});
