import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { archiveName, checkTicketId, standardName, type ArchiveLanguage } from '../../shared/naming.js';
import type { Policy } from '../../shared/policy.js';
import type { Reason } from '../../shared/reasons.js';
import { englishReason } from '../../shared/i18n/translate.js';
import { causeCode, type AfterPublishProblem } from '../../shared/after-publish.js';
import { cleanIntake } from '../../shared/intake-clean.js';
import {
  IntakeSchema,
  type CheckResult,
  type CollectorRun,
  type Intake,
  type Manifest,
  type ManifestItem,
  type MendRefusal,
  type ManifestSkip,
  type Platform,
  type ProgressEvent,
} from '../../shared/types.js';
import { EntryInputError } from './archive/archive-errors.js';
import { OrderedTurns, type Place } from './archive/ordered-turns.js';
import { cleanStaleOutputs, removeQuietly, reserveArchiveName } from './archive/atomic-output.js';
import { ZipWriter, type BeforePublish, type EntryResult } from './archive/zip-writer.js';
import { createNameRegistry, type ItemSink } from './collectors/context.js';
import { COLLECTORS } from './collectors/index.js';
import type { Collector, PendingItem } from './collectors/types.js';
import { InputError, CancelledError } from './errors.js';
import { reapOrphans } from './platform/exec.js';
import { runChecks } from './checks/runner.js';
import type { Check } from './checks/types.js';
import { LeakWatch, leakCandidates, maskValue, type LeakHit, type LeakScanOptions } from './redact/leak-check.js';
import { mendArchive } from './redact/mend.js';
import { placeholderExample } from './redact/placeholders.js';
import { createRedactor, saveRedactionMap } from './redact/policy-redactor.js';
import { loadAnalyses } from './redact/analyses.js';
import { redactFacts, redactFactsWith, renderFromFacts } from './redact/redact-facts.js';
import { OFFLOAD_MIN_BYTES, RedactWorker, type WorkerEntry, type WorkerStartedAhead } from './redact/redact-offload.js';
import { redactBuffer, routeThroughRedactor, type RouteOutcome } from './redact/route.js';
import { formatIntake } from './report/intake-text.js';
import { jsonPieces } from './report/json-pieces.js';
import { runCollectors } from './run-collectors.js';
import { reportEntries } from './report/report-entries.js';
import { TimelineTap } from './timeline/tap.js';
import { TOOL_VERSION } from './version.js';

export interface SessionOptions {
  ticket: string;
  intake?: Partial<Intake>;
  policy: Policy;
  /** Directory the archive is written to (created if missing). */
  outDir: string;
  collectors?: readonly Collector[];
  /** The basic checklist run beside the collectors (default: every check; [] runs none). */
  checks?: readonly Check[];
  /** Run only these collector ids. */
  only?: readonly string[];
  /** Leave out these collector ids. */
  skip?: readonly string[];
  /** Leave out these items by archive entry name (recorded in `skipped`; see the dry run). */
  excludeItems?: readonly string[];
  /** Sensitive collectors (the screenshot) run only with consent. */
  consentSensitive?: boolean;
  /** Redact secrets and personal data in every text item (default true: privacy first). */
  redact?: boolean;
  /**
   * Where the placeholder → value mapping is saved (mode 0600), so the user can look a
   * placeholder up; it never goes into the archive. Not saved when unset.
   */
  redactionMapDir?: string;
  /** Start of the log window; defaults to policy.since before now. */
  since?: Date;
  lang?: ArchiveLanguage;
  platform?: Platform;
  host?: string;
  now?: () => Date;
  /**
   * When the whole session must be over (collect + redact + archive); default: policy
   * deadlineSeconds from the start. Past it, collectors and items in flight are cut with the
   * reason in the manifest, the archive is finalized with what is there, and `partial` is set.
   * A workflow that does more after the session (leak check, draft) passes its own deadline.
   */
  deadline?: Date;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  /**
   * The caller's deadline as a signal (the workflow's), when it may come before `deadline`: it
   * bounds the leak check and the mend step before publishing too (past it, neither runs).
   */
  finishDeadline?: AbortSignal;
  /** Test seam of the mend step: called before each write of the mended copy; throwing there is a write error. */
  mendBeforeWrite?: (bytes: number) => void;
  /**
   * Test seam: when a file item's turn to be read comes, a promise returned here holds its read
   * (nothing of it read yet) until it settles, the run is cancelled or its deadline passes. The
   * app's progress screen is tested on an item being read for as long as the test wants, instead
   * of on a log big enough to be slow (FIFOs, which would hold a read, are refused on purpose).
   */
  holdRead?: (item: { name: string; collector: string; source: string }) => Promise<void> | undefined;
  /**
   * Redaction of large text items on another core (redact/redact-offload.ts): items of at least
   * `minBytes` (default OFFLOAD_MIN_BYTES) go to a worker thread; `false` redacts everything on
   * this thread. Default: from `DIAGCOLLECT_REDACT_WORKER` (see redactWorkerFromEnv; on when
   * unset). The archive is the same either way.
   */
  redactWorker?:
    | {
        minBytes?: number;
        /** Where the worker's code is (tests: `null`, a build without it). */ entry?: WorkerEntry | null;
        /**
         * sos20 (session 22): the worker starts with the session (its start-up and rule-set build
         * on the other core while the first commands run) and redacts every text item, small and
         * held in memory ones included (`minBytes` is then not read); the main thread only reads,
         * writes and deflates. The CLI's collect does this (redactWorkerForCollect).
         */
        atStart?: boolean;
      }
    | false;
}

