/**
 * A fault-injecting HTTP proxy on 127.0.0.1 in front of a real server. Each fault is used once,
 * by the first request it matches; everything else passes through unchanged. Every request is
 * logged with its time and the status the client saw.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  /** Reads the request body, then answers with this status (and headers) instead of the server. */
  | { method?: string; path: RegExp; kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /** Forwards the request but drops the connection after `bytes` of the request body. */
  | { method?: string; path: RegExp; kind: 'close-mid-body'; bytes: number }
  /** Forwards the request; the server does the work; then the client gets this status (the answer is "lost"). */
  | { method?: string; path: RegExp; kind: 'lose-answer'; status: number };

export interface ProxyLogEntry {
  at: number;
  method: string;
  path: string;
  status: number | 'closed';
  fault?: Fault['kind'];
}

export interface FaultProxy {
  url: string;
  port: number;
  faults: Fault[];
  log: ProxyLogEntry[];
  close(): Promise<void>;
}

export async function startFaultProxy(upstream: string, port = 0): Promise<FaultProxy> {
  const target = new URL(upstream);
  const faults: Fault[] = [];
  const log: ProxyLogEntry[] = [];
  const sockets = new Set<Socket>();

  const take = (req: IncomingMessage): Fault | undefined => {
    const i = faults.findIndex((f) => (!f.method || f.method === req.method) && f.path.test(req.url ?? ''));
    return i >= 0 ? faults.splice(i, 1)[0] : undefined;
  };

  const forward = (req: IncomingMessage, onResponse: (up: IncomingMessage) => void, onError: () => void) => {
    const up = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, onResponse);
    up.on('error', onError);
    return up;
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const entry: ProxyLogEntry = { at: Date.now(), method: req.method ?? '', path: req.url ?? '', status: 'closed' };
    log.push(entry);
    const fault = take(req);
    if (fault) entry.fault = fault.kind;
    if (fault?.kind === 'status') {
      req.resume();
      req.on('end', () => {
        entry.status = fault.status;
        res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
        res.end(fault.body ?? JSON.stringify({ errors: [`injected HTTP ${fault.status}`] }));
      });
      return;
    }
    if (fault?.kind === 'close-mid-body') {
      const up = forward(
        req,
        (upRes) => {
          entry.status = upRes.statusCode ?? 0;
          res.writeHead(upRes.statusCode ?? 502, upRes.headers);
          upRes.pipe(res);
        },
        () => res.destroy(),
      );
      let seen = 0;
      req.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        if (seen >= fault.bytes) {
          up.destroy();
          req.socket.destroy();
        } else up.write(chunk);
      });
      req.on('end', () => up.end());
      return;
    }
    const up = forward(
      req,
      (upRes) => {
        if (fault?.kind === 'lose-answer') {
          upRes.resume();
          upRes.on('end', () => {
            entry.status = fault.status;
            res.writeHead(fault.status, { 'content-type': 'text/plain' });
            res.end('injected: the answer was lost');
          });
          return;
        }
        entry.status = upRes.statusCode ?? 0;
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
      },
      () => res.destroy(),
    );
    req.pipe(up);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    faults,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port that nothing listens on (for "the server is down"). */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
