/**
 * 问题截图: a PNG of the whole desktop, for the CLI and for sessions without Electron (the app
 * itself uses desktopCapturer in electron/main). Sensitive: it runs only with the user's consent
 * and only when policy allows screenshots. The tool is chosen by the session type: Wayland
 * (`grim`), X11 (`import` from ImageMagick, or `xwd` + `convert`), then `gnome-screenshot`.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Platform } from '../../../shared/types.js';
import { CommandNotFoundError } from '../platform/exec.js';
import { describePlan } from './support/plan.js';
import { failureOf, powershellArgs } from './support/run.js';
import type { Collector, CollectorContext, PlannedCommand } from './types.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SHOT_TIMEOUT_MS = 10_000;
const MAX_PNG = 128 * 1024 * 1024;

export function isPng(data: Buffer): boolean {
  return data.length > 24 && data.subarray(0, 8).equals(PNG_SIGNATURE);
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(data: Buffer): { width: number; height: number } {
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/** One way to take the picture: to stdout, or to a file in a temp folder. */
interface Method {
  label: string;
  steps: (file: string) => Array<{ cmd: string; args: string[] }>;
  /** The PNG comes out on stdout of the last step; otherwise it is read from `file`. */
  stdout: boolean;
}

const GRIM: Method = { label: 'grim -', steps: () => [{ cmd: 'grim', args: ['-t', 'png', '-'] }], stdout: true };
const IMPORT: Method = { label: 'import -window root png:-', steps: () => [{ cmd: 'import', args: ['-window', 'root', 'png:-'] }], stdout: true };
const XWD: Method = {
  label: 'xwd -root -out <file> + convert xwd:<file> png:-',
  steps: (file) => [
    { cmd: 'xwd', args: ['-root', '-silent', '-out', `${file}.xwd`] },
    { cmd: 'convert', args: [`xwd:${file}.xwd`, 'png:-'] },
  ],
  stdout: true,
};
const GNOME: Method = { label: 'gnome-screenshot -f <file>', steps: (file) => [{ cmd: 'gnome-screenshot', args: ['-f', file] }], stdout: false };
const SCREENCAPTURE: Method = { label: 'screencapture -x -t png <file>', steps: (file) => [{ cmd: 'screencapture', args: ['-x', '-t', 'png', file] }], stdout: false };

/**
 * The whole virtual screen (every monitor). SetProcessDPIAware first: PowerShell is not DPI
 * aware, so on a display scaled to 150 % VirtualScreen would report scaled-down sizes and the
 * picture would hold only the top-left part of the desktop.
 */
export const WINDOWS_SCRIPT = (file: string): string =>
  [
    'Add-Type -AssemblyName System.Windows.Forms,System.Drawing',
    "Add-Type -Namespace DiagCollect -Name Dpi -MemberDefinition '[DllImport(\"user32.dll\")] public static extern bool SetProcessDPIAware();'",
    '[void][DiagCollect.Dpi]::SetProcessDPIAware()',
    '$b = [System.Windows.Forms.SystemInformation]::VirtualScreen',
    '$bmp = New-Object System.Drawing.Bitmap $b.Width, $b.Height',
    '$g = [System.Drawing.Graphics]::FromImage($bmp)',
    '$g.CopyFromScreen($b.Left, $b.Top, 0, 0, $bmp.Size)',
    `$bmp.Save('${file.replace(/'/g, "''")}', [System.Drawing.Imaging.ImageFormat]::Png)`,
    '$g.Dispose()',
    '$bmp.Dispose()',
  ].join('; ');

/** Where macOS asks for the permission a screenshot needs, for reasons and notes. */
export const MAC_SCREEN_RECORDING_HELP =
  'macOS allows screenshots only to apps given the Screen Recording permission: open System Settings → Privacy & Security → Screen Recording (System Preferences → Security & Privacy → Privacy → Screen Recording before macOS 13), switch it on for the app that runs diagcollect (Terminal, iTerm or Diagnostics Collector), quit and reopen that app, then collect again';

/**
 * True when a PNG is (almost) one flat colour: it compresses below 1 byte per 200 pixels, which a
 * real desktop with text never does (deflate packs a flat image about 1000:1, 4 bytes a pixel).
 */
export function looksBlank(png: Buffer): boolean {
  const { width, height } = pngSize(png);
  return width * height > 0 && png.length * 200 < width * height;
}

/** Why the Windows capture failed, in words a user can act on. */
export function windowsShotReason(failure: string): string {
  return /handle is invalid|句柄无效|CopyFromScreen/i.test(failure)
    ? `${failure} — there is no interactive desktop to capture (diagcollect runs as a service or in session 0, or the screen is locked); run it from the user's own desktop session`
    : failure;
}
const POWERSHELL: Method = {
  label: 'powershell System.Drawing CopyFromScreen (virtual screen) → PNG',
  steps: (file) => [{ cmd: 'powershell.exe', args: powershellArgs(WINDOWS_SCRIPT(file)) }],
  stdout: false,
};

