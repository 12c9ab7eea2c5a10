/**
 * The contract every layer speaks. Pure TypeScript + zod: no Node, no DOM, no Electron.
 * Types are inferred from the schemas so the two never drift.
 */
import { z } from 'zod';
import { ARCHIVE_LANGUAGES, TICKET_ID_MAX_LENGTH, checkTicketId } from './naming.js';
import { CheckMessageSchema } from './check-message-schema.js';
import { NetworkCauseSchema, ReasonSchema, UploadErrorKindSchema } from './reasons.js';
import { CHECK_GROUP_IDS, PROBLEM_TYPES } from './vocabulary.js';
import type { AfterPublishProblem } from './after-publish.js';

export const PlatformSchema = z.enum(['linux', 'win32', 'darwin']);
export type Platform = z.infer<typeof PlatformSchema>;

export const ArchiveLanguageSchema = z.enum(ARCHIVE_LANGUAGES as ['zh-CN', 'en']);

export const TicketIdSchema = z
  .string()
  .max(TICKET_ID_MAX_LENGTH)
  .superRefine((value, ctx) => {
    const check = checkTicketId(value);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason });
  });

export const PrioritySchema = z.enum(['高', '中', '低']);
export type Priority = z.infer<typeof PrioritySchema>;

/** `YYYY-MM-DD HH:mm` — the support guide asks for the time of occurrence to the minute. */
export const MinuteTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/, 'time of occurrence must be "YYYY-MM-DD HH:mm" (to the minute)');

/** The support guide's intake record (信息记录). */
/**
 * The guide's triage matrix (技术排查矩阵): 连接问题 / 功能异常 / 运行缓慢 / 其他. The type decides
 * what extra evidence is collected and which advice path is followed.
 */
export const ProblemTypeSchema = z.enum(PROBLEM_TYPES);
export type ProblemType = z.infer<typeof ProblemTypeSchema>;

export const IntakeSchema = z.object({
  name: z.string().trim().max(200).default(''),
  contact: z.string().trim().max(200).default(''),
  department: z.string().trim().max(200).default(''),
  productName: z.string().trim().max(200).default(''),
  productModel: z.string().trim().max(200).default(''),
  productVersion: z.string().trim().max(100).default(''),
  problemDescription: z.string().max(20_000).default(''),
  occurredAt: MinuteTimeSchema.optional(),
  /** Unset when nobody said (shown as 未填写 / "not given", never as a made-up 中). */
  priority: PrioritySchema.optional(),
  stepsToReproduce: z.string().max(20_000).default(''),
  solutionsTried: z.string().max(20_000).default(''),
  /** Unset when nobody said; collections then gather the default evidence only. */
  problemType: ProblemTypeSchema.optional(),
});
export type Intake = z.infer<typeof IntakeSchema>;

export const CategorySchema = z.enum([
  'versions',
  'system',
  'network',
  'system-logs',
  'app-logs',
  'config',
  'software',
  'processes',
  'screenshot',
  'recording',
]);
export type Category = z.infer<typeof CategorySchema>;

export const LocalizedTextSchema = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** What the UI and `diagcollect list` know about a collector. */
export const CollectorInfoSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/),
  category: CategorySchema,
  title: LocalizedTextSchema,
  platforms: z.array(PlatformSchema).min(1),
  timeoutMs: z.number().int().positive(),
  sensitive: z.boolean(),
  /** What it reads on this platform: commands and paths, human readable. */
  reads: z.array(z.string()),
});
export type CollectorInfo = z.infer<typeof CollectorInfoSchema>;

/** One entry written into the archive. */
export const ManifestItemSchema = z.object({
  name: z.string(),
  collector: z.string(),
  source: z.string(),
  kind: z.enum(['text', 'binary']),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  truncated: z.boolean(),
  note: z.string().optional(),
  /** Why a `truncated` entry holds only part of its source, as a code (`note` holds the English); absent when unknown. */
  cut: ReasonSchema.optional(),
  /** Replacements per redaction rule id (never the values). */
  redactions: z.record(z.string(), z.number().int().nonnegative()).optional(),
});
export type ManifestItem = z.infer<typeof ManifestItemSchema>;

