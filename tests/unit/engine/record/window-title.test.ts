import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  foregroundWindowTitle,
  MAC_TITLE_SCRIPT,
  parseMacTitle,
  parseMouseLocation,
  parseXwininfoChildren,
  windowAt,
  windowTitlePlan,
  WINDOWS_TITLE_SCRIPT,
} from '../../../../electron/engine/record/window-title.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/record/', import.meta.url));
const fixture = (name: string) => readFileSync(`${FIXTURES}${name}`, 'utf8');

/** Replays recorded outputs of the real tools (captured on Xvfb with xclock, xlogo and xmessage). */
function replay(outputs: Record<string, { code: number; stdout: string }>) {
  const calls: string[] = [];
  const run = async (command: string, args: string[]) => {
    const key = `${command} ${args.join(' ')}`;
    calls.push(key);
    const out = outputs[key] ?? { code: 1, stdout: '' };
    return { code: out.code, stdout: Buffer.from(out.stdout) };
  };
  return { run, calls };
}

describe('window titles on X11 without a window manager (recorded xwininfo/xdotool output)', () => {
  it('lists the top-level windows top-most first with their absolute places', () => {
    const windows = parseXwininfoChildren(fixture('xwininfo-root-children.txt'));
    expect(windows.map((w) => [w.name, w.x, w.y, w.width, w.height])).toEqual([
      ['xmessage', 300, 20, 140, 52],
      ['xlogo', 200, 200, 100, 100],
      ['xclock', 40, 40, 240, 240],
    ]);
    // xlogo lies over xclock at (210, 210): the top-most wins.
    expect(windowAt(windows, 210, 210)?.name).toBe('xlogo');
    expect(windowAt(windows, 100, 100)?.name).toBe('xclock');
    expect(windowAt(windows, 600, 400)).toBeUndefined();
    expect(parseXwininfoChildren(fixture('xwininfo-xmessage-children.txt'))).toEqual([{ id: '0x600031', x: 301, y: 21, width: 140, height: 52 }]);
    expect(parseMouseLocation(fixture('xdotool-getmouselocation.txt'))).toEqual({ x: 100, y: 100 });
  });

  it('names the window at the click when xdotool cannot tell the active window', async () => {
    const { run, calls } = replay({ 'xwininfo -root -children': { code: 0, stdout: fixture('xwininfo-root-children.txt') } });
    expect(await foregroundWindowTitle('linux', { x: 250, y: 250 }, run)).toBe('xlogo');
    expect(calls).toEqual(['xdotool getactivewindow getwindowname', 'xwininfo -root -children']);
  });

  it('asks where the pointer is for a step without a click, and takes the active window when there is one', async () => {
    const a = replay({ 'xdotool getmouselocation --shell': { code: 0, stdout: fixture('xdotool-getmouselocation.txt') }, 'xwininfo -root -children': { code: 0, stdout: fixture('xwininfo-root-children.txt') } });
    expect(await foregroundWindowTitle('linux', undefined, a.run)).toBe('xclock');
    const b = replay({ 'xdotool getactivewindow getwindowname': { code: 0, stdout: 'Monthly report — XXSoftware\n' } });
    expect(await foregroundWindowTitle('linux', { x: 1, y: 1 }, b.run)).toBe('Monthly report — XXSoftware');
    expect(b.calls).toHaveLength(1);
  });

  it('gives no title (never an error) over the bare desktop or when the tools are missing', async () => {
    const { run } = replay({ 'xwininfo -root -children': { code: 0, stdout: fixture('xwininfo-root-children.txt') } });
    expect(await foregroundWindowTitle('linux', { x: 630, y: 470 }, run)).toBeUndefined();
    const failing = async () => {
      throw new Error('command not found: xdotool');
    };
    expect(await foregroundWindowTitle('linux', { x: 1, y: 1 }, failing)).toBeUndefined();
  });
});

describe('window title plans for Windows and macOS (documented APIs; no such system here)', () => {
  it('Windows: user32 GetForegroundWindow + GetWindowText through PowerShell, printed as UTF-8', () => {
    const [plan] = windowTitlePlan('win32');
    expect(plan!.command).toBe('powershell.exe');
    expect(WINDOWS_TITLE_SCRIPT).toMatch(/GetForegroundWindow\(\)/);
    expect(WINDOWS_TITLE_SCRIPT).toMatch(/GetWindowText\(/);
    expect(WINDOWS_TITLE_SCRIPT).toMatch(/OutputEncoding = \[Text.Encoding\]::UTF8/);
  });

  it('macOS: the frontmost process and its front window via System Events', async () => {
    const [plan] = windowTitlePlan('darwin');
    expect(plan).toEqual({ command: 'osascript', args: ['-e', MAC_TITLE_SCRIPT] });
    expect(parseMacTitle('Safari\nApple — 起始页\n')).toBe('Apple — 起始页 — Safari');
    expect(parseMacTitle('Finder\n\n')).toBe('Finder');
    expect(parseMacTitle('')).toBeUndefined();
    const run = async () => ({ code: 0, stdout: Buffer.from('XXSoftware\n月度报表\n') });
    expect(await foregroundWindowTitle('darwin', undefined, run)).toBe('月度报表 — XXSoftware');
  });
});
