/**
 * The desktop app's logic on plain Node: everything `window.diagnostics` offers (shared/api.ts),
 * implemented with the engine — describe for the preview, and for the collection the one
 * collect-and-send workflow (engine/workflow) the CLI runs too: ticket pre-check, collect,
 * archive, leak check, e-mail draft, triage note and upload. This class only translates the
 * request in and the workflow's events out (progress, the Done screen, the upload state).
 * Electron main only adds its transport (validated IPC) and two OS hooks (desktopCapturer,
 * showItemInFolder); the e2e tests drive this same class through a page binding, so the whole
 * path except Electron's IPC is the real one.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type {
  ApiEventName,
  CompareOffer,
  CompareOutcome,
  ApiEventPayload,
  ApiHandlers,
  CategoryPreview,
  ChecksState,
  CollectionResult,
  Defaults,
  IntakeForm,
  Lock,
  OpenDraftResponse,
  PendingUploads,
  PlanRow,
  Preview,
  Screenshot,
  SessionEvent,
  StartCollectionResponse,
  UploadSecrets,
  UploadStatus,
} from '../../shared/api.js';
import { StartCollectionRequestSchema, uiLocaleFor, type LinkEvent } from '../../shared/api.js';
import type { AfterPublishProblem } from '../../shared/after-publish.js';
import { parseDeepLink } from '../../shared/deep-link.js';
import { englishReason, translator } from '../../shared/i18n/translate.js';
import { collectorAbout } from '../../shared/i18n/collector-text.js';
import { emailSubject, standardName } from '../../shared/naming.js';
import type { PolicyLine } from '../../shared/input-errors.js';
import type { Policy } from '../../shared/policy.js';
import type { Reason } from '../../shared/reasons.js';
import type { CheckResult, LocalizedText, Manifest, Platform, ProblemType, UploadJobView, WorkflowEvent } from '../../shared/types.js';
import { COLLECTORS } from './collectors/index.js';
import { AppRecorder } from './record/app-recorder.js';
import { isPng, pngSize, screenshotCollector } from './collectors/screenshot.js';
import type { Collector, CollectorContext } from './collectors/types.js';
import { productVersion } from './collectors/versions.js';
import { CancelledError, InputError, problemOf } from './errors.js';
import { policyForLink, verifyLink } from './link/signed-link.js';
import { dataDir as defaultDataDir } from './platform/app-paths.js';
import { exec } from './platform/exec.js';
import { expandPath, resolvePathPattern } from './platform/paths.js';
import { CONNECTORS } from './upload/index.js';
import { KeychainUnavailableError, UPLOAD_SECRETS, type KeychainSecrets } from './upload/keychain-secrets.js';
import { secretEnvName } from './upload/credentials.js';
import { presentCompare, verdictText } from './compare/present.js';
import { runCompare } from './compare/run-compare.js';
import { Outbox, writeFileAtomic, type OutboxOptions } from './upload/outbox.js';
import { estimateFor, readLastSizes, type LastSizes } from './collector-sizes.js';
import { UploadError } from './upload/upload-error.js';
import { notTaken, notTakenTotal } from './report/not-collected.js';
import { TOOL_VERSION } from './version.js';
import { planWorkflow, previewWorkflow, runWorkflow, sendAfterLeakCheck, type WorkflowResult } from './workflow/run-workflow.js';
import { jobView, runUploadJob, targetName } from './workflow/upload-stage.js';
import type { SessionOptions } from './session.js';

/** What only the host (Electron main, or a test) can do. */
export interface AppHooks {
  /** The desktop as PNG, taken with the app window out of the way (desktopCapturer in Electron). */
  captureScreen?(): Promise<Buffer>;
  /** Shows a file in the OS file manager (shell.showItemInFolder in Electron). */
  showInFolder?(path: string): void | Promise<void>;
  /** Opens a file with its default program (shell.openPath): '' when it opened, else why not. */
  openPath?(path: string): Promise<string>;
  /** Opens a mailto: URL in the mail program (shell.openExternal). */
  openExternal?(url: string): Promise<void>;
  /** Closes the app (完成). */
  quit?(): void;
}

export interface AppServiceOptions {
  policy: Policy;
  env?: NodeJS.ProcessEnv;
  platform?: Platform;
  host?: string;
  /** OS locale (`zh-CN`, `en-US` …): picks the UI language. */
  locale?: string;
  /** Where the outbox lives; default the platform's data folder (DIAGCOLLECT_DATA_DIR). */
  dataDir?: string;
  collectors?: readonly Collector[];
  /** The `diagcollect://` link the app was opened with, if any. */
  deepLink?: string;
  hooks?: AppHooks;
  /** Outbox retry settings (tests use a long backoff so only an explicit retry runs). */
  outbox?: Pick<OutboxOptions, 'backoff' | 'maxAttempts'>;
  /** Upload secrets kept by the OS keychain (Electron safeStorage); read before the credentials file. */
  keychain?: KeychainSecrets;
  /** Run the basic checklist alongside each collection (default true). */
  runChecks?: boolean;
  now?: () => Date;
  /** One line per notable event; never receives intake text or secrets. */
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  /**
   * What the policy loaded at start changed or refused (main's loadAppPolicy): each bad key as
   * data with the engine's English line; the Done screen says them as the CLI prints them.
   */
  policyProblems?: ReadonlyArray<{ line: PolicyLine; english: string }>;
  /** Test seam (SessionOptions.holdRead): holds a file item's read until the test releases it. */
  holdRead?: SessionOptions['holdRead'];
  /**
   * How long the preview may spend sizing the app-log and config paths (default 3 s); past it the
   * category shows the typical size, not a partial sum. Tests on a loaded machine raise it.
   */
  previewMeasureMs?: number;
}

type Listener<K extends ApiEventName> = (payload: ApiEventPayload<K>) => void;

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
/** A reason code in both languages, from the one catalogue. */
const reasonText = (reason: Reason): LocalizedText => ({ 'zh-CN': translator('zh-CN').reason(reason), en: translator('en').reason(reason) });
const PROGRESS_EMIT_MS = 100;
/** The planner's skip codes that Review shows as a locked category (the rest are not offered). */
const PLAN_LOCKS: Partial<Record<Reason['code'], Lock>> = { platform: 'platform', 'policy-disabled': 'policy-disabled', 'screenshot-forbidden': 'policy-forbidden' };

interface RunningSession {
  id: string;
  abort: AbortController;
  done: Promise<void>;
  /** Hands the session's checklist results to getChecks (first call wins). */
  checksSettled?: (results: CheckResult[]) => void;
}

interface ChecksRun {
  state: ChecksState['state'];
  results: CheckResult[];
  done?: Promise<void>;
}

/** The reporter's own details, remembered between collections (the user's settings, 0600). */
export interface Profile {
  name: string;
  contact: string;
  department: string;
}
const EMPTY_PROFILE: Profile = { name: '', contact: '', department: '' };

