/**
 * The in-process X11 grab against a real X server (Xvfb): the pixels are those `xwd` reads from
 * the same screen, a known colour set with xsetroot comes back as that colour, a display that
 * is not there is a reason (never a hang), and a closed connection makes the recorder's grabber
 * fall back to xwd.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScreenGrabber } from '../../../../electron/engine/record/capture.js';
import { X11Screen } from '../../../../electron/engine/record/x11-grab.js';
import { parseXwd } from '../../../../electron/engine/record/xwd.js';
import { startXvfb } from '../../../helpers/xvfb.js';

let xvfb: ChildProcess | undefined;
let display = '';

beforeAll(async () => {
  ({ display, server: xvfb } = await startXvfb('320x200x24', ['xwd', 'xsetroot'], 'apt-get install -y xvfb x11-utils x11-xserver-utils'));
  const r = spawnSync('xsetroot', ['-solid', '#1e90c8'], { env: { ...process.env, DISPLAY: display } });
  if (r.status !== 0) throw new Error(`xsetroot: ${r.stderr.toString()}`);
}, 20_000);

afterAll(() => void xvfb?.kill());

describe('X11Screen (GetImage of the root window over one connection)', () => {
  it('grabs the whole screen as RGB, the same pixels xwd reads', async () => {
    const screen = await X11Screen.open(display);
    try {
      const img = await screen.grab();
      expect([img.width, img.height, img.rgb.length]).toEqual([320, 200, 320 * 200 * 3]);
      expect([...img.rgb.subarray(0, 3)]).toEqual([0x1e, 0x90, 0xc8]);
      const dump = spawnSync('xwd', ['-root', '-silent'], { env: { ...process.env, DISPLAY: display } }).stdout;
      expect(img.rgb.equals(parseXwd(dump).rgb)).toBe(true);
      // A second picture on the same connection.
      expect((await screen.grab()).rgb.equals(img.rgb)).toBe(true);
    } finally {
      screen.close();
    }
  });

  it('a display that is not there is a reason, not a hang', async () => {
    await expect(X11Screen.open(':187', 5_000)).rejects.toThrow(/cannot connect to the X server :187|did not answer/);
  });

  it('a closed connection says so; the recorder’s grabber then uses xwd', async () => {
    const screen = await X11Screen.open(display);
    screen.close();
    await expect(screen.grab()).rejects.toThrow(/closed/);

    const grabber = await openScreenGrabber('linux', { ...process.env, DISPLAY: display, WAYLAND_DISPLAY: '' });
    expect(grabber.method).toBe('x11');
    grabber.close();
    const fallback = await grabber.grab();
    if ('reason' in fallback) throw new Error(fallback.reason);
    expect('raw' in fallback && [fallback.raw.width, [...fallback.raw.rgb.subarray(0, 3)]]).toEqual([320, [0x1e, 0x90, 0xc8]]);
  });

  it('without an X display the grabber uses the tools and says nothing is wrong with X', async () => {
    const grabber = await openScreenGrabber('linux', { PATH: process.env.PATH });
    expect(grabber.method).toBe('tools');
    expect(grabber.why).toBeUndefined();
    grabber.close();
  });
});
