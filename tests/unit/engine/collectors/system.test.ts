import { statfsSync } from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseDf, systemCollector, type FileSystemRow } from '../../../../electron/engine/collectors/system.js';
import { createFakeContext } from './fake-context.js';

describe('system collector (real machine)', () => {
  it('writes readable text and JSON with OS, hardware, memory, file systems, locale and time zone', async () => {
    const ctx = createFakeContext();
    // Its speed is measured in `npm run bench -- collect`, not here.
    await systemCollector.run(ctx);

    const json = JSON.parse(await ctx.text('system-info.json')) as { fileSystems: FileSystemRow[]; memory: { total: number }; locale: { timeZone: string }; hostname: string };
    expect(json.memory.total).toBe(os.totalmem());
    expect(json.hostname).toBe(os.hostname());
    expect(json.locale.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);

    const root = json.fileSystems.find((f) => f.mount === '/');
    expect(root).toBeDefined();
    const st = statfsSync('/');
    // df's size of / agrees with statfs (both in bytes, within one block)
    expect(Math.abs(root!.sizeBytes - st.blocks * st.bsize)).toBeLessThanOrEqual(st.bsize + 1024);
    expect(root!.type).not.toBe('');

    const text = await ctx.text('system-info.txt');
    for (const h of ['Operating system', 'Hardware', 'Disks', 'File systems and free space', 'Locale and time zone']) expect(text).toContain(`${h}\n`);
    expect(text).toMatch(/^\/\s+\S+\s+[\d.]+ [KMGT]iB/m);
    expect(text).toContain(`Host name:`);
    expect(ctx.warnings).toEqual([]);
  });

  it('describe() names the commands per platform', () => {
    expect(systemCollector.describe('linux', ctxPolicy()).join('\n')).toContain('df -P -k -T');
    expect(systemCollector.describe('darwin', ctxPolicy()).join('\n')).toContain('df -P -k');
    expect(systemCollector.describe('win32', ctxPolicy()).join('\n')).toContain('Win32_LogicalDisk');
  });
});

const ctxPolicy = () => createFakeContext().policy;

describe('parseDf', () => {
  it('parses GNU df -P -k -T, keeping mount points with spaces whole', () => {
    const out = [
      'Filesystem     Type     1024-blocks     Used Available Capacity Mounted on',
      '/dev/vda       ext4       264212084 23439312  82951604      23% /',
      'tmpfs          tmpfs        1024000        0   1024000       0% /mnt/my disk',
    ].join('\n');
    expect(parseDf(out, true)).toEqual([
      { filesystem: '/dev/vda', type: 'ext4', sizeBytes: 264212084 * 1024, usedBytes: 23439312 * 1024, availableBytes: 82951604 * 1024, usePercent: 23, mount: '/' },
      { filesystem: 'tmpfs', type: 'tmpfs', sizeBytes: 1024000 * 1024, usedBytes: 0, availableBytes: 1024000 * 1024, usePercent: 0, mount: '/mnt/my disk' },
    ]);
  });

  it('parses BSD/macOS df -P -k (no type column)', () => {
    const out = ['Filesystem 1024-blocks Used Available Capacity Mounted on', '/dev/disk3s1s1 482797652 10260216 283432536 4% /'].join('\n');
    expect(parseDf(out, false)).toEqual([{ filesystem: '/dev/disk3s1s1', type: '', sizeBytes: 482797652 * 1024, usedBytes: 10260216 * 1024, availableBytes: 283432536 * 1024, usePercent: 4, mount: '/' }]);
  });
});
