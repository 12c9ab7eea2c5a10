/**
 * The last look before anything leaves the machine: the finished archive is scanned for this
 * machine's identifiers and the secrets the rules found (the Redactor's seen values). A hit means
 * a value a rule hid in one place still stands somewhere else — an item that was not redacted
 * (binary, or redaction off) or a form the rules missed. A value counts only where it stands as a
 * token (see LeakMatcher): a learned `insta` inside `install` is no leak, and the mend step
 * (mend.ts) replaces exactly the occurrences counted here.
 *
 * One pass over the bytes, whatever the number of values: all values go into one Aho–Corasick
 * automaton over bytes (ASCII letters folded), so each byte of the archive costs one table lookup.
 * Its state carries over from chunk to chunk, so a value split across two chunks is found without
 * keeping any overlap, and memory does not grow with the archive. npm's Aho–Corasick packages
 * match JavaScript strings; using them would mean decoding and lower-casing every chunk and
 * losing the state at chunk boundaries, which costs more than the search itself.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { closeZip, openZip, zipEntries } from '../archive/zip-read.js';
import { YoungGarbage } from '../platform/young-garbage.js';
import { scanLoop, type ScanLoop } from './leak-scan.js';
import { isProse } from './common-words.js';
import { RULES } from './rules.js';

export interface LeakHit {
  /** The entry that holds the value. */
  entry: string;
  /** 1-based line of the first occurrence in that entry. */
  line: number;
  /** Which value, masked (first and last character): never printed whole. */
  masked: string;
}

/** A hit with its value in the clear (in memory only: the mend step looks for it). */
export interface LeakValueHit {
  entry: string;
  line: number;
  value: string;
}

/** A hit as the matcher finds it: which value (index), its line, and the entry offset just past its end − 1. */
export interface RawHit {
  value: number;
  line: number;
  at: number;
}

export interface LeakScanOptions {
  /** Stops the scan (rejects with the signal's reason), e.g. at the run's deadline. */
  signal?: AbortSignal;
  /** Scan only these entries (the mend step verifies the entries it rewrote); default: all. */
  entries?: ReadonlySet<string>;
}

/** Values shorter than this are not looked for: they would match everywhere. */
const MIN_VALUE_LENGTH = 4;
/**
 * A Han name of three characters (`龚雅婷`, nine UTF-8 bytes) is as distinctive as four Latin
 * letters, but shorter than MIN_VALUE_LENGTH: without this a name written before the line that
 * named it (the stream had not learned it yet) reached the archive unnoticed. Two-character names
 * are not looked for: as a substring they stand inside ordinary words.
 */
const HAN_NAME = /^[\u4e00-\u9fa5]{3}$/;

/**
 * The archive's own words: placeholder kinds (`<SECRET-1>`) and rule ids (manifest.json's
 * `secret-assignment` counts), lower case. A hidden value inside one of them (a password that is
 * literally `secret`, as in Debian's openssl.cnf) would be "found" in every entry holding such a
 * placeholder or count — the mend then rewrote `<SECRET-1>` into `<<SECRET-1>-1>`, found it again
 * and blocked the upload. Such a value is a dictionary word: not looked for.
 */
const ARCHIVE_WORDS: readonly string[] = [...new Set(RULES.flatMap((rule) => [rule.id, rule.placeholder]).map((word) => word.toLowerCase()))];

/**
 * The fixed user names token URLs carry (`https://oauth2:<token>@gitlab…`, GitHub's
 * `x-access-token`, Bitbucket's `x-token-auth`, `gitlab-ci-token`): the URL rule hides them with
 * the token, but they name no one and stand in every such URL and in OAuth paths (`/oauth2/token`).
 */
const FIXED_URL_USERS = new Set(['oauth2', 'x-access-token', 'x-token-auth', 'gitlab-ci-token']);

/**
 * Whether a seen value (trimmed) is looked for. A common word (`default`, `report` as a URL's user)
 * or a fixed URL user is not: it stands in every log as a word, so each hit would be a false alarm
 * and the mend would rewrite `default:` or `C:\Users\Default` into a placeholder. The stream does
 * not learn common words either (learned-values.ts): both follow common-words.ts.
 */
// realfp (session 18): nor a phrase of common words (`Backport upstream patch to`, `debian-release`), nor a
// word in a sentence's punctuation (`option.`, `<user`): both stand in every changelog and manual.
// lead (session 19): nor a number of fewer than six digits (a PIN `pin-value=1234`, a short code): as a
// substring it stands in every port, year, pid and duration (`port 1234`, `2026-12-05`), and the mend
// then rewrote `took 1234 ms` in other entries — a false alarm, never a leak worth blocking an upload.
const SHORT_NUMBER = /^\d{1,5}$/;
const worthLookingFor = (value: string) => (value.length >= MIN_VALUE_LENGTH || HAN_NAME.test(value)) && !SHORT_NUMBER.test(value) && !isProse(value) && !FIXED_URL_USERS.has(value.toLowerCase()) && !ARCHIVE_WORDS.some((word) => word.includes(value.toLowerCase()));

/** `a***e` — enough for the user to recognise the value, not enough to leak it again. */
export function maskValue(value: string): string {
  const chars = [...value];
  return chars.length <= 2 ? '*'.repeat(chars.length) : `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 8))}${chars.at(-1)}`;
}

/**
 * The values worth looking for: at least 4 characters (a Han name 3), minus those the user typed into the
 * intake (a contact e-mail given on purpose for support is not a leak).
 */
export function leakCandidates(seen: Iterable<string>, intakeText: string): string[] {
  const intake = intakeText.toLowerCase();
  const out = new Set<string>();
  for (const v of seen) {
    const value = v.trim();
    if (worthLookingFor(value) && !intake.includes(value.toLowerCase())) out.add(value);
  }
  return [...out];
}