/** Something that was not collected, and why. */
export const ManifestSkipSchema = z.object({
  collector: z.string(),
  source: z.string(),
  /** In English, for support staff reading manifest.json (rendered from `code` when there is one). */
  reason: z.string(),
  /** The reason as a code: what every surface renders in its own language. */
  code: ReasonSchema.optional(),
});
export type ManifestSkip = z.infer<typeof ManifestSkipSchema>;

export const CollectorStatusSchema = z.enum(['ok', 'error', 'timeout', 'skipped', 'cancelled']);
export type CollectorStatus = z.infer<typeof CollectorStatusSchema>;

export const CollectorRunSchema = z.object({
  id: z.string(),
  status: CollectorStatusSchema,
  durationMs: z.number().nonnegative(),
  items: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  error: z.string().optional(),
  /** Why it was skipped or did not finish, as a code (`error` holds the English text). */
  reason: ReasonSchema.optional(),
  warnings: z.array(z.string()),
});
export type CollectorRun = z.infer<typeof CollectorRunSchema>;

export const ManifestSchema = z.object({
  format: z.literal('diagcollect-manifest/1'),
  tool: z.object({ name: z.literal('diagcollect'), version: z.string() }),
  ticket: z.string(),
  archiveLanguage: ArchiveLanguageSchema,
  host: z.string(),
  os: z.object({ platform: z.string(), release: z.string(), arch: z.string() }),
  startedAt: z.string(),
  finishedAt: z.string(),
  since: z.string(),
  intake: IntakeSchema,
  /**
   * Intake fields from which bidi controls or control characters were removed (shared/intake-clean.ts),
   * so every front end can say so. Absent when nothing was removed (older archives too).
   */
  intakeCleaned: z.array(z.object({ field: z.string(), removed: z.number().int().positive() })).optional(),
  collectors: z.array(CollectorRunSchema),
  items: z.array(ManifestItemSchema),
  skipped: z.array(ManifestSkipSchema),
  /** Which redaction rules ran and how often each fired over the whole archive. */
  redaction: z
    .object({
      enabled: z.boolean(),
      rules: z.array(z.string()),
      totals: z.record(z.string(), z.number().int().nonnegative()),
      /**
       * Entries redacted again once the archive was complete (issue 14, the mend step): a value
       * was learned after they were written. Absent when nothing was mended (older archives too).
       */
      mended: z.array(z.string()).optional(),
      /**
       * A placeholder this archive holds (of the rule that replaced the most), the example in the
       * summaries' "placeholders such as …". Absent when nothing was replaced (older archives too).
       */
      example: z.string().optional(),
      /**
       * Why large items were redacted on the main thread although a redaction worker was wanted
       * (it could not start). Absent when it ran, or was not needed (older archives too).
       */
      inThread: z.string().optional(),
    })
    .optional(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const ProgressEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('phase'), phase: z.enum(['collecting', 'archiving', 'finalizing', 'done', 'cancelled']) }),
  z.object({ type: z.literal('collector-start'), collector: z.string() }),
  z.object({
    type: z.literal('collector-end'),
    collector: z.string(),
    status: CollectorStatusSchema,
    durationMs: z.number(),
    error: z.string().optional(),
    reason: ReasonSchema.optional(),
  }),
  z.object({ type: z.literal('item'), collector: z.string(), name: z.string(), bytes: z.number(), totalItems: z.number(), totalBytes: z.number() }),
]);
export type ProgressEvent = z.infer<typeof ProgressEventSchema>;

/** An upload job's state in the outbox: queued → uploading → done | failed (failed keeps the archive). */
export const UploadStateSchema = z.enum(['queued', 'uploading', 'done', 'failed']);
export type UploadState = z.infer<typeof UploadStateSchema>;

