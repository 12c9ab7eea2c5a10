import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectOs, osVersionCheck } from '../../../../electron/engine/checks/os-version.js';
import { parseSoftwareUpdateList } from '../../../../electron/engine/checks/pending-reboot.darwin.js';
import { pendingRebootCheck } from '../../../../electron/engine/checks/pending-reboot.js';
import { windowsRebootVerdict } from '../../../../electron/engine/checks/pending-reboot.win32.js';
import { proxyCheck } from '../../../../electron/engine/checks/proxy.js';
import { forgetConsoleCodePage } from '../../../../electron/engine/collectors/support/windows-run.js';
import { cat, macFixture, macText, winFixture, winText } from '../../../helpers/platform-fixtures.js';
import { installStandIns, type StandIns } from '../collectors/stand-ins.js';
import { createCheckContext, list } from './check-context.js';

/** Stand-in commands are #!/bin/sh scripts: POSIX only (the parser tests run everywhere). */
const posixIt = it.skipIf(process.platform === 'win32');

let standIns: StandIns | undefined;
beforeEach(() => forgetConsoleCodePage());
afterEach(() => {
  standIns?.restore();
  standIns = undefined;
});

describe('pending restart on Windows (registry markers)', () => {
  it('verdict: a key that exists, a non-empty PendingFileRenameOperations', () => {
    const none = windowsRebootVerdict({ cbs: { code: 1, text: '' }, 'windows-update': { code: 1, text: '' }, 'file-rename': { code: 1, text: '' } });
    expect(none).toEqual({ pending: [], unknown: [] });
    const all = windowsRebootVerdict({ cbs: { code: 0, text: 'HKEY_LOCAL_MACHINE\\…\\RebootPending\r\n' }, 'windows-update': { code: 0, text: winText('reg-query-reboot-required.txt') }, 'file-rename': { code: 0, text: winText('reg-query-pending-file-rename.txt') } });
    expect(all.pending.map((s) => s.id)).toEqual(['cbs', 'windows-update', 'file-rename']);
    expect(all.fileCount).toBe(2);
    const empty = windowsRebootVerdict({ cbs: { code: 1, text: '' }, 'windows-update': { code: 1, text: '' }, 'file-rename': { code: 0, text: 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\r\n    PendingFileRenameOperations    REG_MULTI_SZ\r\n' } });
    expect(empty.pending).toEqual([]);
    expect(windowsRebootVerdict({}).unknown).toHaveLength(3);
  });

  posixIt('the check with a stand-in reg: Windows Update waiting for a restart warns with the restart advice', async () => {
    standIns = installStandIns({ reg: ['case "$2" in', `  *RebootRequired) ${cat(winFixture('reg-query-reboot-required.txt'))};;`, '  *) exit 1;;', 'esac'].join('\n') });
    const r = list(await pendingRebootCheck.run(createCheckContext({ platform: 'win32' })))[0]!;
    expect(r.status).toBe('warn');
    expect(r.detail).toEqual({ 'zh-CN': 'Windows 更新已安装，需要重启', en: 'Windows Update installed updates that need a restart' });
    expect(r.advice![0]!.en).toMatch(/^Restart the computer/);
  });

  posixIt('nothing pending passes; reg missing altogether is "skipped", not "pass"', async () => {
    standIns = installStandIns({ reg: 'exit 1' });
    expect(list(await pendingRebootCheck.run(createCheckContext({ platform: 'win32' })))[0]!.status).toBe('pass');
    standIns.restore();
    standIns = installStandIns({}, { only: true });
    expect(list(await pendingRebootCheck.run(createCheckContext({ platform: 'win32' })))[0]!.status).toBe('skipped');
  });
});

describe('pending restart on macOS (updates that need a restart)', () => {
  it('softwareupdate --list in its current and legacy formats', () => {
    expect(parseSoftwareUpdateList(macText('softwareupdate-list.restart.txt'))).toEqual([
      { label: 'macOS Sonoma 14.2.1-23C71', title: 'macOS Sonoma 14.2.1', restart: true },
      { label: 'Safari17.2.1MontereyAuto-17.2.1', title: 'Safari', restart: false },
    ]);
    expect(parseSoftwareUpdateList(macText('softwareupdate-list.legacy.txt')).map((u) => [u.label, u.restart])).toEqual([
      ['Security Update 2020-001-10.14.6', true],
      ['Safari13.0.5MojaveAuto-13.0.5', false],
    ]);
    expect(parseSoftwareUpdateList(macText('softwareupdate-list.none.stderr.txt'))).toEqual([]);
  });

  posixIt('the check with a stand-in softwareupdate (--list --no-scan: no network)', async () => {
    standIns = installStandIns({ softwareupdate: `[ "$*" = "--list --no-scan" ] || exit 2; ${cat(macFixture('softwareupdate-list.restart.txt'))}` });
    const warn = list(await pendingRebootCheck.run(createCheckContext({ platform: 'darwin' })))[0]!;
    expect(warn.status).toBe('warn');
    expect(warn.detail.en).toBe('macOS updates that need a restart are waiting to be installed: macOS Sonoma 14.2.1');
    standIns.restore();
    standIns = installStandIns({ softwareupdate: `${cat(macFixture('softwareupdate-list.none.stderr.txt'))} >&2` });
    const pass = list(await pendingRebootCheck.run(createCheckContext({ platform: 'darwin' })))[0]!;
    expect(pass).toMatchObject({ status: 'pass', detail: { en: 'no macOS update is waiting (as of the last background check)' } });
  });
});

describe('OS version on Windows (registry, Windows 11 by its build)', () => {
  posixIt('Windows 11 23H2 from a registry that says "Windows 10 Pro"; the policy minimum compares the full build', async () => {
    standIns = installStandIns({ reg: cat(winFixture('reg-query-nt-currentversion.win11.zh-CN.gbk.txt')) });
    expect(await detectOs(createCheckContext({ platform: 'win32' }))).toEqual({ id: 'windows', like: [], version: '10.0.22631.2861', name: 'Windows 11 Pro 23H2 (10.0.22631.2861)' });
    const ok = list(await osVersionCheck.run(createCheckContext({ platform: 'win32', policy: { checks: { supportedOs: [{ id: 'windows', minVersion: '10.0.22000' }] } } })))[0]!;
    expect(ok.status).toBe('pass');
    standIns.restore();
    standIns = installStandIns({ reg: cat(winFixture('reg-query-nt-currentversion.win10.en.txt')) });
    const old = list(await osVersionCheck.run(createCheckContext({ platform: 'win32', policy: { checks: { supportedOs: [{ id: 'windows', minVersion: '10.0.22000' }] } } })))[0]!;
    expect(old.status).toBe('fail');
    expect(old.detail.en).toBe('Windows 10 Enterprise 22H2 (10.0.19045.3803) is older than the minimum supported version 10.0.22000');
  });
});

describe('proxy check on the desktops: the system proxy counts, not only the variables', () => {
  let server: net.Server;
  let port: number;
  beforeEach(async () => {
    server = net.createServer((s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as net.AddressInfo).port;
  });
  afterEach(() => new Promise<void>((r) => server.close(() => r())));

  const internetSettings = (proxy: string) =>
    `printf 'HKEY_CURRENT_USER\\\\Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Internet Settings\\r\\n    ProxyEnable    REG_DWORD    0x1\\r\\n    ProxyServer    REG_SZ    ${proxy}\\r\\n'`;

  posixIt('Windows: the WinINET proxy answers: pass, with the WinHTTP setting reported', async () => {
    standIns = installStandIns({ cmd: 'echo "Active code page: 437"', reg: internetSettings(`127.0.0.1:${port}`), netsh: cat(winFixture('netsh-winhttp-proxy.en.direct.txt')) });
    const r = list(await proxyCheck.run(createCheckContext({ platform: 'win32' })))[0]!;
    expect(r.status).toBe('pass');
    expect(r.detail.en).toMatch(new RegExp(`^WinINET proxy 127\\.0\\.0\\.1:${port} accepts connections \\(\\d+ ms\\)$`));
  });

  posixIt('Windows: a dead WinINET proxy fails with the proxy advice, even without proxy variables', async () => {
    await new Promise<void>((r) => server.close(() => r()));
    server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    standIns = installStandIns({ cmd: 'echo "Active code page: 437"', reg: internetSettings(`127.0.0.1:${port}`), netsh: cat(winFixture('netsh-winhttp-proxy.en.direct.txt')) });
    const r = list(await proxyCheck.run(createCheckContext({ platform: 'win32' })))[0]!;
    expect(r.status).toBe('fail');
    expect(r.detail.en).toMatch(/^WinINET proxy 127\.0\.0\.1:\d+ refuses connections: proxy not running or wrong port$/);
    expect(r.advice![0]!.en).toMatch(/^Check proxy settings/);
  });

  posixIt('macOS: a PAC script is reported (not evaluated); nothing to probe passes', async () => {
    standIns = installStandIns({ scutil: cat(macFixture('scutil-proxy.pac.txt')) });
    const r = list(await proxyCheck.run(createCheckContext({ platform: 'darwin' })))[0]!;
    expect(r).toMatchObject({ status: 'pass', detail: { en: 'macOS network settings uses the proxy auto-config script http://wpad.corp.example.com/proxy.pac (not evaluated)' } });
  });

  it('Linux is unchanged: only the variables', async () => {
    const r = list(await proxyCheck.run(createCheckContext({ platform: 'linux' })))[0]!;
    expect(r).toMatchObject({ status: 'pass', detail: { 'zh-CN': '未设置代理环境变量：直接连接', en: 'no proxy environment variables: direct connection' }, data: { proxies: [] } });
  });
});
