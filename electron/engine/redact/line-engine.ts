/**
 * Applies a rule set to text arriving in pieces. Rules work on whole lines, so the engine keeps
 * the last partial line as carry-over until its newline arrives; the output is the same however
 * the input is cut.
 *
 * Speed: a few bulk scans (one regex per scan group: words, marks, digits — see RedactionRule.scan)
 * run over each block of complete lines; only lines they hit are split out, and only the rules
 * whose scan group hit are tried on them (after their per-line trigger). A `placed` word wakes its
 * rule only where the rule's check holds at the hit (`auth.session pid=1` wakes nothing), so a line
 * whose hits all fail is not even split out. Everything else is copied as one slice, so most lines
 * of a typical log never reach a rule. With recordEdits() the output is also described as the
 * input plus replacements, so a stream can write unchanged input bytes as they came.
 *
 * Bounded memory: a line longer than MAX_LINE characters is cut (at a space or separator near the
 * limit when one exists) and the pieces are redacted as lines of their own. A secret that straddles
 * such a cut can be missed: only lines over 64 Ki characters are ever cut. Inside a private-key
 * block nothing is kept but a capped copy of the key (for the mapping) and a hash (for identity);
 * a block whose END never comes is dropped to the end of the item.
 */
import { createHash, type Hash } from 'node:crypto';
import { isBenignValue } from './key-names.js';
import { foundLiterals, type FoundLiterals, type LiteralIndex } from './literal-set.js';
import type { LearnedValue, LearnedValues } from './learned-values.js';
import { markUsers, patternIndexOf, type PatternIndex } from './pattern-index.js';
import { detach, isPlaceholder, PLACEHOLDER_PATTERN } from './placeholders.js';
import type { CompiledItemsBlock, CompiledPattern, CompiledRule, RuleSet } from './rule-set.js';
import { hasContext } from './rule-validators.js';
import type { LineSurroundings } from './rules.js';
import { nextTextKey, wordsHit } from './word-scan.js';

/** Longest line (in UTF-16 code units) redacted as one piece. */
export const MAX_LINE = 64 * 1024;
/** How much of a private key is kept for the local mapping and identity. */
const BLOCK_KEEP = 64 * 1024;
/** How far back from MAX_LINE a cut looks for a separator. */
const CUT_WINDOW = 4096;
/** How much of the texts before the current one `above` can give (a table header over its rows). */
const HISTORY = 4096;

/** Where replacements go: placeholders, per-rule counts and the seen values. */
export interface RedactionSink {
  placeholder(kind: string, value: string, ruleId: string, identity: string): string;
  /** Around each line: lets placeholders new on the line be numbered in reading order. */
  startLine(): void;
  finishLine(line: string): string;
  count(ruleId: string): void;
  seen(value: string): void;
  /**
   * The span [start, end) of `line` a rule wants to replace, moved so it cuts no escape or entity
   * of the item's format (see formats.ts adjustSpan).
   */
  adjust(line: string, start: number, end: number): [number, number];
  /** The line as the rules see it (JSON escapes masked, see formats.ts maskEscapes), and back. */
  mask(line: string): string;
  unmask(text: string): string;
  /** Where the format wants an over-long line cut in [limit - window, limit] (JSON: outside strings), or undefined. */
  cut(text: string, start: number, limit: number, window: number): number | undefined;
}

interface OpenBlock {
  /** Line break that followed the BEGIN marker, repeated around the placeholder. */
  lead: string | undefined;
  kept: string;
  keptComplete: boolean;
  hash: Hash;
  /** Last characters of the body, to know whether it ended with a line break and how indented. */
  tail: string;
  /** Indentation of the key's first line (YAML block scalars, XML): the placeholder keeps it. */
  indent: string | undefined;
}

/** The cut position for an over-long line starting at `start`: after a separator, never inside a surrogate pair. */
function cutPoint(text: string, start: number, sink: RedactionSink): number {
  const limit = start + MAX_LINE;
  const preferred = sink.cut(text, start, limit, CUT_WINDOW);
  if (preferred !== undefined) return preferred;
  for (let i = limit; i > limit - CUT_WINDOW; i -= 1) {
    const c = text.charCodeAt(i - 1);
    // space, tab, `,` `;` `&` `>` `}` `]`
    if (c === 32 || c === 9 || c === 44 || c === 59 || c === 38 || c === 62 || c === 125 || c === 93) {
      const before = text.slice(Math.max(start, i - 16), i);
      if (!/(?:[:=]|bearer|basic|token|digest|negotiate|password)\s*$/i.test(before)) return i;
    }
  }
  const hi = text.charCodeAt(limit - 1);
  return hi >= 0xd800 && hi <= 0xdbff ? limit - 1 : limit;
}

/** A replaced span [start, end) of the input, counted in characters from the item's start. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** What the output since the last takeEdits() is made of: the input [from, to) with `edits` applied. */
export interface OutputEdits {
  readonly from: number;
  readonly to: number;
  readonly edits: readonly Edit[];
}

/** Literal lookups on the current line for one LiteralIndex (see LineEngine.mayMatch). */
interface LiteralLookup {
  readonly index: LiteralIndex;
  line: string | undefined;
  text: string;
  /** Literals looked for on the line one by one so far: past LOOK_ONE_BY_ONE, all are marked in one walk. */
  looked: number;
  /** Whether every literal of the index on the line is marked (LiteralIndex.mark): one not marked is not there. */
  marked: boolean;
  stamp: number;
  readonly checked: Float64Array;
  readonly held: Uint8Array;
  /** speed26 (session 24): the literals the walk found (pattern-index.ts). */
  readonly found: FoundLiterals;
}

/**
 * How many literals a line is searched for one by one (includes) before all the index's literals
 * on it are marked in one walk over the line (LiteralIndex.mark): rules with a pattern or two ask
 * a line for a few literals, person-name and user-name for hundreds.
 */
const LOOK_ONE_BY_ONE = 8;

const literalLookup = (index: LiteralIndex): LiteralLookup => ({ index, line: undefined, text: '', looked: 0, marked: false, stamp: 0, checked: new Float64Array(index.size), held: new Uint8Array(index.size), found: foundLiterals(index.size) });

