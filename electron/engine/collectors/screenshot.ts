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
import { failureOf, powershellArgs } from './support/run.js';
import type { Collector, CollectorContext } from './types.js';

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

const WINDOWS_SCRIPT = (file: string) =>
  [
    'Add-Type -AssemblyName System.Windows.Forms,System.Drawing',
    '$b = [System.Windows.Forms.SystemInformation]::VirtualScreen',
    '$bmp = New-Object System.Drawing.Bitmap $b.Width, $b.Height',
    '$g = [System.Drawing.Graphics]::FromImage($bmp)',
    '$g.CopyFromScreen($b.Left, $b.Top, 0, 0, $bmp.Size)',
    `$bmp.Save('${file.replace(/'/g, "''")}', [System.Drawing.Imaging.ImageFormat]::Png)`,
  ].join('; ');
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

export const screenshotCollector: Collector = {
  id: 'screenshot',
  category: 'screenshot',
  title: { 'zh-CN': '问题截图', en: 'Screenshot' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 20_000,
  sensitive: true,

  describe(platform: Platform): string[] {
    if (platform === 'darwin') return [SCREENCAPTURE.label];
    if (platform === 'win32') return [POWERSHELL.label];
    return [`Wayland (WAYLAND_DISPLAY): ${GRIM.label}, else ${GNOME.label}`, `X11 (DISPLAY): ${IMPORT.label}, else ${XWD.label}, else ${GNOME.label}`];
  },

  async run(ctx) {
    if (!ctx.policy.screenshotAllowed) {
      ctx.skip('screenshot', 'screenshots are not allowed by policy (screenshotAllowed: false)');
      return;
    }
    const plan = screenshotMethods(ctx.platform);
    if ('reason' in plan) {
      ctx.skip('screenshot', plan.reason);
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
        ctx.addBuffer(ctx.name('screenshot'), result, method.label, 'binary');
        if (failures.length) ctx.warn(`screenshot: earlier methods failed: ${failures.join('; ')}`);
        return;
      }
      ctx.skip('screenshot', `no screenshot tool worked: ${failures.join('; ')}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
