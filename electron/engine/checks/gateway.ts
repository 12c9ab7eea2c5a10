/**
 * 网络连接测试 — the default gateway: is there one, and does it answer?
 *
 * No ICMP socket is needed: TCP connections to ports 53, 80 and 443 of the gateway tell
 * "reachable" both when one connects and when the gateway refuses (a reset comes from a live
 * host). `ping -c1 -W1` runs beside them when the binary exists (it often does not, and may lack
 * the privilege). When neither answers, the kernel's ARP table says whether the gateway at least
 * answered on the link (many routers ignore pings and closed ports). "Host unreachable" (no ARP
 * answer) is a failure; silence alone is only a warning.
 */
import { readFile } from 'node:fs/promises';
import type { Platform } from '../../../shared/types.js';
import { CommandNotFoundError } from '../platform/exec.js';
import { CONNECTION_PATH } from './advice.js';
import { cm, dur, type CheckMessage } from '../../../shared/check-messages.js';
import { tcpProbe, type TcpProbeResult } from './support/tcp-probe.js';
import type { Check, CheckContext, CheckOutcome } from './types.js';

export interface Gateway {
  address: string;
  family: 4 | 6;
  interface?: string;
}

const PROBE_PORTS = [53, 80, 443];

/** Default routes from Linux `/proc/net/route` (addresses are little-endian hex). */
export function parseProcNetRoute(text: string): Gateway[] {
  const out: Gateway[] = [];
  for (const line of text.split('\n').slice(1)) {
    const [iface, dest, gw, flags, , , , mask] = line.trim().split(/\s+/);
    if (!iface || dest !== '00000000' || mask !== '00000000' || !gw || gw === '00000000') continue;
    if ((parseInt(flags ?? '0', 16) & 0x3) !== 0x3) continue; // RTF_UP | RTF_GATEWAY
    const octets = [6, 4, 2, 0].map((i) => parseInt(gw.slice(i, i + 2), 16));
    out.push({ address: octets.join('.'), family: 4, interface: iface });
  }
  return out;
}

/** Default routes from Linux `/proc/net/ipv6_route`. */
export function parseProcNetIpv6Route(text: string): Gateway[] {
  const out: Gateway[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10) continue;
    const [dest, plen, , , nextHop, , , , flags, iface] = f;
    if (!/^0{32}$/.test(dest!) || plen !== '00' || /^0{32}$/.test(nextHop!) || (parseInt(flags!, 16) & 0x3) !== 0x3) continue;
    const full = nextHop!.match(/.{4}/g)!.join(':');
    out.push({ address: new URL(`http://[${full}]`).hostname.slice(1, -1), family: 6, interface: iface });
  }
  return out;
}

/** `route print -4 0.0.0.0` on Windows: the `0.0.0.0 0.0.0.0 <gateway> <interface>` lines. */
export function parseWindowsRoutePrint(text: string): Gateway[] {
  return [...text.matchAll(/^\s*0\.0\.0\.0\s+0\.0\.0\.0\s+(\d+\.\d+\.\d+\.\d+)\s+(\S+)/gm)].map((m) => ({ address: m[1]!, family: 4 as const, interface: m[2] }));
}

/** IPv4 addresses whose ARP entry is complete (flag 0x2) with a real MAC, from `/proc/net/arp`. */
export function parseProcNetArp(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n').slice(1)) {
    const [ip, , flags, mac] = line.trim().split(/\s+/);
    if (ip && mac && mac !== '00:00:00:00:00:00' && (parseInt(flags ?? '0', 16) & 0x2) === 0x2) out.add(ip);
  }
  return out;
}

/** `ip neigh show` state: REACHABLE/STALE/DELAY/PROBE/PERMANENT answered on the link, FAILED/INCOMPLETE did not. */
export function parseNeighbourState(text: string): 'reachable' | 'failed' | undefined {
  const states = text.split('\n').map((l) => /\b(REACHABLE|STALE|DELAY|PROBE|PERMANENT|NOARP|FAILED|INCOMPLETE)\s*$/.exec(l.trim())?.[1]).filter(Boolean);
  if (states.some((s) => s !== 'FAILED' && s !== 'INCOMPLETE')) return 'reachable';
  return states.length > 0 ? 'failed' : undefined;
}

export interface GatewayCheckOptions {
  /** Where the gateways come from (tests); default: the OS routing table. */
  gateways?: (ctx: CheckContext) => Promise<Gateway[] | undefined>;
  /** Ports probed; default 53, 80, 443. */
  ports?: number[];
  /** Linux ARP table (tests). */
  arpPath?: string;
  /** The TCP probe (tests on networks where every address answers); default tcpProbe. */
  tcp?: typeof tcpProbe;
}

