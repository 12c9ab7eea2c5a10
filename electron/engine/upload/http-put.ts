/**
 * HTTP PUT to object storage (target `http-put`, policy `upload.httpPut`), three ways:
 *  - pre-signed: DIAGCOLLECT_HTTP_PUT_URL holds a pre-signed PUT URL (S3, GCS, Azure SAS…):
 *    one streamed PUT, no other credential. The URL is a secret (its signature): never logged,
 *    scrubbed from messages. Multipart is not possible this way (each part needs its own
 *    signature, made after the upload id exists).
 *  - signed S3 (`s3.region` + DIAGCOLLECT_HTTP_PUT_ACCESS_KEY_ID / _SECRET_ACCESS_KEY, optional
 *    _SESSION_TOKEN): SigV4 (sigv4.ts). Below `multipart.thresholdBytes` one PUT; from it on the
 *    documented multipart flow: `POST ?uploads` (CreateMultipartUpload, XML UploadId) →
 *    `PUT ?partNumber=N&uploadId=…` (UploadPart, ETag per part) → `POST ?uploadId=…` with
 *    `<CompleteMultipartUpload>` (200, and an `<Error>` body also counts as failure); a failed
 *    upload is aborted (`DELETE ?uploadId=…`). A retry starts a new multipart upload (no
 *    resume of parts across attempts).
 *  - plain: `url` with `{ticket}`/`{name}`, policy `headers` (no credentials), no signing.
 * Integrity: S3's ETag is the MD5 of a single PUT, or MD5 of the parts' MD5s + `-N` for a
 * multipart upload; both are computed locally and compared (a mismatch is `integrity`).
 * validateTicket: no ticket API — the id is only checked syntactically.
 * findAttachment: `HEAD` on the object (signed or plain) and compares its size and the SHA-256
 * that attach stores as metadata (`x-amz-meta-sha256`); with a
 * pre-signed PUT URL HEAD is not allowed, so it answers null. That is safe: a PUT to the same
 * key with the same bytes replaces the object — a resend never makes a duplicate.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Dispatcher } from 'undici';
import { checkTicketId } from '../../../shared/naming.js';
import type { Policy } from '../../../shared/policy.js';
import { Secret, readSecret, type SecretSpec } from './credentials.js';
import { HttpClient, readText } from './http.js';
import { EMPTY_SHA256, UNSIGNED_PAYLOAD, canonicalPath, canonicalQuery, sha256Hex, signV4, strictEncode, type AwsCredentials } from './sigv4.js';
import type { ArchiveFile, AttachOptions, AttachmentRef, UploadConnector } from './types.js';
import { UploadError, toUploadError } from './upload-error.js';

export const HTTP_PUT_URL_SECRET: SecretSpec = { target: 'http-put', key: 'url', envSuffix: 'URL', label: 'pre-signed URL' };
export const HTTP_PUT_KEY_ID: SecretSpec = { target: 'http-put', key: 'accessKeyId', envSuffix: 'ACCESS_KEY_ID', label: 'access key id' };
export const HTTP_PUT_SECRET_KEY: SecretSpec = { target: 'http-put', key: 'secretAccessKey', envSuffix: 'SECRET_ACCESS_KEY', label: 'secret access key' };

const MB = 1024 * 1024;
const GiB = 1024 * MB;
/** S3: a single PUT takes up to 5 GiB; a multipart upload up to 10,000 parts. */
const SINGLE_PUT_MAX = 5 * GiB;
const MAX_PARTS = 10_000;

export interface HttpPutSettings {
  /** Object URL template with {ticket} and {name}. */
  url: string;
  /** A pre-signed URL (secret): used as is, instead of `url`. */
  presignedUrl?: Secret;
  headers?: Record<string, string>;
  s3?: { region: string; credentials: { accessKeyId: Secret; secretAccessKey: Secret; sessionToken?: Secret } };
  multipart?: { thresholdBytes: number; partBytes: number };
  caFile?: string;
  allowedHosts?: readonly string[];
}

/** `{ticket}` and `{name}` filled in, each strictly percent-encoded. */
export function objectUrl(template: string, ticket: string, name: string): URL {
  return new URL(template.replace(/\{ticket\}/g, strictEncode(ticket)).replace(/\{name\}/g, strictEncode(name)));
}

