/**
 * The http-put connector's S3 path against a real S3-compatible server (s3rver on 127.0.0.1,
 * tests/servers/s3rver.ts) — the same server the baseline's s3:// tests use: signed PUT,
 * multipart, a pre-signed PUT URL made by AWS's own presigner (@aws-sdk/s3-request-presigner) and
 * the same URL expired, and an access key the server does not know. The stored object is read
 * back with the AWS SDK.
 *
 * s3rver 3.7.1 checks which access key signed a request and when a pre-signed URL expires, but
 * not the SigV4 signature itself (lib/middleware/authentication.js: "Signature version 4
 * calculation is unimplemeneted"), and it never answers 200 with an <Error> body. Those two stay
 * contract cases in tests/unit/engine/upload/http-put.contract.test.ts, with AWS's documented
 * responses as fixtures: a wrong secret key (403 SignatureDoesNotMatch) and Complete answering
 * 200 with an <Error>.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../electron/engine/upload/credentials.js';
import { HttpPutConnector, expectedEtag, type HttpPutSettings } from '../../electron/engine/upload/http-put.js';
import { connectorEntry } from '../../electron/engine/upload/index.js';
import { PolicySchema } from '../../shared/policy.js';
import type { ArchiveFile } from '../../electron/engine/upload/types.js';
import { S3RVER_CREDENTIALS, startS3rver, type RunningS3 } from '../servers/s3rver.js';

const MiB = 1024 * 1024;
let s3: RunningS3;
let sdk: S3Client;
let work: string;

beforeAll(async () => {
  s3 = await startS3rver(['diag']);
  sdk = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
  work = mkdtempSync(join(os.tmpdir(), 'upload-s3rver-'));
}, 60_000);

afterAll(async () => {
  sdk?.destroy();
  await s3?.close();
});

function archive(bytes: number, ticket = '12345'): ArchiveFile {
  const name = `${ticket}_诊断信息_20261124-0930_pc-01.zip`;
  const path = join(mkdtempSync(join(work, 'a-')), name);
  const data = randomBytes(bytes);
  writeFileSync(path, data);
  return { path, name, size: bytes, sha256: createHash('sha256').update(data).digest('hex') };
}

const connector = (over: Partial<HttpPutSettings> = {}) =>
  HttpPutConnector.create({
    url: `${s3.endpoint}/diag/{ticket}/{name}`,
    s3: { region: 'us-east-1', credentials: { accessKeyId: new Secret(S3RVER_CREDENTIALS.accessKeyId), secretAccessKey: new Secret(S3RVER_CREDENTIALS.secretAccessKey) } },
    multipart: { thresholdBytes: 8 * MiB, partBytes: 5 * MiB },
    ...over,
  });

async function storedSha(key: string): Promise<{ sha: string; size: number }> {
  const r = await sdk.send(new GetObjectCommand({ Bucket: 'diag', Key: key }));
  const data = Buffer.from(await r.Body!.transformToByteArray());
  return { sha: createHash('sha256').update(data).digest('hex'), size: data.length };
}

describe('http-put → s3rver (real S3-compatible server)', () => {
  it('single signed PUT with a Chinese key: stored byte for byte, ETag checked, found again by HEAD', async () => {
    const c = await connector();
    const file = archive(200_000);
    try {
      expect(await c.findAttachment('12345', file.name, file.sha256, { size: file.size })).toBeNull();
      const ref = await c.attach('12345', file);
      expect(ref.id).toBe(await expectedEtag(file.path, file.size));
      expect(await storedSha(`12345/${file.name}`)).toEqual({ sha: file.sha256, size: file.size });
      expect(await c.findAttachment('12345', file.name, file.sha256, { size: file.size })).toMatchObject({ name: file.name, size: file.size });
      expect(await c.findAttachment('12345', file.name, 'f'.repeat(64), { size: file.size })).toBeNull();
    } finally {
      await c.close?.();
    }
  });

  it('multipart: 11 MiB in 3 parts, assembled by the server, multipart ETag checked', async () => {
    const c = await connector();
    const file = archive(11 * MiB, '777');
    try {
      const ref = await c.attach('777', file);
      // s3rver's ETag for a multipart object is the MD5 of the whole (S3's is MD5-of-MD5s "-3");
      // the connector accepts both, and the bytes are what counts.
      expect([await expectedEtag(file.path, file.size, 5 * MiB), await expectedEtag(file.path, file.size)]).toContain(ref.id);
      expect(await storedSha(`777/${file.name}`)).toEqual({ sha: file.sha256, size: file.size });
    } finally {
      await c.close?.();
    }
  });

  it('an access key the server does not know: its real 403 (InvalidAccessKeyId) is final, and the secret is in no message', async () => {
    const c = await connector({ s3: { region: 'us-east-1', credentials: { accessKeyId: new Secret('NOSUCHKEY'), secretAccessKey: new Secret('wrong-secret-key-xyz') } } });
    try {
      const err = (await c.attach('12345', archive(1000)).catch((e: unknown) => e)) as Error;
      expect(err).toMatchObject({ kind: 'forbidden', permanent: true });
      expect(err.message).not.toContain('wrong-secret-key-xyz');
    } finally {
      await c.close?.();
    }
  });

  it('a pre-signed PUT URL from AWS’s presigner (DIAGCOLLECT_HTTP_PUT_URL): stored byte for byte; the same URL expired is final and its signature is not shown', async () => {
    const policy = PolicySchema.parse({ upload: { target: 'http-put', httpPut: { url: `${s3.endpoint}/diag/{ticket}/{name}` } } });
    const entry = connectorEntry('http-put');
    const destination = entry.destination(policy);
    const file = archive(300_000, '4242');
    const key = `presigned/${file.name}`;
    const url = await getSignedUrl(sdk, new PutObjectCommand({ Bucket: 'diag', Key: key }), { expiresIn: 600 });
    expect(url).toContain('X-Amz-Signature=');
    const c = await entry.create(destination, policy, { env: { DIAGCOLLECT_HTTP_PUT_URL: url }, dataDir: join(work, 'data') });
    try {
      // A pre-signed PUT URL cannot HEAD: nothing is looked up, a re-PUT replaces the object.
      expect(await c.findAttachment('4242', file.name, file.sha256)).toBeNull();
      const ref = await c.attach('4242', file);
      expect(await storedSha(key)).toEqual({ sha: file.sha256, size: file.size });
      expect(ref.url).toBe(url.slice(0, url.indexOf('?'))); // no signature in the job file
      expect(c.targetUrl).not.toContain('X-Amz');
    } finally {
      await c.close?.();
    }

    const signature = (u: string) => new URL(u).searchParams.get('X-Amz-Signature')!;
    const expired = await getSignedUrl(sdk, new PutObjectCommand({ Bucket: 'diag', Key: `presigned/expired.zip` }), { expiresIn: 60, signingDate: new Date(Date.now() - 3600_000) });
    const c2 = await entry.create(destination, policy, { env: { DIAGCOLLECT_HTTP_PUT_URL: expired }, dataDir: join(work, 'data') });
    try {
      const err = (await c2.attach('4242', file).catch((e: unknown) => e)) as Error;
      expect(err).toMatchObject({ kind: 'forbidden', permanent: true });
      expect(err.message).not.toContain(signature(expired));
    } finally {
      await c2.close?.();
    }
  });
});
