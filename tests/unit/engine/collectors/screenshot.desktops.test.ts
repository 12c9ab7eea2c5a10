import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { looksBlank, MAC_SCREEN_RECORDING_HELP, screenshotCollector, screenshotPlan, WINDOWS_SCRIPT, windowsShotReason } from '../../../../electron/engine/collectors/screenshot.js';
import { createFakeContext } from './fake-context.js';
import { installStandIns, type StandIns } from './stand-ins.js';


/** The pictures are made with ImageMagick (installed on the Linux test machine; not on every runner). */
const hasImageMagick = spawnSync('convert', ['-version']).status === 0;
let dir: string;
let blank: string;
let desktop: string;
beforeAll(() => {
  if (!hasImageMagick) return;
  dir = mkdtempSync(path.join(os.tmpdir(), 'shots-'));
  blank = path.join(dir, 'blank.png');
  desktop = path.join(dir, 'desktop.png');
  // What macOS hands out without the permission (one colour), and a desktop with detail.
  execFileSync('convert', ['-size', '2880x1800', 'xc:#1e1e1e', blank]);
  execFileSync('convert', ['-size', '1440x900', 'plasma:fractal', '-blur', '0x1', desktop]);
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let standIns: StandIns | undefined;
afterEach(() => {
  standIns?.restore();
  standIns = undefined;
});

describe.runIf(hasImageMagick && process.platform !== 'win32')('screenshot on macOS (stand-in screencapture)', () => {
  it('no picture at all: the skip explains the Screen Recording permission and where to grant it', async () => {
    standIns = installStandIns({ screencapture: 'echo "could not create image from display" >&2; exit 1' });
    const ctx = createFakeContext({ platform: 'darwin' });
    await screenshotCollector.run(ctx);
    expect(ctx.items).toEqual([]);
    expect(ctx.skips).toHaveLength(1);
    expect(ctx.skips[0]!.reason).toBe(`no screenshot tool worked: screencapture exited with code 1: could not create image from display. ${MAC_SCREEN_RECORDING_HELP}`);
    expect(MAC_SCREEN_RECORDING_HELP).toContain('System Settings → Privacy & Security → Screen Recording');
  });

  it('a blank picture is left out, with the same explanation', async () => {
    standIns = installStandIns({ screencapture: `cp '${blank}' "$4"` });
    const ctx = createFakeContext({ platform: 'darwin' });
    await screenshotCollector.run(ctx);
    expect(ctx.items).toEqual([]);
    expect(ctx.skips[0]!.reason).toMatch(/^screencapture -x -t png <file> returned a blank picture \(2880x1800, one colour\): the Screen Recording permission is probably missing\. macOS allows screenshots only/);
    expect(ctx.commands[0]).toMatch(/^screencapture -x -t png \/.*\/screen\.png$/);
  });

  it('a real picture is taken, with a note on what a missing permission looks like', async () => {
    standIns = installStandIns({ screencapture: `cp '${desktop}' "$4"` });
    const ctx = createFakeContext({ platform: 'darwin' });
    await screenshotCollector.run(ctx);
    const item = ctx.item('screenshot.png');
    expect(item.data!.equals(readFileSync(desktop))).toBe(true);
    expect(item.note).toMatch(/only the desktop background and menu bar, without any windows, the Screen Recording permission is missing/);
  });

  it('looksBlank: flat pictures compress below 1 byte per 200 pixels, desktops do not', () => {
    expect(looksBlank(readFileSync(blank))).toBe(true);
    expect(looksBlank(readFileSync(desktop))).toBe(false);
  });
});

describe('screenshot on Windows (PowerShell fallback for the CLI)', () => {
  it('DPI-aware capture of the whole virtual screen, disposed after saving; the path quoted for PowerShell', () => {
    const script = WINDOWS_SCRIPT("C:\\Users\\张三\\AppData\\Local\\Temp\\d'x\\screen.png");
    expect(script.indexOf('SetProcessDPIAware()')).toBeLessThan(script.indexOf('VirtualScreen'));
    expect(script).toContain("$bmp.Save('C:\\Users\\张三\\AppData\\Local\\Temp\\d''x\\screen.png', [System.Drawing.Imaging.ImageFormat]::Png)");
    expect(script).toMatch(/\$g\.Dispose\(\); \$bmp\.Dispose\(\)$/);
    expect(screenshotPlan('win32')[0]!.command).toBe('powershell.exe');
  });

  it('no interactive desktop (a service, session 0, a locked screen) is said in words a user can act on', () => {
    expect(windowsShotReason('powershell.exe exited with code 1: Exception calling "CopyFromScreen" with "5" argument(s): "The handle is invalid"')).toMatch(/there is no interactive desktop to capture/);
    expect(windowsShotReason('powershell.exe exited with code 1: 句柄无效。')).toMatch(/no interactive desktop/);
    expect(windowsShotReason('powershell.exe is not installed')).toBe('powershell.exe is not installed');
  });

  it.skipIf(process.platform === 'win32')('on win32 the capture is run through powershell.exe (a stand-in here) and a failure keeps the reason', async () => {
    standIns = installStandIns({ 'powershell.exe': 'echo "Exception calling \\"CopyFromScreen\\": The handle is invalid" >&2; exit 1' });
    const ctx = createFakeContext({ platform: 'win32' });
    await screenshotCollector.run(ctx);
    expect(ctx.skips[0]!.reason).toMatch(/^no screenshot tool worked: powershell\.exe exited with code 1: .*The handle is invalid.* — there is no interactive desktop to capture/);
  });
});
