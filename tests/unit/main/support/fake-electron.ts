/**
 * A stand-in for the `electron` module, recording what main does with it, so main.ts's wiring
 * (lifecycle, window factory use, protocol, IPC registration, deep links) runs on plain Node.
 * Only the calls main makes exist; anything else throws, so a new dependency is noticed.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

export interface FakeState {
  calls: string[];
  appPath: string;
  windows: FakeBrowserWindow[];
  handlers: Map<string, Listener>;
  protocolHandlers: Map<string, (request: Request) => Promise<Response>>;
  privileged: unknown[];
  session: Record<string, Listener>;
  menu?: unknown;
  errors: Array<[string, string]>;
  ready: () => void;
  shown: string[];
  opened: string[];
  /** The `app` main listens on (emit 'second-instance', 'open-url' on it). */
  app?: EventEmitter;
  /** Tray icons created, in order. */
  trays: FakeTray[];
}

let readyResolve!: () => void;
const readyPromise = new Promise<void>((r) => (readyResolve = r));

export const state: FakeState = {
  calls: [],
  appPath: process.env.FAKE_APP_PATH ?? process.cwd(),
  windows: [],
  handlers: new Map(),
  protocolHandlers: new Map(),
  privileged: [],
  session: {},
  errors: [],
  ready: () => readyResolve(),
  shown: [],
  opened: [],
  trays: [],
};
(globalThis as { __fakeElectron?: FakeState }).__fakeElectron = state;

class FakeApp extends EventEmitter {
  isPackaged = true;
  enableSandbox() {
    state.calls.push('app.enableSandbox');
  }
  requestSingleInstanceLock() {
    state.calls.push('app.requestSingleInstanceLock');
    return true;
  }
  setAsDefaultProtocolClient(scheme: string) {
    state.calls.push(`app.setAsDefaultProtocolClient:${scheme}`);
    return true;
  }
  whenReady() {
    return readyPromise;
  }
  getAppPath() {
    return state.appPath;
  }
  getPreferredSystemLanguages() {
    return ['zh-CN'];
  }
  getLocale() {
    return 'zh-CN';
  }
  getName() {
    return 'Diagnostics Collector';
  }
  getVersion() {
    return '0.1.0';
  }
  quit() {
    state.calls.push('app.quit');
  }
  exit(code: number) {
    state.calls.push(`app.exit:${code}`);
  }
}
export const app = new FakeApp();
state.app = app;

class FakeWebContents extends EventEmitter {
  static next = 100;
  id = FakeWebContents.next++;
  sent: Array<[string, unknown]> = [];
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
}

export class FakeBrowserWindow extends EventEmitter {
  webContents = new FakeWebContents();
  loaded?: string;
  visible = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    state.windows.push(this);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {
    state.calls.push('window.focus');
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  isVisible() {
    return this.visible;
  }
  close() {
    state.calls.push('window.close');
  }
  getBounds() {
    return { x: 0, y: 0, width: 960, height: 720 };
  }
}
export { FakeBrowserWindow as BrowserWindow };

export const ipcMain = {
  handle(channel: string, listener: Listener) {
    if (state.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    state.handlers.set(channel, listener);
  },
  removeHandler(channel: string) {
    state.handlers.delete(channel);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]) {
    state.calls.push('protocol.registerSchemesAsPrivileged');
    state.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    state.protocolHandlers.set(scheme, handler);
  },
};

const record = (name: string) => (handler: Listener) => {
  state.session[name] = handler;
};
export const session = {
  defaultSession: {
    setPermissionRequestHandler: record('permissionRequest'),
    setPermissionCheckHandler: record('permissionCheck'),
    setDevicePermissionHandler: record('devicePermission'),
    setDisplayMediaRequestHandler: record('displayMedia'),
    webRequest: { onBeforeRequest: record('beforeRequest') },
  },
};

export const shell = {
  showItemInFolder: (p: string) => void state.shown.push(p),
  openExternal: async (url: string) => void state.opened.push(url),
  openPath: async (p: string) => {
    state.opened.push(p);
    return '';
  },
};

/** A keychain that really transforms the bytes (so a plain-text write would show), not real crypto. */
export const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (plain: string) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (data: Buffer) => Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8'),
};

export const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu: (menu: unknown) => {
    state.menu = menu;
  },
};

export const dialog = {
  showErrorBox: (title: string, content: string) => void state.errors.push([title, content]),
  showMessageBox: async (_window: unknown, options: { message: string; detail?: string }) => {
    state.errors.push([options.message, options.detail ?? '']);
    return { response: 0 };
  },
};

export const desktopCapturer = {
  getSources: async () => {
    throw new Error('desktopCapturer is not available in the fake');
  },
};

export const screen = {
  getPrimaryDisplay: () => ({ id: 1, size: { width: 1280, height: 800 }, scaleFactor: 1 }),
  getDisplayMatching: () => ({ id: 1, size: { width: 1280, height: 800 }, scaleFactor: 1 }),
};

/** A tray icon: what main set on it, and whether it was destroyed. */
export class FakeTray extends EventEmitter {
  tooltip = '';
  menu?: { template: Array<{ label: string; enabled: boolean; click: () => void }> };
  balloons: Array<{ title: string; content: string }> = [];
  destroyed = false;
  constructor(readonly icon: string) {
    super();
    state.trays.push(this);
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: { template: Array<{ label: string; enabled: boolean; click: () => void }> }) {
    this.menu = menu;
  }
  displayBalloon(options: { title: string; content: string }) {
    this.balloons.push(options);
  }
  destroy() {
    this.destroyed = true;
  }
}
export { FakeTray as Tray };
