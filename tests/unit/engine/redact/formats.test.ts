/**
 * Structure-aware redaction: each format keeps parsing after redaction, placeholders are written
 * the way the format needs, and a file that was not valid to begin with falls back to plain text.
 */
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { detectFormat, encodePlaceholders, mayAnnounceSection, STRUCTURE_CHECK_LIMIT, TRANSCRIPT_SECTION_HINT, xmlWellFormed } from '../../../../electron/engine/redact/formats.js';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { chunkSizes, redactInChunks } from './helpers.js';

async function redactAs(name: string, text: string, redactor = new Redactor()) {
  const { text: out, stream } = await redactInChunks(redactor, Buffer.from(text, 'utf8'), chunkSizes({ max: 64, seed: 7 }), { name });
  return { out, structure: stream.structure(), counts: stream.counts() };
}

function xmlErrors(text: string): string[] {
  const errors: string[] = [];
  new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(text, 'text/xml');
  return errors;
}

describe('mayAnnounceSection', () => {
  it('gives the verdict of the transcript hint, also where prompt characters are dense (past its budget)', () => {
    const pieces = ['>', '$', '#', '%', '==> ', '=', ' ', '\t', '\n', '\r', '\u2028', '\u2029', 'cat', 'gc', 'type', 'more', 'Get-Content', 'sudo ', 'x', '<a>', 'log line 1 ', '用户'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const texts = ['', '==> /x <==', 'a\r==> b', 'a ==> b', '$ cat ~/.pgpass', 'x\u2028==> y', `${'<b>'.repeat(5000)}$ cat f`, `${'<b>'.repeat(5000)}`];
    for (let n = 0; n < 3000; n += 1) {
      const len = Math.floor(next() * (n % 10 === 0 ? 3000 : 40));
      let text = '';
      for (let i = 0; i < len; i += 1) text += pieces[Math.floor(next() * pieces.length)];
      texts.push(text);
    }
    let announcing = 0;
    for (const text of texts) {
      const expected = TRANSCRIPT_SECTION_HINT.test(text);
      if (expected) announcing += 1;
      expect({ text, verdict: mayAnnounceSection(text) }).toEqual({ text, verdict: expected });
    }
    // Both verdicts occur.
    expect(announcing).toBeGreaterThan(100);
    expect(texts.length - announcing).toBeGreaterThan(100);
  });
});

describe('detectFormat', () => {
  it('goes by name first, then by content', () => {
    expect(detectFormat('系统信息.json', '')).toBe('json');
    expect(detectFormat('app.config', '')).toBe('xml');
    expect(detectFormat('Info.plist', '')).toBe('xml');
    expect(detectFormat('.env', 'A=1')).toBe('ini');
    expect(detectFormat('prod.env', 'A=1')).toBe('ini');
    expect(detectFormat('settings.properties', '')).toBe('ini');
    expect(detectFormat('诊断摘要.html', '')).toBe('html');
    expect(detectFormat('export.reg', '')).toBe('reg');
    expect(detectFormat('dump', 'Windows Registry Editor Version 5.00\r\n')).toBe('reg');
    expect(detectFormat('out.txt', '{\n  "a": 1\n}')).toBe('json');
    expect(detectFormat('out.txt', '<?xml version="1.0"?><a/>')).toBe('xml');
    expect(detectFormat('app.log', '2024-03-15 [INFO] started')).toBe('log');
  });
});

describe('JSON', () => {
  it('never takes a memory size for a phone number (the systeminformation bug) and still parses', async () => {
    const doc = { mem: { total: 17179869184, free: 13912345678, used: 3267523506 }, disk: { size: 15012345678, bytes: 18612345678 }, uptime: 13800138000 };
    const text = JSON.stringify(doc, null, 2);
    const { out, structure, counts } = await redactAs('系统信息.json', text);
    expect(out).toBe(text);
    expect(counts).toEqual({});
    expect(structure).toEqual({ format: 'json', check: 'valid' });
  });

  it('writes a placeholder that replaces a bare JSON value as a JSON string', async () => {
    const text = '{\n  "phone": 13800138000,\n  "contact": [13900139000, "mail zhang.san@公司.cn"],\n  "password": "hunter2"\n}\n';
    const { out, structure } = await redactAs('contact.json', text);
    const parsed = JSON.parse(out) as Record<string, unknown>;
    expect(parsed.phone).toMatch(/^<PHONE-\d+>$/);
    expect(parsed.password).toMatch(/^<SECRET-\d+>$/);
    expect(out).not.toContain('公司.cn');
    expect(structure?.check).toBe('valid');
  });

  it('keeps a JSON-escaped private key inside its string', async () => {
    const key = '-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n-----END PRIVATE KEY-----\\n';
    const text = `{"type": "service_account", "private_key_id": "4f1c2e8a9b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e", "private_key": "${key}", "client_email": "svc@proj-123.iam.gserviceaccount.com"}`;
    const { out, structure } = await redactAs('sa.json', text);
    expect(() => JSON.parse(out)).not.toThrow();
    expect(out).not.toContain('MIIEvQIBADAN');
    expect(out).not.toContain('4f1c2e8a9b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e');
    expect(structure?.check).toBe('valid');
  });

  it('keeps JSON valid when a value ends in an escape (the manifest of a CI machine)', async () => {
    // A token rule takes everything up to the quote: on the raw line that is `abc123456\\`, the
    // backslash of the escaped quote. The line engine gives the backslash back (adjustSpan), so
    // the line output parses as it is; redacting value by value stays the net behind it.
    const doc = { a: 'C:\\Users\\张三\\AppData', b: 'he said "token=abc123456"', c: 'https://host/x?token=abc\\"def', n: 17179869184, phone: 13800138000 };
    const text = JSON.stringify(doc, null, 2) + '\n';
    const { out, structure, counts } = await redactAs('manifest.json', text);
    const parsed = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(Object.keys(doc));
    expect(parsed.b).toMatch(/^he said "token=<TOKEN-\d+>"$/);
    expect(parsed.n).toBe(17179869184);
    expect(parsed.phone).toMatch(/^<PHONE-\d+>$/);
    expect(out).not.toContain('abc123456');
    expect(out.startsWith('{\n  "a"')).toBe(true);
    expect(out.endsWith('}\n')).toBe(true);
    expect(structure).toEqual({ format: 'json', check: 'valid' });
    expect(counts).toMatchObject({ phone: 1 });
  });

  it('falls back to plain text for a .json file that is not JSON, and says so', async () => {
    const text = '{ this is not json, password=hunter2 phone 13800138000\n';
    const { out, structure } = await redactAs('broken.json', text);
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('13800138000');
    expect(structure).toEqual({ format: 'json', check: 'fallback', note: 'not valid json: redacted as plain text' });
  });

  it('redacts a JSON file over the check limit line by line, with JSON-safe placeholders, and says it was not checked', async () => {
    const row = (i: number) => `  {"id": ${i}, "phone": 13800${String(i % 1000000).padStart(6, '0')}, "bytes": 13912345678, "note": "padding padding padding padding"}`;
    const rows: string[] = [];
    let size = 0;
    for (let i = 0; size < STRUCTURE_CHECK_LIMIT; i += 1) {
      rows.push(row(i));
      size += rows[rows.length - 1]!.length * 2;
    }
    const text = `[\n${rows.join(',\n')}\n]\n`;
    const { out, structure } = await redactAs('export.json', text);
    expect(structure?.check).toBe('unchecked');
    expect(structure?.note).toMatch(/larger than 4 MiB: redacted line by line with json-safe placeholders/);
    const parsed = JSON.parse(out) as { phone: string; bytes: number }[];
    // Row 1: row 0's `13800000000` is a stand-in of zeros, which the phone rule keeps (session 20, fp21).
    expect(parsed[1]!.phone).toMatch(/^<PHONE-\d+>$/);
    expect(parsed[0]!.bytes).toBe(13912345678);
  });

  it('checks JSON Lines line by line', async () => {
    const text = '{"msg":"login","phone":13800138000}\n{"msg":"ok","bytes":13812345678}\n';
    const { out, structure } = await redactAs('events.jsonl', text);
    for (const line of out.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    expect(out).toContain('13812345678');
    expect(structure?.check).toBe('valid');
  });
});

describe('XML and plist', () => {
  it('escapes placeholders in element text and attributes', async () => {
    const text = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<configuration>',
      '  <connectionStrings>',
      '    <add name="erp" connectionString="Server=db01;Database=erp;User Id=sa;Password=my secret;" />',
      '  </connectionStrings>',
      '  <appSettings>',
      '    <add key="ApiKey" value="sk_live_4eC39HqLyjWDarjtT1zdp7dc" />',
      '    <add key="SupportMail" value="wang.wei@example-corp.cn" />',
      '  </appSettings>',
      '  <password>hunter2</password>',
      '</configuration>',
      '',
    ].join('\n');
    const { out, structure } = await redactAs('app.config', text);
    expect(xmlErrors(out)).toEqual([]);
    expect(out).not.toMatch(/my secret|sk_live_|wang\.wei|hunter2/);
    expect(out).toMatch(/&lt;SECRET-\d+&gt;/);
    expect(structure?.check).toBe('valid');
  });

  it('keeps a plist valid', async () => {
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>UserEmail</key>
  <string>li.na@example-corp.cn</string>
  <key>HomeFolder</key>
  <string>/Users/李娜/Library</string>
  <key>FreeBytes</key>
  <integer>17179869184</integer>
</dict>
</plist>
`;
    const { out, structure } = await redactAs('com.example.app.plist', text);
    expect(xmlErrors(out)).toEqual([]);
    expect(out).not.toMatch(/li\.na@|李娜/);
    expect(out).toContain('<integer>17179869184</integer>');
    expect(structure?.check).toBe('valid');
  });

  it('the well-formedness check rejects what a raw placeholder would break', () => {
    expect(xmlWellFormed('<a x="1"><b>t</b></a>')).toBe(true);
    expect(xmlWellFormed('<a><b><SECRET-1></b></a>')).toBe(false);
    expect(xmlWellFormed('<a x="<SECRET-1>"/>')).toBe(false);
    expect(xmlWellFormed('<a></b>')).toBe(false);
  });
});

describe('YAML, INI, .reg, HTML/CSS', () => {
  it('quotes a placeholder that is a whole YAML value, and the file still parses', async () => {
    const text = 'db:\n  host: db01\n  password: hunter2\n  port: 5432\nadmins:\n  - 13800138000\nnote: mail wang.wei@example-corp.cn # owner\n';
    const { out } = await redactAs('app.yaml', text);
    const doc = YAML.parse(out) as { db: { password: string; port: number }; admins: string[] };
    expect(doc.db.password).toMatch(/^<SECRET-\d+>$/);
    expect(doc.db.port).toBe(5432);
    expect(doc.admins[0]).toMatch(/^<PHONE-\d+>$/);
    expect(out).not.toContain('hunter2');
  });

  it('redacts .env and .reg values and leaves their layout', async () => {
    const env = await redactAs('.env', 'DB_HOST=db01\nDB_PASSWORD=p@ss word\nCACHE_SIZE=13812345678\n');
    expect(env.out).toBe('DB_HOST=db01\nDB_PASSWORD=<SECRET-1>\nCACHE_SIZE=13812345678\n');
    const reg = await redactAs('export.reg', 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\XX]\r\n"ProxyPassword"="s3cr3t!"\r\n"CacheBytes"=dword:00001000\r\n');
    expect(reg.out).toContain('"ProxyPassword"="<SECRET-1>"\r\n');
    expect(reg.out).toContain('"CacheBytes"=dword:00001000');
  });

  it('leaves CSS custom properties alone and escapes placeholders in HTML text', async () => {
    const html = '<!doctype html><html><head><style>:root{--pass:#116329;--fail:#cf222e;--token-bg:#eee}</style></head><body><p>Contact wang.wei@example-corp.cn</p></body></html>\n';
    const { out } = await redactAs('page.html', html);
    expect(out).toContain(':root{--pass:#116329;--fail:#cf222e;--token-bg:#eee}');
    expect(out).toMatch(/<p>Contact &lt;EMAIL-\d+&gt;<\/p>/);
  });

  it('encodes only placeholders this redactor made', () => {
    const ours = (p: string) => p === '<SECRET-1>';
    expect(encodePlaceholders('xml', '<SECRET-1><NOTE-2>', ours)).toBe('&lt;SECRET-1&gt;<NOTE-2>');
    expect(encodePlaceholders('json', '"a": <SECRET-1>, "b": "<SECRET-1>"', ours)).toBe('"a": "<SECRET-1>", "b": "<SECRET-1>"');
  });
});

describe('JSON name/value lists of HTTP headers (HAR)', () => {
  it('redacts a header value as the header it is named on the line before, and keeps measurements', async () => {
    const har = { headers: [{ name: 'Authorization', value: 'Basic d2FuZ2Zhbmc6UGFzc3cwcmQhMjAyNg==' }, { name: 'Cookie', value: 'JSESSIONID=8F3A2B1C9D4E5F60718293A4B5C6D7E8; theme=dark' }, { name: 'Content-Length', value: '13912345678' }] };
    const { out, structure } = await redactAs('session.har', `${JSON.stringify(har, null, 2)}\n`);
    const parsed = JSON.parse(out) as typeof har;
    expect(parsed.headers[0]!.value).toMatch(/^Basic <TOKEN-\d+>$/);
    expect(parsed.headers[1]!.value).toMatch(/^JSESSIONID=<TOKEN-\d+>; theme=dark$/);
    expect(parsed.headers[2]!.value).toBe('13912345678');
    expect(structure?.check).toBe('valid');
  });
});
