/**
 * Standard names from the support guide's 附件命名规范: archive name, the fixed entry names
 * inside it, the ticket-id rule and the e-mail subject. Archive and entry names are zh-CN by
 * default whatever the UI language; the policy key `archiveLanguage` switches them to en.
 */

export type ArchiveLanguage = 'zh-CN' | 'en';
export const ARCHIVE_LANGUAGES: readonly ArchiveLanguage[] = ['zh-CN', 'en'];

/** Every fixed entry name the archive may contain, in both languages. Folders end with `/`. */
export const STANDARD_NAMES = {
  intake: { 'zh-CN': '工单信息.txt', en: 'ticket-info.txt' },
  summary: { 'zh-CN': '诊断摘要.html', en: 'summary.html' },
  timeline: { 'zh-CN': '事件时间线.html', en: 'timeline.html' },
  timelineJson: { 'zh-CN': 'timeline.json', en: 'timeline.json' },
  versions: { 'zh-CN': '版本信息.txt', en: 'versions.txt' },
  system: { 'zh-CN': '系统信息.txt', en: 'system-info.txt' },
  systemJson: { 'zh-CN': '系统信息.json', en: 'system-info.json' },
  network: { 'zh-CN': '网络配置.txt', en: 'network.txt' },
  networkJson: { 'zh-CN': '网络配置.json', en: 'network.json' },
  hosts: { 'zh-CN': '网络配置/hosts.txt', en: 'network/hosts.txt' },
  routes: { 'zh-CN': '网络配置/路由表.txt', en: 'network/routes.txt' },
  software: { 'zh-CN': '已安装软件.txt', en: 'installed-software.txt' },
  processes: { 'zh-CN': '进程列表.txt', en: 'processes.txt' },
  systemLogDir: { 'zh-CN': '系统日志/', en: 'system-logs/' },
  systemLog: { 'zh-CN': '系统日志/系统日志.txt', en: 'system-logs/system-log.txt' },
  kernelLog: { 'zh-CN': '系统日志/内核日志.txt', en: 'system-logs/kernel-log.txt' },
  appLogDir: { 'zh-CN': '软件日志/', en: 'app-logs/' },
  configDir: { 'zh-CN': '配置文件/', en: 'config-files/' },
  screenshot: { 'zh-CN': '问题截图.png', en: 'screenshot.png' },
  checks: { 'zh-CN': 'checks.json', en: 'checks.json' },
  // 复现录制 (diagcollect record): the steps page, its pictures, the steps as a log, the new log lines.
  recordingDir: { 'zh-CN': '复现录制/', en: 'recording/' },
  recordingSteps: { 'zh-CN': '复现录制/操作步骤.html', en: 'recording/steps.html' },
  recordingLog: { 'zh-CN': '复现录制/录制记录.txt', en: 'recording/recording-log.txt' },
  recordingJson: { 'zh-CN': '复现录制/recording.json', en: 'recording/recording.json' },
  recordingNewLines: { 'zh-CN': '复现录制/新增日志/', en: 'recording/new-log-lines/' },
  manifest: { 'zh-CN': 'manifest.json', en: 'manifest.json' },
  // Triage (issue 18): the evidence each problem type adds, and the security logs.
  securityLog: { 'zh-CN': '安全日志.txt', en: 'security-log.txt' },
  networkPath: { 'zh-CN': '网络配置/路由追踪.txt', en: 'network/path.txt' },
  firewall: { 'zh-CN': '网络配置/防火墙.txt', en: 'network/firewall.txt' },
  wifi: { 'zh-CN': '网络配置/无线网络.txt', en: 'network/wifi.txt' },
  resourceSample: { 'zh-CN': '性能采样.txt', en: 'resource-sample.txt' },
  resourceSampleJson: { 'zh-CN': '性能采样.json', en: 'resource-sample.json' },
  diskLatency: { 'zh-CN': '磁盘空间与延迟.txt', en: 'disk-latency.txt' },
  startupItems: { 'zh-CN': '启动项.txt', en: 'startup-items.txt' },
  pendingUpdates: { 'zh-CN': '待安装更新.txt', en: 'pending-updates.txt' },
  configDiff: { 'zh-CN': '配置与默认值比较.txt', en: 'config-vs-defaults.txt' },
  permissions: { 'zh-CN': '文件权限.txt', en: 'permissions.txt' },
  crashReportDir: { 'zh-CN': '崩溃报告/', en: 'crash-reports/' },
  crashReports: { 'zh-CN': '崩溃报告/崩溃报告列表.txt', en: 'crash-reports/list.txt' },
} as const satisfies Record<string, Record<ArchiveLanguage, string>>;

export type StandardNameKey = keyof typeof STANDARD_NAMES;

export function standardName(key: StandardNameKey, lang: ArchiveLanguage): string {
  return STANDARD_NAMES[key][lang];
}

