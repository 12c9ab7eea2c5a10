import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { closeZip, openEntryStream, openZip, zipEntries, ZipReadError } from '../../../../electron/engine/archive/zip-read.js';
import { ZipWriter } from '../../../../electron/engine/archive/zip-writer.js';

const tmp = () => mkdtempSync(join(os.tmpdir(), 'zip-read-'));

async function bytes(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

async function sample(dir: string): Promise<string> {
  const path = join(dir, 'in.zip');
  const w = await ZipWriter.open(path);
  await w.addBuffer('a.txt', Buffer.from('alpha '.repeat(5000)));
  await w.addBuffer('系统日志/图.png', Buffer.alloc(3000, 7), { store: true });
  await w.finalize();
  return path;
}

async function rejection(promise: Promise<unknown>): Promise<ZipReadError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ZipReadError);
  return err as ZipReadError;
}

describe('zip-read: the one way the engine opens a zip', () => {
  it('walks the entries lazily, with names decoded, and streams each inflated or raw', async () => {
    const path = await sample(tmp());
    const zip = await openZip(path);
    const seen: Record<string, { inflated: Buffer; raw: Buffer; method: number }> = {};
    try {
      for await (const entry of zipEntries(zip)) {
        seen[entry.fileName] = { inflated: await bytes(await openEntryStream(zip, entry)), raw: await bytes(await openEntryStream(zip, entry, true)), method: entry.compressionMethod };
      }
    } finally {
      await closeZip(zip);
    }
    expect(Object.keys(seen)).toEqual(['a.txt', '系统日志/图.png']);
    expect(seen['a.txt']!.inflated.toString()).toBe('alpha '.repeat(5000));
    expect(seen['a.txt']!.method).toBe(8);
    expect(seen['a.txt']!.raw.length).toBeLessThan(seen['a.txt']!.inflated.length);
    expect(inflateRawSync(seen['a.txt']!.raw).toString()).toBe('alpha '.repeat(5000));
    // A stored entry is the same raw or not (yauzl refuses `decompress: false` for it).
    expect(seen['系统日志/图.png']!.raw).toEqual(Buffer.alloc(3000, 7));
    expect(seen['系统日志/图.png']!.inflated).toEqual(Buffer.alloc(3000, 7));
    expect(zip.isOpen).toBe(false);
  });

  it('names a missing file, a file that is no zip and a zip cut short, each with what to do', async () => {
    const dir = tmp();
    const missing = await rejection(openZip(join(dir, 'nope.zip')));
    expect(missing.problem).toBe('missing');
    expect(missing.message).toContain(join(dir, 'nope.zip'));
    expect(missing.message).toMatch(/check the path/);

    writeFileSync(join(dir, 'text.zip'), 'just text, no zip\n');
    const notZip = await rejection(openZip(join(dir, 'text.zip')));
    expect(notZip.problem).toBe('not-zip');
    expect(notZip.message).toMatch(/text\.zip is not a readable zip archive .*fetch or copy it again/);

    const whole = readFileSync(await sample(dir));
    writeFileSync(join(dir, 'cut.zip'), whole.subarray(0, whole.length - 30));
    expect((await rejection(openZip(join(dir, 'cut.zip')))).problem).toBe('not-zip');
  });

  it.skipIf(process.getuid?.() === 0)('says permission denied for a zip it may not read', async () => {
    const path = await sample(tmp());
    chmodSync(path, 0o000);
    const denied = await rejection(openZip(path));
    expect(denied.problem).toBe('denied');
    expect(denied.message).toMatch(/permission denied/);
  });

  it('names the entry and the archive when an entry cannot be read', async () => {
    const dir = tmp();
    const path = await sample(dir);
    // Break the first entry's local header signature: the central directory still opens.
    const data = readFileSync(path);
    data.writeUInt32LE(0xdeadbeef, 0);
    writeFileSync(path, data);
    const zip = await openZip(path);
    try {
      const first = (await zipEntries(zip).next()).value!;
      const err = await rejection(openEntryStream(zip, first));
      expect(err.problem).toBe('entry');
      expect(err.entry).toBe('a.txt');
      expect(err.message).toContain(`entry a.txt of ${path} cannot be read`);
    } finally {
      await closeZip(zip);
    }
  });
});
