/**
 * 磁盘空间与延迟 (running slowly): free space of every real file system and how long the disk
 * takes to answer. Measured the same way everywhere: five 4 KiB writes each followed by fsync
 * in the temp folder and in the home folder (what a program's saves and caches pay); Linux adds
 * each disk's average time per read and write since boot (/proc/diskstats), Windows the
 * LogicalDisk counters (typeperf, 3 samples), macOS `iostat`.
 */
import { mkdtemp, open, readFile, rm, statfs } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import type { Platform } from '../../../shared/types.js';
import { forProblemTypes } from './support/gates.js';
import { describePlan } from './support/plan.js';
import { formatSections, runSections, type SectionCommand } from './support/sections.js';
import { documentTitle, formatBytes, formatTable, heading, tr } from './support/text.js';
import type { Collector, PlannedCommand } from './types.js';
import { TOOL_VERSION } from '../version.js';

const PSEUDO = /^(proc|sysfs|tmpfs|devtmpfs|devpts|cgroup2?|overlay|squashfs|mqueue|debugfs|tracefs|securityfs|pstore|bpf|autofs|hugetlbfs|fusectl|configfs|binfmt_misc|nsfs|ramfs|efivarfs|rpc_pipefs|fuse\.snapfuse|fuse\.portal)$/;

const PLATFORM: Record<Exclude<Platform, 'linux'>, SectionCommand[]> = {
  win32: [{ title: 'LogicalDisk', command: 'typeperf', args: ['\\LogicalDisk(*)\\% Free Space', '\\LogicalDisk(*)\\Free Megabytes', '\\LogicalDisk(*)\\Avg. Disk sec/Read', '\\LogicalDisk(*)\\Avg. Disk sec/Write', '\\LogicalDisk(*)\\Current Disk Queue Length', '-sc', '3'], windows: true, timeoutMs: 15_000 }],
  darwin: [
    { title: 'df', command: 'df', args: ['-k'] },
    { title: 'iostat', command: 'iostat', args: ['-d', '-c', '3', '-w', '1'], timeoutMs: 10_000 },
  ],
};

export function diskPlan(platform: Platform): PlannedCommand[] {
  return platform === 'linux' ? [] : PLATFORM[platform].map((c) => ({ command: c.command, args: c.args, purpose: c.command === 'typeperf' ? 'free space, read and write latency and queue length of each drive (3 samples)' : c.command === 'df' ? 'free space of each file system' : 'transfers and throughput per disk (3 samples)' }));
}

/** Real file systems in /proc/mounts (mount point and type), each mount point once. */
export function parseMounts(text: string): Array<{ mount: string; type: string }> {
  const seen = new Set<string>();
  return text
    .split('\n')
    .map((l) => l.split(' '))
    .filter((f) => f.length >= 3 && !PSEUDO.test(f[2]!) && !f[1]!.startsWith('/proc') && !f[1]!.startsWith('/sys'))
    .map((f) => ({ mount: f[1]!.replace(/\\040/g, ' '), type: f[2]! }))
    .filter((m) => !seen.has(m.mount) && seen.add(m.mount));
}

/** Average ms per read and per write of each whole disk since boot (/proc/diskstats fields 4, 7, 8, 11). */
export function diskstatsLatency(text: string): Array<{ disk: string; readMs: number | null; writeMs: number | null; reads: number; writes: number }> {
  return text
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 11 && !/^(loop|ram|zram|sr|fd)/.test(f[2]!) && !/^(sd[a-z]+|vd[a-z]+|xvd[a-z]+)\d+$|^(nvme\d+n\d+|mmcblk\d+)p\d+$/.test(f[2]!))
    .map((f) => {
      const reads = Number(f[3]);
      const writes = Number(f[7]);
      return { disk: f[2]!, reads, writes, readMs: reads ? Number(f[6]) / reads : null, writeMs: writes ? Number(f[10]) / writes : null };
    });
}

