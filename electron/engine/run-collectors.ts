/**
 * Runs collectors the way every collection does (and the dry run too): a bounded number at
 * once, in the given order, each with its own timeout and AbortSignal; the whole run bounded by
 * a deadline; a collector that fails, times out or is stopped becomes a status with the reason,
 * never an exception. Whatever a collector still runs when it ends is killed with its tree.
 */
import type { ArchiveLanguage } from '../../shared/naming.js';
import type { Policy } from '../../shared/policy.js';
import type { CollectorRun, ManifestSkip, Platform, ProgressEvent } from '../../shared/types.js';
import { createCollectorContext, type ItemSink } from './collectors/context.js';
import type { Collector } from './collectors/types.js';

export interface RunCollectorsOptions {
  collectors: readonly Collector[];
  policy: Policy;
  platform: Platform;
  since: Date;
  lang: ArchiveLanguage;
  sink: ItemSink;
  /** What was skipped so far: a collector that took nothing is 'skipped' with its own reason. */
  skipped: readonly ManifestSkip[];
  /** The user cancelled. */
  cancel: AbortSignal;
  /** The whole run's deadline (policy.deadlineSeconds). */
  deadline: AbortSignal;
  /** How the deadline is named in reasons (default "the session deadline of <policy> s"). */
  deadlineWhat?: string;
  emit?: (event: ProgressEvent) => void;
}

/** One CollectorRun per collector, in completion order. */
export async function runCollectors(options: RunCollectorsOptions): Promise<CollectorRun[]> {
  const { policy, platform, since, lang, sink, skipped, cancel, deadline } = options;
  const deadlineWhat = options.deadlineWhat ?? `the session deadline of ${policy.deadlineSeconds} s`;
  const emit = options.emit ?? (() => {});
  const runs: CollectorRun[] = [];
  const queue = [...options.collectors];
  const runOne = async (collector: Collector): Promise<void> => {
    const started = performance.now();
    if (deadline.aborted || cancel.aborted) {
      runs.push({
        id: collector.id,
        status: cancel.aborted ? 'cancelled' : 'timeout',
        durationMs: 0,
        items: 0,
        bytes: 0,
        error: cancel.aborted ? 'cancelled before it started' : `not started before ${deadlineWhat}`,
        warnings: [],
      });
      return;
    }
    emit({ type: 'collector-start', collector: collector.id });
    const own = new AbortController();
    const signal = AbortSignal.any([own.signal, cancel, deadline]);
    const bound = createCollectorContext({ collector, signal, policy, platform, since, lang, sink });
    let status: CollectorRun['status'] = 'ok';
    let error: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), collector.timeoutMs);
    });
    const stopped = new Promise<'stopped'>((resolve) => {
      if (signal.aborted) resolve('stopped');
      signal.addEventListener('abort', () => resolve('stopped'), { once: true });
    });
    const stoppedBy = (): [CollectorRun['status'], string] => (cancel.aborted ? ['cancelled', 'cancelled'] : ['timeout', `stopped at ${deadlineWhat}`]);
    try {
      const outcome = await Promise.race([collector.run(bound.ctx).then(() => 'done' as const), timedOut, stopped]);
      if (outcome === 'timeout') {
        status = 'timeout';
        error = `did not finish within its ${Math.round(collector.timeoutMs / 1000)} s timeout; stopped`;
      } else if (outcome === 'stopped') {
        [status, error] = stoppedBy();
      }
    } catch (err) {
      if (cancel.aborted || deadline.aborted) [status, error] = stoppedBy();
      else {
        status = 'error';
        error = err instanceof Error ? err.message : String(err);
      }
    } finally {
      clearTimeout(timer);
      // Kills whatever the collector still runs (its commands' process trees).
      own.abort();
      bound.close();
    }
    if ((status === 'ok' || status === 'skipped') && bound.failures.length > 0) {
      // A command hung or crashed: the output is incomplete whatever else the collector took.
      // Named first, before any "not installed" skip, so the reason is the real cause.
      status = bound.failures.some((f) => f.timedOut) ? 'timeout' : 'error';
      error = bound.failures.map((f) => `${f.source}: ${f.reason}`).join('; ');
    } else if (status === 'ok' && bound.counts.items === 0) {
      // Ran, but had nothing it could take (no display, no journal …): say so, with the reason.
      const why = skipped.find((s) => s.collector === collector.id);
      if (why) {
        status = 'skipped';
        error = why.reason;
      }
    }
    const durationMs = Math.round(performance.now() - started);
    runs.push({ id: collector.id, status, durationMs, items: bound.counts.items, bytes: bound.counts.bytes, ...(error ? { error } : {}), warnings: bound.warnings });
    emit({ type: 'collector-end', collector: collector.id, status, durationMs, ...(error ? { error } : {}) });
  };
  await Promise.all(
    Array.from({ length: Math.min(policy.concurrency, queue.length) }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) await runOne(c);
    }),
  );
  return runs;
}
