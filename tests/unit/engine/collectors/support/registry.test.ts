import { describe, expect, it } from 'vitest';
import { formatWindowsVersion, parseRegQuery, parseWindowsVersion, regMultiString, regNumber, regString } from '../../../../../electron/engine/collectors/support/registry.js';
import { decodeWindowsOutput } from '../../../../../electron/engine/platform/windows-output.js';
import { winBytes, winText } from '../../../../helpers/platform-fixtures.js';

describe('parseRegQuery (reg query output, fixtures in the real layout)', () => {
  it('keys, values, empty strings without a data part, default values and subkeys', () => {
    const keys = parseRegQuery(['', 'HKEY_CURRENT_USER\\Software\\Classes\\zcode\\shell\\open\\command', '    (默认)    REG_SZ    "C:\\App\\app.exe" "%1"', '    Comments    REG_SZ', '    Flags    REG_DWORD    0x1f', '', 'HKEY_CURRENT_USER\\Software\\Classes\\zcode\\sub', ''].join('\r\n'));
    expect(keys.map((k) => k.key)).toEqual(['HKEY_CURRENT_USER\\Software\\Classes\\zcode\\shell\\open\\command', 'HKEY_CURRENT_USER\\Software\\Classes\\zcode\\sub']);
    expect(keys[0]!.values).toEqual({ '': { type: 'REG_SZ', data: '"C:\\App\\app.exe" "%1"' }, Comments: { type: 'REG_SZ', data: '' }, Flags: { type: 'REG_DWORD', data: '0x1f' } });
    expect(regNumber(keys[0]!.values.Flags)).toBe(31);
    expect(regString(keys[0]!.values.Comments)).toBeUndefined();
    expect(keys[1]!.values).toEqual({});
  });

  it('the Internet Settings key: values with spaces in names and data, then its subkeys', () => {
    const keys = parseRegQuery(winText('reg-query-internet-settings.proxy.txt'));
    expect(keys[0]!.values['User Agent']).toEqual({ type: 'REG_SZ', data: 'Mozilla/4.0 (compatible; MSIE 8.0; Win32)' });
    expect(keys[0]!.values.ProxyOverride!.data).toBe('*.corp.example.com;10.*;<local>');
    expect(keys).toHaveLength(11);
  });

  it('REG_MULTI_SZ: the strings reg joins with \\0', () => {
    const keys = parseRegQuery(winText('reg-query-pending-file-rename.txt'));
    expect(regMultiString(keys[0]!.values.PendingFileRenameOperations)).toEqual(['\\??\\C:\\Program Files\\XXSoftware\\xxcore.dll.old', '\\??\\C:\\WINDOWS\\SoftwareDistribution\\Download\\a1b2c3\\tmp.cab']);
  });
});

describe('parseWindowsVersion (HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion)', () => {
  it('Windows 11: the registry says "Windows 10 Pro", build 22631 says 11; the UBR gives the revision (GBK output of a Chinese machine)', () => {
    const v = parseWindowsVersion(decodeWindowsOutput(winBytes('reg-query-nt-currentversion.win11.zh-CN.gbk.txt'), 936))!;
    expect(v).toMatchObject({ productName: 'Windows 10 Pro', name: 'Windows 11 Pro', edition: 'Professional', displayVersion: '23H2', build: 22631, ubr: 2861, version: '10.0.22631.2861', installationType: 'Client' });
    expect(formatWindowsVersion(v)).toBe('Windows 11 Pro 23H2 (build 22631.2861)');
  });

  it('Windows 10 stays Windows 10', () => {
    const v = parseWindowsVersion(winText('reg-query-nt-currentversion.win10.en.txt'))!;
    expect(v).toMatchObject({ name: 'Windows 10 Enterprise', displayVersion: '22H2', version: '10.0.19045.3803' });
  });

  it('Windows Server and older releases (ReleaseId, no major/minor numbers)', () => {
    const server = ['HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion', '    ProductName    REG_SZ    Windows Server 2022 Datacenter', '    CurrentBuild    REG_SZ    20348', '    CurrentMajorVersionNumber    REG_DWORD    0xa', '    CurrentMinorVersionNumber    REG_DWORD    0x0', '    DisplayVersion    REG_SZ    21H2'].join('\r\n');
    expect(parseWindowsVersion(server)).toMatchObject({ name: 'Windows Server 2022 Datacenter', version: '10.0.20348' });
    const old = ['HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion', '    ProductName    REG_SZ    Windows 10 Pro', '    CurrentBuild    REG_SZ    18363', '    CurrentVersion    REG_SZ    6.3', '    ReleaseId    REG_SZ    1909', '    UBR    REG_DWORD    0x4d0'].join('\r\n');
    expect(parseWindowsVersion(old)).toMatchObject({ name: 'Windows 10 Pro', displayVersion: '1909', version: '6.3.18363.1232' });
    expect(parseWindowsVersion('')).toBeUndefined();
  });
});
