import { describe, expect, it } from 'vitest';
import { renderSummaryHtml } from '../../../../electron/engine/report/summary-html.js';
import { summaryText } from '../../../../electron/engine/report/summary-text.js';
import { draftBody } from '../../../../electron/engine/upload/email-draft.js';
import { testManifest } from '../../../helpers/manifest.js';

const archive = { path: '/x.zip', name: '12345_诊断信息_20261124-0930_pc-01.zip', size: 1024, sha256: 'ab'.repeat(32) };
const draft = (m: ReturnType<typeof testManifest>, lang: 'zh-CN' | 'en') => draftBody({ ticket: '12345', lang, archivePath: '/x.zip', archiveName: archive.name, archiveBytes: 1024, archiveSha256: archive.sha256, manifest: m }, true);

describe('the problem type on every surface (issue 18)', () => {
  it('summary page, ticket comment and e-mail draft name it in the archive\'s language', () => {
    const slow = testManifest({ intake: { problemDescription: '很慢', problemType: 'slow' } });
    expect(renderSummaryHtml({ manifest: slow, checks: [] })).toMatch(/<dt>问题类型<\/dt><dd>运行缓慢<\/dd>/);
    expect(renderSummaryHtml({ manifest: { ...slow, archiveLanguage: 'en' }, checks: [] })).toMatch(/<dt>Problem type<\/dt><dd>running slowly<\/dd>/);
    expect(summaryText({ manifest: slow, checks: [], archive })).toContain('问题类型：运行缓慢');
    expect(summaryText({ manifest: { ...slow, archiveLanguage: 'en' }, checks: [], archive })).toContain('Problem type: running slowly');
    expect(draft(slow, 'zh-CN')).toContain('问题类型：运行缓慢');
    expect(draft({ ...slow, archiveLanguage: 'en' }, 'en')).toContain('Problem type: running slowly');
  });

  it('says nothing when nobody gave one', () => {
    const none = testManifest({ intake: { problemDescription: 'x' } });
    expect(renderSummaryHtml({ manifest: none, checks: [] })).not.toContain('问题类型');
    expect(summaryText({ manifest: none, checks: [], archive })).not.toContain('问题类型');
    expect(draft(none, 'zh-CN')).not.toContain('问题类型');
  });
});
