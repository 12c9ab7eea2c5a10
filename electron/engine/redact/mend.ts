/**
 * The mend step (issue 14): a value a rule learned late — a name or login first redacted in a
 * later file (learned-values.ts), or any value the redactor hid — still stands in the entries
 * written before it was learned: the stream cannot take back what it wrote. The leak watch finds
 * those entries; before the archive is published, this rewrites ONLY them into a copy of the
 * archive (every other entry's compressed bytes copied as they are, archive/zip-rewrite.ts):
 *
 * - a collected text entry goes through the now-complete Redactor again (its placeholders stay:
 *   redacting redacted text is the identity on them, so only the late values are replaced and
 *   counted), then any hit value still standing (as a token) is replaced by the placeholder it already has,
 *   counted under the rule that made that placeholder (as learned repeats are);
 * - an entry rendered from facts (the recording's steps page) is rendered again from its facts;
 * - the report entries and manifest.json are rendered again from the manifest as mended (sizes,
 *   checksums, redaction counts), so every figure is the engine's one truth after the mend.
 *
 * The copy is checked again (the leak scan over the entries it rewrote) before it may replace the
 * original. Anything that stops the mend — a binary entry holding a value (never rewritten), the
 * deadline, a write error, a value still there — leaves the original archive as it was and says
 * why: the upload is then blocked as before.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Manifest, ManifestItem, MendRefusal } from '../../../shared/types.js';
import { removeQuietly } from '../archive/atomic-output.js';
import { rewriteZip, type EntryRewrite } from '../archive/zip-rewrite.js';
import { jsonPieces } from '../report/json-pieces.js';
import { detectFormat, encodePlaceholders } from './formats.js';
import { isWordByte, scanArchiveForLeaks, type LeakValueHit } from './leak-check.js';
import { redactFacts, renderFromFacts } from './redact-facts.js';
import type { Redactor } from './redactor.js';

/** A report entry written after the collected items (checks, timeline, summary page). */
export interface GeneratedEntry {
  name: string;
  source: string;
  pieces(): Iterable<Buffer>;
}

export interface MendInput {
  /** The complete archive, not yet published (the writer's temp file). */
  archivePath: string;
  /** Its final name: the mended copy is written beside it. */
  finalPath: string;
  /** The leak watch's hits (values in the clear, in memory only). */
  hits: readonly LeakValueHit[];
  /** The manifest as written into the archive (not changed: the mended one is returned). */
  manifest: Manifest;
  redactor: Redactor;
  /** Every value the leak check looks for: the mended entries are scanned for all of them. */
  leakValues: readonly string[];
  /** The report entries' names, in archive order, and manifest.json's (written last). */
  generatedNames: readonly string[];
  manifestName: string;
  /**
   * The report entries rendered again from `manifest` (whose items hold every entry written
   * before them, as mended); `hitEntries` names every entry the leak watch found a value in, and
   * `mendedData` holds the new bytes of the mended entries named in `keep`; `redactAgain` redacts
   * facts (the timeline's lines, the checks) as the mended entries are: by the now-complete
   * Redactor, then every hit value still standing by its placeholder. Called once.
   */
  render(manifest: Manifest, context: { hitEntries: ReadonlySet<string>; mendedData: ReadonlyMap<string, Buffer>; redactAgain: <T>(facts: T) => T }): GeneratedEntry[];
  /** Mended entries whose new bytes `render` needs (the summary page's system and network JSON). */
  keep: ReadonlySet<string>;
  /** Entries rendered from facts during collection (CollectorContext.addRendered), by name. */
  rendered: ReadonlyMap<string, Parameters<typeof renderFromFacts>[0]>;
  /** The run's deadline (and cancel): past it, no mend. */
  signal: AbortSignal;
  /** Test seam: called before each write of the copy; throwing there is a write error. */
  beforeWrite?: (bytes: number) => void;
}

export type MendOutcome = { state: 'mended'; path: string; bytes: number; manifest: Manifest; entries: string[] } | { state: 'not-mended'; refusal: MendRefusal };

const MENDED_NOTE = 'mended: redacted again once the archive was complete (a value was learned after this entry was written)';

