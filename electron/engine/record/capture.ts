/**
 * One step's picture: the desktop grabbed the moment the click is seen, the click drawn on it (a
 * red ring with a dot, so it is seen on light and dark windows), shrunk to a readable width and
 * written as JPEG in one write. The image library (sharp, prebuilt libvips) is loaded on first
 * use only, so the CLI's other commands never pay for it. X11 grabs in-process over one
 * connection (x11-grab.ts), falling back to `xwd` (raw pixels, no PNG encoding: xwd.ts); other
 * sessions use the screenshot collector's tools, which give a PNG.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Platform } from '../../../shared/types.js';
import { screenshotMethods } from '../collectors/screenshot.js';
import { CommandNotFoundError, exec } from '../platform/exec.js';
import { X11Screen } from './x11-grab.js';
import { parseXwd, type RawImage } from './xwd.js';

const GRAB_TIMEOUT_MS = 10_000;
const MAX_GRAB_BYTES = 256 * 1024 * 1024;

export type Grab = { raw: RawImage } | { png: Buffer };

export interface EncodeOptions {
  /** Pictures wider than this are scaled down (the steps page shows them at most this wide). */
  maxWidth: number;
  /** JPEG quality, 1–100. */
  quality: number;
  /**
   * Optimised Huffman tables: 15–25 % smaller on screens, but a second pass over the picture
   * (about three times the encoding CPU, tests/bench/record.bench.ts). Off for the click's
   * picture, which must be on disk quickly; on for the smaller pictures near the size cap.
   */
  optimiseCoding: boolean;
}

/** What a picture is first encoded with; a tighter pass follows when the size cap nears. */
export const NORMAL_ENCODING: EncodeOptions = { maxWidth: 1280, quality: 70, optimiseCoding: false };
export const SMALL_ENCODING: EncodeOptions = { maxWidth: 800, quality: 45, optimiseCoding: true };

type Sharp = (typeof import('sharp'))['default'];
let sharpModule: Promise<Sharp> | undefined;
/** sharp, loaded once on first use. */
export function loadSharp(): Promise<Sharp> {
  sharpModule ??= import('sharp').then((m) => m.default);
  return sharpModule;
}

