/**
 * The redaction stage: one Redactor per archive, one stream per text item. Placeholders are
 * shared by all items of the archive, so `<USER-1>` is the same person in every file; the mapping
 * back to real values stays on the user's machine.
 */
import { isAscii } from 'node:buffer';
import { Transform } from 'node:stream';
import { SniffingDecoder, type TextEncoding } from './decode.js';
import { InputBytes } from './edited-output.js';
import { adjustSpan, decodeJsonUnicode, detectFormat, detectLayout, HEADER_REACH, tableHeaderStart, transcriptSection, TRANSCRIPT_SECTION_HINT, mayAnnounceSection, type ItemLayout, encodePlaceholders, jsonCutPoint, maskEscapes, unmaskEscapes, hasStructureCheck, parsesAs, STRUCTURE_CHECK_LIMIT, type StructureOutcome, type TextFormat } from './formats.js';
import { LearnedValues, type LearnedState } from './learned-values.js';
import { LineEngine, type RedactionSink } from './line-engine.js';
import { PlaceholderRegistry, type RegistryMark, type RegistryState } from './placeholders.js';
import { buildRuleSet, type RuleSet, type RuleSetOptions } from './rule-set.js';
import { kerberosPrincipalLogin } from './rule-validators.js';
import { TextTables } from './text-table.js';

export interface RedactorOptions {
  /** ids of optional rules to switch on (off by default): 'ipv4-public', 'ipv6-public', 'mac-address', 'hostname' */
  optionalRules?: string[];
  /**
   * Extra rules from IT policy: regex source + flags (i, m, s, u); the whole match (or capture
   * group `secret` if present) is replaced by `<PLACEHOLDER-n>` (default kind SECRET). A rule may
   * name a validator of the built-in table (`luhn`, `notMeasurement` …) and context words, one of
   * which must stand just before a match. An invalid pattern or unknown validator is an InputError
   * naming the rule.
   */
  extraRules?: { id: string; pattern: string; flags?: string; placeholder?: string; validator?: string; context?: string[] }[];
  /** Allow-list regex sources: a match that also fully matches one of these is kept. */
  allow?: string[];
  /**
   * Values known to be this machine's identifiers, redacted wherever they appear as whole words
   * (case-insensitive; values shorter than 3 characters are ignored): e.g. user and host name.
   */
  knownValues?: { value: string; kind: 'USER' | 'HOST' | 'EMAIL' }[];
}

/** A Transform for one item: bytes in (any supported encoding), redacted UTF-8 out. */
export type RedactStream = Transform & {
  /** Replacements per rule id; complete after 'finish'/'end'. */
  counts(): Record<string, number>;
  /** The detected input encoding (undefined until enough input was seen). */
  encoding(): TextEncoding | undefined;
  /** The item's format and whether its structure survived (complete after 'end'). */
  structure(): StructureOutcome | undefined;
};

/** Where a Redactor's state stood (sizes), to export only what was added since. */
export interface RedactorMark {
  registry: RegistryMark;
  learned: number;
}

/** A Redactor's learned state (or what was added since a mark) as plain data (structured-cloneable). */
export interface RedactorState {
  registry: RegistryState;
  learned: LearnedState;
}

/** One item's redaction without a stream (see Redactor.openItem). */
export interface RedactItem {
  write(bytes: Buffer): void;
  end(): void;
  counts(): Record<string, number>;
  encoding(): TextEncoding | undefined;
  structure(): StructureOutcome | undefined;
}

/** What a stream knows about its item. */
export interface StreamOptions {
  /** The item's name (`系统信息.json`, `app.config`): picks the format before its content does. */
  name?: string;
  /**
   * Receives the redacted text as it is pushed, in order: the stream's bytes are its UTF-8
   * encoding. A reader on the way to the archive (the incident timeline) takes the text from here
   * instead of decoding the bytes a second time. It must not throw.
   */
  onText?: (text: string) => void;
}

/**
 * UTF-8 bytes of `text`. Logs are mostly ASCII, and for ASCII the UTF-8 bytes are the Latin-1
 * bytes: counting the UTF-8 length is a quick scan, and the Latin-1 copy costs about half of
 * V8's UTF-8 encoder (measured on the redact bench). Any other character takes two or more UTF-8
 * bytes (a lone surrogate three), so equal lengths prove the text is ASCII.
 */
