/**
 * 功能异常: configuration against its defaults, permissions on the product's paths, crash
 * reports of the product's processes — real files on this machine; Windows' Report.wer from its
 * real format (UTF-16LE, Chinese signature names).
 */
import { chmodSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareSettings, configDefaultsCollector, flattenJson, parseSettings } from '../../../../electron/engine/collectors/config-defaults.js';
import { crashReportsCollector, findReports, parseReportWer, processNames, reportProcess } from '../../../../electron/engine/collectors/crash-reports.js';
import { modeString, patternBase, permissionsCollector, permissionsPlan, productPaths } from '../../../../electron/engine/collectors/permissions.js';
import { PolicySchema } from '../../../../shared/policy.js';
import { winBytes } from '../../../helpers/platform-fixtures.js';
import { createFakeContext } from './fake-context.js';

const tmp = () => mkdtempSync(join(os.tmpdir(), 'malfunction-'));

describe('configuration compared with its defaults', () => {
  it('JSON by key path, INI by [section] key', () => {
    expect([...flattenJson({ a: { b: 1, c: [true, 'x'] }, e: {} })]).toEqual([['a.b', '1'], ['a.c[0]', 'true'], ['a.c[1]', '"x"'], ['e', '{}']]);
    const ini = parseSettings('x.ini', '[server]\nport = 8443\n; comment\nhost=a\n[ui]\nlang: zh\n');
    expect(ini.kind).toBe('key-value');
    expect([...ini.settings.keys()]).toEqual(['[server] port', '[server] host', '[ui] lang']);
    expect(parseSettings('x.xml', '<a>\n<b>1</b>\n</a>\n').kind).toBe('lines');
    expect(compareSettings(new Map([['a', '1'], ['b', '2'], ['new', '3']]), new Map([['a', '1'], ['b', '9'], ['gone', '4']]))).toEqual({ same: 1, changed: [{ key: 'b', value: '2', defaultValue: '9' }], added: [{ key: 'new', value: '3' }], removed: [{ key: 'gone', defaultValue: '4' }] });
  });

  it('writes what changed, as key = value lines (so redaction sees the keys)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ server: { url: 'https://erp.example.cn', timeout: 5 }, password: 'hunter2', cache: true }));
    writeFileSync(join(dir, 'defaults.json'), JSON.stringify({ server: { url: 'https://erp.example.cn', timeout: 30 }, password: '', logLevel: 'info' }));
    const ctx = createFakeContext({ lang: 'zh-CN', policy: { triage: { configDefaults: [{ config: join(dir, 'config.json'), defaults: join(dir, 'defaults.json') }] } } });
    await configDefaultsCollector.run(ctx);
    const text = await ctx.text('配置与默认值比较.txt');
    expect(text).toContain('相同: 1    已修改: 2    新增: 1    缺少（默认有）: 1');
    expect(text).toContain('~ server.timeout\n    当前: server.timeout = 5\n    默认: server.timeout = 30');
    expect(text).toContain('+ cache = true');
    expect(text).toContain('- logLevel = "info"');
  });

  it('nothing configured, or a missing file: the reason', async () => {
    const none = createFakeContext();
    await configDefaultsCollector.run(none);
    expect(none.skips).toEqual([{ source: 'triage.configDefaults', reason: 'no paths are configured (triage.configDefaults is empty in policy)' }]);
    const dir = tmp();
    writeFileSync(join(dir, 'd.ini'), 'a=1\n');
    const missing = createFakeContext({ policy: { triage: { configDefaults: [{ config: join(dir, 'nope.ini'), defaults: join(dir, 'd.ini') }] } } });
    await configDefaultsCollector.run(missing);
    expect(missing.items).toEqual([]);
    expect(missing.skips).toEqual([{ source: join(dir, 'nope.ini'), reason: 'configuration file: no such file' }]);
  });
});