export interface SessionResult {
  checks: CheckResult[];
  /**
   * Secrets and identifiers the rules found, for the leak check before upload (in memory only;
   * never written anywhere). Values the user typed into the intake are left out.
   */
  leakValues: string[];
  /**
   * The leak check: what scanArchiveForLeaks(archivePath, leakValues) finds, mostly searched
   * while the archive was written; only entries written before a value was learned are read back.
   */
  checkLeaks(options?: LeakScanOptions): Promise<LeakHit[]>;
  archivePath: string;
  archiveName: string;
  bytes: number;
  manifest: Manifest;
  /** Some collector failed or timed out: the archive is there, but incomplete. */
  partial: boolean;
  /** The deadline passed: collectors or items were cut (reasons in the manifest). */
  deadlineHit: boolean;
  /**
   * The leak check found values before publishing and the mend step could not remove them: why
   * (redact/mend.ts). Absent when nothing was found, or the archive was mended (see
   * `manifest.redaction.mended`).
   */
  notMended?: MendRefusal;
  /**
   * Steps after the archive was published that failed (e.g. saving the redaction map on a full
   * disk): the archive at `archivePath` is whole; each line says what is missing and where.
   */
  problems: string[];
  /** The same problems as data, for every front end's language (shared/after-publish.ts). */
  afterPublish: AfterPublishProblem[];
}

/** Past the session deadline: what cuts a stream in flight, and the reason the manifest gives. */
export class DeadlineError extends Error {
  constructor(readonly what: string) {
    super(`cut at ${what}`);
    this.name = 'DeadlineError';
  }
}

/** Parses `90m`, `24h`, `7d`. */
export function parseDuration(text: string): number {
  const m = /^(\d+)([mhd])$/.exec(text.trim());
  if (!m) throw InputError.coded('bad-duration', { value: text }, `"${text}" is not a duration; use a number followed by m, h or d, e.g. 90m, 24h or 7d`);
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}

/** Which collectors run, and why each of the others does not. */
export function planCollectors(options: {
  collectors: readonly Collector[];
  policy: Policy;
  platform: Platform;
  only?: readonly string[];
  skip?: readonly string[];
  consentSensitive?: boolean;
  /** Its problem type decides which problem-type collectors run (Collector.gate). */
  intake?: Partial<Intake>;
}): { run: Collector[]; skipped: { collector: Collector; reason: string; code: Reason }[] } {
  const { collectors, policy, platform, only, skip, consentSensitive } = options;
  const problemType = options.intake?.problemType;
  const known = new Set(collectors.map((c) => c.id));
  for (const id of [...(only ?? []), ...(skip ?? [])]) {
    if (!known.has(id)) throw InputError.coded('unknown-collector', { id, known: [...known].join(', ') }, `unknown collector "${id}"; known collectors: ${[...known].join(', ')}`);
  }
  const run: Collector[] = [];
  const skipped: { collector: Collector; reason: string; code: Reason }[] = [];
  for (const c of collectors) {
    // A code, rendered by the catalogue on every surface; `reason` is its English text for manifest.json.
    const code: Reason | undefined = !c.platforms.includes(platform)
      ? { code: 'platform', platform }
      : only && only.length > 0 && !only.includes(c.id)
        ? { code: 'not-selected' }
        : skip?.includes(c.id)
          ? { code: 'left-out' }
          : policy.disabledCollectors.includes(c.id)
            ? { code: 'policy-disabled' }
            : c.gate?.(policy, problemType, only?.includes(c.id) ?? false) ??
              (c.sensitive && c.category === 'screenshot' && !policy.screenshotAllowed
              ? { code: 'screenshot-forbidden' }
              : c.sensitive && !consentSensitive
                ? { code: 'no-consent' }
                : undefined);
    if (code) skipped.push({ collector: c, reason: englishReason(code), code });
    else run.push(c);
  }
  // Quick collectors first, so the deadline cuts the slow ones, not the essentials.
  run.sort((a, b) => Number(a.slow ?? false) - Number(b.slow ?? false));
  return { run, skipped };
}

/**
 * One collection: runs the collectors in parallel (bounded), streams their items into a zip
 * written beside its final name, adds the intake and manifest, and renames it into place.
 * A collector that fails or times out is recorded and the rest go on; cancelling leaves nothing.
 */
