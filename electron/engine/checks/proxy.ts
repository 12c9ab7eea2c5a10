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
import { ms, secondsText, t } from './support/format.js';
import { displayProxy, proxyPort, proxyVariables } from '../platform/proxy.js';
import { tcpProbe } from './support/tcp-probe.js';
import type { Check, CheckContext, CheckOutcome } from './types.js';

export const proxyCheck: Check = {
  id: 'proxy',
  group: 'network',
  title: { 'zh-CN': '代理', en: 'Proxy' },
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
        detail: system
          ? t('未设置代理环境变量：直接连接（无法读取系统代理设置）', 'no proxy environment variables: direct connection (the desktop proxy settings could not be read)')
          : t('未设置代理环境变量：直接连接', 'no proxy environment variables: direct connection'),
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
    const lines = probes.map((p) => {
      const vs = p.variables.join(', ');
      if (p.r.outcome === 'connected') return t(`${p.display}（${vs}）可连接（${ms(p.r.ms)}）`, `${p.display} (${vs}) accepts connections (${ms(p.r.ms)})`);
      if (p.r.outcome === 'refused') return t(`${p.display}（${vs}）拒绝连接：代理未运行或端口错误`, `${p.display} (${vs}) refuses connections: proxy not running or wrong port`);
      if (p.r.outcome === 'timeout') return t(`${p.display}（${vs}）${secondsText(timeoutMs)} 内无响应`, `${p.display} (${vs}) did not answer within ${secondsText(timeoutMs)}`);
      return t(`${p.display}（${vs}）不可达（${p.r.code ?? p.r.outcome}）`, `${p.display} (${vs}) unreachable (${p.r.code ?? p.r.outcome})`);
    });
    for (const u of unparsable) lines.push(t(`${u.variable} 的值不是有效的代理地址`, `${u.variable} is not a valid proxy address`));
    if (noProxy) lines.push(t(`不使用代理：${noProxy}`, `no proxy for: ${noProxy}`));
    let desktopBad = 0;
    if (system && system.proxies.length > 0) {
      const more = await desktopProxies(ctx, system.proxies, desktop);
      if (more.status === 'fail') desktopBad += 1;
      lines.push(more.detail);
    }
    const status = bad.length > 0 || unparsable.length > 0 || desktopBad > 0 ? 'fail' : 'pass';
    return {
      status,
      detail: { 'zh-CN': `使用代理：${lines.map((l) => l['zh-CN']).join('；')}`, en: `proxy in use: ${lines.map((l) => l.en).join('; ')}` },
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
  const lines = probes.map(({ s, r }) => {
    const name = `${s.host.includes(':') ? `[${s.host}]` : s.host}:${s.port}`;
    const from = s.sources.map((x) => x.replace(/ \(.*\)$/, '')).join(', ');
    if (r.outcome === 'connected') return t(`${from} 代理 ${name} 可连接（${ms(r.ms)}）`, `${from} proxy ${name} accepts connections (${ms(r.ms)})`);
    if (r.outcome === 'refused') return t(`${from} 代理 ${name} 拒绝连接：代理未运行或端口错误`, `${from} proxy ${name} refuses connections: proxy not running or wrong port`);
    if (r.outcome === 'timeout') return t(`${from} 代理 ${name} ${secondsText(timeoutMs)} 内无响应`, `${from} proxy ${name} did not answer within ${secondsText(timeoutMs)}`);
    return t(`${from} 代理 ${name} 不可达（${r.code ?? r.outcome}）`, `${from} proxy ${name} unreachable (${r.code ?? r.outcome})`);
  });
  for (const p of all) {
    const from = p.source.replace(/ \(.*\)$/, '');
    if (p.pacUrl) lines.push(t(`${from} 使用自动配置脚本（PAC）${p.pacUrl}（未检测）`, `${from} uses the proxy auto-config script ${p.pacUrl} (not evaluated)`));
    else if (p.autoDetect && !p.enabled) lines.push(t(`${from} 开启了自动检测代理（WPAD）`, `${from} detects the proxy automatically (WPAD)`));
  }
  const bad = probes.filter((p) => p.r.outcome !== 'connected');
  if (lines.length === 0) lines.push(t('系统代理设置：直接连接', 'desktop proxy settings: direct connection'));
  return {
    status: bad.length > 0 ? 'fail' : 'pass',
    detail: { 'zh-CN': lines.map((l) => l['zh-CN']).join('；'), en: lines.map((l) => l.en).join('; ') },
    ...(bad.length > 0 ? { advice: [ADVICE.checkProxy, ...CONNECTION_PATH] } : {}),
    data: { proxies: probes.map((p) => ({ proxy: `${p.s.host}:${p.s.port}`, sources: p.s.sources, outcome: p.r.outcome, ms: Math.round(p.r.ms) })), system: all },
  };
}
