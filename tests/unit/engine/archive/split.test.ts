import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SplitError, partName, splitArchive } from '../../../../electron/engine/archive/split.js';
import { ZipWriter } from '../../../../electron/engine/archive/zip-writer.js';
import { logText, readZip, sha256, unzipNames, unzipTest } from './zip-reading.js';

const KB = 1024;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(os.tmpdir(), 'split-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An archive like a collect's: incompressible blobs, logs, a stored screenshot, Chinese names. */
async function makeArchive(name: string, entries: Array<[string, Buffer, boolean?]>): Promise<string> {
  const path = join(dir, name);
  const w = await ZipWriter.open(path);
  for (const [n, data, store] of entries) void w.addBuffer(n, data, store ? { store: true } : {});
  await w.finalize();
  return path;
}

async function entryHashes(path: string): Promise<Map<string, string>> {
  return new Map((await readZip(path)).map((e) => [e.name, sha256(e.data!)]));
}

describe('splitArchive', () => {
  it('writes valid parts, each within the limit, whose entries together are the original ones, byte for byte', async () => {
    const entries: Array<[string, Buffer, boolean?]> = [];
    for (let i = 0; i < 9; i += 1) entries.push([`logs/系统日志-${i}.log`, randomBytes(150 * KB + i * 1000)]);
    entries.push(['logs/app.log', logText(400 * KB)]);
    entries.push(['screenshot.png', randomBytes(200 * KB), true]);
    entries.push(['summary.html', Buffer.from('<p>诊断摘要</p>')]);
    const name = '12345_诊断信息_20261125-0100_pc.zip';
    const path = await makeArchive(name, entries);
    const original = await entryHashes(path);
    const limit = 512 * KB;
    expect(statSync(path).size).toBeGreaterThan(2 * limit);

    const parts = await splitArchive(path, { maxBytes: limit, outDir: mkdtempSync(join(dir, 'out-')) });
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const union = new Map<string, string>();
    for (const [i, part] of parts.entries()) {
      expect(part.name).toBe(partName(name, i, parts.length));
      expect(part.name).toMatch(new RegExp(`_part${String(i + 1).padStart(2, '0')}\\.zip$`));
      expect(part.size).toBe(statSync(part.path).size);
      expect(part.size).toBeLessThanOrEqual(limit);
      unzipTest(part.path);
      expect(unzipNames(part.path)).toEqual(part.entries);
      expect(sha256(readFileSync(part.path))).toBe(part.sha256);
      for (const [n, h] of await entryHashes(part.path)) {
        expect(union.has(n)).toBe(false);
        union.set(n, h);
      }
    }
    expect(union).toEqual(original);
    // stored stays stored
    const shot = (await Promise.all(parts.map((p) => readZip(p.path)))).flat().find((e) => e.name === 'screenshot.png');
    expect(shot?.method).toBe(0);
  });

  it('refuses an entry bigger than the limit, naming it, and leaves no part behind', async () => {
    const path = await makeArchive('big.zip', [
      ['a.log', randomBytes(50 * KB)],
      ['memory.dmp', randomBytes(300 * KB)],
    ]);
    const out = mkdtempSync(join(dir, 'out-'));
    const err = await splitArchive(path, { maxBytes: 200 * KB, outDir: out }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SplitError);
    expect((err as Error).message).toContain('memory.dmp');
    expect(readdirSync(out)).toEqual([]);
  });

  it('never overwrites an existing part', async () => {
    const path = await makeArchive('x.zip', [
      ['a.bin', randomBytes(100 * KB)],
      ['b.bin', randomBytes(100 * KB)],
    ]);
    const out = mkdtempSync(join(dir, 'out-'));
    await splitArchive(path, { maxBytes: 150 * KB, outDir: out });
    await expect(splitArchive(path, { maxBytes: 150 * KB, outDir: out })).rejects.toThrow();
    expect(existsSync(join(out, 'x_part01.zip'))).toBe(true);
  });
});
