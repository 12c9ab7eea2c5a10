/**
 * Adversarial lines for every regex the line engine runs (adversarial-lines.test.ts): a regex that
 * backtracks over the rest of a long line from every start it tries is quadratic in the line, and
 * the line engine hands regexes lines of up to 64 Ki characters (MAX_LINE). The usual shape is an
 * unbounded repeat followed by something the repeat also accepts or never reaches (`[^&\s]+&`
 * after each `,`, `KEY_CHAR*?token KEY_CHAR*` before `=`, a look-behind's `\s*` walking back over a
 * run of spaces), so the lines are built from the regex's own structure: for each unbounded repeat,
 * what the regex reads before it (its literals, and one character each of its classes), repeated
 * together, or read once and followed by a long run of what the repeat takes. Words of its source
 * with separators, and single characters, cover the rest. A new rule is covered without a list.
 */
import { factoredForTest } from '../../../../electron/engine/redact/factor.js';
import { RULES } from '../../../../electron/engine/redact/rules.js';

export interface RawRegex {
  readonly name: string;
  readonly regex: RegExp;
}

/** One adversarial line: `head` once, then `unit` repeated to the length. */
export interface LineShape {
  readonly head: string;
  readonly unit: string;
}

/** Every regex of the rule table, by where it sits (`url-secret-param trigger`, `… pattern 0`). */
export function ruleRegexes(): RawRegex[] {
  const out: RawRegex[] = [];
  for (const r of RULES) {
    out.push({ name: `${r.id} trigger`, regex: r.trigger });
    // The engine tests the trigger as a prefix tree of its alternatives (factor.ts).
    const tested = factoredForTest(new RegExp(r.trigger.source, [...new Set(`${r.trigger.flags.replace(/[gy]/g, '')}im`)].join('')));
    if (tested.source !== r.trigger.source) out.push({ name: `${r.id} trigger factored`, regex: tested });
    r.patterns.forEach((p, i) => out.push({ name: `${r.id} pattern ${i}`, regex: p.regex }));
    if (r.nextLineValue) out.push({ name: `${r.id} nextLineValue`, regex: r.nextLineValue });
    if (r.block) out.push({ name: `${r.id} block begin`, regex: r.block.begin }, { name: `${r.id} block end`, regex: r.block.end });
    if (r.scan.placed && typeof r.scan.placed.at !== 'string') out.push({ name: `${r.id} placed`, regex: r.scan.placed.at });
  }
  return out;
}

// What follows a word in the units: assignment and list separators, and a run of value characters.
const SEPARATORS = ['=1,', ': a,', '="', ' ', '_', '/'];
// Single characters repeated: runs of name, value, space and path characters.
const SINGLES = ['a', '1', ' ', '\t', '=', '-', '.', '\\', ':', ',', ';', '"', '@', '<', '张'];
// Candidates for one character a class or escape accepts, the most common in logs first.
const SAMPLES = ['a', '1', ' ', '张', '=', ':', '-', '_', '.', '/', ',', ';', '"', "'", '@', '<', '>', '\\', '\t', '#', '|', '&', '(', '+', 'Z'];
const MAX_SHAPES = 16;

/** Up to `max` words of the regex's own source (letters, at least 3), the most specific first. */
function wordsOf(source: string, max: number): string[] {
  // Escapes and classes are not words: `\w`, `\d`, `[A-Za-z]`.
  const plain = source.replace(/\\[a-zA-Z]/g, ' ').replace(/\[[^\]]*\]/g, ' ');
  const words = [...new Set((plain.match(/[A-Za-z]{3,}/g) ?? []).map((w) => w.toLowerCase()))];
  return words.sort((a, b) => b.length - a.length).slice(0, max);
}

/** One character the class or escape `atom` accepts ('' when none of the candidates does). */
function sampleOf(atom: string, flags: string): string {
  let re: RegExp;
  try {
    re = new RegExp(`^${atom}$`, flags.replace(/[gyd]/g, ''));
  } catch {
    return '';
  }
  return SAMPLES.find((c) => re.test(c)) ?? '';
}

/** Where the class starting at `i` (`[`) ends (the index after its `]`). */
function classEnd(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === '^') j += 1;
  if (source[j] === ']') j += 1;
  while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
  return j + 1;
}

/**
 * Where the quantifier at `i` ends (at == i: none), whether it is unbounded (`*`, `+`, `{n,}`), and
 * whether it may take nothing (`?`, `{0,n}`: the atom is left out of the text that follows).
 */
function quantifierAt(source: string, i: number): { at: number; unbounded: boolean; optional: boolean } {
  const c = source[i];
  let at = i;
  let unbounded = false;
  let optional = false;
  if (c === '*' || c === '+') {
    at = i + 1;
    unbounded = true;
  } else if (c === '?') {
    at = i + 1;
    optional = true;
  } else if (c === '{') {
    const m = /^\{(\d+)(,\d*)?\}/.exec(source.slice(i));
    if (m) {
      at = i + m[0].length;
      unbounded = m[2] === ',';
      optional = m[1] === '0' && !unbounded;
    }
  }
  if (at > i && source[at] === '?') at += 1;
  return { at, unbounded, optional };
}

