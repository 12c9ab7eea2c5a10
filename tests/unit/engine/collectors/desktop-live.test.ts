/**
 * The real tools of Windows and macOS through our parsers. These run only on those systems (the
 * windows-latest and macos-latest jobs of .github/workflows/desktop-os.yml); on Linux the same
 * parsers are tested on the fixtures. A failure here means a real output format differs from
 * what the fixtures assume: fix the parser and add the real output as a fixture.
 */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseWindowsRoutePrint } from '../../../../electron/engine/checks/gateway.js';
import { parseSoftwareUpdateList } from '../../../../electron/engine/checks/pending-reboot.darwin.js';
import { dnsFromScutil, parseNetworkServices, parseRouteGet, parseScutilDns } from '../../../../electron/engine/collectors/network.darwin.js';
import { NETWORK_SCRIPT, parseIpconfigAll, parseNetIpConfigurationJson } from '../../../../electron/engine/collectors/network.win32.js';
import { parseLaunchctlList } from '../../../../electron/engine/collectors/processes.js';
import { parseServicesCsv, parseTasklistCsv, SERVICE_SCRIPT } from '../../../../electron/engine/collectors/processes.win32.js';
import { parseInfoPlistJson } from '../../../../electron/engine/collectors/software.darwin.js';
import { parseUninstallRegQuery, UNINSTALL_KEYS } from '../../../../electron/engine/collectors/software.win32.js';
import { NT_CURRENT_VERSION_KEY, parseWindowsVersion } from '../../../../electron/engine/collectors/support/registry.js';
import { powershellArgs } from '../../../../electron/engine/collectors/support/run.js';
import { INTERNET_SETTINGS_KEY, parseScutilProxy, parseWinHttpProxy, parseWinInetProxy } from '../../../../electron/engine/collectors/support/system-proxy.js';
import { consoleCodePage } from '../../../../electron/engine/collectors/support/windows-run.js';
import { darwinLogPlan, summarizeLogNdjson } from '../../../../electron/engine/collectors/system-logs.darwin.js';
import { summarizeEventText } from '../../../../electron/engine/collectors/system-logs.win32.js';
import { parseSwVers, parseSystemProfiler, SYSTEM_PROFILER_TYPES } from '../../../../electron/engine/collectors/system.darwin.js';
import { DEFENDER_SCRIPT, HOTFIX_SCRIPT, parseDefenderJson, parseFirewallState, parseHotfixCsv } from '../../../../electron/engine/collectors/system.win32.js';
import { exec } from '../../../../electron/engine/platform/exec.js';
import { decodeWindowsOutput } from '../../../../electron/engine/platform/windows-output.js';
import { PolicySchema } from '../../../../shared/policy.js';

const T = { timeout: 120_000 };

/** A command's decoded output; fails the test with its stderr when it does not succeed. */
async function run(command: string, args: string[], opts: { utf8?: boolean; ok?: number[] } = {}): Promise<string> {
  const [r, cp] = await Promise.all([exec(command, args, { timeoutMs: 90_000 }), process.platform === 'win32' && !opts.utf8 ? consoleCodePage(exec) : Promise.resolve(65001)]);
  if (!(opts.ok ?? [0]).includes(r.code ?? -1)) throw new Error(`${command} ${args.join(' ')} exited with ${r.code}: ${r.stderr}`);
  return process.platform === 'win32' ? decodeWindowsOutput(r.stdout, cp) : r.stdout.toString('utf8');
}

