import { afterEach, describe, expect, it } from 'vitest';
import { networkCollector, type NetworkInterface } from '../../../../electron/engine/collectors/network.js';
import { darwinNetworkPlan, dnsFromScutil, mergeDarwinInterfaces, parseNetworkServices, parseRouteGet, parseScutilDns, parseSpNetwork } from '../../../../electron/engine/collectors/network.darwin.js';
import { parseScutilProxy } from '../../../../electron/engine/collectors/support/system-proxy.js';
import { cat, macFixture, macText } from '../../../helpers/platform-fixtures.js';
import { createFakeContext } from './fake-context.js';
import { installStandIns, type StandIns } from './stand-ins.js';

/** Stand-in commands are #!/bin/sh scripts: POSIX only (the fixture tests above and below run everywhere). */
const posixShell = describe.skipIf(process.platform === 'win32');

describe('system_profiler -json SPNetworkDataType (contract: Apple\'s JSON keys)', () => {
  it('services with interface, MAC, DHCP, addresses and masks, router, DNS, order', () => {
    const services = parseSpNetwork(macText('system_profiler-network.json'));
    expect(services.map((s) => [s.name, s.interface, s.order])).toEqual([
      ['Wi-Fi', 'en0', 1],
      ['USB 10/100/1000 LAN', 'en7', 0],
      ['Thunderbolt Bridge', 'bridge0', 2],
    ]);
    expect(services[0]).toMatchObject({ mac: 'f0:2f:4b:12:34:56', configMethod: 'DHCP', ipv4: [{ address: '192.168.31.23', mask: '255.255.255.0' }], routers: ['192.168.31.1'], dnsServers: ['192.168.31.1'], searchDomains: ['lan'] });
    expect(services[1]).toMatchObject({ ipv4: [], routers: [] });
  });

  it('merged with Node\'s interfaces: service names, routers, DNS; a service without a live interface is listed without addresses', () => {
    const node = {
      lo0: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
      en0: [
        { address: 'fe80::1c2f:4bff:fe12:3456', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: 'f0:2f:4b:12:34:56', internal: false, cidr: 'fe80::1c2f:4bff:fe12:3456/64', scopeid: 14 },
        { address: '192.168.31.23', netmask: '255.255.255.0', family: 'IPv4', mac: 'f0:2f:4b:12:34:56', internal: false, cidr: '192.168.31.23/24' },
      ],
    } as unknown as NodeJS.Dict<import('node:os').NetworkInterfaceInfo[]>;
    const merged = mergeDarwinInterfaces(parseSpNetwork(macText('system_profiler-network.json')), node);
    expect(merged.map((i) => [i.name, i.service ?? '', i.state])).toEqual([
      ['lo0', '', ''],
      ['en0', 'Wi-Fi', 'UP'],
      ['en7', 'USB 10/100/1000 LAN', 'DOWN'],
      ['bridge0', 'Thunderbolt Bridge', 'DOWN'],
    ]);
    expect(merged[1]).toMatchObject({ gateways: ['192.168.31.1'], dnsServers: ['192.168.31.1'], configMethod: 'DHCP' });
    expect(merged[2]).toMatchObject({ mac: '5e:47:1f:70:6a:80', addresses: [] });
  });
});

