/**
 * speed26 (session 24): the patterns' literal sets inverted. For each literal of a rule set's
 * LiteralIndex (exact, folded), the patterns whose set (CompiledPattern.anyOf, spelledOf) holds it:
 * once a line's literals are all marked in one walk (LiteralIndex.mark), the walk's finds mark the
 * patterns that may match, and each pattern's prefilter is one comparison instead of a loop over its
 * set. person-name's and user-name's ~190 patterns ask a woken line for ~1 900 and ~700 ids.
 *
 * A pattern has a slot: its place among all the rule set's patterns, rules in order (`base[rule]`
 * is the first slot of rule `rule`). The answer is the loop's: a pattern is marked exactly when one
 * of its set's literals is on the line.
 */
import type { RuleSet } from './rule-set.js';

/** Per literal id, the slots of the patterns whose set holds it (`list[start[id] .. start[id + 1]]`). */
export interface LiteralUsers {
  readonly start: Int32Array;
  readonly list: Int32Array;
}

export interface PatternIndex {
  /** First slot of each rule's patterns. */
  readonly base: Int32Array;
  /** How many slots (patterns) in all. */
  readonly slots: number;
  /** Per LiteralIndex (0: exact, 1: folded): users of each literal through anyOf, and through spelledOf. */
  readonly any: readonly [LiteralUsers, LiteralUsers];
  readonly spelled: readonly [LiteralUsers, LiteralUsers];
}

/** Inverts `sets` (slot → literal ids, undefined: none) for an index of `size` literals. */
function users(size: number, sets: readonly (Int32Array | undefined)[]): LiteralUsers {
  const start = new Int32Array(size + 1);
  for (const ids of sets) if (ids !== undefined) for (const id of new Set(ids)) start[id + 1] = start[id + 1]! + 1;
  for (let id = 0; id < size; id += 1) start[id + 1] = start[id + 1]! + start[id]!;
  const list = new Int32Array(start[size]!);
  const fill = start.slice(0, size);
  sets.forEach((ids, slot) => {
    if (ids === undefined) return;
    for (const id of new Set(ids)) {
      list[fill[id]!] = slot;
      fill[id] = fill[id]! + 1;
    }
  });
  return { start, list };
}

const built = new WeakMap<RuleSet, PatternIndex>();

/** The rule set's pattern index (built once per rule set: its literal indexes no longer change). */
export function patternIndexOf(rules: RuleSet): PatternIndex {
  const known = built.get(rules);
  if (known !== undefined) return known;
  const base = new Int32Array(rules.rules.length);
  const patterns = rules.rules.flatMap((cr, i) => {
    base[i] = i === 0 ? 0 : base[i - 1]! + rules.rules[i - 1]!.patterns.length;
    return cr.patterns;
  });
  const sizes = [rules.literals.exact.size, rules.literals.folded.size];
  const side = (folded: boolean, set: 'anyOf' | 'spelledOf') => patterns.map((p) => (p.folded === folded ? p[set] : undefined));
  const index: PatternIndex = {
    base,
    slots: patterns.length,
    any: [users(sizes[0]!, side(false, 'anyOf')), users(sizes[1]!, side(true, 'anyOf'))],
    spelled: [users(sizes[0]!, side(false, 'spelledOf')), users(sizes[1]!, side(true, 'spelledOf'))],
  };
  built.set(rules, index);
  return index;
}

/** Sets `at[slot] = stamp` for every slot using one of the literal ids `found[0 .. count)`. */
export function markUsers(u: LiteralUsers, found: Int32Array, count: number, stamp: number, at: Float64Array): void {
  const { start, list } = u;
  for (let k = 0; k < count; k += 1) {
    const id = found[k]!;
    for (let j = start[id]!, end = start[id + 1]!; j < end; j += 1) at[list[j]!] = stamp;
  }
}
