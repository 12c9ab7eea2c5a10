/** Encodings in, UTF-8 out: BOMs, UTF-16 without BOM, GBK/GB18030, invalid UTF-8, binary. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, isProbablyBinary, Redactor, SniffingDecoder } from '../../../../electron/engine/redact/index.js';
import { chunkSizes, redactInChunks } from './helpers.js';

const LOG = '2024-03-15 08:03:00 [调试] 登录 用户名=zhangwei 密码=Zw@2024!安全 手机 13812345678\r\n[信息] 完成 ✓\r\n';
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

describe('decodeText', () => {
  it('decodes UTF-8 with and without BOM', () => {
    expect(decodeText(Buffer.from(LOG))).toEqual({ text: LOG, encoding: 'utf8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LOG)]))).toEqual({ text: LOG, encoding: 'utf8' });
  });

  it('decodes UTF-16LE and UTF-16BE by BOM and, for mostly-ASCII text, by the NUL pattern', () => {
    const ascii = 'Service started on WS-PC0142, password=Svc!Utf16-Pw\r\n'.repeat(4);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LOG, 'utf16le')]))).toEqual({ text: LOG, encoding: 'utf16le' });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(LOG)]))).toEqual({ text: LOG, encoding: 'utf16be' });
    expect(decodeText(Buffer.from(ascii, 'utf16le'))).toEqual({ text: ascii, encoding: 'utf16le' });
    expect(decodeText(utf16be(ascii))).toEqual({ text: ascii, encoding: 'utf16be' });
  });

  it('decodes GBK / GB18030 when the text is not UTF-8', () => {
    expect(decodeText(iconv.encode(LOG, 'gbk'))).toEqual({ text: LOG.replace('✓', '?'), encoding: 'gb18030' });
    expect(decodeText(iconv.encode(LOG, 'gb18030'))).toEqual({ text: LOG, encoding: 'gb18030' });
  });

  it('decides on the first non-ASCII bytes, even after 8 KiB of ASCII', () => {
    const head = 'plain ascii line\n'.repeat(1000);
    const data = Buffer.concat([Buffer.from(head), iconv.encode(LOG, 'gb18030')]);
    expect(decodeText(data)).toEqual({ text: head + LOG, encoding: 'gb18030' });
  });

  it('turns invalid UTF-8 into U+FFFD and keeps the text around it', () => {
    const data = Buffer.concat([Buffer.from('ok password=hunter2 '), Buffer.from([0xff, 0xc3, 0x28]), Buffer.from(' tail é\n')]);
    expect(decodeText(data)).toEqual({ text: 'ok password=hunter2 \uFFFD\uFFFD( tail é\n', encoding: 'utf8' });
  });

  it('decodes the same whatever the chunk sizes', () => {
    const samples = [
      Buffer.from(LOG.repeat(300)),
      iconv.encode(LOG.repeat(300), 'gb18030'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LOG.repeat(300), 'utf16le')]),
      Buffer.concat([Buffer.from('a'.repeat(9000)), Buffer.from(LOG.repeat(50))]),
    ];
    for (const data of samples) {
      const whole = decodeText(data);
      for (const size of [1, 2, 3, 4095, 8193]) {
        const d = new SniffingDecoder();
        let text = '';
        for (let i = 0; i < data.length; i += size) text += d.write(data.subarray(i, i + size));
        text += d.end();
        expect({ text, encoding: d.encoding }).toEqual(whole);
      }
    }
  });
});

describe('the stream on other encodings', () => {
  it('redacts a GBK log and writes UTF-8', async () => {
    const { text, stream } = await redactInChunks(new Redactor(), iconv.encode(LOG, 'gb18030'), chunkSizes(7));
    expect(text).toBe('2024-03-15 08:03:00 [调试] 登录 用户名=<USER-1> 密码=<SECRET-1> 手机 <PHONE-1>\r\n[信息] 完成 ✓\r\n');
    expect(stream.encoding()).toBe('gb18030');
  });

  it('redacts a UTF-16LE log and writes UTF-8', async () => {
    const data = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LOG, 'utf16le')]);
    const { text, stream } = await redactInChunks(new Redactor(), data, chunkSizes(3));
    expect(text).toBe('2024-03-15 08:03:00 [调试] 登录 用户名=<USER-1> 密码=<SECRET-1> 手机 <PHONE-1>\r\n[信息] 完成 ✓\r\n');
    expect(stream.encoding()).toBe('utf16le');
  });

  it('still redacts readable text next to invalid UTF-8', async () => {
    const data = Buffer.concat([Buffer.from('\xff\xfe garbage '), Buffer.from([0x80, 0x81]), Buffer.from(' password=hunter2 mail a@b.com\n')]);
    const { text } = await redactInChunks(new Redactor(), data, chunkSizes(2));
    expect(text).toContain('password=<SECRET-1> mail <EMAIL-1>');
    expect(text).not.toContain('hunter2');
  });
});

describe('isProbablyBinary', () => {
  it('knows text from binary', () => {
    expect(isProbablyBinary(Buffer.from(LOG))).toBe(false);
    expect(isProbablyBinary(iconv.encode(LOG, 'gb18030'))).toBe(false);
    expect(isProbablyBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LOG, 'utf16le')]))).toBe(false);
    expect(isProbablyBinary(Buffer.from('plain ascii\r\n'.repeat(50), 'utf16le'))).toBe(false);
    expect(isProbablyBinary(Buffer.from('\x1b[31mred\x1b[0m ANSI colours\tand tabs\n'))).toBe(false);
    expect(isProbablyBinary(Buffer.alloc(0))).toBe(false);
    expect(isProbablyBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe(true);
    expect(isProbablyBinary(Buffer.from('PK\x03\x04\x14\x00\x06\x00'))).toBe(true);
    expect(isProbablyBinary(Buffer.from('\x01\x02\x03\x04\x05abc\x06\x07'))).toBe(true);
  });

  it('looks at the first 8 KiB only', () => {
    expect(isProbablyBinary(Buffer.concat([Buffer.from('a'.repeat(8192)), Buffer.alloc(100)]))).toBe(false);
  });
});
