/**
 * Zendesk Support (target `zendesk`, policy `upload.zendesk: { url, user, public? }`), per the
 * Ticketing API reference:
 *  - auth: API token, `Authorization: Basic base64("<user>/token:<token>")`; the token comes
 *    from DIAGCOLLECT_ZENDESK_TOKEN.
 *  - validateTicket: `GET /api/v2/tickets/{id}.json` → `{ ticket: { subject } }`.
 *  - attach: `POST /api/v2/uploads.json?filename=<name>` with the raw archive
 *    (Content-Type application/binary) → 201 `{ upload: { token, attachment } }`, then
 *    `PUT /api/v2/tickets/{id}.json` with `{ ticket: { comment: { body, uploads: [token], public } } }`.
 *    An upload token not used within its lifetime is deleted by Zendesk.
 *  - findAttachment: `GET /api/v2/tickets/{id}/comments.json` (paged by `next_page`), by
 *    `file_name` and `size` (see saas.ts).
 *  - maxBytes: 50 MB, Zendesk's attachment limit.
 */
import type { Policy } from '../../../shared/policy.js';
import { readSecret, secretEnvName, type Secret, type SecretSpec } from './credentials.js';
import { HttpClient } from './http.js';
import { basicAuth, numericTicket, rawBody, sendJson } from './saas.js';
import type { ArchiveFile, AttachOptions, AttachmentRef, UploadConnector } from './types.js';
import { UploadError } from './upload-error.js';

export const ZENDESK_SECRET: SecretSpec = { target: 'zendesk', key: 'token', envSuffix: 'TOKEN', label: 'API token' };
const MB = 1024 * 1024;

interface ZendeskAttachment {
  id: number;
  file_name: string;
  size: number;
  content_url?: string;
}

export interface ZendeskSettings {
  url: string;
  user: string;
  public: boolean;
  token: Secret;
  caFile?: string;
  allowedHosts?: readonly string[];
}

export class ZendeskConnector implements UploadConnector {
  readonly id = 'zendesk';
  readonly displayName = { 'zh-CN': 'Zendesk', en: 'Zendesk' };
  readonly maxBytes = 50 * MB;
  readonly #http: HttpClient;
  readonly #settings: ZendeskSettings;

  private constructor(http: HttpClient, settings: ZendeskSettings) {
    this.#http = http;
    this.#settings = settings;
  }

  static async create(settings: ZendeskSettings): Promise<ZendeskConnector> {
    const auth = () => basicAuth(`${settings.user}/token`, settings.token.reveal());
    const http = await HttpClient.create({
      system: 'Zendesk',
      baseUrl: `${settings.url.replace(/\/+$/, '')}/api/v2/`,
      ...(settings.caFile ? { caFile: settings.caFile } : {}),
      ...(settings.allowedHosts ? { allowedHosts: settings.allowedHosts } : {}),
      authHeaders: () => ({ authorization: auth() }),
      authHint: `check upload.zendesk.user and the API token (${secretEnvName(ZENDESK_SECRET)}; Admin Center → Apps and integrations → Zendesk API)`,
      secrets: () => [settings.token.reveal(), auth().slice(6)],
    });
    return new ZendeskConnector(http, settings);
  }

  static async fromPolicy(policy: Policy, options: { env: NodeJS.ProcessEnv; dataDir: string; /** the job's recorded URL (default: the policy's) */ url?: string }): Promise<ZendeskConnector> {
    const z = policy.upload.zendesk;
    if (!z) throw new UploadError('config', 'the upload target is Zendesk, but the policy has no upload.zendesk.url');
    return ZendeskConnector.create({
      url: options.url ?? z.url,
      user: z.user,
      public: z.public,
      ...(policy.upload.caFile ? { caFile: policy.upload.caFile } : {}),
      ...(policy.upload.allowedHosts ? { allowedHosts: policy.upload.allowedHosts } : {}),
      token: await readSecret(ZENDESK_SECRET, { ...options, ...(policy.upload.credentialsFile ? { file: policy.upload.credentialsFile } : {}) }),
    });
  }

