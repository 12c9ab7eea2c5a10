/**
 * The desktop app's engine service (electron/engine/app-service.ts) on plain Node: real
 * sessions writing real archives into a temp data folder, real outbox jobs; the collectors are
 * small stand-ins (one slow one that only stops when cancelled) so every case is fast and exact.
 */
import { resourceSampleCollector } from '../../../electron/engine/collectors/resource-sample.js';
import { securityLogsCollector } from '../../../electron/engine/collectors/security-logs.js';
import type { ProblemType } from '../../../shared/types.js';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionEvent, UploadStatus } from '../../../shared/api.js';
import { PolicySchema, type PolicyInput } from '../../../shared/policy.js';
import { ManifestSchema, type Category } from '../../../shared/types.js';
import { AppService, type AppServiceOptions } from '../../../electron/engine/app-service.js';
import { appLogsCollector } from '../../../electron/engine/collectors/app-logs.js';
import { screenshotCollector } from '../../../electron/engine/collectors/screenshot.js';
import { generateLinkKeyPair } from '../../../electron/engine/link/keys.js';
import { createSignedLink } from '../../../electron/engine/link/signed-link.js';
import type { Collector } from '../../../electron/engine/collectors/types.js';
import { planWorkflow } from '../../../electron/engine/workflow/run-workflow.js';
import { readZip, sha256 } from '../../helpers/zip.js';
import { freePort } from '../../integration/helpers/fault-proxy.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const quick = (id: string, category: Category, platforms: Collector['platforms'] = ['linux', 'win32', 'darwin']): Collector => ({
  id,
  category,
  title: { 'zh-CN': `${id} 中文`, en: id },
  platforms,
  timeoutMs: 5_000,
  sensitive: false,
  describe: () => [`reads ${id}`],
  async run(ctx) {
    ctx.addText(`${id}.txt`, `${id} output\n`, id);
  },
});

/** Runs until the session is cancelled. */
const hanging: Collector = {
  ...quick('system', 'system'),
  timeoutMs: 30_000,
  run: (ctx) =>
    new Promise<void>((_resolve, reject) => {
      ctx.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    }),
};

const intake = {
  name: '张伟',
  contact: 'zhang.wei@example.com',
  department: '财务部',
  productName: '',
  productModel: '',
  productVersion: '',
  problemDescription: '报表打不开',
  occurredAt: '2026-11-24T09:30',
  priority: '高' as const,
  stepsToReproduce: '',
  solutionsTried: '',
};

const services: AppService[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.dispose();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function make(options: Partial<AppServiceOptions> & { policyInput?: PolicyInput } = {}) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'app-service-'));
  dirs.push(dataDir);
  const events: SessionEvent[] = [];
  const uploads: UploadStatus[] = [];
  const opened: string[] = [];
  const service = new AppService({
    policy: PolicySchema.parse(options.policyInput ?? {}),
    platform: 'linux',
    host: 'pc-01',
    locale: 'zh-CN',
    dataDir,
    env: { ...process.env, DIAGCOLLECT_REDMINE_API_KEY: '' },
    collectors: [quick('versions', 'versions'), quick('network', 'network'), screenshotCollector],
    runChecks: false,
    hooks: { captureScreen: async () => PNG, showInFolder: (p) => void opened.push(p) },
    ...options,
  });
  services.push(service);
  service.on('onProgress', (e) => events.push(e));
  service.on('onUploadState', (u) => uploads.push(u));
  const finished = () =>
    new Promise<SessionEvent>((resolve) => {
      const off = service.on('onProgress', (e) => {
        if (e.type !== 'progress') {
          off();
          resolve(e);
        }
      });
    });
  return { service, dataDir, events, uploads, opened, finished };
}

