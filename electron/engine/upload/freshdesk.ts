/**
 * Freshdesk (target `freshdesk`, policy `upload.freshdesk: { url, private? }`), per the API v2
 * reference:
 *  - auth: Basic `<API key>:X`; the key comes from DIAGCOLLECT_FRESHDESK_API_KEY.
 *  - validateTicket: `GET /api/v2/tickets/{id}` → `{ subject }`.
 *  - attach: a note, `POST /api/v2/tickets/{id}/notes` as multipart/form-data with `body`,
 *    `private` and the archive under `attachments[]` → 201 `{ id, attachments: [{ id, name, size, attachment_url }] }`.
 *  - findAttachment: `GET /api/v2/tickets/{id}` (ticket attachments) and
 *    `GET /api/v2/tickets/{id}/conversations?page=N&per_page=100`, by name and size (see saas.ts).
 *  - maxBytes: 20 MB, Freshdesk's limit for a ticket's attachments.
 */
import type { Policy } from '../../../shared/policy.js';
import { readSecret, secretEnvName, type Secret, type SecretSpec } from './credentials.js';
import { HttpClient } from './http.js';
import { basicAuth, multipartBody, numericTicket, sendJson } from './saas.js';
import type { ArchiveFile, AttachOptions, AttachmentRef, UploadConnector } from './types.js';
import { UploadError } from './upload-error.js';

export const FRESHDESK_SECRET: SecretSpec = { target: 'freshdesk', key: 'apiKey', envSuffix: 'API_KEY', label: 'API key' };
const MB = 1024 * 1024;

interface FdAttachment {
  id: number;
  name: string;
  size: number;
  attachment_url?: string;
}

export interface FreshdeskSettings {
  url: string;
  private: boolean;
  apiKey: Secret;
  caFile?: string;
  allowedHosts?: readonly string[];
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export class FreshdeskConnector implements UploadConnector {
  readonly id = 'freshdesk';
  readonly displayName = { 'zh-CN': 'Freshdesk', en: 'Freshdesk' };
  readonly maxBytes = 20 * MB;
  readonly #http: HttpClient;
  readonly #settings: FreshdeskSettings;

  private constructor(http: HttpClient, settings: FreshdeskSettings) {
    this.#http = http;
    this.#settings = settings;
  }

  static async create(settings: FreshdeskSettings): Promise<FreshdeskConnector> {
    const auth = () => basicAuth(settings.apiKey.reveal(), 'X');
    const http = await HttpClient.create({
      system: 'Freshdesk',
      baseUrl: `${settings.url.replace(/\/+$/, '')}/api/v2/`,
      ...(settings.caFile ? { caFile: settings.caFile } : {}),
      ...(settings.allowedHosts ? { allowedHosts: settings.allowedHosts } : {}),
      authHeaders: () => ({ authorization: auth() }),
      authHint: `check the API key (${secretEnvName(FRESHDESK_SECRET)}; Freshdesk: Profile settings → View API key)`,
      secrets: () => [settings.apiKey.reveal(), auth().slice(6)],
    });
    return new FreshdeskConnector(http, settings);
  }

  static async fromPolicy(policy: Policy, options: { env: NodeJS.ProcessEnv; dataDir: string; /** the job's recorded URL (default: the policy's) */ url?: string }): Promise<FreshdeskConnector> {
    const f = policy.upload.freshdesk;
    if (!f) throw new UploadError('config', 'the upload target is Freshdesk, but the policy has no upload.freshdesk.url');
    return FreshdeskConnector.create({
      url: options.url ?? f.url,
      private: f.private,
      ...(policy.upload.caFile ? { caFile: policy.upload.caFile } : {}),
      ...(policy.upload.allowedHosts ? { allowedHosts: policy.upload.allowedHosts } : {}),
      apiKey: await readSecret(FRESHDESK_SECRET, { ...options, ...(policy.upload.credentialsFile ? { file: policy.upload.credentialsFile } : {}) }),
    });
  }

  isConfigured(policy: Policy): boolean {
    return Boolean(policy.upload.freshdesk?.url);
  }

  get targetUrl(): string {
    return this.#settings.url;
  }

  #notFound(n: string): string {
    return `ticket ${n} does not exist, or the account cannot see it: check the ticket number`;
  }

  async validateTicket(ticket: string, options: { signal?: AbortSignal } = {}): Promise<{ title: string }> {
    const n = numericTicket('Freshdesk', ticket);
    const data = await sendJson<{ subject?: string }>(this.#http, 'GET', `tickets/${n}`, { expect: [200], signal: options.signal, context: { action: `read ticket ${n}`, notFound: this.#notFound(n) } });
    return { title: data?.subject ?? '' };
  }

  #ref(a: FdAttachment): AttachmentRef {
    return { id: String(a.id), ...(a.attachment_url ? { url: a.attachment_url } : {}), name: a.name, size: a.size };
  }

  async findAttachment(ticket: string, name: string, _sha256: string, options: { signal?: AbortSignal; size?: number } = {}): Promise<AttachmentRef | null> {
    const n = numericTicket('Freshdesk', ticket);
    const context = { action: `read ticket ${n}`, notFound: this.#notFound(n) };
    const all: FdAttachment[] = [];
    const t = await sendJson<{ attachments?: FdAttachment[] }>(this.#http, 'GET', `tickets/${n}`, { expect: [200], signal: options.signal, context });
    all.push(...(t?.attachments ?? []));
    for (let page = 1; page < 1000; page += 1) {
      const convs = await sendJson<{ attachments?: FdAttachment[] }[]>(this.#http, 'GET', `tickets/${n}/conversations?page=${page}&per_page=100`, { expect: [200], signal: options.signal, context });
      for (const c of convs ?? []) all.push(...(c.attachments ?? []));
      if (!convs || convs.length < 100) break;
    }
    const match = all.filter((a) => a.name === name && (options.size === undefined || a.size === options.size)).pop();
    return match ? this.#ref(match) : null;
  }

  async attach(ticket: string, file: ArchiveFile, options: AttachOptions = {}): Promise<AttachmentRef> {
    const n = numericTicket('Freshdesk', ticket);
    if (file.size > this.maxBytes) throw new UploadError('too-large', `the archive is ${(file.size / MB).toFixed(1)} MB; Freshdesk takes at most 20 MB of attachments per ticket: collect less (--since, --skip)`);
    const body = `<p>${escapeHtml(options.comment || file.name)}</p>`;
    const form = multipartBody(
      [
        ['body', body],
        ['private', String(this.#settings.private)],
      ],
      'attachments[]',
      file,
      options,
    );
    const note = await sendJson<{ id?: number; attachments?: FdAttachment[] }>(this.#http, 'POST', `tickets/${n}/notes`, {
      headers: form.headers,
      body: form.body,
      expect: [201],
      signal: options.signal,
      context: { action: `add a note with an attachment to ticket ${n}`, notFound: this.#notFound(n), bytes: file.size },
    });
    const a = note?.attachments?.find((x) => x.name === file.name);
    if (!a) throw new UploadError('rejected', `${this.#http.where} created the note but lists no attachment ${file.name}`);
    if (a.size !== file.size) throw new UploadError('integrity', `${this.#http.where} stored ${a.size} of ${file.size} bytes of ${file.name}; the upload will be tried again`);
    return this.#ref(a);
  }

  async close(): Promise<void> {
    await this.#http.close();
  }
}
