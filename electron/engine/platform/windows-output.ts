/**
 * Bytes printed by Windows tools, to text. Console tools (ipconfig, netsh, reg, tasklist, route)
 * print in the console's OEM code page — 936 (GBK) on Chinese Windows — so their output is not
 * UTF-8; `reg export` writes UTF-16LE with a BOM; wmic and some wevtutil renderings print UTF-16LE
 * without one; PowerShell prints UTF-8 once told to ([Console]::OutputEncoding, see run.ts).
 *
 * The order of the decision, first match wins:
 * 1. a BOM (UTF-8, UTF-16LE, UTF-16BE);
 * 2. UTF-16LE without a BOM: in the first 4 KiB at least 30 % of the 2-byte units have a NUL high
 *    byte and at most 10 % a NUL low byte (ASCII and CJK mixed, as in a localized event text);
 * 3. pure ASCII (the same in every code page);
 * 4. code page 65001, or well-formed UTF-8 (a tool that ignores the console code page, such as a
 *    Node, Go or Git program; GBK text is almost never well-formed UTF-8 beyond a few bytes);
 * 5. the code page given (from `chcp`, see consoleCodePage in collectors/support/windows-run.ts);
 * 6. without one: GB18030, a superset of GBK — most of our users run Chinese Windows.
 */
import { isAscii, isUtf8 } from 'node:buffer';
// eslint-disable-next-line no-restricted-syntax -- iconv-lite is named in the `import type` below, so the layering check sees the edge
import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';

let loadedIconv: typeof Iconv | undefined;
/**
 * iconv-lite, loaded the first time an output is in a legacy code page (on Windows, in practice).
 * Every command reaches this module through the collectors and checks, and loading iconv-lite up
 * front cost each start-up, `--version` and `list` included, ~20 ms (issue 13, item 8). A
 * synchronous require keeps decodeWindowsOutput synchronous for its many callers.
 */
function iconv(): typeof Iconv {
  // eslint-disable-next-line no-restricted-syntax -- see the import above
  loadedIconv ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv;
  return loadedIconv;
}

export interface WindowsEncoding {
  /** An iconv-lite encoding name ('utf8', 'utf16le', 'gb18030', 'cp437' …). */
  encoding: string;
  /** Bytes of the BOM to skip. */
  bom: number;
  /** How it was decided, for notes and tests. */
  reason: 'bom' | 'utf16-pattern' | 'ascii' | 'utf8' | 'code-page' | 'default';
}

const SAMPLE = 4096;

/** The iconv-lite name of a Windows code page, or undefined when iconv-lite does not know it. */
export function codePageEncoding(codePage: number): string | undefined {
  const known: Record<number, string> = {
    65001: 'utf8',
    1200: 'utf16le',
    1201: 'utf16be',
    // GB18030 decodes every GBK byte sequence the same way and also the 4-byte ones.
    936: 'gb18030',
    54936: 'gb18030',
    950: 'big5',
    932: 'shift_jis',
    949: 'cp949',
  };
  if (known[codePage]) return known[codePage];
  for (const name of [`cp${codePage}`, `windows-${codePage}`]) if (iconv().encodingExists(name)) return name;
  return undefined;
}

function looksUtf16le(data: Buffer): boolean {
  const sample = data.subarray(0, Math.min(data.length, SAMPLE) & ~1);
  const units = sample.length / 2;
  if (units < 2) return false;
  let highNul = 0;
  let lowNul = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) lowNul += 1;
    if (sample[i + 1] === 0) highNul += 1;
  }
  return highNul / units >= 0.3 && lowNul / units <= 0.1;
}

/** Decides how `data` is encoded (see the order above). */
export function detectWindowsEncoding(data: Buffer, codePage?: number): WindowsEncoding {
  if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return { encoding: 'utf8', bom: 3, reason: 'bom' };
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return { encoding: 'utf16le', bom: 2, reason: 'bom' };
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return { encoding: 'utf16be', bom: 2, reason: 'bom' };
  if (looksUtf16le(data)) return { encoding: 'utf16le', bom: 0, reason: 'utf16-pattern' };
  if (isAscii(data)) return { encoding: 'utf8', bom: 0, reason: 'ascii' };
  if (codePage === 65001 || isUtf8(data)) return { encoding: 'utf8', bom: 0, reason: 'utf8' };
  const fromCodePage = codePage === undefined ? undefined : codePageEncoding(codePage);
  if (fromCodePage) return { encoding: fromCodePage, bom: 0, reason: 'code-page' };
  return { encoding: 'gb18030', bom: 0, reason: 'default' };
}

/**
 * The text of a Windows tool's output. `codePage` is the console's code page (what `chcp`
 * prints); without it, output that is neither UTF-16 nor UTF-8 is read as GB18030/GBK.
 */
export function decodeWindowsOutput(data: Buffer, codePage?: number): string {
  const { encoding, bom } = detectWindowsEncoding(data, codePage);
  const body = data.subarray(bom);
  if (encoding === 'utf8') return body.toString('utf8');
  if (encoding === 'utf16le') return body.subarray(0, body.length & ~1).toString('utf16le');
  return iconv().decode(body, encoding, { stripBOM: false });
}

/** The number in `chcp`'s answer: "Active code page: 936", "活动代码页: 936", "Page de codes active : 850". */
export function parseChcp(text: string): number | undefined {
  const m = /(\d{3,5})\.?\s*$/m.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}
