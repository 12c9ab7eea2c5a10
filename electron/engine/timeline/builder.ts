/**
 * The timeline's memory: bounded whatever the volume of logs. It keeps every count (per source,
 * per minute of the window, per hour overall) but only a capped list of events — those in the
 * window around the focus (errors and warnings first, then the closest to the focus) and the
 * errors and warnings outside it closest to the focus.
 */
import { checkView } from '../../../shared/i18n/check-text.js';
import { translator } from '../../../shared/i18n/translate.js';
import type { CheckResult } from '../../../shared/types.js';
import { TIMELINE_FORMAT, type MinuteCounts, type SourceKind, type TimelineDocument, type TimelineEvent, type TimelineSource, type TimelineTime } from './document.js';
import { emptyCounts, SourceReader, copy, type SourceCounts } from './source-reader.js';
import type { Level } from './stamps.js';

export const WINDOW_MINUTES = 30;
const TEXT_MAX = 300;

export interface BuilderCaps {
  /** Events listed for the window. */
  windowEvents: number;
  /** Errors and warnings listed outside the window. */
  outsideEvents: number;
  /** Distinct (hour, source) cells of the per-hour table. */
  hourCells: number;
}

export const DEFAULT_CAPS: BuilderCaps = { windowEvents: 2000, outsideEvents: 200, hourCells: 20_000 };

interface Kept {
  ms: number;
  source: number;
  level: Level;
  text: string;
  line?: number;
  marker?: TimelineEvent['marker'];
}

interface KeptList {
  list: Kept[];
  cap: number;
  /** The worst member after the last trim. */
  worst: { rank: number; distance: number } | undefined;
}

interface SourceState {
  name: string;
  kind: SourceKind;
  collector: string;
  counts: SourceCounts;
  events: number;
  errors: number;
  warnings: number;
  first: number;
  last: number;
  error?: string;
}

export interface BuilderOptions {
  /** Centre of the window (UTC ms): the reported time, or the collection's start. */
  focusMs: number;
  focusBasis: 'reported' | 'collection';
  /** The collection's start: the year of stamps without one is chosen relative to it. */
  referenceMs: number;
  caps?: Partial<BuilderCaps>;
}

const RANK: Record<Level, number> = { error: 0, warning: 1, info: 2 };

export class TimelineBuilder {
  readonly windowStart: number;
  readonly windowEnd: number;
  private readonly caps: BuilderCaps;
  private readonly sources: SourceState[] = [];
  private readonly windowKept: KeptList = { list: [], cap: 0, worst: undefined };
  private readonly outsideKept: KeptList = { list: [], cap: 0, worst: undefined };
  private windowCount = 0;
  /** minute index → per-source [events, errors, warnings]. */
  private readonly minutes = new Map<number, Map<number, [number, number, number]>>();
  private readonly hours = new Map<number, [number, number, number]>();
  private hourOverflow = 0;
  /** Readers not ended yet (a source that broke off): finish settles their counts. Ended ones are let go. */
  private readonly readers = new Set<SourceReader>();
  private lastHourKey = Number.NaN;
  private lastHourCell: [number, number, number] | undefined;

  constructor(private readonly options: BuilderOptions) {
    this.caps = { ...DEFAULT_CAPS, ...options.caps };
    this.windowKept.cap = this.caps.windowEvents;
    this.outsideKept.cap = this.caps.outsideEvents;
    const focusMinute = Math.floor(options.focusMs / 60_000) * 60_000;
    this.windowStart = focusMinute - WINDOW_MINUTES * 60_000;
    this.windowEnd = focusMinute + (WINDOW_MINUTES + 1) * 60_000;
  }

  /** A new source; returns its reader (log text) — events from it are added here. */
  reader(name: string, kind: SourceKind, collector: string): SourceReader {
    const index = this.addSource(name, kind, collector);
    const counts = this.sources[index]!.counts;
    const reader: SourceReader = new SourceReader(
      counts,
      { event: (ms, level, text, line) => this.add(index, ms, level, text, line), ended: () => this.readers.delete(reader) },
      this.options.referenceMs,
    );
    this.readers.add(reader);
    return reader;
  }

  addSource(name: string, kind: SourceKind, collector: string): number {
    this.sources.push({ name, kind, collector, counts: emptyCounts(), events: 0, errors: 0, warnings: 0, first: Number.POSITIVE_INFINITY, last: Number.NEGATIVE_INFINITY });
    return this.sources.length - 1;
  }

  /** The source broke off or its reader failed: say so on its row. */
  sourceError(name: string, message: string): void {
    const s = this.sources.find((x) => x.name === name);
    if (s) s.error = message;
  }

