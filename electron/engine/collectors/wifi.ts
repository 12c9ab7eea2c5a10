/**
 * 无线网络 (connection problems): the Wi-Fi link where there is one — network, signal, rate,
 * channel. Linux: `iw dev` (wireless interfaces), `iw dev <if> link` for each, NetworkManager's
 * view (`nmcli`), and /proc/net/wireless (link quality, no tools needed). Windows:
 * `netsh wlan show interfaces`. macOS: `system_profiler -json SPAirPortDataType` (the `airport`
 * tool is gone since macOS 14.4 and `wdutil` needs root). No wireless interface is a skip saying
 * so, not an empty entry.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Platform } from '../../../shared/types.js';
import { forProblemTypes } from './support/gates.js';
import { describePlan } from './support/plan.js';
import { formatSections, runSection, runSections, type Section, type SectionCommand } from './support/sections.js';
import { documentTitle, formatFields, tr } from './support/text.js';
import type { Collector, CollectorContext, PlannedCommand } from './types.js';
import { TOOL_VERSION } from '../version.js';


const WINDOWS: SectionCommand = {
  title: 'netsh wlan',
  command: 'netsh',
  args: ['wlan', 'show', 'interfaces'],
  windows: true,
  // "There is no wireless interface on the system." / "系统上没有无线接口。"; Windows 11 24H2 asks for location access first.
  nothing: (t) => (/no wireless interface|没有无线接口/i.test(t) ? { code: 'no-wifi' } : /location permission|位置权限/i.test(t) ? { code: 'needs-location' } : undefined),
};
const DARWIN: SectionCommand = { title: 'system_profiler SPAirPortDataType', command: 'system_profiler', args: ['-json', 'SPAirPortDataType'], timeoutMs: 20_000 };
const IW_DEV: SectionCommand = { title: 'iw dev', command: 'iw', args: ['dev'] };
const NMCLI: SectionCommand = { title: 'nmcli', command: 'nmcli', args: ['-t', '-f', 'ACTIVE,SSID,BSSID,SIGNAL,RATE,CHAN,FREQ,SECURITY', 'device', 'wifi', 'list', '--rescan', 'no'] };

export function wifiPlan(platform: Platform): PlannedCommand[] {
  if (platform === 'win32') return [{ command: WINDOWS.command, args: WINDOWS.args, purpose: 'each Wi-Fi interface: state, SSID, signal, radio type, channel, rates' }];
  if (platform === 'darwin') return [{ command: DARWIN.command, args: DARWIN.args, purpose: 'the Wi-Fi interface and its current network: PHY mode, channel, signal/noise, rate' }];
  return [
    { command: IW_DEV.command, args: IW_DEV.args, purpose: 'the wireless interfaces' },
    { command: 'iw', args: ['dev', '<interface>', 'link'], purpose: 'the link of each: SSID, signal (dBm), bit rates' },
    { command: NMCLI.command, args: NMCLI.args, purpose: 'the networks NetworkManager sees, the active one marked (no new scan)' },
  ];
}

/** Interface names in `iw dev` ("\tInterface wlp2s0"). */
export function parseIwInterfaces(text: string): string[] {
  return [...text.matchAll(/^\s*Interface\s+(\S+)/gm)].map((m) => m[1]!);
}

/** `netsh wlan show interfaces`, English or Chinese: the fields of each interface. */
export function parseWlanInterfaces(text: string): Array<Record<string, string>> {
  const KEYS: Array<[RegExp, string]> = [
    [/^(Name|名称)$/, 'name'],
    [/^(State|状态)$/, 'state'],
    [/^SSID$/, 'ssid'],
    [/^BSSID$/, 'bssid'],
    [/^(Radio type|无线电类型)$/, 'radio'],
    [/^(Channel|信道)$/, 'channel'],
    [/^(Receive rate \(Mbps\)|接收速率\s*\(Mbps\))$/, 'receiveMbps'],
    [/^(Transmit rate \(Mbps\)|传输速率\s*\(Mbps\))$/, 'transmitMbps'],
    [/^(Signal|信号)$/, 'signal'],
    [/^(Authentication|身份验证)$/, 'authentication'],
  ];
  const out: Array<Record<string, string>> = [];
  for (const line of text.split(/\r*\n/)) {
    const m = /^\s{4}(\S[^:：]*?)\s*[:：]\s?(.*)$/.exec(line);
    if (!m) continue;
    const key = KEYS.find(([re]) => re.test(m[1]!.trim()))?.[1];
    if (!key) continue;
    if (key === 'name') out.push({});
    const current = out.at(-1);
    if (current) current[key] = m[2]!.trim();
  }
  return out;
}

