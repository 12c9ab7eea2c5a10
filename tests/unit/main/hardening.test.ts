/**
 * The Electron security checklist (https://www.electronjs.org/docs/latest/tutorial/security),
 * asserted on the real configuration the window factory uses (electron/main/window-config.ts),
 * plus structural checks that main has exactly one window factory and applies it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_PERMISSIONS,
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  CSP_DIRECTIVES,
  MIN_HEIGHT,
  MIN_WIDTH,
  RESPONSE_HEADERS,
  allowNavigation,
  allowOpenExternal,
  isAppUrl,
  permissionDecision,
  resolveAppAsset,
  webPreferences,
  windowOpenDecision,
  windowOptions,
} from '../../../electron/main/window-config.js';

const MAIN_DIR = path.resolve(import.meta.dirname, '../../../electron/main');
const source = (file: string) => readFileSync(path.join(MAIN_DIR, file), 'utf8');

describe('webPreferences (checklist items 2, 3, 4, 6, 8, 9, 10, 11, 12, 13)', () => {
  const prefs = webPreferences('/app/out/preload/preload.cjs', { devTools: false });

  it('isolates, sandboxes and keeps Node out of the page', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and every risky feature off', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
    });
  });

  it('sets nothing else (a new preference must be added here on purpose)', () => {
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'enableBlinkFeatures',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
    expect(prefs.preload).toBe('/app/out/preload/preload.cjs');
  });

  it('opens the developer tools only when asked (development builds)', () => {
    expect(webPreferences('/p', { devTools: true }).devTools).toBe(true);
  });

  it('makes a window of at least 800×600 that is shown only when painted', () => {
    const options = windowOptions('/p', { devTools: false, title: 'Diagnostics Collector' });
    expect(options).toMatchObject({ minWidth: 800, minHeight: 600, show: false });
    expect([MIN_WIDTH, MIN_HEIGHT]).toEqual([800, 600]);
    expect(options.webPreferences).toEqual(webPreferences('/p', { devTools: false }));
  });
});

describe('Content Security Policy (item 7)', () => {
  it('allows only our own scripts and styles, and no network at all', () => {
    expect(CSP_DIRECTIVES).toMatchObject({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'connect-src': "'none'",
      'object-src': "'none'",
      'frame-src': "'none'",
      'worker-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
  });

  it('has no unsafe-inline, unsafe-eval, wildcards or remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:|blob:|ws:/);
  });

  it('serves the header with every response, and the same policy in the page meta tag', () => {
    expect(RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(RESPONSE_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(`${CONTENT_SECURITY_POLICY_META}; frame-ancestors 'none'`).toBe(CONTENT_SECURITY_POLICY);
    const html = readFileSync(path.resolve(MAIN_DIR, '../../renderer/index.html'), 'utf8');
    expect(html).toContain('<meta http-equiv="Content-Security-Policy" content="%DIAGCOLLECT_CSP%" />');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
  });
});

describe('our own origin, not file:// (items 1, 18)', () => {
  it('registers app:// as a standard, secure scheme that cannot bypass CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, allowServiceWorkers: false, bypassCSP: false, stream: false });
    expect(APP_ENTRY_URL).toBe('app://diagcollect/index.html');
  });

  it('recognises only app://diagcollect/ as ours', () => {
    expect(isAppUrl('app://diagcollect/index.html')).toBe(true);
    expect(isAppUrl('app://diagcollect/assets/x.js')).toBe(true);
    for (const url of ['app://other/index.html', 'app://user:pw@diagcollect/', 'file:///index.html', 'https://diagcollect/', 'http://127.0.0.1/', 'not a url', '']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });

  it.each([
    ['app://diagcollect/', 'index.html'],
    ['app://diagcollect/index.html', 'index.html'],
    ['app://diagcollect/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://diagcollect/%E4%B8%AD.png', '中.png'],
  ])('serves %s from inside the renderer folder', (url, relative) => {
    expect(resolveAppAsset('/opt/app/renderer/dist', url)).toBe(path.join('/opt/app/renderer/dist', relative));
  });

  it.each([
    'app://diagcollect/../package.json',
    'app://diagcollect/assets/%2e%2e/%2e%2e/package.json',
    'app://diagcollect/assets/..%2F..%2Fpackage.json',
    'app://diagcollect/assets/..%5C..%5Cpackage.json',
    'app://diagcollect/x%00.js',
    'app://diagcollect/%ZZ',
    'app://evil/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset('/opt/app/renderer/dist', url)).toBeUndefined();
  });
});

describe('navigation, new windows, openExternal (items 13, 14, 15)', () => {
  it('never navigates away from the app', () => {
    expect(allowNavigation('app://diagcollect/index.html#done')).toBe(true);
    for (const url of ['https://example.com/', 'http://127.0.0.1:3000/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'app://other/']) {
      expect(allowNavigation(url), url).toBe(false);
    }
  });

  it('denies every new window; only http(s) links go to the browser', () => {
    expect(windowOpenDecision('https://support.example.com/kb/1')).toEqual({ action: 'deny', openExternally: true });
    for (const url of ['file:///C:/Windows/System32/calc.exe', 'smb://host/share', 'javascript:alert(1)', 'ms-settings:', 'diagcollect://collect?ticket=1', 'https://user:pw@example.com/']) {
      expect(windowOpenDecision(url), url).toEqual({ action: 'deny', openExternally: false });
      expect(allowOpenExternal(url), url).toBe(false);
    }
  });
});

describe('permissions (item 5)', () => {
  // Every permission name Electron 41 passes to the request/check handlers.
  const ALL = [
    'clipboard-read',
    'clipboard-sanitized-write',
    'display-capture',
    'fullscreen',
    'geolocation',
    'idle-detection',
    'media',
    'mediaKeySystem',
    'midi',
    'midiSysex',
    'notifications',
    'pointerLock',
    'keyboardLock',
    'openExternal',
    'speaker-selection',
    'storage-access',
    'top-level-storage-access',
    'window-management',
    'unknown',
    'fileSystem',
    'hid',
    'serial',
    'usb',
    'bluetooth',
  ];

  it('denies everything except writing to the clipboard, and that only for our page', () => {
    expect([...ALLOWED_PERMISSIONS]).toEqual(['clipboard-sanitized-write']);
    for (const permission of ALL) {
      expect(permissionDecision(permission, 'app://diagcollect/index.html'), permission).toBe(permission === 'clipboard-sanitized-write');
      expect(permissionDecision(permission, 'https://evil.example/'), permission).toBe(false);
      expect(permissionDecision(permission, undefined), permission).toBe(false);
    }
  });
});

describe('one window factory, applied (STYLE.md §4)', () => {
  const files = readdirSync(MAIN_DIR).filter((f) => f.endsWith('.ts'));

  it('creates windows in window.ts only, always from windowOptions()', () => {
    const creators = files.filter((f) => /new BrowserWindow\(/.test(source(f)));
    expect(creators).toEqual(['window.ts']);
    expect(source('window.ts')).toMatch(/new BrowserWindow\(windowOptions\(/);
  });

  it('wires the handlers of items 5, 12, 13, 14 and serves the CSP header', () => {
    const win = source('window.ts');
    for (const hook of ['setWindowOpenHandler', "'will-navigate'", "'will-redirect'", "'will-frame-navigate'", "'will-attach-webview'", 'setPermissionRequestHandler', 'setPermissionCheckHandler', 'setDevicePermissionHandler', 'setDisplayMediaRequestHandler', 'RESPONSE_HEADERS']) {
      expect(win, hook).toContain(hook);
    }
  });

  it('enables the sandbox for every renderer, holds a single instance, and never uses @electron/remote', () => {
    const main = source('main.ts');
    expect(main).toContain('app.enableSandbox()');
    expect(main).toContain('app.requestSingleInstanceLock()');
    expect(main).toContain('registerApiHandlers(ipcMain');
    for (const f of files) expect(source(f), f).not.toContain('@electron/remote');
    // IPC only through the validated wrapper: no raw ipcMain.handle/on in main.
    for (const f of files) expect(source(f), f).not.toMatch(/ipcMain\.(handle|on|once)\(/);
  });

  it('keeps the preload a forwarder of named methods (no generic invoke, no ipcRenderer in the page)', () => {
    const preload = readFileSync(path.resolve(MAIN_DIR, '../preload/preload.ts'), 'utf8');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).toContain("exposeInMainWorld('diagnostics', api)");
    expect([...preload.matchAll(/from '([^']+)'/g)].map((m) => m[1])).toEqual(['electron', '../../shared/api-forwarder.js']);
  });
});
