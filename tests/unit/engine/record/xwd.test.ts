import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseXwd } from '../../../../electron/engine/record/xwd.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/record/', import.meta.url));

describe('parseXwd (a real `xwd -name xlogo` dump from Xvfb)', () => {
  it('gives the same pixels as ImageMagick decoding the same dump', async () => {
    const img = parseXwd(readFileSync(`${FIXTURES}xlogo-40x30.xwd`));
    // 40×30 inside a 1-pixel border: xwd dumps the window with its border.
    expect([img.width, img.height, img.rgb.length]).toEqual([42, 32, 42 * 32 * 3]);
    // xlogo-40x30.png: `convert xwd:xlogo-40x30.xwd xlogo-40x30.png`, an independent decoder.
    const ref = await sharp(readFileSync(`${FIXTURES}xlogo-40x30.png`)).removeAlpha().raw().toBuffer();
    expect(img.rgb.equals(ref)).toBe(true);
    // Black and white both occur: the channels are really read, not a flat colour.
    const pixels = new Set<string>();
    for (let i = 0; i < img.rgb.length; i += 3) pixels.add(img.rgb.subarray(i, i + 3).toString('hex'));
    expect(pixels.has('000000') && pixels.has('ffffff')).toBe(true);
  });

  it('refuses what is not a dump, or is cut short, with the reason', () => {
    expect(() => parseXwd(Buffer.from('not an xwd dump'))).toThrow(/too short/);
    const dump = readFileSync(`${FIXTURES}xlogo-40x30.xwd`);
    expect(() => parseXwd(dump.subarray(0, dump.length - 100))).toThrow(/xwd dump: the screen image is cut short/);
    const other = Buffer.from(dump);
    other.writeUInt32BE(6, 4);
    expect(() => parseXwd(other)).toThrow(/version 6/);
  });
});
