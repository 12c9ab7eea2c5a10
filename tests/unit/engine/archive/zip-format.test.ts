import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { CentralDirectory, dataDescriptor, dosDateTime, localFileHeader, METHOD_STORED } from '../../../../electron/engine/archive/zip-format.js';
import { readZip, unzipTest } from './zip-reading.js';

const dir = mkdtempSync(join(tmpdir(), 'zip-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A whole zip of stored entries made from the records alone, as the writer lays them out. */
function zipOf(entries: { name: string; data: Buffer }[], mtime: Date): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  const central = new CentralDirectory();
  const put = (b: Buffer) => {
    parts.push(b);
    offset += b.length;
  };
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const at = offset;
    const crc = crc32(e.data);
    put(localFileHeader(name, METHOD_STORED, dosDateTime(mtime)));
    put(e.data);
    put(dataDescriptor(crc, e.data.length, e.data.length));
    central.add({ name, method: METHOD_STORED, dosTime: dosDateTime(mtime), crc, compressedSize: e.data.length, size: e.data.length, offset: at });
  }
  for (const piece of central.finish(offset)) put(piece);
  return Buffer.concat(parts);
}

describe('zip records', () => {
  it('make a zip that yauzl and unzip read: UTF-8 names, local time, crc and sizes from the descriptors', async () => {
    const mtime = new Date(2026, 10, 24, 9, 30, 42);
    const path = join(dir, 'small.zip');
    const bytes = zipOf(
      [
        { name: '系统日志/系统日志.txt', data: Buffer.from('第一行\nsecond line\n') },
        { name: 'empty.txt', data: Buffer.alloc(0) },
      ],
      mtime,
    );
    writeFileSync(path, bytes);
    const entries = await readZip(path);
    expect(entries.map((e) => [e.name, e.utf8Flag, e.size, e.data!.toString()])).toEqual([
      ['系统日志/系统日志.txt', true, 22, '第一行\nsecond line\n'],
      ['empty.txt', true, 0, ''],
    ]);
    expect(entries[0]!.mtime.getTime()).toBe(new Date(2026, 10, 24, 9, 30, 42).getTime());
    expect(unzipTest(path)).toMatch(/No errors detected/);
    // The classic end record, no ZIP64 records: its count is the real one.
    expect(bytes.readUInt32LE(bytes.length - 22)).toBe(0x06054b50);
    expect(bytes.readUInt16LE(bytes.length - 12)).toBe(2);
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(false);
  });

  it('switches to the ZIP64 end records at 65 535 entries (the classic count field is full)', async () => {
    const entries = Array.from({ length: 65_535 }, (_, i) => ({ name: `f-${i}.log`, data: Buffer.from(`${i}\n`) }));
    const path = join(dir, 'many.zip');
    const bytes = zipOf(entries, new Date(2026, 0, 1));
    writeFileSync(path, bytes);
    expect(bytes.readUInt16LE(bytes.length - 12)).toBe(0xffff);
    const read = await readZip(path, () => true);
    expect(read).toHaveLength(65_535);
    expect(read.at(-1)!.name).toBe('f-65534.log');
    expect(unzipTest(path, ['f-65534.log'])).toMatch(/No errors detected/);
  }, 60_000);

  it('clamps DOS times to what the format can hold', () => {
    expect(dosDateTime(new Date(1970, 0, 1))).toBe(dosDateTime(new Date(1980, 0, 1, 0, 0, 0)));
    expect(dosDateTime(new Date(2050, 0, 1))).toBe(dosDateTime(new Date(2043, 11, 31, 23, 59, 58)));
  });

  it('gives an entry of 4 GiB or more 8-byte sizes in its descriptor and a ZIP64 extra field in its central record', () => {
    const big = 5 * 1024 ** 3;
    expect(dataDescriptor(1, 100, 200)).toHaveLength(16);
    const descriptor = dataDescriptor(1, big, big + 1);
    expect(descriptor).toHaveLength(24);
    expect(descriptor.readBigUInt64LE(16)).toBe(BigInt(big + 1));
    const central = new CentralDirectory();
    const name = Buffer.from('huge.bin');
    central.add({ name, method: METHOD_STORED, dosTime: 0, crc: 1, compressedSize: big, size: big, offset: 7 });
    const [record] = central.finish(big + 100);
    expect(record!.readUInt32LE(20)).toBe(0xffffffff);
    expect(record!.readUInt16LE(30)).toBe(28);
    const extra = record!.subarray(46 + name.length);
    expect(extra.readUInt16LE(0)).toBe(1);
    expect(extra.readBigUInt64LE(4)).toBe(BigInt(big));
    expect(extra.readBigUInt64LE(20)).toBe(7n);
  });
});
