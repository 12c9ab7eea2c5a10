/**
 * The comparison in words, in one language: the verdict line, and sections of rows (item,
 * before, after, what changed). The terminal text, 对比报告.html and the ticket note all render
 * this, so they say the same thing.
 */
import type { CheckChange, CompareReport, CompareVerdict, NetworkField } from '../../../shared/compare.js';
import { formatDateTime, formatSize } from '../../../shared/i18n/format.js';
import type { MessageKey } from '../../../shared/i18n/messages.js';
import { translator, type Locale } from '../../../shared/i18n/translate.js';
import type { CheckStatus } from '../../../shared/types.js';

export type RowLevel = 'pass' | 'warn' | 'fail' | 'skipped';

export interface PresentedRow {
  item: string;
  before?: string;
  after?: string;
  /** Word for the change: 好转, 新增, 更新 … */
  change: string;
  level: RowLevel;
}

export interface PresentedSection {
  id: 'checks' | 'versions' | 'network' | 'software' | 'resources' | 'errors';
  title: string;
  rows: PresentedRow[];
  /** Lines after the rows (how many more were not listed). */
  notes: string[];
}

export interface PresentedCompare {
  heading: string;
  verdict: string;
  /** fail: something got worse; warn: still failing; pass: better or unchanged and all fine. */
  verdictLevel: 'pass' | 'warn' | 'fail';
  sections: PresentedSection[];
  /** Restarted in between, areas not compared, different tickets. */
  remarks: string[];
}

/** The verdict's parts ("3 项由警告变为通过 …"), or "nothing changed". */
export function verdictText(verdict: CompareVerdict, lang: Locale): string {
  const tr = translator(lang);
  const parts: Array<[MessageKey, number]> = [
    ['compare.verdict.warnToPass', verdict.warnToPass],
    ['compare.verdict.failToPass', verdict.failToPass],
    ['compare.verdict.failToWarn', verdict.failToWarn],
    ['compare.verdict.regressed', verdict.regressed],
    ['compare.verdict.other', verdict.otherChanges],
  ];
  const said = parts.filter(([, n]) => n > 0).map(([key, count]) => tr.t(key, { count }));
  if (said.length === 0) said.push(tr.t('compare.verdict.nothing'));
  if (verdict.stillFailing > 0) said.push(tr.t('compare.verdict.stillFailing', { count: verdict.stillFailing }));
  return tr.list(said);
}

/** The note posted on the ticket: 【技术支持】12345 效果验证: 3 项由警告变为通过 … */
export function ticketNote(report: CompareReport, ticket: string, lang: Locale): string {
  return translator(lang).t('compare.note', { ticket, verdict: verdictText(report.verdict, lang) });
}

const STATUS_KEY: Record<CheckStatus, MessageKey> = { pass: 'cli.check.badge.pass', warn: 'cli.check.badge.warn', fail: 'cli.check.badge.fail', skipped: 'cli.check.badge.skipped' };
const NET_FIELDS: NetworkField[] = ['addresses', 'gateways', 'dns', 'dnsSearch', 'routes', 'hosts'];

