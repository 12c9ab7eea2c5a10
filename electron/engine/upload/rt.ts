/**
 * Request Tracker 5 (REST2, verified against RT 5.0.3 from Debian 12):
 *  - attach: `POST /REST/2.0/ticket/N/comment` (or `/correspond`, policy `upload.rt.mode`) as
 *    multipart/form-data: a `JSON` part with the message and an `Attachments` part with the
 *    archive as application/octet-stream (RT transcodes text/* to UTF-8, which would change the
 *    bytes). The file name goes raw UTF-8 in `filename="…"` like curl sends it: RT 5.0.3 keeps
 *    it; a non-ASCII FileName in a JSON body fails with HTTP 500 "Wide character".
 *  - RT may cut an attachment at $MaxAttachmentSize ($TruncateLongAttachments) without saying
 *    so — and its ContentLength still shows the original size: after the upload the stored
 *    content is read back (streamed) and its size and SHA-256 compared with the archive's.
 *  - there is no raw download: `GET /REST/2.0/attachment/ID` is JSON with base64 `Content`, which
 *    findAttachment decodes as it streams in (constant memory) to compare the SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Policy } from '../../../shared/policy.js';
import { readSecret, secretEnvName, type Secret, type SecretSpec } from './credentials.js';
import { HttpClient, fileChunks } from './http.js';
import type { ArchiveFile, AttachOptions, AttachmentRef, UploadConnector } from './types.js';
import { UploadError, toUploadError } from './upload-error.js';

export const RT_SECRET: SecretSpec = { target: 'rt', key: 'token', envSuffix: 'TOKEN', label: 'auth token' };

export type RtMode = 'comment' | 'correspond';

export interface RtSettings {
  url: string;
  mode: RtMode;
  caFile?: string;
  allowedHosts?: readonly string[];
  token: Secret;
}

interface RtAttachmentItem {
  id: string | number;
  Filename?: string;
  ContentLength?: string | number;
}

interface RtCollection<T> {
  items?: T[];
  page?: number;
  pages?: number;
}

const MB = 1024 * 1024;

function ticketNumber(ticket: string): string {
  if (!/^[1-9]\d{0,11}$/.test(ticket)) {
    throw new UploadError('not-found', `Request Tracker ticket ids are numbers; "${ticket}" is not one: check the ticket number`);
  }
  return ticket;
}

/** A multipart field value inside quotes: `"`, CR and LF percent-encoded as browsers do (WHATWG). */
function quoted(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * The bytes of a base64 string field (`"Content": "…"`) of a JSON document, decoded as the
 * document streams in. Handles the JSON escapes a base64 string can carry (`\n`, `\r`, `\/`).
 */
export async function* base64JsonField(body: AsyncIterable<Uint8Array>, field: string): AsyncGenerator<Buffer> {
  const key = new RegExp(`"${field}"\\s*:\\s*"`);
  let state: 'seek' | 'value' | 'done' = 'seek';
  let seek = '';
  let pending = ''; // base64 characters not yet decoded (fewer than 4) or a trailing backslash
  for await (const chunk of body) {
    if (state === 'done') continue; // drain the rest
    let text = Buffer.from(chunk).toString('latin1');
    if (state === 'seek') {
      seek += text;
      const m = key.exec(seek);
      if (!m) {
        seek = seek.slice(-(field.length + 64));
        continue;
      }
      text = seek.slice(m.index + m[0].length);
      seek = '';
      state = 'value';
    }
    let raw = pending + text;
    const end = findClosingQuote(raw);
    if (end >= 0) {
      raw = raw.slice(0, end);
      state = 'done';
    }
    // Keep a trailing backslash for the next chunk: it starts an escape.
    let carry = '';
    if (state !== 'done' && raw.endsWith('\\') && !raw.endsWith('\\\\')) {
      carry = '\\';
      raw = raw.slice(0, -1);
    }
    const clean = raw.replace(/\\(.)/g, (_, c: string) => (c === '/' ? '/' : '')).replace(/[^A-Za-z0-9+/=]/g, '');
    const usable = state === 'done' ? clean.length : clean.length - (clean.length % 4);
    if (usable > 0) yield Buffer.from(clean.slice(0, usable), 'base64');
    pending = clean.slice(usable) + carry;
  }
  if (state === 'seek') throw new UploadError('rejected', `the attachment JSON has no "${field}" field`);
  if (state === 'value') throw new UploadError('network', 'the attachment download ended early');
}

/** Index of the first unescaped `"` in a JSON string body, or -1. */
function findClosingQuote(s: string): number {
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c === 0x5c) i += 1;
    else if (c === 0x22) return i;
  }
  return -1;
}

export class RtConnector implements UploadConnector {
  readonly id = 'rt';
  readonly displayName = { 'zh-CN': 'Request Tracker', en: 'Request Tracker' };
  maxBytes?: number;
  readonly #http: HttpClient;
  readonly #settings: RtSettings;

  private constructor(http: HttpClient, settings: RtSettings) {
    this.#http = http;
    this.#settings = settings;
  }