/**
 * Transition-table cells (4 bytes each) for the dense rows: 1 MB, which stays in the CPU's cache
 * (8 MB scanned no faster, and held that memory for the whole check). The states nearest the
 * start, where a scan spends nearly all its time, get a full row (one lookup per byte); deeper
 * states, which almost always have a single way on, keep only their edges and a failure link. So
 * memory stays bounded whatever the number of values, and every value is searched in one pass.
 */
const DENSE_CELLS = 256 * 1024;

/** ASCII upper case → lower case; every other byte stays itself (non-ASCII compares exactly). */
const foldByte = (b: number) => (b >= 0x41 && b <= 0x5a ? b + 32 : b);

/** An ASCII letter, digit or underscore (a "word" byte; −1, no byte, is not one). */
export const isWordByte = (b: number) => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f;

/**
 * Called for each value that ends in a chunk: whether the state must be reported again (the value
 * was new in this entry, or this occurrence did not count: it stands inside a longer word, or the
 * byte after it is not known yet). False only when the value was already found in this entry.
 */
type OnMatch = (needle: number, newlines: number, endIndex: number) => boolean;

/** Chunks at least this long are searched as two lanes (see Automaton.scan). */
const LANE_MIN_BYTES = 4096;

/**
 * A byte-level Aho–Corasick automaton over byte classes (only bytes that occur in some value get
 * their own class; the rest share one). States are numbered breadth-first, so the dense ones (a
 * full row each) are exactly those below `denseCount`, and a failure link always points lower.
 */
class Automaton {
  private readonly classOf = new Uint8Array(256);
  private readonly classCount: number;
  private readonly denseCount: number;
  /**
   * `dense[state * classCount + class]`: the next state, for states below `denseCount`; a view of
   * the scan loop's memory (see leak-scan.wat for what a cell holds once built).
   */
  private readonly dense: Int32Array;
  private readonly loop: ScanLoop;
  /** A dense row's length in bytes, and the address of row 0 in the loop's memory. */
  private readonly rowBytes: number;
  private readonly denseBase: number;
  /** The trie as first child / next sibling (−1: none), with the class of the edge into each state. */
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  private readonly label: Int32Array;
  private readonly fail: Int32Array;
  /** 1 when a value ends at the state or at one of its suffix states. */
  private readonly hasOutput: Uint8Array;
  /** The needle ending exactly at a state (−1: none; the needles are distinct), and the next suffix state where one ends (−1: none). */
  private readonly endsHere: Int32Array;
  private readonly outputLink: Int32Array;