async function systemGateways(ctx: CheckContext): Promise<Gateway[] | undefined> {
  if (ctx.platform === 'linux') {
    const [v4, v6] = await Promise.all([readFile('/proc/net/route', 'utf8').catch(() => undefined), readFile('/proc/net/ipv6_route', 'utf8').catch(() => undefined)]);
    if (v4 === undefined && v6 === undefined) return undefined;
    return [...parseProcNetRoute(v4 ?? ''), ...parseProcNetIpv6Route(v6 ?? '')];
  }
  if (ctx.platform === 'darwin') {
    const out: Gateway[] = [];
    for (const [args, family] of [[['-n', 'get', 'default'], 4], [['-n', 'get', '-inet6', 'default'], 6]] as const) {
      const r = await ctx.exec('route', [...args], { timeoutMs: 3000 }).catch(() => undefined);
      const gw = r && r.code === 0 ? /gateway:\s*(\S+)/.exec(r.stdout.toString('utf8'))?.[1] : undefined;
      const iface = r ? /interface:\s*(\S+)/.exec(r.stdout.toString('utf8'))?.[1] : undefined;
      if (gw) out.push({ address: gw, family, interface: iface });
    }
    return out;
  }
  const r = await ctx.exec('route', ['print', '-4', '0.0.0.0'], { timeoutMs: 5000 }).catch(() => undefined);
  return r && r.code === 0 ? parseWindowsRoutePrint(r.stdout.toString('utf8')) : undefined;
}

function pingArgs(platform: Platform, gw: Gateway): [string, string[]] {
  if (platform === 'win32') return ['ping', ['-n', '1', '-w', '1000', gw.address]];
  if (platform === 'darwin') return [gw.family === 6 ? 'ping6' : 'ping', gw.family === 6 ? ['-c', '1', gw.address] : ['-c', '1', '-t', '1', gw.address]];
  return ['ping', ['-c', '1', '-W', '1', '-n', ...(gw.family === 6 ? ['-6'] : []), gw.address]];
}

interface GatewayProbe {
  gateway: Gateway;
  verdict: 'reachable' | 'link' | 'unreachable' | 'silent';
  tcp: TcpProbeResult[];
  ping: 'answered' | 'no-answer' | 'unavailable';
  /** The first positive answer. */
  answer?: TcpProbeResult | 'ping' | 'neighbour';
}

/** What the kernel's neighbour table (ARP / IPv6 neighbour discovery) says of the gateway, on Linux. */
async function neighbourState(ctx: CheckContext, gw: Gateway, arpPath: string): Promise<'confirmed' | 'reachable' | 'failed' | undefined> {
  if (ctx.platform !== 'linux') return undefined;
  const r = await ctx
    .exec('ip', [gw.family === 6 ? '-6' : '-4', 'neigh', 'show', gw.address, ...(gw.interface ? ['dev', gw.interface] : [])], { timeoutMs: 2000 })
    .catch(() => undefined);
  const text = r && r.code === 0 ? r.stdout.toString('utf8') : '';
  // REACHABLE: the kernel confirmed two-way traffic with the gateway within the last ~30 s.
  if (/\b(REACHABLE|PERMANENT)\s*$/m.test(text)) return 'confirmed';
  const state = text ? parseNeighbourState(text) : undefined;
  if (state || gw.family === 6) return state;
  const arp = await readFile(arpPath, 'utf8').catch(() => '');
  return parseProcNetArp(arp).has(gw.address) ? 'reachable' : undefined;
}

/** A gateway the neighbour table knows (it answered on the link) gets only this long to answer a probe too. */
const KNOWN_NEIGHBOUR_PROBE_MS = 300;

