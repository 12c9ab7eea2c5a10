/**
 * The HTTP side every connector shares: undici with its own connection pool, TLS always verified
 * (system roots plus an optional company CA from policy `upload.caFile`), the proxy the
 * environment sets (HTTPS_PROXY / HTTP_PROXY / ALL_PROXY / NO_PROXY, either case, resolved by
 * platform/proxy.ts exactly as the connectivity check resolves it), the allowed-hosts rule,
 * no redirects followed (a redirect would carry the API key elsewhere), request bodies streamed
 * from disk with progress (constant memory), and HTTP statuses turned into UploadErrors whose
 * messages say what to do and never contain a secret.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';
import type * as Undici from 'undici';
import type { Dispatcher } from 'undici';
import { resolveProxy, type ProxySetting } from '../platform/proxy.js';
import { parseRetryAfter } from './retry.js';
import { UploadError, scrub, toUploadError } from './upload-error.js';

export interface HttpClientOptions {
  /** The system's name for messages, e.g. "Redmine". */
  system: string;
  /** Base URL; paths are resolved against it (a sub-path like https://host/redmine/ is kept). */
  baseUrl: string;
  caFile?: string;
  allowedHosts?: readonly string[];
  /** Headers carrying the credential, added to every request (all requests go to baseUrl's origin). */
  authHeaders: () => Record<string, string>;
  /** What to tell the user on HTTP 401, e.g. "check DIAGCOLLECT_REDMINE_API_KEY or the credentials file". */
  authHint: string;
  /** Values that must never appear in a message. */
  secrets: () => string[];
  /** Whose proxy variables apply (default: this process's environment). */
  env?: NodeJS.ProcessEnv;
}

/** How a particular request's failure statuses read to the user. */
export interface StatusContext {
  /** "add an attachment to ticket 12345" (used for 403). */
  action: string;
  /** The 404 message, e.g. "ticket 12345 does not exist, or the account cannot see it; check the ticket number". */
  notFound?: string;
  /** The archive size, for 413. */
  bytes?: number;
}

export interface RequestOptions {
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Buffer | AsyncIterable<Uint8Array>;
  signal?: AbortSignal;
  /** Statuses that are success for this call (others become UploadErrors). */
  expect: readonly number[];
  context: StatusContext;
}

export interface JsonResponse<T> {
  status: number;
  headers: IncomingHttpHeaders;
  data: T;
}

const MB = 1024 * 1024;
/** JSON answers are small; anything bigger is not what we asked for. */
const MAX_JSON_BYTES = 64 * MB;

/** `*.example.com` matches sub-domains; anything else matches exactly (case-insensitive). */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return allowed.some((pattern) => {
    const p = pattern.toLowerCase().replace(/^\[|\]$/g, '');
    return p.startsWith('*.') ? h.endsWith(p.slice(1)) && h.length > p.length - 1 : h === p;
  });
}

/** Connection settings shared by the direct agent and every proxy agent. */
interface AgentSettings {
  ca?: string[];
}

const TIMEOUTS = { headersTimeout: 300_000, bodyTimeout: 300_000, keepAliveTimeout: 4_000 };

/**
 * undici, loaded on the first request: ~110 files and ~0.2 s of CPU that every `collect` paid at
 * start-up, though most collections upload nothing (issue 13, item 8).
 */
let undiciModule: Promise<typeof Undici> | undefined;
const loadUndici = (): Promise<typeof Undici> => (undiciModule ??= import('undici'));

export class HttpClient {
  readonly system: string;
  readonly baseUrl: URL;
  readonly #options: HttpClientOptions;
  readonly #settings: AgentSettings;
  /** One dispatcher per route: "direct", or the proxy's URL. */
  readonly #dispatchers = new Map<string, Dispatcher>();

  private constructor(options: HttpClientOptions, settings: AgentSettings) {
    this.#options = options;
    this.system = options.system;
    this.baseUrl = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    this.#settings = settings;
  }

  /** The proxy a request to `url` goes through (undefined: direct), as the proxy check sees it. */
  proxyFor(url: URL): ProxySetting | undefined {
    return resolveProxy(url, this.#options.env ?? process.env);
  }

  #route(url: URL, { Agent, ProxyAgent }: typeof Undici): { dispatcher: Dispatcher; proxy?: ProxySetting } {
    const proxy = this.proxyFor(url);
    if (proxy && !/^https?:$/.test(proxy.url.protocol)) {
      throw new UploadError('config', `${this.where}: the proxy for ${url.host} is ${proxy.display} (from ${proxy.variable}), and uploads go through HTTP(S) proxies only; set ${url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY'} to an HTTP proxy, or add ${url.hostname} to NO_PROXY`);
    }
    const key = proxy ? proxy.url.href : 'direct';
    let dispatcher = this.#dispatchers.get(key);
    if (!dispatcher) {
      const ca = this.#settings.ca;
      // TLS: certificates are always verified; `ca` only adds a trusted root (for the server and for an https:// proxy).
      dispatcher = proxy
        ? new ProxyAgent({ uri: proxy.url.href, requestTls: { ...(ca ? { ca } : {}), timeout: 15_000 }, proxyTls: { ...(ca ? { ca } : {}), timeout: 15_000 }, ...TIMEOUTS })
        : new Agent({ connect: { ...(ca ? { ca } : {}), timeout: 15_000 }, ...TIMEOUTS });
      this.#dispatchers.set(key, dispatcher);
    }
    return proxy ? { dispatcher, proxy } : { dispatcher };
  }

