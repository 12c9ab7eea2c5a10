/**
 * Consistent placeholders for one archive: the same value always becomes the same `<KIND-n>`,
 * numbered per kind in order of first appearance, so a reader can still follow "the same user"
 * or "the same token" across files without seeing it.
 */

/** `<EMAIL-1>`, `<PRIVATE-KEY-2>`: what every placeholder looks like. */
export const PLACEHOLDER_PATTERN = /<[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+>/;
const WHOLE_PLACEHOLDER = new RegExp(`^${PLACEHOLDER_PATTERN.source}$`);

/** True when the text is one of our placeholders (already redacted: never redact it again). */
export function isPlaceholder(text: string): boolean {
  return text.length > 3 && text.charCodeAt(0) === 60 /* < */ && WHOLE_PLACEHOLDER.test(text);
}

const PLACEHOLDER_GLOBAL = new RegExp(PLACEHOLDER_PATTERN.source, 'g');

/** Where a placeholder first appears in a line; absent ones (swallowed by a later replacement) last. */
function position(line: string, placeholder: string): number {
  const i = line.indexOf(placeholder);
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

/** Kinds whose values are case-insensitive identities (Windows user names, host names, e-mail). */
const CASE_INSENSITIVE_KINDS = new Set(['EMAIL', 'USER', 'HOST']);

/** Normalizes a placeholder kind given by policy: `employee id` -> `EMPLOYEE-ID`. */
export function normalizeKind(kind: string): string {
  const k = kind
    .replace(/^<|>$/g, '')
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[A-Z]/.test(k) ? k : `X-${k || 'SECRET'}`;
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 keeps a substring
 * of 13+ characters as a view on its parent, so a value cut from a 64 KiB chunk of a log would
 * keep the whole chunk alive for as long as the registry holds it: memory would grow with the
 * input instead of with the number of distinct values.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf16le').toString('utf16le');
}

/** A registry's content (or what was added since a mark) as plain data, every map in its order. */
export interface RegistryState {
  byKey: [string, string][];
  originals: [string, string][];
  counters: [string, number][];
  seen: string[];
  firstRule: [string, string][];
}

/** Sizes of a registry's parts (see PlaceholderRegistry.mark). */
export interface RegistryMark {
  byKey: number;
  originals: number;
  seen: number;
  firstRule: number;
}

/** The entries of `items` from position `from` on (a Map's or a Set's additions since a size was taken). */
export function tail<T>(items: Iterable<T>, from: number): T[] {
  const out: T[] = [];
  let i = 0;
  for (const item of items) if (i++ >= from) out.push(item);
  return out;
}

/** One registry per Redactor (per archive). */
export class PlaceholderRegistry {
  private readonly byKey = new Map<string, string>();
  private readonly originals = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  private readonly seen = new Set<string>();
  private readonly firstRule = new Map<string, string>();
  /** Placeholders created since startLine(), with the key they were stored under. */
  private readonly lineCreated: { placeholder: string; kind: string; key: string }[] = [];

  /**
   * The placeholder for a value. `identity` is what makes two values "the same" (digits only for
   * a phone number, lower case for an e-mail); it defaults to the value itself. A value first met
   * as one kind keeps that placeholder when met again as another, so one value never has two.
   */
  placeholderFor(kind: string, value: string, rule: string, identity: string = value): string {
    // A match that took in a value an earlier rule on this line already replaced
    // (`Authorization: OSS <TOKEN-1>:sig` after cloud-key took the AccessKeyId): its original is
    // the original text, not text holding our own placeholder, which the renumbering at the end of
    // the line would turn into a reference to itself (`<TOKEN-1>` = `<TOKEN-1>:sig`).
    if (value.includes('<')) {
      const expand = (text: string) => text.replace(PLACEHOLDER_GLOBAL, (p) => this.originals.get(p) ?? p);
      const expanded = expand(value);
      identity = identity === value ? expanded : expand(identity);
      value = expanded;
    }
    const looked = CASE_INSENSITIVE_KINDS.has(kind) ? identity.toLowerCase() : identity;
    const existing = this.byKey.get(looked);
    if (existing !== undefined) {
      if (!this.seen.has(value)) this.seen.add(detach(value));
      return existing;
    }
    // Kept for the whole archive: copies, never views on the input (see detach).
    const key = detach(looked);
    value = detach(value);
    this.seen.add(value);
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    const placeholder = `<${kind}-${n}>`;
    this.lineCreated.push({ placeholder, kind, key });
    this.byKey.set(key, placeholder);
    this.originals.set(placeholder, value);
    this.firstRule.set(placeholder, rule);
    return placeholder;
  }

  /** Marks the start of a line (see finishLine). */
  startLine(): void {
    this.lineCreated.length = 0;
  }

  /**
   * Rules run one after another, so two new values of one kind on a line may be numbered in rule
   * order rather than reading order. Placeholders created on this line have not been written out
   * yet: renumber them so that, per kind, numbers follow their position in `line`.
   */
  finishLine(line: string): string {
    const created = this.lineCreated;
    if (created.length < 2) return line;
    const renames = new Map<string, string>();
    for (const kind of new Set(created.map((c) => c.kind))) {
      const own = created.filter((c) => c.kind === kind);
      if (own.length < 2) continue;
      const numbers = own.map((c) => Number(c.placeholder.slice(kind.length + 2, -1))).sort((a, b) => a - b);
      const byPosition = [...own].sort((a, b) => position(line, a.placeholder) - position(line, b.placeholder));
      byPosition.forEach((c, i) => {
        const renamed = `<${kind}-${numbers[i]}>`;
        if (renamed !== c.placeholder) renames.set(c.placeholder, renamed);
      });
    }
    if (renames.size === 0) return line;
    const entries = created.filter((c) => renames.has(c.placeholder)).map((c) => ({
      c,
      value: this.originals.get(c.placeholder)!,
      rule: this.firstRule.get(c.placeholder)!,
    }));
    for (const { c, value, rule } of entries) {
      const renamed = renames.get(c.placeholder)!;
      this.byKey.set(c.key, renamed);
      this.originals.set(renamed, value);
      this.firstRule.set(renamed, rule);
    }
    created.length = 0;
    return line.replace(PLACEHOLDER_GLOBAL, (p) => renames.get(p) ?? p);
  }

  /** Records a secret value that was removed without a placeholder of its own (key body lines). */
  addSeen(value: string): void {
    if (!this.seen.has(value)) this.seen.add(detach(value));
  }

  /** How far each part has grown: what {@link exportState} leaves out when given it. */
  mark(): RegistryMark {
    return { byKey: this.byKey.size, originals: this.originals.size, seen: this.seen.size, firstRule: this.firstRule.size };
  }

  /**
   * The content added since `since` (all of it without), in insertion order (order matters:
   * placeholderExample, the map file). Entries are only ever added, or changed while their line
   * is being finished (a placeholder of that line renumbered), so what lies past a mark taken
   * between lines is every change since.
   */
  exportState(since?: RegistryMark): RegistryState {
    return {
      byKey: tail(this.byKey, since?.byKey ?? 0),
      originals: tail(this.originals, since?.originals ?? 0),
      counters: [...this.counters],
      seen: tail(this.seen, since?.seen ?? 0),
      firstRule: tail(this.firstRule, since?.firstRule ?? 0),
    };
  }

  /** Adds (or updates) what `state` holds: the twin's {@link exportState} since the same mark. */
  importState(state: RegistryState): void {
    for (const [k, v] of state.byKey) this.byKey.set(k, v);
    for (const [k, v] of state.originals) this.originals.set(k, v);
    for (const [k, v] of state.counters) this.counters.set(k, v);
    for (const [k, v] of state.firstRule) this.firstRule.set(k, v);
    for (const v of state.seen) this.seen.add(v);
    this.lineCreated.length = 0;
  }

  mapping(): ReadonlyMap<string, string> {
    return this.originals;
  }

  seenValues(): ReadonlySet<string> {
    return this.seen;
  }

  /** The rule that first produced each placeholder (for quality reports and debugging). */
  rules(): ReadonlyMap<string, string> {
    return this.firstRule;
  }
}

/**
 * A placeholder this archive actually holds, as the example in "replaced with placeholders such
 * as …": the first one of the rule that replaced the most (ties: the first rule counted), so a
 * summary of names and phones says `<NAME-1>`, never an `<EMAIL-1>` that is nowhere in it.
 * `rules`: each placeholder handed out and its rule, in order of first appearance.
 */
export function placeholderExample(totals: Readonly<Record<string, number>>, rules: ReadonlyMap<string, string>): string | undefined {
  const byRule = new Map<string, string>();
  for (const [placeholder, rule] of rules) if (!byRule.has(rule)) byRule.set(rule, placeholder);
  const ranked = Object.entries(totals)
    .filter(([, n]) => n > 0)
    .sort((x, y) => y[1] - x[1]);
  for (const [rule] of ranked) {
    const placeholder = byRule.get(rule);
    if (placeholder) return placeholder;
  }
  return undefined;
}
