/**
 * Turns the rule data plus a Redactor's options (optional rules, IT extra rules, allow-list,
 * known values) into what the line engine runs: fresh regex objects (so no two Redactors share
 * `lastIndex`), one combined prefilter, and the allow-list.
 */
import { InputError } from '../errors.js';
import { analysed } from './analyses.js';
import { wakesAssignedKey } from './key-names.js';
import { LinearRegExp, ListStartRegExp } from './linear-regexp.js';
import { largeRegexes } from './regexp-ahead.js';
import { LiteralIndex, requiredLiteralSet, spelledLiteralSet } from './literal-set.js';
import { splitForTest } from './factor.js';
import { splitByFirstCharacter, stableFactor, WIDE_GUARD } from './scan-split.js';
import { wordScanOf, type WordScan } from './word-scan.js';
import { DIGIT_SHAPE_TRIGGERS, digitShapeMayMatch, triggerKey } from './digit-shape.js';
import { looksRandom } from './validators.js';
import { detach, normalizeKind } from './placeholders.js';
import { GATES, IDENTITIES, KINDS, OPENERS, OWNER_WORDS, VALIDATORS, type ValidatorName } from './rule-validators.js';
import type { ItemLayout } from './formats.js';
import { OPTIONAL_RULE_IDS, RULES, rulesFor, type LineSurroundings, type RedactionRule, type RulePattern, type RuleTarget, type ScanGroup, type WakeName } from './rules.js';

/** Options of a Redactor (see redactor.ts for the documentation of each field). */
export interface RuleSetOptions {
  optionalRules?: string[];
  extraRules?: { id: string; pattern: string; flags?: string; placeholder?: string; validator?: string; context?: string[] }[];
  allow?: string[];
  knownValues?: { value: string; kind: 'USER' | 'HOST' | 'EMAIL' }[];
  /** The item's layout (formats.ts detectLayout): adds that layout's rules. */
  layout?: ItemLayout;
}

/** A pattern with the functions its table entry names, looked up once. */
export interface CompiledPattern {
  readonly regex: RegExp;
  readonly targets: readonly RuleTarget[] | undefined;
  readonly validate: ((m: RegExpExecArray, line: string, around: LineSurroundings) => boolean) | undefined;
  /** Context words as one case-insensitive regex. */
  readonly context: { readonly words: RegExp; readonly before: number } | undefined;
  readonly kind: ((m: RegExpExecArray) => string) | undefined;
  /**
   * Literals one of which every line the pattern matches holds (literal-set.ts), lower-cased when
   * `folded` (the regex is case-insensitive), as ids in RuleSet.literals (its `folded` index when
   * folded, else `exact`): a line holding none of them is not searched. undefined: none is known.
   */
  readonly anyOf: Int32Array | undefined;
  /**
   * speed19 (session 22): a rarer set (literal-set.ts spelledLiteralSet: runs read on through small classes and
   * groups, `user(?:=|[ \t]+)` → `user=`/`user `/`user\t`), in the same index, asked only on a line holding one of
   * anyOf (it has more members): a line holding none of it is not searched either. undefined: none rarer is known.
   */
  readonly spelledOf?: Int32Array;
  readonly folded: boolean;
}

/** RedactionRule's ItemsBlock, its validator resolved. */
export interface CompiledItemsBlock {
  readonly open: RegExp;
  readonly item: RegExp;
  readonly validate: (m: RegExpExecArray, line: string) => boolean;
  readonly kind: string;
  readonly end: RegExp | undefined;
}

/** A rule of the table with its named functions looked up. */
export interface CompiledRule {
  readonly rule: RedactionRule;
  /** undefined: no cheap test exists (IT rules), the patterns always run on a scanned line. */
  readonly trigger: RegExp | undefined;
  readonly patterns: readonly CompiledPattern[];
  readonly gate: ((line: string) => boolean) | undefined;
  readonly identity: ((value: string) => string) | undefined;
  readonly opensValueOnNextLine: ((line: string) => string | undefined) | undefined;
  /** RedactionRule.itemsBlocks, their validators resolved (empty: none). */
  readonly itemsBlocks: readonly CompiledItemsBlock[];
}

/** Whether a hit at [start, end) of the scanned text wakes a rule (RuleScan.placed). */
export type WakeCheck = (text: string, start: number, end: number) => boolean;

/** The rules a hit concerns: some whatever surrounds it, some only where their check holds there. */
export interface HitRules {
  readonly always: readonly number[];
  readonly placed: readonly { readonly rule: number; readonly at: WakeCheck }[];
}