export async function runSession(options: SessionOptions): Promise<SessionResult> {
  const ticketCheck = checkTicketId(options.ticket);
  if (!ticketCheck.ok) throw InputError.coded('ticket-invalid', { ticket: options.ticket }, ticketCheck.reason);
  const intakeParse = IntakeSchema.safeParse(options.intake ?? {});
  if (!intakeParse.success) {
    throw InputError.coded('intake-invalid', { problems: [...new Set(intakeParse.error.issues.map((i) => i.path.join('.') || 'intake'))].join(', ') }, `intake: ${intakeParse.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`);
  }
  // Bidi controls and control characters never reach an output (shared/intake-clean.ts).
  const { intake, cleaned: intakeCleaned } = cleanIntake(intakeParse.data);
  const { policy } = options;
  const now = options.now ?? (() => new Date());
  const platform = options.platform ?? (process.platform as Platform);
  const lang = options.lang ?? policy.archiveLanguage;
  const host = options.host ?? os.hostname();
  const startedAt = now();
  const since = options.since ?? new Date(startedAt.getTime() - parseDuration(policy.since));
  const emit = options.onProgress ?? (() => {});
  const plan = planCollectors({ ...options, collectors: options.collectors ?? COLLECTORS, platform });

  const standard = archiveName({ ticket: ticketCheck.ticket, lang, date: startedAt, host, template: policy.archiveNameTemplate });
  // Wall-clock time (not `now`, which tests may fix): the deadline is a real timer.
  const deadlineAt = options.deadline?.getTime() ?? Date.now() + policy.deadlineSeconds * 1000;
  const deadlineWhat = options.deadline ? `the session deadline (${options.deadline.toISOString()})` : `the session deadline of ${policy.deadlineSeconds} s`;
  const sessionAbort = new AbortController();
  const outerSignal = options.signal;
  const onOuterAbort = () => sessionAbort.abort(new CancelledError());
  if (outerSignal?.aborted) throw new CancelledError();
  outerSignal?.addEventListener('abort', onOuterAbort, { once: true });

  // sos19 (session 21): the checklist starts before the archive is set up, not after. Its waits
  // (the gateway's neighbour lookup, then a probe of up to 300 ms; `<browser> --version`) were
  // begun only once the setup was done and the first items' redaction held the event loop, so
  // the session then waited for them at the end (default collection, 6 alternated runs each:
  // wall 1.69 → 1.62 s with the gateway check left out, main-thread CPU the same). Bounded by the
  // same deadline; setup failing stops them (runChecks never rejects).
  const checksStartedAt = now();
  const checksRun = runChecks({ policy, platform, now, signal: AbortSignal.any([sessionAbort.signal, AbortSignal.timeout(Math.max(0, deadlineAt - Date.now()))]), checks: options.checks, problemType: intake.problemType });
  const setupFailed = (err: unknown): never => {
    sessionAbort.abort(err);
    throw err;
  };

  // The build's analyses of the rule table, read while the folder is made (redact/analyses.ts).
  const analysesRead = options.redact === false ? undefined : loadAnalyses();
  await mkdir(options.outDir, { recursive: true }).catch(setupFailed);
  // What killed runs left here (kill -9, power loss): temp files, and commands still running
  // for a diagcollect that is gone; then our name, reserved before any work. The orphans are
  // looked for beside the collection (a read of every process's environment: tens of ms on a
  // desktop), not before it: they carry their dead owner's mark, never ours.
  const reaping = reapOrphans().catch(() => 0);
  await cleanStaleOutputs(options.outDir).catch(setupFailed);
  await analysesRead;
  const buildRedactor = () => {
    try {
      return createRedactor(policy);
    } catch (err) {
      return setupFailed(err);
    }
  };
  const redactor = options.redact === false ? undefined : buildRedactor();
  // The leak check searches each entry as it is written (the redactor's values so far).
  const leakWatch = redactor ? new LeakWatch(() => redactor.seenValues()) : undefined;
  const redactionTotals: Record<string, number> = {};
  const addCounts = (counts: Record<string, number>) => {
    for (const [rule, n] of Object.entries(counts)) redactionTotals[rule] = (redactionTotals[rule] ?? 0) + n;
  };
  // One item is redacted at a time, in the order items arrive (each redacts and goes to the writer
  // in its turn): a large one by the redaction worker, which holds the Redactor's state until the
  // item ends (redact-offload.ts), so nothing else may redact meanwhile; entries and numbering are
  // the same with or without it.
  const turns = new OrderedTurns();
  const openPatience = openPatienceFromEnv(process.env.DIAGCOLLECT_OPEN_PATIENCE_MS);
  const workerOption: NonNullable<SessionOptions['redactWorker']> = options.redactWorker ?? redactWorkerFromEnv(process.env.DIAGCOLLECT_REDACT_WORKER);
  const offloadAll = workerOption !== false && workerOption.atStart === true;
  const offloadFrom = workerOption === false ? Infinity : offloadAll ? 0 : (workerOption.minBytes ?? OFFLOAD_MIN_BYTES);
  let offload: Promise<RedactWorker | undefined> | undefined;
  /** Why large items were redacted on this thread after all (the worker could not start). */
  let offloadFailure: string | undefined;
  const startWorker = (live: NonNullable<typeof redactor>): Promise<RedactWorker | undefined> =>
    (offload ??= RedactWorker.start(live, workerOption === false ? undefined : workerOption.entry).catch((err: unknown) => {
      offloadFailure = `the redaction worker could not start (${errorMessage(err)}): ${offloadAll ? 'the items' : 'large items'} were redacted on the main thread, the same archive but slower (DIAGCOLLECT_REDACT_WORKER=off skips trying)`;
      return undefined;
    }));
  const workerFor = (item: PendingItem): Promise<RedactWorker | undefined> | undefined => {
    if (!redactor || item.kind !== 'text' || (!offloadAll && (item.size === undefined || item.size < offloadFrom))) return undefined;
    return startWorker(redactor);
  };
  /**
   * sos20 (session 22): short texts redacted as redactText does, in order — by the worker when it
   * takes every item (its rule set is built and warm; this thread then never builds one), else here.
   */
  const redactTexts = async (texts: string[]): Promise<string[]> => {
    const worker = offloadAll ? aliveWorker(await offload) : undefined;
    if (worker && texts.length > 0) {
      try {
        return await worker.redactTexts(texts);
      } catch (err) {
        // The worker died under them: redacted here (nothing of them was kept).
        if (!worker.stopped) throw err;
        aliveWorker(worker);
      }
    }
    return texts.map((text) => redactor!.redactText(text).text);
  };
  /** An in-memory text item redacted in its turn: by the worker when it takes every item, else here. */
  const redactHeld = async (item: PendingItem, data: Buffer): Promise<{ data: Buffer; outcome: RouteOutcome }> => {
    const worker = offloadAll ? aliveWorker(await workerFor(item)) : undefined;
    if (!worker) return redactBuffer(data, redactor!, item.name);
    try {
      return await worker.redactBuffer(data, item.name);
    } catch (err) {
      // The worker died under this item: redacted here from its start (nothing of it was kept).
      if (!worker.stopped) throw err;
      aliveWorker(worker);
      return redactBuffer(data, redactor!, item.name);
    }
  };
  /** The worker for an item whose turn came: none once it died under an earlier item (that entry says so). */
  const aliveWorker = (worker: RedactWorker | undefined): RedactWorker | undefined => {
    if (!worker?.stopped) return worker;
    offloadFailure ??= `the redaction worker stopped (${worker.stopped.message}): ${offloadAll ? 'the items from then on' : 'the large items after it'} were redacted on the main thread`;
    return undefined;
  };
  const stopWorker = async () => {
    const worker = await offload;
    await worker?.terminate();
  };
  // The incident timeline reads the logs as they go into the zip, after redaction.
  const timeline = new TimelineTap({ collectors: options.collectors ?? COLLECTORS, occurredAt: intake.occurredAt, startedAt });
  const reservation = await reserveArchiveName(options.outDir, standard).catch(setupFailed);
  const name = reservation.name;
  let writer: ZipWriter;
  try {
    writer = await ZipWriter.open(join(options.outDir, name), leakWatch ? { watch: leakWatch } : {});
  } catch (err) {
    sessionAbort.abort(err);
    await reservation.release();
    outerSignal?.removeEventListener('abort', onOuterAbort);
    await reaping;
    throw err;
  }
  // sos20 (session 22): started now, its start-up and rule set on the other core while collecting.
  if (offloadAll && redactor) void startWorker(redactor);

  const items: ManifestItem[] = [];
  const skipped: ManifestSkip[] = plan.skipped.map(({ collector, reason, code }) => ({ collector: collector.id, source: collector.id, reason, code }));
  const runs: CollectorRun[] = plan.skipped.map(({ collector, reason, code }) => ({
    id: collector.id,
    status: 'skipped',
    durationMs: 0,
    items: 0,
    bytes: 0,
    error: reason,
    reason: code,
    warnings: [],
  }));
  let totalBytes = 0;
  let writerError: unknown;

  // Items are written in arrival order; a bounded number of writes are in flight at once.
  const pending = new Set<Promise<void>>();
  /** Source streams being archived: cut (destroyed) at the deadline, keeping what was read. */
  const streaming = new Set<NodeJS.ReadableStream & { destroy(error?: Error): void }>();
  let deadlinePassed = false;
  let archiveClosed = false;
  let chain: Promise<void> = Promise.resolve();
  /** An item the deadline left out before its turn came. */
  const notArchived = (item: PendingItem) => skipped.push({ collector: item.collector, source: item.source, reason: `not archived: ${deadlineWhat} passed before its turn` });
  const writeItem = async (item: PendingItem): Promise<void> => {
    const place = turns.join();
    try {
      await writeItemIn(item, place);
    } finally {
      turns.release(place);
    }
  };
  /** Runs `opening` (a file opening or being read); past OPEN_PATIENCE_MS the items behind go first. */
  const patiently = async <T>(place: Place, opening: Promise<T>): Promise<T> => {
    const timer = setTimeout(() => turns.rejoin(place), openPatience);
    timer.unref();
    try {
      return await opening;
    } finally {
      clearTimeout(timer);
    }
  };
  const writeItemIn = async (item: PendingItem, place: Place): Promise<void> => {
    // Past the deadline only small in-memory items (already collected, cheap) are still written.
    if (archiveClosed || (deadlinePassed && !(item.data && item.data.length <= LATE_ITEM_BYTES))) {
      notArchived(item);
      return;
    }
    const hold = item.open || item.read ? options.holdRead?.({ name: item.name, collector: item.collector, source: item.source }) : undefined;
    if (hold) {
      await patiently(place, untilAborted(hold, AbortSignal.any([sessionAbort.signal, deadline])).catch(() => undefined));
      if (archiveClosed || deadlinePassed || sessionAbort.signal.aborted) {
        notArchived(item);
        return;
      }
    }
    let result: EntryResult;
    let truncated = item.truncated ?? false;
    let note = item.note;
    /** Why the entry is cut short, as a code (the manifest item's `cut`). */
    let cut: Reason | undefined;
    let kind = item.kind;
    let redactions: Record<string, number> | undefined;
    const routed = (outcome: RouteOutcome) => {
      if (outcome.binary) {
        kind = 'binary';
        note = [note, 'binary content: archived as it is, without redaction'].filter(Boolean).join('; ');
      } else {
        redactions = outcome.counts;
        addCounts(outcome.counts);
        if (outcome.structure?.note) note = [note, outcome.structure.note].filter(Boolean).join('; ');
      }
    };
    if (item.render) {
      // A generated entry: rendered from redacted facts, never redacted as text (issue 14).
      rendered.set(item.name, item.render);
      await turns.acquire(place);
      let added: Promise<EntryResult>;
      try {
        const data = offloadAll && redactor && item.renderParts ? item.renderParts.render(await redactFactsWith(item.renderParts.facts, redactTexts)) : renderFromFacts(item.render, redactor);
        if (archiveClosed) return;
        added = writer.addBuffer(item.name, data);
      } finally {
        turns.release(place);
      }
      result = await added;
      note = [note, 'rendered from redacted data (not redacted again as text)'].filter(Boolean).join('; ');
    } else if (item.data) {
      let data = item.data;
      await turns.acquire(place);
      let added: Promise<EntryResult>;
      try {
        if (redactor && item.kind === 'text') {
          const redacted = await redactHeld(item, item.data);
          data = redacted.data;
          routed(redacted.outcome);
        }
        if (archiveClosed) return;
        if (forSummary.has(item.name)) summaryEntries.push({ name: item.name, data });
        await timeline.buffer(item, data);
        added = writer.addBuffer(item.name, data);
      } finally {
        turns.release(place);
      }
      result = await added;
    } else if (item.read) {
      // A small file: read at once and written as a buffer (no stream, no pipeline per file).
      let read: Awaited<ReturnType<NonNullable<PendingItem['read']>>>;
      try {
        read = await patiently(place, item.read());
      } catch (err) {
        skipped.push({ collector: item.collector, source: item.source, reason: errorMessage(err) });
        return;
      }
      if (deadlinePassed || archiveClosed) {
        notArchived(item);
        return;
      }
      truncated = read.truncated;
      note = read.note;
      cut = read.cut;
      let data = read.data;
      let outcome: RouteOutcome | undefined;
      await turns.acquire(place);
      let added: Promise<EntryResult>;
      try {
        if (redactor && item.kind === 'text') ({ data, outcome } = await redactHeld(item, data));
        if (archiveClosed) {
          notArchived(item);
          return;
        }
        await timeline.buffer(item, data);
        if (read.error !== undefined) timeline.builder.sourceError(item.name, `reading stopped midway: ${errorMessage(read.error)}; the events read until then are included`);
        added = writer.addBuffer(item.name, data);
      } finally {
        turns.release(place);
      }
      result = await added;
      if (read.error !== undefined) {
        // As a stream breaking midway (below): the entry holds what was read, and says so.
        note = `reading stopped midway: ${errorMessage(read.error)}; the entry holds the first ${result.size} bytes`;
        cut = { code: 'cut-stopped', keptBytes: result.size };
      } else if (outcome) routed(outcome);
    } else if (item.open) {
      let opened: Awaited<ReturnType<NonNullable<PendingItem['open']>>>;
      try {
        opened = await patiently(place, item.open());
      } catch (err) {
        skipped.push({ collector: item.collector, source: item.source, reason: errorMessage(err) });
        return;
      }
      if (deadlinePassed || archiveClosed) {
        // Opening took until past the deadline (a slow network share): not started any more.
        opened.stream.destroy();
        notArchived(item);
        return;
      }
      let worker: RedactWorker | undefined;
      try {
        worker = await workerFor(item);
        await turns.acquire(place);
      } catch (err) {
        // Cancelled while waiting for the worker or the turn: the file is closed now, not by GC.
        opened.stream.destroy();
        throw err;
      }
      if (deadlinePassed || archiveClosed) {
        // The deadline passed while earlier items had their turns: not started any more.
        turns.release(place);
        opened.stream.destroy();
        notArchived(item);
        return;
      }
      worker = aliveWorker(worker);
      streaming.add(opened.stream);
      // Redacted text reaches the timeline as the redactor's text (decoded once, not again from the bytes).
      const feed = redactor && item.kind === 'text' ? timeline.text(item) : undefined;
      const onText = feed ? { onText: feed.write } : {};
      const route: { stream: Readable; outcome: Promise<RouteOutcome>; settled?: Promise<void> } | undefined =
        redactor && item.kind === 'text' ? (worker ? worker.route(opened.stream, item.name, onText) : routeThroughRedactor(opened.stream, redactor, item.name, onText)) : undefined;
      try {
        result = await writer.addStream(item.name, route ? route.stream : timeline.stream(item, opened.stream));
        truncated = opened.truncated;
        note = opened.note;
        cut = opened.cut;
        if (route) routed(await route.outcome);
        feed?.end();
      } catch (err) {
        if (!(err instanceof EntryInputError)) throw err;
        feed?.fail(err.cause ?? err);
        // The source broke midway (I/O error, file deleted under us) or the deadline cut it: the
        // writer kept what was read as a valid entry; say so instead of pretending it is whole.
        result = err.entry;
        truncated = true;
        note = err.cause instanceof DeadlineError ? `cut at ${deadlineWhat}: the entry holds the first ${result.size} bytes` : `reading stopped midway: ${errorMessage(err.cause ?? err)}; the entry holds the first ${result.size} bytes`;
        cut = { code: err.cause instanceof DeadlineError ? 'cut-deadline' : 'cut-stopped', keptBytes: result.size };
      } finally {
        streaming.delete(opened.stream);
        // The writer destroys only the stream it was given (the redactor's or the timeline's),
        // which does not reach back to the source: a cancelled or failed archive would leave the
        // file open until garbage collection. Destroying an ended stream does nothing.
        opened.stream.destroy();
        // The worker hands the Redactor's state back before anything else is redacted.
        if (route?.settled) {
          route.stream.destroy();
          await route.settled;
        }
        turns.release(place);
      }
    } else {
      return;
    }
    totalBytes += result.size;
    items.push({
      name: item.name,
      collector: item.collector,
      source: item.source,
      kind,
      size: result.size,
      sha256: result.sha256,
      truncated,
      ...(note ? { note } : {}),
      ...(truncated && cut ? { cut } : {}),
      ...(redactions && Object.keys(redactions).length > 0 ? { redactions } : {}),
    });
    emit({ type: 'item', collector: item.collector, name: item.name, bytes: result.size, totalItems: items.length, totalBytes });
  };
  // The summary page reads the system/network JSON and the screenshot as written to the archive.
  const forSummary = new Set((['systemJson', 'networkJson', 'screenshot', 'resourceSampleJson'] as const).map((k) => standardName(k, lang)));
  const summaryEntries: { name: string; data: Buffer }[] = [];
  /** Entries rendered from facts, by name: the mend step renders one again if it must. */
  const rendered = new Map<string, NonNullable<PendingItem['render']>>();
  const claimName = createNameRegistry();
  // Items pushed but not yet started; past QUEUE_ROOM, file collectors wait (ItemSink.room).
  let queued = 0;
  let roomWaiters: Array<() => void> = [];
  const sink: ItemSink = {
    claimName,
    push(item) {
      if (options.excludeItems?.includes(item.name)) {
        skipped.push({ collector: item.collector, source: item.source, reason: englishReason({ code: 'left-out' }), code: { code: 'left-out' } });
        return;
      }
      queued += 1;
      // Keep the order of arrival: open the next stream only once the previous one was handed over.
      chain = chain.then(() => {
        queued -= 1;
        if (queued < QUEUE_ROOM && roomWaiters.length > 0) {
          const waiters = roomWaiters;
          roomWaiters = [];
          for (const wake of waiters) wake();
        }
        const p: Promise<void> = writeItem(item)
          .catch((err) => {
            // A stream that broke midway: the writer kept the archive valid; record what happened.
            if (isWriterFatal(err)) writerError ??= err;
            else skipped.push({ collector: item.collector, source: item.source, reason: errorMessage(err) });
          })
          .finally(() => pending.delete(p));
        pending.add(p);
        return pending.size >= 8 ? Promise.race(pending) : undefined;
      });
    },
    skip: (s) => skipped.push(s),
    room: () => (queued < QUEUE_ROOM ? undefined : new Promise<void>((resolve) => roomWaiters.push(resolve))),
  };

  const deadline = AbortSignal.timeout(Math.max(0, deadlineAt - Date.now()));
  const onDeadline = () => {
    // Once the items are all archived, a deadline passing during the last writes cuts nothing.
    if (archiveClosed) return;
    deadlinePassed = true;
    for (const stream of streaming) stream.destroy(new DeadlineError(deadlineWhat));
  };
  deadline.addEventListener('abort', onDeadline, { once: true });
  emit({ type: 'phase', phase: 'collecting' });
  // The checklist (started above) runs beside the collectors; its results are findings, not collection errors.

  try {
    runs.push(...(await runCollectors({ collectors: plan.run, policy, platform, since, lang, sink, skipped, cancel: sessionAbort.signal, deadline, deadlineWhat, emit })));
    if (sessionAbort.signal.aborted) throw new CancelledError();

    emit({ type: 'phase', phase: 'archiving' });
    // Cancel must not wait for a large file to finish streaming; past the deadline, streams in
    // flight are cut (onDeadline) and we wait only briefly for a source stuck opening.
    await untilAborted(untilDeadlineGrace(chain.then(() => Promise.all(pending)), deadline), sessionAbort.signal);
    archiveClosed = true;
    if (writerError) throw writerError;
    if (sessionAbort.signal.aborted) throw new CancelledError();
    // Every item handed the Redactor's state back (an item cut at the deadline too) before the
    // manifest and the reports are redacted here; the worker is not needed any more.
    // sos20 (session 22): a worker that takes every item redacts the manifest's texts and the
    // checks' facts below as well, so it stops after them.
    let lastTurn: Place | undefined;
    if (offload) {
      lastTurn = turns.join();
      await untilAborted(turns.acquire(lastTurn), sessionAbort.signal);
      if (!offloadAll) {
        await stopWorker();
        turns.release(lastTurn);
        lastTurn = undefined;
      }
    }

    emit({ type: 'phase', phase: 'finalizing' });
    const finishedAt = now();
    const intakeName = claimName(standardName('intake', lang));
    const intakeText = Buffer.from(formatIntake(ticketCheck.ticket, intake, lang, startedAt, host), 'utf8');
    const intakeResult = await writer.addBuffer(intakeName, intakeText);
    items.unshift({ name: intakeName, collector: 'session', source: 'intake', kind: 'text', size: intakeResult.size, sha256: intakeResult.sha256, truncated: false });

    const checks = await untilAborted(checksRun, sessionAbort.signal);
    // Checks are bounded by the deadline too; what they could not finish says so itself.
    const checksFinishedAt = now();

    const order = new Map([...plan.run, ...plan.skipped.map((s) => s.collector)].map((c, i) => [c.id, i]));
    runs.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    // Sources, notes and errors name paths and commands: /home/alice/… must not slip through there.
    // sos20 (session 22): all of them at once, in this order (the worker's round trip is once).
    const scrubbed = redactor ? await redactFactsWith({ items: items.map((i) => [i.source, i.note ?? '']), skipped: skipped.map((k) => [k.source, k.reason]), runs: runs.map((r) => [r.error ?? '', r.warnings]) }, redactTexts) : undefined;
    if (scrubbed) {
      for (const [i, item] of items.entries()) {
        item.source = scrubbed.items[i]![0]!;
        if (item.note) item.note = scrubbed.items[i]![1]!;
      }
      for (const [i, skip] of skipped.entries()) [skip.source, skip.reason] = scrubbed.skipped[i]! as [string, string];
      for (const [i, run] of runs.entries()) {
        if (run.error) run.error = scrubbed.runs[i]![0] as string;
        run.warnings = scrubbed.runs[i]![1] as string[];
      }
    }
    const manifest: Manifest = {
      format: 'diagcollect-manifest/1',
      tool: { name: 'diagcollect', version: TOOL_VERSION },
      ticket: ticketCheck.ticket,
      archiveLanguage: lang,
      host,
      os: { platform, release: os.release(), arch: os.arch() },
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      since: since.toISOString(),
      intake,
      ...(intakeCleaned.length > 0 ? { intakeCleaned } : {}),
      collectors: runs,
      items,
      skipped,
      redaction: redactor
        ? { enabled: true, rules: (offloadAll ? (await offload)?.rules : undefined) ?? redactor.activeRules(), totals: redactionTotals, ...exampleOf(redactionTotals, redactor), ...(offloadFailure ? { inThread: offloadFailure } : {}) }
        : { enabled: false, rules: [], totals: {} },
    };
    // checks.json and the summary page are rendered from redacted facts (never redacted as text).
    const reportChecks = redactor ? (offloadAll ? await redactFactsWith(checks, redactTexts) : redactFacts(checks, redactor)) : checks;
    if (lastTurn) {
      await stopWorker();
      turns.release(lastTurn);
    }
    const timelineDoc = timeline.finish({ ticket: ticketCheck.ticket, host, lang, startedAt, finishedAt, checks: reportChecks, checksFinishedAt });
    // One generated entry at a time, each streamed in pieces (a row per collected file in
    // timeline.json and manifest.json: never the whole document as one string).
    const generatedNames: string[] = [];
    for (const entry of reportEntries({ manifest, checks: reportChecks, checksStartedAt, checksFinishedAt, entries: summaryEntries, lang, timeline: timelineDoc, ...(redactor ? { redactions: redactionTotals } : {}) })) {
      const entryName = claimName(entry.name);
      generatedNames.push(entryName);
      const r = await writer.addStream(entryName, Readable.from(entry.pieces()));
      manifest.items.push({ name: entryName, collector: 'session', source: entry.source, kind: 'text', size: r.size, sha256: r.sha256, truncated: false });
    }
    const manifestName = claimName(standardName('manifest', lang));
    await writer.addStream(manifestName, Readable.from(jsonPieces(manifest)));
    if (sessionAbort.signal.aborted) throw new CancelledError();
    const intakeString = intakeText.toString('utf8');
    // The leak check before the archive is published, and the mend step when it finds values
    // written before they were learned (redact/mend.ts). Past the deadline neither runs: the
    // workflow's check then says "incomplete" as before.
    let leaksBeforePublish: LeakHit[] | undefined;
    let notMended: MendRefusal | undefined;
    let published: Manifest = manifest;
    const beforePublish: BeforePublish | undefined =
      leakWatch && redactor && !deadlinePassed
        ? async (tempPath) => {
            const deadlines = AbortSignal.any([deadline, ...(options.finishDeadline ? [options.finishDeadline] : [])]);
            const bound = AbortSignal.any([deadlines, sessionAbort.signal]);
            const hits = await leakWatch.finishWithValues(tempPath, intakeString, { signal: bound }).catch((err: unknown) => {
              if (sessionAbort.signal.aborted) throw new CancelledError();
              // Cut by the deadline: the workflow's check runs as before and says "incomplete".
              if (!deadlines.aborted) throw err;
              return undefined;
            });
            if (!hits) return undefined;
            leaksBeforePublish = hits.map(({ entry, line, value }) => ({ entry, line, masked: maskValue(value) }));
            if (hits.length === 0) return undefined;
            const outcome = await mendArchive({
              archivePath: tempPath,
              finalPath: join(options.outDir, name),
              hits,
              manifest,
              redactor,
              leakValues: leakCandidates(redactor.seenValues(), intakeString),
              generatedNames,
              manifestName,
              rendered,
              keep: new Set(summaryEntries.map((e) => e.name)),
              render: (mended, { hitEntries, mendedData, redactAgain }) =>
                reportEntries({
                  manifest: mended,
                  // Rendered from facts redacted before a value was learned: redacted again where the
                  // leak watch found one in a report entry.
                  checks: generatedNames.some((n) => hitEntries.has(n)) ? redactAgain(reportChecks) : reportChecks,
                  checksStartedAt,
                  checksFinishedAt,
                  entries: summaryEntries.map((e) => ({ name: e.name, data: mendedData.get(e.name) ?? e.data })),
                  lang,
                  // Built from the logs as archived: rendered again from its facts redacted again.
                  timeline: generatedNames.some((n) => hitEntries.has(n)) ? redactAgain(timelineDoc) : timelineDoc,
                  redactions: mended.redaction?.totals ?? {},
                }).map((entry, i) => ({ name: generatedNames[i]!, source: entry.source, pieces: () => entry.pieces() })),
              signal: bound,
              ...(options.mendBeforeWrite ? { beforeWrite: options.mendBeforeWrite } : {}),
            });
            if (sessionAbort.signal.aborted) {
              if (outcome.state === 'mended') await removeQuietly(outcome.path);
              throw new CancelledError();
            }
            if (outcome.state === 'not-mended') {
              notMended = outcome.refusal;
              return undefined;
            }
            leaksBeforePublish = [];
            published = outcome.manifest;
            return { path: outcome.path, bytes: outcome.bytes };
          }
        : undefined;
    const final = await writer.finalize(beforePublish);
    summaryEntries.length = 0;
    // From here on the archive exists: a failure is reported with it, never as "no archive".
    const problems: string[] = [];
    const afterPublish: AfterPublishProblem[] = [];
    if (redactor && options.redactionMapDir) {
      await saveRedactionMap(options.redactionMapDir, name, redactor).catch((err: unknown) => {
        afterPublish.push({ step: 'map', target: options.redactionMapDir!, cause: causeCode(err), existing: [final.path] });
        problems.push(`the archive ${final.path} is complete, but the redaction map (what each placeholder stands for) could not be saved in ${options.redactionMapDir}: ${errorMessage(err)}; no map file exists for it`);
      });
    }
    emit({ type: 'phase', phase: 'done' });
    return {
      checks,
      leakValues: redactor ? leakCandidates(redactor.seenValues(), intakeText.toString('utf8')) : [],
      // Checked before publishing (and mended): that verdict; else the check runs now, as before.
      checkLeaks: (check) => (leaksBeforePublish ? Promise.resolve(leaksBeforePublish) : leakWatch ? leakWatch.finish(final.path, intakeString, check) : Promise.resolve([])),
      archivePath: final.path,
      archiveName: name,
      bytes: final.bytes,
      manifest: published,
      ...(notMended ? { notMended } : {}),
      partial: deadlinePassed || runs.some((r) => r.status === 'error' || r.status === 'timeout'),
      deadlineHit: deadlinePassed,
      problems,
      afterPublish,
    };
  } catch (err) {
    sessionAbort.abort(err);
    await writer.abort();
    // Nothing waits for a turn to redact any more, and the worker (if any) is stopped mid-item.
    turns.fail(err instanceof Error ? err : new CancelledError());
    await stopWorker();
    await Promise.allSettled(pending);
    if (err instanceof CancelledError || outerSignal?.aborted) {
      emit({ type: 'phase', phase: 'cancelled' });
      throw err instanceof CancelledError ? err : new CancelledError();
    }
    throw err;
  } finally {
    deadline.removeEventListener('abort', onDeadline);
    outerSignal?.removeEventListener('abort', onOuterAbort);
    // Never left running, whatever happened (terminating twice does nothing).
    await stopWorker();
    await reservation.release();
    await reaping;
  }
}

