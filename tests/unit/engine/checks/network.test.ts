import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captivePortalCheck } from '../../../../electron/engine/checks/captive-portal.js';
import { clockCheck } from '../../../../electron/engine/checks/clock.js';
import { createDnsCheck, dnsProbeNames } from '../../../../electron/engine/checks/dns.js';
import { endpointsCheck } from '../../../../electron/engine/checks/endpoints.js';
import { createGatewayCheck, gatewayCheck, parseNeighbourState, parseProcNetArp, parseProcNetIpv6Route, parseProcNetRoute, parseWindowsRoutePrint } from '../../../../electron/engine/checks/gateway.js';
import { proxyCheck } from '../../../../electron/engine/checks/proxy.js';
import { bypassesProxy, resolveProxy } from '../../../../electron/engine/platform/proxy.js';
import type { tcpProbe } from '../../../../electron/engine/checks/support/tcp-probe.js';
import { PolicySchema } from '../../../../shared/policy.js';
import { refusedPort, startDnsServer, startHangingServer, startHttpServer, startProxy, startSelfSignedHttpsServer, type DnsServer, type Running } from '../../../helpers/check-servers.js';
import { createCheckContext, list } from './check-context.js';

let ok: Running & { requests: string[] };
let hanging: Running & { connections: () => number };
let refused: number;
let dnsOk: DnsServer;
let dnsSilent: DnsServer;

beforeAll(async () => {
  [ok, hanging, refused, dnsOk, dnsSilent] = await Promise.all([startHttpServer(), startHangingServer(), refusedPort(), startDnsServer({ 'portal.corp.test': '10.1.2.3' }), startDnsServer({}, { silent: true })]);
});
afterAll(async () => {
  await Promise.all([ok.close(), hanging.close(), dnsOk.close(), dnsSilent.close()]);
});

