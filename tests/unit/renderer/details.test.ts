/**
 * 复制详情 / Copy details (renderer/src/model/details.ts): every fact the Done screen shows, in
 * the UI language, from the engine's result — the ticket title, what was not taken, the policy
 * problems, and last session's facts (redacted, mended, cleaned, leaks, a step after publishing).
 */
import { describe, expect, it } from 'vitest';
import type { CollectionResult, UiLocale, UploadStatus } from '../../../shared/api.js';
import { translator } from '../../../shared/i18n/translate.js';
import { dictionary } from '../../../renderer/src/i18n.js';
import { detailsText } from '../../../renderer/src/model/details.js';
import type { ProgressRow } from '../../../renderer/src/model/progress.js';
import { englishSentences } from '../../helpers/english-scan.js';

const base: CollectionResult = {
  ticket: '31001',
  archiveName: '31001_诊断信息_20261206-0712_pc.zip',
  archivePath: '/home/u/outbox/31001/31001_诊断信息_20261206-0712_pc.zip',
  bytes: 19_000,
  sha256: 'a'.repeat(64),
  items: 11,
  emailDraft: '/home/u/outbox/31001/31001_诊断信息_20261206-0712_pc.eml',
  emailSubject: '【技术支持】31001',
  collectors: [],
  partial: false,
  startedAt: '2026-12-06T07:12:00.000Z',
  finishedAt: '2026-12-06T07:12:02.000Z',
};

const full: CollectionResult = {
  ...base,
  ticketCheck: { targetName: 'Redmine', title: '月度报表打不开' },
  redaction: { totals: { email: 5 }, example: '<EMAIL-1>' },
  mended: ['软件日志/app.log'],
  intakeCleaned: [{ field: 'problemDescription', removed: 3 }],
  leakCheck: { state: 'found', leaks: [{ entry: '软件日志/c-dump.log', line: 1, masked: '龚…婷' }], notMended: { code: 'binary', entry: '软件日志/c-dump.log' } },
  afterPublish: [{ step: 'map', target: '/home/u/data/redaction-maps', cause: 'EEXIST', existing: ['/home/u/outbox/31001/a.zip'] }],
  notTaken: {
    collectors: [{ id: 'wifi', status: 'skipped', durationMs: 0, items: 0, bytes: 0, reason: { code: 'no-wifi' }, warnings: [] }],
    otherProblemTypes: 2,
    sources: [{ collector: 'app-logs', source: '/var/log/app/missing.log', reason: 'does not exist', code: { code: 'not-found' } }],
    cut: [{ name: '软件日志/big.log', note: 'kept the newest 2040 of 8000 bytes; older lines omitted' }],
  },
  policyProblems: [
    {
      line: { source: 'managed', location: '/etc/diagcollect/policy.json', key: 'screenshotAllowed', issue: { code: 'type', expected: 'boolean' }, dropped: 'screenshotAllowed', lockedKey: 'screenshotAllowed' },
      english: 'managed policy /etc/diagcollect/policy.json: screenshotAllowed: expected boolean — ignored; screenshotAllowed is locked to false',
    },
  ],
};

const rows: ProgressRow[] = [
  { id: 'wifi', title: { 'zh-CN': '无线网络', en: 'Wi-Fi' }, status: 'skipped', items: 0, bytes: 0 },
  { id: 'network', title: { 'zh-CN': '网络配置', en: 'Network settings' }, status: 'timeout', detailCode: { code: 'timeout', seconds: 15 }, items: 0, bytes: 0 },
];
const sent: UploadStatus = { target: 'redmine', targetName: 'Redmine', state: 'done', sentBytes: 19_000, totalBytes: 19_000, attempts: 1 };

describe('detailsText', () => {
  for (const locale of ['zh-CN', 'en'] as UiLocale[]) {
    it(`holds every fact of the Done screen, in the UI language (${locale})`, () => {
      const t = dictionary(locale);
      const tr = translator(locale);
      const text = detailsText(t, locale, full, rows, sent);
      expect(text).toContain(`${t.details.ticketTitle}: ${tr.t('cli.upload.ticketFound', { ticket: '31001', target: 'Redmine', title: '月度报表打不开' })}`);
      expect(text).toContain('<EMAIL-1>');
      expect(text).toContain(tr.t('mend.mended', { count: 1, list: '软件日志/app.log' }));
      expect(text).toContain(tr.t('intake.cleaned', { count: 3, list: tr.t('intake.fieldName', { field: 'problemDescription' }) }));
      expect(text).toContain(`${t.details.leaks}: ${t.done.leaksFound({ count: 1 })}`);
      expect(text).toContain(t.upload.leakAt({ entry: '软件日志/c-dump.log', line: 1, masked: '龚…婷' }));
      expect(text).toContain(t.done.notMended({ code: 'binary', entry: '软件日志/c-dump.log' }));
      expect(text).toContain(`${t.details.afterPublish}: ${t.done.afterPublish({ step: 'map', target: '/home/u/data/redaction-maps', cause: 'EEXIST' })}`);
      expect(text).toContain(`${t.notCompleted}:\n  - ${locale === 'en' ? 'Network settings' : '网络配置'}`);
      expect(text).toContain(`${t.details.notTaken}:\n  - ${locale === 'en' ? 'Wi-Fi' : '无线网络'} — ${tr.reason({ code: 'no-wifi' })}`);
      expect(text).toContain(`  - /var/log/app/missing.log — ${tr.reason({ code: 'not-found' })}`);
      expect(text).toContain(`  - ${tr.t('cli.collect.otherProblemTypes', { count: 2, more: 'yes' })}`);
      expect(text).toContain(`${t.details.policy}:\n  - `);
      expect(text).toContain('screenshotAllowed');
      if (locale === 'zh-CN') {
        // Paths, ids and placeholders aside, no English sentence reaches the Chinese text.
        expect(englishSentences(text.replace(/\(.*?\)/g, ''))).toEqual([]);
      }
    });
  }

  it('says only the basic facts when there is nothing else to say', () => {
    const t = dictionary('en');
    const text = detailsText(t, 'en', base, [], sent);
    expect(text.split('\n')).toHaveLength(7);
    expect(text).not.toContain(t.details.notTaken);
    expect(text).not.toContain(t.details.policy);
    expect(detailsText(t, 'en', undefined, [], sent)).toBe('');
  });
});
