/**
 * 重启验证 — is a restart pending? Debian/Ubuntu: `/var/run/reboot-required` (and the packages
 * in `reboot-required.pkgs`); RHEL/Fedora: `needs-restarting -r` (exit 1: restart needed); any
 * Linux: the running kernel's modules are gone (the kernel was updated and the old one removed).
 * Windows: the registry's CBS RebootPending, Windows Update RebootRequired and
 * PendingFileRenameOperations (pending-reboot.win32.ts). macOS: updates waiting that need a
 * restart to install (pending-reboot.darwin.ts).
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import { CommandNotFoundError } from '../platform/exec.js';
import { ADVICE } from './advice.js';
import { t } from './support/format.js';
import { parseSoftwareUpdateList, SOFTWAREUPDATE_ARGS } from './pending-reboot.darwin.js';
import { readWindowsRebootSignals, WINDOWS_REBOOT_SIGNALS, windowsRebootVerdict } from './pending-reboot.win32.js';
import type { Check, CheckContext, CheckOutcome } from './types.js';

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
    platforms: ['linux', 'win32', 'darwin'],
    timeoutMs: 8_000,
    async run(ctx): Promise<CheckOutcome> {
      if (ctx.platform === 'win32') return windowsPendingReboot(ctx);
      if (ctx.platform === 'darwin') return darwinPendingReboot(ctx);
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

async function windowsPendingReboot(ctx: CheckContext): Promise<CheckOutcome> {
  const verdict = windowsRebootVerdict(await readWindowsRebootSignals(ctx));
  const looked = WINDOWS_REBOOT_SIGNALS.filter((s) => !verdict.unknown.includes(s)).map((s) => s.args[1] + (s.args[3] ? `\\${s.args[3]}` : ''));
  const data = { signals: verdict.pending.map((s) => s.id), looked, unreadable: verdict.unknown.map((s) => s.id), ...(verdict.fileCount ? { pendingFiles: verdict.fileCount } : {}) };
  if (verdict.pending.length > 0) {
    const files = (id: string, zh: boolean) => (id === 'file-rename' && verdict.fileCount ? (zh ? `（${verdict.fileCount} 个）` : ` (${verdict.fileCount})`) : '');
    return {
      status: 'warn',
      detail: { 'zh-CN': verdict.pending.map((s) => s.zh + files(s.id, true)).join('；'), en: verdict.pending.map((s) => s.en + files(s.id, false)).join('; ') },
      advice: [ADVICE.restartComputer],
      data,
    };
  }
  if (verdict.unknown.length === WINDOWS_REBOOT_SIGNALS.length) {
    return { status: 'skipped', detail: t('无法读取注册表中的重启标记', 'could not read the restart markers in the registry'), data };
  }
  return { status: 'pass', detail: t('没有待处理的重启（已检查组件更新、Windows 更新和待替换文件的注册表标记）', 'no restart pending (checked the component servicing, Windows Update and pending file rename markers in the registry)'), data };
}

async function darwinPendingReboot(ctx: CheckContext): Promise<CheckOutcome> {
  const r = await ctx.exec('softwareupdate', SOFTWAREUPDATE_ARGS, { timeoutMs: 6_000 }).catch(() => undefined);
  if (!r || r.code !== 0 || r.timedOut) {
    return { status: 'skipped', detail: t('无法列出待安装的 macOS 更新（softwareupdate）', 'could not list the waiting macOS updates (softwareupdate)') };
  }
  // softwareupdate prints "Software Update Tool" and "No new software available." on stderr.
  const updates = parseSoftwareUpdateList(`${r.stdout.toString('utf8')}\n${r.stderr}`);
  const restart = updates.filter((u) => u.restart);
  const data = { updates: updates.map((u) => ({ label: u.label, restart: u.restart })), looked: ['softwareupdate --list --no-scan'] };
  if (restart.length > 0) {
    const names = restart.map((u) => u.title).join(', ');
    return {
      status: 'warn',
      detail: t(`有需要重启才能安装的 macOS 更新：${names}`, `macOS updates that need a restart are waiting to be installed: ${names}`),
      advice: [ADVICE.restartComputer],
      data,
    };
  }
  return {
    status: 'pass',
    detail: updates.length
      ? t(`没有需要重启的更新（另有 ${updates.length} 个更新可安装）`, `no update that needs a restart is waiting (${updates.length} other update${updates.length > 1 ? 's' : ''} available)`)
      : t('没有待安装的 macOS 更新（根据上次的后台检查）', 'no macOS update is waiting (as of the last background check)'),
    data,
  };
}

export const pendingRebootCheck: Check = createPendingRebootCheck();