  constructor(needles: readonly Uint8Array[], denseCells = DENSE_CELLS) {
    // Classes numbered in order of first occurrence (a Map per byte cost ~3 ms for 10 000 values).
    // At most 231 (ASCII capitals fold), so a class fits the scan loop's byte table.
    const classByFolded = new Uint8Array(256);
    let classes = 1;
    for (const n of needles) for (let j = 0; j < n.length; j += 1) if (classByFolded[n[j]!] === 0) classByFolded[n[j]!] = classes++;
    for (let b = 0; b < 256; b += 1) this.classOf[b] = classByFolded[foldByte(b)]!;
    const k = (this.classCount = classes);

    // 1. The trie, built from the needles in sorted order: a needle shares with the trie exactly
    // its common prefix with the needle before it, so no map of edges is needed (one held
    // hundreds of thousands of entries, measured as ~10 MB on the heap for ~9 000 values).
    let capacity = 1;
    let longest = 0;
    for (const n of needles) {
      capacity += n.length;
      longest = Math.max(longest, n.length);
    }
    const firstChild = new Int32Array(capacity).fill(-1);
    const nextSibling = new Int32Array(capacity).fill(-1);
    const label = new Int32Array(capacity);
    // Typed arrays, not arrays of arrays: an array written at scattered indices turned into a slow
    // dictionary (a third of the build for 10 000 values, profiled).
    const ends = new Int32Array(capacity).fill(-1);
    // Sorted as latin1 strings (one char per byte: the same order as the bytes), not with
    // Buffer.compare, whose call into C++ per comparison cost more than the rest of the build.
    const keys = needles.map((n) => Buffer.from(n.buffer, n.byteOffset, n.length).toString('latin1'));
    const sorted = needles.map((_, i) => i).sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : 0));
    /** `path[d]`: the state at depth d on the previous needle's path. */
    const path = new Int32Array(longest + 1);
    let used = 1;
    let previous: Uint8Array = new Uint8Array(0);
    for (const index of sorted) {
      const needle = needles[index]!;
      let d = 0;
      while (d < needle.length && d < previous.length && needle[d] === previous[d]) d += 1;
      let s = path[d]!;
      for (let j = d; j < needle.length; j += 1) {
        const t = used++;
        label[t] = this.classOf[needle[j]!]!;
        nextSibling[t] = firstChild[s]!;
        firstChild[s] = t;
        s = t;
        path[j + 1] = t;
      }
      if (ends[s]! >= 0) throw new Error('leak check: the automaton was given the same needle twice');
      ends[s] = index;
      previous = needle;
    }

    // 2. Breadth-first order: new number of each state.
    const order = new Int32Array(used);
    let tail = 1;
    for (let head = 0; head < tail; head += 1) for (let t = firstChild[order[head]!]!; t >= 0; t = nextSibling[t]!) order[tail++] = t;
    const renumber = new Int32Array(used);
    for (let i = 0; i < used; i += 1) renumber[order[i]!] = i;
    this.firstChild = new Int32Array(used).fill(-1);
    this.nextSibling = new Int32Array(used).fill(-1);
    this.label = new Int32Array(used);
    // Filled to its length first: written in state order (not index order), an empty array turned
    // into a slow dictionary, which the scan reads on every hit.
    this.endsHere = new Int32Array(used);
    for (let old = 0; old < used; old += 1) {
      const s = renumber[old]!;
      if (firstChild[old]! >= 0) this.firstChild[s] = renumber[firstChild[old]!]!;
      if (nextSibling[old]! >= 0) this.nextSibling[s] = renumber[nextSibling[old]!]!;
      this.label[s] = label[old]!;
      this.endsHere[s] = ends[old]!;
    }

    // 3. Failure and output links, breadth-first (a state's failure state is shallower: done).
    this.fail = new Int32Array(used);
    this.outputLink = new Int32Array(used).fill(-1);
    this.hasOutput = new Uint8Array(used);
    this.denseCount = Math.max(1, Math.min(used, Math.floor(denseCells / k)));
    this.loop = scanLoop(this.denseCount * k);
    this.loop.classOf.set(this.classOf);
    this.dense = this.loop.cells;
    this.rowBytes = 4 * k;
    this.denseBase = this.loop.denseBase;
    for (let s = 0; s < used; s += 1) {
      if (s > 0) {
        const f = this.fail[s]!;
        this.outputLink[s] = this.endsHere[f]! >= 0 ? f : this.outputLink[f]!;
        this.hasOutput[s] = this.endsHere[s]! >= 0 || this.outputLink[s]! >= 0 ? 1 : 0;
      }
      for (let t = this.firstChild[s]!; t >= 0; t = this.nextSibling[t]!) this.fail[t] = s === 0 ? 0 : this.step(this.fail[s]!, this.label[t]!);
      // A dense row: each class's edge, else where the failure state goes on it (already known).
      if (s < this.denseCount) {
        const row = s * k;
        if (s > 0) this.dense.copyWithin(row, this.fail[s]! * k, this.fail[s]! * k + k);
        for (let t = this.firstChild[s]!; t >= 0; t = this.nextSibling[t]!) this.dense[row + this.label[t]!] = t;
      }
    }
    // Now the scan's form: a dense target without output is stored as its row's address in the
    // loop's memory (saving a multiplication per byte); any other target — one where a value
    // ends, or a sparse state — as `~state`, so the loop's fast path is one lookup and one sign
    // test per byte.
    for (let cell = 0; cell < this.dense.length; cell += 1) {
      const t = this.dense[cell]!;
      this.dense[cell] = this.hasOutput[t] === 1 || t >= this.denseCount ? ~t : this.denseBase + t * this.rowBytes;
    }
    let longestState = 0;
    for (const n of needles) longestState = Math.max(longestState, n.length);
    this.longest = longestState;
  }

  /** The longest needle: a second lane must start this far back (less one) to miss nothing. */
  private readonly longest: number;

  /**
   * The next state from `state` on class `c`, following failure links from sparse states. While
   * the automaton is built it reads the dense rows as plain state numbers; afterwards in the
   * scan's form (`decoded`).
   */
  private step(state: number, c: number, decoded = false): number {
    let s = state;
    for (;;) {
      if (s < this.denseCount) {
        const v = this.dense[s * this.classCount + c]!;
        return decoded ? (v >= 0 ? (v - this.denseBase) / this.rowBytes : ~v) : v;
      }
      for (let t = this.firstChild[s]!; t >= 0; t = this.nextSibling[t]!) if (this.label[t] === c) return t;
      s = this.fail[s]!;
    }
  }

  /** Results of {@link slow}: where the lane stands (index, newlines, plain state). */
  private slowIndex = 0;
  private slowNewlines = 0;
  private slowState = 0;

  /**
   * The rare path of a lane: the byte at `i` (counted in `newlines`) led to `state`, where a value
   * ends or which has no full row. Reports (lane 1) or notes for later (lane 2, from `from` on),
   * then follows sparse states byte by byte until the lane is back in a dense state or at `end`.
   */
  private slow(chunk: Uint8Array, i: number, end: number, state: number, newlines: number, lane2: boolean, from: number, onMatch: OnMatch): void {
    const { classOf, hasOutput } = this;
    let t = state;
    let nl = newlines;
    let at = i;
    for (;;) {
      if (hasOutput[t] === 1) {
        if (!lane2) this.report(t, nl, at, onMatch);
        else if (at >= from) this.defer(t, nl, at);
      }
      at += 1;
      if (t < this.denseCount || at >= end) break;
      const b = chunk[at]!;
      if (b === 10) nl += 1;
      t = this.step(t, classOf[b]!, true);
    }
    this.slowIndex = at;
    this.slowNewlines = nl;
    this.slowState = t;
  }

  /**
   * Lane 2's matches, reported once lane 1 (earlier bytes) is done: state, newlines, index. Every
   * occurrence is noted, not only a state's first in the lane: whether one counts depends on the
   * bytes around it (a value inside a longer word does not), so a later one may count where the
   * first did not.
   */
  private deferred: number[] = [];

  private defer(state: number, newlines: number, index: number): void {
    if (this.quietIn && this.quietIn[state] === this.epoch) return;
    this.deferred.push(state, newlines, index);
  }

  /** The most bytes one {@link scan} takes (the scan loop's input block). */
  get block(): number {
    return this.loop.block;
  }

  /** A plain state's row address, for the loop. */
  private row(state: number): number {
    return this.denseBase + state * this.rowBytes;
  }

  /**
   * Runs the bytes (at most {@link block} of them) through the automaton from `state` (0 at the
   * start of an entry; otherwise what the previous chunk returned); calls
   * `onMatch(needle, newlines, endIndex)` for each value that ends in this chunk, with the number
   * of newlines in the chunk up to and including the value's last byte (at `endIndex`), and
   * returns the state for the next chunk. Newlines are counted in the one pass over the bytes.
   *
   * The bytes are copied into the scan loop's memory (a memcpy: ~1 % of the scan) and walked
   * there; the loop hands back only at a state where a value ends or one without a full row, which
   * {@link slow} handles here. A long chunk is searched as two lanes at once: the first half from
   * `state`, the second from the start state `longest − 1` bytes before the middle (so every value
   * ending in the second half lies wholly within its lane, and the lane's final state is the true
   * one). Each byte's lookup depends on the previous one's result; two independent chains let the
   * CPU overlap their memory latency.
   */
  scan(chunk: Uint8Array, state: number, onMatch: OnMatch): number {
    const loop = this.loop;
    const out = loop.out;
    const n = chunk.length;
    this.newlines = 0;
    if (n === 0) return state;
    if (n > loop.block) throw new RangeError(`leak check: a chunk of ${n} bytes is above the scan block (${loop.block})`);
    loop.input.set(chunk);
    const twoLanes = n >= LANE_MIN_BYTES && this.longest <= n >> 3;
    const mid = twoLanes ? n >> 1 : n;
    const start2 = twoLanes ? mid - Math.max(0, this.longest - 1) : n;
    // Lane 1: [0, mid) from `state`; lane 2: [start2, n) from the start state.
    let i1 = 0;
    let nl1 = 0;
    let s1 = state;
    if (state >= this.denseCount) {
      // The previous chunk ended in a sparse state: follow it until a dense one.
      const b = chunk[0]!;
      this.slow(chunk, 0, mid, this.step(state, this.classOf[b]!, true), b === 10 ? 1 : 0, false, 0, onMatch);
      i1 = this.slowIndex;
      nl1 = this.slowNewlines;
      s1 = this.slowState;
    }
    let i2 = start2;
    let nl2 = 0;
    let s2 = 0;
    let overlapNewlines = 0;
    for (let j = start2; j < mid; j += 1) if (chunk[j] === 10) overlapNewlines += 1;
    // A lane not at its end is in a dense state (slow leaves a sparse state only at the end).
    while (twoLanes && i1 < mid && i2 < n) {
      loop.run2(this.row(s1), i1, mid, nl1, this.row(s2), i2, n, nl2);
      const v1 = out[0]!;
      const j1 = out[1]!;
      const m1 = out[2]!;
      const v2 = out[3]!;
      const j2 = out[4]!;
      const m2 = out[5]!;
      if (v1 >= 0) {
        s1 = (v1 - this.denseBase) / this.rowBytes;
        i1 = j1;
        nl1 = m1;
      } else {
        this.slow(chunk, j1, mid, ~v1, m1, false, 0, onMatch);
        i1 = this.slowIndex;
        nl1 = this.slowNewlines;
        s1 = this.slowState;
      }
      if (v2 >= 0) {
        s2 = (v2 - this.denseBase) / this.rowBytes;
        i2 = j2;
        nl2 = m2;
      } else {
        this.slow(chunk, j2, n, ~v2, m2, true, mid, onMatch);
        i2 = this.slowIndex;
        nl2 = this.slowNewlines;
        s2 = this.slowState;
      }
    }
    // What is left of each lane, one at a time.
    if (i1 < mid) {
      this.run(chunk, i1, mid, s1, nl1, false, 0, onMatch);
      nl1 = this.slowNewlines;
      s1 = this.slowState;
    }
    if (!twoLanes) {
      this.newlines = nl1;
      return s1;
    }
    if (i2 < n) {
      this.run(chunk, i2, n, s2, nl2, true, mid, onMatch);
      nl2 = this.slowNewlines;
      s2 = this.slowState;
    }
    // Lane 2's matches, now that lane 1's newlines are known: in order, after all of lane 1's.
    const deferred = this.deferred;
    for (let d = 0; d < deferred.length; d += 3) this.report(deferred[d]!, nl1 + deferred[d + 1]! - overlapNewlines, deferred[d + 2]!, onMatch);
    deferred.length = 0;
    this.newlines = nl1 + nl2 - overlapNewlines;
    return s2;
  }

  /** One lane alone over [i, end) from plain state `state`; leaves the newlines and state in slow*. */
  private run(chunk: Uint8Array, i: number, end: number, state: number, newlines: number, lane2: boolean, from: number, onMatch: OnMatch): void {
    const loop = this.loop;
    let nl = newlines;
    let j = i;
    let s = state;
    while (j < end) {
      let next: number;
      if (s >= this.denseCount) {
        const b = chunk[j]!;
        if (b === 10) nl += 1;
        next = this.step(s, this.classOf[b]!, true);
      } else {
        j = loop.run1(this.row(s), j, end, nl);
        nl = loop.out[1]!;
        const v = loop.out[0]!;
        if (j >= end) {
          s = (v - this.denseBase) / this.rowBytes;
          break;
        }
        next = ~v;
      }
      this.slow(chunk, j, end, next, nl, lane2, from, onMatch);
      j = this.slowIndex;
      nl = this.slowNewlines;
      s = this.slowState;
    }
    this.slowNewlines = nl;
    this.slowState = s;
  }

  /** Newlines in the chunk last scanned. */
  newlines = 0;

  /**
   * Per state: the `epoch` in which every value ending there was already reported. Logs repeat
   * their addresses and names on every line; after the first time, such a state costs one lookup.
   */
  private quietIn: Int32Array | undefined;

  private report(state: number, newlines: number, endIndex: number, onMatch: OnMatch): void {
    const quiet = (this.quietIn ??= new Int32Array(this.fail.length).fill(-1));
    if (quiet[state] === this.epoch) return;
    let fresh = false;
    for (let s = this.endsHere[state]! >= 0 ? state : this.outputLink[state]!; s >= 0; s = this.outputLink[s]!) {
      if (onMatch(this.endsHere[s]!, newlines, endIndex)) fresh = true;
    }
    if (!fresh) quiet[state] = this.epoch;
  }

  /** Set by the caller: a new number for each entry (see quietIn). */
  epoch = 0;
}

