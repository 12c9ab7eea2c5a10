/**
 * Literals one of which every line a pattern matches must hold (`姓名`, `联系人`, `name` … for
 * person-name's key pattern; `(` or `（` for a name before a bracket): where the line holds none of
 * them the pattern cannot match, and its regex need not run (the line engine looks each woken line
 * up once, for all patterns at a time: LiteralIndex below, line-engine.ts).
 *
 * The set is read from the regex source, conservatively. An alternation needs one literal of each
 * alternative (the union of their sets; one alternative without a set leaves the whole without
 * one). A sequence needs each of its mandatory atoms, so any one of their sets will do, and the
 * rarest is taken: a run of plain characters taken once or more, a class of a few plain characters
 * (`[(（]`), a group that must match (no `?`, `*`, `{0,…}` after it), and a positive look-around
 * (what it looks at is on the line too). A negative look-around, an optional part, `.`, `\d`, a
 * range or a negated class gives nothing.
 *
 * Case-insensitive patterns are looked up on the lower-cased line, with literals lower-cased: only
 * characters whose case the regex folds exactly as toLowerCase does take part (ASCII; with `u`,
 * not `s` or `k`, which fold `ſ` and the Kelvin sign onto them), and characters that have no case
 * at all (Han, CJK and full-width punctuation). A run keeps its longest such piece (a piece of a
 * required run is required too); a member of a set without one leaves the set unusable.
 */
import { atomEnd, topAlternatives } from './scan-split.js';

const SPECIAL = new Set([...'\\^$.|?*+()[]{}']);
const QUANTIFIER = /^(?:[*+?]|\{(\d+)(?:,\d*)?\})\??/;
const LOOK_AHEAD_OR_BEHIND = /^\(\?<?([=!])/;
/** Largest class read as a set of literals: a larger one is common enough to be of no use. */
const MAX_CLASS = 6;

/**
 * Characters without case: no other character upper- or lower-cases onto them, and they onto none.
 * Held to that over the whole BMP by literal-set.test.ts.
 */
export function caseless(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
    (c >= 0x3000 && c <= 0x303f) || // CJK symbols and punctuation (`、。「」【】`, the ideographic space)
    (c >= 0x2010 && c <= 0x2027) || // dashes, quotes `“”‘’`, `…`
    (c >= 0xff01 && c <= 0xff20) || // full-width punctuation and digits `！（），：；＝`
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65)
  );
}

/** Whether `c` may stand in a literal of a pattern with these flags. */
function usable(c: number, folded: boolean, unicode: boolean): boolean {
  if (!folded) return true;
  if (c < 0x80) return !(unicode && (c === 0x73 || c === 0x53 || c === 0x6b || c === 0x4b));
  return caseless(c);
}

/** The longest piece of `text` made of usable characters ('' when none). */
function longestUsable(text: string, folded: boolean, unicode: boolean): string {
  let best = '';
  let from = 0;
  for (let i = 0; i <= text.length; i += 1) {
    if (i === text.length || !usable(text.charCodeAt(i), folded, unicode)) {
      if (i - from > best.length) best = text.slice(from, i);
      from = i + 1;
    }
  }
  return best;
}

/** The character a class member or lone atom stands for, when it stands for exactly one; else undefined. */
function plainCharacter(atom: string): string | undefined {
  if (atom.length === 1) return SPECIAL.has(atom) ? undefined : atom;
  if (atom[0] !== '\\') return undefined;
  if (atom.length === 2) {
    const e = atom[1]!;
    if (e === 't') return '\t';
    return /[^\w\s]/.test(e) ? e : undefined;
  }
  if (atom.length === 6 && atom[1] === 'u' && /^[0-9a-fA-F]{4}$/.test(atom.slice(2))) return String.fromCharCode(parseInt(atom.slice(2), 16));
  if (atom.length === 4 && atom[1] === 'x' && /^[0-9a-fA-F]{2}$/.test(atom.slice(2))) return String.fromCharCode(parseInt(atom.slice(2), 16));
  return undefined;
}