export function encodeUtf8(text: string): Buffer {
  // speed17 (session 20): a character beyond ASCII near the start settles it without counting the
  // whole text (a Chinese log has one on every line; the count was ~3.5 % of its CPU, for nothing).
  if (hasWideNear(text)) return Buffer.from(text, 'utf8');
  return Buffer.byteLength(text, 'utf8') === text.length ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8');
}

/** How far encodeUtf8 looks for a character beyond ASCII before counting the UTF-8 length. */
const WIDE_PROBE = 1024;

/** Whether one of the first WIDE_PROBE characters of `text` is beyond ASCII (then the text is not ASCII). */
function hasWideNear(text: string): boolean {
  const n = Math.min(text.length, WIDE_PROBE);
  for (let i = 0; i < n; i += 1) if (text.charCodeAt(i) > 127) return true;
  return false;
}

/**
 * Rule sets already built in this process, by the options that shape them (buildRuleSet reads
 * only these): a Redactor with the same options takes the same one. A rule set is never changed
 * once built (the line engines keep their state apart, and set a regex's lastIndex before each
 * use), so Redactors share it as the items of one Redactor do. Building one costs ~30 ms of CPU
 * warm (~400 ms cold): per collection, and per item layout. On the redact bench each round's new
 * Redactor built it again: that was a third of a 10 MB access log's CPU.
 * A few entries (≈0.5 MB of heap each): the options differ by machine (its known values) and by
 * policy, seldom within one process.
 */
const RULE_SETS = new Map<string, RuleSet>();
const RULE_SETS_KEPT = 8;

function sharedRuleSet(options: RuleSetOptions): RuleSet {
  const key = JSON.stringify([options.optionalRules ?? [], options.extraRules ?? [], options.allow ?? [], options.knownValues ?? [], options.layout ?? null]);
  let set = RULE_SETS.get(key);
  if (set === undefined) {
    set = buildRuleSet(options);
    if (RULE_SETS.size >= RULE_SETS_KEPT) RULE_SETS.delete(RULE_SETS.keys().next().value!);
    RULE_SETS.set(key, set);
  }
  return set;
}

export class Redactor {
  /** Built when first needed (see the constructor). */
  private built: RuleSet | undefined;
  private readonly options: RedactorOptions;
  /** Rule sets of items with a layout (.pgpass, svn auth, CSV …), built when first needed. */
  private readonly layoutSets = new Map<ItemLayout, RuleSet>();
  private readonly registry = new PlaceholderRegistry();
  /** Names and logins a rule redacted: redacted again wherever they reappear (learned-values.ts). */
  private readonly learned = new LearnedValues();

  private readonly prefilter: boolean;

  /**
   * Throws InputError when an option is invalid (unknown optional rule, bad IT pattern).
   * `engine.prefilter: false` runs every rule on every line (tests: the reference for the scans).
   */
  constructor(options: RedactorOptions = {}, engine: { prefilter?: boolean } = {}) {
    this.options = options;
    this.prefilter = engine.prefilter ?? true;
    // The rule set costs a few hundred ms of CPU (cold) to build: without options that can be
    // refused it waits for the first text to redact, so a collection's first commands are already
    // running meanwhile instead of starting after it. Optional rules, IT rules and allow-list
    // patterns are checked by building it here, so a bad one still throws from the constructor.
    if (options.optionalRules?.length || options.extraRules?.length || options.allow?.length) this.built = sharedRuleSet(options);
  }

  private get ruleSet(): RuleSet {
    return (this.built ??= sharedRuleSet(this.options));
  }

  private lineEngine(sink: RedactionSink, layout?: ItemLayout): LineEngine {
    let ruleSet = this.ruleSet;
    if (layout !== undefined) {
      let cached = this.layoutSets.get(layout);
      if (!cached) {
        cached = sharedRuleSet({ ...this.options, layout });
        this.layoutSets.set(layout, cached);
      }
      ruleSet = cached;
    }
    return new LineEngine(ruleSet, sink, this.prefilter, this.learned);
  }

