/**
 * 连接问题 evidence (#18): when the user reports a connection problem, each configured endpoint
 * is taken apart step by step — the DNS answer from each resolver, a TCP connection, the TLS
 * handshake (chain, expiry, names, and who issued it: a public root, the enterprise CA named in
 * policy, or an unknown CA — a proxy intercepting HTTPS), and the HTTP status through the
 * effective proxy. Each step has its own timeout and, when it is not taken, its reason. Nothing
 * blocks the event loop: sockets and c-ares queries only.
 */
import { X509Certificate } from 'node:crypto';
import type * as Tls from 'node:tls';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import { at, cm, dur, msg, type CheckMessage } from '../../../shared/check-messages.js';
import { resolveProxy } from '../platform/proxy.js';
import { serverLookup } from './dns.js';
import { describeProbeError, httpProbe } from './support/http-probe.js';
import { tcpProbe } from './support/tcp-probe.js';
import type { Check, CheckContext, CheckOutcome } from './types.js';
import { dns, tls } from '../platform/lazy-builtins.js';

export interface DnsEvidence {
  server: string;
  addresses?: string[];
  code?: string;
  ms: number;
}

export interface TlsEvidence {
  state: 'ok' | 'expired' | 'not-yet-valid' | 'wrong-name' | 'untrusted' | 'failed' | 'skipped';
  protocol?: string;
  subject?: string;
  issuer?: string;
  names?: string[];
  validFrom?: string;
  validTo?: string;
  /** Who vouches for the chain: a public root (Node's bundled roots), the enterprise CA in policy, or nobody known. */
  issuedBy?: 'public' | 'enterprise' | 'unknown';
  chain?: Array<{ subject: string; issuer: string; validTo: string; fingerprint256: string }>;
  code?: string;
  ms?: number;
}

/** Fingerprints and subjects of the public roots this runtime trusts (Node's bundled Mozilla store). */
let publicRoots: { fingerprints: Set<string>; subjects: Set<string> } | undefined;
function roots() {
  if (!publicRoots) {
    const certs = tls().rootCertificates.map((r) => new X509Certificate(r));
    publicRoots = { fingerprints: new Set(certs.map((c) => c.fingerprint256)), subjects: new Set(certs.map((c) => c.subject)) };
  }
  return publicRoots;
}
const isPublicRoot = (pem: string) => roots().fingerprints.has(new X509Certificate(pem).fingerprint256);
const publicSubjects = () => roots().subjects;

/** A certificate name field (OpenSSL may give several values). */
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

