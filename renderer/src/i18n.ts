/**
 * Every word the UI shows, in zh-CN and en. Terms follow the support guide (工单, 信息记录,
 * 附件, 基础检查清单 …). `en` is typed from `zh-CN`, so a missing key is a compile error.
 */
import type { FieldError, Lock, UiLocale, UploadStatus } from '../../shared/api.js';
import type { CheckGroup, CheckStatus, LocalizedText } from '../../shared/types.js';
import { translator } from '../../shared/i18n/translate.js';
import type { Reason, UploadErrorKind } from '../../shared/reasons.js';
import type { RowStatus } from './model/progress.js';

const zh = {
  appName: '诊断信息收集',
  skipToContent: '跳到主要内容',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  steps: ['填写信息', '确认内容', '收集', '完成'],
  stepOf: (n: number, total: number) => `第 ${n} 步，共 ${total} 步`,
  loading: '正在准备…',
  noBridge: '请通过“诊断信息收集”应用打开此页面。',
  optional: '（选填）',
  required: '必填',

  startTitle: '填写问题信息',
  startLead: '这些信息会和诊断数据一起交给技术支持。带 * 的为必填项。',
  sectionTicket: '工单',
  ticket: '工单号',
  ticketHint: '例如 12345 或 SUP-12345',
  ticketFromLink: '已从技术支持发来的链接中填入',
  sectionYou: '您的信息',
  name: '姓名',
  contact: '联系方式',
  contactHint: '电话或邮箱，方便技术支持联系您',
  department: '所属部门',
  sectionProblem: '问题',
  problemDescription: '问题描述',
  problemHint: '发生了什么？有什么现象或错误提示？',
  occurredAt: '发生时间',
  occurredAtHint: '精确到分钟',
  priority: '优先级',
  priorities: { 高: '高', 中: '中', 低: '低' } as Record<'高' | '中' | '低', string>,
  priorityHints: { 高: '无法工作', 中: '影响工作', 低: '不急' } as Record<'高' | '中' | '低', string>,
  sectionProduct: '产品',
  productHint: '已根据本机检测结果预先填写，可修改',
  productHintEmpty: '如果知道，请填写出现问题的软件或设备',
  productName: '产品名称',
  productModel: '型号',
  productVersion: '版本',
  sectionMore: '更多信息',
  stepsToReproduce: '重现步骤',
  stepsHint: '每行一步',
  solutionsTried: '已尝试的解决方案',
  next: '下一步：确认内容',
  errors: {
    required: '请填写此项',
    'too-long': '内容过长，请精简',
    contact: '请输入电话号码或邮箱地址',
    time: '请填写日期和时间（精确到分钟）',
    ticket: '工单号只能包含字母、数字、“.”、“_”、“-”，并以字母或数字开头',
  } as Record<FieldError, string>,
  errorSummary: (n: number) => `有 ${n} 项需要修改`,

  reviewTitle: '确认要收集的内容',
  reviewLead: '以下内容将从本机收集并打包成一个压缩包。不想发送的项目可以关闭。',
  reads: '读取内容',
  estimate: (size: string, measured: boolean) => (measured ? size : `约 ${size}`),
  locks: { 'policy-disabled': '已被 IT 策略关闭', 'policy-forbidden': 'IT 策略不允许', platform: '此系统不支持' } as Record<Lock, string>,
  lockedLabel: '由 IT 策略设定，无法更改',
  sensitive: '敏感',
  screenshotTitle: '问题截图',
  screenshotLead: '截图时本窗口会暂时隐藏，以便截到出现问题的画面。',
  screenshotAlt: (w: number, h: number) => `屏幕截图预览（${w}×${h}）`,
  screenshotIncluded: '将附带此截图',
  screenshotExcluded: '不附带截图',
  screenshotTaking: '正在截图…',
  screenshotForbidden: 'IT 策略不允许截图',
  dontInclude: '不附带',
  include: '附带此截图',
  retake: '重新截图',
  take: '截取屏幕',
  redactionTitle: '将被隐藏的信息示例',
  total: (size: string) => `预计大小（压缩前）：${size}`,
  back: '返回修改',
  startCollecting: '开始收集',
  starting: '正在开始…',

  progressTitle: '正在收集诊断信息',
  elapsed: (t: string) => `已用时间 ${t}`,
  counter: (done: number, total: number) => `已完成 ${done}/${total} 项`,
  overall: '总体进度',
  phases: { archiving: '正在打包…', finalizing: '正在完成…' } as Record<string, string>,
  rowStatus: { waiting: '等待中', running: '正在收集…', writing: '正在写入…', ok: '完成', skipped: '已跳过', error: '失败', timeout: '超时', cancelled: '已取消' } as Record<RowStatus, string>,
  rowDetail: (items: number, size: string) => `${items} 个文件，${size}`,
  cancel: '取消',
  cancelling: '正在取消…',
  cancelledNotice: '已取消收集，没有保存任何文件。',
  failedNotice: (m: string) => `收集失败：${m}`,

  doneTitle: '诊断信息已收集',
  donePartialTitle: '诊断信息已收集（部分未完成）',
  archive: '压缩包',
  size: '大小',
  files: (n: number) => `${n} 个文件`,
  partial: '部分项目未能完成，原因见下方列表，也记录在压缩包的 manifest.json 中。',
  notCompleted: '未完成的项目',
  uploadTitle: '发送到工单',
  upload: {
    none: '',
    local: (subject: string) => `压缩包已保存在本机的待发送文件夹中，并已生成邮件草稿（主题“${subject}”）。请打开文件夹，用邮件程序打开草稿，确认后发送。`,
    uploading: (target: string, pct: number) => `正在上传到 ${target}… ${pct}%`,
    done: (target: string, ticket: string) => `已附加到 ${target} 的工单 ${ticket}`,
    alreadyPresent: '（该附件此前已在工单中，没有重复上传）',
    queued: (reason: string) => `尚未发送：${reason}`,
    queuedWaiting: '排队等待上传…',
    next: (time: string) => `将于 ${time} 自动重试`,
    failed: (reason: string) => `上传失败：${reason}`,
    attempts: (n: number) => `已尝试 ${n} 次`,
  },
  technical: '技术信息：',
  whatToDo: '怎么办：',
  advice: {
    settings: '请联系 IT 检查上传设置（凭据、权限或证书）。压缩包仍保存在本机，可以打开文件夹手动发送。',
    'not-found': '请确认工单号是否正确。若工单号有误，请用正确的工单号重新收集。',
    'too-large': '压缩包超过了工单系统允许的大小。请打开文件夹，通过邮件或其他方式发送。',
    network: '请检查网络连接，然后点击“重试”。应用打开期间也会自动重试。',
    archive: '压缩包已被移动或修改，请重新收集。',
    other: '请点击“重试”，或打开文件夹手动发送压缩包。',
  },
  retry: '重试',
  retrying: '正在重试…',
  openFolder: '打开文件夹',
  copyDetails: '复制详情',
  copied: '已复制到剪贴板',
  newCollection: '重新收集',
  checksTitle: '基础检查',
  checksRunning: '正在进行基础检查…',
  checksNone: '没有检查结果。',
  checkGroups: { network: '网络连接测试', version: '软件版本确认', environment: '系统环境检查', restart: '重启验证' } as Record<CheckGroup, string>,
  checkStatus: { pass: '正常', warn: '注意', fail: '异常', skipped: '未检查' } as Record<CheckStatus, string>,
  details: {
    ticket: '工单',
    archive: '压缩包',
    sha256: 'SHA-256',
    location: '位置',
    upload: '发送状态',
    collected: '收集时间',
  },
  uploadStateWord: { none: '—', local: '已保存在本机（待发送）', queued: '排队等待重试', uploading: '上传中', done: '已附加到工单', failed: '上传失败' } as Record<UploadStatus['state'], string>,
};

