/**
 * The two report entries every archive gets besides the collectors' items: `checks.json` (the
 * basic checklist's results) and `诊断摘要.html` / `summary.html` (the summary page), as bytes
 * under their standard names, ready for the archive writer.
 */
import { standardName, type ArchiveLanguage } from '../../../shared/naming.js';
import type { CheckResult, Manifest } from '../../../shared/types.js';
import { checksDocument } from '../checks/runner.js';
import { jsonPieces } from './json-pieces.js';
import { summaryDataFromEntries } from './summary-data.js';
import { renderSummaryHtml } from './summary-html.js';
import { renderTimelineHtml } from './timeline-html.js';
import type { TimelineDocument } from '../timeline/document.js';

export interface ReportEntriesInput {
  /** The manifest as it will be written (items: everything in the archive except these two entries). */
  manifest: Manifest;
  checks: readonly CheckResult[];
  checksStartedAt: Date;
  checksFinishedAt: Date;
  /**
   * The in-memory entries exactly as written to the archive (after redaction): the system and
   * network JSON and the screenshot are taken from here by their standard names.
   */
  entries: Iterable<{ name: string; data?: Buffer }>;
  /** Redactions per rule id, when redaction ran. */
  redactions?: Record<string, number>;
  lang?: ArchiveLanguage;
  /** The incident timeline (built from the redacted logs as they were archived). */
  timeline?: TimelineDocument;
}

export interface ReportEntry {
  name: string;
  /** For the manifest item's `source`. */
  source: string;
  /**
   * The bytes, rendered only when iterated, in pieces: the session writes one entry at a time as a
   * stream, so of these documents (timeline.json has a row per log file) only one is ever held,
   * and never as one string.
   */
  pieces(): Iterable<Buffer>;
  /** All the bytes at once (the dry run and tests); renders the entry again on each read. */
  readonly data: Buffer;
}

function entry(name: string, source: string, pieces: () => Iterable<Buffer>): ReportEntry {
  return {
    name,
    source,
    pieces,
    get data() {
      return Buffer.concat([...pieces()]);
    },
  };
}

/** `checks.json` first, then the timeline (`timeline.json`, `事件时间线.html`) when given, then the summary page. */
export function reportEntries(input: ReportEntriesInput): ReportEntry[] {
  const lang = input.lang ?? input.manifest.archiveLanguage;
  const checks = [...input.checks];
  const { timeline } = input;
  // The page describes the manifest as it is now: the session adds these entries to its items as
  // it writes them, before the page (rendered last) is.
  const itemsNow = input.manifest.items.length;
  const summary = () => {
    const data = summaryDataFromEntries(input.entries, lang);
    const manifest = { ...input.manifest, items: input.manifest.items.slice(0, itemsNow) };
    return [Buffer.from(renderSummaryHtml({ manifest, checks, ...data, ...(input.redactions ? { redactions: input.redactions } : {}), ...(timeline ? { timeline } : {}), lang }), 'utf8')];
  };
  return [
    entry(standardName('checks', lang), 'basic checklist (checks)', () => jsonPieces(checksDocument(checks, input.checksStartedAt, input.checksFinishedAt))),
    ...(timeline
      ? [
          entry(standardName('timelineJson', lang), 'incident timeline: the archived logs (after redaction), checks, intake and collection times', () => jsonPieces(timeline)),
          entry(standardName('timeline', lang), 'incident timeline (timeline.json) as a page', () => [Buffer.from(renderTimelineHtml(timeline, lang), 'utf8')]),
        ]
      : []),
    entry(standardName('summary', lang), 'manifest, checks, system and network JSON, screenshot', summary),
  ];
}