/** Rewrites the hit entries into a checked copy of the archive, or says why not (never throws, but for a cancel). */
export async function mendArchive(input: MendInput): Promise<MendOutcome> {
  const { manifest, redactor } = input;
  if (input.signal.aborted) return refused({ code: 'deadline' });
  const generated = new Set([...input.generatedNames, input.manifestName]);
  const itemOf = new Map(manifest.items.map((item) => [item.name, item]));
  const valuesOf = new Map<string, Set<string>>();
  for (const hit of input.hits) {
    if (generated.has(hit.entry)) continue;
    const item = itemOf.get(hit.entry);
    if (!item) return refused({ code: 'failed', entry: hit.entry, error: 'not a collected entry' });
    if (item.kind === 'binary') return refused({ code: 'binary', entry: hit.entry });
    if (item.collector === 'session') return refused({ code: 'failed', entry: hit.entry, error: 'the intake is kept as the user typed it' });
    valuesOf.set(hit.entry, (valuesOf.get(hit.entry) ?? new Set()).add(hit.value));
  }
  // The manifest as mended: a copy, so a failed mend leaves the caller's untouched.
  const mended: Manifest = structuredClone(manifest);
  const totals = (mended.redaction ??= { enabled: true, rules: redactor.activeRules(), totals: {} }).totals;
  mended.redaction.mended = [...valuesOf.keys()];
  const hitEntries = new Set(input.hits.map((hit) => hit.entry));
  const mendedData = new Map<string, Buffer>();
  const items = new Map(mended.items.filter((item) => !generated.has(item.name)).map((item) => [item.name, item]));
  // Report entries are added back as they are written, in archive order (the page lists them).
  mended.items = mended.items.filter((item) => !generated.has(item.name));
  let reports: Map<string, GeneratedEntry> | undefined;
  const rewrite = (name: string): EntryRewrite | undefined => {
    const values = valuesOf.get(name);
    if (values) {
      const item = items.get(name)!;
      const render = input.rendered.get(name);
      if (render) return { kind: 'render', pieces: () => [renderFromFacts(render, redactor)] };
      return {
        kind: 'transform',
        transform: (old) => keeping(name, mendText(old, name, redactor, values, (counts) => addCounts(item, totals, counts))),
      };
    }
    if (name === input.manifestName) return { kind: 'render', pieces: () => jsonPieces(mended) };
    if (!generated.has(name)) return undefined;
    const hitValues = new Set(input.hits.map((hit) => hit.value));
    const replace = hitValueReplacer(redactor, hitValues);
    const redactAgain = <T>(facts: T): T => redactFacts(facts, redactor, replace);
    reports ??= new Map(input.render(mended, { hitEntries, mendedData, redactAgain }).map((entry) => [entry.name, entry]));
    const entry = reports.get(name);
    if (!entry) throw new Error(`internal: the report entry ${name} was not rendered again`);
    return { kind: 'render', pieces: () => entry.pieces() };
  };
  async function* keeping(name: string, pieces: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    const kept: Buffer[] | undefined = input.keep.has(name) ? [] : undefined;
    for await (const piece of pieces) {
      kept?.push(piece);
      yield piece;
    }
    if (kept) mendedData.set(name, Buffer.concat(kept));
  }
  let copy: { path: string; bytes: number } | undefined;
  try {
    copy = await rewriteZip({
      source: input.archivePath,
      finalPath: input.finalPath,
      rewrite,
      signal: input.signal,
      ...(input.beforeWrite ? { beforeWrite: input.beforeWrite } : {}),
      written: (result) => {
        const item = items.get(result.name);
        if (item) {
          item.size = result.size;
          item.sha256 = result.sha256;
          item.note = [item.note, MENDED_NOTE].filter(Boolean).join('; ');
        } else if (result.name !== input.manifestName) {
          const entry = reports?.get(result.name);
          mended.items.push({ name: result.name, collector: 'session', source: entry?.source ?? '', kind: 'text', size: result.size, sha256: result.sha256, truncated: false });
        }
      },
    });
    // The check again, over what was rewritten: the copied entries were clean already.
    const rewritten = new Set([...valuesOf.keys(), ...generated]);
    const still = await scanArchiveForLeaks(copy.path, input.leakValues, { entries: rewritten, signal: input.signal });
    if (still.length > 0) {
      await discard(copy.path);
      return refused({ code: 'remains', entry: still[0]!.entry });
    }
    return { state: 'mended', path: copy.path, bytes: copy.bytes, manifest: mended, entries: [...valuesOf.keys()] };
  } catch (err) {
    if (copy) await discard(copy.path);
    if (input.signal.aborted) return refused({ code: 'deadline' });
    return refused({ code: 'failed', error: err instanceof Error ? err.message : String(err) });
  }
}

const refused = (refusal: MendRefusal): MendOutcome => ({ state: 'not-mended', refusal });

const discard = removeQuietly;