export type Dictionary = typeof zh;

const en: Dictionary = {
  appName: 'Diagnostics Collector',
  skipToContent: 'Skip to main content',
  switchLanguage: '中文',
  switchLanguageLabel: '切换到中文',
  steps: ['Details', 'Review', 'Collect', 'Done'],
  stepOf: (n, total) => `Step ${n} of ${total}`,
  loading: 'Getting ready…',
  noBridge: 'Open this page from the Diagnostics Collector app.',
  optional: ' (optional)',
  required: 'required',

  startTitle: 'Tell us about the problem',
  startLead: 'Support receives this together with the diagnostics. Fields marked * are required.',
  sectionTicket: 'Ticket',
  ticket: 'Ticket number',
  ticketHint: 'For example 12345 or SUP-12345',
  ticketFromLink: 'Filled in from the link your support agent sent',
  sectionYou: 'About you',
  name: 'Name',
  contact: 'Phone or e-mail',
  contactHint: 'So support can reach you',
  department: 'Department',
  sectionProblem: 'The problem',
  problemDescription: 'What happened?',
  problemHint: 'What you saw, and any error message',
  occurredAt: 'When did it happen?',
  occurredAtHint: 'To the minute',
  priority: 'Priority',
  priorities: { 高: 'High', 中: 'Medium', 低: 'Low' },
  priorityHints: { 高: 'cannot work', 中: 'work is affected', 低: 'not urgent' },
  sectionProduct: 'Product',
  productHint: 'Filled in from what was detected on this computer; change it if needed',
  productHintEmpty: 'If you know them: the software or device that has the problem',
  productName: 'Product name',
  productModel: 'Model',
  productVersion: 'Version',
  sectionMore: 'More details',
  stepsToReproduce: 'Steps to reproduce',
  stepsHint: 'One step per line',
  solutionsTried: 'What have you tried already?',
  next: 'Next: review',
  errors: {
    required: 'Please fill this in',
    'too-long': 'This is too long; please shorten it',
    contact: 'Enter a phone number or an e-mail address',
    time: 'Enter a date and a time (to the minute)',
    ticket: 'A ticket number has letters, digits, ".", "_" or "-" and starts with a letter or digit',
  },
  errorSummary: (n) => (n === 1 ? '1 field needs your attention' : `${n} fields need your attention`),

  reviewTitle: 'Review what will be collected',
  reviewLead: 'These are collected from this computer into one archive. Switch off anything you do not want to send.',
  reads: 'What it reads',
  estimate: (size, measured) => (measured ? size : `about ${size}`),
  locks: { 'policy-disabled': 'Switched off by your IT policy', 'policy-forbidden': 'Not allowed by your IT policy', platform: 'Not available on this system' },
  lockedLabel: 'Set by your IT policy; cannot be changed',
  sensitive: 'sensitive',
  screenshotTitle: 'Screenshot',
  screenshotLead: 'This window hides for a moment while the screen is captured, so the picture shows the problem.',
  screenshotAlt: (w, h) => `Screenshot preview (${w}×${h})`,
  screenshotIncluded: 'This picture will be attached',
  screenshotExcluded: 'No screenshot will be attached',
  screenshotTaking: 'Taking the screenshot…',
  screenshotForbidden: 'Your IT policy does not allow screenshots',
  dontInclude: "Don't include",
  include: 'Include it',
  retake: 'Retake',
  take: 'Take screenshot',
  redactionTitle: 'Examples of what is hidden',
  total: (size) => `Estimated size before compression: ${size}`,
  back: 'Back',
  startCollecting: 'Start collecting',
  starting: 'Starting…',

  progressTitle: 'Collecting diagnostics',
  elapsed: (t) => `Elapsed ${t}`,
  counter: (done, total) => `${done} of ${total} done`,
  overall: 'Overall progress',
  phases: { archiving: 'Packing the archive…', finalizing: 'Finishing…' },
  rowStatus: { waiting: 'Waiting', running: 'Collecting…', writing: 'Writing…', ok: 'Done', skipped: 'Skipped', error: 'Failed', timeout: 'Timed out', cancelled: 'Cancelled' },
  rowDetail: (items, size) => `${items} ${items === 1 ? 'file' : 'files'}, ${size}`,
  cancel: 'Cancel',
  cancelling: 'Cancelling…',
  cancelledNotice: 'The collection was cancelled; nothing was saved.',
  failedNotice: (m) => `The collection failed: ${m}`,

  doneTitle: 'Diagnostics collected',
  donePartialTitle: 'Diagnostics collected (some items incomplete)',
  archive: 'Archive',
  size: 'Size',
  files: (n) => `${n} ${n === 1 ? 'file' : 'files'}`,
  partial: 'Some items could not be collected; the reasons are listed below and recorded in manifest.json inside the archive.',
  notCompleted: 'Not completed',
  uploadTitle: 'Sending to the ticket',
  upload: {
    none: '',
    local: (subject) => `The archive is saved in the outbox folder on this computer, with an e-mail draft (subject “${subject}”). Open the folder, open the draft in your mail program, check it and send it.`,
    uploading: (target, pct) => `Uploading to ${target}… ${pct}%`,
    done: (target, ticket) => `Attached to ticket ${ticket} in ${target}`,
    alreadyPresent: '(it was already on the ticket, so it was not sent twice)',
    queued: (reason) => `Not sent yet: ${reason}`,
    queuedWaiting: 'Waiting to upload…',
    next: (time) => `Trying again automatically at ${time}`,
    failed: (reason) => `The upload failed: ${reason}`,
    attempts: (n) => (n === 1 ? '1 attempt' : `${n} attempts`),
  },
  technical: 'Details: ',
  whatToDo: 'What to do: ',
  advice: {
    settings: 'Ask IT to check the upload settings (credentials, permissions or certificate). The archive stays on this computer; you can open the folder and send it yourself.',
    'not-found': 'Check the ticket number. If it is wrong, collect again with the right one.',
    'too-large': 'The archive is larger than the ticket system accepts. Open the folder and send it another way, for example by e-mail.',
    network: 'Check the network connection, then press Retry. While the app is open it also retries by itself.',
    archive: 'The archive was moved or changed; please collect again.',
    other: 'Press Retry, or open the folder and send the archive yourself.',
  },
  retry: 'Retry',
  retrying: 'Retrying…',
  openFolder: 'Open folder',
  copyDetails: 'Copy details',
  copied: 'Copied to the clipboard',
  newCollection: 'Start over',
  checksTitle: 'Basic checks',
  checksRunning: 'Running the basic checks…',
  checksNone: 'No check results.',
  checkGroups: { network: 'Network connectivity', version: 'Software version', environment: 'System environment', restart: 'Restart and verify' },
  checkStatus: { pass: 'OK', warn: 'Warning', fail: 'Problem', skipped: 'Not checked' },
  details: {
    ticket: 'Ticket',
    archive: 'Archive',
    sha256: 'SHA-256',
    location: 'Location',
    upload: 'Upload',
    collected: 'Collected',
  },
  uploadStateWord: { none: '—', local: 'saved on this computer (to be sent)', queued: 'queued for a retry', uploading: 'uploading', done: 'attached to the ticket', failed: 'failed' },
};