/** `<data dir>/profile.json`: who reported last time on this computer. */
export function profileFile(dataDirectory: string): string {
  return join(dataDirectory, 'profile.json');
}

/** The saved profile; an absent or unreadable file is an empty one (it is only a convenience). */
export async function readProfile(dataDirectory: string): Promise<Profile> {
  try {
    const raw = JSON.parse(await readFile(profileFile(dataDirectory), 'utf8')) as Partial<Record<keyof Profile, unknown>>;
    const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 200) : '');
    return { name: str(raw.name), contact: str(raw.contact), department: str(raw.department) };
  } catch {
    return { ...EMPTY_PROFILE };
  }
}

/** A mailto: URL with the standard subject and a body that says where the archive is. */
/**
 * What was not taken, from the manifest (the CLI's "Not taken" lines and the summary page's
 * skipped sources): skipped collectors worth a line each and how many more serve other problem
 * types (report/not-collected.ts), sources skipped with their reason, entries cut short.
 */
export function notTakenOf(manifest: Pick<Manifest, 'collectors' | 'skipped' | 'items'>): Pick<CollectionResult, 'notTaken'> {
  const facts = notTaken(manifest);
  return notTakenTotal(facts) === 0 ? {} : { notTaken: facts };
}

export function mailtoUrl(result: Pick<CollectionResult, 'emailSubject' | 'archivePath' | 'archiveName'>, to = ''): string {
  const body = `${result.archiveName}\n${result.archivePath}\n`;
  return `mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(result.emailSubject)}&body=${encodeURIComponent(body)}`;
}

interface UploadContext {
  jobId: string;
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
}

