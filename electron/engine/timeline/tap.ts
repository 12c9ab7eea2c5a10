/**
 * Where the session feeds the timeline: each log item's bytes exactly as they go into the zip —
 * after redaction — pass through a tap that reads their lines on the way (nothing is stored or
 * read twice). Only logs are read (the system-logs and app-logs collectors' text items); then
 * `finish` adds the checklist, the milestones and returns timeline.json's document.
 */
import { pipeline, Transform, type Readable } from 'node:stream';
import { ARCHIVE_LANGUAGES, standardName, type ArchiveLanguage } from '../../../shared/naming.js';
import type { Category, CheckResult } from '../../../shared/types.js';
import type { Collector } from '../collectors/types.js';
import { isProbablyBinary, SniffingDecoder, SNIFF_BYTES } from '../redact/decode.js';
import { reportedMs, TimelineBuilder, type BuilderCaps } from './builder.js';
import type { SourceKind, TimelineDocument } from './document.js';
import type { SourceReader } from './source-reader.js';

/** In-memory items are read this much at a time. */
const BUFFER_SLICE = 1 << 20;

const LOG_CATEGORIES: ReadonlySet<Category> = new Set(['system-logs', 'app-logs', 'recording']);

/**
 * Of a recording, the timeline reads its steps and events (录制记录.txt); the lines the logs
 * gained while recording are already on it from the logs themselves.
 */
const RECORDING_LOGS: ReadonlySet<string> = new Set(ARCHIVE_LANGUAGES.map((l) => standardName('recordingLog', l)));

export interface TimelineTapOptions {
  /** The collectors of the session (their category decides which items are logs). */
  collectors: readonly Pick<Collector, 'id' | 'category'>[];
  /** The intake's 发生时间, `YYYY-MM-DD HH:mm` local. */
  occurredAt?: string;
  startedAt: Date;
  caps?: Partial<BuilderCaps>;
}

/** The redacted text of one item, for the timeline (see TimelineTap.text). */
export interface TextFeed {
  write(text: string): void;
  /** The item was written whole. */
  end(): void;
  /** Its source broke midway (or was cut at the deadline): what was read still counts. */
  fail(error: unknown): void;
}

interface TapItem {
  name: string;
  collector: string;
  kind: 'text' | 'binary';
}

export interface TimelineFinishInput {
  ticket: string;
  host: string;
  lang: ArchiveLanguage;
  startedAt: Date;
  finishedAt: Date;
  checks: readonly CheckResult[];
  checksFinishedAt: Date;
}

export class TimelineTap {
  readonly builder: TimelineBuilder;
  private readonly kinds: Map<string, SourceKind>;

  constructor(private readonly options: TimelineTapOptions) {
    const reported = reportedMs(options.occurredAt);
    this.builder = new TimelineBuilder({
      focusMs: reported ?? options.startedAt.getTime(),
      focusBasis: reported === undefined ? 'collection' : 'reported',
      referenceMs: options.startedAt.getTime(),
      ...(options.caps ? { caps: options.caps } : {}),
    });
    this.kinds = new Map(options.collectors.filter((c) => LOG_CATEGORIES.has(c.category)).map((c) => [c.id, c.category as SourceKind]));
  }

  /** Logs only: configuration files, process lists and JSON are not events. */
  wants(item: TapItem): boolean {
    if (item.kind !== 'text' || !this.kinds.has(item.collector)) return false;
    return this.kinds.get(item.collector) !== 'recording' || RECORDING_LOGS.has(item.name);
  }

  /**
   * An in-memory item as written to the archive. Read in slices that yield to the event loop in
   * between: a system log of tens of megabytes must not stall the session's other work.
   */
  async buffer(item: TapItem, data: Buffer): Promise<void> {
    if (!this.wants(item) || data.length === 0 || isProbablyBinary(data.subarray(0, SNIFF_BYTES))) return;
    const reader = this.builder.reader(item.name, this.kinds.get(item.collector)!, item.collector);
    const decoder = new SniffingDecoder();
    for (let i = 0; i < data.length; i += BUFFER_SLICE) {
      if (!this.guard(item.name, () => reader.write(decoder.write(data.subarray(i, i + BUFFER_SLICE))))) return;
      if (i + BUFFER_SLICE < data.length) await new Promise((resolve) => setImmediate(resolve));
    }
    this.guard(item.name, () => {
      reader.write(decoder.end());
      reader.end();
    });
  }