/**
 * The regex's text read as a sequence: for each unbounded repeat, what comes before it (`prefix`:
 * literals, one sample per class, group contents) and one sample of what it repeats (`run`).
 * Lookaround contents count as text (a look-behind's repeats are the ones walked backwards).
 */
export function repeatSites(regex: RegExp): { prefix: string; run: string }[] {
  const { source, flags } = regex;
  const sites: { prefix: string; run: string }[] = [];
  // One frame per open group: the text read so far in its current alternative, and its first
  // alternative's (what the group stands for in the text after it: usually the common word).
  const stack: { text: string; first?: string; negative?: boolean }[] = [{ text: '' }];
  const before = () => stack.map((f) => f.text).join('');
  let i = 0;
  while (i < source.length) {
    const frame = stack[stack.length - 1]!;
    const c = source[i]!;
    let atom = '';
    let next = i + 1;
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      next = i + 2;
      if (/[dDwWsSpP]/.test(e)) {
        if ((e === 'p' || e === 'P') && source[next] === '{') next = source.indexOf('}', next) + 1;
        atom = sampleOf(source.slice(i, next), flags);
      } else if (e === 'k' && source[next] === '<') {
        next = source.indexOf('>', next) + 1;
      } else if (e === 'u' || e === 'x') {
        const m = /^\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2})/.exec(source.slice(i));
        next = i + (m ? m[0].length : 2);
        atom = m ? sampleOf(m[0], flags) : '';
      } else if (/[bB1-9]/.test(e)) {
        atom = '';
      } else {
        atom = e === 't' ? '\t' : e === 'r' || e === 'n' ? '' : e;
      }
    } else if (c === '[') {
      next = classEnd(source, i);
      atom = sampleOf(source.slice(i, next), flags);
    } else if (c === '(') {
      // Skip the group's opening: `(?:`, `(?=`, `(?<=`, `(?<name>`.
      const m = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_][A-Za-z0-9_]*>))?/.exec(source.slice(i))!;
      // A negative lookaround reads text that must not be there: none of it is kept.
      stack.push({ text: '', negative: /^\(\?<?!/.test(m[0]) });
      i += m[0].length;
      continue;
    } else if (c === ')') {
      const done = stack.length > 1 ? stack.pop()! : { text: '' };
      const text = done.negative ? '' : (done.first ?? done.text);
      const q = quantifierAt(source, i + 1);
      if (q.unbounded && text !== '') sites.push({ prefix: before(), run: text });
      if (!q.optional) stack[stack.length - 1]!.text += text;
      i = q.at > i + 1 ? q.at : i + 1;
      continue;
    } else if (c === '|') {
      frame.first ??= frame.text;
      frame.text = '';
      i += 1;
      continue;
    } else if (c === '^' || c === '$') {
      atom = '';
    } else if (c === '.') {
      atom = 'a';
    } else {
      atom = c;
    }
    const q = quantifierAt(source, next);
    if (q.unbounded && atom !== '') sites.push({ prefix: before(), run: atom });
    if (!q.optional) frame.text += atom;
    i = q.at > next ? q.at : next;
  }
  return sites;
}

/** The line shapes for `regex`: its repeat sites, its words with separators, single characters. */
export function adversarialShapes(regex: RegExp, maxWords = 1): LineShape[] {
  const shapes = new Map<string, LineShape>();
  const add = (head: string, unit: string) => {
    if (unit !== '') shapes.set(`${head}\u0000${unit}`, { head, unit });
  };
  for (const { prefix, run } of repeatSites(regex)) {
    const lead = prefix.slice(-24);
    // The words before the repeat, over and over (`token_token_…`, `a;a;…`)…
    add('', lead + run);
    // … or once, then the repeat's own characters for the rest of the line (`pass=` + spaces).
    add(lead, run);
  }
  const sized = [...shapes.values()].slice(0, MAX_SHAPES);
  shapes.clear();
  for (const s of sized) add(s.head, s.unit);
  for (const word of wordsOf(regex.source, maxWords)) for (const sep of SEPARATORS) add('', word + sep);
  for (const c of SINGLES) add('', c);
  return [...shapes.values()];
}

/** The units repeated into adversarial lines for `regex` (shapes without a head). */
export function adversarialUnits(regex: RegExp, maxWords = 6): string[] {
  return adversarialShapes(regex, maxWords)
    .filter((s) => s.head === '')
    .map((s) => s.unit);
}

/** `unit` repeated to `length` characters. */
export function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** The line of `shape` at `length` characters. */
export function shapeLine(shape: LineShape, length: number): string {
  return shape.head + repeatTo(shape.unit, Math.max(0, length - shape.head.length));
}
