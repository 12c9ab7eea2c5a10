/**
 * Attack tests for the format boundaries: random JSON and XML documents built from real values
 * (Windows paths with backslashes, quotes, Chinese, e-mail addresses, tokens, connection strings
 * with `&` and `<` in the password) must parse after redaction at any size — below the 4 MiB
 * structure check (checked and, if need be, redacted value by value) and above it, where only the
 * line engine runs and nothing is re-checked — and no planted value may survive, neither in the
 * raw text nor in the decoded values.
 */
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { adjustSpan, STRUCTURE_CHECK_LIMIT } from '../../../../electron/engine/redact/formats.js';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { prng } from '../../../bench/prng.js';
import { chunkSizes, redactInChunks } from './helpers.js';

describe('adjustSpan', () => {
  it('keeps JSON escapes whole', () => {
    // `token=abc\"…`: the rule took the backslash of the escaped quote; it is given back.
    const line = String.raw`"m": "token=abc\"def"`;
    const start = line.indexOf('abc');
    expect(adjustSpan('json', line, start, start + 4)).toEqual([start, start + 3]);
    // An escaped backslash at the end is whole: kept in the span.
    const two = String.raw`"p": "C:\\Users\\bob\\"`;
    const b = two.indexOf('bob');
    expect(adjustSpan('json', two, b, b + 5)).toEqual([b, b + 5]);
    // Starting on the `n` of `\n`: the backslash joins the span.
    const nl = String.raw`"m": "x\npassword"`;
    expect(adjustSpan('json', nl, nl.indexOf('npass'), nl.indexOf('npass') + 9)[0]).toBe(nl.indexOf('\\n'));
    // A letter written as \uXXXX after a name belongs to it; a cut \uXXXX is completed.
    const u = String.raw`"p": "C:\\Users\\Jos\u00e9\\x"`;
    const j = u.indexOf('Jos');
    expect(adjustSpan('json', u, j, j + 3)).toEqual([j, j + 9]);
    expect(adjustSpan('json', u, j, j + 6)).toEqual([j, j + 9]);
  });

  it('keeps XML entities whole and takes the word that goes on after one', () => {
    const line = String.raw`<u>C:\Users\张三&apos;s</u>`;
    const s = line.indexOf('张');
    expect(line.slice(...adjustSpan('xml', line, s, line.indexOf(';')))).toBe('张三&apos;s');
    const pw = 'Password=p&amp;w;';
    expect(pw.slice(...adjustSpan('xml', pw, 9, pw.indexOf(';')))).toBe('p&amp;w');
    const num = 'Password=&#x41;bc;';
    expect(num.slice(...adjustSpan('xml', num, 11, 14))).toBe('&#x41;bc');
    // Stopped before an `&` (a query-string separator): not grown.
    const url = 'x?token=abc&amp;page=2';
    expect(adjustSpan('xml', url, 8, 11)).toEqual([8, 11]);
    // Plain text is never changed.
    expect(adjustSpan('log', pw, 9, 14)).toEqual([9, 14]);
  });
});

// Values that must not survive redaction, and the text they sit in.
const NAMES = ['张三', 'zhang.san', 'wangfang', 'José', 'li_wei88'];
const EMAILS = ['zhang.san@公司.cn', 'li.wei@corp-mail.com.cn', 'o.brien@acme-example.co.uk'];
const PASSWORDS = ['Hx7!q9Lm', 'S3cr3t-2024', 'p@ss#word1', 'Qz9%kT2w'];
// Passwords of connection strings may hold `&` and `<` (escaped in XML).
const CONN_PASSWORDS = ['p&w9Zq', 'a<b>c9X', 'r&d&ops7'];
const TOKENS = [
  'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  'AKIAIOSFODNN7EXAMPL3',
  'xoxb-2048-4096-AbCdEfGhIjKlMnOp',
];
const PHONES = ['13800138000', '+86 139 0013 9000'];
const IDS = ['11010519491231002X'];

interface Planted {
  text: string;
  values: string[];
}