/** Adds an entry's new replacements to its own counts and the archive's totals. */
function addCounts(item: ManifestItem, totals: Record<string, number>, counts: Record<string, number>): void {
  for (const [rule, n] of Object.entries(counts)) {
    if (n === 0) continue;
    totals[rule] = (totals[rule] ?? 0) + n;
    item.redactions = { ...item.redactions, [rule]: (item.redactions?.[rule] ?? 0) + n };
  }
}

/**
 * One text entry redacted again, line by line: first by the Redactor (the late values it now
 * knows), then each hit value still standing as a token replaced by its placeholder (ASCII case folded, as
 * the leak check matches), in the form the entry's format needs. `done` gets the counts.
 */
export async function* mendText(old: Readable, name: string, redactor: Redactor, values: ReadonlySet<string>, done: (counts: Record<string, number>) => void): AsyncGenerator<Buffer> {
  const redact = redactor.createStream({ name });
  const pumping = pipeline(old, redact);
  pumping.catch(() => undefined);
  const hits = hitValuePlaceholders(redactor, values);
  const rules = redactor.placeholderRules();
  const isOurs = (p: string) => redactor.mapping().has(p);
  const extra: Record<string, number> = {};
  let format: ReturnType<typeof detectFormat> | undefined;
  const fix = (text: string): string => {
    if (!hits) return text;
    format ??= detectFormat(name, text);
    const f = format;
    return text.replace(/[^\n]*\n?/g, (line) => {
      if (line.length === 0) return line;
      let hit = false;
      const replaced = line.replace(hits.pattern, (m) => {
        const placeholder = hits.placeholderOf.get(m.toLowerCase()) ?? m;
        if (placeholder === m) return m;
        hit = true;
        const rule = rules.get(placeholder) ?? 'learned';
        extra[rule] = (extra[rule] ?? 0) + 1;
        return placeholder;
      });
      return hit ? encodePlaceholders(f, replaced, isOurs) : line;
    });
  };
  const decoder = new StringDecoder('utf8');
  let carry = '';
  for await (const chunk of redact) {
    const text = carry + decoder.write(chunk as Buffer);
    const cut = text.lastIndexOf('\n') + 1;
    carry = text.slice(cut);
    if (cut > 0) yield Buffer.from(fix(text.slice(0, cut)), 'utf8');
  }
  await pumping;
  const rest = carry + decoder.end();
  if (rest.length > 0) yield Buffer.from(fix(rest), 'utf8');
  const counts = { ...redact.counts() };
  for (const [rule, n] of Object.entries(extra)) counts[rule] = (counts[rule] ?? 0) + n;
  done(counts);
}

/**
 * Replaces every one of `values` still standing in a text as a token by the placeholder the
 * Redactor already gave it (ASCII case folded, as the leak check matches); values with no
 * placeholder stay.
 */
export function hitValueReplacer(redactor: Redactor, values: ReadonlySet<string>): (text: string) => string {
  const hits = hitValuePlaceholders(redactor, values);
  if (!hits) return (text) => text;
  return (text) => text.replace(hits.pattern, (m) => hits.placeholderOf.get(m.toLowerCase()) ?? m);
}

/**
 * The hit values that already have a placeholder: one case-insensitive alternation (longest value
 * first) and the placeholder of each value by its lower-case form. Undefined when none has one.
 *
 * A value is replaced only where it stands as a token, exactly where the leak check counts it
 * (leak-check.ts, LeakMatcher): a value beginning with an ASCII letter, digit or underscore must
 * not follow one, a value ending with one must not be followed by one. A learned `insta` leaves
 * `install` alone; a Han name or a value ending in punctuation needs no boundary at that end.
 */
function hitValuePlaceholders(redactor: Redactor, values: ReadonlySet<string>): { pattern: RegExp; placeholderOf: ReadonlyMap<string, string> } | undefined {
  const placeholderOf = new Map<string, string>();
  for (const [placeholder, value] of redactor.mapping()) if (values.has(value) && !placeholderOf.has(value.toLowerCase())) placeholderOf.set(value.toLowerCase(), placeholder);
  if (placeholderOf.size === 0) return undefined;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  // The leak check's own word bytes (a value's first and last characters are whole UTF-16 units: non-ASCII is no word byte).
  const token = (value: string) => `${isWordByte(value.charCodeAt(0)) ? '(?<![A-Za-z0-9_])' : ''}${escape(value)}${isWordByte(value.charCodeAt(value.length - 1)) ? '(?![A-Za-z0-9_])' : ''}`;
  return { pattern: new RegExp([...placeholderOf.keys()].sort((a, b) => b.length - a.length).map(token).join('|'), 'gi'), placeholderOf };
}
