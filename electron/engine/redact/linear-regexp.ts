/**
 * IT's own redaction patterns (policy `redaction.extraRules`, `redaction.allow`) run on a
 * linear-time engine (re2js, a pure-JS port of RE2): a pattern such as `(a+)+$` would make
 * V8's backtracking engine take minutes on one 35-character line, and a policy must never be
 * able to stall a collection. Built-in rules are ours, reviewed and benchmarked, and stay on V8.
 *
 * `LinearRegExp` is a RegExp whose `exec` is RE2's: `test`, `String#replace`, `matchAll` and
 * the line engine's `lastIndex` loops all go through `exec` (ECMAScript RegExpExec), so the
 * engine uses it like any other regex. The pattern must also be valid JavaScript (the base
 * class compiles it for `source` and `flags`), so a rule means the same in both engines, with
 * RE2's differences: `\s` is ASCII whitespace only, and no backreferences or lookaround.
 */
import { RE2JS } from 're2js';

/** re2js loads in ~15 ms (measured: `node -e "require('re2js')"` vs `node -e 0`), so it is imported plainly. */
function engine(): typeof RE2JS {
  return RE2JS;
}

const BACKREFERENCE = 'it uses a backreference (\\1 or \\k<name>), which cannot run in linear time: repeat the sub-pattern instead of referring back to it';

/** Does the source hold `\1`…`\9` or `\k<…>` (RE2 would read some of them differently)? */
function hasBackreference(source: string): boolean {
  for (let i = 0; i < source.length - 1; i += 1) {
    if (source[i] !== '\\') continue;
    const next = source[i + 1]!;
    if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<')) return true;
    i += 1;
  }
  return false;
}

/** Why a pattern cannot run in linear time, in words that say what to change. */
function unsupportedReason(source: string, message: string): string {
  if (hasBackreference(source)) return BACKREFERENCE;
  if (/\(\?<?[=!]/.test(source)) {
    return 'it uses lookahead or lookbehind ((?=…), (?!…), (?<=…), (?<!…)), which cannot run in linear time: match the surrounding text too and put the part to hide in a named group (?<secret>…), so only that part is replaced';
  }
  return `the linear-time regex engine (RE2) does not accept it: ${message.replace(/^error parsing regexp: /, '')}`;
}

function re2Flags(flags: string): number {
  const RE2JS = engine();
  let out = 0;
  if (flags.includes('i')) out |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('m')) out |= RE2JS.MULTILINE;
  if (flags.includes('s')) out |= RE2JS.DOTALL;
  return out;
}

/** Thrown for a pattern that is not valid JavaScript or cannot run in linear time. */
export class UnsupportedPatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedPatternError';
  }
}

type Matcher = ReturnType<RE2JS['matcher']>;

/**
 * The literal every match starts with (`EMP-` of `EMP-(?<secret>\d{6})`), or undefined. RE2 in
 * JavaScript scans about ten times slower than V8, so exec first jumps with indexOf (linear) to
 * where a match can start, and RE2 runs only from there: logs where the pattern is rare are
 * scanned at indexOf speed. Conservative: no prefix when the pattern has a top-level `|`, and
 * none under `i` for letters whose Unicode case folding toLowerCase does not follow (s, k).
 */
export function requiredPrefix(source: string, flags: string): string | undefined {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') i += 1;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === '|' && depth === 0) return undefined;
  }
  let literal = '';
  // A leading word boundary is zero-width: the match still starts with the literal after it.
  for (let i = source.startsWith('\\b') ? 2 : 0; i < source.length; i += 1) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1];
      if (next === undefined || /[A-Za-z0-9]/.test(next)) break;
      literal += next;
      i += 1;
      continue;
    }
    if ('?*{'.includes(c)) {
      literal = literal.slice(0, -1);
      break;
    }
    if ('.+^$()|[]}'.includes(c)) break;
    literal += c;
  }
  if (literal === '') return undefined;
  if (flags.includes('i')) {
    if (/[^\x20-\x7e]|[sk]/i.test(literal)) return undefined;
    return literal.toLowerCase();
  }
  return literal;
}

