/**
 * The network while recording: every few seconds the interfaces and their addresses, the
 * default route, the answers for the policy's DNS names and the proxy are read (the same
 * sources the network collector and the checks use) and compared with the last reading; each
 * difference becomes an event ("Wi-Fi lost its address", "DNS for erp.example.com failed"),
 * so the agent sees the network change next to the click that failed.
 */
import { lookup } from 'node:dns/promises';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import type { Policy } from '../../../shared/policy.js';
import type { Platform } from '../../../shared/types.js';
import { dnsProbeNames } from '../checks/dns.js';
import { parseProcNetRoute, parseWindowsRoutePrint, type Gateway } from '../checks/gateway.js';
import { interfacesFromNode } from '../collectors/network.js';
import { formatSystemProxy, readSystemProxies } from '../collectors/support/system-proxy.js';
import { exec } from '../platform/exec.js';
import { displayProxy, proxyVariables } from '../platform/proxy.js';

const DNS_TIMEOUT_MS = 2_000;

/** One reading, as comparable text per aspect. */
export interface NetworkSnapshot {
  /** interface name → its addresses, sorted (loopback left out). */
  interfaces: Record<string, string>;
  /** `gateway via interface`, sorted. */
  routes: string[];
  /** name → sorted addresses, or `failed: CODE`. */
  dns: Record<string, string>;
  /** Proxy settings in effect, as text. */
  proxy: string[];
}

export interface NetworkReaders {
  interfaces(): NodeJS.Dict<os.NetworkInterfaceInfo[]>;
  defaultRoutes(): Promise<Gateway[]>;
  resolve(name: string): Promise<string[]>;
  proxies(): Promise<string[]>;
}

/** `route -n get default` on macOS: its gateway and interface. */
export function parseDarwinDefaultRoute(text: string): Gateway[] {
  const gw = /^\s*gateway:\s*(\S+)/m.exec(text)?.[1];
  const iface = /^\s*interface:\s*(\S+)/m.exec(text)?.[1];
  return gw ? [{ address: gw, family: gw.includes(':') ? 6 : 4, ...(iface ? { interface: iface } : {}) }] : [];
}

/** The real sources on this computer. */
export function systemReaders(platform: Platform, env: NodeJS.ProcessEnv): NetworkReaders {
  return {
    interfaces: () => os.networkInterfaces(),
    async defaultRoutes() {
      if (platform === 'linux') return parseProcNetRoute(await readFile('/proc/net/route', 'utf8').catch(() => ''));
      const [cmd, args, parse] = platform === 'win32' ? (['route', ['print', '-4', '0.0.0.0'], parseWindowsRoutePrint] as const) : (['route', ['-n', 'get', 'default'], parseDarwinDefaultRoute] as const);
      const r = await exec(cmd, [...args], { timeoutMs: 5_000, maxBytes: 256 * 1024 }).catch(() => undefined);
      return r && r.code === 0 ? parse(r.stdout.toString('utf8')) : [];
    },
    async resolve(name) {
      const answers = await Promise.race([
        lookup(name, { all: true }),
        new Promise<never>((_, reject) => setTimeout(() => reject(Object.assign(new Error('timed out'), { code: 'TIMEOUT' })), DNS_TIMEOUT_MS).unref()),
      ]);
      return answers.map((a) => a.address);
    },
    async proxies() {
      const fromEnv = proxyVariables(env).map((v) => `${v.variable}=${v.url ? displayProxy(v.url) : '(unreadable)'}`);
      if (platform === 'linux') return fromEnv;
      const reading = await readSystemProxies((c, a, o) => exec(c, a, o), platform);
      return [...fromEnv, ...reading.proxies.map(formatSystemProxy)];
    },
  };
}

/** Reads the network once. */
export async function readNetwork(readers: NetworkReaders, names: readonly string[]): Promise<NetworkSnapshot> {
  const interfaces: Record<string, string> = {};
  for (const i of interfacesFromNode(readers.interfaces())) {
    const addrs = i.addresses.filter((a) => !a.address.startsWith('127.') && a.address !== '::1').map((a) => `${a.address}${a.prefixLength !== null ? `/${a.prefixLength}` : ''}`);
    if (i.name === 'lo' || (addrs.length === 0 && i.addresses.some((a) => a.address.startsWith('127.')))) continue;
    interfaces[i.name] = addrs.sort().join(', ');
  }
  const [routes, proxy, answers] = await Promise.all([
    readers.defaultRoutes().catch(() => [] as Gateway[]),
    readers.proxies().catch(() => [] as string[]),
    Promise.all(
      names.map(async (n) => {
        try {
          return [n, (await readers.resolve(n)).sort().join(', ')] as const;
        } catch (err) {
          return [n, `failed: ${(err as NodeJS.ErrnoException).code ?? 'ERROR'}`] as const;
        }
      }),
    ),
  ]);
  return {
    interfaces,
    routes: routes.map((r) => `${r.address}${r.interface ? ` via ${r.interface}` : ''}`).sort(),
    dns: Object.fromEntries(answers),
    proxy: [...proxy].sort(),
  };
}

export interface NetworkChange {
  text: string;
  /** Something was lost (an address, the route, a DNS answer): shown as a warning. */
  loss: boolean;
}

/** The differences between two readings, in words (English: the archive's log language). */
export function diffNetwork(before: NetworkSnapshot, after: NetworkSnapshot): NetworkChange[] {
  const out: NetworkChange[] = [];
  for (const name of new Set([...Object.keys(before.interfaces), ...Object.keys(after.interfaces)])) {
    const a = before.interfaces[name];
    const b = after.interfaces[name];
    if (a === b) continue;
    if (b === undefined) out.push({ text: `network: interface ${name} disappeared (had ${a || 'no address'})`, loss: true });
    else if (a === undefined) out.push({ text: `network: interface ${name} appeared (${b || 'no address'})`, loss: false });
    else out.push({ text: `network: interface ${name} addresses changed: ${a || 'none'} → ${b || 'none'}`, loss: b === '' });
  }
  if (before.routes.join('|') !== after.routes.join('|')) {
    out.push({ text: `network: default route changed: ${before.routes.join(', ') || 'none'} → ${after.routes.join(', ') || 'none'}`, loss: after.routes.length === 0 });
  }
  for (const name of Object.keys(after.dns)) {
    const a = before.dns[name];
    const b = after.dns[name]!;
    if (a !== undefined && a !== b) out.push({ text: `network: DNS ${name}: ${a} → ${b}`, loss: b.startsWith('failed') });
  }
  if (before.proxy.join('|') !== after.proxy.join('|')) out.push({ text: `network: proxy changed: ${before.proxy.join(', ') || 'none'} → ${after.proxy.join(', ') || 'none'}`, loss: false });
  return out;
}

/** The first reading, as one line for the recording's start. */
export function describeNetwork(s: NetworkSnapshot): string {
  const ifaces = Object.entries(s.interfaces).map(([n, a]) => `${n} ${a || 'no address'}`);
  const dns = Object.entries(s.dns).map(([n, a]) => `${n} → ${a}`);
  return `network at start: interfaces ${ifaces.join('; ') || 'none'}; default route ${s.routes.join(', ') || 'none'}; DNS ${dns.join('; ') || 'not asked'}; proxy ${s.proxy.join(', ') || 'none'}`;
}

/** The names whose answers are watched: the policy's (as the DNS check asks them). */
export function watchedNames(policy: Policy): string[] {
  return dnsProbeNames(policy).names;
}
