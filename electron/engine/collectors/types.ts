import type { Readable } from 'node:stream';
import type { ArchiveLanguage, StandardNameKey } from '../../../shared/naming.js';
import type { Policy } from '../../../shared/policy.js';
import type { Category, LocalizedText, Platform, ProblemType } from '../../../shared/types.js';
import type { Reason } from '../../../shared/reasons.js';
import type { ExecOptions, ExecResult } from '../platform/exec.js';

/** Options for a file copied into the archive. */
export interface AddFileOptions {
  /** Cap for this file; defaults to policy.caps.fileBytes. Logs keep their newest bytes. */
  maxBytes?: number;
  /** 'tail' (logs: keep newest lines, mark the truncation) or 'whole' (structured: whole or skipped). */
  mode?: 'tail' | 'whole';
  kind?: 'text' | 'binary';
  /** Real paths of the folders the file must stay inside (links leading out are skipped); see files.ts. */
  roots?: readonly string[];
  /**
   * Files this collector will probably add next, with the same options but their own mode: their
   * checks start now, so that thousands of small files do not each wait for a dozen file-system
   * round trips in turn. Only a hint; each file is still added (or skipped) when its turn comes.
   */
  prefetch?: ReadonlyArray<{ path: string; mode?: 'tail' | 'whole' }>;
}

/** Options for in-memory items. */
export interface AddDataOptions {
  /** The content was cut to a cap (e.g. a journal capped to its newest lines). */
  truncated?: boolean;
  note?: string;
}

/** What a collector gets to do its work. */
export interface CollectorContext {
  readonly signal: AbortSignal;
  readonly policy: Policy;
  readonly platform: Platform;
  /** Start of the log window. */
  readonly since: Date;
  readonly lang: ArchiveLanguage;
  /** The standard entry name for this archive's language. */
  name(key: StandardNameKey): string;
  /** Runs a command bound to the collector's signal; its whole process tree dies on abort. */
  exec(command: string, args: string[], options?: ExecOptions): Promise<ExecResult>;
  addText(name: string, text: string, source: string, options?: AddDataOptions): void;
  addJson(name: string, value: unknown, source: string): void;
  addBuffer(name: string, data: Buffer, source: string, kind: 'text' | 'binary', options?: AddDataOptions): void;
  /**
   * A generated entry (a page): `render` gets `facts` after the session redacted every string in
   * them and returns the entry's bytes, which are then not redacted again as text (issue 14:
   * generated entries are rendered from redacted data). So the entry may hold what text
   * redaction would damage, such as pictures inlined as `data:` URLs; those must come from
   * the collector's own binary data, outside `facts`. Optional: contexts that archive nothing
   * (the preview, the checks) leave it out.
   */
  addRendered?<T>(name: string, facts: T, render: (redacted: T) => Buffer, source: string): void;
  /**
   * Queues a file to be streamed into the archive (nothing is copied first). Returns false and
   * records a skip when the file cannot be taken (unreadable, special file, over the cap …);
   * else the bytes it will hold: read, not the size on disk (a /proc or /sys file's is 0).
   */
  addFile(name: string, path: string, options?: AddFileOptions): Promise<false | { bytes: number }>;
  /**
   * Something not collected, with the reason; goes to the manifest's `skipped`. A code
   * (shared/reasons.ts) is shown in the user's language; free text only as English detail.
   * `detail`, with a code: the English text manifest.json keeps instead of the code's own
   * (a missing tool's consequence, the fallback the file was for).
   */
  skip(source: string, reason: string | Reason, detail?: string): void;
  /** A non-fatal problem, recorded on the collector's run. */
  warn(message: string): void;
}

/**
 * One command a collector runs, with its exact arguments: what `plan()` returns, what tests
 * assert and what `describe()` shows (so the list of what is collected cannot drift from the code).
 */
export interface PlannedCommand {
  command: string;
  args: string[];
  /** What it is for, shown after the command. */
  purpose: string;
  /** How to show it when the arguments are unreadable (PowerShell's -EncodedCommand). */
  display?: string;
}

/** One collector = one file exporting one object (see ARCHITECTURE.md). */
export interface Collector {
  id: string;
  category: Category;
  title: LocalizedText;
  platforms: Platform[];
  timeoutMs: number;
  /** Off until the user consents (screenshot). */
  sensitive: boolean;
  /** Slow collectors are started last, so the deadline cuts them rather than the quick ones. */
  slow?: boolean;
  /**
   * Why it does not run for this collection, or undefined: problem-type evidence (issue 18) and
   * the security logs decide from the policy and the intake's problem type; `named`: the user
   * named it in --only. See collectors/support/gates.ts.
   */
  gate?(policy: Policy, problemType: ProblemType | undefined, named: boolean): Reason | undefined;
  /** What it would read on a platform: commands and paths, for `diagcollect list` and the preview. */
  describe(platform: Platform, policy: Policy): string[];
  /**
   * The commands it runs on a platform, in order, with their exact arguments. Commands whose
   * arguments come from an earlier answer (one per network service, one per app) are shown with
   * a `<placeholder>`. Files it reads are in describe() only.
   */
  plan?(platform: Platform, policy: Policy, since: Date): PlannedCommand[];
  run(ctx: CollectorContext): Promise<void>;
}

/** An item waiting for the archive writer. */
export interface PendingItem {
  name: string;
  collector: string;
  source: string;
  kind: 'text' | 'binary';
  /** In-memory content, or a stream opened when the writer reaches the item. */
  data?: Buffer;
  truncated?: boolean;
  note?: string;
  open?: () => Promise<{ stream: Readable; truncated: boolean; note?: string; cut?: Reason | undefined }>;
  /** The most bytes `open` will yield, when known (a file's): large text items are redacted on another core. */
  size?: number;
  /**
   * A small file's bytes at once, what `open`'s stream would yield (see PreparedFile.read): the
   * archive writer prefers it to `open`, which stays for readers that want a stream.
   */
  read?: () => Promise<{ data: Buffer; truncated: boolean; note?: string; cut?: Reason; error?: unknown }>;
  /** A generated entry: its bytes, rendered from facts the session redacts first (see addRendered). */
  render?: (redact: <T>(facts: T) => T) => Buffer;
  /**
   * sos20 (session 22): `render`'s two halves, for a redaction that answers later (the redaction
   * worker): the facts, and the entry's bytes from them once redacted. `render` is this, in one call.
   */
  renderParts?: { facts: unknown; render: (redacted: unknown) => Buffer };
}
