import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  networkCollector,
  parseIpJson,
  parseResolvConf,
  prefixToNetmask,
  proxyEnvironment,
  type NetworkInterface,
} from '../../../../electron/engine/collectors/network.js';
import { createFakeContext } from './fake-context.js';

const savedEnv = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
});

describe('network collector (real ip, resolv.conf, hosts)', () => {
  it('lists every interface, the gateway, DNS, proxy variables, routes and the hosts file', async () => {
    process.env.HTTPS_PROXY = 'http://proxy.test:3128';
    process.env.no_proxy = 'localhost,.corp.test';
    const ctx = createFakeContext();
    await networkCollector.run(ctx);

    const json = JSON.parse(await ctx.text('network.json')) as { interfaces: NetworkInterface[]; defaultGateways: Array<{ interface: string; gateway: string }>; dns: { nameservers: string[] }; proxy: { environment: Record<string, string> } };
    const lo = json.interfaces.find((i) => i.name === 'lo');
    expect(lo?.addresses).toContainEqual(expect.objectContaining({ family: 'IPv4', address: '127.0.0.1', prefixLength: 8, netmask: '255.0.0.0' }));
    expect(lo?.mtu).toBeGreaterThan(0);

    // Same interfaces and default gateways as ip itself reports.
    const ipLinks = JSON.parse(execFileSync('ip', ['-j', 'addr', 'show'], { encoding: 'utf8' })) as Array<{ ifname: string; address?: string }>;
    expect(json.interfaces.map((i) => i.name)).toEqual(ipLinks.map((l) => l.ifname));
    const ipDefaults = (JSON.parse(execFileSync('ip', ['-j', 'route', 'show', 'default'], { encoding: 'utf8' })) as Array<{ gateway?: string }>).map((r) => r.gateway).filter(Boolean);
    for (const gw of ipDefaults) expect(json.defaultGateways.map((g) => g.gateway)).toContain(gw);

    expect(json.dns.nameservers).toEqual(parseResolvConf(readFileSync('/etc/resolv.conf', 'utf8')).nameservers);
    expect(json.proxy.environment).toMatchObject({ HTTPS_PROXY: 'http://proxy.test:3128', no_proxy: 'localhost,.corp.test' });

    const text = await ctx.text('network.txt');
    expect(text).toMatch(/^Interface\s+State\s+MTU\s+MAC\s+Family\s+IP address\s+Netmask \/ prefix\s+Gateway$/m);
    expect(text).toMatch(/^lo\s+\S+\s+\d+\s+[0-9a-f:]{17}\s+IPv4\s+127\.0\.0\.1\s+255\.0\.0\.0 \(\/8\)/m);
    expect(text).toMatch(/^HTTPS_PROXY\s+http:\/\/proxy\.test:3128$/m);

    // sos19 (session 21): the gateways come from the routing table's own commands, not from two more `ip -j route` runs.
    expect(ctx.commands.filter((c) => c.startsWith('ip '))).toEqual(expect.arrayContaining(['ip -j addr show', 'ip route show', 'ip -6 route show']));
    expect(ctx.commands.filter((c) => /^ip .*route/.test(c)).sort()).toEqual(['ip -6 route show', 'ip route show']);
    const routes = await ctx.text('network/routes.txt');
    expect(routes).toContain(execFileSync('ip', ['route', 'show'], { encoding: 'utf8' }).trimEnd());
    expect(await ctx.text('network/hosts.txt')).toBe(readFileSync('/etc/hosts', 'utf8'));
  });

  it('describe() gives the real commands of each platform', () => {
    const policy = createFakeContext().policy;
    expect(networkCollector.describe('linux', policy).join('\n')).toMatch(/ip -j addr show[\s\S]*ip route show[\s\S]*resolvectl dns[\s\S]*gsettings get org\.gnome\.system\.proxy mode/);
    expect(networkCollector.describe('win32', policy).join('\n')).toMatch(/route print[\s\S]*ipconfig \/all[\s\S]*netsh winhttp show proxy[\s\S]*System32\\drivers\\etc\\hosts/);
    expect(networkCollector.describe('darwin', policy).join('\n')).toMatch(/netstat -rn[\s\S]*scutil --dns[\s\S]*scutil --proxy/);
  });
});

describe('network parsing', () => {
  it('prefixToNetmask', () => {
    expect(prefixToNetmask(0)).toBe('0.0.0.0');
    expect(prefixToNetmask(8)).toBe('255.0.0.0');
    expect(prefixToNetmask(20)).toBe('255.255.240.0');
    expect(prefixToNetmask(32)).toBe('255.255.255.255');
  });

  it('parseIpJson keeps every address and matches gateways to their interface', () => {
    const addr = JSON.stringify([
      { ifname: 'eth0', address: '02:00:00:00:00:01', mtu: 1500, operstate: 'UP', addr_info: [{ family: 'inet', local: '10.1.2.3', prefixlen: 23, scope: 'global' }, { family: 'inet', local: '10.9.9.9', prefixlen: 32 }, { family: 'inet6', local: 'fd00::5', prefixlen: 64 }] },
      { ifname: 'wlan0', address: '02:00:00:00:00:02', mtu: 1500, operstate: 'DOWN', addr_info: [] },
    ]);
    const r4 = JSON.stringify([{ dst: 'default', gateway: '10.1.2.1', dev: 'eth0' }, { dst: '10.1.2.0/23', dev: 'eth0' }]);
    const r6 = JSON.stringify([{ dst: 'default', gateway: 'fd00::1', dev: 'eth0' }]);
    const [eth0, wlan0] = parseIpJson(addr, [r4, r6]);
    expect(eth0!.addresses.map((a) => `${a.address} ${a.netmask}`)).toEqual(['10.1.2.3 255.255.254.0', '10.9.9.9 255.255.255.255', 'fd00::5 /64']);
    expect(eth0!.gateways).toEqual(['10.1.2.1', 'fd00::1']);
    expect(wlan0).toMatchObject({ state: 'DOWN', addresses: [], gateways: [] });
  });

  it('parseResolvConf', () => {
    expect(parseResolvConf('# generated\nnameserver 1.1.1.1\nnameserver fd00::53 # v6\nsearch corp.test lab.test\noptions edns0\n')).toEqual({ nameservers: ['1.1.1.1', 'fd00::53'], search: ['corp.test', 'lab.test'], source: '/etc/resolv.conf' });
  });

  it('proxyEnvironment finds proxy variables in any case and nothing else', () => {
    expect(proxyEnvironment({ http_proxy: 'a', HTTPS_PROXY: 'b', No_Proxy: 'c', ALL_PROXY: 'd', PROXY: 'x', MY_http_proxy: 'y' })).toEqual([
      ['ALL_PROXY', 'd'],
      ['HTTPS_PROXY', 'b'],
      ['No_Proxy', 'c'],
      ['http_proxy', 'a'],
    ]);
  });
});