describe('endpoints (real HTTP servers on 127.0.0.1)', () => {
  it('is skipped with the reason when policy names no endpoint', async () => {
    const [r] = list(await endpointsCheck.run(createCheckContext()));
    expect(r).toMatchObject({ status: 'skipped', detail: { en: 'no endpoints configured in policy (checks.endpoints)' } });
  });

  it('answering, hanging, refusing and unresolvable servers: one timed result each, the hang cut at the probe timeout', async () => {
    const ctx = createCheckContext({
      policy: {
        checks: {
          probeTimeoutMs: 1000,
          endpoints: [
            { name: 'Support portal', url: `${ok.url}/` },
            { name: 'Update server', url: `${hanging.url}/` },
            { name: 'License server', url: `http://127.0.0.1:${refused}/` },
            { name: 'Nowhere', url: 'http://nonexistent.invalid/' },
            { name: 'Broken API', url: `${ok.url}/error` },
          ],
        },
      },
    });
    // The hang is cut by the probe timeout: the result says so ("within 1 s", below).
    const results = list(await endpointsCheck.run(ctx));
    const by = Object.fromEntries(results.map((r) => [r.subject ?? '', r]));
    expect(by['Support portal']).toMatchObject({ status: 'pass', title: { en: 'Server: Support portal', 'zh-CN': '服务器：Support portal' } });
    expect(by['Support portal']!.detail.en).toMatch(/^HTTP 200 in \d+ ms \(TCP \d+ ms · first byte \d+ ms, 127\.0\.0\.1\)$/);
    expect((by['Support portal']!.data as { timings: { connectMs: number } }).timings.connectMs).toBeGreaterThanOrEqual(0);
    expect(by['Update server']).toMatchObject({ status: 'fail', detail: { en: 'connected, but no HTTP answer within 1 sec', 'zh-CN': '已连接，但服务器 1秒 内没有 HTTP 响应' } });
    expect(hanging.connections()).toBeGreaterThan(0);
    expect(by['License server']!.status).toBe('fail');
    expect(by['License server']!.detail.en).toContain('connection refused');
    expect(by['License server']!.advice!.map((a) => a.en)).toEqual([
      expect.stringMatching(/^Check network configuration/),
      expect.stringMatching(/^Restart the router/),
      expect.stringMatching(/^Change network/),
      expect.stringMatching(/firewall/),
    ]);
    expect(by.Nowhere!.status).toBe('fail');
    expect(by.Nowhere!.detail.en).toMatch(/does not resolve|could not be resolved/);
    expect(by['Broken API']).toMatchObject({ status: 'warn' });
    expect(by['Broken API']!.detail.en).toContain('HTTP 503');
  });

  it('a slow answer is a warning with the guide\'s "slow" path', async () => {
    const slow = await startHttpServer({ delayMs: 300 });
    try {
      const ctx = createCheckContext({ policy: { checks: { slowMs: 100, endpoints: [{ name: 'Slow', url: slow.url }] } } });
      const [r] = list(await endpointsCheck.run(ctx));
      expect(r!.status).toBe('warn');
      expect(r!.detail.en).toMatch(/^slow \(over 100 ms\): HTTP 200/);
      expect(r!.advice!.map((a) => a['zh-CN'])).toEqual([expect.stringMatching(/^清理缓存/), expect.stringMatching(/^关闭不需要的后台程序/), expect.stringMatching(/^检查 DNS/)]);
    } finally {
      await slow.close();
    }
  });

  it('goes through the proxy of the environment (absolute-form GET), and says so', async () => {
    const proxy = await startProxy();
    try {
      const ctx = createCheckContext({ env: { http_proxy: proxy.url }, policy: { checks: { endpoints: [{ name: 'Portal', url: `${ok.url}/via-proxy` }] } } });
      const [r] = list(await endpointsCheck.run(ctx));
      expect(r!.status).toBe('pass');
      expect(r!.detail.en).toContain(`through proxy http://127.0.0.1:${proxy.port}`);
      expect(proxy.seen).toContain(`GET ${ok.url}/via-proxy`);
      // no_proxy exempts it again
      const direct = createCheckContext({ env: { http_proxy: proxy.url, no_proxy: 'localhost,127.0.0.1' }, policy: { checks: { endpoints: [{ name: 'Portal', url: `${ok.url}/direct` }] } } });
      const [d] = list(await endpointsCheck.run(direct));
      expect(d!.detail.en).not.toContain('proxy');
      expect(proxy.seen).not.toContain(`GET ${ok.url}/direct`);
    } finally {
      await proxy.close();
    }
  });

  it('an HTTPS server whose certificate is not trusted fails in the TLS phase, with the clock and proxy advice', async () => {
    const tlsServer = await startSelfSignedHttpsServer();
    try {
      const [r] = list(await endpointsCheck.run(createCheckContext({ policy: { checks: { endpoints: [{ name: 'Intercepted', url: `${tlsServer.url}/` }] } } })));
      expect(r!.status).toBe('fail');
      expect(r!.detail.en).toBe('the server certificate was not accepted (DEPTH_ZERO_SELF_SIGNED_CERT): the system clock may be wrong, or a proxy/firewall intercepts HTTPS');
      expect((r!.data as { error: { phase: string } }).error.phase).toBe('tls');
      expect(r!.advice!.map((a) => a.en)).toEqual([expect.stringMatching(/^Synchronize the system clock/), expect.stringMatching(/^Check proxy settings/), expect.stringMatching(/firewall/)]);
    } finally {
      await tlsServer.close();
    }
  });

  it('HTTPS through a proxy uses CONNECT (a plain-HTTP server behind it fails the TLS handshake, in the TLS phase)', async () => {
    const proxy = await startProxy();
    try {
      const ctx = createCheckContext({ env: { HTTPS_PROXY: proxy.url }, policy: { checks: { probeTimeoutMs: 8000, endpoints: [{ name: 'TLS', url: `https://127.0.0.1:${ok.port}/` }] } } });
      const [r] = list(await endpointsCheck.run(ctx));
      expect(proxy.seen).toContain(`CONNECT 127.0.0.1:${ok.port}`);
      expect(r!.status).toBe('fail');
      expect((r!.data as { error: { phase: string } }).error.phase).toBe('tls');
      expect(r!.detail.en).toContain(`through proxy http://127.0.0.1:${proxy.port}`);
    } finally {
      await proxy.close();
    }
  });
});

