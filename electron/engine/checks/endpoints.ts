/**
 * 网络连接测试 — the servers the product needs (policy `checks.endpoints`: support portal,
 * product servers): DNS, TCP, TLS and the first byte of the HTTP answer, timed, one result per
 * endpoint, all in parallel. Any HTTP answer means the server is reachable; a 5xx or an
 * unexpected 4xx is a warning, a slow answer too (运行缓慢).
 */
import { ADVICE, CONNECTION_PATH, SLOW_PATH } from './advice.js';
import { cm, dur, list, msg, type CheckMessage } from '../../../shared/check-messages.js';
import { describeProbeError, httpProbe, isCertificateError, timingSteps, type HttpProbeResult } from './support/http-probe.js';
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
  const total = r.timings.firstByteMs ?? r.timings.totalMs;
  // "TCP 3 ms · first byte 5 ms, 127.0.0.1, through proxy …"
  const parts = [...timingGroup(r), ...(r.remoteAddress ? [cm('plain', { text: r.remoteAddress })] : []), ...(r.proxy ? [cm('probe.through', { proxy: r.proxy })] : [])];
  const base = cm('endpoints.answer', { status, took: dur(total), steps: list(parts, 'comma') });
  const data = probeData(r);
  if (status >= 500) return { status: 'warn', detail: cm('endpoints.serverError', { answer: msg(base) }), advice: [ADVICE.serverFault], data, durationMs: r.timings.totalMs };
  if (status >= 400 && !REACHABLE_4XX.has(status)) {
    return { status: 'warn', detail: cm('endpoints.badAddress', { answer: msg(base) }), advice: [ADVICE.checkEndpointUrl], data, durationMs: r.timings.totalMs };
  }
  if (total > slowMs) return { status: 'warn', detail: cm('endpoints.slow', { limit: dur(slowMs), answer: msg(base) }), advice: SLOW_PATH, data, durationMs: r.timings.totalMs };
  return { status: 'pass', detail: base, data, durationMs: r.timings.totalMs };
}

/** The probe's timing steps as one list item (` · ` between steps), when there are any. */
function timingGroup(r: HttpProbeResult): CheckMessage[] {
  const steps = timingSteps(r.timings);
  return steps.length ? [cm('probe.steps', { steps: list(steps, 'dot') })] : [];
}

export const endpointsCheck: Check = {
  id: 'endpoints',
  group: 'network',
  title: cm('title.endpoints'),
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 10_000,
  async run(ctx): Promise<CheckOutcome | CheckOutcome[]> {
    const endpoints = ctx.policy.checks.endpoints;
    if (endpoints.length === 0) {
      return { status: 'skipped', detail: cm('endpoints.notConfigured') };
    }
    return Promise.all(
      endpoints.map(async (e) => {
        const r = await httpProbe(e.url, { signal: ctx.signal, timeoutMs: ctx.policy.checks.probeTimeoutMs, env: ctx.env });
        return {
          subject: e.name,
          title: cm('title.endpoint', { name: e.name }),
          ...judgeEndpoint(r, ctx),
        };
      }),
    );
  },
};
