/**
 * Runs collectors the way every collection does (and the dry run too): a bounded number at
 * once, in the given order, each with its own timeout and AbortSignal; the whole run bounded by
 * a deadline; a collector that fails, times out or is stopped becomes a status with the reason,
 * never an exception. Whatever a collector still runs when it ends is killed with its tree.
 */
import type { ArchiveLanguage } from '../../shared/naming.js';
import type { Policy } from '../../shared/policy.js';
import type { CollectorRun, ManifestSkip, Platform, ProgressEvent } from '../../shared/types.js';
import { englishReason } from '../../shared/i18n/translate.js';
import type { Reason } from '../../shared/reasons.js';
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
/** A reason as the manifest keeps it: the code, and its English text for support staff. */
const coded = (reason: Reason) => ({ error: englishReason(reason), reason });

export async function runCollectors(options: RunCollectorsOptions): Promise<CollectorRun[]> {
  const { policy, platform, since, lang, sink, skipped, cancel, deadline } = options;
  const deadlineWhat = options.deadlineWhat;
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
        ...coded(cancel.aborted ? { code: 'cancelled' } : { code: 'not-started', seconds: policy.deadlineSeconds }),
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
    let reason: Reason | undefined;
    let timer: NodeJS.Timeout | undefined;
    // The timeout is the longest a collector may go without queuing an item or recording a skip:
    // one stuck on a command or a hung share stops after timeoutMs, while one working through ten
    // thousand small logs (a file every few ms) is not cut for being busy. The deadline bounds both.
    // Waiting for room in the archive's queue is the writer's pace, not the collector stuck.
    const progress = () => bound.counts.items + bound.counts.skips;
    const timedOut = new Promise<'timeout'>((resolve) => {
      const arm = (seen: number) => {
        timer = setTimeout(() => {
          const now = progress();
          if (now === seen && bound.counts.waiting === 0) resolve('timeout');
          else arm(now);
        }, collector.timeoutMs);
      };
      arm(progress());
    });
    const stopped = new Promise<'stopped'>((resolve) => {
      if (signal.aborted) resolve('stopped');
      signal.addEventListener('abort', () => resolve('stopped'), { once: true });
    });
    const stoppedBy = (): [CollectorRun['status'], string, Reason] => {
      const why: Reason = cancel.aborted ? { code: 'cancelled' } : { code: 'deadline', seconds: policy.deadlineSeconds };
      // The English text names an explicit deadline (a time), which the code's seconds cannot.
      return [cancel.aborted ? 'cancelled' : 'timeout', !cancel.aborted && deadlineWhat ? `stopped at ${deadlineWhat}` : englishReason(why), why];
    };
    try {
      const outcome = await Promise.race([collector.run(bound.ctx).then(() => 'done' as const), timedOut, stopped]);
      if (outcome === 'timeout') {
        status = 'timeout';
        reason = { code: 'timeout', seconds: Math.round(collector.timeoutMs / 1000) };
        error = englishReason(reason);
      } else if (outcome === 'stopped') {
        [status, error, reason] = stoppedBy();
      }
    } catch (err) {
      if (cancel.aborted || deadline.aborted) [status, error, reason] = stoppedBy();
      else {
        status = 'error';
        error = err instanceof Error ? err.message : String(err);
        reason = { code: 'failed' };
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
        reason = why.code ?? { code: 'failed' };
      }
    }
    const durationMs = Math.round(performance.now() - started);
    const why = { ...(error ? { error } : {}), ...(reason ? { reason } : {}) };
    runs.push({ id: collector.id, status, durationMs, items: bound.counts.items, bytes: bound.counts.bytes, ...why, warnings: bound.warnings });
    emit({ type: 'collector-end', collector: collector.id, status, durationMs, ...why });
  };
  await Promise.all(
    Array.from({ length: Math.min(policy.concurrency, queue.length) }, async () => {
      for (let c = queue.shift(); c; c = queue.shift()) await runOne(c);
    }),
  );
  return runs;
}