/** The methods to try, in order, for this platform and session; or why there is no session. */
export function screenshotMethods(platform: Platform, env: NodeJS.ProcessEnv = process.env): { methods: Method[] } | { reason: string } {
  if (platform === 'darwin') return { methods: [SCREENCAPTURE] };
  if (platform === 'win32') return { methods: [POWERSHELL] };
  if (env.WAYLAND_DISPLAY) return { methods: [GRIM, GNOME] };
  if (env.DISPLAY) return { methods: [IMPORT, XWD, GNOME] };
  return { reason: 'no graphical session (DISPLAY/WAYLAND_DISPLAY unset)' };
}

/** Runs one method; the PNG, or why it did not work. */
async function take(ctx: CollectorContext, method: Method, dir: string): Promise<Buffer | string> {
  const file = path.join(dir, 'screen.png');
  const steps = method.steps(file);
  let last: Buffer = Buffer.alloc(0);
  for (const step of steps) {
    try {
      const r = await ctx.exec(step.cmd, step.args, { timeoutMs: SHOT_TIMEOUT_MS, maxBytes: MAX_PNG, keep: 'head' });
      const failure = failureOf(r);
      if (failure) return `${step.cmd} ${failure}`;
      if (r.truncated) return `${step.cmd}: the picture is over ${MAX_PNG} bytes`;
      last = r.stdout;
    } catch (err) {
      if (ctx.signal.aborted) throw err;
      return err instanceof CommandNotFoundError ? `${step.cmd} is not installed` : `${step.cmd}: ${(err as Error).message}`;
    }
  }
  const png = method.stdout ? last : await readFile(file).catch(() => Buffer.alloc(0));
  return isPng(png) ? png : `${method.label} did not produce a PNG`;
}

/** The capture command on macOS and Windows (Linux picks its tool by session: screenshotMethods). */
export function screenshotPlan(platform: Platform): PlannedCommand[] {
  if (platform === 'darwin') return [{ command: 'screencapture', args: ['-x', '-t', 'png', '<temp folder>/screen.png'], purpose: 'the whole desktop as PNG, without the shutter sound (needs the Screen Recording permission)' }];
  if (platform === 'win32') {
    return [
      {
        command: 'powershell.exe',
        args: powershellArgs(WINDOWS_SCRIPT('<temp folder>\\screen.png')),
        display: 'powershell.exe -NoProfile -NonInteractive -Command "SetProcessDPIAware; [Drawing.Graphics]::CopyFromScreen(VirtualScreen) → PNG"',
        purpose: 'every monitor (the virtual screen) at full resolution as PNG',
      },
    ];
  }
  return [];
}

export const screenshotCollector: Collector = {
  id: 'screenshot',
  category: 'screenshot',
  title: { 'zh-CN': '问题截图', en: 'Screenshot' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 20_000,
  sensitive: true,

  describe(platform: Platform): string[] {
    if (platform === 'darwin') return [...describePlan('darwin', screenshotPlan(platform)), 'a blank picture is left out; the reason says how to grant the Screen Recording permission'];
    if (platform === 'win32') return [...describePlan('win32', screenshotPlan(platform)), 'the PNG is written to a temporary folder, read, and the folder removed'];
    return [`Wayland (WAYLAND_DISPLAY): ${GRIM.label}, else ${GNOME.label}`, `X11 (DISPLAY): ${IMPORT.label}, else ${XWD.label}, else ${GNOME.label}`];
  },

  plan: screenshotPlan,

  async run(ctx) {
    if (!ctx.policy.screenshotAllowed) {
      ctx.skip('screenshot', { code: 'screenshot-forbidden' });
      return;
    }
    const plan = screenshotMethods(ctx.platform);
    if ('reason' in plan) {
      ctx.skip('screenshot', { code: 'no-display' });
      return;
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), 'diagcollect-shot-'));
    try {
      const failures: string[] = [];
      for (const method of plan.methods) {
        const result = await take(ctx, method, dir);
        if (typeof result === 'string') {
          failures.push(result);
          continue;
        }
        if (ctx.platform === 'darwin' && looksBlank(result)) {
          // Without the permission, recent macOS versions hand out an empty or single-colour picture.
          ctx.skip('screenshot', `${method.label} returned a blank picture (${pngSize(result).width}x${pngSize(result).height}, one colour): the Screen Recording permission is probably missing. ${MAC_SCREEN_RECORDING_HELP}`);
          return;
        }
        const note =
          ctx.platform === 'darwin'
            ? 'if the picture shows only the desktop background and menu bar, without any windows, the Screen Recording permission is missing (System Settings → Privacy & Security → Screen Recording)'
            : undefined;
        ctx.addBuffer(ctx.name('screenshot'), result, method.label, 'binary', note ? { note } : undefined);
        if (failures.length) ctx.warn(`screenshot: earlier methods failed: ${failures.join('; ')}`);
        return;
      }
      const why = `no screenshot tool worked: ${failures.join('; ')}`;
      ctx.skip('screenshot', ctx.platform === 'darwin' ? `${why}. ${MAC_SCREEN_RECORDING_HELP}` : ctx.platform === 'win32' ? windowsShotReason(why) : why);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
