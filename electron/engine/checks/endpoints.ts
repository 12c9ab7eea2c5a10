/**
 * 网络连接测试 — the servers the product needs (policy `checks.endpoints`: support portal,
 * product servers): DNS, TCP, TLS and the first byte of the HTTP answer, timed, one result per
 * endpoint, all in parallel. Any HTTP answer means the server is reachable; a 5xx or an
 * unexpected 4xx is a warning, a slow answer too (运行缓慢).
 */
import { ADVICE, CONNECTION_PATH, SLOW_PATH } from './advice.js';
import { ms, t } from './support/format.js';
import { describeProbeError, httpProbe, isCertificateError, timingsText, type HttpProbeResult } from './support/http-probe.js';
import type { Check, CheckContext, CheckOutcome } from './types.js';

/** Statuses that prove the server itself answered as it should (auth pages count). */
const REACHABLE_4XX = new Set([401, 403, 405]);

function probeData(r: HttpProbeResult) {
  return {
    url: r.url,
    ...(r.status !== undefined ? { status: r.status } : {}),
    ...(r.remoteAddress ? { address: r.remoteAddress } : {}),
    ...(r.proxy ? { proxy: r.proxy } : {}),
    timings: Object.fromEntries(Object.entries(r.timings).map(([k, v]) => [k, Math.round(v as number)])),
    ...(r.error ? { error: { phase: r.error.phase, code: r.error.code, timedOut: r.error.timedOut } } : {}),
  };
}

/** Judges one endpoint's probe. */
export function judgeEndpoint(r: HttpProbeResult, ctx: Pick<CheckContext, 'policy'>): Omit<CheckOutcome, 'subject' | 'title'> {
  const { probeTimeoutMs, slowMs } = ctx.policy.checks;
  const where = r.remoteAddress ? `，${r.remoteAddress}` : '';
  const whereEn = r.remoteAddress ? `, ${r.remoteAddress}` : '';
  const via = r.proxy ? { zh: `，经代理 ${r.proxy}`, en: `, through proxy ${r.proxy}` } : { zh: '', en: '' };
  if (r.error) {
    const cert = isCertificateError(r);
    return {
      status: 'fail',
      detail: describeProbeError(r, probeTimeoutMs),
      advice: cert ? [ADVICE.syncClock, ADVICE.checkProxy, ADVICE.checkFirewall] : r.proxy ? [ADVICE.checkProxy, ...CONNECTION_PATH] : CONNECTION_PATH,
      data: probeData(r),
      durationMs: r.timings.totalMs,
    };
  }
  const status = r.status ?? 0;
  const steps = timingsText(r.timings);
  const total = r.timings.firstByteMs ?? r.timings.totalMs;
  const base = {
    'zh-CN': `HTTP ${status}，${ms(total)}（${steps['zh-CN']}${where}${via.zh}）`,
    en: `HTTP ${status} in ${ms(total)} (${steps.en}${whereEn}${via.en})`,
  };
  const data = probeData(r);
  if (status >= 500) {
    return { status: 'warn', detail: { 'zh-CN': `服务器有响应但报告错误：${base['zh-CN']}`, en: `the server answers but reports an error: ${base.en}` }, advice: [t('服务器端故障：请联系该服务的管理员或稍后再试', 'A server-side fault: tell the service\'s administrators or try again later')], data, durationMs: r.timings.totalMs };
  }
  if (status >= 400 && !REACHABLE_4XX.has(status)) {
    return { status: 'warn', detail: { 'zh-CN': `服务器有响应，但地址可能有误：${base['zh-CN']}`, en: `the server answers, but the address may be wrong: ${base.en}` }, advice: [t('核对策略中配置的地址', 'Check the URL configured in policy')], data, durationMs: r.timings.totalMs };
  }
  if (total > slowMs) {
    return { status: 'warn', detail: { 'zh-CN': `响应缓慢（超过 ${ms(slowMs)}）：${base['zh-CN']}`, en: `slow (over ${ms(slowMs)}): ${base.en}` }, advice: SLOW_PATH, data, durationMs: r.timings.totalMs };
  }
  return { status: 'pass', detail: base, data, durationMs: r.timings.totalMs };
}

export const endpointsCheck: Check = {
  id: 'endpoints',
  group: 'network',
  title: { 'zh-CN': '服务器连接', en: 'Server connections' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 10_000,
  async run(ctx): Promise<CheckOutcome | CheckOutcome[]> {
    const endpoints = ctx.policy.checks.endpoints;
    if (endpoints.length === 0) {
      return { status: 'skipped', detail: t('策略中未配置服务器（checks.endpoints）', 'no endpoints configured in policy (checks.endpoints)') };
    }
    return Promise.all(
      endpoints.map(async (e) => {
        const r = await httpProbe(e.url, { signal: ctx.signal, timeoutMs: ctx.policy.checks.probeTimeoutMs, env: ctx.env });
        return {
          subject: e.name,
          title: { 'zh-CN': `服务器：${e.name}`, en: `Server: ${e.name}` },
          ...judgeEndpoint(r, ctx),
        };
      }),
    );
  },
};
