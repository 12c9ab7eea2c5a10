/**
 * 网络配置: every interface with its addresses, netmask/prefix, gateway, MAC and MTU; DNS
 * servers; proxy settings; the routing table and the hosts file (the support guide's data
 * template: "IP address, subnet mask, gateway"). On Linux `ip -j` gives all of it as JSON in a
 * few milliseconds (systeminformation's networkInterfaces() takes ~60 ms and keeps only one
 * address per family). Windows (network.win32.ts) and macOS (network.darwin.ts) gather with their
 * own commands into the same structures, rendered here the same way.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import type { Platform } from '../../../shared/types.js';
import { TOOL_VERSION } from '../version.js';
import { commandLine, failureOf, tryExec } from './support/run.js';
import { documentTitle, formatFields, formatTable, heading, tr } from './support/text.js';
import { darwinNetwork, darwinNetworkPlan } from './network.darwin.js';
import { windowsNetwork, windowsNetworkPlan } from './network.win32.js';
import { describePlan } from './support/plan.js';
import { formatSystemProxy, type SystemProxy } from './support/system-proxy.js';
import type { Collector, CollectorContext, PlannedCommand } from './types.js';

export interface InterfaceAddress {
  family: 'IPv4' | 'IPv6';
  address: string;
  prefixLength: number | null;
  /** Dotted netmask for IPv4; the prefix for IPv6. */
  netmask: string;
  scope?: string;
}

export interface NetworkInterface {
  name: string;
  mac: string;
  mtu: number | null;
  state: string;
  addresses: InterfaceAddress[];
  gateways: string[];
  /** Windows: the adapter's description (its driver name). */
  description?: string;
  /** Windows and macOS: the DNS servers set on this interface. */
  dnsServers?: string[];
  /** Windows: Public, Private or DomainAuthenticated (which firewall profile applies). */
  networkCategory?: string;
  /** macOS: the network service it belongs to ("Wi-Fi", "USB 10/100/1000 LAN"). */
  service?: string;
  /** macOS: DHCP, Manual … */
  configMethod?: string;
}

export interface DnsInfo {
  nameservers: string[];
  search: string[];
  source: string;
}

const CMD_TIMEOUT_MS = 5_000;

/** 24 → 255.255.255.0 */
export function prefixToNetmask(prefix: number): string {
  const bits = prefix <= 0 ? 0 : (0xffffffff << (32 - Math.min(32, prefix))) >>> 0;
  return [24, 16, 8, 0].map((s) => (bits >>> s) & 255).join('.');
}

interface IpAddrJson {
  ifname: string;
  address?: string;
  mtu?: number;
  operstate?: string;
  flags?: string[];
  addr_info?: Array<{ family: string; local: string; prefixlen: number; scope?: string }>;
}

export interface IpRouteJson {
  dst: string;
  gateway?: string;
  dev?: string;
  metric?: number;
}

/** Interfaces from `ip -j addr show` and gateways from `ip -j route` / `ip -j -6 route`. */
export function parseIpJson(addrJson: string, routesJson: string[]): NetworkInterface[] {
  return interfacesFromIp(
    addrJson,
    routesJson.flatMap((r) => (r.trim() ? (JSON.parse(r) as IpRouteJson[]) : [])),
  );
}

/**
 * sos19 (session 21): the default routes of `ip route show` / `ip -6 route show` as text, as
 * `ip -j` gives them (dst, gateway, dev): the collector runs both for the routing table anyway, so
 * the gateways no longer cost two more commands (`ip -j route show`, `ip -j -6 route show`; each
 * start blocks the main thread ~10–40 ms). Only what `ip -j` reports as `gateway` is taken: a
 * route whose next hop is of the other family (`via inet6 fe80::1`) is a `via` object there, a
 * multipath route lists its next hops on lines of their own (`nexthop via …`), and a route of
 * another type (`unreachable default`, `blackhole default`) starts with its type.
 */
export function defaultRoutesFromText(text: string): IpRouteJson[] {
  const routes: IpRouteJson[] = [];
  for (const line of text.split('\n')) {
    const words = line.trimEnd().split(/[ \t]+/);
    if (words[0] !== 'default') continue;
    const via = words.indexOf('via');
    const dev = words.indexOf('dev');
    const gateway = via > 0 ? words[via + 1] : undefined;
    if (!gateway || gateway === 'inet' || gateway === 'inet6') continue;
    routes.push({ dst: 'default', gateway, ...(dev > 0 && words[dev + 1] ? { dev: words[dev + 1] } : {}) });
  }
  return routes;
}

