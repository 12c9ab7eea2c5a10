/**
 * 系统信息 on macOS, beyond systeminformation: `system_profiler -json` for the macOS release and
 * its security state (SIP, secure VM), the Mac model and chip, the volumes with their SMART state
 * and the network services; `sw_vers` for the exact product version and build.
 */
import { parseSpNetwork, type NetworkService } from './network.darwin.js';
import type { FileSystemRow } from './system.js';
import { commandText } from './support/run.js';
import { formatBytes, formatFields, formatTable, heading } from './support/text.js';
import type { CollectorContext, PlannedCommand } from './types.js';

export const SYSTEM_PROFILER_TYPES = ['SPSoftwareDataType', 'SPHardwareDataType', 'SPNetworkDataType', 'SPStorageDataType'];

export function darwinSystemPlan(): PlannedCommand[] {
  return [
    { command: 'system_profiler', args: ['-json', ...SYSTEM_PROFILER_TYPES], purpose: 'macOS release, SIP, Mac model and chip, memory, volumes with SMART state, network services' },
    { command: 'sw_vers', args: [], purpose: 'product name, version and build' },
  ];
}

/** `sw_vers`: "ProductName:\tmacOS", "ProductVersion:\t14.2.1", "BuildVersion:\t23C71". */
export function parseSwVers(text: string): { productName?: string; productVersion?: string; buildVersion?: string } {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^(\w+):\s*(.*?)\s*$/.exec(line);
    if (m) out[m[1]!] = m[2]!;
  }
  return { productName: out.ProductName, productVersion: out.ProductVersion, buildVersion: out.BuildVersion };
}

export interface MacVolume extends FileSystemRow {
  name: string;
  medium?: string;
  smart?: string;
  internal?: boolean;
}

export interface MacSystem {
  software: {
    osVersion?: string;
    kernel?: string;
    bootVolume?: string;
    bootMode?: string;
    systemIntegrity?: string;
    secureVm?: string;
    uptime?: string;
    hostName?: string;
  };
  hardware: {
    machineName?: string;
    machineModel?: string;
    modelNumber?: string;
    chip?: string;
    processors?: string;
    memory?: string;
    serialNumber?: string;
    bootRom?: string;
  };
  volumes: MacVolume[];
  network: NetworkService[];
}

type Json = Record<string, unknown>;
const first = (v: unknown): Json => ((Array.isArray(v) ? v[0] : undefined) ?? {}) as Json;
const s = (o: Json, k: string): string | undefined => (o[k] === undefined || o[k] === null || o[k] === '' ? undefined : String(o[k]));

/** The report of `system_profiler -json SPSoftwareDataType SPHardwareDataType SPNetworkDataType SPStorageDataType`. */
export function parseSystemProfiler(json: string): MacSystem {
  const data = JSON.parse(json) as Json;
  const sw = first(data.SPSoftwareDataType);
  const hw = first(data.SPHardwareDataType);
  const volumes = (Array.isArray(data.SPStorageDataType) ? data.SPStorageDataType : []).map((raw) => {
    const v = raw as Json;
    const drive = (v.physical_drive ?? {}) as Json;
    const size = Number(v.size_in_bytes ?? 0);
    const free = Number(v.free_space_in_bytes ?? 0);
    return {
      name: String(v._name ?? ''),
      filesystem: v.bsd_name ? `/dev/${String(v.bsd_name)}` : '',
      type: String(v.file_system ?? '').toLowerCase(),
      sizeBytes: size,
      usedBytes: Math.max(0, size - free),
      availableBytes: free,
      usePercent: size > 0 ? Math.round(((size - free) / size) * 100) : null,
      mount: String(v.mount_point ?? ''),
      medium: s(drive, 'medium_type'),
      smart: s(drive, 'smart_status'),
      internal: drive.is_internal_disk === undefined ? undefined : drive.is_internal_disk === 'yes',
    };
  });
  return {
    software: {
      osVersion: s(sw, 'os_version'),
      kernel: s(sw, 'kernel_version'),
      bootVolume: s(sw, 'boot_volume'),
      bootMode: s(sw, 'boot_mode'),
      systemIntegrity: s(sw, 'system_integrity'),
      secureVm: s(sw, 'secure_vm'),
      // macOS 14 renamed uptime ("up 3:04:12:00") to time_since_boot ("3 days, 4 hours, 12 minutes").
      uptime: s(sw, 'time_since_boot') ?? s(sw, 'uptime'),
      hostName: s(sw, 'local_host_name'),
    },
    hardware: {
      machineName: s(hw, 'machine_name'),
      machineModel: s(hw, 'machine_model'),
      modelNumber: s(hw, 'model_number'),
      chip: s(hw, 'chip_type') ?? s(hw, 'cpu_type'),
      processors: s(hw, 'number_processors'),
      memory: s(hw, 'physical_memory'),
      serialNumber: s(hw, 'serial_number'),
      bootRom: s(hw, 'boot_rom_version'),
    },
    volumes,
    network: 'SPNetworkDataType' in data ? parseSpNetwork(data) : [],
  };
}

