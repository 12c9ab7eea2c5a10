/** The part of `x11` (pure-JS X11 protocol client, no types of its own) the recorder's screen grab uses. */
declare module 'x11' {
  interface XVisual {
    red_mask: number;
    green_mask: number;
    blue_mask: number;
  }
  interface XScreen {
    root: number;
    pixel_width: number;
    pixel_height: number;
    root_depth: number;
    root_visual: number;
    depths: Record<number, Record<number, XVisual>>;
  }
  /** Request callbacks return true when they handled an error (else the client emits 'error'). */
  type XCallback<T> = (err: (Error & { error?: number }) | null, reply: T) => boolean | void;
  interface XProperty {
    type: number;
    format: number;
    bytesAfter: number;
    data: Buffer;
  }
  /** XInputExtension, as `require('xinput')` hands it over: only what the click watch uses. */
  interface XInput {
    AllMasterDevices: number;
    XISelectEvents(window: number, masks: { deviceId: number; mask: string[] }): void;
  }
  interface XEvent {
    name?: string;
    /** XI2 raw events: the button (or key code) number. */
    detail?: number;
    time?: number;
  }
  interface XClient {
    GetImage(format: number, drawable: number, x: number, y: number, width: number, height: number, planeMask: number, cb: XCallback<{ depth: number; visualId: number; data: Buffer }>): void;
    GetGeometry(drawable: number, cb: XCallback<{ width: number; height: number }>): void;
    InternAtom(onlyIfExists: boolean, name: string, cb: XCallback<number>): void;
    GetProperty(del: number, window: number, property: number, type: number, longOffset: number, longLength: number, cb: XCallback<XProperty>): void;
    QueryTree(window: number, cb: XCallback<{ root: number; parent: number; children: number[] }>): void;
    TranslateCoordinates(src: number, dst: number, x: number, y: number, cb: XCallback<{ child: number; destX: number; destY: number }>): void;
    QueryPointer(window: number, cb: XCallback<{ root: number; child: number; rootX: number; rootY: number }>): void;
    require(ext: 'xinput', cb: (err: Error | null, ext: XInput) => void): void;
    on(event: 'error' | 'end', f: (err?: Error) => void): void;
    on(event: 'event', f: (ev: XEvent) => void): void;
    removeListener(event: 'event', f: (ev: XEvent) => void): void;
    terminate(): void;
  }
  interface XDisplay {
    client: XClient;
    screen: XScreen[];
    format: Record<number, { bits_per_pixel: number; scanline_pad: number }>;
    image_byte_order: number;
  }
  export function createClient(options: { display?: string }, cb: (err: Error | null, display: XDisplay) => void): XClient;
}