/** One bulk scan over a block of text, and which rules (indexes into `rules`) a hit concerns. */
export interface Scanner {
  readonly regex: RegExp;
  /** The rules whose scan fragments occur in the hit's text (a hit `key` does not wake the e-mail rule). */
  rulesFor(hit: string): HitRules;
  /** Every hit concerns the same rules: after one hit, the rest of the line need not be scanned. */
  readonly uniform: boolean;
  /** For a uniform scanner: the union of its rules' triggers, one test per line instead of one per rule. */
  readonly confirm?: RegExp;
  /**
   * A cheap necessary condition of `confirm` on [start, end) of a text (digit-shape.ts): where it is
   * false the confirm is not run. Only where the condition was read off this scan's triggers.
   */
  readonly mayConfirm?: (text: string, start: number, end: number) => boolean;
  /**
   * Built-in fragments never match across a line break, so where a hit ends names its line: the
   * engine can use test() and skip building a match object (IT patterns might contain `\s`).
   */
  readonly lineLocal: boolean;
  /**
   * The one character every match starts with, when there is one (the `backslash` pass): the engine
   * then finds each occurrence with indexOf and tries the regex there, sticky, instead of letting
   * the regex walk the text (measured on 10 MB of the bench: 3.8 ms of CPU down to 0.6).
   */
  readonly lead?: { readonly char: string; readonly sticky: RegExp };
  /**
   * The same scan as two regexes, the alternatives that start at an ASCII character and the others
   * (scan-split.ts): on a two-byte string (one `“` or Han character in the chunk) the whole regex
   * tries every Han alternative at every position. The engine takes the earlier hit of the two.
   */
  readonly split?: readonly [RegExp, RegExp];
  /**
   * For the words scan (a regex of literals, case-insensitive): their automaton (word-scan.ts),
   * which on ASCII text says where the regex needs to start looking.
   */
  readonly words?: WordScan;
  /**
   * overlap22 (session 21): the words scan (with or without its automaton) reports overlapping hits: after a hit
   * [s, e) it resumes at s + 1 for the first word that runs past e (word-scan.ts wordsHit), so a wake word that
   * starts inside another rule's (`insecure-password` ⏎ `password:`) still wakes its rule. speed19 (session 22): the
   * marks scan too (split in halves or led by one character): after a hit [s, e) it looks again from s + 1 and takes
   * the first hit that ends past e (`会员工`: person-name's `会员`, then user-name's `员工`).
   */
  readonly overlapping?: boolean;
}

const HIT_CACHE_LIMIT = 4096;

interface ScanMember {
  rule: number;
  fragment: RegExp;
  at?: WakeCheck;
}

// A hit made of name characters only: a `placed` check reads the name around it. Other hits
// (`net use`, `hooks.slack/`) wake every rule they concern, unless the rule's check holds for any
// hit holding its word (WIDE_WAKES).
const NAME_HIT = /^[A-Za-z0-9_.-]+$/;

/**
 * Whether one of `words` (lower case) overlaps `hit` (lower case) without being inside it: starts
 * inside it and runs past its end, or holds it and more (the hit is then the rest of a word an earlier
 * hit cut, `signed in` ⏎ `invoicername>`).
 */
function overhangs(hit: string, words: readonly string[]): boolean {
  for (const w of words) if (w.length > hit.length && w.includes(hit)) return true;
  for (let k = 0; k < hit.length; k += 1) {
    const tail = hit.slice(k);
    for (const w of words) if (w.length > tail.length && w.startsWith(tail)) return true;
  }
  return false;
}

/**
 * The character every alternative starts with, when it is the same literal for all of them and
 * case cannot change it (`\\[a-z](?<=…)` → a backslash); undefined otherwise.
 */
function leadCharacter(alternatives: string[]): string | undefined {
  const firsts = new Set(alternatives.map((a) => (/^\\[^A-Za-z0-9]/.test(a) ? a[1] : /^[^\\.*+?^$|()[\]{}A-Za-z]/.test(a) ? a[0] : undefined)));
  const [only] = firsts;
  return firsts.size === 1 && only !== undefined ? only : undefined;
}