/** The characters of a class of a few plain characters (`[(（]`, `[Ee]`), or undefined. */
function classCharacters(atom: string): string[] | undefined {
  if (atom[1] === '^' || !atom.endsWith(']')) return undefined;
  const body = atom.slice(1, -1);
  const out: string[] = [];
  for (let j = 0; j < body.length; ) {
    let len = 1;
    if (body[j] === '\\') len = body[j + 1] === 'u' ? 6 : body[j + 1] === 'x' ? 4 : 2;
    const member = body.slice(j, j + len);
    // A range (`a-z`), other than a `-` first or last.
    if (member === '-' && j > 0 && j + 1 < body.length) return undefined;
    // Inside a class every character but `\\` stands for itself (`[(（]`).
    const c = member.length === 1 ? member : plainCharacter(member);
    if (c === undefined) return undefined;
    out.push(c);
    j += len;
  }
  return out.length > 0 && out.length <= MAX_CLASS ? out : undefined;
}

interface Reading {
  readonly folded: boolean;
  readonly unicode: boolean;
  /** speed19 (session 22): runs go on through small classes and groups (spelledLiteralSet). */
  readonly spell?: boolean;
}

/** A set made ready for the line: lower-cased when folded, each member cut to its usable part; undefined when a member has none. */
function ready(members: readonly string[], r: Reading): string[] | undefined {
  const out = new Set<string>();
  for (const m of members) {
    const piece = longestUsable(r.folded ? m.toLowerCase() : m, r.folded, r.unicode);
    if (piece === '') return undefined;
    out.add(piece);
  }
  // `经理` present whenever `总经理` is: a member holding another adds nothing.
  const list = [...out];
  return list.filter((m) => !list.some((o) => o !== m && m.includes(o)));
}

/**
 * About how likely a log line is to hold the literal, as a power of two: a letter or a Han
 * character is far from rare, three letters or two Han characters are (blanks and digits are common).
 */
function rarity(literal: string): number {
  let bits = 0;
  for (let i = 0; i < literal.length; i += 1) {
    const c = literal.charCodeAt(i);
    if (c === 32 || c === 9) bits += 0.5;
    else if (c >= 0x30 && c <= 0x39) bits += 1;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) bits += 2.5;
    else if (c < 0x80) bits += 1.5;
    else bits += 3.5;
  }
  return bits;
}

/** How rare a line holding some member of the set is (the larger, the fewer lines pass), in bits. */
function setScore(set: readonly string[]): number {
  let p = 0;
  for (const m of set) p += 2 ** -rarity(m);
  return -Math.log2(p);
}

/** Literals one of which every match of `src` (alternatives allowed) holds, or undefined. */
function needOf(src: string, r: Reading): string[] | undefined {
  const alts = topAlternatives(src);
  if (alts.length === 1) return needOfSequence(src, r);
  const union = new Set<string>();
  for (const alt of alts) {
    const need = needOfSequence(alt, r);
    if (need === undefined) return undefined;
    for (const m of need) union.add(m);
  }
  return ready([...union], r);
}

