/**
 * The IPC contract between the renderer and the Electron main process (GitHub Desktop's
 * `ipc-shared.ts`, STYLE.md §2): one map from each method of `window.diagnostics` to its IPC
 * channel and the zod schemas of its request and response, and one map of the events the
 * renderer can subscribe to. Everything else is derived from these two maps: the
 * `DiagnosticsApi` type the renderer sees, the handler table main must implement, the preload's
 * forwarder (`createDiagnosticsApi`) and the validation main runs before any handler.
 *
 * Pure TypeScript + zod: no Node, no DOM, no Electron.
 */
import { z } from 'zod';
import { API_ERROR_CODES, EVENT_CHANNELS, METHOD_CHANNELS, type ApiReply } from './api-forwarder.js';
import type { CodedProblem } from './input-errors.js';
import { UPLOAD_TARGETS } from './policy.js';
import { NetworkCauseSchema, ReasonSchema, UploadErrorKindSchema } from './reasons.js';
import {
  AfterPublishProblemSchema,
  ArchiveLanguageSchema,
  CategorySchema,
  CheckResultSchema,
  CollectorRunSchema,
  LeakFindingSchema,
  LocalizedTextSchema,
  ManifestSkipSchema,
  MendRefusalSchema,
  PlatformSchema,
  PrioritySchema,
  ProblemTypeSchema,
  ProgressEventSchema,
  TicketIdSchema,
  UploadJobViewSchema,
  type Intake,
} from './types.js';

/** The UI languages (the archive language is a separate policy key). */
export const UiLocaleSchema = z.enum(['zh-CN', 'en']);
export type UiLocale = z.infer<typeof UiLocaleSchema>;

/** Picks the UI language for an OS locale such as `zh-CN`, `zh_TW.UTF-8` or `en-US`. */
export function uiLocaleFor(osLocale: string | undefined): UiLocale {
  return /^zh\b|^zh[-_]/i.test(osLocale ?? '') ? 'zh-CN' : 'en';
}

export const CollectorIdSchema = z.string().max(64).regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);

// ---------------------------------------------------------------------------------------------
// The intake form (信息记录, SUPPORT-GUIDE.md). Messages are codes the renderer translates.
// ---------------------------------------------------------------------------------------------

/** Validation message codes; the renderer shows them in the UI language. */
export const FIELD_ERRORS = ['required', 'too-long', 'contact', 'time', 'ticket'] as const;
export type FieldError = (typeof FIELD_ERRORS)[number];
const E = Object.fromEntries(FIELD_ERRORS.map((c) => [c, c])) as { [K in FieldError]: K };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A phone number: optional +, then at least six digits among spaces, dashes, dots and brackets. */
const PHONE = /^\+?[\d\s().-]{6,32}$/;

/** A phone number or an e-mail address (联系方式). */
export function isContact(value: string): boolean {
  const v = value.trim();
  return EMAIL.test(v) || (PHONE.test(v) && (v.match(/\d/g)?.length ?? 0) >= 6);
}

const text = (max: number) => z.string().trim().max(max, E['too-long']);
const requiredText = (max: number) => z.string().trim().min(1, E.required).max(max, E['too-long']);

/** `YYYY-MM-DDTHH:mm` (an `<input type="datetime-local">`) or `YYYY-MM-DD HH:mm`: to the minute. */
export const OccurredAtSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/, E.time);

/**
 * What the desktop form asks for. Stricter than the archive's `IntakeSchema` (which accepts an
 * empty record from the CLI): a person to call back, a description and the time are required.
 * The priority and the problem type are optional: unset is written as 未填写, never a made-up 中.
 */
export const IntakeFormSchema = z
  .object({
    name: requiredText(200),
    contact: requiredText(200).refine(isContact, E.contact),
    department: text(200),
    productName: text(200),
    productModel: text(200),
    productVersion: text(100),
    problemDescription: requiredText(20_000),
    occurredAt: OccurredAtSchema,
    priority: PrioritySchema.optional(),
    stepsToReproduce: text(20_000),
    solutionsTried: text(20_000),
    problemType: ProblemTypeSchema.optional(),
  })
  .strict();
export type IntakeForm = z.infer<typeof IntakeFormSchema>;
// The form's output is a valid archive intake record (compile-time check, no runtime cost).
const _formIsIntake: (form: IntakeForm) => Intake = (form) => form;