/** Interfaces from `ip -j addr show`, with the default routes' gateways on the interface they leave by. */
export function interfacesFromIp(addrJson: string, routes: readonly IpRouteJson[]): NetworkInterface[] {
  const links = JSON.parse(addrJson) as IpAddrJson[];
  return links.map((l) => ({
    name: l.ifname,
    mac: l.address ?? '',
    mtu: l.mtu ?? null,
    state: l.operstate === 'UNKNOWN' && l.flags?.includes('UP') ? 'UP' : (l.operstate ?? ''),
    addresses: (l.addr_info ?? []).map((a) => ({
      family: a.family === 'inet6' ? ('IPv6' as const) : ('IPv4' as const),
      address: a.local,
      prefixLength: a.prefixlen,
      netmask: a.family === 'inet6' ? `/${a.prefixlen}` : prefixToNetmask(a.prefixlen),
      scope: a.scope,
    })),
    gateways: routes.filter((r) => r.dst === 'default' && r.gateway && r.dev === l.ifname).map((r) => r.gateway!),
  }));
}

/** Interfaces from Node (all platforms; no MTU or link state). */
export function interfacesFromNode(ifaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces()): NetworkInterface[] {
  return Object.entries(ifaces).map(([name, infos]) => ({
    name,
    mac: infos?.[0]?.mac ?? '',
    mtu: null,
    state: '',
    addresses: (infos ?? []).map((i) => {
      const prefix = i.cidr ? Number(i.cidr.split('/')[1]) : null;
      return {
        family: i.family === 'IPv6' ? ('IPv6' as const) : ('IPv4' as const),
        address: i.address,
        prefixLength: prefix,
        netmask: i.family === 'IPv6' ? (prefix === null ? i.netmask : `/${prefix}`) : i.netmask,
      };
    }),
    gateways: [],
  }));
}

/** `nameserver` and `search`/`domain` lines of resolv.conf. */
export function parseResolvConf(text: string): DnsInfo {
  const nameservers: string[] = [];
  const search: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const [key, ...rest] = line.split(/\s+/);
    if (key === 'nameserver' && rest[0]) nameservers.push(rest[0]);
    if ((key === 'search' || key === 'domain') && rest.length) search.push(...rest);
  }
  return { nameservers, search, source: '/etc/resolv.conf' };
}

const PROXY_VARS = /^(https?|ftp|all|no|socks)_proxy$/i;

