/**
 * electron/main/main.ts as a whole, on plain Node: bundled with a recording stand-in for the
 * `electron` module (support/fake-electron.ts), then started. Checks that main applies the
 * hardened configuration (window factory, session handlers, app:// with CSP, sandbox before
 * ready), registers the validated IPC for every channel, wires the engine service, and turns
 * deep links (argv, second instance, open-url) into prefilled tickets or visible refusals.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../../shared/api.js';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, CONTENT_SECURITY_POLICY, webPreferences } from '../../../electron/main/window-config.js';
import type { FakeBrowserWindow, FakeState } from './support/fake-electron.js';
import { startMain } from './support/start-main.js';

let fake: FakeState;
let win: FakeBrowserWindow;
let appRoot: string;

type Handler = (event: unknown, ...args: unknown[]) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
const trusted = () => ({ senderFrame: { url: 'app://diagcollect/index.html', parent: null }, sender: { id: win.webContents.id } });

beforeAll(async () => {
  // Before main starts: it reads its deep link from argv.
  process.argv.push('diagcollect://collect?ticket=12345');
  appRoot = await startMain('main-wiring');
  fake = (globalThis as { __fakeElectron?: FakeState }).__fakeElectron!;
  expect(fake.windows).toHaveLength(0);
  fake.ready();
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1), { timeout: 10_000 });
  win = fake.windows[0]!;
}, 60_000);

describe('main.ts, started with a stand-in electron module', () => {
  it('sandboxes every renderer, registers app:// and takes the single-instance lock before ready', () => {
    expect(fake.calls.slice(0, 3)).toEqual(['app.enableSandbox', 'protocol.registerSchemesAsPrivileged', 'app.requestSingleInstanceLock']);
    expect(fake.privileged).toEqual([{ scheme: 'app', privileges: APP_SCHEME_PRIVILEGES }]);
    expect(fake.calls).toContain('app.setAsDefaultProtocolClient:diagcollect');
  });

  it('opens one window from the factory, with the hardened preferences, on app://', () => {
    expect(win.options).toMatchObject({ minWidth: 800, minHeight: 600, show: false });
    expect(win.options.webPreferences).toEqual(webPreferences(path.join(appRoot, 'out', 'preload', 'preload.cjs'), { devTools: false }));
    expect(win.loaded).toBe(APP_ENTRY_URL);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });

  it('blocks navigation and new windows; http(s) links go to the browser', async () => {
    const prevent = vi.fn();
    win.webContents.emit('will-navigate', { preventDefault: prevent }, 'https://evil.example/');
    win.webContents.emit('will-navigate', { preventDefault: prevent }, 'app://diagcollect/index.html');
    expect(prevent).toHaveBeenCalledTimes(1);
    const attach = vi.fn();
    win.webContents.emit('will-attach-webview', { preventDefault: attach });
    expect(attach).toHaveBeenCalled();
    expect(win.webContents.windowOpenHandler!({ url: 'https://support.example.com/' })).toEqual({ action: 'deny' });
    expect(win.webContents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(fake.opened).toEqual(['https://support.example.com/']));
  });

  it('denies permissions and foreign requests for the whole session', () => {
    const decide = (permission: string, url: string) => {
      let answer: unknown;
      fake.session.permissionRequest!(null, permission, (ok: boolean) => (answer = ok), { requestingUrl: url });
      return answer;
    };
    expect(decide('media', 'app://diagcollect/index.html')).toBe(false);
    expect(decide('clipboard-sanitized-write', 'app://diagcollect/index.html')).toBe(true);
    expect(decide('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(fake.session.devicePermission!()).toBe(false);
    let cancelled: unknown;
    fake.session.beforeRequest!({ url: 'https://tracker.example/x.js' }, (r: { cancel: boolean }) => (cancelled = r.cancel));
    expect(cancelled).toBe(true);
  });

  it('serves the renderer on app:// with the CSP header, and nothing outside it', async () => {
    const handler = fake.protocolHandlers.get('app')!;
    const ok = await handler(new Request('app://diagcollect/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await ok.text()).toContain('<title>app</title>');
    expect((await handler(new Request('app://diagcollect/%2e%2e/policy.json'))).status).toBe(404);
    expect((await handler(new Request('app://diagcollect/missing.js'))).status).toBe(404);
  });

  it('answers every contract channel through the validated wrapper, backed by the engine', async () => {
    expect([...fake.handlers.keys()].sort()).toEqual(Object.values(API_METHODS).map((m) => m.channel).sort());
    const getDefaults = fake.handlers.get(API_METHODS.getDefaults.channel) as Handler;
    const reply = await getDefaults(trusted(), undefined);
    expect(reply).toMatchObject({ ok: true, value: { ticket: '12345', ticketSource: 'link', locale: 'zh-CN' } });
    const refused = await getDefaults({ ...trusted(), sender: { id: win.webContents.id + 1 } }, undefined);
    expect(refused).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    const start = fake.handlers.get(API_METHODS.startCollection.channel) as Handler;
    expect(await start(trusted(), { ticket: '../x' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('turns links from a second instance and from macOS into events, refusing bad ones visibly', () => {
    fake.calls.length = 0;
    fake.app!.emit('second-instance', {}, ['/opt/diagcollect/diagcollect', 'diagcollect://collect?ticket=777']);
    fake.app!.emit('open-url', { preventDefault() {} }, 'diagcollect://collect?ticket=1&evil=1');
    const links = win.webContents.sent.filter(([channel]) => channel === 'diagnostics:deep-link').map(([, p]) => p);
    expect(links[0]).toEqual({ ok: true, ticket: '777' });
    expect(links[1]).toMatchObject({ ok: false, reason: { en: expect.stringContaining('parameters other than one "ticket"') } });
    expect(fake.calls).toContain('window.focus');
  });

  it('closes without asking when no archive waits; 完成 quits through the engine service; the draft opens with the OS', async () => {
    let prevented = false;
    win.emit('close', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(false);
    const call = (name: keyof typeof API_METHODS) => (fake.handlers.get(API_METHODS[name].channel) as Handler)(trusted());
    expect(await call('openDraft')).toEqual({ ok: true, value: { opened: 'none' } });
    expect(await call('getPendingUploads')).toEqual({ ok: true, value: { jobs: [] } });
    fake.calls.length = 0;
    expect(await call('quitApp')).toEqual({ ok: true, value: { quitting: true } });
    await vi.waitFor(() => expect(fake.calls).toContain('app.quit'));
  });
});
