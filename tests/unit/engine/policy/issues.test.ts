import { describe, expect, it } from 'vitest';
import { PolicySchema } from '../../../../shared/policy.js';
import { policyIssueOf } from '../../../../electron/engine/policy/issues.js';
import { translator } from '../../../../shared/i18n/translate.js';
import { policyLineText } from '../../../../shared/i18n/input-text.js';

const issuesOf = (raw: unknown) => PolicySchema.safeParse(raw).error!.issues.map((i) => ({ key: i.path.join('.'), issue: policyIssueOf(i) }));

describe('policy issues without words', () => {
  it('turns the schema\'s zod issues into codes with their values', () => {
    expect(issuesOf({ caps: { fileBytes: 'big' } })).toEqual([{ key: 'caps.fileBytes', issue: { code: 'type', expected: 'number' } }]);
    expect(issuesOf({ caps: { fileBytes: -1 } })).toEqual([{ key: 'caps.fileBytes', issue: { code: 'too-small', minimum: '1024', origin: 'number' } }]);
    expect(issuesOf({ upload: { target: 'ftp' } })[0]).toMatchObject({ key: 'upload.target', issue: { code: 'one-of', values: expect.stringContaining('"redmine"') } });
    expect(issuesOf({ colour: 'red' })).toEqual([{ key: '', issue: { code: 'unknown-key' } }]);
    // A rule of the key itself (refine): its English text is the exact statement.
    expect(issuesOf({ redaction: { extraRules: [{ id: 'Employee ID', pattern: 'E\\d+' }] } })[0]?.issue).toEqual({ code: 'rule' });
  });

  it('says where and what to do in both languages', () => {
    const line = { source: 'file' as const, location: '/etc/p.json', key: 'caps.fileBytes', issue: { code: 'type' as const, expected: 'number' } };
    expect(policyLineText(translator('zh-CN'), line)).toBe('策略文件 /etc/p.json：键 caps.fileBytes：类型不对，应为数字：请改正这个值');
    expect(policyLineText(translator('en'), line)).toBe('policy file /etc/p.json: caps.fileBytes: expected a number: fix the value');
    expect(policyLineText(translator('zh-CN'), { ...line, key: '', issue: { code: 'source' } })).toMatch(/^策略文件 \/etc\/p\.json：整个来源无法使用/);
  });
});
