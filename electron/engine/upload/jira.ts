/**
 * Jira Service Management (target `jira`, policy `upload.jira: { url, user?, public? }`), per
 * the servicedeskapi REST reference:
 *  - auth: Cloud: Basic `<user e-mail>:<API token>`; Data Center (no `user`): `Bearer <PAT>`;
 *    the token comes from DIAGCOLLECT_JIRA_TOKEN.
 *  - validateTicket: `GET /rest/servicedeskapi/request/{key}` → `serviceDeskId` and the
 *    `summary` in `requestFieldValues`.
 *  - attach: `POST /rest/servicedeskapi/servicedesk/{serviceDeskId}/attachTemporaryFile`,
 *    multipart field `file`, headers `X-ExperimentalApi: opt-in` and `X-Atlassian-Token: no-check`
 *    → `{ temporaryAttachments: [{ temporaryAttachmentId, fileName }] }`; then
 *    `POST /rest/servicedeskapi/request/{key}/attachment` with `{ temporaryAttachmentIds, public,
 *    additionalComment: { body } }` → 201 `{ comment, attachments: { values: [{ filename, size }] } }`.
 *  - findAttachment: `GET /rest/servicedeskapi/request/{key}/attachment` (paged: start, limit,
 *    isLastPage), by filename and size (see saas.ts).
 */
import type { Policy } from '../../../shared/policy.js';
import { readSecret, secretEnvName, type Secret, type SecretSpec } from './credentials.js';
import { HttpClient } from './http.js';
import { basicAuth, multipartBody, sendJson } from './saas.js';
import type { ArchiveFile, AttachOptions, AttachmentRef, UploadConnector } from './types.js';
import { UploadError } from './upload-error.js';

export const JIRA_SECRET: SecretSpec = { target: 'jira', key: 'token', envSuffix: 'TOKEN', label: 'API token' };

interface JiraAttachment {
  filename: string;
  size: number;
  _links?: { content?: string; self?: string };
}

export interface JiraSettings {
  url: string;
  user?: string;
  public: boolean;
  token: Secret;
  caFile?: string;
  allowedHosts?: readonly string[];
}

function issueKey(ticket: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_]{0,30}-[1-9]\d{0,11}$/.test(ticket) && !/^[1-9]\d{0,15}$/.test(ticket)) {
    throw new UploadError('not-found', `Jira request keys look like SUP-123; "${ticket}" is not one: check the ticket number`);
  }
  return ticket.toUpperCase();
}

export class JiraConnector implements UploadConnector {
  readonly id = 'jira';
  readonly displayName = { 'zh-CN': 'Jira Service Management', en: 'Jira Service Management' };
  readonly #http: HttpClient;
  readonly #settings: JiraSettings;
  readonly #desks = new Map<string, string>();

  private constructor(http: HttpClient, settings: JiraSettings) {
    this.#http = http;
    this.#settings = settings;
  }

  static async create(settings: JiraSettings): Promise<JiraConnector> {
    const auth = () => (settings.user ? basicAuth(settings.user, settings.token.reveal()) : `Bearer ${settings.token.reveal()}`);
    const http = await HttpClient.create({
      system: 'Jira Service Management',
      baseUrl: `${settings.url.replace(/\/+$/, '')}/rest/servicedeskapi/`,
      ...(settings.caFile ? { caFile: settings.caFile } : {}),
      ...(settings.allowedHosts ? { allowedHosts: settings.allowedHosts } : {}),
      authHeaders: () => ({ authorization: auth() }),
      authHint: `check upload.jira.user and the API token (${secretEnvName(JIRA_SECRET)}; Cloud: id.atlassian.com → Security → API tokens; Data Center: a personal access token without upload.jira.user)`,
      secrets: () => [settings.token.reveal(), auth().replace(/^(Basic|Bearer) /, '')],
    });
    return new JiraConnector(http, settings);
  }

  static async fromPolicy(policy: Policy, options: { env: NodeJS.ProcessEnv; dataDir: string; /** the job's recorded URL (default: the policy's) */ url?: string }): Promise<JiraConnector> {
    const j = policy.upload.jira;
    if (!j) throw new UploadError('config', 'the upload target is Jira Service Management, but the policy has no upload.jira.url');
    return JiraConnector.create({
      url: options.url ?? j.url,
      ...(j.user ? { user: j.user } : {}),
      public: j.public,
      ...(policy.upload.caFile ? { caFile: policy.upload.caFile } : {}),
      ...(policy.upload.allowedHosts ? { allowedHosts: policy.upload.allowedHosts } : {}),
      token: await readSecret(JIRA_SECRET, { ...options, ...(policy.upload.credentialsFile ? { file: policy.upload.credentialsFile } : {}) }),
    });
  }

