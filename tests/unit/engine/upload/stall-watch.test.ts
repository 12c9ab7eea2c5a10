/**
 * The wait bounds an attempt (stall-watch.ts through Outbox.run): once the budget is over, an
 * attempt that moves no bytes is cut as a timeout and stays queued; one still sending is not;
 * the user's own cancel stays a cancel. Real job files; the connector waits on its signal.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Outbox } from '../../../../electron/engine/upload/outbox.js';
import type { ArchiveFile, AttachOptions, AttachmentRef, UploadConnector } from '../../../../electron/engine/upload/types.js';

/**
 * Until the signal aborts: a server that never answers. A signal already aborted rejects at once: the
 * cancel test aborts after 50 ms, and on a loaded machine that can come before the attempt starts
 * (an 'abort' listener added then never fires, and the test hung until its 180 s guard).
 */
const silence = (signal?: AbortSignal) =>
  new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(signal.reason as Error);
    else signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });

function connector(attach: (file: ArchiveFile, opts: AttachOptions) => Promise<AttachmentRef>): UploadConnector {
  return {
    id: 'redmine',
    displayName: { 'zh-CN': '测试', en: 'test' },
    targetUrl: 'http://127.0.0.1:1',
    isConfigured: () => true,
    validateTicket: async () => ({ title: 't' }),
    findAttachment: async () => null,
    attach: (_t, file, opts) => attach(file, opts ?? {}),
  };
}

async function queued() {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'stall-'));
  const path = join(dataDir, '12345_诊断信息_20261124-0930_pc-01.zip');
  writeFileSync(path, 'zip bytes');
  const outbox = new Outbox({ dataDir, stallMs: 300, maxAttempts: 5 });
  const job = await outbox.enqueue({ ticket: '12345', destination: { target: 'redmine', url: 'http://127.0.0.1:1' }, archive: { path, name: '12345_诊断信息_20261124-0930_pc-01.zip', size: 9, sha256: 'a'.repeat(64) } });
  return { outbox, job };
}

describe('stall watch (Outbox.run)', () => {
  it('a server that never answers is cut once the wait is over: a timeout naming the silence, the job queued for later', async () => {
    const { outbox, job } = await queued();
    const done = await outbox.run(job.id, { connector: connector((_f, o) => silence(o.signal)), waitBudgetMs: 0 });
    expect(done).toMatchObject({ state: 'queued', attempts: 1, lastError: { kind: 'timeout', cause: 'no-answer' } });
    expect(done.lastError!.message).toMatch(/no answer and no bytes moved for 0.3 s/);
    expect(done.nextAttemptAt).toBeDefined();
  });

  it('an attempt that keeps sending is not cut, however long it takes past the wait', async () => {
    const { outbox, job } = await queued();
    const sending = connector(async (file, o) => {
      // Ten times the stall limit in all, progress every 60 ms.
      for (let sent = 0; sent < 50; sent += 1) {
        await new Promise((r) => setTimeout(r, 60));
        o.onProgress?.(sent, 50);
      }
      return { id: '1', name: file.name, size: file.size };
    });
    const done = await outbox.run(job.id, { connector: sending, waitBudgetMs: 0 });
    expect(done).toMatchObject({ state: 'done', attempts: 1 });
  });

  it("the user's cancel stays a cancel (not a timeout)", async () => {
    const { outbox, job } = await queued();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const done = await outbox.run(job.id, { connector: connector((_f, o) => silence(o.signal)), waitBudgetMs: 60_000, signal: controller.signal });
    expect(done).toMatchObject({ state: 'queued', lastError: { kind: 'cancelled' } });
  });
});
