/**
 * The before/after comparison (效果验证, the support guide's "confirm the fix worked") of two
 * collections for the same ticket: the shape `diagcollect compare --json` prints and the app
 * shows. The engine (electron/engine/compare) computes it once; the CLI, the 对比报告.html page
 * and the ticket note only render it.
 */
import type { CheckStatus, LocalizedText } from './types.js';

/** Which collection a side of the comparison is. */
export interface CompareSide {
  /** The archive's file name, or "live" for --now. */
  name: string;
  ticket?: string;
  host?: string;
  /** When the collection started (ISO). */
  collectedAt?: string;
  toolVersion?: string;
}

/**
 * How a check moved: `improved` (warn/fail → pass, or fail → warn), `regressed` (the reverse),
 * `added`/`removed` (run on one side only, e.g. a new DNS server's own result).
 */
export type CheckChangeKind = 'improved' | 'regressed' | 'added' | 'removed';

export interface CheckChange {
  id: string;
  title: LocalizedText;
  kind: CheckChangeKind;
  before?: CheckStatus;
  after?: CheckStatus;
  /** The after side's detail (the before side's for `removed`). */
  detail: LocalizedText;
}

/** A named value on either side (a version, a proxy variable). */
export interface ValueChange {
  key: string;
  before?: string;
  after?: string;
}

/** Members of a set that came or went (addresses, DNS servers, routes, hosts lines). */
export interface SetChange {
  added: string[];
  removed: string[];
}

export interface SoftwareChange {
  added: Array<{ name: string; version: string }>;
  removed: Array<{ name: string; version: string }>;
  updated: Array<{ name: string; before: string; after: string }>;
}

export interface DiskChange {
  mount: string;
  sizeBytes: number;
  beforeAvailableBytes: number;
  afterAvailableBytes: number;
}

export interface MemoryChange {
  beforeTotalBytes: number;
  afterTotalBytes: number;
  beforeAvailableBytes: number;
  afterAvailableBytes: number;
}

/** Error lines of one log source, by normalised message (timestamps, numbers and ids removed). */
export interface ErrorChange {
  /** The archive entry, e.g. 系统日志/系统日志.txt. */
  source: string;
  /** Messages seen only after, most frequent first (capped), with how often. */
  added: Array<{ message: string; count: number }>;
  /** How many distinct messages were new in all (the list is capped). */
  addedTotal: number;
  /** Distinct messages seen before but no longer. */
  goneTotal: number;
}

export type NetworkField = 'addresses' | 'gateways' | 'dns' | 'dnsSearch' | 'routes' | 'hosts';

export interface CompareReport {
  format: 'diagcollect-compare/1';
  before: CompareSide;
  after: CompareSide;
  /** Facts that could not be compared (an entry missing on one side), by area. */
  notCompared: string[];
  checks: CheckChange[];
  versions: ValueChange[];
  network: Record<NetworkField, SetChange> & { proxy: ValueChange[] };
  software: SoftwareChange;
  disks: DiskChange[];
  memory?: MemoryChange;
  /** The computer was restarted between the two collections (重启验证). */
  restarted: boolean;
  errors: ErrorChange[];
  /** The one-line verdict's numbers. */
  verdict: CompareVerdict;
}

export interface CompareVerdict {
  /** warn → pass */
  warnToPass: number;
  /** fail → pass */
  failToPass: number;
  /** fail → warn */
  failToWarn: number;
  /** pass → warn/fail, warn → fail */
  regressed: number;
  /** Still warn or fail after. */
  stillFailing: number;
  /** Everything else that changed (versions, network, software, disks, memory, new error messages). */
  otherChanges: number;
}
