/**
 * Generated fleet archives for baseline tests and the bench: real zip files (written here, read
 * by the engine with yauzl) holding a manifest.json, checks.json, 网络配置.json and 系统信息.json
 * shaped like a collection's, behind a large filler entry (the installed-software list) that a
 * baseline must never read. A desktop's facts come from a seeded rule, with outliers planted on
 * chosen desktops, so a test knows exactly which findings to expect.
 */
import { deflateRawSync, crc32 } from 'node:zlib';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

interface ZipInput {
  name: string;
  data: Buffer;
}

/** A zip of deflated entries with UTF-8 names (local headers, central directory, end record). */
export function zipBuffer(entries: ZipInput[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(e.data, { level: 1 });
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(e.data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    central.push(dir, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

export interface DesktopSpec {
  host: string;
  dns: string[];
  /** http_proxy value, or undefined for none. */
  proxy?: string;
  gateway: string;
  os: { id: string; version: string };
  timeZone: string;
  chromium: string;
  diskStatus: 'pass' | 'warn' | 'fail';
}

/** The fleet's habits: desktop i of a fleet, before any outlier is planted. */
export function usualDesktop(i: number): DesktopSpec {
  return {
    host: `pc-${String(i).padStart(6, '0')}`,
    dns: ['10.0.0.53', '10.0.0.54'],
    proxy: 'http://proxy.corp.example:3128',
    gateway: `10.${20 + (i % 3)}.0.1`,
    os: i % 10 === 0 ? { id: 'ubuntu', version: '22.04' } : { id: 'debian', version: '12' },
    timeZone: 'Asia/Shanghai',
    chromium: i % 4 === 0 ? '121.0.6167.85' : '120.0.6099.109',
    diskStatus: i % 5 === 0 ? 'warn' : 'pass',
  };
}

/** A seeded pseudo-random filler of `bytes` bytes (hex text: compresses about 2:1, like logs do). */
function filler(i: number, bytes: number): Buffer {
  const out = Buffer.alloc(bytes);
  let x = (i + 1) * 2654435761;
  for (let n = 0; n < bytes; n++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[n] = n % 65 === 64 ? 10 : '0123456789abcdef'.charCodeAt(x & 15);
  }
  return out;
}

/** One archive's entries for a desktop (names as a zh-CN collection writes them). */
export function archiveFor(spec: DesktopSpec, options: { fillerBytes?: number; index?: number } = {}): Buffer {
  const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2));
  const now = '2026-12-01T09:30:00.000Z';
  const manifest = { format: 'diagcollect-manifest/1', tool: { name: 'diagcollect', version: '0.1.0' }, ticket: '10000', archiveLanguage: 'zh-CN', host: spec.host, os: { platform: 'linux', release: '6.1.0', arch: 'x64' }, startedAt: now, finishedAt: now, since: now, intake: {}, collectors: [], items: [], skipped: [], redaction: {} };
  const result = (id: string, group: string, status: string, data?: unknown) => ({ id, group, title: { 'zh-CN': id, en: id }, status, detail: { 'zh-CN': '详情', en: 'detail' }, advice: [], durationMs: 1, ...(data ? { data } : {}) });
  const checks = {
    format: 'diagcollect-checks/1',
    startedAt: now,
    finishedAt: now,
    results: [
      result('dns', 'network', 'pass', { servers: spec.dns }),
      ...spec.dns.map((s) => ({ ...result('dns', 'network', 'pass'), id: `dns:${s}` })),
      result('os-version', 'environment', 'pass', { os: { id: spec.os.id, like: [], version: spec.os.version, name: `${spec.os.id} ${spec.os.version}` }, supported: [] }),
      result('browsers', 'environment', 'pass', { browsers: [{ name: 'chromium', version: spec.chromium, source: 'chromium --version' }], required: [] }),
      result('disk-space', 'environment', spec.diskStatus),
    ],
  };
  const network = {
    interfaces: [{ name: 'eth0', mac: '02:00:00:00:00:01', mtu: 1500, state: 'UP', addresses: [{ family: 'IPv4', address: spec.gateway.replace(/\.1$/, '.77'), prefixLength: 24, netmask: '255.255.255.0' }], gateways: [spec.gateway] }],
    defaultGateways: [{ interface: 'eth0', gateway: spec.gateway }],
    dns: { nameservers: spec.dns, search: ['corp.example'], source: '/etc/resolv.conf' },
    proxy: { environment: spec.proxy ? { http_proxy: spec.proxy, https_proxy: spec.proxy } : {}, gnome: null },
  };
  const system = { os: { platform: 'linux', distro: spec.os.id, release: spec.os.version }, hostname: spec.host, uptimeSeconds: 3600, memory: { total: 8 * 1024 ** 3, available: 4 * 1024 ** 3 }, fileSystems: [], locale: { locale: 'zh-CN', timeZone: spec.timeZone, utcOffset: 'UTC+08:00' } };
  return zipBuffer([
    { name: '已安装软件.txt', data: filler(options.index ?? 0, options.fillerBytes ?? 256 * 1024) },
    { name: '网络配置.json', data: json(network) },
    { name: '系统信息.json', data: json(system) },
    { name: 'checks.json', data: json(checks) },
    { name: 'manifest.json', data: json(manifest) },
  ]);
}

/** Writes `count` archives into `dir` (spread over sub-folders of 1 000), outliers applied by index. */
export async function writeFleet(dir: string, count: number, plant: (i: number, spec: DesktopSpec) => DesktopSpec = (_, s) => s, options: { fillerBytes?: number } = {}): Promise<string[]> {
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `batch-${Math.floor(i / 1000)}`);
    if (i % 1000 === 0) await mkdir(sub, { recursive: true });
    const spec = plant(i, usualDesktop(i));
    const path = join(sub, `${10000 + i}_诊断信息_20261201-0930_${spec.host}.zip`);
    await writeFile(path, archiveFor(spec, { ...options, index: i }));
    paths.push(path);
  }
  return paths;
}
