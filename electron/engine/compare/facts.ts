/**
 * The facts of one archive that a comparison looks at, read through {@link ArchiveReader}: only
 * manifest.json, checks.json, the collectors' JSON entries (system, network) and the few text
 * entries that have no JSON twin (versions, installed software, hosts, routes, logs). Lenient
 * like the summary page: an entry that is missing or unreadable leaves its facts out, and the
 * comparison says what it could not compare.
 */
import type { CheckMessage } from '../../../shared/check-messages.js';
import { checkClauses } from '../../../shared/i18n/check-text.js';
import { translator } from '../../../shared/i18n/translate.js';
import { STANDARD_NAMES, type ArchiveLanguage, type StandardNameKey } from '../../../shared/naming.js';
import type { CheckStatus, LocalizedText } from '../../../shared/types.js';
import { networkSummaryFromJson, systemSummaryFromJson, type FileSystemSummary } from '../report/summary-data.js';
import type { ArchiveReader } from './archive-reader.js';
import { errorMessages } from './log-messages.js';

export interface CheckFact {
  status: CheckStatus;
  title: LocalizedText;
  detail: LocalizedText;
  data?: Record<string, unknown>;
  /** The check did not finish in time (its status says fail): not known, so never news on its own. */
  timedOut?: true;
}

export interface NetworkFacts {
  /** `192.0.2.2/24 (eth0)`; loopback left out. */
  addresses: string[];
  gateways: string[];
  dns: string[];
  dnsSearch: string[];
  proxy: Record<string, string>;
}

export interface ArchiveFacts {
  name: string;
  lang: ArchiveLanguage;
  ticket?: string;
  host?: string;
  startedAt?: string;
  toolVersion?: string;
  /** Collectors that ran (status ok or error), from the manifest. */
  collectors?: string[];
  checks?: Map<string, CheckFact>;
  versions?: Map<string, string>;
  network?: NetworkFacts;
  routes?: string[];
  hosts?: string[];
  software?: Map<string, string>;
  fileSystems?: FileSystemSummary[];
  memory?: { totalBytes: number; availableBytes: number };
  uptimeSeconds?: number;
  /** Error messages per log entry (see log-messages.ts). */
  errors?: Map<string, Map<string, number>>;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The entry's name in whichever language the archive was written in. */
export function entryName(archive: ArchiveReader, key: StandardNameKey): string | undefined {
  const names = STANDARD_NAMES[key];
  return [names['zh-CN'], names.en].find((n) => archive.entries.has(n));
}

const isMessage = (v: unknown): v is CheckMessage => typeof obj(v)?.code === 'string';

/**
 * A check's title or detail in both languages. checks.json keeps codes (one message, or a list of
 * clauses) and renders them here through the one catalogue; an archive from a newer engine whose
 * codes this one does not know falls back to the English it kept; an archive from before the codes
 * has the two texts already.
 */
function checkTexts(value: unknown, english: string | undefined): LocalizedText {
  const old = obj(value);
  if (old && typeof old['zh-CN'] === 'string') return { 'zh-CN': str(old['zh-CN']) ?? '', en: str(old.en) ?? '' };
  const messages = Array.isArray(value) ? value.filter(isMessage) : isMessage(value) ? [value] : [];
  const zh = translator('zh-CN');
  if (messages.length === 0 || !messages.every((m) => zh.has(`check.${m.code}`))) return { 'zh-CN': english ?? '', en: english ?? '' };
  return { 'zh-CN': checkClauses(zh, messages), en: checkClauses(translator('en'), messages) };
}

/** Per check id (`dns:10.0.0.53` included): status, title, detail, data. */
export function checksFromJson(value: unknown): Map<string, CheckFact> | undefined {
  const results = obj(value)?.results;
  if (!Array.isArray(results)) return undefined;
  const out = new Map<string, CheckFact>();
  for (const r of results.map(obj)) {
    const id = str(r?.id);
    const status = str(r?.status) as CheckStatus | undefined;
    if (!r || !id || !status) continue;
    const en = obj(r.en);
    const data = obj(r.data);
    out.set(id, {
      status,
      title: checkTexts(r.title, str(en?.title)),
      detail: checkTexts(r.detail, str(en?.detail)),
      ...(data ? { data } : {}),
      ...(data?.timedOut === true ? { timedOut: true as const } : {}),
    });
  }
  return out;
}

/** `key: value` lines of a text report (版本信息.txt): label → value; titles and stamps left out. */
export function fieldsFromText(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^(\S[^:：]{0,60}?)[:：]\s+(\S.*)$/.exec(line.trimEnd());
    if (m && !m[1]!.startsWith('diagcollect ')) out.set(m[1]!.trim(), m[2]!.trim());
  }
  return out;
}

/** Blocks under an underlined heading (`ip route show` / `-------`): heading → lines up to a blank line. */
export function sectionsFromText(text: string): Map<string, string[]> {
  const lines = text.split('\n');
  const out = new Map<string, string[]>();
  for (let i = 1; i < lines.length; i++) {
    if (!/^-{3,}\s*$/.test(lines[i]!) || !lines[i - 1]!.trim()) continue;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length && lines[j]!.trim(); j++) body.push(lines[j]!.trimEnd());
    out.set(lines[i - 1]!.trim(), body);
  }
  return out;
}

