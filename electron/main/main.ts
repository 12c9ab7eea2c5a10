/**
 * The Electron main process: lifecycle, the one window, deep links, and the validated IPC to
 * the engine's AppService. Thin on purpose: logic lives in the engine (tested on plain Node),
 * security settings in window-config.ts (tested as data), the IPC wrapper in ipc.ts.
 *
 * Built by `npm run build:electron` into out/main/main.js (the package's "main").
 */
// First: V8's young-generation flag must be set before the rest of the app allocates.
import './young-generation.js';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { API_EVENTS, uiLocaleFor, type ApiEventName } from '../../shared/api.js';
import { DEEP_LINK_SCHEME, findDeepLinkArgument } from '../../shared/deep-link.js';
import { AppService } from '../engine/app-service.js';
import { closeAction, closeQuestion } from '../engine/close-plan.js';
import { dataDir } from '../engine/platform/app-paths.js';
import { KeychainSecrets, type SecretCipher } from '../engine/upload/keychain-secrets.js';
import { reapChildren } from '../engine/platform/exec.js';
import { loadAppPolicy } from './app-policy.js';
import { cliArguments } from './cli-mode.js';
import { createSenderCheck, registerApiHandlers } from './ipc.js';
import { setUpLog } from './log.js';
import { menuTemplate } from './menu.js';
import { captureDesktop } from './screenshot.js';
import { createTrayKeeper, type TrayKeeper } from './tray.js';
import { createMainWindow, hardenSession, serveRenderer } from './window.js';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, isAppUrl } from './window-config.js';

const devMode = !app.isPackaged;
const log = setUpLog({ devMode });
const APP_ROOT = app.getAppPath();
const RENDERER_DIR = path.join(APP_ROOT, 'renderer', 'dist');
const PRELOAD = path.join(APP_ROOT, 'out', 'preload', 'preload.cjs');

// Item 4 of the security checklist: every renderer sandboxed, whatever a window asks for.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

let win: BrowserWindow | undefined;
let service: AppService | undefined;
/** The user chose to close (完成, or "close" in the question below): no more asking. */
let closeConfirmed = false;
/** Windows/macOS: the window hidden in the tray while archives wait to be sent. */
let trayKeeper: TrayKeeper | undefined;
let pendingLink = findDeepLinkArgument(process.argv);

function onLink(url: string): void {
  if (service) service.handleDeepLink(url);
  else pendingLink = url;
  showWindow();
}

/** Quits without asking again (完成, the tray's 退出, the last queued job sent from the tray). */
function quitConfirmed(): void {
  closeConfirmed = true;
  app.quit();
}

function showWindow(): void {
  if (!win || win.isDestroyed()) return;
  if (!win.isVisible()) trayKeeper?.leave();
  if (win.isMinimized()) win.restore();
  win.focus();
}

