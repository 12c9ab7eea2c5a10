/**
 * `baseline build s3://bucket/prefix` against a real S3-compatible server (s3rver, started by
 * this test on 127.0.0.1): the SDK's paginated listing and ranged GETs only — every GetObject
 * carries a Range, a few per archive — and the same baseline as from the same archives on disk.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBaseline } from '../../electron/engine/baseline/build.js';
import { listS3Archives } from '../../electron/engine/baseline/s3-source.js';
import { archiveFor, usualDesktop } from '../helpers/fleet-archives.js';
import { REPO_ROOT } from '../servers/servers.js';
import { S3RVER_CREDENTIALS, startS3rver, type RunningS3 } from '../servers/s3rver.js';

const BIN = join(REPO_ROOT, 'electron/cli/diagcollect.mjs');
const COUNT = 30;
let s3: RunningS3;
let client: S3Client;

function newClient(log?: Array<{ command: string; range?: string }>): S3Client {
  const c = new S3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
  if (log) {
    c.middlewareStack.add(
      (next, context) => async (args) => {
        log.push({ command: context.commandName ?? '', range: (args.input as { Range?: string }).Range });
        return next(args);
      },
      { step: 'initialize' },
    );
  }
  return c;
}

beforeAll(async () => {
  s3 = await startS3rver(['fleet']);
  client = newClient();
  for (let i = 0; i < COUNT; i++) {
    const spec = i === 3 ? { ...usualDesktop(i), dns: ['10.1.1.9'] } : usualDesktop(i);
    await client.send(new PutObjectCommand({ Bucket: 'fleet', Key: `archives/2026/12/${10000 + i}_诊断信息_${spec.host}.zip`, Body: archiveFor(spec, { fillerBytes: 256 * 1024, index: i }) }));
  }
  // Outside the prefix, and not an archive: neither is read.
  await client.send(new PutObjectCommand({ Bucket: 'fleet', Key: 'other/x.zip', Body: archiveFor(usualDesktop(999)) }));
  await client.send(new PutObjectCommand({ Bucket: 'fleet', Key: 'archives/2026/readme.txt', Body: 'hello' }));
}, 120_000);

afterAll(async () => {
  client?.destroy();
  await s3?.close();
});

describe('baseline build from S3 (s3rver)', () => {
  it('lists page by page and reads each archive with a few ranged GETs, never whole', async () => {
    const log: Array<{ command: string; range?: string }> = [];
    const listed = [];
    for await (const o of listS3Archives(newClient(log), { bucket: 'fleet', prefix: 'archives/' }, undefined, 7)) listed.push(o.key);
    expect(listed).toHaveLength(COUNT);
    expect(log.filter((l) => l.command === 'ListObjectsV2Command')).toHaveLength(Math.ceil(COUNT / 7));

    const reads: Array<{ command: string; range?: string }> = [];
    const result = await buildBaseline({ sources: ['s3://fleet/archives/'], concurrency: 6, s3: async () => newClient(reads) });
    expect(result).toMatchObject({ archives: COUNT, duplicates: 0, unreadableTotal: 0 });
    const gets = reads.filter((r) => r.command === 'GetObjectCommand');
    expect(gets.every((g) => /^bytes=\d+-\d+$/.test(g.range ?? ''))).toBe(true);
    expect(gets.length).toBeLessThanOrEqual(COUNT * 3);
    expect(result.io.bytesFetched).toBeLessThan(result.io.archiveBytes * 0.1);
    expect(result.document.facts.dns!.values.map((v) => v.value)).toEqual(['10.0.0.53', '10.0.0.54']);
    expect(result.document.facts.dns!.other).toBe(1);
  });

  it('the real CLI builds the baseline from s3:// with --endpoint and credentials from the environment', async () => {
    const dir = await mkdtemp(join(os.tmpdir(), 'baseline-s3-'));
    const out = join(dir, 'fleet.json');
    const env = { ...process.env, AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey, AWS_REGION: 'us-east-1' };
    const r = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'baseline', 'build', 's3://fleet/archives/', '--endpoint', s3.endpoint, '--out', out, '--json'], { env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ archives: COUNT, desktops: COUNT });
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.desktops).toBe(COUNT);
    expect(doc.facts.proxy.values).toEqual([{ value: 'proxy.corp.example:3128', count: COUNT, share: 1 }]);
  }, 60_000);

  it('a bad s3:// address is bad input', async () => {
    await expect(buildBaseline({ sources: ['s3://A_B/x'] })).rejects.toThrow(/not an S3 location/);
  });
});
