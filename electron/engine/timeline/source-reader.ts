/**
 * One source's text, line by line, into timeline events: each dated line starts an event; the
 * lines after it that belong to it (a stack trace, java.util.logging's level line, the fields of
 * a Windows event) are its continuation; any other line without a date is counted as undated —
 * never silently dropped. Text arrives in chunks of any size (streaming); a line split across
 * chunks is joined first.
 */
import { levelOfText, rubyLevel, stampOf, type FormatId, type Level, type Zone } from './stamps.js';

/** What the reader hands on for each event. */
export interface EventSink {
  event(ms: number, level: Level, text: string, line: number): void;
  /** The source was read to its end (its counts are complete). */
  ended?(): void;
}

/** Counts for one source (timeline.json → sources). */
export interface SourceCounts {
  lines: number;
  /** Lines that start an event. */
  dated: number;
  /** Lines that belong to the event before them. */
  continuation: number;
  /** Lines with no date that belong to no event. */
  undated: number;
  formats: Partial<Record<FormatId, number>>;
  zones: Partial<Record<Zone, number>>;
  /** A few undated lines (already redacted), so a reader sees what could not be dated. */
  undatedSamples: string[];
}

const MAX_LINE = 64 * 1024;
/** Of a line longer than MAX_LINE, only this much is read. */
const LONG_LINE_HEAD = 4096;
const MAX_SAMPLES = 3;
/** A continuation longer than this (a dump without dates) is counted as undated from here on. */
const MAX_CONTINUATION = 500;

const WINDOWS_EVENT = /^(?:Event|事件)\[\d+\]\s*[:：]?\s*$/;
/**
 * Event Viewer's "Copy details as text" (and the .txt it saves): each event starts with
 * `Log Name:` / `日志名称:` at the start of a line, its fields are not indented, the description
 * follows `Description:` / `描述:` on its own lines, then `Event Xml:` / `事件 Xml:` and the XML.
 */