// A kubeconfig above a `users:` line: its users are credentials' names (`- name: ci-bot`), not logins.
const KUBECONFIG_ABOVE = /(?:^|\n)(?:kind:[ \t]*Config|current-context:|contexts:)[ \t]*/;

export class LineEngine {
  private carry = '';
  /** Characters pushed so far, and how far the output returned so far reaches into them. */
  private inputPos = 0;
  private outputPos = 0;
  /** Where the text being processed starts in the input (for `edits`). */
  private textAbs = 0;
  /** Replacements since the last takeEdits(), when recording (see recordEdits). */
  private edits: Edit[] | undefined;
  private block: OpenBlock | undefined;
  /** Placeholder kind for a value expected alone on the next line (`<password>` ⏎ `hunter2`). */
  private pendingKind: string | undefined;
  private pendingRule: CompiledRule | undefined;
  /**
   * An open block of items (RedactionRule.itemsBlock): the opener's indentation, the first item's once seen
   * (undefined before), and the rule. Lines at the items' indentation are its items; a line indented less ends it.
   */
  private itemBlock: { readonly indent: number; items: number | undefined; readonly rule: CompiledRule; readonly spec: CompiledItemsBlock } | undefined;
  /** An HTTP header named on the line before its value (HAR: `"name": "Cookie",` ⏎ `"value": "…"`). */
  private pendingHeader: string | undefined;
  /** Next hit of each scanner in the current text (-1: none left, -2: not searched yet). */
  private scannerNext: number[] = [];
  /** Text of that hit, and where the scan goes on after it. */
  private scannerHit: string[] = [];
  private scannerResume: number[] = [];
  /**
   * For a split scanner (Scanner.split), per half (index 2 × scanner + half): its next hit (-1: none
   * left, -2: not searched yet), that hit's text, where its regex goes on, and from where it was searched.
   */
  private halfNext: number[] = [];
  private halfHit: string[] = [];
  private halfResume: number[] = [];
  private halfFrom: number[] = [];
  /** Names the current text for the words scan's automaton (word-scan.ts). */
  private textKey = 0;
  /** Next hit of the learned values' scan in the current text (-1: none left, -2: not searched yet), and the set's version it was searched with. */
  private learnedNext = -2;
  private learnedVersion = -1;
  /** The line number (`lineStamp`) on which the learned values' scan hit. */
  private learnedStamp = -1;
  /** Per rule: the line number (`lineStamp`) on which a scanner hit concerned it. */
  private readonly candidate: Int32Array;
  private lineStamp = 0;
  /** Set by redactLineOrOpenBlock when the line opened a private-key block: where the key starts in it. */
  private blockFrom: number | undefined;
  private readonly blockRuleIndex: number;
  /** The text being processed and where the current line starts in it (for `around`). */
  private aroundText = '';
  private aroundStart = 0;
  /** The last line of the previous text (a copy, at most 1 KiB), and the item's first line. */
  private lastLine = '';
  /** The end of the texts processed before (a copy, at most HISTORY characters): the lines `above` a text's first ones. */
  private history = '';
  private firstLine: string | undefined;
  private readonly around: LineSurroundings = {
    previous: () => {
      if (this.aroundStart === 0) return this.lastLine;
      const end = this.aroundStart - 1;
      return this.aroundText.slice(this.aroundText.lastIndexOf('\n', end - 1) + 1, end);
    },
    header: () => this.firstLine ?? '',
    above: (maxChars: number) => {
      const here = this.aroundText.slice(Math.max(0, this.aroundStart - maxChars), this.aroundStart);
      return here.length >= maxChars || here.length < this.aroundStart ? here : this.history.slice(Math.max(0, this.history.length - (maxChars - here.length))) + here;
    },
  };

  /**
   * `prefilter: false` sends every line through every rule (slow): the reference the tests hold the
   * scans to, since a scan may only save work, never change what is redacted.
   */
  constructor(
    private readonly rules: RuleSet,
    private readonly sink: RedactionSink,
    private readonly prefilter = true,
    /** Names and logins the Redactor learned (learned-values.ts): redacted wherever they appear again. */
    private readonly learned?: LearnedValues,
  ) {
    this.candidate = new Int32Array(rules.rules.length).fill(-1);
    this.lookups = [literalLookup(rules.literals.exact), literalLookup(rules.literals.folded)];
    this.patternIndex = patternIndexOf(rules);
    this.anyAt = new Float64Array(this.patternIndex.slots);
    this.spelledAt = new Float64Array(this.patternIndex.slots);
    this.blockRuleIndex = rules.block ? rules.rules.findIndex((r) => r.rule === rules.block!.rule) : -1;
  }

  /**
   * From now on, also describe the output as the input with replacements (takeEdits): a stream
   * can then write the unchanged input bytes as they came instead of encoding the text again.
   */
  recordEdits(): void {
    this.edits ??= [];
  }

  /** The input span and the replacements the output returned since the last call is made of. */
  /** table21 (session 20): stop describing the output as edits (the redactor no longer reads them: a table's rows went to another engine). */
  stopEdits(): void {
    this.edits = undefined;
  }

  takeEdits(): OutputEdits | undefined {
    if (!this.edits) return undefined;
    const taken = { from: this.takenTo, to: this.outputPos, edits: this.edits };
    this.edits = [];
    this.takenTo = this.outputPos;
    return taken;
  }

  private takenTo = 0;

  private edit(start: number, end: number, text: string): void {
    this.edits?.push({ start: this.textAbs + start, end: this.textAbs + end, text });
  }

  /**
   * The item's header, when it is not its first line: a table's header below `#` comment lines
   * (formats.ts tableHeaderStart). Called before the first push.
   */
  useHeader(line: string): void {
    this.firstLine = detach(line.slice(0, 1024).replace(/\r$/, ''));
  }