/**
 * How long an item's file may take to open (or be read, or be held by the holdRead seam) before
 * the items behind it take their turns first: a slow network share never holds up the rest.
 */
const OPEN_PATIENCE_MS = 1000;

/** An environment variable's number: NaN when it is unset, blank or no number. */
const envNumber = (value: string | undefined): number => (value === undefined || value.trim() === '' ? NaN : Number(value));

/**
 * `DIAGCOLLECT_OPEN_PATIENCE_MS`: OPEN_PATIENCE_MS in milliseconds (a whole number ≥ 1), for tests
 * that compare two runs entry by entry and must not see a busy machine's slow read reorder them.
 */
export function openPatienceFromEnv(value: string | undefined): number {
  const n = envNumber(value);
  return Number.isInteger(n) && n >= 1 ? n : OPEN_PATIENCE_MS;
}

/**
 * `DIAGCOLLECT_REDACT_WORKER`: unset or `on` (the default) sends text files of OFFLOAD_MIN_BYTES
 * or more to the redaction worker, a number of bytes is the smallest file it takes (tests and
 * benchmarks: `0` sends every file to it); `off` redacts everything on the main thread. Anything
 * else is the default.
 */
export function redactWorkerFromEnv(value: string | undefined): { minBytes?: number } | false {
  // On by default: with the worker, peak RSS stays flat (its fixed cost is ~25 MB: a second Node
  // environment, its copy of the rules, its malloc arena; 300 MB and 1 GB of logs measured
  // ~145 MB), and the main thread's CPU for a large log drops to about zip -6's.
  if (value === 'off') return false;
  const n = envNumber(value);
  return Number.isFinite(n) && n >= 0 ? { minBytes: n } : {};
}

