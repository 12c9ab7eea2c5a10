/**
 * 网络连接测试 — DNS: the names that matter resolve through the system resolver (what programs
 * use, /etc/hosts included), and each configured DNS server answers on its own. One result for
 * the system resolver, one per server (`dns:10.0.0.1`), so "the second DNS server is dead" is
 * visible even while the first one hides it.
 *
 * Which names: policy `checks.dnsNames`, else the host names of the policy's endpoints, else
 * `example.com` (reserved by IANA and always present on the Internet; not finding it means the
 * network filters DNS or has no Internet DNS — a warning, not a failure).
 */
import dns from 'node:dns';
import net from 'node:net';
import { CONNECTION_PATH, ADVICE } from './advice.js';
import { ms, secondsText, t } from './support/format.js';
import type { Check, CheckContext, CheckOutcome } from './types.js';
import type { LocalizedText } from '../../../shared/types.js';

export const DEFAULT_DNS_PROBE = 'example.com';

type Answer =
  | { kind: 'ok'; addresses: string[]; ms: number }
  | { kind: 'nxdomain' | 'nodata' | 'timeout' | 'refused' | 'servfail' | 'error'; ms: number; code: string };

interface Query {
  name: string;
  answer: Answer;
}

export interface DnsCheckOptions {
  /** DNS servers to ask one by one (tests); default: the system's (`dns.getServers()`). */
  servers?: () => string[];
}

/** The names to resolve and whether they come from policy (a miss is then a failure). */
export function dnsProbeNames(policy: CheckContext['policy']): { names: string[]; required: boolean } {
  if (policy.checks.dnsNames.length > 0) return { names: [...new Set(policy.checks.dnsNames.map((n) => n.replace(/\.$/, '')))], required: true };
  const hosts = policy.checks.endpoints.map((e) => new URL(e.url).hostname).filter((h) => h && net.isIP(h.replace(/^\[|\]$/g, '')) === 0);
  if (hosts.length > 0) return { names: [...new Set(hosts)].slice(0, 5), required: true };
  return { names: [DEFAULT_DNS_PROBE], required: false };
}

function classify(err: unknown, started: number): Answer {
  const code = (err as NodeJS.ErrnoException)?.code ?? 'ERROR';
  const elapsed = performance.now() - started;
  if (code === 'ENOTFOUND') return { kind: 'nxdomain', ms: elapsed, code };
  if (code === 'ENODATA') return { kind: 'nodata', ms: elapsed, code };
  if (code === 'ETIMEOUT' || code === 'TIMEOUT' || code === 'EAI_AGAIN') return { kind: 'timeout', ms: elapsed, code };
  if (code === 'ECONNREFUSED' || code === 'EREFUSED') return { kind: 'refused', ms: elapsed, code };
  if (code === 'ESERVFAIL') return { kind: 'servfail', ms: elapsed, code };
  return { kind: 'error', ms: elapsed, code };
}

/** Races a promise against the probe timeout: getaddrinfo cannot be cancelled. */
function withTimeout<T>(promise: Promise<T>, timeoutMs: number, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })), timeoutMs);
    const onAbort = () => reject(Object.assign(new Error('cancelled'), { code: 'CANCELLED' }));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    });
  });
}

async function systemLookup(name: string, ctx: CheckContext): Promise<Answer> {
  const started = performance.now();
  try {
    const found = await withTimeout(dns.promises.lookup(name, { all: true }), ctx.policy.checks.probeTimeoutMs, ctx.signal);
    return { kind: 'ok', addresses: found.map((a) => a.address), ms: performance.now() - started };
  } catch (err) {
    return classify(err, started);
  }
}

async function serverLookup(server: string, name: string, ctx: CheckContext): Promise<Answer> {
  const timeoutMs = ctx.policy.checks.probeTimeoutMs;
  const resolver = new dns.promises.Resolver({ timeout: timeoutMs, tries: 1 });
  resolver.setServers([server]);
  const onAbort = () => resolver.cancel();
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  const started = performance.now();
  try {
    // The A record, else AAAA: a name with only IPv6 addresses still resolves.
    let addresses = await withTimeout(resolver.resolve4(name), timeoutMs + 500, ctx.signal).catch(async (err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENODATA') throw err;
      return withTimeout(resolver.resolve6(name), timeoutMs + 500, ctx.signal);
    });
    addresses = addresses.slice(0, 4);
    return { kind: 'ok', addresses, ms: performance.now() - started };
  } catch (err) {
    return classify(err, started);
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
    resolver.cancel();
  }
}

function answerText(q: Query, timeoutMs: number): LocalizedText {
  const a = q.answer;
  switch (a.kind) {
    case 'ok':
      return t(`${q.name} → ${a.addresses.join(', ')}（${ms(a.ms)}）`, `${q.name} → ${a.addresses.join(', ')} (${ms(a.ms)})`);
    case 'nxdomain':
      return t(`${q.name}：名称不存在（NXDOMAIN）`, `${q.name}: name not found (NXDOMAIN)`);
    case 'nodata':
      return t(`${q.name}：名称存在但没有地址记录`, `${q.name}: the name exists but has no address record`);
    case 'timeout':
      return t(`${q.name}：${secondsText(timeoutMs)} 内无应答`, `${q.name}: no answer within ${secondsText(timeoutMs)}`);
    case 'refused':
      return t(`${q.name}：被拒绝（${a.code}：该地址没有 DNS 服务，或不为本机解析）`, `${q.name}: refused (${a.code}: no DNS service at that address, or it will not resolve for this computer)`);
    case 'servfail':
      return t(`${q.name}：服务器故障（SERVFAIL，上游解析失败）`, `${q.name}: server failure (SERVFAIL, the upstream lookup failed)`);
    default:
      return t(`${q.name}：错误 ${a.code}`, `${q.name}: error ${a.code}`);
  }
}

