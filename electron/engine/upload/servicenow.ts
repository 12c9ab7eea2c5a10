/**
 * ServiceNow (target `servicenow`, policy `upload.servicenow: { url, user, table? }`), per the
 * Table and Attachment REST APIs:
 *  - auth: Basic with `user` and DIAGCOLLECT_SERVICENOW_PASSWORD.
 *  - validateTicket: the ticket is the record number (INC0010001):
 *    `GET /api/now/table/{table}?sysparm_query=number={ticket}&sysparm_fields=sys_id,number,short_description&sysparm_limit=1`
 *    → `{ result: [{ sys_id, short_description }] }`.
 *  - attach: `POST /api/now/attachment/file?table_name={table}&table_sys_id={sys_id}&file_name={name}`
 *    with the raw archive (Content-Type application/zip) → 201 `{ result: { sys_id, file_name, size_bytes, download_link } }`.
 *  - findAttachment: `GET /api/now/attachment?sysparm_query=table_sys_id={sys_id}^file_name={name}`,
 *    by name and `size_bytes` (see saas.ts).
 *  - maxBytes: not set (instance property com.glide.attachment.max_size, 1024 MB by default; a
 *    bigger archive gets the server's error).
 */
import type { Policy } from '../../../shared/policy.js';
import { readSecret, secretEnvName, type Secret, type SecretSpec } from './credentials.js';
import { HttpClient } from './http.js';
import { basicAuth, rawBody, sendJson } from './saas.js';
import type { ArchiveFile, AttachOptions, AttachmentRef, UploadConnector } from './types.js';
import { UploadError } from './upload-error.js';

export const SERVICENOW_SECRET: SecretSpec = { target: 'servicenow', key: 'password', envSuffix: 'PASSWORD', label: 'password' };

interface SnAttachment {
  sys_id: string;
  file_name: string;
  size_bytes: string | number;
  download_link?: string;
}

export interface ServiceNowSettings {
  url: string;
  user: string;
  table: string;
  password: Secret;
  caFile?: string;
  allowedHosts?: readonly string[];
}

function recordNumber(ticket: string): string {
  if (!/^[A-Za-z]{2,10}\d{4,12}$/.test(ticket)) throw new UploadError('not-found', `ServiceNow record numbers look like INC0010001; "${ticket}" is not one: check the ticket number`);
  return ticket.toUpperCase();
}

export class ServiceNowConnector implements UploadConnector {
  readonly id = 'servicenow';
  readonly displayName = { 'zh-CN': 'ServiceNow', en: 'ServiceNow' };
  readonly #http: HttpClient;
  readonly #settings: ServiceNowSettings;
  readonly #sysIds = new Map<string, string>();

  private constructor(http: HttpClient, settings: ServiceNowSettings) {
    this.#http = http;
    this.#settings = settings;
  }

  static async create(settings: ServiceNowSettings): Promise<ServiceNowConnector> {
    const auth = () => basicAuth(settings.user, settings.password.reveal());
    const http = await HttpClient.create({
      system: 'ServiceNow',
      baseUrl: `${settings.url.replace(/\/+$/, '')}/api/now/`,
      ...(settings.caFile ? { caFile: settings.caFile } : {}),
      ...(settings.allowedHosts ? { allowedHosts: settings.allowedHosts } : {}),
      authHeaders: () => ({ authorization: auth() }),
      authHint: `check upload.servicenow.user and the password (${secretEnvName(SERVICENOW_SECRET)})`,
      secrets: () => [settings.password.reveal(), auth().slice(6)],
    });
    return new ServiceNowConnector(http, settings);
  }

  static async fromPolicy(policy: Policy, options: { env: NodeJS.ProcessEnv; dataDir: string; /** the job's recorded URL (default: the policy's) */ url?: string }): Promise<ServiceNowConnector> {
    const s = policy.upload.servicenow;
    if (!s) throw new UploadError('config', 'the upload target is ServiceNow, but the policy has no upload.servicenow.url');
    return ServiceNowConnector.create({
      url: options.url ?? s.url,
      user: s.user,
      table: s.table,
      ...(policy.upload.caFile ? { caFile: policy.upload.caFile } : {}),
      ...(policy.upload.allowedHosts ? { allowedHosts: policy.upload.allowedHosts } : {}),
      password: await readSecret(SERVICENOW_SECRET, { ...options, ...(policy.upload.credentialsFile ? { file: policy.upload.credentialsFile } : {}) }),
    });
  }