  /** Redacts what can be redacted now; returns UTF-16 text ready to encode. */
  push(text: string): string {
    if (text.length === 0) return '';
    if (this.firstLine === undefined) {
      const nl = text.indexOf('\n');
      // A copy: the header must not keep the first chunk alive.
      if (nl >= 0 || text.length >= 1024) this.firstLine = detach(text.slice(0, Math.min(nl < 0 ? 1024 : nl, 1024)).replace(/\r$/, ''));
    }
    let rest = this.carry + text;
    let abs = this.inputPos - this.carry.length;
    this.inputPos += text.length;
    this.carry = '';
    let out = '';
    const lastNl = rest.lastIndexOf('\n');
    if (lastNl >= 0) {
      out += this.processBlock(rest.slice(0, lastNl + 1), abs);
      rest = rest.slice(lastNl + 1);
      abs += lastNl + 1;
    }
    while (rest.length > MAX_LINE) {
      const cut = cutPoint(rest, 0, this.sink);
      out += this.processLines(rest.slice(0, cut), abs);
      rest = rest.slice(cut);
      abs += cut;
    }
    this.carry = rest;
    this.outputPos = abs;
    return out;
  }

  /** Flushes the last line and closes an unterminated private-key block. */
  end(): string {
    let out = '';
    if (this.carry.length > 0) {
      out += this.processLines(this.carry, this.inputPos - this.carry.length);
      this.carry = '';
    }
    this.outputPos = this.inputPos;
    if (this.block) {
      const closed = this.closeBlock();
      this.textAbs = this.inputPos;
      this.edit(0, 0, closed);
      out += closed;
    }
    return out;
  }

  /** Complete lines; over-long ones are cut exactly as push() cuts an over-long carry. */
  private processBlock(text: string, abs: number): string {
    if (text.length <= MAX_LINE) return this.processLines(text, abs);
    let out = '';
    let segment = 0;
    let lineStart = 0;
    while (lineStart < text.length) {
      const nl = text.indexOf('\n', lineStart);
      const contentEnd = nl < 0 ? text.length : nl;
      if (contentEnd - lineStart > MAX_LINE) {
        out += this.processLines(text.slice(segment, lineStart), abs + segment);
        let s = lineStart;
        while (contentEnd - s > MAX_LINE) {
          const cut = cutPoint(text, s, this.sink);
          out += this.processLines(text.slice(s, cut), abs + s);
          s = cut;
        }
        segment = s;
      }
      lineStart = nl < 0 ? text.length : nl + 1;
    }
    return out + this.processLines(text.slice(segment), abs + segment);
  }

  /** Lines (the last may lack its newline): the prefilter picks the lines that go through the rules. */
  /** `abs`: where `text` starts in the input. */
  private processLines(text: string, abs: number): string {
    this.textAbs = abs;
    const out = this.processLinesOf(text);
    // The last complete line, for the first line of the next text (copied: the text is dropped).
    const end = text.endsWith('\n') ? text.length - 1 : text.length;
    const from = text.lastIndexOf('\n', end - 1) + 1;
    this.lastLine = detach(text.slice(Math.max(from, end - 1024), end));
    this.history = detach(text.length >= HISTORY ? text.slice(text.length - HISTORY) : (this.history + text).slice(-HISTORY));
    this.aroundText = '';
    return out;
  }

  private processLinesOf(text: string): string {
    let out = '';
    let pos = 0;
    // Text before `copied` is in `out`; from there to `pos` it is unchanged input, written as one
    // slice when something changes (most lines the scans wake come out as they went in).
    let copied = 0;
    const n = text.length;
    const k = this.rules.scanners.length;
    this.scannerNext = new Array<number>(k).fill(-2);
    this.scannerHit = new Array<string>(k).fill('');
    this.scannerResume = new Array<number>(k).fill(0);
    if (this.rules.scanners.some((s) => s.split !== undefined)) {
      this.halfNext = new Array<number>(2 * k).fill(-2);
      this.halfHit = new Array<string>(2 * k).fill('');
      this.halfResume = new Array<number>(2 * k).fill(0);
      this.halfFrom = new Array<number>(2 * k).fill(0);
    }
    this.learnedNext = -2;
    this.textKey = nextTextKey();
    while (pos < n) {
      if (this.block) {
        const r = this.consumeBlock(text, pos);
        out += text.slice(copied, pos) + r.out;
        this.edit(pos, r.pos, r.out);
        pos = copied = r.pos;
        continue;
      }
      if (this.pendingHeader !== undefined || this.pendingKind !== undefined) {
        // The line after an opener holds its value: it goes through the rules whatever the scans say.
        const nl = text.indexOf('\n', pos);
        const line = text.slice(pos, nl < 0 ? n : nl);
        // …unless it opens a private key (`sshPrivateKey: |` ⏎ `-----BEGIN …`): the block takes the
        // whole key, where the opener would take its first line only and leave the body.
        if (this.pendingKind !== undefined && this.rules.block !== undefined && openBlockAt(line, this.rules.block.begin, this.rules.block.end) !== undefined) {
          this.pendingKind = undefined;
          this.pendingRule = undefined;
          continue;
        }
        const value = this.pendingHeader !== undefined ? this.redactHeaderValue(line, nl >= 0) : this.redactNextLineValue(line, nl >= 0);
        out += text.slice(copied, pos) + value;
        copied = nl < 0 ? n : nl;
        if (value !== line) this.edit(pos, copied, value);
        pos = nl < 0 ? n : nl + 1;
        continue;
      }
      if (this.itemBlock !== undefined) {
        // Inside a block of items: this line is an item, ends the block, or is an ordinary line (looked at
        // alone: the scans must not skip the items after it).
        const nl = text.indexOf('\n', pos);
        const lineEnd = nl < 0 ? n : nl;
        const line = text.slice(pos, lineEnd);
        // The item line's surroundings (a validator reading `above` must see the lines above this one, not the opener's).
        this.aroundText = text;
        this.aroundStart = pos;
        const item = this.blockItem(line, nl >= 0);
        if (item !== undefined) {
          out += text.slice(copied, pos) + item;
          copied = lineEnd;
          if (item !== line) this.edit(pos, lineEnd, item);
          pos = nl < 0 ? n : nl + 1;
          continue;
        }
        if (this.itemBlock !== undefined && this.prefilter) {
          const hit = this.nextHit(text, pos);
          if (hit < 0 || hit > lineEnd) {
            pos = nl < 0 ? n : nl + 1;
            continue;
          }
        }
      }
      const at = this.prefilter ? this.nextHit(text, pos) : pos;
      if (at < 0) break;
      const start = Math.max(pos, text.lastIndexOf('\n', at - 1) + 1);
      const nl = text.indexOf('\n', at);
      const contentEnd = nl < 0 ? n : nl;
      const end = nl < 0 ? n : nl + 1;
      if (!this.markCandidates(text, start, contentEnd, end)) {
        // Only words in places where no rule can act (`auth.session pid=1`): the line stays as it is.
        if (nl >= 0) this.pendingHeader = headerNameAt(text, start, contentEnd);
        pos = end;
        continue;
      }
      const line = text.slice(start, contentEnd);
      this.aroundText = text;
      this.aroundStart = start;
      const redacted = this.redactLineOrOpenBlock(line, nl >= 0);
      if (this.blockFrom !== undefined) {
        out += text.slice(copied, start) + redacted;
        this.edit(start, start + this.blockFrom, redacted);
        pos = copied = start + this.blockFrom;
        this.blockFrom = undefined;
        continue;
      }
      if (redacted !== line) {
        out += text.slice(copied, start) + redacted;
        copied = contentEnd;
        this.edit(start, contentEnd, redacted);
      }
      pos = end;
    }
    // `out` may be empty or hold a closed key that began before this text ('' + text is text).
    if (copied === 0) return out + text;
    return copied < n ? out + text.slice(copied) : out;
  }

