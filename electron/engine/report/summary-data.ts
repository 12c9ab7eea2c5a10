/**
 * What the summary page shows about the system and the network, read from the structured
 * entries the collectors write (`系统信息.json` / `system-info.json` by the system collector,
 * `网络配置.json` / `network.json` by the network collector). Read leniently: a field that is
 * missing or of another type is left out, never a crash — the page shows what there is.
 *
 * The session feeds these from the bytes that went into the archive (after redaction), so the
 * page shows exactly what the archive shows.
 */
import { translator } from '../../../shared/i18n/translate.js';
import { standardName, type ArchiveLanguage } from '../../../shared/naming.js';
import { parseResourceSample, type ResourceSample } from '../collectors/support/resource-sample-data.js';

export interface FileSystemSummary {
  mount: string;
  type: string;
  filesystem: string;
  sizeBytes: number;
  usedBytes: number;
  availableBytes: number;
}

export interface SystemSummary {
  /** "Debian GNU/Linux 12 (bookworm)" */
  osName?: string;
  kernel?: string;
  arch?: string;
  hostname?: string;
  uptimeSeconds?: number;
  /** "KVM virtual machine · Docker Container" */
  hardware?: string;
  /** "AMD EPYC · 2 cores" */
  cpu?: string;
  memory?: { totalBytes: number; availableBytes: number; swapTotalBytes?: number; swapUsedBytes?: number };
  fileSystems: FileSystemSummary[];
  locale?: { locale?: string; timeZone?: string; utcOffset?: string };
}

export interface InterfaceSummary {
  name: string;
  state?: string;
  mac?: string;
  mtu?: number;
  addresses: Array<{ family: string; address: string; netmask?: string; prefixLength?: number }>;
  gateways: string[];
}