describe('permissions on the product\'s paths', () => {
  it('takes the fixed part of each policy pattern, product folders first', () => {
    expect(patternBase('/var/log/xx/**/*.log')).toBe('/var/log/xx');
    expect(patternBase('%ProgramData%\\XX\\Logs\\*.log')).toBe('%ProgramData%\\XX\\Logs');
    expect(productPaths(PolicySchema.parse({ triage: { productPaths: ['/opt/xx'] }, configPaths: ['/etc/xx/config.xml'], appLogPaths: ['/var/log/xx/*.log', '/var/log/xx/**'] }))).toEqual(['/opt/xx', '/etc/xx/config.xml', '/var/log/xx']);
    expect(modeString(0o40750, true)).toBe('drwxr-x---');
    expect(modeString(0o104755, false)).toBe('-rwsr-xr-x');
  });

  it('lists owner, mode and this user\'s access of each path and its entries (real files)', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'settings.ini'), 'a=1\n');
    chmodSync(join(dir, 'data', 'settings.ini'), 0o600);
    const ctx = createFakeContext({ policy: { triage: { productPaths: [join(dir, 'data'), join(dir, 'missing')] } } });
    await permissionsCollector.run(ctx);
    const text = await ctx.text('permissions.txt');
    expect(text).toMatch(new RegExp(`${join(dir, 'data', 'settings.ini').replace(/[.]/g, '\\.')}\\s+-rw-------\\s+root\\s+root\\s+rw-`));
    expect(text).toMatch(/missing\s+does not exist/);
  });

  it('Windows: icacls per path (plan)', () => {
    const policy = PolicySchema.parse({ triage: { productPaths: ['%ProgramFiles%\\XXSoftware'] } });
    expect(permissionsPlan('win32', policy).map((c) => [c.command, ...c.args])).toEqual([['icacls', '%ProgramFiles%\\XXSoftware']]);
    expect(permissionsCollector.describe('win32', policy)[0]).toBe('icacls %ProgramFiles%\\XXSoftware — the access control list: who may read, change or own it');
  });
});

describe('crash reports of the product\'s processes', () => {
  it('names: policy, else the version commands\' programs', () => {
    expect(processNames(PolicySchema.parse({ products: [{ name: 'XX', versionCommand: ['C:\\Program Files\\XX\\XXSoftware.exe', '--version'] }] }))).toEqual(['xxsoftware']);
    expect(processNames(PolicySchema.parse({ triage: { processNames: ['XXClient.exe', 'xxd'] } }))).toEqual(['xxclient', 'xxd']);
  });

  it('recognises apport, WER and DiagnosticReports names', () => {
    const names = ['xxsoftware'];
    expect(reportProcess('_opt_xx_bin_xxsoftware.1000.crash', names)).toBe('xxsoftware');
    expect(reportProcess('AppCrash_XXSoftware.exe_4f3c2b1a_cab_0a1b2c3d', names)).toBe('xxsoftware');
    expect(reportProcess('XXSoftware-2024-01-15-093001.ips', names)).toBe('xxsoftware');
    expect(reportProcess('XXSoftwareHelper-2024-01-15-093001.ips', names)).toBeUndefined();
  });

  it('reads Report.wer (contract: UTF-16LE with BOM, Chinese signature names)', () => {
    expect(parseReportWer(winBytes('Report.zh-CN.utf16le.wer'))).toEqual({ eventType: 'APPCRASH', application: 'XXSoftware.exe', version: '2.3.0.1', faultModule: 'ntdll.dll', exceptionCode: 'c0000374', time: '2024-01-15T01:03:37.000Z' });
  });

  it('copies the product\'s reports of the window, counts the others (WER folder layout, real files)', async () => {
    const dir = tmp();
    const wer = join(dir, 'AppCrash_XXSoftware.exe_4f3c2b1a_cab_0a1b2c3d');
    mkdirSync(wer);
    writeFileSync(join(wer, 'Report.wer'), winBytes('Report.zh-CN.utf16le.wer'));
    writeFileSync(join(dir, 'Other-2024-01-15-093001.ips'), '{}');
    writeFileSync(join(dir, 'xxsoftware-old.ips'), '{}');
    utimesSync(join(dir, 'xxsoftware-old.ips'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    const found = await findReports([dir], ['xxsoftware'], new Date(Date.now() - 3600_000));
    expect(found.matched.map((r) => r.path)).toEqual([join(wer, 'Report.wer')]);
    expect(found.others).toBe(1);
  });

  it('on this machine: no reports, no coredumpctl — said in the list', async () => {
    const ctx = createFakeContext({ lang: 'zh-CN', policy: { triage: { processNames: ['xxsoftware'] } } });
    await crashReportsCollector.run(ctx);
    expect(await ctx.text('崩溃报告/崩溃报告列表.txt')).toContain('没有找到产品进程的崩溃报告。');
    expect(ctx.skips.map((s) => s.reason)).toContain('coredumpctl is not installed on this computer (command not found)');
  });
});
