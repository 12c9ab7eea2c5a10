/** Feeding a redaction stream in chosen chunk sizes, for the streaming tests. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { Redactor as RedactorClass, type Redactor, type RedactStream, type StreamOptions } from '../../../../electron/engine/redact/index.js';
import type { RuleSet } from '../../../../electron/engine/redact/rule-set.js';

/** Chunk sizes: a fixed size, or a deterministic pseudo-random one in [1, max]. */
export function chunkSizes(kind: number | { max: number; seed: number }): () => number {
  if (typeof kind === 'number') return () => kind;
  let s = kind.seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return 1 + ((s >>> 8) % kind.max);
  };
}

/** Writes `data` through a new stream of `redactor` in chunks; resolves with the output and the stream. */
export async function redactInChunks(redactor: Redactor, data: Buffer, size: () => number, options: StreamOptions = {}): Promise<{ text: string; stream: RedactStream }> {
  const stream = redactor.createStream(options);
  const out: Buffer[] = [];
  stream.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  for (let off = 0; off < data.length; ) {
    const n = size();
    stream.write(data.subarray(off, off + n));
    off += n;
  }
  stream.end();
  await done;
  return { text: Buffer.concat(out).toString('utf8'), stream };
}

/** A rule test case: an input line (or text) and the output the default Redactor must give. */
export type Case = [input: string, expected: string];

/** The default Redactor (a new one each time) over one text. */
export const redact = (text: string): string => new RedactorClass().redactText(text).text;
/** Each input redacts to its expected text (the input names the failing case). */
export const check = (cases: Case[]): void => {
  for (const [input, expected] of cases) expect(redact(input), input).toBe(expected);
};
/** Each input comes out unchanged (look-alikes). */
export const unchanged = (inputs: string[]): void => check(inputs.map((i) => [i, i]));
/** A whole file through a stream of a new default Redactor, in chunks of `size` bytes, named `name` (layouts). */
export const file = async (name: string, text: string, size = 4096): Promise<string> => (await redactInChunks(new RedactorClass(), Buffer.from(text), chunkSizes(size), { name })).text;

/** The text of every fixture under `dir` (sub-folders too, in name order), labels and other JSON left out. */
export function fixtureTexts(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...fixtureTexts(path));
    else if (!name.endsWith('.json')) out.push(readFileSync(path, 'utf8'));
  }
  return out;
}

/** Every line of every fixture under `dir` (sub-folders too, in name order): JSON fixtures in, labels left out. */
export function fixtureLines(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) fixtureLines(path, out);
    else if (!name.endsWith('.labels.json')) out.push(...readFileSync(path, 'utf8').split('\n'));
  }
  return out;
}

/** Each login is gone from the text's redaction, as a USER placeholder (the login tests of rest16a, login17 …). */
export const takesLogins = (text: string, ...logins: string[]): string => {
  const out = redact(text);
  for (const login of logins) expect(out, text).not.toMatch(new RegExp(`(?<![\\w.-])${login.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`));
  expect(out, text).toMatch(/<USER-1>/);
  return out;
};

/** Each value is gone from the text's redaction (whatever else other rules take), and a placeholder of `kind` (`SECRET`, `USER` …) stands in it. */
export const takesAs = (kind: string, text: string, ...values: string[]): string => {
  const out = redact(text);
  for (const value of values) expect(out, text).not.toContain(value);
  expect(out, text).toContain(`<${kind}-`);
  return out;
};

/** Each word is still in the text's redaction. */
export const keepsWords = (text: string, ...words: string[]): string => {
  const out = redact(text);
  for (const word of words) expect(out, text).toContain(word);
  return out;
};

/**
 * Calls `each` once for every rule set `redactor`'s line engines run (one per layout it meets),
 * before the engine first uses it: where a test wraps triggers, scans or patterns to count them.
 */
export function onEachRuleSet(redactor: Redactor, each: (rules: RuleSet) => void): void {
  const seen = new WeakSet<RuleSet>();
  const inner = redactor as unknown as { lineEngine: (...args: unknown[]) => { rules: RuleSet } };
  const lineEngine = inner.lineEngine.bind(redactor);
  inner.lineEngine = (...args: unknown[]) => {
    const engine = lineEngine(...args);
    if (!seen.has(engine.rules)) {
      seen.add(engine.rules);
      each(engine.rules);
    }
    return engine;
  };
}
