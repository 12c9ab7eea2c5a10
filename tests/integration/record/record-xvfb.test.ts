/**
 * Done-when of 复现录制 (issue #16): on a real X server (Xvfb) with two real X programs (xclock,
 * xlogo), the real `diagcollect record` bin records while xdotool clicks into the windows and a
 * script writes to an app log between the clicks; `diagcollect record --stop` from a second
 * process ends it. The archive holds numbered steps whose pictures show the clicks (the red
 * marker is found in the pixels at the click), whose window titles name the windows clicked, and
 * whose times fall between the log lines written before and after each click; the steps are on
 * the incident timeline; a note typed on stdin is a step, redacted. The steps page is rendered
 * in Debian's Chromium: test-results/screens/record-steps-*.png and the step pictures are kept
 * for people to look at.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp, { type OutputInfo } from 'sharp';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../../electron/engine/record/types.js';
import type { TimelineDocument } from '../../../electron/engine/timeline/document.js';
import { startXvfb } from '../../helpers/xvfb.js';
import { readZip, type ReadEntry } from '../../helpers/zip.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = join(ROOT, 'electron/cli/diagcollect.mjs');
const SCREENS = join(ROOT, 'test-results', 'screens');
const CHROMIUM = '/usr/bin/chromium';

let xvfb: ChildProcess | undefined;
const apps: ChildProcess[] = [];
let display = '';
let entries: ReadEntry[] = [];
let recording: Recording;
const logLines: Array<{ at: string; text: string }> = [];
let exitCode: number | null = null;
let stderrText = '';

const iso = () => new Date().toISOString();

function waitFor(what: () => boolean, label: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (what()) return resolve();
      if (Date.now() > until) return reject(new Error(`timed out waiting for ${label}; stderr so far:\n${stderrText}`));
      setTimeout(tick, 100);
    };
    tick();
  });
}

function xdotool(...args: string[]): void {
  const r = spawnSync('xdotool', args, { env: { ...process.env, DISPLAY: display }, timeout: 10_000, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`xdotool ${args.join(' ')}: ${r.stderr}`);
}

beforeAll(async () => {
  ({ display, server: xvfb } = await startXvfb('1024x768x24', ['xdotool', 'xclock', 'xlogo', 'xwd'], 'apt-get install -y xvfb xauth x11-apps xdotool'));
  const env = { ...process.env, DISPLAY: display };
  apps.push(spawn('xclock', ['-geometry', '240x240+40+40', '-update', '1'], { env, stdio: 'ignore' }));
  apps.push(spawn('xlogo', ['-geometry', '300x300+560+300'], { env, stdio: 'ignore' }));
  // Both windows mapped before anything is clicked.
  await waitFor(() => spawnSync('xdotool', ['search', '--onlyvisible', '--name', '^xlogo$'], { env }).status === 0 && spawnSync('xdotool', ['search', '--onlyvisible', '--name', '^xclock$'], { env }).status === 0, 'xclock and xlogo', 20_000);

  const dir = mkdtempSync(join(os.tmpdir(), 'record-it-'));
  const appLog = join(dir, 'app', 'xxsoftware.log');
  mkdirSync(join(dir, 'app'));
  writeFileSync(appLog, '2026-01-01T00:00:00.000Z INFO written before the recording started\n');
  const log = (text: string) => {
    const at = iso();
    appendFileSync(appLog, `${at} ${text}\n`);
    logLines.push({ at, text });
  };
  const policy = join(dir, 'policy.json');
  writeFileSync(policy, JSON.stringify({ appLogPaths: [join(dir, 'app', '*.log')], disabledCollectors: ['software', 'processes'], deadlineSeconds: 120 }));
  const out = join(dir, 'out');
  const dataDir = join(dir, 'data');
  const childEnv = { ...env, DIAGCOLLECT_DATA_DIR: dataDir, LANG: 'zh_CN.UTF-8' };
  const rec = spawn(process.execPath, [BIN, 'record', '--ticket', '4711', '--policy', policy, '--out', out, '--lang', 'zh-CN'], { env: childEnv, stdio: ['pipe', 'pipe', 'pipe'] });
  rec.stderr!.on('data', (d: Buffer) => (stderrText += d.toString()));
  const exited = new Promise<number | null>((resolve) => rec.on('exit', resolve));
  await waitFor(() => stderrText.includes('● 正在录制'), 'the recording to start');

  log('INFO opening the monthly report');
  xdotool('mousemove', '160', '160', 'click', '1');
  await waitFor(() => /步骤 1：/.test(stderrText), 'step 1');
  log('ERROR E1023 saving the monthly report failed');
  xdotool('mousemove', '700', '420', 'click', '1');
  await waitFor(() => /步骤 2：/.test(stderrText), 'step 2');
  log('INFO after the second click');
  rec.stdin!.write('保存时提示 E1023，请联系 zhang.wei@example.com\n');
  await waitFor(() => /步骤 3：/.test(stderrText), 'the note (step 3)');
  const stop = spawnSync(process.execPath, [BIN, 'record', '--stop'], { env: childEnv, timeout: 60_000, encoding: 'utf8' });
  expect(stop.status, stop.stderr).toBe(0);
  exitCode = await exited;
  const zips = (await import('node:fs')).readdirSync(out).filter((f) => f.endsWith('.zip'));
  expect(zips).toHaveLength(1);
  entries = await readZip(join(out, zips[0]!));
  recording = JSON.parse(get('复现录制/recording.json').toString('utf8')) as Recording;
}, 240_000);

afterAll(() => {
  for (const a of apps) a.kill('SIGTERM');
  xvfb?.kill('SIGTERM');
});

function get(name: string): Buffer {
  const e = entries.find((x) => x.name === name);
  if (!e) throw new Error(`no entry ${name}; entries: ${entries.map((x) => x.name).join(', ')}`);
  return e.data;
}

/** Is the pixel at (x, y) the marker's red (JPEG may shift it a little)? */
function reddish(px: { data: Buffer; info: OutputInfo }, x: number, y: number): boolean {
  const i = (y * px.info.width + x) * px.info.channels;
  const [r, g, b] = [px.data[i]!, px.data[i + 1]!, px.data[i + 2]!];
  return r > 170 && g < 110 && b < 110;
}

