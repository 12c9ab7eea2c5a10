/**
 * E-mail over SMTP (target `smtp`, policy `upload.smtp`): the archive is mailed to support with
 * the subject `【技术支持】<ticket>` and a plain-text body (the upload note, the archive's facts,
 * the collection steps and the checklist results as bullets, read from the archive's own
 * manifest.json and checks.json). Built on nodemailer's MailComposer (the attachment name is
 * RFC 2231-encoded, `filename*0*=utf-8''…`) and SMTPConnection (one connection per message, so
 * a cancel can close the socket).
 *
 *  - TLS: `secure` (implicit TLS, port 465) or STARTTLS; `startTls: required` (default) refuses a
 *    server that does not offer it; `opportunistic` upgrades when offered, but a failed upgrade
 *    (e.g. an untrusted certificate) is still an error, never a silent fallback to plain text.
 *    Certificates are always verified: system roots plus `upload.caFile`.
 *  - Password: DIAGCOLLECT_SMTP_PASSWORD or `smtp.password` in the credentials file, only when
 *    `upload.smtp.user` is set (AUTH PLAIN/LOGIN, chosen by nodemailer). Never logged: the
 *    connection has no logger, and every message is scrubbed.
 *  - validateTicket: SMTP has no ticket API, so the ticket id is only checked syntactically
 *    (shared/naming.ts). The server is checked instead: connect, TLS, AUTH, QUIT — a wrong
 *    password stops the run before collecting, like a wrong API key does for Redmine.
 *  - findAttachment: SMTP cannot look into a mailbox, so it always answers "not there".
 *    Exactly-once is therefore "at most once per successful attempt": the outbox marks the job
 *    done right after the server's 250 for DATA (the message is then the server's
 *    responsibility). A crash or a lost connection between the end of DATA and that 250 being
 *    recorded sends the message again on the next attempt. Each resend carries the same
 *    Message-ID (derived from ticket and SHA-256), so a help desk or mail store that drops
 *    duplicate Message-IDs keeps one copy; others show two identical mails.
 *  - Size: `maxMessageBytes` (default 20 MB, a typical limit) applies to the encoded message
 *    (base64 adds a third); too big → a final `too-large` error before connecting. A server
 *    that announces a smaller SIZE, or answers 552, gives the same error.
 */
import { readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { Transform, type TransformCallback } from 'node:stream';
import { rootCertificates } from 'node:tls';
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type yauzl from 'yauzl';
import { formatBytes } from '../../../shared/figures.js';
import { checkView } from '../../../shared/i18n/check-text.js';
import { translator } from '../../../shared/i18n/translate.js';
import { CheckResultSchema } from '../../../shared/types.js';
import { checkTicketId, emailSubject } from '../../../shared/naming.js';
import type { Policy } from '../../../shared/policy.js';
import { openEntryStream, openZip, zipEntries } from '../archive/zip-read.js';
import { readSecret, secretEnvName, type Secret, type SecretSpec } from './credentials.js';
import { hostAllowed } from './http.js';
import type { ArchiveFile, AttachOptions, AttachmentRef, UploadConnector } from './types.js';
import { UploadError, scrub, toUploadError } from './upload-error.js';

export const SMTP_SECRET: SecretSpec = { target: 'smtp', key: 'password', envSuffix: 'PASSWORD', label: 'password' };

const MB = 1024 * 1024;
/** Headers and the text body, generously. */
const MESSAGE_OVERHEAD = 64 * 1024;
const MAX_JSON_ENTRY = 4 * MB;

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  startTls: 'required' | 'opportunistic';
  from: string;
  to: readonly string[];
  cc?: readonly string[];
  user?: string;
  password?: Secret;
  maxMessageBytes: number;
  caFile?: string;
  allowedHosts?: readonly string[];
  /** Test hook: connection timeouts in ms (default 30 s to connect, 10 min idle socket). */
  timeouts?: { connection?: number; greeting?: number; socket?: number };
}