const cliArgs = cliArguments(process.argv, Boolean(process.defaultApp));
if (cliArgs) {
  // Command-line mode (IT scripts): no window, no single-instance lock; exit with the CLI's code.
  void import('../cli/main.js')
    .then(({ main: cli }) => cli(['diagcollect', 'diagcollect', ...cliArgs]))
    .then((code) => app.exit(code), fatal);
} else if (!app.requestSingleInstanceLock()) {
  // A second start hands its command line (and link) to the running app and quits.
  app.quit();
} else {
  // Windows and Linux: a link opened while the app runs arrives as the second instance's argv.
  app.on('second-instance', (_event, argv) => {
    const link = findDeepLinkArgument(argv);
    if (link) onLink(link);
    else showWindow();
  });
  // macOS: links arrive as open-url, also before 'ready'.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    onLink(url);
  });
  if (devMode && process.argv[1]) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [path.resolve(process.argv[1])]);
  else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);

  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void service?.dispose());
  // Issue 13 (perf): commands the engine started, and what they left running, never outlive the
  // app; the kill of each running command's process tree happens at once, in this call.
  app.on('will-quit', () => void reapChildren());
  app.whenReady().then(start, (err: unknown) => fatal(err));
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  serveRenderer(RENDERER_DIR);
  const locale = uiLocaleFor(app.getPreferredSystemLanguages()[0] ?? app.getLocale());
  let policy;
  let problems: string[] = [];
  let policyProblems: Awaited<ReturnType<typeof loadAppPolicy>>['lines'] = [];
  try {
    ({ policy, problems, lines: policyProblems } = await loadAppPolicy());
  } catch (err) {
    // A bad managed policy: say which key and file, and do not run against IT's intent.
    const message = err instanceof Error ? err.message : String(err);
    log.error(message);
    dialog.showErrorBox(locale === 'zh-CN' ? '策略文件有误' : 'The policy file is not valid', message);
    app.quit();
    return;
  }
  service = new AppService({
    policy,
    locale,
    // The Done screen says them too, as the CLI prints them (the start dialog may have been dismissed).
    policyProblems,
    ...(pendingLink ? { deepLink: pendingLink } : {}),
    keychain: new KeychainSecrets(dataDir(process.env), safeStorageCipher),
    hooks: {
      captureScreen: () => captureDesktop(win),
      showInFolder: (file) => shell.showItemInFolder(file),
      // The .eml opens in the user's mail program; '' means it did.
      openPath: (file) => shell.openPath(file),
      openExternal: (url) => shell.openExternal(url),
      quit: quitConfirmed,
    },
    log: (level, message) => log[level](message),
  });
  pendingLink = undefined;
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ platform: process.platform, locale, devMode, appName: app.getName() })));
  win = createMainWindow({ preloadPath: PRELOAD, devTools: devMode, title: locale === 'zh-CN' ? '诊断信息收集' : 'Diagnostics Collector' });
  const ourWindow = win;
  trayKeeper = createTrayKeeper({ win: ourWindow, iconPath: path.join(RENDERER_DIR, 'tray.png'), locale, waiting: () => service?.waitingUploads() ?? 0, quit: quitConfirmed });
  // Closing while an archive waits to be sent: the tray (Windows, macOS) or a question (close-plan.ts).
  ourWindow.on('close', (event) => {
    const waiting = service?.waitingUploads() ?? 0;
    const action = closeAction({ platform: process.platform, waiting, confirmed: closeConfirmed });
    if (action === 'close') return;
    event.preventDefault();
    if (action === 'tray') return trayKeeper?.enter();
    void dialog.showMessageBox(ourWindow, closeQuestion(waiting, locale)).then(({ response }) => {
      if (response !== 0) return;
      closeConfirmed = true;
      ourWindow.close();
    });
  });
  // The tray counts the jobs, and the app quits from it once the last one has gone.
  service.on('onPendingUploads', () => trayKeeper?.update());
  service.on('onUploadState', () => trayKeeper?.update());
  registerApiHandlers(ipcMain, service.handlers(), {
    isTrustedSender: createSenderCheck({ isAllowedUrl: isAppUrl, isOurWebContents: (id) => !ourWindow.isDestroyed() && ourWindow.webContents.id === id }),
    log,
  });
  for (const name of Object.keys(API_EVENTS) as ApiEventName[]) {
    service.on(name, (payload) => {
      if (!ourWindow.isDestroyed()) ourWindow.webContents.send(API_EVENTS[name].channel, payload);
    });
  }
  log.info(`started ${app.getName()} ${app.getVersion()} (${process.platform}, UI ${locale})`);
  // Archives an earlier start could not send (closed, offline) are sent now.
  void service.resumeQueuedUploads();
  if (problems.length > 0) {
    // Bad policy keys were left out (or fail closed); IT and the user see which, and why.
    for (const p of problems) log.warn(`policy: ${p}`);
    void dialog.showMessageBox(ourWindow, {
      type: 'warning',
      title: locale === 'zh-CN' ? '策略设置有误' : 'Policy problems',
      message: locale === 'zh-CN' ? '部分策略设置无效，已忽略（或使用安全的默认值）：' : 'Some policy settings are not valid and were left out (or set to the safe value):',
      detail: problems.join('\n'),
    });
  }
}

/**
 * Electron's safeStorage as the keychain's cipher. On Linux, `basic_text` means no Secret Service
 * or KWallet: that is a fixed key, not the user's, so it counts as unavailable (nothing stored).
 */
const safeStorageCipher: SecretCipher = {
  isAvailable: () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (data) => safeStorage.decryptString(data),
};

function fatal(err: unknown): void {
  log.error(err instanceof Error ? err : String(err));
  dialog.showErrorBox('Diagnostics Collector', err instanceof Error ? err.message : String(err));
  app.exit(1);
}
