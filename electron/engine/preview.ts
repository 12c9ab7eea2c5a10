/**
 * The dry run: runs the selected collectors exactly as a session would (same plan, same
 * collector context, same policy Redactor) but writes nothing. For each item it reports what
 * the archive would hold — name, collector, source, size after redaction, kind — and a few
 * redaction samples: the placeholder with a little redacted context around it, never the value.
 */
import os from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { archiveName, checkTicketId, standardName } from '../../shared/naming.js';
import { redactionRuleName } from '../../shared/redaction-rules.js';
import { cleanIntake } from '../../shared/intake-clean.js';
import { IntakeSchema, type LocalizedText, type Manifest, type Platform } from '../../shared/types.js';
import { createNameRegistry, type ItemSink } from './collectors/context.js';
import { COLLECTORS } from './collectors/index.js';
import type { PendingItem } from './collectors/types.js';
import { InputError } from './errors.js';
import { PLACEHOLDER_PATTERN } from './redact/placeholders.js';
import { renderFromFacts } from './redact/redact-facts.js';
import { createRedactor } from './redact/policy-redactor.js';
import type { Redactor } from './redact/redactor.js';
import { routeThroughRedactor } from './redact/route.js';
import { runCollectors } from './run-collectors.js';
import { formatIntake } from './report/intake-text.js';
import { englishReason } from '../../shared/i18n/translate.js';
import { reportEntries } from './report/report-entries.js';
import { TimelineTap } from './timeline/tap.js';
import { TOOL_VERSION } from './version.js';
import { parseDuration, planCollectors, type SessionOptions } from './session.js';

/** The session's own options for what runs and how (the dry run writes nothing, so no outDir). */
export type PreviewOptions = Pick<
  SessionOptions,
  'ticket' | 'intake' | 'policy' | 'collectors' | 'only' | 'skip' | 'excludeItems' | 'consentSensitive' | 'redact' | 'since' | 'lang' | 'platform' | 'host' | 'now' | 'signal'
> & {
  /** Samples kept per item (default 3). */
  samplesPerItem?: number;
};

export interface RedactionSample {
  placeholder: string;
  rule: string;
  /** The redacted line around the placeholder (at most ~40 characters each side). */
  context: string;
}

/** One kind of value redaction hides, over the whole archive: what the preview explains. */
export interface RedactionTypeSummary {
  /** The rule id (`phone`, `secret-assignment`, an IT rule's id). */
  rule: string;
  /** Its name in both languages (catalogue `rule.<id>`: 手机号 / phone number; an IT rule by its id). */
  name: LocalizedText;
  /** Replacements over every entry. */
  count: number;
  /** A few examples across entries: the entry, the placeholder and the redacted text around it. */
  samples: (RedactionSample & { entry: string })[];
}

export interface PreviewItem {
  name: string;
  collector: string;
  source: string;
  kind: 'text' | 'binary';
  /** Bytes the entry would have (after redaction). */
  size: number;
  /** Taken only with consent (the screenshot). */
  sensitive: boolean;
  truncated: boolean;
  redactions: Record<string, number>;
  samples: RedactionSample[];
  note?: string;
  /**
   * Written by the session itself at the end (intake, checks, summary page, manifest); the size
   * is rendered from what the dry run knows, without the checklist's results.
   */
  generated?: boolean;
}

export interface CollectionPreview {
  ticket: string;
  archiveName: string;
  items: PreviewItem[];
  skipped: { collector: string; source: string; reason: string }[];
  redaction: { enabled: boolean; rules: string[]; totals: Record<string, number>; types: RedactionTypeSummary[] };
  totalBytes: number;
}

/** Samples kept per type in `redaction.types`. */
const SAMPLES_PER_TYPE = 3;

/** Counts per type, most frequent first, each with its names and samples from the items. */
export function redactionTypes(items: readonly PreviewItem[], totals: Record<string, number>): RedactionTypeSummary[] {
  return Object.entries(totals)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([rule, count]) => ({
      rule,
      name: { 'zh-CN': redactionRuleName(rule, 'zh-CN'), en: redactionRuleName(rule, 'en') },
      count,
      samples: items.flatMap((i) => i.samples.filter((s) => s.rule === rule).map((s) => ({ ...s, entry: i.name }))).slice(0, SAMPLES_PER_TYPE),
    }));
}

const CONTEXT = 40;

