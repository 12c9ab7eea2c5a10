/**
 * What changed between two collections of the same ticket (效果验证): computed once here and
 * only rendered by the CLI, 对比报告.html and the ticket note. Noise is left out on purpose: a
 * file system counts as changed when its free space moved by at least 1 GiB and 5 % of its size,
 * memory when the total changed or the available share moved by 10 points — the free megabytes
 * of a running desktop change every second and are not what a fix changes.
 */
import type { CheckChange, CompareReport, CompareSide, DiskChange, ErrorChange, MemoryChange, NetworkField, SetChange, SoftwareChange, ValueChange } from '../../../shared/compare.js';
import type { CheckStatus } from '../../../shared/types.js';
import type { ArchiveFacts, CheckFact } from './facts.js';

const RANK: Record<CheckStatus, number> = { pass: 0, warn: 1, fail: 2, skipped: -1 };
const DISK_MIN_BYTES = 1024 ** 3;
const DISK_MIN_SHARE = 0.05;
const MEMORY_MIN_SHARE = 0.1;
/** New messages listed per source (the count says how many in all). */
const ERRORS_LISTED = 20;
const PSEUDO_FS = /^(tmpfs|devtmpfs|squashfs|efivarfs|ramfs|proc|sysfs|devfs|autofs|nsfs|overlay|cgroup2?|fuse\.snapfuse)$/;

function side(f: ArchiveFacts): CompareSide {
  return { name: f.name, ...(f.ticket ? { ticket: f.ticket } : {}), ...(f.host ? { host: f.host } : {}), ...(f.startedAt ? { collectedAt: f.startedAt } : {}), ...(f.toolVersion ? { toolVersion: f.toolVersion } : {}) };
}

export function setChange(before: readonly string[] = [], after: readonly string[] = []): SetChange {
  const b = new Set(before);
  const a = new Set(after);
  return { added: [...a].filter((x) => !b.has(x)), removed: [...b].filter((x) => !a.has(x)) };
}

export function valueChanges(before: ReadonlyMap<string, string> = new Map(), after: ReadonlyMap<string, string> = new Map()): ValueChange[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  return keys
    .filter((k) => before.get(k) !== after.get(k))
    .map((key) => ({ key, ...(before.has(key) ? { before: before.get(key)! } : {}), ...(after.has(key) ? { after: after.get(key)! } : {}) }));
}

function checkChanges(before: ReadonlyMap<string, CheckFact>, after: ReadonlyMap<string, CheckFact>): CheckChange[] {
  const out: CheckChange[] = [];
  for (const id of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(id);
    const a = after.get(id);
    const bRank = b ? RANK[b.status] : -1;
    const aRank = a ? RANK[a.status] : -1;
    if (bRank === aRank) continue;
    // A check that timed out on one side, and passed, was skipped or is absent on the other, was never
    // seen to fail: a busy machine, not a fix or a regression.
    const unseen = (x?: CheckFact) => x === undefined || x.status === 'pass' || x.status === 'skipped';
    if ((b?.timedOut && unseen(a)) || (a?.timedOut && unseen(b))) continue;
    const kind = bRank < 0 ? 'added' : aRank < 0 ? 'removed' : aRank < bRank ? 'improved' : 'regressed';
    // A check that was skipped (not run) and is still fine is not news.
    if (kind === 'added' && a?.status === 'pass' && b) continue;
    const shown = (a && kind !== 'removed' ? a : b)!;
    out.push({ id, title: shown.title, kind, ...(b ? { before: b.status } : {}), ...(a ? { after: a.status } : {}), detail: shown.detail });
  }
  return out;
}

function softwareChange(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): SoftwareChange {
  const out: SoftwareChange = { added: [], removed: [], updated: [] };
  for (const [name, version] of after) {
    const old = before.get(name);
    if (old === undefined) out.added.push({ name, version });
    else if (old !== version) out.updated.push({ name, before: old, after: version });
  }
  for (const [name, version] of before) if (!after.has(name)) out.removed.push({ name, version });
  return out;
}

function diskChanges(before: ArchiveFacts, after: ArchiveFacts): DiskChange[] {
  const real = (f: ArchiveFacts) => (f.fileSystems ?? []).filter((fs) => fs.sizeBytes > 0 && !PSEUDO_FS.test(fs.type) && !/^\/(proc|sys|dev|run)(\/|$)/.test(fs.mount));
  const previous = new Map(real(before).map((fs) => [fs.mount, fs]));
  const out: DiskChange[] = [];
  for (const fs of real(after)) {
    const old = previous.get(fs.mount);
    if (!old) continue;
    const delta = Math.abs(fs.availableBytes - old.availableBytes);
    if (delta >= DISK_MIN_BYTES && delta >= fs.sizeBytes * DISK_MIN_SHARE) {
      out.push({ mount: fs.mount, sizeBytes: fs.sizeBytes, beforeAvailableBytes: old.availableBytes, afterAvailableBytes: fs.availableBytes });
    }
  }
  return out;
}

