/** Conformance: the engine's rules and the shared rule codes are the same list, each named in both languages. */
import { describe, expect, it } from 'vitest';
import { REDACTION_RULE_IDS, redactionCountRows, redactionRuleName } from '../../../../shared/redaction-rules.js';
import { Redactor, RULES } from '../../../../electron/engine/redact/index.js';

describe('redaction rule codes', () => {
  it('match the built-in rules one to one (plus known-value, made from the machine)', () => {
    expect([...RULES.map((r) => r.id), 'known-value'].sort()).toEqual([...REDACTION_RULE_IDS].sort());
  });

  it('every code has a zh-CN and an en name', () => {
    for (const id of REDACTION_RULE_IDS) {
      expect(redactionRuleName(id, 'zh-CN'), id).not.toBe(id);
      expect(redactionRuleName(id, 'en'), id).not.toBe(id);
    }
    expect(redactionRuleName('phone', 'zh-CN')).toBe('手机号');
    expect(redactionRuleName('email', 'zh-CN')).toBe('邮箱');
    expect(redactionRuleName('employee-id', 'en')).toBe('employee-id');
  });

  it('turns the counts of a real redaction into named rows, most frequent first', () => {
    const { counts } = new Redactor().redactText('password=hunter2\nphone 13800138000 mail a.b@example-corp.cn c.d@example-corp.cn\n');
    expect(redactionCountRows(counts, 'zh-CN')).toEqual([
      { id: 'email', name: '邮箱', count: 2 },
      { id: 'phone', name: '手机号', count: 1 },
      { id: 'secret-assignment', name: '密码', count: 1 },
    ]);
  });
});
