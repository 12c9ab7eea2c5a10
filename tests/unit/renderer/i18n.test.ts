/** The UI dictionaries (renderer/src/i18n.ts): both languages complete, nothing left empty. */
import { describe, expect, it } from 'vitest';
import { DICTIONARIES, adviceFor, engineReason } from '../../../renderer/src/i18n.js';

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
    expect(adviceFor('something-new')).toBe('other');
  });

  it('translates well-known engine reasons and keeps the original', () => {
    expect(engineReason('no paths are configured (policy.appLogPaths is empty in policy)', 'zh-CN')).toBe('IT 没有配置要收集的路径');
    expect(engineReason('no paths are configured', 'en')).toBe('no paths are configured');
    expect(engineReason('something else', 'zh-CN')).toBe('something else');
  });
});
