/**
 * One HTTP(S) request with the timings of each phase (DNS, TCP, proxy CONNECT, TLS, first byte)
 * and, when it fails, the phase it failed in: "connected, but no HTTP answer within 3 s" tells
 * support far more than "timeout". Honours the proxy environment like curl (see proxy.ts).
 * Redirects are not followed: the status is the answer of the server named in policy.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import net from 'node:net';
import { cm, dur, msg, type CheckMessage } from '../../../../shared/check-messages.js';
import { TOOL_VERSION } from '../../version.js';
import { proxyPort, resolveProxy } from '../../platform/proxy.js';
import { http, https, tls } from '../../platform/lazy-builtins.js';

export type ProbePhase = 'dns' | 'connect' | 'proxy' | 'tls' | 'response' | 'body';

export interface ProbeTimings {
  /** Milliseconds from the start until each step finished. */
  dnsMs?: number;
  connectMs?: number;
  proxyMs?: number;
  tlsMs?: number;
  firstByteMs?: number;
  totalMs: number;
}

export interface HttpProbeResult {
  url: string;
  status?: number;
  statusText?: string;
  headers?: IncomingHttpHeaders;
  /** The first `maxBodyBytes` of the body. */
  body?: Buffer;
  /** The address connected to (the proxy's when one is used). */
  remoteAddress?: string;
  /** `http://proxy:3128` when the request went through a proxy (never its credentials). */
  proxy?: string;
  timings: ProbeTimings;
  /** Wall-clock times (ms since the epoch) when the request started and when the headers came. */
  sentAt: number;
  answeredAt?: number;
  error?: { phase: ProbePhase; code: string; message: string; timedOut: boolean };
}

export interface HttpProbeOptions {
  signal: AbortSignal;
  /** For the whole request, from DNS to the end of the (capped) body. */
  timeoutMs: number;
  env: NodeJS.ProcessEnv;
  method?: 'GET' | 'HEAD';
  /** Body bytes to keep; 0 (default) closes the connection as soon as the headers are in. */
  maxBodyBytes?: number;
  /** An enterprise CA (PEM) trusted besides the public roots. */
  ca?: string;
}

const HEADERS = { 'user-agent': `diagcollect/${TOOL_VERSION} (connectivity check)`, accept: '*/*', connection: 'close' };

