/**
 * Which rules the shared scans (words, marks, digits) wake on a line, as the engine's dispatch does it
 * (line-engine.ts markCandidates): each scan finds its leftmost hit, wakes the rules whose fragments occur in the
 * hit's text (rule-set.ts rulesFor), then resumes after the hit. So a wake alternative that overlaps the start of
 * another rule's (`set password` before `password for`) or wins at the same start (`测试` before `测试号`) can
 * hide that rule's hit. The scan-shape test builds lines where two alternatives overlap and compares.
 */
import { atomEnd, topAlternatives } from '../../../../electron/engine/redact/scan-split.js';
import type { RuleSet, Scanner } from '../../../../electron/engine/redact/rule-set.js';
import { wordsHit } from '../../../../electron/engine/redact/word-scan.js';

export const SHARED_SCANS = { words: 'gi', marks: 'gm', digits: 'g' } as const;
export type SharedScan = keyof typeof SHARED_SCANS;

/** The top-level alternatives of a regex source, empty ones left out (scan-split.ts topAlternatives). */
export const alternativesOf = (src: string): string[] => topAlternatives(src).filter((a) => a.length > 0);

/** The rules (indexes into ruleSet.rules) a scan wakes on `line`, dispatched as the engine does. */
export function wokenBy(scanner: Scanner, line: string): Set<number> {
  const woken = new Set<number>();
  const re = new RegExp(scanner.regex.source, scanner.regex.flags);
  re.lastIndex = 0;
  // overlap22 (session 21): the words scan resumes inside its hit, for a word that runs past it (word-scan.ts wordsHit).
  // speed19 (session 22): the marks scan (split or led) resumes at the hit's start + 1 and skips hits that end within it.
  if (scanner.overlapping === true && (scanner.split !== undefined || scanner.lead !== undefined)) {
    let reach = 0;
    for (let m = re.exec(line); m !== null; m = re.exec(line)) {
      if (m[0].length === 0 || m.index + m[0].length <= reach) {
        re.lastIndex = m.index + 1;
        continue;
      }
      const rules = scanner.rulesFor(m[0]);
      for (const r of rules.always) woken.add(r);
      for (const p of rules.placed) if (p.at(line, m.index, m.index + m[0].length)) woken.add(p.rule);
      reach = m.index + m[0].length;
      re.lastIndex = m.index + 1;
    }
    return woken;
  }
  if (scanner.overlapping === true) {
    for (let m = wordsHit(re, undefined, 0, line, 0); m !== null; m = wordsHit(re, undefined, 0, line, m.index + 1, m.index + m[0].length)) {
      const rules = scanner.rulesFor(m[0]);
      for (const r of rules.always) woken.add(r);
      for (const p of rules.placed) if (p.at(line, m.index, m.index + m[0].length)) woken.add(p.rule);
    }
    return woken;
  }
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    if (m[0].length === 0) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const rules = scanner.rulesFor(m[0]);
    for (const r of rules.always) woken.add(r);
    for (const p of rules.placed) if (p.at(line, m.index, m.index + m[0].length)) woken.add(p.rule);
    if (scanner.uniform) break;
  }
  return woken;
}

/** Whether rule `rule`'s own alternatives of the scan, scanned alone, would wake it on `line` (its placed words where their check holds). */
export function wokenAlone(scanner: Scanner, rule: number, source: string, placed: string | undefined, flags: string, line: string): boolean {
  if (new RegExp(source || '(?!)', flags.replace('g', '')).test(line)) return true;
  if (placed === undefined) return false;
  const re = new RegExp(placed, 'gi');
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    const at = scanner.rulesFor(m[0]).placed.find((p) => p.rule === rule)?.at;
    if (scanner.rulesFor(m[0]).always.includes(rule) || (at !== undefined && at(line, m.index, m.index + m[0].length))) return true;
  }
  return false;
}

// Characters tried for a class or an escape, in this order: the sample takes the first one the atom matches.
const CANDIDATES = [...'aA1 \t-_.:/=@"\'#$%&+;?!,~*^|\\()[]{}<>zZ0', '\u4e00', '王', '中', '\u00e9'];

/** A few strings each alternative matches whole (from its start), enough to find where two alternatives overlap. */
export function samplesOf(alt: string, flags: string, limit = 8): string[] {
  const seqs = sampleSeq(alt, limit);
  const re = new RegExp(alt, `${flags.replace(/[gy]/g, '')}y`);
  return [...new Set(seqs)].filter((s) => {
    re.lastIndex = 0;
    const m = re.exec(s);
    return m !== null && m[0].length === s.length && s.length > 0;
  });
}

function sampleSeq(src: string, limit: number): string[] {
  const alts = alternativesOf(src);
  if (alts.length > 1) return alts.flatMap((a) => sampleSeq(a, limit)).slice(0, limit * 4);
  let out = [''];
  for (let i = 0; i < src.length; ) {
    const end = atomEnd(src, i);
    const atom = src.slice(i, end);
    const q = /^(?:[?*+]|\{(\d+)(?:,(\d*))?\})\??/.exec(src.slice(end));
    i = end + (q ? q[0].length : 0);
    let min = 1;
    let max = 1;
    if (q) {
      if (q[0][0] === '?') [min, max] = [0, 1];
      else if (q[0][0] === '*') [min, max] = [0, 1];
      else if (q[0][0] === '+') [min, max] = [1, 2];
      else [min, max] = [Number(q[1]), q[2] === undefined ? Number(q[1]) : q[2] === '' ? Number(q[1]) + 1 : Math.min(Number(q[2]), Number(q[1]) + 1)];
    }
    const once = atomSamples(atom, limit);
    const reps = new Set<string>();
    for (const n of new Set([min, max])) for (const s of once) reps.add(s.repeat(n));
    const next: string[] = [];
    for (const a of out) for (const b of reps) if (next.length < limit * 4) next.push(a + b);
    out = next;
  }
  return out;
}

