/**
 * The leak check's scan loop in WebAssembly (leak-scan.wat; see there for the memory layout).
 * JavaScript's best byte loop over an Aho–Corasick table ran at 300–440 MB per CPU second, about
 * what a JS loop that only sums the bytes does; the same walk in WebAssembly has no bounds checks,
 * no typed-array loads through the object and counts newlines without a branch.
 *
 * Each automaton gets its own instance and memory, sized to its table: at most `MAX_PAGES` pages
 * of 64 KiB (2 MiB), which holds the largest dense table the automaton builds (1 MiB) and one
 * input block. The module is compiled once, synchronously (a few hundred bytes: microseconds).
 */
import { LEAK_SCAN_WASM_BASE64 } from './leak-scan-wasm.js';

interface Exports {
  run1(at: number, i: number, end: number, nl: number): number;
  run2(at1: number, i1: number, end1: number, nl1: number, at2: number, i2: number, end2: number, nl2: number): void;
  OUT: WebAssembly.Global;
  CLASS: WebAssembly.Global;
  INPUT: WebAssembly.Global;
  BLOCK: WebAssembly.Global;
  DENSE: WebAssembly.Global;
  MAX_PAGES: WebAssembly.Global;
}

/** One instance: its loops and views of its memory. */
export interface ScanLoop {
  run1: Exports['run1'];
  run2: Exports['run2'];
  /** Results of the last call (see the .wat). */
  out: Int32Array;
  /** byte → class, as the loop reads it. */
  classOf: Uint8Array;
  /** Where a block of the chunk is copied before it is scanned, `block` bytes long. */
  input: Uint8Array;
  block: number;
  /** The dense cells. */
  cells: Int32Array;
  /** The byte address of cell 0: a row's address is `denseBase + state * classes * 4`. */
  denseBase: number;
}

interface Layout {
  module: WebAssembly.Module;
  out: number;
  cls: number;
  input: number;
  block: number;
  dense: number;
  maxPages: number;
}

let layout: Layout | undefined;

const PAGE = 64 * 1024;

/** The compiled module and its layout, read from its exported constants (once, with a one-page instance). */
function compiled(): Layout {
  if (layout) return layout;
  const module = new WebAssembly.Module(Buffer.from(LEAK_SCAN_WASM_BASE64, 'base64'));
  const probe = new WebAssembly.Instance(module, { m: { memory: new WebAssembly.Memory({ initial: 1, maximum: 1 }) } }).exports as unknown as Exports;
  const at = (g: WebAssembly.Global) => g.value as number;
  layout = { module, out: at(probe.OUT), cls: at(probe.CLASS), input: at(probe.INPUT), block: at(probe.BLOCK), dense: at(probe.DENSE), maxPages: at(probe.MAX_PAGES) };
  return layout;
}

/** A fresh instance whose memory holds `cellCount` dense cells; throws if that is above the cap. */
export function scanLoop(cellCount: number): ScanLoop {
  const { module, out, cls, input, block, dense, maxPages } = compiled();
  const pages = Math.ceil((dense + cellCount * 4) / PAGE);
  if (pages > maxPages) throw new Error(`leak check: ${cellCount} table cells need ${pages} pages of WebAssembly memory, above its cap of ${maxPages}`);
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  const exports = new WebAssembly.Instance(module, { m: { memory } }).exports as unknown as Exports;
  const buffer = memory.buffer;
  return {
    run1: exports.run1,
    run2: exports.run2,
    out: new Int32Array(buffer, out, 8),
    classOf: new Uint8Array(buffer, cls, 256),
    input: new Uint8Array(buffer, input, block),
    block,
    cells: new Int32Array(buffer, dense, cellCount),
    denseBase: dense,
  };
}
