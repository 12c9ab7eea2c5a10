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
import type { XCallback, XClient, XDisplay, XEvent, XProperty } from 'x11';
import { zPixmapToRgb, type RawImage, type ZPixmapLayout } from './xwd.js';

const Z_PIXMAP = 2;
const ALL_PLANES = 0xffffffff;
/** An X error "BadMatch": the rectangle is no longer inside the root (the screen was resized). */
const BAD_MATCH = 8;
/** Predefined atoms (X11 protocol, "Predefined Atoms"). */
const ATOM_WM_NAME = 39;
const ANY_PROPERTY_TYPE = 0;
/** A title longer than this many bytes is not needed (the step shows at most 300 characters). */
const TITLE_LONGS = 512;
/** How far down from a top-level window (a window manager's frame) or up from a nameless focus the title is looked for. */
const MAX_DEPTH = 4;
/** Buttons 4–7 are the wheel's steps, not clicks. */
const WHEEL_BUTTONS = new Set([4, 5, 6, 7]);

/** X's buttons (1 left, 2 middle, 3 right, 8/9 back/forward) in the input hook's numbering, which the steps use: 1 left, 2 right, 3 middle. */
const HOOK_BUTTON: Record<number, number> = { 1: 1, 2: 3, 3: 2, 8: 4, 9: 5 };

/** A press seen by the X server: which button (the hook's numbering), and when it reached this process (ms since the epoch). */
export interface XPress {
  button: number;
  at: number;
}

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

  /** One request with a reply, as a promise; an X error rejects it. */
  private ask<T>(send: (cb: XCallback<T>) => void, timeoutMs = 3_000): Promise<T> {
    if (this.#broken) return Promise.reject(new Error(this.#broken));
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the X server did not answer within ${timeoutMs} ms`)), timeoutMs);
      send((err, reply) => {
        clearTimeout(timer);
        if (err) reject(new Error(err.message));
        else resolve(reply);
        return true;
      });
    });
  }

  #atoms = new Map<string, Promise<number>>();
  private atom(name: string): Promise<number> {
    let a = this.#atoms.get(name);
    if (!a) {
      a = this.ask<number>((cb) => this.client.InternAtom(false, name, cb));
      this.#atoms.set(name, a);
    }
    return a;
  }

  /**
   * A window's name as `xdotool getwindowname` prints it: `_NET_WM_NAME`, else `WM_NAME`, each of
   * any type. `_NET_WM_NAME` should be UTF8_STRING and `WM_NAME` Latin-1 STRING, but programs
   * (xdotool's own `set_window --name` among them) store UTF-8 bytes as STRING in both: the
   * bytes are read as UTF-8 when they are valid UTF-8, else as Latin-1.
   */
  async windowName(window: number): Promise<string | undefined> {
    const netName = await this.atom('_NET_WM_NAME');
    const [modern, legacy] = await Promise.all(
      [netName, ATOM_WM_NAME].map((name) => this.ask<XProperty>((cb) => this.client.GetProperty(0, window, name, ANY_PROPERTY_TYPE, 0, TITLE_LONGS, cb))),
    );
    for (const p of [modern!, legacy!]) {
      if (p.type === 0 || p.data.length === 0) continue;
      const asUtf8 = p.data.toString('utf8');
      return asUtf8.includes('\ufffd') ? p.data.toString('latin1') : asUtf8;
    }
    return undefined;
  }

  /** The window the window manager says is active (`_NET_ACTIVE_WINDOW` on the root), or undefined. */
  private async activeWindow(): Promise<number | undefined> {
    const prop = await this.ask<XProperty>(async (cb) => this.client.GetProperty(0, this.root, await this.atom('_NET_ACTIVE_WINDOW'), ANY_PROPERTY_TYPE, 0, 1, cb));
    const id = prop.data.length >= 4 ? prop.data.readUInt32LE(0) : 0;
    return id === 0 ? undefined : id;
  }

  private get root(): number {
    return this.xdisplay.screen[0]!.root;
  }

  /**
   * The foreground window's title over this connection, as window-title.ts finds it with xdotool
   * and xwininfo: the active window's name (or its nearest named ancestor's); without a window
   * manager that keeps `_NET_ACTIVE_WINDOW`, the top-most window at `point` (or the pointer),
   * descending through nameless frames to the client inside. Undefined when there is none;
   * rejects when the connection fails.
   */
  async activeWindowTitle(point?: { x: number; y: number }): Promise<string | undefined> {
    let window = await this.activeWindow();
    for (let depth = 0; window !== undefined && depth < MAX_DEPTH; depth += 1) {
      const name = await this.windowName(window);
      if (name) return name;
      const tree = await this.ask<{ root: number; parent: number }>((cb) => this.client.QueryTree(window!, cb));
      window = tree.parent && tree.parent !== tree.root ? tree.parent : undefined;
    }
    const at = point ?? (await this.pointer());
    let parent = this.root;
    for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
      const { child } = await this.ask<{ child: number }>((cb) => this.client.TranslateCoordinates(this.root, parent, at.x, at.y, cb));
      if (!child) return undefined;
      const name = await this.windowName(child);
      if (name) return name;
      parent = child;
    }
    return undefined;
  }

  /** Where the pointer is now, in screen pixels. */
  async pointer(): Promise<{ x: number; y: number }> {
    const p = await this.ask<{ rootX: number; rootY: number }>((cb) => this.client.QueryPointer(this.root, cb));
    return { x: p.rootX, y: p.rootY };
  }

  /**
   * Calls `onPress` at each mouse button press anywhere on the screen (XInput 2 raw events on the
   * root; the wheel's steps are left out). The server sends these to this connection the moment
   * it reads the press: the global input hook's XRecord data waits in the server until some
   * client has output (a click on a window that takes no clicks reached uiohook only with the
   * next input, a second or more later: tests/bench/record.bench.ts). Returns the stop function;
   * rejects when the server has no XInput 2.
   */
  async watchPresses(onPress: (press: XPress) => void): Promise<() => void> {
    const xi = await new Promise<import('x11').XInput>((resolve, reject) => {
      this.client.require('xinput', (err, ext) => (err ? reject(err) : resolve(ext)));
    });
    const listener = (ev: XEvent) => {
      if (ev.name === 'XIRawButtonPress' && ev.detail !== undefined && !WHEEL_BUTTONS.has(ev.detail)) onPress({ button: HOOK_BUTTON[ev.detail] ?? ev.detail, at: Date.now() });
    };
    this.client.on('event', listener);
    xi.XISelectEvents(this.root, { deviceId: xi.AllMasterDevices, mask: ['RawButtonPress'] });
    return () => {
      this.client.removeListener('event', listener);
      if (this.#broken) return;
      try {
        xi.XISelectEvents(this.root, { deviceId: xi.AllMasterDevices, mask: [] });
      } catch {
        // the connection is closing
      }
    };
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