const EVENT_VIEWER_COPY = /^(?:Log Name|日志名称)\s*[:：]/;
const WINDOWS_LEVELS: Record<string, Level> = {
  error: 'error', 错误: 'error', critical: 'error', 关键: 'error', 严重: 'error',
  warning: 'warning', 警告: 'warning',
};
/** Lines that continue the event before them: indented, a stack trace, an exception's name. */
/** First characters of the fields a Windows event is read for (Date, Description, Level, Source, Event ID and their Chinese names). */
const WINDOWS_FIELD_INITIALS: ReadonlySet<number> = new Set([...'DLSE日描级来事'].map((c) => c.charCodeAt(0)));
const CONTINUATION = /^(?:[ \t]|Caused by[: ]|Traceback \(|\.\.\. \d+ (?:more|common)|--- End of|[\w$.]+(?:Exception|Error)\b)/;
const JUL_LEVEL = /^(SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST|严重|警告|信息|配置|详细): /;
/**
 * Microsoft.Extensions.Logging's console record: a header `info: Category[EventId]` and the
 * message on the next lines, indented by six spaces. Written through a collector that dates
 * every line (`docker logs -t`, Docker Desktop), each of those lines carries its own stamp:
 * the message lines still belong to the header's event.
 */
const MEL_HEADER = /\b(?:trce|dbug|info|warn|fail|crit): \S+\[\d+\]\s*$/;
/** After the stamp (which may take the space that follows it): the six-space indentation (no slice: it runs on every line that repeats its event's time). */
function melBody(raw: string, end: number): boolean {
  let i = end;
  while (raw.charCodeAt(i) === 32 && i - end < 8) i += 1;
  const spaces = i - end;
  return spaces >= 5 && spaces <= 7 && i < raw.length;
}

interface Pending {
  ms: number;
  level: Level;
  text: string;
  line: number;
  extra: number;
  windows?: {
    source?: string;
    id?: string;
    awaitingDescription?: boolean;
    /** Where field labels start: 2 in `wevtutil qe /f:text`, 0 in Event Viewer's copied text. */
    indent: number;
  };
}

export function emptyCounts(): SourceCounts {
  return { lines: 0, dated: 0, continuation: 0, undated: 0, formats: {}, zones: {}, undatedSamples: [] };
}

export class SourceReader {
  private partial = '';
  /** The event being read (one object reused: millions of lines must not allocate one each). */
  private readonly p: Pending = { ms: 0, level: 'info', text: '', line: 0, extra: 0 };
  private active = false;
  private hint: FormatId | undefined;
  /** Lines in a row with the same format and zone, not yet added to counts (see settle). */
  private run = 0;
  private runFormat: FormatId = 'iso8601';
  private runZone: Zone = 'local';
  private lineNo = 0;
  private skipToNewline = false;

  constructor(
    readonly counts: SourceCounts,
    private readonly sink: EventSink,
    /** The collection's time: the year of stamps without one is chosen to put them at or before it. */
    private readonly reference: number,
  ) {}

  write(text: string): void {
    let start = 0;
    let buffered = this.partial;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      let line = text.slice(start, nl);
      if (buffered) {
        line = buffered + line;
        buffered = '';
      }
      // An over-long line is judged by its head whether it came whole or in pieces (below), so
      // the events do not depend on where the chunks were cut.
      if (line.length > MAX_LINE) this.line(line.slice(0, LONG_LINE_HEAD));
      else this.line(line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line);
      start = nl + 1;
    }
    const rest = start < text.length ? text.slice(start) : '';
    this.partial = buffered + rest;
    // A "line" of megabytes (a minified blob): judge it by its head, count it once.
    if (this.partial.length > MAX_LINE) {
      if (!this.skipToNewline) {
        this.line(this.partial.slice(0, LONG_LINE_HEAD));
        this.skipToNewline = true;
      }
      this.partial = '';
    }
  }

  end(): void {
    if (this.partial) this.line(this.partial);
    this.partial = '';
    this.flush();
    this.settle();
    this.sink.ended?.();
  }

  /**
   * Adds the current run of same-format lines to counts.formats and counts.zones (per line, a
   * keyed update of both would cost more than the stamp itself). end() calls it; so does the
   * timeline before it reads the counts of a source that broke off.
   */
  settle(): void {
    if (this.run === 0) return;
    const c = this.counts;
    c.formats[this.runFormat] = (c.formats[this.runFormat] ?? 0) + this.run;
    c.zones[this.runZone] = (c.zones[this.runZone] ?? 0) + this.run;
    this.run = 0;
  }

  private line(raw: string): void {
    if (this.skipToNewline) {
      // The tail of an over-long line already counted by its head.
      this.skipToNewline = false;
      return;
    }
    this.lineNo += 1;
    const c = this.counts;
    if (raw.length === 0 || (raw.length < 3 && raw.trim() === '')) return;
    c.lines += 1;
    const p = this.active ? this.p : undefined;
    if (p?.windows) {
      if (this.windowsLine(p, raw)) return;
    } else if (this.windowsStart(raw)) {
      return;
    }
    const stamp = stampOf(raw, this.reference, this.hint);
    if (stamp && p && !p.windows && p.ms === stamp.ms && p.extra < MAX_CONTINUATION && melBody(raw, stamp.end) && (p.extra > 0 || MEL_HEADER.test(p.text))) {
      p.extra += 1;
      if (p.extra === 1) p.text = `${p.text} — ${raw.slice(stamp.end).trim()}`;
      return;
    }
    if (stamp) {
      this.flush();
      this.hint = stamp.format;
      if (stamp.format !== this.runFormat || stamp.zone !== this.runZone) {
        this.settle();
        this.runFormat = stamp.format;
        this.runZone = stamp.zone;
      }
      this.run += 1;
      this.begin(stamp.ms, stamp.level ?? rubyLevel(raw) ?? levelOfText(raw, stamp.end), raw);
      return;
    }
    if (p && !p.windows && p.extra < MAX_CONTINUATION && (CONTINUATION.test(raw) || (p.extra === 0 && JUL_LEVEL.test(raw)))) {
      p.extra += 1;
      const jul = p.extra === 1 ? JUL_LEVEL.exec(raw) : null;
      if (jul) {
        const w = jul[1]!;
        p.level = w === 'SEVERE' || w === '严重' ? 'error' : w === 'WARNING' || w === '警告' ? 'warning' : 'info';
        p.text = `${p.text} — ${raw}`;
      }
      return;
    }
    if (raw.charCodeAt(0) === 123 && raw.startsWith('{"count":')) {
      // `log show --style ndjson`'s closing summary line: not an event, not a loss.
      c.lines -= 1;
      return;
    }
    this.undated(raw);
  }

  /** One line inside a Windows event record; false when the line ends the record. */
  private windowsLine(p: Pending, raw: string): boolean {
    if (this.windowsStart(raw)) return true;
    const first = raw.charCodeAt(0);
    const w = p.windows!;
    p.extra += 1;
    // wevtutil: fields are `  Label: value` (two spaces); anything else is the description's
    // text. Event Viewer's copy: fields start the line, up to the description's own lines.
    const at = w.indent;
    const field = at === 2 ? first === 32 && raw.charCodeAt(1) === 32 && raw.charCodeAt(2) !== 32 : !w.awaitingDescription && first !== 32 && first !== 9;
    if (field) {
      // Most fields (Log Name, Task, Opcode, Keyword, User, Computer …) are not read: skip them
      // without looking for their colon or copying their label.
      const c2 = raw.charCodeAt(at);
      if (!WINDOWS_FIELD_INITIALS.has(c2) && c2 !== 58 && c2 !== 0xff1a) {
        if (raw.indexOf(':', at + 1) > at) return true;
      }
      let colon = raw.indexOf(':', at);
      const wide = raw.indexOf('：', at);
      if (colon < 0 || (wide >= 0 && wide < colon)) colon = wide;
      if (colon > at) {
        const label = raw.slice(at, colon).trimEnd();
        if (label === 'Date' || label === '日期') {
          const stamp = stampOf(raw.slice(colon + 1).trim(), this.reference);
          if (stamp) {
            p.ms = stamp.ms;
            this.counts.formats['windows-event'] = (this.counts.formats['windows-event'] ?? 0) + 1;
            this.counts.zones[stamp.zone] = (this.counts.zones[stamp.zone] ?? 0) + 1;
          }
        } else if (label === 'Level' || label === '级别') p.level = WINDOWS_LEVELS[raw.slice(colon + 1).trim().toLowerCase()] ?? 'info';
        else if (label === 'Source' || label === '来源') w.source = raw.slice(colon + 1).trim();
        else if (label === 'Event ID' || label === '事件 ID') w.id = raw.slice(colon + 1).trim();
        else if (label === 'Description' || label === '描述') {
          w.awaitingDescription = true;
          const value = raw.slice(colon + 1).trim();
          if (value) p.text = value;
        }
        return true;
      }
    }
    if (w.awaitingDescription && !p.text && raw.trim()) p.text = raw.trim();
    return true;
  }


  private undated(raw: string): void {
    const c = this.counts;
    c.undated += 1;
    if (c.undatedSamples.length < MAX_SAMPLES) c.undatedSamples.push(copy(raw.slice(0, 200)));
  }

  private begin(ms: number, level: Level, text: string, windows?: Pending['windows']): void {
    this.flush();
    const p = this.p;
    p.ms = ms;
    p.level = level;
    p.text = text;
    p.line = this.lineNo;
    p.extra = 0;
    p.windows = windows;
    this.active = true;
  }

  /** A line that starts a Windows event record (either layout): starts it and says so. */
  private windowsStart(raw: string): boolean {
    const first = raw.charCodeAt(0);
    if ((first === 69 || first === 0x4e8b) && WINDOWS_EVENT.test(raw)) this.begin(Number.NaN, 'info', '', { indent: 2 });
    else if ((first === 76 || first === 0x65e5) && EVENT_VIEWER_COPY.test(raw)) this.begin(Number.NaN, 'info', '', { indent: 0 });
    else return false;
    return true;
  }

  private flush(): void {
    if (!this.active) return;
    this.active = false;
    const p = this.p;
    const c = this.counts;
    if (Number.isNaN(p.ms)) {
      // A record whose date could not be read: all its lines are undated.
      c.undated += p.extra + 1;
      if (c.undatedSamples.length < MAX_SAMPLES) c.undatedSamples.push(copy(`Event (line ${p.line}) without a readable Date`));
      return;
    }
    c.dated += 1;
    c.continuation += p.extra;
    let text = p.text;
    if (p.windows) {
      const w = p.windows;
      let t = w.source ?? '';
      if (w.id) t = t ? `${t} (${w.id})` : `(${w.id})`;
      if (text) t = t ? `${t} — ${text}` : `— ${text}`;
      text = t;
    }
    this.sink.event(p.ms, p.level, text, p.line);
  }
}

/** A string that holds no reference to the (large) chunk it was sliced from. */
export function copy(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}
