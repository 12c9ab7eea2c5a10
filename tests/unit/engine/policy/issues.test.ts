import { describe, expect, it } from 'vitest';
import { PolicySchema } from '../../../../shared/policy.js';
import { policyIssueOf } from '../../../../electron/engine/policy/issues.js';
import { translator } from '../../../../shared/i18n/translate.js';
import { policyLineText } from '../../../../shared/i18n/input-text.js';
import { policyProblemText } from '../../../../shared/i18n/collect-facts.js';
import type { PolicyLine } from '../../../../shared/input-errors.js';

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

describe('policy issues the schema and the engine name (localized, not the engine English)', () => {
  const zh = translator('zh-CN');
  const en = translator('en');
  const line = (key: string, issue: PolicyLine['issue']): PolicyLine => ({ source: 'managed', location: '/etc/diagcollect/policy.json', key, issue });

  it('names the schema\'s own rules (paths, URLs) by a code, not as `rule`', () => {
    expect(issuesOf({ appLogPaths: ['logs/app.log'] })).toEqual([{ key: 'appLogPaths.0', issue: { code: 'must', rule: 'pathAbsolute' } }]);
    expect(issuesOf({ configPaths: ['/**'] })).toEqual([{ key: 'configPaths.0', issue: { code: 'must', rule: 'pathNotRootWide' } }]);
    expect(issuesOf({ upload: { target: 'redmine', redmine: { url: 'redmine.example.com' } } })[0]).toEqual({ key: 'upload.redmine.url', issue: { code: 'must', rule: 'urlAbsolute' } });
    expect(issuesOf({ upload: { target: 'redmine', redmine: { url: 'http://redmine.example.com' } } })[0]).toEqual({ key: 'upload.redmine.url', issue: { code: 'must', rule: 'urlHttps' } });
    expect(issuesOf({ upload: { target: 'redmine', redmine: { url: 'https://u:p@redmine.example.com' } } })[0]).toEqual({ key: 'upload.redmine.url', issue: { code: 'must', rule: 'urlNoCredentials' } });
  });

  it('says each kind in Chinese without the engine\'s English, with the key', () => {
    const cases: Array<[string, PolicyLine['issue'], RegExp]> = [
      ['screenshotAllowed', { code: 'type', expected: 'boolean' }, /true 或 false/],
      ['colour', { code: 'unknown-key' }, /未知的键/],
      ['caps.fileBytes', { code: 'too-big', maximum: '1073741824', origin: 'number' }, /太大/],
      ['appLogPaths.0', { code: 'must', rule: 'pathAbsolute' }, /必须是绝对路径/],
      ['upload.redmine.url', { code: 'must', rule: 'urlHttps' }, /https:\/\//],
      ['upload.redmine.url', { code: 'must', rule: 'a-rule-not-named-yet' }, /值不符合这个键的要求/],
      ['upload.email.to', { code: 'format', format: 'email' }, /电子邮件地址/],
      ['redaction.extraRules.0', { code: 'bad-pattern', pattern: '(a)\\1' }, /模式 \(a\)\\1 无效/],
      ['redaction.allow.2', { code: 'bad-pattern', pattern: '(?<=x)y' }, /反向引用、前后查找/],
      ['configPaths.0', { code: 'path-escapes', path: '$APPDIR/../..' }, /跳出了所在文件夹/],
      ['appLogPaths.1', { code: 'path-root-wide', path: '~/**' }, /整个磁盘或主文件夹/],
      ['redaction.optionalRules.0', { code: 'unknown-rule', id: 'ipv5', known: 'ipv4-public, hostname' }, /ipv5.*ipv4-public, hostname/],
      ['linkSigning.publicKeys.0', { code: 'bad-public-key' }, /Ed25519/],
    ];
    for (const [key, issue, want] of cases) {
      const text = policyProblemText(zh, { ...line(key, issue), dropped: key }, 'managed policy …: expected boolean, received string — ignored');
      expect(text).toContain(`键 ${key}：`);
      expect(text).toMatch(want);
      expect(text).not.toMatch(/expected|received|Invalid input|must be/);
      // And in English from the same catalogue (the CLI's `policy show` lines, the app's problem lines).
      expect(policyLineText(en, line(key, issue))).toContain(`${key}: `);
    }
  });

  it('gives the semantic checks their codes (bad pattern, path escapes, unknown optional rule)', async () => {
    const { resolvePolicy } = await import('../../../../electron/engine/policy/effective.js');
    const effective = resolvePolicy(
      [{ kind: 'user', location: '/u/settings.json', present: true, issues: [], raw: { redaction: { extraRules: [{ id: 'emp', pattern: '(a)\\1' }], optionalRules: ['ipv5'] }, appLogPaths: ['$NOPE_ROOT/../../x/*.log', '/**'] } }],
      { env: { NOPE_ROOT: '/opt/a' }, platform: 'linux' },
    );
    const codes = Object.fromEntries(effective.problems.map((p) => [p.key, p.issue]));
    expect(codes['redaction.extraRules.0']).toEqual({ code: 'bad-pattern', pattern: '(a)\\1' });
    expect(codes['redaction.optionalRules.0']).toMatchObject({ code: 'unknown-rule', id: 'ipv5' });
    expect(Object.values(codes).some((c) => c.code === 'path-escapes' || (c.code === 'must' && c.rule === 'pathNotRootWide'))).toBe(true);
  });
});
