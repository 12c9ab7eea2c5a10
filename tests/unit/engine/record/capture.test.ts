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

  it('draws a click at the very corner without failing, and the small encoding is smaller', async () => {
    const corner = await encodeStepPicture(screen(1280, 800), { x: 1279, y: 799 }, NORMAL_ENCODING);
    expect((await pixel(corner, 1279, 799))[0]).toBeGreaterThan(150);
    const small = await encodeStepPicture(screen(1280, 800), { x: 10, y: 10 }, SMALL_ENCODING);
    expect((await sharp(small).metadata()).width).toBe(800);
  });
});