/** Runs the collectors as the session would and reports what the archive would hold; writes nothing. */
export async function previewCollection(options: PreviewOptions): Promise<CollectionPreview> {
  const ticketCheck = checkTicketId(options.ticket);
  if (!ticketCheck.ok) throw InputError.coded('ticket-invalid', { ticket: options.ticket }, ticketCheck.reason);
  const { policy } = options;
  const now = options.now ?? (() => new Date());
  const platform = options.platform ?? (process.platform as Platform);
  const lang = options.lang ?? policy.archiveLanguage;
  const host = options.host ?? os.hostname();
  const startedAt = now();
  const since = options.since ?? new Date(startedAt.getTime() - parseDuration(policy.since));
  const collectors = options.collectors ?? COLLECTORS;
  const plan = planCollectors({ ...options, collectors, platform });
  const redactor = options.redact === false ? undefined : createRedactor(policy);
  const sensitive = new Set(collectors.filter((c) => c.sensitive).map((c) => c.id));
  const excluded = new Set(options.excludeItems ?? []);
  const perItem = options.samplesPerItem ?? 3;

  const items: PreviewItem[] = [];
  // The summary page reads these entries as they would be written (as the session does).
  const forSummary = new Set((['systemJson', 'networkJson', 'screenshot', 'resourceSampleJson'] as const).map((k) => standardName(k, lang)));
  const summaryEntries: { name: string; data: Buffer }[] = [];
  const skipped: CollectionPreview['skipped'] = plan.skipped.map(({ collector, reason }) => ({ collector: collector.id, source: collector.id, reason }));
  let chain: Promise<void> = Promise.resolve();
  const measure = async (item: PendingItem): Promise<void> => {
    if (excluded.has(item.name)) {
      skipped.push({ collector: item.collector, source: item.source, reason: englishReason({ code: 'left-out' }) });
      return;
    }
    let source: Readable;
    let truncated = item.truncated ?? false;
    let note = item.note;
    // A generated entry is rendered from redacted facts, as the session does, and not redacted again as text.
    const rendered = !item.data && item.render ? renderFromFacts(item.render, redactor) : undefined;
    if (item.data) source = Readable.from([item.data]);
    else if (rendered) source = Readable.from([rendered]);
    else if (item.open) {
      try {
        const opened = await item.open();
        source = opened.stream;
        truncated = opened.truncated;
        note = opened.note;
      } catch (err) {
        skipped.push({ collector: item.collector, source: item.source, reason: err instanceof Error ? err.message : String(err) });
        return;
      }
    } else return;
    const route = redactor && item.kind === 'text' && !rendered ? routeThroughRedactor(source, redactor, item.name) : undefined;
    const sampler = new Sampler(redactor, perItem);
    const keep: Buffer[] | undefined = forSummary.has(item.name) ? [] : undefined;
    let size = 0;
    await pipeline(
      route?.stream ?? source,
      new Writable({
        write(chunk: Buffer, _enc, cb) {
          size += chunk.length;
          keep?.push(chunk);
          if (route) sampler.push(chunk);
          cb();
        },
      }),
    );
    const outcome = route ? await route.outcome : undefined;
    if (keep) summaryEntries.push({ name: item.name, data: Buffer.concat(keep) });
    const binary = item.kind === 'binary' || outcome?.binary === true;
    items.push({
      name: item.name,
      collector: item.collector,
      source: item.source,
      kind: binary ? 'binary' : 'text',
      size,
      sensitive: sensitive.has(item.collector),
      truncated,
      redactions: outcome && !outcome.binary ? outcome.counts : {},
      samples: binary ? [] : sampler.end(),
      ...(binary && redactor ? { note: [note, 'binary content: archived as it is, without redaction'].filter(Boolean).join('; ') } : note ? { note } : {}),
    });
  };
  const sink: ItemSink = {
    claimName: createNameRegistry(),
    push(item) {
      chain = chain.then(() => measure(item)).catch((err: unknown) => {
        skipped.push({ collector: item.collector, source: item.source, reason: err instanceof Error ? err.message : String(err) });
      });
    },
    skip: (s) => skipped.push(s),
  };

  const deadline = AbortSignal.timeout(policy.deadlineSeconds * 1000);
  const runs = await runCollectors({ collectors: plan.run, policy, platform, since, lang, sink, skipped, cancel: options.signal ?? new AbortController().signal, deadline });
  // A collector that failed or ran out of time: what it would have taken is unknown, say why.
  for (const run of runs) {
    if (run.status === 'error' || run.status === 'timeout' || run.status === 'cancelled') skipped.push({ collector: run.id, source: run.id, reason: run.error ?? run.status });
  }
  await chain;
  if (options.signal?.aborted) throw InputError.coded('cancelled', {}, 'the preview was cancelled');

  const scrub = (text: string) => (redactor ? redactor.redactText(text).text : text);
  for (const item of items) {
    item.source = scrub(item.source);
    if (item.note) item.note = scrub(item.note);
  }
  for (const s of skipped) {
    s.source = scrub(s.source);
    s.reason = scrub(s.reason);
  }
  const totals: Record<string, number> = {};
  for (const item of items) for (const [rule, n] of Object.entries(item.redactions)) totals[rule] = (totals[rule] ?? 0) + n;
  const redaction = redactor ? { enabled: true, rules: redactor.activeRules(), totals } : { enabled: false, rules: [], totals: {} };
  const [intakeItem, ...reportItems] = generatedEntries({ ticket: ticketCheck.ticket, intake: options.intake, lang, startedAt, host, platform, since, items, skipped, runs, redaction, summaryEntries });
  const types = redactionTypes(items, totals);
  // Where the session puts them: the intake first, the reports and the manifest last.
  items.unshift(intakeItem!);
  items.push(...reportItems);
  return {
    ticket: ticketCheck.ticket,
    archiveName: archiveName({ ticket: ticketCheck.ticket, lang, date: startedAt, host, template: policy.archiveNameTemplate }),
    items,
    skipped,
    redaction: { ...redaction, types },
    totalBytes: items.reduce((sum, i) => sum + i.size, 0),
  };
}

