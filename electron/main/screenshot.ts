/**
 * The screenshot (问题截图) through Electron's desktopCapturer: the whole display the app window
 * is on, at full resolution, taken while the app window is hidden, so the picture shows the
 * user's problem and not our form. The window comes back (and gets focus) whatever happens.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { desktopCapturer, screen, type BrowserWindow } from 'electron';

/** Long enough for the compositor to drop the hidden window from the next frame. */
const HIDE_SETTLE_MS = 300;

export async function captureDesktop(win: BrowserWindow | undefined): Promise<Buffer> {
  const display = win && !win.isDestroyed() ? screen.getDisplayMatching(win.getBounds()) : screen.getPrimaryDisplay();
  const wasVisible = Boolean(win && !win.isDestroyed() && win.isVisible());
  if (wasVisible) win!.hide();
  try {
    await delay(HIDE_SETTLE_MS);
    const thumbnailSize = { width: Math.round(display.size.width * display.scaleFactor), height: Math.round(display.size.height * display.scaleFactor) };
    const sources = await desktopCapturer.getSources({ types: ['screen'], thumbnailSize });
    const source = sources.find((s) => s.display_id === String(display.id)) ?? sources[0];
    if (!source || source.thumbnail.isEmpty()) {
      throw new Error('the screen could not be captured (on macOS allow Screen Recording for this app; on Wayland allow screen sharing)');
    }
    return source.thumbnail.toPNG();
  } finally {
    if (wasVisible && win && !win.isDestroyed()) {
      win.show();
      win.focus();
    }
  }
}
