import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ArchiveWriteError,
  EntryInputError,
  EntryUnreadableError,
  ZipWriter,
  type EntryResult,
} from '../../../../electron/engine/archive/zip-writer.js';
import { logText, readZip, sha256, unzipNames, unzipTest } from './zip-reading.js';

const MiB = 1024 * 1024;

/** A stream delivering `data` in `pieceBytes` pieces, yielding to the event loop between them. */
function slowStream(data: Buffer, pieceBytes: number, failAfter?: number): Readable {
  return Readable.from(
    (async function* () {
      for (let offset = 0; offset < data.length; offset += pieceBytes) {
        if (failAfter !== undefined && offset >= failAfter) throw new Error('disk read failed (simulated)');
        await sleep(0);
        yield data.subarray(offset, Math.min(offset + pieceBytes, data.length));
      }
      if (failAfter !== undefined) throw new Error('disk read failed (simulated)');
    })(),
    { objectMode: false },
  );
}

function expectResultMatches(result: EntryResult, name: string, data: Buffer): void {
  expect(result.name).toBe(name);
  expect(result.size).toBe(data.length);
  expect(result.sha256).toBe(sha256(data));
}

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'zip-writer-test-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('ZipWriter round trip', () => {
  it('writes buffers and streams that yauzl and unzip -t read back byte for byte', async () => {
    const target = join(dir, 'mixed.zip');
    const inputs: Array<{ name: string; data: Buffer; kind: 'buffer' | 'stream' }> = [
      { name: 'readme.txt', data: Buffer.from('hello, archive\n'.repeat(50)), kind: 'buffer' },
      { name: 'logs/app.log', data: logText(300_000, 2), kind: 'stream' },
      { name: 'bin/random.bin', data: randomBytes(70_000), kind: 'buffer' },
      { name: 'logs/small.log', data: logText(2_000, 3), kind: 'stream' },
    ];
    const writer = await ZipWriter.open(target);
    const results = await Promise.all(
      inputs.map(({ name, data, kind }) =>
        kind === 'buffer' ? writer.addBuffer(name, data) : writer.addStream(name, slowStream(data, 16 * 1024)),
      ),
    );
    const { path, bytes } = await writer.finalize();

    expect(path).toBe(target);
    expect(bytes).toBe(readFileSync(target).length);
    const entries = await readZip(target);
    expect(entries.map((e) => e.name)).toEqual(inputs.map((i) => i.name));
    inputs.forEach(({ name, data }, i) => {
      expectResultMatches(results[i]!, name, data);
      expect(entries[i]!.data!.equals(data)).toBe(true);
      expect(results[i]!.crc32).toBe(entries[i]!.crc32);
      expect(results[i]!.compressedSize).toBe(entries[i]!.compressedSize);
    });
    // Text is deflated; random bytes that deflate cannot shrink are stored, as zip does.
    expect(entries[1]!.method).toBe(8);
    expect(entries[1]!.compressedSize).toBeLessThan(inputs[1]!.data.length / 3);
    expect(entries[2]!.method).toBe(0);
    expect(unzipTest(target)).toMatch(/No errors detected/);
  });

  it('stores Chinese names as UTF-8 with general purpose bit 11, as unzip lists them', async () => {
    const target = join(dir, '工单.zip');
    const names = ['系统日志/系统日志.txt', '工单信息.txt', 'logs/网络/设置 (1).txt'];
    const writer = await ZipWriter.open(target);
    await Promise.all(names.map((name, i) => writer.addBuffer(name, Buffer.from(`内容 ${i}\n`.repeat(20)))));
    await writer.finalize();

    const entries = await readZip(target);
    expect(entries.map((e) => e.name)).toEqual(names);
    expect(entries.every((e) => e.utf8Flag)).toBe(true);
    expect(unzipNames(target)).toEqual(names);
    expect(unzipTest(target)).toMatch(/No errors detected/);
  });

  it('deflates a multi-chunk entry (5 MiB random + text) given as a buffer and as a stream of small pieces', async () => {
    // Several 1 MiB chunks, so the parallel pieces must join into one valid deflate stream; the
    // stream variant arrives in 64 KiB pieces with pauses, so the writer catches up with the
    // reader and chunk buffers get recycled while the next chunk still needs the previous tail.
    const data = Buffer.concat([randomBytes(1.5 * MiB), logText(3.5 * MiB, 5)]);
    const target = join(dir, 'multi.zip');
    const writer = await ZipWriter.open(target);
    const fromBuffer = writer.addBuffer('multi-buffer.bin', data);
    const fromStream = writer.addStream('multi-stream.bin', slowStream(data, 64 * 1024));
    const again = writer.addStream('multi-stream-2.bin', slowStream(data, 100_000));
    const results = await Promise.all([fromBuffer, fromStream, again]);
    await writer.finalize();

    const entries = await readZip(target);
    for (const [i, entry] of entries.entries()) {
      expect(entry.method).toBe(8);
      expect(entry.data!.equals(data)).toBe(true);
      expectResultMatches(results[i]!, entry.name, data);
      // The text part compresses well, the random part not at all.
      expect(entry.compressedSize).toBeLessThan(data.length * 0.6);
      expect(entry.compressedSize).toBeGreaterThan(1.5 * MiB);
    }
    // The same bytes must deflate to the same size however they arrived.
    expect(new Set(entries.map((e) => e.compressedSize)).size).toBe(1);
    expect(unzipTest(target)).toMatch(/No errors detected/);
  });

  it('writes empty entries (buffer and stream) as stored, zero-length entries', async () => {
    const target = join(dir, 'empty.zip');
    const writer = await ZipWriter.open(target);
    const results = await Promise.all([
      writer.addBuffer('empty-buffer.txt', Buffer.alloc(0)),
      writer.addStream('empty-stream.txt', Readable.from([], { objectMode: false })),
      writer.addBuffer('one-byte.txt', Buffer.from('x')),
    ]);
    await writer.finalize();

    const emptySha = sha256(Buffer.alloc(0));
    expect(results.map((r) => [r.size, r.compressedSize])).toEqual([
      [0, 0],
      [0, 0],
      [1, 1],
    ]);
    expect(results[0]!.sha256).toBe(emptySha);
    const entries = await readZip(target);
    expect(entries.map((e) => [e.name, e.size, e.method])).toEqual([
      ['empty-buffer.txt', 0, 0],
      ['empty-stream.txt', 0, 0],
      ['one-byte.txt', 1, 0],
    ]);
    expect(unzipTest(target)).toMatch(/No errors detected/);
  });

  it('keeps call order for many small entries added without awaiting', async () => {
    const target = join(dir, 'many.zip');
    const writer = await ZipWriter.open(target);
    const inputs = Array.from({ length: 400 }, (_, i) => ({
      name: `dir-${i % 7}/file-${String(i).padStart(4, '0')}.log`,
      data: i % 3 === 0 ? randomBytes(i * 13) : logText(i * 37, i),
    }));
    // Sizes decrease so later entries finish compressing first: order must not follow completion.
    inputs.reverse();
    const pending = inputs.map(({ name, data }, i) =>
      i % 2 === 0 ? writer.addBuffer(name, data) : writer.addStream(name, slowStream(data, 1000)),
    );
    const { bytes } = await writer.finalize();
    const results = await Promise.all(pending);

    expect(bytes).toBeGreaterThan(0);
    const entries = await readZip(target);
    expect(entries.map((e) => e.name)).toEqual(inputs.map((i) => i.name));
    inputs.forEach(({ name, data }, i) => {
      expectResultMatches(results[i]!, name, data);
      expect(entries[i]!.data!.equals(data)).toBe(true);
    });
    expect(unzipTest(target)).toMatch(/No errors detected/);
  });

  it('uses the given mtime, and addFile uses the file’s own', async () => {
    const source = join(dir, 'source.log');
    writeFileSync(source, logText(10_000));
    const fileTime = new Date(2023, 4, 6, 7, 8, 10);
    utimesSync(source, fileTime, fileTime);
    const given = new Date(2022, 0, 2, 3, 4, 6);
    const target = join(dir, 'times.zip');
    const writer = await ZipWriter.open(target);
    await writer.addBuffer('given.txt', Buffer.from('x'), { mtime: given });
    await writer.addFile('from-file.log', source);
    await writer.finalize();

    const entries = await readZip(target);
    expect(entries[0]!.mtime.getTime()).toBe(given.getTime());
    expect(entries[1]!.mtime.getTime()).toBe(fileTime.getTime());
  });

  it('addFile reads files in turn; an unopenable file gets no entry and its name stays free', async () => {
    const small = join(dir, 'small.log');
    const big = join(dir, 'big.log');
    const smallData = logText(5_000, 8);
    const bigData = Buffer.concat([logText(2.5 * MiB, 9), randomBytes(300_000)]);
    writeFileSync(small, smallData);
    writeFileSync(big, bigData);
    const target = join(dir, 'files.zip');
    const writer = await ZipWriter.open(target);
    const a = writer.addFile('small.log', small);
    const missing = writer.addFile('missing.log', join(dir, 'no-such-file.log'));
    const b = writer.addFile('big.log', big, { store: true });
    await expect(missing).rejects.toBeInstanceOf(EntryUnreadableError);
    await expect(missing).rejects.toMatchObject({ code: 'ENOENT', entryName: 'missing.log' });
    const retry = writer.addBuffer('missing.log', Buffer.from('placeholder: file was missing\n'));
    const results = await Promise.all([a, b, retry]);
    await writer.finalize();

    const entries = await readZip(target);
    expect(entries.map((e) => [e.name, e.method])).toEqual([
      ['small.log', 8],
      ['big.log', 0],
      ['missing.log', 0],
    ]);
    expect(entries[0]!.data!.equals(smallData)).toBe(true);
    expect(entries[1]!.data!.equals(bigData)).toBe(true);
    expectResultMatches(results[0]!, 'small.log', smallData);
    expectResultMatches(results[1]!, 'big.log', bigData);
    expect(unzipTest(target)).toMatch(/No errors detected/);
  });

  it('level 0 stores everything', async () => {
    const target = join(dir, 'store.zip');
    const writer = await ZipWriter.open(target, { level: 0 });
    const data = logText(2.2 * MiB);
    await writer.addBuffer('a.log', data);
    await writer.addStream('b.log', slowStream(data, 300_000));
    await writer.finalize();
    const entries = await readZip(target);
    expect(entries.map((e) => [e.method, e.compressedSize])).toEqual([
      [0, data.length],
      [0, data.length],
    ]);
    expect(unzipTest(target)).toMatch(/No errors detected/);
  });
});