describe('getDefaults', () => {
  it('prefills the ticket from the link, the UI language from the OS, the product from policy', async () => {
    const { service } = make({ deepLink: 'diagcollect://collect?ticket=12345', policyInput: { products: [{ name: 'XX财务软件', versionCommand: ['echo', '2.3.1'] }] } });
    const d = await service.getDefaults();
    expect(d).toMatchObject({ ticket: '12345', ticketSource: 'link', locale: 'zh-CN', host: 'pc-01', platform: 'linux', screenshot: 'allowed', upload: { target: 'outbox' } });
    expect(d.intake).toMatchObject({ productName: 'XX财务软件', productVersion: '2.3.1' });
    expect(d.intake.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(d.linkError).toBeUndefined();
  });

  it('says why a link was refused, and fills in nothing from it', async () => {
    const { service } = make({ deepLink: 'diagcollect://collect?ticket=..%2Fetc', locale: 'en-US' });
    const d = await service.getDefaults();
    expect(d).toMatchObject({ ticket: '', ticketSource: 'none', locale: 'en' });
    expect(d.linkError?.en).toContain('encoded path separator');
  });

  it('pushes a link that arrives later to the window', () => {
    const { service } = make();
    const seen: unknown[] = [];
    service.on('onDeepLink', (l) => seen.push(l));
    service.handleDeepLink('diagcollect://collect?ticket=777');
    service.handleDeepLink('diagcollect://delete?ticket=777');
    expect(seen).toEqual([{ ok: true, ticket: '777' }, { ok: false, reason: expect.objectContaining({ en: expect.stringContaining('unknown action') }) }]);
  });
});

describe('signed links (electron/engine/link/signed-link.ts)', () => {
  it('verifies a signed link against policy; it prefills the ticket and chooses the upload target', async () => {
    const pair = generateLinkKeyPair();
    const link = createSignedLink(
      { ticket: '777', target: 'redmine', url: 'https://redmine.example.com', exp: Math.floor(Date.now() / 1000) + 3600 },
      createPrivateKey(pair.privateKeyPem),
      createPublicKey(pair.publicKeyPem),
    );
    const policyInput: PolicyInput = { linkSigning: { publicKeys: [pair.publicKeyBase64] }, upload: { target: 'outbox', allowedHosts: ['redmine.example.com'] } };
    const { service } = make({ deepLink: link, policyInput });
    expect(await service.getDefaults()).toMatchObject({ ticket: '777', ticketSource: 'link', upload: { target: 'redmine', targetName: 'Redmine' } });

    // With keys in policy, the plain ticket link is no longer enough, and a changed ticket breaks the signature.
    const seen: unknown[] = [];
    service.on('onDeepLink', (l) => seen.push(l));
    service.handleDeepLink('diagcollect://collect?ticket=777');
    service.handleDeepLink(link.replace('ticket=777', 'ticket=778'));
    expect(seen).toEqual([
      { ok: false, reason: expect.objectContaining({ en: expect.stringContaining('not signed') }) },
      { ok: false, reason: expect.objectContaining({ en: expect.stringContaining('changed after it was signed') }) },
    ]);
  });
});

describe('preview', () => {
  it('shows what each category reads, its size, and which ones policy locks', async () => {
    const logDir = mkdtempSync(path.join(os.tmpdir(), 'app-logs-'));
    dirs.push(logDir);
    writeFileSync(path.join(logDir, 'a.log'), 'x'.repeat(3000));
    writeFileSync(path.join(logDir, 'b.log'), 'y'.repeat(2000));
    const { service } = make({
      policyInput: { disabledCollectors: ['network'], screenshotAllowed: false, appLogPaths: [path.join(logDir, '*.log')] },
      collectors: [quick('versions', 'versions'), quick('network', 'network'), quick('software', 'software', ['win32']), appLogsCollector, screenshotCollector],
      // The default 3 s budget can run out on a loaded CI machine (a cold import of the glob matcher).
      previewMeasureMs: 120_000,
    });
    const p = await service.preview();
    const by = Object.fromEntries(p.categories.map((c) => [c.id, c]));
    expect(by.versions).toMatchObject({ included: true, reads: ['reads versions'], estimate: { basis: 'typical' } });
    expect(by.network).toMatchObject({ included: false, lock: 'policy-disabled' });
    expect(by.software).toMatchObject({ included: false, lock: 'platform', reads: [] });
    expect(by['app-logs']).toMatchObject({ included: true, estimate: { bytes: 5000, basis: 'measured' } });
    expect(by.screenshot).toMatchObject({ included: false, lock: 'policy-forbidden', sensitive: true });
    expect(await service.captureScreenshot()).toMatchObject({ available: false });
  });
});

describe('the preview sizes paths within a budget', () => {
  it('shows the typical size, not a partial sum as measured, when sizing the paths runs out of time', async () => {
    const logDir = mkdtempSync(path.join(os.tmpdir(), 'app-logs-'));
    dirs.push(logDir);
    writeFileSync(path.join(logDir, 'a.log'), 'x'.repeat(3000));
    const { service } = make({ policyInput: { appLogPaths: [path.join(logDir, '*.log')] }, collectors: [appLogsCollector], previewMeasureMs: 0 });
    const p = await service.preview();
    const logs = p.categories.find((c) => c.id === 'app-logs');
    expect(logs?.estimate.basis).toBe('typical');
    expect(logs?.estimate.bytes).toBeGreaterThan(0);
  });
});

describe('the preview and the problem type', () => {
  it('offers only the evidence the collection will gather: the slow sample for 运行缓慢, security logs only when policy allows them', async () => {
    const collectors = [quick('versions', 'versions'), resourceSampleCollector, securityLogsCollector];
    const { service } = make({ collectors });
    const ids = async (problemType?: ProblemType) => (await service.preview([], problemType)).categories.map((c) => c.id);
    expect(await ids()).toEqual(['versions']);
    expect(await ids('slow')).toEqual(['versions', 'resource-sample']);
    const allowed = make({ collectors, policyInput: { securityLogs: { enabled: true } } });
    expect((await allowed.service.preview([], 'connection')).categories.map((c) => c.id)).toEqual(['versions', 'security-logs']);
  });
});

describe('the preview is the planner\'s plan (one truth)', () => {
  it('offers and ticks exactly what planWorkflow runs, locks what it rules out, and keeps what the user switched off', async () => {
    const collectors = [quick('versions', 'versions'), quick('network', 'network'), quick('software', 'software', ['win32']), resourceSampleCollector, securityLogsCollector, screenshotCollector];
    const policyInput: PolicyInput = { disabledCollectors: ['resource-sample'] };
    const { service } = make({ collectors, policyInput });
    for (const problemType of [undefined, 'slow', 'connection'] as const) {
      const exclude = ['network'];
      const preview = await service.preview(exclude, problemType);
      const { plan } = planWorkflow({ collectors, policy: PolicySchema.parse(policyInput), platform: 'linux', skip: exclude, consentSensitive: false, ...(problemType ? { intake: { problemType } } : {}) });
      const ticked = preview.categories.filter((c) => c.included).map((c) => c.id);
      expect(ticked.sort(), `ticked for ${problemType ?? 'no type'}`).toEqual(plan.run.map((c) => c.id).sort());
      const by = Object.fromEntries(preview.categories.map((c) => [c.id, c]));
      expect(by.network).toMatchObject({ included: false });
      expect(by.network?.lock).toBeUndefined();
      expect(by.software).toMatchObject({ lock: 'platform', included: false });
      // Disabled by IT: shown locked (the planner's policy-disabled comes before the problem type's gate).
      expect(by['resource-sample']).toMatchObject({ lock: 'policy-disabled', included: false });
      // Gated out by policy (security logs are off): not offered at all.
      expect(by['security-logs']).toBeUndefined();
      expect(by.screenshot).toMatchObject({ included: false, sensitive: true });
      expect(by.screenshot?.lock).toBeUndefined();
    }
  });
});

describe('a collection', () => {
  it('writes the named archive with the intake, the seen screenshot, and what was left out', async () => {
    const { service, dataDir, events, opened, uploads, finished } = make();
    const shot = await service.captureScreenshot();
    expect(shot).toMatchObject({ available: true, width: 1, height: 1, bytes: PNG.length });
    const done = finished();
    const started = await service.startCollection({ ticket: '12345', intake, exclude: ['network'], includeScreenshot: true });
    expect(started.rows.map((r) => [r.id, r.status, r.reason?.code])).toEqual([
      ['versions', 'waiting', undefined],
      ['screenshot', 'waiting', undefined],
      ['network', 'skipped', 'left-out'],
    ]);
    const end = await done;
    expect(end.type).toBe('finished');
    if (end.type !== 'finished') return;
    const r = end.result;
    expect(r.archiveName).toMatch(/^12345_诊断信息_\d{8}-\d{4}_pc-01\.zip$/);
    expect(r.archivePath).toBe(path.join(dataDir, 'outbox', '12345', r.archiveName));
    expect(r.emailSubject).toBe('【技术支持】12345');
    const entries = await readZip(r.archivePath);
    expect(sha256(entries.find((e) => e.name === '问题截图.png')!.data)).toBe(sha256(PNG));
    const manifest = ManifestSchema.parse(JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')));
    expect(manifest.intake).toMatchObject({ name: '张伟', priority: '高' });
    expect(manifest.collectors.find((c) => c.id === 'network')?.status).toBe('skipped');
    // Events: the rows' runs, then finished; never before the reply.
    expect(events[0]).toMatchObject({ type: 'progress', event: { type: 'phase', phase: 'collecting' } });
    expect(events.some((e) => e.type === 'progress' && e.event.type === 'collector-end' && e.event.collector === 'screenshot' && e.event.status === 'ok')).toBe(true);
    expect(uploads.at(-1)).toMatchObject({ state: 'local', totalBytes: r.bytes });
    expect(await service.getUploadState()).toMatchObject({ state: 'local' });
    expect(await service.openFolder()).toEqual({ opened: true });
    expect(opened).toEqual([r.archivePath]);
  });

  it('leaves the screenshot out unless the user kept it', async () => {
    const { service, finished } = make();
    await service.captureScreenshot();
    const done = finished();
    const started = await service.startCollection({ ticket: '12345', intake, exclude: [], includeScreenshot: false });
    expect(started.rows.find((r) => r.id === 'screenshot')).toMatchObject({ status: 'skipped', reason: { code: 'no-consent' } });
    const end = await done;
    if (end.type !== 'finished') throw new Error(end.type);
    expect((await readZip(end.result.archivePath)).some((e) => e.name.endsWith('.png'))).toBe(false);
  });

  it('runs one collection at a time, and cancelling leaves nothing behind', async () => {
    const { service, dataDir, finished } = make({ collectors: [quick('versions', 'versions'), hanging] });
    const done = finished();
    await service.startCollection({ ticket: '23456', intake, exclude: [], includeScreenshot: false });
    await expect(service.startCollection({ ticket: '23456', intake, exclude: [], includeScreenshot: false })).rejects.toThrow(/already running/);
    await new Promise((r) => setTimeout(r, 100));
    expect(await service.cancelCollection()).toEqual({ cancelled: true });
    expect((await done).type).toBe('cancelled');
    const folder = path.join(dataDir, 'outbox', '23456');
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    expect(await service.cancelCollection()).toEqual({ cancelled: false });
  });

  it('refuses an unknown collector id and a bad ticket before anything starts', async () => {
    const { service, dataDir } = make();
    await expect(service.startCollection({ ticket: '12345', intake, exclude: ['nope'], includeScreenshot: false })).rejects.toThrow(/unknown collector "nope"/);
    await expect(service.startCollection({ ticket: '1/2', intake, exclude: [], includeScreenshot: false })).rejects.toThrow();
    expect(existsSync(path.join(dataDir, 'outbox'))).toBe(false);
  });
});

describe('the upload', () => {
  it('queues a failed upload with the reason, and tries again on Retry', async () => {
    const port = await freePort();
    const { service, finished, uploads } = make({
      policyInput: { upload: { target: 'redmine', redmine: { url: `http://127.0.0.1:${port}` } } },
      env: { ...process.env, DIAGCOLLECT_REDMINE_API_KEY: '0123456789abcdef' },
      outbox: { backoff: { baseMs: 600_000, maxMs: 600_000 } },
    });
    const done = finished();
    await service.startCollection({ ticket: '54321', intake, exclude: [], includeScreenshot: false });
    expect((await done).type).toBe('finished');
    // The attempt count rises when the attempt starts; wait for it to end (queued for a retry).
    await expect
      .poll(async () => {
        const s = await service.getUploadState();
        return `${s.state}/${s.attempts}`;
      }, { timeout: 10_000 })
      .toBe('queued/1');
    const first = await service.getUploadState();
    expect(first).toMatchObject({ target: 'redmine', targetName: 'Redmine', state: 'queued', attempts: 1, error: { kind: 'network' } });
    expect(first.nextAttemptAt).toBeDefined();
    expect(uploads.map((u) => u.state)).toContain('uploading');
    const again = await service.retryUpload();
    expect(again).toMatchObject({ state: 'queued', attempts: 2, error: { kind: 'network' } });
  });

  it('checks the ticket system before collecting: a missing credential fails the collection and nothing is written', async () => {
    const { service, finished, dataDir } = make({ policyInput: { upload: { target: 'redmine', redmine: { url: 'https://redmine.example.com' } } } });
    const done = finished();
    await service.startCollection({ ticket: '54322', intake, exclude: [], includeScreenshot: false });
    const end = await done;
    expect(end).toMatchObject({ type: 'failed', message: expect.stringContaining('DIAGCOLLECT_REDMINE_API_KEY') });
    expect(existsSync(path.join(dataDir, 'outbox', '54322'))).toBe(false);
  });
});

describe("the Done screen's next step, the reporter, and uploads left from an earlier start", () => {
  it('opens the e-mail draft with the OS; falls back to mailto: with the standard subject; 完成 quits', async () => {
    const launched: string[] = [];
    let quits = 0;
    let answer = '';
    const { service, finished } = make({
      hooks: {
        openPath: async (p) => {
          launched.push(p);
          return answer;
        },
        openExternal: async (url) => void launched.push(url),
        quit: () => void (quits += 1),
      },
    });
    expect(await service.openDraft()).toEqual({ opened: 'none' });
    const done = finished();
    await service.startCollection({ ticket: '60001', intake, exclude: [], includeScreenshot: false });
    const end = await done;
    if (end.type !== 'finished') throw new Error(end.type);
    expect(await service.openDraft()).toEqual({ opened: 'draft' });
    expect(launched).toEqual([end.result.emailDraft]);
    expect(end.result.emailDraft).toMatch(/\.eml$/);
    answer = 'No application is associated with the specified file';
    expect(await service.openDraft()).toEqual({ opened: 'mailto' });
    expect(decodeURIComponent(launched[2]!)).toMatch(/^mailto:\?subject=【技术支持】60001&body=60001_/);
    expect(await service.quitApp()).toEqual({ quitting: true });
    await expect.poll(() => quits).toBe(1);
  });

  it('remembers who reported (0600) and prefills it at the next start', async () => {
    const { service, finished, dataDir } = make();
    expect((await service.getDefaults()).profile).toEqual({ name: '', contact: '', department: '' });
    const done = finished();
    await service.startCollection({ ticket: '60002', intake, exclude: [], includeScreenshot: false });
    await done;
    const again = new AppService({ policy: PolicySchema.parse({}), platform: 'linux', locale: 'zh-CN', dataDir, collectors: [], runChecks: false });
    services.push(again);
    expect((await again.getDefaults()).profile).toEqual({ name: '张伟', contact: 'zhang.wei@example.com', department: '财务部' });
    const { statSync, readFileSync } = await import('node:fs');
    expect(statSync(path.join(dataDir, 'profile.json')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dataDir, 'profile.json'), 'utf8')).not.toContain('报表打不开');
  });

  it('marks a verified signed link as locked', async () => {
    const keys = generateLinkKeyPair();
    const link = createSignedLink({ ticket: '60003', exp: Math.floor(Date.now() / 1000) + 600 }, createPrivateKey(keys.privateKeyPem), createPublicKey(keys.publicKeyPem));
    const { service } = make({ policyInput: { linkSigning: { publicKeys: [keys.publicKeyBase64] } }, deepLink: link });
    expect(await service.getDefaults()).toMatchObject({ ticket: '60003', ticketSource: 'link', ticketLocked: true });
    const plain = make({ deepLink: 'diagcollect://collect?ticket=60004' });
    expect(await plain.service.getDefaults()).toMatchObject({ ticket: '60004', ticketLocked: false });
  });

  it('resumes a queued upload at the next start: tried at once, reported, counted as waiting', async () => {
    const port = await freePort();
    const options = {
      policyInput: { upload: { target: 'redmine' as const, redmine: { url: `http://127.0.0.1:${port}` } } },
      env: { ...process.env, DIAGCOLLECT_REDMINE_API_KEY: '0123456789abcdef' },
      outbox: { backoff: { baseMs: 600_000, maxMs: 600_000 } },
    };
    const first = make(options);
    const done = first.finished();
    await first.service.startCollection({ ticket: '60005', intake, exclude: [], includeScreenshot: false });
    await done;
    await expect.poll(async () => (await first.service.getUploadState()).state, { timeout: 10_000 }).toBe('queued');
    expect(first.service.waitingUploads()).toBe(1);
    await first.service.dispose();

    const next = new AppService({ policy: PolicySchema.parse(options.policyInput), platform: 'linux', locale: 'zh-CN', dataDir: first.dataDir, env: options.env, collectors: [], runChecks: false, outbox: options.outbox });
    services.push(next);
    const reports: number[] = [];
    next.on('onPendingUploads', (p) => reports.push(p.jobs.length));
    await next.resumeQueuedUploads();
    const pending = await next.getPendingUploads();
    // Tried again now (not after the ten-minute backoff), still refused, still queued.
    expect(pending.jobs).toMatchObject([{ ticket: '60005', state: 'queued', attempts: 2, error: { kind: 'network' } }]);
    expect(reports.length).toBeGreaterThan(0);
    expect(next.waitingUploads()).toBe(1);
  });
});

describe('upload secrets from the OS keychain', () => {
  it('the upload reads a secret stored in the keychain; the credentials file is never written', async () => {
    const { KeychainSecrets } = await import('../../../electron/engine/upload/keychain-secrets.js');
    const { aesCipher } = await import('../../helpers/aes-cipher.js');
    const cipher = aesCipher();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'app-service-keychain-'));
    dirs.push(dataDir);
    const port = await freePort();
    const { service, finished } = make({
      dataDir,
      keychain: new KeychainSecrets(dataDir, cipher),
      policyInput: { upload: { target: 'redmine', redmine: { url: `http://127.0.0.1:${port}` } } },
      outbox: { backoff: { baseMs: 600_000, maxMs: 600_000 } },
    });
    // Without the secret, the ticket pre-check stops the collection (as in 'the upload' above).
    await service.storeUploadSecret('redmine', 'apiKey', '0123456789abcdef');
    const done = finished();
    await service.startCollection({ ticket: '60010', intake, exclude: [], includeScreenshot: false });
    expect((await done).type).toBe('finished');
    // The secret got past the pre-check; the (absent) server is what stops the upload.
    await expect
      .poll(async () => {
        const s = await service.getUploadState();
        return `${s.state}/${s.error?.kind ?? ''}`;
      }, { timeout: 10_000 })
      .toBe('queued/network');
    expect(existsSync(path.join(dataDir, 'credentials.json'))).toBe(false);
  });
});

