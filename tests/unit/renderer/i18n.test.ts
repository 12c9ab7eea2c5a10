/** The UI's words (renderer/src/i18n.ts): read from the one catalogue, both languages complete. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../../shared/i18n/messages.js';
import { DiagnosticsApiError } from '../../../shared/api-forwarder.js';
import { DICTIONARIES, adviceFor, apiErrorText, reasonText, uploadProblemText } from '../../../renderer/src/i18n.js';

function leaves(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, value]];
}

describe('dictionaries', () => {
  const zh = new Map(leaves(DICTIONARIES['zh-CN']));
  const en = new Map(leaves(DICTIONARIES.en));

  it("are the catalogue's app.* keys, in both languages", () => {
    const appKeys = Object.keys(CATALOGUES['zh-CN'])
      .filter((k) => k.startsWith('app.'))
      .map((k) => k.slice(4))
      .sort();
    expect([...zh.keys()].sort()).toEqual(appKeys);
    expect([...en.keys()].sort()).toEqual(appKeys);
  });

  it('render messages with arguments through intl-messageformat (plurals in English)', () => {
    expect(DICTIONARIES.en.counter({ done: 3, total: 9 })).toBe('3 of 9 done');
    expect(DICTIONARIES.en.upload.attempts({ n: 1 })).toBe('1 attempt');
    expect(DICTIONARIES.en.upload.attempts({ n: 2 })).toBe('2 attempts');
    expect(DICTIONARIES['zh-CN'].pending.waiting({ count: 1 })).toBe('1 个诊断包等待上传');
    expect(DICTIONARIES['zh-CN'].done.sent({ ticket: '12345' })).toBe('已发送到工单 12345');
    expect(DICTIONARIES['zh-CN'].done.manual).toBe('还差一步：发送给技术支持');
    expect(DICTIONARIES['zh-CN'].done.retrying).toBe('上传失败，已保存，稍后自动重试');
  });

  it('keep no text of their own: renderer/src/i18n.ts has no Chinese and no sentences', () => {
    const source = readFileSync(new URL('../../../renderer/src/i18n.ts', import.meta.url), 'utf8');
    // The language switch names each language in itself (中文, English): data, not a translation.
    const withoutEndonyms = source.replace(/LANGUAGE_NAMES[\s\S]*?\n\};/, '');
    expect(withoutEndonyms).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('helpers', () => {
  it('maps upload error kinds to what the user can do', () => {
    expect(adviceFor('network')).toBe('network');
    expect(adviceFor('rate-limited')).toBe('network');
    expect(adviceFor('auth')).toBe('settings');
    expect(adviceFor('not-found')).toBe('not-found');
    expect(adviceFor('cancelled')).toBe('other');
  });

  it('renders reason codes in the UI language; English technical text only in English', () => {
    const code = { code: 'not-configured', policyKey: 'policy.appLogPaths' } as const;
    expect(reasonText({ detailCode: code, detail: 'no paths are configured (policy.appLogPaths is empty in policy)' }, 'zh-CN')).toBe('IT 策略没有配置要收集的路径（policy.appLogPaths 为空）');
    expect(reasonText({ detailCode: code }, 'en')).toBe('no paths are configured (policy.appLogPaths is empty in policy)');
    expect(reasonText({ detail: 'ENOENT: something else' }, 'en')).toBe('ENOENT: something else');
    expect(reasonText({ detail: 'ENOENT: something else' }, 'zh-CN')).toBe('读取失败（技术详情见 manifest.json）');
    expect(reasonText({ detailCode: { code: 'failed' }, detail: 'exit code 3' }, 'en')).toBe('exit code 3');
  });
  it('renders upload problems from kind and cause codes', () => {
    expect(uploadProblemText({ kind: 'network', cause: 'refused', message: 'x' }, 'Redmine', '1', 'zh-CN')).toBe('无法连接到 Redmine：连接被拒绝（服务器可能没有运行）');
    expect(uploadProblemText({ kind: 'not-found', message: 'x' }, 'Redmine', '77', 'en')).toBe('Ticket 77 was not found');
  });

  it('renders an API refusal from its code in the UI language, also after the copy contextBridge makes (plain data)', () => {
    const err = new DiagnosticsApiError('failed', 'redaction rule "Employee ID" must be kebab-case (e.g. employee-id)', { code: 'rule-id', params: { id: 'Employee ID' } });
    // contextBridge copies a plain object's fields (an Error's message only): structuredClone is the same copy.
    const copied: unknown = structuredClone(err);
    expect(copied).not.toBeInstanceOf(DiagnosticsApiError);
    expect(apiErrorText(copied, 'zh-CN')).toBe(CATALOGUES['zh-CN']['input.rule-id'].replace('{id}', 'Employee ID'));
    expect(apiErrorText(copied, 'en')).toBe('redaction rule "Employee ID" must be kebab-case (e.g. employee-id)');
    const lines = [{ source: 'user', location: '/d/settings.json', key: 'caps.fileBytes', issue: { code: 'too-small', minimum: '1', origin: 'number' } }] as const;
    expect(apiErrorText({ message: 'settings not saved', problem: { code: 'settings-invalid', params: {}, lines } }, 'zh-CN')).toBe('设置没有保存，这些值无效：\n  - 用户设置 /d/settings.json：键 caps.fileBytes：太小：最小为 1；请改正这个值');
  });

  it('says to retry and where the log is for an error without a code, in Chinese; the engine\'s words in English', () => {
    expect(apiErrorText(new Error('EACCES: permission denied, open /x'), 'zh-CN')).toBe(CATALOGUES['zh-CN']['input.failed']);
    expect(apiErrorText(new Error('EACCES: permission denied, open /x'), 'en')).toBe('EACCES: permission denied, open /x');
    expect(apiErrorText({ message: 'x', problem: { code: 'no-such-code-yet', params: {} } }, 'zh-CN')).toBe('x');
  });
});
