import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isPng, pngSize, screenshotCollector, screenshotMethods } from '../../../../electron/engine/collectors/screenshot.js';
import { createFakeContext } from './fake-context.js';
import { installStandIns, type StandIns } from './stand-ins.js';

// A real X server: Xvfb picks a free display itself (-displayfd) and says which one on stdout.
let xvfb: ChildProcess | undefined;
let display = '';
let tmp: string;

const savedDisplay = { DISPLAY: process.env.DISPLAY, WAYLAND_DISPLAY: process.env.WAYLAND_DISPLAY };
function setDisplay(env: { DISPLAY?: string; WAYLAND_DISPLAY?: string }) {
  for (const key of ['DISPLAY', 'WAYLAND_DISPLAY'] as const) {
    if (env[key] === undefined) delete process.env[key];
    else process.env[key] = env[key];
  }
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'shot-'));
  if (spawnSync('sh', ['-c', 'command -v Xvfb && command -v import && command -v xwd']).status !== 0) {
    throw new Error('the screenshot tests need a real X server and tools: apt-get install -y xvfb xauth x11-apps imagemagick');
  }
  xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1024x768x24', '-nolisten', 'tcp', '-noreset'], { stdio: ['ignore', 'pipe', 'ignore'] });
  display = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Xvfb did not start within 10 s')), 10_000);
    let out = '';
    xvfb!.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    xvfb!.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  // Paint the whole desktop red (ImageMagick sets the root window's background; -noreset keeps it
  // after the last client disconnects, which would otherwise reset the server to a black root).
  spawnSync('display', ['-window', 'root', 'xc:red'], { env: { ...process.env, DISPLAY: display }, timeout: 10_000 });
});

afterAll(() => {
  xvfb?.kill('SIGTERM');
  setDisplay(savedDisplay);
  rmSync(tmp, { recursive: true, force: true });
});

let standIns: StandIns | undefined;
afterEach(() => {
  standIns?.restore();
  standIns = undefined;
  setDisplay(savedDisplay);
});

/** The colour of one pixel, read back by ImageMagick. */
function pixel(png: Buffer, x: number, y: number): [number, number, number] {
  const file = path.join(tmp, `p-${Date.now()}.png`);
  writeFileSync(file, png);
  const out = execFileSync('/usr/bin/convert', [file, '-format', `%[fx:int(255*p{${x},${y}}.r)],%[fx:int(255*p{${x},${y}}.g)],%[fx:int(255*p{${x},${y}}.b)]`, 'info:'], { encoding: 'utf8' });
  return out.trim().split(',').map(Number) as [number, number, number];
}

describe('screenshot collector on a real X display (Xvfb)', () => {
  it('takes the whole 1024x768 desktop as a PNG with import', async () => {
    setDisplay({ DISPLAY: display });
    const ctx = createFakeContext();
    await screenshotCollector.run(ctx);
    const item = ctx.item('screenshot.png');
    expect(item.kind).toBe('binary');
    expect(item.source).toBe('import -window root png:-');
    expect(isPng(item.data!)).toBe(true);
    expect(pngSize(item.data!)).toEqual({ width: 1024, height: 768 });
    const [r, g, b] = pixel(item.data!, 10, 10);
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(50);
    expect(b).toBeLessThan(50);
    expect(pixel(item.data!, 1000, 700)[0]).toBeGreaterThan(200);
    expect(ctx.skips).toEqual([]);
  });

  it('falls back to xwd + convert when ImageMagick import is missing, and says so', async () => {
    setDisplay({ DISPLAY: display });
    standIns = installStandIns({}, { only: true, keep: ['/usr/bin/xwd', '/usr/bin/convert'] });
    expect(existsSync(path.join(standIns.dir, 'import'))).toBe(false);
    const ctx = createFakeContext({ lang: 'zh-CN' });
    await screenshotCollector.run(ctx);
    const item = ctx.item('问题截图.png');
    expect(item.source).toBe('xwd -root -out <file> + convert xwd:<file> png:-');
    expect(pngSize(item.data!)).toEqual({ width: 1024, height: 768 });
    expect(pixel(item.data!, 500, 400)[0]).toBeGreaterThan(200);
    expect(ctx.warnings).toEqual(['screenshot: earlier methods failed: import is not installed']);
  });

  it('no graphical session: a skip with the reason', async () => {
    setDisplay({});
    const ctx = createFakeContext();
    await screenshotCollector.run(ctx);
    expect(ctx.items).toEqual([]);
    expect(ctx.skips).toEqual([{ source: 'screenshot', reason: 'no graphical session (DISPLAY/WAYLAND_DISPLAY unset)' }]);
  });

  it('a display nobody answers on: every method fails, one skip lists why', async () => {
    setDisplay({ DISPLAY: ':4711' });
    const ctx = createFakeContext();
    await screenshotCollector.run(ctx);
    expect(ctx.items).toEqual([]);
    expect(ctx.skips).toHaveLength(1);
    expect(ctx.skips[0]!.reason).toMatch(/^no screenshot tool worked: import exited with code 1: .*; xwd exited with code 1: .*; gnome-screenshot (is not installed|.*)$/);
  });

  it('policy forbids screenshots: nothing is taken', async () => {
    setDisplay({ DISPLAY: display });
    const ctx = createFakeContext({ policy: { screenshotAllowed: false } });
    await screenshotCollector.run(ctx);
    expect(ctx.items).toEqual([]);
    expect(ctx.commands).toEqual([]);
    expect(ctx.skips).toEqual([{ source: 'screenshot', reason: 'screenshots are not allowed by policy (screenshotAllowed: false)' }]);
  });
});

describe('screenshotMethods', () => {
  it('chooses by session type and platform', () => {
    const labels = (r: ReturnType<typeof screenshotMethods>) => ('methods' in r ? r.methods.map((m) => m.label) : r.reason);
    expect(labels(screenshotMethods('linux', { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }))).toEqual(['grim -', 'gnome-screenshot -f <file>']);
    expect(labels(screenshotMethods('linux', { DISPLAY: ':0' }))).toEqual(['import -window root png:-', 'xwd -root -out <file> + convert xwd:<file> png:-', 'gnome-screenshot -f <file>']);
    expect(labels(screenshotMethods('darwin', {}))).toEqual(['screencapture -x -t png <file>']);
    expect(labels(screenshotMethods('win32', {}))[0]).toMatch(/CopyFromScreen/);
  });
});
