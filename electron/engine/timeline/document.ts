/**
 * `timeline.json`: the incident timeline as data — every time in UTC (ISO 8601 with `Z`) and
 * again in this computer's local time with its offset, so a reader in another zone can line the
 * events up with their own clock.
 */
import type { FormatId, Level, Zone } from './stamps.js';

export const TIMELINE_FORMAT = 'diagcollect-timeline/1';

/** What kind of source a row of the timeline is. */
export type SourceKind = 'system-logs' | 'app-logs' | 'recording' | 'checks' | 'session';

export interface TimelineTime {
  /** UTC, ISO 8601 with Z. */
  utc: string;
  /** Local time of the computer collected from, with its offset: `2024-01-15 09:38:52.117 +08:00`. */
  local: string;
}

export interface TimelineEvent extends TimelineTime {
  /** Index into `sources`. */
  source: number;
  level: Level;
  /** The line (or the event's summary), redacted, at most 300 characters. */
  text: string;
  /** Line number in the archive entry, when from a log. */
  line?: number;
  /** A milestone rather than a log line: the reported time, the collection's start and end. */
  marker?: 'reported' | 'collection-start' | 'collection-end';
}

export interface TimelineSource {
  /** The archive entry the events come from (or `checks.json`, `manifest.json`). */
  name: string;
  kind: SourceKind;
  collector: string;
  lines: number;
  dated: number;
  continuation: number;
  undated: number;
  /** Share of the lines that are dated or belong to a dated event (1 when there are no lines). */
  datedShare: number;
  events: number;
  errors: number;
  warnings: number;
  formats: Partial<Record<FormatId, number>>;
  /** How the stamps gave their zone: with an offset, in UTC, or none (read as local time). */
  zones: Partial<Record<Zone, number>>;
  first?: string;
  last?: string;
  undatedSamples: string[];
  /** The source could not be read to the end (it broke midway, or the reader failed). */
  error?: string;
}

export interface MinuteCounts {
  /** Index into `sources`. */
  source: number;
  events: number;
  errors: number;
  warnings: number;
}

export interface TimelineDocument {
  format: typeof TIMELINE_FORMAT;
  ticket: string;
  host: string;
  clock: {
    /** IANA zone of the computer collected from, e.g. Asia/Shanghai. */
    timeZone: string;
    /** Its UTC offset at the reported time: `+08:00`. */
    utcOffset: string;
    note: string;
  };
  /** The intake's 发生时间, when given. */
  reported?: TimelineTime & { asEntered: string };
  /** The centre of the window: the reported time, or the collection's start when none was given. */
  focus: TimelineTime & { basis: 'reported' | 'collection' };
  collection: { startedAt: TimelineTime; finishedAt: TimelineTime };
  window: {
    from: TimelineTime;
    to: TimelineTime;
    minutes: number;
    /** Events in the window (all of them, counted). */
    events: number;
    /** Events listed in `events` (the rest are counted only: errors and warnings are kept first). */
    listed: number;
    /** Per minute (index 0 = `from`) and source: only non-zero cells. */
    perMinute: Array<{ minute: number; counts: MinuteCounts[] }>;
  };
  sources: TimelineSource[];
  /** Lines, dated, continuation, undated and datedShare over the logs; events, errors, warnings over every source. */
  totals: { lines: number; dated: number; continuation: number; undated: number; events: number; errors: number; warnings: number; datedShare: number };
  /** Events in the window, in time order (markers included). */
  events: TimelineEvent[];
  /** Errors and warnings outside the window, the closest to the focus first kept, in time order. */
  notableOutside: TimelineEvent[];
  /** Events per hour and source over everything dated (UTC hour start). */
  perHour: Array<{ hour: string; counts: MinuteCounts[] }>;
  /** Dated events whose hour did not fit the bounded per-hour table. */
  perHourOverflow: number;
}
