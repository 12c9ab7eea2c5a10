import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/redactor.js';
import { redactBuffer, routeThroughRedactor } from '../../../../electron/engine/redact/route.js';

const collect = async (s: Readable) => {
  const out: Buffer[] = [];
  for await (const c of s) out.push(c as Buffer);
  return Buffer.concat(out);
};

describe('routing items through the redactor', () => {
  it('redacts text, counting per rule, across many small chunks', async () => {
    const text = 'start\n' + 'x'.repeat(20_000) + '\npassword=hunter2-secret\nmail bob@example.org\n';
    const chunks = text.match(/[\s\S]{1,7}/g)!.map((c) => Buffer.from(c));
    const { stream, outcome } = routeThroughRedactor(Readable.from(chunks), new Redactor());
    const out = (await collect(stream)).toString();
    const o = await outcome;
    expect(out).not.toContain('hunter2-secret');
    expect(out).not.toContain('bob@example.org');
    expect(out).toContain('password=<SECRET-1>');
    expect(o.binary).toBe(false);
    expect(o.counts['email']).toBe(1);
    expect(Object.values(o.counts).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('passes binary through byte for byte', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('password=x bob@example.org'), Buffer.alloc(50_000, 7)]);
    const { data, outcome } = await redactBuffer(png, new Redactor());
    expect(data.equals(png)).toBe(true);
    expect(outcome.binary).toBe(true);
    expect(outcome.counts).toEqual({});
  });

  it('keeps placeholders consistent across items of one archive', async () => {
    const r = new Redactor();
    const a = await redactBuffer(Buffer.from('from alice@corp.example\n'), r);
    const b = await redactBuffer(Buffer.from('to alice@corp.example\n'), r);
    expect(a.data.toString()).toBe('from <EMAIL-1>\n');
    expect(b.data.toString()).toBe('to <EMAIL-1>\n');
  });

  it('an empty item stays empty, and a source error reaches the archive stream', async () => {
    expect((await redactBuffer(Buffer.alloc(0), new Redactor())).data.length).toBe(0);
    const failing = new Readable({
      read() {
        this.push(Buffer.from('line one\n'.repeat(2000)));
        this.destroy(new Error('disk went away'));
      },
    });
    const { stream } = routeThroughRedactor(failing, new Redactor());
    await expect(collect(stream)).rejects.toThrow('disk went away');
  });

  it('a consumer that gives up (destroys the output) stops the source too: a file source is closed, not left to garbage collection', async () => {
    let sourceFinished = false;
    const source = Readable.from(
      (async function* () {
        try {
          for (let i = 0; i < 10_000; i += 1) yield Buffer.from(`line ${i} of a long log\n`.repeat(100));
        } finally {
          sourceFinished = true;
        }
      })(),
    );
    const { stream, outcome } = routeThroughRedactor(source, new Redactor());
    for await (const _ of stream) break; // reads one piece, then destroys the stream
    await expect(outcome).rejects.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.destroyed).toBe(true);
    expect(sourceFinished).toBe(true);
  });
});


describe('the redacted text handed on (onText)', () => {
  const cases: Array<[string, Buffer, string]> = [
    // ASCII: the byte path (spans of the input between replacements).
    ['ASCII log', Buffer.from(`start\n${'x'.repeat(70_000)}\npassword=hunter2-secret\nmail bob@example.org at 10.1.2.3\n`), 'app.log'],
    // Non-ASCII UTF-8, a character cut between chunks.
    ['UTF-8 log', Buffer.from(`用户 张三 登录失败 password=秘密-secret-9\n${'日志行 ✓ ok\n'.repeat(9000)}end 😀\n`), 'app.log'],
    // GBK: decoded as GBK, archived as UTF-8.
    ['GBK log', iconv.encode(`${'错误：连接超时，请检查网络设置\n'.repeat(2000)}password=hunter2-secret\n`, 'gbk'), 'app.log'],
    // JSON: held for the structure check, then written as text.
    ['JSON', Buffer.from(JSON.stringify({ user: 'bob@example.org', token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', list: Array.from({ length: 500 }, (_, i) => `item ${i} \u00e9`) }, null, 2)), 'config.json'],
    // A UTF-8 byte order mark is not part of the text.
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('2024-01-15 10:00:00 INFO 启动\nsecret=abc123def456\n')]), 'a.log'],
  ];
  for (const [what, input, name] of cases) {
    it(`is the text whose UTF-8 bytes are archived: ${what}`, async () => {
      const chunks: Buffer[] = [];
      for (let i = 0; i < input.length; i += 4093) chunks.push(input.subarray(i, i + 4093));
      const texts: string[] = [];
      const { stream, outcome } = routeThroughRedactor(Readable.from(chunks), new Redactor(), name, { onText: (t) => texts.push(t) });
      const out = await collect(stream);
      await outcome;
      expect(texts.length).toBeGreaterThan(0);
      expect(Buffer.from(texts.join(''), 'utf8').equals(out)).toBe(true);
    });
  }

  it('gets nothing for a binary item', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(50_000, 7)]);
    const texts: string[] = [];
    const { stream, outcome } = routeThroughRedactor(Readable.from([png]), new Redactor(), 'x.log', { onText: (t) => texts.push(t) });
    expect((await collect(stream)).equals(png)).toBe(true);
    expect((await outcome).binary).toBe(true);
    expect(texts).toEqual([]);
  });
});