function makeScanner(
  regex: RegExp,
  members: ScanMember[],
  triggers: (RegExp | undefined)[],
  lead?: string,
  split?: readonly [RegExp, RegExp],
  words?: WordScan,
  ruleTriggers: readonly RegExp[] = [],
  ruleWords: ReadonlyMap<number, readonly string[]> = new Map(),
  overlapping = false,
): Scanner {
  const cache = new Map<string, HitRules>();
  const uniform = members.every((m) => m.at === undefined) && new Set(members.map((m) => m.fragment.source)).size === 1;
  const confirm =
    uniform && members.length > 1 && triggers.every((t) => t !== undefined)
      ? new RegExp(triggers.map((t) => `(?:${t!.source})`).join('|'), 'im')
      : undefined;
  return {
    regex,
    uniform,
    lineLocal: true,
    ...(confirm ? { confirm } : {}),
    ...(confirm && ruleTriggers.every((t) => DIGIT_SHAPE_TRIGGERS.has(triggerKey(t))) ? { mayConfirm: digitShapeMayMatch } : {}),
    ...(lead !== undefined ? { lead: { char: lead, sticky: withFlags(regex, 'y', 'g') } } : {}),
    ...(split !== undefined && lead === undefined ? { split } : {}),
    ...(words !== undefined && lead === undefined ? { words } : {}),
    // speed19 (session 22): a split or lead scan (marks) reports overlapping hits too (line-engine.ts scan).
    ...(overlapping ? { overlapping } : {}),
    rulesFor(hit) {
      let rules = cache.get(hit);
      if (rules === undefined) {
        // Substring test: a hit `accountkey` also concerns the rules that look for `key`.
        let concerned = members.filter((m) => m.fragment.test(hit));
        if (concerned.length === 0) concerned = members;
        const named = NAME_HIT.test(hit);
        // A wide check judges a longer hit only where none of the rule's words starts inside the hit and
        // runs past it (`alter user` ⏎ `useradd`: the scan resumes after the hit, so such a word is not
        // seen, and the check, read at the hit, may not reach as far as it would have read at that word),
        // nor holds it (the hit may be what is left of such a word).
        const judged = (m: ScanMember) => m.at !== undefined && (named || (WIDE_WAKES.has(m.at) && !overhangs(hit.toLowerCase(), ruleWords.get(m.rule) ?? [])));
        const always = new Set(concerned.filter((m) => !judged(m)).map((m) => m.rule));
        const placed = concerned.filter((m) => judged(m) && !always.has(m.rule)).map((m) => ({ rule: m.rule, at: m.at! }));
        rules = { always: [...always], placed };
        if (cache.size >= HIT_CACHE_LIMIT) cache.clear();
        cache.set(detach(hit), rules);
      }
      return rules;
    },
  };
}

export interface RuleSet {
  readonly rules: readonly CompiledRule[];
  /**
   * The bulk scans: one per scan group (words, marks, digits) over all rules, and one per IT rule
   * (its own pattern: no keyword can stand in for it). A line without a hit is copied untouched.
   */
  readonly scanners: readonly Scanner[];
  readonly allow: readonly RegExp[];
  /** The multi-line block rule (private keys) with global begin / end regexes. */
  readonly block: { readonly rule: RedactionRule; readonly begin: RegExp; readonly end: RegExp } | undefined;
  /** The patterns' literals (CompiledPattern.anyOf): case-sensitive ones, and lower-cased ones for case-insensitive patterns. */
  readonly literals: { readonly exact: LiteralIndex; readonly folded: LiteralIndex };
  /**
   * sos26 (session 24): the large plain regexes the line engine runs (triggers and their parts,
   * patterns, scans and their halves, the wake words' per-rule fragments), for a warm-up to compile
   * to machine code before a line needs them (regexp-ahead.ts).
   */
  readonly ahead?: readonly RegExp[];
}

const GROUP_FLAGS: Record<ScanGroup, string> = { words: 'gi', marks: 'gm', digits: 'g', backslash: 'g', bracket: 'g', dollar: 'g', layout: 'gm' };

/** Top-level alternatives of a regex source (`a|b(c|d)` -> `a`, `b(c|d)`), to drop duplicates across rules. */
function splitAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') {
      i += 1;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
  }
  out.push(source.slice(start));
  return out.filter((a) => a.length > 0);
}

const LITERAL = /^(?:[^\\.*+?^${}()|[\]]|\\[^A-Za-z0-9])+$/;

/** The text a literal alternative matches, as literalTrie writes it (unescaped, lower case). */
const literalText = (alternative: string): string => alternative.replace(/\\(.)/g, '$1').toLowerCase();

/**
 * `private|pass|pwd|…` as a prefix tree, `p(?:rivate|ass|wd)|…`: with dozens of keywords the
 * regex engine then tries far fewer alternatives per position (about 15 % faster on logs).
 * Undefined when an alternative is not a plain literal.
 */
