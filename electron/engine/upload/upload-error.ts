/**
 * What can go wrong while talking to a ticket system, classified once so the outbox can decide
 * between "try again later" and "give up and tell the user what to fix". Messages are written
 * for the user and never contain a credential (connectors pass them through `scrub`).
 */

/**
 * The kinds are codes in shared/reasons.ts (UploadErrorKindSchema), rendered in the user's
 * language by the catalogue. Permanent (retrying cannot help until someone changes something):
 * auth 401, forbidden 403, not-found 404, too-large (413, Redmine 422 size, RT truncation),
 * rejected (other 4xx, unexpected answers), config, tls, archive. Transient (retried with
 * backoff): rate-limited 429, server (5xx, 408), network, timeout, integrity. `cancelled`: the
 * user or a signal stopped it; the job stays queued.
 */
import { translator } from '../../../shared/i18n/translate.js';
import type { NetworkCause, UploadErrorKind } from '../../../shared/reasons.js';

export type { UploadErrorKind } from '../../../shared/reasons.js';

const PERMANENT: ReadonlySet<UploadErrorKind> = new Set(['auth', 'forbidden', 'not-found', 'too-large', 'rejected', 'config', 'tls', 'archive']);

export class UploadError extends Error {
  readonly kind: UploadErrorKind;
  /** The socket-level cause (refused, DNS …) when known: a code the catalogue renders. */
  readonly networkCause?: NetworkCause;
  readonly status?: number;
  /** From `Retry-After` (429, 503): wait at least this long before the next attempt. */
  readonly retryAfterMs?: number;

  constructor(kind: UploadErrorKind, message: string, options: { status?: number; retryAfterMs?: number; networkCause?: NetworkCause } = {}) {
    super(message);
    this.name = 'UploadError';
    this.kind = kind;
    if (options.networkCause !== undefined) this.networkCause = options.networkCause;
    if (options.status !== undefined) this.status = options.status;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
  }

  /** True when retrying cannot help (the job fails with this message). */
  get permanent(): boolean {
    return PERMANENT.has(this.kind);
  }
}

const TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_UNTRUSTED',
]);

const NETWORK_CODES: Record<string, NetworkCause> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'closed',
  ENOTFOUND: 'dns-not-found',
  EAI_AGAIN: 'dns-again',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ETIMEDOUT: 'timed-out',
  UND_ERR_SOCKET: 'closed',
  UND_ERR_CLOSED: 'closed',
  UND_ERR_CONNECT_TIMEOUT: 'timed-out',
  UND_ERR_HEADERS_TIMEOUT: 'no-answer',
  UND_ERR_BODY_TIMEOUT: 'no-answer',
  UND_ERR_REQ_CONTENT_LENGTH_MISMATCH: 'size-changed',
};

/** The English text of a cause, for logs and manifest-style messages (from the catalogue). */
const causeText = (cause: NetworkCause) => translator('en').t(`upload.cause.${cause}`);

function errorCode(err: unknown): string | undefined {
  // undici wraps the socket error: the useful code may sit on the cause.
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (TLS_CODES.has(code) || code in NETWORK_CODES)) return code;
  }
  return (err as { code?: string } | undefined)?.code;
}

/**
 * Any error thrown while uploading, as an UploadError. `where` names the server for the message
 * ("Redmine at https://…"); `aborted` says whether our own signal fired.
 */
export function toUploadError(err: unknown, where: string, aborted = false): UploadError {
  if (err instanceof UploadError) return err;
  const name = (err as { name?: string } | undefined)?.name;
  if (aborted || name === 'AbortError') return new UploadError('cancelled', 'the upload was cancelled');
  const code = errorCode(err);
  if (code && TLS_CODES.has(code)) {
    return new UploadError('tls', `${where}: the server's certificate is not trusted (${code}); if your company uses its own CA, set upload.caFile in the policy to its PEM file`, { networkCause: 'certificate' });
  }
  if (code && code in NETWORK_CODES) {
    const kind = code.includes('TIMEOUT') || code === 'ETIMEDOUT' ? 'timeout' : 'network';
    const networkCause = NETWORK_CODES[code]!;
    return new UploadError(kind, `${where}: ${causeText(networkCause)}`, { networkCause });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new UploadError('network', `${where}: ${message}`);
}

/** Removes every occurrence of the given secrets from a text (server messages, URLs). */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[redacted]');
  return out;
}