/** Routes from 路由表.txt: every route line of every command (the title block is not a route). */
export function routesFromText(text: string): string[] {
  return [...sectionsFromText(text).values()].flat().map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** hosts lines without comments, whitespace normalised. */
export function hostsFromText(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/**
 * 已安装软件.txt: each package manager's table (a header row, a dashed row, then rows whose
 * columns are two or more spaces apart) → package name → version.
 */
export function softwareFromText(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) {
    if (!/^-+(?: {2}-+)+\s*$/.test(lines[i]!)) continue;
    for (let j = i + 1; j < lines.length && lines[j]!.trim(); j++) {
      const [name, version, arch] = lines[j]!.trim().split(/\s{2,}/);
      if (!name || !version) continue;
      const key = out.has(name) && arch ? `${name} (${arch})` : name;
      out.set(key, version);
    }
  }
  return out;
}

function networkFacts(value: unknown): NetworkFacts | undefined {
  const n = networkSummaryFromJson(value);
  if (!n) return undefined;
  return {
    addresses: n.interfaces.flatMap((i) => i.addresses.filter((a) => !/^(127\.|::1$)/.test(a.address)).map((a) => `${a.address}${a.prefixLength !== undefined ? `/${a.prefixLength}` : ''} (${i.name})`)),
    gateways: n.defaultGateways.map((g) => `${g.gateway}${g.interface ? ` (${g.interface})` : ''}`),
    dns: n.dnsServers,
    dnsSearch: n.searchDomains,
    proxy: n.proxy,
  };
}

/** Log entries (system and software logs) by the manifest's collector ids. */
const LOG_COLLECTORS = new Set(['system-logs', 'app-logs']);

export interface FactsOptions {
  /** Leave out the log scan (baseline build reads only structured facts). */
  logs?: boolean;
}

/** Reads the facts of one archive. */
export async function readFacts(archive: ArchiveReader, name: string, options: FactsOptions = {}): Promise<ArchiveFacts> {
  const manifest = obj(await archive.readJson(STANDARD_NAMES.manifest.en));
  const lang: ArchiveLanguage = manifest?.archiveLanguage === 'en' ? 'en' : archive.entries.has(STANDARD_NAMES.systemJson['zh-CN']) || archive.entries.has(STANDARD_NAMES.intake['zh-CN']) ? 'zh-CN' : 'en';
  const text = async (key: StandardNameKey): Promise<string | undefined> => {
    const n = entryName(archive, key);
    return n ? (await archive.read(n))?.toString('utf8') : undefined;
  };
  const json = async (key: StandardNameKey): Promise<unknown> => {
    const n = entryName(archive, key);
    return n ? archive.readJson(n) : undefined;
  };
  const host = str(manifest?.host);
  const [checks, system, network, versions, software, hosts, routes] = await Promise.all([
    json('checks').then(checksFromJson),
    json('systemJson').then((v) => systemSummaryFromJson(v, lang)),
    json('networkJson').then(networkFacts),
    text('versions').then((t) => (t === undefined ? undefined : fieldsFromText(t))),
    text('software').then((t) => (t === undefined ? undefined : softwareFromText(t))),
    text('hosts').then((t) => (t === undefined ? undefined : hostsFromText(t))),
    text('routes').then((t) => (t === undefined ? undefined : routesFromText(t))),
  ]);

  let errors: Map<string, Map<string, number>> | undefined;
  const items = Array.isArray(manifest?.items) ? manifest.items.map(obj) : [];
  const logs = items.filter((i) => i && LOG_COLLECTORS.has(str(i.collector) ?? '') && i.kind === 'text').map((i) => str(i!.name)!);
  if (options.logs !== false && logs.length > 0) {
    errors = new Map();
    for (const entry of logs) if (archive.entries.has(entry)) errors.set(entry, await errorMessages(archive.lines(entry), host));
  }

  const tool = obj(manifest?.tool);
  const ran = Array.isArray(manifest?.collectors) ? manifest.collectors.map(obj).filter((c) => c && (c.status === 'ok' || c.status === 'error')).map((c) => str(c!.id) ?? '') : undefined;
  return {
    name,
    lang,
    ...(str(manifest?.ticket) ? { ticket: str(manifest!.ticket)! } : {}),
    ...(host ? { host } : {}),
    ...(str(manifest?.startedAt) ? { startedAt: str(manifest!.startedAt)! } : {}),
    ...(str(tool?.version) ? { toolVersion: str(tool!.version)! } : {}),
    ...(ran ? { collectors: ran } : {}),
    ...(checks ? { checks } : {}),
    ...(versions ? { versions } : {}),
    ...(network ? { network } : {}),
    ...(routes ? { routes } : {}),
    ...(hosts ? { hosts } : {}),
    ...(software ? { software } : {}),
    ...(system ? { fileSystems: system.fileSystems } : {}),
    ...(system?.memory ? { memory: { totalBytes: system.memory.totalBytes, availableBytes: system.memory.availableBytes } } : {}),
    ...(system?.uptimeSeconds !== undefined ? { uptimeSeconds: system.uptimeSeconds } : {}),
    ...(errors ? { errors } : {}),
  };
}
