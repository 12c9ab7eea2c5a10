/**
 * 网络连接测试 — the proxy in use: which proxy variables are set, and does each proxy accept a
 * TCP connection. A dead proxy breaks every program that honours the variables while the
 * browser (with its own settings) still works — a classic support puzzle. On Windows and macOS
 * the desktop's own proxy settings count too (WinINET / Internet Options and WinHTTP; the macOS
 * network settings): most desktop programs follow those, not the variables. A PAC file or
 * auto-detection is reported, not evaluated.
 */
import { ADVICE, CONNECTION_PATH } from './advice.js';
import { readSystemProxies, type SystemProxy } from '../collectors/support/system-proxy.js';
import { cm, dur, list, type CheckMessage } from '../../../shared/check-messages.js';
import { displayProxy, proxyPort, proxyVariables } from '../platform/proxy.js';
import { tcpProbe } from './support/tcp-probe.js';
import type { Check, CheckContext, CheckOutcome } from './types.js';

export const proxyCheck: Check = {
  id: 'proxy',
  group: 'network',
  title: cm('title.proxy'),
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 10_000,
  async run(ctx): Promise<CheckOutcome> {
    const vars = proxyVariables(ctx.env);
    const noProxy = ctx.env.no_proxy ?? ctx.env.NO_PROXY;
    const system = ctx.platform === 'linux' ? undefined : await readSystemProxies(ctx.exec, ctx.platform).catch(() => undefined);
    const desktop = (system?.proxies ?? []).filter((p) => p.enabled && p.servers.length > 0);
    if (vars.length === 0 && system && system.proxies.length > 0) return desktopProxies(ctx, system.proxies, desktop);
    if (vars.length === 0) {
      return {
        status: 'pass',
        detail: cm(system ? 'proxy.noneUnreadable' : 'proxy.none'),
        data: { proxies: [] },
      };
    }
    const unparsable = vars.filter((v) => !v.url);
    const proxies = [...new Map(vars.filter((v) => v.url).map((v) => [displayProxy(v.url!), v.url!])).entries()];
    const timeoutMs = ctx.policy.checks.probeTimeoutMs;
    const probes = await Promise.all(
      proxies.map(async ([display, url]) => ({ display, variables: vars.filter((v) => v.url && displayProxy(v.url) === display).map((v) => v.variable), r: await tcpProbe(url.hostname.replace(/^\[|\]$/g, ''), proxyPort(url), { timeoutMs, signal: ctx.signal }) })),
    );
    const bad = probes.filter((p) => p.r.outcome !== 'connected');
    const lines: CheckMessage[] = probes.map((p) => {
      const at = { proxy: p.display, variables: p.variables.join(', ') };
      if (p.r.outcome === 'connected') return cm('proxy.env.connected', { ...at, took: dur(p.r.ms) });
      if (p.r.outcome === 'refused') return cm('proxy.env.refused', at);
      if (p.r.outcome === 'timeout') return cm('proxy.env.timeout', { ...at, timeout: dur(timeoutMs) });
      return cm('proxy.env.unreachable', { ...at, code: p.r.code ?? p.r.outcome });
    });
    for (const u of unparsable) lines.push(cm('proxy.invalid', { variable: u.variable }));
    if (noProxy) lines.push(cm('proxy.noProxy', { hosts: noProxy }));
    let desktopBad = 0;
    if (system && system.proxies.length > 0) {
      const more = await desktopProxies(ctx, system.proxies, desktop);
      if (more.status === 'fail') desktopBad += 1;
      lines.push(...(Array.isArray(more.detail) ? more.detail : [more.detail]));
    }
    const status = bad.length > 0 || unparsable.length > 0 || desktopBad > 0 ? 'fail' : 'pass';
    return {
      status,
      detail: cm('proxy.inUse', { parts: list(lines) }),
      ...(status === 'fail' ? { advice: [ADVICE.checkProxy, ...CONNECTION_PATH] } : {}),
      data: {
        proxies: probes.map((p) => ({ proxy: p.display, variables: p.variables, outcome: p.r.outcome, ms: Math.round(p.r.ms) })),
        ...(noProxy ? { noProxy } : {}),
        ...(system ? { system: system.proxies } : {}),
      },
    };
  },
};

/** The desktop's proxy settings: each manual proxy probed; PAC and auto-detection reported. */
async function desktopProxies(ctx: CheckContext, all: SystemProxy[], desktop: SystemProxy[]): Promise<CheckOutcome> {
  const timeoutMs = ctx.policy.checks.probeTimeoutMs;
  const servers = [...new Map(desktop.flatMap((p) => p.servers.map((s) => [`${s.host}:${s.port}`, { ...s, sources: desktop.filter((d) => d.servers.some((x) => x.host === s.host && x.port === s.port)).map((d) => d.source) }] as const))).values()];
  const probes = await Promise.all(servers.map(async (s) => ({ s, r: await tcpProbe(s.host, s.port, { timeoutMs, signal: ctx.signal }) })));
  const lines: CheckMessage[] = probes.map(({ s, r }) => {
    const at = { source: s.sources.map((x) => x.replace(/ \(.*\)$/, '')).join(', '), proxy: `${s.host.includes(':') ? `[${s.host}]` : s.host}:${s.port}` };
    if (r.outcome === 'connected') return cm('proxy.desktop.connected', { ...at, took: dur(r.ms) });
    if (r.outcome === 'refused') return cm('proxy.desktop.refused', at);
    if (r.outcome === 'timeout') return cm('proxy.desktop.timeout', { ...at, timeout: dur(timeoutMs) });
    return cm('proxy.desktop.unreachable', { ...at, code: r.code ?? r.outcome });
  });
  for (const p of all) {
    const source = p.source.replace(/ \(.*\)$/, '');
    if (p.pacUrl) lines.push(cm('proxy.pac', { source, url: p.pacUrl }));
    else if (p.autoDetect && !p.enabled) lines.push(cm('proxy.wpad', { source }));
  }
  const bad = probes.filter((p) => p.r.outcome !== 'connected');
  if (lines.length === 0) lines.push(cm('proxy.desktop.direct'));
  return {
    status: bad.length > 0 ? 'fail' : 'pass',
    detail: lines,
    ...(bad.length > 0 ? { advice: [ADVICE.checkProxy, ...CONNECTION_PATH] } : {}),
    data: { proxies: probes.map((p) => ({ proxy: `${p.s.host}:${p.s.port}`, sources: p.s.sources, outcome: p.r.outcome, ms: Math.round(p.r.ms) })), system: all },
  };
}
