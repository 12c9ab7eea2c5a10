/**
 * Triage first: the job's summary comment goes on the ticket as its own note before the archive
 * is sent, then the archive follows with a one-line note. Against the real Redmine and RT; a
 * failed first attempt (after the note) and a re-run of a finished job never add a second note.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../electron/engine/upload/credentials.js';
import { Outbox } from '../../electron/engine/upload/outbox.js';
import { RedmineConnector } from '../../electron/engine/upload/redmine.js';
import { RtConnector } from '../../electron/engine/upload/rt.js';
import type { ArchiveFile, UploadConnector } from '../../electron/engine/upload/types.js';
import { UploadError } from '../../electron/engine/upload/upload-error.js';
import { ensureRedmine, ensureRt, REPO_ROOT, type RedmineEnv, type RtEnv } from '../servers/servers.js';
import { startFaultProxy } from './helpers/fault-proxy.js';
import { fetchRepeatable, RedmineApi, RtApi, randomFile } from './helpers/ticket-apis.js';

const MB = 1024 * 1024;
const SUMMARY = '诊断摘要 / Summary\nTicket: triage test\nChecks: 2 warnings (disk 91% full)';
const NOTE = 'Diagnostics: archive attached (one line).';

let redmine: RedmineEnv;
let rt: RtEnv;
let rmApi: RedmineApi;
let rtApi: RtApi;
let work: string;

beforeAll(async () => {
  redmine = await ensureRedmine();
  rt = await ensureRt();
  rmApi = new RedmineApi(redmine);
  rtApi = new RtApi(rt);
  work = mkdtempSync(join(os.tmpdir(), 'upload-triage-'));
}, 600_000);

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await rmApi?.deleteCreated();
});

async function makeArchive(ticket: string, tag: string, bytes: number): Promise<ArchiveFile> {
  const name = `${ticket}_诊断信息_20261125-0100_pc-${tag}.zip`;
  const path = join(work, name);
  return { path, name, size: bytes, sha256: await randomFile(path, bytes) };
}

/** The connector, with the first attach failing like a dropped connection. */
function failFirstAttach(c: UploadConnector): UploadConnector & { attaches: number } {
  const wrapped: UploadConnector & { attaches: number } = {
    attaches: 0,
    id: c.id,
    displayName: c.displayName,
    targetUrl: c.targetUrl ?? c.id,
    isConfigured: (p) => c.isConfigured(p),
    validateTicket: (t, o) => c.validateTicket(t, o),
    findAttachment: (t, n, h, o) => c.findAttachment(t, n, h, o),
    postComment: (t, text, o) => c.postComment!(t, text, o),
    attach: async (t, f, o) => {
      wrapped.attaches += 1;
      if (wrapped.attaches === 1) throw new UploadError('network', 'connection reset (test)');
      return c.attach(t, f, o);
    },
  };
  return wrapped;
}

interface Journal {
  id: number;
  notes: string | null;
  details: Array<{ property: string; name: string; new_value: string | null }>;
}

async function journals(issue: string): Promise<Journal[]> {
  const r = await fetchRepeatable(`${redmine.REDMINE_URL}/issues/${issue}.json?include=journals`, { headers: { 'X-Redmine-API-Key': redmine.REDMINE_API_KEY } });
  return ((await r.json()) as { issue: { journals: Journal[] } }).issue.journals;
}

