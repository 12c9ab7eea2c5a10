/**
 * The redaction stage: one Redactor per archive, one stream per text item. Placeholders are
 * shared by all items of the archive, so `<USER-1>` is the same person in every file; the mapping
 * back to real values stays on the user's machine.
 */
import { Transform } from 'node:stream';
import { SniffingDecoder, type TextEncoding } from './decode.js';
import { LineEngine, type RedactionSink } from './line-engine.js';
import { PlaceholderRegistry } from './placeholders.js';
import { buildRuleSet, type RuleSet } from './rule-set.js';

export interface RedactorOptions {
  /** ids of optional rules to switch on (off by default): 'ipv4-public', 'ipv6-public', 'mac-address', 'hostname' */
  optionalRules?: string[];
  /**
   * Extra rules from IT policy: regex source + flags (i, m, s, u); the whole match (or capture
   * group `secret` if present) is replaced by `<PLACEHOLDER-n>` (default kind SECRET). An invalid
   * pattern is an InputError naming the rule.
   */
  extraRules?: { id: string; pattern: string; flags?: string; placeholder?: string }[];
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
};

export class Redactor {
  private readonly ruleSet: RuleSet;
  private readonly registry = new PlaceholderRegistry();

  /** Throws InputError when an option is invalid (unknown optional rule, bad IT pattern). */
  constructor(options: RedactorOptions = {}) {
    this.ruleSet = buildRuleSet(options);
  }

  /**
   * A Transform for one text item. The encoding is detected from the item's first bytes (see
   * decode.ts); output is always UTF-8, invalid bytes become U+FFFD. Binary data is treated as
   * text too (it never fails, and ASCII secrets inside are still replaced): route binary items
   * around the stream with `isProbablyBinary` on their first 8 KiB.
   */
  createStream(): RedactStream {
    const counts: Record<string, number> = {};
    const engine = new LineEngine(this.ruleSet, this.sink(counts));
    const decoder = new SniffingDecoder();
    const emit = (stream: Transform, text: string) => {
      if (text.length > 0) stream.push(Buffer.from(text, 'utf8'));
    };
    const stream = new Transform({
      transform(chunk: Buffer | string, _encoding, callback) {
        try {
          const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
          emit(this, engine.push(decoder.write(bytes)));
          callback();
        } catch (err) {
          callback(err as Error);
        }
      },
      flush(callback) {
        try {
          emit(this, engine.push(decoder.end()) + engine.end());
          callback();
        } catch (err) {
          callback(err as Error);
        }
      },
    });
    return Object.assign(stream, { counts: () => ({ ...counts }), encoding: () => decoder.encoding });
  }

  /** Convenience for small strings, with the same placeholders as the streams. */
  redactText(text: string): { text: string; counts: Record<string, number> } {
    const counts: Record<string, number> = {};
    const engine = new LineEngine(this.ruleSet, this.sink(counts));
    const out = engine.push(text) + engine.end();
    return { text: out, counts };
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

  private sink(counts: Record<string, number>): RedactionSink {
    const registry = this.registry;
    return {
      placeholder: (kind, value, ruleId, identity) => registry.placeholderFor(kind, value, ruleId, identity),
      startLine: () => registry.startLine(),
      finishLine: (line) => registry.finishLine(line),
      count: (ruleId) => {
        counts[ruleId] = (counts[ruleId] ?? 0) + 1;
      },
      seen: (value) => registry.addSeen(value),
    };
  }
}