export interface NetworkSummary {
  interfaces: InterfaceSummary[];
  defaultGateways: Array<{ interface?: string; gateway: string }>;
  dnsServers: string[];
  searchDomains: string[];
  /** Proxy variables as collected (redacted like the archive). */
  proxy: Record<string, string>;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The system collector's JSON → SystemSummary (undefined when it is not an object). */
export function systemSummaryFromJson(value: unknown, lang: ArchiveLanguage = 'en'): SystemSummary | undefined {
  const tr = translator(lang);
  const root = obj(value);
  if (!root) return undefined;
  const os = obj(root.os) ?? {};
  const distro = str(os.distro);
  const osName = distro
    ? `${distro}${str(os.release) ? ` ${os.release as string}` : ''}${str(os.codename) ? ` (${os.codename as string})` : ''}`
    : [str(os.platform), str(os.release)].filter(Boolean).join(' ') || undefined;
  const hw = obj(root.hardware);
  const hardware = hw
    ? [hw.virtual === true ? tr.t('summary.virtualMachine', { host: str(hw.virtualHost) ?? '' }).trim() : undefined, [str(hw.manufacturer), str(hw.model)].filter((s) => s && s !== '-').join(' ') || undefined]
        .filter(Boolean)
        .join(' · ') || undefined
    : undefined;
  const cpuObj = obj(root.cpu);
  const cores = num(cpuObj?.cores) ?? num(cpuObj?.logicalCores);
  const cpuName = cpuObj ? str(`${str(cpuObj.manufacturer) ?? ''} ${str(cpuObj.brand) ?? ''}`.trim()) ?? str(cpuObj.model) : undefined;
  const cpu = cpuName ? `${cpuName}${cores ? ` · ${tr.t('summary.cores', { count: cores })}` : ''}` : undefined;
  const mem = obj(root.memory);
  const total = num(mem?.total);
  const memory =
    mem && total
      ? {
          totalBytes: total,
          availableBytes: num(mem.available) ?? num(mem.free) ?? 0,
          ...(num(mem.swaptotal) !== undefined ? { swapTotalBytes: num(mem.swaptotal)!, swapUsedBytes: num(mem.swapused) ?? 0 } : {}),
        }
      : undefined;
  const fileSystems = arr(root.fileSystems)
    .map(obj)
    .filter((f): f is Obj => f !== undefined && typeof f.mount === 'string' && num(f.sizeBytes) !== undefined)
    .map((f) => ({
      mount: f.mount as string,
      type: str(f.type) ?? '',
      filesystem: str(f.filesystem) ?? '',
      sizeBytes: num(f.sizeBytes)!,
      usedBytes: num(f.usedBytes) ?? 0,
      availableBytes: num(f.availableBytes) ?? 0,
    }));
  const loc = obj(root.locale);
  return {
    ...(osName ? { osName } : {}),
    ...(str(os.kernel) ? { kernel: os.kernel as string } : {}),
    ...(str(os.arch) ? { arch: os.arch as string } : {}),
    ...(str(root.hostname) ? { hostname: root.hostname as string } : {}),
    ...(num(root.uptimeSeconds) !== undefined ? { uptimeSeconds: num(root.uptimeSeconds)! } : {}),
    ...(hardware ? { hardware } : {}),
    ...(cpu ? { cpu } : {}),
    ...(memory ? { memory } : {}),
    fileSystems,
    ...(loc ? { locale: { locale: str(loc.locale), timeZone: str(loc.timeZone), utcOffset: str(loc.utcOffset) } } : {}),
  };
}

/** The network collector's JSON → NetworkSummary (undefined when it is not an object). */
export function networkSummaryFromJson(value: unknown): NetworkSummary | undefined {
  const root = obj(value);
  if (!root) return undefined;
  const interfaces = arr(root.interfaces)
    .map(obj)
    .filter((i): i is Obj => i !== undefined && typeof i.name === 'string')
    .map((i) => ({
      name: i.name as string,
      ...(str(i.state) ? { state: i.state as string } : {}),
      ...(str(i.mac) ? { mac: i.mac as string } : {}),
      ...(num(i.mtu) !== undefined ? { mtu: num(i.mtu)! } : {}),
      addresses: arr(i.addresses)
        .map(obj)
        .filter((a): a is Obj => a !== undefined && typeof a.address === 'string')
        .map((a) => ({
          family: str(a.family) ?? '',
          address: a.address as string,
          ...(str(a.netmask) ? { netmask: a.netmask as string } : {}),
          ...(num(a.prefixLength) !== undefined ? { prefixLength: num(a.prefixLength)! } : {}),
        })),
      gateways: arr(i.gateways).filter((g): g is string => typeof g === 'string'),
    }));
  const dns = obj(root.dns);
  const proxyEnv = obj(obj(root.proxy)?.environment) ?? {};
  return {
    interfaces,
    defaultGateways: arr(root.defaultGateways)
      .map(obj)
      .filter((g): g is Obj => g !== undefined && typeof g.gateway === 'string')
      .map((g) => ({ gateway: g.gateway as string, ...(str(g.interface) ? { interface: g.interface as string } : {}) })),
    dnsServers: arr(dns?.nameservers).filter((s): s is string => typeof s === 'string'),
    searchDomains: arr(dns?.search).filter((s): s is string => typeof s === 'string'),
    proxy: Object.fromEntries(Object.entries(proxyEnv).filter((e): e is [string, string] => typeof e[1] === 'string')),
  };
}

export interface SummaryData {
  system?: SystemSummary;
  network?: NetworkSummary;
  screenshotPng?: Buffer;
  /** The slow-problem resource sample (性能采样.json), charted on the page. */
  sample?: ResourceSample;
}

function parseJson(data: Buffer | undefined): unknown {
  if (!data) return undefined;
  try {
    return JSON.parse(data.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Picks the summary's inputs out of the archive's in-memory entries by their standard names
 * (system and network JSON, the screenshot), given the bytes exactly as written to the zip.
 */
export function summaryDataFromEntries(entries: Iterable<{ name: string; data?: Buffer }>, lang: ArchiveLanguage): SummaryData {
  const wanted = { system: standardName('systemJson', lang), network: standardName('networkJson', lang), screenshot: standardName('screenshot', lang), sample: standardName('resourceSampleJson', lang) };
  const found: Partial<Record<keyof typeof wanted, Buffer>> = {};
  for (const e of entries) {
    for (const [key, name] of Object.entries(wanted) as Array<[keyof typeof wanted, string]>) {
      if (e.name === name && e.data) found[key] = e.data;
    }
  }
  const system = systemSummaryFromJson(parseJson(found.system), lang);
  const network = networkSummaryFromJson(parseJson(found.network));
  const sample = found.sample ? parseResourceSample(found.sample.toString('utf8')) : undefined;
  return { ...(system ? { system } : {}), ...(network ? { network } : {}), ...(found.screenshot ? { screenshotPng: found.screenshot } : {}), ...(sample ? { sample } : {}) };
}
