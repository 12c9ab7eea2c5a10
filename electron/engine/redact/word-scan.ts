/**
 * The words scan's search, in WebAssembly (most logs are ASCII, but not only those).
 *
 * The words scan (rule-set.ts) is one case-insensitive regex over every rule's wake words, a
 * prefix tree of ~300 literals. Nearly every position of a log starts with a letter one of them
 * starts with, so V8 tries the tree at each of them: ~23 % of the redactor's CPU on the bench's logs.
 *
 * Here the same words are an Aho–Corasick automaton walked byte by byte by the leak check's loop
 * (leak-scan.wat: one load of the byte's class and one of the next row per byte). It says where
 * the first word occurrence from a position ends; the regex then runs from where its first match
 * can start at the earliest (startFrom), and returns what it would have returned from the position
 * itself: every match of the regex is an occurrence of a word, found by the automaton where it
 * ends, so no match ends before the first one the automaton finds. The match that starts first
 * has read, up to that end, a prefix of its word: a suffix of the text that is a path of the prefix
 * tree, so no longer than the automaton's state there (its depth, the longest such suffix). The
 * regex starts that depth before the end (on the bench's logs, the word itself: not the longest
 * word's length, 22 characters, of which all but a few are tried for nothing at each of the ~5 000
 * words per MB). The regex keeps the last word: which match, how long, and so what the scan hits,
 * is the regex's, unchanged.
 *
 * Under the regex's `i` flag (not `u`) an ASCII character only matches an ASCII one, the same
 * letter in either case, and a character beyond ASCII never matches an ASCII one. On ASCII text a
 * character is its byte. Text with other characters (a chunk with one `“` or Han character in it,
 * where the words regex alone tried its tree at every position) is copied one byte per UTF-16 unit,
 * so positions stay the same and every ASCII run is read as it is: where such characters are few,
 * as Latin-1 (a native copy; a character's low byte may then read as a letter, which can only add
 * word ends: the regex, started earlier than needed, still finds its own first match), else each
 * as byte 0x80, which no word holds (a Chinese log would otherwise wake the regex on false ends).
 *
 * A word with a character beyond ASCII (`user：`) cannot occur in ASCII text. In other text, its
 * ASCII prefix (`user`) stands for it in the automaton: every occurrence of the word starts with an
 * occurrence of the prefix, so no match ends before the first word end found, and a match starting
 * before that end has read a prefix of the prefix there, which the depth covers as above. A word
 * that starts beyond ASCII has no such prefix: those few words (`锁屏`, `đường`) are one small regex
 * of their own, asked only on text beyond ASCII, and the regex starts at the earlier of its first
 * occurrence and the automaton's (lead23, session 23: before, one such word sent all text beyond
 * ASCII to the words regex alone, a 14 000-character tree tried at every position of a Chinese log).
 */
import { scanLoop, type ScanLoop } from './leak-scan.js';

/** Automata by their words: one per distinct set in the process (each holds ~0.5 MB of WebAssembly memory). */
const built = new Map<string, WordScan | undefined>();
const BUILT_LIMIT = 16;

/**
 * The shared WordScan of `words` (the literal texts of a case-insensitive regex, as written in it),
 * built on first use; undefined when it does not fit (see WordScan.build).
 */
export function wordScanOf(words: readonly string[]): WordScan | undefined {
  const key = words.join('\n');
  if (built.has(key)) return built.get(key);
  if (built.size >= BUILT_LIMIT) built.clear();
  const scan = WordScan.build(words);
  built.set(key, scan);
  return scan;
}

/** A fresh key for endFrom: one per text an engine scans, unique in the process. */
let lastKey = 0;
export const nextTextKey = (): number => (lastKey += 1);

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** The longest ASCII prefix of `word`. */
function asciiPrefix(word: string): string {
  let i = 0;
  while (i < word.length && word.charCodeAt(i) <= 127) i += 1;
  return word.slice(0, i);
}

/** Text with fewer than one character beyond ASCII in this many is copied as Latin-1 (see endFrom). */
const FEW_WIDE = 64;

/** The byte that stands for a character beyond ASCII: its class is 0, no word holds it. */
const WIDE_BYTE = 0x80;

