/**
 * 系统环境检查 — free space on the file systems that hold the system, the home folder and the
 * temporary folder. `statfs` asks the kernel directly (no `df`, no command to hang); thresholds
 * from policy `checks.disk`: warn under 10 %, fail under 2 % or under 1 GiB by default. Space
 * reserved for root is not counted as free: a user cannot write into it. The share free is the
 * one disk figure (shared/figures.ts, df's Use%): the summary page, 系统信息.txt and this check
 * say the same number for the same disk.
 */
import { statfs } from 'node:fs/promises';
import os from 'node:os';
import { cm, msg, size } from '../../../shared/check-messages.js';
import { diskOtherBytes, diskUsedPercent } from '../../../shared/figures.js';
import { ADVICE } from './advice.js';
import type { Check, CheckContext, CheckOutcome } from './types.js';

export interface VolumeSpace {
  /** The folder checked ("/", the home folder …). */
  path: string;
  role: 'system' | 'home' | 'temp' | 'other';
  totalBytes: number;
  freeBytes: number;
  freePercent: number;
  /** Neither used nor free (root's reserve, other volumes of the container), when large enough to say. */
  otherBytes?: number;
}

export interface DiskSpaceCheckOptions {
  /** Folders to check (tests); default: system root, home and temp. */
  paths?: Array<{ path: string; role: VolumeSpace['role'] }>;
}

function defaultPaths(ctx: CheckContext): Array<{ path: string; role: VolumeSpace['role'] }> {
  const root = ctx.platform === 'win32' ? `${process.env.SystemDrive ?? 'C:'}\\` : '/';
  return [
    { path: root, role: 'system' },
    { path: os.homedir(), role: 'home' },
    { path: os.tmpdir(), role: 'temp' },
  ];
}


export function createDiskSpaceCheck(options: DiskSpaceCheckOptions = {}): Check {
  return {
    id: 'disk-space',
    group: 'environment',
    title: cm('title.disk-space'),
    platforms: ['linux', 'win32', 'darwin'],
    timeoutMs: 5_000,
    async run(ctx): Promise<CheckOutcome> {
      const { warnPercent, failPercent, failBytes } = ctx.policy.checks.disk;
      const seen = new Map<string, VolumeSpace>();
      const problems: string[] = [];
      for (const { path, role } of options.paths ?? defaultPaths(ctx)) {
        try {
          const s = await statfs(path);
          const totalBytes = s.blocks * s.bsize;
          if (totalBytes <= 0) continue;
          const freeBytes = s.bavail * s.bsize;
          // The same file system reached through several folders is reported once.
          const key = `${s.type}:${s.blocks}:${s.bsize}:${s.files}`;
          const usedBytes = (s.blocks - s.bfree) * s.bsize;
          const otherBytes = diskOtherBytes({ sizeBytes: totalBytes, usedBytes, availableBytes: freeBytes });
          if (!seen.has(key)) seen.set(key, { path, role, totalBytes, freeBytes, freePercent: 100 - diskUsedPercent({ usedBytes, availableBytes: freeBytes }), ...(otherBytes !== undefined ? { otherBytes } : {}) });
        } catch (err) {
          problems.push(`${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
        }
      }
      const volumes = [...seen.values()];
      if (volumes.length === 0) {
        return { status: 'skipped', detail: cm('disk.unreadable', { problems: problems.join(', ') }) };
      }
      const verdict = (v: VolumeSpace) => (v.freePercent < failPercent || v.freeBytes < failBytes ? 'fail' : v.freePercent < warnPercent ? 'warn' : 'pass');
      const rank = { pass: 0, warn: 1, fail: 2 } as const;
      const status = volumes.map(verdict).reduce((a, b) => (rank[b] > rank[a] ? b : a), 'pass' as 'pass' | 'warn' | 'fail');
      // A volume whose free and used fall well short of its size says where the rest is, so its
      // figures add up for the reader ("72 GB free of 252 GB (70 %); 151 GB more is reserved …").
      const lines = volumes.flatMap((v) => [
        cm('disk.volume', { path: v.path, role: msg(cm(`disk.role.${v.role}`)), free: size(v.freeBytes), total: size(v.totalBytes), percent: v.freePercent }),
        ...(v.otherBytes !== undefined ? [cm('disk.other', { size: size(v.otherBytes) })] : []),
      ]);
      const limits = cm('disk.limits', { warn: warnPercent, fail: failPercent, failSize: size(failBytes) });
      return {
        status,
        detail: status === 'pass' ? lines : [...lines, limits],
        ...(status === 'pass' ? {} : { advice: [ADVICE.freeDiskSpace, ADVICE.clearCache] }),
        data: { volumes, thresholds: { warnPercent, failPercent, failBytes } },
      };
    },
  };
}

export const diskSpaceCheck: Check = createDiskSpaceCheck();
