/**
 * The short text version of the summary page, for the ticket comment that connectors post with
 * the archive: the agent sees the essentials in the ticket itself, before opening anything.
 * Plain text (Redmine, RT, e-mail and SaaS comments all take it), a dozen lines at most.
 */
import type { ArchiveLanguage } from '../../../shared/naming.js';
import type { CheckResult, Manifest } from '../../../shared/types.js';
import type { ArchiveFile } from '../upload/types.js';
import { formatBytes } from './figures.js';
const MARK = { fail: '✗', warn: '!', pass: '✓', skipped: '–' } as const;

export function summaryText(input: { manifest: Manifest; checks: readonly CheckResult[]; archive: ArchiveFile; entries?: number; lang?: ArchiveLanguage }): string {
  const { manifest, checks, archive } = input;
  const lang = input.lang ?? manifest.archiveLanguage;
  const zh = lang === 'zh-CN';
  const l = (zhText: string, en: string) => (zh ? zhText : en);
  const count = (s: CheckResult['status']) => checks.filter((c) => c.status === s).length;
  const problems = checks.filter((c) => c.status === 'fail' || c.status === 'warn').sort((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1));
  const incomplete = manifest.collectors.filter((c) => c.status === 'error' || c.status === 'timeout');
  const files = input.entries === undefined ? { zh: '', en: '' } : { zh: `，${input.entries} 个文件`, en: `, ${input.entries} files` };
  const firstLine = (text: string) => text.trim().split('\n')[0]!.slice(0, 200);
  const lines = [
    l(`诊断信息：${archive.name}（${formatBytes(archive.size)}${files.zh}，SHA-256 ${archive.sha256}）`, `Diagnostics: ${archive.name} (${formatBytes(archive.size)}${files.en}, SHA-256 ${archive.sha256})`),
    l(`计算机：${manifest.host}（${manifest.os.platform} ${manifest.os.release}），收集于 ${manifest.startedAt}`, `Computer: ${manifest.host} (${manifest.os.platform} ${manifest.os.release}), collected ${manifest.startedAt}`),
  ];
  if (manifest.intake.problemDescription.trim()) {
    const priority = manifest.intake.priority;
    const prio = { zh: priority ?? '未填写', en: priority ? (({ 高: 'high', 中: 'medium', 低: 'low' }) as const)[priority] : 'not given' };
    lines.push(l(`问题（优先级 ${prio.zh}）：${firstLine(manifest.intake.problemDescription)}`, `Problem (priority ${prio.en}): ${firstLine(manifest.intake.problemDescription)}`));
  }
  if (checks.length > 0) {
    lines.push(l(`基础检查：${count('fail')} 项失败，${count('warn')} 项警告，${count('pass')} 项通过`, `Basic checks: ${count('fail')} failed, ${count('warn')} warnings, ${count('pass')} passed`));
    for (const c of problems.slice(0, 6)) lines.push(`  ${MARK[c.status]} ${zh ? c.title['zh-CN'] : c.title.en}: ${firstLine(zh ? c.detail['zh-CN'] : c.detail.en)}`);
    if (problems.length > 6) lines.push(l(`  …另有 ${problems.length - 6} 项，见 诊断摘要.html`, `  …${problems.length - 6} more in summary.html`));
  }
  if (incomplete.length > 0) lines.push(l(`未完成的收集项：${incomplete.map((c) => c.id).join('，')}`, `Incomplete: ${incomplete.map((c) => c.id).join(', ')}`));
  lines.push(l('详情见附件中的 诊断摘要.html。', 'Details: summary.html in the attachment.'));
  return lines.join('\n');
}
