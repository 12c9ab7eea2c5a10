/**
 * TLS is always verified: a real local HTTPS server with a certificate from a test-only CA
 * (tests/fixtures/tls) is refused until policy upload.caFile names that CA.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient, hostAllowed, serverMessage } from '../../../../electron/engine/upload/http.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/tls/${name}`, import.meta.url));
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer({ key: readFileSync(fixture('server-key.pem')), cert: readFileSync(fixture('server.pem')) }, (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ path: req.url, key: req.headers['x-key'] ?? null }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `https://localhost:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const client = (caFile?: string, allowedHosts?: string[]) =>
  HttpClient.create({ system: 'Test', baseUrl: base, ...(caFile ? { caFile } : {}), ...(allowedHosts ? { allowedHosts } : {}), authHeaders: () => ({ 'x-key': 'k-1234' }), authHint: 'check the key', secrets: () => ['k-1234'] });

describe('HttpClient TLS and hosts', () => {
  it('refuses a certificate from an unknown CA, permanently, and says to set upload.caFile', async () => {
    const c = await client();
    try {
      const err = await c.json('GET', 'x', { expect: [200], context: { action: 'test' } }).catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: 'tls', permanent: true });
      expect((err as Error).message).toContain('upload.caFile');
    } finally {
      await c.close();
    }
  });

  it('trusts the server once upload.caFile names its CA', async () => {
    const c = await client(fixture('ca.pem'));
    try {
      const r = await c.json<{ path: string; key: string }>('GET', 'issues/1.json', { query: { include: 'attachments' }, expect: [200], context: { action: 'test' } });
      expect(r.data).toEqual({ path: '/issues/1.json?include=attachments', key: 'k-1234' });
    } finally {
      await c.close();
    }
  });

  it('refuses a host outside upload.allowedHosts before sending anything; matches *.domain', async () => {
    await expect(client(fixture('ca.pem'), ['redmine.example.com'])).rejects.toMatchObject({ kind: 'config', message: expect.stringContaining('allowedHosts') });
    expect(hostAllowed('tickets.corp.example', ['*.corp.example'])).toBe(true);
    expect(hostAllowed('corp.example', ['*.corp.example'])).toBe(false);
    expect(hostAllowed('evilcorp.example', ['*.corp.example'])).toBe(false);
    expect(hostAllowed('LOCALHOST', ['localhost'])).toBe(true);
  });

  it('an unreadable caFile is a clear config error', async () => {
    await expect(client('/nonexistent/ca.pem')).rejects.toMatchObject({ kind: 'config', message: expect.stringContaining('ENOENT') });
  });

  it('turns error bodies into short messages (Redmine errors[], RT message, HTML)', () => {
    expect(serverMessage('{"errors":["a","b"]}')).toBe('a; b');
    expect(serverMessage('{"message":"Not Found"}')).toBe('Not Found');
    expect(serverMessage('<html><head><style>x{}</style></head><body><h1>Bad  Gateway</h1></body></html>')).toBe('Bad Gateway');
  });
});
