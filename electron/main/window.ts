/**
 * The one window factory (STYLE.md §4): every window the app opens comes from here, with the
 * settings of window-config.ts, and the session-wide hardening applied once before it.
 */
import { readFile } from 'node:fs/promises';
import { BrowserWindow, protocol, shell, type Session } from 'electron';
import { APP_ENTRY_URL, APP_SCHEME, RESPONSE_HEADERS, allowNavigation, mimeType, permissionDecision, resolveAppAsset, windowOpenDecision, windowOptions } from './window-config.js';

/** Serves the built renderer (renderer/dist) on app://diagcollect/ with the CSP header (items 7, 18). */
export function serveRenderer(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(rootDir, request.url);
    if (!file || request.method !== 'GET') return new Response('not found', { status: 404, headers: RESPONSE_HEADERS });
    try {
      const body = await readFile(file);
      return new Response(body, { status: 200, headers: { ...RESPONSE_HEADERS, 'Content-Type': mimeType(file) } });
    } catch {
      return new Response('not found', { status: 404, headers: RESPONSE_HEADERS });
    }
  });
}

/** Session-wide rules: item 5 (permissions), no device access, no screen sharing from the page. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(permissionDecision(permission, details.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionDecision(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  // The screenshot is taken in main (desktopCapturer); the page never gets a display stream.
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  // Item 1/18: nothing but app:// is ever loaded; any other request from the page is cancelled
  // (data: is the screenshot preview, which the CSP allows for images only).
  session.webRequest.onBeforeRequest((details, callback) => {
    const ok = details.url.startsWith(`${APP_SCHEME}://`) || details.url.startsWith('data:') || details.url.startsWith('devtools://');
    callback({ cancel: !ok });
  });
}

export function createMainWindow(options: { preloadPath: string; devTools: boolean; title: string }): BrowserWindow {
  const win = new BrowserWindow(windowOptions(options.preloadPath, options));
  const contents = win.webContents;
  // Item 14: no new windows; http(s) links open in the user's browser (item 15).
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally) void shell.openExternal(url);
    return { action: decision.action };
  });
  // Item 13: the window stays on our pages.
  const blockNavigation = (event: { preventDefault(): void }, url: string) => {
    if (!allowNavigation(url)) event.preventDefault();
  };
  contents.on('will-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-frame-navigate', (event) => {
    if (!allowNavigation(event.url)) event.preventDefault();
  });
  // Item 12: <webview> is disabled in webPreferences; refuse any attempt all the same.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