/**
 * Finds the values in a stream of entries, chunk by chunk: `beginEntry`, any number of `push`es,
 * `endEntry`. One hit per value and entry, in the order they occur. Usable on its own wherever
 * the bytes already pass by (e.g. while the archive is written).
 *
 * A value counts only where it stands as a token (as the mend step replaces it, mend.ts): if it
 * begins with an ASCII letter, digit or underscore, the byte before it is not one; if it ends
 * with one, the byte after it is not one (a Han or punctuation end needs no boundary). A learned
 * `insta` does not stand in `install`. The byte before may lie in an earlier chunk (the last bytes
 * are carried); a value ending a chunk waits for the next chunk's first byte (or the entry's end).
 */
export class LeakMatcher {
  private readonly automaton: Automaton | undefined;
  private state = 0;
  /** Per needle: its length in bytes, and whether it begins (bit 1) / ends (bit 2) with a word byte. */
  private readonly needleLength: Int32Array;
  private readonly needleEdges: Uint8Array;
  /** The piece being scanned; the bytes before it (at most the longest needle's length) in `tail`. */
  private piece: Uint8Array = EMPTY;
  private readonly tail: Uint8Array;
  private tailLength = 0;
  /** Occurrences ending on a piece's last byte, waiting for the byte after: needle, line, offset. */
  private pending: number[] = [];
  /** Per value: how many newlines it holds (to give the line it starts on). */
  private readonly newlinesIn: Int32Array;
  /** Per distinct folded value (needle): the values it stands for. */
  private readonly valuesOf: number[][] = [];
  /** Per value: the number of the entry it was last found in (no reset per entry). */
  private readonly foundIn: Int32Array;
  private entryNumber = 0;
  private entry = '';
  private linesBefore = 0;
  private bytesBefore = 0;
  private hits: RawHit[] = [];
  /** Per needle: the number of the entry all its values were last found in (repeats cost nothing). */
  private readonly needleDoneIn: Int32Array;
  /** Hits of the chunk being scanned, put in order (position, then value) when it is done. */
  private found: { at: number; value: number; line: number }[] = [];
  /** See {@link OnMatch}: false only when the needle was already found in this entry. */
  private readonly onMatch = (needle: number, newlines: number, endIndex: number): boolean => {
    if (this.needleDoneIn[needle] === this.entryNumber) return false;
    const at = this.bytesBefore + endIndex;
    const edges = this.needleEdges[needle]!;
    if ((edges & 1) !== 0 && isWordByte(this.byteAt(at - this.needleLength[needle]!))) return true;
    if ((edges & 2) !== 0) {
      if (endIndex + 1 >= this.piece.length) {
        this.pending.push(needle, this.linesBefore + newlines, at);
        return true;
      }
      if (isWordByte(this.piece[endIndex + 1]!)) return true;
    }
    this.accept(needle, this.linesBefore + newlines, at, this.found);
    return true;
  };