function literalTrie(alternatives: string[]): string | undefined {
  if (!alternatives.every((a) => LITERAL.test(a))) return undefined;
  interface Node {
    next: Map<string, Node>;
    end: boolean;
  }
  const root: Node = { next: new Map(), end: false };
  for (const a of alternatives) {
    let node = root;
    for (const ch of literalText(a)) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map(), end: false };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.end = true;
  }
  const escape = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  const emit = (node: Node): string => {
    const parts = [...node.next].map(([ch, child]) => escape(ch) + emit(child));
    if (parts.length === 0) return '';
    const body = parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return [...root.next].map(([ch, child]) => escape(ch) + emit(child)).join('|');
}

// ---- sos26 (session 24) ------------------------------------------------------------------------------
/**
 * A scan's alternatives split by first character (scan-split.ts splitByFirstCharacter), each half
 * as a stable prefix tree (stableFactor): [ascii, wide] sources, or undefined when they are not
 * split. Remembered per flags and alternatives (analyses.ts 'halves': the build writes the table's).
 */
function factoredHalves(alternatives: readonly string[], flags: string): readonly [string, string] | undefined {
  return analysed('halves', `${flags}/${JSON.stringify(alternatives)}`, () => {
    const halves = splitByFirstCharacter(alternatives, flags);
    return halves ? ([stableFactor(halves.ascii, flags), stableFactor(halves.wide, flags)] as const) : undefined;
  });
}
// ---- end sos26 ---------------------------------------------------------------------------------------

/** Minimum length of a known value: shorter ones would redact ordinary words. */
export const KNOWN_VALUE_MIN_LENGTH = 3;

// `-` is left alone: outside a class it is not special, and `\-` is an error under the `u` flag.
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function withFlags(re: RegExp, add: string, drop = ''): RegExp {
  const flags = new Set([...re.flags].filter((f) => !drop.includes(f)));
  for (const f of add) flags.add(f);
  // Same class: an IT pattern stays on the linear-time engine (LinearRegExp), a list scan keeps its head.
  if (re instanceof ListStartRegExp) return re.withFlags([...flags].join(''));
  return re instanceof LinearRegExp ? new LinearRegExp(re.source, [...flags].join('')) : new RegExp(re.source, [...flags].join(''));
}

const contextRegExp = (words: readonly string[]) => new RegExp(words.map(escapeRegExp).join('|'), 'i');

/** requiredLiteralSet per pattern source and flags: the table's patterns are read at build time (analyses.ts). */
function literalSetOf(regex: RegExp): readonly string[] | undefined {
  // IT patterns (LinearRegExp) keep their own engine's syntax: no literal is read from them.
  if (regex instanceof LinearRegExp) return undefined;
  return analysed('literals', `${regex.flags}/${regex.source}`, () => requiredLiteralSet(regex.source, regex.flags));
}

/** speed19 (session 22): spelledLiteralSet per pattern source and flags (analyses.ts, under its own key prefix). */
function spelledSetOf(regex: RegExp): readonly string[] | undefined {
  if (regex instanceof LinearRegExp) return undefined;
  return analysed('literals', `spelled/${regex.flags}/${regex.source}`, () => spelledLiteralSet(regex.source, regex.flags));
}

/** The rule set's literal indexes (see CompiledPattern.anyOf), filled as its patterns are compiled. */
type Literals = RuleSet['literals'];

function compilePattern(p: RulePattern, literals: Literals, kind?: (m: RegExpExecArray) => string): CompiledPattern {
  // Group indices (`d`) are only paid for where a part of the match is replaced.
  const regex = withFlags(p.regex, p.targets ? 'gd' : 'g', 'y');
  const folded = regex.flags.includes('i');
  const set = literalSetOf(regex);
  const spelled = set === undefined ? undefined : spelledSetOf(regex);
  const index = folded ? literals.folded : literals.exact;
  return {
    regex,
    anyOf: set === undefined ? undefined : Int32Array.from(set, (l) => index.add(l)),
    ...(spelled === undefined ? {} : { spelledOf: Int32Array.from(spelled, (l) => index.add(l)) }),
    folded,
    targets: p.targets,
    validate: p.validate ? VALIDATORS[p.validate] : undefined,
    context: p.context ? { words: contextRegExp(p.context.words), before: p.context.before } : undefined,
    kind: kind ?? (p.kind ? KINDS[p.kind] : undefined),
  };
}