describe('scutil, networksetup, route (contract: their printed layouts)', () => {
  it('scutil --dns: default, supplemental (VPN), mDNS and scoped resolvers; programs use the general ones', () => {
    const resolvers = parseScutilDns(macText('scutil-dns.txt'));
    expect(resolvers.map((r) => `${r.section}#${r.index} ${r.domain ?? '*'} ${r.nameservers.join(',')} ${r.interface ?? ''}`)).toEqual([
      'default#1 * 192.168.31.1 en0',
      'default#2 corp.example.com 10.20.0.10,10.20.0.11 utun4',
      'default#3 local  ',
      'default#4 254.169.in-addr.arpa  ',
      'default#5 8.e.f.ip6.arpa  ',
      'scoped#1 * 192.168.31.1 en0',
      'scoped#2 * 10.20.0.10,10.20.0.11 utun4',
    ]);
    expect(resolvers[1]).toMatchObject({ flags: 'Supplemental, Request A records, Request AAAA records', order: 102400 });
    expect(dnsFromScutil(resolvers)).toEqual({ nameservers: ['192.168.31.1'], search: ['lan'], source: 'scutil --dns' });
  });

  it('scutil --proxy: manual, PAC, none', () => {
    expect(parseScutilProxy(macText('scutil-proxy.manual.txt'))).toEqual({
      source: 'macOS network settings (scutil --proxy)',
      enabled: true,
      servers: [
        { scheme: 'http', host: 'proxy.corp.example.com', port: 8080 },
        { scheme: 'https', host: 'proxy.corp.example.com', port: 8080 },
      ],
      bypass: ['*.local', '169.254/16', '*.corp.example.com', '<local>'],
      autoDetect: false,
    });
    expect(parseScutilProxy(macText('scutil-proxy.pac.txt'))).toMatchObject({ enabled: false, servers: [], pacUrl: 'http://wpad.corp.example.com/proxy.pac' });
    expect(parseScutilProxy(macText('scutil-proxy.none.txt'))).toMatchObject({ enabled: false, servers: [], bypass: ['*.local', '169.254/16'] });
  });

  it('networksetup -listallnetworkservices and route -n get default', () => {
    expect(parseNetworkServices(macText('networksetup-listallnetworkservices.txt'))).toEqual([
      { name: 'USB 10/100/1000 LAN', enabled: true },
      { name: 'Wi-Fi', enabled: true },
      { name: 'Thunderbolt Bridge', enabled: true },
      { name: 'iPhone USB', enabled: false },
    ]);
    expect(parseRouteGet(macText('route-get-default.txt'))).toEqual({ gateway: '192.168.31.1', interface: 'en0' });
  });

  it('plan: exact commands', () => {
    expect(darwinNetworkPlan().map((c) => [c.command, ...c.args])).toEqual([
      ['netstat', '-rn'],
      ['route', '-n', 'get', 'default'],
      ['scutil', '--dns'],
      ['scutil', '--proxy'],
      ['system_profiler', '-json', 'SPNetworkDataType'],
      ['networksetup', '-listallnetworkservices'],
      ['networksetup', '-getinfo', '<each service>'],
    ]);
  });
});

posixShell('network collector on darwin, end to end with stand-in macOS commands replaying the fixtures', () => {
  let standIns: StandIns | undefined;
  afterEach(() => {
    standIns?.restore();
    standIns = undefined;
  });

  it('services, resolvers, proxy, routes and each service\'s networksetup -getinfo', async () => {
    standIns = installStandIns({
      system_profiler: cat(macFixture('system_profiler-network.json')),
      scutil: `case "$1" in --dns) ${cat(macFixture('scutil-dns.txt'))};; --proxy) ${cat(macFixture('scutil-proxy.manual.txt'))};; esac`,
      networksetup: `case "$1" in -listallnetworkservices) ${cat(macFixture('networksetup-listallnetworkservices.txt'))};; -getinfo) if [ "$2" = "Wi-Fi" ]; then ${cat(macFixture('networksetup-getinfo-wifi.txt'))}; else echo "IP address: none"; fi;; esac`,
      netstat: cat(macFixture('netstat-rn.txt')),
      route: cat(macFixture('route-get-default.txt')),
    });
    const ctx = createFakeContext({ platform: 'darwin' });
    await networkCollector.run(ctx);
    const json = JSON.parse(await ctx.text('network.json')) as { interfaces: NetworkInterface[]; dns: { nameservers: string[] }; services: unknown[]; proxy: { system: unknown[] } };
    expect(json.dns.nameservers).toEqual(['192.168.31.1']);
    expect(json.services).toHaveLength(3);
    expect(json.proxy.system).toHaveLength(1);
    const text = await ctx.text('network.txt');
    expect(text).toContain('scutil --dns:\nDNS configuration');
    expect(text).toContain('macOS network settings (scutil --proxy): proxy http=proxy.corp.example.com:8080; https=proxy.corp.example.com:8080');
    expect(text).toContain('networksetup -getinfo Wi-Fi\n---');
    expect(text).toContain('Wi-Fi ID: f0:2f:4b:12:34:56');
    expect(text).toContain("networksetup -getinfo 'USB 10/100/1000 LAN'");
    expect(ctx.commands).not.toContain('networksetup -getinfo iPhone USB');
    expect(await ctx.text('network/routes.txt')).toContain('default            192.168.31.1       UGScg');
    expect(ctx.warnings).toEqual([]);
  });
});