describe('proxy check', () => {
  it('no proxy variables: direct connection', async () => {
    const r = list(await proxyCheck.run(createCheckContext({ env: {} })))[0]!;
    expect(r).toMatchObject({ status: 'pass', detail: { en: 'no proxy environment variables: direct connection' } });
  });

  it('a proxy that accepts connections passes; one that refuses fails with the proxy advice first; credentials are never shown', async () => {
    const good = list(await proxyCheck.run(createCheckContext({ env: { https_proxy: `http://alice:s3cret@127.0.0.1:${ok.port}`, no_proxy: '.corp.test' } })))[0]!;
    expect(good.status).toBe('pass');
    expect(good.detail.en).toContain(`http://127.0.0.1:${ok.port} (https_proxy) accepts connections`);
    expect(good.detail.en).toContain('no proxy for: .corp.test');
    expect(JSON.stringify(good)).not.toContain('s3cret');
    const bad = list(await proxyCheck.run(createCheckContext({ env: { HTTP_PROXY: `127.0.0.1:${refused}` } })))[0]!;
    expect(bad.status).toBe('fail');
    expect(bad.detail.en).toContain('refuses connections');
    expect(bad.advice![0]!.en).toMatch(/^Check proxy settings/);
  });

  it('no_proxy matching and variable precedence follow curl', () => {
    expect(bypassesProxy('portal.corp.test', 443, '.corp.test')).toBe(true);
    expect(bypassesProxy('corp.test', 443, '.corp.test')).toBe(true);
    expect(bypassesProxy('x.corp.test', 443, 'corp.test')).toBe(true);
    expect(bypassesProxy('notcorp.test', 443, 'corp.test')).toBe(false);
    expect(bypassesProxy('a.test', 8080, 'a.test:8080')).toBe(true);
    expect(bypassesProxy('a.test', 443, 'a.test:8080')).toBe(false);
    expect(bypassesProxy('anything', 1, '*')).toBe(true);
    expect(resolveProxy(new URL('https://x.test/'), { http_proxy: 'http://p:1' })).toBeUndefined();
    expect(resolveProxy(new URL('https://x.test/'), { ALL_PROXY: 'p:3128' })?.display).toBe('http://p:3128');
    expect(resolveProxy(new URL('http://x.test/'), { http_proxy: 'http://u:pw@p:8080' })).toMatchObject({ variable: 'http_proxy', display: 'http://p:8080' });
  });
});

describe('captive portal', () => {
  it('the expected 204 passes; a redirect to a login page fails with the login advice; a hang fails within the probe timeout', async () => {
    const pass = list(await captivePortalCheck.run(createCheckContext({ policy: { checks: { captivePortal: { url: `${ok.url}/generate_204` } } } })))[0]!;
    expect(pass).toMatchObject({ status: 'pass' });
    expect(pass.detail.en).toMatch(/^no captive portal: got the expected HTTP 204/);

    const portal = list(await captivePortalCheck.run(createCheckContext({ policy: { checks: { captivePortal: { url: `${ok.url}/login-redirect` } } } })))[0]!;
    expect(portal.status).toBe('fail');
    expect(portal.detail.en).toContain('got HTTP 302 → http://login.hotel.test/portal, expected HTTP 204');
    expect(portal.advice![0]!['zh-CN']).toMatch(/完成网络登录/);

    const body = list(await captivePortalCheck.run(createCheckContext({ policy: { checks: { captivePortal: { url: `${ok.url}/`, status: 200, bodyIncludes: 'Success' } } } })))[0]!;
    expect(body.status).toBe('fail');
    expect(body.detail.en).toContain('unexpected content');

    const hang = list(await captivePortalCheck.run(createCheckContext({ policy: { checks: { probeTimeoutMs: 500, captivePortal: { url: hanging.url } } } })))[0]!;
    expect(hang.status).toBe('fail');
    expect(hang.detail.en).toBe('the test URL cannot be reached: connected, but no HTTP answer within 500 ms');
  });
});

