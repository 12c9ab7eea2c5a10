/**
 * 网络连接测试 — the proxy in use: which proxy variables are set, and does each proxy accept a
 * TCP connection. A dead proxy breaks every program that honours the variables while the
 * browser (with its own settings) still works — a classic support puzzle.
 */
import { ADVICE, CONNECTION_PATH } from './advice.js';
import { ms, secondsText, t } from './support/format.js';
import { displayProxy, proxyPort, proxyVariables } from './support/proxy.js';
import { tcpProbe } from './support/tcp-probe.js';
import type { Check, CheckOutcome } from './types.js';

export const proxyCheck: Check = {
  id: 'proxy',
  group: 'network',
  title: { 'zh-CN': '代理', en: 'Proxy' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 10_000,
  async run(ctx): Promise<CheckOutcome> {
    const vars = proxyVariables(ctx.env);
    const noProxy = ctx.env.no_proxy ?? ctx.env.NO_PROXY;
    if (vars.length === 0) {
      return {
        status: 'pass',
        detail: t('未设置代理环境变量：直接连接', 'no proxy environment variables: direct connection'),
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
    const status = bad.length > 0 || unparsable.length > 0 ? 'fail' : 'pass';
    return {
      status,
      detail: { 'zh-CN': `使用代理：${lines.map((l) => l['zh-CN']).join('；')}`, en: `proxy in use: ${lines.map((l) => l.en).join('; ')}` },
      ...(status === 'fail' ? { advice: [ADVICE.checkProxy, ...CONNECTION_PATH] } : {}),
      data: {
        proxies: probes.map((p) => ({ proxy: p.display, variables: p.variables, outcome: p.r.outcome, ms: Math.round(p.r.ms) })),
        ...(noProxy ? { noProxy } : {}),
      },
    };
  },
};
