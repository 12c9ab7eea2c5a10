/**
 * What each policy key means, in the two languages of the ADMX/ADML templates (en-US, zh-CN).
 * The template generator refuses a schema key that is missing here, so a key added to
 * `shared/policy.ts` cannot reach IT undocumented.
 */
export interface KeyDoc {
  en: [title: string, explain: string];
  zh: [title: string, explain: string];
}

export const SECTION_TITLES: Record<string, { en: string; zh: string }> = {
  '': { en: 'General', zh: '常规' },
  caps: { en: 'Size limits', zh: '大小限制' },
  checks: { en: 'Basic checklist', zh: '基础检查清单' },
  upload: { en: 'Upload', zh: '上传' },
  redaction: { en: 'Redaction', zh: '脱敏' },
  linkSigning: { en: 'Support links', zh: '支持链接' },
  distribution: { en: 'Distribution', zh: '分发' },
};

export const KEY_DOCS: Record<string, KeyDoc> = {
  archiveLanguage: { en: ['Archive language', 'Language of the archive name and of the entry names inside it (zh-CN by the support standard, or en).'], zh: ['诊断包语言', '诊断包文件名及其中条目名称使用的语言（按支持规范默认 zh-CN，或 en）。'] },
  archiveNameTemplate: { en: ['Archive name template', 'Name of the archive with the fields {ticket}, {label}, {timestamp} and {host}; must contain {ticket} and no path separator.'], zh: ['诊断包命名模板', '诊断包文件名，可用字段 {ticket}、{label}、{timestamp}、{host}；必须包含 {ticket}，不得包含路径分隔符。'] },
  deadlineSeconds: { en: ['Collection deadline (seconds)', 'Whole-session deadline; collectors still running then are stopped and recorded as timed out.'], zh: ['收集时限（秒）', '整个收集过程的时限；届时仍在运行的收集项被停止并记录为超时。'] },
  concurrency: { en: ['Collectors at once', 'How many collectors run at the same time.'], zh: ['并行收集项数', '同时运行的收集项数量。'] },
  since: { en: ['Log time window', 'How far back system logs go, e.g. 90m, 24h or 7d.'], zh: ['日志时间范围', '系统日志回溯的时间，例如 90m、24h、7d。'] },
  disabledCollectors: { en: ['Disabled collectors', 'Collector ids that never run (see `diagcollect list`), e.g. processes.'], zh: ['禁用的收集项', '永不运行的收集项编号（见 `diagcollect list`），例如 processes。'] },
  screenshotAllowed: { en: ['Allow screenshots', 'Whether the user may add a screenshot of the desktop. Off: the screenshot is never taken.'], zh: ['允许截图', '是否允许用户附加桌面截图。关闭后永不截图。'] },
  appLogPaths: { en: ['Application log paths', 'Absolute paths, folders or globs (*, ?, **) of your software\'s logs; ~, $VAR and %VAR% are expanded; no ".." segments.'], zh: ['软件日志路径', '软件日志的绝对路径、文件夹或通配符（*、?、**）；支持 ~、$VAR、%VAR%；不得包含 ".."。'] },
  configPaths: { en: ['Configuration file paths', 'Absolute paths, folders or globs of configuration files to collect (kept whole or skipped, never cut).'], zh: ['配置文件路径', '要收集的配置文件的绝对路径、文件夹或通配符（整份保留或跳过，不截断）。'] },
  windowsEventLogs: { en: ['Windows event logs', 'Event logs exported on Windows, e.g. System, Application, Microsoft-Windows-PowerShell/Operational.'], zh: ['Windows 事件日志', '在 Windows 上导出的事件日志，例如 System、Application、Microsoft-Windows-PowerShell/Operational。'] },
  macosLogPredicate: { en: ['macOS log filter', 'Predicate for the macOS unified log (log show --predicate); empty takes every message.'], zh: ['macOS 日志筛选条件', 'macOS 统一日志的筛选条件（log show --predicate）；留空则收集全部消息。'] },
  'caps.fileBytes': { en: ['Largest file (bytes)', 'Per file: logs keep their newest bytes up to this size, structured files over it are skipped.'], zh: ['单个文件上限（字节）', '每个文件：日志保留最新的这么多字节，超过此大小的结构化文件被跳过。'] },
  'caps.collectorBytes': { en: ['Per collector (bytes)', 'Total size one collector may add to the archive.'], zh: ['每个收集项上限（字节）', '单个收集项可写入诊断包的总大小。'] },
  'caps.filesPerPath': { en: ['Files per path', 'Newest files taken from each path or glob.'], zh: ['每个路径的文件数', '每个路径或通配符最多收集的最新文件数。'] },
  'caps.systemLogBytes': { en: ['System log size (bytes)', 'Size of the exported system journal.'], zh: ['系统日志上限（字节）', '导出的系统日志的大小上限。'] },
  products: { en: ['Products (JSON)', 'JSON list of your products: [{"name": "XXSoftware", "versionCommand": [...], "package": "...", "minimumVersion": "2.0", "recommendedVersion": "2.3", "versionUrl": "https://..."}].'], zh: ['产品（JSON）', '产品列表（JSON）：[{"name": "XXSoftware", "versionCommand": [...], "package": "...", "minimumVersion": "2.0", "recommendedVersion": "2.3", "versionUrl": "https://..."}]。'] },
  'checks.disabled': { en: ['Disabled checks', 'Check ids that never run (see `diagcollect check --json`).'], zh: ['禁用的检查项', '永不运行的检查项编号（见 `diagcollect check --json`）。'] },
  'checks.endpoints': { en: ['Connectivity endpoints (JSON)', 'JSON list of servers the product needs: [{"name": "Support portal", "url": "https://support.example.com/"}].'], zh: ['连通性检测地址（JSON）', '产品依赖的服务器列表（JSON）：[{"name": "Support portal", "url": "https://support.example.com/"}]。'] },
  'checks.dnsNames': { en: ['DNS names', 'Host names that must resolve; default: the endpoints\' names.'], zh: ['DNS 名称', '必须能解析的主机名；默认使用检测地址中的主机名。'] },
  'checks.captivePortal.url': { en: ['Captive portal probe URL', 'A URL answering a known status when no hotel or guest Wi-Fi login page intercepts.'], zh: ['强制门户检测地址', '在没有酒店或访客 Wi-Fi 登录页拦截时返回已知状态码的地址。'] },
  'checks.captivePortal.status': { en: ['Captive portal expected status', 'HTTP status the probe URL answers, e.g. 204.'], zh: ['强制门户预期状态码', '检测地址应返回的 HTTP 状态码，例如 204。'] },
  'checks.captivePortal.bodyIncludes': { en: ['Captive portal expected text', 'Text the probe\'s answer must contain.'], zh: ['强制门户预期内容', '检测地址的响应中必须包含的文字。'] },
  'checks.timeUrl': { en: ['Time server URL', 'The clock is compared with this server\'s HTTP Date header; default: the first endpoint.'], zh: ['时间服务器地址', '与该服务器 HTTP Date 头比较本机时钟；默认使用第一个检测地址。'] },
  'checks.supportedOs': { en: ['Supported operating systems (JSON)', 'JSON list: [{"id": "windows", "minVersion": "10.0.19045"}, {"id": "debian", "minVersion": "11"}].'], zh: ['支持的操作系统（JSON）', '列表（JSON）：[{"id": "windows", "minVersion": "10.0.19045"}, {"id": "debian", "minVersion": "11"}]。'] },
  'checks.browsers': { en: ['Supported browsers (JSON)', 'JSON list: [{"name": "microsoft-edge", "minVersion": "120"}]; names: chromium, firefox, google-chrome, microsoft-edge.'], zh: ['支持的浏览器（JSON）', '列表（JSON）：[{"name": "microsoft-edge", "minVersion": "120"}]；名称：chromium、firefox、google-chrome、microsoft-edge。'] },
  'checks.disk.warnPercent': { en: ['Disk: warn below (%)', 'Free space below this share of the disk is a warning.'], zh: ['磁盘：低于此比例警告（%）', '可用空间低于磁盘容量的该比例时警告。'] },
  'checks.disk.failPercent': { en: ['Disk: fail below (%)', 'Free space below this share of the disk is a failure.'], zh: ['磁盘：低于此比例失败（%）', '可用空间低于磁盘容量的该比例时判定失败。'] },
  'checks.disk.failBytes': { en: ['Disk: fail below (bytes)', 'Free space below this many bytes is a failure.'], zh: ['磁盘：低于此字节数失败', '可用空间低于该字节数时判定失败。'] },
  'checks.memory.warnPercent': { en: ['Memory: warn below (%)', 'Available memory below this share is a warning.'], zh: ['内存：低于此比例警告（%）', '可用内存低于该比例时警告。'] },
  'checks.memory.failPercent': { en: ['Memory: fail below (%)', 'Available memory below this share is a failure.'], zh: ['内存：低于此比例失败（%）', '可用内存低于该比例时判定失败。'] },
  'checks.clockSkew.warnSeconds': { en: ['Clock: warn above (seconds)', 'A clock off by more than this is a warning.'], zh: ['时钟：偏差超过此值警告（秒）', '时钟偏差超过该秒数时警告。'] },
  'checks.clockSkew.failSeconds': { en: ['Clock: fail above (seconds)', 'A clock off by more than this is a failure.'], zh: ['时钟：偏差超过此值失败（秒）', '时钟偏差超过该秒数时判定失败。'] },
  'checks.uptimeWarnDays': { en: ['Restart advised after (days)', 'A computer up longer than this is advised to restart.'], zh: ['建议重启的运行天数', '连续运行超过该天数时建议重启。'] },
  'checks.probeTimeoutMs': { en: ['Network probe timeout (ms)', 'Time each DNS query, connection or request may take.'], zh: ['网络探测超时（毫秒）', '每次 DNS 查询、连接或请求的时限。'] },
  'checks.slowMs': { en: ['Slow answer (ms)', 'A DNS answer or HTTP response slower than this is a warning.'], zh: ['响应缓慢阈值（毫秒）', 'DNS 或 HTTP 响应慢于该值时警告。'] },
  'upload.target': { en: ['Upload target', 'Where archives go after they are written: outbox (stay on this computer), redmine or rt.'], zh: ['上传目标', '诊断包生成后的去向：outbox（留在本机）、redmine 或 rt。'] },
  'upload.redmine.url': { en: ['Redmine address', 'Base URL of Redmine, https:// (the API key never goes into policy).'], zh: ['Redmine 地址', 'Redmine 的基础地址，须为 https://（API 密钥不写入策略）。'] },
  'upload.redmine.project': { en: ['Redmine project', 'Project identifier; only issues of this project are accepted.'], zh: ['Redmine 项目', '项目标识；只接受该项目的问题单。'] },
  'upload.rt.url': { en: ['Request Tracker address', 'Base URL of Request Tracker 5 (REST2), https://.'], zh: ['Request Tracker 地址', 'Request Tracker 5（REST2）的基础地址，须为 https://。'] },
  'upload.rt.mode': { en: ['Request Tracker mode', 'comment (internal) or correspond (mailed to the requestor).'], zh: ['Request Tracker 方式', 'comment（内部备注）或 correspond（发送给请求人）。'] },
  'upload.caFile': { en: ['Company CA file', 'PEM file with an extra trusted root (company CA); TLS is always verified.'], zh: ['企业 CA 证书文件', '额外信任的根证书（企业 CA，PEM 格式）；TLS 始终校验。'] },
  'upload.allowedHosts': { en: ['Allowed upload hosts', 'Host names (or *.example.com) uploads and support links may send archives to.'], zh: ['允许的上传主机', '上传及支持链接可发送诊断包的主机名（或 *.example.com）。'] },
  'upload.credentialsFile': { en: ['Credentials file', 'Machine-wide credentials file (same format as the per-user credentials.json, readable only by its owner); the secret itself never goes into policy.'], zh: ['凭据文件', '全机共用的凭据文件（格式同用户的 credentials.json，仅所有者可读）；密钥本身不写入策略。'] },
  screenshotRequired: { en: ['Require a screenshot', 'The screenshot is switched on and locked (needs Allow screenshots); the user still sees it before sending.'], zh: ['必须截图', '截图开启且锁定（需同时允许截图）；用户发送前仍可查看。'] },
  language: { en: ['Interface language', 'Language of the app (zh-CN or en); unset: the system\'s language.'], zh: ['界面语言', '应用界面语言（zh-CN 或 en）；未设置时跟随系统。'] },
  'redaction.optionalRules': { en: ['Extra built-in redaction', 'Optional built-in rules to switch on: ipv4-public, ipv6-public, mac-address, hostname.'], zh: ['启用可选脱敏规则', '要开启的内置可选规则：ipv4-public、ipv6-public、mac-address、hostname。'] },
  'redaction.extraRules': { en: ['Company redaction rules (JSON)', 'JSON list: [{"id": "employee-id", "pattern": "EMP-\\\\d{6}", "flags": "i", "placeholder": "EMPLOYEE-ID"}].'], zh: ['企业脱敏规则（JSON）', '列表（JSON）：[{"id": "employee-id", "pattern": "EMP-\\\\d{6}", "flags": "i", "placeholder": "EMPLOYEE-ID"}]。'] },
  'redaction.allow': { en: ['Redaction allow-list', 'Regular expressions; a match that fully matches one of these is kept.'], zh: ['脱敏白名单', '正则表达式；完全匹配其中之一的内容保留不脱敏。'] },
  'linkSigning.publicKeys': { en: ['Support link keys', 'Ed25519 public keys (base64 from `diagcollect link keygen`, or PEM) whose signed diagcollect:// links this computer accepts; none: every link is refused.'], zh: ['支持链接公钥', '本机接受其签名 diagcollect:// 链接的 Ed25519 公钥（`diagcollect link keygen` 输出的 base64 或 PEM）；未设置则拒绝所有链接。'] },
  'linkSigning.maxLifetimeHours': { en: ['Longest link life (hours)', 'A link valid for longer than this is refused even when signed.'], zh: ['链接最长有效期（小时）', '有效期超过该值的链接即使已签名也会被拒绝。'] },
  'distribution.downloadUrl': { en: ['Download address', 'Address of the portable build for users without the app; {ticket} is replaced by the ticket number.'], zh: ['下载地址', '为未安装用户提供的便携版下载地址；{ticket} 会替换为工单号。'] },
};
