import { mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanStaleOutputs, reserveArchiveName } from '../../../../electron/engine/archive/atomic-output.js';

const tmp = () => mkdtemp(join(os.tmpdir(), 'atomic-output-'));

describe('archive name reservation', () => {
  it('passes over names whose archive, draft or reservation exists, and frees the name on release', async () => {
    const dir = await tmp();
    await writeFile(join(dir, 'T_x.zip'), 'an older archive');
    await writeFile(join(dir, 'T_x_2.eml'), 'a draft whose archive was moved away');
    const a = await reserveArchiveName(dir, 'T_x.zip');
    const b = await reserveArchiveName(dir, 'T_x.zip');
    expect([a.name, b.name]).toEqual(['T_x_3.zip', 'T_x_4.zip']);
    expect((await readdir(dir)).filter((f) => f.endsWith('.reserved')).sort()).toEqual(['.T_x_3.zip.reserved', '.T_x_4.zip.reserved']);
    await a.release();
    expect((await reserveArchiveName(dir, 'T_x.zip')).name).toBe('T_x_3.zip');
  });

  it('many reservations at once all get different names', async () => {
    const dir = await tmp();
    const names = (await Promise.all(Array.from({ length: 12 }, () => reserveArchiveName(dir, 'T_y.zip')))).map((r) => r.name);
    expect(new Set(names).size).toBe(12);
  });
});

describe('stale outputs', () => {
  it('keeps fresh temp files and live or recent foreign reservations; removes old ones', async () => {
    const dir = await tmp();
    const old = new Date(Date.now() - 2 * 3600 * 1000);
    const files = {
      '.a.zip.1.partial': old,
      '.b.zip.2.partial': undefined,
      '.c.eml.3.partial': old,
      '.d.zip.reserved': undefined,
      '.e.zip.reserved': old,
      'visible.partial': old,
    } as const;
    for (const [name, mtime] of Object.entries(files)) {
      // d and e: reservations from another computer (a shared folder): judged by age only.
      await writeFile(join(dir, name), name.endsWith('.reserved') ? '4242\nanother-pc\n' : 'x');
      if (mtime) await utimes(join(dir, name), mtime, mtime);
    }
    expect(await cleanStaleOutputs(dir)).toEqual(['.a.zip.1.partial', '.c.eml.3.partial', '.e.zip.reserved']);
    expect((await readdir(dir)).sort()).toEqual(['.b.zip.2.partial', '.d.zip.reserved', 'visible.partial']);
  });
});
