/**
 * 网络连接测试 — captive portal: a hotel or guest Wi-Fi that answers every web request with its
 * login page. Policy `checks.captivePortal` names a plain-HTTP URL and the answer it gives when
 * nothing intercepts (e.g. `http://connectivitycheck.example/generate_204` → 204). Any other
 * answer — a redirect, a 200 with a login page — means something in between rewrites traffic.
 */
import { ADVICE, CONNECTION_PATH } from './advice.js';
import { cm, dur, msg } from '../../../shared/check-messages.js';
import { describeProbeError, httpProbe } from './support/http-probe.js';
import type { Check, CheckOutcome } from './types.js';

export const captivePortalCheck: Check = {
  id: 'captive-portal',
  group: 'network',
  title: cm('title.captive-portal'),
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 10_000,
  async run(ctx): Promise<CheckOutcome> {
    const cp = ctx.policy.checks.captivePortal;
    if (!cp) {
      return { status: 'skipped', detail: cm('captive.notConfigured') };
    }
    const r = await httpProbe(cp.url, { signal: ctx.signal, timeoutMs: ctx.policy.checks.probeTimeoutMs, env: ctx.env, maxBodyBytes: cp.bodyIncludes ? 64 * 1024 : 0 });
    const data = { url: cp.url, expected: { status: cp.status, ...(cp.bodyIncludes ? { bodyIncludes: cp.bodyIncludes } : {}) }, ...(r.status !== undefined ? { status: r.status } : {}), ms: Math.round(r.timings.totalMs), ...(r.proxy ? { proxy: r.proxy } : {}) };
    if (r.error) {
      return { status: 'fail', detail: cm('captive.unreachable', { why: msg(describeProbeError(r, ctx.policy.checks.probeTimeoutMs)) }), advice: CONNECTION_PATH, data };
    }
    const bodyOk = cp.bodyIncludes === undefined || (r.body ?? Buffer.alloc(0)).toString('utf8').includes(cp.bodyIncludes);
    if (r.status === cp.status && bodyOk) {
      return { status: 'pass', detail: cm('captive.ok', { status: cp.status, took: dur(r.timings.totalMs) }), data };
    }
    const location = typeof r.headers?.location === 'string' ? r.headers.location : undefined;
    const got = `HTTP ${r.status}${location ? ` → ${location}` : ''}`;
    const what = r.status === cp.status ? cm('captive.content', { got }) : cm('captive.status', { got, expected: cp.status });
    return {
      status: 'fail',
      detail: cm('captive.intercepted', { what: msg(what) }),
      advice: [ADVICE.loginCaptivePortal, ADVICE.changeNetwork, ADVICE.checkProxy],
      data: { ...data, ...(location ? { location } : {}) },
    };
  },
};
