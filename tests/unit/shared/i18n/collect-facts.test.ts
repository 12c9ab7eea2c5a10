/**
 * shared/i18n/collect-facts.ts: the words the CLI summary and the app's Done screen both use for
 * the ticket pre-check, what was not taken and the policy problems, in zh-CN and en.
 */
import { describe, expect, it } from 'vitest';
import { notTakenCount, notTakenLineText, notTakenLines, policyProblemText, ticketCheckText, type NotTakenFacts } from '../../../../shared/i18n/collect-facts.js';
import { translator } from '../../../../shared/i18n/translate.js';
import type { PolicyLine } from '../../../../shared/input-errors.js';

const zh = translator('zh-CN');
const en = translator('en');

describe('ticketCheckText', () => {
  it('names the ticket, the system and the title the server reported', () => {
    expect(ticketCheckText(en, { ticket: '31001', targetName: 'Redmine', title: 'Monthly report will not open' })).toBe('Ticket 31001 on Redmine: Monthly report will not open');
    expect(ticketCheckText(zh, { ticket: '31001', targetName: 'Redmine', title: '月度报表打不开' })).toBe('Redmine 上的工单 31001：月度报表打不开');
  });

  it('says a target without tickets does not look the number up (its English title is not shown)', () => {
    const check = { ticket: '7', targetName: 'E-mail', title: 'e-mail to a@b.c (the ticket number is not looked up)', lookedUp: false };
    expect(ticketCheckText(en, check)).toBe(en.t('cli.upload.notLookedUp', { ticket: '7', target: 'E-mail' }));
    expect(ticketCheckText(zh, check)).not.toContain('e-mail to');
  });
});