/** The ticket field: required, then the shared ticket-id rule. */
export const TicketFieldSchema = z.string().trim().min(1, E.required).pipe(TicketIdSchema);

// ---------------------------------------------------------------------------------------------
// Requests and responses
// ---------------------------------------------------------------------------------------------

/** No payload: methods called without an argument. */
const None = z.undefined();

export const DefaultsSchema = z.object({
  appVersion: z.string(),
  /** UI language from the OS locale (switchable in the UI). */
  locale: UiLocaleSchema,
  platform: PlatformSchema,
  host: z.string(),
  /** Prefilled ticket id ('' when none). */
  ticket: z.string(),
  ticketSource: z.enum(['link', 'none']),
  /** The ticket came from a signed link: shown read-only. */
  ticketLocked: z.boolean(),
  /** Who reported last time on this computer (the user's own settings), prefilled. */
  profile: z.object({ name: z.string(), contact: z.string(), department: z.string() }),
  /** A `diagcollect://` link that was refused, and why (shown to the user). */
  linkError: LocalizedTextSchema.optional(),
  /** Prefilled intake fields: what the engine detected, and "now" for the time of occurrence. */
  intake: z.object({ productName: z.string(), productModel: z.string(), productVersion: z.string(), occurredAt: z.string() }),
  archiveLanguage: ArchiveLanguageSchema,
  /** `forbidden`: managed policy forbids screenshots (shown locked). */
  screenshot: z.enum(['allowed', 'forbidden']),
  upload: z.object({ target: z.enum(UPLOAD_TARGETS), targetName: z.string() }),
});
export type Defaults = z.infer<typeof DefaultsSchema>;

/** `problemType`: the intake's, so the preview lists only the evidence this collection will gather. */
/** `includeScreenshot`: the user attached the screenshot taken, so the engine's total counts it (ui26). */
export const PreviewRequestSchema = z.object({ exclude: z.array(CollectorIdSchema).max(64).default([]), problemType: ProblemTypeSchema.optional(), includeScreenshot: z.boolean().optional() }).strict();

/** Why a category cannot be switched by the user. */
export const LockSchema = z.enum(['policy-disabled', 'policy-forbidden', 'platform']);
export type Lock = z.infer<typeof LockSchema>;

export const CategoryPreviewSchema = z.object({
  id: CollectorIdSchema,
  category: CategorySchema,
  title: LocalizedTextSchema,
  /** What this item reads, in plain words (ui26: one per collector, shared/i18n/collector-text.ts). */
  about: LocalizedTextSchema,
  /** What it reads on this computer: commands and paths. */
  reads: z.array(z.string()),
  /** Off until the user consents (the screenshot). */
  sensitive: z.boolean(),
  /** On unless the user switches it off (false when locked off). */
  included: z.boolean(),
  lock: LockSchema.optional(),
  /**
   * `measured`: the files were looked at now; `measured-last`: what it wrote in the last
   * collection on this computer; `typical`: a usual size for this collector (engine/collector-sizes.ts).
   */
  estimate: z.object({ bytes: z.number().int().nonnegative(), basis: z.enum(['measured', 'measured-last', 'typical']) }),
  /** Something the user should know (nothing configured to read, …). */
  note: LocalizedTextSchema.optional(),
});
export type CategoryPreview = z.infer<typeof CategoryPreviewSchema>;

/** Examples of what redaction hides; present only when the engine offers a redaction preview. */
export const RedactionPreviewSchema = z.object({
  samples: z.array(z.object({ rule: LocalizedTextSchema, before: z.string(), after: z.string() })),
  /** Replacements per type over the whole dry run (localized type name, count), most frequent first. */
  types: z.array(z.object({ rule: LocalizedTextSchema, count: z.number().int().nonnegative() })).optional(),
});

export const PreviewSchema = z.object({
  platform: PlatformSchema,
  categories: z.array(CategoryPreviewSchema),
  /** Estimated size of what is included (before compression): the figure Review shows as the total. */
  totalBytes: z.number().int().nonnegative(),
  redaction: RedactionPreviewSchema.optional(),
});
export type Preview = z.infer<typeof PreviewSchema>;