function joined(queries: Query[], timeoutMs: number): LocalizedText {
  const parts = queries.map((q) => answerText(q, timeoutMs));
  return { 'zh-CN': parts.map((p) => p['zh-CN']).join('；'), en: parts.map((p) => p.en).join('; ') };
}

/** Verdict for one resolver's answers. */
function judge(queries: Query[], required: boolean, slowMs: number): { status: CheckOutcome['status']; note?: LocalizedText; advice?: LocalizedText[] } {
  const kinds = queries.map((q) => q.answer.kind);
  if (kinds.some((k) => k === 'timeout' || k === 'refused' || k === 'servfail' || k === 'error')) {
    return { status: 'fail', advice: [ADVICE.checkDnsServers, ...CONNECTION_PATH] };
  }
  if (kinds.some((k) => k === 'nxdomain' || k === 'nodata')) {
    if (required) return { status: 'fail', advice: [ADVICE.checkDnsServers, ...CONNECTION_PATH] };
    return {
      status: 'warn',
      note: t(
        `DNS 有应答，但找不到 ${DEFAULT_DNS_PROBE}（互联网上一定存在的名称）：此网络可能过滤了 DNS 或没有互联网 DNS`,
        `DNS answers, but does not know ${DEFAULT_DNS_PROBE} (a name that always exists on the Internet): this network may filter DNS or have no Internet DNS`,
      ),
      advice: [ADVICE.checkDnsServers, ADVICE.changeNetwork],
    };
  }
  const slowest = Math.max(...queries.map((q) => q.answer.ms));
  if (slowest > slowMs) {
    return {
      status: 'warn',
      note: t(`解析缓慢（最慢 ${ms(slowest)}，超过 ${ms(slowMs)}）`, `slow (slowest ${ms(slowest)}, over ${ms(slowMs)})`),
      advice: [ADVICE.checkDns, ADVICE.checkDnsServers],
    };
  }
  return { status: 'pass' };
}

function withNote(detail: LocalizedText, note?: LocalizedText): LocalizedText {
  return note ? { 'zh-CN': `${note['zh-CN']}。${detail['zh-CN']}`, en: `${note.en}. ${detail.en}` } : detail;
}

function dataOf(queries: Query[]) {
  return queries.map((q) => ({
    name: q.name,
    result: q.answer.kind,
    ms: Math.round(q.answer.ms),
    ...(q.answer.kind === 'ok' ? { addresses: q.answer.addresses } : { code: q.answer.code }),
  }));
}

export function createDnsCheck(options: DnsCheckOptions = {}): Check {
  return {
    id: 'dns',
    group: 'network',
    title: { 'zh-CN': 'DNS 解析', en: 'DNS resolution' },
    platforms: ['linux', 'win32', 'darwin'],
    timeoutMs: 10_000,
    async run(ctx): Promise<CheckOutcome[]> {
      const { names, required } = dnsProbeNames(ctx.policy);
      const { probeTimeoutMs, slowMs } = ctx.policy.checks;
      const servers = [...new Set((options.servers ?? (() => dns.getServers()))())].slice(0, 6);
      const [system, perServer] = await Promise.all([
        Promise.all(names.map(async (name) => ({ name, answer: await systemLookup(name, ctx) }))),
        Promise.all(servers.map(async (server) => ({ server, queries: await Promise.all(names.map(async (name) => ({ name, answer: await serverLookup(server, name, ctx) }))) }))),
      ]);
      const results: CheckOutcome[] = [];
      const sys = judge(system, required, slowMs);
      results.push({
        title: { 'zh-CN': 'DNS 解析（系统）', en: 'DNS resolution (system resolver)' },
        status: sys.status,
        detail: withNote(joined(system, probeTimeoutMs), sys.note),
        ...(sys.advice ? { advice: sys.advice } : {}),
        data: { names, required, servers, queries: dataOf(system) },
      });
      for (const { server, queries } of perServer) {
        const v = judge(queries, required, slowMs);
        results.push({
          subject: server,
          title: { 'zh-CN': `DNS 服务器 ${server}`, en: `DNS server ${server}` },
          status: v.status,
          detail: withNote(joined(queries, probeTimeoutMs), v.note),
          ...(v.advice ? { advice: v.advice } : {}),
          data: { server, queries: dataOf(queries) },
        });
      }
      if (servers.length === 0) {
        results.push({
          subject: 'servers',
          title: { 'zh-CN': 'DNS 服务器', en: 'DNS servers' },
          status: 'warn',
          detail: t('未配置 DNS 服务器', 'no DNS servers are configured'),
          advice: [ADVICE.checkDnsServers, ADVICE.checkNetworkConfig],
        });
      }
      return results;
    },
  };
}

export const dnsCheck: Check = createDnsCheck();