  static async create(settings: RtSettings): Promise<RtConnector> {
    const http = await HttpClient.create({
      system: 'Request Tracker',
      baseUrl: `${settings.url.replace(/\/+$/, '')}/REST/2.0/`,
      ...(settings.caFile ? { caFile: settings.caFile } : {}),
      ...(settings.allowedHosts ? { allowedHosts: settings.allowedHosts } : {}),
      authHeaders: () => ({ authorization: `token ${settings.token.reveal()}` }),
      authHint: `check the auth token (${secretEnvName(RT_SECRET)} or "rt.token" in the credentials file; RT: Logged in as → Settings → Auth Tokens)`,
      secrets: () => [settings.token.reveal()],
    });
    return new RtConnector(http, settings);
  }

  static async fromPolicy(policy: Policy, options: { env: NodeJS.ProcessEnv; dataDir: string; url?: string; mode?: RtMode }): Promise<RtConnector> {
    const url = options.url ?? policy.upload.rt?.url;
    if (!url) throw new UploadError('config', 'the upload target is Request Tracker, but the policy has no upload.rt.url');
    return RtConnector.create({
      url,
      mode: options.mode ?? policy.upload.rt?.mode ?? 'comment',
      ...(policy.upload.caFile ? { caFile: policy.upload.caFile } : {}),
      ...(policy.upload.allowedHosts ? { allowedHosts: policy.upload.allowedHosts } : {}),
      token: await readSecret(RT_SECRET, { ...options, ...(policy.upload.credentialsFile ? { file: policy.upload.credentialsFile } : {}) }),
    });
  }

  isConfigured(policy: Policy): boolean {
    return Boolean(policy.upload.rt?.url);
  }

  get targetUrl(): string {
    return this.#settings.url;
  }

