/**
 * A shared scan split in two by the first character a match can start at: ASCII, or anything else.
 *
 * Why: V8 compiles a regex twice, for one-byte (Latin-1) and two-byte strings. Against a one-byte
 * string every alternative that starts with a Han or full-width character is dropped at compile
 * time; against a two-byte string (a 64 KiB chunk with a single `“`, `→` or Han character in it)
 * all of them are tried at every position. The marks scan has ~130 such alternatives (person-name's
 * Chinese words): on the bench's logs with curly quotes it took 44 % of the redactor's CPU,
 * ~20× its cost on the same text without them.
 *
 * Split, each half is cheap on its own: the ASCII half never meets the Han alternatives, and the
 * other half, behind a guard on its first characters, skips ASCII text in one class test per
 * position (and fails at once on one-byte strings). Where a match can start is disjoint between the
 * halves, so at any position at most one half can match there, and inside a half the alternatives
 * keep their order: the leftmost hit of the two halves is the hit the whole regex would return,
 * with the same text (the engine's scan takes the earlier of the two; see LineEngine.scan).
 *
 * Only alternatives whose first consuming atoms are understood take part: a literal, an escaped
 * punctuation mark, a class of such characters or ranges, past look-arounds, anchors and into
 * leading groups. One that may start at both kinds of character, or one this cannot read, leaves
 * the scan whole (undefined).
 */

/**
 * Index just past the atom at `i` (a group, a class, an escape or one character), or -1 (or any
 * index ≤ i) when the source cannot be read there: a group never closed, an escape cut short.
 * The one reader of regex atoms: the scan split, literal sets (literal-set.ts) and the
 * scan-shape test all use it. Sources are read as without the `v` flag (none is allowed): `[` in
 * a class is a plain character, so classes do not nest.
 */
export function atomEnd(src: string, i: number): number {
  const c = src[i];
  if (c === '\\') {
    // `\u{…}`, `\p{…}`, `\P{…}`, and a named back-reference `\k<name>`.
    if ((src[i + 1] === 'u' || src[i + 1] === 'p' || src[i + 1] === 'P') && src[i + 2] === '{') return src.indexOf('}', i) + 1;
    if (src[i + 1] === 'k' && src[i + 2] === '<') return src.indexOf('>', i) + 1;
    if (src[i + 1] === 'u') return i + 6;
    if (src[i + 1] === 'x') return i + 4;
    if (src[i + 1] === 'c' && /[A-Za-z]/.test(src[i + 2] ?? '')) return i + 3;
    return i + 2;
  }
  if (c === '[') {
    let j = i + 1;
    if (src[j] === '^') j += 1;
    if (src[j] === ']') j += 1;
    for (; j < src.length && src[j] !== ']'; j += 1) if (src[j] === '\\') j += 1;
    return j + 1;
  }
  if (c === '(') {
    let depth = 0;
    for (let j = i; j < src.length; j += 1) {
      if (src[j] === '\\') j += 1;
      else if (src[j] === '[') j = atomEnd(src, j) - 1;
      else if (src[j] === '(') depth += 1;
      else if (src[j] === ')' && --depth === 0) return j + 1;
    }
    return -1;
  }
  return i + 1;
}

/** The top-level alternatives of a regex source (`a|b(c|d)` -> `a`, `b(c|d)`). */
export function topAlternatives(src: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < src.length; ) {
    if (src[i] === '|') {
      out.push(src.slice(from, i));
      from = i + 1;
      i += 1;
    } else {
      const end = atomEnd(src, i);
      if (end <= i) return [src];
      i = end;
    }
  }
  out.push(src.slice(from));
  return out;
}

