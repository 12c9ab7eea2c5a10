/**
 * What the SaaS ticket connectors (Jira Service Management, Zendesk, ServiceNow, Freshdesk)
 * share: a streamed multipart/form-data body (the file read from disk, constant memory), JSON
 * over HttpClient, the ticket-id checks, and matching an existing attachment.
 *
 * findAttachment in these connectors matches by name and size: their attachment downloads
 * redirect to storage hosts (Jira media, Zendesk and Freshdesk CDNs), which our client does not
 * follow with credentials. The archive name carries ticket, timestamp and host, so a different
 * archive with the same name and size is not a practical case.
 */
import { randomBytes } from 'node:crypto';
import type { Dispatcher } from 'undici';
import { HttpClient, fileChunks, readText, type RequestOptions } from './http.js';
import type { ArchiveFile, AttachOptions } from './types.js';
import { UploadError, toUploadError } from './upload-error.js';

/** A multipart field value inside quotes: `"`, CR and LF percent-encoded as browsers do (WHATWG). */
export function quotedField(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * multipart/form-data: text fields, then the archive under `fileField` (raw UTF-8 file name, as
 * browsers and curl send it). Progress counts archive bytes only.
 */
export function multipartBody(fields: readonly [string, string][], fileField: string, file: ArchiveFile, options: AttachOptions = {}): { headers: Record<string, string>; body: AsyncIterable<Buffer>; total: number } {
  const boundary = `----diagcollect-${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${quotedField(name)}"\r\n\r\n${value}\r\n`).join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="${quotedField(fileField)}"; filename="${quotedField(file.name)}"\r\nContent-Type: application/zip\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8');
  const total = head.length + file.size + tail.length;
  const chunks = fileChunks(file.path, file.size, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: (sent: number) => options.onProgress?.(Math.min(file.size, sent), file.size) } : {}),
  });
  async function* body(): AsyncGenerator<Buffer> {
    yield head;
    yield* chunks;
    yield tail;
  }
  return { headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(total) }, body: body(), total };
}

/** The archive as a raw request body (Zendesk uploads.json, ServiceNow attachment/file). */
export function rawBody(file: ArchiveFile, contentType: string, options: AttachOptions = {}): { headers: Record<string, string>; body: AsyncIterable<Buffer> } {
  return {
    headers: { 'content-type': contentType, 'content-length': String(file.size) },
    body: fileChunks(file.path, file.size, {
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    }),
  };
}

/** Sends a request with any body and parses the JSON answer. */
export async function sendJson<T>(http: HttpClient, method: Dispatcher.HttpMethod, path: string, options: RequestOptions): Promise<T> {
  const response = await http.send(method, path, options);
  let text: string;
  try {
    text = await readText(response.body, 16 * 1024 * 1024);
  } catch (err) {
    throw toUploadError(err, http.where, options.signal?.aborted);
  }
  try {
    return (text.trim() ? JSON.parse(text) : null) as T;
  } catch {
    throw new UploadError('rejected', `${http.where} answered HTTP ${response.statusCode} with something that is not JSON; is the URL right (${http.baseUrl.href})?`);
  }
}

/** Numeric ticket ids (Zendesk, Freshdesk). */
export function numericTicket(system: string, ticket: string): string {
  if (!/^[1-9]\d{0,15}$/.test(ticket)) throw new UploadError('not-found', `${system} ticket ids are numbers; "${ticket}" is not one: check the ticket number`);
  return ticket;
}

export const basicAuth = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
