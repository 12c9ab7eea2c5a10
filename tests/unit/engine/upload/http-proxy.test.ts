/**
 * The upload client honours the environment's proxy, resolved by platform/proxy.ts (the same
 * function the connectivity check uses): a real HTTPS server with a test-CA certificate
 * (tests/fixtures/tls) behind a real HTTP proxy (the `proxy` package) on 127.0.0.1.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createProxy, type ProxyServer } from 'proxy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveProxy } from '../../../../electron/engine/platform/proxy.js';
import { HttpClient } from '../../../../electron/engine/upload/http.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/tls/${name}`, import.meta.url));
let server: Server;
let base: string;
let proxy: ProxyServer;
let proxyUrl: string;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer({ key: readFileSync(fixture('server-key.pem')), cert: readFileSync(fixture('server.pem')) }, (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ path: req.url, key: req.headers['x-key'] ?? null }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `https://localhost:${(server.address() as AddressInfo).port}`;
  proxy = createProxy(http.createServer());
  proxy.on('connect', (req: http.IncomingMessage) => seen.push(`CONNECT ${req.url}`));
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => proxy.close(r))]);
});

const client = (env: NodeJS.ProcessEnv, baseUrl = base) =>
  HttpClient.create({ system: 'Test', baseUrl, caFile: fixture('ca.pem'), authHeaders: () => ({ 'x-key': 'k-1234' }), authHint: 'check the key', secrets: () => ['k-1234'], env });

describe('HttpClient through the environment proxy', () => {
  it('tunnels HTTPS through HTTPS_PROXY (CONNECT), still verifying the server against upload.caFile', async () => {
    seen.length = 0;
    const c = await client({ HTTPS_PROXY: proxyUrl });
    try {
      expect(c.proxyFor(c.baseUrl)?.display).toBe(proxyUrl);
      const r = await c.json<{ path: string; key: string }>('GET', 'issues/1.json', { expect: [200], context: { action: 'test' } });
      expect(r.data).toEqual({ path: '/issues/1.json', key: 'k-1234' });
      expect(seen).toEqual([`CONNECT ${new URL(base).host}`]);
    } finally {
      await c.close();
    }
  });

  it('the certificate is checked end to end: without the CA the tunnelled request is refused as tls', async () => {
    const c = await HttpClient.create({ system: 'Test', baseUrl: base, authHeaders: () => ({}), authHint: '', secrets: () => [], env: { https_proxy: proxyUrl } });
    try {
      await expect(c.json('GET', 'x', { expect: [200], context: { action: 'test' } })).rejects.toMatchObject({ kind: 'tls' });
    } finally {
      await c.close();
    }
  });

  it('NO_PROXY and an http:// target with only HTTPS_PROXY set go direct', async () => {
    seen.length = 0;
    for (const env of [{ HTTPS_PROXY: proxyUrl, NO_PROXY: 'localhost' }, { HTTPS_PROXY: proxyUrl, no_proxy: '.example.test, localhost:' + new URL(base).port }]) {
      const c = await client(env);
      try {
        expect(c.proxyFor(c.baseUrl)).toBeUndefined();
        expect((await c.json<{ key: string }>('GET', 'x', { expect: [200], context: { action: 'test' } })).data.key).toBe('k-1234');
      } finally {
        await c.close();
      }
    }
    expect(seen).toEqual([]);
    expect(resolveProxy(new URL('http://redmine.example.com/'), { HTTPS_PROXY: proxyUrl })).toBeUndefined();
  });

  it('a loopback server is never reached through a proxy on another machine (its 127.0.0.1 is not ours)', async () => {
    const c = await client({ HTTPS_PROXY: 'http://proxy.corp.test:3128' });
    try {
      expect(c.proxyFor(c.baseUrl)).toBeUndefined();
      expect((await c.json<{ key: string }>('GET', 'x', { expect: [200], context: { action: 'test' } })).data.key).toBe('k-1234');
    } finally {
      await c.close();
    }
  });

  it('a SOCKS proxy from ALL_PROXY is a clear config error, not a silent direct connection', async () => {
    const c = await client({ ALL_PROXY: 'socks5://127.0.0.1:1080' });
    try {
      await expect(c.json('GET', 'x', { expect: [200], context: { action: 'test' } })).rejects.toMatchObject({ kind: 'config', message: expect.stringContaining('socks5://127.0.0.1:1080 (from ALL_PROXY)') });
    } finally {
      await c.close();
    }
  });
});