  add(source: number, ms: number, level: Level, text: string, line?: number, marker?: Kept['marker']): void {
    const s = this.sources[source]!;
    s.events += 1;
    if (level === 'error') s.errors += 1;
    else if (level === 'warning') s.warnings += 1;
    if (ms < s.first) s.first = ms;
    if (ms > s.last) s.last = ms;
    this.countHour(source, ms, level);
    const inWindow = ms >= this.windowStart && ms < this.windowEnd;
    if (inWindow) {
      this.windowCount += 1;
      const minute = Math.floor((ms - this.windowStart) / 60_000);
      let row = this.minutes.get(minute);
      if (!row) this.minutes.set(minute, (row = new Map()));
      let cell = row.get(source);
      if (!cell) row.set(source, (cell = [0, 0, 0]));
      cell[0] += 1;
      if (level === 'error') cell[1] += 1;
      else if (level === 'warning') cell[2] += 1;
      this.keep(this.windowKept, ms, source, level, text, line, marker);
    } else if (level !== 'info' || marker) {
      this.keep(this.outsideKept, ms, source, level, text, line, marker);
    }
  }

  /** The checklist's results, at the time the checks finished. */
  addChecks(checks: readonly CheckResult[], atMs: number, name: string, lang: 'zh-CN' | 'en'): void {
    if (checks.length === 0) return;
    const index = this.addSource(name, 'checks', 'checks');
    const counts = this.sources[index]!.counts;
    for (const c of checks) {
      counts.lines += 1;
      counts.dated += 1;
      const level: Level = c.status === 'fail' ? 'error' : c.status === 'warn' ? 'warning' : 'info';
      const view = checkView(translator(lang), c);
      this.add(index, atMs, level, `${view.title}: ${view.detail}`);
    }
  }

  /** Milestones: the reported time and the collection's start and end. */
  addMarkers(markers: Array<{ ms: number; marker: NonNullable<Kept['marker']>; text: string }>, name: string): void {
    const index = this.addSource(name, 'session', 'session');
    for (const m of markers) {
      this.sources[index]!.counts.lines += 1;
      this.sources[index]!.counts.dated += 1;
      this.add(index, m.ms, 'info', m.text, undefined, m.marker);
    }
  }

  private countHour(source: number, ms: number, level: Level): void {
    const key = Math.floor(ms / 3_600_000) * 4096 + (source % 4096);
    // Logs run in time order: most events fall in the hour (and source) of the one before.
    let cell = key === this.lastHourKey ? this.lastHourCell : this.hours.get(key);
    if (!cell) {
      if (this.hours.size >= this.caps.hourCells) {
        this.hourOverflow += 1;
        return;
      }
      this.hours.set(key, (cell = [0, 0, 0]));
    }
    this.lastHourKey = key;
    this.lastHourCell = cell;
    cell[0] += 1;
    if (level === 'error') cell[1] += 1;
    else if (level === 'warning') cell[2] += 1;
  }

  /**
   * Keeps at most `cap`: milestones, errors, warnings, then the closest to the focus. Once the
   * list has been trimmed, an event that would not beat its worst member is not even copied.
   */
  private keep(k: KeptList, ms: number, source: number, level: Level, text: string, line?: number, marker?: Kept['marker']): void {
    const rank = marker ? -1 : RANK[level];
    const distance = Math.abs(ms - this.options.focusMs);
    const w = k.worst;
    if (w && (rank > w.rank || (rank === w.rank && distance >= w.distance))) return;
    k.list.push({ ms, source, level, text: clip(text), ...(line ? { line } : {}), ...(marker ? { marker } : {}) });
    if (k.list.length >= k.cap * 2) this.trim(k);
  }

  private trim(k: KeptList): void {
    if (k.list.length <= k.cap) return;
    const focus = this.options.focusMs;
    const rank = (e: Kept) => (e.marker ? -1 : RANK[e.level]);
    k.list.sort((a, b) => rank(a) - rank(b) || Math.abs(a.ms - focus) - Math.abs(b.ms - focus));
    k.list.length = k.cap;
    const last = k.list[k.cap - 1]!;
    k.worst = { rank: rank(last), distance: Math.abs(last.ms - focus) };
  }

