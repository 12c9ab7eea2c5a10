/**
 * 连接问题: the network path, the firewall and the Wi-Fi link. On this machine (no traceroute,
 * nft, iw …) the Linux parts run for real and say what is missing; Windows and macOS parse their
 * tools' real output formats (tests/fixtures/win32, darwin) through stand-in commands.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firewallCollector, firewallPlan, parseFirewallProfiles, parseGlobalState, SOCKETFILTERFW } from '../../../../electron/engine/collectors/firewall.js';
import { networkPathCollector, parseHops, pathTargets, traceCommands } from '../../../../electron/engine/collectors/network-path.js';
import { forgetConsoleCodePage } from '../../../../electron/engine/collectors/support/windows-run.js';
import { parseAirport, parseWlanInterfaces, sysWirelessInterfaces, wifiCollector } from '../../../../electron/engine/collectors/wifi.js';
import { decodeWindowsOutput } from '../../../../electron/engine/platform/windows-output.js';
import { englishReason, translator } from '../../../../shared/i18n/translate.js';
import { PolicySchema } from '../../../../shared/policy.js';
import { cat, macFixture, macText, winBytes, winFixture, winText } from '../../../helpers/platform-fixtures.js';
import { createFakeContext } from './fake-context.js';
import { installStandIns, type StandIns } from './stand-ins.js';

const posixShell = describe.skipIf(process.platform === 'win32');
const ENDPOINTS = { checks: { endpoints: [{ name: 'Portal', url: 'https://support.example.com/' }, { name: 'API', url: 'https://127.0.0.1:8443/api' }] } };

describe('network path', () => {
  it('traces the checklist\'s endpoints and the upload server, each host once', () => {
    const policy = PolicySchema.parse({ ...ENDPOINTS, upload: { target: 'redmine', redmine: { url: 'https://support.example.com/redmine' } } });
    expect(pathTargets(policy)).toEqual(['support.example.com', '127.0.0.1']);
  });

  it('bounded commands per platform (exact arguments)', () => {
    expect(traceCommands('linux', 'h').trace.map((c) => [c.command, ...c.args])).toEqual([
      ['traceroute', '-n', '-q', '1', '-w', '2', '-m', '20', 'h'],
      ['tracepath', '-n', '-m', '20', 'h'],
    ]);
    expect(traceCommands('linux', 'h').mtr!.args).toEqual(['--report', '--report-cycles', '3', '--no-dns', 'h']);
    expect(traceCommands('win32', 'h').trace.map((c) => [c.command, ...c.args])).toEqual([['tracert', '-d', '-h', '20', '-w', '2000', 'h']]);
  });

  it('reads hops from tracert (English, and Chinese from GBK bytes) and BSD traceroute', () => {
    const expected = [
      { hop: 1, address: '192.168.1.1', rttMs: [1, 1, 1] },
      { hop: 2, address: '10.20.0.1', rttMs: [3, 2, 3] },
      { hop: 3, rttMs: [] },
      { hop: 4, address: '203.0.113.10', rttMs: [12, 11, 12] },
    ];
    expect(parseHops(winText('tracert.en.txt'))).toEqual(expected);
    expect(parseHops(decodeWindowsOutput(winBytes('tracert.zh-CN.gbk.txt'), 936))).toEqual(expected);
    expect(parseHops(macText('traceroute.txt')).map((h) => h.address)).toEqual(['192.168.1.1', '10.20.0.1', undefined, '203.0.113.10']);
  });

  it('without endpoints in policy: nothing to trace, said with the policy key', async () => {
    const ctx = createFakeContext();
    await networkPathCollector.run(ctx);
    expect(ctx.items).toEqual([]);
    expect(ctx.skips).toEqual([{ source: 'checks.endpoints', reason: 'no paths are configured (checks.endpoints is empty in policy)' }]);
  });

  it('on this machine (no traceroute, tracepath or mtr): one skip naming them', async () => {
    const ctx = createFakeContext({ policy: ENDPOINTS });
    await networkPathCollector.run(ctx);
    expect(ctx.items).toEqual([]);
    expect(ctx.skips).toEqual([{ source: 'traceroute, tracepath, mtr', reason: 'traceroute / tracepath / mtr is not installed on this computer (command not found)' }]);
  });
});

posixShell('network path and firewall with stand-in tools', () => {
  let standIns: StandIns | undefined;
  beforeEach(() => forgetConsoleCodePage());
  afterEach(() => {
    standIns?.restore();
    standIns = undefined;
  });

  it('Linux: traceroute per host, with a summary of hops', async () => {
    standIns = installStandIns({ traceroute: `[ "$1" = "-V" ] && exit 0; ${cat(macFixture('traceroute.txt'))}` });
    const ctx = createFakeContext({ lang: 'zh-CN', policy: { checks: { endpoints: [{ name: 'Portal', url: 'https://support.example.com/' }] } } });
    await networkPathCollector.run(ctx);
    const text = await ctx.text('网络配置/路由追踪.txt');
    expect(text).toMatch(/support\.example\.com\s+4\s+203\.0\.113\.10\s+1\s+14\.377 ms/);
    expect(text).toContain('$ traceroute -n -q 1 -w 2 -m 20 support.example.com');
  });

  it('Windows: every Defender Firewall profile with state and policy, from Chinese GBK output', async () => {
    standIns = installStandIns({ cmd: cat(winFixture('chcp.zh-CN.gbk.txt')), netsh: cat(winFixture('netsh-advfirewall-allprofiles.zh-CN.gbk.txt')) });
    const ctx = createFakeContext({ platform: 'win32', lang: 'zh-CN' });
    await firewallCollector.run(ctx);
    const text = await ctx.text('网络配置/防火墙.txt');
    expect(text).toMatch(/Public\s+off\s+阻止入站,允许出站/);
    expect(text).toContain('LogDroppedConnections                 禁用');
  });

  it('macOS: the Application Firewall\'s state', async () => {
    standIns = installStandIns({});
    const ctx = createFakeContext({ platform: 'darwin' });
    // socketfilterfw lives at an absolute path: not on this machine, so it is named as missing.
    await firewallCollector.run(ctx);
    expect(ctx.skips.map((s) => s.source)).toContain(`${SOCKETFILTERFW} --getglobalstate`);
  });

  it('Windows Wi-Fi: the interface\'s fields from Chinese GBK output; no interface is a skip', async () => {
    standIns = installStandIns({ cmd: cat(winFixture('chcp.zh-CN.gbk.txt')), netsh: cat(winFixture('netsh-wlan-interfaces.zh-CN.gbk.txt')) });
    const ctx = createFakeContext({ platform: 'win32', lang: 'zh-CN' });
    await wifiCollector.run(ctx);
    expect(await ctx.text('网络配置/无线网络.txt')).toMatch(/信号:\s+42%/);
    standIns.restore();
    forgetConsoleCodePage();
    standIns = installStandIns({ cmd: cat(winFixture('chcp.zh-CN.gbk.txt')), netsh: cat(winFixture('netsh-wlan-none.zh-CN.gbk.txt')) });
    const none = createFakeContext({ platform: 'win32' });
    await wifiCollector.run(none);
    expect(none.items).toEqual([]);
    expect(none.skips.map((s) => s.reason)).toEqual(['no Wi-Fi interface on this computer']);
  });

  it('Windows Wi-Fi: netsh asking for location access (Windows 11 24H2) is a reason the user can act on, in their language', async () => {
    standIns = installStandIns({ cmd: cat(winFixture('chcp.en.txt')), netsh: cat(winFixture('netsh-wlan-location.en.txt')) });
    const ctx = createFakeContext({ platform: 'win32' });
    await wifiCollector.run(ctx);
    expect(ctx.items).toEqual([]);
    expect(ctx.skips.map((s) => s.reason)).toEqual([englishReason({ code: 'needs-location' })]);
    expect(translator('zh-CN').t('reason.needs-location')).toContain('设置 → 隐私和安全性 → 位置');
  });
});

describe('firewall', () => {
  it('plans per platform', () => {
    expect(firewallPlan('linux').map((c) => c.command)).toEqual(['nft', 'iptables', 'ip6tables', 'ufw', 'firewall-cmd']);
    expect(firewallPlan('win32').map((c) => [c.command, ...c.args])).toEqual([['netsh', 'advfirewall', 'show', 'allprofiles']]);
    expect(firewallPlan('darwin').map((c) => c.args[0])).toEqual(['--getglobalstate', '--getblockall', '--getstealthmode', '--getallowsigned']);
  });

  it('reads netsh advfirewall show allprofiles in English and Chinese', () => {
    expect(parseFirewallProfiles(winText('netsh-advfirewall-allprofiles.en.txt'))).toEqual([
      { profile: 'Domain', state: 'on', policy: 'BlockInbound,AllowOutbound' },
      { profile: 'Private', state: 'on', policy: 'BlockInbound,AllowOutbound' },
      { profile: 'Public', state: 'off', policy: 'AllowInbound,AllowOutbound' },
    ]);
    expect(parseFirewallProfiles(winText('netsh-advfirewall-allprofiles.zh-CN.txt')).map((p) => `${p.profile} ${p.state} ${p.policy}`)).toEqual(['Domain on 阻止入站,允许出站', 'Private on 阻止入站,允许出站', 'Public off 阻止入站,允许出站']);
  });

  it('reads socketfilterfw --getglobalstate', () => {
    expect(parseGlobalState(macText('socketfilterfw-getglobalstate.on.txt'))).toBe('on');
    expect(parseGlobalState(macText('socketfilterfw-getglobalstate.off.txt'))).toBe('off');
  });

  it('on this machine: the tables in use from /proc, the missing tools named', async () => {
    const ctx = createFakeContext({ lang: 'zh-CN' });
    await firewallCollector.run(ctx);
    const text = await ctx.text('网络配置/防火墙.txt');
    expect(text).toContain('/proc/net/ip_tables_names');
    expect(ctx.skips.map((s) => s.reason)).toContain('nft is not installed on this computer (command not found)');
  });
});

describe('Wi-Fi', () => {
  it('reads netsh wlan show interfaces (English) and system_profiler SPAirPortDataType', () => {
    expect(parseWlanInterfaces(winText('netsh-wlan-interfaces.en.txt'))).toEqual([
      { name: 'Wi-Fi', state: 'connected', ssid: 'CORP-WIFI', bssid: '00:11:22:33:44:55', radio: '802.11ax', authentication: 'WPA2-Enterprise', channel: '36', receiveMbps: '573.5', transmitMbps: '286.8', signal: '42%' },
    ]);
    expect(parseWlanInterfaces(winText('netsh-wlan-interfaces.zh-CN.txt'))[0]).toMatchObject({ name: 'WLAN', state: '已连接', signal: '42%', receiveMbps: '573.5', transmitMbps: '286.8' });
    expect(parseAirport(macText('system_profiler-airport.json'))).toEqual([{ name: 'en0', state: 'spairport_status_connected', ssid: 'CORP-WIFI', radio: '802.11ac', channel: '36 (5GHz, 80MHz)', signal: '-67 dBm / -92 dBm', transmitMbps: '433' }]);
  });

  it('on this machine (no wireless interface): a skip saying so, no tool run', async () => {
    expect(await sysWirelessInterfaces()).toEqual([]);
    const ctx = createFakeContext();
    await wifiCollector.run(ctx);
    expect(ctx.items).toEqual([]);
    expect(ctx.commands).toEqual([]);
    expect(ctx.skips).toEqual([{ source: '/sys/class/net/*/wireless', reason: 'no Wi-Fi interface on this computer' }]);
  });
});
