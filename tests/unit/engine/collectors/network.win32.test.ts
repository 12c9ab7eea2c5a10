import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { networkCollector, type NetworkInterface } from '../../../../electron/engine/collectors/network.js';
import { NETWORK_SCRIPT, netmaskToPrefix, normalizeMac, parseIpconfigAll, parseNetIpConfigurationJson, windowsNetworkPlan } from '../../../../electron/engine/collectors/network.win32.js';
import { powershellArgs } from '../../../../electron/engine/collectors/support/run.js';
import { formatSystemProxy, parseProxyServerList, parseWinHttpProxy, parseWinInetProxy } from '../../../../electron/engine/collectors/support/system-proxy.js';
import { forgetConsoleCodePage } from '../../../../electron/engine/collectors/support/windows-run.js';
import { decodeWindowsOutput } from '../../../../electron/engine/platform/windows-output.js';
import { cat, winBytes, winFixture, winText } from '../../../helpers/platform-fixtures.js';
import { createFakeContext } from './fake-context.js';
import { installStandIns, type StandIns } from './stand-ins.js';

/** Stand-in commands are #!/bin/sh scripts: POSIX only (the fixture tests above and below run everywhere). */
const posixShell = describe.skipIf(process.platform === 'win32');

const gbk = (name: string) => decodeWindowsOutput(winBytes(name), 936);

describe('ipconfig /all (contract: real English and Chinese layouts)', () => {
  it('English: adapters, addresses with masks and prefixes, gateways in both families, DNS servers, disconnected media', () => {
    const { interfaces, dns, hostName } = parseIpconfigAll(winText('ipconfig-all.en.txt'));
    expect(hostName).toBe('PC-SUPPORT-01');
    expect(interfaces.map((i) => [i.name, i.state])).toEqual([
      ['Ethernet', 'UP'],
      ['Wi-Fi', 'DOWN'],
      ['vEthernet (WSL (Hyper-V firewall))', 'UP'],
    ]);
    const eth = interfaces[0]!;
    expect(eth).toMatchObject({ mac: '3c:52:82:4a:1b:2c', description: 'Intel(R) Ethernet Connection (16) I219-LM', gateways: ['fe80::1', '10.20.30.1'], dnsServers: ['10.20.0.10', '10.20.0.11'] });
    expect(eth.addresses).toEqual([
      { family: 'IPv6', address: '2001:db8:20:30::41', prefixLength: null, netmask: '', scope: 'global' },
      { family: 'IPv6', address: 'fe80::8d4f:2a6b:51c3:9e07', prefixLength: null, netmask: '', scope: 'link' },
      { family: 'IPv4', address: '10.20.30.41', prefixLength: 23, netmask: '255.255.254.0' },
    ]);
    expect(interfaces[2]!.gateways).toEqual([]);
    expect(dns).toEqual({ nameservers: ['10.20.0.10', '10.20.0.11'], search: ['corp.example.com', 'example.com'], source: 'ipconfig /all' });
  });

  it('Chinese (GBK bytes as printed on code page 936): IPv4 地址 …(首选), 子网掩码, 默认网关 on two lines, DNS 服务器, 物理地址, 媒体已断开连接, Teredo without a gateway', () => {
    const { interfaces, dns, hostName } = parseIpconfigAll(gbk('ipconfig-all.zh-CN.gbk.txt'));
    expect(hostName).toBe('PC-ZHANGSAN');
    expect(interfaces.map((i) => i.name)).toEqual(['以太网', 'WLAN', '蓝牙网络连接', 'Teredo Tunneling Pseudo-Interface']);
    const [eth, wlan, bt, teredo] = interfaces as [NetworkInterface, NetworkInterface, NetworkInterface, NetworkInterface];
    expect(eth).toMatchObject({ mac: '84:2b:2b:97:85:27', state: 'UP', gateways: ['192.168.1.1'], dnsServers: ['192.168.1.1', '114.114.114.114'] });
    expect(eth.addresses.find((a) => a.family === 'IPv4')).toEqual({ family: 'IPv4', address: '192.168.1.5', prefixLength: 24, netmask: '255.255.255.0' });
    expect(wlan.gateways).toEqual(['fe80::5058:d7ff:fe84:6042', '10.242.194.195']);
    expect(wlan.addresses.map((a) => a.address)).toEqual(['2409:893d:cc6:33ee:3e2e:2423:f92:25d3', '2409:893d:cc6:33ee:848:7f20:c281:7dad', 'fe80::19c1:55d3:8d33:6dfb', '10.242.194.76']);
    expect(bt.state).toBe('DOWN');
    expect(teredo.gateways).toEqual([]);
    expect(dns.nameservers).toEqual(['192.168.1.1', '114.114.114.114', '10.242.194.195']);
    expect(dns.search).toEqual(['corp.example.cn']);
  });
});