export const ScreenshotSchema = z.discriminatedUnion('available', [
  z.object({
    available: z.literal(true),
    dataUrl: z.string().startsWith('data:image/png;base64,'),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    bytes: z.number().int().positive(),
  }),
  z.object({ available: z.literal(false), reason: LocalizedTextSchema }),
]);
export type Screenshot = z.infer<typeof ScreenshotSchema>;

export const StartCollectionRequestSchema = z
  .object({
    ticket: TicketFieldSchema,
    intake: IntakeFormSchema,
    /** Collector ids the user switched off. */
    exclude: z.array(CollectorIdSchema).max(64).default([]),
    /** The user saw the screenshot preview and kept it. */
    includeScreenshot: z.boolean(),
  })
  .strict();
export type StartCollectionRequest = z.input<typeof StartCollectionRequestSchema>;

export const PlanRowSchema = z.object({
  id: CollectorIdSchema,
  title: LocalizedTextSchema,
  status: z.enum(['waiting', 'skipped']),
  reason: ReasonSchema.optional(),
});
export type PlanRow = z.infer<typeof PlanRowSchema>;

export const StartCollectionResponseSchema = z.object({
  sessionId: z.string(),
  startedAt: z.string(),
  /** One row per collector, in the order they are shown; runs are reported by `onProgress`. */
  rows: z.array(PlanRowSchema),
});
export type StartCollectionResponse = z.infer<typeof StartCollectionResponseSchema>;

/** A bad policy key under a refusal (PolicyLine in input-errors.ts). */
const PolicyLineSchema = z.object({
  source: z.enum(['managed', 'file', 'user']),
  location: z.string(),
  key: z.string(),
  issue: z.discriminatedUnion('code', [
    z.object({ code: z.literal('unknown-key') }),
    z.object({ code: z.literal('type'), expected: z.string() }),
    z.object({ code: z.literal('too-small'), minimum: z.string(), origin: z.string() }),
    z.object({ code: z.literal('too-big'), maximum: z.string(), origin: z.string() }),
    z.object({ code: z.literal('one-of'), values: z.string() }),
    z.object({ code: z.literal('rule') }),
    z.object({ code: z.literal('must'), rule: z.string(), values: z.record(z.string(), z.string()).optional() }),
    z.object({ code: z.literal('missing') }),
    z.object({ code: z.literal('format'), format: z.string() }),
    z.object({ code: z.literal('bad-pattern'), pattern: z.string() }),
    z.object({ code: z.literal('path-escapes'), path: z.string() }),
    z.object({ code: z.literal('path-root-wide'), path: z.string() }),
    z.object({ code: z.literal('unknown-rule'), id: z.string(), known: z.string() }),
    z.object({ code: z.literal('bad-public-key') }),
    z.object({ code: z.literal('source') }),
    z.object({ code: z.literal('duplicate-key'), lines: z.string() }),
  ]),
  dropped: z.string().optional(),
  lockedKey: z.string().optional(),
  together: z.object({ source: z.enum(['managed', 'file', 'user', '']), location: z.string() }).optional(),
});