/** The whole desktop, or why it could not be taken. */
export async function grabDesktop(platform: Platform, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<Grab | { reason: string }> {
  const plan = screenshotMethods(platform, env);
  if ('reason' in plan) return { reason: plan.reason };
  const failures: string[] = [];
  if (platform === 'linux' && !env.WAYLAND_DISPLAY) {
    try {
      const r = await exec('xwd', ['-root', '-silent'], { timeoutMs: GRAB_TIMEOUT_MS, maxBytes: MAX_GRAB_BYTES, keep: 'head', env, ...(signal ? { signal } : {}) });
      if (r.code === 0 && !r.truncated) return { raw: parseXwd(r.stdout) };
      failures.push(`xwd: exit ${r.code ?? r.signal}${r.stderr ? ` (${r.stderr.trim().split('\n')[0]})` : ''}`);
    } catch (err) {
      if (signal?.aborted) throw err;
      failures.push(err instanceof CommandNotFoundError ? 'xwd is not installed' : `xwd: ${(err as Error).message}`);
    }
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'diagcollect-step-'));
  try {
    for (const method of plan.methods) {
      const file = path.join(dir, 'screen.png');
      let last: Buffer = Buffer.alloc(0);
      let failed: string | undefined;
      for (const step of method.steps(file)) {
        try {
          const r = await exec(step.cmd, step.args, { timeoutMs: GRAB_TIMEOUT_MS, maxBytes: MAX_GRAB_BYTES, keep: 'head', env, ...(signal ? { signal } : {}) });
          if (r.code !== 0) failed = `${step.cmd}: exit ${r.code ?? r.signal}`;
          last = r.stdout;
        } catch (err) {
          if (signal?.aborted) throw err;
          failed = err instanceof CommandNotFoundError ? `${step.cmd} is not installed` : `${step.cmd}: ${(err as Error).message}`;
        }
        if (failed) break;
      }
      if (failed) {
        failures.push(failed);
        continue;
      }
      const png = method.stdout ? last : await readFile(file).catch(() => Buffer.alloc(0));
      if (png.length > 8) return { png };
      failures.push(`${method.label} gave no picture`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { reason: `no screenshot tool worked: ${failures.join('; ')}` };
}

/** How a recording takes its pictures: opened at Start, closed at Stop. */
export interface ScreenGrabber {
  /** 'x11': in-process over one X connection; 'tools': xwd or the screenshot collector's tools per picture. */
  readonly method: 'x11' | 'tools';
  /** Why an X11 session does not grab in-process (the tools are used instead). */
  readonly why?: string;
  /** The X connection the pictures are taken over, while it works: the recorder also reads clicks and window titles over it. */
  readonly x11?: X11Screen;
  /** Takes the picture now (call it first thing on a click); the pixels, or why there are none. */
  grab(): Promise<Grab | { reason: string }>;
  close(): void;
}

/** The in-process X11 grab where the session is X11, with the tools (xwd first) as its fallback. */
export async function openScreenGrabber(platform: Platform, env: NodeJS.ProcessEnv): Promise<ScreenGrabber> {
  let screen: X11Screen | undefined;
  let why: string | undefined;
  if (platform === 'linux' && !env.WAYLAND_DISPLAY && env.DISPLAY) {
    try {
      screen = await X11Screen.open(env.DISPLAY);
    } catch (err) {
      why = (err as Error).message;
    }
  }
  return {
    method: screen ? 'x11' : 'tools',
    ...(why ? { why } : {}),
    get x11() {
      return screen && !screen.broken ? screen : undefined;
    },
    async grab() {
      let failed: string | undefined;
      if (screen && !screen.broken) {
        try {
          return { raw: await screen.grab() };
        } catch (err) {
          failed = `in-process grab: ${(err as Error).message}`;
        }
      }
      const grab = await grabDesktop(platform, env);
      return 'reason' in grab && failed ? { reason: `${failed}; ${grab.reason}` } : grab;
    },
    close: () => screen?.close(),
  };
}

/**
 * The click marker: a small SVG just big enough for the ring (drawn over the whole picture it
 * cost librsvg 50–70 ms a click), placed at the click and cut at the picture's edges.
 * `x`, `y` are in the picture's pixels; undefined when the click is outside the picture.
 */
export function clickMarker(width: number, height: number, x: number, y: number): { svg: string; left: number; top: number } | undefined {
  if (x < 0 || y < 0 || x >= width || y >= height) return undefined;
  const r = Math.max(10, Math.round(Math.min(width, height) / 40));
  const outer = Math.max(5, r / 3);
  const reach = Math.ceil(r + outer / 2 + 1);
  const left = Math.max(0, x - reach);
  const top = Math.max(0, y - reach);
  const w = Math.min(width, x + reach + 1) - left;
  const h = Math.min(height, y + reach + 1) - top;
  const [cx, cy] = [x - left, y - top];
  // The dot at the click: wide enough that JPEG's colour blocks (16 px) keep it red over any
  // background — 3 px came out 170–194 red over xclock's hands at quality 70 (pinkish, and the
  // record-xvfb test failed on it in a clean-clone CI).
  const dot = Math.max(4, Math.round(r / 4));
  return {
    left,
    top,
    svg:
      `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">` +
      `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="#ffffff" stroke-width="${outer}"/>` +
      `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="#e0201b" stroke-width="${Math.max(3, r / 5)}"/>` +
      `<circle cx="${cx}" cy="${cy}" r="${dot}" fill="#e0201b" stroke="#ffffff" stroke-width="1"/></svg>`,
  };
}

/** The picture as JPEG, scaled to `maxWidth`, with the click (screen pixels) drawn on it: one sharp pipeline. */
export async function encodeStepPicture(grab: Grab, click: { x: number; y: number } | undefined, options: EncodeOptions): Promise<Buffer> {
  const sharp = await loadSharp();
  const input = 'raw' in grab ? sharp(grab.raw.rgb, { raw: { width: grab.raw.width, height: grab.raw.height, channels: 3 } }) : sharp(grab.png);
  const { width, height } = 'raw' in grab ? grab.raw : await input.metadata().then((m) => ({ width: m.width ?? 0, height: m.height ?? 0 }));
  if (width === 0 || height === 0) throw new Error('the screenshot has no pixels');
  const scale = Math.min(1, options.maxWidth / width);
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  let pipeline = scale < 1 ? input.resize(w, h) : input;
  const marker = click ? clickMarker(w, h, Math.round(click.x * scale), Math.round(click.y * scale)) : undefined;
  // Drawn after the resize (sharp composites onto the resized picture), so in its pixels.
  if (marker) pipeline = pipeline.composite([{ input: Buffer.from(marker.svg), left: marker.left, top: marker.top }]);
  return pipeline.jpeg({ quality: options.quality, optimiseCoding: options.optimiseCoding }).toBuffer();
}

/** Writes a picture beside the recording (0600: it shows the user's screen). */
export async function savePicture(file: string, data: Buffer): Promise<void> {
  await writeFile(file, data, { mode: 0o600 });
}
