/**
 * Redaction on another core (issue 13's collection target): large text items are redacted by a
 * `worker_threads` worker (redact-worker.ts) while the main thread goes on reading, writing and
 * deflating. The main thread keeps a few chunks in flight (OFFLOAD_CHUNKS_IN_FLIGHT), so memory
 * stays flat, and buffers are transferred, never copied, where they can be.
 *
 * One Redactor state for the archive: the worker begins each item with what the main Redactor
 * learned since the last item, and hands back what it added at the item's end (or when it is cut), before anything else is redacted
 * (the session redacts one item at a time, see session.ts `redactionTurn`). So the archive is the
 * same, byte for byte, as one redacted wholly on the main thread.
 *
 * Where the worker cannot start (no worker entry in this build, a sandbox that forbids threads),
 * {@link RedactWorker.start} rejects with why, and the caller redacts on its own thread.
 */
import { access } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { deferred, type Deferred } from '../archive/deferred.js';
import { WORKER_YOUNG_GENERATION_MB } from '../platform/young-generation.js';
import { isProbablyBinary, readHead, type TextEncoding } from './decode.js';
import type { StructureOutcome } from './formats.js';
import type { Redactor, RedactorMark, RedactorState } from './redactor.js';
import type { RouteOutcome } from './route.js';
import type { FromWorker, ToWorker, WorkerInit, WorkerInitMessage } from './redact-worker.js';

/**
 * Text items at least this large go to the worker. Starting it costs ~0.1–0.3 s (its own copy of
 * the rules, on the other core) and each item a copy of the state both ways, so only items that
 * keep the main thread busy for longer than that are worth it.
 */
export const OFFLOAD_MIN_BYTES = 16 * 1024 * 1024;

/** Input chunks sent and not yet answered: two per side keeps both threads busy. */
export const OFFLOAD_CHUNKS_IN_FLIGHT = 4;

/** Whether `url` names a file that exists (read when the offload starts: never sync fs in the engine). */
async function fileExists(url: URL): Promise<boolean> {
  if (url.protocol !== 'file:') return false;
  try {
    await access(fileURLToPath(url));
    return true;
  } catch {
    return false;
  }
}

/** Where the worker's code is: a file to start, or (TypeScript sources) code that loads them. */
export type WorkerEntry = { url: URL } | { code: string } | { ahead: WorkerStartedAhead };

/**
 * sos25 (session 23): a worker already started, ahead of its session (the CLI launcher starts one
 * first thing for `collect`, so its start-up and rule-set build overlap the engine's loading),
 * with workerData `{ ahead: true }` (redact-worker.ts WorkerAhead): it waits for its options.
 * `failed` is the error it reported before anyone listened (the starter records it).
 */
export interface WorkerStartedAhead {
  worker: Worker;
  failed?: Error;
}

/**
 * Starts the worker of `entry` ahead of its session (see WorkerStartedAhead). The CLI launcher
 * does the same in plain JavaScript, before this module is loaded (a test holds the two alike).
 */
export function startWorkerAhead(entry: { url: URL } | { code: string }): WorkerStartedAhead {
  const options = { workerData: { ahead: true }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } };
  const worker = 'url' in entry ? new Worker(entry.url, options) : new Worker(entry.code, { ...options, eval: true });
  const ahead: WorkerStartedAhead = { worker };
  worker.on('error', (err) => {
    ahead.failed ??= err;
  });
  worker.unref();
  return ahead;
}

/**
 * Where the worker's entry is: beside this module in a bundle (`.mjs` in dist/cli, `.js` in
 * out/main), else the TypeScript source (tests, `node --import tsx`), loaded through tsx's API
 * (a worker does not inherit the `--import tsx` hooks on Node 20). Undefined: neither is there.
 */
