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
import { cm, type CheckMessage } from '../../../shared/check-messages.js';
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
  text: CheckMessage;
}

export function createPendingRebootCheck(options: PendingRebootCheckOptions = {}): Check {
  return {
    id: 'pending-reboot',
    group: 'restart',
    title: cm('title.pending-reboot'),
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
        signals.push({ source: flag, text: names ? cm('reboot.updatesWith', { packages: names }) : cm('reboot.updates') });
      }
      if (needsRestarting) {
        looked.push('needs-restarting -r');
        if (needsRestarting.code === 1) signals.push({ source: 'needs-restarting -r', text: cm('reboot.needsRestarting') });
      }
      if (modules && modules.length > 0) {
        looked.push(`${modulesDir}/${kernel}`);
        if (!modules.includes(kernel)) {
          signals.push({ source: modulesDir, text: cm('reboot.kernel', { kernel, installed: modules.slice(0, 3).join(', ') }) });
        }
      }
      const data = { signals: signals.map((s) => s.source), looked };
      if (signals.length > 0) {
        return {
          status: 'warn',
          detail: signals.map((s) => s.text),
          advice: [ADVICE.restartComputer],
          data,
        };
      }
      return { status: 'pass', detail: cm('reboot.none', { looked: looked.join(', ') }), data };
    },
  };
}

async function windowsPendingReboot(ctx: CheckContext): Promise<CheckOutcome> {
  const verdict = windowsRebootVerdict(await readWindowsRebootSignals(ctx));
  const looked = WINDOWS_REBOOT_SIGNALS.filter((s) => !verdict.unknown.includes(s)).map((s) => s.args[1] + (s.args[3] ? `\\${s.args[3]}` : ''));
  const data = { signals: verdict.pending.map((s) => s.id), looked, unreadable: verdict.unknown.map((s) => s.id), ...(verdict.fileCount ? { pendingFiles: verdict.fileCount } : {}) };
  if (verdict.pending.length > 0) {
    return {
      status: 'warn',
      detail: verdict.pending.map((s) => (s.id === 'file-rename' ? cm('reboot.win.file-rename', { count: verdict.fileCount ?? 1 }) : cm(`reboot.win.${s.id}`))),
      advice: [ADVICE.restartComputer],
      data,
    };
  }
  if (verdict.unknown.length === WINDOWS_REBOOT_SIGNALS.length) {
    return { status: 'skipped', detail: cm('reboot.win.unreadable'), data };
  }
  return { status: 'pass', detail: cm('reboot.win.none'), data };
}

async function darwinPendingReboot(ctx: CheckContext): Promise<CheckOutcome> {
  const r = await ctx.exec('softwareupdate', SOFTWAREUPDATE_ARGS, { timeoutMs: 6_000 }).catch(() => undefined);
  if (!r || r.code !== 0 || r.timedOut) {
    return { status: 'skipped', detail: cm('reboot.mac.unreadable') };
  }
  // softwareupdate prints "Software Update Tool" and "No new software available." on stderr.
  const updates = parseSoftwareUpdateList(`${r.stdout.toString('utf8')}\n${r.stderr}`);
  const restart = updates.filter((u) => u.restart);
  const data = { updates: updates.map((u) => ({ label: u.label, restart: u.restart })), looked: ['softwareupdate --list --no-scan'] };
  if (restart.length > 0) {
    const names = restart.map((u) => u.title).join(', ');
    return {
      status: 'warn',
      detail: cm('reboot.mac.updates', { names }),
      advice: [ADVICE.restartComputer],
      data,
    };
  }
  return {
    status: 'pass',
    detail: updates.length ? cm('reboot.mac.others', { count: updates.length }) : cm('reboot.mac.none'),
    data,
  };
}

export const pendingRebootCheck: Check = createPendingRebootCheck();