  static async create(options: HttpClientOptions): Promise<HttpClient> {
    let base: URL;
    try {
      base = new URL(options.baseUrl);
    } catch {
      throw new UploadError('config', `${options.system}: "${options.baseUrl}" is not a URL`);
    }
    if (options.allowedHosts && !hostAllowed(base.hostname, options.allowedHosts)) {
      throw new UploadError('config', `${options.system} at ${base.origin}: the host ${base.hostname} is not in the policy's upload.allowedHosts (${options.allowedHosts.join(', ') || 'empty'}); nothing was sent`);
    }
    let ca: string[] | undefined;
    if (options.caFile) {
      try {
        ca = [...rootCertificates, await readFile(options.caFile, 'utf8')];
      } catch (err) {
        throw new UploadError('config', `cannot read upload.caFile ${options.caFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
    }
    return new HttpClient(options, ca ? { ca } : {});
  }

  /** "Redmine at http://127.0.0.1:3000" */
  get where(): string {
    return `${this.system} at ${this.baseUrl.origin}${this.baseUrl.pathname === '/' ? '' : this.baseUrl.pathname.replace(/\/$/, '')}`;
  }

  url(path: string, query?: Record<string, string>): URL {
    const url = new URL(path.replace(/^\//, ''), this.baseUrl);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    return url;
  }

  scrub(text: string): string {
    return scrub(text, this.#options.secrets());
  }

  /** Sends a request; non-expected statuses throw UploadError. The caller consumes `body`. */
  async send(method: Dispatcher.HttpMethod, path: string, options: RequestOptions): Promise<Dispatcher.ResponseData> {
    const url = this.url(path, options.query);
    const undici = await loadUndici();
    const { dispatcher, proxy } = this.#route(url, undici);
    let response: Dispatcher.ResponseData;
    try {
      response = await undici.request(url, {
        method,
        dispatcher,
        headers: { 'user-agent': 'diagcollect', accept: 'application/json', ...this.#options.authHeaders(), ...options.headers },
        body: options.body === undefined ? null : typeof options.body === 'string' || Buffer.isBuffer(options.body) ? options.body : Readable.from(options.body, { objectMode: false }),
        signal: options.signal ?? null,
      });
    } catch (err) {
      const refused = proxy && !options.signal?.aborted ? proxyRefusal(err, proxy, url, this.where) : undefined;
      const e = refused ?? toUploadError(err, this.where, options.signal?.aborted);
      // Through a proxy, a refused or dropped connection may be the proxy's: say which one, never its credentials.
      let message = e.message;
      if (proxy && !refused && e.kind !== 'cancelled') {
        const code = (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
        message = code === 'ECONNREFUSED'
          ? `${this.where}: the proxy ${proxy.display} (from ${proxy.variable}) refuses connections: is it running, and is ${proxy.variable} right? (or add ${url.hostname} to NO_PROXY)`
          : `${message} (through the proxy ${proxy.display} from ${proxy.variable}; if it should not be used for ${url.hostname}, add that to NO_PROXY)`;
      }
      const proxySecrets = proxy ? [proxy.url.password, safeDecode(proxy.url.password)].filter((p) => p.length > 0) : [];
      throw new UploadError(e.kind, scrub(this.scrub(message), proxySecrets), { ...(e.status ? { status: e.status } : {}), ...(e.networkCause ? { networkCause: e.networkCause } : {}) });
    }
    if (options.expect.includes(response.statusCode)) return response;
    const text = await readText(response.body, 256 * 1024).catch(() => '');
    throw this.statusError(response.statusCode, response.headers, text, options.context);
  }

  /** Sends a request and parses the JSON answer of an expected status (empty body: null). */
  async json<T>(method: Dispatcher.HttpMethod, path: string, options: RequestOptions): Promise<JsonResponse<T>> {
    const response = await this.send(method, path, options);
    let text: string;
    try {
      text = await readText(response.body, MAX_JSON_BYTES);
    } catch (err) {
      throw toUploadError(err, this.where, options.signal?.aborted);
    }
    if (!text.trim()) return { status: response.statusCode, headers: response.headers, data: null as T };
    try {
      return { status: response.statusCode, headers: response.headers, data: JSON.parse(text) as T };
    } catch {
      throw new UploadError('rejected', `${this.where} answered HTTP ${response.statusCode} with something that is not JSON; is the URL right (${this.baseUrl.href})?`);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.#dispatchers.values()].map((d) => d.close()));
    this.#dispatchers.clear();
  }

  /** An HTTP status as an UploadError that says what to do. */
  statusError(status: number, headers: IncomingHttpHeaders, bodyText: string, context: StatusContext): UploadError {
    const said = serverMessage(bodyText);
    const server = said ? `: ${this.scrub(said)}` : '';
    const retryAfterMs = parseRetryAfter(headers['retry-after']);
    const w = this.where;
    if (status === 401) return new UploadError('auth', `${w} did not accept the credentials (HTTP 401): ${this.#options.authHint}`, { status });
    if (status === 403) return new UploadError('forbidden', `${w} refused (HTTP 403): the account may not ${context.action}; ask the ${this.system} administrator for that permission${server}`, { status });
    if (status === 404) return new UploadError('not-found', `${w}: ${context.notFound ?? 'not found'} (HTTP 404)`, { status });
    if (status === 413) {
      const size = context.bytes !== undefined ? ` (${(context.bytes / MB).toFixed(1)} MB)` : '';
      return new UploadError('too-large', `${w} refused the archive${size} as too large (HTTP 413): ask the ${this.system} administrator to raise the upload size limit, or collect less (--since, --skip)`, { status });
    }
    if (status === 429) {
      const wait = retryAfterMs !== undefined ? `; it asked us to wait ${Math.ceil(retryAfterMs / 1000)} s` : '';
      return new UploadError('rate-limited', `${w} is rate-limiting requests (HTTP 429)${wait}`, { status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
    }
    if (status === 408 || status >= 500) {
      return new UploadError('server', `${w} failed with HTTP ${status}${server}`, { status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) });
    }
    if (status >= 300 && status < 400) {
      const to = typeof headers.location === 'string' ? ` to ${this.scrub(headers.location)}` : '';
      return new UploadError('rejected', `${w} redirected${to} (HTTP ${status}); redirects are not followed: set the URL in the policy to the final address`, { status });
    }
    return new UploadError('rejected', `${w} refused the request to ${context.action} (HTTP ${status})${server}`, { status });
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A proxy that answers the tunnel request (CONNECT) with anything but 200. undici reports it as
 * an abort ("Proxy response (407) !== 200 when HTTP Tunneling"), which is not the user's cancel.
 */
function proxyRefusal(err: unknown, proxy: ProxySetting, url: URL, where: string): UploadError | undefined {
  const m = /Proxy response \((\d{3})\)/.exec((err as Error | undefined)?.message ?? '');
  if (!m) return undefined;
  const status = Number(m[1]);
  if (status === 407) {
    return new UploadError('auth', `${where}: the proxy ${proxy.display} (from ${proxy.variable}) did not accept the credentials (HTTP 407); set them in ${proxy.variable} as http://user:password@host:port`, { status });
  }
  return new UploadError(status >= 500 ? 'server' : 'network', `${where}: the proxy ${proxy.display} (from ${proxy.variable}) refused to connect to ${url.host} (HTTP ${status}); ask the network administrator, or add ${url.hostname} to NO_PROXY if it is reachable directly`, { status });
}

/** Reads a body as UTF-8 text, refusing more than `limit` bytes. */
export async function readText(body: AsyncIterable<Uint8Array> & { dump?: () => Promise<void> }, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > limit) {
      await body.dump?.().catch(() => {});
      throw new UploadError('rejected', `the server's answer is larger than ${Math.round(limit / MB)} MB`);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The human part of an error body: Redmine `{"errors":[…]}`, RT `{"message":…}`, or plain text. */
export function serverMessage(text: string): string {
  const t = text.trim();
  if (!t) return '';
  try {
    const j = JSON.parse(t) as { errors?: unknown; message?: unknown; error?: unknown };
    if (Array.isArray(j.errors)) return j.errors.map(String).join('; ').slice(0, 500);
    if (typeof j.message === 'string') return j.message.slice(0, 500);
    if (typeof j.error === 'string') return j.error.slice(0, 500);
  } catch {}
  const plain = t
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.slice(0, 200);
}

/**
 * A file as a request body: read in 1 MiB chunks, reported through `onProgress` as undici
 * takes them (so progress follows what the socket accepts, within one chunk), cancelled by
 * `signal`. Memory stays flat whatever the file size.
 */
export async function* fileChunks(path: string, size: number, options: { signal?: AbortSignal; onProgress?: (sent: number, total: number) => void; offset?: number; total?: number } = {}): AsyncGenerator<Buffer> {
  const stream = createReadStream(path, { highWaterMark: MB, ...(options.signal ? { signal: options.signal } : {}) });
  const offset = options.offset ?? 0;
  const total = options.total ?? size;
  let sent = 0;
  options.onProgress?.(offset, total);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    sent += chunk.length;
    yield chunk;
    options.onProgress?.(offset + sent, total);
  }
  if (sent !== size) throw new UploadError('archive', `the archive ${path} changed while it was being sent (${sent} of ${size} bytes)`);
}
