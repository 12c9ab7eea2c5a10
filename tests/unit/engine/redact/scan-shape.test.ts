/**
 * The bulk scans run over every line of every text item, up to 64 KiB at a time. A scan
 * alternative that begins with a repeated class (`[\w.-]*token…`) is tried at every start in a
 * long run of such characters and backtracks over the rest of it: quadratic per line piece. A
 * 1 MB line of hex took 20 s in the preview that way and blocked the event loop (session 5). The
 * cost is linear in the file (lines are cut at 64 KiB), so a hang guard does not catch it: this
 * test checks the shape instead — every alternative of every scan starts with something that is
 * not repeated (a literal, a class taken once, an anchor or a look-around before one).
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../../electron/engine/redact/rules.js';

/** Index just past the atom at `i` (a group, a class, an escape or one character). */
function atomEnd(src: string, i: number): number {
  const c = src[i];
  if (c === '\\') return src[i + 1] === 'u' && src[i + 2] === '{' ? src.indexOf('}', i) + 1 : i + 2;
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
    throw new Error(`unbalanced group in ${src}`);
  }
  return i + 1;
}

/** The top-level alternatives of a regex source. */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < src.length; ) {
    if (src[i] === '|') {
      out.push(src.slice(from, i));
      from = i + 1;
      i += 1;
    } else i = atomEnd(src, i);
  }
  out.push(src.slice(from));
  return out;
}

const LOOK_AROUND = /^\((?:\?<?[=!])/;

/** The alternatives (at any depth of leading groups) whose first consuming atom is repeated. */
function repeatedStarts(src: string): string[] {
  const bad: string[] = [];
  for (const alt of alternatives(src)) {
    let i = 0;
    // A line-start anchor tries once per line. Word boundaries and look-arounds consume nothing:
    // the first real atom comes after them.
    if (alt.startsWith('^')) continue;
    for (;;) {
      if (alt.startsWith('\\b', i) || alt.startsWith('\\B', i)) i += 2;
      else if (LOOK_AROUND.test(alt.slice(i))) i = atomEnd(alt, i);
      else break;
    }
    if (i >= alt.length) continue;
    const end = atomEnd(alt, i);
    // Unbounded repetition only: `?` and `{n}`/`{n,m}` cost a constant per start.
    if (/^(?:[*+]|\{\d+,\})/.test(alt.slice(end))) bad.push(alt);
    else if (alt[i] === '(') bad.push(...repeatedStarts(alt.slice(alt.startsWith('(?:', i) ? i + 3 : alt.startsWith('(?<', i) ? alt.indexOf('>', i) + 1 : i + 1, end - 1)));
  }
  return bad;
}

describe('bulk scan shapes', () => {
  it('the checker itself finds a repeated start, at the top and inside a leading group, and passes anchored or bounded ones', () => {
    expect(repeatedStarts(String.raw`@|[\w.-]*(?:key)=`)).toEqual([String.raw`[\w.-]*(?:key)=`]);
    expect(repeatedStarts(String.raw`(?:x|\d+y)`)).toEqual([String.raw`\d+y`]);
    expect(repeatedStarts(String.raw`(?<!\d)\w{2,}z`)).toEqual([String.raw`(?<!\d)\w{2,}z`]);
    expect(repeatedStarts(String.raw`(?<![\d.])\d{3}(?:[-. ]?\d{4})|[0-9a-f]{2}:`)).toEqual([]);
    expect(repeatedStarts(String.raw`(?<![A-Za-z])[Pp][Ww](?![A-Za-z])|^(?:export\s+)?USER=|密码`)).toEqual([]);
    expect(repeatedStarts(String.raw`(?:[Tt]oken|key)[\w.-]*=[^&\s]+&`)).toEqual([]);
  });

  it('no scan alternative of any built-in rule starts with a repeated atom', () => {
    const found: string[] = [];
    for (const rule of RULES) {
      for (const [group, source] of Object.entries(rule.scan)) {
        if (typeof source !== 'string') continue;
        for (const alt of repeatedStarts(source)) found.push(`${rule.id} ${group}: ${alt}`);
      }
      if (rule.scan.placed) for (const alt of repeatedStarts(rule.scan.placed.words)) found.push(`${rule.id} placed: ${alt}`);
    }
    expect(found).toEqual([]);
  });
});