describe('Get-NetIPConfiguration projection (NETWORK_SCRIPT → JSON)', () => {
  it('interfaces with prefix lengths, state, MTU, category; DNS and the suffix search list', () => {
    const { interfaces, dns } = parseNetIpConfigurationJson(winText('get-netipconfiguration.json'));
    expect(interfaces.map((i) => `${i.name} ${i.state} ${i.mtu}`)).toEqual(['Ethernet UP 1500', 'Wi-Fi DISCONNECTED 1500', 'vEthernet (WSL (Hyper-V firewall)) UP 1500', 'Loopback Pseudo-Interface 1  4294967295']);
    expect(interfaces[0]).toMatchObject({
      mac: '3c:52:82:4a:1b:2c',
      networkCategory: 'DomainAuthenticated',
      gateways: ['10.20.30.1', 'fe80::1'],
      addresses: [
        { family: 'IPv4', address: '10.20.30.41', prefixLength: 23, netmask: '255.255.254.0' },
        { family: 'IPv6', address: '2001:db8:20:30::41', prefixLength: 128, netmask: '/128', scope: 'global' },
        { family: 'IPv6', address: 'fe80::8d4f:2a6b:51c3:9e07', prefixLength: 64, netmask: '/64', scope: 'link' },
      ],
    });
    expect(dns).toEqual({ nameservers: ['10.20.0.10', '10.20.0.11'], search: ['corp.example.com', 'example.com'], source: 'Get-NetIPConfiguration, Get-DnsClientGlobalSetting' });
    // PowerShell 5.1 gives one object, not a list, when there is one
    expect(parseNetIpConfigurationJson('{"Interfaces":{"InterfaceAlias":"Ethernet","IPv4":{"Address":"10.0.0.2","PrefixLength":8}},"SuffixSearchList":null}').interfaces[0]!.addresses).toHaveLength(1);
  });

  it('helpers: MAC and netmask forms', () => {
    expect(normalizeMac('44-8A-5B-86-5B-94')).toBe('44:8a:5b:86:5b:94');
    expect(netmaskToPrefix('255.255.240.0')).toBe(20);
    expect(netmaskToPrefix('255.255.255.255')).toBe(32);
    expect(netmaskToPrefix('255.0.255.0')).toBeUndefined();
  });
});

describe('proxy settings (contract: WinINET registry values, netsh winhttp in English and Chinese)', () => {
  it('WinINET: manual proxy on, bypass list', () => {
    expect(parseWinInetProxy(winText('reg-query-internet-settings.proxy.txt'))).toEqual({
      source: 'WinINET (Internet Options, this user)',
      enabled: true,
      servers: [{ scheme: '*', host: 'proxy.corp.example.com', port: 8080 }],
      bypass: ['*.corp.example.com', '10.*', '<local>'],
      autoDetect: false,
    });
  });

  it('WinINET: PAC and auto-detect, a per-protocol list that is switched off', () => {
    const p = parseWinInetProxy(winText('reg-query-internet-settings.pac.txt'));
    expect(p).toMatchObject({ enabled: false, pacUrl: 'http://wpad.corp.example.cn/proxy.pac', autoDetect: true });
    expect(p.servers).toEqual([
      { scheme: 'http', host: '10.8.0.2', port: 3128 },
      { scheme: 'https', host: '10.8.0.2', port: 3128 },
      { scheme: 'socks', host: '10.8.0.3', port: 1080 },
    ]);
    expect(formatSystemProxy(p)).toBe('WinINET (Internet Options, this user): proxy switched off (http=10.8.0.2:3128; https=10.8.0.2:3128; socks=10.8.0.3:1080 configured), PAC http://wpad.corp.example.cn/proxy.pac, auto-detect (WPAD) on, bypass <local>');
  });

  it('WinHTTP: direct and proxied, English and Chinese (GBK)', () => {
    expect(parseWinHttpProxy(winText('netsh-winhttp-proxy.en.direct.txt'))).toMatchObject({ enabled: false, servers: [], bypass: [] });
    expect(parseWinHttpProxy(winText('netsh-winhttp-proxy.en.proxy.txt'))).toMatchObject({ enabled: true, servers: [{ scheme: '*', host: 'proxy.corp.example.com', port: 8080 }], bypass: ['<local>', '*.corp.example.com'] });
    expect(parseWinHttpProxy(gbk('netsh-winhttp-proxy.zh-CN.direct.gbk.txt'))).toMatchObject({ enabled: false, servers: [] });
    expect(parseWinHttpProxy(gbk('netsh-winhttp-proxy.zh-CN.proxy.gbk.txt'))).toMatchObject({ enabled: true, servers: [{ scheme: 'http', host: '10.8.0.2', port: 3128 }, { scheme: 'https', host: '10.8.0.2', port: 3128 }], bypass: [] });
  });

  it('proxy lists with schemes and IPv6', () => {
    expect(parseProxyServerList('http://[fd00::8]:3128')).toEqual([{ scheme: '*', host: 'fd00::8', port: 3128 }]);
    expect(parseProxyServerList('https=proxy')).toEqual([{ scheme: 'https', host: 'proxy', port: 443 }]);
  });
});