  /** An occurrence counts: each of the needle's values not yet found in this entry is found. */
  private accept(needle: number, lineOfEnd: number, at: number, into: { at: number; value: number; line: number }[]): void {
    this.needleDoneIn[needle] = this.entryNumber;
    for (const value of this.valuesOf[needle]!) {
      if (this.foundIn[value] === this.entryNumber) continue;
      this.foundIn[value] = this.entryNumber;
      // The line the value starts on: the line of its last byte, less its own newlines.
      into.push({ at, value, line: lineOfEnd + 1 - this.newlinesIn[value]! });
    }
  }

  /** The entry's byte at offset `at` (in the piece or the carried tail); −1 before the entry's start. */
  private byteAt(at: number): number {
    if (at < 0) return -1;
    if (at >= this.bytesBefore) return this.piece[at - this.bytesBefore]!;
    return this.tail[this.tailLength - (this.bytesBefore - at)]!;
  }

  /** The waiting occurrences, now that the byte after them is known (−1: the entry ended). */
  private settle(next: number, into: { at: number; value: number; line: number }[]): void {
    const pending = this.pending;
    if (pending.length === 0) return;
    if (!isWordByte(next)) for (let p = 0; p < pending.length; p += 3) if (this.needleDoneIn[pending[p]!] !== this.entryNumber) this.accept(pending[p]!, pending[p + 1]!, pending[p + 2]!, into);
    pending.length = 0;
  }

  /** Keeps the last bytes of the entry so far (as many as the longest needle) for {@link byteAt}. */
  private carry(piece: Uint8Array): void {
    const room = this.tail.length;
    if (room === 0) return;
    if (piece.length >= room) {
      this.tail.set(piece.subarray(piece.length - room));
      this.tailLength = room;
      return;
    }
    const keep = Math.min(this.tailLength, room - piece.length);
    this.tail.copyWithin(0, this.tailLength - keep, this.tailLength);
    this.tail.set(piece, keep);
    this.tailLength = keep + piece.length;
  }

  /** `denseCells`: the budget for full table rows (tests lower it so most states are sparse). */
  constructor(
    private readonly valueList: readonly string[],
    { denseCells = DENSE_CELLS }: { denseCells?: number } = {},
  ) {
    const values = valueList;
    const needleIndex = new Map<string, number>();
    const needles: Uint8Array[] = [];
    this.newlinesIn = new Int32Array(values.length);
    values.forEach((value, index) => {
      const bytes = Buffer.from(value, 'utf8');
      for (let i = 0; i < bytes.length; i += 1) bytes[i] = foldByte(bytes[i]!);
      let newlines = 0;
      for (const b of bytes) if (b === 10) newlines += 1;
      this.newlinesIn[index] = newlines;
      if (bytes.length === 0) return;
      const key = bytes.toString('latin1');
      let n = needleIndex.get(key);
      if (n === undefined) {
        n = needles.push(bytes) - 1;
        needleIndex.set(key, n);
        this.valuesOf.push([]);
      }
      this.valuesOf[n]!.push(index);
    });
    this.foundIn = new Int32Array(values.length).fill(-1);
    this.needleDoneIn = new Int32Array(needles.length).fill(-1);
    this.needleLength = new Int32Array(needles.length);
    this.needleEdges = new Uint8Array(needles.length);
    let longest = 0;
    needles.forEach((needle, n) => {
      this.needleLength[n] = needle.length;
      this.needleEdges[n] = (isWordByte(needle[0]!) ? 1 : 0) | (isWordByte(needle[needle.length - 1]!) ? 2 : 0);
      longest = Math.max(longest, needle.length);
    });
    this.tail = new Uint8Array(longest);
    this.automaton = needles.length > 0 ? new Automaton(needles, denseCells) : undefined;
  }

