/**
 * The window title read over the recorder's X connection (X11Screen.activeWindowTitle) against
 * what xdotool and xwininfo report for the same real windows on a real X server (Xvfb): a
 * window renamed in Chinese with `xdotool set_window --name`, xmessage, xlogo; with a
 * `_NET_ACTIVE_WINDOW` on the root (as a window manager keeps it, set here with xprop) and
 * without one (a bare server: the top-most window at the click). And the clicks the recorder
 * sees over the same connection (XInput 2 raw presses), the wheel left out.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foregroundWindowTitle } from '../../../../electron/engine/record/window-title.js';
import { X11Screen, type XPress } from '../../../../electron/engine/record/x11-grab.js';
import { startXvfb } from '../../../helpers/xvfb.js';

const CHINESE = '月度报表 — XXSoftware 客户端（测试）';
let xvfb: ChildProcess | undefined;
const apps: ChildProcess[] = [];
let display = '';
let env: NodeJS.ProcessEnv = {};
let renamed = '';
let message = '';

function tool(cmd: string, ...args: string[]): string {
  const r = spawnSync(cmd, args, { env, timeout: 10_000, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status} ${r.stderr}`);
  return r.stdout.trim();
}

async function windowNamed(name: string): Promise<string> {
  for (let i = 0; i < 100; i += 1) {
    const r = spawnSync('xdotool', ['search', '--onlyvisible', '--name', `^${name}$`], { env, encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim().split('\n')[0]!;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no window named ${name} appeared`);
}

beforeAll(async () => {
  ({ display, server: xvfb } = await startXvfb('800x600x24', ['xdotool', 'xlogo', 'xmessage', 'xprop', 'xwininfo'], 'apt-get install -y xvfb x11-apps x11-utils xdotool'));
  // The tools' path (window-title.ts) runs xdotool and xwininfo in this process's environment.
  process.env.DISPLAY = display;
  env = { ...process.env, DISPLAY: display };
  apps.push(spawn('xlogo', ['-geometry', '200x200+20+20'], { env, stdio: 'ignore' }));
  apps.push(spawn('xlogo', ['-geometry', '200x200+300+20', '-title', 'to-be-renamed'], { env, stdio: 'ignore' }));
  apps.push(spawn('xmessage', ['-geometry', '+20+320', 'The report could not be saved'], { env, stdio: 'ignore' }));
  await windowNamed('xlogo');
  // The second xlogo gets a Chinese name the way a program sets its title (UTF-8 _NET_WM_NAME and WM_NAME).
  renamed = await windowNamed('to-be-renamed');
  tool('xdotool', 'set_window', '--name', CHINESE, renamed);
  message = await windowNamed('xmessage');
}, 30_000);

afterAll(() => {
  for (const a of apps) a.kill();
  xvfb?.kill();
});

describe('X11Screen.activeWindowTitle (the title over the X connection)', () => {
  it('without a window manager: the top-most window at the point, the same title xdotool and xwininfo give', async () => {
    const screen = await X11Screen.open(display);
    try {
      const at = { renamed: { x: 400, y: 100 }, logo: { x: 100, y: 100 }, message: { x: 40, y: 330 } };
      expect(await screen.activeWindowTitle(at.renamed)).toBe(CHINESE);
      expect(tool('xdotool', 'getwindowname', renamed)).toBe(CHINESE);
      expect(await screen.activeWindowTitle(at.logo)).toBe('xlogo');
      expect(await screen.activeWindowTitle(at.message)).toBe(tool('xdotool', 'getwindowname', message));
      // The tools' own path (xdotool, xwininfo processes) finds the same titles for the programs'
      // own names; xwininfo misses the renamed one (xdotool stores it as STRING, xwininfo wants
      // UTF8_STRING in _NET_WM_NAME), which the connection reads as xdotool does.
      for (const p of [at.logo, at.message]) expect(await screen.activeWindowTitle(p)).toBe(await foregroundWindowTitle('linux', p));
      // The desktop itself has no title.
      expect(await screen.activeWindowTitle({ x: 780, y: 580 })).toBeUndefined();
    } finally {
      screen.close();
    }
  });

  it('with _NET_ACTIVE_WINDOW on the root (as a window manager keeps it): the same title as `xdotool getactivewindow getwindowname`', async () => {
    const screen = await X11Screen.open(display);
    try {
      // What a window manager announces: it supports _NET_ACTIVE_WINDOW, and which window is active.
      tool('xprop', '-root', '-f', '_NET_SUPPORTED', '32a', '-set', '_NET_SUPPORTED', '_NET_ACTIVE_WINDOW');
      for (const id of [renamed, message]) {
        tool('xprop', '-root', '-f', '_NET_ACTIVE_WINDOW', '32x', '-set', '_NET_ACTIVE_WINDOW', `0x${Number(id).toString(16)}`);
        const fromXdotool = tool('xdotool', 'getactivewindow', 'getwindowname');
        // The point is elsewhere: the active window wins, as with xdotool.
        expect(await screen.activeWindowTitle({ x: 100, y: 100 })).toBe(fromXdotool);
        expect(await foregroundWindowTitle('linux', { x: 100, y: 100 }, undefined, screen)).toBe(fromXdotool);
      }
      expect(tool('xdotool', 'getactivewindow', 'getwindowname')).toBe('xmessage');
    } finally {
      tool('xprop', '-root', '-remove', '_NET_ACTIVE_WINDOW');
      tool('xprop', '-root', '-remove', '_NET_SUPPORTED');
      screen.close();
    }
  });

  it('a closed connection: foregroundWindowTitle falls back to the tools', async () => {
    const screen = await X11Screen.open(display);
    screen.close();
    await expect(screen.activeWindowTitle({ x: 100, y: 100 })).rejects.toThrow(/closed/);
    expect(await foregroundWindowTitle('linux', { x: 100, y: 100 }, undefined, screen)).toBe('xlogo');
  });
});

describe('X11Screen.watchPresses (clicks over the X connection)', () => {
  it('reports each button press from xdotool with its button in the hook\'s numbering (right is 2), not the wheel, and stops when told', async () => {
    const screen = await X11Screen.open(display);
    try {
      const presses: XPress[] = [];
      const stop = await screen.watchPresses((p) => presses.push(p));
      const before = Date.now();
      tool('xdotool', 'mousemove', '400', '100', 'click', '1', 'click', '4', 'click', '3');
      for (let i = 0; i < 50 && presses.length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      // X's right button is 3; the steps, like uiohook, call it 2 (1 left, 2 right, 3 middle).
      expect(presses.map((p) => p.button)).toEqual([1, 2]);
      expect(presses[0]!.at).toBeGreaterThanOrEqual(before);
      expect(await screen.pointer()).toEqual({ x: 400, y: 100 });
      stop();
      tool('xdotool', 'click', '1');
      await screen.pointer(); // a round trip: any event sent before its answer has arrived
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(presses).toHaveLength(2);
    } finally {
      screen.close();
    }
  });
});
