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
  interface XClient {
    GetImage(format: number, drawable: number, x: number, y: number, width: number, height: number, planeMask: number, cb: XCallback<{ depth: number; visualId: number; data: Buffer }>): void;
    GetGeometry(drawable: number, cb: XCallback<{ width: number; height: number }>): void;
    on(event: 'error' | 'end', f: (err?: Error) => void): void;
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
