/**
 * The foreground window's title at a step, per platform. Linux/X11 asks xdotool for the active
 * window; without a window manager that keeps `_NET_ACTIVE_WINDOW` (a bare X server, some
 * kiosks) it takes the top-level window under the pointer instead (`xwininfo` names its
 * parents), which for a click is the window clicked. Windows and macOS are plans (commands and
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

/** `xdotool getmouselocation --shell` → the window id under the pointer (0: the root, none). */
export function parseMouseWindow(stdout: string): string | undefined {
  const id = /^WINDOW=(\d+)$/m.exec(stdout)?.[1];
  return id && id !== '0' ? id : undefined;
}

/**
 * `xwininfo -children -id W`: the window's own name, else its parent's id (toolkit widgets
 * have no name; their top-level window has the title).
 */
export function parseXwininfo(stdout: string): { name?: string; parent?: string } {
  const own = /^xwininfo: Window id: 0x[0-9a-f]+ "(.*)"$/im.exec(stdout)?.[1];
  if (own !== undefined) return { name: own };
  const parent = /^\s*Parent window id: (0x[0-9a-f]+)(?: "(.*)")?/im.exec(stdout);
  if (!parent || /\(the root window\)|\(none\)|id: 0x0\b/.test(parent[0]) || /Window id: 0x[0-9a-f]+ \(the root window\)/.test(stdout)) return {};
  return parent[2] !== undefined ? { name: parent[2] } : { parent: parent[1]! };
}

function clean(title: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const t = title.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return t ? (t.length > TITLE_MAX ? `${t.slice(0, TITLE_MAX - 1)}…` : t) : undefined;
}

/** The foreground window's title, or undefined when none can be told (never throws). */
export async function foregroundWindowTitle(platform: Platform, run: Run = defaultRun): Promise<string | undefined> {
  try {
    const [first] = windowTitlePlan(platform);
    const r = await run(first!.command, first!.args);
    const out = r.stdout.toString('utf8');
    if (r.code === 0) {
      const title = platform === 'darwin' ? parseMacTitle(out) : clean(out);
      if (title || platform !== 'linux') return title;
    }
    if (platform !== 'linux') return undefined;
    // No window manager telling the active window: the top-level window under the pointer.
    const where = await run('xdotool', ['getmouselocation', '--shell']);
    let id: string | undefined = parseMouseWindow(where.stdout.toString('utf8'));
    for (let depth = 0; id && depth < 8; depth += 1) {
      const info = parseXwininfo((await run('xwininfo', ['-children', '-id', id])).stdout.toString('utf8'));
      if (info.name !== undefined) return clean(info.name);
      id = info.parent;
    }
    return undefined;
  } catch {
    return undefined;
  }
}