type Template = (r: () => number) => Planted;
const pick = <T,>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const TEMPLATES: Template[] = [
  (r) => ((n) => ({ text: `C:\\Users\\${n}\\AppData\\Local\\XXSoftware\\log.txt`, values: [n] }))(pick(r, NAMES)),
  (r) => ((n) => ({ text: `/home/${n}/.config/xx/app.json`, values: [n] }))(pick(r, NAMES)),
  (r) => ((n) => ({ text: `打开 /Users/${n}/Library/Logs/xx.log 失败`, values: [n] }))(pick(r, NAMES)),
  (r) => ((p) => ({ text: `登录失败 password=${p} 请重试`, values: [p] }))(pick(r, PASSWORDS)),
  (r) => ((p) => ({ text: `he said "password=${p}"`, values: [p] }))(pick(r, PASSWORDS)),
  (r) => ((t) => ({ text: `error\nAuthorization: Bearer ${t}\n`, values: [t] }))(pick(r, TOKENS)),
  (r) => ((t) => ({ text: `calling https://api.corp.cn/v1?token=${t}`, values: [t] }))(pick(r, TOKENS)),
  (r) => ((t) => ({ text: `token=${t}"`, values: [t] }))(pick(r, TOKENS)),
  (r) => ((p) => ({ text: `Server=db01;Database=erp;User Id=sa;Password=${p};`, values: [p] }))(pick(r, CONN_PASSWORDS)),
  (r) => ((e, ph) => ({ text: `联系人 ${e}，电话 ${ph}`, values: [e, ph] }))(pick(r, EMAILS), pick(r, PHONES)),
  (r) => ((id) => ({ text: `身份证号：${id}`, values: [id] }))(pick(r, IDS)),
  (r) => ((n) => ({ text: `C:\\Users\\${n}\\Desktop\\"报告".docx`, values: [n] }))(pick(r, NAMES)),
  () => ({ text: 'free 17179869184 bytes, 内存 13912345678', values: [] }),
];

/** A value for a JSON string or an XML text node: one to three templates, sometimes with tabs and quotes. */
function value(r: () => number): Planted {
  const parts: Planted[] = [];
  for (let k = 1 + Math.floor(r() * 3); k > 0; k -= 1) parts.push(pick(r, TEMPLATES)(r));
  const glue = pick(r, [' ', '\t', '\n', ' "', '\\', '; ']);
  return { text: parts.map((p) => p.text).join(glue), values: parts.flatMap((p) => p.values) };
}

/** Non-ASCII as \uXXXX, as Python's json.dumps and many .NET serialisers write it. */
const asciiOnly = (json: string) => json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * A JSON document of about `bytes`. With `dense`, only its first and last `dense / 2` bytes are
 * records of planted values, and between them records of filler that wakes no rule: the document
 * is as large (past the structure check), its planted values still cross many chunk boundaries
 * both where it is held and where it streams line by line, for a fraction of the redaction work.
 */
function jsonDocument(r: () => number, bytes: number, dense = bytes): { text: string; values: string[] } {
  const values: string[] = [];
  const records: unknown[] = [];
  const keys = ['message', 'path', 'cmd', 'note', 'detail', 'password', 'token', 'contact', 'size', 'free'];
  let size = 0;
  while (size < bytes) {
    const record: Record<string, unknown> = { seq: records.length, total: 17179869184 + records.length };
    if (size >= dense / 2 && size < bytes - dense / 2) {
      record.note = 'x'.repeat(2000);
      records.push(record);
      size += JSON.stringify(record).length;
      continue;
    }
    for (let k = 1 + Math.floor(r() * 4); k > 0; k -= 1) {
      const v = value(r);
      values.push(...v.values);
      const key = pick(r, keys);
      record[key] = r() < 0.2 ? [v.text, { nested: v.text }] : v.text;
    }
    records.push(record);
    size += JSON.stringify(record).length;
  }
  const pretty = r() < 0.5;
  const text = JSON.stringify({ items: records }, null, pretty ? 2 : undefined);
  return { text: (r() < 0.5 ? asciiOnly(text) : text) + '\n', values };
}

const xmlEscape = (s: string, attr: boolean) => {
  const t = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attr ? t.replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#x9;') : t.replace(/'/g, '&apos;');
};

function xmlDocument(r: () => number, bytes: number): { text: string; values: string[] } {
  const values: string[] = [];
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<configuration>'];
  let size = 0;
  while (size < bytes) {
    const v = value(r);
    values.push(...v.values);
    const shape = Math.floor(r() * 4);
    const line =
      shape === 0
        ? `  <add key="${pick(r, ['DbPassword', 'LogPath', 'Message', 'ApiToken'])}" value="${xmlEscape(v.text, true)}" />`
        : shape === 1
          ? `  <entry name="detail">${xmlEscape(v.text, false)}</entry>`
          : shape === 2
            ? `  <password>${xmlEscape(v.text, false)}</password>`
            : `  <connectionString value="${xmlEscape(v.text, true)}" bytes="17179869184" />`;
    lines.push(line);
    size += line.length + 1;
  }
  lines.push('</configuration>', '');
  return { text: lines.join('\n'), values };
}

function jsonStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) jsonStrings(v, out);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      jsonStrings(v, out);
    }
  }
  return out;
}

function xmlDecoded(text: string): string {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(text, 'text/xml');
  if (errors.length > 0) throw new Error(`not well-formed after redaction: ${errors[0]}`);
  const parts: string[] = [];
  const walk = (node: { childNodes?: ArrayLike<unknown>; attributes?: ArrayLike<{ value: string }>; nodeValue?: string | null; nodeType?: number }) => {
    if (node.nodeType === 3 && node.nodeValue) parts.push(node.nodeValue);
    for (const a of Array.from(node.attributes ?? [])) parts.push(a.value);
    for (const c of Array.from(node.childNodes ?? [])) walk(c as typeof node);
  };
  walk(doc as unknown as Parameters<typeof walk>[0]);
  return parts.join('\n');
}

const leaked = (values: string[], ...texts: string[]) => [...new Set(values)].filter((v) => texts.some((t) => t.includes(v)));

describe('random JSON and XML documents of real values', () => {
  // Below the structure check (checked after redaction) and above it (line engine only).
  const sizes = [{ label: 'small', bytes: 4_000 }, { label: 'small', bytes: 60_000 }, { label: 'over the 4 MiB check', bytes: STRUCTURE_CHECK_LIMIT + 256 * 1024 }];

  for (const { label, bytes } of sizes) {
    it(`JSON (${label}, ${bytes} bytes) parses after redaction and leaks no value`, async () => {
      const over = bytes > STRUCTURE_CHECK_LIMIT;
      for (const seed of over ? [11, 12] : [1, 2, 3, 4, 5, 6]) {
        // Over the check, planted values fill 768 KiB of it (a whole 4 MiB of them cost ~100 s of CPU under load, for no more than this proves).
        const { text, values } = jsonDocument(prng(seed), bytes, over ? 768 * 1024 : bytes);
        const { text: out, stream } = await redactInChunks(new Redactor(), Buffer.from(text, 'utf8'), chunkSizes({ max: 65536, seed }), { name: 'records.json' });
        if (over) {
          // The path this case is about: past the check, line by line, nothing re-checked.
          expect(stream.structure()?.check, `seed ${seed}`).toBe('unchecked');
          expect(values.length, `seed ${seed}`).toBeGreaterThan(1000);
        }
        let parsed: unknown;
        expect(() => (parsed = JSON.parse(out)), `seed ${seed}: ${stream.structure()?.check}`).not.toThrow();
        expect({ seed, leaked: leaked(values, out, jsonStrings(parsed).join('\n')) }).toEqual({ seed, leaked: [] });
        // The measurements stay numbers.
        expect((parsed as { items: { total: number }[] }).items[0]!.total).toBe(17179869184);
      }
    });

    it(`XML (${label}, ${bytes} bytes) stays well-formed after redaction and leaks no value`, async () => {
      for (const seed of bytes > STRUCTURE_CHECK_LIMIT ? [21] : [1, 2, 3, 4, 5, 6, 7, 8]) {
        const { text, values } = xmlDocument(prng(seed), bytes);
        const { text: out } = await redactInChunks(new Redactor(), Buffer.from(text, 'utf8'), chunkSizes({ max: 65536, seed }), { name: 'app.config' });
        const decoded = xmlDecoded(out);
        expect({ seed, leaked: leaked(values, out, decoded) }).toEqual({ seed, leaked: [] });
        expect(out).toContain('bytes="17179869184"');
      }
    });
  }

  it('over the check, the line engine alone cuts no entity: a user name with &apos; and a password with &amp;', async () => {
    const filler = Array.from({ length: 20_000 }, (_, i) => `  <f n="${i}">${'x'.repeat(200)}</f>`).join('\n');
    const text = `<?xml version="1.0"?>\n<r>\n  <u>C:\\Users\\张三&apos;s\\Desktop</u>\n  <c>Server=db;Database=x;Password=p&amp;w;</c>\n${filler}\n</r>\n`;
    const { text: out, stream } = await redactInChunks(new Redactor(), Buffer.from(text, 'utf8'), chunkSizes(65536), { name: 'app.config' });
    expect(stream.structure()?.check).toBe('unchecked');
    expect(out).toContain('<u>C:\\Users\\&lt;USER-1&gt;\\Desktop</u>');
    expect(out).toContain('Password=&lt;SECRET-1&gt;;</c>');
  });
});
