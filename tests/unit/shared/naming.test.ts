import { describe, expect, it } from 'vitest';
import { archiveName, checkTicketId, emailSubject, formatTimestamp, safeHostName, STANDARD_NAMES } from '../../../shared/naming.js';

describe('ticket id rule', () => {
  it.each(['12345', 'SUP-12345', 'a', 'x.y_z-1', 'A'.repeat(64), 'CONSOLE', 'COM10', 'LPT0', 'NUL1', 'a.b', 'CON-1'])('accepts %s', (id) => {
    expect(checkTicketId(id)).toEqual({ ok: true, ticket: id });
  });

  it.each([
    ['', 'empty'],
    ['12/34', 'path separator'],
    ['12\\34', 'path separator'],
    ['..', '".."'],
    ['a..b', '".."'],
    ['12 34', 'space'],
    ['12\u000734', 'control character'],
    ['1'.repeat(65), '65 characters'],
    ['-123', 'not allowed'],
    ['工单1', 'not allowed'],
    ['abc.', 'ends in a dot'],
    ['abc ', 'space'],
    ['CON', 'Windows reserves'],
    ['con', 'Windows reserves'],
    ['com1.txt', 'Windows reserves'],
    ['Lpt9', 'Windows reserves'],
    ['NUL.tar.gz', 'Windows reserves'],
    ['aux.', 'ends in a dot'],
    ['PRN', 'Windows reserves'],
  ])('refuses %j and says why (%s)', (id, why) => {
    const check = checkTicketId(id);
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.reason).toContain(why);
      expect(check.reason).toContain('letters, digits');
    }
  });
});

describe('archive name', () => {
  const date = new Date(2026, 10, 24, 9, 5);
  it('follows <ticket>_<label>_<YYYYMMDD-HHmm>_<host>.zip in zh-CN by default', () => {
    expect(archiveName({ ticket: '12345', lang: 'zh-CN', date, host: 'pc-01' })).toBe('12345_诊断信息_20261124-0905_pc-01.zip');
  });
  it('uses the en label when asked', () => {
    expect(archiveName({ ticket: '12345', lang: 'en', date, host: 'pc-01' })).toBe('12345_diagnostics_20261124-0905_pc-01.zip');
  });
  it('makes the host safe for a file name', () => {
    expect(safeHostName('my host/../x')).toBe('my-host-..-x');
    expect(safeHostName('张三的电脑')).toBe('host');
  });
  it('applies a policy template', () => {
    expect(archiveName({ ticket: '9', lang: 'en', date, host: 'h', template: '{host}-{ticket}' })).toBe('h-9.zip');
  });
  it('pads the timestamp', () => {
    expect(formatTimestamp(new Date(2026, 0, 2, 3, 4))).toBe('20260102-0304');
  });
});

describe('standard names', () => {
  it('has the support guide names in zh-CN and distinct en names', () => {
    expect(STANDARD_NAMES.intake['zh-CN']).toBe('工单信息.txt');
    expect(STANDARD_NAMES.systemLog['zh-CN']).toBe('系统日志/系统日志.txt');
    expect(STANDARD_NAMES.screenshot['zh-CN']).toBe('问题截图.png');
    const en = Object.values(STANDARD_NAMES).map((n) => n.en);
    const zh = Object.values(STANDARD_NAMES).map((n) => n['zh-CN']);
    expect(new Set(en).size).toBe(en.length);
    expect(new Set(zh).size).toBe(zh.length);
    for (const name of en) expect(name).toMatch(/^[\x20-\x7e]+$/);
  });
  it('builds the e-mail subject with full-width brackets', () => {
    expect(emailSubject('12345')).toBe('【技术支持】12345');
    expect(emailSubject('1').codePointAt(0)).toBe(0x3010);
  });
});
