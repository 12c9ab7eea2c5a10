/**
 * The validated IPC wrapper (electron/main/ipc.ts) with plain objects shaped like Electron's
 * ipcMain and IpcMainInvokeEvent: the sender check and the schema check run before any handler,
 * and the forwarder the preload uses turns replies back into values or errors.
 */
import { describe, expect, it, vi } from 'vitest';
import { API_EVENTS, API_METHODS, ApiReplySchema, DiagnosticsApiError, createDiagnosticsApi, type ApiHandlers } from '../../../shared/api.js';
import { InputError } from '../../../electron/engine/errors.js';
import { API_CHANNELS, EVENT_CHANNELS, METHOD_CHANNELS } from '../../../shared/api-forwarder.js';
import { createSenderCheck, dispatchApiCall, registerApiHandlers, type IpcEventLike, type IpcMainLike } from '../../../electron/main/ipc.js';
import { isAppUrl } from '../../../electron/main/window-config.js';

const OUR_ID = 7;
const isTrustedSender = createSenderCheck({ isAllowedUrl: isAppUrl, isOurWebContents: (id) => id === OUR_ID });
const ours: IpcEventLike = { senderFrame: { url: 'app://diagcollect/index.html', parent: null }, sender: { id: OUR_ID } };

const intake = {
  name: '张伟',
  contact: 'zhang.wei@example.com',
  department: '',
  productName: '',
  productModel: '',
  productVersion: '',
  problemDescription: '报表打不开',
  occurredAt: '2026-11-24T09:30',
  priority: '高',
  stepsToReproduce: '',
  solutionsTried: '',
};
const goodStart = { ticket: '12345', intake, exclude: ['processes'], includeScreenshot: false };

type Fakes = { [K in keyof ApiHandlers]: ApiHandlers[K] & ReturnType<typeof vi.fn> };

function fakeHandlers(): Fakes {
  const upload = { target: 'outbox', targetName: 'outbox', state: 'none', sentBytes: 0, totalBytes: 0, attempts: 0 } as const;
  return {
    getDefaults: vi.fn(),
    preview: vi.fn(async () => ({ platform: 'linux', categories: [], totalBytes: 0 })),
    captureScreenshot: vi.fn(async () => ({ available: false, reason: { 'zh-CN': '无', en: 'none' } })),
    startCollection: vi.fn(async () => ({ sessionId: 's1', startedAt: '2026-11-24T09:30:00.000Z', rows: [] })),
    cancelCollection: vi.fn(async () => ({ cancelled: true })),
    getUploadState: vi.fn(async () => upload),
    retryUpload: vi.fn(async () => upload),
    openFolder: vi.fn(async () => ({ opened: true })),
    getChecks: vi.fn(async () => ({ state: 'none', results: [] })),
  } as unknown as Fakes;
}

describe('the contract (shared/api.ts)', () => {
  it('gives every method and event its own diagnostics: channel', () => {
    const channels = [...Object.values(API_METHODS).map((m) => m.channel), ...Object.values(API_EVENTS).map((e) => e.channel)];
    expect(new Set(channels).size).toBe(channels.length);
    expect(channels.every((c) => c.startsWith('diagnostics:'))).toBe(true);
    expect([...channels].sort()).toEqual([...API_CHANNELS].sort());
    expect(Object.keys(API_METHODS)).toEqual(Object.keys(METHOD_CHANNELS));
    expect(Object.keys(API_EVENTS)).toEqual(Object.keys(EVENT_CHANNELS));
  });
});

describe('registerApiHandlers', () => {
  it('registers exactly the contract channels, and removes them again', () => {
    const registered = new Map<string, unknown>();
    const ipc: IpcMainLike = { handle: (c, l) => void registered.set(c, l), removeHandler: (c) => void registered.delete(c) };
    const off = registerApiHandlers(ipc, fakeHandlers(), { isTrustedSender });
    expect([...registered.keys()].sort()).toEqual(Object.values(API_METHODS).map((m) => m.channel).sort());
    off();
    expect(registered.size).toBe(0);
  });
});

