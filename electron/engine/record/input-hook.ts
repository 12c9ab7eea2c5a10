/**
 * Where the recorder learns of clicks: the global input hook (uiohook-napi, prebuilt for
 * Windows, macOS and Linux/X11), loaded only when a recording starts. Keystrokes are never
 * recorded: the hook's key events are looked at for the mark shortcut (Ctrl+Alt+M) alone and
 * dropped. Where the hook cannot run (Wayland, where it cannot see other programs; no X
 * display; macOS without the Accessibility permission; a missing binary) the recorder falls
 * back to a picture every N seconds plus the user's marks, and says why.
 */
import type { Platform } from '../../../shared/types.js';

export interface Click {
  x: number;
  y: number;
  button: number;
  /** When the hook saw it (ms since the epoch). */
  at: number;
}

export interface InputHandlers {
  onClick(click: Click): void;
  /** The mark shortcut was pressed. */
  onMarkKey(): void;
}

export interface InputSource {
  mode: 'hook' | 'interval';
  /** Why the hook is not used, when it is not. */
  why?: string;
  stop(): void;
}

/** Why the hook cannot see this session's clicks, or undefined when it can. */
export function hookUnavailable(platform: Platform, env: NodeJS.ProcessEnv): string | undefined {
  if (platform !== 'linux') return undefined;
  if (env.WAYLAND_DISPLAY && env.XDG_SESSION_TYPE === 'wayland') return 'a Wayland session does not let a program see clicks in other windows';
  if (!env.DISPLAY) return 'no X display (DISPLAY is unset)';
  return undefined;
}

/** uiohook's key code of M and its left/right-agnostic modifiers. */
const KEY_M = 50;

interface Hook {
  on(event: 'mousedown', f: (e: { x: number; y: number; button: unknown }) => void): void;
  on(event: 'keydown', f: (e: { keycode: number; ctrlKey: boolean; altKey: boolean }) => void): void;
  removeAllListeners(): void;
  start(): void;
  stop(): void;
}

/** Starts the hook; a reason string when it cannot run here. */
export async function startHook(platform: Platform, env: NodeJS.ProcessEnv, handlers: InputHandlers): Promise<InputSource | string> {
  const why = hookUnavailable(platform, env);
  if (why) return why;
  // The hook opens the display of this process's environment, not of `env`.
  if (platform === 'linux' && env.DISPLAY !== process.env.DISPLAY) return `the input hook watches this process's display (${process.env.DISPLAY ?? 'none'}), not ${env.DISPLAY}`;
  let hook: Hook;
  try {
    const mod = (await import('uiohook-napi')) as unknown as { uIOhook?: Hook; default?: { uIOhook: Hook } };
    hook = (mod.uIOhook ?? mod.default?.uIOhook)!;
    if (!hook) return 'the input hook library did not load';
  } catch (err) {
    return `the input hook could not be loaded: ${err instanceof Error ? err.message : String(err)}`;
  }
  hook.on('mousedown', (e) => handlers.onClick({ x: e.x, y: e.y, button: Number(e.button) || 1, at: Date.now() }));
  // Only the shortcut is recognised; no key, character or timing is kept.
  hook.on('keydown', (e) => {
    if (e.keycode === KEY_M && e.ctrlKey && e.altKey) handlers.onMarkKey();
  });
  try {
    hook.start();
  } catch (err) {
    hook.removeAllListeners();
    return `the input hook could not start: ${err instanceof Error ? err.message : String(err)}${platform === 'darwin' ? ' (macOS: allow the Accessibility permission for the app running diagcollect)' : ''}`;
  }
  return {
    mode: 'hook',
    stop() {
      hook.removeAllListeners();
      hook.stop();
    },
  };
}

/** The fallback: a tick every `intervalMs`. */
export function startInterval(intervalMs: number, onTick: () => void, why: string): InputSource {
  const timer = setInterval(onTick, intervalMs);
  return { mode: 'interval', why, stop: () => clearInterval(timer) };
}