  /** Earliest position ≥ pos where a scanner hits, or -1. */
  private nextHit(text: string, pos: number): number {
    let best = -1;
    const scanners = this.rules.scanners;
    for (let i = 0; i < scanners.length; i += 1) {
      let next = this.scannerNext[i]!;
      if (next !== -1 && next < pos) next = this.scan(i, text, pos);
      if (next >= 0 && (best < 0 || next < best)) best = next;
    }
    // Nothing learned (the usual case): one check per hit, no scan.
    const learned = this.learned;
    if (learned !== undefined && learned.size > 0) {
      if (this.learnedVersion !== learned.version) {
        // The set grew since this text was scanned: scan again from here with the new values.
        this.learnedVersion = learned.version;
        this.learnedNext = -2;
      }
      let next = this.learnedNext;
      if (next !== -1 && next < pos) next = this.scanLearned(text, pos);
      if (next >= 0 && (best < 0 || next < best)) best = next;
    }
    return best;
  }

  /** Next hit of the learned values' scan from `from` (-1: none), recorded in learnedNext. */
  private scanLearned(text: string, from: number): number {
    const re = this.learned!.scan()!;
    re.lastIndex = from;
    const next = re.test(text) ? re.lastIndex - 1 : -1;
    this.learnedNext = next;
    return next;
  }

  /**
   * Runs scanner i from `from`; records and returns the next hit (-1: none). For the words scan
   * (overlap22, session 21), only a hit that ends past `reach` (markCandidates resumes inside the last hit).
   */
  private scan(i: number, text: string, from: number, reach = from): number {
    const scanner = this.rules.scanners[i]!;
    if (scanner.lead !== undefined || scanner.split !== undefined) {
      // speed19 (session 22): the marks scan, resumed inside its last hit, skips the hits that end within it (`reach`).
      for (let at = from; ; ) {
        const next = scanner.lead !== undefined ? this.scanFromLead(i, text, at) : this.scanSplit(i, text, at, scanner.split!);
        if (next < 0 || next + this.scannerHit[i]!.length > reach) return next;
        at = next + 1;
      }
    }
    const re = scanner.regex;
    if (scanner.overlapping === true) {
      // The words scan (word-scan.ts wordsHit): the automaton says where the regex starts; -2 (a word
      // starts beyond ASCII and the text is not ASCII): the regex alone looks.
      return this.recordHit(i, re, wordsHit(re, scanner.words, this.textKey, text, from, reach));
    }
    re.lastIndex = from;
    if (scanner.uniform && scanner.lineLocal) {
      // Only the line matters, and the hit's last character is on it: no match object needed.
      const next = re.test(text) ? re.lastIndex - 1 : -1;
      this.scannerNext[i] = next;
      return next;
    }
    let m = re.exec(text);
    // A zero-length match cannot name a line to redact; look further.
    while (m && m[0].length === 0) {
      re.lastIndex = m.index + 1;
      m = re.exec(text);
    }
    return this.recordHit(i, re, m);
  }

  /** Records scanner i's next hit `m` of `re` (none: -1) and returns where it starts. */
  private recordHit(i: number, re: RegExp, m: RegExpExecArray | null): number {
    const next = m ? m.index : -1;
    this.scannerNext[i] = next;
    if (m) {
      this.scannerHit[i] = m[0];
      this.scannerResume[i] = re.lastIndex;
    }
    return next;
  }

  /**
   * scan() for a split scanner: the earlier hit of its two halves. Where a match can start is
   * disjoint between them (scan-split.ts), so that is the whole regex's hit. A half's hit found
   * from an earlier position is still its first one from `from` when it is at or after `from`.
   */
  private scanSplit(i: number, text: string, from: number, halves: readonly [RegExp, RegExp]): number {
    let best = -1;
    let which = -1;
    for (let h = 0; h < 2; h += 1) {
      const k = 2 * i + h;
      let next = this.halfNext[k]!;
      if (next === -2 || this.halfFrom[k]! > from || (next >= 0 && next < from)) {
        const re = halves[h]!;
        re.lastIndex = from;
        let m = re.exec(text);
        while (m && m[0].length === 0) {
          re.lastIndex = m.index + 1;
          m = re.exec(text);
        }
        next = m ? m.index : -1;
        this.halfNext[k] = next;
        this.halfFrom[k] = from;
        if (m) {
          this.halfHit[k] = m[0];
          this.halfResume[k] = re.lastIndex;
        }
      }
      if (next >= 0 && (best < 0 || next < best)) {
        best = next;
        which = k;
      }
    }
    this.scannerNext[i] = best;
    if (best >= 0) {
      this.scannerHit[i] = this.halfHit[which]!;
      this.scannerResume[i] = this.halfResume[which]!;
    }
    return best;
  }