const LOOK_AROUND = /^\(\?<?[=!]/;
const QUANTIFIER = /^(?:[*+?]|\{\d+(?:,\d*)?\})\??/;

/**
 * The atoms an alternative's match can start with (each matches one character), or undefined when
 * that is not clear here (the alternative may match the empty string, or an atom is not readable).
 */
export function firstAtoms(alt: string): string[] | undefined {
  let i = 0;
  for (;;) {
    if (alt.startsWith('\\b', i) || alt.startsWith('\\B', i)) i += 2;
    else if (alt[i] === '^' || alt[i] === '$') i += 1;
    else if (LOOK_AROUND.test(alt.slice(i))) {
      const end = atomEnd(alt, i);
      if (end < 0) return undefined;
      i = end;
    } else break;
  }
  if (i >= alt.length) return undefined;
  const end = atomEnd(alt, i);
  if (end < 0) return undefined;
  const quantifier = QUANTIFIER.exec(alt.slice(end))?.[0] ?? '';
  let atoms: string[] | undefined;
  if (alt[i] === '(') {
    const inner = alt.startsWith('(?:', i) ? i + 3 : alt.startsWith('(?<', i) ? alt.indexOf('>', i) + 1 : alt[i + 1] === '?' ? -1 : i + 1;
    if (inner < 0) return undefined;
    atoms = [];
    for (const a of topAlternatives(alt.slice(inner, end - 1))) {
      const first = firstAtoms(a);
      if (first === undefined) return undefined;
      atoms.push(...first);
    }
  } else {
    atoms = [alt.slice(i, end)];
  }
  // An optional first atom lets what follows start a match too.
  if (/^(?:[?*]|\{0[,}])/.test(quantifier)) {
    const next = firstAtoms(alt.slice(end + quantifier.length));
    return next === undefined ? undefined : [...atoms, ...next];
  }
  return atoms;
}

const ASCII_PUNCTUATION = /^[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]$/;

/** One member of a class or a lone atom that matches only itself or a few ASCII characters. */
function asciiMember(src: string, flags: string): boolean {
  if (src.length === 1) {
    const c = src.charCodeAt(0);
    if (c >= 0x80) return false;
    // `i` with `u` folds `s` to `ſ` and `k` to the Kelvin sign; without `u`, ASCII stays ASCII.
    return !(flags.includes('i') && flags.includes('u') && /[a-z]/i.test(src));
  }
  if (src[0] !== '\\' || src.length !== 2) return false;
  const e = src[1]!;
  if (ASCII_PUNCTUATION.test(e)) return true;
  // \d is [0-9] in every mode; \w is ASCII unless `u` and `i` together (ſ, K).
  if (e === 'd') return true;
  if (e === 'w') return !(flags.includes('i') && flags.includes('u'));
  return e === 'n' || e === 'r' || e === 't';
}

/** Whether the one-character atom can match ASCII characters only (literals, escapes, plain classes). */
export function asciiOnly(atom: string, flags: string): boolean {
  // `.` outside a class is any character.
  if (atom === '.') return false;
  if (atom[0] !== '[') return asciiMember(atom, flags);
  if (atom[1] === '^' || !atom.endsWith(']')) return false;
  const body = atom.slice(1, -1);
  const members: string[] = [];
  for (let j = 0; j < body.length; ) {
    const len = body[j] === '\\' ? 2 : 1;
    if (body[j] === '\\' && (body[j + 1] === 'u' || body[j + 1] === 'x' || body[j + 1] === 'p' || body[j + 1] === 'P')) return false;
    members.push(body.slice(j, j + len));
    j += len;
  }
  for (let k = 0; k < members.length; k += 1) {
    const m = members[k]!;
    if (m === '-' && k > 0 && k < members.length - 1) {
      // A range between two characters: both ends ASCII (and so everything between).
      const lo = members[k - 1]!;
      const hi = members[k + 1]!;
      if (!asciiMember(lo, flags) || !asciiMember(hi, flags) || lo.length !== 1 || hi.length !== 1) return false;
      continue;
    }
    if (!asciiMember(m, flags)) return false;
  }
  return true;
}

/** Whether the one-character atom can match no ASCII character (tried on all 128). */
export function nonAsciiOnly(atom: string, flags: string): boolean {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${atom})$`, flags.replace(/[gym]/g, ''));
  } catch {
    return false;
  }
  for (let c = 0; c < 128; c += 1) if (re.test(String.fromCharCode(c))) return false;
  return true;
}

/** The two halves of a scan's alternatives (each in its original order), or undefined (see the module). */
export function splitByFirstCharacter(alternatives: readonly string[], flags: string): { ascii: string[]; wide: string[] } | undefined {
  const ascii: string[] = [];
  const wide: string[] = [];
  for (const alt of alternatives) {
    const atoms = firstAtoms(alt);
    if (atoms === undefined || atoms.length === 0) return undefined;
    if (atoms.every((a) => asciiOnly(a, flags))) ascii.push(alt);
    else if (atoms.every((a) => nonAsciiOnly(a, flags))) wide.push(alt);
    else return undefined;
  }
  return ascii.length > 0 && wide.length > 0 ? { ascii, wide } : undefined;
}

/** The guard before the wide half: one class test per position, failing on every ASCII character. */
export const WIDE_GUARD = '(?=[^\\x00-\\x7f])';

// ---- lead23 (session 23): a scan's alternatives as a prefix tree, its matches unchanged ----------

/**
 * The characters one atom can match (a literal, an escape, a plain class), as [from, to] code-unit
 * ranges; undefined when it can match more than one character, nothing this reads, or under `i`
 * a character whose case this does not fold (only ASCII letters are folded here).
 */
export function atomCharacters(atom: string, flags: string): [number, number][] | undefined {
  const fold = flags.includes('i');
  const out: [number, number][] = [];
  const add = (from: number, to: number): boolean => {
    if (fold) {
      // Under `i` (without `u`) an ASCII letter matches its other case; other letters are not read here.
      for (let c = from; c <= to; c += 1) {
        if (c > 0x7f && String.fromCharCode(c).toLowerCase() !== String.fromCharCode(c).toUpperCase()) return false;
        if (c > 0x7f) break;
      }
      const lo = Math.max(from, 0x41);
      const hi = Math.min(to, 0x5a);
      if (lo <= hi) out.push([lo + 32, hi + 32]);
      const lo2 = Math.max(from, 0x61);
      const hi2 = Math.min(to, 0x7a);
      if (lo2 <= hi2) out.push([lo2 - 32, hi2 - 32]);
      if (to > 0x7f && from <= 0xffff) {
        // A range past ASCII under `i`: only if it holds no cased character (checked per unit, ranges here are short).
        if (to - Math.max(from, 0x80) > 0x3000) return false;
        for (let c = Math.max(from, 0x80); c <= to; c += 1) if (String.fromCharCode(c).toLowerCase() !== String.fromCharCode(c).toUpperCase()) return false;
      }
    }
    out.push([from, to]);
    return true;
  };
  /** The code unit of the single character or escape at j of src, with the index past it; undefined for a class escape or one not read. */
  const unit = (src: string, j: number): [number, number] | undefined => {
    if (src[j] !== '\\') return [src.charCodeAt(j), j + 1];
    const e = src[j + 1];
    if (e === undefined) return undefined;
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(j + 2, j + 6))) return [parseInt(src.slice(j + 2, j + 6), 16), j + 6];
    if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(src.slice(j + 2, j + 4))) return [parseInt(src.slice(j + 2, j + 4), 16), j + 4];
    const control: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13 };
    if (control[e] !== undefined) return [control[e]!, j + 2];
    if (ASCII_PUNCTUATION.test(e)) return [e.charCodeAt(0), j + 2];
    return undefined;
  };
  const classEscape = (e: string | undefined): boolean => {
    if (e === 'd') return add(0x30, 0x39);
    if (e === 'w') return add(0x30, 0x39) && add(0x41, 0x5a) && add(0x5f, 0x5f) && add(0x61, 0x7a);
    return false;
  };
  if (atom[0] === '[') {
    if (atom[1] === '^' || !atom.endsWith(']') || atom.length < 3) return undefined;
    const body = atom.slice(1, -1);
    for (let j = 0; j < body.length; ) {
      if (body[j] === '\\' && (body[j + 1] === 'd' || body[j + 1] === 'w')) {
        if (!classEscape(body[j + 1])) return undefined;
        j += 2;
        continue;
      }
      const a = unit(body, j);
      if (a === undefined) return undefined;
      if (body[a[1]] === '-' && a[1] + 1 < body.length) {
        const b = unit(body, a[1] + 1);
        if (b === undefined || b[0] < a[0]) return undefined;
        if (!add(a[0], b[0])) return undefined;
        j = b[1];
      } else {
        if (!add(a[0], a[0])) return undefined;
        j = a[1];
      }
    }
    return out;
  }
  if (atom === '.' || atom[0] === '(' || atom === '^' || atom === '$' || atom === '|') return undefined;
  if (atom[0] === '\\' && (atom[1] === 'd' || atom[1] === 'w') && atom.length === 2) return classEscape(atom[1]) ? out : undefined;
  const u = unit(atom, 0);
  if (u === undefined || u[1] !== atom.length) return undefined;
  return add(u[0], u[0]) ? out : undefined;
}

/**
 * `alternatives` (a scan's, in their order) as one alternation whose alternatives sharing a first
 * character share it (`密码|密钥|令牌` → `密(?:码|钥)|令牌`), where that changes no match: at a
 * position, the regex returns the same match as the flat alternation, so a scan (exec from a
 * position, the leftmost match, the first alternative that matches there) hits the same text.
 *
 * Why: V8 tries a flat alternation's alternatives one by one at each position that passes its quick
 * check; on Chinese text nearly every position passes the marks scan's wide half (718 alternatives
 * after session 22, most of them starting at a Han character).
 *
 * Order is what must hold: two alternatives that can match at one position keep their order. A
 * leading non-capturing group without a quantifier is spread first (`(?:a|b)X` is `aX|bX`, tried in
 * the same order). Then, in order, an alternative whose first atom is one character or a plain
 * class without a quantifier (atomCharacters) joins the last group with the same first atom, unless
 * something after that group can start at one of its characters (another group, or an alternative
 * this cannot read, or one that ends there: those can start anywhere); else it opens a group of its
 * own at the end. Inside a group, the same again for the rests.
 */
export function stableFactor(alternatives: readonly string[], flags: string): string {
  const sequences: string[][] = [];
  for (const a of alternatives) {
    const atoms = sequenceOf(a);
    if (atoms === undefined) return alternatives.join('|');
    sequences.push(...spreadSequence(atoms));
  }
  return stableTree(sequences, flags);
}

/** The atoms of an alternative, each with its quantifier; undefined when unreadable. */
function sequenceOf(alternative: string): string[] | undefined {
  const atoms: string[] = [];
  for (let i = 0; i < alternative.length; ) {
    const end = atomEnd(alternative, i);
    if (end <= i || end > alternative.length) return undefined;
    const quantifier = QUANTIFIER.exec(alternative.slice(end))?.[0] ?? '';
    atoms.push(alternative.slice(i, end + quantifier.length));
    i = end + quantifier.length;
  }
  return atoms;
}

/** Most sequences one alternative is spread into (past that, it is left as it is). */
const MAX_SPREAD_SEQUENCES = 400;

/** `(?:a|b)X` as `aX`, `bX` (again inside), where the leading atom is a non-capturing group without a quantifier. */
function spreadSequence(sequence: string[]): string[][] {
  const first = sequence[0];
  if (first === undefined || !first.startsWith('(?:') || atomEnd(first, 0) !== first.length) return [sequence];
  const out: string[][] = [];
  for (const inner of topAlternatives(first.slice(3, -1))) {
    const atoms = sequenceOf(inner);
    if (atoms === undefined) return [sequence];
    out.push(...spreadSequence([...atoms, ...sequence.slice(1)]));
    if (out.length > MAX_SPREAD_SEQUENCES) return [sequence];
  }
  return out;
}

type Ranges = readonly (readonly [number, number])[];
const overlaps = (a: Ranges | undefined, b: Ranges): boolean => a === undefined || a.some(([f, t]) => b.some(([g, u]) => f <= u && g <= t));

type Slot = { first: string; chars: Ranges; rests: string[][] } | { first: undefined; chars: undefined; sequence: string[] };

function stableTree(sequences: readonly string[][], flags: string): string {
  const slots: Slot[] = [];
  /** Per first atom, the slot of its last group. */
  const last = new Map<string, number>();
  for (const s of sequences) {
    const first = s[0];
    const chars = first === undefined ? undefined : atomCharacters(first, flags);
    if (first === undefined || chars === undefined) {
      slots.push({ first: undefined, chars: undefined, sequence: s });
      continue;
    }
    const at = last.get(first);
    let join = at !== undefined;
    for (let k = (at ?? slots.length) + 1; join && k < slots.length; k += 1) if (overlaps(slots[k]!.chars, chars)) join = false;
    if (join) {
      (slots[at!] as { rests: string[][] }).rests.push(s.slice(1));
      continue;
    }
    last.set(first, slots.length);
    slots.push({ first, chars, rests: [s.slice(1)] });
  }
  return slots
    .map((slot) => (slot.first === undefined ? slot.sequence.join('') : slot.rests.length === 1 ? slot.first + slot.rests[0]!.join('') : `${slot.first}(?:${stableTree(slot.rests, flags)})`))
    .join('|');
}
// ---- end lead23 ------------------------------------------------------------------------------------
