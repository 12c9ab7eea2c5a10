/**
 * Why something did not happen, as codes with typed parameters — never as sentences. The engine
 * produces these; every surface (renderer, CLI, summary page, e-mail draft, ticket comment)
 * renders them through the one message catalogue (shared/i18n/messages.ts) in its language.
 * The English sentence still written into manifest.json is rendered from the same catalogue.
 */
import { z } from 'zod';

const Platform = z.enum(['linux', 'win32', 'darwin']);
const Seconds = z.number().nonnegative();
/** The intake's problem types (shared/types.ts ProblemTypeSchema; repeated here: types.ts imports this file). */
const ProblemType = z.enum(['connection', 'malfunction', 'slow', 'other']);

/** Skip and failure reasons of collectors and of the sources they read. */
export const ReasonCodeSchema = z.enum([
  'platform',
  'not-selected',
  'left-out',
  'policy-disabled',
  'screenshot-forbidden',
  'no-consent',
  'not-configured',
  'no-display',
  'command-missing',
  'file-too-large',
  'timeout',
  'deadline',
  'not-started',
  'cancelled',
  'failed',
  'problem-type',
  'security-logs-off',
  'needs-elevation',
  'no-wifi',
  'no-journal',
  'needs-location',
  'not-found',
  'no-permission',
  'cut-newest',
  'cut-grew',
  'cut-deadline',
  'cut-stopped',
]);
export type ReasonCode = z.infer<typeof ReasonCodeSchema>;

export const ReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('platform'), platform: Platform }),
  z.object({ code: z.literal('not-selected') }),
  z.object({ code: z.literal('left-out') }),
  z.object({ code: z.literal('policy-disabled') }),
  z.object({ code: z.literal('screenshot-forbidden') }),
  z.object({ code: z.literal('no-consent') }),
  /** A policy list (`policy.configPaths`, `policy.logPaths` …) is empty: nothing to copy. */
  z.object({ code: z.literal('not-configured'), policyKey: z.string() }),
  z.object({ code: z.literal('no-display') }),
  z.object({ code: z.literal('command-missing'), command: z.string() }),
  z.object({ code: z.literal('file-too-large'), bytes: z.number().nonnegative(), capBytes: z.number().nonnegative() }),
  /** The collector's own timeout. */
  z.object({ code: z.literal('timeout'), seconds: Seconds }),
  /** Stopped at the whole session's deadline. */
  z.object({ code: z.literal('deadline'), seconds: Seconds }),
  /** Never started: the session deadline had passed. */
  z.object({ code: z.literal('not-started'), seconds: Seconds }),
  z.object({ code: z.literal('cancelled') }),
  /** Anything else: the technical text stays in the English `error`/`reason` beside it. */
  z.object({ code: z.literal('failed') }),
  /** Evidence for other problem types (issue 18): `types` it is for, `actual` the intake's (or `none`). */
  z.object({ code: z.literal('problem-type'), types: z.array(ProblemType).min(1), actual: z.union([ProblemType, z.literal('none')]) }),
  /** Security logs (安全日志) are off in policy (`securityLogs`) for privacy. */
  z.object({ code: z.literal('security-logs-off') }),
  /** The source needs administrator rights; `path`: the elevated path IT configured (free text), if any. */
  z.object({ code: z.literal('needs-elevation'), path: z.string().max(500).optional() }),
  /** This computer has no Wi-Fi interface: nothing to read, not a failure. */
  z.object({ code: z.literal('no-wifi') }),
  /** journalctl is there but this computer keeps no journal (no systemd, a container): nothing to read, not a failure. */
  z.object({ code: z.literal('no-journal') }),
  /** Windows 11 24H2+ shows Wi-Fi details only to apps with location access (netsh wlan says so). */
  z.object({ code: z.literal('needs-location') }),
  /** A file or folder the policy names is not there (ENOENT). */
  z.object({ code: z.literal('not-found') }),
  /** The account running diagcollect may not read it (EACCES, EPERM). */
  z.object({ code: z.literal('no-permission') }),
  // Why an entry holds only part of its source (a manifest item's `cut`; its English `note` beside it).
  /** A log over the per-file cap (caps.fileBytes): only its newest `keptBytes` of `fileBytes` were kept. */
  z.object({ code: z.literal('cut-newest'), keptBytes: z.number().nonnegative(), fileBytes: z.number().nonnegative(), capBytes: z.number().nonnegative() }),
  /** The file grew while being read: cut at the `seenBytes` it had when listed (`nowBytes` after). */
  z.object({ code: z.literal('cut-grew'), seenBytes: z.number().nonnegative(), nowBytes: z.number().nonnegative() }),
  /** The session deadline stopped the copy: the entry holds the first `keptBytes`. */
  z.object({ code: z.literal('cut-deadline'), keptBytes: z.number().nonnegative() }),
  /** Reading broke midway (an I/O error, the file deleted meanwhile): the entry holds the first `keptBytes`. */
  z.object({ code: z.literal('cut-stopped'), keptBytes: z.number().nonnegative() }),
]);
export type Reason = z.infer<typeof ReasonSchema>;

/**
 * Upload error kinds (electron/engine/upload/upload-error.ts classifies every failure once).
 * Permanent: auth … archive; transient: rate-limited … integrity; `cancelled`: stopped by the user.
 */
export const UploadErrorKindSchema = z.enum([
  'auth',
  'forbidden',
  'not-found',
  'too-large',
  'rejected',
  'config',
  'tls',
  'archive',
  'rate-limited',
  'server',
  'network',
  'timeout',
  'integrity',
  'cancelled',
  'busy',
]);
export type UploadErrorKind = z.infer<typeof UploadErrorKindSchema>;

/** The socket-level cause of a `network`/`timeout`/`tls` upload error, when one is known. */
export const NetworkCauseSchema = z.enum(['refused', 'reset', 'closed', 'dns-not-found', 'dns-again', 'unreachable', 'timed-out', 'no-answer', 'size-changed', 'certificate']);
export type NetworkCause = z.infer<typeof NetworkCauseSchema>;

/** A leak-check finding: a value redaction hid elsewhere still stands in this entry. */
export const LeakFindingSchema = z.object({
  code: z.literal('value-elsewhere'),
  entry: z.string(),
  line: z.number().int().positive(),
  /** First and last character only. */
  masked: z.string(),
});
export type LeakFinding = z.infer<typeof LeakFindingSchema>;