  /**
   * scan() for a scanner whose matches all start with one character: each occurrence found with
   * indexOf, the regex tried there (sticky). The first place it matches is where the regex, run
   * from `from`, would have matched first.
   */
  private scanFromLead(i: number, text: string, from: number): number {
    const scanner = this.rules.scanners[i]!;
    const { char, sticky } = scanner.lead!;
    for (let p = text.indexOf(char, from); p >= 0; p = text.indexOf(char, p + 1)) {
      sticky.lastIndex = p;
      const m = sticky.exec(text);
      if (m === null) continue;
      this.scannerNext[i] = p;
      this.scannerHit[i] = m[0];
      this.scannerResume[i] = sticky.lastIndex;
      return p;
    }
    this.scannerNext[i] = -1;
    return -1;
  }

  /**
   * Marks the rules concerned by every scanner hit in the current line ([start, contentEnd) of
   * `text`, its line break up to `end`); false when no rule was woken.
   */
  private markCandidates(text: string, start: number, contentEnd: number, end: number): boolean {
    const stamp = (this.lineStamp += 1);
    if (!this.prefilter) {
      this.candidate.fill(stamp);
      this.learnedStamp = stamp;
      return true;
    }
    let woken = false;
    if (this.learnedNext >= 0 && this.learnedNext < end) {
      this.learnedStamp = stamp;
      woken = true;
      this.scanLearned(text, end);
    }
    const scanners = this.rules.scanners;
    for (let i = 0; i < scanners.length; i += 1) {
      let next = this.scannerNext[i]!;
      const scanner = scanners[i]!;
      if (next >= 0 && next < end && scanner.confirm && ((scanner.mayConfirm !== undefined && !scanner.mayConfirm(text, start, contentEnd)) || !scanner.confirm.test(text.slice(start, contentEnd)))) {
        next = this.scan(i, text, end);
        continue;
      }
      while (next >= 0 && next < end) {
        const hit = this.scannerHit[i]!;
        const rules = scanner.rulesFor(hit);
        for (const r of rules.always) {
          this.candidate[r] = stamp;
          woken = true;
        }
        // Words that wake a rule only in some places (`auth.session` is no assigned key).
        for (const p of rules.placed) {
          if (this.candidate[p.rule] !== stamp && p.at(text, next, next + hit.length)) {
            this.candidate[p.rule] = stamp;
            woken = true;
          }
        }
        // overlap22 (session 21): the words scan resumes inside its hit, for a word that starts there and runs past it;
        // speed19 (session 22): the marks scan too.
        if (scanner.overlapping === true) next = this.scan(i, text, next + 1, next + hit.length);
        else next = this.scan(i, text, scanner.uniform ? end : this.scannerResume[i]!);
      }
    }
    return woken;
  }

  /**
   * Redacts one line. When the line opens a private-key block that does not close on it, only the
   * part up to the BEGIN marker is redacted as a line and `blockFrom` is set to where the key starts.
   */
  private redactLineOrOpenBlock(line: string, hasNewline: boolean): string {
    const block = this.rules.block;
    if (block && this.candidate[this.blockRuleIndex] === this.lineStamp && block.rule.trigger.test(line)) {
      const opened = openBlockAt(line, block.begin, block.end);
      if (opened !== undefined) {
        const out = this.redactLine(line.slice(0, opened), false);
        this.block = { lead: undefined, kept: '', keptComplete: true, hash: createHash('sha256'), tail: '', indent: undefined };
        this.blockFrom = opened;
        return out;
      }
    }
    const out = this.redactLine(line, hasNewline);
    if (hasNewline && this.pendingKind === undefined) this.pendingHeader = HEADER_NAME_LINE.exec(line)?.[1];
    return out;
  }

  /**
   * The value line after a header's name (HAR, JSON name/value lists): redacted as the header
   * itself, `"Cookie: a=b; c=d"`, so the header rules apply (cookie names kept, `Basic` kept), then
   * written back under its `"value":` key.
   */
  private redactHeaderValue(line: string, hasNewline: boolean): string {
    const header = this.pendingHeader!;
    this.pendingHeader = undefined;
    const m = HEADER_VALUE_LINE.exec(line);
    if (!m) return this.redactLine(line, hasNewline, true);
    const head = `${m[1]}"${header}: `;
    const out = this.redactLine(head + line.slice(m[0].length), hasNewline, true);
    return out.startsWith(head) ? m[0] + out.slice(head.length) : this.redactLine(line, hasNewline, true);
  }

  /**
   * Runs the rules the scanners woke (every rule when `all`) over one line without its newline, in
   * rule order. `hasNewline`: a next line follows, so a value may be opened for it.
   */
  private redactLine(line: string, hasNewline: boolean, all = false): string {
    let s = this.sink.mask(line);
    this.sink.startLine();
    const learned = this.learned;
    const learnedBefore = learned?.version;
    const rules = this.rules.rules;
    for (let i = 0; i < rules.length; i += 1) {
      const cr = rules[i]!;
      if (!all && this.candidate[i] !== this.lineStamp) continue;
      if (cr.trigger !== undefined && !cr.trigger.test(s)) continue;
      if (cr.gate && !cr.gate(s)) continue;
      // Judged before the patterns run: they may replace part of the opening line.
      const items = hasNewline && cr.itemsBlocks.length > 0 ? this.opensItems(cr, s) : undefined;
      const kind = items ? undefined : cr.opensValueOnNextLine?.(s);
      const patterns = cr.patterns;
      const base = this.patternIndex.base[i]!;
      for (let k = 0; k < patterns.length; k += 1) s = this.applyPattern(s, cr, patterns[k]!, base + k);
      if (items) this.itemBlock = { indent: /^[ \t]*/.exec(s)![0].length, items: undefined, rule: cr, spec: items };
      if (kind !== undefined && hasNewline) {
        this.pendingKind = kind;
        this.pendingRule = cr;
      }
    }
    // Last, so a value is counted under the rule that names it where one does; also where a rule
    // learned a value on this very line (a second occurrence after the named one).
    if (learned !== undefined && learned.size > 0 && (all || this.learnedStamp === this.lineStamp || learned.version !== learnedBefore)) s = this.applyLearned(s, learned);
    return this.sink.finishLine(this.sink.unmask(s));
  }

