// speed17 (session 20): encodeUtf8 settles non-ASCII text by a probe of its start; the bytes must stay UTF-8's.
import { describe, expect, it } from 'vitest';
import { encodeUtf8 } from '../../../../electron/engine/redact/redactor.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('encodeUtf8', () => {
  it('writes ASCII as its bytes', () => {
    const text = 'GET /api/v2/orders?page=3 HTTP/1.1 200\n'.repeat(100);
    expect(encodeUtf8(text).equals(utf8(text))).toBe(true);
  });

  it('writes a Chinese line (a character beyond ASCII at the start) as UTF-8', () => {
    const text = '同步任务 重试 3 次，下次 11 秒后\n';
    expect(encodeUtf8(text).equals(utf8(text))).toBe(true);
  });

  it('writes text whose first character beyond ASCII comes after the probe as UTF-8', () => {
    const text = `${'a'.repeat(5000)}“保存”€\n`;
    expect(encodeUtf8(text).equals(utf8(text))).toBe(true);
    // Latin-1 would write one byte per character: the probe must not have settled it as ASCII.
    expect(encodeUtf8(text).length).toBeGreaterThan(text.length);
  });

  it('writes a lone surrogate as UTF-8 does (the replacement character)', () => {
    for (const text of ['a\ud800b', `${'x'.repeat(3000)}\udc00`]) expect(encodeUtf8(text).equals(utf8(text))).toBe(true);
  });

  it('writes Latin-1 characters (one UTF-16 unit, two UTF-8 bytes) as UTF-8', () => {
    const text = `${'y'.repeat(2000)}café Müller`;
    expect(encodeUtf8(text).equals(utf8(text))).toBe(true);
    expect(encodeUtf8('é').equals(Buffer.from([0xc3, 0xa9]))).toBe(true);
  });
});
