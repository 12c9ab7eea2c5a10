import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateLeakScanModule, MODULE_PATH, WAT_PATH } from '../../../../build/wasm/leak-scan.js';
import { LeakMatcher, maskValue } from '../../../../electron/engine/redact/leak-check.js';
import { scanLoop } from '../../../../electron/engine/redact/leak-scan.js';
import { prng } from '../../../bench/prng.js';

/** ASCII capitals to lower case, every other byte as is: what the matcher compares. */
const fold = (bytes: Uint8Array) => Buffer.from(bytes.map((b) => (b >= 0x41 && b <= 0x5a ? b + 32 : b)));

/** An ASCII letter, digit or underscore. */
const isWord = (b: number | undefined) => b !== undefined && /[A-Za-z0-9_]/.test(String.fromCharCode(b));

/**
 * The reference, independent of the automaton: per value, `indexOf` its folded bytes in the folded
 * text, skipping occurrences that are not tokens (a word byte at the value's edge next to another
 * word byte); one hit per value, at its first token occurrence, in the order the hits end (then by value).
 */
function reference(values: readonly string[], text: Buffer, entry: string) {
  const hay = fold(text);
  const token = (needle: Buffer, at: number) =>
    (!isWord(needle[0]) || !isWord(at > 0 ? hay[at - 1] : undefined)) && (!isWord(needle[needle.length - 1]) || !isWord(hay[at + needle.length]));
  return values
    .map((v, i) => {
      const needle = fold(Buffer.from(v, 'utf8'));
      let at = hay.indexOf(needle);
      while (at >= 0 && !token(needle, at)) at = hay.indexOf(needle, at + 1);
      return { i, at, len: needle.length };
    })
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at + a.len - (b.at + b.len) || a.i - b.i)
    .map((x) => {
      let line = 1;
      for (let j = hay.indexOf(10); j >= 0 && j < x.at; j = hay.indexOf(10, j + 1)) line += 1;
      return { entry, line, masked: maskValue(values[x.i]!) };
    });
}

/** Pushes `text` in chunks of the given sizes (cycled) and returns the hits. */
function scanInChunks(matcher: LeakMatcher, text: Buffer, sizes: readonly number[], entry = 'e') {
  matcher.beginEntry(entry);
  for (let o = 0, k = 0; o < text.length; k += 1) {
    const size = sizes[k % sizes.length]!;
    matcher.push(text.subarray(o, o + size));
    o += size;
  }
  return matcher.endEntry();
}

