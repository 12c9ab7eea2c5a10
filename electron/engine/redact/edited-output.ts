/**
 * The redacted output written from the input bytes: most of a log comes out as it went in, and
 * for input that decodes one byte per character (ASCII read as UTF-8) the unchanged spans are
 * those bytes. Copying them (or passing them on untouched) skips encoding the output text again,
 * which was a fifth of the redaction's CPU time on logs.
 */
import type { OutputEdits } from './line-engine.js';

interface Piece {
  /** Where the piece starts in the input, in characters. */
  readonly start: number;
  readonly length: number;
  /** Its bytes, one per character; undefined when it did not decode one byte per character. */
  readonly bytes: Buffer | undefined;
}

export class InputBytes {
  private pieces: Piece[] = [];
  private end = 0;

  /**
   * The next `length` characters of input; `bytes` only when they are these bytes one for one
   * (the caller checks: ASCII bytes, decoded as UTF-8 to as many characters).
   */
  add(length: number, bytes: Buffer | undefined): void {
    if (length === 0) return;
    this.pieces.push({ start: this.end, length, bytes: bytes?.length === length ? bytes : undefined });
    this.end += length;
  }

  /**
   * The output described by `out` as UTF-8 buffers (several when it is the input untouched), or
   * undefined when an unchanged span lies in input that was not kept as bytes. Input before
   * `out.to` is forgotten either way.
   */
  bytesOf(out: OutputEdits): Buffer[] | undefined {
    const result = this.build(out);
    this.forget(out.to);
    return result;
  }

  /** Drops the input before `to` (written out). */
  forget(to: number): void {
    while (this.pieces.length > 0 && this.pieces[0]!.start + this.pieces[0]!.length <= to) this.pieces.shift();
  }

  private build(out: OutputEdits): Buffer[] | undefined {
    // Views of the input between the replacements, which alone are encoded: no copy of the rest.
    const parts: Buffer[] = [];
    let at = out.from;
    for (const e of out.edits) {
      if (!this.views(at, e.start, parts)) return undefined;
      if (e.text.length > 0) parts.push(Buffer.from(e.text, 'utf8'));
      at = e.end;
    }
    return this.views(at, out.to, parts) ? parts : undefined;
  }

  /** Appends the input [from, to) as views of the pieces' bytes; false when a piece was not kept as bytes. */
  private views(from: number, to: number, parts: Buffer[]): boolean {
    if (!this.covered(from, to)) return false;
    for (const p of this.pieces) {
      const s = Math.max(from, p.start);
      const e = Math.min(to, p.start + p.length);
      if (s < e) parts.push(p.bytes!.subarray(s - p.start, e - p.start));
    }
    return true;
  }

  /** Every character of [from, to) is in a piece kept as bytes. */
  private covered(from: number, to: number): boolean {
    if (from >= to) return true;
    if (this.pieces.length === 0 || from < this.pieces[0]!.start || to > this.end) return false;
    for (const p of this.pieces) if (p.start < to && p.start + p.length > from && p.bytes === undefined) return false;
    return true;
  }
}
