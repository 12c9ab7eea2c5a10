import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import MailComposer from 'nodemailer/lib/mail-composer';
import { emailSubject, type ArchiveLanguage } from '../../../shared/naming.js';
import type { Manifest } from '../../../shared/types.js';
import { formatBytes } from '../report/figures.js';

export interface DraftInput {
  ticket: string;
  lang: ArchiveLanguage;
  archivePath: string;
  archiveName: string;
  archiveBytes: number;
  archiveSha256: string;
  manifest: Manifest;
  /** Entries in the zip (report/figures.ts); default: the manifest's items and the generated entries. */
  entries?: number;
  /** Support's address from policy; empty leaves To: for the user to fill in. */
  to?: string;
}

/** The body: steps and facts as bullets, as the support guide asks for e-mail. */
export function draftBody(input: DraftInput): string {
  const { manifest, lang } = input;
  const failed = manifest.collectors.filter((c) => c.status === 'error' || c.status === 'timeout');
  const size = formatBytes(input.archiveBytes);
  const entries = input.entries ?? manifest.items.length + 1;
  if (lang === 'zh-CN') {
    return [
      '您好，',
      '',
      `附件是工单 ${input.ticket} 的诊断信息，由 diagcollect ${manifest.tool.version} 自动收集。`,
      '',
      `- 附件：${input.archiveName}（${size}）`,
      `- SHA-256：${input.archiveSha256}`,
      `- 计算机：${manifest.host}（${manifest.os.platform} ${manifest.os.release}）`,
      `- 收集时间：${manifest.startedAt}`,
      `- 收集项：${entries} 个文件`,
      ...(failed.length ? [`- 未完成：${failed.map((c) => `${c.id}（${c.error ?? c.status}）`).join('，')}`] : []),
      ...(manifest.intake.problemDescription ? ['', '问题描述：', manifest.intake.problemDescription] : []),
      ...(manifest.intake.stepsToReproduce ? ['', '重现步骤：', manifest.intake.stepsToReproduce] : []),
      '',
      '发送前请确认附件内容。',
      '',
    ].join('\n');
  }
  return [
    'Hello,',
    '',
    `Attached are the diagnostics for ticket ${input.ticket}, collected by diagcollect ${manifest.tool.version}.`,
    '',
    `- Attachment: ${input.archiveName} (${size})`,
    `- SHA-256: ${input.archiveSha256}`,
    `- Computer: ${manifest.host} (${manifest.os.platform} ${manifest.os.release})`,
    `- Collected at: ${manifest.startedAt}`,
    `- Items: ${entries} files`,
    ...(failed.length ? [`- Incomplete: ${failed.map((c) => `${c.id} (${c.error ?? c.status})`).join(', ')}`] : []),
    ...(manifest.intake.problemDescription ? ['', 'Problem description:', manifest.intake.problemDescription] : []),
    ...(manifest.intake.stepsToReproduce ? ['', 'Steps to reproduce:', manifest.intake.stepsToReproduce] : []),
    '',
    'Please check the attachment before you send it.',
    '',
  ].join('\n');
}

/**
 * Writes `<archive>.eml` beside the archive: an unsent draft (X-Unsent: 1 opens it as a new
 * message in Outlook and Thunderbird) with the standard subject and the archive attached under
 * its standard name (RFC 2231-encoded). Streamed, written to a temp name, renamed when complete.
 */
export async function writeEmailDraft(input: DraftInput): Promise<string> {
  const target = join(dirname(input.archivePath), `${basename(input.archivePath, '.zip')}.eml`);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  const composer = new MailComposer({
    ...(input.to ? { to: input.to } : {}),
    subject: emailSubject(input.ticket),
    text: draftBody(input),
    headers: { 'X-Unsent': '1' },
    attachments: [{ filename: input.archiveName, path: input.archivePath, contentType: 'application/zip' }],
  });
  try {
    await pipeline(composer.compile().createReadStream(), createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  return target;
}