/** The label between ticket and timestamp in the archive name. */
export const ARCHIVE_LABEL: Record<ArchiveLanguage, string> = { 'zh-CN': '诊断信息', en: 'diagnostics' };

export const DEFAULT_ARCHIVE_TEMPLATE = '{ticket}_{label}_{timestamp}_{host}.zip';

export const TICKET_ID_MAX_LENGTH = 64;
/** Letters, digits, `.`, `_`, `-`; starts with a letter or digit. Covers Redmine/RT numbers and Jira keys. */
const TICKET_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const TICKET_ID_RULE =
  'a ticket id is 1–64 characters: letters, digits, ".", "_" or "-", starting with a letter or digit (e.g. 12345 or SUP-12345); no spaces, slashes, ".." or control characters, no dot at the end, and not a Windows device name (CON, PRN, AUX, NUL, COM1–9, LPT1–9)';

/**
 * Names Windows reserves for devices, with or without an extension (`CON`, `nul.txt`, `COM1.log`):
 * a folder or file named so cannot be created or opened on Windows. The archive and its outbox
 * folder travel to Windows desktops and shares, so such ids are refused on every platform.
 * `COM¹`–`COM³` and `LPT¹`–`LPT³` (superscript digits) are reserved too, but cannot occur here
 * because ticket ids are ASCII.
 */
const WINDOWS_RESERVED_NAME = /^(?:CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(?:\..*)?$/i;
/** The same, with the superscript digits a file name (not a ticket id) can hold: `COM¹.log`. */
const WINDOWS_RESERVED_FILE_NAME = /^(?:CON|PRN|AUX|NUL|COM[1-9¹²³]|LPT[1-9¹²³])(?:\..*)?$/i;

/** Whether Windows reserves `name` (one path segment) for a device, so no file can have it there. */
export function isWindowsReservedName(name: string): boolean {
  return WINDOWS_RESERVED_FILE_NAME.test(name);
}

export type TicketIdCheck = { ok: true; ticket: string } | { ok: false; reason: string };

/** Checks a ticket id; the reason says what was wrong and what is allowed. */
export function checkTicketId(raw: string): TicketIdCheck {
  const bad = (what: string): TicketIdCheck => ({ ok: false, reason: `${what}; ${TICKET_ID_RULE}` });
  if (raw.length === 0) return bad('the ticket id is empty');
  if (raw.length > TICKET_ID_MAX_LENGTH) return bad(`the ticket id is ${raw.length} characters long`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return bad('the ticket id contains a control character');
  if (/[\\/]/.test(raw)) return bad('the ticket id contains a path separator');
  if (raw.includes('..')) return bad('the ticket id contains ".."');
  if (/\s/.test(raw)) return bad('the ticket id contains a space');
  if (!TICKET_ID_PATTERN.test(raw)) return bad(`the ticket id "${raw}" contains a character that is not allowed`);
  // Windows drops a trailing dot or space from a folder name, so "abc." would become "abc".
  if (/[. ]$/.test(raw)) return bad(`the ticket id "${raw}" ends in a dot, which Windows cannot keep in a folder name`);
  if (WINDOWS_RESERVED_NAME.test(raw)) {
    return bad(`the ticket id "${raw}" is a name Windows reserves for a device (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, also with an extension), so its folder could not be opened on Windows; use the ticket number, e.g. SUP-${raw.replace(/\..*$/, '')}`);
  }
  return { ok: true, ticket: raw };
}

/** `YYYYMMDD-HHmm` in local time. */
export function formatTimestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

/** A host name reduced to characters that are safe in a file name on every OS. */
export function safeHostName(host: string): string {
  const cleaned = host.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return (cleaned || 'host').slice(0, 63);
}

export interface ArchiveNameParts {
  ticket: string;
  lang: ArchiveLanguage;
  date: Date;
  host: string;
  template?: string;
}

/** `<ticket>_<label>_<YYYYMMDD-HHmm>_<host>.zip`, or the policy's template with the same fields. */
export function archiveName(parts: ArchiveNameParts): string {
  const template = parts.template ?? DEFAULT_ARCHIVE_TEMPLATE;
  const fields: Record<string, string> = {
    ticket: parts.ticket,
    label: ARCHIVE_LABEL[parts.lang],
    timestamp: formatTimestamp(parts.date),
    host: safeHostName(parts.host),
  };
  const name = template.replace(/\{(\w+)\}/g, (whole, key: string) => fields[key] ?? whole);
  return name.endsWith('.zip') ? name : `${name}.zip`;
}

/** `【技术支持】12345` with full-width brackets U+3010/U+3011. */
export function emailSubject(ticket: string): string {
  return `\u3010技术支持\u3011${ticket}`;
}

/** Joins an archive folder name (ending in `/`) and a file name. */
export function entryIn(folderKey: 'systemLogDir' | 'appLogDir' | 'configDir' | 'crashReportDir', file: string, lang: ArchiveLanguage): string {
  return `${STANDARD_NAMES[folderKey][lang]}${file}`;
}