// The trigger is only tested (line-engine.ts): its alternatives may be tried as a tree, and in parts (factor.ts).
function compileRule(rule: RedactionRule, literals: Literals, trigger: RegExp | undefined = splitForTest(withFlags(rule.trigger, 'im', 'gy')), kind?: (m: RegExpExecArray) => string): CompiledRule {
  return {
    rule,
    trigger,
    patterns: rule.patterns.map((p) => compilePattern(p, literals, kind)),
    gate: rule.gate ? GATES[rule.gate] : undefined,
    identity: rule.identity ? IDENTITIES[rule.identity] : undefined,
    opensValueOnNextLine: rule.opensValueOnNextLine ? OPENERS[rule.opensValueOnNextLine] : undefined,
    itemsBlocks: (rule.itemsBlocks ?? []).map((b) => ({ open: b.open, item: b.item, validate: VALIDATORS[b.validate], kind: b.kind, end: b.end })),
  };
}

const isValidatorName = (name: string): name is ValidatorName => Object.hasOwn(VALIDATORS, name);

/** A character of high-entropy's random run: `[A-Za-z0-9+/_-]`. */
const isRunChar = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 47 && c <= 57) || c === 43 || c === 95 || c === 45;

/** `id` as a word inside the text, with the characters around it present (see randomRun). */
const OWNER_ID = /[^A-Za-z][Ii][Dd](?=[^A-Za-z0-9_])|[a-z]Id(?=[^A-Za-z0-9_])/;

/**
 * high-entropy's trigger wants 20 characters of `[A-Za-z0-9+/_-]` in a row starting within 32 of
 * the end of its word: such a run complete by 52 after the word. The word ends at most 6 after the
 * hit (`cred` of `credential`, `sig` of `signature`), so the run must be complete by `end` + 58
 * (`auth.session pid=1: plugin "x" loaded from /opt/…` has its path too far to wake the rule).
 *
 * Past the hit, the first such run that starts after another character is the string the word's
 * pattern takes, and its validator decides on what this check can read too: a string that does not
 * look random (a UUID, a lower-case path) is kept, and so is one whose owner is named between
 * (`session pid=1: deployed commit 9fce…`, `session id=…`: OWNER_WORDS or an `id` word in at least
 * [end + 6, run), part of the text between word and string). Such a hit wakes nothing: most of this
 * rule's wakes on logs were those (1 650 lines per 10 MB of the bench, none redacted). A run glued
 * to the hit (`eyJ…`, the other pattern) or inside it, one followed by `=`, and a backslash (JSON
 * escapes, which the rules see masked) wake as before.
 */
function randomRun(text: string, start: number, end: number): boolean {
  const stop = Math.min(text.length, end + 58);
  // The leftmost window of 20 run characters in [start, stop), tried from its last character back:
  // a character that is not one rules out every window holding it, so the next window starts after
  // it (most hits are in prose, where a blank comes every few characters: a few reads per window
  // instead of one per character up to `stop`).
  let w = start;
  while (w + 19 < stop) {
    let q = w + 19;
    while (q >= w && isRunChar(text.charCodeAt(q))) q -= 1;
    if (q >= w) {
      w = q + 1;
      continue;
    }
    // The run is on the hit's line only if no line break comes before it.
    for (let i = start; i < w; i += 1) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) return false;
    }
    return firstRunWakes(text, end, w, w + 20);
  }
  return false;
}

/** randomRun's verdict on its first run, found at [from, found) (see randomRun). */
function firstRunWakes(text: string, end: number, from: number, found: number): boolean {
  if (from < end) return true;
  let to = found;
  while (to < text.length && isRunChar(text.charCodeAt(to))) to += 1;
  if (text.charCodeAt(to) === 61 /* = */ || text.slice(end, to).includes('\\')) return true;
  // The owner words first: a short test that spares the entropy of a commit hash.
  if (from > end + 6) {
    const gap = text.slice(end + 6, from);
    if (OWNER_WORDS.test(gap) || OWNER_ID.test(gap)) return false;
  }
  return looksRandom(text.slice(from, to));
}

/**
 * person-name's trigger wants two Han characters starting within 24 after its word (`user`,
 * `name` …), which ends at the hit's end at the latest: such a pair on the hit's line.
 */
function hanNear(text: string, start: number, end: number): boolean {
  const stop = Math.min(text.length, end + 26);
  let run = 0;
  for (let i = start; i < stop; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fa5) {
      if ((run += 1) >= 2) return true;
    } else if (c === 10 || c === 13) return false;
    else run = 0;
  }
  return false;
}