export async function workerEntry(base: string | URL = import.meta.url): Promise<WorkerEntry | undefined> {
  for (const name of ['redact-worker.mjs', 'redact-worker.js']) {
    const url = new URL(`./${name}`, base);
    if (await fileExists(url)) return { url };
  }
  const source = new URL('./redact-worker.ts', base);
  if (!(await fileExists(source))) return undefined;
  const api = await tsxApi(source);
  if (api === undefined) return undefined;
  return { code: `import(${JSON.stringify(api)}).then((m) => m.tsImport(${JSON.stringify(source.href)}, ${JSON.stringify(source.href)}));` };
}

/** tsx's ESM API (its `import` export), found from `from` up: only where the sources run, never in a bundle. */
async function tsxApi(from: URL): Promise<string | undefined> {
  if (typeof import.meta.resolve === 'function') {
    try {
      return import.meta.resolve('tsx/esm/api');
    } catch {
      // Not resolvable from here: look for it on disk.
    }
  }
  for (let dir = new URL('./', from); ; dir = new URL('../', dir)) {
    const api = new URL('node_modules/tsx/dist/esm/api/index.mjs', dir);
    if (await fileExists(api)) return api.href;
    if (new URL('../', dir).href === dir.href) return undefined;
  }
}

type Reply = Exclude<FromWorker, { type: 'error' } | { type: 'ready' }>;
/** The replies to an item's messages (`chunk`, `end`, `abort`). */
type ItemReply = Exclude<Reply, { type: 'texts' }>;

export class RedactWorker {
  /** Workers started and workers still running in this process (tests: none is ever left). */
  static readonly threads = { started: 0, running: 0 };

  private readonly waiting: Deferred<Reply>[] = [];
  private dead: Error | undefined;
  private busy = false;
  /** Where both Redactors' states stood when they were last the same (the worker's starts empty). */
  private synced: RedactorMark;