/** Five 4 KiB write + fsync rounds in a fresh folder under `dir`: the times in ms. */
export async function fsyncProbe(dir: string, rounds = 5): Promise<number[]> {
  const folder = await mkdtemp(join(dir, '.diagcollect-probe-'));
  const times: number[] = [];
  try {
    const handle = await open(join(folder, 'probe'), 'w', 0o600);
    try {
      const block = Buffer.alloc(4096, 0x61);
      for (let i = 0; i < rounds; i += 1) {
        const t0 = performance.now();
        await handle.write(block, 0, block.length, i * block.length);
        await handle.sync();
        times.push(Math.round((performance.now() - t0) * 100) / 100);
      }
    } finally {
      await handle.close();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  return times;
}

export const diskLatencyCollector: Collector = {
  id: 'disk-latency',
  category: 'system',
  title: { 'zh-CN': '磁盘空间与延迟', en: 'Disk space and latency' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 20_000,
  sensitive: false,
  gate: forProblemTypes('slow'),

  describe(platform: Platform): string[] {
    const probe = 'five 4 KiB writes with fsync in the temp and home folders (time per write)';
    return platform === 'linux' ? ['/proc/mounts and statfs of each file system (free space)', '/proc/diskstats (average time per read and write since boot)', probe] : [...describePlan(platform, diskPlan(platform)), probe];
  },

  plan: (platform) => diskPlan(platform),

  async run(ctx) {
    const L = (zh: string, en: string) => tr(ctx.lang, zh, en);
    let text = documentTitle(L('磁盘空间与延迟', 'Disk space and latency'), TOOL_VERSION);
    const sources: string[] = [];
    const probes: string[][] = [];
    for (const dir of [...new Set([os.tmpdir(), os.homedir()])]) {
      try {
        const t = await fsyncProbe(dir);
        const sorted = [...t].sort((a, b) => a - b);
        probes.push([dir, `${sorted[Math.floor(sorted.length / 2)]} ms`, `${sorted.at(-1)} ms`, t.join(', ')]);
      } catch (err) {
        ctx.skip(`fsync probe in ${dir}`, `cannot write there: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
      }
    }
    if (probes.length) {
      text += `${heading(L('写入并同步 4 KiB 的耗时', 'Time to write and fsync 4 KiB'), 2)}${formatTable([L('文件夹', 'Folder'), L('中位数', 'Median'), L('最长', 'Max'), L('每次（毫秒）', 'Each (ms)')], probes, { right: [1, 2] })}\n`;
      sources.push('fsync probe');
    }
    if (ctx.platform === 'linux') {
      const mounts = parseMounts(await readFile('/proc/mounts', 'utf8').catch(() => ''));
      const rows: string[][] = [];
      for (const m of mounts) {
        const s = await statfs(m.mount).catch(() => undefined);
        if (!s || s.blocks === 0) continue;
        const total = s.blocks * s.bsize;
        const free = s.bavail * s.bsize;
        rows.push([m.mount, m.type, formatBytes(total), formatBytes(free), `${Math.round((free / total) * 100)}%`]);
      }
      text += `${heading(L('文件系统可用空间', 'Free space per file system'), 2)}${formatTable([L('挂载点', 'Mount'), L('类型', 'Type'), L('容量', 'Size'), L('可用', 'Free'), L('可用比例', 'Free %')], rows, { right: [2, 3, 4] })}\n`;
      const lat = diskstatsLatency(await readFile('/proc/diskstats', 'utf8').catch(() => ''));
      const ms = (n: number | null) => (n === null ? '' : `${n.toFixed(2)} ms`);
      text += `${heading(L('磁盘平均响应时间（开机以来）', 'Average time per I/O since boot'), 2)}${formatTable([L('磁盘', 'Disk'), L('读次数', 'Reads'), L('每次读', 'Per read'), L('写次数', 'Writes'), L('每次写', 'Per write')], lat.map((d) => [d.disk, String(d.reads), ms(d.readMs), String(d.writes), ms(d.writeMs)]), { right: [1, 2, 3, 4], empty: L('（无）', '(none)') })}`;
      sources.push('/proc/mounts', 'statfs', '/proc/diskstats');
    } else {
      const sections = await runSections(ctx, PLATFORM[ctx.platform]);
      text += formatSections(sections);
      sources.push(...sections.map((s) => s.source));
    }
    ctx.addText(ctx.name('diskLatency'), text, sources.join(', '));
  },
};