describe('triage comment first → Redmine', () => {
  it('posts the summary as its own journal note before the attachment; a retry and a re-run add no second note', async () => {
    const issue = await rmApi.createIssue();
    const archive = await makeArchive(issue, 'triage', 2 * MB);
    const dataDir = mkdtempSync(join(work, 'data-'));
    const outbox = new Outbox({ dataDir, backoff: { baseMs: 50, maxMs: 100 } });
    const job = await outbox.enqueue({ ticket: issue, destination: { target: 'redmine', url: redmine.REDMINE_URL }, archive, comment: SUMMARY, note: NOTE });
    const real = await RedmineConnector.create({ url: redmine.REDMINE_URL, apiKey: new Secret(redmine.REDMINE_API_KEY) });
    const c = failFirstAttach(real);
    try {
      const done = await outbox.run(job.id, { connector: c, waitBudgetMs: 300_000 });
      expect(done).toMatchObject({ state: 'done', attempts: 2, triage: { at: expect.any(String) } });
      expect(c.attaches).toBe(2);
      // a re-run after a lost "done" finds the attachment and posts nothing
      writeFileSync(join(dataDir, 'outbox', issue, 'jobs', `${job.id}.json`), JSON.stringify({ ...done, state: 'queued', result: undefined }));
      const again = await outbox.run(job.id, { connector: real });
      expect(again).toMatchObject({ state: 'done', result: { alreadyPresent: true } });

      const js = await journals(issue);
      const withNotes = js.filter((j) => j.notes);
      expect(withNotes.map((j) => j.notes)).toEqual([SUMMARY, NOTE]);
      // the triage note comes first and carries no attachment; the attachment comes with the one-liner
      const triage = js.findIndex((j) => j.notes === SUMMARY);
      const attached = js.findIndex((j) => j.details.some((d) => d.property === 'attachment'));
      expect(triage).toBeGreaterThanOrEqual(0);
      expect(attached).toBeGreaterThan(triage);
      expect(js[triage]!.details.some((d) => d.property === 'attachment')).toBe(false);
      expect(js[attached]!.notes).toBe(NOTE);
      expect((await rmApi.attachments(issue)).filter((a) => a.filename === archive.name)).toHaveLength(1);
    } finally {
      await real.close();
    }
  });
});

describe('triage comment: lost answer', () => {
  it('Redmine applied the note but the answer was lost: the retry finds the note and does not post it again', async () => {
    const issue = await rmApi.createIssue();
    const archive = await makeArchive(issue, 'lost', 300_000);
    const proxy = await startFaultProxy(redmine.REDMINE_URL);
    const outbox = new Outbox({ dataDir: mkdtempSync(join(work, 'data-')), backoff: { baseMs: 50, maxMs: 100 } });
    const job = await outbox.enqueue({ ticket: issue, destination: { target: 'redmine', url: proxy.url }, archive, comment: SUMMARY, note: NOTE });
    proxy.faults.push({ method: 'PUT', path: new RegExp(`^/issues/${issue}\\.json`), kind: 'lose-answer', status: 502 });
    const c = await RedmineConnector.create({ url: proxy.url, apiKey: new Secret(redmine.REDMINE_API_KEY) });
    try {
      const done = await outbox.run(job.id, { connector: c, waitBudgetMs: 300_000 });
      expect(done).toMatchObject({ state: 'done', attempts: 2, triage: { id: expect.any(String) } });
      expect(done.history.find((h) => h.event === 'triage comment')?.detail).toMatch(/already on the ticket/);
      expect((await journals(issue)).filter((j) => j.notes).map((j) => j.notes)).toEqual([SUMMARY, NOTE]);
    } finally {
      await c.close();
      await proxy.close();
    }
  });
});