/** S3's ETag for these bytes: MD5 (single PUT) or MD5 of the part MD5s + `-N` (multipart). */
export async function expectedEtag(path: string, size: number, partBytes?: number): Promise<string> {
  const whole = createHash('md5');
  const parts: Buffer[] = [];
  let part = createHash('md5');
  let inPart = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: MB }) as AsyncIterable<Buffer>) {
    if (!partBytes) {
      whole.update(chunk);
      continue;
    }
    let off = 0;
    while (off < chunk.length) {
      const take = Math.min(chunk.length - off, partBytes - inPart);
      part.update(chunk.subarray(off, off + take));
      inPart += take;
      off += take;
      if (inPart === partBytes) {
        parts.push(part.digest());
        part = createHash('md5');
        inPart = 0;
      }
    }
  }
  if (!partBytes) return whole.digest('hex');
  if (inPart > 0 || size === 0) parts.push(part.digest());
  return `${createHash('md5').update(Buffer.concat(parts)).digest('hex')}-${parts.length}`;
}

const unquote = (etag: unknown) => (typeof etag === 'string' ? etag.replace(/^W\//, '').replace(/^"|"$/g, '') : '');
const xmlText = (xml: string, tag: string) => {
  const m = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
  return m === undefined ? undefined : m.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
};
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A byte range of a file as a request body, with progress and the range's MD5. */
async function* rangeChunks(path: string, start: number, length: number, md5: ReturnType<typeof createHash>, progress: (n: number) => void, signal?: AbortSignal): AsyncGenerator<Buffer> {
  if (length === 0) return;
  const stream = createReadStream(path, { start, end: start + length - 1, highWaterMark: MB, ...(signal ? { signal } : {}) });
  let got = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    got += chunk.length;
    md5.update(chunk);
    yield chunk;
    progress(chunk.length);
  }
  if (got !== length) throw new UploadError('archive', `the archive ${path} changed while it was being sent`);
}

export class HttpPutConnector implements UploadConnector {
  readonly id = 'http-put';
  readonly displayName = { 'zh-CN': 'HTTP PUT（对象存储）', en: 'HTTP PUT (object storage)' };
  readonly maxBytes: number;
  readonly #settings: HttpPutSettings;
  readonly #http: HttpClient;

  private constructor(http: HttpClient, settings: HttpPutSettings) {
    this.#http = http;
    this.#settings = settings;
    const m = settings.multipart;
    this.maxBytes = settings.s3 && m && !settings.presignedUrl ? Math.min(5 * 1024 * GiB, m.partBytes * MAX_PARTS) : SINGLE_PUT_MAX;
  }

  static async create(settings: HttpPutSettings): Promise<HttpPutConnector> {
    const base = new URL(settings.presignedUrl ? settings.presignedUrl.reveal() : settings.url.replace(/\{(ticket|name)\}/g, 'x'));
    const secrets = (): string[] => {
      const out: string[] = [];
      if (settings.presignedUrl) {
        const u = new URL(settings.presignedUrl.reveal());
        out.push(settings.presignedUrl.reveal(), u.search.slice(1), ...[...u.searchParams.values()].filter((v) => v.length >= 8));
      }
      if (settings.s3) out.push(settings.s3.credentials.secretAccessKey.reveal(), ...(settings.s3.credentials.sessionToken ? [settings.s3.credentials.sessionToken.reveal()] : []));
      return out;
    };
    const http = await HttpClient.create({
      system: 'HTTP PUT',
      baseUrl: `${base.origin}/`,
      ...(settings.caFile ? { caFile: settings.caFile } : {}),
      ...(settings.allowedHosts ? { allowedHosts: settings.allowedHosts } : {}),
      authHeaders: () => ({}),
      authHint: settings.presignedUrl
        ? 'the pre-signed URL (DIAGCOLLECT_HTTP_PUT_URL) was not accepted: it may have expired; ask support for a new one'
        : 'check DIAGCOLLECT_HTTP_PUT_ACCESS_KEY_ID / DIAGCOLLECT_HTTP_PUT_SECRET_ACCESS_KEY',
      secrets,
    });
    return new HttpPutConnector(http, settings);
  }

  static async fromPolicy(policy: Policy, options: { env: NodeJS.ProcessEnv; dataDir: string; /** the job's recorded URL (default: the policy's) */ url?: string }): Promise<HttpPutConnector> {
    const p = policy.upload.httpPut;
    if (!p) throw new UploadError('config', 'the upload target is "http-put", but the policy has no upload.httpPut.url');
    const secretOptions = { ...options, ...(policy.upload.credentialsFile ? { file: policy.upload.credentialsFile } : {}) };
    const presigned = options.env.DIAGCOLLECT_HTTP_PUT_URL?.trim();
    let s3: HttpPutSettings['s3'];
    if (!presigned && p.s3) {
      const token = options.env.DIAGCOLLECT_HTTP_PUT_SESSION_TOKEN?.trim();
      s3 = {
        region: p.s3.region,
        credentials: {
          accessKeyId: await readSecret(HTTP_PUT_KEY_ID, secretOptions),
          secretAccessKey: await readSecret(HTTP_PUT_SECRET_KEY, secretOptions),
          ...(token ? { sessionToken: new Secret(token) } : {}),
        },
      };
    }
    if (presigned && !URL.canParse(presigned)) throw new UploadError('config', 'DIAGCOLLECT_HTTP_PUT_URL is not a URL');
    if (presigned && new URL(presigned).protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(new URL(presigned).hostname)) {
      throw new UploadError('config', 'DIAGCOLLECT_HTTP_PUT_URL must start with https://');
    }
    return HttpPutConnector.create({
      url: options.url ?? p.url,
      ...(presigned ? { presignedUrl: (await readSecret(HTTP_PUT_URL_SECRET, secretOptions)) } : {}),
      ...(p.headers ? { headers: p.headers } : {}),
      ...(s3 ? { s3 } : {}),
      ...(p.multipart ? { multipart: p.multipart } : {}),
      ...(policy.upload.caFile ? { caFile: policy.upload.caFile } : {}),
      ...(policy.upload.allowedHosts ? { allowedHosts: policy.upload.allowedHosts } : {}),
    });
  }

  isConfigured(policy: Policy): boolean {
    return Boolean(policy.upload.httpPut?.url);
  }

  /** The template URL (never the pre-signed one). */
  get targetUrl(): string {
    return this.#settings.url;
  }

  #object(ticket: string, name: string): URL {
    return this.#settings.presignedUrl ? new URL(this.#settings.presignedUrl.reveal()) : objectUrl(this.#settings.url, ticket, name);
  }

  #useMultipart(size: number): boolean {
    const m = this.#settings.multipart;
    return Boolean(m && this.#settings.s3 && !this.#settings.presignedUrl && size >= m.thresholdBytes);
  }

  /** Sends one request to the object URL (+ sub-resource query), signed when S3 credentials are set. */
  async #request(
    method: Dispatcher.HttpMethod,
    object: URL,
    o: { query?: Record<string, string>; headers?: Record<string, string>; body?: string | AsyncIterable<Uint8Array>; payloadHash?: string; expect: number[]; signal?: AbortSignal | undefined; action: string; bytes?: number },
  ): Promise<Dispatcher.ResponseData> {
    const path = this.#settings.presignedUrl ? object.pathname : canonicalPath(object.pathname);
    const query = o.query ?? {};
    let target: string;
    let headers: Record<string, string> = { ...(this.#settings.headers ?? {}), ...(o.headers ?? {}) };
    if (this.#settings.presignedUrl) {
      target = `${path}${object.search}`;
    } else {
      const q = canonicalQuery(query);
      target = `${path}${q ? `?${q}` : ''}`;
      const s3 = this.#settings.s3;
      if (s3) {
        const credentials: AwsCredentials = {
          accessKeyId: s3.credentials.accessKeyId.reveal(),
          secretAccessKey: s3.credentials.secretAccessKey.reveal(),
          ...(s3.credentials.sessionToken ? { sessionToken: s3.credentials.sessionToken.reveal() } : {}),
        };
        const signed = Object.fromEntries(Object.entries(headers).filter(([k]) => /^(x-amz-|content-type$|content-md5$)/i.test(k)));
        headers = { ...headers, ...signV4({ method, host: object.host, path, query, headers: signed, payloadHash: o.payloadHash ?? UNSIGNED_PAYLOAD, region: s3.region, credentials }) };
      }
    }
    return this.#http.send(method, target, {
      headers,
      ...(o.body !== undefined ? { body: o.body } : {}),
      expect: o.expect,
      ...(o.signal ? { signal: o.signal } : {}),
      context: { action: o.action, notFound: 'the bucket or path does not exist: check upload.httpPut.url', ...(o.bytes !== undefined ? { bytes: o.bytes } : {}) },
    });
  }

  async validateTicket(ticket: string): Promise<{ title: string; lookedUp: false }> {
    // Object storage has no tickets: the id only names the object, so it is checked for its form.
    const check = checkTicketId(ticket);
    if (!check.ok) throw new UploadError('rejected', check.reason);
    return { title: `upload to ${this.targetUrl} (the ticket number is not looked up)`, lookedUp: false };
  }

  async findAttachment(ticket: string, name: string, sha256: string, options: { signal?: AbortSignal; size?: number } = {}): Promise<AttachmentRef | null> {
    if (this.#settings.presignedUrl) return null; // a pre-signed PUT URL cannot HEAD; a re-PUT replaces the object
    const object = this.#object(ticket, name);
    const response = await this.#request('HEAD', object, { expect: [200, 403, 404, 405], payloadHash: EMPTY_SHA256, signal: options.signal, action: 'look for the archive' });
    await response.body.dump().catch(() => {});
    if (response.statusCode !== 200) return null;
    const size = Number(response.headers['content-length']);
    const etag = unquote(response.headers.etag);
    if (options.size !== undefined && size !== options.size) return null;
    // The SHA-256 travels as object metadata (x-amz-meta-sha256, set by attach): same name, size and checksum.
    if (response.headers['x-amz-meta-sha256'] !== sha256) return null;
    return { id: etag || object.href, url: object.href, name, size };
  }

  async attach(ticket: string, file: ArchiveFile, options: AttachOptions = {}): Promise<AttachmentRef> {
    const check = checkTicketId(ticket);
    if (!check.ok) throw new UploadError('rejected', check.reason);
    if (file.size > this.maxBytes) {
      throw new UploadError('too-large', `the archive is ${(file.size / MB).toFixed(1)} MB; a single PUT takes at most ${(this.maxBytes / GiB).toFixed(0)} GiB: configure upload.httpPut.s3 and multipart, or collect less`);
    }
    const object = this.#object(check.ticket, file.name);
    const ref = this.#useMultipart(file.size) ? await this.#multipart(object, file, options) : await this.#single(object, file, options);
    options.onProgress?.(file.size, file.size);
    return ref;
  }

  #ref(object: URL, file: ArchiveFile, etag: string): AttachmentRef {
    const url = this.#settings.presignedUrl ? `${object.origin}${object.pathname}` : object.href;
    return { id: etag || url, url, name: file.name, size: file.size };
  }

  async #single(object: URL, file: ArchiveFile, options: AttachOptions): Promise<AttachmentRef> {
    const md5 = createHash('md5');
    let sent = 0;
    const response = await this.#request('PUT', object, {
      // A pre-signed URL signs its headers: add none it may not have signed.
      headers: { 'content-length': String(file.size), ...(this.#settings.presignedUrl ? {} : { 'content-type': 'application/zip', 'x-amz-meta-sha256': file.sha256 }) },
      body: rangeChunks(file.path, 0, file.size, md5, (n) => options.onProgress?.((sent += n), file.size), options.signal),
      expect: [200, 201, 204],
      signal: options.signal,
      action: `upload ${file.name}`,
      bytes: file.size,
    });
    await response.body.dump().catch(() => {});
    const etag = unquote(response.headers.etag);
    const local = md5.digest('hex');
    if (/^[0-9a-f]{32}$/i.test(etag) && etag.toLowerCase() !== local) {
      throw new UploadError('integrity', `${this.#http.where} stored different bytes than were sent for ${file.name} (ETag ${etag}, MD5 ${local}); the upload will be tried again`);
    }
    return this.#ref(object, file, etag || local);
  }

  async #multipart(object: URL, file: ArchiveFile, options: AttachOptions): Promise<AttachmentRef> {
    const partBytes = this.#settings.multipart!.partBytes;
    const count = Math.max(1, Math.ceil(file.size / partBytes));
    const init = await this.#request('POST', object, { query: { uploads: '' }, headers: { 'content-type': 'application/zip', 'x-amz-meta-sha256': file.sha256 }, payloadHash: EMPTY_SHA256, expect: [200], signal: options.signal, action: 'start a multipart upload' });
    const initXml = await readText(init.body, MB);
    const uploadId = xmlText(initXml, 'UploadId');
    if (!uploadId) throw new UploadError('rejected', `${this.#http.where} did not return an UploadId for CreateMultipartUpload`);
    const abort = async () => {
      try {
        const r = await this.#request('DELETE', object, { query: { uploadId }, payloadHash: EMPTY_SHA256, expect: [200, 204, 404], action: 'abort the multipart upload' });
        await r.body.dump().catch(() => {});
      } catch {
        // best effort: a bucket lifecycle rule should clean up incomplete uploads
      }
    };
    try {
      const etags: string[] = [];
      const md5s: Buffer[] = [];
      let sent = 0;
      for (let n = 1; n <= count; n += 1) {
        const start = (n - 1) * partBytes;
        const length = Math.min(partBytes, file.size - start);
        const md5 = createHash('md5');
        const r = await this.#request('PUT', object, {
          query: { partNumber: String(n), uploadId },
          headers: { 'content-length': String(length) },
          body: rangeChunks(file.path, start, length, md5, (k) => options.onProgress?.((sent += k), file.size), options.signal),
          expect: [200],
          signal: options.signal,
          action: `upload part ${n} of ${count} of ${file.name}`,
          bytes: file.size,
        });
        await r.body.dump().catch(() => {});
        const digest = md5.digest();
        const etag = unquote(r.headers.etag);
        if (!etag) throw new UploadError('rejected', `${this.#http.where} returned no ETag for part ${n}`);
        if (/^[0-9a-f]{32}$/i.test(etag) && etag.toLowerCase() !== digest.toString('hex')) {
          throw new UploadError('integrity', `${this.#http.where} stored different bytes for part ${n} of ${file.name}; the upload will be tried again`);
        }
        etags.push(etag);
        md5s.push(digest);
      }
      const body = `<?xml version="1.0" encoding="UTF-8"?>\n<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${etags.map((e, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>"${xmlEscape(e)}"</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
      const done = await this.#request('POST', object, { query: { uploadId }, headers: { 'content-type': 'application/xml' }, body, payloadHash: sha256Hex(body), expect: [200], signal: options.signal, action: 'complete the multipart upload' });
      const xml = await readText(done.body, MB);
      // S3 may answer 200 and still fail: the error is in the body.
      if (/<Error>/.test(xml)) {
        const code = xmlText(xml, 'Code') ?? 'Error';
        const kind = /InternalError|SlowDown|ServiceUnavailable/.test(code) ? 'server' : 'rejected';
        throw new UploadError(kind, `${this.#http.where} could not complete the multipart upload: ${code} ${xmlText(xml, 'Message') ?? ''}`.trim());
      }
      const etag = unquote(xmlText(xml, 'ETag') ?? '');
      const expected = `${createHash('md5').update(Buffer.concat(md5s)).digest('hex')}-${count}`;
      if (/^[0-9a-f]{32}-\d+$/i.test(etag) && etag.toLowerCase() !== expected) {
        throw new UploadError('integrity', `${this.#http.where} completed ${file.name} with ETag ${etag}, expected ${expected}; the upload will be tried again`);
      }
      return this.#ref(object, file, etag || expected);
    } catch (err) {
      await abort();
      throw toUploadError(err, this.#http.where, options.signal?.aborted);
    }
  }

  async close(): Promise<void> {
    await this.#http.close();
  }
}
