/**
 * 软件版本确认 — the installed version of each product in policy (read the same way as the
 * versions collector: its `versionCommand`, else its package) against `minimumVersion`
 * (older: failure), `recommendedVersion` and the latest version from `versionUrl` (older:
 * update advised). One result per product.
 */
import { standardName } from '../../../shared/naming.js';
import type { Policy } from '../../../shared/policy.js';
import type { LocalizedText } from '../../../shared/types.js';
import type { CollectorContext } from '../collectors/types.js';
import { productVersion } from '../collectors/versions.js';
import { ADVICE, MALFUNCTION_PATH } from './advice.js';
import { t } from './support/format.js';
import { describeProbeError, httpProbe } from './support/http-probe.js';
import { compareVersions, extractVersion, parseVersion } from './support/version.js';
import type { Check, CheckContext, CheckOutcome } from './types.js';

type Product = Policy['products'][number];

/** The versions collector reads versions through a CollectorContext; a check only needs exec. */
function readerContext(ctx: CheckContext): CollectorContext {
  const ignore = () => {};
  return {
    signal: ctx.signal,
    policy: ctx.policy,
    platform: ctx.platform,
    since: ctx.now(),
    lang: 'en',
    name: (key) => standardName(key, 'en'),
    exec: ctx.exec,
    addText: ignore,
    addJson: ignore,
    addBuffer: ignore,
    addFile: async () => false,
    skip: ignore,
    warn: ignore,
  };
}

/** The latest version from a `versionUrl` answering `{ "version": "…" }`. */
async function latestVersion(ctx: CheckContext, url: string): Promise<{ version?: string; problem?: LocalizedText }> {
  const r = await httpProbe(url, { signal: ctx.signal, timeoutMs: ctx.policy.checks.probeTimeoutMs, env: ctx.env, maxBodyBytes: 64 * 1024 });
  if (r.error) return { problem: describeProbeError(r, ctx.policy.checks.probeTimeoutMs) };
  if (r.status !== 200) return { problem: t(`版本地址返回 HTTP ${r.status}`, `the version URL answered HTTP ${r.status}`) };
  try {
    const json = JSON.parse((r.body ?? Buffer.alloc(0)).toString('utf8')) as { version?: unknown };
    if (typeof json.version === 'string' && parseVersion(json.version)) return { version: json.version };
  } catch {
    /* reported below */
  }
  return { problem: t('版本地址的响应不是 {"version": "…"} 格式的 JSON', 'the version URL did not answer JSON like {"version": "…"}') };
}

async function checkProduct(ctx: CheckContext, product: Product): Promise<CheckOutcome> {
  const subject = product.name;
  const title = { 'zh-CN': `软件版本：${product.name}`, en: `Software version: ${product.name}` };
  const [read, latest] = await Promise.all([
    productVersion(readerContext(ctx), product),
    product.versionUrl ? latestVersion(ctx, product.versionUrl) : Promise.resolve(undefined),
  ]);
  const installed = read.version.startsWith('unknown') ? undefined : extractVersion(read.version);
  const targets = { minimum: product.minimumVersion, recommended: product.recommendedVersion, latest: latest?.version };
  const data = { product: product.name, installed: installed?.text ?? null, installedRaw: read.version, source: read.source, ...Object.fromEntries(Object.entries(targets).filter(([, v]) => v)) };
  const latestNote = latest?.problem ? { 'zh-CN': `；无法获取最新版本：${latest.problem['zh-CN']}`, en: `; could not fetch the latest version: ${latest.problem.en}` } : { 'zh-CN': '', en: '' };

  if (!installed) {
    const notInstalled = /not installed|not found/.test(read.version);
    return {
      subject,
      title,
      status: notInstalled ? 'fail' : 'warn',
      detail: notInstalled
        ? t(`未安装（${read.version.replace(/^unknown — /, '')}）`, `not installed (${read.version.replace(/^unknown — /, '')})`)
        : t(`无法读取已安装的版本：${read.version.replace(/^unknown — /, '')}`, `could not read the installed version: ${read.version.replace(/^unknown — /, '')}`),
      advice: notInstalled ? [t('安装该软件（推荐版本）', 'Install the software (the recommended version)')] : MALFUNCTION_PATH,
      data,
    };
  }
  const v = installed.text;
  if (targets.minimum && compareVersions(installed, targets.minimum) === -1) {
    return {
      subject,
      title,
      status: 'fail',
      detail: t(`已安装 ${v}，低于最低支持版本 ${targets.minimum}${latestNote['zh-CN']}`, `installed ${v} is older than the minimum supported ${targets.minimum}${latestNote.en}`),
      advice: [ADVICE.updateSoftware],
      data,
    };
  }
  const newer = [
    ['latest', targets.latest, '最新版本', 'the latest'],
    ['recommended', targets.recommended, '推荐版本', 'the recommended'],
  ].filter((x): x is [string, string, string, string] => typeof x[1] === 'string' && compareVersions(installed, x[1]) === -1);
  if (newer.length > 0) {
    const [, version, zh, en] = newer[0]!;
    return {
      subject,
      title,
      status: 'warn',
      detail: t(`已安装 ${v}，有更新：${zh} ${version}${latestNote['zh-CN']}`, `installed ${v}; an update is available: ${en} ${version}${latestNote.en}`),
      advice: [ADVICE.updateSoftware],
      data,
    };
  }
  const compared = [targets.minimum && `≥ ${targets.minimum}`, targets.recommended && `≥ ${targets.recommended}`, targets.latest && `latest ${targets.latest}`].filter(Boolean);
  if (compared.length === 0) {
    if (latest?.problem) return { subject, title, status: 'warn', detail: t(`已安装 ${v}${latestNote['zh-CN']}`, `installed ${v}${latestNote.en}`), advice: [t('检查网络连接后再试', 'Check the network connection and try again')], data };
    return { subject, title, status: 'skipped', detail: t(`已安装 ${v}；策略中没有推荐或最低版本可比较`, `installed ${v}; policy names no recommended or minimum version to compare with`), data };
  }
  return {
    subject,
    title,
    status: 'pass',
    detail: t(`已安装 ${v}（${targets.latest ? `最新 ${targets.latest}` : targets.recommended ? `推荐 ${targets.recommended}` : `最低 ${targets.minimum}`}）${latestNote['zh-CN']}`, `installed ${v} (${compared.join(', ')})${latestNote.en}`),
    data,
  };
}

export const productVersionCheck: Check = {
  id: 'product-version',
  group: 'version',
  title: { 'zh-CN': '软件版本', en: 'Software version' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 12_000,
  async run(ctx): Promise<CheckOutcome | CheckOutcome[]> {
    if (ctx.policy.products.length === 0) {
      return { status: 'skipped', detail: t('策略中未配置产品（products）', 'no products configured in policy (products)') };
    }
    return Promise.all(ctx.policy.products.map((p) => checkProduct(ctx, p)));
  },
};