describe('dispatchApiCall: the sender check (checklist item 17)', () => {
  const untrusted: Array<[string, IpcEventLike]> = [
    ['no frame (it went away)', { senderFrame: null, sender: { id: OUR_ID } }],
    ['an iframe inside our page', { senderFrame: { url: 'app://diagcollect/index.html', parent: {} }, sender: { id: OUR_ID } }],
    ['a page from the internet', { senderFrame: { url: 'https://evil.example/', parent: null }, sender: { id: OUR_ID } }],
    ['a local file', { senderFrame: { url: 'file:///tmp/x.html', parent: null }, sender: { id: OUR_ID } }],
    ['another app:// host', { senderFrame: { url: 'app://other/index.html', parent: null }, sender: { id: OUR_ID } }],
    ['another window of ours', { senderFrame: { url: 'app://diagcollect/index.html', parent: null }, sender: { id: OUR_ID + 1 } }],
    ['no web contents', { senderFrame: { url: 'app://diagcollect/index.html', parent: null } }],
  ];
  it.each(untrusted)('refuses %s before the handler runs', async (_what, event) => {
    const handlers = fakeHandlers();
    const reply = await dispatchApiCall('startCollection', handlers, event, [goodStart], { isTrustedSender });
    expect(reply).toEqual({ ok: false, error: { code: 'untrusted-sender', message: expect.any(String), problem: { code: 'request-untrusted', params: {} } } });
    expect(handlers.startCollection).not.toHaveBeenCalled();
  });

  it('accepts our main frame', async () => {
    const handlers = fakeHandlers();
    const reply = await dispatchApiCall('startCollection', handlers, ours, [goodStart], { isTrustedSender });
    expect(reply.ok).toBe(true);
    expect(handlers.startCollection).toHaveBeenCalledOnce();
  });
});

describe('dispatchApiCall: the payload check', () => {
  const bad: Array<[string, unknown[]]> = [
    ['no payload', []],
    ['two arguments', [goodStart, goodStart]],
    ['a string', ['12345']],
    ['a ticket with a path', [{ ...goodStart, ticket: '../../etc/passwd' }]],
    ['an empty ticket', [{ ...goodStart, ticket: '' }]],
    ['a 65-character ticket', [{ ...goodStart, ticket: '1'.repeat(65) }]],
    ['an unknown top-level key', [{ ...goodStart, outDir: '/tmp' }]],
    ['an unknown intake key', [{ ...goodStart, intake: { ...intake, evil: 1 } }]],
    ['a missing name', [{ ...goodStart, intake: { ...intake, name: '  ' } }]],
    ['a contact that is neither phone nor e-mail', [{ ...goodStart, intake: { ...intake, contact: 'call me' } }]],
    ['a time without minutes', [{ ...goodStart, intake: { ...intake, occurredAt: '2026-11-24' } }]],
    ['a priority that is not 高/中/低', [{ ...goodStart, intake: { ...intake, priority: 'urgent' } }]],
    ['an exclude id with a slash', [{ ...goodStart, exclude: ['../x'] }]],
    ['includeScreenshot as a string', [{ ...goodStart, includeScreenshot: 'yes' }]],
    ['a 20 001-character description', [{ ...goodStart, intake: { ...intake, problemDescription: 'x'.repeat(20_001) } }]],
  ];
  it.each(bad)('refuses %s in main; the engine never sees it', async (_what, args) => {
    const handlers = fakeHandlers();
    const reply = await dispatchApiCall('startCollection', handlers, ours, args, { isTrustedSender });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(handlers.startCollection).not.toHaveBeenCalled();
  });

  it('never echoes the values sent back in the error', async () => {
    const reply = await dispatchApiCall('startCollection', fakeHandlers(), ours, [{ ...goodStart, ticket: 'secret-token/xyz' }], { isTrustedSender });
    expect(JSON.stringify(reply)).not.toContain('secret-token');
  });

  it('passes the parsed (trimmed, defaulted) payload to the handler', async () => {
    const handlers = fakeHandlers();
    await dispatchApiCall('startCollection', handlers, ours, [{ ticket: ' 12345 ', intake: { ...intake, name: '  张伟 ' }, includeScreenshot: true }], { isTrustedSender });
    expect(handlers.startCollection).toHaveBeenCalledWith({ ticket: '12345', intake: { ...intake, name: '张伟' }, exclude: [], includeScreenshot: true });
  });

  it('refuses a payload for a method that takes none', async () => {
    const handlers = fakeHandlers();
    const reply = await dispatchApiCall('openFolder', handlers, ours, [{ path: '/etc' }], { isTrustedSender });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(handlers.openFolder).not.toHaveBeenCalled();
  });

  it('reports a handler error as data, and checks the handler kept the contract', async () => {
    const handlers = fakeHandlers();
    handlers.cancelCollection.mockRejectedValueOnce(new Error('a collection is already running'));
    expect(await dispatchApiCall('cancelCollection', handlers, ours, [undefined], { isTrustedSender })).toEqual({ ok: false, error: { code: 'failed', message: 'a collection is already running', problem: { code: 'failed', params: {} } } });
    handlers.cancelCollection.mockResolvedValueOnce({ cancelled: 'maybe' });
    expect(await dispatchApiCall('cancelCollection', handlers, ours, [undefined], { isTrustedSender })).toMatchObject({ ok: false, error: { code: 'failed' } });
  });

  it('carries a refusal as its code and parameters (the window renders them), with the bad policy keys', async () => {
    const handlers = fakeHandlers();
    handlers.cancelCollection.mockRejectedValueOnce(InputError.coded('collection-running', {}, 'a collection is already running; wait for it to finish or cancel it'));
    expect(await dispatchApiCall('cancelCollection', handlers, ours, [undefined], { isTrustedSender })).toEqual({
      ok: false,
      error: { code: 'failed', message: 'a collection is already running; wait for it to finish or cancel it', problem: { code: 'collection-running', params: {} } },
    });
    const line = { source: 'user', location: '/d/settings.json', key: 'caps.fileBytes', issue: { code: 'too-small', minimum: '1', origin: 'number' } } as const;
    handlers.cancelCollection.mockRejectedValueOnce(InputError.coded('settings-invalid', {}, 'settings not saved: caps.fileBytes: too small', [line]));
    const reply = await dispatchApiCall('cancelCollection', handlers, ours, [undefined], { isTrustedSender });
    expect(reply).toMatchObject({ ok: false, error: { problem: { code: 'settings-invalid', lines: [line] } } });
    expect(ApiReplySchema.parse(reply)).toEqual(reply);
  });

  it('names the refused fields of a bad payload, never their values', async () => {
    const reply = await dispatchApiCall('storeUploadSecret', fakeHandlers(), ours, [{ key: 'apiKey', value: 'v'.repeat(8193) }], { isTrustedSender });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request', problem: { code: 'request-invalid', params: { fields: 'value' } } } });
    expect(JSON.stringify(reply)).not.toContain('vvvv');
  });
});

