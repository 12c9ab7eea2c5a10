/**
 * A literal every match of a pattern must contain (`<` of an XML element, `://` of a URL, `@` of
 * an address): when the line lacks it the pattern cannot match there, and its regex need not run.
 * The rules have many patterns each (secret-assignment ~40, user-name ~30), most of which cannot
 * match a given woken line; the test is one `includes` instead of a regex walk over the line.
 *
 * Read from the regex source, conservatively: only atoms of the top-level sequence of a pattern
 * with a single top-level alternative count, and inside groups that must match (no `?`, `*`,
 * `{0,…}` after them, not look-arounds), runs of plain characters taken once or more. Case-
 * insensitive patterns are checked on the lower-cased line, with ASCII literals only (and none
 * holding `s` or `k` under `u` + `i`, which fold `ſ` and the Kelvin sign onto them).
 */
import { atomEnd, topAlternatives } from './scan-split.js';

const isAscii = (text: string) => {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
};

const SPECIAL = new Set([...'\\^$.|?*+()[]{}']);
const QUANTIFIER = /^(?:[*+?]|\{(\d+)(?:,\d*)?\})\??/;

/** Runs of characters every match of `src` (one alternative) must contain, in no particular order. */
function mandatoryRuns(src: string, out: string[]): boolean {
  let run = '';
  const flush = () => {
    if (run.length > 0) out.push(run);
    run = '';
  };
  for (let i = 0; i < src.length; ) {
    const end = atomEnd(src, i);
    if (end <= i) return false;
    const q = QUANTIFIER.exec(src.slice(end));
    const quantifier = q?.[0] ?? '';
    // Taken at least once: no quantifier, `+`, or `{n,…}` with n ≥ 1.
    const once = quantifier === '' || quantifier.startsWith('+') || (q?.[1] !== undefined && Number(q[1]) >= 1);
    const atom = src.slice(i, end);
    let literal: string | undefined;
    if (atom.length === 1 && !SPECIAL.has(atom)) literal = atom;
    else if (atom.length === 2 && atom[0] === '\\' && /[^\w\s]/.test(atom[1]!)) literal = atom[1];
    if (literal !== undefined && once) {
      run += literal;
      // A repeated character still ends the run after its first copy (`a+b` holds `a` and `b`, not `ab`).
      if (quantifier !== '') flush();
    } else {
      flush();
      if (atom[0] === '(' && once && !/^\(\?<?[=!]/.test(atom)) {
        const inner = atom.startsWith('(?:') ? 3 : atom.startsWith('(?<') ? atom.indexOf('>') + 1 : 1;
        const body = atom.slice(inner, -1);
        const alts = topAlternatives(body);
        if (alts.length === 1 && !mandatoryRuns(body, out)) return false;
      } else if (src[i] === '|') return false;
    }
    i = end + quantifier.length;
  }
  flush();
  return true;
}

/** The longest literal every match of the pattern must contain, lower-cased for `i`; undefined when none is known. */
export function requiredLiteral(source: string, flags: string): string | undefined {
  if (topAlternatives(source).length !== 1) return undefined;
  const runs: string[] = [];
  if (!mandatoryRuns(source, runs)) return undefined;
  const folded = flags.includes('i');
  let best: string | undefined;
  for (const run of runs) {
    if (folded && (!isAscii(run) || (flags.includes('u') && /[sk]/i.test(run)))) continue;
    const r = folded ? run.toLowerCase() : run;
    if (best === undefined || r.length > best.length) best = r;
  }
  return best;
}
