/**
 * Every item on its way into the archive: text goes through the Redactor, binary (images,
 * zips, a "log" that is really binary) passes untouched. The decision is made on the item's
 * first bytes, so nothing is buffered beyond them.
 */
import { PassThrough, Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { isProbablyBinary, readHead, type TextEncoding } from './decode.js';
import type { StructureOutcome } from './formats.js';
import type { Redactor } from './redactor.js';

export interface RouteOutcome {
  /** Passed through untouched. */
  binary: boolean;
  /** Replacements per rule id (empty for binary). */
  counts: Record<string, number>;
  encoding?: TextEncoding;
  /** The item's format and whether it still parses (text only). */
  structure?: StructureOutcome;
}

/**
 * Returns the stream to archive, and the outcome once that stream has ended. An error of the
 * source (a file vanishing midway) destroys the returned stream with the same error.
 * `options.onText` receives the redacted text of a text item as it is pushed (see
 * StreamOptions.onText); a binary item gives it nothing.
 */
export function routeThroughRedactor(source: Readable, redactor: Redactor, name?: string, options: { onText?: (text: string) => void } = {}): { stream: Readable; outcome: Promise<RouteOutcome> } {
  const out = new PassThrough();
  const outcome = (async (): Promise<RouteOutcome> => {
    const it = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const { first, ended } = await readHead(it);
    const rest = Readable.from(
      (async function* () {
        if (first.length > 0) yield first;
        if (ended) return;
        for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
      })(),
    );
    if (isProbablyBinary(first)) {
      await pipeline(rest, out);
      return { binary: true, counts: {} };
    }
    const redact = redactor.createStream({ ...(name === undefined ? {} : { name }), ...(options.onText ? { onText: options.onText } : {}) });
    await pipeline(rest, redact, out);
    const encoding = redact.encoding();
    const structure = redact.structure();
    return { binary: false, counts: redact.counts(), ...(encoding ? { encoding } : {}), ...(structure ? { structure } : {}) };
  })();
  outcome.catch((err: unknown) => {
    out.destroy(err as Error);
    // The source is read through its iterator by hand, which nothing returns when the pipeline
    // fails (e.g. the consumer destroyed `out`): destroy it here, or a file source stays open
    // until garbage collection closes its handle.
    source.destroy();
  });
  return { stream: out, outcome };
}

/**
 * The same for an in-memory item: the redacted bytes (or the input, for binary). The redact
 * stream gets the buffer as its one chunk, as routeThroughRedactor would give it, but without the
 * pass-through, iterators and pipeline around it: thousands of small files each paid more for
 * those than for their redaction.
 */
export async function redactBuffer(data: Buffer, redactor: Redactor, name?: string): Promise<{ data: Buffer; outcome: RouteOutcome }> {
  if (isProbablyBinary(data)) return { data, outcome: { binary: true, counts: {} } };
  const redact = redactor.createStream(name === undefined ? {} : { name });
  const chunks: Buffer[] = [];
  redact.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = finished(redact);
  if (data.length > 0) redact.end(data);
  else redact.end();
  await done;
  const encoding = redact.encoding();
  const structure = redact.structure();
  return {
    data: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
    outcome: { binary: false, counts: redact.counts(), ...(encoding ? { encoding } : {}), ...(structure ? { structure } : {}) },
  };
}
