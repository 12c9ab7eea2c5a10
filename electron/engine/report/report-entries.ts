/**
 * The two report entries every archive gets besides the collectors' items: `checks.json` (the
 * basic checklist's results) and `诊断摘要.html` / `summary.html` (the summary page), as bytes
 * under their standard names, ready for the archive writer.
 */
import { standardName, type ArchiveLanguage } from '../../../shared/naming.js';
import type { CheckResult, Manifest } from '../../../shared/types.js';
import { checksDocument } from '../checks/runner.js';
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
  data: Buffer;
  /** For the manifest item's `source`. */
  source: string;
}

/** `checks.json` first, then the timeline (`timeline.json`, `事件时间线.html`) when given, then the summary page. */
export function reportEntries(input: ReportEntriesInput): ReportEntry[] {
  const lang = input.lang ?? input.manifest.archiveLanguage;
  const checks = [...input.checks];
  const doc = checksDocument(checks, input.checksStartedAt, input.checksFinishedAt);
  const data = summaryDataFromEntries(input.entries, lang);
  const { timeline } = input;
  const html = renderSummaryHtml({ manifest: input.manifest, checks, ...data, ...(input.redactions ? { redactions: input.redactions } : {}), ...(timeline ? { timeline } : {}), lang });
  return [
    { name: standardName('checks', lang), data: Buffer.from(`${JSON.stringify(doc, null, 2)}\n`, 'utf8'), source: 'basic checklist (checks)' },
    ...(timeline
      ? [
          { name: standardName('timelineJson', lang), data: Buffer.from(`${JSON.stringify(timeline, null, 2)}\n`, 'utf8'), source: 'incident timeline: the archived logs (after redaction), checks, intake and collection times' },
          { name: standardName('timeline', lang), data: Buffer.from(renderTimelineHtml(timeline, lang), 'utf8'), source: 'incident timeline (timeline.json) as a page' },
        ]
      : []),
    { name: standardName('summary', lang), data: Buffer.from(html, 'utf8'), source: 'manifest, checks, system and network JSON, screenshot' },
  ];
}
