/**
 * The one way main answers the renderer (VS Code's `validatedIpcMain`, STYLE.md §3): every
 * channel of the contract is registered here, and before a handler runs the wrapper
 *   1. checks the sender: our window's top frame, loaded from our own origin (security
 *      checklist item 17), and
 *   2. parses the payload with the contract's zod schema (exactly one argument).
 * A wrong sender or a wrong shape is answered with an error and never reaches the engine. The
 * handler's result is parsed with the response schema too, so main cannot break the contract.
 *
 * No `electron` import: main passes `ipcMain`; tests pass a plain object of the same shape.
 */
import { API_METHODS, type ApiErrorCode, type ApiHandlers, type ApiMethodName, type ApiReply } from '../../shared/api.js';
import type { CodedProblem } from '../../shared/input-errors.js';
import { problemOf } from '../engine/errors.js';

/** The parts of Electron's IpcMainInvokeEvent the wrapper looks at. */
export interface IpcEventLike {
  senderFrame?: { url: string; parent: unknown } | null;
  sender?: { id: number } | null;
}

/** The parts of Electron's `ipcMain` the wrapper uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface ApiLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface RegisterOptions {
  isTrustedSender(event: IpcEventLike): boolean;
  log?: ApiLog;
}

/**
 * Sender check: a top-level frame (not an iframe), whose URL passes `isAllowedUrl`, in one of
 * our own web contents when `isOurWebContents` is given.
 */
export function createSenderCheck(options: { isAllowedUrl(url: string): boolean; isOurWebContents?(id: number): boolean }): (event: IpcEventLike) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    if (!options.isAllowedUrl(frame.url)) return false;
    if (options.isOurWebContents && (!event.sender || !options.isOurWebContents(event.sender.id))) return false;
    return true;
  };
}

const fail = (code: ApiErrorCode, message: string, problem: CodedProblem): ApiReply => ({ ok: false, error: { code, message, problem } });

/** The zod issues as one line: where and what, never the values sent. */
function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || 'request'}: ${i.message}`)
    .join('; ');
}

/** The fields a refusal names (paths only: never the values sent). */
function fieldsOf(issues: ReadonlyArray<{ path: PropertyKey[] }>): string {
  return [...new Set(issues.slice(0, 5).map((i) => i.path.map(String).join('.') || 'request'))].join(', ');
}

/** Runs one call through the checks; resolves with the reply envelope (never rejects). */
export async function dispatchApiCall<K extends ApiMethodName>(name: K, handlers: ApiHandlers, event: IpcEventLike, args: unknown[], options: RegisterOptions): Promise<ApiReply> {
  const spec = API_METHODS[name];
  if (!options.isTrustedSender(event)) {
    options.log?.warn(`refused ${spec.channel}: the sender is not the app window (${event.senderFrame?.url ?? 'no frame'})`);
    return fail('untrusted-sender', 'refused: this request did not come from the app window', { code: 'request-untrusted', params: {} });
  }
  if (args.length > 1) {
    options.log?.warn(`refused ${spec.channel}: ${args.length} arguments`);
    return fail('invalid-request', `${name}: expected one argument, got ${args.length}`, { code: 'request-invalid', params: { fields: name } });
  }
  const parsed = spec.request.safeParse(args[0]);
  if (!parsed.success) {
    const why = describeIssues(parsed.error.issues);
    options.log?.warn(`refused ${spec.channel}: ${why}`);
    return fail('invalid-request', `${name}: ${why}`, { code: 'request-invalid', params: { fields: fieldsOf(parsed.error.issues) } });
  }
  try {
    const handler = handlers[name] as (request: unknown) => Promise<unknown>;
    const value: unknown = spec.response.parse(await handler(parsed.data));
    return { ok: true, value };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    options.log?.error(`${spec.channel} failed: ${message}`);
    return fail('failed', message, problemOf(err));
  }
}

/** Registers every method of the contract; returns a function that removes them again. */
export function registerApiHandlers(ipc: IpcMainLike, handlers: ApiHandlers, options: RegisterOptions): () => void {
  const names = Object.keys(API_METHODS) as ApiMethodName[];
  for (const name of names) {
    ipc.handle(API_METHODS[name].channel, (event, ...args) => dispatchApiCall(name, handlers, event, args, options));
  }
  return () => {
    for (const name of names) ipc.removeHandler(API_METHODS[name].channel);
  };
}