function memoryChange(before: ArchiveFacts, after: ArchiveFacts): MemoryChange | undefined {
  const b = before.memory;
  const a = after.memory;
  if (!b || !a) return undefined;
  const moved = Math.abs(a.availableBytes / a.totalBytes - b.availableBytes / b.totalBytes) >= MEMORY_MIN_SHARE;
  if (a.totalBytes === b.totalBytes && !moved) return undefined;
  return { beforeTotalBytes: b.totalBytes, afterTotalBytes: a.totalBytes, beforeAvailableBytes: b.availableBytes, afterAvailableBytes: a.availableBytes };
}

function errorChanges(before: ArchiveFacts, after: ArchiveFacts): ErrorChange[] {
  const out: ErrorChange[] = [];
  for (const [source, messages] of after.errors ?? []) {
    const old = before.errors?.get(source) ?? new Map<string, number>();
    const added = [...messages].filter(([m]) => !old.has(m)).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    const goneTotal = [...old.keys()].filter((m) => !messages.has(m)).length;
    if (added.length === 0 && goneTotal === 0) continue;
    out.push({ source, added: added.slice(0, ERRORS_LISTED).map(([message, count]) => ({ message, count })), addedTotal: added.length, goneTotal });
  }
  return out;
}

/** Booted after the first collection started: restarted in between (重启验证). */
function restartedBetween(before: ArchiveFacts, after: ArchiveFacts): boolean {
  if (!before.startedAt || !after.startedAt || after.uptimeSeconds === undefined) return false;
  const bootedAt = Date.parse(after.startedAt) - after.uptimeSeconds * 1000;
  return bootedAt > Date.parse(before.startedAt);
}

/** Compares two collections; `before` is the older. */
export function compareFacts(before: ArchiveFacts, after: ArchiveFacts): CompareReport {
  const notCompared: string[] = [];
  const both = <K extends keyof ArchiveFacts>(key: K, area: string): boolean => {
    const ok = before[key] !== undefined && after[key] !== undefined;
    if (!ok && (before[key] !== undefined || after[key] !== undefined)) notCompared.push(area);
    return ok;
  };
  const checks = both('checks', 'checks') ? checkChanges(before.checks!, after.checks!) : [];
  const versions = both('versions', 'versions') ? valueChanges(before.versions, after.versions) : [];
  const haveNetwork = both('network', 'network');
  const net = (field: 'addresses' | 'gateways' | 'dns' | 'dnsSearch') => (haveNetwork ? setChange(before.network![field], after.network![field]) : setChange());
  const network: Record<NetworkField, SetChange> & { proxy: ValueChange[] } = {
    addresses: net('addresses'),
    gateways: net('gateways'),
    dns: net('dns'),
    dnsSearch: net('dnsSearch'),
    routes: both('routes', 'routes') ? setChange(before.routes, after.routes) : setChange(),
    hosts: both('hosts', 'hosts') ? setChange(before.hosts, after.hosts) : setChange(),
    proxy: haveNetwork ? valueChanges(new Map(Object.entries(before.network!.proxy)), new Map(Object.entries(after.network!.proxy))) : [],
  };
  const software = both('software', 'software') ? softwareChange(before.software!, after.software!) : { added: [], removed: [], updated: [] };
  const disks = both('fileSystems', 'disks') ? diskChanges(before, after) : [];
  const memory = both('memory', 'memory') ? memoryChange(before, after) : undefined;
  const errors = both('errors', 'logs') ? errorChanges(before, after) : [];
  const restarted = restartedBetween(before, after);

  const after_ = after.checks ?? new Map<string, CheckFact>();
  const moved = (from: CheckStatus, to: CheckStatus) => checks.filter((c) => c.before === from && c.after === to).length;
  const setCount = (s: SetChange) => s.added.length + s.removed.length;
  const otherChanges =
    versions.length +
    (['addresses', 'gateways', 'dns', 'dnsSearch', 'routes', 'hosts'] as const).reduce((n, f) => n + setCount(network[f]), 0) +
    network.proxy.length +
    software.added.length +
    software.removed.length +
    software.updated.length +
    disks.length +
    (memory ? 1 : 0) +
    errors.reduce((n, e) => n + e.addedTotal, 0);
  return {
    format: 'diagcollect-compare/1',
    before: side(before),
    after: side(after),
    notCompared,
    checks,
    versions,
    network,
    software,
    disks,
    ...(memory ? { memory } : {}),
    restarted,
    errors,
    verdict: {
      warnToPass: moved('warn', 'pass'),
      failToPass: moved('fail', 'pass'),
      failToWarn: moved('fail', 'warn'),
      regressed: checks.filter((c) => c.kind === 'regressed').length,
      stillFailing: [...after_.values()].filter((c) => c.status === 'warn' || c.status === 'fail').length,
      otherChanges,
    },
  };
}