describe('triage comment first → RT', () => {
  it('posts the summary as a comment transaction before the one carrying the archive; a retry adds no second comment', async () => {
    const ticket = await rtApi.createTicket();
    const archive = await makeArchive(ticket, 'triage', 1 * MB);
    const dataDir = mkdtempSync(join(work, 'data-'));
    const outbox = new Outbox({ dataDir, backoff: { baseMs: 50, maxMs: 100 } });
    const job = await outbox.enqueue({ ticket, destination: { target: 'rt', url: rt.RT_URL, mode: 'comment' }, archive, comment: SUMMARY, note: NOTE });
    const real = await RtConnector.create({ url: rt.RT_URL, mode: 'comment', token: new Secret(rt.RT_TOKEN) });
    const c = failFirstAttach(real);
    try {
      const done = await outbox.run(job.id, { connector: c, waitBudgetMs: 300_000 });
      expect(done).toMatchObject({ state: 'done', attempts: 2, triage: { id: expect.stringMatching(/^\d+$/) } });
      writeFileSync(join(dataDir, 'outbox', ticket, 'jobs', `${job.id}.json`), JSON.stringify({ ...done, state: 'queued', result: undefined }));
      expect(await outbox.run(job.id, { connector: real })).toMatchObject({ state: 'done', result: { alreadyPresent: true } });

      const files = (await rtApi.attachments(ticket)).filter((a) => a.Filename === archive.name);
      expect(files).toHaveLength(1);
      expect(Number(done.triage!.id)).toBeLessThan(Number(files[0]!.TransactionId));
      expect(await rtApi.transactionType(done.triage!.id!)).toBe('Comment');
      // exactly one comment transaction carries the summary text
      const r = await fetchRepeatable(`${rt.RT_REST2}/ticket/${ticket}/history?fields=Type&per_page=100`, { headers: { Authorization: `token ${rt.RT_TOKEN}` } });
      const comments = ((await r.json()) as { items: Array<{ id: string; Type: string }> }).items.filter((t) => t.Type === 'Comment');
      expect(comments.map((t) => String(t.id))).toEqual([done.triage!.id, files[0]!.TransactionId].map(String));
      // what a retry after a lost answer asks
      expect(await real.findComment(ticket, SUMMARY)).toEqual({ id: done.triage!.id });
      expect(await real.findComment(ticket, 'not posted')).toBeNull();
    } finally {
      await real.close();
    }
    // A guard against a hang, not a budget: this RT answers each token-authenticated REST2 call in
    // about 3 s on a busy machine, and the case makes about 20 of them.
  }, 180_000);
});

describe('diagcollect CLI → Redmine: collect --upload', () => {
  const BIN = join(REPO_ROOT, 'electron/cli/diagcollect.mjs');
  const cli = (args: string[], dataDir: string) => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, DISPLAY: '', DIAGCOLLECT_DATA_DIR: dataDir, DIAGCOLLECT_REDMINE_API_KEY: redmine.REDMINE_API_KEY },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('the summary is the first note, the archive comes with a one-line note; outbox retry of the job adds nothing', async () => {
    const issue = await rmApi.createIssue();
    const dataDir = mkdtempSync(join(work, 'cli-'));
    const policy = join(mkdtempSync(join(work, 'policy-')), 'policy.json');
    writeFileSync(policy, JSON.stringify({ upload: { target: 'redmine', redmine: { url: redmine.REDMINE_URL, project: redmine.REDMINE_PROJECT } } }));
    const r = cli(['collect', '--ticket', issue, '--only', 'versions', '--no-screenshot', '--upload', 'redmine', '--policy', policy, '--json'], dataDir);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { upload: { jobId: string; state: string } };
    expect(out.upload.state).toBe('done');
    const jobFile = join(dataDir, 'outbox', issue, 'jobs', `${out.upload.jobId}.json`);
    const job = JSON.parse(readFileSync(jobFile, 'utf8')) as { comment: string; note: string; triage?: { at: string } };
    expect(job.triage?.at).toBeTruthy();
    expect(job.note.split('\n')).toHaveLength(1);
    const notes = () => journals(issue).then((js) => js.filter((j) => j.notes));
    const before = await notes();
    expect(before.map((j) => j.notes?.trim())).toEqual([job.comment.trim(), job.note]);
    expect(before[0]!.details.some((d) => d.property === 'attachment')).toBe(false);
    expect(before[1]!.details.filter((d) => d.property === 'attachment')).toHaveLength(1);

    // re-run the job (its "done" lost): nothing new on the issue
    writeFileSync(jobFile, JSON.stringify({ ...JSON.parse(readFileSync(jobFile, 'utf8')), state: 'queued', result: undefined }));
    const again = cli(['outbox', 'retry', out.upload.jobId, '--policy', policy, '--json'], dataDir);
    expect(again.code, again.stderr).toBe(0);
    expect(await notes()).toHaveLength(2);
    expect((await rmApi.attachments(issue)).length).toBe(1);
    expect(readdirSync(join(dataDir, 'outbox', issue, 'jobs')).filter((n) => n.endsWith('.json'))).toHaveLength(1);
  });
});
