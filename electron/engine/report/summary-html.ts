/**
 * 诊断摘要 (summary.html): one self-contained page an agent reads in ten seconds — the verdict
 * and the problem first, then the basic checklist, then the machine (system, disks, network,
 * versions, screenshot), then what the archive holds, what was skipped and why, and what was
 * redacted. No scripts, no external resources (a CSP forbids them besides), inline CSS, prints
 * on A4. Every interpolated string goes through the escaping `html` template.
 *
 * The page renders only from its inputs (it reads no file, host name or clock of its own besides
 * the time zone used to show times), so it shows exactly what the archive shows when the session
 * passes the bytes it wrote (see summary-data.ts).
 */
import type { ArchiveLanguage } from '../../../shared/naming.js';
import { standardName } from '../../../shared/naming.js';
import { cm, size, type CheckMessage } from '../../../shared/check-messages.js';
import { checkClauses, checkText } from '../../../shared/i18n/check-text.js';
import type { CheckResult, CheckStatus, CollectorStatus, Manifest } from '../../../shared/types.js';
import { BROWSER_LABELS } from '../checks/browsers.js';
import { CHECK_GROUPS } from '../checks/runner.js';
import { collectorTitle } from '../collectors/index.js';
import { diskOtherBytes, diskUsedPercent } from '../../../shared/figures.js';
import { GENERATED_AFTER_ITEMS, TIMELINE_ENTRIES } from './figures.js';
import { formatDateTime, formatDuration as formatSpan, formatSize } from '../../../shared/i18n/format.js';
import { reasonFor, translator } from '../../../shared/i18n/translate.js';
import { html, standalonePage, type SafeHtml } from './html.js';
import type { FileSystemSummary, NetworkSummary, SystemSummary } from './summary-data.js';
import type { TimelineDocument } from '../timeline/document.js';
import { CHART_CSS, renderTimelineSection } from './timeline-chart.js';
import { renderSampleSection, SAMPLE_CSS } from './sample-chart.js';
import type { ResourceSample } from '../collectors/support/resource-sample-data.js';

export interface SummaryInput {
  /** The manifest as written to the archive (its items: every entry but this page and checks.json). */
  manifest: Manifest;
  /** The checklist results, as in checks.json; empty when the checks did not run. */
  checks: readonly CheckResult[];
  system?: SystemSummary;
  network?: NetworkSummary;
  /** The screenshot entry's bytes (PNG); shown as a thumbnail. */
  screenshotPng?: Buffer;
  /** Redactions per rule id, as recorded for the archive. */
  redactions?: Record<string, number>;
  /** The archive's language; defaults to manifest.archiveLanguage. */
  lang?: ArchiveLanguage;
  /** The incident timeline: its strip chart is shown right after the verdict. */
  timeline?: TimelineDocument;
  /** The slow-problem resource sample: its charts follow the checklist (sample-chart.ts). */
  sample?: ResourceSample;
}

/** Screenshots larger than this are not embedded (the page would be slow to open); the entry is named instead. */
const MAX_EMBEDDED_SCREENSHOT = 12 * 1024 * 1024;
const MAX_ITEM_ROWS = 60;
const MAX_SKIP_ROWS = 40;
const PSEUDO_FS = new Set(['tmpfs', 'devtmpfs', 'squashfs', 'efivarfs', 'ramfs', 'proc', 'sysfs', 'devfs', 'autofs', 'nsfs', 'overlay', 'cgroup', 'cgroup2', 'fuse.snapfuse']);

type Dict = Record<
  | 'pageTitle' | 'eyebrow' | 'ticket' | 'host' | 'collectedAt' | 'priority' | 'allPassed' | 'noChecks' | 'lookFirst' | 'incompleteCollectors'
  | 'problem' | 'description' | 'occurredAt' | 'product' | 'tried' | 'steps' | 'reporter' | 'notGiven'
  | 'glance' | 'os' | 'uptime' | 'memory' | 'systemDisk' | 'ip' | 'gateway' | 'dns' | 'proxy' | 'directConnection' | 'timeZone'
  | 'checklist' | 'status' | 'check' | 'result' | 'advice'
  | 'system' | 'kernel' | 'arch' | 'hardware' | 'cpu' | 'swap' | 'locale' | 'available' | 'of'
  | 'disks' | 'mount' | 'usage' | 'used' | 'free' | 'usedColumn' | 'freeColumn' | 'noDisks'
  | 'network' | 'interface' | 'state' | 'addresses' | 'mac' | 'mtu' | 'searchDomains' | 'noInterfaces' | 'hiddenInterfaces'
  | 'versions' | 'component' | 'version' | 'reportedByUser' | 'tool' | 'browser'
  | 'screenshot' | 'screenshotAlt' | 'screenshotTooBig'
  | 'collected' | 'entry' | 'collector' | 'size' | 'note' | 'truncated' | 'total' | 'moreRows' | 'filesInArchive'
  | 'notCollected' | 'collectorRuns' | 'duration' | 'reason' | 'skippedSources' | 'source' | 'nothingSkipped'
  | 'redaction' | 'rule' | 'count' | 'noRedactions' | 'footer' | 'none' | 'noteInManifest',
  string
