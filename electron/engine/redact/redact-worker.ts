/**
 * The redaction worker's entry (a `worker_threads` worker, started by redact-offload.ts): it
 * redacts one item at a time on another core while the main thread reads, writes and deflates.
 *
 * Its Redactor is the main one's twin: each item begins with what the main thread
 * learned since the previous item (placeholders, numbering, seen and learned values) and ends by
 * handing back what the item added, so the archive is numbered exactly as if the main thread had
 * redacted every item itself, in the same order (only changes cross: memory stays flat). Messages, in order: `begin` (name, state), `chunk` (input bytes, transferred) → `out`
 * (redacted bytes, transferred), then `end` → `done` (the last bytes, the item's outcome and the
 * state) or `abort` → `done` (the state only). Any failure answers `error` and forgets the item.
 *
 * Built as its own entry point: dist/cli/redact-worker.mjs (build:cli), out/main/redact-worker.js
 * (build:electron).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { keepYoungGenerationSmall } from '../platform/young-generation.js';
import { loadAnalyses } from './analyses.js';
import { redactorOptionsFor } from './policy-redactor.js';
import { sameRuleSet, WarmUp } from './warm-up.js';
import { Redactor, type RedactItem, type RedactorMark, type RedactorOptions, type RedactorState } from './redactor.js';

export type ToWorker =
  | { type: 'begin'; name?: string; state: RedactorState }
  | { type: 'chunk'; data: Uint8Array }
  | { type: 'end' }
  | { type: 'abort' }
  // sos20 (session 22): short texts (facts, manifest sources) redacted as redactText does, in order.
  | { type: 'texts'; texts: string[]; state: RedactorState };

export type FromWorker =
  | { type: 'out'; data: Uint8Array }
  | { type: 'done'; data: Uint8Array; state: RedactorState; counts: Record<string, number>; encoding?: string; structure?: unknown }
  | { type: 'texts'; texts: string[]; state: RedactorState }
  | { type: 'error'; message: string }
  | { type: 'ready'; rules?: string[] };

export interface WorkerInit {
  options: RedactorOptions;
  prefilter: boolean;
}

// sos25 (session 23): a worker started before the engine is loaded (the CLI launcher starts it
// first thing for `collect`: electron/cli/diagcollect.mjs) does not know the Redactor's
// options yet: its workerData says so, and its first message brings them.
/** workerData of a worker started ahead of its session. */
export interface WorkerAhead {
  ahead: true;
}

/** The first message to a worker started ahead: the options it redacts with. */
export interface WorkerInitMessage {
  type: 'init';
  init: WorkerInit;
}

/** The pieces as one buffer of its own (transferable: never a slice of Node's shared pool). */
function joined(pieces: Buffer[]): Uint8Array {
  let size = 0;
  for (const p of pieces) size += p.length;
  const out = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const p of pieces) at += p.copy(out, at);
  pieces.length = 0;
  return out;
}