/**
 * sos20 (session 22): the worker option of an interactive collection (the CLI's collect): started
 * with the session, redacting every text item (SessionOptions.redactWorker `atStart`), unless
 * `DIAGCOLLECT_REDACT_WORKER` says otherwise (`off`, or a size from which items go to it).
 */
export function redactWorkerForCollect(value: string | undefined, ahead?: WorkerStartedAhead): NonNullable<SessionOptions['redactWorker']> {
  const given = redactWorkerFromEnv(value);
  if (given === false || given.minBytes !== undefined) return given;
  // sos25 (session 23): a worker started ahead (the CLI launcher's) is the one the session uses.
  return { atStart: true, ...(ahead ? { entry: { ahead } } : {}) };
}

/**
 * Items queued for the archive before a collector adding files waits for room: enough that the
 * writer never starves (its files are checked 16 ahead, see copy-files.ts), few enough that what
 * waits is bounded whatever the number of files.
 */
export const QUEUE_ROOM = 64;

/** In-memory items up to this size are still archived after the deadline (seconds of work at most). */
const LATE_ITEM_BYTES = 1024 * 1024;

/** How long, past the deadline, we still wait for a source stuck opening (a hung share). */
const DEADLINE_GRACE_MS = 2_000;

/** `work`, but past the deadline no longer than DEADLINE_GRACE_MS. */
function untilDeadlineGrace(work: Promise<unknown>, deadline: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const onDeadline = () => {
      timer = setTimeout(resolve, DEADLINE_GRACE_MS);
    };
    if (deadline.aborted) onDeadline();
    else deadline.addEventListener('abort', onDeadline, { once: true });
    work.then(
      () => resolve(),
      (err: unknown) => reject(err),
    ).finally(() => {
      clearTimeout(timer);
      deadline.removeEventListener('abort', onDeadline);
    });
  });
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new CancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Errors of the output file itself (disk full, I/O) end the session; a source's error does not. */
function isWriterFatal(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EIO' || code === 'EDQUOT' || code === 'EROFS' || (err as { fatal?: boolean } | undefined)?.fatal === true;
}

/** The manifest's example placeholder (one the archive holds), when anything was replaced. */
function exampleOf(totals: Readonly<Record<string, number>>, redactor: { placeholderRules(): ReadonlyMap<string, string> }): { example?: string } {
  const example = placeholderExample(totals, redactor.placeholderRules());
  return example ? { example } : {};
}