describe('clock (HTTP Date header of a real server)', () => {
  it('in step passes; 90 s off warns; 10 min off fails with the clock advice', async () => {
    const servers = await Promise.all([startHttpServer(), startHttpServer({ dateOffsetMs: 90_000 }), startHttpServer({ dateOffsetMs: -600_000 })]);
    try {
      const [inStep, warn, fail] = await Promise.all(servers.map(async (s) => list(await clockCheck.run(createCheckContext({ policy: { checks: { timeUrl: s.url } } })))[0]!));
      expect(inStep!.status).toBe('pass');
      expect(Math.abs((inStep!.data as { skewSeconds: number }).skewSeconds)).toBeLessThanOrEqual(1.5);
      expect(warn!.status).toBe('warn');
      expect(warn!.detail.en).toMatch(/^the clock is 1 min (29|30|31) sec behind the server/);
      expect(fail!.status).toBe('fail');
      expect(fail!.detail.en).toMatch(/^the clock is 10 min ahead of the server/);
      expect(fail!.advice![0]!.en).toMatch(/^Synchronize the system clock/);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  });

  it('uses the first endpoint when no time URL is set, and is skipped when the server does not answer', async () => {
    const viaEndpoint = list(await clockCheck.run(createCheckContext({ policy: { checks: { endpoints: [{ name: 'p', url: ok.url }] } } })))[0]!;
    expect((viaEndpoint.data as { url: string }).url).toBe(ok.url);
    const dead = list(await clockCheck.run(createCheckContext({ policy: { checks: { probeTimeoutMs: 300, timeUrl: `http://127.0.0.1:${refused}/` } } })))[0]!;
    expect(dead.status).toBe('skipped');
    expect(dead.detail.en).toContain('connection refused');
  });
});

describe('DNS (system resolver and a real DNS server on 127.0.0.1)', () => {
  it('a name from policy that does not resolve fails, through the system resolver and through the server', async () => {
    const check = createDnsCheck({ servers: () => [dnsOk.address] });
    const results = list(await check.run(createCheckContext({ policy: { checks: { dnsNames: ['nonexistent.invalid'] } } })));
    expect(results.map((r) => r.subject ?? 'system')).toEqual(['system', dnsOk.address]);
    for (const r of results) {
      expect(r.status).toBe('fail');
      expect(r.detail.en).toBe('nonexistent.invalid: name not found (NXDOMAIN)');
    }
    expect(dnsOk.queries).toContain('nonexistent.invalid 1');
  });

  it('a name the server knows resolves through it; a silent server fails at the probe timeout; a closed port is refused', async () => {
    const closed = await refusedPort();
    const check = createDnsCheck({ servers: () => [dnsOk.address, dnsSilent.address, `127.0.0.1:${closed}`] });
    const results = list(await check.run(createCheckContext({ policy: { checks: { probeTimeoutMs: 700, dnsNames: ['portal.corp.test'] } } })));
    const by = Object.fromEntries(results.map((r) => [r.subject ?? 'system', r]));
    expect(by[dnsOk.address]).toMatchObject({ status: 'pass', title: { en: `DNS server ${dnsOk.address}` } });
    expect(by[dnsOk.address]!.detail.en).toMatch(/^portal\.corp\.test → 10\.1\.2\.3 \(\d+ ms\)$/);
    expect(by[dnsSilent.address]).toMatchObject({ status: 'fail', detail: { en: 'portal.corp.test: no answer within 700 ms' } });
    expect(by[dnsSilent.address]!.advice![0]!.en).toMatch(/^Check DNS server settings/);
    expect(by[`127.0.0.1:${closed}`]!.status).toBe('fail');
    expect(by[`127.0.0.1:${closed}`]!.detail.en).toMatch(/refused|no answer/);
    // The system resolver does not know the test name either.
    expect(by.system!.status).toBe('fail');
  });

  it('with the empty policy it probes example.com; not finding it is a warning (filtered network), not a failure', async () => {
    expect(dnsProbeNames(PolicySchema.parse({}))).toEqual({ names: ['example.com'], required: false });
    expect(dnsProbeNames(PolicySchema.parse({ checks: { endpoints: [{ name: 'a', url: 'https://portal.corp.test/x' }, { name: 'b', url: 'http://10.0.0.1/' }] } }))).toEqual({ names: ['portal.corp.test'], required: true });
    const check = createDnsCheck({ servers: () => [dnsOk.address] });
    const [, server] = list(await check.run(createCheckContext()));
    expect(server).toMatchObject({ status: 'warn' });
    expect(server!.detail.en).toMatch(/^DNS answers, but does not know example\.com/);
  });
});

describe('default gateway', () => {
  it('parses the Linux and Windows routing tables and the ARP and neighbour tables', () => {
    const route = 'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\neth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0\neth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n';
    expect(parseProcNetRoute(route)).toEqual([{ address: '192.0.2.1', family: 4, interface: 'eth0' }]);
    const v6 = '00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000001 00000400 00000002 00000000 00000003     eth0\n00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo\n';
    expect(parseProcNetIpv6Route(v6)).toEqual([{ address: 'fe80::1', family: 6, interface: 'eth0' }]);
    expect(parseWindowsRoutePrint('Network Destination        Netmask          Gateway       Interface  Metric\n          0.0.0.0          0.0.0.0      192.168.1.1    192.168.1.20     25\n')).toEqual([{ address: '192.168.1.1', family: 4, interface: '192.168.1.20' }]);
    expect([...parseProcNetArp('IP address       HW type     Flags       HW address            Mask     Device\n192.0.2.1        0x1         0x2         02:fc:00:00:00:05     *        eth0\n192.0.2.9        0x1         0x0         00:00:00:00:00:00     *        eth0\n')]).toEqual(['192.0.2.1']);
    expect(parseNeighbourState('fd00::1 dev eth0 FAILED\n')).toBe('failed');
    expect(parseNeighbourState('fe80::1 dev eth0 lladdr 02:00:00:00:00:01 router STALE\n')).toBe('reachable');
    expect(parseNeighbourState('')).toBeUndefined();
  });

  it('a gateway that accepts or refuses TCP is reachable; no default route is a failure', async () => {
    const reach = createGatewayCheck({ gateways: async () => [{ address: '127.0.0.1', family: 4, interface: 'lo' }], ports: [refused, ok.port] });
    const r = list(await reach.run(createCheckContext()))[0]!;
    expect(r.status).toBe('pass');
    expect(r.detail.en).toMatch(/^127\.0\.0\.1 \(lo\) reachable: answered on TCP port \d+ in \d+ ms$/);
    const none = createGatewayCheck({ gateways: async () => [] });
    const n = list(await none.run(createCheckContext()))[0]!;
    expect(n).toMatchObject({ status: 'fail', detail: { en: 'no default gateway (no default route): this computer cannot reach other networks' } });
    expect(n.advice).toHaveLength(4);
  });

  it('a gateway that does not answer is a warning (silent, not conclusive); "host unreachable" is a failure; neither hangs', async () => {
    // Stand-in TCP probe: on this machine's network every address answers, so silence and
    // "unreachable" are played by a probe that waits for the timeout or reports EHOSTUNREACH.
    const silentProbe: typeof tcpProbe = (host, port, o) => new Promise((resolve) => setTimeout(() => resolve({ host, port, outcome: 'timeout', ms: o.timeoutMs }), o.timeoutMs));
    const unreachableProbe: typeof tcpProbe = async (host, port) => ({ host, port, outcome: 'unreachable', ms: 3, code: 'EHOSTUNREACH' });
    const gateways = async () => [{ address: '198.51.100.1', family: 4 as const, interface: 'eth9' }];
    const silent = list(await createGatewayCheck({ gateways, arpPath: '/nonexistent', tcp: silentProbe }).run(createCheckContext({ policy: { checks: { probeTimeoutMs: 400 } } })))[0]!;
    expect(silent.status).toBe('warn');
    expect(silent.detail.en).toBe('198.51.100.1 (eth9) did not answer ping or TCP 53, 80, 443 within 400 ms; many routers ignore such probes, so this is not conclusive');
    const dead = list(await createGatewayCheck({ gateways, arpPath: '/nonexistent', tcp: unreachableProbe }).run(createCheckContext()))[0]!;
    expect(dead.status).toBe('fail');
    expect(dead.detail['zh-CN']).toBe('198.51.100.1 (eth9) 不可达：局域网上没有应答（网线、Wi-Fi 或路由器本身的问题）');
  });

  it('the real routing table of this machine gives a verdict with the evidence', async () => {
    const r = list(await gatewayCheck.run(createCheckContext()))[0]!;
    expect(['pass', 'warn', 'fail']).toContain(r.status);
    const gws = (r.data as { gateways: Array<{ address: string; verdict: string; tcp: unknown[] }> }).gateways;
    expect(gws.length).toBeGreaterThan(0);
    for (const g of gws) expect(['reachable', 'link', 'unreachable', 'silent']).toContain(g.verdict);
  });
});
