/**
 * 系统环境检查 — free space on the file systems that hold the system, the home folder and the
 * temporary folder. `statfs` asks the kernel directly (no `df`, no command to hang); thresholds
 * from policy `checks.disk`: warn under 10 %, fail under 2 % or under 1 GiB by default. Space
 * reserved for root is not counted as free: a user cannot write into it.
 */
import { statfs } from 'node:fs/promises';
import os from 'node:os';
import type { LocalizedText } from '../../../shared/types.js';
import { formatSize } from '../../../shared/i18n/format.js';

/** One size formatter everywhere (shared/i18n/format.ts); digits and units read the same in zh-CN and en. */
const formatBytes = (bytes: number) => formatSize(bytes, 'en');
import { ADVICE } from './advice.js';
import { t } from './support/format.js';
import type { Check, CheckContext, CheckOutcome } from './types.js';

export interface VolumeSpace {
  /** The folder checked ("/", the home folder …). */
  path: string;
  role: 'system' | 'home' | 'temp' | 'other';
  totalBytes: number;
  freeBytes: number;
  freePercent: number;
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

const ROLE: Record<VolumeSpace['role'], LocalizedText> = {
  system: t('系统', 'system'),
  home: t('用户目录', 'home'),
  temp: t('临时目录', 'temp'),
  other: t('其他', 'other'),
};

export function createDiskSpaceCheck(options: DiskSpaceCheckOptions = {}): Check {
  return {
    id: 'disk-space',
    group: 'environment',
    title: { 'zh-CN': '磁盘空间', en: 'Free disk space' },
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
          if (!seen.has(key)) seen.set(key, { path, role, totalBytes, freeBytes, freePercent: Math.round((freeBytes / totalBytes) * 1000) / 10 });
        } catch (err) {
          problems.push(`${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
        }
      }
      const volumes = [...seen.values()];
      if (volumes.length === 0) {
        return { status: 'skipped', detail: t(`无法读取磁盘空间（${problems.join('；')}）`, `could not read free space (${problems.join('; ')})`) };
      }
      const verdict = (v: VolumeSpace) => (v.freePercent < failPercent || v.freeBytes < failBytes ? 'fail' : v.freePercent < warnPercent ? 'warn' : 'pass');
      const rank = { pass: 0, warn: 1, fail: 2 } as const;
      const status = volumes.map(verdict).reduce((a, b) => (rank[b] > rank[a] ? b : a), 'pass' as 'pass' | 'warn' | 'fail');
      const line = (v: VolumeSpace) => ({
        zh: `${v.path}（${ROLE[v.role]['zh-CN']}）剩余 ${formatBytes(v.freeBytes)} / ${formatBytes(v.totalBytes)}（${v.freePercent}%）`,
        en: `${v.path} (${ROLE[v.role].en}): ${formatBytes(v.freeBytes)} free of ${formatBytes(v.totalBytes)} (${v.freePercent} %)`,
      });
      const lines = volumes.map(line);
      const limits = t(`警告阈值 ${warnPercent}%，失败阈值 ${failPercent}% 或 ${formatBytes(failBytes)}`, `warn under ${warnPercent} %, fail under ${failPercent} % or ${formatBytes(failBytes)}`);
      return {
        status,
        detail: {
          'zh-CN': `${lines.map((l) => l.zh).join('；')}${status === 'pass' ? '' : `（${limits['zh-CN']}）`}`,
          en: `${lines.map((l) => l.en).join('; ')}${status === 'pass' ? '' : ` (${limits.en})`}`,
        },
        ...(status === 'pass' ? {} : { advice: [ADVICE.freeDiskSpace, ADVICE.clearCache] }),
        data: { volumes, thresholds: { warnPercent, failPercent, failBytes } },
      };
    },
  };
}

export const diskSpaceCheck: Check = createDiskSpaceCheck();
