/**
 * What closing the app window does while archives still wait to be sent, and what the tray icon
 * says meanwhile. Pure (no Electron, no I/O) so it is decided and tested on plain Node; Electron
 * main only carries it out (hide the window, draw the tray, show the question).
 *
 * - Nothing waiting, or the user already chose to close: the window closes, the app quits.
 * - Windows and macOS: the window hides and a tray icon (notification area / menu bar) stays
 *   while jobs remain; once the last one is sent (or fails for good) the app quits by itself.
 * - Elsewhere (Linux: no dependable tray across desktops) the user is asked first; what is still
 *   queued resumes at the next start either way.
 */
import type { UiLocale } from '../../shared/api.js';
import { translator } from '../../shared/i18n/translate.js';

/** `close`: let it close; `tray`: hide the window, keep the tray icon; `ask`: ask the user first. */
export type CloseAction = 'close' | 'tray' | 'ask';

/** Where the OS offers a tray the app can rely on. */
export const TRAY_PLATFORMS: readonly string[] = ['win32', 'darwin'];

export function closeAction(state: { platform: string; waiting: number; confirmed: boolean }): CloseAction {
  if (state.confirmed || state.waiting <= 0) return 'close';
  return TRAY_PLATFORMS.includes(state.platform) ? 'tray' : 'ask';
}

/** While the window is in the tray: keep going, or quit because nothing waits any more. */
export function trayNext(state: { inTray: boolean; waiting: number }): 'keep' | 'quit' | 'none' {
  if (!state.inTray) return 'none';
  return state.waiting > 0 ? 'keep' : 'quit';
}

export type TrayItemId = 'status' | 'open' | 'quit';

export interface TrayView {
  /** The icon's hover text. */
  tooltip: string;
  /** The tray menu, top to bottom; `status` is a line of text, not a command. */
  items: Array<{ id: TrayItemId; label: string; enabled: boolean }>;
  /** Said once when the window goes to the tray, so the user knows the app did not quit. */
  notice: { title: string; body: string };
}

export function trayView(waiting: number, locale: UiLocale): TrayView {
  const tr = translator(locale);
  const status = tr.t('app.tray.status', { count: waiting });
  return {
    tooltip: `${tr.t('app.appName')} — ${status}`,
    items: [
      { id: 'status', label: status, enabled: false },
      { id: 'open', label: tr.t('app.tray.open'), enabled: true },
      { id: 'quit', label: tr.t('app.tray.quit'), enabled: true },
    ],
    notice: { title: tr.t('app.tray.noticeTitle'), body: tr.t('app.tray.noticeBody', { count: waiting }) },
  };
}

/** The question asked on close where there is no tray (the buttons: 0 closes, 1 keeps it open). */
export function closeQuestion(waiting: number, locale: UiLocale) {
  const tr = translator(locale);
  return {
    type: 'question' as const,
    title: tr.t('app.close.title'),
    message: tr.t('app.close.message', { count: waiting }),
    detail: tr.t('app.close.detail'),
    buttons: [tr.t('app.close.quit'), tr.t('app.close.stay')],
    defaultId: 1,
    cancelId: 1,
  };
}