  /**
   * The stream to archive in place of `source`: the same bytes, read for the timeline on the way.
   * An error of the source reaches the returned stream unchanged (the writer handles it).
   */
  stream(item: TapItem, source: Readable): Readable {
    if (!this.wants(item)) return source;
    let reader: SourceReader | undefined;
    let off = false;
    const decoder = new SniffingDecoder();
    const run = (f: () => void) => {
      if (!off) off = !this.guard(item.name, f);
    };
    const tap = new Transform({
      transform: (chunk: Buffer, _encoding, callback) => {
        if (!reader && !off) {
          if (isProbablyBinary(chunk)) off = true;
          else reader = this.builder.reader(item.name, this.kinds.get(item.collector)!, item.collector);
        }
        run(() => reader?.write(decoder.write(chunk)));
        callback(null, chunk);
      },
      flush: (callback) => {
        run(() => {
          reader?.write(decoder.end());
          reader?.end();
        });
        callback();
      },
    });
    // Seen as the source fails (before the writer is told): what was read still counts.
    source.once('error', (err: Error) => {
      if (!reader) return;
      // The decoder holds up to its first 8 KiB until it has decided the encoding.
      run(() => {
        reader?.write(decoder.end());
        reader?.end();
      });
      off = true;
      this.builder.sourceError(item.name, `reading stopped midway: ${err.message}; the events read until then are included`);
    });
    pipeline(source, tap, () => {});
    return tap;
  }

  /**
   * For an item the redactor decodes on its way to the archive: the timeline reads the redacted
   * text the redactor hands on (StreamOptions.onText, whose UTF-8 bytes are what is archived)
   * instead of decoding those bytes a second time. Undefined when the item is not read (not a
   * log). The owner calls `end()` once the entry is written, or `fail(error)` when its source
   * broke midway (the events read until then still count); a binary item gets no text and so no
   * source, as with `stream`.
   */
  text(item: TapItem): TextFeed | undefined {
    if (!this.wants(item)) return undefined;
    let reader: SourceReader | undefined;
    let off = false;
    const run = (f: () => void) => {
      if (!off) off = !this.guard(item.name, f);
    };
    const close = () =>
      run(() => {
        reader?.end();
        off = true;
      });
    return {
      write: (text: string) => {
        if (off || text.length === 0) return;
        reader ??= this.builder.reader(item.name, this.kinds.get(item.collector)!, item.collector);
        run(() => reader!.write(text));
      },
      end: close,
      fail: (err: unknown) => {
        if (!reader) return;
        close();
        this.builder.sourceError(item.name, `reading stopped midway: ${err instanceof Error ? err.message : String(err)}; the events read until then are included`);
      },
    };
  }

  /** A reader failure never harms the archive: the source is marked and left out from there. */
  private guard(name: string, f: () => void): boolean {
    try {
      f();
      return true;
    } catch (err) {
      this.builder.sourceError(name, `the timeline could not read this source: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }

  finish(input: TimelineFinishInput): TimelineDocument {
    const { lang } = input;
    const zh = lang === 'zh-CN';
    this.builder.addChecks(input.checks, input.checksFinishedAt.getTime(), standardName('checks', lang), lang);
    const reported = reportedMs(this.options.occurredAt);
    const markers: Array<{ ms: number; marker: 'reported' | 'collection-start' | 'collection-end'; text: string }> = [];
    if (reported !== undefined) markers.push({ ms: reported, marker: 'reported', text: zh ? `发生时间（用户报告）：${this.options.occurredAt}` : `Reported time of the problem: ${this.options.occurredAt}` });
    markers.push({ ms: input.startedAt.getTime(), marker: 'collection-start', text: zh ? '开始收集诊断信息' : 'Collection started' });
    markers.push({ ms: input.finishedAt.getTime(), marker: 'collection-end', text: zh ? '收集完成' : 'Collection finished' });
    this.builder.addMarkers(markers, standardName('manifest', lang));
    return this.builder.finish({
      ticket: input.ticket,
      host: input.host,
      startedAt: input.startedAt,
      finishedAt: input.finishedAt,
      ...(this.options.occurredAt ? { reportedAsEntered: this.options.occurredAt } : {}),
    });
  }
}