>;

/** The page's words, from the one catalogue (shared/i18n/messages.ts, keys `summary.*`). */
function dictionary(lang: ArchiveLanguage): Dict {
  const tr = translator(lang);
  return Object.fromEntries(DICT_KEYS.map((k) => [k, tr.t(`summary.${k}`)])) as Dict;
}
const DICT_KEYS = [
  'pageTitle',
  'eyebrow',
  'ticket',
  'host',
  'collectedAt',
  'priority',
  'allPassed',
  'noChecks',
  'lookFirst',
  'incompleteCollectors',
  'problem',
  'description',
  'occurredAt',
  'product',
  'tried',
  'steps',
  'reporter',
  'notGiven',
  'glance',
  'os',
  'uptime',
  'memory',
  'systemDisk',
  'ip',
  'gateway',
  'dns',
  'proxy',
  'directConnection',
  'timeZone',
  'checklist',
  'status',
  'check',
  'result',
  'advice',
  'system',
  'kernel',
  'arch',
  'hardware',
  'cpu',
  'swap',
  'locale',
  'available',
  'of',
  'disks',
  'mount',
  'usage',
  'used',
  'free',
  'usedColumn',
  'freeColumn',
  'noDisks',
  'network',
  'interface',
  'state',
  'addresses',
  'mac',
  'mtu',
  'searchDomains',
  'noInterfaces',
  'hiddenInterfaces',
  'versions',
  'component',
  'version',
  'reportedByUser',
  'tool',
  'browser',
  'screenshot',
  'screenshotAlt',
  'screenshotTooBig',
  'collected',
  'entry',
  'collector',
  'size',
  'note',
  'truncated',
  'total',
  'moreRows',
  'notCollected',
  'collectorRuns',
  'duration',
  'reason',
  'skippedSources',
  'source',
  'nothingSkipped',
  'redaction',
  'rule',
  'count',
  'noRedactions',
  'footer',
  'none',
  'noteInManifest',
  'filesInArchive',
] as const satisfies ReadonlyArray<keyof Dict>;
// collect18 (session 20): each language's words formatted when a page in it is first rendered, not
// both at load (~50 messages compiled by intl-messageformat in every collection and command that
// loads this module, half of them for the language it does not write).
const TEXT_BY_LANG = new Map<ArchiveLanguage, Dict>();
const textFor = (lang: ArchiveLanguage): Dict => {
  let dict = TEXT_BY_LANG.get(lang);
  if (!dict) TEXT_BY_LANG.set(lang, (dict = dictionary(lang)));
  return dict;
};

const STATUS_TEXT: Record<ArchiveLanguage, Record<CheckStatus, string>> = {
  'zh-CN': { pass: '通过', warn: '警告', fail: '失败', skipped: '跳过' },
  en: { pass: 'Pass', warn: 'Warning', fail: 'Fail', skipped: 'Skipped' },
};
const STATUS_ICON: Record<CheckStatus, string> = { pass: '✓', warn: '!', fail: '✕', skipped: '–' };
const COLLECTOR_STATUS: Record<ArchiveLanguage, Record<CollectorStatus, string>> = {
  'zh-CN': { ok: '完成', error: '出错', timeout: '超时', skipped: '跳过', cancelled: '已取消' },
  en: { ok: 'done', error: 'error', timeout: 'timed out', skipped: 'skipped', cancelled: 'cancelled' },
};
const COLLECTOR_BADGE: Record<CollectorStatus, CheckStatus> = { ok: 'pass', error: 'fail', timeout: 'fail', skipped: 'skipped', cancelled: 'skipped' };
const PRIORITY: Record<ArchiveLanguage, Record<string, string>> = {
  'zh-CN': { 高: '高', 中: '中', 低: '低', none: '未填写' },
  en: { 高: 'High (高)', 中: 'Medium (中)', 低: 'Low (低)', none: 'not given' },
};
const VERSION_LABEL: Record<ArchiveLanguage, Record<'minimum' | 'recommended' | 'latest', string>> = {
  'zh-CN': { minimum: '最低', recommended: '推荐', latest: '最新' },
  en: { minimum: 'minimum', recommended: 'recommended', latest: 'latest' },
};
const PRIORITY_CLASS: Record<string, string> = { 高: 'high', 中: 'medium', 低: 'low', none: 'none' };

