/**
 * A trigger's alternatives as a prefix tree of their atoms: `[\u4e00-\u9fa5]{2}[ \t]*[)）]|
 * [\u4e00-\u9fa5]{2}的…` → `[\u4e00-\u9fa5]{2}(?:[ \t]*[)）]|的…)`, and the same inside the
 * non-capturing and named groups (`(?:联系人|联系电话)` → `(?:联系(?:人|电话))`). The engine tries
 * each alternative at every position of a line; person-name's trigger has ~90, 22 of them starting
 * with the same Han class, so on a Chinese line each Han character was read again by each of them.
 *
 * Only for regexes used with test() (the rules' triggers): a tree holds the same alternatives, so
 * a line has a match under it exactly when it has one under the original, but not necessarily the
 * same match (the order of the alternatives changes). Look-arounds are left as they are (a
 * look-ahead keeps only its first match, so its alternatives' order matters to what follows).
 */
import { analysed } from './analyses.js';
import { LiteralIndex, requiredLiteralSet } from './literal-set.js';
import { asciiOnly, atomEnd, firstAtoms, nonAsciiOnly, topAlternatives, WIDE_GUARD } from './scan-split.js';

const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/;

/** The atoms of one alternative, each with its quantifier, its groups factored; undefined when unreadable. */
function atomsOf(alternative: string): string[] | undefined {
  const out: string[] = [];
  for (let i = 0; i < alternative.length; ) {
    const end = atomEnd(alternative, i);
    if (end <= i || end > alternative.length) return undefined;
    const quantifier = QUANTIFIER.exec(alternative.slice(end))?.[0] ?? '';
    let atom = alternative.slice(i, end);
    if (atom.startsWith('(?:')) atom = `(?:${factorAlternatives(atom.slice(3, -1))})`;
    else if (atom.startsWith('(?<') && !atom.startsWith('(?<=') && !atom.startsWith('(?<!')) {
      const body = atom.indexOf('>') + 1;
      atom = `${atom.slice(0, body)}${factorAlternatives(atom.slice(body, -1))})`;
    }
    out.push(atom + quantifier);
    i = end + quantifier.length;
  }
  return out;
}

/** Sequences of atoms as one alternation, those with the same first atom sharing it. */
function tree(sequences: string[][]): string {
  const byFirst = new Map<string, string[][]>();
  let empty = false;
  for (const s of sequences) {
    if (s.length === 0) {
      empty = true;
      continue;
    }
    const rests = byFirst.get(s[0]!) ?? [];
    rests.push(s.slice(1));
    byFirst.set(s[0]!, rests);
  }
  const parts: string[] = [];
  for (const [first, rests] of byFirst) {
    if (rests.length === 1) parts.push(first + rests[0]!.join(''));
    else {
      const inner = tree(rests);
      // One branch left (`系(?:人|电话)` under `联`) needs no group of its own.
      parts.push(inner === '' ? first : topAlternatives(inner).length === 1 ? first + inner : `${first}(?:${inner})`);
    }
  }
  if (empty) parts.push('');
  return parts.join('|');
}

/** `source` with its alternatives (and its groups') as prefix trees; unchanged where a part is not readable. */
export function factorAlternatives(source: string): string {
  const alternatives = topAlternatives(source);
  const atoms = alternatives.map(atomsOf);
  if (atoms.some((a) => a === undefined)) return source;
  return alternatives.length < 2 ? (atoms[0] as string[]).join('') : tree(atoms as string[][]);
}

/** A regex for test() only: the same lines match it, its alternatives tried as a tree. */
export function factoredForTest(re: RegExp): RegExp {
  // An IT rule's LinearRegExp or a list scan keeps its own class.
  if (re.constructor !== RegExp) return re;
  const source = analysed('factor', re.source, () => factorAlternatives(re.source));
  return source === re.source ? re : new RegExp(source, re.flags);
}

