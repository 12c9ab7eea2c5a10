/**
 * The http-put connector's S3 path against a real S3-compatible server (s3rver on 127.0.0.1,
 * tests/servers/s3rver.ts) — the same server the baseline's s3:// tests use. s3rver checks the
 * SigV4 signature of every request with its own implementation and stores what it receives; the
 * stored object is read back with the AWS SDK. What s3rver cannot show stays in
 * http-put.contract.test.ts: Complete answering 200 with an <Error>, a wrong secret key (s3rver
 * accepts this request's signature whatever the secret) and pre-signed URLs (no presigner here).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret } from '../../electron/engine/upload/credentials.js';
import { HttpPutConnector, expectedEtag, type HttpPutSettings } from '../../electron/engine/upload/http-put.js';
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
});
