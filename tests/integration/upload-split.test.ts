/**
 * An archive too big for the target: without --split the job fails with what to do and keeps the
 * archive; with --split it goes up as `<name>_partNN.zip` attachments, each exactly once. Against
 * the real Redmine, with the connector's known limit lowered to 1 MB for the test (Redmine's own
 * setting is shared by the other tests running against the same server).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZipWriter } from '../../electron/engine/archive/zip-writer.js';
import { Secret } from '../../electron/engine/upload/credentials.js';
import { Outbox } from '../../electron/engine/upload/outbox.js';
import { RedmineConnector } from '../../electron/engine/upload/redmine.js';
import type { ArchiveFile } from '../../electron/engine/upload/types.js';
import { ensureRedmine, type RedmineEnv } from '../servers/servers.js';
import { RedmineApi, sha256 } from './helpers/ticket-apis.js';

const MB = 1024 * 1024;
let env: RedmineEnv;
let api: RedmineApi;
let work: string;

beforeAll(async () => {
  env = await ensureRedmine();
  api = new RedmineApi(env);
  work = mkdtempSync(join(os.tmpdir(), 'upload-split-'));
}, 600_000);

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await api?.deleteCreated();
});

async function makeZip(ticket: string): Promise<ArchiveFile> {
  const name = `${ticket}_诊断信息_20261125-0100_pc-split.zip`;
  const path = join(work, name);
  const w = await ZipWriter.open(path);
  for (let i = 0; i < 6; i += 1) void w.addBuffer(`logs/part-${i}.bin`, randomBytes(400 * 1024 + i));
  void w.addBuffer('summary.html', Buffer.from('<p>诊断摘要</p>'));
  const { bytes } = await w.finalize();
  return { path, name, size: bytes, sha256: sha256(readFileSync(path)) };
}

describe('too big for the target → Redmine', () => {
  it('fails with "run again with --split", keeps the archive; with split the parts go up once each, in order', async () => {
    const issue = await api.createIssue();
    const archive = await makeZip(issue);
    expect(archive.size).toBeGreaterThan(2 * MB);
    const dataDir = mkdtempSync(join(work, 'data-'));
    const outbox = new Outbox({ dataDir, backoff: { baseMs: 50, maxMs: 100 } });
    const job = await outbox.enqueue({ ticket: issue, destination: { target: 'redmine', url: env.REDMINE_URL }, archive, comment: 'summary', note: 'one line' });
    const c = await RedmineConnector.create({ url: env.REDMINE_URL, apiKey: new Secret(env.REDMINE_API_KEY) });
    c.maxBytes = 1 * MB;
    try {
      const failed = await outbox.run(job.id, { connector: c });
      expect(failed.state).toBe('failed');
      expect(failed.lastError?.message).toContain(`too big for redmine (limit 1 MB): run again with --split, or keep ${archive.path} for manual upload`);
      expect(existsSync(archive.path)).toBe(true);
      expect(await api.attachments(issue)).toEqual([]);
    } finally {
      await c.close();
    }

    // "run again with --split": a fresh connector knows the limit from the outbox (limits.json)
    const c2 = await RedmineConnector.create({ url: env.REDMINE_URL, apiKey: new Secret(env.REDMINE_API_KEY) });
    try {
      const done = await outbox.run(job.id, { connector: c2, force: true, split: true });
      expect(c2.maxBytes).toBe(1 * MB);
      expect(done.state).toBe('done');
      expect(done.result!.id.split(',')).toHaveLength(done.parts!.length);
      expect(done.result!.id).not.toContain('?');
      const parts = done.parts!;
      expect(parts.length).toBeGreaterThanOrEqual(3);
      const attached = await api.attachments(issue);
      expect(attached.map((a) => a.filename)).toEqual(parts.map((p) => p.name));
      for (const [i, p] of parts.entries()) {
        expect(p.name).toBe(archive.name.replace(/\.zip$/, `_part${String(i + 1).padStart(2, '0')}.zip`));
        expect(p.size).toBeLessThanOrEqual(1 * MB);
        const a = attached.find((x) => x.filename === p.name)!;
        expect(await api.download(a.id)).toMatchObject({ sha256: p.sha256, size: p.size });
      }
      // a re-run after a lost "done" (and lost part results) sends nothing again
      writeFileSync(
        join(dataDir, 'outbox', issue, 'jobs', `${job.id}.json`),
        JSON.stringify({ ...done, state: 'queued', result: undefined, parts: parts.map(({ result: _r, ...p }) => p) }),
      );
      const again = await outbox.run(job.id, { connector: c2 });
      expect(again).toMatchObject({ state: 'done', result: { alreadyPresent: true } });
      expect((await api.attachments(issue)).length).toBe(parts.length);
    } finally {
      await c2.close();
    }
  });
});
