/**
 * 软件版本确认 — the installed version of each product in policy (read the same way as the
 * versions collector: its `versionCommand`, else its package) against `minimumVersion`
 * (older: failure), `recommendedVersion` and the latest version from `versionUrl` (older:
 * update advised). One result per product.
 */
import { standardName } from '../../../shared/naming.js';
import type { Policy } from '../../../shared/policy.js';
import { cm, list, msg, type CheckMessage } from '../../../shared/check-messages.js';
import type { CollectorContext } from '../collectors/types.js';
import { productVersion } from '../collectors/versions.js';
import { ADVICE, MALFUNCTION_PATH } from './advice.js';
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
async function latestVersion(ctx: CheckContext, url: string): Promise<{ version?: string; problem?: CheckMessage }> {
  const r = await httpProbe(url, { signal: ctx.signal, timeoutMs: ctx.policy.checks.probeTimeoutMs, env: ctx.env, maxBodyBytes: 64 * 1024 });
  if (r.error) return { problem: describeProbeError(r, ctx.policy.checks.probeTimeoutMs) };
  if (r.status !== 200) return { problem: cm('product.versionHttp', { status: r.status ?? 0 }) };
  try {
    const json = JSON.parse((r.body ?? Buffer.alloc(0)).toString('utf8')) as { version?: unknown };
    if (typeof json.version === 'string' && parseVersion(json.version)) return { version: json.version };
  } catch {
    /* reported below */
  }
  return { problem: cm('product.versionJson') };
}

async function checkProduct(ctx: CheckContext, product: Product): Promise<CheckOutcome> {
  const subject = product.name;
  const title = cm('title.product', { name: product.name });
  const [read, latest] = await Promise.all([
    productVersion(readerContext(ctx), product),
    product.versionUrl ? latestVersion(ctx, product.versionUrl) : Promise.resolve(undefined),
  ]);
  const installed = read.version.startsWith('unknown') ? undefined : extractVersion(read.version);
  const targets = { minimum: product.minimumVersion, recommended: product.recommendedVersion, latest: latest?.version };
  const data = { product: product.name, installed: installed?.text ?? null, installedRaw: read.version, source: read.source, ...Object.fromEntries(Object.entries(targets).filter(([, v]) => v)) };
  // A failed look-up of the latest version is said after the verdict.
  const latestNote = latest?.problem ? [cm('product.latestProblem', { why: msg(latest.problem) })] : [];
  const why = read.version.replace(/^unknown — /, '');

  if (!installed) {
    const notInstalled = /not installed|not found/.test(read.version);
    return {
      subject,
      title,
      status: notInstalled ? 'fail' : 'warn',
      detail: cm(notInstalled ? 'product.notInstalled' : 'product.unreadable', { why }),
      advice: notInstalled ? [ADVICE.installProduct] : MALFUNCTION_PATH,
      data,
    };
  }
  const v = installed.text;
  if (targets.minimum && compareVersions(installed, targets.minimum) === -1) {
    return { subject, title, status: 'fail', detail: [cm('product.older', { installed: v, minimum: targets.minimum }), ...latestNote], advice: [ADVICE.updateSoftware], data };
  }
  const newer = (['latest', 'recommended'] as const).map((k) => [k, targets[k]] as const).filter((x): x is readonly ['latest' | 'recommended', string] => typeof x[1] === 'string' && compareVersions(installed, x[1]) === -1);
  if (newer.length > 0) {
    const [kind, version] = newer[0]!;
    return { subject, title, status: 'warn', detail: [cm(`product.update.${kind}`, { installed: v, version }), ...latestNote], advice: [ADVICE.updateSoftware], data };
  }
  const compared = (['minimum', 'recommended', 'latest'] as const).flatMap((k) => (targets[k] ? [cm(`product.target.${k}`, { version: targets[k] })] : []));
  if (compared.length === 0) {
    if (latest?.problem) return { subject, title, status: 'warn', detail: [cm('product.installed', { installed: v }), ...latestNote], advice: [ADVICE.retryNetwork], data };
    return { subject, title, status: 'skipped', detail: cm('product.noTargets', { installed: v }), data };
  }
  return { subject, title, status: 'pass', detail: [cm('product.ok', { installed: v, compared: list(compared, 'comma') }), ...latestNote], data };
}

export const productVersionCheck: Check = {
  id: 'product-version',
  group: 'version',
  title: cm('title.product-version'),
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 12_000,
  async run(ctx): Promise<CheckOutcome | CheckOutcome[]> {
    if (ctx.policy.products.length === 0) {
      return { status: 'skipped', detail: cm('product.notConfigured') };
    }
    return Promise.all(ctx.policy.products.map((p) => checkProduct(ctx, p)));
  },
};