/** `warm` (sos25): a warm-up to run until the first item comes (a worker started ahead). */
function serve(port: NonNullable<typeof parentPort>, init: WorkerInit, warm?: WarmUp): void {
  const redactor = new Redactor(init.options, { prefilter: init.prefilter });
  const pieces: Buffer[] = [];
  let item: RedactItem | undefined;
  /** Where the state stood when the item began: the item hands back what it added since. */
  let since: RedactorMark | undefined;
  const send = (message: FromWorker, data?: Uint8Array) => port.postMessage(message, data && data.byteLength > 0 ? [data.buffer as ArrayBuffer] : []);
  port.on('message', (message: ToWorker) => {
    // sos25: the items warm the patterns up from the first one on. sos26 (session 24): the large
    // regexes still to compile are compiled between items, one per turn (warm-up.ts stopLines).
    warm?.stopLines();
    try {
      switch (message.type) {
        case 'begin':
          // What the main thread learned since the last item: both states are the same again.
          redactor.importState(message.state);
          since = redactor.stateMark();
          pieces.length = 0;
          item = redactor.openItem(message.name === undefined ? {} : { name: message.name }, (bytes) => pieces.push(bytes));
          return;
        case 'chunk': {
          if (!item) throw new Error('chunk without an item');
          item.write(Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength));
          const data = joined(pieces);
          send({ type: 'out', data }, data);
          return;
        }
        case 'end': {
          if (!item) throw new Error('end without an item');
          item.end();
          const data = joined(pieces);
          const encoding = item.encoding();
          const structure = item.structure();
          const counts = item.counts();
          item = undefined;
          send({ type: 'done', data, state: redactor.exportState(since), counts, ...(encoding ? { encoding } : {}), ...(structure ? { structure } : {}) }, data);
          return;
        }
        case 'texts': {
          if (item) throw new Error('texts while an item is open');
          redactor.importState(message.state);
          const mark = redactor.stateMark();
          const texts = message.texts.map((text) => redactor.redactText(text).text);
          send({ type: 'texts', texts, state: redactor.exportState(mark) });
          return;
        }
        case 'abort':
          item = undefined;
          pieces.length = 0;
          send({ type: 'done', data: new Uint8Array(0), state: redactor.exportState(since), counts: {} });
          return;
      }
    } catch (err) {
      item = undefined;
      pieces.length = 0;
      send({ type: 'error', message: err instanceof Error ? err.message : String(err) });
    }
  });
  // sos20 (session 22): the rule set is built now, while the main thread collects, not when the
  // first item arrives, and its rule ids go with `ready` (the manifest lists them: the main
  // thread need not build its own). A failure here is met again, and answered `error`, by the
  // first item that needs the rule set (the getter builds anew).
  let rules: string[] | undefined;
  try {
    rules = redactor.activeRules();
  } catch {
    rules = undefined;
  }
  port.postMessage({ type: 'ready', ...(rules ? { rules } : {}) } satisfies FromWorker);
  if (rules) warm?.run();
}

/**
 * sos25 (session 23): a worker started ahead builds, while it waits for its options, the rule set
 * of the options a collection without an IT policy has (createRedactor: this account's name as its
 * only known value), and starts warming it up (warm-up.ts: its patterns compiled, a line per turn):
 * the Redactor that `init` creates takes it from the process's cache of rule sets when its options
 * are those (redactor.ts sharedRuleSet), else builds its own (and the warm-up starts again on
 * that). A failure here is met again, and answered, by that Redactor.
 */
export function prepareLikelyRuleSet(): WarmUp | undefined {
  const options = redactorOptionsFor();
  try {
    new Redactor(options).activeRules();
  } catch {
    // Answered by the real Redactor, if its options are the same.
    return undefined;
  }
  const warm = new WarmUp(options);
  warm.run();
  return warm;
}

function isAhead(data: unknown): data is WorkerAhead {
  return typeof data === 'object' && data !== null && (data as { ahead?: unknown }).ahead === true;
}

if (parentPort) {
  // Creating this thread's isolate reset the young-generation flag for the whole process (both
  // threads): set it again as soon as our code runs (platform/young-generation.ts).
  keepYoungGenerationSmall();
  const port = parentPort;
  // The build's analyses of the rule table (analyses.ts) before the Redactor is built; the main thread waits for `ready`.
  const analysed = loadAnalyses();
  if (isAhead(workerData)) {
    // Its options come first, before any item; listened for at once (a message that arrived
    // while the rule set was built waits in the port's queue until this thread is free).
    const likely = analysed.then(prepareLikelyRuleSet);
    port.once('message', (message: WorkerInitMessage) =>
      void likely.then((warm) => {
        if (warm && !sameRuleSet(warm.options, message.init.options)) warm.stop();
        serve(port, message.init, warm && sameRuleSet(warm.options, message.init.options) ? warm : new WarmUp(message.init.options));
      }),
    );
  } else void analysed.then(() => serve(port, workerData as WorkerInit));
}