/** The support guide's basic checklist (基础检查清单), its four groups in the guide's order. */
export const CheckGroupSchema = z.enum(CHECK_GROUP_IDS);
export type CheckGroup = z.infer<typeof CheckGroupSchema>;

/** `skipped`: not run or not applicable (no endpoints in policy, not available on this OS). */
export const CheckStatusSchema = z.enum(['pass', 'warn', 'fail', 'skipped']);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

/**
 * One line of the checklist: what was checked, the verdict, why, and what to do — as codes with
 * typed arguments (shared/check-messages.ts), rendered in the reader's language by
 * shared/i18n/check-text.ts; `en` keeps the English rendering for scripts reading checks.json.
 */
export const CheckResultSchema = z.object({
  /** The check's id, or `<check id>:<subject>` when one check gives several results (`dns:10.0.0.1`). */
  id: z.string().min(1),
  group: CheckGroupSchema,
  title: CheckMessageSchema,
  status: CheckStatusSchema,
  /** The technical finding for the agent, as clauses (joined `；` / `; `). */
  detail: z.array(CheckMessageSchema),
  /** Steps in order, following the guide's common-issue paths; empty when all is well. */
  advice: z.array(CheckMessageSchema),
  /**
   * For the user (the app): one plain sentence, at most one action they can take, and whether
   * to show it at all (checks with nothing configured, or nothing a user can read, are not).
   */
  user: z.object({ show: z.boolean(), sentence: CheckMessageSchema, action: CheckMessageSchema.optional() }),
  /** The same texts rendered in English (for scripts; the codes are the truth). */
  en: z.object({ title: z.string(), detail: z.string(), advice: z.array(z.string()), sentence: z.string(), action: z.string().optional() }),
  durationMs: z.number().nonnegative(),
  /** Measured values (timings, versions, sizes) for scripts and the summary page. */
  data: z.record(z.string(), z.unknown()).optional(),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** `checks.json` in the archive. */
export const ChecksDocumentSchema = z.object({
  format: z.literal('diagcollect-checks/1'),
  startedAt: z.string(),
  finishedAt: z.string(),
  results: z.array(CheckResultSchema),
});
export type ChecksDocument = z.infer<typeof ChecksDocumentSchema>;

// ---------------------------------------------------------------------------------------------
// The collect-and-send workflow (electron/engine/workflow): one use case for the app and the
// CLI. Each stage reports what happened as one of these events; the CLI prints them, the
// desktop app turns them into its progress and upload states.
// ---------------------------------------------------------------------------------------------

/** A value that redaction hid somewhere but that still stands in this entry (masked, never whole). */
export const LeakFindingSchema = z.object({ entry: z.string(), line: z.number().int().positive(), masked: z.string() });
export type LeakFinding = z.infer<typeof LeakFindingSchema>;

/**
 * Why the mend step (issue 14) left the archive as it was, so the leak check's findings stand:
 * a binary entry holds a value (never rewritten), the deadline came, the copy could not be
 * written, or a value still stood in the mended copy.
 */
export const MendRefusalSchema = z.object({
  code: z.enum(['binary', 'deadline', 'failed', 'remains']),
  entry: z.string().optional(),
  /** The error, in English (failed only). */
  error: z.string().optional(),
});
export type MendRefusal = z.infer<typeof MendRefusalSchema>;

/**
 * The leak check's verdict before the upload. `clean`: nothing found; `found`: values are still
 * there (`blocked` unless the user accepted them); `incomplete`: the check did not finish before
 * the deadline, which blocks the upload the same way (fail closed).
 */
export const LeakCheckSchema = z.object({
  state: z.enum(['clean', 'found', 'incomplete']),
  leaks: z.array(LeakFindingSchema),
  /** An upload target is set and the user has not accepted the findings: nothing is sent. */
  blocked: z.boolean(),
  /** The user chose to send anyway (`--accept-leaks`, or "send anyway" in the app). */
  accepted: z.boolean(),
  /** Values were found and the mend step could not remove them: why (absent otherwise). */
  notMended: MendRefusalSchema.optional(),
});
export type LeakCheck = z.infer<typeof LeakCheckSchema>;

/** The archive as written: the figures every screen, page, draft and comment quote. */
export const ArchiveFactsSchema = z.object({
  path: z.string(),
  name: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Entries in the zip, the generated ones (intake, checks, summary, manifest) included. */
  entries: z.number().int().nonnegative(),
});
export type ArchiveFacts = z.infer<typeof ArchiveFactsSchema>;

/** A step after the archive was published that failed (shared/after-publish.ts), as it crosses IPC. */
export const AfterPublishProblemSchema = z.object({
  step: z.enum(['draft', 'map', 'job-record']),
  target: z.string(),
  cause: z.string(),
  existing: z.array(z.string()),
  queued: z.boolean().optional(),
});
// The schema and the interface the engine fills are the same shape, both ways.
const _afterPublishIn: (p: AfterPublishProblem) => z.infer<typeof AfterPublishProblemSchema> = (p) => p;
const _afterPublishOut: (p: z.infer<typeof AfterPublishProblemSchema>) => AfterPublishProblem = (p) => p;
void _afterPublishIn;
void _afterPublishOut;

/** An outbox job as the workflow reports it (the job file itself stays in the engine). */
export const UploadJobViewSchema = z.object({
  id: z.string(),
  target: z.string(),
  ticket: z.string(),
  state: UploadStateSchema,
  attempts: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  nextAttemptAt: z.string().optional(),
  /** The last error: its kind and socket cause as codes (rendered by the catalogue), and the engine's English message. */
  error: z.object({ kind: UploadErrorKindSchema, cause: NetworkCauseSchema.optional(), message: z.string() }).optional(),
  result: z.object({ id: z.string(), url: z.string().optional(), alreadyPresent: z.boolean() }).optional(),
  /** The triage note (the summary) is on the ticket. */
  triagePosted: z.boolean(),
});
export type UploadJobView = z.infer<typeof UploadJobViewSchema>;

export const WorkflowEventSchema = z.discriminatedUnion('type', [
  /** The ticket system answered before anything was collected (`found`), or could not be asked. */
  z.object({
    type: z.literal('ticket'),
    ticket: z.string(),
    target: z.string(),
    targetName: z.string(),
    state: z.enum(['found', 'unreachable']),
    title: z.string().optional(),
    /** false: the target has no tickets to look up (e-mail, object storage); `title` then describes the target. */
    lookedUp: z.boolean().optional(),
    reason: z.string().optional(),
  }),
  z.object({ type: z.literal('progress'), event: ProgressEventSchema }),
  /** `afterPublish`: steps after publishing that already failed (the redaction map), each naming the files that exist. */
  z.object({ type: z.literal('archived'), archive: ArchiveFactsSchema, partial: z.boolean(), manifest: ManifestSchema, checks: z.array(CheckResultSchema), afterPublish: z.array(AfterPublishProblemSchema).optional() }),
  z.object({ type: z.literal('leak-check'), check: LeakCheckSchema }),
  z.object({ type: z.literal('draft'), path: z.string() }),
  /** The e-mail draft could not be written (deadline, disk): the archive is still there. */
  z.object({ type: z.literal('draft-failed'), reason: z.string(), problem: AfterPublishProblemSchema.optional() }),
  z.object({
    type: z.literal('upload'),
    step: z.enum(['queued', 'attempt', 'progress', 'retry-scheduled', 'done', 'failed', 'cancelled']),
    job: UploadJobViewSchema,
    sentBytes: z.number().nonnegative(),
    delayMs: z.number().nonnegative().optional(),
  }),
]);
export type WorkflowEvent = z.infer<typeof WorkflowEventSchema>;