function atomSamples(atom: string, limit: number): string[] {
  if (atom === '^' || atom === '$' || atom === '\\b' || atom === '\\B') return [''];
  if (atom.startsWith('(')) {
    if (/^\(\?<?[=!]/.test(atom)) return [''];
    const body = atom.startsWith('(?:') ? atom.slice(3, -1) : atom.startsWith('(?<') ? atom.slice(atom.indexOf('>') + 1, -1) : atom.slice(1, -1);
    return sampleSeq(body, limit).slice(0, limit);
  }
  if (atom.startsWith('\\k')) return [''];
  const re = new RegExp(`^(?:${atom})$`, /\\[pPu]\{/.test(atom) ? 'u' : '');
  const own = atom.startsWith('\\') ? atom.slice(1) : atom;
  for (const c of [own, ...CANDIDATES]) if (c.length === 1 && re.test(c)) return [c];
  return [];
}

/** One overlap of two alternatives of different rules, and the line that shows it. */
export interface Overlap {
  readonly scan: SharedScan;
  readonly first: string;
  readonly second: string;
  readonly line: string;
  readonly lost: string;
}

/** The scanners of a rule set by shared scan (buildRuleSet makes them first, in SHARED_SCANS' order). */
export function sharedScanners(ruleSet: RuleSet): Record<SharedScan, Scanner> {
  const [words, marks, digits] = ruleSet.scanners;
  if (words?.regex.flags !== 'gi' || marks?.regex.flags !== 'gm' || digits?.regex.flags !== 'g') throw new Error('the rule set no longer starts with the words, marks and digits scans');
  return { words, marks, digits };
}

/**
 * Every line made of two overlapping alternatives of different rules of one scan — the second starting inside the first's
 * sample (or at its start) and ending after it — where a rule woken by its own alternatives alone is not woken by the shared
 * scan. Labelled `rule scan: alternative`.
 */
export function lostWakes(ruleSet: RuleSet): Overlap[] {
  return overlaps(ruleSet, true);
}

/**
 * overlap22 (session 21): every line made of two overlapping alternatives of different rules of one scan (as lostWakes
 * builds them), whether or not the scan loses a wake on it — lines where the keywords of two rules run together, for the
 * prefilter test to redact both ways (a lost wake is a line the reference engine may redact and the fast one not).
 */
export function overlapLines(ruleSet: RuleSet, scan?: SharedScan): string[] {
  return [...new Set(overlaps(ruleSet, false).filter((o) => scan === undefined || o.scan === scan).map((o) => o.line))];
}

function overlaps(ruleSet: RuleSet, lostOnly: boolean): Overlap[] {
  // One line per pair of alternatives (the first line found), whichever of the two rules it loses.
  const scanners = sharedScanners(ruleSet);
  const found = new Map<string, Overlap>();
  for (const scan of Object.keys(SHARED_SCANS) as SharedScan[]) {
    const flags = SHARED_SCANS[scan];
    const fold = flags.includes('i') ? (s: string) => s.toLowerCase() : (s: string) => s;
    const scanner = scanners[scan];
    const members: { rule: number; id: string; alt: string; samples: string[] }[] = [];
    ruleSet.rules.forEach((r, rule) => {
      const sources = [r.rule.scan[scan], scan === 'words' ? r.rule.scan.placed?.words : undefined].filter((s): s is string => s !== undefined);
      for (const source of sources) for (const alt of alternativesOf(source)) members.push({ rule, id: r.rule.id, alt, samples: samplesOf(alt, flags) });
    });
    const own = (rule: number, line: string) => {
      const r = ruleSet.rules[rule]!.rule;
      return wokenAlone(scanner, rule, r.scan[scan] ?? '', scan === 'words' ? r.scan.placed?.words : undefined, flags, line);
    };
    for (const a of members) {
      for (const b of members) {
        if (a.rule === b.rule) continue;
        for (const sa of a.samples) {
          for (const sb of b.samples) {
            for (let q = 0; q < sa.length; q += 1) {
              const tail = fold(sa.slice(q));
              if (sb.length <= tail.length || !fold(sb).startsWith(tail)) continue;
              // Keywords run together mid-word (`private` + `eyj`: `privateyj`) are no line of a log: the words scan's
              // overlaps count where the second starts at the first's start or at a word's edge inside it (`set password for`).
              if (scan === 'words' && q > 0 && (tail.length < 2 || (/[a-z0-9]/i.test(sa[q - 1]!) && /[a-z0-9]/i.test(sa[q]!)))) continue;
              const line = sa.slice(0, q) + sb;
              const key0 = `${a.id} ${scan}: ${a.alt} | ${b.id} ${scan}: ${b.alt}`;
              if (!lostOnly) {
                if (!found.has(key0)) found.set(key0, { scan, first: `${a.id}: ${a.alt}`, second: `${b.id}: ${b.alt}`, line, lost: '' });
                continue;
              }
              const woken = wokenBy(scanner, line);
              for (const rule of [a.rule, b.rule]) {
                if (woken.has(rule) || !own(rule, line)) continue;
                const key = `${a.id} ${scan}: ${a.alt} | ${b.id} ${scan}: ${b.alt}`;
                if (!found.has(key)) found.set(key, { scan, first: `${a.id}: ${a.alt}`, second: `${b.id}: ${b.alt}`, line, lost: ruleSet.rules[rule]!.rule.id });
              }
            }
          }
        }
      }
    }
  }
  return [...found.values()];
}
