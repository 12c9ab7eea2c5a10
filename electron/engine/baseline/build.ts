/**
 * `baseline build`: streams archives from the sources through a bounded pool of readers, each
 * reading only the central directory and four small entries of its archive, and counts their
 * facts. Memory holds the counts and a digest per desktop, never an archive; an archive that
 * cannot be read is listed (capped) and skipped, never the end of the run.
 */
import type { BaselineDocument } from '../../../shared/baseline.js';
import { withArchive } from '../compare/archive-reader.js';
import { CancelledError } from '../errors.js';
import { FleetCounter } from './distribution.js';
import { readFleetFacts } from './fleet-facts.js';
import { archiveRefs, type SourceOptions } from './sources.js';

export const DEFAULT_K = 5;
export const DEFAULT_CONCURRENCY = 8;
const UNREADABLE_LISTED = 50;

export interface BuildOptions extends SourceOptions {
  sources: readonly string[];
  k?: number;
  concurrency?: number;
  now?: Date;
  onArchive?: (done: number) => void;
}

export interface BuildResult {
  document: BaselineDocument;
  /** Archives read (a desktop's second archive is read but not counted again). */
  archives: number;
  /** Archives of a desktop already counted. */
  duplicates: number;
  unreadable: Array<{ label: string; reason: string }>;
  unreadableTotal: number;
  /** Ranged reads and bytes fetched over all archives, against the archives' total size. */
  io: { requests: number; bytesFetched: number; archiveBytes: number };
}

export async function buildBaseline(options: BuildOptions): Promise<BuildResult> {
  const k = options.k ?? DEFAULT_K;
  const counter = new FleetCounter();
  const refs = archiveRefs(options.sources, options);
  const unreadable: BuildResult['unreadable'] = [];
  const io = { requests: 0, bytesFetched: 0, archiveBytes: 0 };
  let archives = 0;
  let duplicates = 0;
  let unreadableTotal = 0;

  const worker = async () => {
    for (;;) {
      if (options.signal?.aborted) throw new CancelledError('baseline build cancelled; nothing was written');
      const next = await refs.next();
      if (next.done) return;
      const ref = next.value;
      try {
        const { desktop, facts, stats } = await withArchive(ref.open(), async (a) => ({ ...(await readFleetFacts(a)), stats: a.stats }));
        io.requests += stats.requests;
        io.bytesFetched += stats.bytesFetched;
        io.archiveBytes += stats.size;
        archives += 1;
        if (!counter.add(desktop, facts)) duplicates += 1;
        options.onArchive?.(archives);
      } catch (err) {
        if (options.signal?.aborted) throw new CancelledError('baseline build cancelled; nothing was written');
        unreadableTotal += 1;
        if (unreadable.length < UNREADABLE_LISTED) unreadable.push({ label: ref.label, reason: (err as Error).message });
      }
    }
  };
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { document: counter.document(k, options.now), archives, duplicates, unreadable, unreadableTotal, io };
}
