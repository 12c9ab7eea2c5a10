/**
 * sos26 (session 24): a rule set's large regexes compiled to machine code before a line needs them.
 *
 * V8 compiles a regex when it first runs, and with tier-up (Node's default) it compiles it twice:
 * to bytecode for its first run, interpreted, then to machine code for its next one. For the rule
 * set's large alternations the bytecode step is most of the cost: person-name's ASCII trigger
 * chunks (~16 K characters under `i`, ~0.5 MB of bytecode each) took ~180 ms for a first run on a
 * short line, then ~40 ms to machine code on the second; a first run on a subject of 1 000
 * characters or more (V8's kTierUpForSubjectLengthValue) goes to machine code at once: ~50 ms, and
 * the regex's later runs on short lines, one- or two-byte, find it compiled (measured: a 600-way
 * `im` alternation, 250–380 ms for its first runs on short lines, 100–150 ms when its first run
 * was on a long subject). A default collection's redaction worker spent ~0.6 s of CPU compiling
 * patterns on the critical path (`--trace-regexp-tier-up`: ~600 bytecode compiles, ~780 to machine
 * code, 33 of them over 50 KB of bytecode).
 *
 * No V8 flag (flags set at run time crashed V8: see electron/cli/diagcollect.mjs): a regex is run
 * once on a neutral long subject, nothing else. Only the large ones (AHEAD_MIN_SOURCE): a small
 * regex compiles in well under a millisecond either way, and compiling one the collection never
 * needs would cost more than it saves. Nothing a Redactor redacts changes: a rule set's regexes
 * have their lastIndex set before each use (redactor.ts sharedRuleSet), and it is left at 0 here.
 */

/** Sources at least this long are compiled ahead (the rule set has ~20 of them, most of the compile cost). */
export const AHEAD_MIN_SOURCE = 4000;

/**
 * The subject of the first run: past V8's 1 000 (kTierUpForSubjectLengthValue), one-byte (the
 * two-byte code is compiled on the first two-byte line, to machine code at once once tiered up),
 * and of a control character the patterns read as nothing in particular, so each run is short.
 */
const LONG_SUBJECT = '\u0001'.repeat(1024);

/**
 * The plain regexes (class RegExp: the ones V8 runs as they are) in `value`: itself, or a test
 * wrapper's parts (factor.ts: SplitTestRegExp.parts, ChunkedTestRegExp.chunks, LiteralGatedRegExp's
 * groups' regexes and the rest), found through its own properties, arrays and `{ regex }` entries.
 * A wrapper's own source is not run (its test() asks its parts), and a class with its own exec
 * (LinearRegExp's RE2) is not V8's: neither is listed.
 */
export function plainRegexesIn(value: unknown, out: RegExp[] = [], seen = new Set<unknown>()): RegExp[] {
  if (!(value instanceof RegExp) || seen.has(value)) return out;
  seen.add(value);
  if (value.constructor === RegExp) {
    out.push(value);
    return out;
  }
  for (const held of Object.values(value)) {
    if (held instanceof RegExp) plainRegexesIn(held, out, seen);
    else if (Array.isArray(held)) {
      for (const item of held) {
        if (item instanceof RegExp) plainRegexesIn(item, out, seen);
        else if (typeof item === 'object' && item !== null && (item as { regex?: unknown }).regex instanceof RegExp) plainRegexesIn((item as { regex: RegExp }).regex, out, seen);
      }
    }
  }
  return out;
}

/** The large plain regexes among `regexes` and in their wrappers (each object once, in order). */
export function largeRegexes(regexes: Iterable<unknown>): RegExp[] {
  const out: RegExp[] = [];
  const seen = new Set<unknown>();
  for (const r of regexes) plainRegexesIn(r, out, seen);
  return out.filter((re) => re.source.length >= AHEAD_MIN_SOURCE);
}

/** Runs `re` once on a long subject, so that V8 compiles it to machine code at once; never throws. */
export function compileAhead(re: RegExp): void {
  try {
    re.lastIndex = 0;
    RegExp.prototype.exec.call(re, LONG_SUBJECT);
    re.lastIndex = 0;
  } catch {
    // A warm-up only: the line that needs the regex meets (and reports) any failure.
  }
}