  beginEntry(name: string): void {
    this.entry = name;
    this.entryNumber += 1;
    this.linesBefore = 0;
    this.bytesBefore = 0;
    this.hits = [];
    this.state = 0;
    this.pending.length = 0;
    this.tailLength = 0;
    if (this.automaton) this.automaton.epoch = this.entryNumber;
  }

  push(chunk: Uint8Array): void {
    if (!this.automaton) {
      for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, nl + 1)) this.linesBefore += 1;
      return;
    }
    const automaton = this.automaton;
    const block = automaton.block;
    for (let o = 0; o < chunk.length; o += block) {
      const piece = o === 0 && chunk.length <= block ? chunk : chunk.subarray(o, o + block);
      this.settle(piece[0]!, this.found);
      this.piece = piece;
      this.state = automaton.scan(piece, this.state, this.onMatch);
      this.linesBefore += automaton.newlines;
      this.carry(piece);
      this.bytesBefore += piece.length;
    }
    this.piece = EMPTY;
    if (this.found.length === 0) return;
    const found = this.found;
    this.found = [];
    found.sort((x, y) => x.at - y.at || x.value - y.value);
    this.hits.push(...found);
  }

  /** The hits of the entry just read. */
  endEntry(): LeakHit[] {
    return this.endEntryRaw().map(({ value, line }) => ({ entry: this.entry, line, masked: maskValue(this.valueList[value]!) }));
  }

  /** The hits of the entry just read, by value index, with where each ends (for merging passes). */
  endEntryRaw(): RawHit[] {
    // Values ending the entry: nothing follows them.
    const last: { at: number; value: number; line: number }[] = [];
    this.settle(-1, last);
    last.sort((x, y) => x.value - y.value);
    this.hits.push(...last);
    const hits = this.hits;
    this.hits = [];
    return hits;
  }
}

const EMPTY = new Uint8Array(0);

/** Compressed bytes read from the archive at a time (one read per MiB, not per 16 KiB). */
const READ_BYTES = 1024 * 1024;
/**
 * zlib's output step. Each step costs a hand-over from the threadpool and a fresh buffer, so 64 KiB
 * steps spent more on that than on inflating; 256 KiB is what the CPU time favoured (1 MiB steps
 * cost more again: a piece no longer stays in the cache between zlib writing it and the search).
 */
const INFLATE_STEP_BYTES = 256 * 1024;

interface EntrySpan {
  name: string;
  method: number;
  localHeaderOffset: number;
  compressedSize: number;
}

/** The entries of the central directory (yauzl reads and validates it), without their data. */
async function listEntries(archivePath: string): Promise<EntrySpan[]> {
  const zip = await openZip(archivePath);
  const spans: EntrySpan[] = [];
  try {
    for await (const entry of zipEntries(zip)) {
      if (entry.fileName.endsWith('/')) continue;
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        throw new Error(`${archivePath}: entry ${entry.fileName} uses compression method ${entry.compressionMethod}, which the leak check cannot read`);
      }
      spans.push({ name: entry.fileName, method: entry.compressionMethod, localHeaderOffset: entry.relativeOffsetOfLocalHeader, compressedSize: entry.compressedSize });
    }
  } finally {
    // Closed before the scan opens the file again: the listing's descriptor is gone by then.
    await closeZip(zip);
  }
  return spans;
}

/**
 * Scans every entry of a zip for the values (ASCII case-insensitive, other bytes exact; standing
 * as tokens, see {@link LeakMatcher}); one hit per value and entry, entries in archive order. Streams entry by entry: memory does not grow with
 * the archive.
 *
 * Compressed data is read 1 MiB at a time into one reused buffer and inflated by zlib on the
 * threadpool in 256 KiB steps; each step is matched on the main thread while zlib already
 * inflates the next (see scanDeflated). yauzl's entry streams (16 KiB steps, a new buffer per
 * read and several stream hops) cost more than the search itself (measured).
 */
export async function scanArchiveForLeaks(archivePath: string, values: readonly string[], options: LeakScanOptions = {}): Promise<LeakHit[]> {
  if (values.length === 0) return [];
  options.signal?.throwIfAborted();
  const matcher = new LeakMatcher(values);
  const only = options.entries;
  const spans = (await listEntries(archivePath)).filter((span) => !only || only.has(span.name));
  const hits: LeakHit[] = [];
  await scanSpans(archivePath, spans, matcher, options.signal, () => hits.push(...matcher.endEntry()));
  return hits;
}

/** What the archive's entries are read into: a {@link LeakMatcher}, or nothing (the floor). */
interface EntrySink {
  beginEntry(name: string): void;
  push(chunk: Uint8Array): void;
}

/**
 * Reads and inflates every entry exactly as the check does, and drops the bytes: the floor of any
 * scan of the finished archive (the benchmark's pass-through row). Resolves to the entry bytes.
 */
export async function readArchiveEntries(archivePath: string): Promise<number> {
  let bytes = 0;
  const sink: EntrySink = { beginEntry: () => undefined, push: (chunk) => (bytes += chunk.length) };
  await scanSpans(archivePath, await listEntries(archivePath), sink, undefined, () => undefined);
  return bytes;
}

/** Scans the given entries of the archive, in order; `done` is called after each (read the matcher's hits there). */
async function scanSpans(archivePath: string, spans: readonly EntrySpan[], matcher: EntrySink, signal: AbortSignal | undefined, done: (span: EntrySpan) => void): Promise<void> {
  signal?.throwIfAborted();
  const file = await open(archivePath, 'r');
  try {
    const input = Buffer.allocUnsafe(READ_BYTES);
    for (const span of spans) {
      signal?.throwIfAborted();
      const { bytesRead } = await file.read(input, 0, 30, span.localHeaderOffset);
      if (bytesRead < 30 || input.readUInt32LE(0) !== 0x04034b50) throw new Error(`${archivePath}: no local header for ${span.name} at offset ${span.localHeaderOffset}`);
      const start = span.localHeaderOffset + 30 + input.readUInt16LE(26) + input.readUInt16LE(28);
      matcher.beginEntry(span.name);
      const source: CompressedSource = { file, input, start, end: start + span.compressedSize, what: `${archivePath}: entry ${span.name}` };
      if (span.method === 8) await scanDeflated(source, matcher, signal);
      else await readSpan(source, signal, (piece) => matcher.push(piece));
      done(span);
    }
  } finally {
    await file.close();
  }
}

