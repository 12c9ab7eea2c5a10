import { standardName, type ArchiveLanguage } from '../../../shared/naming.js';
import type { Policy } from '../../../shared/policy.js';
import { englishReason } from '../../../shared/i18n/translate.js';
import type { ManifestSkip, Platform } from '../../../shared/types.js';
import { exec } from '../platform/exec.js';
import { commandLine, secondsText } from './support/run.js';
import { prepareFile } from '../platform/files.js';
import { expandPath } from '../platform/paths.js';
import type { AddDataOptions, AddFileOptions, Collector, CollectorContext, PendingItem } from './types.js';

/** At most this many files are being checked ahead of their turn (each may hold a descriptor briefly). */
const PREFETCH_LIMIT = 32;

/** Where a collector's items, skips and warnings go. */
export interface ItemSink {
  /** Reserves a unique archive name (adds ` (2)` before the extension on collision). */
  claimName(name: string): string;
  push(item: PendingItem): void;
  skip(skip: ManifestSkip): void;
  /**
   * Backpressure for files: undefined while the archive's queue has room, else a promise that
   * settles when it has room again. A collector adding ten thousand small files would otherwise
   * queue them all long before the writer reaches them, each item and its closures kept (and
   * promoted to the old generation) until then: memory grew with the file count.
   */
  room?(): Promise<void> | undefined;
}

export interface ContextSetup {
  collector: Collector;
  signal: AbortSignal;
  policy: Policy;
  platform: Platform;
  since: Date;
  lang: ArchiveLanguage;
  sink: ItemSink;
}

/** A collector's context plus what the session needs to know about its run. */
export interface BoundContext {
  ctx: CollectorContext;
  warnings: string[];
  /**
   * Items and bytes queued so far (bytes of files are their prepared size), and skips recorded;
   * `waiting`: the collector is waiting for room in the archive's queue (busy, not stuck).
   */
  counts: { items: number; bytes: number; skips: number; waiting: number };
  /**
   * Commands that timed out or were killed by a signal: the collector's output is incomplete
   * even when it went on, so its run is a `timeout` / `error` (exit 3), never a quiet skip.
   */
  failures: CommandFailure[];
  /** After close, late calls from a collector that outlived its timeout are dropped. */
  close(): void;
}

export interface CommandFailure {
  source: string;
  reason: string;
  timedOut: boolean;
}

export function createCollectorContext(setup: ContextSetup): BoundContext {
  const { collector, signal, policy, sink } = setup;
  const warnings: string[] = [];
  const counts = { items: 0, bytes: 0, skips: 0, waiting: 0 };
  const failures: CommandFailure[] = [];
  let closed = false;
  const live = () => !closed && !signal.aborted;
  // The machine-wide credentials file the policy names is never collected, like <data dir>/credentials.json.
  const credentials = policy.upload.credentialsFile ? expandPath(policy.upload.credentialsFile, process.env, setup.platform) : undefined;
  const protect = credentials?.ok ? [credentials.path] : [];

  /** Checks started ahead for files the collector named in `prefetch` (see AddFileOptions). */
  const prefetched = new Map<string, ReturnType<typeof prepareFile>>();
  const maxBytesOf = (options: AddFileOptions) => options.maxBytes ?? policy.caps.fileBytes;

  const pushData = (name: string, data: Buffer, source: string, kind: 'text' | 'binary', options: AddDataOptions = {}) => {
    if (!live()) return;
    counts.items += 1;
    counts.bytes += data.length;
    sink.push({ name: sink.claimName(name), collector: collector.id, source, kind, data, truncated: options.truncated, note: options.note });
  };

  const ctx: CollectorContext = {
    signal,
    policy,
    platform: setup.platform,
    since: setup.since,
    lang: setup.lang,
    name: (key) => standardName(key, setup.lang),
    exec: async (command, args, options = {}) => {
      const r = await exec(command, args, { ...options, signal });
      // Killed by its own cap (keep: 'head') is by design; a timeout or a crash is not.
      if (!closed && (r.timedOut || (r.code === null && !r.truncated))) {
        const how = r.timedOut ? `timed out after ${secondsText(options.timeoutMs ?? r.durationMs)} and was killed with its child processes` : `was killed by ${r.signal ?? 'a signal'}`;
        failures.push({ source: commandLine(command, args), reason: how, timedOut: r.timedOut });
      }
      return r;
    },
    addText: (name, text, source, options) => pushData(name, Buffer.from(text, 'utf8'), source, 'text', options),
    addJson: (name, value, source) => pushData(name, Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8'), source, 'text'),
    addBuffer: (name, data, source, kind, options) => pushData(name, data, source, kind, options),
    addRendered(name, facts, render, source) {
      if (!live()) return;
      counts.items += 1;
      sink.push({ name: sink.claimName(name), collector: collector.id, source, kind: 'text', render: (redact) => render(redact(facts)), renderParts: { facts, render: render as (redacted: unknown) => Buffer } });
    },
    async addFile(name: string, path: string, options: AddFileOptions = {}) {
      if (!live()) return false;
      const keyOf = (file: string, mode: 'tail' | 'whole') => `${mode}\0${maxBytesOf(options)}\0${file}`;
      const start = (file: string, mode: 'tail' | 'whole') => prepareFile(file, { maxBytes: maxBytesOf(options), mode, protect, ...(options.roots ? { roots: options.roots } : {}) });
      const mode = options.mode ?? 'tail';
      const ownKey = keyOf(path, mode);
      const own = prefetched.get(ownKey) ?? start(path, mode);
      prefetched.delete(ownKey);
      for (const next of options.prefetch ?? []) {
        const key = keyOf(next.path, next.mode ?? 'tail');
        if (prefetched.size >= PREFETCH_LIMIT) break;
        if (!prefetched.has(key)) prefetched.set(key, start(next.path, next.mode ?? 'tail'));
      }
      const prepared = await own;
      if (!prepared.ok) {
        ctx.skip(path, prepared.code ?? prepared.reason);
        return false;
      }
      if (!live()) return false;
      counts.items += 1;
      counts.bytes += prepared.size;
      sink.push({
        name: sink.claimName(name),
        collector: collector.id,
        source: path,
        kind: options.kind ?? 'text',
        open: prepared.open,
        size: prepared.size,
        ...(prepared.read ? { read: prepared.read } : {}),
      });
      const room = sink.room?.();
      if (room) {
        counts.waiting += 1;
        try {
          await untilRoom(room, signal);
        } finally {
          counts.waiting -= 1;
        }
      }
      return { bytes: prepared.size };
    },
    skip: (source, reason, detail) => {
      if (closed) return;
      counts.skips += 1;
      sink.skip(typeof reason === 'string' ? { collector: collector.id, source, reason } : { collector: collector.id, source, reason: detail ?? englishReason(reason), code: reason });
    },
    warn: (message) => {
      if (!closed) warnings.push(message);
    },
  };
  return { ctx, warnings, counts, failures, close: () => void (closed = true) };
}

/** Unique names: `a.txt`, `a (2).txt`, `a (3).txt` … */
export function createNameRegistry(): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate); n += 1) {
      const slash = name.lastIndexOf('/');
      const dot = name.lastIndexOf('.');
      candidate = dot > slash + 1 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
    }
    used.add(candidate);
    return candidate;
  };
}

/** `room`, or sooner when the collector is stopped (the queue may then never drain for it). */
function untilRoom(room: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    room.then(done, done);
  });
}