  #notFound(ticket: string): string {
    return `ticket ${ticket} does not exist, or the account cannot see it: check the ticket number`;
  }

  async validateTicket(ticket: string, options: { signal?: AbortSignal } = {}): Promise<{ title: string }> {
    const n = ticketNumber(ticket);
    const { data } = await this.#http.json<{ Subject?: string }>('GET', `ticket/${n}`, {
      expect: [200],
      signal: options.signal,
      context: { action: `read ticket ${n}`, notFound: this.#notFound(n) },
    });
    return { title: data?.Subject ?? '' };
  }

  async #attachments(path: string, signal?: AbortSignal): Promise<RtAttachmentItem[]> {
    const all: RtAttachmentItem[] = [];
    for (let page = 1; page < 10_000; page += 1) {
      const { data } = await this.#http.json<RtCollection<RtAttachmentItem>>('GET', path, {
        query: { fields: 'Filename,ContentLength', per_page: '100', page: String(page) },
        expect: [200],
        signal,
        context: { action: `list the attachments of ${path.replace(/\/attachments$/, '')}`, notFound: this.#notFound(path.split('/')[1] ?? '') },
      });
      all.push(...(data?.items ?? []));
      if (!data?.pages || page >= data.pages) break;
    }
    return all;
  }

  async findAttachment(ticket: string, name: string, sha256: string, options: { signal?: AbortSignal; size?: number } = {}): Promise<AttachmentRef | null> {
    const n = ticketNumber(ticket);
    const items = await this.#attachments(`ticket/${n}/attachments`, options.signal);
    const candidates = items.filter((a) => a.Filename === name && (options.size === undefined || Number(a.ContentLength) === options.size)).reverse();
    for (const a of candidates) {
      if ((await this.#storedContent(String(a.id), options.signal)).sha256 === sha256) return this.#ref(a);
    }
    return null;
  }

  #ref(a: RtAttachmentItem): AttachmentRef {
    const id = String(a.id);
    return { id, url: this.#http.url(`attachment/${id}`).href, name: a.Filename ?? '', size: Number(a.ContentLength ?? 0) };
  }

  /** SHA-256 and size of the bytes RT really stored (its ContentLength field repeats the original size). */
  async #storedContent(id: string, signal?: AbortSignal): Promise<{ sha256: string; size: number }> {
    const response = await this.#http.send('GET', `attachment/${id}`, {
      expect: [200],
      signal,
      context: { action: `read attachment ${id}`, notFound: `attachment ${id} has gone` },
    });
    const hash = createHash('sha256');
    let size = 0;
    try {
      for await (const bytes of base64JsonField(response.body, 'Content')) {
        hash.update(bytes);
        size += bytes.length;
      }
    } catch (err) {
      throw toUploadError(err, this.#http.where, signal?.aborted);
    }
    return { sha256: hash.digest('hex'), size };
  }

  async attach(ticket: string, file: ArchiveFile, options: AttachOptions = {}): Promise<AttachmentRef> {
    const n = ticketNumber(ticket);
    const mode = this.#settings.mode;
    const boundary = `----diagcollect-${randomBytes(12).toString('hex')}`;
    const message = JSON.stringify({ Content: options.comment || file.name, ContentType: 'text/plain' });
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="JSON"\r\nContent-Type: application/json; charset=utf-8\r\n\r\n${message}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="Attachments"; filename="${quoted(file.name)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      'utf8',
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
    const total = head.length + file.size + tail.length;
    const chunks = fileChunks(file.path, file.size, {
      offset: head.length,
      total,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: (sent: number) => options.onProgress?.(Math.max(0, Math.min(file.size, sent - head.length)), file.size) } : {}),
    });
    async function* body(): AsyncGenerator<Buffer> {
      yield head;
      yield* chunks;
      yield tail;
    }
    const response = await this.#http.send('POST', `ticket/${n}/${mode}`, {
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(total) },
      body: body(),
      expect: [201],
      signal: options.signal,
      context: { action: `add a ${mode} with an attachment to ticket ${n}`, notFound: this.#notFound(n), bytes: file.size },
    });
    await response.body.dump().catch(() => {});
    // Location: /REST/2.0/transaction/123 — the new comment; its attachments show what RT kept.
    const location = typeof response.headers.location === 'string' ? response.headers.location : '';
    const txn = /\/transaction\/(\d+)/.exec(location)?.[1];
    const kept = txn
      ? (await this.#attachments(`transaction/${txn}/attachments`, options.signal)).filter((a) => a.Filename === file.name)
      : (await this.#attachments(`ticket/${n}/attachments`, options.signal)).filter((a) => a.Filename === file.name).slice(-1);
    const got = kept[kept.length - 1];
    const advice = `the archive is ${(file.size / MB).toFixed(1)} MB: ask the RT administrator to raise $MaxAttachmentSize (RT_SiteConfig.pm), or collect less (--since, --skip)`;
    if (!got) throw new UploadError('too-large', `${this.#http.where} did not keep the attachment (dropped by $DropLongAttachments?); ${advice}`);
    // With $TruncateLongAttachments RT cuts the content but keeps ContentLength (and the
    // Content-Length header) at the original size: only the stored bytes tell.
    const stored = await this.#storedContent(String(got.id), options.signal);
    if (stored.size < file.size) {
      this.maxBytes = stored.size; // what RT kept is the most it keeps
      throw new UploadError('too-large', `${this.#http.where} stored only ${stored.size} of ${file.size} bytes of ${file.name} (cut at $MaxAttachmentSize); ${advice}`);
    }
    if (stored.sha256 !== file.sha256) {
      throw new UploadError('integrity', `${this.#http.where} stored different bytes than were sent for ${file.name} (SHA-256 ${stored.sha256.slice(0, 12)}…); the upload will be tried again`);
    }
    return this.#ref(got);
  }

  /** A text-only comment (`POST /ticket/N/comment`, JSON body): never mailed to requestors. */
  async postComment(ticket: string, text: string, options: { signal?: AbortSignal } = {}): Promise<{ id?: string }> {
    const n = ticketNumber(ticket);
    const response = await this.#http.send('POST', `ticket/${n}/comment`, {
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ Content: text, ContentType: 'text/plain' }),
      expect: [201],
      signal: options.signal,
      context: { action: `add a comment to ticket ${n}`, notFound: this.#notFound(n) },
    });
    await response.body.dump().catch(() => {});
    const location = typeof response.headers.location === 'string' ? response.headers.location : '';
    const txn = /\/transaction\/(\d+)/.exec(location)?.[1];
    return txn ? { id: txn } : {};
  }

  async findComment(ticket: string, text: string, options: { signal?: AbortSignal } = {}): Promise<{ id?: string } | null> {
    const n = ticketNumber(ticket);
    const same = (a: string) => a.replace(/\r\n/g, '\n').trim();
    for (let page = 1; page < 1_000; page += 1) {
      const { data } = await this.#http.json<RtCollection<{ id: string | number; Type?: string }>>('GET', `ticket/${n}/history`, {
        query: { fields: 'Type', per_page: '100', page: String(page) },
        expect: [200],
        signal: options.signal,
        context: { action: `read the history of ticket ${n}`, notFound: this.#notFound(n) },
      });
      for (const t of (data?.items ?? []).filter((i) => i.Type === 'Comment')) {
        // Names and types first: asking the collection for Content would also send every archive
        // attached to the ticket (base64, in full) just to find a short text.
        const { data: parts } = await this.#http.json<RtCollection<{ id: string | number; ContentType?: string; Filename?: string }>>('GET', `transaction/${t.id}/attachments`, {
          query: { fields: 'ContentType,Filename', per_page: '20' },
          expect: [200],
          signal: options.signal,
          context: { action: `read transaction ${t.id}` },
        });
        const part = (parts?.items ?? []).find((x) => !x.Filename && x.ContentType === 'text/plain');
        if (!part) continue;
        const { data: one } = await this.#http.json<{ Content?: string }>('GET', `attachment/${part.id}`, {
          expect: [200],
          signal: options.signal,
          context: { action: `read attachment ${part.id} of transaction ${t.id}` },
        });
        // A single attachment's JSON gives its Content as base64.
        if (one?.Content && same(Buffer.from(one.Content, 'base64').toString('utf8')) === same(text)) return { id: String(t.id) };
      }
      if (!data?.pages || page >= data.pages) break;
    }
    return null;
  }

  async close(): Promise<void> {
    await this.#http.close();
  }
}
