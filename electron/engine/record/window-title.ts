/**
 * The foreground window's title at a step, per platform. Linux/X11 asks xdotool for the active
 * window; without a window manager that keeps `_NET_ACTIVE_WINDOW` (a bare X server, some
 * kiosks) it takes the top-most window at the click instead (`xwininfo` lists the windows in
 * stacking order with their positions), which is the window clicked. Windows and macOS are plans (commands and
 * parsers) tested on recorded output; all run through the engine's exec, never blocking.
 */
import type { Platform } from '../../../shared/types.js';
import { powershellArgs } from '../collectors/support/run.js';
import { exec, type ExecResult } from '../platform/exec.js';

const TITLE_TIMEOUT_MS = 3_000;
/** Window titles are one line; anything longer is cut. */
const TITLE_MAX = 300;

type Run = (command: string, args: string[]) => Promise<Pick<ExecResult, 'code' | 'stdout'>>;

const defaultRun: Run = (command, args) => exec(command, args, { timeoutMs: TITLE_TIMEOUT_MS, maxBytes: 64 * 1024 });

/** Windows: GetForegroundWindow + GetWindowText (user32), printed as UTF-8. */
export const WINDOWS_TITLE_SCRIPT = [
  '[Console]::OutputEncoding = [Text.Encoding]::UTF8',
  "Add-Type -Namespace DiagCollect -Name Fg -MemberDefinition '[DllImport(\"user32.dll\")] public static extern System.IntPtr GetForegroundWindow(); [DllImport(\"user32.dll\", CharSet = CharSet.Unicode)] public static extern int GetWindowText(System.IntPtr h, System.Text.StringBuilder s, int n);'",
  '$s = New-Object System.Text.StringBuilder 1024',
  '[void][DiagCollect.Fg]::GetWindowText([DiagCollect.Fg]::GetForegroundWindow(), $s, 1024)',
  '$s.ToString()',
].join('; ');

/** macOS: the frontmost application and its front window (System Events; needs the Accessibility permission for the window name). */
export const MAC_TITLE_SCRIPT =
  'tell application "System Events" to tell (first application process whose frontmost is true) to return (name as text) & "\n" & (try (name of front window as text) on error "" end try)';

/** The commands that read the title on a platform, first choice first. */
export function windowTitlePlan(platform: Platform): Array<{ command: string; args: string[] }> {
  if (platform === 'win32') return [{ command: 'powershell.exe', args: powershellArgs(WINDOWS_TITLE_SCRIPT) }];
  if (platform === 'darwin') return [{ command: 'osascript', args: ['-e', MAC_TITLE_SCRIPT] }];
  return [{ command: 'xdotool', args: ['getactivewindow', 'getwindowname'] }];
}

/** `App\nWindow` from osascript → `Window — App` (or the app alone). */
export function parseMacTitle(stdout: string): string | undefined {
  const [app, window] = stdout.replace(/\r/g, '').split('\n').map((s) => s.trim());
  if (!app) return undefined;
  return clean(window ? `${window} — ${app}` : app);
}

/** `xdotool getmouselocation --shell` → the pointer's position. */
export function parseMouseLocation(stdout: string): { x: number; y: number } | undefined {
  const x = /^X=(-?\d+)$/m.exec(stdout)?.[1];
  const y = /^Y=(-?\d+)$/m.exec(stdout)?.[1];
  return x !== undefined && y !== undefined ? { x: Number(x), y: Number(y) } : undefined;
}

export interface XWindow {
  id: string;
  name?: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The children listed by `xwininfo -children -id W` (or `-root`), top-most first (xwininfo
 * lists them in the reverse of X's bottom-to-top order), with their absolute position.
 */
export function parseXwininfoChildren(stdout: string): XWindow[] {
  const out: XWindow[] = [];
  for (const m of stdout.matchAll(/^\s+(0x[0-9a-f]+) (?:"(.*)"|\(has no name\)): \(.*?\)\s+(\d+)x(\d+)[+-]-?\d+[+-]-?\d+\s+\+?(-?\d+)\+?(-?\d+)\s*$/gm)) {
    out.push({ id: m[1]!, ...(m[2] !== undefined ? { name: m[2] } : {}), width: Number(m[3]), height: Number(m[4]), x: Number(m[5]), y: Number(m[6]) });
  }
  return out;
}

/** The top-most window of `windows` that holds the point. */
export function windowAt(windows: readonly XWindow[], x: number, y: number): XWindow | undefined {
  return windows.find((w) => x >= w.x && y >= w.y && x < w.x + w.width && y < w.y + w.height);
}

function clean(title: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const t = title.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return t ? (t.length > TITLE_MAX ? `${t.slice(0, TITLE_MAX - 1)}…` : t) : undefined;
}

/** What reads titles over an open X connection (x11-grab.ts's X11Screen). */
export interface XTitleReader {
  activeWindowTitle(point?: { x: number; y: number }): Promise<string | undefined>;
}

/**
 * The foreground window's title, or undefined when none can be told (never throws). On X11 with
 * the recording's connection open it is read over that connection (a few requests, no process:
 * each xdotool/xwininfo process cost 30–100 ms of CPU at every step and competed with the
 * picture); the processes are the fallback when there is no connection or it fails.
 */
export async function foregroundWindowTitle(platform: Platform, point?: { x: number; y: number }, run: Run = defaultRun, x11?: XTitleReader): Promise<string | undefined> {
  if (platform === 'linux' && x11) {
    try {
      return clean((await x11.activeWindowTitle(point)) ?? '');
    } catch {
      // the connection failed: ask the tools
    }
  }
  try {
    const [first] = windowTitlePlan(platform);
    const r = await run(first!.command, first!.args);
    const out = r.stdout.toString('utf8');
    if (r.code === 0) {
      const title = platform === 'darwin' ? parseMacTitle(out) : clean(out);
      if (title || platform !== 'linux') return title;
    }
    if (platform !== 'linux') return undefined;
    // No window manager telling the active window: the top-level window at the click (or the pointer).
    const at = point ?? parseMouseLocation((await run('xdotool', ['getmouselocation', '--shell'])).stdout.toString('utf8'));
    if (!at) return undefined;
    let id = 'root';
    for (let depth = 0; depth < 4; depth += 1) {
      const listed = parseXwininfoChildren((await run('xwininfo', id === 'root' ? ['-root', '-children'] : ['-children', '-id', id])).stdout.toString('utf8'));
      const hit = windowAt(listed, at.x, at.y);
      if (!hit) return undefined;
      if (hit.name) return clean(hit.name);
      // A window manager's frame has no name: its client inside has.
      id = hit.id;
    }
    return undefined;
  } catch {
    return undefined;
  }
}