/**
 * A regex for test() only, asked as a few smaller ones: its alternatives grouped by the first
 * character a match can start at — ASCII, anything else, or either (unreadable) — and each group
 * factored (factoredForTest). A line has a match of an alternation exactly when it has one of some
 * alternative, so it matches the whole exactly when it matches one of the parts.
 *
 * Why: V8 tries every alternative at every position. person-name's trigger (~110 alternatives, half
 * of them starting at a Han character) was ~18 % of the redactor's CPU on Chinese logs; split, the
 * ASCII part never meets the Han alternatives, and the other part, behind a guard on its first
 * character (WIDE_GUARD, as the marks scan's wide half), skips each ASCII position in one class
 * test. Measured alone on the bench's Chinese lines: 22 → 14 ms per 4 000 lines.
 *
 * A leading non-capturing group that mixes both kinds (`(?:姓名|联系人|name|user)[^\r\n]{0,24}?…`) is
 * spread over its alternatives first (`(?:a|b)X` is `aX|bX`): each then falls in one part.
 *
 * Left whole (the factored regex) where a part could change what the source means: a
 * back-reference or a named group (spreading would repeat its name), or when one part would hold
 * everything.
 */
export class SplitTestRegExp extends RegExp {
  /** The parts, each a plain regex with the source's flags; the whole (factored) is this regex itself. */
  readonly parts: readonly RegExp[];

  constructor(source: string, flags: string, parts: readonly RegExp[]) {
    super(source, flags);
    this.parts = parts;
  }

  /**
   * speed17 (session 20): the part that matched last is asked first. The answer is the same in any
   * order (a line matches when one part does); the order is what a passing line costs. A Chinese
   * line passes person-name's trigger by its Han part, and asked first the ASCII part (~40
   * alternatives at every position, the line's longest regex) was run for nothing on each.
   */
  private lead = 0;

  override test(text: string): boolean {
    const parts = this.parts;
    const lead = this.lead;
    if (parts[lead]!.test(text)) return true;
    for (let i = 0; i < parts.length; i += 1) {
      if (i !== lead && parts[i]!.test(text)) {
        this.lead = i;
        return true;
      }
    }
    return false;
  }
}

const SPREAD_QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})/;
/** Alternatives a spread may make of one alternative, at most (past that, it is left as it is). */
const MAX_SPREAD = 400;

/** `(?:a|b)X` → `aX`, `bX` (and again inside a or b's own leading group); an alternative without such a head as it is. */
function spread(alternative: string): string[] {
  if (!alternative.startsWith('(?:')) return [alternative];
  const end = atomEnd(alternative, 0);
  if (end <= 0 || end > alternative.length || SPREAD_QUANTIFIER.test(alternative.slice(end))) return [alternative];
  const inner = topAlternatives(alternative.slice(3, end - 1));
  if (inner.length < 2) return [alternative];
  const out = inner.flatMap((a) => spread(a + alternative.slice(end)));
  return out.length > MAX_SPREAD ? [alternative] : out;
}

/** The part sources per source and flags: the table's triggers are read at build time (analyses.ts). */
function partSourcesOf(source: string, flags: string): readonly string[] | undefined {
  return analysed('parts', `${flags}/${source}`, () => computePartSources(source, flags));
}

