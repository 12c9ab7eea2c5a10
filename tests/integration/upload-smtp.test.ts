/**
 * E-mail upload against a real SMTP server on 127.0.0.1 (the `smtp-server` package): STARTTLS
 * with the test CA's certificate (tests/fixtures/tls), AUTH PLAIN/LOGIN, the message parsed back
 * with mailparser (subject, Chinese attachment name, bytes). Plus: 550 → final, server down →
 * retryable, untrusted certificate → tls, too big → too-large, the password in no output.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicySchema } from '../../shared/policy.js';
import { Secret } from '../../electron/engine/upload/credentials.js';
import { connectorEntry } from '../../electron/engine/upload/index.js';
import { Outbox } from '../../electron/engine/upload/outbox.js';
import { SmtpConnector, estimateMessageBytes, mailBody, type SmtpSettings } from '../../electron/engine/upload/smtp.js';
import type { ArchiveFile } from '../../electron/engine/upload/types.js';
import { freePort } from './helpers/fault-proxy.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/tls/${name}`, import.meta.url));
const PASSWORD = 'pw-Zq81-secret-!x';
const USER = 'diag@example.com';

interface Received {
  raw: Buffer;
  envelope: { from: string; to: string[] };
  auth: { method: string; user: string };
  secure: boolean;
}

let server: SMTPServer;
let port: number;
let work: string;
const received: Received[] = [];
/** Recipients the server refuses with 550. */
const refuse = new Set<string>();

beforeAll(async () => {
  work = mkdtempSync(join(os.tmpdir(), 'diagcollect-smtp-'));
  server = new SMTPServer({
    key: readFileSync(fixture('server-key.pem')),
    cert: readFileSync(fixture('server.pem')),
    authMethods: ['PLAIN', 'LOGIN'],
    size: 4 * 1024 * 1024,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === USER && auth.password === PASSWORD) cb(null, { user: `${auth.method}:${auth.username}` });
      else cb(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, cb) {
      if (refuse.has(address.address)) cb(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      else cb();
    },
    onData(stream, session, cb) {
      const parts: Buffer[] = [];
      stream.on('data', (b: Buffer) => parts.push(b));
      stream.on('end', () => {
        const [method, user] = String(session.user).split(':');
        received.push({
          raw: Buffer.concat(parts),
          envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) },
          auth: { method: method ?? '', user: user ?? '' },
          secure: session.secure,
        });
        cb();
      });
    },
  });
  port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(work, { recursive: true, force: true });
});

function archive(bytes: number, ticket = '12345'): ArchiveFile {
  const name = `${ticket}_诊断信息_20261124-0930_pc-01.zip`;
  const dir = mkdtempSync(join(work, 'a-'));
  const path = join(dir, name);
  const data = randomBytes(bytes);
  writeFileSync(path, data);
  return { path, name, size: bytes, sha256: createHash('sha256').update(data).digest('hex') };
}

