/**
 * 路由追踪 (connection problems: "check the network configuration"): the path to each server
 * the product needs — the endpoints of the basic checklist (policy checks.endpoints) and the
 * upload server — hop by hop. Bounded: at most 20 hops, one probe per hop with a 2 s wait, five
 * hosts at once, each trace cut after 25 s. Linux and macOS use `traceroute` (else Linux's
 * `tracepath`, which needs no privileges), plus `mtr --report` where it is installed;
 * Windows uses `tracert`.
 */
import type { Policy } from '../../../shared/policy.js';
import type { Platform } from '../../../shared/types.js';
import { CommandNotFoundError } from '../platform/exec.js';
import { forProblemTypes } from './support/gates.js';
import { describePlan } from './support/plan.js';
import { runSection, formatSections, type Section, type SectionCommand } from './support/sections.js';
import { documentTitle, formatTable, tr } from './support/text.js';
import type { Collector, CollectorContext, PlannedCommand } from './types.js';
import { TOOL_VERSION } from '../version.js';

const MAX_HOSTS = 5;
const MAX_HOPS = '20';
const TRACE_TIMEOUT_MS = 25_000;

/** Host names of the checklist's endpoints and of the configured upload servers, unique, at most five. */
export function pathTargets(policy: Policy): string[] {
  const urls = [...policy.checks.endpoints.map((e) => e.url), ...Object.values(policy.upload).flatMap((v) => (v && typeof v === 'object' && 'url' in v && typeof v.url === 'string' ? [v.url] : []))];
  const hosts = urls.flatMap((u) => (URL.canParse(u) ? [new URL(u).hostname.replace(/^\[|\]$/g, '')] : []));
  return [...new Set(hosts)].slice(0, MAX_HOSTS);
}

/** The trace commands for one host, in order of preference (the first that exists runs; mtr besides). */
export function traceCommands(platform: Platform, host: string): { trace: SectionCommand[]; mtr?: SectionCommand } {
  if (platform === 'win32') return { trace: [{ title: host, command: 'tracert', args: ['-d', '-h', MAX_HOPS, '-w', '2000', host], windows: true, timeoutMs: TRACE_TIMEOUT_MS }] };
  const traceroute: SectionCommand = { title: host, command: 'traceroute', args: ['-n', '-q', '1', '-w', '2', '-m', MAX_HOPS, host], timeoutMs: TRACE_TIMEOUT_MS };
  if (platform === 'darwin') return { trace: [traceroute] };
  return {
    trace: [traceroute, { title: host, command: 'tracepath', args: ['-n', '-m', MAX_HOPS, host], timeoutMs: TRACE_TIMEOUT_MS }],
    mtr: { title: `${host} (mtr)`, command: 'mtr', args: ['--report', '--report-cycles', '3', '--no-dns', host], timeoutMs: TRACE_TIMEOUT_MS },
  };
}

export function networkPathPlan(platform: Platform, policy: Policy): PlannedCommand[] {
  const hosts = pathTargets(policy);
  return (hosts.length ? hosts : ['<endpoint host>']).flatMap((h) => {
    const { trace, mtr } = traceCommands(platform, h);
    return [...trace, ...(mtr ? [mtr] : [])].map((c, i) => ({ command: c.command, args: c.args, purpose: c.command === 'mtr' ? 'loss and latency per hop (3 cycles), where mtr is installed' : i === 0 ? 'the path to the server, hop by hop (at most 20 hops)' : 'the path without privileges, when traceroute is missing' }));
  });
}

export interface Hop {
  hop: number;
  address?: string;
  /** Round-trip times in ms; a lost probe is not listed. */
  rttMs: number[];
}

/**
 * Hops of `traceroute -n`, `tracepath -n` or `tracert -d` (English or Chinese: "<1 ms" / "<1 毫秒",
 * "Request timed out." / "请求超时。"): one row per numbered line.
 */