export function presentCompare(report: CompareReport, lang: Locale): PresentedCompare {
  const tr = translator(lang);
  const status = (s: CheckStatus | undefined) => (s ? tr.t(STATUS_KEY[s]) : tr.t('compare.absent'));
  const sideName = (s: CompareReport['before']) => (s.collectedAt ? formatDateTime(s.collectedAt, lang) : s.name);

  const checkRow = (c: CheckChange): PresentedRow => ({
    item: c.title[lang] + (c.id.includes(':') ? ` (${c.id.slice(c.id.indexOf(':') + 1)})` : ''),
    before: status(c.before),
    after: status(c.after),
    change: tr.t(`compare.kind.${c.kind}`),
    level: c.kind === 'improved' ? 'pass' : c.kind === 'regressed' ? 'fail' : c.after === 'pass' || c.after === 'skipped' || c.after === undefined ? 'skipped' : c.after,
  });
  const added = tr.t('compare.added');
  const removed = tr.t('compare.removed');
  const updated = tr.t('compare.updated');

  const network: PresentedRow[] = [];
  for (const field of NET_FIELDS) {
    const label = tr.t(`compare.net.${field}`);
    for (const v of report.network[field].added) network.push({ item: label, after: v, change: added, level: 'warn' });
    for (const v of report.network[field].removed) network.push({ item: label, before: v, change: removed, level: 'warn' });
  }
  for (const p of report.network.proxy) network.push({ item: `${tr.t('compare.net.proxy')} ${p.key}`, before: p.before, after: p.after, change: p.before === undefined ? added : p.after === undefined ? removed : updated, level: 'warn' });

  const resources: PresentedRow[] = report.disks.map((d) => ({
    item: d.mount,
    before: formatSize(d.beforeAvailableBytes, lang),
    after: formatSize(d.afterAvailableBytes, lang),
    change: tr.t('compare.disk', { mount: d.mount, before: formatSize(d.beforeAvailableBytes, lang), after: formatSize(d.afterAvailableBytes, lang), size: formatSize(d.sizeBytes, lang) }),
    level: d.afterAvailableBytes < d.beforeAvailableBytes ? 'warn' : 'pass',
  }));
  if (report.memory) {
    const m = report.memory;
    resources.push({
      item: tr.t('compare.section.memory'),
      before: `${formatSize(m.beforeAvailableBytes, lang)} / ${formatSize(m.beforeTotalBytes, lang)}`,
      after: `${formatSize(m.afterAvailableBytes, lang)} / ${formatSize(m.afterTotalBytes, lang)}`,
      change: tr.t('compare.memory', { beforeTotal: formatSize(m.beforeTotalBytes, lang), afterTotal: formatSize(m.afterTotalBytes, lang), beforeAvailable: formatSize(m.beforeAvailableBytes, lang), afterAvailable: formatSize(m.afterAvailableBytes, lang) }),
      level: 'warn',
    });
  }

  const errorRows: PresentedRow[] = [];
  const errorNotes: string[] = [];
  for (const e of report.errors) {
    errorNotes.push(tr.t('compare.errors.source', { source: e.source, count: e.addedTotal, gone: e.goneTotal }));
    for (const m of e.added) errorRows.push({ item: e.source, after: m.message, change: tr.t('compare.errors.count', { count: m.count }), level: 'fail' });
    if (e.addedTotal > e.added.length) errorNotes.push(tr.t('compare.errors.more', { count: e.addedTotal - e.added.length }));
  }

  const sections: PresentedSection[] = [
    { id: 'checks', title: tr.t('compare.section.checks'), rows: report.checks.map(checkRow), notes: [] },
    { id: 'versions', title: tr.t('compare.section.versions'), rows: report.versions.map((v) => ({ item: v.key, before: v.before, after: v.after, change: v.before === undefined ? added : v.after === undefined ? removed : updated, level: 'warn' })), notes: [] },
    { id: 'network', title: tr.t('compare.section.network'), rows: network, notes: [] },
    {
      id: 'software',
      title: tr.t('compare.section.software'),
      rows: [
        ...report.software.added.map((p) => ({ item: p.name, after: p.version, change: added, level: 'warn' as const })),
        ...report.software.removed.map((p) => ({ item: p.name, before: p.version, change: removed, level: 'warn' as const })),
        ...report.software.updated.map((p) => ({ item: p.name, before: p.before, after: p.after, change: updated, level: 'warn' as const })),
      ],
      notes: [],
    },
    { id: 'resources', title: tr.t('compare.section.resources'), rows: resources, notes: [] },
    { id: 'errors', title: tr.t('compare.section.errors'), rows: errorRows, notes: errorNotes },
  ];

  const remarks: string[] = [];
  if (report.restarted) remarks.push(tr.t('compare.restarted'));
  if (report.before.ticket && report.after.ticket && report.before.ticket !== report.after.ticket) remarks.push(tr.t('compare.differentTickets', { before: report.before.ticket, after: report.after.ticket }));
  if (report.notCompared.length) remarks.push(tr.t('compare.notCompared', { areas: tr.list(report.notCompared.map((a) => areaName(a, lang))) }));

  const v = report.verdict;
  return {
    heading: tr.t('compare.heading', { ticket: report.after.ticket ?? report.before.ticket ?? '?', before: sideName(report.before), after: report.after.name === 'live' ? tr.t('compare.live') : sideName(report.after) }),
    verdict: verdictText(v, lang),
    verdictLevel: v.regressed > 0 ? 'fail' : v.stillFailing > 0 ? 'warn' : 'pass',
    sections,
    remarks,
  };
}

const AREA_KEY: Record<string, MessageKey> = {
  checks: 'compare.section.checks',
  versions: 'compare.section.versions',
  network: 'compare.section.network',
  routes: 'compare.net.routes',
  hosts: 'compare.net.hosts',
  software: 'compare.section.software',
  disks: 'compare.section.disks',
  memory: 'compare.section.memory',
  logs: 'compare.section.logs',
};

function areaName(area: string, lang: Locale): string {
  const key = AREA_KEY[area];
  return key ? translator(lang).t(key) : area;
}
