import { describe, expect, it } from 'vitest';
import { PolicySchema } from '../../../../shared/policy.js';
import { describeNetwork, diffNetwork, parseDarwinDefaultRoute, readNetwork, systemReaders, watchedNames, type NetworkReaders } from '../../../../electron/engine/record/network-sampler.js';

function readers(over: Partial<NetworkReaders> = {}): NetworkReaders {
  return {
    interfaces: () => ({
      lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }],
      eth0: [{ address: '10.0.0.5', netmask: '255.255.255.0', family: 'IPv4', mac: '52:54:00:12:34:56', internal: false, cidr: '10.0.0.5/24' }],
    }),
    defaultRoutes: async () => [{ address: '10.0.0.1', family: 4, interface: 'eth0' }],
    resolve: async () => ['93.184.216.34'],
    proxies: async () => [],
    ...over,
  };
}

describe('network sampling while recording', () => {
  it('reads interfaces (no loopback), the default route, DNS answers and the proxy', async () => {
    const s = await readNetwork(readers(), ['erp.example.com']);
    expect(s).toEqual({ interfaces: { eth0: '10.0.0.5/24' }, routes: ['10.0.0.1 via eth0'], dns: { 'erp.example.com': '93.184.216.34' }, proxy: [] });
    expect(describeNetwork(s)).toBe('network at start: interfaces eth0 10.0.0.5/24; default route 10.0.0.1 via eth0; DNS erp.example.com → 93.184.216.34; proxy none');
  });

  it('turns each difference into an event; losses are warnings', async () => {
    const before = await readNetwork(readers(), ['erp.example.com']);
    const after = await readNetwork(
      readers({
        interfaces: () => ({ eth0: [] }),
        defaultRoutes: async () => [],
        resolve: async () => {
          throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
        },
        proxies: async () => ['HTTPS_PROXY=http://proxy.corp:3128'],
      }),
      ['erp.example.com'],
    );
    expect(diffNetwork(before, after)).toEqual([
      { text: 'network: interface eth0 addresses changed: 10.0.0.5/24 → none', loss: true },
      { text: 'network: default route changed: 10.0.0.1 via eth0 → none', loss: true },
      { text: 'network: DNS erp.example.com: 93.184.216.34 → failed: ENOTFOUND', loss: true },
      { text: 'network: proxy changed: none → HTTPS_PROXY=http://proxy.corp:3128', loss: false },
    ]);
    expect(diffNetwork(before, before)).toEqual([]);
  });

  it('watches the policy DNS names (the DNS check\'s), and macOS route output is read', () => {
    expect(watchedNames(PolicySchema.parse({ checks: { dnsNames: ['erp.example.com'] } }))).toEqual(['erp.example.com']);
    // `route -n get default` as macOS prints it.
    const text = '   route to: default\ndestination: default\n       mask: default\n    gateway: 192.168.1.1\n  interface: en0\n      flags: <UP,GATEWAY,DONE,STATIC,PRCLONING>\n';
    expect(parseDarwinDefaultRoute(text)).toEqual([{ address: '192.168.1.1', family: 4, interface: 'en0' }]);
  });

  it('reads this Linux machine for real: /proc/net/route and the environment proxy', async () => {
    const s = await readNetwork(systemReaders('linux', { HTTP_PROXY: 'http://user:secret@proxy.local:8080' }), []);
    expect(s.proxy).toEqual(['HTTP_PROXY=http://proxy.local:8080']);
    expect(Object.keys(s.interfaces)).not.toContain('lo');
  });
});
