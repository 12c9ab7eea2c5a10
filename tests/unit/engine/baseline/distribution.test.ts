import { describe, expect, it } from 'vitest';
import { BaselineDocumentSchema } from '../../../../shared/baseline.js';
import { FleetCounter } from '../../../../electron/engine/baseline/distribution.js';
import { fleetFindings } from '../../../../electron/engine/baseline/findings.js';
import { factsFromNetwork, majorVersion, networkOf, proxyEndpoint } from '../../../../electron/engine/baseline/fleet-facts.js';

describe('FleetCounter', () => {
  it('counts each desktop once and folds values seen on fewer than k desktops into other', () => {
    const c = new FleetCounter();
    for (let i = 0; i < 20; i++) c.add(`d${i}`, new Map([['timeZone', [i < 16 ? 'Asia/Shanghai' : i < 19 ? 'Asia/Tokyo' : 'Europe/Berlin']]]));
    expect(c.add('d0', new Map([['timeZone', ['Europe/Paris']]]))).toBe(false);
    const doc = BaselineDocumentSchema.parse(c.document(3, new Date(0)));
    expect(doc).toEqual({
      format: 'diagcollect-baseline/1',
      createdAt: '1970-01-01T00:00:00.000Z',
      desktops: 20,
      k: 3,
      facts: { timeZone: { desktops: 20, values: [{ value: 'Asia/Shanghai', count: 16, share: 0.8 }, { value: 'Asia/Tokyo', count: 3, share: 0.15 }], other: 1 } },
    });
    expect(fleetFindings(doc, new Map([['timeZone', ['Europe/Berlin']]]), 5)).toEqual([{ fact: 'timeZone', value: 'Europe/Berlin', share: 0, rare: true, majority: { value: 'Asia/Shanghai', share: 0.8 } }]);
    expect(fleetFindings(doc, new Map([['timeZone', ['Asia/Tokyo']]]), 5)).toEqual([]);
    expect(fleetFindings(doc, new Map([['timeZone', ['Asia/Tokyo']]]), 20)).toHaveLength(1);
  });
});

describe('fleet facts keep no single machine', () => {
  it('gateway networks, proxy endpoints without credentials, major versions', () => {
    expect(networkOf('10.0.7.1')).toBe('10.0.7.0/24');
    expect(networkOf('fd00:1:2:3::1')).toBe('fd00:1:2:3::/64');
    expect(networkOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(networkOf('nonsense')).toBeUndefined();
    expect(proxyEndpoint('http://user:pw@proxy.corp:3128/')).toBe('proxy.corp:3128');
    expect(proxyEndpoint('proxy.corp:8080')).toBe('proxy.corp:8080');
    expect(majorVersion('120.0.6099.109')).toBe('120');
    const facts = factsFromNetwork({ dns: { nameservers: ['10.0.0.53'] }, defaultGateways: [{ gateway: '192.0.2.1' }], proxy: { environment: { HTTPS_PROXY: 'http://a:b@p.corp:1' } } });
    expect([...facts]).toEqual([
      ['dns', ['10.0.0.53']],
      ['proxy', ['p.corp:1']],
      ['gatewayPrefix', ['192.0.2.0/24']],
    ]);
  });
});
