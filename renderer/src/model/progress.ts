/**
 * The Progress screen's state, as a pure reducer over the session events from
 * `window.diagnostics.onProgress` (no React here, so it is unit-tested on Node).
 */
import type { CollectionResult, SessionEvent, StartCollectionResponse } from '../../../shared/api.js';
import type { Reason } from '../../../shared/reasons.js';
import type { CollectorStatus, LocalizedText } from '../../../shared/types.js';

/** `writing`: shown, not stored — the collector is done but its files are still streaming into the archive. */
export type RowStatus = 'waiting' | 'running' | 'writing' | CollectorStatus;

export interface ProgressRow {
  id: string;
  title: LocalizedText;
  status: RowStatus;
  /** Why it was skipped, as a code (decided before the run). */
  reason?: Reason;
  /** Why a run was skipped, failed or timed out, as a code (rendered in the UI language). */
  detailCode?: Reason;
  /** The engine's own words about it (technical, English): shown only in English. */
  detail?: string;
  items: number;
  bytes: number;
  durationMs?: number;
}

export type Phase = 'starting' | 'collecting' | 'archiving' | 'finalizing' | 'done' | 'cancelled' | 'failed';

export interface ProgressState {
  sessionId: string;
  startedAt: number;
  rows: ProgressRow[];
  phase: Phase;
  totalItems: number;
  totalBytes: number;
  result?: CollectionResult;
  error?: string;
}

export function initialProgress(start: StartCollectionResponse, startedAt: number): ProgressState {
  return {
    sessionId: start.sessionId,
    startedAt,
    rows: start.rows.map((r) => ({ id: r.id, title: r.title, status: r.status, ...(r.reason ? { reason: r.reason } : {}), items: 0, bytes: 0 })),
    phase: 'starting',
    totalItems: 0,
    totalBytes: 0,
  };
}

const updateRow = (rows: ProgressRow[], id: string, change: (row: ProgressRow) => ProgressRow): ProgressRow[] => rows.map((r) => (r.id === id ? change(r) : r));

export function applySessionEvent(state: ProgressState, event: SessionEvent): ProgressState {
  if (event.sessionId !== state.sessionId) return state;
  switch (event.type) {
    case 'cancelled':
      return { ...state, phase: 'cancelled' };
    case 'failed':
      return { ...state, phase: 'failed', error: event.message };
    case 'after-publish':
      // A step after publishing failed after the Done screen appeared: the engine's list as it now stands.
      return state.result ? { ...state, result: { ...state.result, afterPublish: event.afterPublish } } : state;
    case 'finished': {
      // The manifest has the last word on every collector's outcome.
      const runs = new Map(event.result.collectors.map((c) => [c.id, c]));
      const rows = state.rows.map((r) => {
        const run = runs.get(r.id);
        if (!run) return r;
        return { ...r, status: run.status, items: run.items, bytes: run.bytes, durationMs: run.durationMs, ...(run.error && !r.reason ? { detail: run.error } : {}), ...(run.reason && !r.reason ? { detailCode: run.reason } : {}) };
      });
      return { ...state, rows, phase: 'done', result: event.result };
    }
    case 'progress': {
      const e = event.event;
      switch (e.type) {
        case 'phase':
          return e.phase === 'done' ? state : { ...state, phase: e.phase };
        case 'collector-start':
          return { ...state, phase: state.phase === 'starting' ? 'collecting' : state.phase, rows: updateRow(state.rows, e.collector, (r) => ({ ...r, status: 'running' })) };
        case 'collector-end':
          return {
            ...state,
            rows: updateRow(state.rows, e.collector, (r) => ({ ...r, status: e.status, durationMs: e.durationMs, ...(e.error ? { detail: e.error } : {}), ...(e.reason ? { detailCode: e.reason } : {}) })),
          };
        case 'item':
          return {
            ...state,
            totalItems: e.totalItems,
            totalBytes: e.totalBytes,
            rows: updateRow(state.rows, e.collector, (r) => ({ ...r, items: r.items + 1, bytes: r.bytes + e.bytes })),
          };
      }
    }
  }
  return state;
}

/** A session's last event: it finished, was cancelled or failed. */
export type EndEvent = Extract<SessionEvent, { type: 'finished' | 'cancelled' | 'failed' }>;
export const isEndEvent = (event: SessionEvent): event is EndEvent => event.type === 'finished' || event.type === 'cancelled' || event.type === 'failed';

/**
 * Applies the events that arrived before startCollection's reply (the rows were not known yet).
 * A short run can end in that time: `ended` is then its last event, which decides the screen.
 */
export function replayEarly(state: ProgressState, events: readonly SessionEvent[]): { state: ProgressState; ended?: EndEvent } {
  let ended: EndEvent | undefined;
  for (const event of events) {
    const next = applySessionEvent(state, event);
    if (next !== state && isEndEvent(event)) ended = event;
    state = next;
  }
  return ended ? { state, ended } : { state };
}

const FINISHED: ReadonlySet<RowStatus> = new Set(['ok', 'error', 'timeout', 'skipped', 'cancelled']);

/** What a row shows: a finished collector whose files have not reached the archive yet is still `writing`. */
export function displayStatus(row: ProgressRow, phase: Phase): RowStatus {
  if (row.status === 'ok' && row.items === 0 && (phase === 'starting' || phase === 'collecting' || phase === 'archiving')) return 'writing';
  return row.status;
}

/** Rows that run (not skipped before the start), and how many of them have finished. */
export function counts(state: ProgressState): { done: number; total: number } {
  const active = state.rows.filter((r) => !r.reason);
  return { done: active.filter((r) => FINISHED.has(displayStatus(r, state.phase))).length, total: active.length };
}

/** 0…1 for the overall bar: collectors make up 90 %, packing the archive the rest. */
export function overallFraction(state: ProgressState): number {
  if (state.phase === 'done') return 1;
  const { done, total } = counts(state);
  const collecting = total === 0 ? 1 : done / total;
  const tail = state.phase === 'archiving' ? 0.03 : state.phase === 'finalizing' ? 0.08 : 0;
  return Math.min(0.99, collecting * 0.9 + tail);
}

const RANK: Record<RowStatus, number> = { running: 0, writing: 0, waiting: 1, error: 2, timeout: 2, ok: 3, cancelled: 3, skipped: 4 };

/**
 * The rows in the order the screen shows them: what is being read now first (so the one slow
 * item is never below the fold), then what waits, then what finished, skipped last. Stable
 * within a group, so rows do not jump around while they keep their state.
 */
export function orderedRows(state: ProgressState): Array<{ row: ProgressRow; status: RowStatus }> {
  return state.rows
    .map((row, index) => ({ row, status: displayStatus(row, state.phase), index }))
    .sort((a, b) => RANK[a.status] - RANK[b.status] || a.index - b.index)
    .map(({ row, status }) => ({ row, status }));
}
