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
import net from 'node:net';
import { CONNECTION_PATH, ADVICE } from './advice.js';
import type { Check, CheckContext, CheckOutcome } from './types.js';
import { cm, dur, type CheckMessage } from '../../../shared/check-messages.js';
import { dns } from '../platform/lazy-builtins.js';

export const DEFAULT_DNS_PROBE = 'example.com';

export type Answer =
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
    const found = await withTimeout(dns().promises.lookup(name, { all: true }), ctx.policy.checks.probeTimeoutMs, ctx.signal);
    return { kind: 'ok', addresses: found.map((a) => a.address), ms: performance.now() - started };
  } catch (err) {
    return classify(err, started);
  }
}

/** One name from one DNS server (A, else AAAA), bounded by the probe timeout and the check's signal. */
export async function serverLookup(server: string, name: string, ctx: Pick<CheckContext, 'policy' | 'signal'>): Promise<Answer> {
  const timeoutMs = ctx.policy.checks.probeTimeoutMs;
  const resolver = new (dns().promises.Resolver)({ timeout: timeoutMs, tries: 1 });
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

function answerText(q: Query, timeoutMs: number): CheckMessage {
  const a = q.answer;
  const name = q.name;
  switch (a.kind) {
    case 'ok':
      return cm('dns.ok', { name, addresses: a.addresses.join(', '), took: dur(a.ms) });
    case 'nxdomain':
      return cm('dns.nxdomain', { name });
    case 'nodata':
      return cm('dns.nodata', { name });
    case 'timeout':
      return cm('dns.timeout', { name, timeout: dur(timeoutMs) });
    case 'refused':
      return cm('dns.refused', { name, code: a.code });
    case 'servfail':
      return cm('dns.servfail', { name });
    default:
      return cm('dns.error', { name, code: a.code });
  }
}

/** Verdict for one resolver's answers. */
function judge(queries: Query[], required: boolean, slowMs: number): { status: CheckOutcome['status']; note?: CheckMessage; advice?: CheckMessage[] } {
  const kinds = queries.map((q) => q.answer.kind);
  if (kinds.some((k) => k === 'timeout' || k === 'refused' || k === 'servfail' || k === 'error')) {
    return { status: 'fail', advice: [ADVICE.checkDnsServers, ...CONNECTION_PATH] };
  }
  if (kinds.some((k) => k === 'nxdomain' || k === 'nodata')) {
    if (required) return { status: 'fail', advice: [ADVICE.checkDnsServers, ...CONNECTION_PATH] };
    return { status: 'warn', note: cm('dns.filtered', { probe: DEFAULT_DNS_PROBE }), advice: [ADVICE.checkDnsServers, ADVICE.changeNetwork] };
  }
  const slowest = Math.max(...queries.map((q) => q.answer.ms));
  if (slowest > slowMs) return { status: 'warn', note: cm('dns.slow', { slowest: dur(slowest), limit: dur(slowMs) }), advice: [ADVICE.checkDns, ADVICE.checkDnsServers] };
  return { status: 'pass' };
}

/** The verdict's note first, then each name's answer. */
function detailOf(queries: Query[], timeoutMs: number, note?: CheckMessage): CheckMessage[] {
  return [...(note ? [note] : []), ...queries.map((q) => answerText(q, timeoutMs))];
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
    title: cm('title.dns'),
    platforms: ['linux', 'win32', 'darwin'],
    timeoutMs: 10_000,
    async run(ctx): Promise<CheckOutcome[]> {
      const { names, required } = dnsProbeNames(ctx.policy);
      const { probeTimeoutMs, slowMs } = ctx.policy.checks;
      const servers = [...new Set((options.servers ?? (() => dns().getServers()))())].slice(0, 6);
      const [system, perServer] = await Promise.all([
        Promise.all(names.map(async (name) => ({ name, answer: await systemLookup(name, ctx) }))),
        Promise.all(servers.map(async (server) => ({ server, queries: await Promise.all(names.map(async (name) => ({ name, answer: await serverLookup(server, name, ctx) }))) }))),
      ]);
      const results: CheckOutcome[] = [];
      const sys = judge(system, required, slowMs);
      results.push({
        title: cm('title.dns-system'),
        status: sys.status,
        detail: detailOf(system, probeTimeoutMs, sys.note),
        ...(sys.advice ? { advice: sys.advice } : {}),
        data: { names, required, servers, queries: dataOf(system) },
      });
      for (const { server, queries } of perServer) {
        const v = judge(queries, required, slowMs);
        results.push({
          subject: server,
          title: cm('title.dns-server', { server }),
          status: v.status,
          detail: detailOf(queries, probeTimeoutMs, v.note),
          ...(v.advice ? { advice: v.advice } : {}),
          data: { server, queries: dataOf(queries) },
        });
      }
      if (servers.length === 0) {
        results.push({
          subject: 'servers',
          title: cm('title.dns-servers'),
          status: 'warn',
          detail: cm('dns.noServers'),
          advice: [ADVICE.checkDnsServers, ADVICE.checkNetworkConfig],
        });
      }
      return results;
    },
  };
}

export const dnsCheck: Check = createDnsCheck();