  isConfigured(policy: Policy): boolean {
    return Boolean(policy.upload.jira?.url);
  }

  get targetUrl(): string {
    return this.#settings.url;
  }

  #notFound(key: string): string {
    return `request ${key} does not exist, or the account cannot see it: check the ticket number`;
  }

  async #request(key: string, signal?: AbortSignal): Promise<{ serviceDeskId: string; title: string }> {
    const data = await sendJson<{ serviceDeskId?: string | number; requestFieldValues?: { fieldId?: string; value?: unknown }[] }>(this.#http, 'GET', `request/${encodeURIComponent(key)}`, {
      expect: [200],
      signal,
      context: { action: `read request ${key}`, notFound: this.#notFound(key) },
    });
    if (data?.serviceDeskId === undefined) throw new UploadError('rejected', `${this.#http.where}: request ${key} has no serviceDeskId; is it a service request?`);
    const summary = data.requestFieldValues?.find((f) => f.fieldId === 'summary')?.value;
    this.#desks.set(key, String(data.serviceDeskId));
    return { serviceDeskId: String(data.serviceDeskId), title: typeof summary === 'string' ? summary : '' };
  }

  async validateTicket(ticket: string, options: { signal?: AbortSignal } = {}): Promise<{ title: string }> {
    return { title: (await this.#request(issueKey(ticket), options.signal)).title };
  }

  #ref(a: JiraAttachment, fallbackId: string): AttachmentRef {
    const url = a._links?.content;
    const id = (url && /\/attachment\/(\d+)/.exec(url)?.[1]) ?? fallbackId;
    return { id, ...(url ? { url } : {}), name: a.filename, size: a.size };
  }

  async findAttachment(ticket: string, name: string, _sha256: string, options: { signal?: AbortSignal; size?: number } = {}): Promise<AttachmentRef | null> {
    const key = issueKey(ticket);
    let found: JiraAttachment | undefined;
    for (let start = 0, page = 0; page < 1000; page += 1) {
      const data = await sendJson<{ values?: JiraAttachment[]; isLastPage?: boolean; size?: number; limit?: number }>(this.#http, 'GET', `request/${encodeURIComponent(key)}/attachment?start=${start}&limit=100`, {
        expect: [200],
        signal: options.signal,
        context: { action: `list the attachments of ${key}`, notFound: this.#notFound(key) },
      });
      const values = data?.values ?? [];
      for (const a of values) if (a.filename === name && (options.size === undefined || a.size === options.size)) found = a;
      if (data?.isLastPage !== false || values.length === 0) break;
      start += values.length;
    }
    return found ? this.#ref(found, name) : null;
  }

  async attach(ticket: string, file: ArchiveFile, options: AttachOptions = {}): Promise<AttachmentRef> {
    const key = issueKey(ticket);
    const desk = this.#desks.get(key) ?? (await this.#request(key, options.signal)).serviceDeskId;
    const form = multipartBody([], 'file', file, options);
    const temp = await sendJson<{ temporaryAttachments?: { temporaryAttachmentId?: string; fileName?: string }[] }>(this.#http, 'POST', `servicedesk/${encodeURIComponent(desk)}/attachTemporaryFile`, {
      headers: { ...form.headers, 'x-experimentalapi': 'opt-in', 'x-atlassian-token': 'no-check' },
      body: form.body,
      expect: [200, 201],
      signal: options.signal,
      context: { action: `add attachments in service desk ${desk}`, bytes: file.size },
    });
    const tempId = temp?.temporaryAttachments?.[0]?.temporaryAttachmentId;
    if (!tempId) throw new UploadError('rejected', `${this.#http.where} returned no temporaryAttachmentId for ${file.name}`);
    const created = await sendJson<{ attachments?: { values?: JiraAttachment[] } }>(this.#http, 'POST', `request/${encodeURIComponent(key)}/attachment`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ temporaryAttachmentIds: [tempId], public: this.#settings.public, additionalComment: { body: options.comment || file.name } }),
      expect: [200, 201],
      signal: options.signal,
      context: { action: `attach files to request ${key}`, notFound: this.#notFound(key) },
    });
    const a = created?.attachments?.values?.find((v) => v.filename === file.name);
    if (a && a.size !== file.size) throw new UploadError('integrity', `${this.#http.where} stored ${a.size} of ${file.size} bytes of ${file.name}; the upload will be tried again`);
    return a ? this.#ref(a, tempId) : { id: tempId, name: file.name, size: file.size };
  }

  async close(): Promise<void> {
    await this.#http.close();
  }
}
