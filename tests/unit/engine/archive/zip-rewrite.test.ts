import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { rewriteZip } from '../../../../electron/engine/archive/zip-rewrite.js';
import type { EntryResult } from '../../../../electron/engine/archive/entry-result.js';
import { ZipWriter } from '../../../../electron/engine/archive/zip-writer.js';
import { readZip, sha256 } from '../../../helpers/zip.js';

const tmp = () => mkdtempSync(join(os.tmpdir(), 'zip-rewrite-'));

/** Each entry's stored form: method, crc and compressed size, as the central directory says. */
function stored(path: string): Promise<Record<string, [number, number, number]>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out: Record<string, [number, number, number]> = {};
      zip.on('entry', (e: yauzl.Entry) => {
        out[e.fileName] = [e.compressionMethod, e.crc32, e.compressedSize];
        zip.readEntry();
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

async function source(dir: string): Promise<string> {
  const path = join(dir, 'in.zip');
  const w = await ZipWriter.open(path);
  await w.addBuffer('a.txt', Buffer.from('alpha '.repeat(5000)));
  await w.addBuffer('b/图.png', Buffer.alloc(3000, 7), { store: true });
  await w.addBuffer('c.log', Buffer.from('line one\nline two\n'));
  await w.addBuffer('d.json', Buffer.from('{"old":true}'));
  await w.finalize();
  return path;
}

describe('rewriteZip', () => {
  it('writes the chosen entries anew and copies the others byte for byte (no inflate); the copy reads with yauzl and unzip', async () => {
    const dir = tmp();
    const input = await source(dir);
    const results: EntryResult[] = [];
    const copy = await rewriteZip({
      source: input,
      finalPath: join(dir, 'out.zip'),
      rewrite: (name) =>
        name === 'c.log'
          ? {
              kind: 'transform',
              transform: async function* (old) {
                for await (const piece of old) yield Buffer.from((piece as Buffer).toString().toUpperCase());
              },
            }
          : name === 'd.json'
            ? { kind: 'render', pieces: () => [Buffer.from('{"new":'), Buffer.from('true}')] }
            : undefined,
      written: (r) => results.push(r),
    });
    expect(copy.path).toMatch(/\/\.out\.zip\.[0-9a-f]+\.partial$/);
    execFileSync('unzip', ['-tq', copy.path]);
    const entries = await readZip(copy.path);
    expect(entries.map((e) => [e.name, e.data.length, e.utf8Flag])).toEqual([
      ['a.txt', 30000, true],
      ['b/图.png', 3000, true],
      ['c.log', 18, true],
      ['d.json', 12, true],
    ]);
    expect(entries[2]!.data.toString()).toBe('LINE ONE\nLINE TWO\n');
    expect(entries[3]!.data.toString()).toBe('{"new":true}');
    // Rewritten entries' figures are those of the bytes in the copy.
    expect(results.map((r) => [r.name, r.size, r.sha256])).toEqual([
      ['c.log', 18, sha256(entries[2]!.data)],
      ['d.json', 12, sha256(entries[3]!.data)],
    ]);
    // Copied entries keep their method, crc and compressed bytes (the stored one stays stored).
    const before = await stored(input);
    const after = await stored(copy.path);
    expect(after['a.txt']).toEqual(before['a.txt']);
    expect(after['b/图.png']).toEqual([0, before['b/图.png']![1], 3000]);
    expect(after['c.log']![1]).not.toBe(before['c.log']![1]);
  });

  it('a write error (disk full) rejects and leaves no temp file', async () => {
    const dir = tmp();
    const input = await source(dir);
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    await expect(
      rewriteZip({
        source: input,
        finalPath: join(dir, 'out.zip'),
        rewrite: () => undefined,
        beforeWrite: () => {
          throw full;
        },
      }),
    ).rejects.toBe(full);
    expect(readdirSync(dir)).toEqual(['in.zip']);
  });

  it('stops at its signal and leaves no temp file', async () => {
    const dir = tmp();
    const input = await source(dir);
    const stop = new AbortController();
    stop.abort(new Error('deadline'));
    await expect(rewriteZip({ source: input, finalPath: join(dir, 'out.zip'), rewrite: () => undefined, signal: stop.signal })).rejects.toThrow('deadline');
    expect(readdirSync(dir)).toEqual(['in.zip']);
  });
});
