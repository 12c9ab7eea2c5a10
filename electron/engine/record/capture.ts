/**
 * One step's picture: the desktop grabbed right after the click, the click drawn on it (a red
 * ring with a dot, so it is seen on light and dark windows), shrunk to a readable width and
 * written as JPEG. The image library (sharp, prebuilt libvips) is loaded on first use only, so
 * the CLI's other commands never pay for it. X11 grabs with `xwd` (raw pixels, no PNG encoding:
 * xwd.ts); other sessions use the screenshot collector's tools, which give a PNG.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Platform } from '../../../shared/types.js';
import { screenshotMethods } from '../collectors/screenshot.js';
import { CommandNotFoundError, exec } from '../platform/exec.js';
import { parseXwd, type RawImage } from './xwd.js';

const GRAB_TIMEOUT_MS = 10_000;
const MAX_GRAB_BYTES = 256 * 1024 * 1024;

export type Grab = { raw: RawImage } | { png: Buffer };

export interface EncodeOptions {
  /** Pictures wider than this are scaled down (the steps page shows them at most this wide). */
  maxWidth: number;
  /** JPEG quality, 1–100. */
  quality: number;
}

/** What a picture is first encoded with; a tighter pass follows when the size cap nears. */
export const NORMAL_ENCODING: EncodeOptions = { maxWidth: 1280, quality: 70 };
export const SMALL_ENCODING: EncodeOptions = { maxWidth: 800, quality: 45 };

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
      const r = await exec('xwd', ['-root', '-silent'], { timeoutMs: GRAB_TIMEOUT_MS, maxBytes: MAX_GRAB_BYTES, keep: 'head', ...(signal ? { signal } : {}) });
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
          const r = await exec(step.cmd, step.args, { timeoutMs: GRAB_TIMEOUT_MS, maxBytes: MAX_GRAB_BYTES, keep: 'head', ...(signal ? { signal } : {}) });
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

/** The click marker as SVG over a picture of `width`×`height`, the click at (x, y) in that picture's pixels. */
export function clickMarkerSvg(width: number, height: number, x: number, y: number): string {
  const r = Math.max(10, Math.round(Math.min(width, height) / 40));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<circle cx="${x}" cy="${y}" r="${r}" fill="none" stroke="#ffffff" stroke-width="${Math.max(5, r / 3)}"/>` +
    `<circle cx="${x}" cy="${y}" r="${r}" fill="none" stroke="#e0201b" stroke-width="${Math.max(3, r / 5)}"/>` +
    `<circle cx="${x}" cy="${y}" r="3" fill="#e0201b" stroke="#ffffff" stroke-width="1"/></svg>`
  );
}

/** The picture as JPEG, scaled to `maxWidth`, with the click (screen pixels) drawn on it. */
export async function encodeStepPicture(grab: Grab, click: { x: number; y: number } | undefined, options: EncodeOptions): Promise<Buffer> {
  const sharp = await loadSharp();
  const input = 'raw' in grab ? sharp(grab.raw.rgb, { raw: { width: grab.raw.width, height: grab.raw.height, channels: 3 } }) : sharp(grab.png);
  const { width, height } = 'raw' in grab ? grab.raw : await input.metadata().then((m) => ({ width: m.width ?? 0, height: m.height ?? 0 }));
  if (width === 0 || height === 0) throw new Error('the screenshot has no pixels');
  const scale = Math.min(1, options.maxWidth / width);
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  let pipeline = scale < 1 ? input.resize(w, h) : input;
  if (click) {
    // Drawn after the resize (sharp composites onto the resized picture), so in its pixels.
    const svg = clickMarkerSvg(w, h, Math.round(click.x * scale), Math.round(click.y * scale));
    pipeline = pipeline.composite([{ input: Buffer.from(svg), top: 0, left: 0 }]);
  }
  return pipeline.jpeg({ quality: options.quality }).toBuffer();
}

/** Writes a picture beside the recording (0600: it shows the user's screen). */
export async function savePicture(file: string, data: Buffer): Promise<void> {
  await writeFile(file, data, { mode: 0o600 });
}