  isConfigured(policy: Policy): boolean {
    return Boolean(policy.upload.zendesk?.url);
  }

  get targetUrl(): string {
    return this.#settings.url;
  }

  #notFound(n: string): string {
    return `ticket ${n} does not exist, or the account cannot see it: check the ticket number`;
  }

  async validateTicket(ticket: string, options: { signal?: AbortSignal } = {}): Promise<{ title: string }> {
    const n = numericTicket('Zendesk', ticket);
    const data = await sendJson<{ ticket?: { subject?: string } }>(this.#http, 'GET', `tickets/${n}.json`, { expect: [200], signal: options.signal, context: { action: `read ticket ${n}`, notFound: this.#notFound(n) } });
    return { title: data?.ticket?.subject ?? '' };
  }

  async findAttachment(ticket: string, name: string, _sha256: string, options: { signal?: AbortSignal; size?: number } = {}): Promise<AttachmentRef | null> {
    const n = numericTicket('Zendesk', ticket);
    let path: string | null = `tickets/${n}/comments.json`;
    let found: ZendeskAttachment | undefined;
    for (let page = 0; path && page < 1000; page += 1) {
      const data: { comments?: { attachments?: ZendeskAttachment[] }[]; next_page?: string | null } | null = await sendJson(this.#http, 'GET', path, {
        expect: [200],
        signal: options.signal,
        context: { action: `list the comments of ticket ${n}`, notFound: this.#notFound(n) },
      });
      for (const c of data?.comments ?? []) for (const a of c.attachments ?? []) if (a.file_name === name && (options.size === undefined || a.size === options.size)) found = a;
      // next_page is an absolute URL on the same instance; only its path and query are used.
      path = data?.next_page ? `${new URL(data.next_page).pathname.replace(/^\/api\/v2\//, '')}${new URL(data.next_page).search}` : null;
    }
    return found ? this.#ref(found) : null;
  }

  #ref(a: ZendeskAttachment): AttachmentRef {
    return { id: String(a.id), ...(a.content_url ? { url: a.content_url } : {}), name: a.file_name, size: a.size };
  }

  async attach(ticket: string, file: ArchiveFile, options: AttachOptions = {}): Promise<AttachmentRef> {
    const n = numericTicket('Zendesk', ticket);
    if (file.size > this.maxBytes) throw new UploadError('too-large', `the archive is ${(file.size / MB).toFixed(1)} MB; Zendesk takes attachments up to 50 MB: collect less (--since, --skip)`);
    const raw = rawBody(file, 'application/binary', options);
    const uploaded = await sendJson<{ upload?: { token?: string; attachment?: ZendeskAttachment } }>(this.#http, 'POST', `uploads.json?filename=${encodeURIComponent(file.name)}`, {
      headers: raw.headers,
      body: raw.body,
      expect: [201],
      signal: options.signal,
      context: { action: `upload ${file.name}`, bytes: file.size },
    });
    const token = uploaded?.upload?.token;
    if (!token) throw new UploadError('rejected', `${this.#http.where} returned no upload token for ${file.name}`);
    const comment = { body: options.comment || file.name, uploads: [token], public: this.#settings.public };
    await sendJson(this.#http, 'PUT', `tickets/${n}.json`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ticket: { comment } }),
      expect: [200],
      signal: options.signal,
      context: { action: `add a comment with an attachment to ticket ${n}`, notFound: this.#notFound(n) },
    });
    const a = uploaded.upload?.attachment;
    if (a && a.size !== file.size) throw new UploadError('integrity', `${this.#http.where} stored ${a.size} of ${file.size} bytes of ${file.name}; the upload will be tried again`);
    return a ? this.#ref(a) : { id: token, name: file.name, size: file.size };
  }

  async close(): Promise<void> {
    await this.#http.close();
  }
}
