/**
 * table21 (session 20): a table inside plain text, wherever it starts — a CSV/TSV block after prose
 * or comments, a second table further down, a database shell's result (`mysql>` boxes, `psql`'s
 * `----+----`), a markdown table, a tool's whitespace-aligned output (`Format-Table`, `lastlog`,
 * `net user`-style lists with a dashed underline), an export pasted into a ticket.
 *
 * A header is one line of short column names (no digits alone, no `=`, `:`, `@`, `%`, braces …)
 * that names a column the CSV layout reads (password, login, name, address …: formats.ts
 * CSV_*_COLUMN), followed by a line of the same shape: a row with as many cells under the same
 * separator, or a border/underline (`----  ----`, `+----+`, `|---|`). Each row is then read as a
 * CSV row of its cells (the redactor hands it to an engine with the CSV layout and that header),
 * until the shape ends: a blank line, a line of another shape.
 *
 * Cheap when there is no table: `mayHoldTableHeader` is a literal search for the column words,
 * and a line it hits is refused at once by its characters (a log line has a timestamp, `=` or `:`).
 */
import { CSV_ADDRESS_COLUMN, CSV_NAME_COLUMN, CSV_ROLE_COLUMN, CSV_SECRET_COLUMN, CSV_USER_COLUMN, csvColumnKey, type ItemLayout } from './formats.js';

export type TableSeparator = ',' | '\t' | '|' | ' ';

/** A table's header as the redactor keeps it while its rows come. */
export interface TableShape {
  readonly sep: TableSeparator;
  /** The header's cells (column names), in order. */
  readonly names: readonly string[];
  /** Where each header cell starts on its line (whitespace-aligned tables: a short row is read by these). */
  readonly starts: readonly number[];
  /** The header as a CSV line, for the CSV layout's engine. */
  readonly csvHeader: string;
}

/** A row's cells: the text of each and where it stands on the line, and the column it belongs to. */
export interface RowCell {
  readonly start: number;
  readonly end: number;
  readonly column: number;
}

const LONGEST_HEADER = 400;
const LONGEST_CELL = 40;

/**
 * The column words a header must hold one of (a superset of what CSV_*_COLUMN read), as a literal
 * search: most text holds none of them, and a line that does is then checked by its shape.
 */
const COLUMN_WORD = /pass|pwd|user|login|logon|account|name|secret|token|key|pin\b|cn\b|holder|contact|owner|street|driver|guest|patient|passenger|travel|attendee|participant|assign|visitor|approv|review|request|密码|口令|账号|帐号|账户|帐户|用户|姓名|名字|名称|联系人|地址|住址|码|人|员|户名|会员名|微信|学生|教师|老师|患者|家长|访客|上级|领导|主管|医生|医师|经理|客服/i;