const BASIC_AT = /basic\s+[a-z0-9+/]{8}/iy;
/** `/["']?\s*:/y` at `i`, as code: one walk over the whitespace (a sticky `\s*` is swept as global). */
function colonAt(text: string, i: number): boolean {
  let j = i;
  const q = text.charCodeAt(j);
  if (q === 0x22 || q === 0x27) j += 1;
  while (j < text.length && /\s/.test(text[j]!)) j += 1;
  return text.charCodeAt(j) === 0x3a;
}
// `[\w.-]`: the characters of a header name.
const isNameChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2e || c === 0x2d;

/**
 * headerName: `/basic\s+[a-z0-9+/]{8}|[\w.-]*["']?\s*:/i` tried sticky at the hit. A greedy
 * `[\w.-]*` ends where the hit's run of name characters does (what follows it, a quote, space or
 * colon, is none of them), so the verdict past the run is one per run: the last run's end and
 * verdict are kept, and hits further along the same run (`keykeykey…`, 20 000 of them on a long
 * line) reuse them instead of walking the rest of the run again.
 */
function headerNameCheck(): WakeCheck {
  let lastText: string | undefined;
  let runStart = 0;
  let runEnd = -1;
  let colon = false;
  return (text, start) => {
    BASIC_AT.lastIndex = start;
    if (BASIC_AT.test(text)) return true;
    // [runStart, runEnd) are all name characters: a hit inside it has the same run end.
    if (start < runStart || start >= runEnd || text !== lastText) {
      let end = start;
      while (end < text.length && isNameChar(text.charCodeAt(end))) end += 1;
      colon = colonAt(text, end);
      lastText = text;
      runStart = start;
      runEnd = end;
    }
    return colon;
  };
}

// key-names.ts isKeyChar: the characters wakesAssignedKey extends a key word's name over.
const isKeyChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45 || (c >= 0x4e00 && c <= 0x9fa5);

/**
 * assignedKey with one verdict per name: wakesAssignedKey widens the hit to the run of key
 * characters around it and judges that name, so every hit inside the same run gets the same
 * verdict. Asked afresh for each of the 20 000 hits of a 64 Ki-character `keykeykey…` line, it
 * walked the run each time (6 s for that line); the last run and its verdict are kept instead.
 */
function assignedKeyCheck(): WakeCheck {
  let lastText: string | undefined;
  let runStart = 0;
  let runEnd = -1;
  let verdict = false;
  return (text, start, end) => {
    if (start >= runStart && end <= runEnd && text === lastText) return verdict;
    let s = start;
    while (s > 0 && isKeyChar(text.charCodeAt(s - 1))) s -= 1;
    let e = end;
    while (e < text.length && isKeyChar(text.charCodeAt(e))) e += 1;
    verdict = wakesAssignedKey(text, start, end);
    lastText = text;
    runStart = s;
    runEnd = e;
    return verdict;
  };
}

const WAKES: Record<Exclude<WakeName, 'headerName' | 'assignedKey'>, WakeCheck> = { randomRun, hanNear };

/**
 * Checks that hold wherever the rule could act for any hit holding its word, not only a hit of name
 * characters: hanNear reads from the hit's start to 26 past its end, so for a longer hit (`user:`,
 * `Parameters:`, `by ` — another rule's words, or a word with its punctuation) it reads all a hit of
 * the word alone would. A Rails `Current user: admin` or `Processing by …` line, without Han
 * characters, then no longer wakes person-name (its trigger cost ~40 µs on such a line).
 */
const WIDE_WAKES: ReadonlySet<WakeCheck> = new Set([hanNear]);

/** A `placed` check as a function: a named one, or a regex tried sticky at the hit (a fresh copy per rule set). */
function wakeCheck(at: RegExp | WakeName): WakeCheck {
  // headerName keeps state (the last run): one per rule set.
  if (at === 'headerName') return headerNameCheck();
  if (at === 'assignedKey') return assignedKeyCheck();
  if (typeof at === 'string') return WAKES[at];
  const re = withFlags(at, 'iy', 'gm');
  return (text, start) => {
    re.lastIndex = start;
    return re.test(text);
  };
}

/**
 * An IT rule from policy: a row of the same table — its pattern, and optionally a validator of the
 * table by name (`luhn`, `notMeasurement` …) and context words that must stand before a match.
 */