describe('leak check: the WebAssembly scan loop', () => {
  it('is the compiled leak-scan.wat: the committed module is what wabt makes of it today', async () => {
    const wat = readFileSync(WAT_PATH, 'utf8');
    expect(await generateLeakScanModule(wat), 'leak-scan-wasm.ts differs from leak-scan.wat: run `npm run build:leak-scan`').toBe(readFileSync(MODULE_PATH, 'utf8'));
    // The comparison sees a one-constant change in the .wat.
    const changed = wat.replace('(global (export "BLOCK") i32 (i32.const 65536))', '(global (export "BLOCK") i32 (i32.const 32768))');
    expect(changed).not.toBe(wat);
    expect(await generateLeakScanModule(changed)).not.toBe(readFileSync(MODULE_PATH, 'utf8'));
  });

  it('keeps its memory within the cap: the largest table fits, a larger one is refused', () => {
    const loop = scanLoop(256 * 1024);
    expect(loop.cells.buffer.byteLength).toBeLessThanOrEqual(2 * 1024 * 1024);
    expect(loop.cells.length).toBe(256 * 1024);
    expect(() => scanLoop(1024 * 1024)).toThrow(/above its cap of 64/); // the words automaton needs more than 2 MiB since session 22
    // 10 000 long values: the table stays at its budget, whatever the number of values.
    const r = prng(3);
    const values = Array.from({ length: 10_000 }, (_, i) => `${Math.floor(r() * 1e15).toString(36)}-value-${i}-${'x'.repeat(i % 50)}`);
    const m = new LeakMatcher(values);
    const memory = (m as unknown as { automaton: { loop: { cells: Int32Array } } }).automaton.loop.cells.buffer.byteLength;
    expect(memory).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('agrees with a plain search on random text: chunk and block edges, case, non-ASCII, overlaps, sparse states', () => {
    const r = prng(29);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    // A small alphabet, so values overlap, nest and share prefixes; capitals, newlines, UTF-8.
    const alphabet = ['a', 'b', 'c', 'A', 'B', '0', '-', '\n', 'é', '张', 'x', 'y'];
    const word = (n: number) => Array.from({ length: n }, () => pick(alphabet)).join('');
    for (let round = 0; round < 12; round += 1) {
      const text = Buffer.from(word(round < 4 ? 3_000 : 150_000), 'utf8');
      // Values: pieces of the text (found; some case-flipped), overlapping pieces, and random words
      // (mostly absent); a few placed at the very start and end of the text.
      const values = new Set<string>();
      const slice = (at: number, len: number) => text.subarray(at, at + len).toString('utf8').replace(/\uFFFD/g, '');
      values.add(slice(0, 6 + (round % 5)));
      values.add(slice(text.length - 7, 7));
      for (let i = 0; i < 40; i += 1) {
        const at = Math.floor(r() * (text.length - 40));
        const v = slice(at, 4 + Math.floor(r() * 30));
        values.add(r() < 0.3 ? v.toUpperCase() : v);
        values.add(slice(at + 2, 5 + Math.floor(r() * 10)));
      }
      for (let i = 0; i < 200; i += 1) values.add(word(4 + Math.floor(r() * 12)));
      const list = [...values].filter((v) => Buffer.byteLength(v) >= 4);
      const expected = reference(list, text, 'e');
      expect(expected.length).toBeGreaterThan(20);
      for (const denseCells of [1, 200, 256 * 1024]) {
        // Chunks of one byte, of odd sizes, across the 64 KiB block, and the whole text at once.
        const sizes = round % 3 === 0 ? [1, 2, 3, 4093] : round % 3 === 1 ? [65_535, 65_537, 7] : [text.length];
        expect(scanInChunks(new LeakMatcher(list, { denseCells }), text, sizes), `round ${round}, denseCells ${denseCells}, chunks ${sizes.join('/')}`).toEqual(expected);
      }
    }
  });

  it('agrees with a plain search for 10 000 values, values cut at every chunk and block edge', () => {
    const r = prng(41);
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789.-@';
    const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
    const values = Array.from({ length: 10_000 }, (_, i) => (i % 4 === 0 ? `10.${i % 256}.${(i >> 8) % 256}.${i % 9}` : word(5 + (i % 23))));
    const parts: string[] = [];
    // ~600 KB: many 64 KiB blocks; a value every ~25 lines, some in capitals.
    for (let i = 0; i < 12_000; i += 1) parts.push(i % 25 === 0 ? `${word(10)} ${(i % 2 ? values[(i * 37) % values.length]!.toUpperCase() : values[(i * 37) % values.length])!} ${word(12)}` : word(48));
    const text = Buffer.from(`${parts.join('\n')}\n`);
    const expected = reference(values, text, 'many');
    expect(expected.length).toBeGreaterThan(300);
    for (const sizes of [[text.length], [65_536], [65_536 - 3, 5], [1 << 20]]) {
      expect(scanInChunks(new LeakMatcher(values), text, sizes, 'many'), `chunks ${sizes.join('/')}`).toEqual(expected);
    }
    // A value straddling each 64 KiB block edge (the matcher copies the chunk in blocks).
    const value = 'Straddling-Secret-42';
    for (const edge of [65_536, 131_072]) {
      for (let cut = 1; cut < value.length; cut += 1) {
        const buf = Buffer.alloc(edge + 100, ' ');
        buf.write('\n\n', 10);
        buf.write(value, edge - cut);
        expect(scanInChunks(new LeakMatcher([value, 'zzzz']), buf, [buf.length]), `edge ${edge}, cut ${cut}`).toEqual([{ entry: 'e', line: 3, masked: maskValue(value) }]);
      }
    }
  });
});