/** Formats a date as `YYYY-MM-DDTHH:mm` in local time (an `<input type="datetime-local">` value). */
export function localMinute(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A collector that writes the screenshot the user has already seen (taken by the host). */
function providedScreenshot(png: Buffer, source: string): Collector {
  return {
    ...screenshotCollector,
    describe: () => [source],
    async run(ctx) {
      ctx.addBuffer(ctx.name('screenshot'), png, source, 'binary');
    },
  };
}

/** A CollectorContext that only runs commands: for reading a product's version outside a session. */
function commandContext(policy: Policy, platform: Platform, signal: AbortSignal): CollectorContext {
  const ignore = () => {};
  return {
    signal,
    policy,
    platform,
    since: new Date(),
    lang: 'en',
    name: (key) => standardName(key, 'en'),
    exec: (command, args, options = {}) => exec(command, args, { ...options, signal }),
    addText: ignore,
    addJson: ignore,
    addBuffer: ignore,
    addFile: async () => false,
    skip: ignore,
    warn: ignore,
  };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export class AppService {
  readonly #basePolicy: Policy;
  /** A verified signed link may choose the upload target; it applies from the next collection on. */
  #linkPolicy: Policy | undefined;
  /** The policy of the last collection, for its upload and retries. */
  #uploadPolicy: Policy;
  readonly #env: NodeJS.ProcessEnv;
  readonly #platform: Platform;
  readonly #host: string;
  readonly #locale: string | undefined;
  readonly #dataDir: string;
  readonly #collectors: readonly Collector[];
  #redactionPreview?: Promise<Preview['redaction'] | undefined>;
  readonly #hooks: AppHooks;
  readonly #runChecks: boolean;
  readonly #previewMeasureMs: number;
  readonly #holdRead: SessionOptions['holdRead'];
  readonly #keychain: KeychainSecrets | undefined;
  readonly #now: () => Date;
  readonly #log: NonNullable<AppServiceOptions['log']>;
  readonly #outbox: Outbox;
  readonly #recorder: AppRecorder;
  readonly #outboxOptions: AppServiceOptions['outbox'];
  readonly #listeners = new Map<ApiEventName, Set<(payload: never) => void>>();
  readonly #detected: Promise<{ productName: string; productVersion: string }>;
  readonly #lifetime = new AbortController();
  readonly #policyProblems: ReadonlyArray<{ line: PolicyLine; english: string }>;

  #link: LinkEvent | undefined;
  #screenshot: Buffer | undefined;
  #session: RunningSession | undefined;
  #result: CollectionResult | undefined;
  /** The workflow's result for the last collection: a blocked upload is sent from it on request. */
  #workflowResult: WorkflowResult | undefined;
  #workflowRun: Promise<void> | undefined;
  #upload: UploadStatus;
  #uploadContext: UploadContext | undefined;
  #checks: ChecksRun = { state: 'none', results: [] };
  /** Jobs of earlier collections found queued at start, as last reported. */
  readonly #pending = new Map<string, PendingUploads['jobs'][number]>();
  readonly #pendingTimers = new Set<NodeJS.Timeout>();
  #resumed: Promise<void> | undefined;

  constructor(options: AppServiceOptions) {
    this.#basePolicy = options.policy;
    this.#uploadPolicy = options.policy;
    this.#env = options.env ?? process.env;
    this.#platform = options.platform ?? (process.platform as Platform);
    this.#host = options.host ?? os.hostname();
    this.#locale = options.locale;
    this.#dataDir = options.dataDir ?? defaultDataDir(this.#env);
    this.#collectors = options.collectors ?? COLLECTORS;
    this.#hooks = options.hooks ?? {};
    this.#runChecks = options.runChecks ?? true;
    this.#previewMeasureMs = options.previewMeasureMs ?? 3_000;
    this.#holdRead = options.holdRead;
    this.#keychain = options.keychain;
    this.#now = options.now ?? (() => new Date());
    this.#log = options.log ?? (() => {});
    this.#policyProblems = options.policyProblems ?? [];
    this.#outbox = new Outbox({ dataDir: this.#dataDir, ...options.outbox });
    this.#recorder = new AppRecorder({ dataDir: this.#dataDir, policy: () => this.#policy, platform: this.#platform, env: this.#env });
    this.#outboxOptions = options.outbox;
    this.#upload = this.#uploadBase('none');
    if (options.deepLink) this.#link = this.#acceptLink(options.deepLink);
    // Started now so the form can be prefilled without waiting for the product's version command.
    this.#detected = this.#detectProduct();
  }

  // -------------------------------------------------------------------------------------------
  // Uploads left queued by an earlier start (the app was closed, the server was down)
  // -------------------------------------------------------------------------------------------

  /**
   * Resumes the outbox's queued jobs: each is tried once now — a new start is a new chance (the
   * network may be back), so the backoff of the last run is not waited out — through the
   * workflow's upload stage (the same as Retry), and again when its backoff ends while the app
   * is open. Main calls this once
   * at start; the Start screen shows the jobs (`getPendingUploads`, `onPendingUploads`).
   */
  resumeQueuedUploads(): Promise<void> {
    this.#resumed ??= (async () => {
      const jobs = await this.#outbox.unfinished().catch(() => []);
      const queued = jobs.filter((j) => j.state === 'queued' || j.state === 'uploading');
      for (const job of queued) this.#pending.set(job.id, this.#pendingView(jobView(job)));
      if (queued.length > 0) this.#log('info', `resuming ${queued.length} queued upload(s) from an earlier start`);
      this.#emitPending();
      for (const job of queued) await this.#runPending(job.id, true);
    })();
    return this.#resumed;
  }

  async #runPending(jobId: string, now = false): Promise<void> {
    if (this.#lifetime.signal.aborted) return;
    try {
      const job = await runUploadJob(jobId, {
        outbox: this.#outbox,
        policy: this.#basePolicy,
        env: await this.#uploadEnv(),
        dataDir: this.#dataDir,
        signal: this.#lifetime.signal,
        force: now,
        emit: (event) => {
          if (event.type !== 'upload') return;
          this.#pending.set(jobId, this.#pendingView(event.job));
          if (event.step !== 'progress') this.#emitPending();
        },
      });
      const view = jobView(job);
      this.#pending.set(jobId, this.#pendingView(view));
      this.#log(view.state === 'done' ? 'info' : 'warn', `resumed upload job ${jobId}: ${view.state}`);
      if (view.state === 'queued' && view.nextAttemptAt && !this.#lifetime.signal.aborted) {
        const timer = setTimeout(() => {
          this.#pendingTimers.delete(timer);
          void this.#runPending(jobId, false);
        }, Math.max(250, Date.parse(view.nextAttemptAt) - Date.now()));
        timer.unref();
        this.#pendingTimers.add(timer);
      }
    } catch (err) {
      this.#log('warn', `resumed upload job ${jobId} could not run: ${errorMessage(err)}`);
    }
    this.#emitPending();
  }

  #pendingView(view: UploadJobView): PendingUploads['jobs'][number] {
    return { ...view, targetName: targetName(view.target) };
  }

  #emitPending(): void {
    this.#emit('onPendingUploads', { jobs: [...this.#pending.values()] });
  }

  async getPendingUploads(): Promise<PendingUploads> {
    return { jobs: [...this.#pending.values()] };
  }

  /**
   * How many archives are waiting to be sent (earlier ones resumed at start, and this start's
   * own): main asks before the window closes while this is not 0.
   */
  waitingUploads(): number {
    const earlier = [...this.#pending.values()].filter((j) => j.state === 'queued' || j.state === 'uploading').length;
    const current = this.#upload.state === 'queued' || this.#upload.state === 'uploading' ? 1 : 0;
    return earlier + current;
  }

  get #policy(): Policy {
    return this.#linkPolicy ?? this.#basePolicy;
  }

  // -------------------------------------------------------------------------------------------
  // Events
  // -------------------------------------------------------------------------------------------

  /** Subscribes to one of the API's events; returns the unsubscribe function. */
  on<K extends ApiEventName>(name: K, listener: Listener<K>): () => void {
    let set = this.#listeners.get(name);
    if (!set) this.#listeners.set(name, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => set.delete(listener as (payload: never) => void);
  }

  #emit<K extends ApiEventName>(name: K, payload: ApiEventPayload<K>): void {
    for (const listener of this.#listeners.get(name) ?? []) {
      try {
        (listener as Listener<K>)(payload);
      } catch (err) {
        this.#log('warn', `a ${name} listener threw: ${errorMessage(err)}`);
      }
    }
  }

  /** A `diagcollect://` link opened while the app runs (second instance, macOS open-url). */
  handleDeepLink(raw: string): void {
    const link = this.#acceptLink(raw);
    this.#link = link;
    this.#emit('onDeepLink', link);
  }

  /**
   * A signed link (it has `sig`, or policy names link-signing keys, and then every link must be
   * signed) is verified against policy and may choose the upload target; without keys in policy
   * the plain `diagcollect://collect?ticket=…` link only prefills the ticket.
   */
  #acceptLink(raw: string): LinkEvent {
    const mustBeSigned = /[?&]sig=/.test(raw) || (this.#basePolicy.linkSigning?.publicKeys.length ?? 0) > 0;
    if (mustBeSigned) {
      const verified = verifyLink(raw, this.#basePolicy, this.#now());
      this.#log(verified.ok ? 'info' : 'warn', verified.ok ? `signed link for ticket ${verified.ticket} (key ${verified.keyId})` : `link refused: ${verified.error}`);
      if (!verified.ok) return { ok: false, reason: verified.reason };
      this.#linkPolicy = policyForLink(this.#basePolicy, verified);
      return { ok: true, ticket: verified.ticket, locked: true, ...(verified.problemType ? { problemType: verified.problemType } : {}) };
    }
    const parsed = parseDeepLink(raw);
    this.#log(parsed.ok ? 'info' : 'warn', parsed.ok ? `link for ticket ${parsed.ticket}` : `link refused: ${parsed.error}`);
    if (!parsed.ok) return { ok: false, reason: parsed.reason };
    this.#linkPolicy = undefined;
    return { ok: true, ticket: parsed.ticket };
  }

  // -------------------------------------------------------------------------------------------
  // The API
  // -------------------------------------------------------------------------------------------

  /** The handler table main registers (and the e2e bridge uses): one entry per API method. */
  handlers(): ApiHandlers {
    return {
      getDefaults: () => this.getDefaults(),
      preview: (request) => this.preview(request.exclude, request.problemType, request.includeScreenshot),
      captureScreenshot: () => this.captureScreenshot(),
      startCollection: (request) => this.startCollection(request),
      cancelCollection: () => this.cancelCollection(),
      getUploadState: () => this.getUploadState(),
      retryUpload: () => this.retryUpload(),
      openFolder: () => this.openFolder(),
      getChecks: () => this.getChecks(),
      openDraft: () => this.openDraft(),
      quitApp: () => this.quitApp(),
      getPendingUploads: () => this.getPendingUploads(),
      recordStart: (request) => this.#recorder.start(request),
      recordNote: async (request) => this.#recorder.note(request.text),
      recordMark: async () => this.#recorder.mark(),
      recordStop: () => this.#recorder.stop(),
      getRecordStatus: async () => this.#recorder.status(),
      getUploadSecrets: () => this.uploadSecrets(),
      storeUploadSecret: (request) => this.setUploadSecret(request.key, request.value),
      removeUploadSecret: (request) => this.removeUploadSecret(request.key),
      getCompareOffer: () => this.getCompareOffer(),
      compareWithEarlier: () => this.compareWithEarlier(),
      openCompareReport: () => this.openCompareReport(),
    };
  }

  async getDefaults(): Promise<Defaults> {
    const [detected, profile] = await Promise.all([Promise.race([this.#detected, delay(1_500, undefined, { ref: false })]), readProfile(this.#dataDir)]);
    const link = this.#link;
    const target = this.#policy.upload.target;
    return {
      appVersion: TOOL_VERSION,
      locale: uiLocaleFor(this.#locale ?? Intl.DateTimeFormat().resolvedOptions().locale),
      platform: this.#platform,
      host: this.#host,
      ticket: link?.ok ? link.ticket : '',
      ticketSource: link?.ok ? 'link' : 'none',
      ticketLocked: Boolean(link?.ok && link.locked),
      profile,
      ...(link && !link.ok ? { linkError: link.reason } : {}),
      intake: { productName: detected?.productName ?? '', productModel: '', productVersion: detected?.productVersion ?? '', occurredAt: localMinute(this.#now()) },
      archiveLanguage: this.#policy.archiveLanguage,
      screenshot: this.#policy.screenshotAllowed ? 'allowed' : 'forbidden',
      upload: { target, targetName: target === 'outbox' ? 'outbox' : (CONNECTORS.find((c) => c.id === target)?.displayName.en ?? target) },
    };
  }

  /**
   * Every category: what it reads, its size estimate, whether the user may switch it. The
   * planner the collection runs (`planWorkflow`) decides each one, so Review shows exactly its
   * plan: what it runs is offered, what the platform or IT rules out is shown locked, what the
   * problem type (or policy's gate) leaves out is not offered, and what the user switched off
   * stays offered but unticked. Consent is granted here only to list the screenshot: it stays
   * unticked until the user turns it on.
   */
  async preview(exclude: readonly string[] = [], problemType?: ProblemType, includeScreenshot = false): Promise<Preview> {
    const known = new Set(this.#collectors.map((c) => c.id));
    const { plan } = planWorkflow({
      collectors: this.#collectors,
      policy: this.#policy,
      platform: this.#platform,
      skip: exclude.filter((id) => known.has(id)),
      consentSensitive: true,
      ...(problemType ? { intake: { problemType } } : {}),
    });
    const skipped = new Map(plan.skipped.map((s) => [s.collector.id, s.code.code]));
    const offered = this.#collectors.flatMap((c): Array<{ c: Collector; lock?: Lock; included: boolean }> => {
      const code = skipped.get(c.id);
      // The screenshot counts once the user attached the one taken (ui26: the total is the engine's).
      if (code === undefined) return [{ c, included: c.sensitive ? c.category === 'screenshot' && includeScreenshot && this.#screenshot !== undefined : true }];
      if (code === 'left-out') return [{ c, included: false }];
      const lock = PLAN_LOCKS[code];
      return lock ? [{ c, lock, included: false }] : [];
    });
    const last = await readLastSizes(this.#dataDir);
    const [categories, redaction] = await Promise.all([Promise.all(offered.map((o) => this.#previewOne(o.c, o.included, o.lock, last))), this.#redactionSamples()]);
    const totalBytes = categories.filter((c) => c.included).reduce((sum, c) => sum + c.estimate.bytes, 0);
    return { platform: this.#platform, categories, totalBytes, ...(redaction && redaction.samples.length > 0 ? { redaction } : {}) };
  }

  /**
   * Real examples of what redaction will hide on this computer: the engine's dry run (every
   * collector but the screenshot, nothing written), once per app start, at most 8 s; the sample
   * shows the entry and the redacted line around the placeholder, never the secret.
   */
  #redactionSamples(): Promise<Preview['redaction'] | undefined> {
    this.#redactionPreview ??= (async () => {
      const abort = AbortSignal.timeout(8_000);
      const preview = await previewWorkflow({
        ticket: 'preview',
        policy: this.#policy,
        platform: this.#platform,
        collectors: this.#collectors.filter((c) => !c.sensitive),
        signal: AbortSignal.any([abort, this.#lifetime.signal]),
        samplesPerItem: 2,
      });
      // The engine's preview names each type (手机号 / phone number) and counts it; rendered as it is.
      const types = preview.redaction.types;
      const samples = types.flatMap((type) => type.samples.map((s) => ({ rule: type.name, before: s.entry, after: s.context })));
      return { samples: samples.slice(0, 8), types: types.map((type) => ({ rule: type.name, count: type.count })) };
    })().catch((err: unknown) => {
      this.#log('warn', `redaction preview unavailable: ${errorMessage(err)}`);
      return undefined;
    });
    return this.#redactionPreview;
  }

  /** One category of the plan: what it reads and how much, with the planner's verdict on it. */
  async #previewOne(c: Collector, included: boolean, lock: Lock | undefined, last: LastSizes): Promise<CategoryPreview> {
    const policy = this.#policy;
    const available = lock !== 'platform';
    const reads = available ? c.describe(this.#platform, policy) : [];
    // Its size in the last collection here, else its own typical size (collector-sizes.ts), never another item's.
    let estimate: CategoryPreview['estimate'] = estimateFor(c.id, last);
    let note: LocalizedText | undefined;
    if (c.id === 'app-logs' || c.id === 'config') {
      const patterns = c.id === 'app-logs' ? policy.appLogPaths : policy.configPaths;
      // ui26: the collector's own reason, the words Done, the CLI and the summary page say for it.
      if (patterns.length === 0) note = reasonText({ code: 'not-configured', policyKey: c.id === 'app-logs' ? 'policy.appLogPaths' : 'policy.configPaths' });
      const measured = lock ? 0 : await this.#measurePaths(patterns);
      // Cut by its time budget (a slow share, a busy disk): the typical size, not a partial sum shown as measured.
      if (measured !== undefined) estimate = { bytes: measured, basis: 'measured' };
    }
    if (c.category === 'screenshot' && this.#screenshot) estimate = { bytes: this.#screenshot.length, basis: 'measured' };
    return {
      id: c.id,
      category: c.category,
      title: c.title,
      about: collectorAbout(c.id),
      reads,
      sensitive: c.sensitive,
      included,
      ...(lock ? { lock } : {}),
      estimate,
      ...(note ? { note } : {}),
    };
  }

  /**
   * What the path-list collectors would take: file sizes, capped as the collector caps them;
   * undefined when the time budget ran out before every pattern was sized.
   */
  async #measurePaths(patterns: readonly string[]): Promise<number | undefined> {
    const { caps } = this.#policy;
    const signal = this.#previewMeasureMs > 0 ? AbortSignal.timeout(this.#previewMeasureMs) : AbortSignal.abort();
    const seen = new Set<string>();
    let total = 0;
    for (const pattern of patterns) {
      const expanded = expandPath(pattern, this.#env, this.#platform);
      if (!expanded.ok) continue;
      const resolved = await resolvePathPattern(expanded.path, { maxFiles: caps.filesPerPath, signal, platform: this.#platform }).catch(() => undefined);
      if (signal.aborted) return undefined;
      for (const f of resolved?.files ?? []) {
        if (seen.has(f.path)) continue;
        seen.add(f.path);
        total += Math.min(f.size, caps.fileBytes);
      }
    }
    return Math.min(total, caps.collectorBytes);
  }

  async captureScreenshot(): Promise<Screenshot> {
    if (!this.#policy.screenshotAllowed) return { available: false, reason: t('IT 策略不允许截图', 'Your IT policy does not allow screenshots') };
    let png: Buffer | undefined;
    let why = '';
    try {
      png = this.#hooks.captureScreen ? await this.#hooks.captureScreen() : await this.#captureWithCollector();
    } catch (err) {
      why = errorMessage(err);
    }
    if (!png || !isPng(png)) {
      this.#log('warn', `screenshot not available: ${why || 'no picture'}`);
      return { available: false, reason: t(`无法截图：${why || '没有图像'}`, `The screenshot could not be taken: ${why || 'no picture'}`) };
    }
    this.#screenshot = png;
    const { width, height } = pngSize(png);
    return { available: true, dataUrl: `data:image/png;base64,${png.toString('base64')}`, width, height, bytes: png.length };
  }

  /** Without a host hook (plain Node), the CLI's screenshot collector takes the picture. */
  async #captureWithCollector(): Promise<Buffer> {
    let png: Buffer | undefined;
    let reason = 'no picture';
    const ctx: CollectorContext = {
      ...commandContext(this.#policy, this.#platform, AbortSignal.timeout(screenshotCollector.timeoutMs)),
      addBuffer: (_name, data) => {
        png = data;
      },
      skip: (_source, why) => {
        reason = typeof why === 'string' ? why : englishReason(why);
      },
    };
    await screenshotCollector.run(ctx);
    if (!png) throw new Error(reason);
    return png;
  }

  async startCollection(raw: unknown): Promise<StartCollectionResponse> {
    // Main validated the payload already; parsing again keeps the service safe for any caller.
    const request = StartCollectionRequestSchema.parse(raw);
    if (this.#session) throw InputError.coded('collection-running', {}, 'a collection is already running; wait for it to finish or cancel it');
    const screenshot = request.includeScreenshot ? this.#screenshot : undefined;
    const collectors = [
      ...this.#collectors.map((c) => (c.category === 'screenshot' && screenshot ? providedScreenshot(screenshot, 'desktop screenshot (seen by the user before collecting)') : c)),
      // 复现录制: a stopped recording of this ticket goes into the archive as one more collector.
      ...this.#recorder.collectorsFor(request.ticket, request.includeScreenshot),
    ];
    const { plan } = planWorkflow({ collectors, policy: this.#policy, platform: this.#platform, skip: request.exclude, consentSensitive: request.includeScreenshot });
    const skippedIds = new Map(plan.skipped.map((s) => [s.collector.id, s.code]));
    const rows: PlanRow[] = collectors.map((c) => {
      const why = skippedIds.get(c.id);
      return why === undefined ? { id: c.id, title: c.title, status: 'waiting' } : { id: c.id, title: c.title, status: 'skipped', reason: why };
    });
    // The order the session runs them: waiting rows first in run order, skipped after.
    const order = new Map([...plan.run, ...plan.skipped.map((s) => s.collector)].map((c, i) => [c.id, i]));
    rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));

    const id = randomBytes(6).toString('hex');
    const startedAt = this.#now();
    this.#uploadPolicy = this.#policy;
    const abort = new AbortController();
    this.#result = undefined;
    this.#compareReport = undefined;
    this.#stopUploadTimer();
    this.#uploadContext = undefined;
    this.#setUpload(this.#uploadBase('none'));
    this.#log('info', `collection ${id} started for ticket ${request.ticket}: ${plan.run.length} collectors, ${plan.skipped.length} skipped`);
    void this.#saveProfile(request.intake);

    const session: RunningSession = { id, abort, done: Promise.resolve() };
    this.#session = session;
    // The session runs the checklist beside the collectors (its results also go into the
    // archive); the Done screen shows the same results: one run, one set of data.
    let checksSettled: () => void = () => {};
    const checks: ChecksRun = { state: this.#runChecks ? 'running' : 'none', results: [] };
    checks.done = new Promise<void>((resolve) => (checksSettled = resolve));
    this.#checks = checks;
    session.checksSettled = (results) => {
      if (checks.state === 'done') return;
      checks.results = results;
      checks.state = this.#runChecks ? 'done' : 'none';
      checksSettled();
    };
    // Reply first, then start: the rows reach the window before the first progress event.
    session.done = new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
      this.#collect(session, { ticket: request.ticket, intake: request.intake, exclude: request.exclude, consent: request.includeScreenshot, collectors }),
    );
    // The workflow goes on after the Done screen (its upload): dispose waits for it.
    this.#workflowRun = session.done;
    return { sessionId: id, startedAt: startedAt.toISOString(), rows };
  }

  async #collect(
    session: RunningSession,
    args: { ticket: string; intake: IntakeForm; exclude: string[]; consent: boolean; collectors: readonly Collector[] },
  ): Promise<void> {
    const emit = (event: SessionEvent) => this.#emit('onProgress', event);
    let archived: Extract<WorkflowEvent, { type: 'archived' }> | undefined;
    let leakCheck: WorkflowResult['leakCheck'] | undefined;
    let ticketCheck: CollectionResult['ticketCheck'];
    let finished = false;
    // The Done screen appears once the archive and its draft exist; the upload goes on after.
    const finish = (emailDraft: string, draftProblem?: AfterPublishProblem) => {
      if (!archived || finished) return;
      finished = true;
      const { archive, manifest } = archived;
      // The engine's facts as they are: what was cleaned, found, not mended, not written.
      const afterPublish = [...(archived.afterPublish ?? []), ...(draftProblem ? [draftProblem] : [])];
      const done: CollectionResult = {
        ticket: args.ticket,
        archiveName: archive.name,
        archivePath: archive.path,
        bytes: archive.bytes,
        sha256: archive.sha256,
        items: archive.entries,
        emailDraft,
        emailSubject: emailSubject(args.ticket),
        collectors: manifest.collectors,
        partial: archived.partial,
        startedAt: manifest.startedAt,
        finishedAt: manifest.finishedAt,
        ...(manifest.redaction?.mended?.length ? { mended: manifest.redaction.mended } : {}),
        ...(manifest.intakeCleaned?.length ? { intakeCleaned: manifest.intakeCleaned } : {}),
        ...(manifest.redaction && Object.values(manifest.redaction.totals).some((n) => n > 0)
          ? { redaction: { totals: manifest.redaction.totals, ...(manifest.redaction.example ? { example: manifest.redaction.example } : {}) } }
          : {}),
        ...(leakCheck && leakCheck.state !== 'clean'
          ? { leakCheck: { state: leakCheck.state, leaks: leakCheck.leaks, ...(leakCheck.notMended ? { notMended: leakCheck.notMended } : {}) } }
          : {}),
        ...(afterPublish.length > 0 ? { afterPublish } : {}),
        ...(ticketCheck ? { ticketCheck } : {}),
        ...notTakenOf(manifest),
        ...(this.#policyProblems.length > 0 ? { policyProblems: [...this.#policyProblems] } : {}),
      };
      this.#result = done;
      if (this.#session === session) this.#session = undefined;
      this.#log('info', `collection ${session.id} finished: ${archive.name} (${archive.bytes} bytes${archived.partial ? ', incomplete' : ''})`);
      if (this.#upload.state === 'none') this.#setUpload({ ...this.#uploadBase(this.#uploadPolicy.upload.target === 'outbox' ? 'local' : 'queued'), totalBytes: archive.bytes });
      emit({ type: 'finished', sessionId: session.id, result: done });
    };
    const onEvent = (event: WorkflowEvent) => {
      switch (event.type) {
        case 'progress':
          return emit({ type: 'progress', sessionId: session.id, event: event.event });
        case 'ticket':
          // The title the ticket system reported: the Done screen shows it, so the user sees the right ticket.
          if (event.state === 'found' && event.title !== undefined) ticketCheck = { targetName: event.targetName, title: event.title, ...(event.lookedUp === false ? { lookedUp: false } : {}) };
          return this.#log(event.state === 'found' ? 'info' : 'warn', `ticket ${event.ticket} on ${event.targetName}: ${event.state === 'found' ? 'found' : `not checked (${event.reason ?? ''})`}`);
        case 'archived':
          archived = event;
          return session.checksSettled?.(event.checks);
        case 'leak-check':
          leakCheck = event.check;
          return this.#onLeakCheck(event.check, archived?.archive.bytes ?? 0);
        case 'draft':
          return finish(event.path);
        case 'draft-failed':
          this.#log('warn', `e-mail draft not written: ${event.reason}`);
          return finish('', event.problem);
        case 'upload':
          return this.#onUploadEvent(event);
      }
    };
    try {
      const result = await runWorkflow({
        ticket: args.ticket,
        intake: args.intake,
        policy: this.#policy,
        outDir: join(this.#dataDir, 'outbox', args.ticket),
        dataDir: this.#dataDir,
        env: await this.#uploadEnv(),
        collectors: args.collectors,
        ...(this.#runChecks ? {} : { checks: [] }),
        skip: args.exclude,
        consentSensitive: args.consent,
        platform: this.#platform,
        host: this.#host,
        now: this.#now,
        signal: session.abort.signal,
        // The upload outlives the collection (Cancel stops collecting, not a running upload).
        uploadSignal: this.#lifetime.signal,
        ...(this.#outboxOptions ? { outbox: this.#outboxOptions } : {}),
        ...(this.#holdRead ? { holdRead: this.#holdRead } : {}),
        onEvent,
      });
      this.#workflowResult = result;
      // A step that failed after the Done screen appeared (the upload job record): said there too.
      const shown = this.#result?.afterPublish ?? [];
      if (this.#result && result.afterPublish.length > shown.length) {
        this.#result = { ...this.#result, afterPublish: result.afterPublish };
        emit({ type: 'after-publish', sessionId: session.id, afterPublish: result.afterPublish });
      }
      // No job record could be written: nothing will send the archive, which waits with its draft
      // (not "sending…" for ever). The after-publish card says why and what to do.
      if (!result.upload && this.#upload.state === 'queued' && result.afterPublish.some((p) => p.step === 'job-record' && !p.queued)) {
        this.#setUpload({ ...this.#uploadBase('local'), totalBytes: result.archive.bytes });
      }
      if (result.upload) this.#afterJob(result.upload.id, jobView(result.upload));
    } catch (err) {
      if (this.#session === session) this.#session = undefined;
      if (finished) {
        // Collected, but the upload could not start (settings, credentials): the archive is kept.
        this.#uploadFailedBeforeJob(err, this.#result?.bytes ?? 0);
      } else if (err instanceof CancelledError || session.abort.signal.aborted) {
        this.#log('info', `collection ${session.id} cancelled`);
        emit({ type: 'cancelled', sessionId: session.id });
      } else {
        this.#log('error', `collection ${session.id} failed: ${errorMessage(err)}`);
        emit({ type: 'failed', sessionId: session.id, message: errorMessage(err), problem: problemOf(err) });
      }
    } finally {
      session.checksSettled?.([]);
      if (this.#session === session) this.#session = undefined;
    }
  }

  async cancelCollection(): Promise<{ cancelled: boolean }> {
    const session = this.#session;
    if (!session) return { cancelled: false };
    session.abort.abort(new CancelledError());
    // Resolve once nothing is left behind: the partial archive is removed by the session.
    await session.done;
    return { cancelled: true };
  }

  /**
   * Opens the e-mail draft (.eml) in the user's mail program; when there is no draft or no
   * program for .eml files, a mailto: with the standard subject (the user attaches the archive).
   */
  async openDraft(): Promise<OpenDraftResponse> {
    const result = this.#result;
    if (!result) return { opened: 'none' };
    if (result.emailDraft && this.#hooks.openPath) {
      const problem = await this.#hooks.openPath(result.emailDraft).catch((err: unknown) => errorMessage(err));
      if (!problem) {
        this.#log('info', 'e-mail draft opened in the mail program');
        return { opened: 'draft' };
      }
      this.#log('warn', `e-mail draft could not be opened (${problem}); trying mailto:`);
    }
    if (!this.#hooks.openExternal) return { opened: 'none' };
    try {
      await this.#hooks.openExternal(mailtoUrl(result, this.#uploadPolicy.upload.smtp?.to?.[0] ?? ''));
      return { opened: 'mailto' };
    } catch (err) {
      this.#log('warn', `mailto: could not be opened: ${errorMessage(err)}`);
      return { opened: 'none' };
    }
  }

  /** 完成: the host closes the app; uploads still queued resume at the next start. */
  async quitApp(): Promise<{ quitting: boolean }> {
    if (!this.#hooks.quit) return { quitting: false };
    // After the reply has gone out, so the window is not torn down mid-call.
    setImmediate(() => this.#hooks.quit?.());
    return { quitting: true };
  }

  /**
   * The environment the upload connectors read their secrets from: the keychain's secrets under
   * their DIAGCOLLECT_<TARGET>_<SECRET> names, with a variable set in the real environment
   * winning (IT's scripts); the credentials file comes after both (credentials.ts).
   */
  async #uploadEnv(): Promise<NodeJS.ProcessEnv> {
    if (!this.#keychain) return this.#env;
    const { env, unreadable } = await this.#keychain.env();
    if (unreadable.length > 0) this.#log('warn', `keychain secrets that could not be decrypted were left out: ${unreadable.join(', ')}`);
    const merged: NodeJS.ProcessEnv = { ...this.#env };
    for (const [name, value] of Object.entries(env)) if (!merged[name]) merged[name] = value;
    return merged;
  }

  /** Stores an upload secret in the OS keychain (never in plain text); the next upload uses it. */
  async storeUploadSecret(target: string, key: string, value: string): Promise<void> {
    if (!this.#keychain) throw new Error('no keychain in this host: set the secret in the environment or the credentials file');
    await this.#keychain.set(target, key, value);
    this.#log('info', `upload secret ${target}.${key} stored in the OS keychain`);
  }

  /**
   * The secrets the configured upload target needs and where each is: stored in the keychain,
   * set in the environment (IT's, which wins), or missing. Never a value.
   */
  async uploadSecrets(): Promise<UploadSecrets> {
    const target = this.#policy.upload.target;
    const keychain = this.#keychain;
    const stored = new Set(keychain ? await keychain.names() : []);
    return {
      target,
      targetName: targetName(target),
      keychain: !keychain ? 'none' : keychain.available() ? 'available' : 'unavailable',
      secrets: UPLOAD_SECRETS.filter((s) => s.target === target).map((s) => {
        const envName = secretEnvName(s);
        return { key: s.key, envName, stored: stored.has(envName), fromEnvironment: Boolean(this.#env[envName]?.trim()) };
      }),
    };
  }

  /** The app's 上传设置: stores one secret of the current target; a refusal is a code the window words. */
  async setUploadSecret(key: string, value: string): Promise<UploadSecrets> {
    const target = this.#policy.upload.target;
    const error = await this.#secretChange(key, async (keychain) => {
      await keychain.set(target, key, value);
      this.#log('info', `upload secret ${target}.${key} stored in the OS keychain`);
    });
    return { ...(await this.uploadSecrets()), ...(error ? { error } : { outcome: 'stored' as const }) };
  }

  async removeUploadSecret(key: string): Promise<UploadSecrets> {
    const target = this.#policy.upload.target;
    const error = await this.#secretChange(key, async (keychain) => {
      if (await keychain.remove(target, key)) this.#log('info', `upload secret ${target}.${key} removed from the OS keychain`);
    });
    return { ...(await this.uploadSecrets()), ...(error ? { error } : { outcome: 'removed' as const }) };
  }

  async #secretChange(key: string, change: (keychain: KeychainSecrets) => Promise<void>): Promise<UploadSecrets['error']> {
    const target = this.#policy.upload.target;
    if (!UPLOAD_SECRETS.some((s) => s.target === target && s.key === key)) return 'unknown-secret';
    if (!this.#keychain) return 'no-keychain';
    try {
      await change(this.#keychain);
      return undefined;
    } catch (err) {
      if (err instanceof KeychainUnavailableError) {
        this.#log('warn', `upload secret ${target}.${key} not stored: the OS keychain is not available`);
        return 'keychain-unavailable';
      }
      this.#log('error', `upload secret ${target}.${key} not changed: ${errorMessage(err)}`);
      return 'write-failed';
    }
  }

  // -------------------------------------------------------------------------------------------
  // 这次修复有效吗？ (issue 17): the last collection against an earlier one of the same ticket
  // -------------------------------------------------------------------------------------------

  #compareReport: string | undefined;

  /** The newest other archive of the last collection's ticket in the outbox. */
  async #earlierArchive(): Promise<{ path: string; name: string; collectedAt: string } | undefined> {
    const result = this.#result;
    if (!result) return undefined;
    const dir = join(this.#dataDir, 'outbox', result.ticket);
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.zip') && !n.startsWith('.') && n !== result.archiveName);
    const found = await Promise.all(names.map(async (name) => ({ name, path: join(dir, name), mtime: (await stat(join(dir, name)).catch(() => undefined))?.mtime })));
    const newest = found.filter((f) => f.mtime).sort((a, b) => b.mtime!.getTime() - a.mtime!.getTime())[0];
    return newest && { path: newest.path, name: newest.name, collectedAt: newest.mtime!.toISOString() };
  }

  async getCompareOffer(): Promise<CompareOffer> {
    const earlier = await this.#earlierArchive();
    return earlier ? { available: true, before: { name: earlier.name, collectedAt: earlier.collectedAt } } : { available: false };
  }

  /**
   * Compares the earlier archive with the one just made, with the engine's compare (the same as
   * `diagcollect compare`), and writes 对比报告.html beside them. The verdict is the engine's
   * words in both languages; the window only shows them.
   */
  async compareWithEarlier(): Promise<CompareOutcome> {
    const result = this.#result;
    const earlier = await this.#earlierArchive();
    if (!result || !earlier) throw InputError.coded('compare-no-earlier', {}, 'there is no earlier archive of this ticket to compare with');
    const compared = await runCompare({ before: earlier.path, after: result.archivePath, policy: this.#uploadPolicy, env: this.#env, dataDir: this.#dataDir, signal: this.#lifetime.signal });
    this.#compareReport = compared.reportPath;
    const { report } = compared;
    this.#log('info', `compared ${earlier.name} with ${result.archiveName}: ${verdictText(report.verdict, 'en')}`);
    const side = (s: typeof report.before) => ({ name: s.name, ...(s.collectedAt ? { collectedAt: s.collectedAt } : {}) });
    return {
      verdict: { 'zh-CN': verdictText(report.verdict, 'zh-CN'), en: verdictText(report.verdict, 'en') },
      level: presentCompare(report, compared.lang).verdictLevel,
      counts: report.verdict,
      before: side(report.before),
      after: side(report.after),
      reportName: basename(compared.reportPath),
    };
  }

  async openCompareReport(): Promise<{ opened: boolean }> {
    if (!this.#compareReport || !this.#hooks.openPath) return { opened: false };
    const problem = await this.#hooks.openPath(this.#compareReport).catch((err: unknown) => errorMessage(err));
    if (problem) this.#log('warn', `compare report could not be opened: ${problem}`);
    return { opened: !problem };
  }

  /** Remembers who reported (name, contact, department) for the next collection's form. */
  async #saveProfile(intake: IntakeForm): Promise<void> {
    const profile: Profile = { name: intake.name, contact: intake.contact, department: intake.department };
    try {
      await mkdir(this.#dataDir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(profileFile(this.#dataDir), `${JSON.stringify(profile, null, 2)}\n`);
    } catch (err) {
      this.#log('warn', `profile not saved: ${errorMessage(err)}`);
    }
  }

  async openFolder(): Promise<{ opened: boolean }> {
    if (!this.#result || !this.#hooks.showInFolder) return { opened: false };
    await this.#hooks.showInFolder(this.#result.archivePath);
    return { opened: true };
  }

  // -------------------------------------------------------------------------------------------
  // Checks
  // -------------------------------------------------------------------------------------------

  async getChecks(): Promise<ChecksState> {
    const checks = this.#checks;
    await checks.done;
    return { state: checks.state, results: checks.results };
  }

  // -------------------------------------------------------------------------------------------
  // Upload
  // -------------------------------------------------------------------------------------------

  #targetName(): string {
    const target = this.#uploadPolicy.upload.target;
    if (target === 'outbox') return 'outbox';
    return CONNECTORS.find((c) => c.id === target)?.displayName.en ?? target;
  }

  #uploadBase(state: UploadStatus['state']): UploadStatus {
    return { target: this.#uploadPolicy.upload.target, targetName: this.#targetName(), state, sentBytes: 0, totalBytes: 0, attempts: 0 };
  }

  #setUpload(status: UploadStatus): void {
    this.#upload = status;
    this.#emit('onUploadState', status);
  }

  #statusOf(job: UploadJobView, sentBytes = 0): UploadStatus {
    return {
      ...this.#uploadBase(job.state),
      sentBytes: job.state === 'done' ? job.size : sentBytes,
      totalBytes: job.size,
      attempts: job.attempts,
      ...(job.nextAttemptAt ? { nextAttemptAt: job.nextAttemptAt } : {}),
      ...(job.error ? { error: job.error } : {}),
      ...(job.result?.url ? { attachmentUrl: job.result.url } : {}),
      ...(job.result ? { alreadyPresent: job.result.alreadyPresent } : {}),
    };
  }

  #lastProgressEmit = 0;

  /** The workflow's upload steps as the Done screen's upload state. */
  #onUploadEvent(event: Extract<WorkflowEvent, { type: 'upload' }>): void {
    if (event.step === 'queued' && !this.#uploadContext) this.#uploadContext = { jobId: event.job.id };
    if (event.step === 'progress' || event.step === 'attempt') {
      const now = Date.now();
      if (event.step === 'progress' && now - this.#lastProgressEmit < PROGRESS_EMIT_MS) return;
      this.#lastProgressEmit = now;
      return this.#setUpload({ ...this.#statusOf(event.job, event.sentBytes), state: 'uploading' });
    }
    this.#setUpload(this.#statusOf(event.job, event.sentBytes));
  }

  /** Found leaks (or a check that could not finish) hold the upload back until the user decides. */
  #onLeakCheck(check: WorkflowResult['leakCheck'], totalBytes: number): void {
    if (check.state !== 'clean') this.#log('warn', `leak check: ${check.state}, ${check.leaks.length} value(s)${check.blocked ? '; upload held back' : ''}`);
    if (!check.blocked) return;
    this.#setUpload({ ...this.#uploadBase('blocked'), totalBytes, leaks: check.leaks, leakCheck: check.state === 'incomplete' ? 'incomplete' : 'found' });
  }

  /** After a run of the job: log it, and while the app is open, try again when the backoff ends. */
  #afterJob(jobId: string, view: { state: string; nextAttemptAt?: string; error?: { kind: string } }): void {
    this.#uploadContext ??= { jobId };
    this.#log(view.state === 'done' ? 'info' : 'warn', `upload job ${jobId}: ${view.state}${view.error && view.state !== 'done' ? ` (${view.error.kind})` : ''}`);
    if (view.state === 'queued' && view.nextAttemptAt) this.#scheduleRetry(Date.parse(view.nextAttemptAt) - Date.now());
  }

  #uploadFailedBeforeJob(err: unknown, totalBytes: number): void {
    const kind = err instanceof UploadError ? err.kind : 'config';
    const cause = err instanceof UploadError ? err.networkCause : undefined;
    this.#log('error', `upload could not start: ${errorMessage(err)}`);
    this.#setUpload({ ...this.#uploadBase('failed'), totalBytes, error: { kind, ...(cause ? { cause } : {}), message: errorMessage(err) } });
  }

  /** Runs the queued job again (Retry, or the backoff timer): the workflow's upload stage. */
  async #runJob(force: boolean): Promise<void> {
    const context = this.#uploadContext;
    if (!context) return;
    if (context.running) return context.running;
    this.#stopUploadTimer();
    const run = (async () => {
      try {
        const job = await runUploadJob(context.jobId, {
          outbox: this.#outbox,
          policy: this.#uploadPolicy,
          env: await this.#uploadEnv(),
          dataDir: this.#dataDir,
          signal: this.#lifetime.signal,
          force,
          emit: (event) => {
            if (event.type === 'upload') this.#onUploadEvent(event);
          },
        });
        this.#setUpload(this.#statusOf(jobView(job)));
        this.#afterJob(job.id, jobView(job));
      } catch (err) {
        this.#uploadFailedBeforeJob(err, this.#result?.bytes ?? 0);
      }
    })();
    context.running = run;
    try {
      await run;
    } finally {
      context.running = undefined;
    }
  }

  /** While the app is open, a queued upload is tried again when its backoff ends. */
  #scheduleRetry(delayMs: number): void {
    const context = this.#uploadContext;
    if (!context || this.#lifetime.signal.aborted) return;
    context.timer = setTimeout(() => void this.#runJob(false), Math.max(250, delayMs));
    context.timer.unref();
  }

  #stopUploadTimer(): void {
    if (this.#uploadContext?.timer) clearTimeout(this.#uploadContext.timer);
  }

  async getUploadState(): Promise<UploadStatus> {
    return this.#upload;
  }

  /**
   * Tries the upload again now (a failed job starts a fresh series of attempts). When the leak
   * check held the upload back, this is the user's "send anyway": the workflow's same
   * queue-and-send stage, with the same triage note.
   */
  async retryUpload(): Promise<UploadStatus> {
    const result = this.#workflowResult;
    if (this.#upload.state === 'blocked' && result) {
      this.#log('warn', `upload sent despite the leak check, at the user's request (${result.leakCheck.leaks.length} value(s))`);
      const running = (async () => {
        try {
          const job = await sendAfterLeakCheck(result, {
            policy: this.#uploadPolicy,
            env: await this.#uploadEnv(),
            dataDir: this.#dataDir,
            signal: this.#lifetime.signal,
            ...(this.#outboxOptions ? { outbox: this.#outboxOptions } : {}),
            onEvent: (event) => {
              if (event.type === 'upload') this.#onUploadEvent(event);
            },
          });
          this.#uploadContext = { jobId: job.id };
          this.#setUpload(this.#statusOf(jobView(job)));
          this.#afterJob(job.id, jobView(job));
        } catch (err) {
          this.#uploadFailedBeforeJob(err, result.archive.bytes);
        }
      })();
      this.#uploadContext = { jobId: '', running };
      await running;
      if (this.#uploadContext?.running === running) this.#uploadContext.running = undefined;
      return this.#upload;
    }
    if (!this.#uploadContext) return this.#upload;
    await this.#runJob(true);
    return this.#upload;
  }

  // -------------------------------------------------------------------------------------------

  async #detectProduct(): Promise<{ productName: string; productVersion: string }> {
    const product = this.#policy.products[0];
    if (!product) return { productName: '', productVersion: '' };
    try {
      const read = await productVersion(commandContext(this.#policy, this.#platform, AbortSignal.timeout(5_000)), product);
      return { productName: product.name, productVersion: read.version.startsWith('unknown') ? '' : read.version };
    } catch {
      return { productName: product.name, productVersion: '' };
    }
  }

  /** Stops a running collection, checks and upload retries (app quit, end of a test). */
  async dispose(): Promise<void> {
    await this.#recorder.dispose();
    this.#lifetime.abort();
    this.#stopUploadTimer();
    for (const timer of this.#pendingTimers) clearTimeout(timer);
    await this.#resumed;
    const session = this.#session;
    if (session) {
      session.abort.abort(new CancelledError());
      await session.done.catch(() => {});
    }
    await this.#checks.done;
    await this.#workflowRun?.catch(() => {});
    await this.#uploadContext?.running;
    this.#listeners.clear();
  }
}