/** A header cell: a short name of letters (CJK too), words, and a few marks a column name may hold. */
const HEADER_CELL = /^"?(?:#[ \t]*)?[A-Za-z\u4e00-\u9fa5][\w .()/[\]\u4e00-\u9fa5（）-]{0,39}"?$/;
/** Characters no header line holds (a log line almost always has one). */
const NOT_HEADER = /[=:@<>{}%;$\\`*&!?，。：]|\d{3}|^\s*[\d[(-]/;
/** A border or an underline: dashes (and `+`, `|`, `:`, `=`) and blanks only, some dashes. */
// Each run of blanks has one way to be read (a separator is blanks then a bar, or a bar then blanks): linear on a long line.
const RULE_LINE = /^[ \t]*(?:[|+][ \t]*)?:?-{2,}:?(?:(?:[ \t]+(?:[|+][ \t]*)?|[|+][ \t]*):?-{2,}:?)*(?:[ \t]*[|+])?[ \t]*\r?$|^[ \t]*[+|]?(?:[=-]{2,}[+|])+[=-]*[ \t]*\r?$|^[ \t]*={3,}(?:[ \t]+={3,})*[ \t]*\r?$/;

/** Whether `line` is a table's border or a header's underline. */
export function isRuleLine(line: string): boolean {
  return line.length < 4096 && RULE_LINE.test(line);
}

/** The cells of `line` split by `sep` (`' '`: runs of two blanks or more, or tabs), with where each starts. */
function splitCells(line: string, sep: TableSeparator): { text: string; start: number; end: number }[] {
  const body = line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line;
  const out: { text: string; start: number; end: number }[] = [];
  if (sep === ',') {
    // Quote-aware: `"a, b"` is one cell.
    let start = 0;
    let quoted = false;
    for (let i = 0; i <= body.length; i += 1) {
      const c = i < body.length ? body.charCodeAt(i) : 44;
      if (c === 34) quoted = !quoted;
      else if (c === 44 && (!quoted || i === body.length)) {
        out.push({ text: body.slice(start, i), start, end: i });
        start = i + 1;
        quoted = false;
      }
    }
    return out;
  }
  const re = sep === '\t' ? /[^\t]+/g : sep === '|' ? /[^|]+/g : /\S+(?: \S+)*/g;
  let text = body;
  if (sep === '\t') text = body.replace(/^#[ \t]*/, (h) => ' '.repeat(h.length));
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let s = m.index;
    let e = s + m[0].length;
    if (sep !== ' ') {
      while (s < e && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s += 1;
      while (e > s && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e -= 1;
      if (s === e) {
        // An empty cell between pipes (`| a |  | c |`) still counts; blanks before the first pipe or after the last do not.
        if (sep === '|' && m.index > 0 && m.index + m[0].length < text.length) out.push({ text: '', start: s, end: s });
        continue;
      }
    }
    out.push({ text: text.slice(s, e), start: s, end: e });
  }
  return out;
}

/** The separator a header-like line uses, or undefined. */
function separatorOf(line: string): TableSeparator | undefined {
  if (line.indexOf('\t') >= 0) return '\t';
  if (line.indexOf('|') >= 0) return '|';
  if (line.indexOf(',') >= 0) return ',';
  return /\S {2,}\S/.test(line) ? ' ' : undefined;
}

const readsColumn = (name: string) => {
  const key = csvColumnKey(name.replace(/^#[ \t]*/, ''));
  return CSV_SECRET_COLUMN.test(key) || CSV_USER_COLUMN.test(key) || CSV_NAME_COLUMN.test(key) || CSV_ROLE_COLUMN.test(key) || CSV_ADDRESS_COLUMN.test(key);
};

/** Whether `line` may be a table's header by itself (its shape and its names; the next line decides). */
export function headerShape(line: string): TableShape | undefined {
  // A header holds one of the hint's words (so the quick check in mayHoldTableHeader never misses one).
  if (line.length === 0 || line.length > LONGEST_HEADER || !mayStartHeader(line.charCodeAt(0)) || NOT_HEADER.test(line) || !COLUMN_WORD.test(line)) return undefined;
  const sep = separatorOf(line);
  if (sep === undefined) return undefined;
  // A `#` comment header only for tab- and blank-aligned tables (chap-secrets' `# client	server	secret	IP addresses`).
  if (/^[ \t]*#/.test(line) && sep !== '\t' && sep !== ' ') return undefined;
  const cells = splitCells(line, sep);
  if (cells.length < (sep === ',' || sep === ' ' ? 3 : 2)) return undefined;
  if (!cells.every((c) => c.text.length <= LONGEST_CELL + 2 && HEADER_CELL.test(c.text))) return undefined;
  const names = cells.map((c) => csvColumnKey(c.text.replace(/^"?#[ \t]*/, '')));
  if (!names.some(readsColumn)) return undefined;
  // Prose with two blanks between sentences is no header: a header of blank-aligned columns has short names.
  if (sep === ' ' && names.some((n) => n.split(' ').length > 3)) return undefined;
  return { sep, names, starts: cells.map((c) => c.start), csvHeader: names.map((n) => n.replace(/,/g, ' ')).join(',') };
}

/** A header whose shape `next` goes on with (a row or a border), or undefined. */
export function tableHeader(line: string, next: string): TableShape | undefined {
  const shape = headerShape(line);
  if (shape === undefined) return undefined;
  if (isRuleLine(next)) return shape;
  // Without an underline, a blank-aligned header needs three names or more (two words apart are prose).
  const cells = rowCells(shape, next);
  return cells !== undefined && cells.length === shape.names.length && !isHeaderLike(next, shape.sep) ? shape : undefined;
}

const isHeaderLike = (line: string, sep: TableSeparator) => splitCells(line, sep).every((c) => HEADER_CELL.test(c.text) && !readsColumn(c.text)) && !/\d/.test(line);

/**
 * The cells of a row of the table, each with its column; undefined when the line is no row of it
 * (the table ends there). A border or an underline is a row of no cells.
 */
export function rowCells(shape: TableShape, line: string): RowCell[] | undefined {
  if (line.length === 0 || line.length > 65536 || /^[ \t]*\r?$/.test(line)) return undefined;
  if (isRuleLine(line)) return [];
  const n = shape.names.length;
  if (shape.sep === ' ') {
    if (line.indexOf('\t') >= 0) return undefined;
    const cells = splitCells(line, ' ');
    // name25 (session 23): a printed data frame's row (pandas, R) starts with its index, a number under no header cell (it
    // ends before the header's first cell starts): the other cells are the columns'.
    if (cells.length === n + 1 && /^\d{1,9}$/.test(cells[0]!.text) && cells[0]!.end <= shape.starts[0]!) return cells.slice(1).map((c, i) => ({ start: c.start, end: c.end, column: i }));
    // As many cells as names (a remark may follow the last column: one more cell).
    if (cells.length === n || cells.length === n + 1) return cells.map((c, i) => ({ start: c.start, end: c.end, column: Math.min(i, n - 1) }));
    // Fewer cells (an empty column): each must start where a column does (the header's, within 2 characters).
    if (cells.length < 2 || cells.length > n) return undefined;
    const out: RowCell[] = [];
    for (const c of cells) {
      const column = shape.starts.findIndex((s) => Math.abs(s - c.start) <= 2);
      if (column < 0 || (out.length > 0 && column <= out[out.length - 1]!.column)) return undefined;
      out.push({ start: c.start, end: c.end, column });
    }
    return out;
  }
  if (shape.sep === '|' && line.indexOf('|') < 0) return undefined;
  if (shape.sep === '\t' && line.indexOf('\t') < 0) return undefined;
  if (shape.sep === '\t' && /^[ \t]*#/.test(line)) return undefined;
  const cells = splitCells(line, shape.sep);
  if (cells.length !== n) return undefined;
  return cells.map((c, i) => ({ start: c.start, end: c.end, column: i }));
}

const EMPTY_CELL = /^[(（<[]?(?:空|无|未设置|none|null|nil|empty|not set|n\/a)[)）>\]]?$|^[-—–*]{1,3}$/i;

/** The row as a CSV line of its cells in the header's columns (a cell holding a comma keeps its text, quoted). */
export function csvRow(shape: TableShape, line: string, cells: readonly RowCell[]): string {
  const out: string[] = shape.names.map(() => '');
  for (const c of cells) {
    // A cell that says it is empty (`(空)`, `(none)`, `-`) holds no value for the column's rule.
    const text = EMPTY_CELL.test(line.slice(c.start, c.end)) ? '' : line.slice(c.start, c.end);
    out[c.column] = out[c.column] ? `${out[c.column]} ${text}` : text;
  }
  // A comma inside a cell (`"a, b"`, `(魏康宁, ops)`) is written as U+201A for the CSV rules (which split at commas), and back in rebuildRow.
  return out.map((t) => t.replace(/,/g, '\u201a')).join(',');
}

/**
 * The row with each cell replaced by its redacted text (the CSV engine's output for csvRow, split
 * again); undefined when the output no longer splits into the same cells (a replacement took a
 * comma): the caller keeps the row as the plain rules left it then.
 */
export function rebuildRow(shape: TableShape, line: string, cells: readonly RowCell[], redactedCsv: string): string | undefined {
  const before = csvRow(shape, line, cells).split(',');
  const after = redactedCsv.split(',');
  if (after.length !== before.length) return undefined;
  // Only cells that sit alone in their column are written back (a column made of two cells is left to the plain rules).
  const perColumn = new Map<number, RowCell[]>();
  for (const c of cells) perColumn.set(c.column, [...(perColumn.get(c.column) ?? []), c]);
  let out = '';
  let last = 0;
  for (const c of cells) {
    const column = perColumn.get(c.column)!;
    if (column.length !== 1) continue;
    const was = before[c.column]!;
    const now = after[c.column]!;
    if (was === now) continue;
    // The cell's text was quoted for the CSV line: the quotes are not the row's.
    out += line.slice(last, c.start) + now.replace(/\u201a/g, ',');
    last = c.end;
  }
  return out + line.slice(last);
}

/** Whether a line starting with this character may be a header: not a digit, `[`, `<`, `{`, `/`, `\\`, `(` (a log line's start). */
const mayStartHeader = (c: number) => !(c >= 48 && c <= 57) && c !== 91 && c !== 60 && c !== 123 && c !== 47 && c !== 92 && c !== 40 && c !== 13;

/**
 * Whether `text` may hold a table's header somewhere (a necessary condition for headerShape on
 * one of its lines, exact when it says no): lines are walked with indexOf, and a line is refused by
 * its length, its first character, or an `=` or `:` on it (found with one indexOf each, kept for
 * the lines up to it) before its shape is checked. Linear in the text.
 */
export function mayHoldTableHeader(text: string): boolean {
  let nextEq = -1;
  let nextColon = -1;
  const n = text.length;
  for (let start = 0; start < n; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    if (end > start && end - start <= LONGEST_HEADER + 1 && mayStartHeader(text.charCodeAt(start))) {
      if (nextEq < start) {
        nextEq = text.indexOf('=', start);
        if (nextEq < 0) nextEq = n;
      }
      if (nextEq >= end) {
        if (nextColon < start) {
          nextColon = text.indexOf(':', start);
          if (nextColon < 0) nextColon = n;
        }
        if (nextColon >= end && headerShape(text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end)) !== undefined) return true;
      }
    }
    start = end + 1;
  }
  return false;
}

/** The item a {@link TextTables} reads tables for (the redactor's openItem). */
export interface TableHost {
  /** Hands plain text on to the rest of the item's pipeline (transcript sections, then the line engine). */
  pushText(input: string, final: boolean): string;
  /** The item's layout, when one was detected: only plain text (or a CSV item's other separators) is searched for tables. */
  layout(): ItemLayout | undefined;
  /** A line engine with the CSV layout that reads its rows under `csvHeader`. */
  rowEngine(csvHeader: string): { push(text: string): string; end(): string };
  /** The first table starts: from here on the output is not the input with edits. */
  tableStarted(): void;
}

/** How much of a line's start is kept to check it as a header (a header is at most LONGEST_HEADER long). */
const HEADER_CHECK = LONGEST_HEADER + 1;
/** The longest partial line held back because it may be a row. */
const ROW_LIMIT = 65536;

/**
 * Finds tables in one item's text as it streams by, chunk after chunk: a header line, then a row or
 * border of its shape. Each row goes first to the plain rules (what they take stays taken), then, as
 * a CSV row of its cells, to a CSV-layout engine under the header, and a changed cell is written back
 * in place; the header and all other text go on to the host. A partial line that may be a row is
 * held until its line break, so the output does not depend on where chunks are cut.
 */
export class TextTables {
  private table: { shape: TableShape; rows: { push(text: string): string; end(): string } } | undefined;
  private held = '';
  /** The last complete line handed on (a copy, only when it may be a header) and its shape. */
  private lastLine = '';
  private lastHeader: TableShape | undefined;
  /** The start of the current line, already handed on (at most HEADER_CHECK characters). */
  private lineHead = '';

  constructor(private readonly host: TableHost) {}

  /** Redacts the next chunk of the item's text (`final` for its last); returns what is ready. */
  push(input: string, final: boolean): string {
    const host = this.host;
    let text = this.held + input;
    this.held = '';
    const plainText = (layout: ItemLayout | undefined) => layout === undefined || layout === 'csv';
    if (this.table === undefined && this.lastHeader === undefined && (!plainText(host.layout()) || !mayHoldTableHeader(this.lineHead.length < HEADER_CHECK ? this.lineHead + text : text))) {
      const nl = text.lastIndexOf('\n');
      this.lineHead = nl < 0 ? (this.lineHead + text).slice(0, HEADER_CHECK) : text.slice(nl + 1, nl + 1 + HEADER_CHECK);
      if (nl >= 0) this.lastLine = '';
      return host.pushText(text, final);
    }
    let out = '';
    let from = 0;
    let pos = 0;
    const flush = (to: number) => {
      if (to > from) out += host.pushText(text.slice(from, to), false);
      from = to;
    };
    for (;;) {
      let nl = text.indexOf('\n', pos);
      const last = nl < 0;
      if (last) {
        const tail = text.length - pos;
        // A partial line that may be a row waits for its line break (a row is at most ROW_LIMIT long).
        if (!final && tail < ROW_LIMIT && (this.table !== undefined || this.lastHeader !== undefined) && !(pos === 0 && this.lineHead !== '')) {
          this.held = text.slice(pos);
          text = text.slice(0, pos);
          break;
        }
        if (!final || tail === 0) break;
        nl = text.length;
      }
      const continued = pos === 0 && this.lineHead !== '';
      const line = text.slice(pos, nl);
      const eol = last ? '' : '\n';
      if (!continued && this.lastHeader !== undefined && this.table === undefined) {
        const shape = tableHeader(this.lastLine, line);
        if (shape !== undefined) {
          flush(pos);
          this.table = { shape, rows: host.rowEngine(shape.csvHeader) };
          host.tableStarted();
        }
      }
      if (!continued && this.table !== undefined) {
        if (rowCells(this.table.shape, line) !== undefined) {
          flush(pos);
          out += this.row(line, eol);
          from = nl + eol.length;
          pos = from;
          this.lastLine = '';
          this.lastHeader = undefined;
          this.lineHead = '';
          if (last) break;
          continue;
        }
        out += this.table.rows.end();
        this.table = undefined;
      }
      const whole = continued ? this.lineHead + line : line;
      let header = whole.length < HEADER_CHECK ? headerShape(whole.replace(/\r$/, '')) : undefined;
      // An item (or section) read as CSV already reads its comma-separated tables (line-engine's header,
      // rule-validators' sectionHeader). The layout is asked each time: a transcript's section changes it.
      const layout = header === undefined ? undefined : host.layout();
      if (header !== undefined && ((layout === 'csv' && header.sep === ',') || !plainText(layout))) header = undefined;
      this.lastHeader = header;
      this.lastLine = header === undefined ? '' : whole.replace(/\r$/, '');
      this.lineHead = '';
      pos = nl + eol.length;
      if (last) break;
    }
    if (pos < text.length && this.held === '') {
      // The partial line goes on to the host below: the start of the next chunk's first line.
      this.lineHead = (pos === 0 ? this.lineHead + text : text.slice(pos)).slice(0, HEADER_CHECK);
    }
    out += from < text.length || final ? host.pushText(text.slice(from), final) : '';
    if (final && this.table !== undefined) {
      out += this.table.rows.end();
      this.table = undefined;
    }
    return out;
  }

  /** One row of the current table, with its line break. */
  private row(line: string, eol: string): string {
    const { shape, rows } = this.table!;
    const host = this.host;
    if (isRuleLine(line)) return host.pushText(`${line}\n`, false).slice(0, -1) + eol;
    // The plain rules first, as for any line (what they take stays taken); then the row's cells,
    // as a CSV row under the table's header, to the CSV layout's rules: a changed cell is written back.
    const plain = host.pushText(`${line}\n`, false);
    if (plain.indexOf('\n') !== plain.length - 1) return plain.slice(0, -1) + eol;
    const cr = plain.charCodeAt(plain.length - 2) === 13 ? '\r' : '';
    const body = plain.slice(0, plain.length - 1 - cr.length);
    const cells = rowCells(shape, body);
    if (cells === undefined || cells.length === 0) return body + cr + eol;
    const redacted = rows.push(`${csvRow(shape, body, cells)}\n`).slice(0, -1);
    return (rebuildRow(shape, body, cells, redacted) ?? body) + cr + eol;
  }
}
