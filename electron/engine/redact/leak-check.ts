/**
 * The last look before anything leaves the machine: the finished archive is scanned for this
 * machine's identifiers and the secrets the rules found (the Redactor's seen values). A hit means
 * a value a rule hid in one place still stands somewhere else — an item that was not redacted
 * (binary, or redaction off) or a form the rules missed.
 *
 * One pass over the bytes, whatever the number of values: all values go into one Aho–Corasick
 * automaton over bytes (ASCII letters folded), so each byte of the archive costs one table lookup.
 * Its state carries over from chunk to chunk, so a value split across two chunks is found without
 * keeping any overlap, and memory does not grow with the archive. npm's Aho–Corasick packages
 * match JavaScript strings; using them would mean decoding and lower-casing every chunk and
 * losing the state at chunk boundaries, which costs more than the search itself.
 */
import yauzl from 'yauzl';

export interface LeakHit {
  /** The entry that holds the value. */
  entry: string;
  /** 1-based line of the first occurrence in that entry. */
  line: number;
  /** Which value, masked (first and last character): never printed whole. */
  masked: string;
}

export interface LeakScanOptions {
  /** Stops the scan (rejects with the signal's reason), e.g. at the run's deadline. */
  signal?: AbortSignal;
}

/** `a***e` — enough for the user to recognise the value, not enough to leak it again. */
export function maskValue(value: string): string {
  const chars = [...value];
  return chars.length <= 2 ? '*'.repeat(chars.length) : `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 8))}${chars.at(-1)}`;
}

/**
 * The values worth looking for: at least 4 characters, minus those the user typed into the
 * intake (a contact e-mail given on purpose for support is not a leak).
 */
export function leakCandidates(seen: Iterable<string>, intakeText: string): string[] {
  const intake = intakeText.toLowerCase();
  const out = new Set<string>();
  for (const v of seen) {
    const value = v.trim();
    if (value.length >= 4 && !intake.includes(value.toLowerCase())) out.add(value);
  }
  return [...out];
}

/**
 * Transition-table cells (4 bytes each) for the dense rows: 8 MB. The states nearest the start,
 * where a scan spends nearly all its time, get a full row (one lookup per byte); deeper states,
 * which almost always have a single way on, keep only their edges and a failure link. So memory
 * stays bounded whatever the number of values, and every value is searched in the same one pass.
 */
const DENSE_CELLS = 2 * 1024 * 1024;

/** ASCII upper case → lower case; every other byte stays itself (non-ASCII compares exactly). */
const foldByte = (b: number) => (b >= 0x41 && b <= 0x5a ? b + 32 : b);

/**
 * A byte-level Aho–Corasick automaton over byte classes (only bytes that occur in some value get
 * their own class; the rest share one). States are numbered breadth-first, so the dense ones (a
 * full row each) are exactly those below `denseCount`, and a failure link always points lower.
 */
class Automaton {
  private readonly classOf = new Uint8Array(256);
  private readonly classCount: number;
  private readonly denseCount: number;
  /** `dense[state * classCount + class]`: the next state, for states below `denseCount`. */
  private readonly dense: Int32Array;
  /** The trie as first child / next sibling (−1: none), with the class of the edge into each state. */
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  private readonly label: Int32Array;
  private readonly fail: Int32Array;
  /** 1 when a value ends at the state or at one of its suffix states. */
  private readonly hasOutput: Uint8Array;
  /** Needles ending exactly at a state, and the next suffix state where one ends (−1: none). */
  private readonly endsHere: (number[] | undefined)[];
  private readonly outputLink: Int32Array;