export class LinearRegExp extends RegExp {
  readonly #re2: RE2JS;
  readonly #groups: ReadonlyArray<readonly [string, number]>;
  readonly #prefix: string | undefined;
  #input: string | undefined;
  #matcher: Matcher | undefined;
  /** The input as searched for the prefix (lower case under `i`), or undefined: no prefilter. */
  #haystack: string | undefined;

  /**
   * Throws UnsupportedPatternError (never a SyntaxError) naming what to change. `source` may be
   * a RegExp: `matchAll` and `split` build a copy through the species constructor.
   */
  constructor(source: string | RegExp, flags?: string) {
    const text = typeof source === 'string' ? source : source.source;
    const flagText = flags ?? (typeof source === 'string' ? '' : source.flags);
    try {
      super(text, flagText);
    } catch (err) {
      throw new UnsupportedPatternError(`invalid pattern: ${(err as Error).message}`);
    }
    if (hasBackreference(text)) throw new UnsupportedPatternError(BACKREFERENCE);
    try {
      this.#re2 = engine().compile(engine().translateRegExp(text), re2Flags(flagText));
    } catch (err) {
      throw new UnsupportedPatternError(unsupportedReason(text, (err as Error).message));
    }
    this.#groups = Object.entries(this.#re2.namedGroups());
    this.#prefix = requiredPrefix(text, flagText);
  }

