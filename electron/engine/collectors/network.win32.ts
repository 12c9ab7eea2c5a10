/**
 * 网络配置 on Windows: interfaces from Get-NetIPConfiguration (addresses with prefix lengths,
 * gateways, DNS servers, link state, MTU), with `ipconfig /all` kept as the agent knows it and
 * parsed when PowerShell cannot answer (English and Chinese output); DNS client settings; the
 * WinINET and WinHTTP proxies; `route print`; the hosts file.
 */
import type { DnsInfo, InterfaceAddress, NetworkGathered, NetworkInterface } from './network.js';
import { interfacesFromNode, prefixToNetmask } from './network.js';
import { powershellArgs, powershellDisplay } from './support/run.js';
import { INTERNET_SETTINGS_KEY, readSystemProxies } from './support/system-proxy.js';
import { windowsText } from './support/windows-run.js';
import type { CollectorContext, PlannedCommand } from './types.js';

/** Get-NetIPConfiguration reduced to what the archive shows, as one JSON object (PowerShell 5.1). */
export const NETWORK_SCRIPT = [
  '$mtu = @{}',
  'foreach ($i in @(Get-NetIPInterface -AddressFamily IPv4 -ErrorAction SilentlyContinue)) { $mtu[[int]$i.InterfaceIndex] = [int]$i.NlMtu }',
  '$list = foreach ($c in @(Get-NetIPConfiguration -All -Detailed -ErrorAction Stop)) { $a = $c.NetAdapter; [pscustomobject]@{ ' +
    'InterfaceAlias = $c.InterfaceAlias; InterfaceIndex = [int]$c.InterfaceIndex; InterfaceDescription = $c.InterfaceDescription; ' +
    'MacAddress = $(if ($a) { [string]$a.MacAddress } else { $null }); Status = $(if ($a) { [string]$a.Status } else { $null }); ' +
    'Mtu = $mtu[[int]$c.InterfaceIndex]; NetworkCategory = $(if ($c.NetProfile) { [string]$c.NetProfile.NetworkCategory } else { $null }); ' +
    'IPv4 = @($c.IPv4Address | Where-Object { $_ } | ForEach-Object { [pscustomobject]@{ Address = $_.IPAddress; PrefixLength = [int]$_.PrefixLength } }); ' +
    'IPv6 = @(@($c.IPv6Address) + @($c.IPv6TemporaryAddress) + @($c.IPv6LinkLocalAddress) | Where-Object { $_ } | ForEach-Object { [pscustomobject]@{ Address = $_.IPAddress; PrefixLength = [int]$_.PrefixLength } }); ' +
    'Gateways = @(@($c.IPv4DefaultGateway) + @($c.IPv6DefaultGateway) | Where-Object { $_ } | ForEach-Object { $_.NextHop }); ' +
    'DnsServers = @($c.DNSServer | Where-Object { $_ } | ForEach-Object { $_.ServerAddresses }) } }',
  '$g = Get-DnsClientGlobalSetting -ErrorAction SilentlyContinue',
  '[pscustomobject]@{ Interfaces = @($list); SuffixSearchList = @($g.SuffixSearchList | Where-Object { $_ }) } | ConvertTo-Json -Depth 4 -Compress',
].join('; ');

/** The commands, in the order the collector starts them (all at once). */
export function windowsNetworkPlan(): PlannedCommand[] {
  return [
    { command: 'route', args: ['print'], purpose: 'routing table' },
    { command: 'ipconfig', args: ['/all'], purpose: 'interfaces as the support agent knows them (parsed when PowerShell cannot answer)' },
    {
      command: 'powershell.exe',
      args: powershellArgs(NETWORK_SCRIPT),
      display: powershellDisplay('Get-NetIPConfiguration -All -Detailed; Get-NetIPInterface (MTU); Get-DnsClientGlobalSetting | ConvertTo-Json'),
      purpose: 'interfaces, addresses with prefix lengths, gateways, DNS servers, link state, MTU, network category',
    },
    { command: 'reg', args: ['query', INTERNET_SETTINGS_KEY], purpose: 'WinINET proxy of this user (Internet Options: ProxyEnable, ProxyServer, ProxyOverride, AutoConfigURL)' },
    { command: 'netsh', args: ['winhttp', 'show', 'proxy'], purpose: 'WinHTTP proxy (machine-wide)' },
  ];
}