describe('Windows network plan (exact commands)', () => {
  it('route print, ipconfig /all, the Get-NetIPConfiguration projection, WinINET and WinHTTP', () => {
    expect(windowsNetworkPlan().map((c) => [c.command, ...c.args])).toEqual([
      ['route', 'print'],
      ['ipconfig', '/all'],
      ['powershell.exe', ...powershellArgs(NETWORK_SCRIPT)],
      ['reg', 'query', 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings'],
      ['netsh', 'winhttp', 'show', 'proxy'],
    ]);
    // the script PowerShell really runs (decoded from -EncodedCommand)
    const encoded = powershellArgs(NETWORK_SCRIPT).at(-1)!;
    expect(Buffer.from(encoded, 'base64').toString('utf16le')).toMatch(/^\$ProgressPreference = 'SilentlyContinue'; \[Console\]::OutputEncoding = New-Object System\.Text\.UTF8Encoding \$false; \$mtu = @\{\}; .*Get-NetIPConfiguration -All -Detailed .*ConvertTo-Json -Depth 4 -Compress$/);
  });
});

posixShell('network collector on win32, end to end with stand-in Windows commands replaying the fixtures', () => {
  let standIns: StandIns | undefined;
  beforeEach(() => forgetConsoleCodePage());
  afterEach(() => {
    standIns?.restore();
    standIns = undefined;
    forgetConsoleCodePage();
  });

  const windows = (overrides: Record<string, string> = {}) =>
    installStandIns({
      cmd: cat(winFixture('chcp.zh-CN.gbk.txt')),
      'powershell.exe': cat(winFixture('get-netipconfiguration.json')),
      ipconfig: cat(winFixture('ipconfig-all.zh-CN.gbk.txt')),
      route: cat(winFixture('route-print.zh-CN.gbk.txt')),
      reg: cat(winFixture('reg-query-internet-settings.proxy.txt')),
      netsh: cat(winFixture('netsh-winhttp-proxy.zh-CN.proxy.gbk.txt')),
      ...overrides,
    });

  it('interfaces from Get-NetIPConfiguration; ipconfig, route print and netsh decoded from GBK into the archive; both proxies', async () => {
    standIns = windows();
    const ctx = createFakeContext({ platform: 'win32', lang: 'zh-CN' });
    await networkCollector.run(ctx);
    const json = JSON.parse(await ctx.text('网络配置.json')) as { interfaces: NetworkInterface[]; interfacesFrom: string; dns: { nameservers: string[] }; proxy: { system: Array<{ source: string; enabled: boolean }> } };
    expect(json.interfacesFrom).toBe('Get-NetIPConfiguration');
    expect(json.interfaces[0]).toMatchObject({ name: 'Ethernet', gateways: ['10.20.30.1', 'fe80::1'] });
    expect(json.dns.nameservers).toEqual(['10.20.0.10', '10.20.0.11']);
    expect(json.proxy.system.map((p) => [p.source.split(' ')[0], p.enabled])).toEqual([
      ['WinHTTP', true],
      ['WinINET', true],
    ]);
    const text = await ctx.text('网络配置.txt');
    expect(text).toContain('IPv4 地址 . . . . . . . . . . . . : 192.168.1.5(首选)');
    expect(text).toContain('代理服务器:  http=10.8.0.2:3128;https=10.8.0.2:3128');
    expect(text).toMatch(/^WinINET \(Internet Options, this user\): proxy proxy\.corp\.example\.com:8080, bypass \*\.corp\.example\.com;10\.\*;<local>$/m);
    expect(text).toMatch(/^Ethernet\s+UP\s+1500\s+3c:52:82:4a:1b:2c\s+IPv4\s+10\.20\.30\.41\s+255\.255\.254\.0 \(\/23\)\s+10\.20\.30\.1$/m);
    expect(await ctx.text('网络配置/路由表.txt')).toContain('0.0.0.0          0.0.0.0      192.168.1.1      192.168.1.5     25');
    // the hosts file is C:\Windows\System32\drivers\etc\hosts, which this Linux machine does not have
    expect(ctx.skips).toContainEqual({ source: 'C:\\Windows\\System32\\drivers\\etc\\hosts', reason: 'does not exist' });
    expect(ctx.warnings).toEqual([]);
  });

  it('PowerShell broken: interfaces parsed from the Chinese ipconfig /all instead, and the reason recorded', async () => {
    standIns = windows({ 'powershell.exe': 'echo "Get-NetIPConfiguration : 无效类" >&2; exit 1' });
    const ctx = createFakeContext({ platform: 'win32' });
    await networkCollector.run(ctx);
    const json = JSON.parse(await ctx.text('network.json')) as { interfaces: NetworkInterface[]; interfacesFrom: string };
    expect(json.interfacesFrom).toBe('ipconfig /all');
    expect(json.interfaces.map((i) => i.name)).toEqual(['以太网', 'WLAN', '蓝牙网络连接', 'Teredo Tunneling Pseudo-Interface']);
    expect(ctx.skips).toContainEqual({ source: expect.stringMatching(/^powershell\.exe .*Get-NetIPConfiguration/), reason: 'exited with code 1: Get-NetIPConfiguration : 无效类' });
  });
});
