/**
 * The size bound of a recording (issue 16: a 10-minute recording stays under 20 MB) with the
 * encoder as it is now, at its worst: a real X server (Xvfb 1280×800) whose whole screen is
 * noise (what JPEG compresses least), a picture every 300 ms until past the pictures' cap,
 * 600+ steps (a step a second for 10 minutes; the extra steps are notes), and three app logs
 * each gaining 3 MB while recording. The pictures' cap is lowered to 3 MB here so the real
 * pipeline reaches it in a minute on a loaded machine (it is a byte count, the same code at
 * 12 MB): the pictures stay under it, get smaller near it and the steps past it are told why.
 * The bound: everything else the recording puts in the archive (steps page, steps log,
 * recording.json for 600+ steps, the logs' new lines at their full 4 MB, the system log window),
 * as the real dry run of the one workflow measures it, plus the full 12 MB of pictures, is
 * under 20 MB.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PolicySchema } from '../../../shared/policy.js';
import { COLLECTORS } from '../../../electron/engine/collectors/index.js';
import { X11Screen } from '../../../electron/engine/record/x11-grab.js';
import { LOGS_TOTAL_CAP_BYTES, PICTURE_CAP_BYTES, Recorder } from '../../../electron/engine/record/recorder.js';
import { recordingCollectors } from '../../../electron/engine/record/recording-collector.js';
import { previewWorkflow } from '../../../electron/engine/workflow/run-workflow.js';
import { startXvfb } from '../../helpers/xvfb.js';

const TEST_CAP = 3 * 1024 * 1024;
let xvfb: ChildProcess | undefined;
let display = '';
const network = { interfaces: () => ({}), defaultRoutes: async () => [], resolve: async () => [], proxies: async () => [] };

beforeAll(async () => {
  ({ display, server: xvfb } = await startXvfb('1280x800x24', ['display'], 'apt-get install -y xvfb imagemagick'));
  const noise = join(mkdtempSync(join(os.tmpdir(), 'record-cap-noise-')), 'noise.png');
  await sharp({ create: { width: 1280, height: 800, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toFile(noise);
  // ImageMagick sets the root window's background (its exit status is 1 even when it did).
  spawnSync('display', ['-window', 'root', noise], { env: { ...process.env, DISPLAY: display }, timeout: 30_000 });
  const screen = await X11Screen.open(display);
  const { rgb } = await screen.grab();
  screen.close();
  const distinct = new Set<number>();
  for (let i = 0; i < 30_000; i += 3) distinct.add(rgb[i]!);
  if (distinct.size < 100) throw new Error('the noise did not reach the screen (ImageMagick display -window root)');
}, 60_000);

afterAll(() => void xvfb?.kill());

describe('a recording at its worst stays under 20 MB', () => {
  it('noise on the whole screen, a picture every 300 ms past the cap, 600+ steps, 9 MB of new log lines', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'record-cap-'));
    const logs = [1, 2, 3].map((n) => join(dir, `app${n}.log`));
    for (const l of logs) writeFileSync(l, 'before the recording\n');
    const capped: number[] = [];
    const rec = await Recorder.start({
      ticket: '4711',
      dir: join(dir, 'rec'),
      policy: PolicySchema.parse({ appLogPaths: [join(dir, '*.log')] }),
      platform: 'linux',
      env: { ...process.env, DISPLAY: display, WAYLAND_DISPLAY: '' },
      pictures: true,
      hook: 'off',
      intervalMs: 300,
      pictureCapBytes: TEST_CAP,
      logEveryMs: 100,
      network,
      onStep: (s) => s.noImage === 'the recording reached its size cap for pictures' && capped.push(s.n),
    });
    const line = `${'x'.repeat(1023)}\n`;
    for (const l of logs) appendFileSync(l, line.repeat(3 * 1024));
    const note = `a note of two hundred characters ${'·'.repeat(160)}`;
    for (let i = 0; i < 600; i += 1) rec.note(`${note} ${i}`);
    const until = Date.now() + 240_000;
    while (capped.length < 3) {
      if (Date.now() > until) throw new Error(`the pictures did not reach their cap within 4 minutes (${rec.stepCount} steps)`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const recording = await rec.stop();

    const pictured = recording.steps.filter((s) => s.image);
    const pictureBytes = pictured.reduce((n, s) => n + s.imageBytes!, 0);
    expect(recording.steps.length).toBeGreaterThan(600);
    expect(pictureBytes).toBe(recording.pictures.bytes);
    expect(pictureBytes).toBeLessThanOrEqual(TEST_CAP);
    expect(recording.pictures.capBytes).toBe(TEST_CAP);
    // Near the cap the pictures get smaller (800 px), so later steps still have one.
    const widths = await Promise.all([pictured[0]!, pictured.at(-1)!].map(async (s) => (await sharp(join(dir, 'rec', s.image!)).metadata()).width));
    expect(widths).toEqual([1280, 800]);
    // The app logs' new lines together (the system log window has its own 2 MB).
    const appLogs = recording.logs.filter((l) => logs.includes(l.source));
    expect(appLogs).toHaveLength(3);
    expect(appLogs.reduce((n, l) => n + l.bytes, 0)).toBe(LOGS_TOTAL_CAP_BYTES);
    expect(appLogs.some((l) => l.capped)).toBe(true);

    // What the archive would hold of the recording, measured by the one workflow's dry run.
    const preview = await previewWorkflow({
      ticket: '4711',
      policy: PolicySchema.parse({}),
      collectors: [...COLLECTORS, ...recordingCollectors(recording, join(dir, 'rec'), { pictures: true })],
      only: ['recording', 'recording-pictures'],
      consentSensitive: true,
      lang: 'zh-CN',
      platform: 'linux',
    });
    const recordingBytes = preview.items.filter((i) => i.collector === 'recording' || i.collector === 'recording-pictures').reduce((n, i) => n + i.size, 0);
    expect(preview.items.filter((i) => i.collector === 'recording-pictures')).toHaveLength(pictured.length);
    const bound = recordingBytes - pictureBytes + PICTURE_CAP_BYTES;
    console.log(`record cap: ${recording.steps.length} steps, ${pictured.length} pictures ${pictureBytes} bytes, logs ${recording.logs.reduce((n, l) => n + l.bytes, 0)} bytes, recording entries ${recordingBytes} bytes before compression; with 12 MB of pictures ${bound}`);
    expect(bound).toBeLessThan(20 * 1000 * 1000);
  }, 300_000);
});
