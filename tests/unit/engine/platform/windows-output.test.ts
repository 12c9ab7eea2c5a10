import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { fileErrorReason } from '../../../../electron/engine/platform/files.js';
import { codePageEncoding, decodeWindowsOutput, detectWindowsEncoding, parseChcp } from '../../../../electron/engine/platform/windows-output.js';
import { winBytes, winFixture, winText } from '../../../helpers/platform-fixtures.js';
// @ts-expect-error -- a plain .mjs script next to the fixtures it writes
import { ENCODED, encodeFixture } from '../../../fixtures/win32/encode.mjs';

describe('encoded fixtures (GBK and UTF-16LE bytes made with iconv-lite from their UTF-8 sources)', () => {
  it.each((ENCODED as Array<[string, string, string, ((t: string) => string)?]>).map((e) => [e[1], e] as const))('%s holds exactly the encoded bytes', (_name, [source, target, encoding, transform]) => {
    const bytes = readFileSync(winFixture(target));
    expect(bytes.equals(encodeFixture(winText(source), encoding, transform))).toBe(true);
    // really not UTF-8 (or ASCII): the decoder has work to do
    expect(bytes.equals(Buffer.from(winText(source), 'utf8'))).toBe(false);
  });
});

describe('decodeWindowsOutput', () => {
  it('GBK console output, with the code page chcp reports (936)', () => {
    const text = decodeWindowsOutput(winBytes('ipconfig-all.zh-CN.gbk.txt'), 936);
    expect(text).toBe(winText('ipconfig-all.zh-CN.txt'));
    expect(text).toContain('IPv4 地址 . . . . . . . . . . . . : 192.168.1.5(首选)');
    expect(detectWindowsEncoding(winBytes('ipconfig-all.zh-CN.gbk.txt'), 936)).toEqual({ encoding: 'gb18030', bom: 0, reason: 'code-page' });
  });

  it('GBK without a code page: read as GB18030 (most users run Chinese Windows)', () => {
    for (const name of ['systeminfo.zh-CN', 'netsh-advfirewall-state.zh-CN', 'route-print.zh-CN']) {
      expect(decodeWindowsOutput(winBytes(`${name}.gbk.txt`))).toBe(winText(`${name}.txt`));
    }
    expect(decodeWindowsOutput(winBytes('tasklist-v.zh-CN.gbk.csv'))).toBe(winText('tasklist-v.zh-CN.csv'));
    expect(detectWindowsEncoding(winBytes('systeminfo.zh-CN.gbk.txt')).reason).toBe('default');
  });

  it('UTF-16LE without a BOM (wevtutil, wmic as captured) by its NUL pattern, CJK text included', () => {
    const bytes = winBytes('wevtutil-qe-system.zh-CN.utf16le.txt');
    expect(detectWindowsEncoding(bytes, 936)).toEqual({ encoding: 'utf16le', bom: 0, reason: 'utf16-pattern' });
    expect(decodeWindowsOutput(bytes, 936)).toBe(winText('wevtutil-qe-system.zh-CN.txt'));
    expect(decodeWindowsOutput(winBytes('wmic-qfe.utf16le.csv'))).toBe(winText('wmic-qfe.csv').replace(/\n/g, '\r\r\n'));
  });

  it('UTF-16LE with a BOM (reg export): the BOM is dropped', () => {
    const text = decodeWindowsOutput(winBytes('reg-export-uninstall.zh-CN.utf16le.reg'));
    expect(text).toBe(winText('reg-export-uninstall.zh-CN.reg'));
    expect(text.startsWith('Windows Registry Editor Version 5.00')).toBe(true);
    expect(text).toContain('"DisplayName"="腾讯会议"');
  });

  it('UTF-8: from PowerShell (65001), with a BOM, or a tool that ignores the console code page', () => {
    const json = '{"DisplayName":"微信"}';
    expect(decodeWindowsOutput(Buffer.from(json, 'utf8'), 65001)).toBe(json);
    expect(decodeWindowsOutput(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]), 936)).toBe(json);
    // Well-formed UTF-8 wins over the console's 936: GBK text is not well-formed UTF-8.
    expect(decodeWindowsOutput(Buffer.from('版本 1.2', 'utf8'), 936)).toBe('版本 1.2');
  });

  it('other code pages by iconv-lite name: 850 (Western Europe), 437 (US), 950 (Big5)', () => {
    expect(decodeWindowsOutput(iconv.encode('Carte Ethernet Ethernet : Adresse IPv4. . . . : 10.0.0.5 (préféré)', 'cp850'), 850)).toContain('(préféré)');
    expect(decodeWindowsOutput(iconv.encode('乙太網路卡 乙太網路:', 'big5'), 950)).toBe('乙太網路卡 乙太網路:');
    expect(codePageEncoding(437)).toBe('cp437');
    expect(codePageEncoding(936)).toBe('gb18030');
    expect(codePageEncoding(99999)).toBeUndefined();
  });

  it('pure ASCII is ASCII whatever the code page', () => {
    expect(detectWindowsEncoding(winBytes('route-print.en.txt'), 936).reason).toBe('ascii');
  });
});

describe('parseChcp', () => {
  it('reads the number in English and (GBK) Chinese', () => {
    expect(parseChcp(winText('chcp.en.txt'))).toBe(437);
    expect(parseChcp(decodeWindowsOutput(winBytes('chcp.zh-CN.gbk.txt')))).toBe(936);
    expect(parseChcp('Page de codes active : 850\r\n')).toBe(850);
    expect(parseChcp('nothing here')).toBeUndefined();
  });
});

describe('files another program holds open (Windows)', () => {
  it('EBUSY (a sharing or lock violation) is a skip reason a user can act on', () => {
    expect(fileErrorReason(Object.assign(new Error('EBUSY'), { code: 'EBUSY' }))).toMatch(/^is locked by another program .*close that program/);
  });
});