describe('ZipWriter entry names', () => {
  it('rejects unsafe and duplicate names without breaking the archive', async () => {
    const target = join(dir, 'names.zip');
    const writer = await ZipWriter.open(target);
    const ok = writer.addBuffer('dir\\file.txt', Buffer.from('backslashes become slashes'));
    for (const bad of ['../escape.txt', '/abs.txt', 'C:/x.txt', 'a//b.txt', 'folder/', 'a/./b', '']) {
      await expect(writer.addBuffer(bad, Buffer.from('x')), bad).rejects.toThrow(TypeError);
    }
    await expect(writer.addBuffer('dir/file.txt', Buffer.from('dup'))).rejects.toThrow(/duplicate entry name/);
    await ok;
    await writer.finalize();
    expect(unzipNames(target)).toEqual(['dir/file.txt']);
  });
});

describe('ZipWriter atomic output', () => {
  const partialPattern = /^\.out\.zip\.[0-9a-f]{12}\.partial$/;

  it('writes only a hidden .partial temp until finalize, then only the final archive', async () => {
    const target = join(dir, 'out.zip');
    const writer = await ZipWriter.open(target);
    const added = writer.addBuffer('a.log', logText(3 * MiB));
    expect(writer.tempPath).toBe(join(dir, readdirSync(dir)[0]!));
    expect(readdirSync(dir)).toHaveLength(1);
    expect(readdirSync(dir)[0]).toMatch(partialPattern);
    await added;
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([writer.tempPath.slice(dir.length + 1)]);

    await writer.finalize();
    expect(readdirSync(dir)).toEqual(['out.zip']);
    await writer.abort(); // after finalize: a no-op that must not touch the archive
    expect(readdirSync(dir)).toEqual(['out.zip']);
    expect(unzipTest(target)).toMatch(/No errors detected/);
  });

  it('abort deletes the temp file, rejects pending work, and is safe to repeat', async () => {
    const target = join(dir, 'out.zip');
    const writer = await ZipWriter.open(target);
    const pending = writer.addStream('slow.log', slowStream(logText(4 * MiB), 4096));
    const queued = writer.addBuffer('after.log', Buffer.from('never written'));
    await sleep(20);
    await writer.abort();
    expect(readdirSync(dir)).toEqual([]);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', fatal: true });
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    await expect(writer.finalize()).rejects.toMatchObject({ name: 'AbortError' });
    await expect(writer.addBuffer('late.txt', Buffer.from('x'))).rejects.toMatchObject({ name: 'AbortError' });
    await writer.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses to overwrite: at open, and at finalize if the name was taken meanwhile', async () => {
    const target = join(dir, 'out.zip');
    writeFileSync(target, 'precious');
    await expect(ZipWriter.open(target)).rejects.toMatchObject({ name: 'ArchiveWriteError', code: 'EEXIST' });
    rmSync(target);

    const writer = await ZipWriter.open(target);
    await writer.addBuffer('a.log', logText(100_000));
    writeFileSync(target, 'precious');
    const error = await writer.finalize().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArchiveWriteError);
    expect((error as ArchiveWriteError).code).toBe('EEXIST');
    expect((error as Error).message).toContain(target);
    expect((error as Error).message).toMatch(/already exists/);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(readdirSync(dir)).toEqual(['out.zip']); // temp file gone
  });

  it('fails at open with a clear error when the folder is missing', async () => {
    const target = join(dir, 'no-such-folder', 'out.zip');
    await expect(ZipWriter.open(target)).rejects.toMatchObject({ name: 'ArchiveWriteError', code: 'ENOENT' });
    await expect(ZipWriter.open(target)).rejects.toThrow(/folder does not exist/);
  });
});

