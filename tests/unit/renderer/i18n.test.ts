/** The UI dictionaries (renderer/src/i18n.ts): both languages complete, nothing left empty. */
import { describe, expect, it } from 'vitest';
import { DICTIONARIES, adviceFor, reasonText, uploadProblemText } from '../../../renderer/src/i18n.js';

function leaves(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, value]];
}

describe('dictionaries', () => {
  const zh = new Map(leaves(DICTIONARIES['zh-CN']));
  const en = new Map(leaves(DICTIONARIES.en));

  it('have the same keys in zh-CN and en', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('have no empty texts (except the "none" upload state, which shows nothing)', () => {
    for (const [key, value] of [...zh, ...en]) {
      if (key === 'upload.none') continue;
      if (typeof value === 'string') expect(value.trim(), key).not.toBe('');
      if (Array.isArray(value)) expect(value.every((v) => typeof v === 'string' && v.trim()), key).toBe(true);
    }
  });

  it('write Chinese in the zh-CN dictionary (not English left over)', () => {
    for (const key of ['startTitle', 'reviewTitle', 'progressTitle', 'doneTitle', 'startCollecting', 'retry', 'openFolder', 'copyDetails']) {
      expect(zh.get(key), key).toMatch(/[\u4e00-\u9fff]/);
    }
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
});