/** `44-8A-5B-86-5B-94` → `44:8a:5b:86:5b:94` (the form Linux and macOS print). */
export function normalizeMac(mac: string | null | undefined): string {
  const hex = (mac ?? '').replace(/[^0-9a-f]/gi, '');
  return hex.length === 12 ? hex.toLowerCase().match(/../g)!.join(':') : (mac ?? '').trim();
}

/** 255.255.255.0 → 24; undefined for a mask that is not contiguous. */
export function netmaskToPrefix(mask: string): number | undefined {
  const parts = mask.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  const bits = parts.reduce((acc, p) => acc * 256 + p, 0);
  const binary = bits.toString(2).padStart(32, '0');
  return /^1*0*$/.test(binary) ? binary.indexOf('0') === -1 ? 32 : binary.indexOf('0') : undefined;
}

function v6Address(raw: string): InterfaceAddress {
  const [address, zone] = raw.split('%');
  return { family: 'IPv6', address: address!, prefixLength: null, netmask: '', ...(zone !== undefined || /^fe80:/i.test(address!) ? { scope: 'link' } : { scope: 'global' }) };
}

interface NetIpConfigurationJson {
  Interfaces?: Array<{
    InterfaceAlias?: string;
    InterfaceDescription?: string;
    MacAddress?: string | null;
    Status?: string | null;
    Mtu?: number | null;
    NetworkCategory?: string | null;
    IPv4?: Array<{ Address?: string; PrefixLength?: number }> | null;
    IPv6?: Array<{ Address?: string; PrefixLength?: number }> | null;
    Gateways?: string[] | null;
    DnsServers?: string[] | null;
  }>;
  SuffixSearchList?: string[] | null;
}

export interface WindowsNetworkParse {
  interfaces: NetworkInterface[];
  dns: DnsInfo;
}

const unique = (list: string[]) => [...new Set(list.filter(Boolean))];

/** The JSON of NETWORK_SCRIPT → interfaces and DNS (one object or an array may come where a list is meant). */
export function parseNetIpConfigurationJson(json: string): WindowsNetworkParse {
  const parsed = JSON.parse(json.replace(/^\uFEFF/, '')) as NetIpConfigurationJson;
  const list = <T>(v: T[] | T | null | undefined): T[] => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const interfaces = list(parsed.Interfaces).map((c) => {
    const status = (c.Status ?? '').trim();
    const addresses: InterfaceAddress[] = [
      ...list(c.IPv4).map((a) => ({ family: 'IPv4' as const, address: a.Address ?? '', prefixLength: a.PrefixLength ?? null, netmask: a.PrefixLength === undefined ? '' : prefixToNetmask(a.PrefixLength) })),
      ...list(c.IPv6).map((a) => ({
        family: 'IPv6' as const,
        address: (a.Address ?? '').split('%')[0]!,
        prefixLength: a.PrefixLength ?? null,
        netmask: a.PrefixLength === undefined ? '' : `/${a.PrefixLength}`,
        scope: /^fe80:/i.test(a.Address ?? '') ? 'link' : 'global',
      })),
    ].filter((a) => a.address);
    const iface: NetworkInterface = {
      name: c.InterfaceAlias ?? '',
      mac: normalizeMac(c.MacAddress),
      mtu: typeof c.Mtu === 'number' ? c.Mtu : null,
      state: status.toLowerCase() === 'up' ? 'UP' : status.toUpperCase(),
      addresses,
      gateways: unique(list(c.Gateways)),
    };
    if (c.InterfaceDescription) iface.description = c.InterfaceDescription;
    const dns = unique(list(c.DnsServers));
    if (dns.length) iface.dnsServers = dns;
    if (c.NetworkCategory) iface.networkCategory = c.NetworkCategory;
    return iface;
  });
  return {
    interfaces,
    dns: { nameservers: unique(interfaces.flatMap((i) => i.dnsServers ?? [])), search: unique(list(parsed.SuffixSearchList)), source: 'Get-NetIPConfiguration, Get-DnsClientGlobalSetting' },
  };
}