export const CollectionResultSchema = z.object({
  ticket: z.string(),
  archiveName: z.string(),
  archivePath: z.string(),
  bytes: z.number().int().nonnegative(),
  sha256: z.string(),
  items: z.number().int().nonnegative(),
  /** The `.eml` draft beside the archive. */
  emailDraft: z.string(),
  emailSubject: z.string(),
  collectors: z.array(CollectorRunSchema),
  /** Some collector failed or timed out. */
  partial: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string(),
  /**
   * Entries redacted again once the archive was complete (the mend step; the manifest's
   * `redaction.mended`): the Done screen says so in the catalogue's words, as the CLI does.
   */
  mended: z.array(z.string()).optional(),
  /**
   * Intake fields the engine cleaned of hidden direction or control characters, and how many
   * (the manifest's `intakeCleaned`; shared/intake-clean.ts). Absent when nothing was removed.
   */
  intakeCleaned: z.array(z.object({ field: z.string(), removed: z.number().int().positive() })).optional(),
  /**
   * What redaction replaced, per rule, and a placeholder the archive holds (the manifest's
   * `redaction.totals` and `redaction.example`): the CLI's "Redacted:" line. Absent when nothing was replaced.
   */
  redaction: z.object({ totals: z.record(z.string(), z.number().int().nonnegative()), example: z.string().optional() }).optional(),
  /**
   * The leak check's verdict when it was not clean: the values it still found (masked), and why
   * the mend step could not remove them (`notMended`). Absent when the archive is clean. The
   * upload state says separately whether this held the upload back (`blocked`).
   */
  leakCheck: z
    .object({
      state: z.enum(['found', 'incomplete']),
      leaks: z.array(LeakFindingSchema),
      notMended: MendRefusalSchema.optional(),
    })
    .optional(),
  /**
   * Steps after the archive was published that failed (the e-mail draft, the redaction map, the
   * upload job record), each naming the files that exist (shared/after-publish.ts). A failure
   * that comes later (the job record) arrives as the `after-publish` session event.
   */
  afterPublish: z.array(AfterPublishProblemSchema).optional(),
  /**
   * The ticket pre-check's answer before anything was collected (the workflow's `ticket` event):
   * the ticket's title as the server reported it, so the user sees the archive goes to the right
   * ticket. `lookedUp: false`: the target has no tickets to look up (e-mail, object storage).
   * Absent when the archive stays local or the server could not be asked.
   */
  ticketCheck: z.object({ targetName: z.string(), title: z.string(), lookedUp: z.boolean().optional() }).optional(),
  /**
   * What was not taken, each with its reason as a code (the manifest's facts; engine
   * report/not-collected.ts): skipped collectors worth a line each, how many more serve only other
   * problem types, sources skipped (the manifest's `skipped`) and entries cut short (`truncated`).
   * Absent when everything was taken.
   */
  notTaken: z
    .object({
      collectors: z.array(CollectorRunSchema),
      otherProblemTypes: z.number().int().nonnegative(),
      /** Collectors `--only` did not select, counted (the CLI; the app has no --only). */
      notSelected: z.number().int().nonnegative().optional(),
      sources: z.array(ManifestSkipSchema),
      cut: z.array(z.object({ name: z.string(), note: z.string().optional(), code: ReasonSchema.optional() })),
    })
    .optional(),
  /**
   * What the IT policy changed or refused when the app started (bad keys left out, keys locked to
   * their safe value): each as data, with the engine's English line (formatProblem) for English
   * and support. Absent when the policy had no problems.
   */
  policyProblems: z.array(z.object({ line: PolicyLineSchema, english: z.string() })).optional(),
});
export type CollectionResult = z.infer<typeof CollectionResultSchema>;

/** A refusal as a code with parameters (CodedProblem in input-errors.ts), rendered by the window. */
export const CodedProblemSchema = z.object({ code: z.string().max(64), params: z.record(z.string(), z.string()), lines: z.array(PolicyLineSchema).readonly().optional() });
const _problemMatches: (p: z.infer<typeof CodedProblemSchema>) => CodedProblem = (p) => p;

export const SessionEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), sessionId: z.string(), event: ProgressEventSchema }),
  z.object({ type: z.literal('finished'), sessionId: z.string(), result: CollectionResultSchema }),
  /** `message`: the engine's English; `problem`: the same as a code when it was a refusal (the window renders it). */
  z.object({ type: z.literal('failed'), sessionId: z.string(), message: z.string(), problem: CodedProblemSchema.optional() }),
  z.object({ type: z.literal('cancelled'), sessionId: z.string() }),
  /** After `finished`: the result's `afterPublish` list as it now stands (a step that failed later, the upload job record). */
  z.object({ type: z.literal('after-publish'), sessionId: z.string(), afterPublish: z.array(AfterPublishProblemSchema) }),
]);
export type SessionEvent = z.infer<typeof SessionEventSchema>;

/**
 * The archive's way to the ticket. `none`: nothing collected yet; `local`: no ticket system is
 * configured, the archive and its e-mail draft wait in the outbox folder; `blocked`: the leak
 * check found values redaction hid elsewhere in the archive (or could not finish), nothing was
 * sent — `retryUpload` then means "send anyway", the user's explicit choice; the rest mirror the
 * outbox job (queued for a retry, uploading, done, failed for good).
 */
