/**
 * Real local servers for the checks' tests, all on 127.0.0.1: an HTTP server that answers (with
 * a Date header, optionally shifted), one that accepts connections and never answers, a port
 * that refuses, a small DNS server (UDP) and one that never answers, and an HTTP proxy
 * (absolute-form GET and CONNECT).
 */
import { execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Running {
  port: number;
  url: string;
  close(): Promise<void>;
}

function closeServer(server: net.Server, sockets: Set<net.Socket>): Promise<void> {
  for (const s of sockets) s.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

function track(server: net.Server): Set<net.Socket> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return sockets;
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as net.AddressInfo).port;
}

export interface HttpServerOptions {
  /** Added to the Date header (clock-skew tests). */
  dateOffsetMs?: number;
  /** Delay before answering (slow-server tests). */
  delayMs?: number;
}

/**
 * Routes: `/generate_204` → 204; `/login-redirect` → 302 to a login page (a captive portal);
 * `/version.json` → {"version":"2.4.1"}; `/error` → 503; `/missing` → 404; anything else → 200 "ok".
 */
export async function startHttpServer(options: HttpServerOptions = {}): Promise<Running & { requests: string[] }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const answer = () => {
      res.setHeader('date', new Date(Date.now() + (options.dateOffsetMs ?? 0)).toUTCString());
      if (req.url === '/generate_204') return void res.writeHead(204).end();
      if (req.url === '/login-redirect') return void res.writeHead(302, { location: 'http://login.hotel.test/portal' }).end('<html>login</html>');
      if (req.url === '/version.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"version":"2.4.1"}');
      if (req.url === '/error') return void res.writeHead(503).end('down');
      if (req.url === '/missing') return void res.writeHead(404).end('not found');
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    };
    if (options.delayMs) setTimeout(answer, options.delayMs);
    else answer();
  });
  const sockets = track(server);
  const port = await listen(server);
  return { port, url: `http://127.0.0.1:${port}`, requests, close: () => closeServer(server, sockets) };
}

/** Accepts TCP connections and never sends a byte. */
export async function startHangingServer(): Promise<Running & { connections: () => number }> {
  let count = 0;
  const server = net.createServer(() => {
    count += 1;
  });
  const sockets = track(server);
  const port = await listen(server);
  return { port, url: `http://127.0.0.1:${port}`, connections: () => count, close: () => closeServer(server, sockets) };
}

/** A port on 127.0.0.1 where nothing listens (connections are refused). */
export async function refusedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function readName(msg: Buffer, offset: number): { name: string; end: number } {
  const labels: string[] = [];
  let i = offset;
  while (msg[i]! !== 0) {
    const len = msg[i]!;
    labels.push(msg.subarray(i + 1, i + 1 + len).toString('ascii'));
    i += len + 1;
  }
  return { name: labels.join('.').toLowerCase(), end: i + 1 };
}

export interface DnsServer {
  /** `127.0.0.1:PORT`, as Resolver.setServers takes it. */
  address: string;
  queries: string[];
  close(): Promise<void>;
}

/** A DNS server over UDP answering A records for `records`; other names get NXDOMAIN. `silent`: never answers. */
export async function startDnsServer(records: Record<string, string>, options: { silent?: boolean } = {}): Promise<DnsServer> {
  const queries: string[] = [];
  const socket = dgram.createSocket('udp4');
  socket.on('message', (msg, rinfo) => {
    if (msg.length < 12) return;
    const { name, end } = readName(msg, 12);
    const qtype = msg.readUInt16BE(end);
    queries.push(`${name} ${qtype}`);
    if (options.silent) return;
    const question = msg.subarray(12, end + 4);
    const address = records[name];
    const answers: Buffer[] = [];
    if (address && qtype === 1) {
      const rr = Buffer.alloc(16);
      rr.writeUInt16BE(0xc00c, 0);
      rr.writeUInt16BE(1, 2);
      rr.writeUInt16BE(1, 4);
      rr.writeUInt32BE(60, 6);
      rr.writeUInt16BE(4, 10);
      address.split('.').forEach((o, i) => rr.writeUInt8(Number(o), 12 + i));
      answers.push(rr);
    }
    const header = Buffer.alloc(12);
    header.writeUInt16BE(msg.readUInt16BE(0), 0);
    header.writeUInt16BE(address ? 0x8180 : 0x8183, 2); // NOERROR, or NXDOMAIN
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    socket.send(Buffer.concat([header, question, ...answers]), rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  const port = socket.address().port;
  return { address: `127.0.0.1:${port}`, queries, close: () => new Promise((resolve) => socket.close(() => resolve())) };
}

/** An HTTP proxy: absolute-form requests are forwarded, CONNECT opens a tunnel. Records what it saw. */
export async function startProxy(): Promise<Running & { seen: string[] }> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? '/');
    const upstream = http.request({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host!, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    client.on('error', () => upstream.destroy());
  });
  const sockets = track(server);
  const port = await listen(server);
  return { port, url: `http://127.0.0.1:${port}`, seen, close: () => closeServer(server, sockets) };
}

/**
 * An HTTPS server with a fresh self-signed certificate (made by the openssl command) for
 * `127.0.0.1`: the TLS handshake completes, and verification fails as it does behind an
 * intercepting proxy.
 */
export async function startSelfSignedHttpsServer(): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const server = https.createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => res.writeHead(200).end('ok'));
  const sockets = track(server);
  const port = await listen(server);
  return { port, url: `https://127.0.0.1:${port}`, close: () => closeServer(server, sockets) };
}