  private constructor(
    private readonly worker: Worker,
    private readonly redactor: Redactor,
    /** sos20 (session 22): the ids of the rules the worker applies (Redactor.activeRules), as it said when ready. */
    readonly rules?: string[],
  ) {
    this.synced = { registry: { byKey: 0, originals: 0, seen: 0, firstRule: 0 }, learned: 0 };
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') return;
      const next = this.waiting.shift();
      if (!next) return;
      if (message.type === 'error') next.reject(new Error(`the redaction worker failed: ${message.message}`));
      else next.resolve(message);
    });
    const die = (error: Error) => {
      this.dead ??= error;
      for (const w of this.waiting.splice(0)) w.reject(this.dead);
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(new Error(`the redaction worker stopped (exit code ${code})`)));
  }

  /** Starts a worker that redacts as `redactor` does; rejects (worker gone) with why it could not. */
  /** `entry` null: as a build without the worker's entry (tests); by default looked for now. */
  static async start(redactor: Redactor, given?: WorkerEntry | null): Promise<RedactWorker> {
    const entry = given === undefined ? await workerEntry() : given;
    if (!entry) throw new Error('this build has no redaction worker (redact-worker.mjs / .js beside the engine)');
    const init: WorkerInit = redactor.init();
    // Its young generation capped as well as kept from growing (see young-generation.ts): the flag
    // is set again only once the worker's code runs, after Node's own start-up has allocated.
    const options = { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } };
    if ('ahead' in entry) {
      // sos25: started ahead, it is told its options now (or has already failed or stopped).
      const { worker: ahead, failed } = entry.ahead;
      if (failed) throw failed;
      if (ahead.threadId < 0) throw new Error('the redaction worker stopped before it was ready');
      ahead.postMessage({ type: 'init', init } satisfies WorkerInitMessage);
    }
    const worker = 'ahead' in entry ? entry.ahead.worker : 'url' in entry ? new Worker(entry.url, options) : new Worker(entry.code, { ...options, eval: true });
    RedactWorker.threads.started += 1;
    RedactWorker.threads.running += 1;
    worker.once('exit', () => {
      RedactWorker.threads.running -= 1;
    });
    let rules: string[] | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        const onMessage = (m: { type?: string; rules?: unknown }) => {
          if (m?.type === 'ready') {
            if (Array.isArray(m.rules)) rules = m.rules as string[];
            done(undefined);
          }
        };
        const onError = (err: Error) => done(err);
        const onExit = (code: number) => done(new Error(`the redaction worker stopped before it was ready (exit code ${code})`));
        const done = (err: Error | undefined) => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
          if (err) reject(err);
          else resolve();
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
      });
    } catch (err) {
      await worker.terminate().catch(() => undefined);
      throw err;
    }
    // Idle, the worker never keeps the process alive; an item in progress does (see route).
    worker.unref();
    return new RedactWorker(worker, redactor, rules);
  }

  /** Stops the worker (idempotent); anything waiting on it is rejected. */
  async terminate(): Promise<void> {
    this.dead ??= new Error('the redaction worker was stopped');
    for (const w of this.waiting.splice(0)) w.reject(this.dead);
    await this.worker.terminate().catch(() => undefined);
  }

  private request(message: ToWorker, transfer: ArrayBuffer[] = []): Promise<Reply> {
    const d = deferred<Reply>(true);
    if (this.dead) {
      // Awaited later, maybe after a read: handled from the start, never an unhandled rejection.
      d.reject(this.dead);
      return d.promise;
    }
    this.waiting.push(d);
    this.worker.postMessage(message, transfer);
    return d.promise;
  }

  /**
   * As routeThroughRedactor (route.ts): the stream to archive and the outcome once it ended, for
   * one item, redacted by the worker. `settled` resolves once the worker handed its state back
   * (the item ended, failed or was cut, or never started): only then may anything else be
   * redacted. The caller destroys the stream when it gives up on it.
   */
  route(source: Readable, name?: string, options: { onText?: (text: string) => void } = {}): { stream: Readable; outcome: Promise<RouteOutcome>; settled: Promise<void> } {
    const outcome = deferred<RouteOutcome>(true);
    const settled = deferred<void>();
    // The source may be cut (the deadline destroys it with an error) before the writer reaches
    // this item and reading begins: the error is seen then, by the iterator, never unhandled.
    source.on('error', () => undefined);
    let started = false;
    const worker = this.worker;
    const redactor = this.redactor;
    const request = (message: ToWorker, transfer?: ArrayBuffer[]) => this.request(message, transfer) as Promise<ItemReply>;
    const synced = () => this.synced;
    const handBack = (state: RedactorState) => {
      redactor.importState(state);
      this.synced = redactor.stateMark();
    };
    const setBusy = (busy: boolean) => this.setBusy(busy);
    async function* run(): AsyncGenerator<Buffer> {
      started = true;
      let begun = false;
      let finished = false;
      const inflight: Promise<ItemReply>[] = [];
      const decoder = options.onText ? new StringDecoder('utf8') : undefined;
      const text = (data: Uint8Array): Buffer => {
        const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
        if (decoder && buf.length > 0) {
          const t = decoder.write(buf);
          if (t.length > 0) options.onText!(t);
        }
        return buf;
      };
      try {
        const it = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
        const { first, ended } = await readHead(it);
        if (isProbablyBinary(first)) {
          if (first.length > 0) yield first;
          if (!ended) for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
          finished = true;
          outcome.resolve({ binary: true, counts: {} });
          return;
        }
        setBusy(true);
        begun = true;
        worker.postMessage({ type: 'begin', ...(name === undefined ? {} : { name }), state: redactor.exportState(synced()) } satisfies ToWorker);
        const send = (chunk: Buffer) => {
          // A chunk that owns its whole memory is moved; a view on shared memory is copied.
          const own = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && !(chunk.buffer instanceof SharedArrayBuffer);
          const data = own ? chunk : Uint8Array.prototype.slice.call(chunk);
          inflight.push(request({ type: 'chunk', data }, [data.buffer as ArrayBuffer]));
        };
        if (first.length > 0) send(first);
        if (!ended) {
          for (let next = await it.next(); !next.done; next = await it.next()) {
            if (next.value.length === 0) continue;
            send(next.value);
            while (inflight.length >= OFFLOAD_CHUNKS_IN_FLIGHT) {
              const reply = await inflight.shift()!;
              if (reply.data.byteLength > 0) yield text(reply.data);
            }
          }
        }
        const end = request({ type: 'end' });
        while (inflight.length > 0) {
          const reply = await inflight.shift()!;
          if (reply.data.byteLength > 0) yield text(reply.data);
        }
        const done = await end;
        if (done.type !== 'done') throw new Error('the redaction worker answered out of order');
        handBack(done.state);
        finished = true;
        if (done.data.byteLength > 0) yield text(done.data);
        const rest = decoder?.end();
        if (rest) options.onText!(rest);
        outcome.resolve({
          binary: false,
          counts: done.counts,
          ...(done.encoding ? { encoding: done.encoding as TextEncoding } : {}),
          ...(done.structure ? { structure: done.structure as StructureOutcome } : {}),
        });
      } catch (err) {
        outcome.reject(err as Error);
        throw err;
      } finally {
        try {
          if (begun && !finished) {
            // Cut or failed: what the worker redacted so far stays learned, as on one thread.
            await Promise.allSettled(inflight);
            const state = await request({ type: 'abort' }).catch(() => undefined);
            if (state?.type === 'done') handBack(state.state);
          }
        } finally {
          if (begun) setBusy(false);
          outcome.reject(new Error('the item was not redacted to its end'));
          source.destroy();
          settled.resolve();
        }
      }
    }
    const stream = Readable.from(run(), { objectMode: false });
    stream.once('close', () => {
      if (!started) {
        source.destroy();
        outcome.reject(new Error('the item was never read'));
        settled.resolve();
      }
    });
    return { stream, outcome: outcome.promise, settled: settled.promise };
  }

  /**
   * sos20 (session 22): as redactBuffer (route.ts) — one item held in memory, redacted by the
   * worker: the same bytes and outcome. Resolves once the worker handed its state back, so the
   * next item may be redacted; rejects when the worker failed or stopped.
   */
  async redactBuffer(data: Buffer, name?: string): Promise<{ data: Buffer; outcome: RouteOutcome }> {
    const route = this.route(Readable.from([data], { objectMode: false }), name);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of route.stream) chunks.push(chunk as Buffer);
      return { data: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), outcome: await route.outcome };
    } finally {
      await route.settled;
    }
  }

  /**
   * sos20 (session 22): `texts` redacted as the Redactor's redactText redacts each, in order (the
   * same text and numbering), by the worker; the Redactor has learned what they added once this
   * resolves. Never while an item is being routed (the session asks in its turn).
   */
  async redactTexts(texts: string[]): Promise<string[]> {
    if (this.busy) throw new Error('the redaction worker is busy with an item');
    this.setBusy(true);
    try {
      const reply = await this.request({ type: 'texts', texts, state: this.redactor.exportState(this.synced) });
      if (reply.type !== 'texts' || reply.texts.length !== texts.length) throw new Error('the redaction worker answered out of order');
      this.redactor.importState(reply.state);
      this.synced = this.redactor.stateMark();
      return reply.texts;
    } finally {
      this.setBusy(false);
    }
  }

  /** Whether an item is in progress: the worker keeps the process alive only then. */
  private setBusy(busy: boolean): void {
    this.busy = busy;
    if (busy) this.worker.ref();
    else if (!this.dead) this.worker.unref();
  }

  /** Why the worker is gone (it failed, exited or was stopped); undefined while it runs. */
  get stopped(): Error | undefined {
    return this.dead;
  }

  /** Whether an item is being redacted (tests). */
  get working(): boolean {
    return this.busy;
  }
}