function extraRule(spec: NonNullable<RuleSetOptions['extraRules']>[number]): { rule: RedactionRule; scanner: RegExp } {
  if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(spec.id)) throw InputError.coded('rule-id', { id: spec.id }, `redaction rule id "${spec.id}" must be kebab-case (e.g. employee-id)`);
  const flags = spec.flags ?? '';
  if (!/^[imsu]*$/.test(flags)) throw InputError.coded('rule-flags', { id: spec.id, flags }, `redaction rule "${spec.id}": flags "${flags}" not supported (use i, m, s, u)`);
  let regex: RegExp;
  try {
    // IT patterns run in linear time (RE2): a pattern like (a+)+$ cannot stall a collection.
    regex = new LinearRegExp(spec.pattern, flags);
  } catch (err) {
    throw InputError.coded('rule-pattern', { id: spec.id }, `redaction rule "${spec.id}": ${(err as Error).message}`);
  }
  if (regex.test('')) throw InputError.coded('rule-empty-match', { id: spec.id }, `redaction rule "${spec.id}": the pattern matches the empty string`);
  const hasSecretGroup = /\(\?<secret>/.test(spec.pattern);
  if (spec.validator !== undefined && !isValidatorName(spec.validator)) {
    throw InputError.coded('rule-validator', { id: spec.id, validator: spec.validator, known: Object.keys(VALIDATORS).join(', ') }, `redaction rule "${spec.id}": unknown validator "${spec.validator}" (known: ${Object.keys(VALIDATORS).join(', ')})`);
  }
  const context = spec.context?.map((w) => w.trim()).filter((w) => w.length > 0);
  const rule: RedactionRule = {
    id: spec.id,
    nameKey: `rule.${spec.id}`,
    description: `IT policy rule /${spec.pattern}/${flags}`,
    category: 'secret',
    optional: false,
    placeholder: normalizeKind(spec.placeholder ?? 'SECRET'),
    scan: {},
    trigger: /(?:)/,
    patterns: [
      {
        regex,
        ...(hasSecretGroup ? { targets: [{ group: 'secret' }] } : {}),
        ...(spec.validator !== undefined ? { validate: spec.validator as ValidatorName } : {}),
        ...(context && context.length > 0 ? { context: { words: context, before: 40 } } : {}),
      },
    ],
  };
  return { rule, scanner: withFlags(regex, 'gm', 'y') };
}

