/**
 * 系统环境检查 — the system clock against a server's HTTP `Date` header (policy
 * `checks.timeUrl`, else the first endpoint). A clock minutes off breaks HTTPS certificates and
 * logins (tokens "not yet valid"), and makes log times disagree with the ticket's time of
 * occurrence. Without a URL, Linux's NTP synchronisation state (`timedatectl`) is reported.
 */
import { ADVICE } from './advice.js';
import { at, cm, dur, msg, type CheckMessage } from '../../../shared/check-messages.js';
import { describeProbeError, httpProbe } from './support/http-probe.js';
import type { Check, CheckContext, CheckOutcome } from './types.js';

function timeSource(ctx: CheckContext): string | undefined {
  return ctx.policy.checks.timeUrl ?? ctx.policy.checks.endpoints[0]?.url ?? ctx.policy.checks.captivePortal?.url;
}

function skewText(seconds: number): CheckMessage {
  const abs = Math.abs(seconds);
  if (abs < 2) return cm('clock.match');
  // Minutes when it is minutes off, else seconds: "5 min", "12 sec".
  const amount = dur((abs >= 120 ? Math.round(abs / 60) * 60 : Math.round(abs)) * 1000);
  return seconds > 0 ? cm('clock.behind', { amount }) : cm('clock.ahead', { amount });
}

async function ntpState(ctx: CheckContext): Promise<CheckOutcome> {
  if (ctx.platform === 'linux') {
    const r = await ctx.exec('timedatectl', ['show', '-p', 'NTPSynchronized', '--value'], { timeoutMs: 3000 }).catch(() => undefined);
    const value = r && r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
    if (value === 'yes') return { status: 'pass', detail: cm('clock.ntpOk'), data: { ntpSynchronized: true } };
    if (value === 'no') return { status: 'warn', detail: cm('clock.ntpOff'), advice: [ADVICE.syncClock], data: { ntpSynchronized: false } };
  }
  return { status: 'skipped', detail: cm('clock.noSource') };
}

export const clockCheck: Check = {
  id: 'clock',
  group: 'environment',
  title: cm('title.clock'),
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 10_000,
  async run(ctx): Promise<CheckOutcome> {
    const url = timeSource(ctx);
    if (!url) return ntpState(ctx);
    const { warnSeconds, failSeconds } = ctx.policy.checks.clockSkew;
    const r = await httpProbe(url, { signal: ctx.signal, timeoutMs: ctx.policy.checks.probeTimeoutMs, env: ctx.env, method: 'HEAD' });
    const date = typeof r.headers?.date === 'string' ? Date.parse(r.headers.date) : NaN;
    if (r.error || Number.isNaN(date) || r.answeredAt === undefined) {
      const why = r.error ? describeProbeError(r, ctx.policy.checks.probeTimeoutMs) : cm('clock.noDateHeader');
      return { status: 'skipped', detail: cm('clock.noTime', { url, why: msg(why) }), data: { url } };
    }
    // The server stamped its Date somewhere during the round trip; it is truncated to the second.
    // Measured from when the request went out (after DNS, TCP and TLS), not from the start.
    const requestSent = r.sentAt + (r.timings.tlsMs ?? r.timings.proxyMs ?? r.timings.connectMs ?? 0);
    const localMid = (Math.min(requestSent, r.answeredAt) + r.answeredAt) / 2;
    const skewSeconds = Math.round((date + 500 - localMid) / 100) / 10;
    const abs = Math.abs(skewSeconds);
    const status = abs > failSeconds ? 'fail' : abs > warnSeconds ? 'warn' : 'pass';
    return {
      status,
      detail: cm('clock.skew', { skew: msg(skewText(skewSeconds)), local: at(new Date(localMid)), server: at(new Date(date)), roundTrip: dur(r.answeredAt - requestSent) }),
      ...(status === 'pass' ? {} : { advice: [ADVICE.syncClock] }),
      data: { url, skewSeconds, serverDate: r.headers?.date, roundTripMs: Math.round(r.answeredAt - requestSent), thresholds: { warnSeconds, failSeconds } },
    };
  },
};