export const DICTIONARIES: Record<UiLocale, Dictionary> = { 'zh-CN': zh, en };

/** Picks the text of a LocalizedText for the UI language. */
export function pick(text: LocalizedText, locale: UiLocale): string {
  return text[locale];
}

/** The advice group for an upload error kind (upload-error.ts in the engine names the kinds). */
export function adviceFor(kind: UploadErrorKind): keyof Dictionary['advice'] {
  if (['auth', 'forbidden', 'config', 'tls'].includes(kind)) return 'settings';
  if (kind === 'not-found') return 'not-found';
  if (kind === 'too-large') return 'too-large';
  if (['network', 'timeout', 'server', 'rate-limited', 'integrity'].includes(kind)) return 'network';
  if (kind === 'archive') return 'archive';
  return 'other';
}

/**
 * Why a collector was skipped or did not finish. The engine sends a code (shared/reasons.ts),
 * rendered by the one catalogue; its English technical text (`detail`) is shown only in English,
 * so no English sentence reaches the Chinese UI.
 */
export function reasonText(row: { reason?: Reason | undefined; detailCode?: Reason | undefined; detail?: string | undefined }, locale: UiLocale): string {
  const code = row.reason ?? row.detailCode;
  if (code && !(code.code === 'failed' && locale === 'en' && row.detail)) return translator(locale).reason(code);
  if (!row.detail) return '';
  return locale === 'en' ? row.detail : translator(locale).reason({ code: 'failed' });
}

/** An upload error (kind and cause codes) in the UI language. */
export function uploadProblemText(error: NonNullable<UploadStatus['error']>, target: string, ticket: string, locale: UiLocale): string {
  return translator(locale).uploadProblem(error, { target, ticket });
}
