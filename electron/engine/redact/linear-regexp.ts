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
import { createRequire } from 'node:module';
import type { RE2JS as RE2JSClass } from 're2js';

type RE2JS = RE2JSClass;
/** Loaded on the first IT pattern (synchronously, its CommonJS build): most runs have none. */
let re2js: typeof RE2JSClass | undefined;
function engine(): typeof RE2JSClass {
  re2js ??= (createRequire(import.meta.url)('re2js') as { RE2JS: typeof RE2JSClass }).RE2JS;
  return re2js;
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

export class LinearRegExp extends RegExp {
  readonly #re2: RE2JS;
  readonly #groups: ReadonlyArray<readonly [string, number]>;
  #input: string | undefined;
  #matcher: Matcher | undefined;

  /** Throws UnsupportedPatternError (never a SyntaxError) naming what to change. */
  constructor(source: string, flags = '') {
    try {
      super(source, flags);
    } catch (err) {
      throw new UnsupportedPatternError(`invalid pattern: ${(err as Error).message}`);
    }
    if (hasBackreference(source)) throw new UnsupportedPatternError(BACKREFERENCE);
    try {
      this.#re2 = engine().compile(engine().translateRegExp(source), re2Flags(flags));
    } catch (err) {
      throw new UnsupportedPatternError(unsupportedReason(source, (err as Error).message));
    }
    this.#groups = Object.entries(this.#re2.namedGroups());
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
    }
    const m = this.#matcher;
    if (!m.find(from) || (this.sticky && m.start() !== from)) {
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