  private redactNextLineValue(line: string, hasNewline: boolean): string {
    const rule = this.pendingRule!;
    const kind = this.pendingKind!;
    this.pendingKind = undefined;
    this.pendingRule = undefined;
    const re = rule.rule.nextLineValue;
    const m = re?.exec(line);
    const value = m?.groups?.secret;
    let s = line;
    if (m && value && !isPlaceholder(value) && !isBenignValue(value) && !this.isAllowed(value)) {
      const [start, end] = this.sink.adjust(line, m.index + m[0].indexOf(value), m.index + m[0].indexOf(value) + value.length);
      s = line.slice(0, start) + this.replace(rule.rule.id, kind, line.slice(start, end), rule.identity) + line.slice(end);
    }
    return this.redactLine(s, hasNewline, true);
  }

  /** The block of items this line opens for rule `cr` (a YAML `users:` under a kubeconfig opens none), or undefined. */
  private opensItems(cr: CompiledRule, s: string): CompiledItemsBlock | undefined {
    for (const b of cr.itemsBlocks) {
      if (!b.open.test(s)) continue;
      if (b.end === undefined && KUBECONFIG_ABOVE.test(this.around.above?.(4096) ?? '')) continue;
      return b;
    }
    return undefined;
  }

  /**
   * A line while a block of items is open: the redacted line when it is one of the block's items (at the first
   * item's indentation), undefined when it is not (then it is an ordinary line; one indented less than the items
   * ends the block first).
   */
  private blockItem(line: string, hasNewline: boolean): string | undefined {
    const b = this.itemBlock!;
    const ib = b.spec;
    if (ib.end !== undefined) {
      // A block that lasts until its closing line: each line matching the item grammar is an item.
      if (ib.end.test(line)) {
        this.itemBlock = undefined;
        return undefined;
      }
      if (/^[ \t]*(?:[#;][^\r\n]*)?\r?$/.test(line)) return undefined;
      return this.takeItem(line, hasNewline, ib, b.rule);
    }
    if (/^[ \t]*(?:#[^\r\n]*)?\r?$/.test(line)) return undefined;
    const indent = /^[ \t]*/.exec(line)![0].length;
    const dash = /^[ \t]*-[ \t]/.test(line);
    if (b.items === undefined) {
      // YAML may write a list at its key's own indentation (`users:` ⏎ `- name: x`).
      if (indent < b.indent || (indent === b.indent && !dash)) {
        this.itemBlock = undefined;
        return undefined;
      }
      b.items = indent;
    } else if (indent < b.items) {
      this.itemBlock = undefined;
      return undefined;
    }
    if (indent !== b.items) return undefined;
    return this.takeItem(line, hasNewline, ib, b.rule);
  }

  /** An item line of an open block: redacted (its value replaced when it validates), or undefined when it is no item. */
  private takeItem(line: string, hasNewline: boolean, ib: CompiledItemsBlock, rule: CompiledRule): string | undefined {
    const m = ib.item.exec(line);
    const value = m?.groups?.secret ?? m?.groups?.key;
    if (!m || value === undefined) return undefined;
    let s = line;
    if (!isPlaceholder(value) && ib.validate(m, line) && !this.isAllowed(value)) {
      // The list item's value ends the match's text before its blanks; a map key starts it after its indentation.
      const at = m.index + (m.groups?.secret !== undefined ? m[0].lastIndexOf(value) : m[0].indexOf(value));
      const [start, end] = this.sink.adjust(line, at, at + value.length);
      s = line.slice(0, start) + this.replace(rule.rule.id, ib.kind, line.slice(start, end), rule.identity) + line.slice(end);
    }
    return this.redactLine(s, hasNewline, true);
  }

  /** Replaces learned values in a line (whole words, see learned-values.ts) with their first placeholder. */
  private applyLearned(s: string, learned: LearnedValues): string {
    let out = '';
    let last = 0;
    for (let m = learned.next(s, 0); m !== undefined; m = learned.next(s, m.end)) {
      if (insidePlaceholder(s, m.start, m.end) || !learned.accepts(s, m.start, m.end) || this.isAllowed(s.slice(m.start, m.end))) continue;
      const [start, end] = this.sink.adjust(s, m.start, m.end);
      if (start < last || end <= start) continue;
      out += s.slice(last, start) + this.replaceLearned(m.value, s.slice(start, end));
      last = end;
    }
    return last === 0 ? s : out + s.slice(last);
  }

  /** The placeholder the value got first (asked by its identity), counted under the rule that found it. */
  private replaceLearned(learned: LearnedValue, masked: string): string {
    this.sink.count(learned.rule);
    return this.sink.placeholder(learned.kind, this.sink.unmask(masked), learned.rule, learned.identity);
  }

  private isAllowed(value: string): boolean {
    const allow = this.rules.allow;
    for (let i = 0; i < allow.length; i += 1) if (allow[i]!.test(value)) return true;
    return false;
  }

  private replace(ruleId: string, kind: string, masked: string, identity: ((v: string) => string) | undefined): string {
    this.sink.count(ruleId);
    const value = this.sink.unmask(masked);
    return this.sink.placeholder(kind, value, ruleId, identity ? identity(value) : value);
  }

  /**
   * The patterns' literals looked up on a line (RuleSet.literals), per index (exact, folded): the
   * line, the text searched (lower-cased for folded), and per literal id the lookup's stamp and
   * answer. Each literal is looked up at most once per line (again only where a rule changed it),
   * whichever patterns ask; past the first few, all of the line's literals are marked at once.
   */
  private readonly lookups: [LiteralLookup, LiteralLookup];

  /**
   * speed26 (session 24): the patterns' sets inverted (pattern-index.ts), and per pattern slot the
   * lookup stamp under which the line was found to hold one of its anyOf / spelledOf literals.
   */
  private readonly patternIndex: PatternIndex;
  private readonly anyAt: Float64Array;
  private readonly spelledAt: Float64Array;

  /** Whether the line holds a literal of the pattern's set (true when it has none): without one the regex cannot match. */
  private mayMatch(s: string, p: CompiledPattern, slot: number): boolean {
    const ids = p.anyOf;
    if (ids === undefined) return true;
    const l = this.lookups[p.folded ? 1 : 0];
    if (s !== l.line) {
      l.line = s;
      l.text = p.folded ? s.toLowerCase() : s;
      l.looked = 0;
      l.marked = false;
      l.stamp += 1;
    }
    // speed26 (session 24): once the line's literals are marked, the walk's finds marked the patterns too.
    if (l.marked) return this.anyAt[slot] === l.stamp && (p.spelledOf === undefined || this.spelledAt[slot] === l.stamp);
    // speed19 (session 22): the rarer spelled set, asked only where the plain one holds (it has more members).
    return this.holdsOneOf(l, p, ids) && (p.spelledOf === undefined || this.holdsOneOf(l, p, p.spelledOf));
  }

  /** Whether the line holds one of the literals `ids` of the pattern's index (looked up in `l`, set for the line). */
  private holdsOneOf(l: LiteralLookup, p: CompiledPattern, ids: Int32Array): boolean {
    const { stamp, checked, held } = l;
    for (let k = 0; k < ids.length; k += 1) {
      const id = ids[k]!;
      if (checked[id] === stamp) {
        if (held[id] === 1) return true;
        continue;
      }
      // Marked: every literal of the line is (a literal not marked is not on the line).
      if (l.marked) continue;
      if (l.looked === LOOK_ONE_BY_ONE) {
        // A rule with many patterns and large sets: one walk over the line marks all its literals.
        l.index.mark(l.text, stamp, checked, held, l.found);
        l.marked = true;
        const side = p.folded ? 1 : 0;
        markUsers(this.patternIndex.any[side]!, l.found.ids, l.found.count, stamp, this.anyAt);
        markUsers(this.patternIndex.spelled[side]!, l.found.ids, l.found.count, stamp, this.spelledAt);
        if (checked[id] === stamp && held[id] === 1) return true;
        continue;
      }
      l.looked += 1;
      checked[id] = stamp;
      held[id] = l.text.includes(l.index.literals[id]!) ? 1 : 0;
      if (held[id] === 1) return true;
    }
    return false;
  }

  private applyPattern(s: string, cr: CompiledRule, p: CompiledPattern, slot: number): string {
    // Every match's line holds a literal of the set: without one the regex cannot match, and there is
    // nothing to do (without the prefilter every pattern runs: the reference for this shortcut too).
    if (this.prefilter && !this.mayMatch(s, p, slot)) return s;
    const re = p.regex;
    re.lastIndex = 0;
    let m = re.exec(s);
    if (m === null) return s;
    let out = '';
    let last = 0;
    const rule = cr.rule;
    do {
      if (m[0].length === 0) {
        re.lastIndex = m.index + 1;
        continue;
      }
      if ((p.validate && !p.validate(m, s, this.around)) || (p.context && !hasContext(p.context, m, s, this.around))) {
        // Rejected: look again from the next character, a shorter candidate may start inside.
        re.lastIndex = m.index + 1;
        continue;
      }
      if (this.isAllowed(m[0])) continue;
      if (p.targets === undefined) {
        if (isPlaceholder(m[0])) continue;
        const [start, end] = this.sink.adjust(s, m.index, m.index + m[0].length);
        if (start < last || end <= start) continue;
        out += s.slice(last, start) + this.replace(rule.id, p.kind?.(m) ?? rule.placeholder, s.slice(start, end), cr.identity);
        last = end;
        continue;
      }
      const groups = m.indices?.groups;
      if (!groups) continue;
      for (const t of p.targets) {
        const found = groups[t.group];
        if (!found || found[1] <= found[0] || found[0] < last) continue;
        const span = valueSpan(s, found[0], found[1]);
        if (span[1] <= span[0]) continue;
        const value = s.slice(span[0], span[1]);
        if (isPlaceholder(value) || touchesPlaceholder(s, span[0], span[1]) || this.isAllowed(value)) continue;
        const [start, end] = this.sink.adjust(s, span[0], span[1]);
        if (start < last || end <= start) continue;
        out += s.slice(last, start) + this.replace(rule.id, t.kind ?? p.kind?.(m) ?? rule.placeholder, s.slice(start, end), cr.identity);
        last = end;
      }
    } while ((m = re.exec(s)) !== null);
    return last === 0 ? s : out + s.slice(last);
  }

  /** Drops key material up to the END marker (or to the end of this text). */
  private consumeBlock(text: string, pos: number): { out: string; pos: number } {
    const b = this.block!;
    const end = this.rules.block!.end;
    end.lastIndex = pos;
    const m = end.exec(text);
    const stop = m ? m.index : text.length;
    this.addBody(b, text.slice(pos, stop));
    if (!m) return { out: '', pos: text.length };
    return { out: this.closeBlock(), pos: stop };
  }

  private addBody(b: OpenBlock, body: string): void {
    if (body.length === 0) return;
    if (b.lead === undefined) {
      const m = /^(\r?\n)([ \t]*)/.exec(body);
      b.lead = m?.[1] ?? '';
      b.indent = m?.[2] ?? '';
    }
    const compact = body.replace(/\s+/g, '');
    b.hash.update(compact);
    if (b.keptComplete) {
      if (b.kept.length + body.length <= BLOCK_KEEP) {
        b.kept += body;
        // Each line of a key is worth looking for in the leak check on its own.
        for (const piece of body.split(/\r?\n/)) if (piece.trim().length >= 16) this.sink.seen(piece.trim());
      } else {
        b.keptComplete = false;
      }
    }
    b.tail = (b.tail + body).slice(-80);
  }

  private closeBlock(): string {
    const b = this.block!;
    this.block = undefined;
    const rule = this.rules.block!.rule;
    const compact = b.kept.replace(/\s+/g, '');
    const identity = b.keptComplete ? compact : `sha256:${b.hash.digest('hex')}`;
    const value = b.keptComplete ? b.kept.trim() : `${b.kept.trim()}…`;
    this.sink.count(rule.id);
    // Through start/finishLine like any line, so the placeholder is encoded for the item's format.
    this.sink.startLine();
    const placeholder = this.sink.placeholder(rule.placeholder, value, rule.id, identity);
    const lead = b.lead ?? '';
    // The END marker keeps the indentation it had (`    -----END …` inside a YAML block).
    const end = /(\r?\n)([ \t]*)$/.exec(b.tail);
    const trail = end ? end[1]! + end[2]! : lead;
    return this.sink.finishLine(`${lead}${lead ? b.indent ?? '' : ''}${placeholder}${trail}`);
  }
}

// HAR and other JSON name/value lists of HTTP headers: the name, then its value on the next line.
const HEADER_NAME_LINE = /^[ \t]*"name"[ \t]*:[ \t]*"((?:proxy-)?authori[sz]ation|(?:set-)?cookie|x-[\w-]*(?:key|token|auth|secret|session)[\w-]*|api-?key|private-token|access-token|auth-token)"[ \t]*,?[ \t]*\r?$/i;
const HEADER_VALUE_LINE = /^([ \t]*)"value"[ \t]*:[ \t]*"/;

/** HEADER_NAME_LINE's header name for the line [start, end) of `text` (sliced only when it starts with `"`). */
function headerNameAt(text: string, start: number, end: number): string | undefined {
  let i = start;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i += 1;
  return text.charCodeAt(i) === 34 ? HEADER_NAME_LINE.exec(text.slice(start, end))?.[1] : undefined;
}

const PLACEHOLDER_AT = new RegExp(PLACEHOLDER_PATTERN.source, 'y');
const PLACEHOLDER_BEFORE = new RegExp(`${PLACEHOLDER_PATTERN.source}$`);
// Placeholders of values with a shape of their own (the phone rule's digits, an e-mail's `@`).
const HAN_BEFORE_SHAPED = /^<(?:PHONE|EMAIL|CNID|CARD)-\d/;

/** Whether [start, end) of `s` is Han characters only. */
function isHanRun(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0x4e00 || c > 0x9fa5) return false;
  }
  return end > start;
}

const SHELL_DEFAULT_BEFORE = /\$\{[A-Za-z_][\w.-]{0,80}:$/;
const VARIABLE_REFERENCE = /^\$\{?[A-Za-z_]\w*\}?$/;
/** Chinese punctuation and the ideographic space: where prose goes on after a value. */
const CJK_STOP = /[，。；、！？\u3000]/;

/**
 * The value a rule's group took, without what only stands around it:
 *  - the `-` or `=` of a shell default, `${DB_PASS:-s3cret}` (docker-compose, shell): the default is
 *    `s3cret`, and `${DB_PASS:-<SECRET-1>}` still reads as the expansion it was (a default that is
 *    another variable, `${DB_PASS:-$FALLBACK}`, is no value: the span comes back empty);
 *  - the Chinese prose after a value that runs to the line's end (`密码 730519，乙方签字确认。`): a value
 *    of ASCII characters stops at the first ，。；、！？ or ideographic space (a value holding Han
 *    characters is left whole: there the punctuation may be part of it).
 */
function valueSpan(s: string, start: number, end: number): [number, number] {
  const c = s.charCodeAt(start);
  if ((c === 45 /* - */ || c === 61) /* = */ && s.charCodeAt(start - 1) === 58 /* : */ && SHELL_DEFAULT_BEFORE.test(s.slice(Math.max(0, start - 84), start))) {
    start += 1;
    // A default that is another variable (`${DB_PASS:-$FALLBACK}`) is a reference, no value: nothing to take.
    if (VARIABLE_REFERENCE.test(s.slice(start, end))) return [start, start];
  }
  const stop = CJK_STOP.exec(s.slice(start, end));
  if (stop !== null && stop.index > 0) {
    let cut = start + stop.index;
    while (cut > start && (s.charCodeAt(cut - 1) === 32 || s.charCodeAt(cut - 1) === 9)) cut -= 1;
    let ascii = cut > start;
    for (let i = start; ascii && i < cut; i += 1) {
      const code = s.charCodeAt(i);
      if (code < 0x20 || code > 0x7e) ascii = false;
    }
    if (ascii) end = cut;
  }
  return [start, end];
}

/**
 * A value glued to a placeholder is the leftover of a value an earlier rule already took
 * (`sessionid=` before `<TOKEN-1>`): replacing it again would only hide structure.
 */
function touchesPlaceholder(s: string, start: number, end: number): boolean {
  if (s.charCodeAt(end) === 60 /* < */) {
    PLACEHOLDER_AT.lastIndex = end;
    // Chinese writes no blank between a name and its phone number (`联系人俞国华13651992984`): a
    // name in Han characters before a phone's or an address's placeholder is no leftover of it.
    if (PLACEHOLDER_AT.test(s) && !(HAN_BEFORE_SHAPED.test(s.slice(end, end + 8)) && isHanRun(s, start, end))) return true;
  }
  return s.charCodeAt(start - 1) === 62 /* > */ && PLACEHOLDER_BEFORE.test(s.slice(Math.max(0, start - 40), start));
}

/** Whether [start, end) of `s` lies inside one of our placeholders (a learned `user` in `<USER-1>`). */
function insidePlaceholder(s: string, start: number, end: number): boolean {
  const open = s.lastIndexOf('<', start);
  if (open < 0 || start - open > 32) return false;
  const close = s.indexOf('>', end);
  return close >= 0 && close - open < 48 && isPlaceholder(s.slice(open, close + 1));
}

/** Offset just after the last BEGIN marker of a line that no END follows; undefined if none. */
function openBlockAt(line: string, begin: RegExp, end: RegExp): number | undefined {
  let opened: number | undefined;
  begin.lastIndex = 0;
  for (let m = begin.exec(line); m !== null; m = begin.exec(line)) {
    const after = m.index + m[0].length;
    end.lastIndex = after;
    opened = end.test(line) ? undefined : after;
    begin.lastIndex = after;
  }
  return opened;
}