/**
 * New values are taken into the write pass's automaton at an entry's start, at most once per this
 * many bytes written (or 256 bytes per byte of the values, whichever is more): a rebuild costs
 * ~0.3 µs per value byte (~30 ms for 4 000 values, measured), as much as searching ~100 bytes, and
 * an entry not searched with the newest values is searched at the end instead.
 */
const REBUILD_BYTES = 1024 * 1024;
const REBUILD_BYTES_PER_VALUE_BYTE = 256;

/**
 * The leak check folded into the archive's single write pass (a ZipWriter `watch`): each entry's
 * bytes, as they go into the zip (after redaction, before deflate), are searched for the values
 * the redactor has found so far. The redactor goes on finding values after earlier entries were
 * written, so each entry remembers how many values it was searched for; at the end
 * ({@link finish}) only entries written before a value was learned are read back from the archive
 * and searched for the values learned after them. The guarantee stays that of
 * {@link scanArchiveForLeaks} over the whole archive with every value (a test compares the two),
 * while the common case reads back little or nothing.
 *
 * Searching an entry that will be read back anyway is wasted: the read-back costs the same per
 * byte whatever the number of values. So an entry is searched only while the search can spare its
 * read-back: with every value known at its start, and only until the redactor learns a new value
 * during it (then it is read back whole, with every value); and the automaton is rebuilt for new
 * values only once the redactor has settled (it learned nothing since the previous entry began;
 * values known before the first entry count as settled) and enough bytes went by to pay for the
 * rebuild, else an entry is not searched at all. While the
 * redactor keeps learning, as in logs full of new tokens, the check is thus one scan at the end.
 * Measured with the WebAssembly scan loop (`BENCH_QUICK=1 npm run bench -- leak`): inflating costs
 * about as much as searching, so a read-back costs twice a search in the write pass; rebuilding
 * for each new batch of values and searching entries that were read back anyway made the worst
 * case (new values in every entry) ~25 % slower than one scan at the end, while folding stays
 * ahead where the values are learned early (most entries then are never read back). Building the
 * first automaton as soon as there were values (not waiting for the redactor to settle) read back
 * one entry less where values come early, but wasted that entry's search in the worst case; waiting
 * kept both rows at or above 300 MB per CPU second in the same runs.
 */
export class LeakWatch {
  /** Values taken from the source so far (trimmed, long enough, distinct), in the order found. */
  private readonly known: string[] = [];
  private readonly knownSet = new Set<string>();
  /** How many of the source's values were looked at (it only grows, in insertion order). */
  private taken = 0;
  /** UTF-8 bytes of `known`: what a rebuild costs. */
  private knownBytes = 0;
  private matcher: LeakMatcher | undefined;
  /** How many of `known` the matcher searches for. */
  private generation = 0;
  /** Bytes written since the matcher was built (searched or not). */
  private sinceBuild = 0;
  /** Per entry written: how many values it was searched for (0: not searched), and what was found. */
  private readonly entries = new Map<string, number>();
  private readonly found = new Map<string, { value: string; line: number; at: number }[]>();
  private entry = '';
  /** Whether the entry being written is searched (with every value known when it began). */
  private searching = false;
  /** The source's size when the previous entry began (−1: none yet). */
  private sizeAtBegin = -1;

  /** `source`: the redactor's values found so far (a set that only grows, e.g. `seenValues()`). */
  constructor(private readonly source: () => ReadonlySet<string>) {}

  begin(name: string): void {
    this.entry = name;
    // Whether the redactor learned nothing since the previous entry began (values known before
    // the first entry count as settled).
    const size = this.source().size;
    const settled = this.sizeAtBegin < 0 || size === this.sizeAtBegin;
    this.sizeAtBegin = size;
    this.take();
    if (this.known.length > this.generation && settled && (!this.matcher || this.sinceBuild >= Math.max(REBUILD_BYTES, REBUILD_BYTES_PER_VALUE_BYTE * this.knownBytes))) {
      this.matcher = new LeakMatcher(this.known);
      this.generation = this.known.length;
      this.sinceBuild = 0;
    }
    this.searching = this.matcher !== undefined && this.generation === this.known.length;
    if (this.searching) this.matcher!.beginEntry(name);
  }

  bytes(chunk: Buffer): void {
    this.sinceBuild += chunk.length;
    if (!this.searching) return;
    // A value learned while this entry is written is late for its earlier bytes: it is read back
    // whole, so searching the rest of it now would be wasted.
    if (this.source().size > this.taken) {
      this.take();
      if (this.known.length > this.generation) {
        this.searching = false;
        return;
      }
    }
    this.matcher!.push(chunk);
  }

  end(): void {
    if (!this.searching) {
      this.entries.set(this.entry, 0);
      return;
    }
    this.searching = false;
    this.entries.set(this.entry, this.generation);
    const hits = this.matcher!.endEntryRaw();
    if (hits.length > 0) this.found.set(this.entry, hits.map((h) => ({ value: this.known[h.value]!, line: h.line, at: h.at })));
  }

  /**
   * The hits, as {@link scanArchiveForLeaks} of the finished archive with every value the
   * redactor found would give them, less the values the user typed into the intake
   * (`intakeText`). Reads back only the entries written before some value was learned (and any
   * entry the watch did not see). Stops at `signal` (rejects with its reason, file closed).
   */
  async finish(archivePath: string, intakeText: string, options: LeakScanOptions = {}): Promise<LeakHit[]> {
    return (await this.finishWithValues(archivePath, intakeText, options)).map(({ entry, line, value }) => ({ entry, line, masked: maskValue(value) }));
  }