  constructor(needles: readonly Uint8Array[], denseCells = DENSE_CELLS) {
    const classByFolded = new Map<number, number>();
    for (const n of needles) for (const b of n) if (!classByFolded.has(b)) classByFolded.set(b, classByFolded.size + 1);
    for (let b = 0; b < 256; b += 1) this.classOf[b] = classByFolded.get(foldByte(b)) ?? 0;
    const k = (this.classCount = classByFolded.size + 1);

    // 1. The trie, in insertion order (edges found through a map while building).
    let capacity = 1;
    for (const n of needles) capacity += n.length;
    const child = new Map<number, number>();
    const firstChild = new Int32Array(capacity).fill(-1);
    const nextSibling = new Int32Array(capacity).fill(-1);
    const label = new Int32Array(capacity);
    const ends: (number[] | undefined)[] = [];
    let used = 1;
    needles.forEach((needle, index) => {
      let s = 0;
      for (const b of needle) {
        const c = this.classOf[b]!;
        let t = child.get(s * k + c);
        if (t === undefined) {
          t = used++;
          child.set(s * k + c, t);
          label[t] = c;
          nextSibling[t] = firstChild[s]!;
          firstChild[s] = t;
        }
        s = t;
      }
      (ends[s] ??= []).push(index);
    });

    // 2. Breadth-first order: new number of each state.
    const order = new Int32Array(used);
    let tail = 1;
    for (let head = 0; head < tail; head += 1) for (let t = firstChild[order[head]!]!; t >= 0; t = nextSibling[t]!) order[tail++] = t;
    const renumber = new Int32Array(used);
    for (let i = 0; i < used; i += 1) renumber[order[i]!] = i;
    this.firstChild = new Int32Array(used).fill(-1);
    this.nextSibling = new Int32Array(used).fill(-1);
    this.label = new Int32Array(used);
    this.endsHere = [];
    for (let old = 0; old < used; old += 1) {
      const s = renumber[old]!;
      if (firstChild[old]! >= 0) this.firstChild[s] = renumber[firstChild[old]!]!;
      if (nextSibling[old]! >= 0) this.nextSibling[s] = renumber[nextSibling[old]!]!;
      this.label[s] = label[old]!;
      this.endsHere[s] = ends[old];
    }

    // 3. Failure and output links, breadth-first (a state's failure state is shallower: done).
    this.fail = new Int32Array(used);
    this.outputLink = new Int32Array(used).fill(-1);
    this.hasOutput = new Uint8Array(used);
    this.denseCount = Math.max(1, Math.min(used, Math.floor(denseCells / k)));
    this.dense = new Int32Array(this.denseCount * k);
    for (let s = 0; s < used; s += 1) {
      if (s > 0) {
        const f = this.fail[s]!;
        this.outputLink[s] = this.endsHere[f] ? f : this.outputLink[f]!;
        this.hasOutput[s] = this.endsHere[s] || this.outputLink[s]! >= 0 ? 1 : 0;
      }
      for (let t = this.firstChild[s]!; t >= 0; t = this.nextSibling[t]!) this.fail[t] = s === 0 ? 0 : this.step(this.fail[s]!, this.label[t]!);
      // A dense row: each class's edge, else where the failure state goes on it (already known).
      if (s < this.denseCount) {
        const row = s * k;
        if (s > 0) this.dense.copyWithin(row, this.fail[s]! * k, this.fail[s]! * k + k);
        for (let t = this.firstChild[s]!; t >= 0; t = this.nextSibling[t]!) this.dense[row + this.label[t]!] = t;
      }
    }
    // Now the scan's form: each target pre-multiplied by the class count (a row offset, saving a
    // multiplication per byte), and stored as `~target` when a value ends there (one comparison).
    for (let cell = 0; cell < this.dense.length; cell += 1) {
      const t = this.dense[cell]!;
      this.dense[cell] = this.hasOutput[t] === 1 ? ~(t * k) : t * k;
    }
  }

  /**
   * The next state from `state` on class `c`, following failure links from sparse states. While
   * the automaton is built it reads the dense rows as plain state numbers; afterwards as the
   * scan's pre-multiplied, flagged form (`decoded`).
   */
  private step(state: number, c: number, decoded = false): number {
    let s = state;
    for (;;) {
      if (s < this.denseCount) {
        const v = this.dense[s * this.classCount + c]!;
        return decoded ? (v >= 0 ? v : ~v) / this.classCount : v;
      }
      for (let t = this.firstChild[s]!; t >= 0; t = this.nextSibling[t]!) if (this.label[t] === c) return t;
      s = this.fail[s]!;
    }
  }

  /**
   * Runs the bytes through the automaton from `state` (0 at the start of an entry; otherwise what
   * the previous chunk returned); calls `onMatch(needle, endIndex)` for each value that ends in this
   * chunk (`endIndex`: the index of its last byte) and returns the state for the next chunk.
   */
  scan(chunk: Uint8Array, state: number, onMatch: (needle: number, endIndex: number) => void): number {
    const { classOf, dense, hasOutput } = this;
    const k = this.classCount;
    const denseLimit = this.denseCount * k;
    // `at` is the state pre-multiplied by k: the offset of its row when it has one.
    let at = state;
    for (let i = 0; i < chunk.length; i += 1) {
      const c = classOf[chunk[i]!]!;
      if (at < denseLimit) {
        // The path for nearly every byte: one lookup.
        const next = dense[at + c]!;
        if (next >= 0) {
          at = next;
        } else {
          at = ~next;
          this.report(at / k, i, onMatch);
        }
        continue;
      }
      const s = this.step(at / k, c, true);
      at = s * k;
      if (hasOutput[s] === 1) this.report(s, i, onMatch);
    }
    return at;
  }

