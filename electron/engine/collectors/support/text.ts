/**
 * Plain-text layout for the files a support agent reads: headings, aligned columns, sizes and
 * times. Widths count CJK characters as two columns so zh-CN labels line up too.
 */
import type { ArchiveLanguage } from '../../../../shared/naming.js';

/** Picks the zh-CN or English wording for the archive's language. */
export function tr(lang: ArchiveLanguage, zh: string, en: string): string {
  return lang === 'zh-CN' ? zh : en;
}

/** Columns a string takes in a monospaced font (East Asian wide characters count as 2). */
export function displayWidth(text: string): number {
  // sos19 (session 21): code units, not a string iterator — the package table measures every cell
  // of ~1 100 rows (~20 ms of a default collection's main thread, cold, for ~3 ms warm). Below
  // U+1100 nothing is wide and a unit is a character; a surrogate pair is one character, wide or not.
  let width = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x1100) width += 1;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        width += isWide(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000) ? 2 : 1;
        i += 1;
      } else width += 1;
    } else width += isWide(unit) ? 2 : 1;
  }
  return width;
}

/** Whether a code point takes two columns in a terminal (CJK, Hangul, full-width forms, emoji). */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/** A heading underlined with `=` (level 1) or `-` (level 2). */
export function heading(title: string, level: 1 | 2 = 1): string {
  return `${title}\n${(level === 1 ? '=' : '-').repeat(Math.max(3, displayWidth(title)))}\n`;
}

export interface TableOptions {
  /** Indexes of columns aligned to the right (numbers). */
  right?: number[];
  /** Text shown instead of an empty table. */
  empty?: string;
}

/** Columns padded to their widest cell; the last column is not padded (it may be long). */
export function formatTable(headers: string[], rows: string[][], options: TableOptions = {}): string {
  if (rows.length === 0) return `${options.empty ?? '(none)'}\n`;
  const right = new Set(options.right ?? []);
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 && !right.has(i) ? cell : pad(cell, widths[i]!, right.has(i))))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(headers), rule, ...rows.map((r) => line(headers.map((_, i) => r[i] ?? '')))].join('\n') + '\n';
}

/** `Label:   value` lines with the values aligned; multi-line values are indented under the first. */
export function formatFields(pairs: Array<[string, string | number | undefined | null]>): string {
  const shown = pairs.filter(([, v]) => v !== undefined && v !== null && String(v) !== '');
  const width = Math.max(0, ...shown.map(([k]) => displayWidth(k) + 1));
  return (
    shown
      .map(([k, v]) => {
        const [first, ...rest] = String(v).split('\n');
        const indent = ' '.repeat(width + 2);
        return [pad(`${k}:`, width, false) + '  ' + first, ...rest.map((l) => indent + l)].join('\n');
      })
      .join('\n') + '\n'
  );
}

/** 1536 → "1.5 KiB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return '?';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(value >= 100 ? 0 : 1)} ${units[unit]}`;
}

const p2 = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:MM:SS` in local time (journalctl's `--since` format, and what people read). */
export function formatLocalTime(d: Date): string {
  return `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}`;
}

/** 93784 s → "1d 2h 3m". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return d > 0 ? `${d}d ${h}h ${m}m` : h > 0 ? `${h}h ${m}m` : `${m}m ${s % 60}s`;
}

/** The first non-empty line of a command's output, trimmed. */
export function firstLine(text: string): string {
  return text.split(/\r?\n/).map((l) => l.trim()).find((l) => l.length > 0) ?? '';
}

/** The first line of every document the collectors write: what it is, when, and by which tool. */
export function documentTitle(title: string, toolVersion: string, when: Date = new Date()): string {
  return `${heading(title)}diagcollect ${toolVersion} · ${formatLocalTime(when)}\n\n`;
}