function knownValuesRule(values: NonNullable<RuleSetOptions['knownValues']>, literals: Literals): CompiledRule | undefined {
  const usable = values.filter((v) => v.value.trim().length >= KNOWN_VALUE_MIN_LENGTH);
  if (usable.length === 0) return undefined;
  const kinds = new Map(usable.map((v) => [v.value.trim().toLowerCase(), v.kind] as const));
  // Longest first, so `alice.w` wins over `alice`.
  const alternation = [...kinds.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const rule: RedactionRule = {
    id: 'known-value',
    nameKey: 'rule.known-value',
    description: "this machine's own identifiers (user name, host name, e-mail) wherever they appear as whole words",
    category: 'personal',
    optional: false,
    placeholder: 'USER',
    scan: { words: alternation },
    trigger: new RegExp(alternation, 'i'),
    patterns: [{ regex: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternation})(?![\\p{L}\\p{N}_])`, 'iu') }],
  };
  // The kind comes from the value (USER, HOST, EMAIL): a function of this rule set, not of the table.
  return compileRule(rule, literals, undefined, (m) => kinds.get(m[0].toLowerCase()) ?? 'USER');
}

/** Builds the rule set of one Redactor. Throws InputError for a bad option (named in the message). */
/** Each rule's words in the words scan (its own and its placed ones), as literal texts in lower case. */
function wordsByRule(members: readonly (ScanMember & { source: string })[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const m of members) {
    const list = out.get(m.rule) ?? [];
    list.push(...splitAlternatives(m.source).map(literalText));
    out.set(m.rule, list);
  }
  return out;
}

export function buildRuleSet(options: RuleSetOptions = {}): RuleSet {
  const optional = new Set(options.optionalRules ?? []);
  for (const id of optional) {
    if (!OPTIONAL_RULE_IDS.includes(id)) throw InputError.coded('rule-optional-unknown', { id, known: OPTIONAL_RULE_IDS.join(', ') }, `unknown optional redaction rule "${id}" (known: ${OPTIONAL_RULE_IDS.join(', ')})`);
  }
  const builtIn = rulesFor(options.layout).filter((r) => !r.optional || optional.has(r.id));
  const extras = (options.extraRules ?? []).map(extraRule);
  const ids = new Set(RULES.map((r) => r.id));
  for (const { rule } of extras) {
    if (ids.has(rule.id)) throw InputError.coded('rule-id-twice', { id: rule.id }, `redaction rule id "${rule.id}" is used twice`);
    ids.add(rule.id);
  }
  const literals: Literals = { exact: new LiteralIndex(), folded: new LiteralIndex() };
  const known = knownValuesRule(options.knownValues ?? [], literals);

  // IT rules run right after private keys: they are the organisation's explicit intent, and run
  // before the generic rules could take part of what they look for.
  const blocks = builtIn.filter((r) => r.block !== undefined);
  const rest = builtIn.filter((r) => r.block === undefined);
  const ordered: CompiledRule[] = [
    ...blocks.map((r) => compileRule(r, literals)),
    ...extras.map(({ rule }) => compileRule(rule, literals, undefined)),
    ...rest.filter((r) => r.category !== 'network').map((r) => compileRule(r, literals)),
    ...(known ? [known] : []),
    ...rest.filter((r) => r.category === 'network').map((r) => compileRule(r, literals)),
  ];

  const scanners: Scanner[] = [];
  /** sos26: the scans' per-rule fragments (rulesFor asks them on each new hit), for RuleSet.ahead. */
  const fragments: RegExp[] = [];
  for (const group of Object.keys(GROUP_FLAGS) as ScanGroup[]) {
    const flags = GROUP_FLAGS[group];
    const members: (ScanMember & { source: string })[] = [];
    ordered.forEach((r, rule) => {
      const source = r.rule.scan[group];
      if (source) members.push({ rule, source, fragment: new RegExp(source, flags.replace('g', '')) });
      const placed = group === 'words' ? r.rule.scan.placed : undefined;
      if (placed) members.push({ rule, source: placed.words, fragment: new RegExp(placed.words, flags.replace('g', '')), at: wakeCheck(placed.at) });
    });
    if (members.length === 0) continue;
    for (const m of members) fragments.push(m.fragment);
    const alternatives = [...new Set(members.flatMap((m) => splitAlternatives(m.source)))];
    // Words are one prefix tree (and an automaton of the same literals, word-scan.ts); the other
    // scans may be split by where a match starts (scan-split.ts).
    // sos26 (session 24): both read at build time (analyses.ts 'trie', 'halves').
    const trie = group === 'words' ? analysed('trie', JSON.stringify(alternatives), () => literalTrie(alternatives)) : undefined;
    const halves = group === 'words' ? undefined : factoredHalves(alternatives, flags);
    scanners.push(
      makeScanner(
        new RegExp(trie ?? alternatives.join('|'), flags),
        members,
        members.map((m) => ordered[m.rule]!.trigger),
        leadCharacter(alternatives),
        halves ? [new RegExp(halves[0], flags), new RegExp(`${WIDE_GUARD}(?:${halves[1]})`, flags)] : undefined,
        trie !== undefined && flags === 'gi' ? wordScanOf(alternatives.map(literalText)) : undefined,
        members.map((m) => ordered[m.rule]!.rule.trigger),
        group === 'words' ? wordsByRule(members) : undefined,
        group === 'words' || group === 'marks',
      ),
    );
  }
  for (const e of extras) {
    const index = ordered.findIndex((r) => r.rule === e.rule);
    const rules: HitRules = { always: [index], placed: [] };
    scanners.push({ regex: e.scanner, rulesFor: () => rules, uniform: true, lineLocal: false });
  }
  const allow = (options.allow ?? []).map((source) => {
    try {
      return new LinearRegExp(`^(?:${source})$`);
    } catch (err) {
      throw InputError.coded('rule-allow-pattern', { pattern: source }, `redaction allow-list entry /${source}/ is not a valid pattern: ${(err as Error).message}`);
    }
  });
  const blockRule = builtIn.find((r) => r.block !== undefined);
  return {
    rules: ordered,
    scanners,
    allow,
    block: blockRule?.block ? { rule: blockRule, begin: withFlags(blockRule.block.begin, 'gm'), end: withFlags(blockRule.block.end, 'gm') } : undefined,
    literals,
    // sos26 (session 24): triggers first (every woken line asks one), then the scans, the fragments, the patterns.
    ahead: largeRegexes([...ordered.map((r) => r.trigger), ...scanners.flatMap((s) => [s.regex, ...(s.split ?? [])]), ...fragments, ...ordered.flatMap((r) => r.patterns.map((p) => p.regex))]),
  };
}