/** Copies [start, start + length) of `text` into `into`, one byte per UTF-16 unit (ASCII as itself, the rest as WIDE_BYTE). */
function copyFolded(text: string, start: number, length: number, into: Uint8Array): void {
  for (let k = 0; k < length; k += 1) {
    const c = text.charCodeAt(start + k);
    into[k] = c <= 127 ? c : WIDE_BYTE;
  }
}

/**
 * The loop's cells from the transition table: a cell holds the next state's row address, or
 * `~state` where a word ends (the loop stops there). A function of its own (speed17, session 20):
 * inline in build, with the row address a closure over the loop, these ~450 000 writes were most
 * of the build (60–450 ms on a loaded machine; the build runs once, so mostly not optimised).
 */
function fillCells(next: Int32Array, ends: Uint8Array, cells: Int32Array, base: number, rowBytes: number): void {
  const n = next.length;
  for (let k = 0; k < n; k += 1) {
    const t = next[k]!;
    cells[k] = ends[t] === 1 ? ~t : base + t * rowBytes;
  }
}

/** `word` as a regex source matching it literally. */
const escapeLiteral = (word: string) => word.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** Upper case of an ASCII code (the regex's case folding for ASCII under `i`). */
const upper = (c: number) => (c >= 97 && c <= 122 ? c - 32 : c);

export class WordScan {
  /** The text whose bytes are in the loop's input (by the key the engine gives), and where. */
  private key = -1;
  private ascii = false;
  /** For text beyond ASCII: whether such characters are rare in it (copied as Latin-1, see endFrom). */
  private fewWide = false;
  private winStart = 0;
  private winLen = 0;
  private readonly encoder = new TextEncoder();
  private readonly latin1: Buffer;

  private constructor(
    private readonly loop: ScanLoop,
    private readonly root: number,
    /** The longest word, in characters. */
    readonly maxLength: number,
    /** Per state: its depth in the prefix tree (the length of the text suffix it stands for). */
    private readonly depths: Int32Array,
    /** The bytes of one row of the loop's table (a state's row is at root + state × rowBytes). */
    private readonly rowBytes: number,
    /** The most characters a word runs past its ASCII prefix (0 when every word is ASCII; see endFrom's `reach`). */
    private readonly wideTail: number,
    /** The words that start beyond ASCII, as one regex (the words regex's flags), or undefined when there are none (see startFrom). */
    private readonly leadWide?: RegExp,
    /** Per state: 1 where a word of ASCII text ends there (a prefix of a word beyond ASCII is no word in ASCII text). */
    private readonly realEnds?: Uint8Array,
  ) {
    this.latin1 = Buffer.from(loop.input.buffer, loop.input.byteOffset, loop.input.length);
  }

  /** After endFrom found a word end: the automaton's depth there (see startFrom). */
  private depth = 0;

  /**
   * The automaton of `words` (literal texts, matched case-insensitively), or undefined when it
   * would not fit the loop's memory (the regex alone is then used).
   */
  static build(words: readonly string[]): WordScan | undefined {
    const nonEmpty = words.filter((w) => w.length > 0);
    // The ASCII prefixes of the other words stand for them in text beyond ASCII (see the module).
    const prefixes = nonEmpty.filter((w) => !isAscii(w)).map(asciiPrefix);
    // lead23 (session 23): a word that starts beyond ASCII (`锁屏`, `đường`) has no prefix to stand for it: such words
    // are found by a small regex of their own (leadWide), and the automaton still reads the other text beyond ASCII.
    const leading = nonEmpty.filter((w) => asciiPrefix(w).length === 0);
    const ascii = [...new Set([...nonEmpty.filter(isAscii), ...prefixes.filter((p) => p.length > 0)])];
    // Classes: one per ASCII character that occurs in a word (both cases of a letter share it); 0 for the rest.
    const classOf = new Uint8Array(256);
    let classes = 1;
    for (const w of ascii) {
      for (let j = 0; j < w.length; j += 1) {
        const u = upper(w.charCodeAt(j));
        if (classOf[u] === 0) {
          classOf[u] = classes;
          if (u >= 65 && u <= 90) classOf[u + 32] = classes;
          classes += 1;
        }
      }
    }
    // The prefix tree of the words, then its failure links (breadth first) and the full transition table.
    // speed17 (session 20): in one typed table, a row of `classes` cells per state, filled in place
    // (a child, then where the automaton goes), not a Map of children per state: the build read
    // states × classes Map entries (~15 000 × 50 for the default rule set), 35–75 ms of every
    // collection's start (several hundred on a loaded machine). Same states, same numbers, same table.
    let bound = 1;
    for (const w of ascii) bound += w.length;
    const table = new Int32Array(bound * classes);
    const depthOf = new Int32Array(bound);
    const endsAt = new Uint8Array(bound);
    // Where a word of ASCII text ends (not only a prefix standing for a word beyond ASCII): ASCII text reads only these.
    const realAt = new Uint8Array(bound);
    const real = new Set(nonEmpty.filter(isAscii));
    let states = 1;
    for (const w of ascii) {
      let s = 0;
      for (let j = 0; j < w.length; j += 1) {
        const cell = s * classes + classOf[w.charCodeAt(j)]!;
        let t = table[cell]!;
        // 0 is the root, never a child: no child yet.
        if (t === 0) {
          t = states;
          states += 1;
          table[cell] = t;
          depthOf[t] = depthOf[s]! + 1;
        }
        s = t;
      }
      endsAt[s] = 1;
      if (real.has(w)) realAt[s] = 1;
    }
    const depths = depthOf.slice(0, states);
    const next = table.subarray(0, states * classes);
    const fail = new Int32Array(states);
    // Breadth first: a state's failure state is shallower, so its row is complete when the state's is filled.
    const queue = new Int32Array(states);
    let tail = 0;
    for (let c = 1; c < classes; c += 1) if (next[c]! !== 0) queue[tail++] = next[c]!;
    for (let q = 0; q < tail; q += 1) {
      const s = queue[q]!;
      const f = fail[s]!;
      if (endsAt[f] === 1) endsAt[s] = 1;
      if (realAt[f] === 1) realAt[s] = 1;
      const row = s * classes;
      const failRow = f * classes;
      for (let c = 0; c < classes; c += 1) {
        const t = c === 0 ? 0 : next[row + c]!;
        if (t === 0) {
          next[row + c] = next[failRow + c]!;
        } else {
          fail[t] = next[failRow + c]!;
          queue[tail++] = t;
        }
      }
    }
    const ends = endsAt;
    let loop: ScanLoop;
    try {
      loop = scanLoop(states * classes);
    } catch {
      return undefined;
    }
    loop.classOf.set(classOf);
    fillCells(next, ends, loop.cells, loop.denseBase, classes * 4);
    const wideTail = Math.max(0, ...nonEmpty.filter((w) => !isAscii(w) && asciiPrefix(w).length > 0).map((w) => w.length - asciiPrefix(w).length));
    const leadWide = leading.length > 0 ? new RegExp(leading.map(escapeLiteral).join('|'), 'gi') : undefined;
    return new WordScan(loop, loop.denseBase, Math.max(0, ...ascii.map((w) => w.length)), depths, classes * 4, wideTail, leadWide, realAt.slice(0, states));
  }

  /**
   * Where the first word occurrence in `text` at or after `from` ends (the index of its last
   * character) at or after `reach` (overlap22: the words scan resumes inside its last hit and only
   * wants a word that runs past it; `reach` ≤ `from` asks for every end), or -1 when there is none. In text beyond ASCII, a word end
   * may also be that of a word's ASCII prefix (see the module), and words that start beyond ASCII
   * are not read here (startFrom asks their own regex).
   * `key` (nextTextKey) names the text: the same key promises the same text (its bytes are copied
   * once per window). Engines share an automaton: another key in between just copies again.
   */
  endFrom(key: number, text: string, from: number, reach = from): number {
    if (key !== this.key) {
      this.key = key;
      // Equal lengths in UTF-16 and UTF-8: every character is ASCII. Otherwise the difference
      // counts the characters beyond ASCII (1 or 2 per UTF-16 unit).
      const extra = Buffer.byteLength(text, 'utf8') - text.length;
      this.ascii = extra === 0;
      this.fewWide = extra * FEW_WIDE < text.length;
      this.winStart = 0;
      this.winLen = 0;
    }
    // In text beyond ASCII a word's end is read where its ASCII prefix ends, up to wideTail earlier.
    const least = this.ascii ? reach : reach - this.wideTail;
    const loop = this.loop;
    const n = text.length;
    let at = this.root;
    let i = from;
    while (i < n) {
      if (i < this.winStart || i >= this.winStart + this.winLen) {
        this.winStart = i;
        this.winLen = Math.min(loop.block, n - i);
        if (this.ascii) this.encoder.encodeInto(text.slice(i, i + this.winLen), loop.input);
        else if (this.fewWide) this.latin1.write(text.slice(i, i + this.winLen), 0, this.winLen, 'latin1');
        else copyFolded(text, i, this.winLen, loop.input);
      }
      const end = this.winLen;
      const stop = loop.run1(at, i - this.winStart, end, 0);
      if (stop < end) {
        // The loop stopped on a cell `~state` (a word ends in that state).
        const state = ~loop.out[0]!;
        if (this.winStart + stop >= least && (!this.ascii || this.realEnds === undefined || this.realEnds[state] === 1)) {
          this.depth = this.depths[state]!;
          return this.winStart + stop;
        }
        // A word inside the last hit (overlap22): walk on from that state, past the character read.
        at = this.root + state * this.rowBytes;
        i = this.winStart + stop + 1;
        continue;
      }
      at = loop.out[0]!;
      i = this.winStart + end;
    }
    return -1;
  }

  /**
   * Where the words regex's first match at or after `from` that ends past `reach` starts at the
   * earliest (the first word end at or after `reach` minus the automaton's depth there, plus one:
   * that match's word has been read from its start up to there, a path of the prefix tree), or -1 when there is none; in text beyond ASCII, the earlier of that
   * and the first word starting beyond ASCII (leadWide). Same `key` promise as endFrom.
   */
  startFrom(key: number, text: string, from: number, reach = from): number {
    const end = this.endFrom(key, text, from, reach);
    const start = end < 0 ? end : Math.max(from, end - this.depth + 1);
    // A word starting beyond ASCII occurs only in text beyond ASCII; its regex says where the first
    // one (ending past `reach`) starts, and the scan starts at the earlier of the two.
    if (this.ascii || this.leadWide === undefined) return start;
    const lead = this.leadStart(key, text, from, reach);
    if (lead < 0) return start;
    return start < 0 ? lead : Math.min(start, lead);
  }

  /** The last leadWide occurrence found: for which text, searched from where, found where (-1: none), and where it ends. */
  private lead = { key: -1, from: 0, reach: 0, at: -1, end: 0 };

  /** Where the first word starting beyond ASCII at or after `from` that ends past `reach` starts, or -1. */
  private leadStart(key: number, text: string, from: number, reach: number): number {
    const l = this.lead;
    // The occurrence found from an earlier `from` is still the first from here when it starts at or after here
    // (or, with none found, when none can be); it must also end past `reach`.
    if (l.key === key && l.from <= from && l.reach <= reach && (l.at === -1 || (l.at >= from && l.end > reach))) return l.at;
    const re = this.leadWide!;
    re.lastIndex = from;
    let m = re.exec(text);
    while (m !== null && m.index + m[0].length <= reach) {
      re.lastIndex = m.index + 1;
      m = re.exec(text);
    }
    this.lead = { key, from, reach, at: m === null ? -1 : m.index, end: m === null ? 0 : m.index + m[0].length };
    return this.lead.at;
  }
}

/**
 * overlap22 (session 21): the words scan's next hit, the engine's and the tests' one definition. From `from`, the
 * first position where a word of `re` (the words regex: a prefix tree, so its match at a position is the longest word
 * there) starts and runs past `reach` (exclusive end > reach; `reach` = `from` asks for any hit). The engine resumes a
 * hit [s, e) with from = s + 1, reach = e: every word that starts inside the hit and runs past it is reported (the
 * words inside it are the hit's own, rulesFor). With `scan` (the automaton of the same words) the regex starts where
 * the automaton says (startFrom); without it, the regex alone gives the same hit (word-scan.test.ts holds both equal).
 */
export function wordsHit(re: RegExp, scan: WordScan | undefined, key: number, text: string, from: number, reach = from): RegExpExecArray | null {
  let start = from;
  if (scan !== undefined) {
    const s = scan.startFrom(key, text, from, reach);
    if (s === -1) return null;
    if (s >= 0) start = s;
  }
  re.lastIndex = start;
  let m = re.exec(text);
  while (m !== null && (m[0].length === 0 || m.index + m[0].length <= reach)) {
    re.lastIndex = m.index + 1;
    m = re.exec(text);
  }
  return m;
}