/**
 * The entries the session writes after the collectors' items — the intake text, `checks.json`,
 * the summary page and `manifest.json` — rendered by the same functions from what the dry run
 * knows, so `--dry-run` lists every entry the real run writes.
 */
function generatedEntries(input: {
  ticket: string;
  intake: PreviewOptions['intake'];
  lang: NonNullable<PreviewOptions['lang']>;
  startedAt: Date;
  host: string;
  platform: Platform;
  since: Date;
  items: PreviewItem[];
  skipped: CollectionPreview['skipped'];
  runs: Manifest['collectors'];
  redaction: Manifest['redaction'] & object;
  summaryEntries: { name: string; data: Buffer }[];
}): PreviewItem[] {
  const { intake } = cleanIntake(IntakeSchema.parse(input.intake ?? {}));
  const generated = (name: string, data: Buffer, source: string): PreviewItem => ({ name, collector: 'session', source, kind: 'text', size: data.length, sensitive: false, truncated: false, redactions: {}, samples: [], generated: true });
  const intakeEntry = generated(standardName('intake', input.lang), Buffer.from(formatIntake(input.ticket, intake, input.lang, input.startedAt, input.host), 'utf8'), 'intake');
  const manifest: Manifest = {
    format: 'diagcollect-manifest/1',
    tool: { name: 'diagcollect', version: TOOL_VERSION },
    ticket: input.ticket,
    archiveLanguage: input.lang,
    host: input.host,
    os: { platform: input.platform, release: os.release(), arch: os.arch() },
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.startedAt.toISOString(),
    since: input.since.toISOString(),
    intake,
    collectors: input.runs,
    items: [intakeEntry, ...input.items].map((i) => ({ name: i.name, collector: i.collector, source: i.source, kind: i.kind, size: i.size, sha256: '0'.repeat(64), truncated: i.truncated })),
    skipped: input.skipped,
    redaction: input.redaction,
  };
  // The timeline's entries too (the dry run keeps no log bytes, so its events are the markers only).
  const timeline = new TimelineTap({ collectors: COLLECTORS, occurredAt: intake.occurredAt, startedAt: input.startedAt }).finish({
    ticket: input.ticket,
    host: input.host,
    lang: input.lang,
    startedAt: input.startedAt,
    finishedAt: input.startedAt,
    checks: [],
    checksFinishedAt: input.startedAt,
  });
  const reports = reportEntries({ manifest, checks: [], checksStartedAt: input.startedAt, checksFinishedAt: input.startedAt, entries: input.summaryEntries, lang: input.lang, redactions: input.redaction.totals, timeline }).map((e) =>
    generated(e.name, e.data, e.source),
  );
  for (const r of reports) manifest.items.push({ name: r.name, collector: 'session', source: r.source, kind: 'text', size: r.size, sha256: '0'.repeat(64), truncated: false });
  const manifestEntry = generated(standardName('manifest', input.lang), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'), 'manifest');
  return [intakeEntry, ...reports, manifestEntry];
}

/** Finds placeholders in the redacted output line by line, keeping the first of each type (up to `max`) with context. */
class Sampler {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  private readonly samples: RedactionSample[] = [];
  private readonly taken = new Set<string>();
  /** Rules already sampled in this item: one example per type, so rarer types get theirs. */
  private readonly rulesTaken = new Set<string>();

  constructor(
    private readonly redactor: Redactor | undefined,
    private readonly max: number,
  ) {}

  push(chunk: Buffer): void {
    if (!this.redactor || this.samples.length >= this.max) return;
    const text = this.partial + this.decoder.write(chunk);
    const lines = text.split('\n');
    this.partial = (lines.pop() ?? '').slice(-4096);
    for (const line of lines) this.scan(line);
  }

  end(): RedactionSample[] {
    if (this.redactor && this.samples.length < this.max) this.scan(this.partial + this.decoder.end());
    return this.samples;
  }

  private scan(line: string): void {
    const rules = this.redactor!.placeholderRules();
    for (const m of line.matchAll(new RegExp(PLACEHOLDER_PATTERN.source, 'g'))) {
      if (this.samples.length >= this.max) return;
      const placeholder = m[0];
      const rule = rules.get(placeholder);
      // Only placeholders this Redactor made (not text that merely looks like one), once each.
      if (!rule || this.taken.has(placeholder) || this.rulesTaken.has(rule)) continue;
      this.taken.add(placeholder);
      this.rulesTaken.add(rule);
      const start = Math.max(0, m.index - CONTEXT);
      const end = Math.min(line.length, m.index + placeholder.length + CONTEXT);
      const context = `${start > 0 ? '…' : ''}${line.slice(start, end).trim()}${end < line.length ? '…' : ''}`;
      this.samples.push({ placeholder, rule, context });
    }
  }
}
