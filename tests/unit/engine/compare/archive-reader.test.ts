/** The archive reader reads the central directory and the entries asked for, not the archive. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileSource, withArchive } from '../../../../electron/engine/compare/archive-reader.js';
import { archiveFor, usualDesktop, zipBuffer } from '../../../helpers/fleet-archives.js';

const dir = mkdtempSync(join(os.tmpdir(), 'archive-reader-'));

describe('ArchiveReader', () => {
  it('lists entries and reads two small ones of a 2 MB archive with a few reads, never the big entry', async () => {
    const path = join(dir, 'a.zip');
    writeFileSync(path, archiveFor(usualDesktop(1), { fillerBytes: 4 * 1024 * 1024 }));
    await withArchive(fileSource(path), async (a) => {
      expect([...a.entries.keys()]).toEqual(['已安装软件.txt', '网络配置.json', '系统信息.json', 'checks.json', 'manifest.json']);
      expect(JSON.parse((await a.read('manifest.json'))!.toString()).host).toBe('pc-000001');
      expect(await a.readJson('checks.json')).toMatchObject({ format: 'diagcollect-checks/1' });
      expect(a.stats.bytesFetched).toBeLessThan(64 * 1024);
      expect(a.stats.requests).toBeLessThanOrEqual(3);
    });
  });

  it('streams a big entry line by line, in blocks', async () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `line ${i} ${'x'.repeat(i % 50)}`);
    const path = join(dir, 'big.zip');
    writeFileSync(path, zipBuffer([{ name: 'log.txt', data: Buffer.from(lines.join('\n')) }]));
    await withArchive(fileSource(path), async (a) => {
      let n = 0;
      let last = '';
      for await (const line of a.lines('log.txt')) {
        n += 1;
        last = line;
      }
      expect(n).toBe(lines.length);
      expect(last).toBe(lines.at(-1));
    });
  });

  it('a file that is not a zip is refused, naming it', async () => {
    const path = join(dir, 'no.zip');
    writeFileSync(path, 'hello');
    await expect(withArchive(fileSource(path), async () => undefined)).rejects.toThrow(`${path}: not a readable diagcollect archive`);
  });
});