  private report(state: number, endIndex: number, onMatch: (needle: number, endIndex: number) => void): void {
    for (let s = this.endsHere[state] ? state : this.outputLink[state]!; s >= 0; s = this.outputLink[s]!) {
      for (const needle of this.endsHere[s]!) onMatch(needle, endIndex);
    }
  }
}

/**
 * Finds the values in a stream of entries, chunk by chunk: `beginEntry`, any number of `push`es,
 * `endEntry`. One hit per value and entry, in the order they occur. Usable on its own wherever
 * the bytes already pass by (e.g. while the archive is written).
 */
export class LeakMatcher {
  private readonly automaton: Automaton | undefined;
  private state = 0;
  /** Per value: its masked form and how many newlines it holds (to give the line it starts on). */
  private readonly values: { masked: string; newlines: number }[] = [];
  /** Per distinct folded value (needle): the values it stands for. */
  private readonly valuesOf: number[][] = [];
  /** Per value: the number of the entry it was last found in (no reset per entry). */
  private readonly foundIn: Int32Array;
  private entryNumber = 0;
  private entry = '';
  private linesBefore = 0;
  private hits: LeakHit[] = [];
  private found: { at: number; value: number }[] = [];
  private readonly onMatch = (needle: number, endIndex: number) => {
    for (const value of this.valuesOf[needle]!) {
      if (this.foundIn[value] === this.entryNumber) continue;
      this.foundIn[value] = this.entryNumber;
      this.found.push({ at: endIndex, value });
    }
  };

  /** `denseCells`: the budget for full table rows (tests lower it so most states are sparse). */
  constructor(values: readonly string[], { denseCells = DENSE_CELLS }: { denseCells?: number } = {}) {
    const needleIndex = new Map<string, number>();
    const needles: Uint8Array[] = [];
    values.forEach((value, index) => {
      const bytes = Buffer.from(value, 'utf8');
      for (let i = 0; i < bytes.length; i += 1) bytes[i] = foldByte(bytes[i]!);
      let newlines = 0;
      for (const b of bytes) if (b === 10) newlines += 1;
      this.values.push({ masked: maskValue(value), newlines });
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
    this.automaton = needles.length > 0 ? new Automaton(needles, denseCells) : undefined;
  }

  beginEntry(name: string): void {
    this.entry = name;
    this.entryNumber += 1;
    this.linesBefore = 0;
    this.hits = [];
    this.state = 0;
  }

  push(chunk: Uint8Array): void {
    if (this.automaton) this.state = this.automaton.scan(chunk, this.state, this.onMatch);
    const found = this.found;
    // Newlines are counted with native indexOf, once over the chunk, stopping at each hit in order.
    let lines = this.linesBefore;
    let nl = chunk.indexOf(10);
    if (found.length > 0) {
      this.found = [];
      found.sort((x, y) => x.at - y.at || x.value - y.value);
      for (const { at, value } of found) {
        for (; nl >= 0 && nl <= at; nl = chunk.indexOf(10, nl + 1)) lines += 1;
        // The line the value starts on: the line of its last byte, less its own newlines.
        this.hits.push({ entry: this.entry, line: lines + 1 - this.values[value]!.newlines, masked: this.values[value]!.masked });
      }
    }
    for (; nl >= 0; nl = chunk.indexOf(10, nl + 1)) lines += 1;
    this.linesBefore = lines;
  }

  /** The hits of the entry just read. */
  endEntry(): LeakHit[] {
    const hits = this.hits;
    this.hits = [];
    return hits;
  }
}

/**
 * Scans every entry of a zip for the values (ASCII case-insensitive, other bytes exact); one hit
 * per value and entry, entries in archive order. Streams entry by entry: memory does not grow with
 * the archive.
 */
export async function scanArchiveForLeaks(archivePath: string, values: readonly string[], options: LeakScanOptions = {}): Promise<LeakHit[]> {
  if (values.length === 0) return [];
  const { signal } = options;
  signal?.throwIfAborted();
  const matcher = new LeakMatcher(values);
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(archivePath, { lazyEntries: true }, (err, z) => (err || !z ? reject(err) : resolve(z))));
  const hits: LeakHit[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = (err?: unknown) => {
        signal?.removeEventListener('abort', onAbort);
        if (err) reject(err);
        else resolve();
      };
      zip.on('error', done);
      zip.on('end', () => done());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (signal?.aborted) return done(signal.reason);
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return done(err);
          matcher.beginEntry(entry.fileName);
          stream.on('data', (chunk: Buffer) => {
            if (signal?.aborted) {
              stream.destroy();
              return done(signal.reason);
            }
            matcher.push(chunk);
          });
          stream.on('error', done);
          stream.on('end', () => {
            hits.push(...matcher.endEntry());
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return hits;
}
