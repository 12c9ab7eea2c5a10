/**
 * The text the support agent sends (e-mail or chat): the standard subject `【技术支持】<ticket>`
 * (SUPPORT-GUIDE.md, 邮件支持) and numbered steps, in Chinese and English.
 */
import { emailSubject } from '../../../shared/naming.js';

export interface AgentMessageInput {
  ticket: string;
  /** The signed diagcollect:// link (for users who have the app). */
  link?: string;
  /** The portable download (for users who do not). */
  downloadUrl?: string;
  expiresAt: Date;
  /**
   * What happens to the archive: `upload` when the upload target is a ticket system, `draft`
   * when it is the outbox (the user sends the e-mail draft the tool writes). Default `draft`:
   * the message never promises an upload nobody configured.
   */
  delivery?: 'upload' | 'draft';
  /** Time zone for the expiry shown to the user; default: this computer's. */
  timeZone?: string;
}

export interface AgentMessage {
  subject: string;
  body: { 'zh-CN': string; en: string };
}

function formatExpiry(d: Date, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short', ...(timeZone ? { timeZone } : {}) }).format(d);
}

export function agentMessage(input: AgentMessageInput): AgentMessage {
  const zhExpiry = formatExpiry(input.expiresAt, 'zh-CN', input.timeZone);
  const enExpiry = formatExpiry(input.expiresAt, 'en-GB', input.timeZone);
  const zh: string[] = [];
  const en: string[] = [];
  if (input.link) {
    zh.push(`已安装“诊断信息收集工具”（Diagnostics Collector）：点击下面的链接，工具会打开并自动填好工单号 ${input.ticket}（链接有效期至 ${zhExpiry}）：\n   ${input.link}`);
    en.push(`If Diagnostics Collector is installed: click the link below; it opens with ticket ${input.ticket} filled in (valid until ${enExpiry}):\n   ${input.link}`);
  }
  if (input.downloadUrl) {
    zh.push(`尚未安装：下载下面的程序并直接运行（无需安装）。文件名中含有工单号，请不要改名：\n   ${input.downloadUrl}`);
    en.push(`If it is not installed: download the program below and run it (no installation needed). Its file name carries the ticket number, so please keep the name:\n   ${input.downloadUrl}`);
  }
  const upload = input.delivery === 'upload';
  zh.push(
    `核对窗口中的工单号 ${input.ticket}，查看将要收集的内容；不想提供的项目可以取消勾选。`,
    '点击“开始收集”，等待完成（通常不到一分钟）。',
    upload
      ? '完成后诊断包会自动上传到工单；若提示上传未完成，请把生成的压缩包作为附件回复本邮件。'
      : `完成后点击“打开文件夹”，用邮件程序打开生成的邮件草稿（主题“${emailSubject(input.ticket)}”，压缩包已作为附件），确认后发送给我们。`,
    '回复本邮件告诉我们已完成。谢谢！',
  );
  en.push(
    `Check that the window shows ticket ${input.ticket} and review what will be collected; untick anything you do not want to share.`,
    'Click "Start collection" and wait until it finishes (usually under a minute).',
    upload
      ? 'The archive is then uploaded to the ticket automatically; if it says the upload did not finish, attach the archive it created to your reply.'
      : `Then click "Open folder", open the e-mail draft it wrote (subject “${emailSubject(input.ticket)}”, the archive attached) in your mail program, check it and send the draft to us.`,
    'Reply to this message to let us know. Thank you!',
  );
  const numbered = (steps: string[]) => steps.map((s, i) => `${i + 1}. ${s}`).join('\n');
  return {
    subject: emailSubject(input.ticket),
    body: {
      'zh-CN': `您好，\n\n为了处理工单 ${input.ticket}，请按以下步骤收集诊断信息：\n\n${numbered(zh)}\n\n技术支持`,
      en: `Hello,\n\nTo help us with ticket ${input.ticket}, please collect diagnostics as follows:\n\n${numbered(en)}\n\nTechnical Support`,
    },
  };
}
