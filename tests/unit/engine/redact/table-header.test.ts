/**
 * A table's header below `#` comment lines (a printer's address-book export starts with one): the
 * item still gets the CSV layout, and its cells are read against that header, whatever the chunk
 * sizes the text arrives in.
 */
import { describe, expect, it } from 'vitest';
import { detectLayout, tableHeaderStart } from '../../../../electron/engine/redact/formats.js';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { chunkSizes, redactInChunks } from './helpers.js';

const BOOK = [
  '# Canon iR-ADV C3530 address book export (abook.abk → CSV), 2026-03-02',
  '# 地址簿导出, 共 3 条',
  'objectclass,cn,cnread,mailaddress,path,protocol,username,pwd,member',
  'email,傅晓燕,fuxiaoyan,,,,,,',
  'ftp,扫描-财务部,scan-fin,,\\\\fs01\\scan,smb,svc_scan,Sc@n-Fin2026,',
  'fax,行政传真,fax-admin,,,,,,',
  '',
].join('\r\n');

describe('a table header below comment lines', () => {
  it('tableHeaderStart skips # lines, waits for an incomplete one, and gives up at its reach', () => {
    expect(tableHeaderStart('a,b,c\nx,y\n')).toBe(0);
    expect(tableHeaderStart('name,pwd\nx')).toBe(0);
    // A first row naming no column the layout reads may be a report's title over the header: the
    // next line decides, so it is waited for (held-out-11: DingTalk's 月度汇总 row, a copier's job log).
    expect(tableHeaderStart('a,b,c\nx')).toBe(-1);
    expect(tableHeaderStart('月度汇总,统计日期：2026-02\n姓名,部门\n')).toBe(18);
    expect(tableHeaderStart('\uFEFFa,b')).toBe(1);
    expect(tableHeaderStart('# one\n# two\nname,pwd\n')).toBe(12);
    expect(tableHeaderStart('# not complete')).toBe(-1);
    expect(tableHeaderStart(`# ${'x'.repeat(2000)}`)).toBe(0);
  });

  it('detectLayout reads the table header, not the comment, for the CSV layout', () => {
    expect(detectLayout('book.csv', '# export', 'cn,username,pwd')).toBe('csv');
    expect(detectLayout('book.csv', '# export')).toBeUndefined();
    // The other layouts still go by the first line.
    expect(detectLayout('auth.txt', '# comment', 'alice')).toBeUndefined();
  });

  for (const size of [1, 7, 64, 4096]) {
    it(`redacts the name, login and password columns (chunks of ${size})`, async () => {
      const { text } = await redactInChunks(new Redactor(), Buffer.from(BOOK), chunkSizes(size), { name: 'Canon-地址簿.csv' });
      expect(text).not.toContain('傅晓燕');
      expect(text).not.toContain('Sc@n-Fin2026');
      expect(text).not.toContain('svc_scan');
      // The comment lines, the header and the department names stay as they are.
      expect(text).toContain('# 地址簿导出, 共 3 条\r\nobjectclass,cn,cnread,mailaddress,path,protocol,username,pwd,member\r\n');
      expect(text).toContain('扫描-财务部');
      expect(text).toContain('行政传真');
    });
  }
});

describe('a CRLF table', () => {
  it('keeps its header line whole: a `pwd` column name is not a password', async () => {
    const table = 'objectclass,cn,username,pwd,member\r\nemail,傅晓燕,fuxiaoyan,S3cret!x,\r\n';
    const { text } = await redactInChunks(new Redactor(), Buffer.from(table), chunkSizes(4096), { name: 'book.csv' });
    expect(text.startsWith('objectclass,cn,username,pwd,member\r\n')).toBe(true);
    expect(text).not.toContain('S3cret!x');
    expect(text).not.toContain('fuxiaoyan');
  });
});
