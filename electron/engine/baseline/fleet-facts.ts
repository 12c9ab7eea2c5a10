/**
 * The facts of one desktop that a fleet baseline counts, as values that many desktops share:
 * DNS servers, the proxy's host and port (never its credentials), the default gateway's network
 * (/24, /64 — not the address), the OS version, the time zone, browser major versions, product
 * versions and check outcomes. Read from an archive's checks.json and the collectors' JSON only;
 * the live fleet check gathers the same facts on this computer (checks/fleet.ts).
 */
import { createHash } from 'node:crypto';
import net from 'node:net';
import { STANDARD_NAMES } from '../../../shared/naming.js';
import type { ArchiveReader } from '../compare/archive-reader.js';
import { entryName } from '../compare/facts.js';

/** fact id → this desktop's values (several DNS servers are several values). */
export type DesktopFacts = Map<string, string[]>;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** 10.0.0.1 → 10.0.0.0/24; fd00::1 → fd00:0:0:0::/64. Undefined for what is not an address. */
export function networkOf(address: string): string | undefined {
  const a = address.replace(/%.*$/, '');
  if (net.isIPv4(a)) return `${a.split('.').slice(0, 3).join('.')}.0/24`;
  if (!net.isIPv6(a)) return undefined;
  const [head = '', tail = ''] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = a.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '').toLowerCase()).join(':')}::/64`;
}

/** `http://user:pw@proxy.corp:3128/` → `proxy.corp:3128`; anything unparsable → undefined. */
export function proxyEndpoint(value: string): string | undefined {
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
    return u.hostname ? `${u.hostname}${u.port ? `:${u.port}` : ''}` : undefined;
  } catch {
    return undefined;
  }
}

/** The proxy a desktop uses: https_proxy, else http_proxy (any case), else none. */
export function proxyFact(environment: Record<string, unknown>): string {
  const find = (name: string) => Object.entries(environment).find(([k, v]) => k.toLowerCase() === name && typeof v === 'string')?.[1] as string | undefined;
  const raw = find('https_proxy') ?? find('http_proxy') ?? find('all_proxy');
  return (raw && proxyEndpoint(raw)) ?? 'none';
}

/** Major version: `120.0.6099.109` → `120`. */
export const majorVersion = (v: string): string => /^\D*(\d+)/.exec(v)?.[1] ?? v;

function push(facts: DesktopFacts, id: string, value: string | undefined): void {
  if (!value) return;
  const list = facts.get(id) ?? [];
  if (!list.includes(value)) list.push(value);
  facts.set(id, list);
}

/** Facts from checks.json (OS, browsers, products, outcomes). */
export function factsFromChecks(value: unknown, facts: DesktopFacts = new Map()): DesktopFacts {
  for (const r of arr(obj(value)?.results).map(obj)) {
    const id = str(r?.id);
    if (!r || !id) continue;
    const data = obj(r.data);
    if (!id.includes(':') && str(r.status)) push(facts, `check:${id}`, r.status as string);
    if (id === 'os-version') {
      const os = obj(data?.os);
      if (str(os?.id)) push(facts, 'os', `${os!.id as string}${str(os!.version) ? ` ${os!.version as string}` : ''}`);
    }
    if (id === 'browsers') for (const b of arr(data?.browsers).map(obj)) if (str(b?.name) && str(b?.version)) push(facts, `browser:${b!.name as string}`, majorVersion(b!.version as string));
    if (id.startsWith('product-version') && str(data?.product) && str(data?.installed)) push(facts, `product:${data!.product as string}`, data!.installed as string);
  }
  return facts;
}

/** Facts from the network collector's JSON (DNS, proxy, gateway network). */
export function factsFromNetwork(value: unknown, facts: DesktopFacts = new Map()): DesktopFacts {
  const root = obj(value);
  if (!root) return facts;
  for (const s of arr(obj(root.dns)?.nameservers)) if (typeof s === 'string') push(facts, 'dns', s);
  push(facts, 'proxy', proxyFact(obj(obj(root.proxy)?.environment) ?? {}));
  for (const g of arr(root.defaultGateways).map(obj)) if (str(g?.gateway)) push(facts, 'gatewayPrefix', networkOf(g!.gateway as string));
  return facts;
}

export function factsFromSystem(value: unknown, facts: DesktopFacts = new Map()): DesktopFacts {
  push(facts, 'timeZone', str(obj(obj(value)?.locale)?.timeZone));
  return facts;
}

export interface ArchiveFleetFacts {
  /** A one-way digest of the host name: counts each desktop once, never stored. */
  desktop: string;
  facts: DesktopFacts;
}

/** Reads only manifest.json, checks.json and the network and system JSON of an archive. */
export async function readFleetFacts(archive: ArchiveReader): Promise<ArchiveFleetFacts> {
  const json = async (key: 'checks' | 'networkJson' | 'systemJson') => {
    const name = entryName(archive, key);
    return name ? archive.readJson(name) : undefined;
  };
  const [manifest, checks, network, system] = await Promise.all([archive.readJson(STANDARD_NAMES.manifest.en), json('checks'), json('networkJson'), json('systemJson')]);
  if (!obj(manifest)) throw new Error('no manifest.json: not an archive diagcollect made');
  const facts: DesktopFacts = new Map();
  factsFromChecks(checks, facts);
  factsFromNetwork(network, facts);
  factsFromSystem(system, facts);
  const host = str(obj(manifest)?.host) ?? archive.label;
  return { desktop: createHash('sha256').update(host).digest('base64url').slice(0, 16), facts };
}
