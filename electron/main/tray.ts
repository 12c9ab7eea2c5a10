/**
 * The tray icon kept while archives wait to be sent after the window was closed (Windows,
 * macOS). Only Electron calls: what to do and what it says come from the engine's close-plan.ts.
 */
import { Menu, Tray, type BrowserWindow } from 'electron';
import type { UiLocale } from '../../shared/api.js';
import { trayNext, trayView, type TrayItemId } from '../engine/close-plan.js';

export interface TrayKeeper {
  /** The window closed with jobs waiting: hide it and show the tray. */
  enter(): void;
  /** The number of waiting jobs changed: redraw, or quit when none is left. */
  update(): void;
  /** Back to the window (tray menu, a second start, a link). */
  leave(): void;
}

export function createTrayKeeper(options: { win: BrowserWindow; iconPath: string; locale: UiLocale; waiting: () => number; quit: () => void }): TrayKeeper {
  let tray: Tray | undefined;
  let noticeShown = false;
  const { win } = options;

  const leave = () => {
    tray?.destroy();
    tray = undefined;
    if (!win.isDestroyed()) {
      win.show();
      win.focus();
    }
  };
  const onItem = (id: TrayItemId) => (id === 'open' ? leave() : id === 'quit' ? options.quit() : undefined);

  const update = () => {
    const waiting = options.waiting();
    const next = trayNext({ inTray: tray !== undefined, waiting });
    if (next === 'none') return;
    if (next === 'quit') {
      tray?.destroy();
      tray = undefined;
      options.quit();
      return;
    }
    const view = trayView(waiting, options.locale);
    tray!.setToolTip(view.tooltip);
    tray!.setContextMenu(Menu.buildFromTemplate(view.items.map((item) => ({ label: item.label, enabled: item.enabled, click: () => onItem(item.id) }))));
  };

  return {
    enter() {
      win.hide();
      if (!tray) {
        tray = new Tray(options.iconPath);
        // Windows: a click on the icon brings the window back (macOS opens the menu).
        tray.on('click', leave);
      }
      update();
      if (!noticeShown && tray && process.platform === 'win32') {
        noticeShown = true;
        const { notice } = trayView(options.waiting(), options.locale);
        tray.displayBalloon({ title: notice.title, content: notice.body, iconType: 'info' });
      }
    },
    update,
    leave,
  };
}
