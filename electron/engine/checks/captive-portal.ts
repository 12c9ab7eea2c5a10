/**
 * 网络连接测试 — captive portal: a hotel or guest Wi-Fi that answers every web request with its
 * login page. Policy `checks.captivePortal` names a plain-HTTP URL and the answer it gives when
 * nothing intercepts (e.g. `http://connectivitycheck.example/generate_204` → 204). Any other
 * answer — a redirect, a 200 with a login page — means something in between rewrites traffic.
 */
import { ADVICE, CONNECTION_PATH } from './advice.js';
import { ms, t } from './support/format.js';
import { describeProbeError, httpProbe } from './support/http-probe.js';
import type { Check, CheckOutcome } from './types.js';

export const captivePortalCheck: Check = {
  id: 'captive-portal',
  group: 'network',
  title: { 'zh-CN': '网络登录页（强制门户）', en: 'Captive portal' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 10_000,
  async run(ctx): Promise<CheckOutcome> {
    const cp = ctx.policy.checks.captivePortal;
    if (!cp) {
      return { status: 'skipped', detail: t('策略中未配置检测地址（checks.captivePortal）', 'no captive-portal test URL configured in policy (checks.captivePortal)') };
    }
    const r = await httpProbe(cp.url, { signal: ctx.signal, timeoutMs: ctx.policy.checks.probeTimeoutMs, env: ctx.env, maxBodyBytes: cp.bodyIncludes ? 64 * 1024 : 0 });
    const data = { url: cp.url, expected: { status: cp.status, ...(cp.bodyIncludes ? { bodyIncludes: cp.bodyIncludes } : {}) }, ...(r.status !== undefined ? { status: r.status } : {}), ms: Math.round(r.timings.totalMs), ...(r.proxy ? { proxy: r.proxy } : {}) };
    if (r.error) {
      const why = describeProbeError(r, ctx.policy.checks.probeTimeoutMs);
      return { status: 'fail', detail: { 'zh-CN': `无法访问检测地址：${why['zh-CN']}`, en: `the test URL cannot be reached: ${why.en}` }, advice: CONNECTION_PATH, data };
    }
    const bodyOk = cp.bodyIncludes === undefined || (r.body ?? Buffer.alloc(0)).toString('utf8').includes(cp.bodyIncludes);
    if (r.status === cp.status && bodyOk) {
      return { status: 'pass', detail: t(`没有网络登录页拦截：得到预期的 HTTP ${cp.status}（${ms(r.timings.totalMs)}）`, `no captive portal: got the expected HTTP ${cp.status} (${ms(r.timings.totalMs)})`), data };
    }
    const location = typeof r.headers?.location === 'string' ? r.headers.location : undefined;
    const got = `HTTP ${r.status}${location ? ` → ${location}` : ''}`;
    const what = r.status === cp.status ? t(`内容与预期不符（${got}）`, `unexpected content (${got})`) : t(`得到 ${got}，预期 HTTP ${cp.status}`, `got ${got}, expected HTTP ${cp.status}`);
    return {
      status: 'fail',
      detail: { 'zh-CN': `网页请求被拦截（可能是酒店或访客 Wi-Fi 的登录页）：${what['zh-CN']}`, en: `web requests are intercepted (a hotel or guest Wi-Fi login page?): ${what.en}` },
      advice: [ADVICE.loginCaptivePortal, ADVICE.changeNetwork, ADVICE.checkProxy],
      data: { ...data, ...(location ? { location } : {}) },
    };
  },
};
