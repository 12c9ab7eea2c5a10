/**
 * How big each collector's part of the archive will be, said once for every front end (ui26,
 * session 24; issue #13/#14 follow-up "one truth"): the Review screen and any other surface render
 * `estimateFor`'s answer, they never guess a size themselves.
 *
 *   - `measured`: sized now (the app-log and config paths, the screenshot taken) — AppService;
 *   - `measured-last`: what this collector wrote in the last collection on this computer
 *     (`<data dir>/last-sizes.json`, written by every run of the workflow, app and CLI alike);
 *   - `typical`: before any collection here, the usual size below.
 *
 * TYPICAL_BYTES holds every collector (tests/unit/engine/collector-facts.test.ts fails when one
 * is missing): a new collector cannot fall back silently to someone else's figure.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Manifest } from '../../shared/types.js';
import { writeFileAtomic } from './platform/atomic-write.js';

/**
 * Usual sizes (uncompressed, after redaction) of each collector's entries. Measured with
 * `diagcollect collect --only <all>` on the project's Debian VM (session 24: no journal, no Wi-Fi,
 * no root), rounded up; where that machine cannot show a real desktop's figure the note says
 * what the number is instead. In KiB, so Review says "about 4 KB", not "about 3.9 KB".
 */
const KB = 1024;
const MB = 1024 * KB;
export const TYPICAL_BYTES: Readonly<Record<string, number>> = {
  versions: 1 * KB, // 365–401 B measured
  system: 4 * KB, // 3.8–3.9 KB
  network: 4 * KB, // 3.5 KB (one interface; a laptop with VPN and Wi-Fi has a few more)
  software: 100 * KB, // 97 KB: 1 100 dpkg packages
  processes: 40 * KB, // 22–55 KB: 150–350 processes
  'system-logs': 2 * MB, // a desktop's 24 h journal (the VM keeps none: 30 KB of dmesg measured)
  'app-logs': 1 * MB, // sized now from the policy's paths; this only when sizing ran out of time
  config: 10 * KB, // likewise (3 files of /etc measured: 7 KB)
  'security-logs': 100 * KB, // a desktop's 24 h of auth/authpriv lines (the VM keeps none)
  'network-path': 4 * KB, // traceroute/tracepath, ~1.5 KB per server (20 hops)
  firewall: 4 * KB, // nft/ufw rules of a desktop (0.3 KB measured without root)
  wifi: 3 * KB, // iw link and nmcli's list of ~20 networks (the VM has no Wi-Fi)
  'config-defaults': 10 * KB, // a diff per configured file
  permissions: 4 * KB, // 3.8 KB: two product folders and the log and config paths
  'crash-reports': 1 * KB, // the list of reports (0.2 KB measured: none); copied reports add theirs
  'resource-sample': 30 * KB, // 27.6–30.2 KB: 30 samples
  'disk-latency': 1 * KB, // 0.7 KB
  'startup-items': 3 * KB, // 0.5 KB measured (a container starts little); a desktop lists more
  'pending-updates': 12 * KB, // 12 KB: apt list --upgradable
  screenshot: 1.5 * MB, // one PNG of a 1080p desktop
};

export type EstimateBasis = 'measured' | 'measured-last' | 'typical';
export interface Estimate {
  bytes: number;
  basis: EstimateBasis;
}

const LastSizesSchema = z.object({
  format: z.literal('diagcollect-last-sizes/1'),
  /** Per collector: when it last finished ok here, and how many bytes it wrote. */
  collectors: z.record(z.string(), z.object({ bytes: z.number().int().nonnegative(), at: z.string() })),
});
export type LastSizes = z.infer<typeof LastSizesSchema>['collectors'];

export function lastSizesFile(dataDir: string): string {
  return join(dataDir, 'last-sizes.json');
}

/** The last collections' sizes on this computer; none when never collected or unreadable. */
export async function readLastSizes(dataDir: string): Promise<LastSizes> {
  try {
    return LastSizesSchema.parse(JSON.parse(await readFile(lastSizesFile(dataDir), 'utf8'))).collectors;
  } catch {
    return {};
  }
}

/**
 * After a collection: each collector that finished `ok` replaces its figure; one skipped, cut or
 * failed keeps the figure of the last time it ran whole (a partial size would understate it).
 */
export async function recordLastSizes(dataDir: string, manifest: Pick<Manifest, 'collectors' | 'finishedAt'>): Promise<void> {
  const previous = await readLastSizes(dataDir);
  const next: LastSizes = { ...previous };
  for (const c of manifest.collectors) if (c.status === 'ok' && c.items > 0) next[c.id] = { bytes: c.bytes, at: manifest.finishedAt };
  await writeFileAtomic(lastSizesFile(dataDir), `${JSON.stringify({ format: 'diagcollect-last-sizes/1', collectors: next }, null, 2)}\n`);
}

/** The estimate a collector shows when nothing was sized now: its last size here, else the typical one. */
export function estimateFor(id: string, last: LastSizes): Estimate {
  const seen = last[id];
  if (seen) return { bytes: seen.bytes, basis: 'measured-last' };
  const typical = TYPICAL_BYTES[id];
  if (typical === undefined) throw new Error(`collector ${id} has no typical size (electron/engine/collector-sizes.ts TYPICAL_BYTES)`);
  return { bytes: typical, basis: 'typical' };
}