/** needOf for one alternative: the rarest set among its mandatory atoms'. */
function needOfSequence(src: string, r: Reading): string[] | undefined {
  const candidates: string[][] = [];
  const add = (set: string[] | undefined) => {
    if (set !== undefined && set.length > 0) candidates.push(set);
  };
  // speed19 (session 22): the run is a set of strings (one of which the line holds): a class of a few plain characters
  // or a group spelling a few strings (`[Uu]ser`, `user(?:=|[ \t]+)`) extends each member by each of its strings.
  let runs: string[] = [];
  const flush = () => {
    if (runs.length > 0) add(ready(runs, r));
    runs = [];
  };
  const extend = (spelled: readonly string[]) => {
    if (runs.length * spelled.length > MAX_RUNS) flush();
    runs = runs.length === 0 ? [...spelled] : runs.flatMap((a) => spelled.map((b) => a + b));
  };
  for (let i = 0; i < src.length; ) {
    const end = atomEnd(src, i);
    if (end <= i) return undefined;
    const q = QUANTIFIER.exec(src.slice(end));
    const quantifier = q?.[0] ?? '';
    // Taken at least once: no quantifier, `+`, or `{n,…}` with n ≥ 1.
    const once = quantifier === '' || quantifier.startsWith('+') || (q?.[1] !== undefined && Number(q[1]) >= 1);
    const atom = src.slice(i, end);
    const spelled = !once ? undefined : r.spell === true ? spell(atom) : plainSpelled(atom);
    if (spelled !== undefined) {
      extend(spelled.strings);
      // A repeated atom still ends the run after its first copy (`a+b` holds `a` and `b`, not `ab`), as does
      // a group read only in part (what follows its prefix is not known).
      if (quantifier !== '' || !spelled.whole) flush();
    } else {
      flush();
      if (atom === '|') return undefined;
      // A group of another kind (modifiers `(?i:…)`): not read, nothing is known.
      if (atom[0] === '(' && atom[1] === '?' && !/^\(\?(?:[:=!]|<[=!]|<[A-Za-z])/.test(atom)) return undefined;
      if (once && atom[0] === '(') {
        const look = LOOK_AHEAD_OR_BEHIND.exec(atom);
        if (look === null || look[1] === '=') {
          const inner = look !== null ? look[0].length : atom.startsWith('(?:') ? 3 : atom.startsWith('(?<') ? atom.indexOf('>') + 1 : 1;
          add(needOf(atom.slice(inner, -1), r));
        }
      } else if (once && atom[0] === '[') {
        const chars = classCharacters(atom);
        if (chars !== undefined) add(ready(chars, r));
      }
    }
    i = end + quantifier.length;
  }
  flush();
  let best: string[] | undefined;
  let bestScore = -Infinity;
  for (const c of candidates) {
    const score = setScore(c);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

// ---- speed19 (session 22): runs spelled through small classes and groups ----------------------------

/**
 * Literals one of which every line the pattern matches holds, read with runs spelled on through small classes and
 * groups (`user(?:=|[ \t]+)` → `user=`, `user `, `user\t`; `[Uu]ser` → `User`, `user`), or undefined when none is
 * known. Often rarer than requiredLiteralSet's but with more members, so more lookups: the line engine asks it only
 * on a line that holds one of requiredLiteralSet's (CompiledPattern.spelledOf), where the regex would run otherwise.
 */
export function spelledLiteralSet(source: string, flags: string): string[] | undefined {
  const spelled = needOf(source, { folded: flags.includes('i'), unicode: flags.includes('u') || flags.includes('v'), spell: true });
  if (spelled === undefined) return undefined;
  // Only where it says more than the plain set (asked on the lines that hold the plain one, its lookups are cheap
  // beside the regex they may spare: setScore, which reads characters as independent, undervalues it there).
  const plain = requiredLiteralSet(source, flags);
  return plain === undefined || spelled.length !== plain.length || spelled.some((m, k) => m !== plain[k]) ? spelled : undefined;
}

/** A plain character as spell() gives it (requiredLiteralSet's runs hold plain characters only). */
function plainSpelled(atom: string): { strings: string[]; whole: boolean } | undefined {
  const c = plainCharacter(atom);
  return c === undefined ? undefined : { strings: [c], whole: true };
}

/** Most strings a run (or a spelled group) may stand for: past it, the run is flushed and starts again. */
const MAX_RUNS = 16;

/**
 * What one copy of `atom` starts with, when that is a few plain strings: `strings`, one of which every
 * match of the atom begins with, and `whole` when each is all of the match (a plain character, a class
 * of a few plain characters, a group whose alternatives are sequences of such atoms). An alternative
 * is read up to its first atom that is optional, repeated (after its first copy) or not plain;
 * without even one plain atom first, or with an empty alternative, nothing is spelled.
 */
function spell(atom: string): { strings: string[]; whole: boolean } | undefined {
  const c = plainCharacter(atom);
  if (c !== undefined) return { strings: [c], whole: true };
  if (atom[0] === '[') {
    const chars = classCharacters(atom);
    return chars === undefined ? undefined : { strings: chars, whole: true };
  }
  if (atom[0] !== '(' || atom[atom.length - 1] !== ')') return undefined;
  if (atom[1] === '?' && !atom.startsWith('(?:') && !/^\(\?<[A-Za-z]/.test(atom)) return undefined;
  const inner = atom.startsWith('(?:') ? 3 : atom.startsWith('(?<') ? atom.indexOf('>') + 1 : 1;
  const out: string[] = [];
  let whole = true;
  for (const alt of topAlternatives(atom.slice(inner, -1))) {
    let strings = [''];
    let complete = true;
    for (let i = 0; i < alt.length; ) {
      const end = atomEnd(alt, i);
      if (end <= i) return undefined;
      const q = QUANTIFIER.exec(alt.slice(end));
      const quantifier = q?.[0] ?? '';
      const once = quantifier === '' || quantifier.startsWith('+') || (q?.[1] !== undefined && Number(q[1]) >= 1);
      const part = once ? spell(alt.slice(i, end)) : undefined;
      if (part === undefined || strings.length * part.strings.length > MAX_RUNS) {
        complete = false;
        break;
      }
      strings = strings.flatMap((x) => part.strings.map((y) => x + y));
      if (quantifier !== '' || !part.whole) {
        complete = false;
        break;
      }
      i = end;
    }
    if (strings.some((x) => x.length === 0)) return undefined;
    whole &&= complete;
    out.push(...strings);
    if (out.length > MAX_RUNS) return undefined;
  }
  return out.length > 0 ? { strings: out, whole } : undefined;
}
// ---- end speed19 ------------------------------------------------------------------------------------

/**
 * Literals one of which every line the pattern matches holds (lower-cased for `i`: look them up on
 * the lower-cased line), or undefined when none is known.
 */
export function requiredLiteralSet(source: string, flags: string): string[] | undefined {
  return needOf(source, { folded: flags.includes('i'), unicode: flags.includes('u') || flags.includes('v') });
}

/**
 * The literals of a rule set's patterns (CompiledPattern.anyOf holds their ids): `mark` walks a
 * line once and finds every literal of the index on it. The line engine looks the first few
 * literals of a line up one by one (includes) and, when a line asks for more (person-name's and
 * user-name's ~190 patterns ask a woken line for ~1 900 and ~700 literals, of which a handful are
 * there), marks them all in one walk (line-engine.ts mayMatch).
 *
 * speed26 (session 24): the walk follows a trie of the literals from each position of the line (its
 * first level an array by character, the others one hash table of (node, character) → node), so a
 * position costs about one step per character the literals share with the line there. It was a
 * table by each literal's first character pair, each candidate checked with startsWith: ~60
 * literals start with `re`, ~20 single characters (` `, `:`, `s`, `-` …) hit on most positions, and
 * a web-app line took ~22 µs.
 */
export class LiteralIndex {
  private readonly ids = new Map<string, number>();
  readonly literals: string[] = [];
  /** The empty literal's id, if it was added (on every line). */
  private empty = -1;
  /** The trie, built at the first walk after a literal was added (undefined: to build). */
  private trie: Trie | undefined;

  /** The id of a literal (added when new). */
  add(literal: string): number {
    let id = this.ids.get(literal);
    if (id === undefined) {
      id = this.literals.length;
      this.ids.set(literal, id);
      this.literals.push(literal);
      if (literal.length === 0) this.empty = id;
      this.trie = undefined;
    }
    return id;
  }

  get size(): number {
    return this.literals.length;
  }

  /**
   * Sets `seen[id] = stamp` and `held[id] = 1` for every literal `id` of the index that `text` holds; leaves the others as they are.
   * speed26 (session 24): with `found`, also lists each such id once (pattern-index.ts reads the list).
   */
  mark(text: string, stamp: number, seen: Float64Array, held: Uint8Array, found?: FoundLiterals): void {
    const trie = (this.trie ??= buildTrie(this.literals));
    const { first, keyNode, keyChar, child, literal, mask } = trie;
    if (found !== undefined) found.count = 0;
    if (this.empty >= 0) hold(this.empty, stamp, seen, held, found);
    const n = text.length;
    for (let i = 0; i < n; i += 1) {
      let node = first[text.charCodeAt(i)]!;
      for (let j = i + 1; node >= 0; j += 1) {
        const id = literal[node]!;
        if (id >= 0) hold(id, stamp, seen, held, found);
        if (j === n) break;
        const c = text.charCodeAt(j);
        let h = slotOf(node, c, mask);
        while (keyNode[h] !== node || keyChar[h] !== c) {
          if (keyNode[h] === -1) break;
          h = (h + 1) & mask;
        }
        node = keyNode[h] === -1 ? -1 : child[h]!;
      }
    }
  }
}

function hold(id: number, stamp: number, seen: Float64Array, held: Uint8Array, found: FoundLiterals | undefined): void {
  seen[id] = stamp;
  held[id] = 1;
  if (found !== undefined && found.listed[id] !== stamp) {
    found.listed[id] = stamp;
    found.ids[found.count++] = id;
  }
}

/** speed26 (session 24): the literals as a trie (LiteralIndex.mark). Node 0 is the root; a node's literal id, -1 where no literal ends. */
interface Trie {
  /** The root's child for each UTF-16 code unit (-1: none). */
  readonly first: Int32Array;
  /** An open-addressed table of the other edges: (keyNode, keyChar) → child; keyNode -1 marks a free entry. */
  readonly keyNode: Int32Array;
  readonly keyChar: Uint16Array;
  readonly child: Int32Array;
  readonly mask: number;
  readonly literal: Int32Array;
}

/** Where the edge (node, c) is looked up first in a table of `mask + 1` entries. */
function slotOf(node: number, c: number, mask: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) >>> 7 & mask;
}

function buildTrie(literals: readonly string[]): Trie {
  const edges = new Map<number, Map<number, number>>([[0, new Map()]]);
  const ends: number[] = [-1];
  literals.forEach((l, id) => {
    if (l.length === 0) return;
    let node = 0;
    for (let k = 0; k < l.length; k += 1) {
      const out = edges.get(node)!;
      const c = l.charCodeAt(k);
      let next = out.get(c);
      if (next === undefined) {
        next = ends.length;
        ends.push(-1);
        edges.set(next, new Map());
        out.set(c, next);
      }
      node = next;
    }
    ends[node] = id;
  });
  const first = new Int32Array(0x10000).fill(-1);
  for (const [c, next] of edges.get(0)!) first[c] = next;
  let deeper = 0;
  for (const [node, out] of edges) if (node !== 0) deeper += out.size;
  let size = 16;
  while (size < 2 * deeper) size *= 2;
  const mask = size - 1;
  const keyNode = new Int32Array(size).fill(-1);
  const keyChar = new Uint16Array(size);
  const child = new Int32Array(size);
  for (const [node, out] of edges) {
    if (node === 0) continue;
    for (const [c, next] of out) {
      let h = slotOf(node, c, mask);
      while (keyNode[h] !== -1) h = (h + 1) & mask;
      keyNode[h] = node;
      keyChar[h] = c;
      child[h] = next;
    }
  }
  return { first, keyNode, keyChar, child, mask, literal: Int32Array.from(ends) };
}

/** speed26 (session 24): the literals a LiteralIndex.mark walk found, each once: `ids[0 .. count)` (`listed`: per id, the stamp it was listed under). */
export interface FoundLiterals {
  readonly ids: Int32Array;
  count: number;
  readonly listed: Float64Array;
}

/** An empty FoundLiterals for an index of `size` literals. */
export function foundLiterals(size: number): FoundLiterals {
  return { ids: new Int32Array(size), count: 0, listed: new Float64Array(size) };
}
