/**
 * Version numbers as products and browsers print them: `v2.3.1`, `10.0.19045`, `1.2.3.4`,
 * `Chromium 156.0.8078.79 built on …`, Debian's `1:2.3.4-1+deb12u1`. Compared numerically part by
 * part (missing parts are 0); a pre-release (`-rc1`, `-beta.2`) is older than its release.
 */

export interface ParsedVersion {
  /** Numeric parts: `1.2.3.4` → [1, 2, 3, 4]. */
  parts: number[];
  /** Pre-release tag (`rc1`, `beta.2`), or undefined for a release. */
  pre?: string;
  /** The version as found, without a `v` prefix. */
  text: string;
}

const PRE = /^[-~.]?((?:alpha|beta|rc|pre|preview|dev)[0-9A-Za-z.]*)/i;

/** Parses a text that starts with a version (`v` prefix and Debian epoch allowed). */
export function parseVersion(raw: string): ParsedVersion | undefined {
  const text = raw.trim().replace(/^\d+:(?=\d)/, '').replace(/^[vV](?=\d)/, '');
  const m = /^(\d+(?:\.\d+)*)/.exec(text);
  if (!m) return undefined;
  const parts = m[1]!.split('.').map(Number);
  if (parts.some((p) => !Number.isSafeInteger(p))) return undefined;
  const pre = PRE.exec(text.slice(m[1]!.length))?.[1];
  return { parts, ...(pre ? { pre } : {}), text: pre ? `${m[1]}-${pre}` : m[1]! };
}

/**
 * The first version in a line of output: prefers a dotted number (`XX 2.3.1 (build 45)` → 2.3.1,
 * not 45); a Debian epoch is dropped. Undefined when there is none.
 */
export function extractVersion(line: string): ParsedVersion | undefined {
  const tokens = [...line.matchAll(/(?:^|[^0-9A-Za-z.])((?:\d+:)?[vV]?\d+(?:\.\d+)*[0-9A-Za-z.~+-]*)/g)].map((m) => m[1]!);
  const dotted = tokens.find((tok) => /^(?:\d+:)?[vV]?\d+\.\d+/.test(tok));
  const pick = dotted ?? tokens[0];
  return pick === undefined ? undefined : parseVersion(pick);
}

/** -1, 0 or 1 like a sort comparator; undefined when either side is not a version. */
export function compareVersions(a: string | ParsedVersion, b: string | ParsedVersion): -1 | 0 | 1 | undefined {
  const va = typeof a === 'string' ? parseVersion(a) : a;
  const vb = typeof b === 'string' ? parseVersion(b) : b;
  if (!va || !vb) return undefined;
  const n = Math.max(va.parts.length, vb.parts.length);
  for (let i = 0; i < n; i += 1) {
    const x = va.parts[i] ?? 0;
    const y = vb.parts[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  if (va.pre === vb.pre) return 0;
  if (va.pre === undefined) return 1;
  if (vb.pre === undefined) return -1;
  const c = va.pre.localeCompare(vb.pre, 'en', { numeric: true });
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}
