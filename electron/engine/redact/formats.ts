/**
 * Structure-aware output: an item is recognised as JSON, XML/plist, HTML, CSS, YAML, INI/.env/
 * .properties, a Windows .reg export or a plain log — by its name first, by its first bytes
 * otherwise — and each placeholder the rules put into it is written so the file stays valid:
 * a JSON string where it stood for a bare JSON value, XML-escaped in XML and HTML, quoted when it
 * is a whole YAML scalar. Keys, markup and layout are never touched.
 *
 * Files up to STRUCTURE_CHECK_LIMIT are checked after redaction: they must still parse (JSON) or
 * be well-formed (XML, plist). One that did not parse to begin with is redacted as plain text and
 * the report says so; a larger one is redacted line by line with the same placeholder encoding,
 * unchecked (a whole-file parse would make memory grow with the input).
 */
import { PLACEHOLDER_PATTERN } from './placeholders.js';

export type TextFormat = 'json' | 'xml' | 'html' | 'css' | 'yaml' | 'ini' | 'reg' | 'log';

/** Most text (input and output together, in UTF-16 code units) held to check an item's structure after redaction: a few MB, so memory stays bounded whatever the item. */
export const STRUCTURE_CHECK_LIMIT = 4 * 1024 * 1024;

/** What happened to an item's structure. */
export interface StructureOutcome {
  format: TextFormat;
  /**
   * valid: parsed before and after redaction; fallback: not valid to begin with, redacted as
   * plain text; unchecked: too large to check (or a format without a checker); broken: valid
   * before, not after (a bug: reported, never hidden).
   */
  check: 'valid' | 'fallback' | 'unchecked' | 'broken';
  /** One sentence for the report and the manifest note, when there is something to say. */
  note?: string;
}

const BY_EXTENSION: Record<string, TextFormat> = {
  json: 'json', jsonl: 'json', ndjson: 'json', geojson: 'json', har: 'json', ipynb: 'json',
  xml: 'xml', plist: 'xml', config: 'xml', csproj: 'xml', vbproj: 'xml', xaml: 'xml', props: 'xml', targets: 'xml', manifest: 'xml', svg: 'xml', mobileconfig: 'xml', resx: 'xml', nuspec: 'xml', wsf: 'xml',
  html: 'html', htm: 'html', xhtml: 'html',
  css: 'css',
  yaml: 'yaml', yml: 'yaml',
  ini: 'ini', env: 'ini', properties: 'ini', cfg: 'ini', conf: 'ini', toml: 'ini', inf: 'ini',
  reg: 'reg',
};

