/**
 * Redmine (REST API, verified against Redmine 5.0 from Debian 12):
 *  - upload: `POST /uploads.json?filename=…` with the raw bytes (application/octet-stream),
 *    answered by `{"upload":{"id":7,"token":"7.<sha256 of the stored bytes>"}}` — the token's
 *    digest lets us check the stored bytes without downloading them;
 *  - attach: `PUT /issues/N.json` `{"issue":{"uploads":[{token, filename, content_type, description}], "notes"}}`;
 *  - the attachment JSON has no digest, so `findAttachment` matches the name and size, then the
 *    `SHA-256: …` description we set, and otherwise downloads the file and hashes it.
 * An invalid API key on a public project silently reads as anonymous, so validateTicket also
 * asks `/users/current.json`, which answers 401.
 */
import { createHash } from 'node:crypto';
import type { Policy } from '../../../shared/policy.js';
import { readSecret, secretEnvName, type Secret, type SecretSpec } from './credentials.js';
import { HttpClient, fileChunks } from './http.js';
import type { ArchiveFile, AttachOptions, AttachmentRef, UploadConnector } from './types.js';
import { UploadError, toUploadError } from './upload-error.js';

export const REDMINE_SECRET: SecretSpec = { target: 'redmine', key: 'apiKey', envSuffix: 'API_KEY', label: 'API key' };

export interface RedmineSettings {
  url: string;
  /** Project identifier: issues of other projects are refused. */
  project?: string;
  caFile?: string;
  allowedHosts?: readonly string[];
  apiKey: Secret;
}

interface RedmineAttachment {
  id: number;
  filename: string;
  filesize: number;
  description?: string | null;
  content_url?: string;
}

interface RedmineIssue {
  id: number;
  subject: string;
  project?: { id: number; name: string };
  attachments?: RedmineAttachment[];
}

const CONTENT_TYPE = 'application/zip';

/** Redmine issue ids are positive integers. */
function issueNumber(ticket: string): string {
  if (!/^[1-9]\d{0,11}$/.test(ticket)) {
    throw new UploadError('not-found', `Redmine issue ids are numbers; "${ticket}" is not one: check the ticket number`);
  }
  return ticket;
}

export class RedmineConnector implements UploadConnector {
  readonly id = 'redmine';
  readonly displayName = { 'zh-CN': 'Redmine', en: 'Redmine' };
  maxBytes?: number;
  readonly #http: HttpClient;
  readonly #settings: RedmineSettings;

  private constructor(http: HttpClient, settings: RedmineSettings) {
    this.#http = http;
    this.#settings = settings;
  }

  static async create(settings: RedmineSettings): Promise<RedmineConnector> {
    const http = await HttpClient.create({
      system: 'Redmine',
      baseUrl: settings.url,
      ...(settings.caFile ? { caFile: settings.caFile } : {}),
      ...(settings.allowedHosts ? { allowedHosts: settings.allowedHosts } : {}),
      authHeaders: () => ({ 'x-redmine-api-key': settings.apiKey.reveal() }),
      authHint: `check the API key (${secretEnvName(REDMINE_SECRET)} or "redmine.apiKey" in the credentials file; Redmine shows it under My account → API access key) and that the REST API is enabled`,
      secrets: () => [settings.apiKey.reveal()],
    });
    return new RedmineConnector(http, settings);
  }

  /** Reads the API key (environment or credentials file) and builds the connector from policy. */
  static async fromPolicy(policy: Policy, options: { env: NodeJS.ProcessEnv; dataDir: string; url?: string; project?: string }): Promise<RedmineConnector> {
    const url = options.url ?? policy.upload.redmine?.url;
    if (!url) throw new UploadError('config', 'the upload target is Redmine, but the policy has no upload.redmine.url');
    const project = options.project ?? policy.upload.redmine?.project;
    return RedmineConnector.create({
      url,
      ...(project ? { project } : {}),
      ...(policy.upload.caFile ? { caFile: policy.upload.caFile } : {}),
      ...(policy.upload.allowedHosts ? { allowedHosts: policy.upload.allowedHosts } : {}),
      apiKey: await readSecret(REDMINE_SECRET, { ...options, ...(policy.upload.credentialsFile ? { file: policy.upload.credentialsFile } : {}) }),
    });
  }

