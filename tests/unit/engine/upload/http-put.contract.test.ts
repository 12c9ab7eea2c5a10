/**
 * Contract test for the `http-put` connector: what the real S3-compatible server of the tests
 * (s3rver, tests/integration/upload-s3rver.test.ts: signed PUT, multipart, pre-signed URLs,
 * expiry, unknown keys) cannot show. s3rver 3.7.1 does not verify SigV4 signatures and never
 * answers 200 with an <Error>, so this local server implements S3's documented REST formats
 * (PutObject, HeadObject, CreateMultipartUpload, UploadPart, Complete, AbortMultipartUpload) and
 * re-derives every SigV4 signature from the request it received: a mismatch between what is
 * signed and what is sent fails, and a wrong secret gets AWS's documented 403
 * SignatureDoesNotMatch. Complete answering 200 with an <Error> is AWS's documented behaviour for
 * CompleteMultipartUpload; its body is the example from AWS's documentation. The signer itself is
 * checked against AWS's documented example (GET /test.txt, Signature f0e8bdb8…).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PolicySchema } from '../../../../shared/policy.js';
import { Secret } from '../../../../electron/engine/upload/credentials.js';
import { HttpPutConnector, expectedEtag, type HttpPutSettings } from '../../../../electron/engine/upload/http-put.js';
import { EMPTY_SHA256, signV4 } from '../../../../electron/engine/upload/sigv4.js';
import type { ArchiveFile } from '../../../../electron/engine/upload/types.js';

const KEY_ID = 'AKIDEXAMPLE0000';
const SECRET_KEY = 'sEcReT/K7MDENG+bPxRfiCYEXAMPLEKEY';
const MiB = 1024 * 1024;

interface Logged {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  bodyBytes: number;
}

/** AWS's documented CompleteMultipartUpload example of an error returned with HTTP 200 (API reference, CompleteMultipartUpload, "Example: Error"). */
const AWS_COMPLETE_200_ERROR = '<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message><RequestId>656c76696e6727732072657175657374</RequestId><HostId>Uuag1LuByRx9e6j5Onimru9pO4ZVKnJ2Qz7/C1NPcfTWAtRPfTaOFg==</HostId></Error>';
/** AWS's documented error for a signature made with another secret (REST error responses, SignatureDoesNotMatch, HTTP 403). */
const AWS_SIGNATURE_DOES_NOT_MATCH = '<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message></Error>';

const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');
const objects = new Map<string, { data: Buffer; etag: string; sha?: string }>();
const uploads = new Map<string, { path: string; parts: Map<number, Buffer>; sha?: string }>();
const log: Logged[] = [];
let completeFails = false;
let server: Server;
let base: string;
let work: string;

function xml(res: import('node:http').ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
}

/** Recomputes the SigV4 signature from the request as received. */
function signatureOk(req: IncomingMessage, url: URL): boolean {
  const auth = String(req.headers.authorization ?? '');
  const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([a-z0-9-]+)\/s3\/aws4_request,SignedHeaders=([a-z0-9;-]+),Signature=([0-9a-f]{64})$/.exec(auth);
  if (!m || m[1] !== KEY_ID) return false;
  const signedNames = m[4]!.split(';');
  for (const required of ['host', 'x-amz-content-sha256', 'x-amz-date']) if (!signedNames.includes(required)) return false;
  const headers: Record<string, string> = {};
  for (const n of signedNames) if (!['host', 'x-amz-content-sha256', 'x-amz-date'].includes(n)) headers[n] = String(req.headers[n] ?? '');
  const query: Record<string, string> = {};
  for (const part of url.search.slice(1).split('&').filter(Boolean)) {
    const [k, v = ''] = part.split('=');
    query[decodeURIComponent(k!)] = decodeURIComponent(v);
  }
  const again = signV4({
    method: req.method!,
    host: String(req.headers.host),
    path: url.pathname,
    query,
    headers,
    payloadHash: String(req.headers['x-amz-content-sha256']),
    region: m[3]!,
    credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET_KEY },
    now: new Date(String(req.headers['x-amz-date']).replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z')),
  });
  return again.authorization === auth;
}