  /**
   * A Transform for one text item. The encoding is detected from the item's first bytes (see
   * decode.ts); output is always UTF-8, invalid bytes become U+FFFD. Binary data is treated as
   * text too (it never fails, and ASCII secrets inside are still replaced): route binary items
   * around the stream with `isProbablyBinary` on their first 8 KiB.
   *
   * The item's format (formats.ts) decides how placeholders are written. JSON and XML items up to
   * STRUCTURE_CHECK_LIMIT are held until their end and checked: one that did not parse before
   * redaction is redacted again as plain text (same placeholders), and `structure()` says so.
   */
  createStream(options: StreamOptions = {}): RedactStream {
    // `item` is made below, once `stream` exists to push to; the callbacks run later.
    const stream = new Transform({
      transform(chunk: Buffer | string, _encoding, callback) {
        try {
          item.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
          callback();
        } catch (err) {
          callback(err as Error);
        }
      },
      flush(callback) {
        try {
          item.end();
          callback();
        } catch (err) {
          callback(err as Error);
        }
      },
    });
    const item = this.openItem(options, (bytes) => stream.push(bytes));
    return Object.assign(stream, { counts: () => item.counts(), encoding: () => item.encoding(), structure: () => item.structure() });
  }

  /**
   * The redaction of one item without a stream around it ({@link createStream} is this in a
   * Transform): `write` each chunk of input and `end` once; the redacted UTF-8 bytes go to `deliver`
   * synchronously, in order (views of the input where nothing was replaced: valid only until the
   * input buffer is reused). The redaction worker (redact-worker.ts) drives it directly.
   */
  openItem(options: StreamOptions, deliver: (bytes: Buffer) => void): RedactItem {
    let counts: Record<string, number> = {};
    let format: TextFormat | undefined;
    let encodeAs: TextFormat = 'log';
    const sink = this.sink(counts, () => encodeAs);
    let engine = this.lineEngine(sink);
    // The item's first line (at most 1 KiB) is held until complete: with the name it picks the
    // layout (formats.ts detectLayout), and so the rules the item gets.
    let firstLine: string | undefined = '';
    const decoder = new SniffingDecoder();
    // The input bytes behind the text (when one byte per character), to write unchanged spans as they came.
    let inputBytes = new InputBytes();
    engine.recordEdits();
    // Off once a pasted transcript's section gets its own engine (see pushSections).
    let bytePath = true;
    const stopBytePath = () => {
      bytePath = false;
      inputBytes = new InputBytes();
    };
    // Input and output held for the structure check (checkable formats, up to the limit).
    let held: { input: string[]; output: string[]; size: number } | undefined;
    let structure: StructureOutcome | undefined;
    let jsonRest = '';
    const onText = options.onText;
    const emit = (text: string) => {
      if (text.length === 0) return;
      deliver(encodeUtf8(text));
      onText?.(text);
    };
    let layout: ItemLayout | undefined;
    // Plain text may be a pasted transcript (`==> ~/.pgpass <==`, `$ cat auth.txt`): the lines after
    // such a line are that file's, and get its layout's rules (a new engine at the section's start).
    // An incomplete last line that might announce a section waits for its line break.
    let sectionCarry = '';
    const pushSections = (input: string, final: boolean): string => {
      let text = sectionCarry + input;
      sectionCarry = '';
      if (!final) {
        const lastNl = text.lastIndexOf('\n');
        const tail = text.slice(lastNl + 1);
        if (tail.length > 0 && tail.length < 512 && mayAnnounceSection(tail)) {
          sectionCarry = tail;
          text = text.slice(0, lastNl + 1);
        }
      }
      if (!mayAnnounceSection(text)) return engine.push(text);
      let out = '';
      let from = 0;
      const starts = new RegExp(TRANSCRIPT_SECTION_HINT.source, 'gm');
      for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
        const nl = text.indexOf('\n', m.index);
        if (nl < 0) break;
        const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
        if (lineStart < from) continue;
        const path = transcriptSection(text.slice(lineStart, nl));
        starts.lastIndex = nl + 1;
        if (path === undefined) continue;
        const nextEnd = text.indexOf('\n', nl + 1);
        if (nextEnd < 0 && !final && text.length - lineStart < 1024) {
          // The section's first line (it picks the layout with the name) is not complete yet.
          sectionCarry = text.slice(lineStart) + sectionCarry;
          return out + engine.push(text.slice(from, lineStart));
        }
        const sectionLayout = detectLayout(path, text.slice(nl + 1, nextEnd < 0 ? text.length : nextEnd));
        // Another query's result is another table, read by its own header, even in the same layout.
        if (sectionLayout === layout && !(path === 'query' && layout === 'csv')) continue;
        out += engine.push(text.slice(from, nl + 1)) + engine.end();
        from = nl + 1;
        layout = sectionLayout;
        engine = this.lineEngine(sink, layout);
        // The new engine counts its text from 0: the output is no longer described by edits of
        // the whole input, so from here on it is encoded as text (and no input is kept).
        stopBytePath();
      }
      return out + engine.push(text.slice(from));
    };
    // table21 (session 20): a table inside plain text, wherever it starts (text-table.ts): its rows
    // go to an engine with the CSV layout under its header; everything else on to pushSections.
    const tables = new TextTables({
      pushText: pushSections,
      layout: () => layout,
      rowEngine: (csvHeader) => {
        const rows = this.lineEngine(sink, 'csv');
        rows.useHeader(csvHeader);
        return rows;
      },
      tableStarted: () => {
        // A row's text changes length: the output is no longer described by edits of the input.
        if (!bytePath) return;
        engine.stopEdits();
        stopBytePath();
      },
    });
    const handle = (chunk: string, final: boolean, chunkBytes?: Buffer) => {
      let text = chunk;
      let bytes = chunkBytes;
      if (firstLine !== undefined) {
        // Held text from earlier chunks: these bytes are not the whole text any more.
        if (firstLine.length > 0) bytes = undefined;
        firstLine += text;
        const nl = firstLine.indexOf('\n');
        // A table's header may come after `#` comment lines: held until complete too (within 1 KiB).
        const headerStart = tableHeaderStart(firstLine);
        const headerEnd = headerStart < 0 ? -1 : firstLine.indexOf('\n', headerStart);
        if ((nl < 0 || headerEnd < 0) && firstLine.length < HEADER_REACH && !final) return;
        text = firstLine;
        firstLine = undefined;
        const first = text.slice(0, nl < 0 ? HEADER_REACH : nl);
        const header = headerStart <= 0 || headerStart === 1 ? first : text.slice(headerStart, headerEnd < 0 ? headerStart + HEADER_REACH : headerEnd);
        layout = detectLayout(options.name, first, header);
        if (layout !== undefined) {
          // Nothing was pushed yet: the layout's engine starts where the first one would have.
          engine = this.lineEngine(sink, layout);
          engine.recordEdits();
          if (layout === 'csv' && header !== first) engine.useHeader(header);
        }
      }
      if (format === undefined && (text.length > 0 || final)) {
        format = detectFormat(options.name, text);
        encodeAs = format;
        if (hasStructureCheck(format)) held = { input: [], output: [], size: 0 };
        else structure = { format, check: 'unchecked' };
      }
      let lines = text;
      if (encodeAs === 'json') {
        // Non-ASCII `\uXXXX` escapes decoded, so the rules see the characters (an escape cut by the chunk boundary waits for the next chunk).
        const decoded = decodeJsonUnicode(jsonRest + text, final);
        lines = decoded.text;
        jsonRest = decoded.rest;
      }
      // ASCII read as UTF-8 (or still undecided): each character is its byte.
      const oneToOne = bytes !== undefined && lines === text && encodeAs !== 'json' && (decoder.encoding ?? 'utf8') === 'utf8' && isAscii(bytes);
      if (bytePath) inputBytes.add(lines.length, oneToOne ? bytes : undefined);
      const out = (encodeAs === 'log' ? tables.push(lines, final) : engine.push(lines)) + (final ? engine.end() : '');
      const edits = bytePath ? engine.takeEdits() : undefined;
      if (!held) {
        const asBytes = edits && inputBytes.bytesOf(edits);
        if (asBytes === undefined) return emit(out);
        // The spans between replacements are pushed as they are (views of the input, no copy).
        // Joining them into one buffer per chunk measured no gain in a collection (200 MB of
        // logs, A/B) and cost the redactor ~12 % (65 vs 74 MB per CPU second, 7 alternated pairs).
        for (const b of asBytes) if (b.length > 0) deliver(b);
        if (out.length > 0) onText?.(out);
        return;
      }
      if (edits) inputBytes.forget(edits.to);
      held.input.push(text);
      held.output.push(out);
      held.size += text.length + out.length;
      if (held.size > STRUCTURE_CHECK_LIMIT) {
        for (const piece of held.output) emit(piece);
        held = undefined;
        structure = { format: format!, check: 'unchecked', note: `${format} larger than ${STRUCTURE_CHECK_LIMIT / 2 ** 20} MiB: redacted line by line with ${format}-safe placeholders, structure not checked` };
        return;
      }
      if (!final) return;
      const input = held.input.join('');
      const output = held.output.join('');
      held = undefined;
      const f = format!;
      if (parsesAs(f, input) !== true) {
        // Not valid to begin with: redact as plain text (the registry gives the same placeholders).
        counts = {};
        encodeAs = 'log';
        engine = this.lineEngine(this.sink(counts, () => encodeAs), layout);
        emit(engine.push(input) + engine.end());
        structure = { format: f, check: 'fallback', note: `not valid ${f}: redacted as plain text` };
        return;
      }
      if (parsesAs(f, output)) {
        emit(output);
        structure = { format: f, check: 'valid' };
        return;
      }
      // A match cut through the format's syntax (a JSON escape such as `\"` taken into a value):
      // JSON is redacted again value by value and written anew, so it parses whatever the rules
      // matched; anything else keeps the line result and is reported as broken (never hidden).
      if (f === 'json') {
        const fresh: Record<string, number> = {};
        const rewritten = this.redactJsonValues(input, fresh);
        if (rewritten !== undefined) {
          for (const k of Object.keys(counts)) delete counts[k];
          Object.assign(counts, fresh);
          emit(rewritten);
          structure = { format: f, check: 'valid', note: 'json redacted value by value and rewritten (line-by-line placeholders would have broken it)' };
          return;
        }
      }
      emit(output);
      structure = { format: f, check: 'broken', note: `valid ${f} before redaction but not after: please report this` };
    };
    return {
      write: (bytes: Buffer) => handle(decoder.write(bytes), false, bytes),
      end: () => handle(decoder.end(), true),
      counts: () => ({ ...counts }),
      encoding: () => decoder.encoding,
      structure: () => structure,
    };
  }

  /**
   * Redacts a JSON document (or JSON Lines) by its decoded values: every key and string is
   * redacted as text with its key before it (`password: …`, so key rules and the measurement
   * context still apply), every number as `"key": n`; a number a rule replaces becomes a string.
   * The result is re-serialised with the input's indentation, so it always parses. Undefined when
   * the input does not parse.
   */
  private redactJsonValues(input: string, counts: Record<string, number>): string | undefined {
    const body = input.replace(/^\uFEFF/, '');
    const redact = (text: string) => {
      const engine = this.lineEngine(this.sink(counts, () => 'log'));
      return engine.push(text) + engine.end();
    };
    const withKey = (key: string | undefined, text: string, sep: string): string => {
      if (key === undefined || key.length === 0 || /[\r\n]/.test(key)) return redact(text);
      const head = `${key}${sep}`;
      const out = redact(head + text);
      return out.startsWith(head) ? out.slice(head.length) : redact(text);
    };
    const walk = (value: unknown, key: string | undefined): unknown => {
      if (typeof value === 'string') return withKey(key, value, ': ');
      if (typeof value === 'number') {
        const literal = JSON.stringify(value);
        const out = key === undefined ? redact(literal) : withKey(`"${key.replace(/["\\]/g, '')}"`, literal, ': ');
        return out === literal ? value : out;
      }
      if (Array.isArray(value)) return value.map((v) => walk(v, key));
      if (value !== null && typeof value === 'object') {
        const copy: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) copy[redact(k)] = walk(v, k);
        return copy;
      }
      return value;
    };
    const indent = /^[{[]\r?\n([ \t]+)/.exec(body)?.[1] ?? '';
    const newline = body.includes('\r\n') ? '\r\n' : '\n';
    const serialise = (doc: unknown) => {
      const text = JSON.stringify(walk(doc, undefined), null, indent);
      return newline === '\n' ? text : text.replace(/\n/g, newline);
    };
    try {
      return serialise(JSON.parse(body)) + (/\r?\n$/.test(body) ? newline : '');
    } catch {
      // JSON Lines: one document per line.
      try {
        return body
          .split(/\r?\n/)
          .map((line) => (line.trim().length === 0 ? line : JSON.stringify(walk(JSON.parse(line), undefined))))
          .join(newline);
      } catch {
        return undefined;
      }
    }
  }

  /** Convenience for small strings, with the same placeholders as the streams. */
  redactText(text: string): { text: string; counts: Record<string, number> } {
    const counts: Record<string, number> = {};
    const engine = this.lineEngine(this.sink(counts, () => 'log'));
    const out = engine.push(text) + engine.end();
    return { text: out, counts };
  }

  /** What makes another Redactor (in a worker thread) apply the same rules as this one. */
  init(): { options: RedactorOptions; prefilter: boolean } {
    return { options: this.options, prefilter: this.prefilter };
  }

  /** How far the state has grown (see {@link exportState}). */
  stateMark(): RedactorMark {
    return { registry: this.registry.mark(), learned: this.learned.size };
  }

  /**
   * What this Redactor learned (placeholders and their numbering, seen values, learned names)
   * since `since` (everything without), as plain data a worker thread can receive: see
   * redact-offload.ts, which hands the changes back and forth so one archive is numbered as if
   * one thread had redacted it all.
   */
  exportState(since?: RedactorMark): RedactorState {
    return { registry: this.registry.exportState(since?.registry), learned: this.learned.exportState(since?.learned ?? 0) };
  }

  /** Adds what its twin learned (its {@link exportState} since the mark both shared). */
  importState(state: RedactorState): void {
    this.registry.importState(state.registry);
    this.learned.importState(state.learned);
  }

  /** placeholder -> original value; stays on the user's machine, never in the archive. */
  mapping(): ReadonlyMap<string, string> {
    return this.registry.mapping();
  }

  /** Secret and personal values seen so far (for the leak check before upload). */
  seenValues(): ReadonlySet<string> {
    return this.registry.seenValues();
  }

  /** placeholder -> id of the rule that first produced it (quality reports, support of the tool). */
  placeholderRules(): ReadonlyMap<string, string> {
    return this.registry.rules();
  }

  /** Ids of the rules this Redactor applies, in order. */
  activeRules(): string[] {
    return this.ruleSet.rules.map((r) => r.rule.id);
  }

  /** sos26 (session 24): the rule set's large regexes, for a warm-up to compile first (regexp-ahead.ts, warm-up.ts). */
  regexesToCompileAhead(): readonly RegExp[] {
    return this.ruleSet.ahead ?? [];
  }

  private sink(counts: Record<string, number>, format: () => TextFormat): RedactionSink {
    const registry = this.registry;
    const learned = this.learned;
    const isOurs = (placeholder: string) => registry.mapping().has(placeholder);
    return {
      placeholder: (kind, value, ruleId, identity) => {
        const placeholder = registry.placeholderFor(kind, value, ruleId, identity);
        learned.learn(kind, value, ruleId, identity, registry.rules().get(placeholder));
        // A Kerberos principal teaches its login (rest15a): `x@REALM` taken whole by the e-mail rule, then `x` alone.
        const login = ruleId === 'email' ? kerberosPrincipalLogin(value) : undefined;
        if (login !== undefined) learned.learn('USER', login, 'user-name', login);
        return placeholder;
      },
      startLine: () => registry.startLine(),
      finishLine: (line) => {
        const done = registry.finishLine(line);
        const f = format();
        return f === 'log' ? done : encodePlaceholders(f, done, isOurs);
      },
      count: (ruleId) => {
        counts[ruleId] = (counts[ruleId] ?? 0) + 1;
      },
      seen: (value) => registry.addSeen(value),
      adjust: (line, start, end) => adjustSpan(format(), line, start, end),
      mask: (line) => maskEscapes(format(), line),
      unmask: (text) => unmaskEscapes(format(), text),
      cut: (text, start, limit, window) => (format() === 'json' ? jsonCutPoint(text, start, limit, window) : undefined),
    };
  }
}
