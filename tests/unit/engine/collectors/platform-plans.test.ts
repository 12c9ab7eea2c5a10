import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PolicySchema } from '../../../../shared/policy.js';
import type { Platform } from '../../../../shared/types.js';
import { main } from '../../../../electron/cli/main.js';
import { COLLECTORS } from '../../../../electron/engine/collectors/index.js';
import { showCommand, sinceFromPolicy } from '../../../../electron/engine/collectors/support/plan.js';

const policy = PolicySchema.parse({ windowsEventLogs: ['System', 'Application', 'Microsoft-Windows-PowerShell/Operational'], appLogPaths: ['%ProgramData%\\XXSoftware\\Logs\\*.log'] });
const DESKTOPS: Platform[] = ['win32', 'darwin'];
/** Tools that exist only on Linux: describe() for Windows or macOS must not name them. */
const LINUX_ONLY = /journalctl|dpkg|rpm -qa|flatpak|\bip -j\b|gsettings|resolvectl|\/proc\/|\/etc\/resolv\.conf|lsblk/;

describe('describe() tells what runs on Windows and macOS (conformance)', () => {
  it.each(COLLECTORS.filter((c) => c.plan).flatMap((c) => DESKTOPS.map((p) => [c.id, p, c] as const)))('%s on %s: every planned command is in describe(), with a purpose', (_id, platform, c) => {
    const plan = c.plan!(platform, policy, sinceFromPolicy(policy));
    expect(plan.length).toBeGreaterThan(0);
    const described = c.describe(platform, policy).join('\n');
    for (const cmd of plan) {
      expect(cmd.purpose.trim().length).toBeGreaterThan(5);
      expect(described).toContain(showCommand(platform, cmd));
    }
  });

  it.each(COLLECTORS.flatMap((c) => DESKTOPS.map((p) => [c.id, p, c] as const)))('%s on %s names no Linux-only tool', (_id, platform, c) => {
    expect(c.describe(platform, policy).join('\n')).not.toMatch(LINUX_ONLY);
  });

  it('every collector runs on all three platforms', () => {
    for (const c of COLLECTORS) expect(c.platforms).toEqual(['linux', 'win32', 'darwin']);
  });
});

async function list(platform: Platform): Promise<string> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await main(['node', 'diagcollect', 'list', '--platform', platform], { stdout, stderr, env: {}, signals: { on: () => process, off: () => process } as unknown as NodeJS.Process });
  expect(code).toBe(0);
  return out;
}

describe('diagcollect list --platform win32|darwin', () => {
  it('Windows: event logs, Get-NetIPConfiguration and ipconfig, the Uninstall keys, tasklist, hotfixes, Defender, firewall', async () => {
    const out = await list('win32');
    for (const s of ['wevtutil epl System', 'wevtutil qe Application', 'Get-NetIPConfiguration', 'ipconfig /all', 'netsh winhttp show proxy', 'HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Windows\\CurrentVersion\\Uninstall /s', 'tasklist /v /fo csv', 'Get-HotFix', 'wmic qfe', 'Get-MpComputerStatus', 'netsh advfirewall show allprofiles state', 'C:\\Windows\\System32\\drivers\\etc\\hosts', 'CopyFromScreen']) {
      expect(out).toContain(s);
    }
  });

  it('macOS: unified log, log folders, system_profiler, scutil, networksetup, Info.plist, screencapture', async () => {
    const out = await list('darwin');
    for (const s of ['log show --last 1440m --style ndjson', '~/Library/Logs', '/Library/Logs', 'system_profiler -json SPSoftwareDataType SPHardwareDataType SPNetworkDataType SPStorageDataType', 'scutil --dns', 'scutil --proxy', 'networksetup -listallnetworkservices', 'plutil -convert json', 'sw_vers', 'screencapture -x']) {
      expect(out).toContain(s);
    }
  });
});