/** A moment in the local time of the computer rendering (the one collected from), with its offset. */
function localMinute(iso: string, lang: ArchiveLanguage): string {
  return formatDateTime(iso, lang);
}

function badge(status: CheckStatus, label: string): SafeHtml {
  return html`<span class="badge ${status}"><span class="icon" aria-hidden="true">${STATUS_ICON[status]}</span>${label}</span>`;
}

/** Width classes (`w-37 { width: 37% }`) for the bars: no inline styles, only what is used. */
class Widths {
  private readonly used = new Set<number>();
  cls(percent: number): string {
    const p = Math.max(0, Math.min(100, Math.round(percent)));
    this.used.add(p);
    return `w-${p}`;
  }
  css(): string {
    return [...this.used].sort((a, b) => a - b).map((p) => `.w-${p}{width:${p}%}`).join('');
  }
}

function bar(widths: Widths, usedPercent: number, level: 'ok' | 'warn' | 'fail'): SafeHtml {
  return html`<span class="bar" aria-hidden="true"><span class="fill ${level} ${widths.cls(usedPercent)}"></span></span>`;
}

function field(label: string, value: HtmlValueLike): SafeHtml | '' {
  if (value === undefined || value === null || value === '') return '';
  return html`<div class="field"><dt>${label}</dt><dd>${value}</dd></div>`;
}
type HtmlValueLike = SafeHtml | string | number | undefined | null;

/** A check's message in the page's language (shared/i18n/check-text.ts). */
function text(m: CheckMessage | readonly CheckMessage[], lang: ArchiveLanguage): string {
  const tr = translator(lang);
  return Array.isArray(m) ? checkClauses(tr, m) : checkText(tr, m as CheckMessage);
}

function realFileSystems(system: SystemSummary | undefined): FileSystemSummary[] {
  const list = (system?.fileSystems ?? []).filter((f) => f.sizeBytes > 0 && !PSEUDO_FS.has(f.type) && !f.mount.startsWith('/snap/') && !/^\/(proc|sys|dev|run)(\/|$)/.test(f.mount));
  const seen = new Set<string>();
  return list
    .filter((f) => {
      const key = `${f.filesystem}|${f.sizeBytes}|${f.usedBytes}`;
      if (seen.has(key) && f.filesystem) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.mount === '/' ? -1 : b.mount === '/' ? 1 : a.mount.localeCompare(b.mount)));
}

function diskLevel(freePercent: number, thresholds: { warnPercent: number; failPercent: number }): 'ok' | 'warn' | 'fail' {
  return freePercent < thresholds.failPercent ? 'fail' : freePercent < thresholds.warnPercent ? 'warn' : 'ok';
}

/** A collector's row on the page: its title with its id after it, for support staff (the id alone when unknown). */
function collectorRowName(id: string, lang: ArchiveLanguage): string {
  if (id === 'session') return translator(lang).t('summary.session');
  const title = collectorTitle(id, lang);
  return title === id ? id : `${title} (${id})`;
}

/**
 * What a disk holds besides its used and free space, when df's figures would not add up without
 * it (shared/figures.ts diskOtherBytes); in the disk-space check's own words.
 */
function diskOtherNote(f: FileSystemSummary, tr: ReturnType<typeof translator>): string | undefined {
  const other = diskOtherBytes(f);
  return other === undefined ? undefined : checkText(tr, cm('disk.other', { size: size(other) }));
}