function computePartSources(source: string, flags: string): string[] | undefined {
  let parts: string[] | undefined;
  // A numbered or named back-reference, or a named group, would not survive being cut or spread.
  if (!/\\[1-9]|\\k<|\(\?<(?![=!])/.test(source)) {
    const ascii: string[] = [];
    const wide: string[] = [];
    const either: string[] = [];
    for (const alternative of topAlternatives(source).flatMap(spread)) {
      const atoms = firstAtoms(alternative);
      if (atoms !== undefined && atoms.length > 0 && atoms.every((a) => asciiOnly(a, flags))) ascii.push(alternative);
      else if (atoms !== undefined && atoms.length > 0 && atoms.every((a) => nonAsciiOnly(a, flags))) wide.push(alternative);
      else either.push(alternative);
    }
    const kinds = [ascii, wide, either].filter((k) => k.length > 0).length;
    if (kinds > 1) {
      parts = [];
      if (ascii.length > 0) parts.push(ascii.length >= GATE_MIN ? ascii.join('|') : factorAlternatives(ascii.join('|')));
      // Each under V8's size limit (see chunkedForTest): person-name's Han part alone was 21 828 characters.
      for (const chunk of chunksOf(wide)) parts.push(`${WIDE_GUARD}(?:${factorAlternatives(chunk.join('|'))})`);
      for (const chunk of chunksOf(either)) parts.push(factorAlternatives(chunk.join('|')));
    }
  }
  return parts;
}

/**
 * A regex for test() only: factoredForTest, and where its alternatives start at different kinds of
 * character, a SplitTestRegExp that asks its parts (see there). exec() and the source stay the
 * factored whole's.
 */
export function splitForTest(re: RegExp): RegExp {
  const factored = factoredForTest(re);
  // An IT rule's LinearRegExp or a list scan keeps its own class; a global or sticky regex keeps its lastIndex semantics.
  if (re.constructor !== RegExp || re.global || re.sticky) return factored;
  const parts = partSourcesOf(re.source, re.flags);
  if (parts === undefined) return factored.source.length > OPTIMISED_SOURCE ? chunkedForTest(topAlternatives(re.source), re.flags) : factored;
  try {
    return new SplitTestRegExp(factored.source, factored.flags, parts.map((p) => gatedIfWorth(p, re.flags) ?? chunkedForTest(topAlternatives(p), re.flags)));
  } catch {
    return factored;
  }
}

// ---- speed18 (session 21): triggers' alternatives behind their literals --------------------------

/** Fewest alternatives for which a part is gated by literals (below, V8's own scan is as fast). */
const GATE_MIN = 16;

/**
 * speed18 (session 21): a regex for test() only, its alternatives grouped by the literals one of
 * which each needs on the line (literal-set.ts requiredLiteralSet, the set the patterns' prefilter
 * reads): one walk over the line (LiteralIndex.mark) finds which literals are there, and only the
 * groups holding one are asked, each a small factored alternation; alternatives without a known
 * set are asked always. A line matches an alternation exactly when it matches one alternative, and
 * an alternative can only match a line holding one of its literals, so the answer is the source's.
 *
 * Why: V8 tries each alternative at every position, and under `i` its quick check on the first
 * characters lets nearly every position in. person-name's ASCII part (~200 alternatives after
 * spreading) was ~27 µs per woken web-app line, for 1 line in 24 passing. Used where it pays only
 * (gatedIfWorth).
 */
export class LiteralGatedRegExp extends RegExp {
  private stamp = 0;
  private readonly seen: Float64Array;
  private readonly held: Uint8Array;

  constructor(
    source: string,
    flags: string,
    private readonly index: LiteralIndex,
    private readonly folded: boolean,
    /** Per group, its literals' ids in `index` and its alternatives as one regex (alternatives needing a wide character left out). */
    private readonly groups: readonly { readonly anyOf: Int32Array; readonly regex: RegExp }[],
    /** The alternatives without a known literal set (and needing no wide character), or undefined when there are none. */
    private readonly always: RegExp | undefined,
    /** All the alternatives, for a line with a wide character (chunkedForTest: the whole may be past V8's size limit). */
    private readonly whole: RegExp,
  ) {
    super(source, flags);
    this.seen = new Float64Array(index.size);
    this.held = new Uint8Array(index.size);
  }

  /** How many groups the walk may ask. */
  get groupCount(): number {
    return this.groups.length;
  }

  override test(text: string): boolean {
    // A line with a wide character is asked as a whole: V8 passes over its Han runs at one class
    // test a position, cheaper than the walk; an ASCII line needs none of the wide groups.
    // lead23 (session 23): asked as chunks under V8's size limit (chunkedForTest), not as this regex itself.
    if (WIDE_CHARACTER.test(text)) return this.whole.test(text);
    if (this.always !== undefined && this.always.test(text)) return true;
    const stamp = (this.stamp += 1);
    const { seen, held, groups } = this;
    this.index.mark(this.folded ? text.toLowerCase() : text, stamp, seen, held);
    for (let g = 0; g < groups.length; g += 1) {
      const group = groups[g]!;
      const ids = group.anyOf;
      for (let k = 0; k < ids.length; k += 1) {
        const id = ids[k]!;
        if (seen[id] === stamp && held[id] === 1) {
          if (group.regex.test(text)) return true;
          break;
        }
      }
    }
    return false;
  }
}

/**
 * The gate where it pays: a large part (V8 reads a small one fast enough) whose groups are large on
 * average (each group a line lacks saves that much; many small groups cost a call each where their
 * literals are common). Measured on the bench's web-app lines (20 000, CPU ms, same process):
 * person-name's trigger 274 → 176 (126 groups, 18 Ki of source); gated, user-name's (330 groups, 17 Ki)
 * went 98 → 202, secret-assignment's (279, 6 Ki) 67 → 101, cloud-key's (33, 560) 47 → 61: not gated.
 */
function gatedIfWorth(source: string, flags: string): RegExp | undefined {
  const gated = gatedForTest(source, flags);
  return gated !== undefined && gated.source.length >= GATE_MIN_SOURCE && gated.groupCount * GATE_GROUP_SOURCE <= gated.source.length ? gated : undefined;
}
const GATE_MIN_SOURCE = 4096;
const GATE_GROUP_SOURCE = 100;

/** `source` (an alternation) as a LiteralGatedRegExp, or undefined when it is too small or holds too few known sets to gain. */
export function gatedForTest(source: string, flags: string): LiteralGatedRegExp | undefined {
  if (/[gy]/.test(flags) || /\\[1-9]|\\k<|\(\?<(?![=!])/.test(source)) return undefined;
  const alternatives = topAlternatives(source);
  if (alternatives.length < GATE_MIN) return undefined;
  const byKey = new Map<string, { set: string[]; wide: boolean; alternatives: string[] }>();
  const rest: string[] = [];
  const restWide: string[] = [];
  for (const a of alternatives) {
    const set = analysed('literals', `${flags}/${a}`, () => requiredLiteralSet(a, flags));
    // sos26 (session 24): read at build time (analyses.ts 'wide').
    const wide = analysed('wide', `${flags}/${a}`, () => needsWide(a, flags));
    // The empty literal is on every line: such an alternative is asked always (on a line with a wide character only, when it needs one).
    if (set === undefined || set.length === 0 || set.some((l) => l.length < 2)) {
      if (wide) restWide.push(a);
      else rest.push(a);
      continue;
    }
    const key = `${wide ? 'w' : 'a'}${[...set].sort().join('\u0000')}`;
    const g = byKey.get(key) ?? { set, wide, alternatives: [] };
    g.alternatives.push(a);
    byKey.set(key, g);
  }
  // Mostly unknown: the gate would cost a walk and save little.
  if ((rest.length + restWide.length) * 4 > alternatives.length * 3) return undefined;
  const index = new LiteralIndex();
  const groups = [...byKey.values()].filter((g) => !g.wide).map((g) => ({ anyOf: Int32Array.from(g.set, (l) => index.add(l)), regex: new RegExp(factoredSource(g.alternatives.join('|')), flags) }));
  const always = rest.length > 0 ? new RegExp(factoredSource(rest.join('|')), flags) : undefined;
  return new LiteralGatedRegExp(factoredSource(source), flags, index, flags.includes('i'), groups, always, chunkedForTest(alternatives, flags));
}

/** Any UTF-16 code unit past ASCII (a surrogate half too). */
const WIDE_CHARACTER = /[\u0080-\uffff]/;
const MANDATORY = /^(?:\+|\{[1-9]\d*(?:,\d*)?\})?\??$/;

/**
 * Whether every match of the alternative holds a non-ASCII character: one of its own atoms (not
 * inside a group), taken at least once, is a class, property or character matching no ASCII one.
 */
function needsWide(alternative: string, flags: string): boolean {
  for (let i = 0; i < alternative.length; ) {
    const end = atomEnd(alternative, i);
    if (end <= i || end > alternative.length) return false;
    const quantifier = QUANTIFIER.exec(alternative.slice(end))?.[0] ?? '';
    const atom = alternative.slice(i, end);
    const single = (atom.startsWith('[') && !atom.startsWith('[^')) || atom.startsWith('\\p{') || (atom.length === 1 && atom.charCodeAt(0) > 0x7f);
    if (single && MANDATORY.test(quantifier) && nonAsciiOnly(atom, flags)) return true;
    i = end + quantifier.length;
  }
  return false;
}

/** factorAlternatives, remembered (analyses.ts: the build writes it for the table's triggers). */
function factoredSource(source: string): string {
  return analysed('factor', source, () => factorAlternatives(source));
}
// ---- end speed18 ------------------------------------------------------------------------------------

// ---- lead23 (session 23): no test regex past V8's size limit -------------------------------------

/**
 * The longest source a test regex is given. V8 does not optimise a regex whose source is longer than
 * 20 KiB (irregexp's kRegExpTooLargeToOptimize): no quick check, no Boyer–Moore skip, every position
 * entered. Session 22's merge took person-name's ASCII part to 32 926 characters and its Han part
 * to 21 828; on a Chinese line (asked as a whole, LiteralGatedRegExp) that part alone went from
 * 7 ms to 140–200 ms per 3 000 lines of the bench's Chinese log, and the chinese row fell from 6.3 to
 * 1.6 MB per CPU second. The same alternatives in chunks of at most this many characters: 7 ms.
 */
export const OPTIMISED_SOURCE = 16 * 1024;

/** `alternatives` in runs whose joined sources stay within OPTIMISED_SOURCE (an alternative longer alone is a run of its own). */
function chunksOf(alternatives: readonly string[]): string[][] {
  const chunks: string[][] = [];
  let run: string[] = [];
  let length = 0;
  for (const a of alternatives) {
    if (run.length > 0 && length + 1 + a.length > OPTIMISED_SOURCE) {
      chunks.push(run);
      run = [];
      length = 0;
    }
    run.push(a);
    length += (run.length > 1 ? 1 : 0) + a.length;
  }
  if (run.length > 0) chunks.push(run);
  return chunks;
}

/** For test() only: a line matches when one of the chunks matches (an alternation matches where one of its alternatives does). */
export class ChunkedTestRegExp extends RegExp {
  constructor(
    source: string,
    flags: string,
    /** The chunks, each a factored alternation within OPTIMISED_SOURCE. */
    readonly chunks: readonly RegExp[],
  ) {
    super(source, flags);
  }

  override test(text: string): boolean {
    const chunks = this.chunks;
    for (let i = 0; i < chunks.length; i += 1) if (chunks[i]!.test(text)) return true;
    return false;
  }
}

/** The alternation of `alternatives` for test(): one factored regex when it fits OPTIMISED_SOURCE, else a ChunkedTestRegExp. */
export function chunkedForTest(alternatives: readonly string[], flags: string): RegExp {
  const whole = factoredSource(alternatives.join('|'));
  if (whole.length <= OPTIMISED_SOURCE || alternatives.length < 2) return new RegExp(whole, flags);
  return new ChunkedTestRegExp(whole, flags, chunksOf(alternatives).map((c) => new RegExp(factoredSource(c.join('|')), flags)));
}
// ---- end lead23 ------------------------------------------------------------------------------------
