/**
 * 与全公司对比 — this desktop against the fleet baseline (policy `baseline.file`/`baseline.url`,
 * signed; electron/engine/baseline). A DNS server, proxy, gateway network, OS version or time
 * zone is only suspicious next to what the company's other desktops have: "DNS 10.1.1.9 is used
 * by 2% of desktops; 97% use 10.0.0.53". The agent sees every such finding (detail, checks.json);
 * the user is told in plain words only when there is something to do about it (network
 * settings): those findings warn with advice, the others pass with the numbers in the detail.
 */
import { readFile } from 'node:fs/promises';
import type { BaselineDocument, FleetFinding } from '../../../shared/baseline.js';
import { cm, msg, problem, type CheckMessage } from '../../../shared/check-messages.js';
import { fleetFindings } from '../baseline/findings.js';
import { networkOf, proxyFact, type DesktopFacts } from '../baseline/fleet-facts.js';
import { parseResolvConf } from '../collectors/network.js';
import { detectOs } from './os-version.js';
import type { Check, CheckContext, CheckOutcome } from './types.js';
import { dns } from '../platform/lazy-builtins.js';

/** Findings a user can act on (with IT's help); the rest are for the agent only. */
const ACTIONABLE = new Set(['dns', 'proxy', 'gatewayPrefix']);

/** DNS servers, proxy, gateway network, OS version and time zone of this computer, now. */
export async function liveFleetFacts(ctx: CheckContext): Promise<DesktopFacts> {
  const facts: DesktopFacts = new Map();
  if (ctx.platform === 'linux') {
    const path = ctx.policy.networkFiles?.resolvConf ?? '/etc/resolv.conf';
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text !== undefined) facts.set('dns', parseResolvConf(text).nameservers);
    const routes = await ctx.exec('ip', ['-j', 'route', 'show', 'default'], { timeoutMs: 3000 }).catch(() => undefined);
    if (routes?.code === 0) {
      try {
        const gateways = (JSON.parse(routes.stdout.toString('utf8')) as Array<{ gateway?: string }>).flatMap((r) => (r.gateway ? [networkOf(r.gateway)] : [])).filter((g): g is string => Boolean(g));
        if (gateways.length) facts.set('gatewayPrefix', [...new Set(gateways)]);
      } catch {
        // unexpected output: the gateway is left out of the comparison
      }
    }
  } else {
    facts.set('dns', dns().getServers());
  }
  facts.set('proxy', [proxyFact(ctx.env)]);
  const os = await detectOs(ctx);
  facts.set('os', [`${os.id}${os.version ? ` ${os.version}` : ''}`]);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone) facts.set('timeZone', [zone]);
  return facts;
}

const NAMED = { browser: 'fleet.fact.browser', product: 'fleet.fact.product', check: 'fleet.fact.check' } as const;
const PLAIN = { dns: 'fleet.fact.dns', proxy: 'fleet.fact.proxy', gatewayPrefix: 'fleet.fact.gatewayPrefix', os: 'fleet.fact.os', kernel: 'fleet.fact.kernel', timeZone: 'fleet.fact.timeZone' } as const;

/** "DNS 服务器" / "Browser chromium" for a fact id. */
export function factName(fact: string): CheckMessage {
  const [kind = '', name = ''] = fact.split(/:(.*)/s);
  if (kind in NAMED) return cm(NAMED[kind as keyof typeof NAMED], { name });
  if (kind in PLAIN) return cm(PLAIN[kind as keyof typeof PLAIN]);
  return cm('plain', { text: fact });
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

function valueText(fact: string, value: string): CheckMessage {
  return fact === 'proxy' && value === 'none' ? cm('fleet.noProxy') : cm('plain', { text: value });
}

/** The agent's sentence: "DNS 服务器 10.1.1.9 仅 2% 的电脑使用；97% 使用 10.0.0.53". */
export function findingText(f: FleetFinding, k: number): CheckMessage {
  const fact = msg(factName(f.fact));
  const value = msg(valueText(f.fact, f.value));
  const majority = msg(valueText(f.fact, f.majority.value));
  return f.rare
    ? cm('fleet.unusualRare', { fact, value, k, majorityShare: percent(f.majority.share), majority })
    : cm('fleet.unusual', { fact, value, share: percent(f.share), majorityShare: percent(f.majority.share), majority });
}

export const fleetCheck: Check = {
  id: 'fleet',
  group: 'environment',
  title: cm('title.fleet'),
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 12_000,
  async run(ctx): Promise<CheckOutcome | CheckOutcome[]> {
    // Without a baseline in policy (the default) there is nothing to load: the loader's module
    // (its zod schema) is not even imported — it cost a collection tens of ms of main thread.
    if (!ctx.policy.baseline?.file && !ctx.policy.baseline?.url) return { status: 'skipped', detail: cm('fleet.notConfigured') };
    // Loaded here, not at the top: the loader's zod schema would slow every command's start-up.
    const { BaselineError, loadPolicyBaseline } = await import('../baseline/load.js');
    let baseline;
    try {
      baseline = await loadPolicyBaseline(ctx.policy, { signal: ctx.signal, env: ctx.env });
    } catch (err) {
      if (!(err instanceof BaselineError)) throw err;
      return { status: 'skipped', detail: cm('fleet.baselineProblem', { problem: problem(err.problem, err.message) }) };
    }
    if (!baseline) return { status: 'skipped', detail: cm('fleet.notConfigured') };
    return fleetOutcome(baseline, await liveFleetFacts(ctx), ctx.policy.baseline?.outlierPercent ?? 5);
  },
};

/**
 * A desktop's facts against the baseline: a pass with the fleet's size when nothing is unusual,
 * else one result per unusual value (warn with advice when the user can act on it). One truth for
 * the live check on this computer and for `diagcollect baseline check` over a received archive.
 */
export function fleetOutcome(baseline: BaselineDocument, facts: DesktopFacts, outlierPercent: number): CheckOutcome | CheckOutcome[] {
  const findings = fleetFindings(baseline, facts, outlierPercent);
  const data = { desktops: baseline.desktops, createdAt: baseline.createdAt, findings };
  if (findings.length === 0) return { status: 'pass', detail: cm('fleet.usual', { archives: baseline.desktops }), data };
  return findings.map((f) => {
    const actionable = ACTIONABLE.has(f.fact);
    return {
      subject: f.fact,
      status: actionable ? 'warn' : 'pass',
      detail: findingText(f, baseline.k),
      ...(actionable ? { advice: [cm('advice.fleetNetwork', { fact: msg(factName(f.fact)) })] } : {}),
      data: { ...f, desktops: baseline.desktops },
    };
  });
}

/**
 * The fleet check over facts read from an archive a support team received (not this computer's):
 * the checks runner turns its outcome into results exactly as for the live check.
 */
export function fleetCheckOver(baseline: BaselineDocument, facts: DesktopFacts): Check {
  return { ...fleetCheck, run: async (ctx) => fleetOutcome(baseline, facts, ctx.policy.baseline?.outlierPercent ?? 5) };
}
