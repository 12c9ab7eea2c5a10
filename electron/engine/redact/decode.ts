/**
 * Bytes of a collected item to text. Items come from many places — UTF-8 Linux logs, UTF-16
 * Windows logs, GBK logs of Chinese Windows software — and the archive holds UTF-8 only.
 *
 * Detection, deterministic whatever the chunk sizes (so streaming and whole-buffer decoding agree):
 * 1. The first 8 KiB of the item (or all of it, if shorter) are read before anything is decided.
 *    A BOM (UTF-8, UTF-16LE, UTF-16BE) decides. Otherwise a NUL pattern decides UTF-16: ≥ 30 % of
 *    the 2-byte units (of at least 8) have a NUL high byte, ≤ 5 % a NUL low byte, and the
 *    low bytes next to those NULs are printable ASCII (ASCII text in UTF-16, not zero-padded binary).
 * 2. While the text is pure ASCII nothing more is decided (ASCII reads the same in UTF-8 and GBK).
 * 3. At the first byte ≥ 0x80, the 8 KiB from there decide: valid UTF-8 → UTF-8; otherwise, if
 *    ≥ 95 % of its non-ASCII sequences are valid GBK/GB18030 → GB18030 (a superset of GBK and
 *    GB2312); otherwise UTF-8 with each invalid byte becoming U+FFFD.
 * Single-byte code pages (Windows-1252 …) are not detected: their accented letters become U+FFFD,
 * the ASCII around them (where secrets' keys are) stays readable.
 */
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';

/** How many bytes decide the encoding (and binary-ness). */
export const SNIFF_BYTES = 8192;

interface Chunker {
  write(buf: Buffer): string;
  end(): string;
}

function chunkerFor(encoding: TextEncoding): Chunker {
  if (encoding === 'utf8' || encoding === 'utf16le') {
    const d = new StringDecoder(encoding);
    return { write: (b) => d.write(b), end: () => d.end() };
  }
  const d = iconv.getDecoder(encoding === 'utf16be' ? 'utf16be' : 'gb18030', { stripBOM: false });
  return { write: (b) => d.write(b), end: () => d.end() ?? '' };
}

const isTextByte = (b: number) => (b >= 0x20 && b < 0x7f) || (b >= 0x09 && b <= 0x0d);

/** UTF-16 by BOM or NUL pattern, with the BOM length; undefined when it is not UTF-16. */
function sniffUtf16(sample: Buffer): { encoding: 'utf16le' | 'utf16be'; bom: number } | undefined {
  if (sample.length >= 2 && sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf16le', bom: 2 };
  if (sample.length >= 2 && sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf16be', bom: 2 };
  const units = Math.floor(sample.length / 2);
  if (units < 8) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  // Characters whose other byte is NUL must look like text (ASCII), or it is binary with zeros.
  let evenText = 0;
  let oddText = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    const a = sample[i]!;
    const b = sample[i + 1]!;
    if (a === 0) {
      evenNul += 1;
      if (isTextByte(b)) oddText += 1;
    }
    if (b === 0) {
      oddNul += 1;
      if (isTextByte(a)) evenText += 1;
    }
  }
  if (oddNul / units >= 0.3 && evenNul / units <= 0.05 && evenText / oddNul >= 0.85) return { encoding: 'utf16le', bom: 0 };
  if (evenNul / units >= 0.3 && oddNul / units <= 0.05 && oddText / evenNul >= 0.85) return { encoding: 'utf16be', bom: 0 };
  return undefined;
}

/** Counts valid multi-byte UTF-8 sequences and invalid bytes; a sequence cut by the window end is not invalid. */
function utf8Stats(buf: Buffer, atEnd: boolean): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) {
      invalid += 1;
      i += 1;
      continue;
    }
    if (!atEnd && i + need >= buf.length) break;
    let ok = true;
    for (let k = 1; k <= need; k += 1) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
    }
    if (ok) {
      valid += 1;
      i += need + 1;
    } else {
      invalid += 1;
      i += 1;
    }
  }
  return { valid, invalid };
}

/** Counts valid and invalid GBK / GB18030 multi-byte sequences. */
function gbStats(buf: Buffer, atEnd: boolean): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    if (b === 0x80 || b === 0xff) {
      invalid += 1;
      i += 1;
      continue;
    }
    const b2 = buf[i + 1];
    if (b2 === undefined) {
      if (atEnd) invalid += 1;
      break;
    }
    if (b2 >= 0x40 && b2 <= 0xfe && b2 !== 0x7f) {
      valid += 1;
      i += 2;
    } else if (b2 >= 0x30 && b2 <= 0x39) {
      const b3 = buf[i + 2];
      const b4 = buf[i + 3];
      if (b3 === undefined || b4 === undefined) {
        if (atEnd) invalid += 1;
        break;
      }
      if (b3 >= 0x81 && b3 <= 0xfe && b4 >= 0x30 && b4 <= 0x39) {
        valid += 1;
        i += 4;
      } else {
        invalid += 1;
        i += 1;
      }
    } else {
      invalid += 1;
      i += 1;
    }
  }
  return { valid, invalid };
}