export const UploadStatusSchema = z.object({
  target: z.enum(UPLOAD_TARGETS),
  targetName: z.string(),
  state: z.enum(['none', 'local', 'blocked', 'queued', 'uploading', 'done', 'failed']),
  /** Blocked: what the leak check found (entry, line, the value masked), and whether it finished. */
  leaks: z.array(LeakFindingSchema).optional(),
  leakCheck: z.enum(['found', 'incomplete']).optional(),
  sentBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative(),
  attempts: z.number().int().nonnegative(),
  /** Queued: when the next automatic attempt happens. */
  nextAttemptAt: z.string().optional(),
  /** The last error: its kind and socket cause as codes (rendered by the catalogue), and the engine's English message (technical detail). */
  error: z.object({ kind: UploadErrorKindSchema, cause: NetworkCauseSchema.optional(), message: z.string() }).optional(),
  attachmentUrl: z.string().optional(),
  alreadyPresent: z.boolean().optional(),
});
export type UploadStatus = z.infer<typeof UploadStatusSchema>;

export const ChecksStateSchema = z.object({
  state: z.enum(['none', 'running', 'done']),
  results: z.array(CheckResultSchema),
});
export type ChecksState = z.infer<typeof ChecksStateSchema>;

export const LinkEventSchema = z.discriminatedUnion('ok', [
  /** `locked`: a verified signed link chose the ticket (shown read-only); it may preset the problem type. */
  z.object({ ok: z.literal(true), ticket: z.string(), locked: z.boolean().optional(), problemType: ProblemTypeSchema.optional() }),
  z.object({ ok: z.literal(false), reason: LocalizedTextSchema }),
]);
export type LinkEvent = z.infer<typeof LinkEventSchema>;

/** How the e-mail draft was opened: the .eml in the mail program, a mailto: fallback, or not at all. */
export const OpenDraftResponseSchema = z.object({ opened: z.enum(['draft', 'mailto', 'none']) });
export type OpenDraftResponse = z.infer<typeof OpenDraftResponseSchema>;

/** Upload jobs from earlier collections that the app resumes (the outbox's jobs, as the workflow reports them). */
export const PendingUploadsSchema = z.object({ jobs: z.array(UploadJobViewSchema.extend({ targetName: z.string() })) });
export type PendingUploads = z.infer<typeof PendingUploadsSchema>;

// ---------------------------------------------------------------------------------------------
// The two maps
// ---------------------------------------------------------------------------------------------

interface MethodSpec {
  channel: string;
  request: z.ZodType;
  response: z.ZodType;
}

/** 复现录制: the recorder's state, for the indicator and the step count (engine/record/app-recorder.ts). */
export const RecordStatusSchema = z.object({
  state: z.enum(['idle', 'recording', 'stopped']),
  ticket: z.string().optional(),
  startedAt: z.string().optional(),
  stoppedAt: z.string().optional(),
  steps: z.number().int().nonnegative(),
  input: z.enum(['hook', 'interval']).optional(),
  why: z.string().optional(),
  noPictures: z.string().optional(),
  stopReason: z.enum(['user', 'time-limit', 'control', 'cancelled']).optional(),
  /** The time limit (policy record.maxMinutes) and, while recording, when it stops by itself. */
  limitMinutes: z.number().int().positive().optional(),
  endsAt: z.string().optional(),
});
export type RecordStatus = z.infer<typeof RecordStatusSchema>;
export const RecordStartRequestSchema = z.object({ ticket: TicketFieldSchema, pictures: z.boolean() }).strict();
export const RecordNoteRequestSchema = z.object({ text: z.string().trim().min(1).max(2000) }).strict();

// ---------------------------------------------------------------------------------------------
// The upload secret in the OS keychain (issue 15 item 8) and 这次修复有效吗？ (issue 17)
// ---------------------------------------------------------------------------------------------

/** Why a secret was not stored or removed: codes the renderer words (what happened, what to do). */
export const SECRET_ERRORS = ['keychain-unavailable', 'no-keychain', 'write-failed', 'unknown-secret'] as const;

/**
 * The secrets the configured upload target needs, and where each one is: stored in the OS
 * keychain, or set in the environment by IT (which wins). Never a value, not even masked.
 * `keychain`: `available` (the OS encrypts with the user's key), `unavailable` (no Secret
 * Service / KWallet: nothing can be stored), `none` (this host has no keychain).
 */