/** Renders the summary page. Pure: same input, same page. */
export function renderSummaryHtml(input: SummaryInput): string {
  const { manifest, system, network } = input;
  const checks = [...input.checks];
  const lang = input.lang ?? manifest.archiveLanguage;
  const T = textFor(lang);
  const tr = translator(lang);
  const formatBytes = (n: number) => formatSize(n, lang);
  const formatDuration = (seconds: number) => formatSpan(seconds * 1000, lang);
  const widths = new Widths();
  const intake = manifest.intake;
  const given = (v: string | undefined) => (v && v.trim() ? v : undefined);

  // ── Verdict ────────────────────────────────────────────────────────────────────────────────
  const fails = checks.filter((c) => c.status === 'fail');
  const warns = checks.filter((c) => c.status === 'warn');
  const incomplete = manifest.collectors.filter((c) => c.status === 'error' || c.status === 'timeout');
  const verdictLevel = fails.length ? 'fail' : warns.length ? 'warn' : checks.length ? 'pass' : 'none';
  const verdictTitle =
    verdictLevel === 'pass'
      ? T.allPassed
      : verdictLevel === 'none'
        ? T.noChecks
        : tr.t('summary.verdict', { fail: fails.length, warn: warns.length, lookFirst: T.lookFirst });
  const verdict = html`<section class="verdict v-${verdictLevel}" aria-labelledby="verdict-title">
<h2 id="verdict-title">${verdictTitle}</h2>
${fails.length + warns.length > 0
    ? html`<ul class="issues">${[...fails, ...warns].map(
        (c) => html`<li>${badge(c.status, STATUS_TEXT[lang][c.status])} <strong>${text(c.title, lang)}</strong> — ${text(c.detail, lang)}</li>`,
      )}</ul>`
    : ''}
${incomplete.length ? html`<p class="incomplete">${badge('fail', COLLECTOR_STATUS[lang].error)} ${incomplete.length} ${T.incompleteCollectors}: ${incomplete.map((c) => c.id).join(', ')}</p>` : ''}
</section>`;

  // ── Problem (intake) ───────────────────────────────────────────────────────────────────────
  const product = [intake.productName, intake.productModel, intake.productVersion].map(given).filter(Boolean).join(' · ');
  const reporter = [intake.name, intake.contact, intake.department].map(given).filter(Boolean).join(' · ');
  const problem = html`<section class="card" aria-labelledby="problem-title">
<h2 id="problem-title">${T.problem}</h2>
<p class="description${given(intake.problemDescription) ? '' : ' muted'}">${given(intake.problemDescription) ?? T.notGiven}</p>
<dl class="fields">
${field(tr.t('problemType.label'), intake.problemType ? tr.t(`problemType.${intake.problemType}`) : undefined)}
${field(T.occurredAt, given(intake.occurredAt))}
${field(T.product, product || undefined)}
${field(T.steps, given(intake.stepsToReproduce) ? html`<span class="pre">${intake.stepsToReproduce}</span>` : undefined)}
${field(T.tried, given(intake.solutionsTried) ? html`<span class="pre">${intake.solutionsTried}</span>` : undefined)}
${field(T.reporter, reporter || undefined)}
</dl>
</section>`;

  // ── At a glance ────────────────────────────────────────────────────────────────────────────
  const fileSystems = realFileSystems(system);
  const diskCheck = checks.find((c) => c.id === 'disk-space');
  const thresholds = (diskCheck?.data?.thresholds as { warnPercent: number; failPercent: number } | undefined) ?? { warnPercent: 10, failPercent: 2 };
  const root = fileSystems.find((f) => f.mount === '/') ?? fileSystems.find((f) => /^[A-Z]:\\?$/i.test(f.mount)) ?? fileSystems[0];
  const rootOther = root ? diskOtherNote(root, tr) : undefined;
  const ipv4 = (network?.interfaces ?? []).flatMap((i) => i.addresses.filter((a) => a.family === 'IPv4' && !a.address.startsWith('127.')).map((a) => `${a.address}${a.prefixLength !== undefined ? `/${a.prefixLength}` : ''} (${i.name})`));
  const proxyVars = Object.entries(network?.proxy ?? {});
  const mem = system?.memory;
  const memPercentUsed = mem ? ((mem.totalBytes - mem.availableBytes) / mem.totalBytes) * 100 : 0;
  const glance = html`<section class="card" aria-labelledby="glance-title">
<h2 id="glance-title">${T.glance}</h2>
<dl class="fields">
${field(T.host, manifest.host)}
${field(T.os, system?.osName ?? `${manifest.os.platform} ${manifest.os.release}`)}
${field(T.uptime, system?.uptimeSeconds !== undefined ? formatDuration(system.uptimeSeconds) : undefined)}
${field(T.memory, mem ? html`${bar(widths, memPercentUsed, 100 - memPercentUsed < 5 ? 'fail' : 100 - memPercentUsed < 15 ? 'warn' : 'ok')} ${formatBytes(mem.availableBytes)} ${T.available} ${T.of} ${formatBytes(mem.totalBytes)}` : undefined)}
${field(T.systemDisk, root ? html`${bar(widths, diskUsedPercent(root), diskLevel(100 - diskUsedPercent(root), thresholds))} ${root.mount}: ${diskUsedPercent(root)}% ${T.used} · ${formatBytes(root.availableBytes)} ${T.free} ${T.of} ${formatBytes(root.sizeBytes)}${rootOther ? ` · ${rootOther}` : ''}` : undefined)}
${field(T.ip, ipv4.length ? ipv4.slice(0, 4).join(', ') : undefined)}
${field(T.gateway, network ? network.defaultGateways.map((g) => `${g.gateway}${g.interface ? ` (${g.interface})` : ''}`).join(', ') || T.none : undefined)}
${field(T.dns, network ? network.dnsServers.join(', ') || T.none : undefined)}
${field(T.proxy, network ? (proxyVars.length ? proxyVars.map(([k, v]) => `${k}=${v}`).join(', ') : T.directConnection) : undefined)}
${field(T.timeZone, system?.locale?.timeZone ? `${system.locale.timeZone}${system.locale.utcOffset ? ` (${system.locale.utcOffset})` : ''}` : undefined)}
</dl>
</section>`;

  // ── Checklist ──────────────────────────────────────────────────────────────────────────────
  const checklist = checks.length
    ? html`<section class="card" aria-labelledby="checklist-title">
<h2 id="checklist-title">${T.checklist}</h2>
${CHECK_GROUPS.map((g) => {
  const rows = checks.filter((c) => c.group === g.id);
  if (rows.length === 0) return '';
  const counts = (['fail', 'warn', 'pass', 'skipped'] as const).filter((s) => rows.some((r) => r.status === s)).map((s) => `${rows.filter((r) => r.status === s).length} ${STATUS_TEXT[lang][s]}`);
  return html`<h3>${g.number}. ${text(g.title, lang)} <span class="tally">${counts.join(' · ')}</span></h3>
<table class="checks">
<thead><tr><th scope="col" class="c-status">${T.status}</th><th scope="col" class="c-check">${T.check}</th><th scope="col">${T.result}</th><th scope="col" class="c-advice">${T.advice}</th></tr></thead>
<tbody>${rows.map(
    (r) => html`<tr class="row-${r.status}"><td>${badge(r.status, STATUS_TEXT[lang][r.status])}</td><th scope="row">${text(r.title, lang)}</th><td>${text(r.detail, lang)}</td><td>${r.advice.length ? html`<ol class="advice">${r.advice.map((a) => html`<li>${text(a, lang)}</li>`)}</ol>` : ''}</td></tr>`,
  )}</tbody>
</table>`;
})}
</section>`
    : '';

  // ── System ─────────────────────────────────────────────────────────────────────────────────
  const systemSection = system
    ? html`<section class="card" aria-labelledby="system-title">
<h2 id="system-title">${T.system}</h2>
<dl class="fields cols">
${field(T.os, system.osName)}
${field(T.kernel, system.kernel)}
${field(T.arch, system.arch)}
${field(T.hardware, system.hardware)}
${field(T.cpu, system.cpu)}
${field(T.memory, mem ? `${formatBytes(mem.availableBytes)} ${T.available} ${T.of} ${formatBytes(mem.totalBytes)} (${Math.round(100 - memPercentUsed)}%)` : undefined)}
${field(T.swap, mem && mem.swapTotalBytes !== undefined ? (mem.swapTotalBytes > 0 ? `${formatBytes(mem.swapUsedBytes ?? 0)} ${T.used} ${T.of} ${formatBytes(mem.swapTotalBytes)}` : T.none) : undefined)}
${field(T.uptime, system.uptimeSeconds !== undefined ? formatDuration(system.uptimeSeconds) : undefined)}
${field(T.locale, system.locale?.locale)}
${field(T.timeZone, system.locale?.timeZone ? `${system.locale.timeZone}${system.locale.utcOffset ? ` (${system.locale.utcOffset})` : ''}` : undefined)}
</dl>
</section>`
    : '';

  // ── Disks ──────────────────────────────────────────────────────────────────────────────────
  const disks = system
    ? html`<section class="card" aria-labelledby="disks-title">
<h2 id="disks-title">${T.disks}</h2>
${fileSystems.length
    ? html`<table class="disks">
<thead><tr><th scope="col">${T.mount}</th><th scope="col" class="c-bar">${T.usage}</th><th scope="col" class="num">${T.usedColumn}</th><th scope="col" class="num">${T.freeColumn}</th></tr></thead>
<tbody>${fileSystems.slice(0, 16).map((f) => {
        // One disk figure (shared/figures.ts): df's Use%, the same number 系统信息.txt shows.
        const usedPct = diskUsedPercent(f);
        const freePct = 100 - usedPct;
        const level = diskLevel(freePct, thresholds);
        const other = diskOtherNote(f, tr);
        return html`<tr><th scope="row">${f.mount}<span class="sub">${[f.type, f.filesystem].filter(Boolean).join(' · ')}</span></th><td>${bar(widths, usedPct, level)}<span class="pct">${Math.round(usedPct)}%</span></td><td class="num">${formatBytes(f.usedBytes)} ${T.of} ${formatBytes(f.sizeBytes)}${other ? html`<span class="sub">${other}</span>` : ''}</td><td class="num${level === 'ok' ? '' : ` t-${level}`}">${formatBytes(f.availableBytes)} (${Math.round(freePct)}%)</td></tr>`;
      })}</tbody>
</table>`
    : html`<p class="muted">${T.noDisks}</p>`}
</section>`
    : '';

  // ── Network ────────────────────────────────────────────────────────────────────────────────
  let networkSection: SafeHtml | '' = '';
  if (network) {
    const shown = network.interfaces.filter((i) => i.addresses.length > 0 || i.state === 'UP').sort((a, b) => Number(a.name === 'lo') - Number(b.name === 'lo'));
    const hidden = network.interfaces.length - shown.length;
    networkSection = html`<section class="card" aria-labelledby="network-title">
<h2 id="network-title">${T.network}</h2>
${shown.length
    ? html`<table class="ifaces">
<thead><tr><th scope="col">${T.interface}</th><th scope="col">${T.state}</th><th scope="col">${T.addresses}</th><th scope="col">${T.gateway}</th><th scope="col">${T.mac}</th><th scope="col" class="num">${T.mtu}</th></tr></thead>
<tbody>${shown.slice(0, 16).map(
        (i) => html`<tr><th scope="row">${i.name}</th><td>${i.state ?? ''}</td><td>${i.addresses.map((a, n) => html`${n ? html`<br>` : ''}<span class="mono">${a.address}${a.prefixLength !== undefined ? `/${a.prefixLength}` : ''}</span>${a.family === 'IPv4' && a.netmask ? html` <span class="sub-inline">${a.netmask}</span>` : ''}`)}</td><td class="mono">${i.gateways.join(', ')}</td><td class="mono">${i.mac ?? ''}</td><td class="num">${i.mtu ?? ''}</td></tr>`,
      )}</tbody>
</table>`
    : html`<p class="muted">${T.noInterfaces}</p>`}
${hidden > 0 ? html`<p class="muted small">${hidden} ${T.hiddenInterfaces} ${standardName('network', lang)}</p>` : ''}
<dl class="fields cols">
${field(T.gateway, network.defaultGateways.map((g) => `${g.gateway}${g.interface ? ` (${g.interface})` : ''}`).join(', ') || T.none)}
${field(T.dns, network.dnsServers.join(', ') || T.none)}
${field(T.searchDomains, network.searchDomains.join(' ') || undefined)}
${field(T.proxy, proxyVars.length ? proxyVars.map(([k, v]) => `${k}=${v}`).join(', ') : T.directConnection)}
</dl>
</section>`;
  }

  // ── Versions ───────────────────────────────────────────────────────────────────────────────
  const versionRows: SafeHtml[] = [html`<tr><th scope="row">${T.tool}</th><td class="mono">diagcollect ${manifest.tool.version}</td><td></td></tr>`];
  versionRows.push(html`<tr><th scope="row">${T.os}</th><td>${system?.osName ?? `${manifest.os.platform} ${manifest.os.release}`}${system?.kernel ? html` <span class="sub-inline">${T.kernel} ${system.kernel}</span>` : ''}</td><td></td></tr>`);
  if (given(intake.productName) || given(intake.productVersion)) {
    versionRows.push(html`<tr><th scope="row">${[intake.productName, intake.productModel].map(given).filter(Boolean).join(' ') || T.product}</th><td>${given(intake.productVersion) ?? T.notGiven} <span class="sub-inline">(${T.reportedByUser})</span></td><td></td></tr>`);
  }
  for (const c of checks.filter((x) => x.id.startsWith('product-version:'))) {
    const d = c.data ?? {};
    const installed = typeof d.installed === 'string' ? d.installed : typeof d.installedRaw === 'string' ? d.installedRaw : '';
    const extra = (['minimum', 'recommended', 'latest'] as const).filter((k) => typeof d[k] === 'string').map((k) => `${VERSION_LABEL[lang][k]} ${d[k] as string}`).join(', ');
    versionRows.push(html`<tr><th scope="row">${typeof d.product === 'string' ? d.product : text(c.title, lang)}</th><td class="mono">${installed}${extra ? html` <span class="sub-inline">${extra}</span>` : ''}</td><td>${badge(c.status, STATUS_TEXT[lang][c.status])}</td></tr>`);
  }
  const browsersCheck = checks.find((c) => c.id === 'browsers');
  for (const b of (browsersCheck?.data?.browsers as Array<{ name: string; version: string }> | undefined) ?? []) {
    versionRows.push(html`<tr><th scope="row">${T.browser}: ${BROWSER_LABELS[b.name as keyof typeof BROWSER_LABELS] ?? b.name}</th><td class="mono">${b.version}</td><td></td></tr>`);
  }
  const versions = html`<section class="card" aria-labelledby="versions-title">
<h2 id="versions-title">${T.versions}</h2>
<table class="versions"><thead><tr><th scope="col">${T.component}</th><th scope="col">${T.version}</th><th scope="col" class="c-status">${T.status}</th></tr></thead><tbody>${versionRows}</tbody></table>
</section>`;

  // ── Screenshot ─────────────────────────────────────────────────────────────────────────────
  let screenshot: SafeHtml | '' = '';
  const png = input.screenshotPng;
  const shotName = standardName('screenshot', lang);
  if (png && png.length > 8 && png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    screenshot =
      png.length <= MAX_EMBEDDED_SCREENSHOT
        ? html`<section class="card" aria-labelledby="shot-title"><h2 id="shot-title">${T.screenshot}</h2><figure class="shot"><img src="data:image/png;base64,${png.toString('base64')}" alt="${T.screenshotAlt}"><figcaption>${shotName} · ${formatBytes(png.length)}</figcaption></figure></section>`
        : html`<section class="card" aria-labelledby="shot-title"><h2 id="shot-title">${T.screenshot}</h2><p class="muted">${T.screenshotTooBig} ${shotName} (${formatBytes(png.length)}).</p></section>`;
  }

  // ── Collected ──────────────────────────────────────────────────────────────────────────────
  const items = manifest.items;
  const totalBytes = items.reduce((n, i) => n + i.size, 0);
  // The zip's own count (report/figures.ts): the page is rendered before checks.json, itself and
  // manifest.json are added, so those are counted here rather than left out.
  const entriesInArchive = items.length + GENERATED_AFTER_ITEMS + (input.timeline ? TIMELINE_ENTRIES : 0);
  const collected = html`<section class="card" aria-labelledby="collected-title">
<h2 id="collected-title">${T.collected} <span class="tally" data-entries="${entriesInArchive}">${entriesInArchive} ${T.filesInArchive} · ${formatBytes(totalBytes)}</span></h2>
<table class="items">
<thead><tr><th scope="col">${T.entry}</th><th scope="col">${T.collector}</th><th scope="col" class="num">${T.size}</th><th scope="col">${T.note}</th></tr></thead>
<tbody>${items.slice(0, MAX_ITEM_ROWS).map(
    (i) => html`<tr><th scope="row" class="mono">${i.name}</th><td class="mono">${i.collector}</td><td class="num">${formatBytes(i.size)}</td><td>${i.truncated ? html`<span class="tag">${T.truncated}</span> ` : ''}${i.note ? (lang === 'en' ? i.note : T.noteInManifest) : ''}</td></tr>`,
  )}</tbody>
<tfoot><tr><th scope="row">${T.total}</th><td>${items.length > MAX_ITEM_ROWS ? `${items.length - MAX_ITEM_ROWS} ${T.moreRows} ${standardName('manifest', lang)}` : ''}</td><td class="num">${formatBytes(totalBytes)}</td><td></td></tr></tfoot>
</table>
</section>`;

  // ── Not collected ──────────────────────────────────────────────────────────────────────────
  const notOk = manifest.collectors.filter((c) => c.status !== 'ok');
  const skippedSources = manifest.skipped;
  const notCollected = html`<section class="card" aria-labelledby="skipped-title">
<h2 id="skipped-title">${T.notCollected}</h2>
${notOk.length === 0 && skippedSources.length === 0 ? html`<p class="muted">${T.nothingSkipped}</p>` : ''}
${notOk.length
    ? html`<h3>${T.collectorRuns}</h3><table class="runs"><thead><tr><th scope="col">${T.collector}</th><th scope="col" class="c-status">${T.status}</th><th scope="col" class="num">${T.duration}</th><th scope="col">${T.reason}</th></tr></thead><tbody>${notOk.map(
        (c) => html`<tr><th scope="row">${collectorRowName(c.id, lang)}</th><td>${badge(COLLECTOR_BADGE[c.status], COLLECTOR_STATUS[lang][c.status])}</td><td class="num">${formatSpan(c.durationMs, lang)}</td><td>${reasonFor(tr, c.reason, c.error)}</td></tr>`,
      )}</tbody></table>`
    : ''}
${skippedSources.length
    ? html`<h3>${T.skippedSources} <span class="tally">${skippedSources.length}</span></h3><table class="skips"><thead><tr><th scope="col">${T.collector}</th><th scope="col">${T.source}</th><th scope="col">${T.reason}</th></tr></thead><tbody>${skippedSources.slice(0, MAX_SKIP_ROWS).map(
        (s) => html`<tr><td class="mono">${s.collector}</td><th scope="row" class="mono">${s.source}</th><td>${reasonFor(tr, s.code, s.reason)}</td></tr>`,
      )}</tbody>${skippedSources.length > MAX_SKIP_ROWS ? html`<tfoot><tr><td colspan="3">${skippedSources.length - MAX_SKIP_ROWS} ${T.moreRows} ${standardName('manifest', lang)}</td></tr></tfoot>` : ''}</table>`
    : ''}
</section>`;

  // ── Redaction ──────────────────────────────────────────────────────────────────────────────
  let redaction: SafeHtml | '' = '';
  if (input.redactions) {
    const rows = Object.entries(input.redactions).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const total = rows.reduce((n, [, c]) => n + c, 0);
    redaction = html`<section class="card" aria-labelledby="redaction-title">
<h2 id="redaction-title">${T.redaction}${rows.length ? html` <span class="tally">${total}</span>` : ''}</h2>
${rows.length
    ? html`<table class="redactions"><thead><tr><th scope="col">${T.rule}</th><th scope="col" class="num">${T.count}</th></tr></thead><tbody>${rows.map(([rule, n]) => html`<tr><th scope="row" class="mono">${rule}</th><td class="num">${n}</td></tr>`)}</tbody><tfoot><tr><th scope="row">${T.total}</th><td class="num">${total}</td></tr></tfoot></table>`
    : html`<p class="muted">${T.noRedactions}</p>`}
</section>`;
  }

  const priority = intake.priority ?? 'none';
  const title = `${T.pageTitle} · ${T.ticket} ${manifest.ticket} · ${manifest.host}`;
  const body = html`<header class="masthead">
<div class="wrap">
<p class="eyebrow">${T.eyebrow}</p>
<h1>【技术支持】${manifest.ticket}</h1>
<p class="meta"><span>${T.host}: ${manifest.host}</span><span>${T.collectedAt}: ${localMinute(manifest.startedAt, lang)}</span><span>${T.priority}: <span class="prio prio-${PRIORITY_CLASS[priority] ?? 'medium'}">${PRIORITY[lang][priority] ?? priority}</span></span></p>
</div>
</header>
<main class="wrap">
${verdict}
${input.timeline ? renderTimelineSection(input.timeline, lang) : ''}
<div class="grid">
${problem}
${glance}
</div>
${checklist}
${renderSampleSection(input.sample, lang)}
${systemSection}
${disks}
${networkSection}
${versions}
${screenshot}
${collected}
${notCollected}
${redaction}
</main>
<footer class="wrap foot"><p>${T.footer}</p><p>diagcollect ${manifest.tool.version} · ${manifest.ticket} · ${localMinute(manifest.startedAt, lang)} – ${localMinute(manifest.finishedAt, lang)}</p></footer>`;

  return standalonePage({ lang, title, css: (input.timeline ? CHART_CSS : '') + (input.sample ? SAMPLE_CSS : '') + widths.css(), body, imgSrc: 'data:', generator: `diagcollect ${manifest.tool.version}` });
}
