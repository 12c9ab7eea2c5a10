/** 运行缓慢: disk space and latency, startup items, pending updates — real on this machine, plans for Windows and macOS. */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { diskLatencyCollector, diskPlan, diskstatsLatency, fsyncProbe, parseMounts } from '../../../../electron/engine/collectors/disk-latency.js';
import { pendingUpdatesCollector, startupCommands, startupFolders, startupItemsCollector, updateCommands } from '../../../../electron/engine/collectors/startup-updates.js';
import { createFakeContext } from './fake-context.js';

describe('disk space and latency', () => {
  it('reads /proc/mounts and /proc/diskstats', () => {
    expect(parseMounts('proc /proc proc rw 0 0\n/dev/sda1 / ext4 rw 0 0\ntmpfs /run tmpfs rw 0 0\n/dev/sdb1 /data\\040disk xfs rw 0 0\n/dev/sda1 / ext4 rw 0 0\n')).toEqual([
      { mount: '/', type: 'ext4' },
      { mount: '/data disk', type: 'xfs' },
    ]);
    expect(diskstatsLatency('   8       0 sda 100 0 800 250 50 0 400 500 0 0 0\n   8       1 sda1 1 0 8 2 1 0 8 2 0 0 0\n')).toEqual([{ disk: 'sda', reads: 100, writes: 50, readMs: 2.5, writeMs: 10 }]);
  });

  it('times real fsync writes and leaves nothing behind', async () => {
    const times = await fsyncProbe(os.tmpdir(), 3);
    expect(times).toHaveLength(3);
    for (const t of times) expect(t).toBeGreaterThan(0);
  });

  it('on this machine: free space, latency and the probe in one entry, in both languages', async () => {
    const zh = createFakeContext({ lang: 'zh-CN' });
    await diskLatencyCollector.run(zh);
    const text = await zh.text('磁盘空间与延迟.txt');
    expect(text).toContain('写入并同步 4 KiB 的耗时');
    expect(text).toMatch(/^\/\s+\S+\s+[\d.]+ \S+\s+[\d.]+ \S+\s+\d+%$/m);
    const en = createFakeContext();
    await diskLatencyCollector.run(en);
    expect(await en.text('disk-latency.txt')).toContain('Time to write and fsync 4 KiB');
  });

  it('Windows and macOS plans', () => {
    expect(diskPlan('win32')[0]!.args).toContain('\\LogicalDisk(*)\\Avg. Disk sec/Read');
    expect(diskPlan('darwin').map((c) => c.command)).toEqual(['df', 'iostat']);
  });
});

describe('startup items and pending updates', () => {
  it('plans per platform', () => {
    expect(startupCommands('linux').map((c) => c.args.slice(0, 2).join(' '))).toEqual(['list-unit-files --type=service', '--user list-unit-files']);
    expect(startupCommands('win32')[0]!.display).toContain('Get-CimInstance Win32_StartupCommand');
    expect(startupFolders('darwin', '/Users/a')).toEqual(['/Users/a/Library/LaunchAgents', '/Library/LaunchAgents', '/Library/LaunchDaemons']);
    expect(updateCommands('linux').map((c) => c.command)).toEqual(['apt', 'dnf']);
    expect(updateCommands('win32')[0]!.display).toContain("Search('IsInstalled=0 and IsHidden=0')");
    expect(updateCommands('darwin')[0]!.args).toEqual(['--list', '--no-scan']);
  });

  it('on this machine: the enabled systemd services and the autostart folders', async () => {
    const ctx = createFakeContext({ lang: 'zh-CN' });
    await startupItemsCollector.run(ctx);
    expect(await ctx.text('启动项.txt')).toContain('$ systemctl list-unit-files --type=service --state=enabled --no-pager --no-legend');
  });

  it('on this machine: apt\'s upgradable list (dnf is not installed, so not tried)', async () => {
    const ctx = createFakeContext();
    await pendingUpdatesCollector.run(ctx);
    expect(ctx.commands.filter((c) => !c.startsWith('sh -c'))).toEqual(['apt list --upgradable']);
    expect(await ctx.text('pending-updates.txt')).toContain('$ apt list --upgradable');
  }, 40_000);
});