/** The current network of `system_profiler -json SPAirPortDataType`, per interface. */
export function parseAirport(json: string): Array<Record<string, string>> {
  const data = JSON.parse(json) as { SPAirPortDataType?: Array<{ spairport_airport_interfaces?: Array<Record<string, unknown>> }> };
  return (data.SPAirPortDataType ?? []).flatMap((d) => d.spairport_airport_interfaces ?? []).map((i) => {
    const current = (i.spairport_current_network_information ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
    return { name: str(i._name), state: str(i.spairport_status_information), ssid: str(current._name), radio: str(current.spairport_network_phymode), channel: str(current.spairport_network_channel), signal: str(current.spairport_signal_noise), transmitMbps: str(current.spairport_network_rate) };
  });
}

/** Wireless interfaces as the kernel lists them: /sys/class/net/<if>/wireless (cfg80211 and wext drivers). */
export async function sysWirelessInterfaces(root = '/sys/class/net'): Promise<string[]> {
  const names = await readdir(root).catch(() => [] as string[]);
  const found = await Promise.all(names.map(async (n) => ((await stat(join(root, n, 'wireless')).catch(() => undefined)) ? n : undefined)));
  return found.filter((n): n is string => n !== undefined);
}

async function linuxSections(ctx: CollectorContext): Promise<Section[]> {
  const kernel = await sysWirelessInterfaces();
  if (kernel.length === 0) {
    // The kernel knows no wireless interface: iw and nmcli could only repeat that.
    ctx.skip('/sys/class/net/*/wireless', { code: 'no-wifi' });
    return [];
  }
  const sections: Section[] = [];
  const wireless = await readFile('/proc/net/wireless', 'utf8').catch(() => undefined);
  if (wireless) sections.push({ title: 'Link quality (kernel)', source: '/proc/net/wireless', text: wireless });
  const dev = await runSection(ctx, IW_DEV);
  const interfaces = dev ? parseIwInterfaces(dev.text) : kernel;
  if (dev) sections.push(dev);
  sections.push(...(await runSections(ctx, [...interfaces.map((i) => ({ title: `iw ${i} link`, command: 'iw', args: ['dev', i, 'link'] })), NMCLI])));
  return sections;
}

export const wifiCollector: Collector = {
  id: 'wifi',
  category: 'network',
  title: { 'zh-CN': '无线网络', en: 'Wi-Fi' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 25_000,
  sensitive: false,
  gate: forProblemTypes('connection'),

  describe(platform: Platform): string[] {
    const plan = describePlan(platform, wifiPlan(platform));
    return platform === 'linux' ? ['/sys/class/net/*/wireless (which interfaces are wireless)', ...plan, '/proc/net/wireless (link quality, no tools needed)'] : plan;
  },

  plan: (platform) => wifiPlan(platform),

  async run(ctx) {
    const L = (zh: string, en: string) => tr(ctx.lang, zh, en);
    const sections = ctx.platform === 'linux' ? await linuxSections(ctx) : (await runSections(ctx, [ctx.platform === 'win32' ? WINDOWS : DARWIN]));
    if (sections.length === 0) return;
    let facts: Array<Record<string, string>> = [];
    try {
      facts = ctx.platform === 'win32' ? parseWlanInterfaces(sections[0]!.text) : ctx.platform === 'darwin' ? parseAirport(sections[0]!.text) : [];
    } catch (err) {
      ctx.warn(`${sections[0]!.source}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (ctx.platform === 'darwin' && facts.length === 0) {
      ctx.skip(sections[0]!.source, { code: 'no-wifi' });
      return;
    }
    const label: Record<string, string> = { name: L('接口', 'Interface'), state: L('状态', 'State'), ssid: 'SSID', bssid: 'BSSID', radio: L('无线电类型', 'Radio type'), channel: L('信道', 'Channel'), signal: L('信号', 'Signal'), receiveMbps: L('接收速率 (Mbps)', 'Receive rate (Mbps)'), transmitMbps: L('传输速率 (Mbps)', 'Transmit rate (Mbps)'), authentication: L('身份验证', 'Authentication') };
    const summary = facts.map((f) => formatFields(Object.entries(f).filter(([, v]) => v).map(([k, v]) => [label[k] ?? k, v]))).join('\n');
    ctx.addText(ctx.name('wifi'), `${documentTitle(L('无线网络', 'Wi-Fi'), TOOL_VERSION)}${summary ? `${summary}\n` : ''}${formatSections(sections)}`, sections.map((s) => s.source).join(', '));
  },
};
