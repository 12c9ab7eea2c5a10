/**
 * CSV as Windows tools print it: `tasklist /fo csv`, PowerShell's `ConvertTo-Csv` (every field
 * quoted, `""` inside), `wmic … /format:csv` (a blank first line, `\r\r\n` line ends).
 */

/** Rows of fields; quoted fields may hold commas, `""` and line breaks. Blank lines are dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let any = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    if (any || row.some((f) => f !== '')) rows.push(row);
    row = [];
    any = false;
  };
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i += 1) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"') {
      quoted = true;
      any = true;
    } else if (c === ',') {
      endField();
      any = true;
    } else if (c === '\n') endRow();
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/**
 * Rows as objects keyed by the header row (trimmed: tasklist pads localized headers such as
 * "会话名      "). PowerShell's `#TYPE …` line, when present, is skipped.
 */
export function csvRecords(text: string): Array<Record<string, string>> {
  const rows = parseCsv(text).filter((r) => !(r.length === 1 && r[0]!.startsWith('#TYPE')));
  const [header, ...data] = rows;
  if (!header) return [];
  const names = header.map((h) => h.trim());
  return data.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? ''])));
}