/** The size of the MIME message carrying `archiveBytes` as base64 (76-character lines + CRLF). */
export function estimateMessageBytes(archiveBytes: number): number {
  const encoded = Math.ceil(archiveBytes / 3) * 4;
  return encoded + 2 * Math.ceil(encoded / 76) + MESSAGE_OVERHEAD;
}

/** The largest archive whose message fits into `maxMessageBytes`. */
export function maxArchiveBytes(maxMessageBytes: number): number {
  const encoded = Math.max(0, maxMessageBytes - MESSAGE_OVERHEAD) * (76 / 78);
  return Math.max(0, Math.floor((encoded / 4) * 3));
}

interface SmtpErrorLike {
  message?: string;
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
}

/** What the archive itself says about the run: for the mail body (best effort, never fails). */
export interface ArchiveSummary {
  steps: string[];
  checks: string[];
}

async function readZipJson(path: string, baseName: string): Promise<unknown> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path);
  } catch {
    return undefined;
  }
  try {
    for await (const entry of zipEntries(zip)) {
      const name = entry.fileName;
      if (!(name === baseName || name.endsWith(`/${baseName}`)) || name.split('/').length > 2 || entry.uncompressedSize > MAX_JSON_ENTRY) continue;
      const parts: Buffer[] = [];
      for await (const part of await openEntryStream(zip, entry)) parts.push(part as Buffer);
      return JSON.parse(Buffer.concat(parts).toString('utf8'));
    }
    return undefined;
  } catch {
    return undefined;
  } finally {
    zip.close();
  }
}


/** Steps (collectors with their outcome) and checklist verdicts from manifest.json and checks.json. */
export async function readArchiveSummary(path: string, lang: 'zh-CN' | 'en'): Promise<ArchiveSummary> {
  const [manifest, checks] = await Promise.all([readZipJson(path, 'manifest.json'), readZipJson(path, 'checks.json')]);
  const steps: string[] = [];
  const collectors = (manifest as { collectors?: unknown } | undefined)?.collectors;
  if (Array.isArray(collectors)) {
    for (const c of collectors as { id?: string; status?: string; error?: string }[]) {
      if (typeof c?.id !== 'string') continue;
      steps.push(`${c.id}: ${c.status ?? '?'}${c.error ? ` (${c.error})` : ''}`);
    }
  }
  const out: string[] = [];
  const results = (checks as { results?: unknown } | undefined)?.results;
  if (Array.isArray(results)) {
    const tr = translator(lang);
    for (const raw of results) {
      // Codes rendered in the draft's language; a result this version cannot read keeps its English text.
      const parsed = CheckResultSchema.safeParse(raw);
      const r = raw as { id?: string; status?: string; en?: { title?: string; detail?: string } };
      if (typeof r?.id !== 'string') continue;
      const view = parsed.success ? checkView(tr, parsed.data) : { title: r.en?.title || r.id, detail: r.en?.detail ?? '' };
      out.push(`[${r.status ?? '?'}] ${view.title}${view.detail ? ` — ${view.detail}` : ''}`);
    }
  }
  return { steps, checks: out };
}

/** The plain-text body: the note, the archive's facts, then steps and checklist as bullets. */
export function mailBody(input: { ticket: string; file: ArchiveFile; comment?: string; summary: ArchiveSummary; lang: 'zh-CN' | 'en' }): string {
  const { file, summary } = input;
  const zh = input.lang === 'zh-CN';
  const size = formatBytes(file.size);
  const lines = [
    input.comment || (zh ? `工单 ${input.ticket} 的诊断信息见附件。` : `Attached are the diagnostics for ticket ${input.ticket}.`),
    '',
    zh ? `- 工单：${input.ticket}` : `- Ticket: ${input.ticket}`,
    zh ? `- 附件：${file.name}（${size}）` : `- Attachment: ${file.name} (${size})`,
    `- SHA-256: ${file.sha256}`,
  ];
  if (summary.steps.length) lines.push('', zh ? '收集步骤：' : 'Collection steps:', ...summary.steps.map((s) => `- ${s}`));
  if (summary.checks.length) lines.push('', zh ? '基本检查结果：' : 'Checklist results:', ...summary.checks.map((s) => `- ${s}`));
  lines.push('');
  return lines.join('\n');
}