const nodeIPv4 = () =>
  Object.values(os.networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4' && !i.internal)
    .map((i) => i!.address);

describe.runIf(process.platform === 'win32')('live on Windows: the real tools through our parsers', () => {
  it('chcp tells the console code page', T, async () => {
    expect(await consoleCodePage(exec)).toBeGreaterThan(0);
  });

  it('reg query NT CurrentVersion: edition and build, the same build Node reports', T, async () => {
    const v = parseWindowsVersion(await run('reg', ['query', NT_CURRENT_VERSION_KEY]))!;
    expect(v.build).toBe(Number(os.release().split('.')[2]));
    expect(v.version).toMatch(/^10\.0\.\d{5}\.\d+$/);
  });

  it('ipconfig /all and Get-NetIPConfiguration find the addresses Node sees', T, async () => {
    const fromIpconfig = parseIpconfigAll(await run('ipconfig', ['/all']));
    const fromPs = parseNetIpConfigurationJson(await run('powershell.exe', powershellArgs(NETWORK_SCRIPT), { utf8: true }));
    for (const address of nodeIPv4()) {
      expect(fromIpconfig.interfaces.flatMap((i) => i.addresses.map((a) => a.address))).toContain(address);
      expect(fromPs.interfaces.flatMap((i) => i.addresses.map((a) => a.address))).toContain(address);
    }
    expect(fromIpconfig.interfaces.find((i) => i.addresses.some((a) => a.family === 'IPv4' && a.prefixLength !== null))).toBeDefined();
  });

  it('route print: the default route, if any, has an IPv4 gateway', T, async () => {
    for (const g of parseWindowsRoutePrint(await run('route', ['print', '-4']))) expect(g.address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('proxy settings: WinINET and WinHTTP parse', T, async () => {
    expect(parseWinInetProxy(await run('reg', ['query', INTERNET_SETTINGS_KEY])).source).toMatch(/^WinINET/);
    expect(typeof parseWinHttpProxy(await run('netsh', ['winhttp', 'show', 'proxy'])).enabled).toBe('boolean');
  });

  it('firewall: three profiles with a known state', T, async () => {
    const profiles = parseFirewallState(await run('netsh', ['advfirewall', 'show', 'allprofiles', 'state']));
    expect(profiles.map((p) => p.profile)).toEqual(['Domain', 'Private', 'Public']);
    for (const p of profiles) expect(p.state).not.toBe('unknown');
  });

  it('Uninstall keys: programs with names and versions', T, async () => {
    const programs = parseUninstallRegQuery(await run('reg', ['query', UNINSTALL_KEYS[0]!.key, '/s']), '64');
    expect(programs.length).toBeGreaterThan(5);
    expect(programs.filter((p) => p.version).length).toBeGreaterThan(0);
  });

  it('tasklist /v /fo csv lists this process; Get-Service lists the DNS client', T, async () => {
    const rows = parseTasklistCsv(await run('tasklist', ['/v', '/fo', 'csv']));
    expect(rows.find((r) => r.pid === process.pid)?.command).toMatch(/^node(\.exe)?$/i);
    expect(parseServicesCsv(await run('powershell.exe', powershellArgs(SERVICE_SCRIPT), { utf8: true })).map((s) => s.name)).toContain('Dnscache');
  });

  it('wevtutil qe System /f:text: events with levels', T, async () => {
    const s = summarizeEventText(await run('wevtutil', ['qe', 'System', '/c:20', '/rd:true', '/f:text']));
    expect(s.events).toBeGreaterThan(0);
    expect(Object.values(s.levels).reduce((a, b) => a + b, 0)).toBe(s.events);
  });

  it('Get-HotFix and Get-MpComputerStatus parse', T, async () => {
    for (const h of parseHotfixCsv(await run('powershell.exe', powershellArgs(HOTFIX_SCRIPT), { utf8: true }))) expect(h.id).toMatch(/^KB\d+$/);
    const r = await exec('powershell.exe', powershellArgs(DEFENDER_SCRIPT), { timeoutMs: 60_000 });
    // Defender may be switched off on a runner; when it answers, the answer parses.
    if (r.code === 0) expect(typeof parseDefenderJson(r.stdout.toString('utf8')).antivirusEnabled).toBe('boolean');
  });
});

describe.runIf(process.platform === 'darwin')('live on macOS: the real tools through our parsers', () => {
  it('sw_vers and system_profiler agree on the version; the root volume is there', T, async () => {
    const sw = parseSwVers(await run('sw_vers', []));
    const mac = parseSystemProfiler(await run('system_profiler', ['-json', ...SYSTEM_PROFILER_TYPES]));
    expect(mac.software.osVersion).toContain(sw.productVersion!);
    expect(mac.volumes.find((v) => v.mount === '/' || v.mount === '/System/Volumes/Data')).toBeDefined();
    expect(mac.hardware.memory).toMatch(/GB$/);
  });

  it('scutil --dns has a resolver; scutil --proxy parses', T, async () => {
    const resolvers = parseScutilDns(await run('scutil', ['--dns']));
    expect(resolvers.length).toBeGreaterThan(0);
    expect(dnsFromScutil(resolvers).source).toBe('scutil --dns');
    expect(parseScutilProxy(await run('scutil', ['--proxy'])).source).toMatch(/^macOS/);
  });

  it('networksetup lists services; route -n get default names a gateway', T, async () => {
    expect(parseNetworkServices(await run('networksetup', ['-listallnetworkservices'])).length).toBeGreaterThan(0);
    expect(parseRouteGet(await run('route', ['-n', 'get', 'default'])).gateway).toBeTruthy();
  });

  it('plutil reads an app\'s Info.plist as JSON', T, async () => {
    const app = '/System/Applications/Calculator.app';
    const bundle = parseInfoPlistJson(await run('plutil', ['-convert', 'json', '-o', '-', `${app}/Contents/Info.plist`]), app);
    expect(bundle.bundleId).toBe('com.apple.calculator');
    expect(bundle.version).toMatch(/^\d+(\.\d+)*$/);
  });

  it('log show --style ndjson for five minutes, with the default predicate', T, async () => {
    const [plan] = darwinLogPlan(PolicySchema.parse({}), new Date(Date.now() - 5 * 60_000));
    const s = summarizeLogNdjson(await run(plan!.command, plan!.args));
    for (const type of Object.keys(s.types)) expect(['Error', 'Fault']).toContain(type);
  });

  it('launchctl list and softwareupdate --list --no-scan parse', T, async () => {
    expect(parseLaunchctlList(await run('launchctl', ['list'])).length).toBeGreaterThan(0);
    const r = await exec('softwareupdate', ['--list', '--no-scan'], { timeoutMs: 60_000 });
    for (const u of parseSoftwareUpdateList(`${r.stdout.toString('utf8')}\n${r.stderr}`)) expect(u.label).not.toBe('');
  });
});

describe('live tests', () => {
  it('run on the platform they are for (here: nothing to do on Linux)', () => {
    expect(['linux', 'win32', 'darwin']).toContain(process.platform);
  });
});