/** "proc 8:4:4" (cores: performance: efficiency) → "8 (4 performance, 4 efficiency)". */
export function formatProcessors(value: string | undefined): string | undefined {
  const m = /^proc (\d+):(\d+):(\d+)(?::(\d+))?$/.exec(value ?? '');
  if (!m) return value;
  // Newer Macs print four numbers: total, then 0, performance, efficiency.
  const [perf, eff] = m[4] !== undefined ? [m[3], m[4]] : [m[2], m[3]];
  return `${m[1]} (${perf} performance, ${eff} efficiency)`;
}

export interface DarwinSystemFacts {
  mac?: MacSystem;
  swVers?: ReturnType<typeof parseSwVers>;
}

export async function darwinSystemFacts(ctx: CollectorContext): Promise<DarwinSystemFacts> {
  const [sp, sw] = darwinSystemPlan();
  const [spOut, swOut] = await Promise.all([commandText(ctx, sp!.command, sp!.args, { timeoutMs: 25_000 }), commandText(ctx, sw!.command, sw!.args, { timeoutMs: 5_000 })]);
  const facts: DarwinSystemFacts = {};
  if (spOut) {
    try {
      facts.mac = parseSystemProfiler(spOut);
    } catch (err) {
      ctx.warn(`system_profiler: unexpected output (${(err as Error).message})`);
    }
  }
  if (swOut) facts.swVers = parseSwVers(swOut);
  return facts;
}

export function formatDarwinSystem(f: DarwinSystemFacts, L: (zh: string, en: string) => string): string {
  let text = '';
  const m = f.mac;
  if (m || f.swVers) {
    text += `\n${heading(L('macOS 与 Mac 硬件', 'macOS and Mac hardware'), 2)}`;
    text += formatFields([
      ['macOS', f.swVers?.productVersion ? `${f.swVers.productName ?? 'macOS'} ${f.swVers.productVersion} (${f.swVers.buildVersion ?? ''})` : m?.software.osVersion],
      [L('内核', 'Kernel'), m?.software.kernel],
      [L('系统完整性保护 (SIP)', 'System Integrity Protection'), m?.software.systemIntegrity],
      [L('启动模式', 'Boot mode'), m?.software.bootMode],
      [L('启动卷', 'Boot volume'), m?.software.bootVolume],
      [L('机型', 'Model'), m ? [m.hardware.machineName, m.hardware.machineModel && `(${m.hardware.machineModel})`, m.hardware.modelNumber].filter(Boolean).join(' ') : undefined],
      [L('芯片', 'Chip'), m?.hardware.chip],
      [L('核心', 'Cores'), formatProcessors(m?.hardware.processors)],
      [L('内存', 'Memory'), m?.hardware.memory],
      [L('序列号', 'Serial number'), m?.hardware.serialNumber],
      [L('固件', 'Firmware'), m?.hardware.bootRom],
    ]);
  }
  if (m?.volumes.length) {
    text += `\n${heading(L('存储卷 (system_profiler)', 'Volumes (system_profiler)'), 2)}`;
    text += formatTable(
      [L('挂载点', 'Mounted on'), L('名称', 'Name'), L('类型', 'Type'), L('大小', 'Size'), L('可用', 'Free'), L('介质', 'Medium'), 'SMART'],
      m.volumes.map((v) => [v.mount, v.name, v.type, formatBytes(v.sizeBytes), formatBytes(v.availableBytes), v.medium ?? '', v.smart ?? '']),
      { right: [3, 4] },
    );
  }
  return text;
}
