/**
 * 重启验证 — is a restart pending? Debian/Ubuntu: `/var/run/reboot-required` (and the packages
 * in `reboot-required.pkgs`); RHEL/Fedora: `needs-restarting -r` (exit 1: restart needed); any
 * Linux: the running kernel's modules are gone (the kernel was updated and the old one removed).
 * Windows (the RebootPending / RebootRequired registry keys) and macOS are declared for later:
 * the runner reports them as not available yet.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import { CommandNotFoundError } from '../platform/exec.js';
import { ADVICE } from './advice.js';
import { t } from './support/format.js';
import type { Check, CheckOutcome } from './types.js';

export interface PendingRebootCheckOptions {
  rebootRequiredPath?: string;
  modulesDir?: string;
  kernelRelease?: string;
}

interface Signal {
  source: string;
  zh: string;
  en: string;
}

export function createPendingRebootCheck(options: PendingRebootCheckOptions = {}): Check {
  return {
    id: 'pending-reboot',
    group: 'restart',
    title: { 'zh-CN': '待重启', en: 'Pending restart' },
    platforms: ['linux'],
    timeoutMs: 8_000,
    async run(ctx): Promise<CheckOutcome> {
      const flag = options.rebootRequiredPath ?? '/var/run/reboot-required';
      const modulesDir = options.modulesDir ?? '/lib/modules';
      const kernel = options.kernelRelease ?? os.release();
      const signals: Signal[] = [];
      const looked: string[] = [];

      const [flagExists, pkgs, needsRestarting, modules] = await Promise.all([
        stat(flag).then(() => true, () => false),
        readFile(`${flag}.pkgs`, 'utf8').catch(() => ''),
        ctx.exec('needs-restarting', ['-r'], { timeoutMs: 6_000 }).catch((err: unknown) => (err instanceof CommandNotFoundError ? undefined : null)),
        readdir(modulesDir).catch(() => undefined),
      ]);
      looked.push(flag);
      if (flagExists) {
        const list = [...new Set(pkgs.split('\n').map((l) => l.trim()).filter(Boolean))];
        const names = list.length ? `${list.slice(0, 8).join(', ')}${list.length > 8 ? ` …(+${list.length - 8})` : ''}` : '';
        signals.push({ source: flag, zh: `系统更新后需要重启${names ? `（${names}）` : ''}`, en: `updates are waiting for a restart${names ? ` (${names})` : ''}` });
      }
      if (needsRestarting) {
        looked.push('needs-restarting -r');
        if (needsRestarting.code === 1) signals.push({ source: 'needs-restarting -r', zh: 'needs-restarting 报告需要重启', en: 'needs-restarting reports that a restart is needed' });
      }
      if (modules && modules.length > 0) {
        looked.push(`${modulesDir}/${kernel}`);
        if (!modules.includes(kernel)) {
          signals.push({ source: modulesDir, zh: `正在运行的内核 ${kernel} 已被更新或删除（已安装：${modules.slice(0, 3).join(', ')}）`, en: `the running kernel ${kernel} was updated or removed (installed: ${modules.slice(0, 3).join(', ')})` });
        }
      }
      const data = { signals: signals.map((s) => s.source), looked };
      if (signals.length > 0) {
        return {
          status: 'warn',
          detail: { 'zh-CN': signals.map((s) => s.zh).join('；'), en: signals.map((s) => s.en).join('; ') },
          advice: [ADVICE.restartComputer],
          data,
        };
      }
      return { status: 'pass', detail: t(`没有待处理的重启（已检查 ${looked.join('、')}）`, `no restart pending (checked ${looked.join(', ')})`), data };
    },
  };
}

export const pendingRebootCheck: Check = createPendingRebootCheck();