  isConfigured(policy: Policy): boolean {
    return Boolean(policy.upload.servicenow?.url);
  }

  get targetUrl(): string {
    return this.#settings.url;
  }

  async #record(ticket: string, signal?: AbortSignal): Promise<{ sysId: string; title: string }> {
    const number = recordNumber(ticket);
    const table = this.#settings.table;
    const q = new URLSearchParams({ sysparm_query: `number=${number}`, sysparm_fields: 'sys_id,number,short_description', sysparm_limit: '1' });
    const data = await sendJson<{ result?: { sys_id?: string; short_description?: string }[] }>(this.#http, 'GET', `table/${encodeURIComponent(table)}?${q.toString()}`, {
      headers: { accept: 'application/json' },
      expect: [200],
      signal,
      context: { action: `read ${table} records`, notFound: `the table ${table} does not exist or the account cannot read it (policy upload.servicenow.table)` },
    });
    const rec = data?.result?.[0];
    if (!rec?.sys_id) throw new UploadError('not-found', `${this.#http.where}: there is no ${table} record ${number}, or the account cannot see it: check the ticket number`, { status: 404 });
    this.#sysIds.set(number, rec.sys_id);
    return { sysId: rec.sys_id, title: rec.short_description ?? '' };
  }

  async #sysId(ticket: string, signal?: AbortSignal): Promise<string> {
    return this.#sysIds.get(recordNumber(ticket)) ?? (await this.#record(ticket, signal)).sysId;
  }

  async validateTicket(ticket: string, options: { signal?: AbortSignal } = {}): Promise<{ title: string }> {
    return { title: (await this.#record(ticket, options.signal)).title };
  }

  #ref(a: SnAttachment): AttachmentRef {
    return { id: a.sys_id, ...(a.download_link ? { url: a.download_link } : {}), name: a.file_name, size: Number(a.size_bytes) };
  }

  async findAttachment(ticket: string, name: string, _sha256: string, options: { signal?: AbortSignal; size?: number } = {}): Promise<AttachmentRef | null> {
    const sysId = await this.#sysId(ticket, options.signal);
    const q = new URLSearchParams({ sysparm_query: `table_sys_id=${sysId}^file_name=${name}`, sysparm_limit: '100' });
    const data = await sendJson<{ result?: SnAttachment[] }>(this.#http, 'GET', `attachment?${q.toString()}`, {
      expect: [200],
      signal: options.signal,
      context: { action: 'list attachments' },
    });
    const match = (data?.result ?? []).filter((a) => a.file_name === name && (options.size === undefined || Number(a.size_bytes) === options.size)).pop();
    return match ? this.#ref(match) : null;
  }

  async attach(ticket: string, file: ArchiveFile, options: AttachOptions = {}): Promise<AttachmentRef> {
    const sysId = await this.#sysId(ticket, options.signal);
    const q = new URLSearchParams({ table_name: this.#settings.table, table_sys_id: sysId, file_name: file.name });
    const raw = rawBody(file, 'application/zip', options);
    const data = await sendJson<{ result?: SnAttachment }>(this.#http, 'POST', `attachment/file?${q.toString()}`, {
      headers: { ...raw.headers, accept: 'application/json' },
      body: raw.body,
      expect: [201],
      signal: options.signal,
      context: { action: `attach a file to ${ticket}`, bytes: file.size },
    });
    const a = data?.result;
    if (!a?.sys_id) throw new UploadError('rejected', `${this.#http.where} did not describe the new attachment`);
    if (Number(a.size_bytes) !== file.size) throw new UploadError('integrity', `${this.#http.where} stored ${a.size_bytes} of ${file.size} bytes of ${file.name}; the upload will be tried again`);
    return this.#ref(a);
  }

  async close(): Promise<void> {
    await this.#http.close();
  }
}