beforeAll(async () => {
  work = mkdtempSync(join(os.tmpdir(), 'diagcollect-put-'));
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url!, 'http://x');
      log.push({ method: req.method!, url: req.url!, headers: req.headers, bodyBytes: body.length });
      const q = url.searchParams;
      if (!signatureOk(req, url)) {
        return xml(res, 403, AWS_SIGNATURE_DOES_NOT_MATCH);
      }
      const key = url.pathname;
      if (req.method === 'PUT' && q.has('partNumber')) {
        const up = uploads.get(q.get('uploadId')!);
        if (!up) return xml(res, 404, '<Error><Code>NoSuchUpload</Code></Error>');
        up.parts.set(Number(q.get('partNumber')), body);
        res.writeHead(200, { etag: `"${md5(body)}"` });
        return res.end();
      }
      if (req.method === 'PUT') {
        if (Number(req.headers['content-length']) !== body.length) return xml(res, 400, '<Error><Code>IncompleteBody</Code></Error>');
        const etag = md5(body);
        objects.set(key, { data: body, etag, ...(req.headers['x-amz-meta-sha256'] ? { sha: String(req.headers['x-amz-meta-sha256']) } : {}) });
        res.writeHead(200, { etag: `"${etag}"` });
        return res.end();
      }
      if (req.method === 'POST' && q.has('uploads')) {
        const id = `up-${randomBytes(6).toString('hex')}.x~`;
        uploads.set(id, { path: key, parts: new Map(), ...(req.headers['x-amz-meta-sha256'] ? { sha: String(req.headers['x-amz-meta-sha256']) } : {}) });
        return xml(res, 200, `<InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>b</Bucket><Key>${key.slice(1)}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`);
      }
      if (req.method === 'POST' && q.has('uploadId')) {
        const up = uploads.get(q.get('uploadId')!);
        if (!up) return xml(res, 404, '<Error><Code>NoSuchUpload</Code></Error>');
        if (completeFails) return xml(res, 200, AWS_COMPLETE_200_ERROR);
        const listed = [...body.toString('utf8').matchAll(/<Part><PartNumber>(\d+)<\/PartNumber><ETag>"([0-9a-f]+)"<\/ETag><\/Part>/g)].map((x) => ({ n: Number(x[1]), etag: x[2]! }));
        if (!body.toString().startsWith('<?xml') || !body.toString().includes('<CompleteMultipartUpload')) return xml(res, 400, '<Error><Code>MalformedXML</Code></Error>');
        for (const [i, p] of listed.entries()) {
          const data = up.parts.get(p.n);
          if (p.n !== i + 1 || !data || md5(data) !== p.etag) return xml(res, 400, '<Error><Code>InvalidPart</Code></Error>');
        }
        const data = Buffer.concat(listed.map((p) => up.parts.get(p.n)!));
        const etag = `${createHash('md5')
          .update(Buffer.concat(listed.map((p) => Buffer.from(p.etag, 'hex'))))
          .digest('hex')}-${listed.length}`;
        objects.set(up.path, { data, etag, ...(up.sha ? { sha: up.sha } : {}) });
        uploads.delete(q.get('uploadId')!);
        return xml(res, 200, `<CompleteMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Location>http://x${key}</Location><Bucket>b</Bucket><Key>${key.slice(1)}</Key><ETag>&quot;${etag}&quot;</ETag></CompleteMultipartUploadResult>`);
      }
      if (req.method === 'DELETE' && q.has('uploadId')) {
        uploads.delete(q.get('uploadId')!);
        res.writeHead(204);
        return res.end();
      }
      if (req.method === 'HEAD') {
        const o = objects.get(key);
        if (!o) {
          res.writeHead(404);
          return res.end();
        }
        res.writeHead(200, { 'content-length': String(o.data.length), etag: `"${o.etag}"`, ...(o.sha ? { 'x-amz-meta-sha256': o.sha } : {}) });
        return res.end();
      }
      xml(res, 405, '<Error><Code>MethodNotAllowed</Code></Error>');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(work, { recursive: true, force: true });
});

beforeEach(() => {
  log.length = 0;
  completeFails = false;
});

