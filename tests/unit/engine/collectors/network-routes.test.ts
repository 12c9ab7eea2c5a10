// sos19 (session 21): the default gateways read from `ip route show` / `ip -6 route show` text
// (the routing table the collector archives anyway) instead of two more `ip -j route` commands.
import { describe, expect, it } from 'vitest';
import { defaultRoutesFromText, interfacesFromIp, parseIpJson } from '../../../../electron/engine/collectors/network.js';

describe('defaultRoutesFromText: the default routes as `ip -j route` reports them', () => {
  it('takes the gateway and the interface of each default route, whatever follows them', () => {
    const v4 = [
      'default via 192.0.2.1 dev eth0 ',
      'default via 10.20.0.1 dev wlp2s0 proto dhcp src 10.20.0.57 metric 600 ',
      'default nhid 14 via 172.16.0.1 dev ens3 proto static metric 100 onlink ',
      '10.20.0.0/16 dev wlp2s0 proto kernel scope link src 10.20.0.57 metric 600 ',
      '169.254.0.0/16 dev wlp2s0 scope link metric 1000 ',
    ].join('\n');
    expect(defaultRoutesFromText(v4)).toEqual([
      { dst: 'default', gateway: '192.0.2.1', dev: 'eth0' },
      { dst: 'default', gateway: '10.20.0.1', dev: 'wlp2s0' },
      { dst: 'default', gateway: '172.16.0.1', dev: 'ens3' },
    ]);
    const v6 = 'fd00::/64 dev eth0 proto kernel metric 256 pref medium\ndefault via fe80::1 dev eth0 proto ra metric 1024 expires 1790sec hoplimit 64 pref medium\n';
    expect(defaultRoutesFromText(v6)).toEqual([{ dst: 'default', gateway: 'fe80::1', dev: 'eth0' }]);
  });

  it('leaves what `ip -j` gives no `gateway` for: no next hop, another family, multipath, other route types', () => {
    const text = [
      'default dev wg0 scope link ',
      'default via inet6 fe80::1 dev eth1 ',
      'default proto static metric 50 ',
      '\tnexthop via 10.0.0.1 dev eth0 weight 1 ',
      '\tnexthop via 10.0.1.1 dev eth1 weight 1 ',
      'unreachable default metric 4278198272 ',
      'blackhole default ',
      'prohibit default via 10.9.9.9 dev eth9 ',
      '10.0.0.0/8 via 10.0.0.254 dev eth0 ',
      '',
    ].join('\n');
    expect(defaultRoutesFromText(text)).toEqual([]);
    expect(defaultRoutesFromText('')).toEqual([]);
  });

  it('gives the interfaces the same gateways as the JSON did', () => {
    const addr = JSON.stringify([
      { ifname: 'eth0', address: '02:00:00:00:00:01', mtu: 1500, operstate: 'UP', addr_info: [{ family: 'inet', local: '10.1.2.3', prefixlen: 23 }] },
      { ifname: 'wlan0', address: '02:00:00:00:00:02', mtu: 1500, operstate: 'UP', addr_info: [] },
    ]);
    const r4json = JSON.stringify([{ dst: 'default', gateway: '10.1.2.1', dev: 'eth0', protocol: 'dhcp', metric: 100, flags: [] }, { dst: '10.1.2.0/23', dev: 'eth0', flags: [] }, { dst: 'default', gateway: '192.168.1.1', dev: 'wlan0', metric: 600, flags: [] }]);
    const r6json = JSON.stringify([{ dst: 'default', gateway: 'fd00::1', dev: 'eth0', metric: 1024, flags: [], pref: 'medium' }]);
    const r4text = 'default via 10.1.2.1 dev eth0 proto dhcp metric 100 \n10.1.2.0/23 dev eth0 \ndefault via 192.168.1.1 dev wlan0 metric 600 \n';
    const r6text = 'default via fd00::1 dev eth0 metric 1024 pref medium\n';
    const fromText = interfacesFromIp(addr, [...defaultRoutesFromText(r4text), ...defaultRoutesFromText(r6text)]);
    expect(fromText).toEqual(parseIpJson(addr, [r4json, r6json]));
    expect(fromText.map((i) => i.gateways)).toEqual([['10.1.2.1', 'fd00::1'], ['192.168.1.1']]);
  });
});