/** The labels of `ipconfig /all`, English and Chinese (Simplified), to one key each. */
const IPCONFIG_LABELS: Array<[RegExp, string]> = [
  [/^(Host Name|主机名)$/i, 'hostName'],
  [/^(DNS Suffix Search List|DNS 后缀搜索列表)$/i, 'searchList'],
  [/^(Media State|媒体状态)$/i, 'media'],
  [/^(Description|描述)$/i, 'description'],
  [/^(Physical Address|物理地址)$/i, 'mac'],
  [/^(DHCP Enabled|DHCP 已启用)$/i, 'dhcp'],
  [/^(IPv4 Address|Autoconfiguration IPv4 Address|IP Address|IPv4 地址|自动配置 IPv4 地址|IP 地址)$/i, 'ipv4'],
  [/^(Subnet Mask|子网掩码)$/i, 'mask'],
  [/^(IPv6 Address|Temporary IPv6 Address|Link-local IPv6 Address|IPv6 地址|临时 IPv6 地址|本地链接 IPv6 地址)$/i, 'ipv6'],
  [/^(Default Gateway|默认网关)$/i, 'gateway'],
  [/^(DNS Servers|DNS 服务器)$/i, 'dns'],
];

function labelKey(label: string): string | undefined {
  const clean = label.replace(/[\s.]+$/, '').trim();
  return IPCONFIG_LABELS.find(([re]) => re.test(clean))?.[1];
}

/** `Ethernet adapter Ethernet:` / `以太网适配器 以太网:` / `无线局域网适配器 WLAN:` → the adapter's name. */
function adapterName(header: string): string {
  const h = header.replace(/[:：]\s*$/, '').trim();
  const en = /^.*? adapter (.+)$/i.exec(h);
  if (en) return en[1]!;
  const zh = /^\S*?适配器\s+(.+)$/.exec(h);
  return zh ? zh[1]! : h;
}

/** Strips `(Preferred)`, `(首选)`, `(Deprecated)`, `(已弃用)` … after an address. */
function cleanValue(value: string): string {
  return value.replace(/\s*[(（][^)）]*[)）]\s*$/, '').trim();
}

export interface IpconfigParse extends WindowsNetworkParse {
  hostName?: string;
}

/**
 * `ipconfig /all`, English or Chinese: a global block ("Windows IP Configuration" / "Windows IP 配置"),
 * then one block per adapter; `   Label . . . : value` lines at column 3, continuation values
 * (more DNS servers, an IPv4 gateway after an IPv6 one) indented further without a label.
 */