export function parseHops(text: string): Hop[] {
  const hops = new Map<number, Hop>();
  for (const line of text.split(/\r*\n/)) {
    const m = /^\s*(\d{1,2})[:?]?\s+(.*)$/.exec(line);
    if (!m) continue;
    const n = Number(m[1]);
    const rest = m[2]!;
    const address = /\b(\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:]+)\b/i.exec(rest.replace(/\d+(?:\.\d+)?\s*(?:ms|毫秒)/g, ''))?.[1];
    const rtts = [...rest.matchAll(/<?(\d+(?:\.\d+)?)\s*(?:ms|毫秒)/g)].map((r) => Number(r[1]));
    const hop = hops.get(n) ?? { hop: n, rttMs: [] };
    hop.address ??= address;
    hop.rttMs.push(...rtts);
    hops.set(n, hop);
  }
  return [...hops.values()].sort((a, b) => a.hop - b.hop);
}

/** Whether a tool can be started (only "not found" counts as missing; a refusal of -V does not). */
async function exists(ctx: CollectorContext, command: string): Promise<boolean> {
  return ctx.exec(command, ['-V'], { timeoutMs: 3_000, maxBytes: 4096 }).then(
    () => true,
    (err: unknown) => !(err instanceof CommandNotFoundError),
  );
}

async function traceHost(ctx: CollectorContext, host: string, have: ReadonlySet<string>): Promise<Section[]> {
  const { trace, mtr } = traceCommands(ctx.platform, host);
  // The first trace tool this computer has (Windows: tracert, always there), and mtr besides.
  const chosen = trace.find((c) => have.has(c.command)) ?? (ctx.platform === 'win32' ? trace[0] : undefined);
  const runs = [chosen ? { ...chosen, okCodes: [1] } : undefined, mtr && have.has(mtr.command) ? mtr : undefined].filter((c): c is SectionCommand => c !== undefined);
  const done = await Promise.all(runs.map((c) => runSection(ctx, c)));
  return done.filter((s): s is Section => s !== undefined);
}

export const networkPathCollector: Collector = {
  id: 'network-path',
  category: 'network',
  title: { 'zh-CN': '路由追踪', en: 'Network path' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 40_000,
  sensitive: false,
  slow: true,
  gate: forProblemTypes('connection'),

  describe(platform: Platform, policy: Policy): string[] {
    const hosts = pathTargets(policy);
    return [...describePlan(platform, networkPathPlan(platform, policy)), hosts.length ? `hosts: ${hosts.join(', ')} (checks.endpoints and the upload server)` : 'hosts: the servers in policy checks.endpoints and the upload server (none configured)'];
  },

  plan: (platform, policy) => networkPathPlan(platform, policy),

  async run(ctx) {
    const L = (zh: string, en: string) => tr(ctx.lang, zh, en);
    const hosts = pathTargets(ctx.policy);
    if (hosts.length === 0) {
      ctx.skip('checks.endpoints', { code: 'not-configured', policyKey: 'checks.endpoints' });
      return;
    }
    const tools = ctx.platform === 'win32' ? [] : [...new Set([...traceCommands(ctx.platform, '').trace.map((c) => c.command), ...(traceCommands(ctx.platform, '').mtr ? ['mtr'] : [])])];
    const found = await Promise.all(tools.map((t) => exists(ctx, t)));
    const have = new Set(tools.filter((_, i) => found[i]));
    if (ctx.platform !== 'win32' && have.size === 0) {
      ctx.skip(tools.join(', '), { code: 'command-missing', command: tools.join(' / ') });
      return;
    }
    const sections = (await Promise.all(hosts.map((h) => traceHost(ctx, h, have)))).flat();
    if (sections.length === 0) return;
    const rows = sections.map((s) => {
      const hops = parseHops(s.text);
      const last = [...hops].reverse().find((h) => h.address);
      const lost = hops.filter((h) => h.rttMs.length === 0).length;
      return [s.title, String(hops.length), last?.address ?? '', String(lost), last && last.rttMs.length ? `${Math.min(...last.rttMs)} ms` : ''];
    });
    const table = formatTable([L('目标', 'Target'), L('跃点', 'Hops'), L('最后应答', 'Last answer'), L('无应答跃点', 'Silent hops'), L('最后延迟', 'Last RTT')], rows, { right: [1, 3] });
    ctx.addText(ctx.name('networkPath'), `${documentTitle(L('路由追踪', 'Network path'), TOOL_VERSION)}${table}\n${formatSections(sections)}`, sections.map((s) => s.source).join(', '));
  },
};
