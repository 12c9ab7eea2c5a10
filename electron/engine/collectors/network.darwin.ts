/**
 * 网络配置 on macOS: the network services from `system_profiler -json SPNetworkDataType` (service
 * name, interface, addresses with subnet masks, router, DNS), merged with Node's interface list
 * (every address, loopback and tunnels too); the resolver configuration (`scutil --dns`); the
 * proxy settings (`scutil --proxy`); the services as `networksetup` shows them; routes.
 */
import os from 'node:os';
import type { DnsInfo, InterfaceAddress, NetworkGathered, NetworkInterface } from './network.js';
import { interfacesFromNode } from './network.js';
import { netmaskToPrefix } from './network.win32.js';
import { commandLine, commandText } from './support/run.js';
import { readSystemProxies } from './support/system-proxy.js';
import type { CollectorContext, PlannedCommand } from './types.js';

export function darwinNetworkPlan(): PlannedCommand[] {
  return [
    { command: 'netstat', args: ['-rn'], purpose: 'routing table' },
    { command: 'route', args: ['-n', 'get', 'default'], purpose: 'default gateway' },
    { command: 'scutil', args: ['--dns'], purpose: 'DNS resolvers (default, per-domain and per-interface)' },
    { command: 'scutil', args: ['--proxy'], purpose: 'proxy settings of the active network service' },
    { command: 'system_profiler', args: ['-json', 'SPNetworkDataType'], purpose: 'network services: interface, addresses, subnet masks, router, DNS, MAC' },
    { command: 'networksetup', args: ['-listallnetworkservices'], purpose: 'network services in their order (* = switched off)' },
    { command: 'networksetup', args: ['-getinfo', '<each service>'], purpose: 'each switched-on service: DHCP or manual, address, router' },
  ];
}

export interface NetworkService {
  name: string;
  interface?: string;
  type?: string;
  mac?: string;
  order?: number;
  configMethod?: string;
  ipv4: Array<{ address: string; mask?: string }>;
  ipv6: Array<{ address: string; prefixLength?: number }>;
  routers: string[];
  dnsServers: string[];
  searchDomains: string[];
}

type Json = Record<string, unknown>;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The services of `system_profiler -json SPNetworkDataType` (also found inside a combined report). */
export function parseSpNetwork(json: string | Json): NetworkService[] {
  const data = (typeof json === 'string' ? JSON.parse(json) : json) as Json;
  return arr(data.SPNetworkDataType).map((raw) => {
    const s = raw as Json;
    const v4 = (s.IPv4 ?? {}) as Json;
    const v6 = (s.IPv6 ?? {}) as Json;
    const dns = (s.DNS ?? {}) as Json;
    const eth = (s.Ethernet ?? s['Wi-Fi'] ?? {}) as Json;
    const masks = arr(v4.SubnetMasks).map(String);
    const prefixes = arr(v6.PrefixLength).map(Number);
    const order = Number(s.spnetwork_service_order);
    return {
      name: String(s._name ?? ''),
      interface: str(s.interface),
      type: str(s.type),
      mac: str(eth['MAC Address']),
      order: Number.isFinite(order) ? order : undefined,
      configMethod: str(v4.ConfigMethod),
      ipv4: arr(v4.Addresses ?? s.ip_address).map((a, i) => ({ address: String(a), mask: masks[i] })),
      ipv6: arr(v6.Addresses).map((a, i) => ({ address: String(a), prefixLength: prefixes[i] })),
      routers: [str(v4.Router), str(v6.Router)].filter((r): r is string => r !== undefined),
      dnsServers: arr(dns.ServerAddresses).map(String),
      searchDomains: arr(dns.SearchDomains).map(String),
    };
  });
}

/**
 * Node's interfaces (every address) completed with what the services say: the service name,
 * router, DNS servers and MAC; a service whose interface Node does not list (switched off, no
 * link) is added without addresses.
 */
export function mergeDarwinInterfaces(services: NetworkService[], nodeIfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]>): NetworkInterface[] {
  const interfaces = interfacesFromNode(nodeIfaces);
  const byName = new Map(interfaces.map((i) => [i.name, i]));
  for (const s of [...services].sort((a, b) => (a.order ?? 999) - (b.order ?? 999))) {
    if (!s.interface) continue;
    let iface = byName.get(s.interface);
    if (!iface) {
      const addresses: InterfaceAddress[] = [
        ...s.ipv4.map((a) => ({ family: 'IPv4' as const, address: a.address, prefixLength: a.mask ? (netmaskToPrefix(a.mask) ?? null) : null, netmask: a.mask ?? '' })),
        ...s.ipv6.map((a) => ({ family: 'IPv6' as const, address: a.address, prefixLength: a.prefixLength ?? null, netmask: a.prefixLength === undefined ? '' : `/${a.prefixLength}` })),
      ];
      iface = { name: s.interface, mac: s.mac ?? '', mtu: null, state: addresses.length ? 'UP' : 'DOWN', addresses, gateways: [] };
      interfaces.push(iface);
      byName.set(s.interface, iface);
    }
    iface.service = s.name;
    if (!iface.mac && s.mac) iface.mac = s.mac;
    if (!iface.state) iface.state = iface.addresses.some((a) => !a.address.startsWith('fe80')) ? 'UP' : '';
    for (const r of s.routers) if (!iface.gateways.includes(r)) iface.gateways.push(r);
    if (s.dnsServers.length) iface.dnsServers = s.dnsServers;
    if (s.configMethod) iface.configMethod = s.configMethod;
  }
  return interfaces;
}

export interface ScutilResolver {
  section: 'default' | 'scoped' | 'service';
  index: number;
  domain?: string;
  nameservers: string[];
  search: string[];
  interface?: string;
  flags?: string;
  reach?: string;
  order?: number;
}