async function probeGateway(ctx: CheckContext, gw: Gateway, ports: number[], arpPath: string, probe: typeof tcpProbe): Promise<GatewayProbe> {
  // The kernel already failed to find the gateway on the link: probing would only wait out the
  // timeout (and slow every collection by it) to learn the same.
  const known = await neighbourState(ctx, gw, arpPath);
  if (known === 'failed') return { gateway: gw, verdict: 'unreachable', tcp: [], ping: 'unavailable' };
  // Confirmed just now by real traffic: probing would only wait on routers that ignore probes.
  if (known === 'confirmed') return { gateway: gw, verdict: 'reachable', tcp: [], ping: 'unavailable', answer: 'neighbour' };
  // Known on the link already (STALE …): a LAN gateway answers a probe in milliseconds; one that
  // ignores probes is still 'link', so a short wait keeps every collection from paying 3 s for it.
  const timeoutMs = known === 'reachable' ? Math.min(KNOWN_NEIGHBOUR_PROBE_MS, ctx.policy.checks.probeTimeoutMs) : ctx.policy.checks.probeTimeoutMs;
  // Link-local IPv6 gateways need their interface.
  const host = gw.family === 6 && /^fe80:/i.test(gw.address) && gw.interface ? `${gw.address}%${gw.interface}` : gw.address;
  const stop = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stop.signal]);
  let answer: GatewayProbe['answer'];
  const tcp: TcpProbeResult[] = [];
  let ping: GatewayProbe['ping'] = 'unavailable';
  const tcpRuns = ports.map(async (port) => {
    const r = await probe(host, port, { timeoutMs, signal });
    tcp.push({ ...r, host: gw.address });
    if ((r.outcome === 'connected' || r.outcome === 'refused') && !answer) {
      answer = r;
      stop.abort();
    }
  });
  const pingRun = (async () => {
    const [cmd, args] = pingArgs(ctx.platform, gw);
    try {
      const r = await ctx.exec(cmd, args, { timeoutMs: Math.min(timeoutMs, 2500), signal });
      // Exit 2 (no privilege for ICMP, bad option) says nothing about the gateway.
      ping = r.code === 0 ? 'answered' : r.code === 1 ? 'no-answer' : 'unavailable';
      if (r.code === 0 && !answer) {
        answer = 'ping';
        stop.abort();
      }
    } catch (err) {
      if (!(err instanceof CommandNotFoundError) && !signal.aborted) ping = 'unavailable';
    }
  })();
  await Promise.all([...tcpRuns, pingRun]);
  tcp.sort((a, b) => a.port - b.port);
  if (answer) return { gateway: gw, verdict: 'reachable', tcp, ping, answer };
  const neighbour = await neighbourState(ctx, gw, arpPath);
  if (neighbour === 'reachable' || neighbour === 'confirmed') return { gateway: gw, verdict: 'link', tcp, ping };
  const unreachable = neighbour === 'failed' || tcp.some((p) => p.outcome === 'unreachable');
  return { gateway: gw, verdict: unreachable ? 'unreachable' : 'silent', tcp, ping };
}

function describe(p: GatewayProbe, timeoutMs: number): CheckMessage {
  const gateway = `${p.gateway.address}${p.gateway.interface ? ` (${p.gateway.interface})` : ''}`;
  const ports = p.tcp.map((x) => x.port).join(', ');
  if (p.verdict === 'reachable') {
    if (p.answer === 'ping') return cm('gateway.ping', { gateway });
    if (p.answer === 'neighbour') return cm('gateway.neighbour', { gateway });
    const a = p.answer as TcpProbeResult;
    return cm('gateway.tcp', { gateway, port: a.port, took: dur(a.ms) });
  }
  if (p.verdict === 'link') return cm('gateway.link', { gateway, ports });
  if (p.verdict === 'unreachable') return cm('gateway.unreachable', { gateway });
  return cm('gateway.silent', { gateway, ports, timeout: dur(timeoutMs) });
}

export function createGatewayCheck(options: GatewayCheckOptions = {}): Check {
  return {
    id: 'gateway',
    group: 'network',
    title: cm('title.gateway'),
    platforms: ['linux', 'win32', 'darwin'],
    timeoutMs: 10_000,
    async run(ctx): Promise<CheckOutcome> {
      const gateways = await (options.gateways ?? systemGateways)(ctx);
      if (gateways === undefined) {
        return { status: 'skipped', detail: cm('gateway.unreadable') };
      }
      if (gateways.length === 0) {
        return {
          status: 'fail',
          detail: cm('gateway.none'),
          advice: CONNECTION_PATH,
          data: { gateways: [] },
        };
      }
      // The first IPv4 and the first IPv6 gateway: the ones traffic takes.
      const chosen = [gateways.find((g) => g.family === 4), gateways.find((g) => g.family === 6)].filter((g): g is Gateway => g !== undefined);
      const probes = await Promise.all(chosen.map((g) => probeGateway(ctx, g, options.ports ?? PROBE_PORTS, options.arpPath ?? '/proc/net/arp', options.tcp ?? tcpProbe)));
      const timeoutMs = ctx.policy.checks.probeTimeoutMs;
      const good = (p: GatewayProbe) => p.verdict === 'reachable' || p.verdict === 'link';
      const primary = probes[0]!;
      const others = probes.slice(1);
      let status: CheckOutcome['status'] = good(primary) ? 'pass' : primary.verdict === 'unreachable' ? 'fail' : 'warn';
      // A dead IPv6 gateway next to a working IPv4 one slows programs that try IPv6 first.
      if (status === 'pass' && others.some((p) => p.verdict === 'unreachable')) status = 'warn';
      const detail = probes.map((p) => describe(p, timeoutMs));
      if (status === 'warn' && good(primary)) detail.push(cm('gateway.ipv6Slow'));
      return {
        status,
        detail,
        ...(status === 'pass' ? {} : { advice: CONNECTION_PATH }),
        data: {
          gateways: probes.map((p) => ({
            address: p.gateway.address,
            family: p.gateway.family,
            interface: p.gateway.interface,
            verdict: p.verdict,
            ping: p.ping,
            tcp: p.tcp.map((x) => ({ port: x.port, outcome: x.outcome, ms: Math.round(x.ms), ...(x.code ? { code: x.code } : {}) })),
          })),
        },
      };
    },
  };
}

export const gatewayCheck: Check = createGatewayCheck();
