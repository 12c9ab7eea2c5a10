import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { linuxDisks, parseCpuinfo, parseMeminfo, systemFacts, virtualHostOf } from '../../../../../electron/engine/collectors/support/system-facts.js';

const CPUINFO = `processor\t: 0
vendor_id\t: GenuineIntel
model name\t: Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz
physical id\t: 0
core id\t\t: 0
cpu MHz\t\t: 2112.000
flags\t\t: fpu vme hypervisor sse

processor\t: 1
vendor_id\t: GenuineIntel
model name\t: Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz
physical id\t: 0
core id\t\t: 0

processor\t: 2
physical id\t: 0
core id\t\t: 1
`;

describe('system facts (no process started)', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('parses /proc/cpuinfo: vendor, brand, physical and logical cores, MHz, hypervisor flag', () => {
    expect(parseCpuinfo(CPUINFO)).toEqual({ vendor: 'GenuineIntel', brand: 'Intel(R) Core(TM) i7-8650U CPU @ 1.90GHz', logical: 3, physical: 2, mhz: 2112, hypervisor: true });
  });

  it('parses /proc/meminfo in bytes, with MemAvailable or its estimate', () => {
    expect(parseMeminfo('MemTotal: 1000 kB\nMemFree: 100 kB\nMemAvailable: 600 kB\nSwapTotal: 200 kB\nSwapFree: 50 kB\n')).toEqual({ totalBytes: 1_024_000, availableBytes: 614_400, freeBytes: 102_400, swapTotalBytes: 204_800, swapUsedBytes: 153_600 });
    expect(parseMeminfo('MemTotal: 1000 kB\nMemFree: 100 kB\nCached: 200 kB\n')?.availableBytes).toBe(300 * 1024);
    expect(parseMeminfo('nothing')).toBeUndefined();
  });

  it('names hypervisors from DMI strings', () => {
    expect(virtualHostOf('QEMU', 'Standard PC (Q35 + ICH9, 2009)')).toBe('QEMU');
    expect(virtualHostOf('innotek GmbH', 'VirtualBox')).toBe('VirtualBox');
    expect(virtualHostOf('LENOVO', '20L8S2N800')).toBeUndefined();
  });

  it('lists real disks of a /sys/block tree, leaving out loop, zram and devices without a device link', async () => {
    const root = await mkdtemp(join(os.tmpdir(), 'sysblock-'));
    dirs.push(root);
    for (const [name, sectors, rot, model] of [['sda', '1000', '0', 'Samsung SSD 860'], ['loop0', '10', '0', ''], ['zram0', '10', '0', ''], ['vdb', '2048', '1', '']] as const) {
      await mkdir(join(root, name, 'queue'), { recursive: true });
      await writeFile(join(root, name, 'size'), `${sectors}\n`);
      await writeFile(join(root, name, 'queue', 'rotational'), `${rot}\n`);
      if (name === 'sda' || name === 'vdb') {
        await mkdir(join(root, `${name}-dev`));
        await symlink(join(root, `${name}-dev`), join(root, name, 'device'));
        if (model) await writeFile(join(root, `${name}-dev`, 'model'), `${model}\n`);
      }
    }
    expect(await linuxDisks(root)).toEqual([
      { name: 'sda', size: 512_000, type: 'disk', physical: 'SSD', model: 'Samsung SSD 860' },
      { name: 'vdb', size: 1_048_576, type: 'disk', physical: 'HDD', model: '' },
    ]);
  });

  it.runIf(process.platform === 'linux')('reads this machine: the distro of /etc/os-release and the memory total of /proc/meminfo', async () => {
    const f = await systemFacts('linux');
    expect(f.os.distro).not.toBe('');
    expect(f.os.kernel).toBe(os.release());
    expect(f.memory.total).toBe(os.totalmem());
    expect(f.cpu.cores).toBe(os.cpus().length);
  });
});
