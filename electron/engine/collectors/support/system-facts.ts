/**
 * The OS, hardware, CPU, memory and disk facts of the system collector, read without starting a
 * single process: /etc/os-release, /sys/class/dmi/id, /proc/cpuinfo, /proc/meminfo, /sys/block
 * on Linux, and Node's `os` module everywhere. systeminformation (used before) runs `execSync`
 * inside osInfo(), system(), cpu(), mem() and blockDevices() (`hostname -f`, `dmidecode`,
 * `cat /proc/cpuinfo | grep`, `sysctl`, `diskutil`…), which blocks the event loop: a hung command
 * there froze every timeout, signal handler and the session deadline.
 */
import { access, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import type { Platform } from '../../../../shared/types.js';
import { parseOsRelease } from '../versions.js';

/** Same field names as before (systeminformation's), which the summary page reads. */
export interface OsFacts {
  platform: string;
  distro: string;
  release: string;
  codename: string;
  kernel: string;
  arch: string;
  /** Booted through UEFI; undefined when it cannot be told. */
  uefi?: boolean;
}

export interface HardwareFacts {
  manufacturer: string;
  model: string;
  version: string;
  virtual: boolean;
  virtualHost: string;
}

export interface CpuFacts {
  manufacturer: string;
  brand: string;
  physicalCores: number;
  cores: number;
  /** GHz, 0 when unknown. */
  speed: number;
}

export interface MemoryFacts {
  total: number;
  available: number;
  free: number;
  swaptotal: number;
  swapused: number;
}

export interface DiskFacts {
  name: string;
  size: number;
  type: 'disk';
  /** HDD or SSD (Linux: the queue's rotational flag). */
  physical: string;
  model: string;
}

export interface SystemFacts {
  os: OsFacts;
  hardware?: HardwareFacts;
  cpu: CpuFacts;
  memory: MemoryFacts;
  disks: DiskFacts[];
}

const readText = (path: string) => readFile(path, 'utf8').then((t) => t.trim(), () => undefined);
const exists = (path: string) => access(path).then(() => true, () => false);

/** Vendor ids as /proc/cpuinfo prints them → the names people know. */
const CPU_VENDORS: Record<string, string> = { GenuineIntel: 'Intel', AuthenticAMD: 'AMD', HygonGenuine: 'Hygon', CentaurHauls: 'Centaur', ' Shanghai ': 'Zhaoxin' };

/** `/proc/cpuinfo` → vendor, brand, physical and logical cores, MHz. */
export function parseCpuinfo(text: string): { vendor?: string; brand?: string; logical: number; physical: number; mhz?: number; hypervisor: boolean } {
  const blocks = text.split(/\n\s*\n/).filter((b) => /^processor\s*:/m.test(b));
  const field = (block: string, key: string) => new RegExp(`^${key}\\s*:\\s*(.*)$`, 'm').exec(block)?.[1]?.trim();
  const cores = new Set<string>();
  for (const b of blocks) {
    const phys = field(b, 'physical id');
    const core = field(b, 'core id');
    if (phys !== undefined && core !== undefined) cores.add(`${phys}:${core}`);
  }
  const first = blocks[0] ?? text;
  const mhz = Number(field(first, 'cpu MHz'));
  return {
    vendor: field(first, 'vendor_id') ?? field(first, 'CPU implementer'),
    brand: field(first, 'model name') ?? field(first, 'Processor') ?? field(first, 'cpu model') ?? field(first, 'Hardware'),
    logical: blocks.length,
    physical: cores.size || blocks.length,
    ...(Number.isFinite(mhz) && mhz > 0 ? { mhz } : {}),
    hypervisor: /^flags\s*:.*\bhypervisor\b/m.test(first),
  };
}

/** Sizes of `/proc/meminfo` (kB lines) in bytes; undefined without MemTotal. */
export function parseMeminfo(text: string): { totalBytes: number; availableBytes: number; freeBytes: number; swapTotalBytes: number; swapUsedBytes: number } | undefined {
  const kb = (key: string) => {
    const m = new RegExp(`^${key}:\\s+(\\d+)\\s*kB`, 'm').exec(text);
    return m ? Number(m[1]) * 1024 : undefined;
  };
  const total = kb('MemTotal');
  if (!total) return undefined;
  const free = kb('MemFree') ?? 0;
  const available = kb('MemAvailable') ?? free + (kb('Cached') ?? 0) + (kb('Buffers') ?? 0);
  const swapTotal = kb('SwapTotal') ?? 0;
  return { totalBytes: total, availableBytes: available, freeBytes: free, swapTotalBytes: swapTotal, swapUsedBytes: Math.max(0, swapTotal - (kb('SwapFree') ?? swapTotal)) };
}

/** A DMI product or vendor string that names a hypervisor, or undefined. */
export function virtualHostOf(...names: Array<string | undefined>): string | undefined {
  const text = names.filter(Boolean).join(' ');
  const known: Array<[RegExp, string]> = [
    [/vmware/i, 'VMware'],
    [/virtualbox|innotek/i, 'VirtualBox'],
    [/\bkvm\b/i, 'KVM'],
    [/qemu/i, 'QEMU'],
    [/microsoft corporation.*virtual|hyper-v/i, 'Hyper-V'],
    [/\bxen\b/i, 'Xen'],
    [/parallels/i, 'Parallels'],
    [/amazon ec2/i, 'Amazon EC2'],
    [/google compute engine/i, 'Google Compute Engine'],
    [/openstack/i, 'OpenStack'],
  ];
  return known.find(([re]) => re.test(text))?.[1];
}

/** Disks of /sys/block: devices with a `device` link, not loop, RAM, zram, device-mapper or optical. */
export async function linuxDisks(root = '/sys/block'): Promise<DiskFacts[]> {
  const names = await readdir(root).catch(() => [] as string[]);
  const disks = await Promise.all(
    names
      .filter((n) => !/^(loop|ram|zram|dm-|md|sr|fd|nbd)/.test(n))
      .map(async (name): Promise<DiskFacts | undefined> => {
        if (!(await exists(`${root}/${name}/device`))) return undefined;
        const [sectors, rotational, model, vendor] = await Promise.all([
          readText(`${root}/${name}/size`),
          readText(`${root}/${name}/queue/rotational`),
          readText(`${root}/${name}/device/model`),
          readText(`${root}/${name}/device/vendor`),
        ]);
        const size = Number(sectors ?? 0) * 512;
        return { name, size, type: 'disk', physical: rotational === '1' ? 'HDD' : rotational === '0' ? 'SSD' : '', model: [vendor && !/^0x/.test(vendor) ? vendor : '', model ?? ''].filter(Boolean).join(' ') };
      }),
  );
  return disks.filter((d): d is DiskFacts => d !== undefined).sort((a, b) => a.name.localeCompare(b.name));
}

/** Node's own view, the whole answer off Linux and the fallback on it. */
function fromNode(platform: Platform): SystemFacts {
  const cpus = os.cpus();
  return {
    // os.version(): "Windows 10 Pro", "Darwin Kernel Version 23.…"; the registry and sw_vers tell more (system.win32/darwin).
    os: platform === 'win32' ? { platform, distro: os.version(), release: os.release(), codename: '', kernel: os.release(), arch: os.arch() } : { platform, distro: platform === 'darwin' ? 'Darwin' : 'Linux', release: os.release(), codename: '', kernel: os.release(), arch: os.arch() },
    cpu: { manufacturer: '', brand: cpus[0]?.model.trim() ?? '', physicalCores: cpus.length, cores: cpus.length, speed: cpus[0]?.speed ? Math.round(cpus[0].speed / 10) / 100 : 0 },
    memory: { total: os.totalmem(), available: os.freemem(), free: os.freemem(), swaptotal: 0, swapused: 0 },
    disks: [],
  };
}

export interface FactPaths {
  osRelease?: string[];
  dmi?: string;
  cpuinfo?: string;
  meminfo?: string;
  block?: string;
  efi?: string;
}

/** Facts of this machine; on Linux from /proc, /sys and /etc (files only, nothing is run). */
export async function systemFacts(platform: Platform, paths: FactPaths = {}): Promise<SystemFacts> {
  const base = fromNode(platform);
  if (platform !== 'linux') return base;
  const dmi = paths.dmi ?? '/sys/class/dmi/id';
  const [osRelease, cpuinfo, meminfo, vendor, product, version, efi, disks, dockerenv] = await Promise.all([
    (async () => {
      for (const f of paths.osRelease ?? ['/etc/os-release', '/usr/lib/os-release']) {
        const t = await readText(f);
        if (t !== undefined) return parseOsRelease(t);
      }
      return undefined;
    })(),
    readText(paths.cpuinfo ?? '/proc/cpuinfo'),
    readText(paths.meminfo ?? '/proc/meminfo'),
    readText(`${dmi}/sys_vendor`),
    readText(`${dmi}/product_name`),
    readText(`${dmi}/product_version`),
    exists(paths.efi ?? '/sys/firmware/efi'),
    linuxDisks(paths.block),
    exists('/.dockerenv'),
  ]);
  const cpu = cpuinfo ? parseCpuinfo(cpuinfo) : undefined;
  const mem = meminfo ? parseMeminfo(`${meminfo}\n`) : undefined;
  const virtualHost = virtualHostOf(vendor, product) ?? (dockerenv ? 'Docker' : undefined);
  const isVirtual = Boolean(virtualHost) || Boolean(cpu?.hypervisor);
  return {
    os: {
      ...base.os,
      distro: osRelease?.NAME ?? 'Linux',
      release: osRelease?.VERSION_ID ?? osRelease?.VERSION ?? '',
      codename: osRelease?.VERSION_CODENAME ?? '',
      kernel: os.release(),
      uefi: efi,
    },
    ...(vendor || product || isVirtual ? { hardware: { manufacturer: vendor ?? '', model: product ?? '', version: version ?? '', virtual: isVirtual, virtualHost: virtualHost ?? (cpu?.hypervisor ? 'hypervisor' : '') } } : {}),
    cpu: cpu
      ? {
          manufacturer: (cpu.vendor && CPU_VENDORS[cpu.vendor]) ?? cpu.vendor ?? '',
          brand: cpu.brand ?? base.cpu.brand,
          physicalCores: cpu.physical || base.cpu.physicalCores,
          cores: cpu.logical || base.cpu.cores,
          speed: cpu.mhz ? Math.round(cpu.mhz / 10) / 100 : base.cpu.speed,
        }
      : base.cpu,
    memory: mem ? { total: mem.totalBytes, available: mem.availableBytes, free: mem.freeBytes, swaptotal: mem.swapTotalBytes, swapused: mem.swapUsedBytes } : base.memory,
    disks,
  };
}