export function httpProbe(rawUrl: string, options: HttpProbeOptions): Promise<HttpProbeResult> {
  const url = new URL(rawUrl);
  const secure = url.protocol === 'https:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : secure ? 443 : 80;
  const path = `${url.pathname}${url.search}`;
  const method = options.method ?? 'GET';
  const maxBody = options.maxBodyBytes ?? 0;
  const proxy = resolveProxy(url, options.env);
  const started = performance.now();
  const sentAt = Date.now();
  const timings: ProbeTimings = { totalMs: 0 };
  const since = () => Math.round((performance.now() - started) * 10) / 10;
  const firstHost = proxy ? proxy.url.hostname.replace(/^\[|\]$/g, '') : host;
  let phase: ProbePhase = net.isIP(firstHost) ? 'connect' : 'dns';
  let remoteAddress: string | undefined;

  return new Promise((resolve) => {
    let done = false;
    let timedOut = false;
    const destroyers: Array<() => void> = [];
    const finish = (extra: Partial<HttpProbeResult>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      for (const destroy of destroyers) destroy();
      timings.totalMs = since();
      resolve({ url: rawUrl, timings, sentAt, ...(proxy ? { proxy: proxy.display } : {}), ...(remoteAddress ? { remoteAddress } : {}), ...extra });
    };
    const fail = (err: unknown) => {
      const e = err as NodeJS.ErrnoException;
      finish({ error: { phase, code: timedOut ? 'TIMEOUT' : (e?.code ?? e?.name ?? 'ERROR'), message: e?.message ?? String(err), timedOut } });
    };
    const timer = setTimeout(() => {
      timedOut = true;
      fail(new Error(`no answer within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    const onAbort = () => fail(options.signal.reason ?? new Error('cancelled'));
    if (options.signal.aborted) {
      onAbort();
      return;
    }
    options.signal.addEventListener('abort', onAbort, { once: true });

    /** DNS and TCP timings of a socket; TLS too when it is a TLS socket we wait for. */
    const watch = (socket: net.Socket, afterConnect: ProbePhase) => {
      socket.once('lookup', (err: Error | null) => {
        if (!err) {
          timings.dnsMs = since();
          phase = 'connect';
        }
      });
      socket.once('connect', () => {
        timings.connectMs = since();
        remoteAddress = socket.remoteAddress;
        phase = afterConnect;
      });
      socket.once('secureConnect', () => {
        timings.tlsMs = since();
        phase = 'response';
      });
    };

    const onResponse = (res: IncomingMessage) => {
      timings.firstByteMs = since();
      const answeredAt = Date.now();
      phase = 'body';
      const answer = { status: res.statusCode, statusText: res.statusMessage, headers: res.headers, answeredAt };
      if (maxBody === 0 || method === 'HEAD') {
        res.destroy();
        finish(answer);
        return;
      }
      const chunks: Buffer[] = [];
      let held = 0;
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        held += chunk.length;
        if (held >= maxBody) {
          res.destroy();
          finish({ ...answer, body: Buffer.concat(chunks).subarray(0, maxBody) });
        }
      });
      res.once('end', () => finish({ ...answer, body: Buffer.concat(chunks) }));
      res.once('error', (err) => (held > 0 ? finish({ ...answer, body: Buffer.concat(chunks) }) : fail(err)));
      res.once('aborted', () => finish({ ...answer, body: Buffer.concat(chunks) }));
    };

    const proxyAuth: Record<string, string> =
      proxy && (proxy.url.username || proxy.url.password)
        ? { 'proxy-authorization': `Basic ${Buffer.from(`${decodeURIComponent(proxy.url.username)}:${decodeURIComponent(proxy.url.password)}`).toString('base64')}` }
        : {};
    const servername = net.isIP(host) ? undefined : host;

    if (proxy && proxy.url.protocol !== 'http:') {
      phase = 'proxy';
      fail(Object.assign(new Error(`${proxy.url.protocol.replace(':', '')} proxies (${proxy.variable}) are not probed; only http:// proxies`), { code: 'UNSUPPORTED_PROXY' }));
      return;
    }

    if (!proxy) {
      const req = (secure ? https() : http()).request({ host, port, path, method, headers: { ...HEADERS, host: url.host }, agent: false, servername, ...(options.ca && secure ? { ca: [...tls().rootCertificates, options.ca] } : {}) });
      destroyers.push(() => req.destroy());
      req.once('socket', (socket) => watch(socket, secure ? 'tls' : 'response'));
      req.once('response', onResponse);
      req.once('error', fail);
      req.end();
      return;
    }

    const proxyHost = proxy.url.hostname.replace(/^\[|\]$/g, '');
    if (!secure) {
      // Plain HTTP through a proxy: the absolute URL as the request target.
      const req = http().request({ host: proxyHost, port: proxyPort(proxy.url), path: url.href, method, headers: { ...HEADERS, host: url.host, ...proxyAuth }, agent: false });
      destroyers.push(() => req.destroy());
      req.once('socket', (socket) => watch(socket, 'response'));
      req.once('response', onResponse);
      req.once('error', fail);
      req.end();
      return;
    }

    // HTTPS through a proxy: CONNECT, then TLS with the server inside the tunnel.
    const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const connect = http().request({ host: proxyHost, port: proxyPort(proxy.url), method: 'CONNECT', path: authority, headers: { host: authority, 'user-agent': HEADERS['user-agent'], ...proxyAuth }, agent: false });
    destroyers.push(() => connect.destroy());
    connect.once('socket', (socket) => watch(socket, 'proxy'));
    connect.once('error', fail);
    connect.once('connect', (res: IncomingMessage, socket: net.Socket) => {
      timings.proxyMs = since();
      destroyers.push(() => socket.destroy());
      if (res.statusCode !== 200) {
        phase = 'proxy';
        const answer = `${res.statusCode} ${res.statusMessage ?? ''}`.trim();
        fail(Object.assign(new Error(`the proxy answered "${answer}" to CONNECT ${authority}`), { code: `PROXY_${res.statusCode}` }));
        return;
      }
      phase = 'tls';
      const secureSocket = tls().connect({ socket, servername, ALPNProtocols: ['http/1.1'], ...(options.ca ? { ca: [...tls().rootCertificates, options.ca] } : {}) });
      destroyers.push(() => secureSocket.destroy());
      secureSocket.once('secureConnect', () => {
        timings.tlsMs = since();
        phase = 'response';
      });
      secureSocket.once('error', fail);
      const req = https().request({ host, port, path, method, headers: { ...HEADERS, host: url.host }, createConnection: () => secureSocket });
      destroyers.push(() => req.destroy());
      req.once('response', onResponse);
      req.once('error', fail);
      req.end();
    });
    connect.end();
  });
}

const CERT_ERROR = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS/;

/** True when the failure is the server's certificate (wrong clock, or a proxy intercepting HTTPS). */
export function isCertificateError(result: HttpProbeResult): boolean {
  return result.error !== undefined && !result.error.timedOut && CERT_ERROR.test(result.error.code);
}

/** Why a probe failed, naming the phase: what support reads first. */
export function describeProbeError(result: HttpProbeResult, timeoutMs: number): CheckMessage {
  const e = result.error;
  if (!e) return cm('probe.noError');
  const withVia = (x: CheckMessage): CheckMessage => (result.proxy ? cm('probe.viaProxy', { problem: msg(x), proxy: result.proxy }) : x);
  if (e.code === 'UNSUPPORTED_PROXY') return cm('probe.proxyUnsupported', { protocol: (result.proxy ?? '').replace(/:.*$/, '') || '?' });
  if (e.code.startsWith('PROXY_')) return cm('probe.proxyStatus', { status: e.code.slice('PROXY_'.length) });
  if (e.timedOut) return withVia(cm(`probe.timeout.${e.phase}`, { timeout: dur(timeoutMs) }));
  const code = e.code;
  if (code === 'ENOTFOUND') return withVia(cm('probe.notFound'));
  if (code === 'EAI_AGAIN') return withVia(cm('probe.dnsAgain'));
  if (code === 'ECONNREFUSED') return withVia(cm('probe.refused'));
  if (code === 'ECONNRESET' || code === 'EPIPE') return withVia(cm('probe.reset'));
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return withVia(cm('probe.unreachable'));
  if (code.startsWith('HPE_')) return withVia(cm('probe.badHttp', { code }));
  if (CERT_ERROR.test(code)) return withVia(cm('probe.certificate', { code }));
  return withVia(cm('probe.other', { phase: e.phase, code }));
}

/** "DNS 5 ms · TCP 12 ms · TLS 40 ms · first byte 80 ms" — each step's own duration. */
export function timingSteps(timings: ProbeTimings): CheckMessage[] {
  const steps: Array<['probe.step.dns' | 'probe.step.tcp' | 'probe.step.proxy' | 'probe.step.tls' | 'probe.step.firstByte', number | undefined]> = [
    ['probe.step.dns', timings.dnsMs],
    ['probe.step.tcp', timings.connectMs],
    ['probe.step.proxy', timings.proxyMs],
    ['probe.step.tls', timings.tlsMs],
    ['probe.step.firstByte', timings.firstByteMs],
  ];
  let previous = 0;
  const parts: CheckMessage[] = [];
  for (const [code, atMs] of steps) {
    if (atMs === undefined) continue;
    parts.push(cm(code, { took: dur(Math.max(0, atMs - previous)) }));
    previous = atMs;
  }
  return parts;
}