function settings(over: Partial<SmtpSettings> = {}): SmtpSettings {
  return {
    host: '127.0.0.1',
    port,
    secure: false,
    startTls: 'required',
    from: 'diagcollect@example.com',
    to: ['support@example.com'],
    cc: ['lead@example.com'],
    user: USER,
    password: new Secret(PASSWORD),
    maxMessageBytes: 20 * 1024 * 1024,
    caFile: fixture('ca.pem'),
    ...over,
  };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('SMTP connector against a real SMTP server (STARTTLS, AUTH)', () => {
  it('mails the archive: subject, RFC 2231 Chinese file name, bytes, recipients, TLS and AUTH', async () => {
    const file = archive(300_000);
    const c = await SmtpConnector.create(settings());
    const progress: number[] = [];
    const before = received.length;
    const v = await c.validateTicket('12345');
    expect(v.title).toContain('support@example.com');
    const ref = await c.attach('12345', file, { comment: '诊断信息：测试', onProgress: (sent) => progress.push(sent) });
    expect(received.length).toBe(before + 1);
    const got = received[received.length - 1]!;
    expect(got.secure).toBe(true); // STARTTLS happened
    expect(['PLAIN', 'LOGIN']).toContain(got.auth.method);
    expect(got.envelope.to.sort()).toEqual(['lead@example.com', 'support@example.com']);
    const raw = got.raw.toString('latin1');
    expect(raw).toMatch(/filename\*0\*=utf-8''12345_%E8%AF%8A/i); // RFC 2231
    const mail: ParsedMail = await simpleParser(got.raw);
    expect(mail.subject).toBe('【技术支持】12345');
    expect(mail.messageId).toBe(c.messageId('12345', file));
    expect(ref.id).toBe(mail.messageId);
    expect(mail.attachments).toHaveLength(1);
    const a = mail.attachments[0]!;
    expect(a.filename).toBe(file.name);
    expect(a.contentType).toBe('application/zip');
    expect(sha(a.content)).toBe(file.sha256);
    expect(mail.text).toContain('诊断信息：测试');
    expect(mail.text).toContain(`- SHA-256: ${file.sha256}`);
    expect(progress[progress.length - 1]).toBe(file.size);
    expect(raw).not.toContain(PASSWORD);
    expect(raw).not.toContain(Buffer.from(PASSWORD).toString('base64'));
  });

  it('through the outbox: findAttachment cannot see a mailbox, the job is done after the 250, sent once', async () => {
    const file = archive(50_000, '777');
    const dataDir = mkdtempSync(join(work, 'data-'));
    const c = await SmtpConnector.create(settings());
    expect(await c.findAttachment()).toBeNull();
    const outbox = new Outbox({ dataDir });
    const before = received.length;
    let job = await outbox.enqueue({ ticket: '777', destination: { target: 'smtp', url: c.targetUrl }, archive: file, comment: 'note' });
    job = await outbox.run(job.id, { connector: c });
    expect(job.state).toBe('done');
    expect(received.length).toBe(before + 1);
    // The job file never holds the password.
    const files = readdirSync(join(dataDir, 'outbox'), { recursive: true }).map(String);
    for (const f of files) {
      try {
        expect(readFileSync(join(dataDir, 'outbox', f), 'utf8')).not.toContain(PASSWORD);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EISDIR') throw err;
      }
    }
  });

  it('a wrong password is a final auth error that names the env var and not the password', async () => {
    const c = await SmtpConnector.create(settings({ password: new Secret('wrong-password-123') }));
    const err = (await c.validateTicket('12345').catch((e: unknown) => e)) as Error & { kind: string; permanent: boolean };
    expect(err).toMatchObject({ kind: 'auth', permanent: true });
    expect(err.message).toContain('DIAGCOLLECT_SMTP_PASSWORD');
    expect(err.message).not.toContain('wrong-password-123');
  });

  it('a 550 for the recipient is final (rejected)', async () => {
    refuse.add('nobody@example.com');
    const c = await SmtpConnector.create(settings({ to: ['nobody@example.com'], cc: [] }));
    const err = await c.attach('12345', archive(1000)).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'rejected', permanent: true, status: 550 });
  });

  it('server down is retryable (network)', async () => {
    const c = await SmtpConnector.create(settings({ port: await freePort() }));
    const err = await c.attach('12345', archive(1000)).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'network', permanent: false });
    expect((err as Error).message).toContain('refused');
  });

  it('without upload.caFile the test CA is not trusted: final tls error, nothing sent', async () => {
    const c = await SmtpConnector.create(settings({ caFile: undefined }));
    const before = received.length;
    const err = await c.attach('12345', archive(1000)).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'tls', permanent: true });
    expect((err as Error).message).toContain('upload.caFile');
    expect(received.length).toBe(before);
  });

  it('too big for maxMessageBytes: final too-large before connecting; bigger than the server SIZE: too-large', async () => {
    const small = await SmtpConnector.create(settings({ maxMessageBytes: 200_000 }));
    expect(small.maxBytes).toBeLessThan(200_000 * 0.75);
    expect(estimateMessageBytes(small.maxBytes)).toBeLessThanOrEqual(200_000);
    await expect(small.attach('12345', archive(300_000))).rejects.toMatchObject({ kind: 'too-large', permanent: true });
    const c = await SmtpConnector.create(settings());
    await expect(c.attach('12345', archive(3_500_000))).rejects.toMatchObject({ kind: 'too-large', permanent: true });
  });

  it('a bad ticket id is refused syntactically; the title says it is not looked up', async () => {
    const c = await SmtpConnector.create(settings());
    await expect(c.validateTicket('../x')).rejects.toMatchObject({ kind: 'rejected' });
    expect((await c.validateTicket('SUP-1')).title).toContain('not looked up');
  });

  it('cancelling closes the connection: cancelled, not an error', async () => {
    const c = await SmtpConnector.create(settings());
    const ac = new AbortController();
    ac.abort();
    await expect(c.attach('12345', archive(1000), { signal: ac.signal })).rejects.toMatchObject({ kind: 'cancelled' });
  });
});

