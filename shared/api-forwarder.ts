/**
 * The zod-free half of the IPC contract, for the preload: the channel name of every method and
 * event (the contract map in api.ts takes its channels from here, checked at compile time), the
 * reply envelope, and `createDiagnosticsApi`, which builds `window.diagnostics` from a transport.
 * Kept apart so the sandboxed preload bundle stays a few kilobytes instead of carrying zod.
 */
import type { DiagnosticsApi } from './api.js';
import type { CodedProblem } from './input-errors.js';

/** IPC channel of each `window.diagnostics` method. */
export const METHOD_CHANNELS = {
  getDefaults: 'diagnostics:get-defaults',
  preview: 'diagnostics:preview',
  captureScreenshot: 'diagnostics:capture-screenshot',
  startCollection: 'diagnostics:start-collection',
  cancelCollection: 'diagnostics:cancel-collection',
  getUploadState: 'diagnostics:get-upload-state',
  retryUpload: 'diagnostics:retry-upload',
  openFolder: 'diagnostics:open-folder',
  getChecks: 'diagnostics:get-checks',
  openDraft: 'diagnostics:open-draft',
  quitApp: 'diagnostics:quit-app',
  getPendingUploads: 'diagnostics:get-pending-uploads',
  // 复现录制 (record): start, note, mark, stop, state.
  recordStart: 'diagnostics:record-start',
  recordNote: 'diagnostics:record-note',
  recordMark: 'diagnostics:record-mark',
  recordStop: 'diagnostics:record-stop',
  getRecordStatus: 'diagnostics:get-record-status',
  // Upload secret in the OS keychain: state, store, remove (never read back).
  getUploadSecrets: 'diagnostics:get-upload-secrets',
  storeUploadSecret: 'diagnostics:store-upload-secret',
  removeUploadSecret: 'diagnostics:remove-upload-secret',
  // 这次修复有效吗？ (issue 17 in the app): an earlier archive of the ticket, the comparison, its report.
  getCompareOffer: 'diagnostics:get-compare-offer',
  compareWithEarlier: 'diagnostics:compare-with-earlier',
  openCompareReport: 'diagnostics:open-compare-report',
} as const;

/** IPC channel of each event main pushes. */
export const EVENT_CHANNELS = {
  onProgress: 'diagnostics:progress',
  onUploadState: 'diagnostics:upload-state',
  onDeepLink: 'diagnostics:deep-link',
  onPendingUploads: 'diagnostics:pending-uploads',
} as const;

/** Every channel of the contract: the only ones main handles and the preload uses. */
export const API_CHANNELS: readonly string[] = [...Object.values(METHOD_CHANNELS), ...Object.values(EVENT_CHANNELS)];

export const API_ERROR_CODES = ['invalid-request', 'untrusted-sender', 'failed'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * What travels back over IPC (ApiReplySchema in api.ts validates the same shape). `problem`: the
 * refusal as a code with parameters, which the window renders in its language; `message` is the
 * engine's English (logs, and the English window).
 */
export type ApiReply = { ok: true; value: unknown } | { ok: false; error: { code: ApiErrorCode; message: string; problem?: CodedProblem | undefined } };

/**
 * What a `window.diagnostics` call rejects with. Plain data, not an Error: contextBridge copies
 * an Error's message only ("any custom properties on the Error object will be lost", Electron's
 * context-bridge docs), while a plain object's fields cross intact, so the code and the problem
 * reach the page. Render it with the renderer's `apiErrorText`.
 */
export class DiagnosticsApiError {
  readonly name = 'DiagnosticsApiError';
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly problem: CodedProblem | undefined;
  constructor(code: ApiErrorCode, message: string, problem?: CodedProblem) {
    this.code = code;
    this.message = message;
    this.problem = problem;
  }
}

function isReply(value: unknown): value is ApiReply {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown; message?: unknown; problem?: { code?: unknown; params?: unknown } } };
  if (v.ok === true) return 'value' in v;
  const problem = v.error?.problem;
  const problemOk = problem === undefined || (typeof problem === 'object' && problem !== null && typeof problem.code === 'string' && typeof problem.params === 'object' && problem.params !== null);
  return v.ok === false && typeof v.error?.message === 'string' && (API_ERROR_CODES as readonly unknown[]).includes(v.error.code) && problemOk;
}

/** The reply's value, or a DiagnosticsApiError. */
export function unwrapReply(reply: unknown): unknown {
  if (!isReply(reply)) throw new DiagnosticsApiError('failed', 'the app sent an answer it does not understand');
  if (!reply.ok) throw new DiagnosticsApiError(reply.error.code, reply.error.message, reply.error.problem);
  return reply.value;
}

/** How the forwarder reaches main: `ipcRenderer` in the preload, a test bridge in e2e tests. */
export interface ApiTransport {
  invoke(channel: string, request: unknown): Promise<unknown>;
  /** Calls `listener` with the payload only (never the IPC event); returns the unsubscribe function. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds `window.diagnostics`: one named method per contract entry, nothing generic (no
 * `invoke(channel)` reaches the page). No logic beyond unwrapping the reply: main validates.
 */
export function createDiagnosticsApi(transport: ApiTransport): DiagnosticsApi {
  const api: Record<string, unknown> = {};
  for (const [name, channel] of Object.entries(METHOD_CHANNELS)) {
    api[name] = async (request?: unknown) => unwrapReply(await transport.invoke(channel, request));
  }
  for (const [name, channel] of Object.entries(EVENT_CHANNELS)) {
    api[name] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${name} needs a function`);
      return transport.subscribe(channel, (payload) => listener(payload));
    };
  }
  return Object.freeze(api) as DiagnosticsApi;
}