function archive(bytes: number, ticket = '12345'): ArchiveFile {
  const name = `${ticket}_诊断信息_20261124-0930_pc-01.zip`;
  const dir = mkdtempSync(join(work, 'a-'));
  const path = join(dir, name);
  const data = randomBytes(bytes);
  writeFileSync(path, data);
  return { path, name, size: bytes, sha256: createHash('sha256').update(data).digest('hex') };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const signed = (over: Partial<HttpPutSettings> = {}) =>
  HttpPutConnector.create({
    url: `${base}/bucket/diag/{ticket}/{name}`,
    s3: { region: 'eu-central-1', credentials: { accessKeyId: new Secret(KEY_ID), secretAccessKey: new Secret(SECRET_KEY) } },
    multipart: { thresholdBytes: 8 * MiB, partBytes: 5 * MiB },
    ...over,
  });

describe('SigV4 signer', () => {
  it("matches AWS's documented example (GET Object, examplebucket, 20130524)", () => {
    const h = signV4({
      method: 'GET',
      host: 'examplebucket.s3.amazonaws.com',
      path: '/test.txt',
      query: {},
      headers: { range: 'bytes=0-9' },
      payloadHash: EMPTY_SHA256,
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      now: new Date('2013-05-24T00:00:00Z'),
    });
    expect(h.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });
});

describe('http-put connector (S3 contract: what s3rver cannot show)', () => {
  it('contract: single signed PUT — the SigV4 signature covers the request as sent (encoded Chinese key, SHA-256 metadata); ETag checked; HEAD finds it afterwards', async () => {
    const c = await signed();
    const file = archive(200_000);
    try {
      expect(await c.findAttachment('12345', file.name, file.sha256, { size: file.size })).toBeNull();
      const progress: number[] = [];
      const ref = await c.attach('12345', file, { onProgress: (s) => progress.push(s) });
      const put = log.find((l) => l.method === 'PUT')!;
      expect(put.url).toBe(`/bucket/diag/12345/12345_${encodeURIComponent('诊断信息')}_20261124-0930_pc-01.zip`);
      expect(put.headers['x-amz-meta-sha256']).toBe(file.sha256);
      expect(put.headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
      expect(put.headers['content-length']).toBe(String(file.size));
      expect(String(put.headers.authorization)).toContain('SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-meta-sha256');
      const stored = objects.get(put.url)!;
      expect(sha(stored.data)).toBe(file.sha256);
      expect(ref.id).toBe(await expectedEtag(file.path, file.size));
      expect(progress[progress.length - 1]).toBe(file.size);
      const found = await c.findAttachment('12345', file.name, file.sha256, { size: file.size });
      expect(found).toMatchObject({ name: file.name, size: file.size });
      expect(await c.findAttachment('12345', file.name, 'f'.repeat(64), { size: file.size })).toBeNull();
    } finally {
      await c.close?.();
    }
  });

  it('contract: multipart — every SigV4 signature covers its request: CreateMultipartUpload → 3 × UploadPart → Complete (XML), multipart ETag checked', async () => {
    const c = await signed();
    const file = archive(11 * MiB, '777');
    try {
      const ref = await c.attach('777', file);
      const calls = log.map((l) => `${l.method} ${l.url.replace(/uploadId=[^&]+/, 'uploadId=ID').replace(/^[^?]*/, '')}`);
      expect(calls).toEqual(['POST ?uploads=', 'PUT ?partNumber=1&uploadId=ID', 'PUT ?partNumber=2&uploadId=ID', 'PUT ?partNumber=3&uploadId=ID', 'POST ?uploadId=ID']);
      expect(log.slice(1, 4).map((l) => l.bodyBytes)).toEqual([5 * MiB, 5 * MiB, 1 * MiB]);
      expect(log[0]!.headers['x-amz-meta-sha256']).toBe(file.sha256);
      expect(log[4]!.headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/); // the XML body is hashed
      const stored = [...objects.values()].find((o) => o.data.length === file.size)!;
      expect(sha(stored.data)).toBe(file.sha256);
      expect(ref.id).toBe(await expectedEtag(file.path, file.size, 5 * MiB));
      expect(ref.id).toMatch(/-3$/);
    } finally {
      await c.close?.();
    }
  });

  it('contract: Complete answering 200 with AWS’s documented <Error> body fails (retryable) and aborts the upload', async () => {
    completeFails = true;
    const c = await signed();
    try {
      const err = await c.attach('888', archive(9 * MiB, '888')).catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: 'server', permanent: false });
      expect(log[log.length - 1]!.method).toBe('DELETE');
      expect(uploads.size).toBe(0);
    } finally {
      await c.close?.();
    }
  });

  it('contract: a wrong secret key gets AWS’s 403 SignatureDoesNotMatch, which is final; the secret is in no message', async () => {
    const c = await signed({ s3: { region: 'eu-central-1', credentials: { accessKeyId: new Secret(KEY_ID), secretAccessKey: new Secret('wrong-secret-key-xyz') } } });
    try {
      const err = (await c.attach('12345', archive(1000)).catch((e: unknown) => e)) as Error;
      expect(err).toMatchObject({ kind: 'forbidden', permanent: true });
      expect(err.message).not.toContain('wrong-secret-key-xyz');
    } finally {
      await c.close?.();
    }
  });

  it('policy: a pre-signed URL in the policy is refused; multipart needs s3; ticket id checked syntactically', async () => {
    expect(PolicySchema.safeParse({ upload: { httpPut: { url: 'https://b.example.com/x?X-Amz-Signature=abc' } } }).success).toBe(false);
    expect(PolicySchema.safeParse({ upload: { httpPut: { url: 'https://b.example.com/x', multipart: { thresholdBytes: 8 * MiB, partBytes: 5 * MiB } } } }).success).toBe(false);
    expect(PolicySchema.safeParse({ upload: { httpPut: { url: 'https://b.example.com/x', headers: { Authorization: 'x' } } } }).success).toBe(false);
    expect(PolicySchema.safeParse({ upload: { target: 'http-put' } }).success).toBe(false);
    const c = await signed();
    try {
      await expect(c.validateTicket('a/b')).rejects.toMatchObject({ kind: 'rejected' });
      expect((await c.validateTicket('SUP-1')).title).toContain('not looked up');
    } finally {
      await c.close?.();
    }
  });
});