describe('ZipWriter input failures', () => {
  it('keeps the bytes read before a stream failed; the archive stays valid', async () => {
    const data = logText(3 * MiB + 12_345, 11);
    const failAfter = 2 * MiB + 64 * 1024; // past two full chunks, mid-third
    const target = join(dir, 'partial.zip');
    const writer = await ZipWriter.open(target);
    const before = writer.addBuffer('before.txt', Buffer.from('before\n'));
    const broken = writer.addStream('broken.log', slowStream(data, 64 * 1024, failAfter));
    const after = writer.addBuffer('after.txt', Buffer.from('after\n'));

    const error = await broken.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntryInputError);
    const { entry } = error as EntryInputError;
    const kept = data.subarray(0, failAfter);
    expectResultMatches(entry, 'broken.log', kept);
    expect((error as Error).message).toMatch(/broken\.log/);
    expect(((error as Error).cause as Error).message).toMatch(/simulated/);
    await before;
    await after;
    await writer.finalize();

    const entries = await readZip(target);
    expect(entries.map((e) => e.name)).toEqual(['before.txt', 'broken.log', 'after.txt']);
    expect(entries[1]!.data!.equals(kept)).toBe(true);
    expect(entries[1]!.crc32).toBe(entry.crc32);
    expect(unzipTest(target)).toMatch(/No errors detected/);
  });

  it('survives a queued stream that fails before its turn (no crash, empty entry, rejection)', async () => {
    const target = join(dir, 'early.zip');
    const writer = await ZipWriter.open(target);
    const first = writer.addStream('first.log', slowStream(logText(2 * MiB), 8 * 1024));
    const doomed = new Readable({ read() {} });
    const failing = writer.addStream('doomed.log', doomed);
    doomed.destroy(new Error('gone before its turn'));
    const third = writer.addBuffer('third.txt', Buffer.from('third\n'));

    await expect(failing).rejects.toBeInstanceOf(EntryInputError);
    await first;
    await third;
    await writer.finalize();
    const entries = await readZip(target);
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ['first.log', 2 * MiB],
      ['doomed.log', 0],
      ['third.txt', 6],
    ]);
    expect(unzipTest(target)).toMatch(/No errors detected/);
  });
});

