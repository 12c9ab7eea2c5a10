/**
 * The window's security settings as data and pure decisions, kept apart from the code that
 * calls Electron so a unit test can assert every one of them (tests/unit/main/hardening.test.ts).
 * Each setting cites the item of the Electron security checklist it implements:
 * https://www.electronjs.org/docs/latest/tutorial/security (numbers as on that page).
 *
 * The renderer is served from a custom, privileged `app://diagcollect/` scheme (item 18: no
 * file://), so it has a real origin that CSP, the permission handler and the IPC sender check
 * can compare against.
 */
import path from 'node:path';
import type { BrowserWindowConstructorOptions, CustomScheme, WebPreferences } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'diagcollect';
/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Item 18: a standard, secure scheme of our own instead of file://. No fetch/CORS, no service workers. */
export const APP_SCHEME_PRIVILEGES: CustomScheme['privileges'] = {
  standard: true,
  secure: true,
  supportFetchAPI: false,
  corsEnabled: false,
  allowServiceWorkers: false,
  bypassCSP: false,
  stream: false,
};

/**
 * Item 7: the Content Security Policy. Nothing but our own scripts and styles; images from
 * ourselves and `data:` (the screenshot preview); no network at all (`connect-src 'none'`): the
 * renderer talks to main only through the preload.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'none'",
  'media-src': "'none'",
  'object-src': "'none'",
  'frame-src': "'none'",
  'worker-src': "'none'",
  'manifest-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

/** The CSP as an HTTP header value (served with every app:// response). */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');

/** The same policy for `<meta http-equiv>` in index.html (`frame-ancestors` is ignored there). */
export const CONTENT_SECURITY_POLICY_META = Object.entries(CSP_DIRECTIVES)
  .filter(([k]) => k !== 'frame-ancestors')
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');

/** Headers of every app:// response. */
export const RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/** The renderer's webPreferences: every security-relevant setting spelled out, none left to defaults. */
export function webPreferences(preloadPath: string, options: { devTools: boolean }): WebPreferences {
  return {
    preload: preloadPath,
    // Item 3: the preload and the page run in separate JavaScript worlds.
    contextIsolation: true,
    // Item 4: the renderer runs in Chromium's OS sandbox; the preload gets only a few modules.
    sandbox: true,
    // Item 2: no Node.js in the page, its workers or its frames.
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // Item 6: same-origin policy stays on.
    webSecurity: true,
    // Item 8: no http content inside the https/app page.
    allowRunningInsecureContent: false,
    // Items 9 and 10: no experimental or extra Blink features.
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    // Items 11 and 12: no <webview> at all.
    webviewTag: false,
    // Item 13: dropping a file or link on the window must not navigate it.
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools,
  };
}

/** Minimum size: the UI is laid out for 800×600. */
export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 600;

export function windowOptions(preloadPath: string, options: { devTools: boolean; title: string }): BrowserWindowConstructorOptions {
  return {
    width: 960,
    height: 720,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: options.title,
    // Shown on 'ready-to-show', so the user never sees a blank white window.
    show: false,
    backgroundColor: '#f6f7f9',
    webPreferences: webPreferences(preloadPath, { devTools: options.devTools }),
  };
}

/** True for our own pages: `app://diagcollect/…`. (`URL.origin` is "null" for custom schemes.) */
export function isAppUrl(raw: string): boolean {
  if (!URL.canParse(raw)) return false;
  const url = new URL(raw);
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
}

/** Item 13: the window never navigates away from the app (in-app hash changes are not navigations). */
export function allowNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** Item 14: no new windows, ever; http(s) links go to the user's browser instead. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: allowOpenExternal(url) };
}

/** Item 15: only plain http(s) URLs are handed to the OS, never file:, smb:, custom schemes. */
export function allowOpenExternal(raw: string): boolean {
  if (!URL.canParse(raw)) return false;
  const url = new URL(raw);
  return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
}

/** The only permission the page needs: writing text to the clipboard ("Copy details"). */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Item 5: every permission request is denied, except the ones listed, and only for our own page. */
export function permissionDecision(permission: string, requestingUrl: string | undefined): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file inside `rootDir` an app:// request may read, or undefined (404): wrong host, a path
 * that leaves the folder (`..`, encoded or not), NUL bytes, backslashes.
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): string | undefined {
  if (!isAppUrl(requestUrl)) return undefined;
  // The URL parser would quietly resolve `..` and `%2e%2e`; a request that tries is refused outright.
  if (/\/\.\.?(\/|$)|%2e|%2f|%5c/i.test(requestUrl)) return undefined;
  const url = new URL(requestUrl);
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) return undefined;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  return file.startsWith(root + path.sep) ? file : undefined;
}
