/**
 * 系统环境检查 — is this operating system (and its version) on the policy's supported list?
 * Linux by os-release `ID`/`VERSION_ID` (debian 12, ubuntu 22.04, uos, kylin …), macOS by
 * `sw_vers -productVersion`, Windows by its build from the registry (`10.0.22631.2861`; Windows 11
 * is 10.0.22000+, so `minVersion: "10.0.22000"` means "Windows 11").
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { NT_CURRENT_VERSION_KEY, parseWindowsVersion } from '../collectors/support/registry.js';
import { parseOsRelease } from '../collectors/versions.js';
import { decodeWindowsOutput } from '../platform/windows-output.js';
import { ADVICE } from './advice.js';
import { cm } from '../../../shared/check-messages.js';
import { compareVersions } from './support/version.js';
import type { Check, CheckContext, CheckOutcome } from './types.js';

export interface OsIdentity {
  /** os-release ID, `windows` or `macos`. */
  id: string;
  /** Other ids it is like (os-release ID_LIKE). */
  like: string[];
  version?: string;
  name: string;
}

export async function detectOs(ctx: Pick<CheckContext, 'platform' | 'exec'>, osReleasePaths = ['/etc/os-release', '/usr/lib/os-release']): Promise<OsIdentity> {
  if (ctx.platform === 'linux') {
    for (const file of osReleasePaths) {
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      const rel = parseOsRelease(text);
      return {
        id: (rel.ID ?? 'linux').toLowerCase(),
        like: (rel.ID_LIKE ?? '').toLowerCase().split(/\s+/).filter(Boolean),
        ...(rel.VERSION_ID ? { version: rel.VERSION_ID } : {}),
        name: rel.PRETTY_NAME || [rel.NAME, rel.VERSION].filter(Boolean).join(' ') || 'Linux',
      };
    }
    return { id: 'linux', like: [], name: `Linux ${os.release()}` };
  }
  if (ctx.platform === 'darwin') {
    const r = await ctx.exec('sw_vers', ['-productVersion'], { timeoutMs: 3000 }).catch(() => undefined);
    const version = r && r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
    return { id: 'macos', like: [], ...(version ? { version } : {}), name: `macOS ${version ?? `(Darwin ${os.release()})`}` };
  }
  // The registry names the edition and release and gives the update revision (UBR);
  // ProductName says "Windows 10" on Windows 11 too, the build tells them apart.
  const r = await ctx.exec('reg', ['query', NT_CURRENT_VERSION_KEY], { timeoutMs: 3000 }).catch(() => undefined);
  const v = r && r.code === 0 ? parseWindowsVersion(decodeWindowsOutput(r.stdout)) : undefined;
  if (v?.version) return { id: 'windows', like: [], version: v.version, name: `${v.name}${v.displayVersion ? ` ${v.displayVersion}` : ''} (${v.version})` };
  const release = os.release();
  const build = Number(release.split('.')[2] ?? 0);
  return { id: 'windows', like: [], version: release, name: `${build >= 22000 ? 'Windows 11' : 'Windows'} (${release})` };
}

export interface OsVersionCheckOptions {
  osReleasePaths?: string[];
}

export function createOsVersionCheck(options: OsVersionCheckOptions = {}): Check {
  return {
    id: 'os-version',
    group: 'environment',
    title: cm('title.os-version'),
    platforms: ['linux', 'win32', 'darwin'],
    timeoutMs: 5_000,
    async run(ctx): Promise<CheckOutcome> {
      const found = await detectOs(ctx, options.osReleasePaths);
      const supported = ctx.policy.checks.supportedOs;
      const data = { os: found, supported };
      const shown = `${found.name}${found.version && !found.name.includes(found.version) ? ` ${found.version}` : ''}`;
      if (supported.length === 0) {
        return { status: 'skipped', detail: cm('os.noList', { os: shown }), data };
      }
      const entries = supported.filter((s) => s.id === found.id);
      const list = supported.map((s) => `${s.id}${s.minVersion ? ` ≥ ${s.minVersion}` : ''}`).join(', ');
      if (entries.length === 0) {
        return {
          status: 'warn',
          detail: cm('os.notListed', { os: shown, list }),
          advice: [ADVICE.upgradeOs],
          data,
        };
      }
      const ok = entries.some((s) => !s.minVersion || (found.version !== undefined && (compareVersions(found.version, s.minVersion) ?? -1) >= 0));
      if (!ok) {
        const min = entries.map((s) => s.minVersion).join(' / ');
        return {
          status: 'fail',
          detail: cm(found.version ? 'os.older' : 'os.unknownVersion', { os: shown, min }),
          advice: [ADVICE.upgradeOs],
          data,
        };
      }
      return { status: 'pass', detail: cm('os.ok', { os: shown, list }), data };
    },
  };
}

export const osVersionCheck: Check = createOsVersionCheck();