export const UploadSecretsSchema = z.object({
  target: z.enum(UPLOAD_TARGETS),
  targetName: z.string(),
  keychain: z.enum(['available', 'unavailable', 'none']),
  secrets: z.array(z.object({ key: z.string(), envName: z.string(), stored: z.boolean(), fromEnvironment: z.boolean() })),
  /** The last store/remove: done, or why not. */
  outcome: z.enum(['stored', 'removed']).optional(),
  error: z.enum(SECRET_ERRORS).optional(),
});
export type UploadSecrets = z.infer<typeof UploadSecretsSchema>;
export const StoreSecretRequestSchema = z.object({ key: z.string().min(1).max(64), value: z.string().min(1).max(8192) }).strict();
export const RemoveSecretRequestSchema = z.object({ key: z.string().min(1).max(64) }).strict();

/** The earlier archive of the ticket the last collection would be compared with. */
export const CompareOfferSchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true), before: z.object({ name: z.string(), collectedAt: z.string() }) }),
  z.object({ available: z.literal(false) }),
]);
export type CompareOffer = z.infer<typeof CompareOfferSchema>;

/** The engine's comparison of the earlier archive with this one: its verdict in both languages, its numbers. */
export const CompareOutcomeSchema = z.object({
  verdict: LocalizedTextSchema,
  /** fail: something got worse; warn: something is still failing; pass: better, or unchanged and fine. */
  level: z.enum(['pass', 'warn', 'fail']),
  counts: z.object({
    warnToPass: z.number().int().nonnegative(),
    failToPass: z.number().int().nonnegative(),
    failToWarn: z.number().int().nonnegative(),
    regressed: z.number().int().nonnegative(),
    stillFailing: z.number().int().nonnegative(),
    otherChanges: z.number().int().nonnegative(),
  }),
  before: z.object({ name: z.string(), collectedAt: z.string().optional() }),
  after: z.object({ name: z.string(), collectedAt: z.string().optional() }),
  /** The file name of 对比报告.html (opened with `openCompareReport`; the path stays in main). */
  reportName: z.string(),
});
export type CompareOutcome = z.infer<typeof CompareOutcomeSchema>;

/** Every method of `window.diagnostics`: its IPC channel, request and response schemas. */
const CH = { ...METHOD_CHANNELS, ...EVENT_CHANNELS };

export const API_METHODS = {
  getDefaults: { channel: CH.getDefaults, request: None, response: DefaultsSchema },
  preview: { channel: CH.preview, request: PreviewRequestSchema, response: PreviewSchema },
  /** Hides the app window, takes the desktop, shows the window again; the PNG stays in main. */
  captureScreenshot: { channel: CH.captureScreenshot, request: None, response: ScreenshotSchema },
  startCollection: { channel: CH.startCollection, request: StartCollectionRequestSchema, response: StartCollectionResponseSchema },
  cancelCollection: { channel: CH.cancelCollection, request: None, response: z.object({ cancelled: z.boolean() }) },
  getUploadState: { channel: CH.getUploadState, request: None, response: UploadStatusSchema },
  retryUpload: { channel: CH.retryUpload, request: None, response: UploadStatusSchema },
  /** Shows the last archive in the file manager (the path never comes from the renderer). */
  openFolder: { channel: CH.openFolder, request: None, response: z.object({ opened: z.boolean() }) },
  /** The basic checklist of the last collection; resolves when it has finished. */
  getChecks: { channel: CH.getChecks, request: None, response: ChecksStateSchema },
  /** Opens the last archive's e-mail draft (.eml) in the mail program; mailto: when that fails. */
  openDraft: { channel: CH.openDraft, request: None, response: OpenDraftResponseSchema },
  /** 完成: closes the app (queued uploads resume at the next start). */
  quitApp: { channel: CH.quitApp, request: None, response: z.object({ quitting: z.boolean() }) },
  /** Upload jobs of earlier collections resumed at this start. */
  getPendingUploads: { channel: CH.getPendingUploads, request: None, response: PendingUploadsSchema },
  /** 复现录制: pictures only with the user's consent, and never when policy forbids screenshots. */
  recordStart: { channel: CH.recordStart, request: RecordStartRequestSchema, response: RecordStatusSchema },
  recordNote: { channel: CH.recordNote, request: RecordNoteRequestSchema, response: RecordStatusSchema },
  recordMark: { channel: CH.recordMark, request: None, response: RecordStatusSchema },
  recordStop: { channel: CH.recordStop, request: None, response: RecordStatusSchema },
  getRecordStatus: { channel: CH.getRecordStatus, request: None, response: RecordStatusSchema },
  /** Which secrets the upload target needs and whether each is stored (never the values). */
  getUploadSecrets: { channel: CH.getUploadSecrets, request: None, response: UploadSecretsSchema },
  /** Encrypts the secret with the OS keychain; nothing is written when it cannot encrypt. */
  storeUploadSecret: { channel: CH.storeUploadSecret, request: StoreSecretRequestSchema, response: UploadSecretsSchema },
  removeUploadSecret: { channel: CH.removeUploadSecret, request: RemoveSecretRequestSchema, response: UploadSecretsSchema },
  /** An earlier archive of the last collection's ticket in the outbox, if any. */
  getCompareOffer: { channel: CH.getCompareOffer, request: None, response: CompareOfferSchema },
  /** Compares that earlier archive with the last collection (the engine's compare) and writes 对比报告.html. */
  compareWithEarlier: { channel: CH.compareWithEarlier, request: None, response: CompareOutcomeSchema },
  /** Opens the last 对比报告.html with its program (the path never comes from the renderer). */
  openCompareReport: { channel: CH.openCompareReport, request: None, response: z.object({ opened: z.boolean() }) },
} as const satisfies { [K in keyof typeof METHOD_CHANNELS]: MethodSpec & { channel: (typeof METHOD_CHANNELS)[K] } };