describe('上传设置: the upload secret entered in the app', () => {
  const SECRET = 'k3y-0123456789abcdef-SECRET';
  const redmine: PolicyInput = { upload: { target: 'redmine', redmine: { url: 'http://127.0.0.1:9' } } };

  it('stores it encrypted, says it is stored (never the value), replaces and removes it', async () => {
    const { KeychainSecrets } = await import('../../../electron/engine/upload/keychain-secrets.js');
    const { aesCipher } = await import('../../helpers/aes-cipher.js');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'app-service-secret-'));
    dirs.push(dataDir);
    const keychain = new KeychainSecrets(dataDir, aesCipher());
    const { service } = make({ dataDir, keychain, policyInput: redmine, env: { PATH: process.env.PATH ?? '' } });
    expect(await service.uploadSecrets()).toEqual({
      target: 'redmine',
      targetName: 'Redmine',
      keychain: 'available',
      secrets: [{ key: 'apiKey', envName: 'DIAGCOLLECT_REDMINE_API_KEY', stored: false, fromEnvironment: false }],
    });
    const stored = await service.setUploadSecret('apiKey', SECRET);
    expect(stored).toMatchObject({ outcome: 'stored', secrets: [{ key: 'apiKey', stored: true }] });
    expect(JSON.stringify(stored)).not.toContain(SECRET);
    // Only ciphertext on disk; the upload reads the value back through the keychain.
    const file = readFileSync(path.join(dataDir, 'secrets.json'), 'utf8');
    expect(file).not.toContain(SECRET);
    expect((await keychain.env()).env).toEqual({ DIAGCOLLECT_REDMINE_API_KEY: SECRET });
    await service.setUploadSecret('apiKey', `${SECRET}-2`);
    expect((await keychain.env()).env).toEqual({ DIAGCOLLECT_REDMINE_API_KEY: `${SECRET}-2` });
    expect(await service.removeUploadSecret('apiKey')).toMatchObject({ outcome: 'removed', secrets: [{ stored: false }] });
    expect(existsSync(path.join(dataDir, 'secrets.json'))).toBe(false);
    // A key the target does not have is refused, nothing written.
    expect(await service.setUploadSecret('token', SECRET)).toMatchObject({ error: 'unknown-secret' });
    expect(existsSync(path.join(dataDir, 'secrets.json'))).toBe(false);
  });

  it('says when the OS keychain cannot encrypt, or the host has none, and writes nothing', async () => {
    const { KeychainSecrets } = await import('../../../electron/engine/upload/keychain-secrets.js');
    const { aesCipher } = await import('../../helpers/aes-cipher.js');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'app-service-secret-'));
    dirs.push(dataDir);
    const locked = make({ dataDir, keychain: new KeychainSecrets(dataDir, aesCipher(undefined, false)), policyInput: redmine });
    expect(await locked.service.uploadSecrets()).toMatchObject({ keychain: 'unavailable' });
    expect(await locked.service.setUploadSecret('apiKey', SECRET)).toMatchObject({ error: 'keychain-unavailable', secrets: [{ stored: false }] });
    expect(readdirSync(dataDir).filter((n) => n.startsWith('secrets'))).toEqual([]);
    const none = make({ policyInput: redmine, env: { DIAGCOLLECT_REDMINE_API_KEY: 'from-it' } });
    expect(await none.service.uploadSecrets()).toMatchObject({ keychain: 'none', secrets: [{ stored: false, fromEnvironment: true }] });
    expect(await none.service.setUploadSecret('apiKey', SECRET)).toMatchObject({ error: 'no-keychain' });
    // Nothing to store when the archive stays in the outbox.
    expect((await make().service.uploadSecrets()).secrets).toEqual([]);
  });
});

