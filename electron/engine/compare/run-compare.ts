/**
 * `compare` as one use case for the CLI and the app: read the facts of the before archive and of
 * the after archive (or of a live collection made now), compare them, write 对比报告.html, and
 * with an upload target post the verdict as a note on the ticket and attach the report once
 * (through the durable outbox, so a retry never posts or attaches twice).
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { CompareReport } from '../../../shared/compare.js';
import { STANDARD_NAMES } from '../../../shared/naming.js';
import type { Locale } from '../../../shared/i18n/translate.js';
import type { Policy } from '../../../shared/policy.js';
import type { WorkflowEvent } from '../../../shared/types.js';
import { sha256File } from '../archive/sha256-file.js';
import { InputError } from '../errors.js';
import { writeFileAtomic } from '../platform/atomic-write.js';
import type { UploadJob } from '../upload/outbox.js';
import { withArchiveFile } from './archive-reader.js';
import { compareFacts } from './diff.js';
import { readFacts, type ArchiveFacts } from './facts.js';
import { ticketNote } from './present.js';
import { COMPARE_REPORT_NAME, renderCompareHtml } from './report-html.js';

/** The collectors whose facts a comparison reads; --now runs only these (and the checks). */
export const LIVE_COLLECTORS = ['network', 'system', 'versions', 'software', 'system-logs', 'app-logs'] as const;

export interface CompareOptions {
  before: string;
  /** The after archive, or 'live' to collect now. */
  after: string;
  policy: Policy;
  /** The report's and the note's language (default: the before archive's). */
  lang?: Locale;
  /** Folder for 对比报告.html (default: beside the after archive, or the before one for --now). */
  outDir?: string;
  /** Upload target ('outbox' or unset: nothing is posted). */
  target?: string;
  env: NodeJS.ProcessEnv;
  dataDir: string;
  signal?: AbortSignal;
  /** Keep retrying the upload this long (ms) before leaving it queued. */
  uploadWaitMs?: number;
  emit?: (event: WorkflowEvent) => void;
}

export interface CompareResult {
  report: CompareReport;
  lang: Locale;
  reportPath: string;
  /** The ticket note, when an upload target was given. */
  note?: string;
  upload?: UploadJob;
}

/** The facts of an archive on disk. */
export async function archiveFacts(path: string): Promise<ArchiveFacts> {
  return withArchiveFile(path, (archive) => {
    // Any zip opens; only one diagcollect made has the facts to compare. Without this, a stray zip
    // compared "successfully" as 工单 ? with nothing in it.
    if (!archive.entries.has(STANDARD_NAMES.manifest.en)) throw InputError.coded('archive-not-diagcollect', { path }, `${path} is a zip file but not an archive diagcollect made (it holds no manifest.json): give the path of an archive diagcollect made`);
    return readFacts(archive, basename(path));
  });
}

/**
 * Runs the checks and the collectors a comparison needs, now, into a temporary archive, and
 * returns its facts: only the collectors that ran for the before archive, so both sides hold
 * the same kinds of facts.
 */
export async function liveFacts(options: { ticket: string; policy: Policy; lang: Locale; signal?: AbortSignal; collectors?: readonly string[] }): Promise<ArchiveFacts> {
  const only = LIVE_COLLECTORS.filter((id) => !options.collectors || options.collectors.includes(id));
  const dir = await mkdtemp(join(os.tmpdir(), 'diagcollect-compare-'));
  try {
    // Loaded only for --now: comparing two archives needs no collector, check or redaction code.
    const { runSession } = await import('../session.js');
    const result = await runSession({ ticket: options.ticket, policy: options.policy, outDir: dir, only, consentSensitive: false, lang: options.lang, ...(options.signal ? { signal: options.signal } : {}) });
    const facts = await archiveFacts(result.archivePath);
    return { ...facts, name: 'live' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runCompare(options: CompareOptions): Promise<CompareResult> {
  const target = options.target;
  const upload = target && target !== 'outbox' ? await import('../workflow/upload-stage.js') : undefined;
  // An unknown target is bad input before anything is read or written.
  if (upload && target) upload.resolveTarget(target, options.policy);
  const before = await archiveFacts(options.before);
  const lang = options.lang ?? before.lang;
  const live = options.after === 'live';
  const ticket = before.ticket ?? 'compare';
  const after = live ? await liveFacts({ ticket, policy: options.policy, lang: before.lang, ...(before.collectors ? { collectors: before.collectors } : {}), ...(options.signal ? { signal: options.signal } : {}) }) : await archiveFacts(options.after);
  const report = compareFacts(before, after);

  const outDir = options.outDir ?? dirname(live ? options.before : options.after);
  const reportPath = join(outDir, COMPARE_REPORT_NAME[lang]);
  await writeFileAtomic(reportPath, renderCompareHtml(report, lang));

  if (!upload || !target) return { report, lang, reportPath };
  const { precheckTicket, queueAndSend } = upload;
  const signal = options.signal ?? new AbortController().signal;
  const emit = options.emit ?? (() => undefined);
  const note = ticketNote(report, ticket, lang);
  const plan = await precheckTicket({ target, policy: options.policy, ticket, env: options.env, dataDir: options.dataDir, signal, emit });
  const { size } = await stat(reportPath);
  const archive = { path: reportPath, name: COMPARE_REPORT_NAME[lang], size, sha256: await sha256File(reportPath) };
  const job = await queueAndSend({
    plan,
    ticket,
    archive,
    lang,
    triage: note,
    options: { policy: options.policy, env: options.env, dataDir: options.dataDir, signal, waitBudgetMs: options.uploadWaitMs ?? 0, emit },
  });
  return { report, lang, reportPath, note, upload: job };
}