export class SmtpConnector implements UploadConnector {
  readonly id = 'smtp';
  readonly displayName = { 'zh-CN': '电子邮件（SMTP）', en: 'E-mail (SMTP)' };
  maxBytes: number;
  readonly #settings: SmtpSettings;
  readonly #ca: string[] | undefined;
  readonly #open = new Set<SMTPConnection>();

  private constructor(settings: SmtpSettings, ca: string[] | undefined) {
    this.#settings = settings;
    this.#ca = ca;
    this.maxBytes = maxArchiveBytes(settings.maxMessageBytes);
  }

  static async create(settings: SmtpSettings): Promise<SmtpConnector> {
    if (settings.allowedHosts && !hostAllowed(settings.host, settings.allowedHosts)) {
      throw new UploadError('config', `the SMTP server ${settings.host} is not in upload.allowedHosts (${settings.allowedHosts.join(', ')})`);
    }
    if (settings.user && !settings.password) throw new UploadError('config', `upload.smtp.user is set but there is no password: set ${secretEnvName(SMTP_SECRET)}`);
    let ca: string[] | undefined;
    if (settings.caFile) {
      try {
        ca = [...rootCertificates, await readFile(settings.caFile, 'utf8')];
      } catch (err) {
        throw new UploadError('config', `cannot read upload.caFile ${settings.caFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
    }
    return new SmtpConnector(settings, ca);
  }

  static async fromPolicy(policy: Policy, options: { env: NodeJS.ProcessEnv; dataDir: string }): Promise<SmtpConnector> {
    const s = policy.upload.smtp;
    if (!s) throw new UploadError('config', 'the upload target is e-mail (SMTP), but the policy has no upload.smtp');
    const password = s.user ? await readSecret(SMTP_SECRET, { ...options, ...(policy.upload.credentialsFile ? { file: policy.upload.credentialsFile } : {}) }) : undefined;
    return SmtpConnector.create({
      host: s.host,
      port: s.port,
      secure: s.secure,
      startTls: s.startTls,
      from: s.from,
      to: s.to,
      ...(s.cc ? { cc: s.cc } : {}),
      ...(s.user ? { user: s.user } : {}),
      ...(password ? { password } : {}),
      maxMessageBytes: s.maxMessageBytes,
      ...(policy.upload.caFile ? { caFile: policy.upload.caFile } : {}),
      ...(policy.upload.allowedHosts ? { allowedHosts: policy.upload.allowedHosts } : {}),
    });
  }

  /** `smtp://host:port` (what the job file records; never carries credentials). */
  static targetUrlOf(s: { host: string; port: number; secure?: boolean }): string {
    const host = isIP(s.host) === 6 ? `[${s.host}]` : s.host;
    return `${s.secure ? 'smtps' : 'smtp'}://${host}:${s.port}`;
  }

  isConfigured(policy: Policy): boolean {
    return Boolean(policy.upload.smtp?.host);
  }

  get targetUrl(): string {
    return SmtpConnector.targetUrlOf(this.#settings);
  }

  get #where(): string {
    return `the SMTP server ${this.#settings.host}:${this.#settings.port}`;
  }

  #secrets(): string[] {
    const p = this.#settings.password?.reveal();
    if (!p) return [];
    const user = this.#settings.user ?? '';
    return [p, Buffer.from(p).toString('base64'), Buffer.from(`\0${user}\0${p}`).toString('base64')];
  }

  /** Any error from a session as an UploadError (kind decides final vs retry); no secret in it. */
  #error(err: unknown, aborted: boolean): UploadError {
    if (err instanceof UploadError) return err;
    const e = (err ?? {}) as SmtpErrorLike;
    const text = scrub(e.message ?? String(err), this.#secrets());
    const where = this.#where;
    const code = e.responseCode;
    if (aborted) return new UploadError('cancelled', 'the upload was cancelled');
    if (e.code === 'EAUTH' || code === 535 || code === 534 || code === 530) {
      if (!code && !/Invalid login/i.test(text)) return new UploadError('config', `${where}: cannot log in (${text}); check upload.smtp.user and the server's AUTH methods`);
      return new UploadError('auth', `${where} refused the login for "${this.#settings.user ?? ''}" (${text}): check the password (${secretEnvName(SMTP_SECRET)} or "smtp.password" in the credentials file)`, code ? { status: code } : {});
    }
    if (code === 552 || code === 523 || (e.code === 'EMESSAGE' && /size/i.test(text))) {
      return new UploadError('too-large', `${where} refused the message as too big (${text}); collect less (--since, --skip) or ask for a larger upload.smtp.maxMessageBytes`, code ? { status: code } : {});
    }
    if (code && code >= 400 && code < 500) return new UploadError('server', `${where} is temporarily not accepting the message (${text}); it will be tried again`, { status: code });
    if (code && code >= 500) return new UploadError('rejected', `${where} rejected the message (${text}); check upload.smtp.from/to and ask the mail administrator`, { status: code });
    if (e.code === 'ETLS' || /STARTTLS/i.test(text)) {
      if (/certificate|self[- ]signed|issuer|altname/i.test(text)) {
        return new UploadError('tls', `${where}: the server's certificate is not trusted (${text}); if your company uses its own CA, set upload.caFile in the policy to its PEM file`);
      }
      return new UploadError('tls', `${where}: a secure connection could not be set up (${text}); upload.smtp.startTls is "${this.#settings.startTls}"`);
    }
    if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE' || e.code === 'EREQUIRETLS') return new UploadError('rejected', `${where}: the message was refused (${text}); check upload.smtp.from/to`);
    if (e.code === 'ESTREAM') return new UploadError('archive', `the archive could not be read while it was being sent (${text}); collect again`);
    if (e.code === 'ETIMEDOUT') return new UploadError('timeout', `${where}: the server did not answer in time`);
    // A socket error keeps its system code (ECONNREFUSED, a certificate code) in originalCode.
    const system = e.originalCode ?? e.code;
    if (system) return toUploadError(Object.assign(new Error(text), { code: system }), where);
    return new UploadError('network', `${where}: ${text}`);
  }

  /** Runs one SMTP operation: rejects on its error, on a connection error or when the signal fires (closing the socket). */
  #op<T>(conn: SMTPConnection, signal: AbortSignal | undefined, start: (done: (err: unknown, value?: T) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (err: unknown, value?: T) => {
        if (settled) return;
        settled = true;
        conn.off('error', onError);
        conn.off('end', onEnd);
        signal?.removeEventListener('abort', onAbort);
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve(value as T);
      };
      const onError = (err: Error) => finish(err);
      const onEnd = () => finish(Object.assign(new Error('the server closed the connection'), { code: 'ECONNECTION' }));
      const onAbort = () => {
        conn.close();
        finish(new UploadError('cancelled', 'the upload was cancelled'));
      };
      if (signal?.aborted) return onAbort();
      conn.on('error', onError);
      conn.on('end', onEnd);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        start(finish);
      } catch (err) {
        finish(err);
      }
    });
  }

  /** Connects, secures and logs in; the caller quits. */
  async #session<T>(signal: AbortSignal | undefined, work: (conn: SMTPConnection) => Promise<T>): Promise<T> {
    const s = this.#settings;
    const t = s.timeouts ?? {};
    const conn = new SMTPConnection({
      host: s.host,
      port: s.port,
      secure: s.secure,
      requireTLS: !s.secure && s.startTls === 'required',
      opportunisticTLS: false,
      tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2', ...(this.#ca ? { ca: this.#ca } : {}) },
      connectionTimeout: t.connection ?? 30_000,
      greetingTimeout: t.greeting ?? 30_000,
      socketTimeout: t.socket ?? 10 * 60_000,
      logger: false,
      debug: false,
    });
    conn.on('error', () => {}); // errors are taken by the operation in progress
    this.#open.add(conn);
    try {
      await this.#op<void>(conn, signal, (done) => conn.connect((err) => done(err)));
      if (s.user && s.password) {
        const credentials = { user: s.user, pass: s.password.reveal() };
        await this.#op<boolean | undefined>(conn, signal, (done) => conn.login({ credentials }, (err, ok) => done(err, ok)));
      }
      const result = await work(conn);
      conn.quit();
      return result;
    } catch (err) {
      conn.close();
      throw this.#error(err, Boolean(signal?.aborted));
    } finally {
      this.#open.delete(conn);
    }
  }

  async validateTicket(ticket: string, options: { signal?: AbortSignal } = {}): Promise<{ title: string; lookedUp: false }> {
    const check = checkTicketId(ticket);
    if (!check.ok) throw new UploadError('rejected', check.reason);
    // No ticket API behind SMTP: the id is checked syntactically; the server and login are checked for real.
    await this.#session(options.signal, async () => undefined);
    return { title: `e-mail to ${[...this.#settings.to, ...(this.#settings.cc ?? [])].join(', ')} (the ticket number is not looked up)`, lookedUp: false };
  }

  /** SMTP cannot look into a mailbox: always null (see the file comment for exactly-once). */
  async findAttachment(): Promise<AttachmentRef | null> {
    return null;
  }

  /** Same ticket and archive → same Message-ID, so a resend after a crash can be recognised. */
  messageId(ticket: string, file: ArchiveFile): string {
    const domain = this.#settings.from.split('@').pop() || 'diagcollect.invalid';
    return `<diagcollect.${ticket}.${file.sha256.slice(0, 32)}@${domain}>`;
  }

  async attach(ticket: string, file: ArchiveFile, options: AttachOptions = {}): Promise<AttachmentRef> {
    const check = checkTicketId(ticket);
    if (!check.ok) throw new UploadError('rejected', check.reason);
    const s = this.#settings;
    const estimate = estimateMessageBytes(file.size);
    if (estimate > s.maxMessageBytes) {
      throw new UploadError(
        'too-large',
        `the archive is ${(file.size / MB).toFixed(1)} MB, about ${(estimate / MB).toFixed(1)} MB as e-mail, more than upload.smtp.maxMessageBytes (${(s.maxMessageBytes / MB).toFixed(1)} MB): collect less (--since, --skip), or use another upload target`,
      );
    }
    const lang = /[\u4e00-\u9fff]/.test(file.name) ? 'zh-CN' : 'en';
    const summary = await readArchiveSummary(file.path, lang);
    const messageId = this.messageId(check.ticket, file);
    const composer = new MailComposer({
      from: s.from,
      to: [...s.to],
      ...(s.cc?.length ? { cc: [...s.cc] } : {}),
      subject: emailSubject(check.ticket),
      messageId,
      text: mailBody({ ticket: check.ticket, file, ...(options.comment ? { comment: options.comment } : {}), summary, lang }),
      headers: { 'X-Diagcollect-Ticket': check.ticket, 'X-Diagcollect-SHA256': file.sha256 },
      attachments: [{ filename: file.name, path: file.path, contentType: 'application/zip' }],
    });
    const mime = composer.compile();
    const envelope = { ...mime.getEnvelope(), size: estimate };
    const info = await this.#session(options.signal, (conn) =>
      this.#op<SMTPConnection.SentMessageInfo>(conn, options.signal, (done) => {
        let sent = 0;
        const counter = new Transform({
          transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback) {
            sent += chunk.length;
            options.onProgress?.(Math.min(file.size, Math.floor((sent / estimate) * file.size)), file.size);
            cb(null, chunk);
          },
        });
        const source = mime.createReadStream();
        source.on('error', (err: Error) => counter.destroy(err));
        conn.send(envelope, source.pipe(counter), (err, result) => done(err, result));
      }),
    );
    if (info.accepted.length === 0) throw new UploadError('rejected', `${this.#where} accepted no recipient (${info.rejected.join(', ')})`);
    options.onProgress?.(file.size, file.size);
    return { id: info.serverMessageId ?? messageId, name: file.name, size: file.size };
  }

  async close(): Promise<void> {
    for (const conn of this.#open) conn.close();
    this.#open.clear();
  }
}
