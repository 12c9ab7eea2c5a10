/**
 * The short text version of the summary page, for the ticket comment that connectors post with
 * the archive: the agent sees the essentials in the ticket itself, before opening anything.
 * Plain text (Redmine, RT, e-mail and SaaS comments all take it), a dozen lines at most.
 */
import { formatDateTime, formatSize } from '../../../shared/i18n/format.js';
import { translator } from '../../../shared/i18n/translate.js';
import { standardName, type ArchiveLanguage } from '../../../shared/naming.js';
import { checkView } from '../../../shared/i18n/check-text.js';
import type { CheckResult, Manifest } from '../../../shared/types.js';
import type { ArchiveFile } from '../upload/types.js';
const MARK = { fail: '✗', warn: '!', pass: '✓', skipped: '–' } as const;

export function summaryText(input: { manifest: Manifest; checks: readonly CheckResult[]; archive: ArchiveFile; entries?: number; lang?: ArchiveLanguage }): string {
  const { manifest, checks, archive } = input;
  const lang = input.lang ?? manifest.archiveLanguage;
  const tr = translator(lang);
  const page = standardName('summary', lang);
  const count = (s: CheckResult['status']) => checks.filter((c) => c.status === s).length;
  const problems = checks.filter((c) => c.status === 'fail' || c.status === 'warn').sort((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1));
  const incomplete = manifest.collectors.filter((c) => c.status === 'error' || c.status === 'timeout');
  const firstLine = (text: string) => text.trim().split('\n')[0]!.slice(0, 200);
  const separator = lang === 'zh-CN' ? '：' : ': ';
  const lines = [
    tr.t('comment.archive', { name: archive.name, size: formatSize(archive.size, lang), files: input.entries === undefined ? '' : tr.t('comment.files', { count: input.entries }), sha256: archive.sha256 }),
    tr.t('comment.computer', { host: manifest.host, os: `${manifest.os.platform} ${manifest.os.release}`, time: formatDateTime(manifest.startedAt, lang) }),
  ];
  if (manifest.intake.problemType) lines.push(tr.t('comment.problemType', { type: tr.t(`problemType.${manifest.intake.problemType}`) }));
  if (manifest.intake.problemDescription.trim()) {
    lines.push(tr.t('comment.problem', { priority: tr.t(`priority.${manifest.intake.priority ?? 'none'}`), text: firstLine(manifest.intake.problemDescription) }));
  }
  if (checks.length > 0) {
    lines.push(tr.t('comment.checks', { fail: count('fail'), warn: count('warn'), pass: count('pass') }));
    for (const c of problems.slice(0, 6)) {
      const view = checkView(tr, c);
      lines.push(`  ${MARK[c.status]} ${view.title}${separator}${firstLine(view.detail)}`);
    }
    if (problems.length > 6) lines.push(`  ${tr.t('comment.more', { count: problems.length - 6, page })}`);
  }
  if (incomplete.length > 0) lines.push(tr.t('comment.incomplete', { list: tr.list(incomplete.map((c) => c.id)) }));
  lines.push(tr.t('comment.details', { page }));
  return lines.join('\n');
}