/** UTF-8 or GB18030 for a window starting at the first non-ASCII byte. */
function chooseAsciiCompatible(window: Buffer, atEnd: boolean): 'utf8' | 'gb18030' {
  const u = utf8Stats(window, atEnd);
  if (u.invalid === 0) return 'utf8';
  const g = gbStats(window, atEnd);
  const total = g.valid + g.invalid;
  return total > 0 && g.invalid / total <= 0.05 && g.valid >= u.valid ? 'gb18030' : 'utf8';
}

/**
 * A streaming decoder that detects the encoding as described at the top of this file. Output is
 * identical however the input is cut into chunks.
 */
export class SniffingDecoder {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** 'start': first window not complete; 'ascii': only ASCII so far; 'decided': `chunker` set. */
  private state: 'start' | 'ascii' | 'decided' = 'start';
  private chunker: Chunker | undefined;
  private detected: TextEncoding | undefined;

  /** The encoding once decided (pure-ASCII input reports utf8 at the end). */
  get encoding(): TextEncoding | undefined {
    return this.detected;
  }

  write(chunk: Buffer): string {
    if (chunk.length === 0) return '';
    if (this.state === 'decided') return this.chunker!.write(chunk);
    if (this.state === 'ascii') {
      if (this.pendingBytes === 0 && isAscii(chunk)) return chunk.toString('latin1');
      return this.asciiWrite(chunk, false);
    }
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    return this.pendingBytes >= SNIFF_BYTES ? this.sniffStart(false) : '';
  }

  end(): string {
    let out = '';
    if (this.state === 'start') out += this.sniffStart(true);
    else if (this.state === 'ascii' && this.pendingBytes > 0) out += this.asciiWrite(Buffer.alloc(0), true);
    if (this.state === 'decided') out += this.chunker!.end();
    this.detected ??= 'utf8';
    return out;
  }

  private take(): Buffer {
    const all = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    return all;
  }

  private decide(encoding: TextEncoding): void {
    this.detected = encoding;
    this.chunker = chunkerFor(encoding);
    this.state = 'decided';
  }

  private sniffStart(atEnd: boolean): string {
    const all = this.take();
    const sample = all.subarray(0, SNIFF_BYTES);
    const utf16 = sniffUtf16(sample);
    if (utf16) {
      this.decide(utf16.encoding);
      return this.chunker!.write(all.subarray(utf16.bom));
    }
    const bom = all.length >= 3 && all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf ? 3 : 0;
    if (bom) {
      this.decide('utf8');
      return this.chunker!.write(all.subarray(3));
    }
    this.state = 'ascii';
    return this.asciiWrite(all, atEnd);
  }

  /** In the ASCII state: pass ASCII through, and decide on the window from the first other byte. */
  private asciiWrite(chunk: Buffer, atEnd: boolean): string {
    if (this.pendingBytes > 0) {
      // Already collecting the deciding window.
      if (chunk.length > 0) {
        this.pending.push(chunk);
        this.pendingBytes += chunk.length;
      }
      if (this.pendingBytes < SNIFF_BYTES && !atEnd) return '';
      const window = this.take();
      this.decide(chooseAsciiCompatible(window.subarray(0, SNIFF_BYTES), atEnd && window.length <= SNIFF_BYTES));
      return this.chunker!.write(window);
    }
    let first = -1;
    for (let i = 0; i < chunk.length; i += 1) {
      if (chunk[i]! >= 0x80) {
        first = i;
        break;
      }
    }
    if (first < 0) return chunk.toString('latin1');
    const head = chunk.toString('latin1', 0, first);
    this.pending.push(chunk.subarray(first));
    this.pendingBytes = chunk.length - first;
    return head + this.asciiWrite(Buffer.alloc(0), atEnd);
  }
}

/** Decodes a whole buffer with the same detection as the stream. */
export function decodeText(data: Buffer): { text: string; encoding: TextEncoding } {
  const d = new SniffingDecoder();
  const text = d.write(data) + d.end();
  return { text, encoding: d.encoding ?? 'utf8' };
}

/**
 * True for data that is not text: a NUL byte or more than 10 % control bytes (other than tab,
 * line breaks, form feed, backspace and ESC of ANSI colours) in the first 8 KiB. UTF-16 text
 * (BOM or NUL pattern) is text.
 */
export function isProbablyBinary(sample: Buffer): boolean {
  const s = sample.subarray(0, SNIFF_BYTES);
  if (s.length === 0) return false;
  if (sniffUtf16(s)) return false;
  let control = 0;
  for (let i = 0; i < s.length; i += 1) {
    const b = s[i]!;
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x08 && b !== 0x1b && b !== 0x0b) || b === 0x7f) control += 1;
  }
  return control / s.length > 0.1;
}

/** The first SNIFF_BYTES (or more: whole chunks) of a stream, to tell text from binary, and whether the stream ended there. */
export async function readHead(it: AsyncIterator<Buffer>): Promise<{ first: Buffer; ended: boolean }> {
  const head: Buffer[] = [];
  let size = 0;
  while (size < SNIFF_BYTES) {
    const next = await it.next();
    if (next.done) return { first: Buffer.concat(head), ended: true };
    head.push(next.value);
    size += next.value.length;
  }
  return { first: Buffer.concat(head), ended: false };
}