const pemOf = (raw: Buffer) => `-----BEGIN CERTIFICATE-----\n${raw.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;

async function resolverAnswers(host: string, ctx: CheckContext, servers: string[]): Promise<DnsEvidence[]> {
  return Promise.all(
    servers.map(async (server) => {
      const a = await serverLookup(server, host, ctx);
      return a.kind === 'ok' ? { server, addresses: a.addresses, ms: a.ms } : { server, code: a.code, ms: a.ms };
    }),
  );
}

/** The TLS handshake on its own socket: the peer's chain, judged here rather than by the socket. */
export function tlsHandshake(host: string, address: string, port: number, options: { timeoutMs: number; signal: AbortSignal; extraCa?: string; now: Date }): Promise<TlsEvidence> {
  const started = performance.now();
  return new Promise((resolve) => {
    const servername = net.isIP(host) ? undefined : host;
    const socket = tls().connect({ host: address, port, servername, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'], ...(options.extraCa ? { ca: [...tls().rootCertificates, options.extraCa] } : {}) });
    let done = false;
    const finish = (e: TlsEvidence) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve({ ...e, ms: performance.now() - started });
    };
    const timer = setTimeout(() => finish({ state: 'failed', code: 'TIMEOUT' }), options.timeoutMs);
    const onAbort = () => finish({ state: 'failed', code: 'CANCELLED' });
    options.signal.addEventListener('abort', onAbort, { once: true });
    socket.once('error', (err: NodeJS.ErrnoException) => finish({ state: 'failed', code: err.code ?? err.name }));
    socket.once('secureConnect', () => {
      const peer = socket.getPeerCertificate(true);
      if (!peer || !peer.raw) return finish({ state: 'failed', code: 'NO_CERTIFICATE' });
      const chain: NonNullable<TlsEvidence['chain']> = [];
      let node: Tls.DetailedPeerCertificate | undefined = peer;
      const seen = new Set<string>();
      while (node?.raw && !seen.has(node.fingerprint256)) {
        seen.add(node.fingerprint256);
        chain.push({ subject: one(node.subject?.CN), issuer: one(node.issuer?.CN ?? node.issuer?.O), validTo: new Date(node.valid_to).toISOString(), fingerprint256: node.fingerprint256 });
        node = node.issuerCertificate;
      }
      // The top of the chain the server sent: a public root, or issued by one, is public.
      let top: Tls.DetailedPeerCertificate = peer;
      while (top.issuerCertificate?.raw && top.issuerCertificate.fingerprint256 !== top.fingerprint256) top = top.issuerCertificate;
      const topCert = new X509Certificate(pemOf(top.raw));
      const publicRoot = isPublicRoot(pemOf(top.raw)) || publicSubjects().has(topCert.issuer);
      const names = (peer.subjectaltname ?? '').split(',').map((s) => s.trim().replace(/^(DNS|IP Address):/, '')).filter(Boolean);
      const base: TlsEvidence = {
        state: 'ok',
        protocol: socket.getProtocol() ?? undefined,
        subject: one(peer.subject?.CN),
        issuer: one(peer.issuer?.CN ?? peer.issuer?.O),
        names,
        validFrom: new Date(peer.valid_from).toISOString(),
        validTo: new Date(peer.valid_to).toISOString(),
        issuedBy: publicRoot ? 'public' : socket.authorized ? 'enterprise' : 'unknown',
        chain,
      };
      const now = options.now.getTime();
      if (Date.parse(base.validTo!) < now) return finish({ ...base, state: 'expired', code: 'CERT_HAS_EXPIRED' });
      if (Date.parse(base.validFrom!) > now) return finish({ ...base, state: 'not-yet-valid', code: 'CERT_NOT_YET_VALID' });
      const nameError = tls().checkServerIdentity(host, peer);
      if (nameError) return finish({ ...base, state: 'wrong-name', code: (nameError as NodeJS.ErrnoException).code ?? 'ERR_TLS_CERT_ALTNAME_INVALID' });
      if (!socket.authorized) return finish({ ...base, state: 'untrusted', code: String(socket.authorizationError ?? 'UNTRUSTED') });
      return finish(base);
    });
  });
}

function tlsText(e: TlsEvidence, host: string): CheckMessage {
  switch (e.state) {
    case 'ok':
      return e.issuedBy === 'enterprise' ? cm('connection.tls.enterpriseCa', { issuer: e.issuer ?? '' }) : cm('connection.tls.ok', { protocol: e.protocol ?? 'TLS', issuer: e.issuer ?? '', expires: at(e.validTo!) });
    case 'expired':
      return cm('connection.tls.expired', { expired: at(e.validTo!) });
    case 'not-yet-valid':
      return cm('connection.tls.notYet', { from: at(e.validFrom!) });
    case 'wrong-name':
      return cm('connection.tls.wrongName', { host, names: (e.names ?? []).join(', ') || '-' });
    case 'untrusted':
      return cm('connection.tls.privateCa', { issuer: e.issuer ?? '' });
    case 'skipped':
      return cm('connection.tls.skipped');
    default:
      return cm('connection.tls.failed', { code: e.code ?? 'ERROR' });
  }
}

export interface ConnectionCheckOptions {
  /** Resolvers to ask one by one (tests); default the system's. */
  servers?: () => string[];
}

export function createConnectionCheck(options: ConnectionCheckOptions = {}): Check {
  return {
    id: 'connection',
    group: 'network',
    title: cm('title.connection-evidence'),
    platforms: ['linux', 'win32', 'darwin'],
    timeoutMs: 14_000,
    async run(ctx): Promise<CheckOutcome | CheckOutcome[]> {
      if (ctx.problemType !== 'connection') return { status: 'skipped', detail: cm('connection.notRequested') };
      const endpoints = ctx.policy.checks.endpoints;
      if (endpoints.length === 0) return { status: 'skipped', detail: cm('connection.noEndpoints') };
      const servers = [...new Set((options.servers ?? (() => dns().getServers()))())].slice(0, 4);
      const caPath = ctx.policy.upload.caFile;
      const extraCa = caPath ? await readFile(caPath, 'utf8').catch(() => undefined) : undefined;
      return Promise.all(endpoints.map((e) => endpointEvidence(ctx, e, servers, extraCa)));
    },
  };
}

async function endpointEvidence(ctx: CheckContext, endpoint: { name: string; url: string }, servers: string[], extraCa: string | undefined): Promise<CheckOutcome> {
  const timeoutMs = ctx.policy.checks.probeTimeoutMs;
  const url = new URL(endpoint.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const secure = url.protocol === 'https:';
  const port = url.port ? Number(url.port) : secure ? 443 : 80;
  const proxy = resolveProxy(url, ctx.env);
  const detail: CheckMessage[] = [];
  const started = performance.now();

  // 1. DNS, from each resolver (an IP address needs none).
  const literal = net.isIP(host) !== 0;
  const answers = literal ? [] : await resolverAnswers(host, ctx, servers);
  if (literal) detail.push(cm('connection.dns.literal', { host }));
  else if (answers.length === 0) detail.push(cm('connection.dns.noResolvers'));
  for (const a of answers) detail.push(a.addresses ? cm('connection.dns.answer', { server: a.server, addresses: a.addresses.join(', '), took: dur(a.ms) }) : cm('connection.dns.failed', { server: a.server, code: a.code ?? 'ERROR' }));
  // The address the system itself would use (hosts file included) when no resolver answered.
  const system = literal ? host : (answers.find((a) => a.addresses)?.addresses?.[0] ?? (await dns().promises.lookup(host).then((r) => r.address, () => undefined)));

  // 2 and 3. TCP and TLS, directly: not taken when a proxy carries the traffic, or without an address.
  let tcp: Awaited<ReturnType<typeof tcpProbe>> | undefined;
  let tlsEvidence: TlsEvidence = { state: 'skipped' };
  if (proxy) {
    detail.push(cm('connection.direct.viaProxy', { proxy: proxy.display }));
  } else if (!system) {
    detail.push(cm('connection.direct.noAddress'));
  } else {
    tcp = await tcpProbe(system, port, { timeoutMs, signal: ctx.signal });
    detail.push(tcp.outcome === 'connected' ? cm('connection.tcp.ok', { address: system, port, took: dur(tcp.ms) }) : cm('connection.tcp.failed', { address: system, port, outcome: tcp.code ?? tcp.outcome }));
    if (!secure) detail.push(cm('connection.tls.skipped'));
    else if (tcp.outcome === 'connected') {
      tlsEvidence = await tlsHandshake(host, system, port, { timeoutMs, signal: ctx.signal, now: ctx.now(), ...(extraCa ? { extraCa } : {}) });
      detail.push(tlsText(tlsEvidence, host));
    }
  }

  // 4. HTTP through the effective proxy (the same resolution the uploads use).
  const http = await httpProbe(endpoint.url, { signal: ctx.signal, timeoutMs, env: ctx.env, method: 'HEAD', ...(extraCa ? { ca: extraCa } : {}) });
  if (http.error) detail.push(cm('connection.http.failed', { why: msg(describeProbeError(http, timeoutMs)) }));
  else if (http.proxy) detail.push(cm('connection.http.proxy', { status: http.status ?? 0, took: dur(http.timings.firstByteMs ?? http.timings.totalMs), proxy: http.proxy }));
  else detail.push(cm('connection.http.direct', { status: http.status ?? 0, took: dur(http.timings.firstByteMs ?? http.timings.totalMs) }));

  const dnsFailed = !literal && answers.length > 0 && answers.every((a) => !a.addresses) && !system;
  const tlsBad = tlsEvidence.state !== 'ok' && tlsEvidence.state !== 'skipped';
  const status: CheckOutcome['status'] = dnsFailed || http.error || (tcp && tcp.outcome !== 'connected') || tlsBad ? 'fail' : answers.some((a) => !a.addresses) ? 'warn' : 'pass';
  return {
    subject: endpoint.name,
    title: cm('title.connection', { name: endpoint.name }),
    status,
    detail,
    data: {
      url: endpoint.url,
      dns: answers.map((a) => ({ ...a, ms: Math.round(a.ms) })),
      ...(tcp ? { tcp: { address: system, port, outcome: tcp.outcome, ms: Math.round(tcp.ms), ...(tcp.code ? { code: tcp.code } : {}) } } : {}),
      tls: tlsEvidence,
      http: { ...(http.status !== undefined ? { status: http.status } : {}), ...(http.proxy ? { proxy: http.proxy } : {}), ...(http.error ? { error: { phase: http.error.phase, code: http.error.code } } : {}) },
    },
    durationMs: performance.now() - started,
  };
}

export const connectionCheck: Check = createConnectionCheck();