describe('diagcollect record on a real X display (Xvfb, xdotool, xclock, xlogo)', () => {
  it('ends by --stop from another process with the archive written (exit 0 or 3)', () => {
    expect([0, 3]).toContain(exitCode);
    expect(recording.stopReason).toBe('control');
    expect(recording.input.mode).toBe('hook');
  });

  it('numbers the steps: two clicks with the window clicked, then the note (redacted)', () => {
    const [s1, s2, s3] = recording.steps;
    expect(recording.steps.map((s) => [s.n, s.kind])).toEqual([
      [1, 'click'],
      [2, 'click'],
      [3, 'note'],
    ]);
    expect([s1!.x, s1!.y, s1!.window]).toEqual([160, 160, 'xclock']);
    expect([s2!.x, s2!.y, s2!.window]).toEqual([700, 420, 'xlogo']);
    expect(s3!.note).toContain('E1023');
    expect(s3!.note).not.toContain('zhang.wei@example.com');
    expect(get('复现录制/操作步骤.html').toString('utf8')).not.toContain('zhang.wei@example.com');
  });

  it('lines the steps up with the log lines written between them', () => {
    const [before1, before2, after2] = logLines;
    const [s1, s2] = recording.steps;
    expect(before1!.at < s1!.at && s1!.at < before2!.at).toBe(true);
    expect(before2!.at < s2!.at && s2!.at < after2!.at).toBe(true);
    // The lines the log gained during the recording, and only those.
    const gained = get('复现录制/新增日志/xxsoftware.log').toString('utf8');
    expect(gained.trim().split('\n')).toEqual(logLines.map((l) => `${l.at} ${l.text}`));
  });

  it('has a picture of each click with the click drawn where it happened', async () => {
    mkdirSync(SCREENS, { recursive: true });
    for (const [n, x, y] of [
      [1, 160, 160],
      [2, 700, 420],
    ] as const) {
      const jpeg = get(`复现录制/步骤00${n}.jpg`);
      writeFileSync(join(SCREENS, `record-step-${n}.jpg`), jpeg);
      const px = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
      expect([px.info.width, px.info.height]).toEqual([1024, 768]);
      // The marker's dot at the click; its ring 19 px around it (min(1024, 768) / 40).
      expect(reddish(px, x, y)).toBe(true);
      const ring = [reddish(px, x + 19, y), reddish(px, x - 19, y), reddish(px, x, y + 19), reddish(px, x, y - 19)];
      expect(ring.filter(Boolean).length).toBeGreaterThanOrEqual(3);
      // Far from any click the picture is the desktop itself, not red.
      expect(reddish(px, 1000, 20)).toBe(false);
    }
  });

  it('puts the steps on the incident timeline with the log lines', () => {
    const doc = JSON.parse(get('timeline.json').toString('utf8')) as TimelineDocument;
    const source = doc.sources.findIndex((s) => s.name === '复现录制/录制记录.txt');
    expect(source).toBeGreaterThanOrEqual(0);
    const steps = doc.events.filter((e) => e.source === source && /步骤 \d/.test(e.text));
    expect(steps.map((e) => e.utc)).toEqual(recording.steps.map((s) => s.at));
    const app = doc.sources.findIndex((s) => s.name.endsWith('xxsoftware.log') && s.kind === 'app-logs');
    expect(doc.events.some((e) => e.source === app && e.text.includes('E1023'))).toBe(true);
  });

  it('renders the steps page in Chromium with its pictures (screenshot kept)', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'record-page-'));
    mkdirSync(join(dir, '复现录制'));
    for (const e of entries.filter((x) => x.name.startsWith('复现录制/') && !x.name.endsWith('/'))) {
      mkdirSync(join(dir, ...e.name.split('/').slice(0, -1)), { recursive: true });
      writeFileSync(join(dir, e.name), e.data);
    }
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await page.goto(pathToFileURL(join(dir, '复现录制', '操作步骤.html')).href);
      const loaded = await page.$$eval('img', (imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
      expect(loaded).toEqual([1024, 1024]);
      expect(await page.locator('h2', { hasText: '步骤 1' }).count()).toBe(1);
      await page.screenshot({ path: join(SCREENS, 'record-steps-zh-CN.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
