/**
 * X11 pixels as RGB. Two sources give a ZPixmap of the desktop: the in-process grab (x11-grab.ts,
 * GetImage on the root window) and, as its fallback, `xwd -root -silent` (an X Window Dump on
 * stdout: its header is big-endian 32-bit fields, X11 XWDFileHeader, then the same ZPixmap
 * rows). Both are turned into RGB for the image library by `zPixmapToRgb`.
 */

export interface RawImage {
  width: number;
  height: number;
  /** 3 bytes a pixel, R G B, row after row. */
  rgb: Buffer;
}

/** How a ZPixmap's pixels are laid out (from the connection setup or the dump's header). */
export interface ZPixmapLayout {
  width: number;
  height: number;
  /** 24 or 32. */
  bitsPerPixel: number;
  /** Rows are padded: bytes from one row's start to the next. */
  bytesPerLine: number;
  /** 0 LSBFirst (every PC), 1 MSBFirst. */
  byteOrder: number;
  redMask: number;
  greenMask: number;
  blueMask: number;
}

const XWD_FILE_VERSION = 7;
const Z_PIXMAP = 2;

/** RGB from a 24/32-bit TrueColor ZPixmap starting at `start` of `data`; throws on anything else. */
export function zPixmapToRgb(data: Buffer, start: number, layout: ZPixmapLayout): RawImage {
  const { width, height, bitsPerPixel, bytesPerLine, byteOrder, redMask, greenMask, blueMask } = layout;
  if (bitsPerPixel !== 32 && bitsPerPixel !== 24) throw new Error(`the screen has ${bitsPerPixel} bits per pixel; only 24 and 32 are read`);
  if (data.length < start + bytesPerLine * height) throw new Error('the screen image is cut short');
  const shift = (mask: number) => (mask === 0 ? 0 : 31 - Math.clz32(mask & -mask));
  const [rs, gs, bs] = [shift(redMask), shift(greenMask), shift(blueMask)];
  const step = bitsPerPixel / 8;
  const rgb = Buffer.allocUnsafe(width * height * 3);
  let o = 0;
  if (step === 4 && byteOrder === 0 && redMask === 0xff0000 && greenMask === 0xff00 && blueMask === 0xff) {
    // The common case (little-endian B G R x): byte moves only, a few milliseconds a screen.
    for (let y = 0; y < height; y += 1) {
      const end = start + y * bytesPerLine + width * 4;
      for (let p = start + y * bytesPerLine; p < end; p += 4) {
        rgb[o++] = data[p + 2]!;
        rgb[o++] = data[p + 1]!;
        rgb[o++] = data[p]!;
      }
    }
    return { width, height, rgb };
  }
  for (let y = 0; y < height; y += 1) {
    let p = start + y * bytesPerLine;
    for (let x = 0; x < width; x += 1, p += step) {
      const v = step === 4 ? (byteOrder === 0 ? data.readUInt32LE(p) : data.readUInt32BE(p)) : byteOrder === 0 ? data[p]! | (data[p + 1]! << 8) | (data[p + 2]! << 16) : (data[p]! << 16) | (data[p + 1]! << 8) | data[p + 2]!;
      rgb[o++] = ((v & redMask) >>> rs) & 0xff;
      rgb[o++] = ((v & greenMask) >>> gs) & 0xff;
      rgb[o++] = ((v & blueMask) >>> bs) & 0xff;
    }
  }
  return { width, height, rgb };
}

/** RGB pixels from a 24/32-bit TrueColor ZPixmap dump (what Xvfb and every desktop today give); throws on anything else. */
export function parseXwd(dump: Buffer): RawImage {
  if (dump.length < 100) throw new Error('xwd output is too short to be a window dump');
  const field = (i: number) => dump.readUInt32BE(i * 4);
  const headerSize = field(0);
  if (field(1) !== XWD_FILE_VERSION) throw new Error(`xwd dump version ${field(1)} is not 7`);
  if (field(2) !== Z_PIXMAP) throw new Error('xwd dump is not a ZPixmap');
  const layout: ZPixmapLayout = { width: field(4), height: field(5), byteOrder: field(7), bitsPerPixel: field(11), bytesPerLine: field(12), redMask: field(14), greenMask: field(15), blueMask: field(16) };
  const ncolors = field(19);
  try {
    return zPixmapToRgb(dump, headerSize + ncolors * 12, layout);
  } catch (err) {
    throw new Error(`xwd dump: ${(err as Error).message}`);
  }
}