describe('SMTP policy and registry', () => {
  it('policy: strict, defaults, and no AUTH over a connection that may stay plain', () => {
    const ok = PolicySchema.parse({ upload: { target: 'smtp', smtp: { host: 'smtp.example.com', port: 587, from: 'a@example.com', to: ['s@example.com'], user: 'a' } } });
    expect(ok.upload.smtp).toMatchObject({ startTls: 'required', secure: false, maxMessageBytes: 20 * 1024 * 1024 });
    expect(PolicySchema.safeParse({ upload: { smtp: { host: 'smtp.example.com', port: 587, from: 'a@example.com', to: ['s@example.com'], user: 'a', startTls: 'opportunistic' } } }).success).toBe(false);
    expect(PolicySchema.safeParse({ upload: { smtp: { host: 'smtp.example.com', port: 587, from: 'a@example.com', to: ['s@example.com'], password: 'x' } } }).success).toBe(false);
    expect(PolicySchema.safeParse({ upload: { smtp: { host: 'smtp://x', port: 587, from: 'a@example.com', to: ['s@example.com'] } } }).success).toBe(false);
  });

  it('registry: destination is smtp://host:port; the password comes from DIAGCOLLECT_SMTP_PASSWORD', async () => {
    const policy = PolicySchema.parse({ upload: { target: 'smtp', caFile: fixture('ca.pem'), smtp: { host: '127.0.0.1', port, from: 'a@example.com', to: ['support@example.com'], user: USER } } });
    const entry = connectorEntry('smtp');
    const d = entry.destination(policy);
    expect(d).toEqual({ target: 'smtp', url: `smtp://127.0.0.1:${port}` });
    const dataDir = mkdtempSync(join(work, 'd-'));
    await expect(entry.create(d, policy, { env: {}, dataDir })).rejects.toMatchObject({ kind: 'config', message: expect.stringContaining('DIAGCOLLECT_SMTP_PASSWORD') });
    const c = await entry.create(d, policy, { env: { DIAGCOLLECT_SMTP_PASSWORD: PASSWORD }, dataDir });
    expect(JSON.stringify(c)).not.toContain(PASSWORD);
    await expect(c.validateTicket('12345')).resolves.toMatchObject({ title: expect.stringContaining('support@example.com') });
  });

  it('mail body lists steps and checklist results as bullets', () => {
    const body = mailBody({
      ticket: '1',
      file: { path: '/x', name: '1_diagnostics.zip', size: 1024 * 1024, sha256: 'ab'.repeat(32) },
      summary: { steps: ['system: ok', 'network: error (timeout)'], checks: ['[fail] DNS — no answer'] },
      lang: 'en',
    });
    expect(body).toContain('Collection steps:\n- system: ok\n- network: error (timeout)');
    expect(body).toContain('Checklist results:\n- [fail] DNS — no answer');
  });
});
