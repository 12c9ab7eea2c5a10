import { standardName, type ArchiveLanguage } from '../../../shared/naming.js';
import type { Policy } from '../../../shared/policy.js';
import { englishReason } from '../../../shared/i18n/translate.js';
import type { ManifestSkip, Platform } from '../../../shared/types.js';
import { exec } from '../platform/exec.js';
import { prepareFile } from '../platform/files.js';
import type { AddDataOptions, AddFileOptions, Collector, CollectorContext, PendingItem } from './types.js';

/** Where a collector's items, skips and warnings go. */
export interface ItemSink {
  /** Reserves a unique archive name (adds ` (2)` before the extension on collision). */
  claimName(name: string): string;
  push(item: PendingItem): void;
  skip(skip: ManifestSkip): void;
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
  /** Items and bytes queued so far (bytes of files are their prepared size). */
  counts: { items: number; bytes: number };
  /** After close, late calls from a collector that outlived its timeout are dropped. */
  close(): void;
}

export function createCollectorContext(setup: ContextSetup): BoundContext {
  const { collector, signal, policy, sink } = setup;
  const warnings: string[] = [];
  const counts = { items: 0, bytes: 0 };
  let closed = false;
  const live = () => !closed && !signal.aborted;

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
    exec: (command, args, options = {}) => exec(command, args, { ...options, signal }),
    addText: (name, text, source, options) => pushData(name, Buffer.from(text, 'utf8'), source, 'text', options),
    addJson: (name, value, source) => pushData(name, Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8'), source, 'text'),
    addBuffer: (name, data, source, kind, options) => pushData(name, data, source, kind, options),
    async addFile(name: string, path: string, options: AddFileOptions = {}) {
      if (!live()) return false;
      const prepared = await prepareFile(path, { maxBytes: options.maxBytes ?? policy.caps.fileBytes, mode: options.mode ?? 'tail' });
      if (!prepared.ok) {
        ctx.skip(path, prepared.reason);
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
      });
      return true;
    },
    skip: (source, reason) => {
      if (closed) return;
      sink.skip(typeof reason === 'string' ? { collector: collector.id, source, reason } : { collector: collector.id, source, reason: englishReason(reason), code: reason });
    },
    warn: (message) => {
      if (!closed) warnings.push(message);
    },
  };
  return { ctx, warnings, counts, close: () => void (closed = true) };
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