describe('createDiagnosticsApi (the preload forwarder)', () => {
  function wire(handlers: ApiHandlers, event: IpcEventLike = ours) {
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    const api = createDiagnosticsApi({
      invoke: (channel, request) => {
        const name = (Object.keys(API_METHODS) as Array<keyof typeof API_METHODS>).find((k) => API_METHODS[k].channel === channel)!;
        return dispatchApiCall(name, handlers, event, [request], { isTrustedSender });
      },
      subscribe(channel, listener) {
        let set = listeners.get(channel);
        if (!set) listeners.set(channel, (set = new Set()));
        set.add(listener);
        return () => set.delete(listener);
      },
    });
    const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload));
    return { api, emit, listeners };
  }

  it('exposes one named, frozen method per contract entry and nothing else', () => {
    const { api } = wire(fakeHandlers());
    expect(Object.keys(api).sort()).toEqual([...Object.keys(API_METHODS), ...Object.keys(API_EVENTS)].sort());
    expect(Object.isFrozen(api)).toBe(true);
    expect('invoke' in api).toBe(false);
  });

  it('resolves with the value, rejects with a DiagnosticsApiError carrying the code', async () => {
    const { api } = wire(fakeHandlers());
    await expect(api.openFolder()).resolves.toEqual({ opened: true });
    const err = await api.startCollection({ ...goodStart, ticket: 'a b' } as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiagnosticsApiError);
    expect(err).toMatchObject({ code: 'invalid-request', problem: { code: 'request-invalid', params: { fields: 'ticket' } } });
    const refused = await wire(fakeHandlers(), { senderFrame: null }).api.getChecks().catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'untrusted-sender' });
  });

  it('hands listeners the payload only and unsubscribes', () => {
    const { api, emit } = wire(fakeHandlers());
    const seen: unknown[] = [];
    const off = api.onUploadState((p) => seen.push(p));
    emit(API_EVENTS.onUploadState.channel, { state: 'queued' });
    off();
    emit(API_EVENTS.onUploadState.channel, { state: 'done' });
    expect(seen).toEqual([{ state: 'queued' }]);
    expect(() => api.onProgress(undefined as never)).toThrow(TypeError);
  });
});