  override exec(input: string): RegExpExecArray | null {
    const text = String(input);
    const stateful = this.global || this.sticky;
    const from = stateful ? this.lastIndex : 0;
    if (from > text.length) {
      this.lastIndex = 0;
      return null;
    }
    // One matcher per input string: the line engine calls exec many times on one block.
    if (this.#input !== text || !this.#matcher) {
      this.#matcher = this.#re2.matcher(text);
      this.#input = text;
      const lower = this.#prefix !== undefined && this.ignoreCase ? text.toLowerCase() : text;
      // toLowerCase may change the length (İ): then positions would not line up, so no prefilter.
      this.#haystack = this.#prefix !== undefined && lower.length === text.length ? lower : undefined;
    }
    const m = this.#matcher;
    let start = from;
    if (this.#haystack !== undefined) {
      // Every match starts with the prefix: no match can start before its next occurrence.
      start = this.#haystack.indexOf(this.#prefix!, from);
      if (start < 0 || (this.sticky && start !== from)) {
        if (stateful) this.lastIndex = 0;
        return null;
      }
    }
    if (!m.find(start) || (this.sticky && m.start() !== from)) {
      if (stateful) this.lastIndex = 0;
      return null;
    }
    const count = m.groupCount();
    const values: Array<string | undefined> = [];
    const indices: Array<[number, number] | undefined> = [];
    for (let g = 0; g <= count; g += 1) {
      const start = m.start(g);
      const end = m.end(g);
      const hit = start >= 0 && end >= 0;
      values.push(hit ? text.slice(start, end) : undefined);
      indices.push(hit ? [start, end] : undefined);
    }
    const result = Object.assign(values, { index: m.start(), input: text }) as unknown as RegExpExecArray;
    if (this.#groups.length > 0) result.groups = Object.fromEntries(this.#groups.map(([name, g]) => [name, values[g]])) as Record<string, string>;
    if (this.hasIndices) {
      const withGroups = indices as unknown as RegExpIndicesArray;
      if (this.#groups.length > 0) withGroups.groups = Object.fromEntries(this.#groups.map(([name, g]) => [name, indices[g]])) as Record<string, [number, number]>;
      result.indices = withGroups;
    }
    // As in JavaScript: lastIndex is the match's end (after an empty match, callers step on).
    if (stateful) this.lastIndex = m.end();
    return result;
  }
}

const SEMICOLON = 0x3b;
// What the list grammar of ListStartRegExp cannot hold outside a separator's whitespace.
const isListBreak = (c: number) => c === 0x0d || c === 0x0a || c === 0x22 || c === 0x27;
// JavaScript's `\s`, by code unit.
const isSpace = (c: number) =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** Where ListStartRegExp's scan stands: past a list break (no start), inside an item, just past a separator. */
const enum ListState {
  Dead,
  Item,
  Separated,
}

/**
 * `(?<=HEAD(?:[^;\r\n"']*;\s*)*)BODY` without the look-behind: BODY at each place a `;`-separated
 * list after a HEAD lets an entry start (every value of a `Cookie:` header). V8 runs such a
 * look-behind backwards from every place BODY could start, across the whole list before it: a
 * 64 Ki-character line of `a;a;…` (or of spaces) took minutes. Here one forward pass per input
 * string finds HEAD's ends and walks the list grammar from them (a three-state automaton), and
 * BODY runs sticky at those places only: linear in the line. Matches, groups, indices and
 * `lastIndex` are those of the look-behind form (rules.test.ts and the corpus hold it to that).
 *
 * HEAD's greedy ends stand for all of its ends: it must end in optional whitespace and an optional
 * quote, and a list entry starts neither on whitespace nor on a quote.
 */
export class ListStartRegExp extends RegExp {
  readonly head: RegExp;
  readonly #body: RegExp;
  #input: string | undefined;
  #starts: number[] = [];

  /** `body` (a source, or a RegExp as `matchAll` passes) with `flags`; `head` is matched case-insensitively or not as its own flags say. */
  constructor(head: RegExp, body: string | RegExp, flags?: string) {
    const text = typeof body === 'string' ? body : body.source;
    const flagText = flags ?? (typeof body === 'string' ? '' : body.flags);
    super(text, flagText);
    // `matchAll` and `split` build a copy as `new C(regex, flags)`: that copy would lose the head.
    if (head instanceof ListStartRegExp) throw new TypeError('ListStartRegExp supports exec, test, match and replace, not matchAll or split');
    this.head = new RegExp(head.source, head.flags.replace(/[gy]/g, '') + 'g');
    this.#body = new RegExp(text, flagText.replace(/[gy]/g, '') + 'y');
  }

  /** The same head and body with other flags (rule-set.ts compiles patterns with `g` and `d`). */
  withFlags(flags: string): ListStartRegExp {
    return new ListStartRegExp(this.head, this.source, flags);
  }

  /** Every place, in order, where the look-behind form's look-behind holds. */
  #startsIn(text: string): number[] {
    if (this.#input === text) return this.#starts;
    const heads: number[] = [];
    const head = this.head;
    head.lastIndex = 0;
    for (let m = head.exec(text); m !== null; m = head.exec(text)) {
      heads.push(m.index + m[0].length);
      if (m[0].length === 0) head.lastIndex = m.index + 1;
    }
    const starts: number[] = [];
    let state = ListState.Dead;
    let next = 0;
    for (let i = heads[0] ?? text.length + 1; i <= text.length; i += 1) {
      let start = state === ListState.Separated;
      if (next < heads.length && heads[next] === i) {
        // A list begins here: an entry may start at once, and the list runs on as an item would.
        start = true;
        if (state === ListState.Dead) state = ListState.Item;
        while (next < heads.length && heads[next] === i) next += 1;
      }
      if (start) starts.push(i);
      if (i === text.length) break;
      const c = text.charCodeAt(i);
      if (state === ListState.Separated) {
        // `;\s*` may go on, or the next entry begins (a space is both).
        if (c === SEMICOLON || isSpace(c)) state = ListState.Separated;
        else state = isListBreak(c) ? ListState.Dead : ListState.Item;
      } else if (state === ListState.Item) {
        if (c === SEMICOLON) state = ListState.Separated;
        else if (isListBreak(c)) state = ListState.Dead;
      } else if (next < heads.length) {
        i = heads[next]! - 1;
      } else {
        break;
      }
    }
    this.#input = text;
    this.#starts = starts;
    return starts;
  }

  override exec(input: string): RegExpExecArray | null {
    const text = String(input);
    const stateful = this.global || this.sticky;
    const from = stateful ? this.lastIndex : 0;
    const starts = from <= text.length ? this.#startsIn(text) : [];
    // The first start at or after `from` (binary search: the engine resumes once per match).
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    const body = this.#body;
    for (let k = lo; k < starts.length; k += 1) {
      const at = starts[k]!;
      if (this.sticky && at !== from) break;
      body.lastIndex = at;
      const m = body.exec(text);
      if (m !== null) {
        if (stateful) this.lastIndex = at + m[0].length;
        return m;
      }
    }
    if (stateful) this.lastIndex = 0;
    return null;
  }
}
