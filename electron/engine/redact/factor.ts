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
import { atomEnd, topAlternatives } from './scan-split.js';

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
  const source = factorAlternatives(re.source);
  return source === re.source ? re : new RegExp(source, re.flags);
}