/** The format of an item, from its name (`.env`, `app.config`) and the start of its text. */
export function detectFormat(name: string | undefined, head: string): TextFormat {
  const base = (name ?? '').split(/[\\/]/).pop()!.toLowerCase();
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'ini';
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : '';
  const byName = BY_EXTENSION[ext];
  if (byName) return byName;
  const start = head.replace(/^\uFEFF/, '').trimStart().slice(0, 256);
  if (/^Windows Registry Editor Version|^REGEDIT4/.test(start)) return 'reg';
  if (/^<!doctype html|^<html[\s>]/i.test(start)) return 'html';
  if (/^<\?xml|^<plist[\s>]|^<!DOCTYPE plist/i.test(start)) return 'xml';
  if (/^[{[]\s*(?:["{[\]}\d-]|true|false|null|$)/.test(start)) return 'json';
  return 'log';
}

const PLACEHOLDER_GLOBAL = new RegExp(PLACEHOLDER_PATTERN.source, 'g');

/**
 * Rewrites the placeholders of one redacted line for its format. `isOurs` tells a placeholder
 * this redactor made from literal text of the input that merely looks like one.
 */
export function encodePlaceholders(format: TextFormat, line: string, isOurs: (placeholder: string) => boolean): string {
  if (line.indexOf('<') < 0) return line;
  switch (format) {
    case 'json':
      return quoteBareJsonPlaceholders(line, isOurs);
    case 'xml':
    case 'html':
      return line.replace(PLACEHOLDER_GLOBAL, (p) => (isOurs(p) ? `&lt;${p.slice(1, -1)}&gt;` : p));
    case 'yaml':
      return line.replace(/(^[ \t]*(?:-[ \t]+)?(?:[^\s#"'][^#\r\n]*?:[ \t]+|-[ \t]+)?)(<[A-Z][A-Z0-9-]*-\d+>)([ \t]*(?:#.*)?\r?)$/, (whole, lead: string, p: string, tail: string) =>
        isOurs(p) ? `${lead}"${p}"${tail}` : whole,
      );
    default:
      return line;
  }
}

/** JSON strings never span lines: a per-line scan knows what is inside one. */
function quoteBareJsonPlaceholders(line: string, isOurs: (placeholder: string) => boolean): string {
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i += 1;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 60 /* < */) {
      PLACEHOLDER_AT.lastIndex = i;
      const m = PLACEHOLDER_AT.exec(line);
      if (m && isOurs(m[0])) {
        out += `${line.slice(last, i)}"${m[0]}"`;
        last = i + m[0].length;
        i = last - 1;
      }
    }
  }
  return last === 0 ? line : out + line.slice(last);
}
const PLACEHOLDER_AT = new RegExp(PLACEHOLDER_PATTERN.source, 'y');

/** Formats whose structure is checked after redaction. */
export function hasStructureCheck(format: TextFormat): boolean {
  return format === 'json' || format === 'xml';
}

/** Whether `text` is valid in `format`; undefined when there is no checker for it. */
export function parsesAs(format: TextFormat, text: string): boolean | undefined {
  if (format === 'json') return jsonParses(text);
  if (format === 'xml') return xmlWellFormed(text);
  return undefined;
}

function jsonParses(text: string): boolean {
  const body = text.replace(/^\uFEFF/, '');
  try {
    JSON.parse(body);
    return true;
  } catch {
    // JSON Lines: every non-empty line a document of its own.
    const lines = body.split(/\r?\n/).filter((l) => l.trim().length > 0);
    if (lines.length < 2) return false;
    try {
      for (const l of lines) JSON.parse(l);
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * XML well-formedness, enough to catch what redaction can break: every tag closed in order,
 * attribute values quoted without a raw `<`, no raw `<` in text. Entity names are not resolved.
 */
export function xmlWellFormed(text: string): boolean {
  const stack: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let seenRoot = false;
  const n = text.length;
  while (i < n) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) return false;
      i = end + 3;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0 || stack.length === 0) return false;
      i = end + 3;
    } else if (text.startsWith('<?', lt)) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) return false;
      i = end + 2;
    } else if (text.startsWith('<!', lt)) {
      // DOCTYPE, possibly with an internal subset in brackets.
      const bracket = text.indexOf('[', lt);
      const close = text.indexOf('>', lt);
      if (close < 0) return false;
      if (bracket >= 0 && bracket < close) {
        const end = text.indexOf(']>', bracket);
        if (end < 0) return false;
        i = end + 2;
      } else i = close + 1;
    } else {
      TAG.lastIndex = lt;
      const m = TAG.exec(text);
      if (!m) return false;
      const [, slash, name, , selfClose] = m;
      if (slash) {
        if (stack.pop() !== name) return false;
      } else if (!selfClose) {
        if (stack.length === 0 && seenRoot) return false;
        stack.push(name!);
        seenRoot = true;
      } else if (stack.length === 0) {
        if (seenRoot) return false;
        seenRoot = true;
      }
      i = TAG.lastIndex;
    }
  }
  return seenRoot && stack.length === 0;
}
const TAG = /<(\/?)([A-Za-z_:\u00C0-\uFFEF][\w.:\-\u00B7\u00C0-\uFFEF]*)((?:\s+[^\s=<>/"']+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
