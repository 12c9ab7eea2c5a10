/**
 * What the rule set reads from its own patterns' sources (rule-set.ts, factor.ts): the literals a
 * line must hold for a pattern to match (literal-set.ts), a trigger's alternatives as a prefix tree
 * and its parts by first character (factor.ts). Each is a pure function of a source (and flags),
 * computed once per process — and, for the built-in table, once at build time: building the rule
 * set was ~19 % of a default collection's main-thread CPU, most of it these analyses.
 *
 * `npm run build:cli` and `build:electron` write redact-analyses.json (build/redact/analyses.ts: every
 * analysis of the rule sets the built-in table gives, each layout, optional rules on and off) next
 * to the bundle they build (dist/cli/, out/main/), from the same sources. loadAnalyses() reads it once before a Redactor
 * is built (session.ts, redact-worker.ts); analysed() answers from it, else computes as before.
 *
 * Safe whatever the file holds or lacks: an entry is keyed by the whole input (kind, flags and
 * source), so a pattern the file does not know — a policy's extra rules, the user's known values, a
 * table edited after the build — is computed, never given another's answer. The file is only read
 * (a read-only install is fine); missing or unreadable (tests on the sources, a hand-run esbuild),
 * everything is computed, the same rule set a little later.
 */
import { readFile } from 'node:fs/promises';

/** The analyses kept; each one's value is JSON (undefined stored as null). */
export type AnalysisKind = 'literals' | 'factor' | 'parts' | ScanAnalysisKind;
// ---- sos26 (session 24): the scanners' analyses too ------------------------------------------------
/**
 * What building the scanners reads from their alternatives (rule-set.ts): the marks and other
 * scans' halves by first character, each as a stable prefix tree (scan-split.ts
 * splitByFirstCharacter, stableFactor: 'halves'), the words scan's prefix tree (literalTrie:
 * 'trie'), and whether a trigger's alternative needs a wide character (factor.ts needsWide:
 * 'wide'). Together ~45 % of a rule set's build (~140 of ~310 ms under load, default collection's
 * redaction worker), computed on every start before: the worker is a collection's critical path.
 * Optional in a file (one written before them is still read: what it lacks is computed).
 */
export type ScanAnalysisKind = 'halves' | 'trie' | 'wide';
const OPTIONAL_KINDS: readonly ScanAnalysisKind[] = ['halves', 'trie', 'wide'];
// ---- end sos26 -------------------------------------------------------------------------------------
const REQUIRED_KINDS: readonly AnalysisKind[] = ['literals', 'factor', 'parts'];
const KINDS: readonly AnalysisKind[] = [...REQUIRED_KINDS, ...OPTIONAL_KINDS];

/** The file's shape: per kind, [key, value] pairs (sos26: the scanners' kinds may be missing). */
export interface AnalysesFile {
  format: 1;
  analyses: Record<Exclude<AnalysisKind, ScanAnalysisKind>, [string, unknown][]> & Partial<Record<ScanAnalysisKind, [string, unknown][]>>;
}

const known = new Map<AnalysisKind, Map<string, unknown>>(KINDS.map((k) => [k, new Map()]));

/**
 * `compute()`'s value for `key` (the whole input of the analysis): the file's or an earlier call's
 * when there is one. Values are shared: callers never modify them.
 */
export function analysed<T>(kind: AnalysisKind, key: string, compute: () => T): T {
  const table = known.get(kind)!;
  const hit = table.get(key);
  if (hit !== undefined) return (hit === null ? undefined : hit) as T;
  const value = compute();
  table.set(key, value === undefined ? null : value);
  return value;
}

/** Every analysis this process holds (what the build writes, after building the table's rule sets). */
export function exportAnalyses(): AnalysesFile {
  return { format: 1, analyses: Object.fromEntries(KINDS.map((k) => [k, [...known.get(k)!]])) as AnalysesFile['analyses'] };
}

/** Adds a file's analyses (ignored when it is not one: the rule set is then computed). */
export function importAnalyses(file: unknown): boolean {
  if (!isAnalysesFile(file)) return false;
  for (const kind of KINDS) {
    const table = known.get(kind)!;
    for (const [key, value] of file.analyses[kind] ?? []) if (!table.has(key)) table.set(key, value);
  }
  return true;
}

function isAnalysesFile(file: unknown): file is AnalysesFile {
  if (typeof file !== 'object' || file === null || (file as AnalysesFile).format !== 1) return false;
  const analyses = (file as AnalysesFile).analyses as unknown;
  if (typeof analyses !== 'object' || analyses === null) return false;
  return KINDS.every((k) => {
    const pairs = (analyses as Record<string, unknown>)[k];
    if (pairs === undefined && OPTIONAL_KINDS.includes(k as ScanAnalysisKind)) return true;
    return Array.isArray(pairs) && pairs.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string');
  });
}

/** Forgets every analysis (tests: compare a rule set built from the file with one computed). */
export function forgetAnalyses(): void {
  for (const table of known.values()) table.clear();
}

/** The build's file beside this module's bundle (dist/cli/); the source tree has none. */
export const ANALYSES_FILE = 'redact-analyses.json';

let loading: Promise<boolean> | undefined;

/**
 * Reads the build's analyses once per process (later calls share the first read); never rejects:
 * false when there is no usable file.
 */
export function loadAnalyses(url: URL = new URL(`./${ANALYSES_FILE}`, import.meta.url)): Promise<boolean> {
  loading ??= readFile(url, 'utf8').then(
    (text) => importAnalyses(JSON.parse(text)),
    () => false,
  ).catch(() => false);
  return loading;
}

/** Tests: let the next loadAnalyses read again. */
export function resetAnalysesLoad(): void {
  loading = undefined;
}