describe('notTakenLines', () => {
  const facts: NotTakenFacts = {
    collectors: [{ id: 'wifi', status: 'skipped', reason: { code: 'no-wifi' } }],
    otherProblemTypes: 3,
    sources: [
      { collector: 'app-logs', source: '/var/log/app/missing.log', reason: 'does not exist', code: { code: 'not-found' } },
      { collector: 'app-logs', source: '/var/log/app/secret.log', reason: 'no read permission (run as the owner or an administrator to include it)', code: { code: 'no-permission' } },
      { collector: 'app-logs', source: '/var/log/app/huge.json', reason: 'too large', code: { code: 'file-too-large', bytes: 30 * 1024 * 1024, capBytes: 20 * 1024 * 1024 } },
      { collector: 'config', source: '/etc/app.conf', reason: 'EIO: i/o error, read' },
    ],
    cut: [{ name: '软件日志/app.log', note: 'kept the newest 2040 of 8000 bytes; older lines omitted' }],
  };

  it('lists collectors by the given name, the count of other problem types, sources and cut entries, each with its reason', () => {
    const lines = notTakenLines(zh, facts, (id) => (id === 'wifi' ? '无线网络' : id));
    expect(lines.map((l) => l.kind)).toEqual(['collector', 'other-problem-types', 'source', 'source', 'source', 'source', 'cut']);
    expect(notTakenLineText(lines[0]!)).toBe(`无线网络 — ${zh.reason({ code: 'no-wifi' })}`);
    expect(notTakenLineText(lines[1]!)).toBe(zh.t('cli.collect.otherProblemTypes', { count: 3, more: 'yes' }));
    expect(lines[2]!.why).toBe('不存在');
    expect(lines[3]!.why).toMatch(/没有读取权限/);
    expect(lines[4]!.why).toMatch(/超过单个文件上限/);
    // An English-only reason stays out of the Chinese text: the generic one, details in manifest.json.
    expect(lines[5]!.why).toBe(zh.reason({ code: 'failed' }));
    expect(lines[6]!.why).not.toMatch(/kept the newest/);
    expect(notTakenCount(facts)).toBe(1 + 3 + 4 + 1);
  });

  it('in English, keeps the engine’s own words where there is no code (the most specific)', () => {
    const lines = notTakenLines(en, facts);
    expect(lines[0]!.what).toBe('wifi');
    expect(lines[2]!.why).toBe('does not exist');
    expect(lines[5]!.why).toBe('EIO: i/o error, read');
    expect(notTakenLineText(lines[6]!)).toBe('软件日志/app.log — kept the newest 2040 of 8000 bytes; older lines omitted');
  });

  it('says why an entry was cut by its code, with the cap and the sizes, in both languages', () => {
    const cut: NotTakenFacts['cut'] = [
      { name: '软件日志/big.log', note: 'kept the newest 2040 of 8000 bytes; older lines omitted', code: { code: 'cut-newest', keptBytes: 2 * 1024 * 1024, fileBytes: 30 * 1024 * 1024, capBytes: 2 * 1024 * 1024 } },
      { name: '软件日志/busy.log', code: { code: 'cut-grew', seenBytes: 5 * 1024 * 1024, nowBytes: 6 * 1024 * 1024 } },
      { name: '系统日志/journal.txt', code: { code: 'cut-deadline', keptBytes: 3 * 1024 * 1024 } },
      { name: '软件日志/nfs.log', code: { code: 'cut-stopped', keptBytes: 1024 * 1024 } },
    ];
    const facts = { collectors: [], otherProblemTypes: 0, sources: [], cut };
    const zhWhy = notTakenLines(zh, facts).map((l) => l.why);
    expect(zhWhy[0]).toBe('已截断：文件 30 MB，超过单个文件上限 2 MB，只保留了最新的 2 MB');
    expect(zhWhy[1]).toMatch(/^已截断：读取时文件仍在增长（现为 6 MB），只保留了开始时的 5 MB$/);
    expect(zhWhy[2]).toMatch(/^已截断：到达整体时限，只保留了前 3 MB$/);
    expect(zhWhy[3]).toMatch(/^已截断：读取中途出错，只保留了前 1 MB$/);
    for (const why of zhWhy) expect(why).not.toMatch(/[a-z]{4,}/);
    const enWhy = notTakenLines(en, facts).map((l) => l.why);
    expect(enWhy[0]).toBe('cut short: the file is 30 MB, over the per-file cap of 2 MB (caps.fileBytes); only the newest 2 MB were kept');
    expect(enWhy[1]).toContain('now 6 MB');
    expect(enWhy[2]).toContain('session deadline');
    expect(enWhy[3]).toContain('1 MB');
  });

  it('says "more" only when collectors were listed before the count', () => {
    const lines = notTakenLines(en, { collectors: [], otherProblemTypes: 1, sources: [], cut: [] });
    expect(notTakenLineText(lines[0]!)).toBe(en.t('cli.collect.otherProblemTypes', { count: 1, more: 'no' }));
  });
});

describe('policyProblemText', () => {
  const locked: PolicyLine = { source: 'managed', location: '/etc/diagcollect/policy.json', key: 'screenshotAllowed', issue: { code: 'type', expected: 'boolean' }, dropped: 'screenshotAllowed', lockedKey: 'screenshotAllowed' };
  const english = 'managed policy /etc/diagcollect/policy.json: screenshotAllowed: expected boolean — locked';

  it('is the engine’s English line in English', () => {
    expect(policyProblemText(en, locked, english)).toBe(english);
  });

  it('names the source, the key and what happens instead in Chinese', () => {
    const text = policyProblemText(zh, locked, english);
    expect(text).toContain('托管策略');
    expect(text).toContain('screenshotAllowed');
    expect(text).toContain(zh.t('policy.outcome.locked', { whole: 'yes', dropped: 'screenshotAllowed', key: 'screenshotAllowed' }));
    expect(policyProblemText(zh, { ...locked, dropped: '', key: '', lockedKey: undefined, issue: { code: 'source' } }, english)).toContain(zh.t('policy.outcome.source'));
    expect(policyProblemText(zh, { ...locked, lockedKey: undefined, source: 'user' }, english)).toContain(zh.t('policy.outcome.ignored', { whole: 'yes', dropped: 'screenshotAllowed' }));
  });
});