  /**
   * {@link finish}, with each hit's value in the clear: for the mend step (redact/mend.ts), which
   * must know what to look for in the entry it rewrites. In memory only, never printed.
   */
  async finishWithValues(archivePath: string, intakeText: string, options: LeakScanOptions = {}): Promise<LeakValueHit[]> {
    const { signal } = options;
    signal?.throwIfAborted();
    this.take();
    const all = this.known;
    // The write pass is over. Its automaton, if it has every value, serves the read-back too (a
    // rebuild cost as much as searching ~10 MB); else it goes before another is built (it is the
    // largest thing here). Searching an entry again for values it was searched for only finds
    // what the first search found: the earliest of each is kept below.
    const written = this.matcher && this.generation === all.length ? this.matcher : undefined;
    this.matcher = undefined;
    const order = new Map(all.map((v, i) => [v, i]));
    const spans = await listEntries(archivePath);
    const generationOf = (span: EntrySpan) => this.entries.get(span.name) ?? 0;
    const late = spans.filter((span) => generationOf(span) < all.length);
    if (late.length > 0) {
      const from = written ? 0 : Math.min(...late.map(generationOf));
      const lateValues = all.slice(from);
      const matcher = written ?? new LeakMatcher(lateValues);
      await scanSpans(archivePath, late, matcher, signal, (span) => {
        const more = matcher.endEntryRaw().map((h) => ({ value: lateValues[h.value]!, line: h.line, at: h.at }));
        if (more.length > 0) this.found.set(span.name, [...(this.found.get(span.name) ?? []), ...more]);
      });
    }
    const intake = intakeText.toLowerCase();
    const hits: LeakValueHit[] = [];
    for (const span of spans) {
      const first = new Map<string, { line: number; at: number }>();
      for (const h of this.found.get(span.name) ?? []) {
        const seen = first.get(h.value);
        if (!seen || h.at < seen.at) first.set(h.value, h);
      }
      const entryHits = [...first].filter(([value]) => !intake.includes(value.toLowerCase()));
      entryHits.sort(([v1, h1], [v2, h2]) => h1.at - h2.at || order.get(v1)! - order.get(v2)!);
      for (const [value, h] of entryHits) hits.push({ entry: span.name, line: h.line, value });
    }
    return hits;
  }

  /** Takes the source's values not yet taken. */
  private take(): void {
    const values = this.source();
    if (values.size <= this.taken) return;
    let i = 0;
    for (const v of values) {
      if (i++ < this.taken) continue;
      const value = v.trim();
      if (worthLookingFor(value) && !this.knownSet.has(value)) {
        this.knownSet.add(value);
        this.known.push(value);
        this.knownBytes += Buffer.byteLength(value);
      }
    }
    this.taken = values.size;
  }
}

interface CompressedSource {
  file: FileHandle;
  /** The one read buffer, reused for every read. */
  input: Buffer;
  start: number;
  end: number;
  what: string;
}

/** Reads the span into the reused buffer piece by piece; `use` must be done with a piece when it resolves. */
async function readSpan(source: CompressedSource, signal: AbortSignal | undefined, use: (piece: Buffer) => unknown): Promise<void> {
  const { file, input, end } = source;
  for (let pos = source.start; pos < end; ) {
    signal?.throwIfAborted();
    const { bytesRead } = await file.read(input, 0, Math.min(input.length, end - pos), pos);
    if (bytesRead === 0) throw new Error(`${source.what} ends early (the archive is truncated)`);
    pos += bytesRead;
    await use(input.subarray(0, bytesRead));
  }
}

/**
 * Inflates one entry and matches its bytes. zlib hands over each output step and only then starts
 * the next one; matching inside that hand-over would leave the threadpool idle while the main
 * thread searches. So output steps are queued and matched on the next turn of the event loop, by
 * which time zlib works on the next step: inflating and searching overlap.
 */
async function scanDeflated(source: CompressedSource, matcher: EntrySink, signal: AbortSignal | undefined): Promise<void> {
  const inflate = createInflateRaw({ chunkSize: INFLATE_STEP_BYTES });
  const queued: Buffer[] = [];
  let draining = false;
  let drained: (() => void) | undefined;
  const garbage = new YoungGarbage();
  const drain = () => {
    draining = false;
    for (let piece = queued.shift(); piece; piece = queued.shift()) {
      matcher.push(piece);
      // Each output step is a fresh buffer, dead once matched: free them while they are young.
      garbage.passed(piece.length);
    }
    drained?.();
  };
  inflate.on('data', (piece: Buffer) => {
    queued.push(piece);
    if (!draining) {
      draining = true;
      setImmediate(drain);
    }
  });
  let failure: Error | undefined;
  let onFailure: ((err: Error) => void) | undefined;
  const failed = new Promise<never>((_, reject) => (onFailure = reject));
  failed.catch(() => undefined);
  inflate.once('error', (err: Error) => {
    failure = err;
    onFailure?.(err);
  });
  const ended = new Promise<void>((resolve) => inflate.once('end', resolve));
  // A corrupt entry fails zlib, which may then never call back a pending write: race against it.
  const settle = <T>(p: Promise<T>) => Promise.race([p, failed]);
  try {
    // The write callback comes once zlib has consumed the piece: the read buffer is free again.
    await readSpan(source, signal, (piece) => settle(new Promise<void>((resolve, reject) => inflate.write(piece, (err) => (err ? reject(err) : resolve())))));
    inflate.end();
    await settle(ended);
    if (draining) await new Promise<void>((resolve) => (drained = resolve));
  } catch (err) {
    if (signal?.aborted) throw signal.reason;
    const cause = failure ?? err;
    throw new Error(`${source.what} cannot be inflated: ${cause instanceof Error ? cause.message : String(cause)}`);
  } finally {
    inflate.destroy();
  }
}