/**
 * `scutil --dns`: "DNS configuration", then "(for scoped queries)" and "(for service-specific
 * queries)" sections of `resolver #N` blocks with `nameserver[0] : …`, `search domain[0] : …`,
 * `domain : …`, `if_index : 14 (en0)`, `flags`, `reach`, `order`.
 */
export function parseScutilDns(text: string): ScutilResolver[] {
  const out: ScutilResolver[] = [];
  let section: ScutilResolver['section'] = 'default';
  let current: ScutilResolver | undefined;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (/^DNS configuration \(for scoped queries\)/.test(t)) section = 'scoped';
    else if (/^DNS configuration \(for service-specific queries\)/.test(t)) section = 'service';
    else if (/^DNS configuration$/.test(t)) section = 'default';
    const r = /^resolver #(\d+)$/.exec(t);
    if (r) {
      current = { section, index: Number(r[1]), nameservers: [], search: [] };
      out.push(current);
      continue;
    }
    const kv = /^([a-z_ ]+?)(?:\[\d+\])?\s*:\s*(.+)$/i.exec(t);
    if (!kv || !current) continue;
    const [key, value] = [kv[1]!.trim(), kv[2]!.trim()];
    if (key === 'nameserver') current.nameservers.push(value);
    else if (key === 'search domain') current.search.push(value);
    else if (key === 'domain') current.domain = value;
    else if (key === 'if_index') current.interface = /\(([^)]+)\)/.exec(value)?.[1];
    else if (key === 'flags') current.flags = value;
    else if (key === 'reach') current.reach = value;
    else if (key === 'order') current.order = Number(value);
  }
  return out;
}

/** The DNS servers and search domains programs use: the default resolvers that answer for every domain. */
export function dnsFromScutil(resolvers: ScutilResolver[]): DnsInfo {
  const general = resolvers.filter((r) => r.section === 'default' && !r.domain);
  const unique = (l: string[]) => [...new Set(l)];
  return { nameservers: unique(general.flatMap((r) => r.nameservers)), search: unique(general.flatMap((r) => r.search)), source: 'scutil --dns' };
}

/** `networksetup -listallnetworkservices`: the services in order; a leading `*` means switched off. */
export function parseNetworkServices(text: string): Array<{ name: string; enabled: boolean }> {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l && !/^An asterisk \(\*\) denotes/.test(l))
    .map((l) => (l.startsWith('*') ? { name: l.slice(1), enabled: false } : { name: l, enabled: true }));
}

/** `route -n get default` → the gateway and its interface. */
export function parseRouteGet(text: string): { gateway?: string; interface?: string } {
  return { gateway: /gateway:\s*(\S+)/.exec(text)?.[1], interface: /interface:\s*(\S+)/.exec(text)?.[1] };
}

/** Runs the plan and puts the answers together (networksetup -getinfo once per switched-on service). */
export async function darwinNetwork(ctx: CollectorContext): Promise<NetworkGathered> {
  const [netstat, routeGet, dnsCmd, , sp, services] = darwinNetworkPlan();
  const run = (c: PlannedCommand, timeoutMs = 10_000) => commandText(ctx, c.command, c.args, { timeoutMs });
  const [spOut, dnsOut, proxies, servicesOut, routesOut, gwOut] = await Promise.all([
    run(sp!, 25_000),
    run(dnsCmd!),
    readSystemProxies(ctx.exec, 'darwin'),
    run(services!),
    run(netstat!),
    run(routeGet!, 5_000),
  ]);
  for (const p of proxies.problems) ctx.skip(p.source, p.reason);

  let spServices: NetworkService[] = [];
  if (spOut) {
    try {
      spServices = parseSpNetwork(spOut);
    } catch (err) {
      ctx.warn(`system_profiler SPNetworkDataType: unexpected output (${(err as Error).message})`);
    }
  }
  const interfaces = mergeDarwinInterfaces(spServices, os.networkInterfaces());
  const gw = gwOut ? parseRouteGet(gwOut) : {};
  if (gw.gateway) {
    const iface = interfaces.find((i) => i.name === gw.interface) ?? interfaces.find((i) => i.addresses.some((a) => a.family === 'IPv4' && !a.address.startsWith('127.')));
    if (iface && !iface.gateways.includes(gw.gateway)) iface.gateways.unshift(gw.gateway);
  }

  const listed = servicesOut ? parseNetworkServices(servicesOut).filter((s) => s.enabled) : [];
  const infos = await Promise.all(
    listed.map(async (s) => {
      const args = ['-getinfo', s.name];
      return { cmd: commandLine('networksetup', args), out: await commandText(ctx, 'networksetup', args, { timeoutMs: 5_000 }) };
    }),
  );
  return {
    interfaces,
    dns: dnsOut === undefined ? undefined : dnsFromScutil(parseScutilDns(dnsOut)),
    ...(dnsOut ? { dnsDetail: { title: 'scutil --dns', text: dnsOut.trim() } } : {}),
    systemProxies: proxies.proxies,
    raws: [...proxies.raws.map((r) => ({ cmd: r.cmd, out: r.text })), { cmd: 'networksetup -listallnetworkservices', out: servicesOut }, ...infos],
    routes: [{ cmd: 'netstat -rn', out: routesOut }],
    source: 'system_profiler SPNetworkDataType, os.networkInterfaces(), scutil --dns, scutil --proxy, networksetup, netstat -rn, route -n get default, environment',
    jsonSource: 'system_profiler SPNetworkDataType, os.networkInterfaces(), scutil, environment',
    extraJson: { services: spServices },
  };
}
