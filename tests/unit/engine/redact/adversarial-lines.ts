/**
 * Adversarial lines for the built-in rules' raw regexes (adversarial-lines.test.ts): a regex that
 * backtracks over the rest of a long line from every start it tries is quadratic in the line, and
 * the line engine hands rules lines of up to 64 Ki characters (MAX_LINE). The usual shape is an
 * unbounded repeat followed by a literal the repeat also accepts or never reaches (`[^&\s]+&`
 * after each `,`, `\w+\s*=` …), so the lines repeat a unit made of a word of the regex itself and
 * a separator, with the literal that would end the match left out.
 */
import { RULES } from '../../../../electron/engine/redact/rules.js';

export interface RawRegex {
  readonly name: string;
  readonly regex: RegExp;
}

/** Every regex of the rule table, by where it sits (`url-secret-param trigger`, `… pattern 0`). */
export function ruleRegexes(): RawRegex[] {
  const out: RawRegex[] = [];
  for (const r of RULES) {
    out.push({ name: `${r.id} trigger`, regex: r.trigger });
    r.patterns.forEach((p, i) => out.push({ name: `${r.id} pattern ${i}`, regex: p.regex }));
    if (r.nextLineValue) out.push({ name: `${r.id} nextLineValue`, regex: r.nextLineValue });
    if (r.block) out.push({ name: `${r.id} block begin`, regex: r.block.begin }, { name: `${r.id} block end`, regex: r.block.end });
    if (r.scan.placed && typeof r.scan.placed.at !== 'string') out.push({ name: `${r.id} placed`, regex: r.scan.placed.at });
  }
  return out;
}

// What follows a word in the units: assignment and list separators, and a run of value characters.
const SEPARATORS = ['=1,', '=1 ', ': a,', '="', '=', ':', ' ', ',', '.', '-', '_', '/', '\\', '@', '1'];
// Single characters repeated: runs of name, value, space and path characters.
const SINGLES = ['a', 'A', '1', ' ', '\t', '=', '-', '_', '.', '/', '\\', ':', ',', '"', "'", '@', '%', '+', '<', '张'];

/** Up to `max` words of the regex's own source (letters, at least 3), the most specific first. */
function wordsOf(source: string, max: number): string[] {
  // Escapes and classes are not words: `\w`, `\d`, `[A-Za-z]`.
  const plain = source.replace(/\\[a-zA-Z]/g, ' ').replace(/\[[^\]]*\]/g, ' ');
  const words = [...new Set((plain.match(/[A-Za-z]{3,}/g) ?? []).map((w) => w.toLowerCase()))];
  return words.sort((a, b) => b.length - a.length).slice(0, max);
}

/** The units repeated into adversarial lines for `regex`. */
export function adversarialUnits(regex: RegExp, maxWords = 6): string[] {
  const units = [...SINGLES];
  for (const word of wordsOf(regex.source, maxWords)) for (const sep of SEPARATORS) units.push(word + sep);
  return units;
}

/** `unit` repeated to `length` characters. */
export function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}