describe('ZipWriter disk full', () => {
  let mountPoint: string | undefined;

  afterEach(() => {
    if (mountPoint) execFileSync('umount', [mountPoint]);
    mountPoint = undefined;
  });

  it('ENOSPC rejects with a message naming the archive, deletes the temp file, leaves no archive', async (ctx) => {
    const mnt = join(dir, 'tiny');
    execFileSync('mkdir', [mnt]);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt], { stdio: 'pipe' });
      mountPoint = mnt;
    } catch (error) {
      ctx.skip(`cannot mount a 1 MiB tmpfs to fill (needs root/CAP_SYS_ADMIN): ${(error as Error).message.split('\n')[0]}`);
    }
    const target = join(mnt, 'full.zip');
    const writer = await ZipWriter.open(target);
    const entry = writer.addBuffer('random.bin', randomBytes(3 * MiB));
    const error = await writer.finalize().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ArchiveWriteError);
    expect(error).toMatchObject({ code: 'ENOSPC', fatal: true });
    expect((error as Error).message).toContain(target);
    expect((error as Error).message).toMatch(/disk is full/);
    expect((error as Error).message).toMatch(/Free some space|another drive/);
    await expect(entry).rejects.toBe(error);
    expect(readdirSync(mnt)).toEqual([]);
    await writer.abort();
    expect(readdirSync(mnt)).toEqual([]);
  });
});