interface EventSpec {
  channel: string;
  payload: z.ZodType;
}

/** Events main pushes to the renderer; each `on…` method returns its unsubscribe function. */
export const API_EVENTS = {
  onProgress: { channel: CH.onProgress, payload: SessionEventSchema },
  onUploadState: { channel: CH.onUploadState, payload: UploadStatusSchema },
  onDeepLink: { channel: CH.onDeepLink, payload: LinkEventSchema },
  onPendingUploads: { channel: CH.onPendingUploads, payload: PendingUploadsSchema },
} as const satisfies { [K in keyof typeof EVENT_CHANNELS]: EventSpec & { channel: (typeof EVENT_CHANNELS)[K] } };

export type ApiMethodName = keyof typeof API_METHODS;
export type ApiEventName = keyof typeof API_EVENTS;
export type ApiRequest<K extends ApiMethodName> = z.output<(typeof API_METHODS)[K]['request']>;
export type ApiResponse<K extends ApiMethodName> = z.output<(typeof API_METHODS)[K]['response']>;
export type ApiEventPayload<K extends ApiEventName> = z.output<(typeof API_EVENTS)[K]['payload']>;

type MethodOf<S extends MethodSpec> = S['request'] extends z.ZodUndefined
  ? () => Promise<z.output<S['response']>>
  : (request: z.input<S['request']>) => Promise<z.output<S['response']>>;

/** `window.diagnostics`: derived from the two maps, never written by hand. */
export type DiagnosticsApi = { readonly [K in ApiMethodName]: MethodOf<(typeof API_METHODS)[K]> } & {
  readonly [K in ApiEventName]: (listener: (payload: ApiEventPayload<K>) => void) => () => void;
};

/** What main implements: one handler per method, called with the already validated request. */
export type ApiHandlers = { [K in ApiMethodName]: (request: ApiRequest<K>) => Promise<z.input<(typeof API_METHODS)[K]['response']>> };

export { API_ERROR_CODES, DiagnosticsApiError, createDiagnosticsApi, unwrapReply, type ApiErrorCode, type ApiReply, type ApiTransport } from './api-forwarder.js';

// ---------------------------------------------------------------------------------------------
// The reply envelope (the forwarder itself is in api-forwarder.ts, free of zod for the preload)
// ---------------------------------------------------------------------------------------------

/** `invalid-request`: the payload failed the schema; `untrusted-sender`: not our window; `failed`: the handler threw. */
export const ApiErrorCodeSchema = z.enum(API_ERROR_CODES);

/** What travels back over IPC: Electron mangles thrown errors' messages, so failures are data. */
export const ApiReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: ApiErrorCodeSchema, message: z.string(), problem: CodedProblemSchema.optional() }) }),
]);
const _replyMatches: (reply: z.infer<typeof ApiReplySchema>) => ApiReply = (reply) => reply;
