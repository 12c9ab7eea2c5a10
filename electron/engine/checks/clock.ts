/**
 * 系统环境检查 — the system clock against a server's HTTP `Date` header (policy
 * `checks.timeUrl`, else the first endpoint). A clock minutes off breaks HTTPS certificates and
 * logins (tokens "not yet valid"), and makes log times disagree with the ticket's time of
 * occurrence. Without a URL, Linux's NTP synchronisation state (`timedatectl`) is reported.
 */
import { formatLocalTime } from '../collectors/support/text.js';
import { ADVICE } from './advice.js';
import { ms, t } from './support/format.js';
import { describeProbeError, httpProbe } from './support/http-probe.js';
import type { Check, CheckContext, CheckOutcome } from './types.js';

function timeSource(ctx: CheckContext): string | undefined {
  return ctx.policy.checks.timeUrl ?? ctx.policy.checks.endpoints[0]?.url ?? ctx.policy.checks.captivePortal?.url;
}

function skewText(seconds: number): { zh: string; en: string } {
  const abs = Math.abs(seconds);
  const amount = abs >= 120 ? `${Math.round(abs / 60)} min` : `${Math.round(abs)} s`;
  if (abs < 2) return { zh: '与服务器时间一致（误差小于 2 秒）', en: 'matches the server (within 2 s)' };
  return seconds > 0 ? { zh: `比服务器慢 ${amount}`, en: `${amount} behind the server` } : { zh: `比服务器快 ${amount}`, en: `${amount} ahead of the server` };
}

async function ntpState(ctx: CheckContext): Promise<CheckOutcome> {
  if (ctx.platform === 'linux') {
    const r = await ctx.exec('timedatectl', ['show', '-p', 'NTPSynchronized', '--value'], { timeoutMs: 3000 }).catch(() => undefined);
    const value = r && r.code === 0 ? r.stdout.toString('utf8').trim() : undefined;
    if (value === 'yes') return { status: 'pass', detail: t('系统时间由 NTP 同步（策略中没有时间地址，未测量误差）', 'the clock is synchronized by NTP (no time URL in policy to measure the difference)'), data: { ntpSynchronized: true } };
    if (value === 'no') return { status: 'warn', detail: t('系统时间没有与 NTP 同步', 'the clock is not synchronized by NTP'), advice: [ADVICE.syncClock], data: { ntpSynchronized: false } };
  }
  return { status: 'skipped', detail: t('策略中没有时间地址（checks.timeUrl 或 checks.endpoints），无法测量时钟误差', 'no time URL in policy (checks.timeUrl or checks.endpoints) to measure the clock against') };
}

export const clockCheck: Check = {
  id: 'clock',
  group: 'environment',
  title: { 'zh-CN': '系统时间', en: 'System clock' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 10_000,
  async run(ctx): Promise<CheckOutcome> {
    const url = timeSource(ctx);
    if (!url) return ntpState(ctx);
    const { warnSeconds, failSeconds } = ctx.policy.checks.clockSkew;
    const r = await httpProbe(url, { signal: ctx.signal, timeoutMs: ctx.policy.checks.probeTimeoutMs, env: ctx.env, method: 'HEAD' });
    const date = typeof r.headers?.date === 'string' ? Date.parse(r.headers.date) : NaN;
    if (r.error || Number.isNaN(date) || r.answeredAt === undefined) {
      const why = r.error ? describeProbeError(r, ctx.policy.checks.probeTimeoutMs) : t('响应中没有 Date 头', 'the answer has no Date header');
      return { status: 'skipped', detail: { 'zh-CN': `无法从 ${url} 获取时间：${why['zh-CN']}`, en: `could not get the time from ${url}: ${why.en}` }, data: { url } };
    }
    // The server stamped its Date somewhere during the round trip; it is truncated to the second.
    // Measured from when the request went out (after DNS, TCP and TLS), not from the start.
    const requestSent = r.sentAt + (r.timings.tlsMs ?? r.timings.proxyMs ?? r.timings.connectMs ?? 0);
    const localMid = (Math.min(requestSent, r.answeredAt) + r.answeredAt) / 2;
    const skewSeconds = Math.round((date + 500 - localMid) / 100) / 10;
    const abs = Math.abs(skewSeconds);
    const status = abs > failSeconds ? 'fail' : abs > warnSeconds ? 'warn' : 'pass';
    const s = skewText(skewSeconds);
    const local = formatLocalTime(new Date(localMid));
    const server = formatLocalTime(new Date(date));
    return {
      status,
      detail: t(
        `本机时间${s.zh}（本机 ${local}，服务器 ${server}，往返 ${ms(r.answeredAt - requestSent)}）`,
        `the clock ${s.en} (local ${local}, server ${server}, round trip ${ms(r.answeredAt - requestSent)})`,
      ),
      ...(status === 'pass' ? {} : { advice: [ADVICE.syncClock] }),
      data: { url, skewSeconds, serverDate: r.headers?.date, roundTripMs: Math.round(r.answeredAt - requestSent), thresholds: { warnSeconds, failSeconds } },
    };
  },
};