  finish(meta: { ticket: string; host: string; startedAt: Date; finishedAt: Date; reportedAsEntered?: string }): TimelineDocument {
    // A reader whose source broke off was never ended: its last counts are still pending.
    for (const r of this.readers) r.settle();
    this.trim(this.windowKept);
    this.trim(this.outsideKept);
    const byTime = (a: Kept, b: Kept) => a.ms - b.ms || a.source - b.source || (a.line ?? 0) - (b.line ?? 0);
    const toEvent = (k: Kept): TimelineEvent => ({ ...timeOf(k.ms), source: k.source, level: k.level, text: k.text, ...(k.line ? { line: k.line } : {}), ...(k.marker ? { marker: k.marker } : {}) });
    const sources: TimelineSource[] = this.sources.map((s) => {
      const c = s.counts;
      return {
        name: s.name,
        kind: s.kind,
        collector: s.collector,
        lines: c.lines,
        dated: c.dated,
        continuation: c.continuation,
        undated: c.undated,
        datedShare: c.lines === 0 ? 1 : (c.dated + c.continuation) / c.lines,
        events: s.events,
        errors: s.errors,
        warnings: s.warnings,
        formats: c.formats,
        zones: c.zones,
        ...(s.events > 0 ? { first: timeOf(s.first).utc, last: timeOf(s.last).utc } : {}),
        undatedSamples: c.undatedSamples,
        ...(s.error ? { error: s.error } : {}),
      };
    });
    const sum = (f: (s: TimelineSource) => number) => sources.reduce((n, s) => n + f(s), 0);
    // Lines are counted over the logs only (milestones and check results are always dated).
    const logs = sources.filter((s) => s.kind === 'system-logs' || s.kind === 'app-logs');
    const sumLogs = (f: (s: TimelineSource) => number) => logs.reduce((n, s) => n + f(s), 0);
    const lines = sumLogs((s) => s.lines);
    const dated = sumLogs((s) => s.dated);
    const continuation = sumLogs((s) => s.continuation);
    const cells = (m: Map<number, [number, number, number]>): MinuteCounts[] =>
      [...m.entries()].sort((a, b) => a[0] - b[0]).map(([source, [events, errors, warnings]]) => ({ source, events, errors, warnings }));
    const hourRows = new Map<number, Map<number, [number, number, number]>>();
    for (const [key, cell] of this.hours) {
      const hour = Math.floor(key / 4096);
      let row = hourRows.get(hour);
      if (!row) hourRows.set(hour, (row = new Map()));
      row.set(key % 4096, cell);
    }
    const focus = this.options.focusMs;
    return {
      format: TIMELINE_FORMAT,
      ticket: meta.ticket,
      host: meta.host,
      clock: {
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        utcOffset: offsetText(focus),
        note: 'Times are UTC (utc) and this computer\'s local time with its offset (local). Log lines without a time zone were read in this computer\'s time zone; lines without a year got the year that puts them at or before the collection.',
      },
      ...(meta.reportedAsEntered && this.options.focusBasis === 'reported' ? { reported: { ...timeOf(focus), asEntered: meta.reportedAsEntered } } : {}),
      focus: { ...timeOf(focus), basis: this.options.focusBasis },
      collection: { startedAt: timeOf(meta.startedAt.getTime()), finishedAt: timeOf(meta.finishedAt.getTime()) },
      window: {
        from: timeOf(this.windowStart),
        to: timeOf(this.windowEnd),
        minutes: WINDOW_MINUTES * 2 + 1,
        events: this.windowCount,
        listed: this.windowKept.list.length,
        perMinute: [...this.minutes.entries()].sort((a, b) => a[0] - b[0]).map(([minute, m]) => ({ minute, counts: cells(m) })),
      },
      sources,
      totals: {
        lines,
        dated,
        continuation,
        undated: sumLogs((s) => s.undated),
        events: sum((s) => s.events),
        errors: sum((s) => s.errors),
        warnings: sum((s) => s.warnings),
        datedShare: lines === 0 ? 1 : (dated + continuation) / lines,
      },
      events: [...this.windowKept.list].sort(byTime).map(toEvent),
      notableOutside: [...this.outsideKept.list].sort(byTime).map(toEvent),
      perHour: [...hourRows.entries()].sort((a, b) => a[0] - b[0]).map(([hour, m]) => ({ hour: new Date(hour * 3_600_000).toISOString(), counts: cells(m) })),
      perHourOverflow: this.hourOverflow,
    };
  }
}

function clip(text: string): string {
  return copy(text.length > TEXT_MAX ? `${text.slice(0, TEXT_MAX - 1)}…` : text);
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** `+08:00`: this computer's UTC offset at that instant. */
export function offsetText(ms: number): string {
  const off = -new Date(ms).getTimezoneOffset();
  const abs = Math.abs(off);
  return `${off >= 0 ? '+' : '-'}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`;
}

/** UTC and local (`2024-01-15 09:38:52.117 +08:00`) forms of one instant. */
export function timeOf(ms: number): TimelineTime {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return { utc: '', local: '' };
  const local = `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}.${String(d.getMilliseconds()).padStart(3, '0')} ${offsetText(ms)}`;
  return { utc: d.toISOString(), local };
}

/** The intake's 发生时间 (`YYYY-MM-DD HH:mm`, local time) → UTC ms, or undefined. */
export function reportedMs(occurredAt: string | undefined): number | undefined {
  const m = occurredAt ? /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(occurredAt) : null;
  if (!m) return undefined;
  const ms = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}