export function parseIpconfigAll(text: string): IpconfigParse {
  const interfaces: NetworkInterface[] = [];
  let hostName: string | undefined;
  const search: string[] = [];
  let current: NetworkInterface | undefined;
  let lastKey: string | undefined;
  let pendingV4: InterfaceAddress[] = [];
  let masks: string[] = [];

  const flushMasks = () => {
    pendingV4.forEach((a, i) => {
      const mask = masks[i];
      if (!mask) return;
      a.netmask = mask;
      a.prefixLength = netmaskToPrefix(mask) ?? null;
    });
    pendingV4 = [];
    masks = [];
  };
  const apply = (key: string, raw: string) => {
    const value = cleanValue(raw);
    if (!value) return;
    if (!current) {
      if (key === 'hostName') hostName = value;
      if (key === 'searchList') search.push(value);
      return;
    }
    switch (key) {
      case 'description':
        current.description = value;
        break;
      case 'mac':
        current.mac = normalizeMac(value);
        break;
      case 'media':
        current.state = 'DOWN';
        break;
      case 'ipv4': {
        const a: InterfaceAddress = { family: 'IPv4', address: value, prefixLength: null, netmask: '' };
        current.addresses.push(a);
        pendingV4.push(a);
        break;
      }
      case 'mask':
        masks.push(value);
        break;
      case 'ipv6':
        current.addresses.push(v6Address(value));
        break;
      case 'gateway': {
        // Tunnel adapters (Teredo) print `::`: no gateway at all.
        const gw = value.split('%')[0]!;
        if (gw !== '::' && gw !== '0.0.0.0' && !current.gateways.includes(gw)) current.gateways.push(gw);
        break;
      }
      case 'dns':
        (current.dnsServers ??= []).push(value.split('%')[0]!);
        break;
    }
  };

  for (const line of text.split(/\r*\n/)) {
    if (line.trim() === '') continue;
    if (!/^\s/.test(line)) {
      // A block header: the global one has no colon, adapters end with one.
      flushMasks();
      lastKey = undefined;
      if (/[:：]\s*$/.test(line)) {
        current = { name: adapterName(line), mac: '', mtu: null, state: 'UP', addresses: [], gateways: [] };
        interfaces.push(current);
      } else current = undefined;
      continue;
    }
    const labelled = /^ {1,3}(\S[^:：]*?)[ .]*[:：] ?(.*)$/.exec(line);
    if (labelled) {
      lastKey = labelKey(labelled[1]!);
      if (lastKey) apply(lastKey, labelled[2]!);
      continue;
    }
    // A continuation: another value of the label above (DNS servers, gateways, search suffixes).
    if (lastKey) apply(lastKey, line.trim());
  }
  flushMasks();
  return {
    hostName,
    interfaces,
    dns: { nameservers: unique(interfaces.flatMap((i) => i.dnsServers ?? [])), search: unique(search), source: 'ipconfig /all' },
  };
}

/** Runs the plan's commands at once and puts their answers together. */
export async function windowsNetwork(ctx: CollectorContext): Promise<NetworkGathered> {
  const [route, ipconfig, ps] = windowsNetworkPlan();
  const [psOut, ipconfigOut, routeOut, proxies] = await Promise.all([
    windowsText(ctx, ps!.command, ps!.args, { utf8: true, timeoutMs: 20_000, source: ps!.display }),
    windowsText(ctx, ipconfig!.command, ipconfig!.args, { timeoutMs: 10_000 }),
    windowsText(ctx, route!.command, route!.args, { timeoutMs: 10_000 }),
    readSystemProxies(ctx.exec, 'win32'),
  ]);
  for (const p of proxies.problems) ctx.skip(p.source, p.reason);

  let parsed: WindowsNetworkParse | undefined;
  let from = 'Get-NetIPConfiguration';
  if (psOut) {
    try {
      parsed = parseNetIpConfigurationJson(psOut.text);
    } catch (err) {
      ctx.warn(`Get-NetIPConfiguration: unexpected output (${(err as Error).message}); using ipconfig /all`);
    }
  }
  if (!parsed && ipconfigOut) {
    const fromIpconfig = parseIpconfigAll(ipconfigOut.text);
    if (fromIpconfig.interfaces.length > 0) {
      parsed = fromIpconfig;
      from = 'ipconfig /all';
    }
  }
  if (!parsed) from = 'os.networkInterfaces()';
  return {
    interfaces: parsed?.interfaces ?? interfacesFromNode(),
    dns: parsed?.dns,
    systemProxies: proxies.proxies,
    raws: [{ cmd: 'ipconfig /all', out: ipconfigOut?.text }, ...proxies.raws.map((r) => ({ cmd: r.cmd, out: r.text }))],
    routes: [{ cmd: 'route print', out: routeOut?.text }],
    source: `${from}, ipconfig /all, route print, reg query (WinINET proxy), netsh winhttp show proxy, environment`,
    jsonSource: `${from}, reg query (WinINET proxy), netsh winhttp show proxy, environment`,
    extraJson: { interfacesFrom: from },
  };
}