  isConfigured(policy: Policy): boolean {
    return Boolean(policy.upload.redmine?.url);
  }

  get targetUrl(): string {
    return this.#http.baseUrl.href;
  }

  #notFound(ticket: string): string {
    return `issue ${ticket} does not exist, or the account cannot see it: check the ticket number`;
  }

  async validateTicket(ticket: string, options: { signal?: AbortSignal } = {}): Promise<{ title: string }> {
    const n = issueNumber(ticket);
    const { signal } = options;
    // An unknown key reads public projects as anonymous: make sure the key itself is accepted.
    await this.#http.json('GET', 'users/current.json', { expect: [200], signal, context: { action: 'sign in with this API key' } });
    const { data } = await this.#http.json<{ issue: RedmineIssue }>('GET', `issues/${n}.json`, {
      expect: [200],
      signal,
      context: { action: `read issue ${n}`, notFound: this.#notFound(n) },
    });
    const project = this.#settings.project;
    if (project) {
      const p = await this.#http.json<{ project: { id: number; name: string } }>('GET', `projects/${encodeURIComponent(project)}.json`, {
        expect: [200],
        signal,
        context: { action: `read project ${project}`, notFound: `the project "${project}" (policy upload.redmine.project) does not exist, or the account cannot see it` },
      });
      if (data.issue.project?.id !== p.data.project.id) {
        throw new UploadError('not-found', `Redmine issue ${n} belongs to the project "${data.issue.project?.name ?? '?'}", not to "${project}" (policy upload.redmine.project): check the ticket number`);
      }
    }
    return { title: data.issue.subject };
  }

  async findAttachment(ticket: string, name: string, sha256: string, options: { signal?: AbortSignal; size?: number } = {}): Promise<AttachmentRef | null> {
    const n = issueNumber(ticket);
    const { data } = await this.#http.json<{ issue: RedmineIssue }>('GET', `issues/${n}.json`, {
      query: { include: 'attachments' },
      expect: [200],
      signal: options.signal,
      context: { action: `read issue ${n}`, notFound: this.#notFound(n) },
    });
    const candidates = (data.issue.attachments ?? []).filter((a) => a.filename === name && (options.size === undefined || a.filesize === options.size)).reverse();
    for (const a of candidates) {
      // Our own marker first (set by attach); otherwise the bytes decide.
      if (a.description?.includes(sha256) || (await this.#downloadSha256(a, options.signal)) === sha256) {
        return { id: String(a.id), url: this.#http.url(`attachments/${a.id}`).href, name: a.filename, size: a.filesize };
      }
    }
    return null;
  }

  async #downloadSha256(a: RedmineAttachment, signal?: AbortSignal): Promise<string> {
    const response = await this.#http.send('GET', `attachments/download/${a.id}/${encodeURIComponent(a.filename)}`, {
      headers: { accept: '*/*' },
      expect: [200],
      signal,
      context: { action: `download attachment ${a.id}`, notFound: `attachment ${a.id} has gone` },
    });
    const hash = createHash('sha256');
    try {
      for await (const chunk of response.body) hash.update(chunk);
    } catch (err) {
      throw toUploadError(err, this.#http.where, signal?.aborted);
    }
    return hash.digest('hex');
  }

  /**
   * Step 1: streams the file to `/uploads.json`; returns the upload token. The token's digest
   * (Redmine ≥ 4.2: SHA-256 of what it stored) is compared with the archive's.
   */
  async upload(file: ArchiveFile, options: Pick<AttachOptions, 'signal' | 'onProgress'> = {}): Promise<{ id: number; token: string }> {
    let data: { upload?: { id?: number; token?: string } };
    try {
      ({ data } = await this.#http.json<typeof data>('POST', 'uploads.json', {
        query: { filename: file.name },
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(file.size) },
        body: fileChunks(file.path, file.size, { ...(options.signal ? { signal: options.signal } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) }),
        expect: [201],
        signal: options.signal,
        context: { action: 'upload files', bytes: file.size },
      }));
    } catch (err) {
      if (err instanceof UploadError && err.status === 422) {
        // The only 422 of /uploads.json: "…exceeds the maximum allowed file size (209715200)".
        const limit = /\((\d+)\)/.exec(err.message)?.[1];
        if (limit) this.maxBytes = Number(limit);
        const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
        throw new UploadError(
          'too-large',
          `${this.#http.where} refused the archive (${mb(file.size)})${limit ? `: its limit is ${mb(Number(limit))}` : ''} (HTTP 422: ${err.message.replace(/^.*?\(HTTP 422\): ?/, '')}). Ask the Redmine administrator to raise "Maximum attachment size" (Administration → Settings → Files), or collect less (--since, --skip)`,
          { status: 422 },
        );
      }
      throw err;
    }
    const id = data?.upload?.id;
    const token = data?.upload?.token;
    if (typeof id !== 'number' || typeof token !== 'string') throw new UploadError('rejected', `${this.#http.where}: /uploads.json did not return an upload token; is this Redmine ≥ 3.4 with the REST API enabled?`);
    const digest = /^\d+\.([0-9a-f]{64})$/.exec(token)?.[1];
    if (digest && digest !== file.sha256) {
      throw new UploadError('integrity', `${this.#http.where} stored different bytes than were sent (SHA-256 ${digest.slice(0, 12)}… instead of ${file.sha256.slice(0, 12)}…); the upload will be tried again`);
    }
    return { id, token };
  }

  async attach(ticket: string, file: ArchiveFile, options: AttachOptions = {}): Promise<AttachmentRef> {
    const n = issueNumber(ticket);
    const { id, token } = await this.upload(file, options);
    const body = {
      issue: {
        uploads: [{ token, filename: file.name, content_type: CONTENT_TYPE, description: `SHA-256: ${file.sha256}` }],
        ...(options.comment ? { notes: options.comment } : {}),
      },
    };
    await this.#http.json('PUT', `issues/${n}.json`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      expect: [200, 204],
      signal: options.signal,
      context: { action: `add an attachment to issue ${n}`, notFound: this.#notFound(n) },
    });
    const { data } = await this.#http.json<{ attachment: RedmineAttachment }>('GET', `attachments/${id}.json`, {
      expect: [200],
      signal: options.signal,
      context: { action: `read attachment ${id}`, notFound: `attachment ${id} vanished right after the upload` },
    });
    if (data.attachment.filesize !== file.size) {
      throw new UploadError('integrity', `${this.#http.where} stored ${data.attachment.filesize} bytes of ${file.size} for attachment ${id}`);
    }
    return { id: String(id), url: this.#http.url(`attachments/${id}`).href, name: data.attachment.filename, size: data.attachment.filesize };
  }

  /** A journal note of its own (`PUT /issues/N.json` with `notes` only). */
  async postComment(ticket: string, text: string, options: { signal?: AbortSignal } = {}): Promise<{ id?: string }> {
    const n = issueNumber(ticket);
    await this.#http.json('PUT', `issues/${n}.json`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ issue: { notes: text } }),
      expect: [200, 204],
      signal: options.signal,
      context: { action: `add a note to issue ${n}`, notFound: this.#notFound(n) },
    });
    return {};
  }

  async findComment(ticket: string, text: string, options: { signal?: AbortSignal } = {}): Promise<{ id?: string } | null> {
    const n = issueNumber(ticket);
    const { data } = await this.#http.json<{ issue: { journals?: Array<{ id: number; notes?: string | null }> } }>('GET', `issues/${n}.json`, {
      query: { include: 'journals' },
      expect: [200],
      signal: options.signal,
      context: { action: `read issue ${n}`, notFound: this.#notFound(n) },
    });
    const same = (a: string) => a.replace(/\r\n/g, '\n').trim();
    const hit = (data.issue.journals ?? []).find((j) => j.notes && same(j.notes) === same(text));
    return hit ? { id: String(hit.id) } : null;
  }

  async close(): Promise<void> {
    await this.#http.close();
  }
}
