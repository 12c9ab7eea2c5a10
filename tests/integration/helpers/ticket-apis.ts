/**
 * Independent clients for the test assertions (plain fetch, not our connectors): create a
 * ticket, list what is attached, download an attachment and hash it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Agent, fetch as fetchOnce } from 'undici';
import type { RedmineEnv, RtEnv } from '../../servers/servers.js';

export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/**
 * Plain fetch, tried once more when the server closed a kept-alive connection just as it was
 * reused (WEBrick does this on a loaded machine: "other side closed", UND_ERR_SOCKET). Only for
 * requests that are safe to repeat (GET, DELETE): the assertions' reads, never a create.
 */
export async function fetchRepeatable(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code;
    if (code !== 'UND_ERR_SOCKET' && code !== 'ECONNRESET') throw err;
    return fetch(url, init);
  }
}

/**
 * For a create, which is not safe to repeat: a connection of its own, closed after the answer
 * (undici's `pipelining: 0`), so no kept-alive socket the server is closing can be picked.
 */
const FRESH_CONNECTION = new Agent({ pipelining: 0 });

export class RedmineApi {
  readonly created: string[] = [];
  constructor(readonly env: RedmineEnv) {}
  /** Deletes the issues this instance created (and so their attachments: the server's disk stays small). */
  async deleteCreated(): Promise<void> {
    for (const id of this.created.splice(0)) {
      await fetchRepeatable(`${this.env.REDMINE_URL}/issues/${id}.json`, { method: 'DELETE', headers: this.#h() }).then((r) => r.arrayBuffer());
    }
  }
  #h(extra: Record<string, string> = {}) {
    return { 'X-Redmine-API-Key': this.env.REDMINE_API_KEY, ...extra };
  }
  async createIssue(subject = `【技术支持】test ${randomBytes(3).toString('hex')}`): Promise<string> {
    const r = await fetchOnce(`${this.env.REDMINE_URL}/issues.json`, {
      dispatcher: FRESH_CONNECTION,
      method: 'POST',
      headers: this.#h({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ issue: { project_id: this.env.REDMINE_PROJECT, subject } }),
    });
    if (r.status !== 201) throw new Error(`create issue: HTTP ${r.status} ${await r.text()}`);
    const id = String(((await r.json()) as { issue: { id: number } }).issue.id);
    this.created.push(id);
    return id;
  }
  async attachments(issue: string): Promise<Array<{ id: number; filename: string; filesize: number; content_url: string }>> {
    const r = await fetchRepeatable(`${this.env.REDMINE_URL}/issues/${issue}.json?include=attachments`, { headers: this.#h() });
    return ((await r.json()) as { issue: { attachments: Array<{ id: number; filename: string; filesize: number; content_url: string }> } }).issue.attachments;
  }
  /** sha256 and the UTF-8 file name from Content-Disposition `filename*=UTF-8''…`. */
  async download(id: number): Promise<{ sha256: string; size: number; dispositionName: string }> {
    const r = await fetchRepeatable(`${this.env.REDMINE_URL}/attachments/download/${id}`, { headers: this.#h() });
    if (!r.ok || !r.body) throw new Error(`download ${id}: HTTP ${r.status}`);
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      size += chunk.length;
    }
    const cd = r.headers.get('content-disposition') ?? '';
    const star = /filename\*=UTF-8''([^;]+)/i.exec(cd)?.[1];
    return { sha256: hash.digest('hex'), size, dispositionName: star ? decodeURIComponent(star) : '' };
  }
}

export class RtApi {
  constructor(readonly env: RtEnv) {}
  #h(extra: Record<string, string> = {}) {
    return { Authorization: `token ${this.env.RT_TOKEN}`, ...extra };
  }
  async createTicket(subject = `【技术支持】test ${randomBytes(3).toString('hex')}`): Promise<string> {
    const r = await fetchOnce(`${this.env.RT_REST2}/ticket`, {
      dispatcher: FRESH_CONNECTION,
      method: 'POST',
      headers: this.#h({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ Queue: this.env.RT_QUEUE, Subject: subject, Content: 'diagcollect test', ContentType: 'text/plain' }),
    });
    if (r.status !== 201) throw new Error(`create ticket: HTTP ${r.status} ${await r.text()}`);
    return String(((await r.json()) as { id: number | string }).id);
  }
  /** Attachments that carry a file name (the message bodies have none). */
  async attachments(ticket: string): Promise<Array<{ id: string; Filename: string; ContentLength: string; TransactionId: string }>> {
    const r = await fetchRepeatable(`${this.env.RT_REST2}/ticket/${ticket}/attachments?fields=Filename,ContentLength,TransactionId&per_page=100`, { headers: this.#h() });
    const j = (await r.json()) as { items: Array<{ id: string; Filename: string; ContentLength: string; TransactionId: string }> };
    return j.items.filter((a) => a.Filename);
  }
  /** The whole attachment JSON, base64 decoded by JSON.parse + Buffer (fine for test sizes). */
  async download(id: string): Promise<{ sha256: string; size: number; filename: string; contentType: string }> {
    const r = await fetchRepeatable(`${this.env.RT_REST2}/attachment/${id}`, { headers: this.#h() });
    const j = (await r.json()) as { Content: string; Filename: string; ContentType: string };
    const bytes = Buffer.from(j.Content, 'base64');
    return { sha256: sha256(bytes), size: bytes.length, filename: j.Filename, contentType: j.ContentType };
  }
  async transactionType(id: string): Promise<string> {
    const r = await fetchRepeatable(`${this.env.RT_REST2}/transaction/${id}`, { headers: this.#h() });
    return ((await r.json()) as { Type: string }).Type;
  }
}

/** Writes `bytes` of random data (incompressible, like a zip) to `path`; returns its sha256. */
export async function randomFile(path: string, bytes: number): Promise<string> {
  const out = createWriteStream(path);
  const hash = createHash('sha256');
  const chunk = 1024 * 1024;
  for (let left = bytes; left > 0; left -= chunk) {
    const b = randomBytes(Math.min(chunk, left));
    hash.update(b);
    if (!out.write(b)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}