/** Proxy variables of this process's environment, any case (http_proxy, HTTPS_PROXY …). */
export function proxyEnvironment(env: NodeJS.ProcessEnv = process.env): Array<[string, string]> {
  return Object.entries(env)
    .filter((e): e is [string, string] => PROXY_VARS.test(e[0]) && typeof e[1] === 'string')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

async function text(ctx: CollectorContext, cmd: string, args: string[]): Promise<string | undefined> {
  const r = await tryExec(ctx, cmd, args, { timeoutMs: CMD_TIMEOUT_MS, maxBytes: 4 * 1024 * 1024 });
  if (!r) return undefined;
  const failure = failureOf(r);
  if (failure) {
    ctx.skip(commandLine(cmd, args), failure);
    return undefined;
  }
  return r.stdout.toString('utf8');
}

/** GNOME's proxy settings for the user running diagcollect, when gsettings is there. */
async function gnomeProxy(ctx: CollectorContext): Promise<Record<string, string> | undefined> {
  const mode = await tryExec(ctx, 'gsettings', ['get', 'org.gnome.system.proxy', 'mode'], {
    timeoutMs: CMD_TIMEOUT_MS,
    missing: 'gsettings is not installed (no GNOME desktop settings to read)',
  });
  if (!mode) return undefined;
  const failure = failureOf(mode);
  if (failure) {
    ctx.skip('gsettings get org.gnome.system.proxy mode', failure);
    return undefined;
  }
  const out: Record<string, string> = { mode: mode.stdout.toString('utf8').trim() };
  const keys: Array<[string, string]> =
    out.mode === "'manual'"
      ? [
          ['org.gnome.system.proxy.http', 'host'],
          ['org.gnome.system.proxy.http', 'port'],
          ['org.gnome.system.proxy.https', 'host'],
          ['org.gnome.system.proxy.https', 'port'],
          ['org.gnome.system.proxy.socks', 'host'],
          ['org.gnome.system.proxy.socks', 'port'],
          ['org.gnome.system.proxy', 'ignore-hosts'],
        ]
      : out.mode === "'auto'"
        ? [['org.gnome.system.proxy', 'autoconfig-url']]
        : [];
  await Promise.all(
    keys.map(async ([schema, key]) => {
      const r = await tryExec(ctx, 'gsettings', ['get', schema, key], { timeoutMs: CMD_TIMEOUT_MS });
      if (r && !failureOf(r)) out[`${schema.replace('org.gnome.system.proxy', 'proxy')}.${key}`] = r.stdout.toString('utf8').trim();
    }),
  );
  if (/memory' GSettings backend/.test(mode.stderr)) out.note = 'no dconf settings store for this user: the values shown are GNOME defaults';
  return out;
}

export function hostsPath(platform: Platform): string {
  return platform === 'win32' ? `${process.env.SystemRoot ?? 'C:\\Windows'}\\System32\\drivers\\etc\\hosts` : '/etc/hosts';
}

const LINUX_ROUTES: Array<[string, string[]]> = [
  ['ip', ['route', 'show']],
  ['ip', ['-6', 'route', 'show']],
];

/** What one platform's gathering found; rendered the same way everywhere. */
export interface NetworkGathered {
  interfaces: NetworkInterface[];
  dns?: DnsInfo;
  /** A resolver's own view (resolvectl dns, scutil --dns), shown after the DNS fields. */
  dnsDetail?: { title: string; text: string };
  gnome?: Record<string, string>;
  /** The desktop's proxy settings (WinINET, WinHTTP, macOS network settings). */
  systemProxies?: SystemProxy[];
  /** Commands whose output is kept as printed (ipconfig /all, scutil --proxy …). */
  raws: Array<{ cmd: string; out: string | undefined }>;
  routes: Array<{ cmd: string; out: string | undefined }>;
  source: string;
  jsonSource: string;
  /** Platform facts added to network.json. */
  extraJson?: Record<string, unknown>;
}

async function linuxInterfaces(ctx: CollectorContext, routes: Promise<Array<{ out: string | undefined }>>): Promise<NetworkInterface[] | undefined> {
  const [addr, tables] = await Promise.all([text(ctx, 'ip', ['-j', 'addr', 'show']), routes]);
  if (addr === undefined) return undefined;
  try {
    return interfacesFromIp(
      addr,
      tables.flatMap((t) => defaultRoutesFromText(t.out ?? '')),
    );
  } catch (err) {
    ctx.warn(`ip -j: unexpected output (${(err as Error).message}); using Node's interface list`);
    return undefined;
  }
}

async function linuxNetwork(ctx: CollectorContext): Promise<NetworkGathered> {
  const resolvConf = ctx.policy.networkFiles?.resolvConf ?? '/etc/resolv.conf';
  // The routing table's commands (archived as printed) also give the interfaces' default gateways.
  const routeTables = Promise.all(LINUX_ROUTES.map(async ([c, a]) => ({ cmd: commandLine(c, a), out: await text(ctx, c, a) })));
  const [ifacesFromIp, resolv, resolvectl, gnome, routes] = await Promise.all([
    linuxInterfaces(ctx, routeTables),
    readFile(resolvConf, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') ctx.skip(resolvConf, { code: 'not-found' });
      else ctx.skip(resolvConf, err.message);
      return undefined;
    }),
    tryExec(ctx, 'resolvectl', ['dns'], { timeoutMs: CMD_TIMEOUT_MS, missing: 'resolvectl is not installed (systemd-resolved not in use); DNS servers are taken from /etc/resolv.conf' }),
    gnomeProxy(ctx),
    routeTables,
  ]);
  let resolvectlText: string | undefined;
  if (resolvectl) {
    const failure = failureOf(resolvectl);
    if (failure) ctx.skip('resolvectl dns', failure);
    else resolvectlText = resolvectl.stdout.toString('utf8').trim();
  }
  return {
    interfaces: ifacesFromIp ?? interfacesFromNode(),
    dns: resolv === undefined ? undefined : { ...parseResolvConf(resolv), source: resolvConf },
    ...(resolvectlText ? { dnsDetail: { title: 'resolvectl dns', text: resolvectlText } } : {}),
    gnome,
    raws: [],
    routes,
    source: 'ip -j addr, ip route, /etc/resolv.conf, resolvectl, gsettings, environment',
    jsonSource: 'ip -j addr, ip route, /etc/resolv.conf, environment',
    extraJson: { resolvectl: resolvectlText ?? null },
  };
}

export const networkCollector: Collector = {
  id: 'network',
  category: 'network',
  title: { 'zh-CN': '网络配置', en: 'Network settings' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 15_000,
  sensitive: false,

  describe(platform: Platform): string[] {
    const common = [`hosts file: ${hostsPath(platform)}`, 'proxy environment variables (http_proxy, https_proxy, no_proxy, all_proxy, any case)'];
    const show = (cmds: Array<[string, string[]]>) => cmds.map(([c, a]) => commandLine(c, a));
    if (platform === 'linux') {
      return ['ip -j addr show (interfaces, addresses)', ...show(LINUX_ROUTES).map((c) => `${c} (routing table, default gateways)`), '/etc/resolv.conf, resolvectl dns (DNS servers)', 'gsettings get org.gnome.system.proxy mode (GNOME proxy)', ...common];
    }
    if (platform === 'darwin') return [...describePlan('darwin', darwinNetworkPlan()), 'os.networkInterfaces() (every address, loopback and tunnels)', ...common];
    return [...describePlan('win32', windowsNetworkPlan()), ...common];
  },

  plan(platform: Platform): PlannedCommand[] {
    if (platform === 'win32') return windowsNetworkPlan();
    if (platform === 'darwin') return darwinNetworkPlan();
    return [];
  },

  async run(ctx) {
    const L = (zh: string, en: string) => tr(ctx.lang, zh, en);
    const platform = ctx.platform;
    const facts = platform === 'win32' ? await windowsNetwork(ctx) : platform === 'darwin' ? await darwinNetwork(ctx) : await linuxNetwork(ctx);
    const { interfaces, dns, gnome, raws } = facts;
    const proxyEnv = proxyEnvironment();

    let out = documentTitle(L('网络配置', 'Network settings'), TOOL_VERSION);
    out += heading(L('网络接口', 'Interfaces'), 2);
    const rows: string[][] = [];
    for (const i of interfaces) {
      const head = [i.name, i.state, i.mtu === null ? '' : String(i.mtu), i.mac];
      const addrs = i.addresses.length ? i.addresses : [undefined];
      addrs.forEach((a, n) => {
        const left = n === 0 ? head : ['', '', '', ''];
        const mask = a ? (a.family === 'IPv4' && a.prefixLength !== null ? `${a.netmask} (/${a.prefixLength})` : a.netmask) : '';
        const gw = a ? i.gateways.filter((g) => g.includes(':') === (a.family === 'IPv6')).join(', ') : '';
        rows.push([...left, a?.family ?? '', a?.address ?? L('（无地址）', '(no address)'), mask, gw]);
      });
    }
    out += formatTable(
      [L('接口', 'Interface'), L('状态', 'State'), 'MTU', 'MAC', L('协议', 'Family'), L('IP 地址', 'IP address'), L('子网掩码/前缀', 'Netmask / prefix'), L('网关', 'Gateway')],
      rows,
      { right: [2] },
    );
    const defaults = interfaces.flatMap((i) => i.gateways.map((g) => `${g} (${i.name})`));
    out += `\n${formatFields([[L('默认网关', 'Default gateway'), defaults.join(', ') || L('（无）', '(none)')]])}`;

    out += `\n${heading('DNS', 2)}`;
    out += formatFields([
      [L('DNS 服务器', 'DNS servers'), dns ? dns.nameservers.join(', ') || L('（无）', '(none)') : undefined],
      [L('搜索域', 'Search domains'), dns?.search.join(' ')],
      [L('来源', 'Source'), dns?.source],
    ]);
    if (facts.dnsDetail) out += `\n${facts.dnsDetail.title}:\n${facts.dnsDetail.text}\n`;

    out += `\n${heading(L('代理', 'Proxy'), 2)}`;
    out += formatTable(
      [L('环境变量', 'Environment variable'), L('值', 'Value')],
      proxyEnv.map(([k, v]) => [k, v]),
      { empty: L('（未设置代理环境变量）', '(no proxy environment variables set)') },
    );
    if (gnome) out += `\nGNOME (gsettings):\n${formatFields(Object.entries(gnome))}`;
    if (facts.systemProxies?.length) out += `\n${L('系统代理设置', 'Desktop proxy settings')}:\n${facts.systemProxies.map((p) => `${formatSystemProxy(p)}\n`).join('')}`;

    for (const r of raws) if (r.out !== undefined) out += `\n${heading(r.cmd, 2)}${r.out.trimEnd()}\n`;
    out += `\n${L('路由表见', 'Routing table: see')} ${ctx.name('routes')}; hosts: ${ctx.name('hosts')}\n`;

    ctx.addText(ctx.name('network'), out, facts.source);

    const routesOut = facts.routes.filter((r) => r.out !== undefined);
    if (routesOut.length > 0) {
      let routes = documentTitle(L('路由表', 'Routing table'), TOOL_VERSION);
      for (const r of routesOut) routes += `${heading(r.cmd, 2)}${r.out!.trimEnd() || L('（空）', '(empty)')}\n\n`;
      ctx.addText(ctx.name('routes'), routes, routesOut.map((r) => r.cmd).join('; '));
    }

    await ctx.addFile(ctx.name('hosts'), ctx.policy.networkFiles?.hosts ?? hostsPath(platform), { mode: 'whole', maxBytes: 4 * 1024 * 1024, kind: 'text' });

    ctx.addJson(
      ctx.name('networkJson'),
      {
        interfaces,
        defaultGateways: interfaces.flatMap((i) => i.gateways.map((gateway) => ({ interface: i.name, gateway }))),
        dns: dns ?? null,
        ...facts.extraJson,
        proxy: { environment: Object.fromEntries(proxyEnv), gnome: gnome ?? null, ...(facts.systemProxies ? { system: facts.systemProxies } : {}) },
      },
      facts.jsonSource,
    );
  },
};