describe('ZipWriter ZIP64', () => {
  it('writes an entry larger than 4 GiB and an entry that starts beyond 4 GiB', async (ctx) => {
    const entryBytes = 4 * 1024 * MiB + MiB;
    const needed = entryBytes + 512 * MiB;
    const free = (path: string): number => {
      const { bavail, bsize } = statfsSync(path);
      return bavail * bsize;
    };
    // A RAM-backed folder when there is one: fsyncing 4 GiB to a real disk would dominate the test.
    const base = existsSync('/dev/shm') && free('/dev/shm') > needed ? '/dev/shm' : dir;
    if (free(base) < needed) ctx.skip(`needs ${needed} free bytes in ${base}`);
    const zipDir = mkdtempSync(join(base, 'zip64-test-'));
    ctx.onTestFinished(() => rmSync(zipDir, { recursive: true, force: true }));
    const zeros = Buffer.alloc(4 * MiB);
    let sent = 0;
    const huge = new Readable({
      read() {
        const size = Math.min(zeros.length, entryBytes - sent);
        sent += size;
        this.push(size > 0 ? zeros.subarray(0, size) : null);
      },
    });
    const target = join(zipDir, 'zip64.zip');
    const writer = await ZipWriter.open(target);
    const big = writer.addStream('huge.bin', huge, { store: true });
    const small = writer.addBuffer('after.txt', Buffer.from('after the 4 GiB mark\n'));
    const [bigResult] = await Promise.all([big, small]);
    const { bytes } = await writer.finalize();

    expect(bigResult.size).toBe(entryBytes);
    expect(bytes).toBeGreaterThan(entryBytes);
    const entries = await readZip(target, (name) => name === 'huge.bin');
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ['huge.bin', entryBytes],
      ['after.txt', 21],
    ]);
    expect(entries[1]!.data!.toString()).toBe('after the 4 GiB mark\n');
    // unzip must find the second entry through the ZIP64 records (testing all 4 GiB would take
    // ~12 s of Info-ZIP CRC work and prove nothing more about the format).
    expect(unzipTest(target, ['after.txt'])).toMatch(/No errors detected/);
  }, 180_000);
});
