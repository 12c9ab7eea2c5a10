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
 * Most transition-table cells one automaton may hold (4 bytes each: 32 MB). More values than fit
 * are split over several automata, each a pass over the chunk: memory stays bounded and the cost
 * stays linear in bytes × automata (one automaton up to roughly 10 000 values of 20 characters).
 */
const MAX_TABLE_CELLS = 8 * 1024 * 1024;

/** ASCII upper case → lower case; every other byte stays itself (non-ASCII compares exactly). */
const foldByte = (b: number) => (b >= 0x41 && b <= 0x5a ? b + 32 : b);

/**
 * A byte-level Aho–Corasick automaton, compiled to a full DFA over byte classes (only bytes that
 * occur in some value get their own class, the rest share one) so the table stays small.
 */
class Automaton {
  private readonly classOf = new Uint8Array(256);
  private readonly classCount: number;
  /**
   * `delta[state + class]` = the next state, pre-multiplied by the class count (a row offset);
   * stored as `~next` (negative) when some value ends at the next state, so the scan loop tests
   * for output with one comparison.
   */
  private readonly delta: Int32Array;
  /** Values (indices into `needles`) ending exactly at a state, and the next suffix state with output. */
  private endsHere: (number[] | undefined)[] = [];
  private outputLink: Int32Array;

  constructor(needles: readonly Uint8Array[]) {
    // Byte classes: 0 for bytes no value holds, then one per distinct (folded) byte.
    const classByFolded = new Map<number, number>();
    for (const n of needles) for (const b of n) if (!classByFolded.has(b)) classByFolded.set(b, classByFolded.size + 1);
    for (let b = 0; b < 256; b += 1) this.classOf[b] = classByFolded.get(foldByte(b)) ?? 0;
    const k = (this.classCount = classByFolded.size + 1);

    // The trie (state numbers, not yet pre-multiplied; 0 = no edge, as no edge leads to the root).
    let states = 1;
    for (const n of needles) states += n.length;
    let delta = new Int32Array(states * k);
    let used = 1;
    needles.forEach((needle, index) => {
      let s = 0;
      for (const b of needle) {
        const cell = s * k + this.classOf[b]!;
        if (delta[cell] === 0) delta[cell] = used++;
        s = delta[cell]!;
      }
      (this.endsHere[s] ??= []).push(index);
    });
    if (used < states) delta = delta.slice(0, used * k);

    // Breadth-first: failure links, output links, and each missing edge = the failure state's edge.
    const fail = new Int32Array(used);
    const outputLink = new Int32Array(used).fill(-1);
    const queue = new Int32Array(used);
    let head = 0;
    let tail = 0;
    for (let c = 0; c < k; c += 1) if (delta[c] !== 0) queue[tail++] = delta[c]!;
    while (head < tail) {
      const s = queue[head++]!;
      const f = fail[s]!;
      outputLink[s] = this.endsHere[f] ? f : outputLink[f]!;
      for (let c = 0; c < k; c += 1) {
        const t = delta[s * k + c]!;
        if (t !== 0) {
          fail[t] = delta[f * k + c]!;
          queue[tail++] = t;
        } else {
          delta[s * k + c] = delta[f * k + c]!;
        }
      }
    }
    // Renumber the states breadth-first, so the shallow states (where a scan spends most of its
    // time) sit together in the table and stay in the CPU cache; then pre-multiply and flag output.
    const renumber = new Int32Array(used);
    for (let i = 0; i < tail; i += 1) renumber[queue[i]!] = i + 1;
    const table = new Int32Array(used * k);
    const endsHere: (number[] | undefined)[] = [];
    this.outputLink = new Int32Array(used).fill(-1);
    for (let old = 0; old < used; old += 1) {
      const s = renumber[old]!;
      endsHere[s] = this.endsHere[old];
      if (outputLink[old]! >= 0) this.outputLink[s] = renumber[outputLink[old]!]!;
    }
    this.endsHere = endsHere;
    for (let old = 0; old < used; old += 1) {
      const row = renumber[old]! * k;
      for (let c = 0; c < k; c += 1) {
        const t = renumber[delta[old * k + c]!]!;
        table[row + c] = endsHere[t] || this.outputLink[t]! >= 0 ? ~(t * k) : t * k;
      }
    }
    this.delta = table;
  }

  /**
   * Runs the bytes through the automaton from `state` (0 at the start of an entry); calls
   * `onMatch(needle, endIndex)` for each value that ends in this chunk (`endIndex`: the index of
   * its last byte) and returns the state to pass in with the next chunk.
   */
  scan(chunk: Uint8Array, state: number, onMatch: (needle: number, endIndex: number) => void): number {
    const { classOf, delta } = this;
    let s = state;
    for (let i = 0; i < chunk.length; i += 1) {
      const t = delta[s + classOf[chunk[i]!]!]!;
      if (t >= 0) {
        s = t;
      } else {
        s = ~t;
        this.report(s / this.classCount, i, onMatch);
      }
    }
    return s;
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
  private readonly automata: { automaton: Automaton; needleIds: number[] }[] = [];
  private states: number[] = [];
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

  /** `maxTableCells`: the cap per automaton (tests lower it to exercise the split). */
  constructor(values: readonly string[], { maxTableCells = MAX_TABLE_CELLS }: { maxTableCells?: number } = {}) {
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
    // Split the needles so no automaton's table passes the cap.
    let group: number[] = [];
    let bytes = new Set<number>();
    let states = 1;
    const close = () => {
      if (group.length > 0) this.automata.push({ automaton: new Automaton(group.map((id) => needles[id]!)), needleIds: group });
    };
    needles.forEach((needle, id) => {
      const more = new Set(bytes);
      for (const b of needle) more.add(b);
      if (group.length > 0 && (states + needle.length) * (more.size + 1) > maxTableCells) {
        close();
        group = [];
        states = 1;
        more.clear();
        for (const b of needle) more.add(b);
      }
      group.push(id);
      states += needle.length;
      bytes = more;
    });
    close();
  }

  /** Passes over each chunk: 1 unless the values are very many. */
  get passes(): number {
    return this.automata.length;
  }

  beginEntry(name: string): void {
    this.entry = name;
    this.entryNumber += 1;
    this.linesBefore = 0;
    this.hits = [];
    this.states = this.automata.map(() => 0);
  }

  push(chunk: Uint8Array): void {
    const found: { at: number; value: number }[] = [];
    this.automata.forEach(({ automaton, needleIds }, a) => {
      this.states[a] = automaton.scan(chunk, this.states[a]!, (local, endIndex) => {
        for (const value of this.valuesOf[needleIds[local]!]!) {
          if (this.foundIn[value] === this.entryNumber) continue;
          this.foundIn[value] = this.entryNumber;
          found.push({ at: endIndex, value });
        }
      });
    });
    // Newlines are counted with native indexOf, once over the chunk, stopping at each hit in order.
    if (found.length > 1) found.sort((x, y) => x.at - y.at || x.value - y.value);
    let lines = this.linesBefore;
    let nl = chunk.indexOf(10);
    for (const { at, value } of found) {
      for (; nl >= 0 && nl <= at; nl = chunk.indexOf(10, nl + 1)) lines += 1;
      // The line the value starts on: the line of its last byte, less its own newlines.
      this.hits.push({ entry: this.entry, line: lines + 1 - this.values[value]!.newlines, masked: this.values[value]!.masked });
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
