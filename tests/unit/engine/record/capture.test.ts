import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { clickMarker, encodeStepPicture, NORMAL_ENCODING, SMALL_ENCODING } from '../../../../electron/engine/record/capture.js';

/** A grey screen of `w`×`h` as the grab gives it. */
const screen = (w: number, h: number) => ({ raw: { width: w, height: h, rgb: Buffer.alloc(w * h * 3, 0x80) } });

async function pixel(jpeg: Buffer, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

describe('clickMarker', () => {
  it('is a small SVG around the click, cut at the picture’s edges', () => {
    const m = clickMarker(1280, 800, 600, 400)!;
    expect(m.left).toBeLessThan(600);
    expect(m.top).toBeLessThan(400);
    const [w, h] = [Number(/width="(\d+)"/.exec(m.svg)![1]), Number(/height="(\d+)"/.exec(m.svg)![1])];
    expect(w).toBeLessThan(80);
    expect(h).toBe(w);
    const corner = clickMarker(1280, 800, 2, 799)!;
    expect([corner.left, corner.top + Number(/height="(\d+)"/.exec(corner.svg)![1])]).toEqual([0, 800]);
    expect(clickMarker(1280, 800, 1280, 10)).toBeUndefined();
  });
});

describe('encodeStepPicture', () => {
  it('draws the red ring at the click, scaled with the picture, in one JPEG', async () => {
    // 1600 px wide: scaled to 1280, so the click at (1000, 500) is at (800, 400) in the picture.
    const jpeg = await encodeStepPicture(screen(1600, 1000), { x: 1000, y: 500 }, NORMAL_ENCODING);
    const meta = await sharp(jpeg).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1280, 800]);
    const [r, g, b] = await pixel(jpeg, 800, 400);
    expect(r).toBeGreaterThan(180);
    expect(g).toBeLessThan(90);
    expect(b).toBeLessThan(90);
    // Away from the click the screen is untouched grey.
    const far = await pixel(jpeg, 100, 100);
    expect(far.every((c) => Math.abs(c - 0x80) < 8)).toBe(true);
  });

  it('keeps the dot at the click red over a busy picture (a clock face: white with black hands), at both encodings', async () => {
    // White, with black strokes through the click as xclock's hands: JPEG's colour blocks washed
    // a 3 px dot out to pink there (red 170 in a clean-clone CI).
    const [w, h] = [1024, 768];
    const rgb = Buffer.alloc(w * h * 3, 0xff);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) if (Math.abs(x - 160) < 4 || Math.abs(y - 160) < 3 || Math.abs(x - y) < 3) rgb.fill(0, (y * w + x) * 3, (y * w + x) * 3 + 3);
    for (const encoding of [NORMAL_ENCODING, SMALL_ENCODING]) {
      const jpeg = await encodeStepPicture({ raw: { width: w, height: h, rgb } }, { x: 160, y: 160 }, encoding);
      const scale = Math.min(1, encoding.maxWidth / w);
      const [r, g, b] = await pixel(jpeg, Math.round(160 * scale), Math.round(160 * scale));
      expect([r > 190, g < 90, b < 90], `${encoding.maxWidth}: ${r},${g},${b}`).toEqual([true, true, true]);
    }
  });

  it('draws a click at the very corner without failing, and the small encoding is smaller', async () => {
    const corner = await encodeStepPicture(screen(1280, 800), { x: 1279, y: 799 }, NORMAL_ENCODING);
    expect((await pixel(corner, 1279, 799))[0]).toBeGreaterThan(150);
    const small = await encodeStepPicture(screen(1280, 800), { x: 10, y: 10 }, SMALL_ENCODING);
    expect((await sharp(small).metadata()).width).toBe(800);
  });
});
