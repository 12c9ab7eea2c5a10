/**
 * 防火墙 (connection problems, the guide's "check the firewall"): the firewall's state and
 * rules. Linux: the nftables ruleset, the iptables rules (IPv4 and IPv6), ufw and firewalld when
 * they manage it, and the kernel's list of iptables tables in use (/proc, readable without
 * root). Windows: every Defender Firewall profile in full (state, inbound/outbound policy,
 * logging). macOS: the Application Firewall's global, block-all and stealth settings.
 */
import { readFile } from 'node:fs/promises';
import type { Platform } from '../../../shared/types.js';
import { forProblemTypes } from './support/gates.js';
import { describePlan } from './support/plan.js';
import { formatSections, runSections, type Section, type SectionCommand } from './support/sections.js';
import { documentTitle, formatTable, tr } from './support/text.js';
import { parseFirewallState } from './system.win32.js';
import type { Collector, PlannedCommand } from './types.js';
import { TOOL_VERSION } from '../version.js';

export const SOCKETFILTERFW = '/usr/libexec/ApplicationFirewall/socketfilterfw';

const LINUX: SectionCommand[] = [
  { title: 'nftables', command: 'nft', args: ['list', 'ruleset'] },
  { title: 'iptables (IPv4)', command: 'iptables', args: ['-S'] },
  { title: 'iptables (IPv6)', command: 'ip6tables', args: ['-S'] },
  { title: 'ufw', command: 'ufw', args: ['status', 'verbose'] },
  { title: 'firewalld', command: 'firewall-cmd', args: ['--list-all'] },
];
const WINDOWS: SectionCommand[] = [{ title: 'Windows Defender Firewall', command: 'netsh', args: ['advfirewall', 'show', 'allprofiles'], windows: true }];
const DARWIN: SectionCommand[] = [
  { title: 'Application Firewall', command: SOCKETFILTERFW, args: ['--getglobalstate'] },
  { title: 'Block all incoming', command: SOCKETFILTERFW, args: ['--getblockall'] },
  { title: 'Stealth mode', command: SOCKETFILTERFW, args: ['--getstealthmode'] },
  { title: 'Allow signed software', command: SOCKETFILTERFW, args: ['--getallowsigned'] },
];

const PURPOSES: Record<string, string> = {
  nft: 'the nftables ruleset (needs root)',
  iptables: 'the IPv4 iptables rules (needs root)',
  ip6tables: 'the IPv6 iptables rules (needs root)',
  ufw: 'ufw: active or not, default policies, rules',
  'firewall-cmd': 'firewalld: the active zone\'s services, ports and rules',
  netsh: 'every Defender Firewall profile: state, inbound/outbound policy, logging',
  [SOCKETFILTERFW]: 'the Application Firewall setting',
};

function sectionsFor(platform: Platform): SectionCommand[] {
  return platform === 'win32' ? WINDOWS : platform === 'darwin' ? DARWIN : LINUX;
}

export function firewallPlan(platform: Platform): PlannedCommand[] {
  return sectionsFor(platform).map((s) => ({ command: s.command, args: s.args, purpose: `${PURPOSES[s.command] ?? s.title}${s.args[0]?.startsWith('--get') ? ` (${s.args[0]})` : ''}` }));
}

/** `socketfilterfw --getglobalstate`: "Firewall is enabled. (State = 1)" / "… disabled. (State = 0)"; 2 = essential services only. */
export function parseGlobalState(text: string): 'on' | 'off' | 'block-all' | 'unknown' {
  const m = /State = (\d)/.exec(text);
  if (m) return m[1] === '0' ? 'off' : m[1] === '2' ? 'block-all' : 'on';
  return /enabled/i.test(text) ? 'on' : /disabled/i.test(text) ? 'off' : 'unknown';
}

/**
 * `netsh advfirewall show allprofiles` per profile, English or Chinese: the state and the
 * "Firewall Policy" / "防火墙策略" line (e.g. BlockInbound,AllowOutbound / 阻止入站,允许出站).
 */
export function parseFirewallProfiles(text: string): Array<{ profile: string; state: string; policy?: string }> {
  const states = parseFirewallState(text);
  const policies = [...text.matchAll(/^(?:Firewall Policy|防火墙策略)\s+(\S.*?)\s*$/gm)].map((m) => m[1]!);
  return states.map((s, i) => ({ profile: s.profile, state: s.state, ...(policies[i] ? { policy: policies[i] } : {}) }));
}

function summary(platform: Platform, sections: readonly Section[], lang: 'zh-CN' | 'en'): string {
  const L = (zh: string, en: string) => tr(lang, zh, en);
  if (platform === 'win32') {
    const rows = sections.flatMap((s) => parseFirewallProfiles(s.text)).map((p) => [p.profile, p.state, p.policy ?? '']);
    return rows.length ? `${formatTable([L('配置文件', 'Profile'), L('状态', 'State'), L('策略', 'Policy')], rows)}\n` : '';
  }
  if (platform === 'darwin') {
    const global = sections.find((s) => s.source.endsWith('--getglobalstate'));
    return global ? `${L('应用程序防火墙', 'Application Firewall')}: ${parseGlobalState(global.text)}\n\n` : '';
  }
  return '';
}

export const firewallCollector: Collector = {
  id: 'firewall',
  category: 'network',
  title: { 'zh-CN': '防火墙', en: 'Firewall' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 20_000,
  sensitive: false,
  gate: forProblemTypes('connection'),

  describe(platform: Platform): string[] {
    const plan = describePlan(platform, firewallPlan(platform));
    return platform === 'linux' ? [...plan, '/proc/net/ip_tables_names and ip6_tables_names (the tables in use; no root needed)'] : plan;
  },

  plan: (platform) => firewallPlan(platform),

  async run(ctx) {
    const L = (zh: string, en: string) => tr(ctx.lang, zh, en);
    const sections = await runSections(ctx, sectionsFor(ctx.platform));
    if (ctx.platform === 'linux') {
      for (const file of ['/proc/net/ip_tables_names', '/proc/net/ip6_tables_names']) {
        const text = await readFile(file, 'utf8').catch(() => undefined);
        if (text !== undefined) sections.push({ title: L('内核中使用的表', 'Tables in use (kernel)'), source: file, text: text.trim() || L('（无：没有加载 iptables 规则）', '(none: no iptables rules are loaded)') });
      }
    }
    if (sections.length === 0) return;
    const text = `${documentTitle(L('防火墙', 'Firewall'), TOOL_VERSION)}${summary(ctx.platform, sections, ctx.lang)}${formatSections(sections)}`;
    ctx.addText(ctx.name('firewall'), text, sections.map((s) => s.source).join(', '));
  },
};