describe('这次修复有效吗？ (the engine\'s compare of an earlier archive of the ticket)', () => {
  it('offers the earlier archive, compares it with the one just made, and gives the engine\'s verdict and report', async () => {
    const { runCompare } = await import('../../../electron/engine/compare/run-compare.js');
    const { verdictText } = await import('../../../electron/engine/compare/present.js');
    const launched: string[] = [];
    const { service, dataDir, finished } = make({ hooks: { openPath: async (p) => (launched.push(p), '') } });
    let done = finished();
    await service.startCollection({ ticket: '70001', intake, exclude: [], includeScreenshot: false });
    expect((await done).type).toBe('finished');
    expect(await service.getCompareOffer()).toEqual({ available: false });
    await expect(service.compareWithEarlier()).rejects.toThrow(/no earlier archive/);
    const first = readdirSync(path.join(dataDir, 'outbox', '70001')).find((n) => n.endsWith('.zip'))!;

    done = finished();
    await service.startCollection({ ticket: '70001', intake, exclude: ['network'], includeScreenshot: false });
    const second = await done;
    if (second.type !== 'finished') throw new Error(second.type);
    expect(await service.getCompareOffer()).toMatchObject({ available: true, before: { name: first } });
    expect(await service.openCompareReport()).toEqual({ opened: false });

    const outcome = await service.compareWithEarlier();
    const engine = await runCompare({ before: path.join(dataDir, 'outbox', '70001', first), after: second.result.archivePath, policy: PolicySchema.parse({}), env: {}, dataDir, outDir: mkdtempSync(path.join(os.tmpdir(), 'compare-')) });
    expect(outcome.counts).toEqual(engine.report.verdict);
    expect(outcome.verdict).toEqual({ 'zh-CN': verdictText(engine.report.verdict, 'zh-CN'), en: verdictText(engine.report.verdict, 'en') });
    expect(outcome).toMatchObject({ before: { name: first }, after: { name: second.result.archiveName }, reportName: '对比报告.html' });
    expect(existsSync(path.join(dataDir, 'outbox', '70001', '对比报告.html'))).toBe(true);
    expect(await service.openCompareReport()).toEqual({ opened: true });
    expect(launched).toEqual([path.join(dataDir, 'outbox', '70001', '对比报告.html')]);
  });
});
