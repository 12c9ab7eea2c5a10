/**
 * The X11 desktop grabbed in-process: one connection to the X server for the whole recording
 * (opened at Start, closed at Stop) and, per picture, one GetImage of the root window in
 * ZPixmap format. Spawning `xwd` per click cost 130–320 ms of wall time at load 11–14 (a new
 * process, a new connection, the dump through a pipe); the request here is sent the moment
 * the click is seen and its 4 MB answer arrives as socket data, so the event loop stays free
 * meanwhile. The protocol client is `x11` (pure JavaScript, asynchronous file and socket I/O).
 * Any failure (no server, refused authorisation, no answer) is a reason: the caller falls back
 * to xwd.
 */
import type { XClient, XDisplay } from 'x11';
import { zPixmapToRgb, type RawImage, type ZPixmapLayout } from './xwd.js';

const Z_PIXMAP = 2;
const ALL_PLANES = 0xffffffff;
/** An X error "BadMatch": the rectangle is no longer inside the root (the screen was resized). */
const BAD_MATCH = 8;

export class X11Screen {
  #broken: string | undefined;

  private constructor(
    private readonly client: XClient,
    private readonly xdisplay: XDisplay,
    readonly display: string,
    private size: { width: number; height: number },
  ) {
    // A server that goes away (or a protocol error nobody asked about) ends this connection's use.
    client.on('error', (err) => (this.#broken = `the X connection failed: ${err?.message ?? 'unknown error'}`));
    client.on('end', () => (this.#broken = 'the X server closed the connection'));
  }

  /** Connects to `display` (e.g. ":0"); throws with the reason when it cannot. */
  static async open(display: string, timeoutMs = 5_000): Promise<X11Screen> {
    const mod = (await import('x11')) as typeof import('x11') & { default?: typeof import('x11') };
    const createClient = mod.createClient ?? mod.default!.createClient;
    return new Promise<X11Screen>((resolve, reject) => {
      let client: XClient | undefined;
      const timer = setTimeout(() => {
        client?.terminate();
        reject(new Error(`the X server ${display} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      try {
        client = createClient({ display }, (err, xdisplay) => {
          clearTimeout(timer);
          if (err) return reject(new Error(`cannot connect to the X server ${display}: ${err.message}`));
          const screen = xdisplay.screen[0]!;
          resolve(new X11Screen(xdisplay.client, xdisplay, display, { width: screen.pixel_width, height: screen.pixel_height }));
        });
        // Errors before setup completes reach the callback; this keeps later ones from throwing.
        client.on('error', () => {});
      } catch (err) {
        clearTimeout(timer);
        reject(new Error(`cannot connect to the X server ${display}: ${(err as Error).message}`));
      }
    });
  }

  /** Why this connection can no longer be used, once it cannot. */
  get broken(): string | undefined {
    return this.#broken;
  }

  private layout(): ZPixmapLayout {
    const screen = this.xdisplay.screen[0]!;
    const depth = screen.root_depth;
    const format = this.xdisplay.format[depth];
    const visual = screen.depths[depth]?.[screen.root_visual];
    if (!format || !visual) throw new Error(`the X server does not describe its depth-${depth} pixels`);
    const pad = format.scanline_pad;
    const bytesPerLine = (Math.ceil((this.size.width * format.bits_per_pixel) / pad) * pad) / 8;
    return { ...this.size, bitsPerPixel: format.bits_per_pixel, bytesPerLine, byteOrder: this.xdisplay.image_byte_order, redMask: visual.red_mask, greenMask: visual.green_mask, blueMask: visual.blue_mask };
  }

  /**
   * The whole screen now: the request leaves at once (the server takes the picture when it
   * reads it), the pixels are RGB when the promise resolves. Rejects with the reason.
   */
  grab(timeoutMs = 5_000): Promise<RawImage> {
    return this.request(timeoutMs, true);
  }

  private request(timeoutMs: number, retry: boolean): Promise<RawImage> {
    if (this.#broken) return Promise.reject(new Error(this.#broken));
    const screen = this.xdisplay.screen[0]!;
    return new Promise<RawImage>((resolve, reject) => {
      const timer = setTimeout(() => {
        // A late answer would be misread by nobody: the connection is given up.
        this.#broken = `the X server did not send the screen within ${timeoutMs} ms`;
        this.close();
        reject(new Error(this.#broken));
      }, timeoutMs);
      this.client.GetImage(Z_PIXMAP, screen.root, 0, 0, this.size.width, this.size.height, ALL_PLANES, (err, image) => {
        if (err) {
          clearTimeout(timer);
          if (retry && err.error === BAD_MATCH) {
            // The screen was resized since Start: read its size and ask once more.
            this.client.GetGeometry(screen.root, (gerr, geometry) => {
              if (gerr) reject(new Error(`GetGeometry: ${gerr.message}`));
              else {
                this.size = { width: geometry.width, height: geometry.height };
                this.request(timeoutMs, false).then(resolve, reject);
              }
              return true;
            });
          } else reject(new Error(`GetImage: ${err.message}`));
          return true;
        }
        clearTimeout(timer);
        try {
          resolve(zPixmapToRgb(image.data, 0, this.layout()));
        } catch (e) {
          reject(e as Error);
        }
        return true;
      });
    });
  }

  /** Ends the connection (idempotent). */
  close(): void {
    this.#broken ??= 'the X connection was closed';
    try {
      this.client.terminate();
    } catch {
      // already gone
    }
  }
}
