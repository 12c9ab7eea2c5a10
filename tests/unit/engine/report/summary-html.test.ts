import { readFileSync } from 'node:fs';
import os from 'node:os';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from '../../../../electron/engine/report/html.js';
import { networkSummaryFromJson, summaryDataFromEntries, systemSummaryFromJson } from '../../../../electron/engine/report/summary-data.js';
import { reportEntries } from '../../../../electron/engine/report/report-entries.js';
import { renderSummaryHtml, type SummaryInput } from '../../../../electron/engine/report/summary-html.js';
import { at, cm, dur, msg, size } from '../../../../shared/check-messages.js';
import { parseDf } from '../../../../electron/engine/collectors/system.js';
import { checkText } from '../../../../shared/i18n/check-text.js';
import { translator } from '../../../../shared/i18n/translate.js';
import { checkResult } from '../../../helpers/check-result.js';
import { ChecksDocumentSchema, IntakeSchema, type CheckResult, type Manifest } from '../../../../shared/types.js';

const SYSTEM_JSON = {
  os: { platform: 'linux', distro: 'Debian GNU/Linux', release: '12', codename: 'bookworm', kernel: '6.1.0-25-amd64', arch: 'x64' },
  hostname: 'pc-01',
  uptimeSeconds: 3 * 86_400 + 7200,
  hardware: { manufacturer: 'LENOVO', model: 'ThinkPad T14', virtual: false },
  cpu: { manufacturer: 'Intel', brand: 'Core i5-1145G7', cores: 8 },
  memory: { total: 16 * 1024 ** 3, available: 2 * 1024 ** 3, swaptotal: 2 * 1024 ** 3, swapused: 1024 ** 3 },
  fileSystems: [
    { filesystem: '/dev/nvme0n1p2', type: 'ext4', sizeBytes: 500e9, usedBytes: 495e9, availableBytes: 5e9, usePercent: 99, mount: '/' },
    { filesystem: 'tmpfs', type: 'tmpfs', sizeBytes: 8e9, usedBytes: 0, availableBytes: 8e9, usePercent: 0, mount: '/run' },
    { filesystem: '/dev/nvme0n1p3', type: 'ext4', sizeBytes: 400e9, usedBytes: 100e9, availableBytes: 300e9, usePercent: 25, mount: '/home' },
  ],
  locale: { locale: 'zh-CN', timeZone: 'Asia/Shanghai', utcOffset: 'UTC+08:00' },
};

const NETWORK_JSON = {
  interfaces: [
    { name: 'lo', mac: '00:00:00:00:00:00', mtu: 65536, state: 'UP', addresses: [{ family: 'IPv4', address: '127.0.0.1', prefixLength: 8, netmask: '255.0.0.0' }], gateways: [] },
    { name: 'wlp2s0', mac: 'a4:5e:60:00:00:01', mtu: 1500, state: 'UP', addresses: [{ family: 'IPv4', address: '192.168.1.23', prefixLength: 24, netmask: '255.255.255.0' }], gateways: ['192.168.1.1'] },
    { name: 'docker0', mac: '02:42:00:00:00:01', mtu: 1500, state: 'DOWN', addresses: [], gateways: [] },
  ],
  defaultGateways: [{ interface: 'wlp2s0', gateway: '192.168.1.1' }],
  dns: { nameservers: ['192.168.1.1'], search: ['corp.example'], source: '/etc/resolv.conf' },
  proxy: { environment: { HTTPS_PROXY: 'http://proxy.corp.example:3128' }, gnome: null },
};

function manifest(over: Partial<Manifest> = {}): Manifest {
  return {
    format: 'diagcollect-manifest/1',
    tool: { name: 'diagcollect', version: '0.1.0' },
    ticket: '12345',
    archiveLanguage: 'zh-CN',
    host: 'pc-01',
    os: { platform: 'linux', release: '6.1.0-25-amd64', arch: 'x64' },
    startedAt: '2026-11-24T01:30:00.000Z',
    finishedAt: '2026-11-24T01:30:04.000Z',
    since: '2026-11-23T01:30:00.000Z',
    intake: IntakeSchema.parse({ name: '张伟', contact: 'zhang.wei@example.com', productName: 'XX财务软件', productVersion: '2.3.1', problemDescription: '报表打不开，提示 E1023。', occurredAt: '2026-11-24 09:12', priority: '高' }),
    collectors: [
      { id: 'system', status: 'ok', durationMs: 120, items: 2, bytes: 5000, warnings: [] },
      { id: 'system-logs', status: 'timeout', durationMs: 30000, items: 0, bytes: 0, error: 'did not finish within its 30 s timeout; stopped', warnings: [] },
      { id: 'screenshot', status: 'skipped', durationMs: 0, items: 0, bytes: 0, error: "sensitive: taken only with the user's consent", warnings: [] },
    ],
    items: [
      { name: '工单信息.txt', collector: 'session', source: 'intake', kind: 'text', size: 734, sha256: 'a'.repeat(64), truncated: false },
      { name: '系统信息.txt', collector: 'system', source: 'systeminformation', kind: 'text', size: 1600, sha256: 'b'.repeat(64), truncated: false },
      { name: '软件日志/app.log', collector: 'app-logs', source: '/var/log/app/app.log', kind: 'text', size: 20 * 1024 * 1024, sha256: 'c'.repeat(64), truncated: true, note: 'kept the newest 20 MiB' },
    ],
    skipped: [{ collector: 'network', source: 'resolvectl dns', reason: 'resolvectl is not installed' }],
    ...over,
  };
}

const CHECKS: CheckResult[] = [
  checkResult({ id: 'gateway', group: 'network', title: cm('title.gateway'), status: 'pass', detail: cm('gateway.ping', { gateway: '192.168.1.1' }), advice: [], durationMs: 12 }),
  checkResult({ id: 'endpoints:portal', group: 'network', title: cm('title.endpoint', { name: 'portal' }), status: 'fail', detail: cm('probe.refused'), advice: [cm('advice.checkNetworkConfig'), cm('advice.restartRouter')], durationMs: 3 }),
  checkResult({ id: 'product-version:XX', group: 'version', title: cm('title.product', { name: 'XX' }), status: 'warn', detail: cm('product.update.latest', { installed: '2.3.1', version: '2.4.1' }), advice: [cm('advice.updateSoftware')], durationMs: 40, data: { product: 'XX财务软件', installed: '2.3.1', latest: '2.4.1' } }),
  checkResult({ id: 'disk-space', group: 'environment', title: cm('title.disk-space'), status: 'fail', detail: cm('disk.volume', { path: '/', role: msg(cm('disk.role.system')), free: size(5 * 1024 ** 3), total: size(100 * 1024 ** 3), percent: 5 }), advice: [cm('advice.freeDiskSpace')], durationMs: 2, data: { thresholds: { warnPercent: 10, failPercent: 2 } } }),
  checkResult({ id: 'uptime', group: 'restart', title: cm('title.uptime'), status: 'pass', detail: cm('uptime.ok', { up: dur(3 * 86_400_000), since: at('2026-11-21T09:30:00Z') }), advice: [], durationMs: 1 }),
];

function input(over: Partial<SummaryInput> = {}): SummaryInput {
  return {
    manifest: manifest(),
    checks: CHECKS,
    system: systemSummaryFromJson(SYSTEM_JSON),
    network: networkSummaryFromJson(NETWORK_JSON),
    redactions: { email: 2, 'ipv4-public': 0, password: 1 },
    ...over,
  };
}

async function validate(page: string) {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  const report = await validator.validateString(page);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId} @${m.line}:${m.column} ${m.message}`));
}

describe('html template', () => {
  it('escapes every interpolated value, joins arrays, drops empty values; only its own output passes through', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"onmouseover="x'}">${inner}${['<', '>']}${undefined}${null}${false}${0}</p>`.value).toBe('<p title="&quot;onmouseover=&quot;x"><b>&lt;i&gt;</b>&lt;&gt;0</p>');
  });
});

describe('summary data from the collectors\' JSON', () => {
  it('reads the system and network JSON leniently', () => {
    const s = systemSummaryFromJson(SYSTEM_JSON)!;
    expect(s).toMatchObject({ osName: 'Debian GNU/Linux 12 (bookworm)', kernel: '6.1.0-25-amd64', hardware: 'LENOVO ThinkPad T14', cpu: 'Intel Core i5-1145G7 · 8 cores', memory: { totalBytes: 16 * 1024 ** 3, availableBytes: 2 * 1024 ** 3, swapUsedBytes: 1024 ** 3 } });
    expect(s.fileSystems.map((f) => f.mount)).toEqual(['/', '/run', '/home']);
    const n = networkSummaryFromJson(NETWORK_JSON)!;
    expect(n).toMatchObject({ dnsServers: ['192.168.1.1'], searchDomains: ['corp.example'], proxy: { HTTPS_PROXY: 'http://proxy.corp.example:3128' }, defaultGateways: [{ gateway: '192.168.1.1', interface: 'wlp2s0' }] });
    expect(systemSummaryFromJson({ os: 42, fileSystems: [{ mount: 3 }], memory: 'x' })).toEqual({ fileSystems: [] });
    expect(systemSummaryFromJson('nope')).toBeUndefined();
    expect(networkSummaryFromJson({ interfaces: [{ name: 'e', addresses: [{ address: 1 }] }] })).toMatchObject({ interfaces: [{ name: 'e', addresses: [] }] });
  });

  it('picks the entries by their standard names in the archive language', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const data = summaryDataFromEntries(
      [
        { name: 'system-info.json', data: Buffer.from(JSON.stringify(SYSTEM_JSON)) },
        { name: 'network.json', data: Buffer.from('{not json') },
        { name: 'screenshot.png', data: png },
        { name: '系统信息.json', data: Buffer.from('{}') },
      ],
      'en',
    );
    expect(data.system?.osName).toBe('Debian GNU/Linux 12 (bookworm)');
    expect(data.network).toBeUndefined();
    expect(data.screenshotPng).toBe(png);
  });
});

describe('summary page', () => {
  it('is valid HTML (html-validate, recommended rules) in both languages', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const page = renderSummaryHtml(input({ lang, manifest: manifest({ archiveLanguage: lang }) }));
      expect(await validate(page), lang).toEqual([]);
    }
  });

  it('puts the verdict and the problem first, then the checklist, then the machine and the archive', () => {
    const page = renderSummaryHtml(input());
    const order = ['id="verdict-title"', 'id="problem-title"', 'id="glance-title"', 'id="checklist-title"', 'id="system-title"', 'id="disks-title"', 'id="network-title"', 'id="versions-title"', 'id="collected-title"', 'id="skipped-title"', 'id="redaction-title"'];
    const positions = order.map((o) => page.indexOf(o));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<title>诊断摘要 · 工单 12345 · pc-01</title>');
    expect(page).toContain('发现 2 项失败、1 项警告 — 请先看这里');
    expect(page).toContain('<h1>【技术支持】12345</h1>');
    // checklist groups in the guide's order, with advice as an ordered list
    expect(page.indexOf('1. 网络连接测试')).toBeLessThan(page.indexOf('2. 软件版本确认'));
    expect(page.indexOf('3. 系统环境检查')).toBeLessThan(page.indexOf('4. 重启验证'));
    expect(page).toContain('<ol class="advice"><li>检查网络配置：网线或 Wi-Fi 是否连接，IP 地址、网关和 DNS 是否正确</li><li>重启路由器（或调制解调器），等待一分钟后再试</li></ol>');
  });

  it('shows disks as CSS bars (a full disk in red), interfaces with addresses, versions, what was collected, skipped and redacted', () => {
    const page = renderSummaryHtml(input({ lang: 'en', manifest: manifest({ archiveLanguage: 'en' }) }));
    expect(page).toMatch(/<span class="fill fail w-99"><\/span>/);
    expect(page).toMatch(/\.w-99\{width:99%\}/);
    expect(page).toContain('/home');
    expect(page).not.toContain('>/run<'); // tmpfs is not a disk
    expect(page).toContain('192.168.1.23/24');
    expect(page).not.toMatch(/<th scope="row">docker0/); // no address, down: counted, not listed
    expect(page).toContain('1 interface(s) without addresses not listed; see network.txt');
    expect(page).toContain('2.3.1 <span class="sub-inline">latest 2.4.1</span>');
    expect(page).toContain('软件日志/app.log');
    expect(page).toContain('<span class="tag">truncated</span> kept the newest 20 MiB');
    expect(page).toContain('did not finish within its 30 s timeout; stopped');
    expect(page).toContain('1 collector(s) incomplete');
    expect(page).toContain('resolvectl is not installed');
    expect(page).toMatch(/<th scope="row" class="mono">email<\/th><td class="num">2<\/td>/);
    expect(page).not.toContain('ipv4-public'); // zero counts are not listed
  });

  it('says what a disk holds besides its used and free space when df\'s figures would not add up (real df output, tests/fixtures/df)', () => {
    const withDf = (name: string, withType: boolean) => systemSummaryFromJson({ ...SYSTEM_JSON, fileSystems: parseDf(readFileSync(new URL(`../../../fixtures/df/${name}`, import.meta.url), 'utf8'), withType) });
    // This machine: "30 % used · 72 GB free of 252 GB" leaves 151 GB unexplained; the page says where it is.
    const zh = renderSummaryHtml(input({ system: withDf('linux-vm.df-kPT.txt', true) }));
    expect(zh).toContain('/: 30% 已用 · 72 GB 剩余 / 252 GB · 另有 151 GB 为系统保留或其他用途');
    expect(zh).toContain('252 GB<span class="sub">另有 151 GB 为系统保留或其他用途</span></td>');
    const en = renderSummaryHtml(input({ lang: 'en', manifest: manifest({ archiveLanguage: 'en' }), system: withDf('linux-vm.df-kP.txt', false) }));
    expect(en).toContain('/: 30% used · 72 GB free of 252 GB · 151 GB more is reserved by the system or in other use');
    expect(en).toContain('252 GB<span class="sub">151 GB more is reserved by the system or in other use</span></td>');
    // The same words as the disk-space check says them (one catalogue entry, check.disk.other).
    expect(zh).toContain(checkText(translator('zh-CN'), cm('disk.other', { size: size(157821172 * 1024) })));
    // An APFS system volume: the container's other volumes.
    expect(renderSummaryHtml(input({ lang: 'en', manifest: manifest({ archiveLanguage: 'en' }), system: withDf('darwin-apfs.df-kP.txt', false) }))).toContain('/: 4% used · 270 GB free of 460 GB · 180 GB more is reserved by the system or in other use');
    // ext4's stock 5 % reserve, and disks whose figures add up: nothing more said.
    for (const page of [renderSummaryHtml(input({ system: withDf('rhel6-lvm.df-alP.txt', false) })), renderSummaryHtml(input())]) {
      expect(page).not.toContain('系统保留或其他用途');
    }
    expect(renderSummaryHtml(input({ system: withDf('rhel6-lvm.df-alP.txt', false) }))).toContain('/: 5% 已用 · 85 GB 剩余 / 94 GB</dd>');
  });

  it('is self-contained: no script, no external resource, a CSP that forbids them; a screenshot only as a data: PNG', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    const page = renderSummaryHtml(input({ screenshotPng: png }));
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    expect(page).not.toMatch(/url\(|@import/i);
    expect(page).not.toMatch(/<(link|iframe|object|embed|base)\b/i);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(page).toContain(`src="data:image/png;base64,${png.toString('base64')}"`);
    // Anything that is not a PNG is not embedded.
    expect(renderSummaryHtml(input({ screenshotPng: Buffer.from('<svg onload=alert(1)>') }))).not.toContain('data:image');
  });

  it('escapes every string from the intake, the manifest and the checks (XSS)', () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    const page = renderSummaryHtml(
      input({
        manifest: manifest({
          host: `pc"><script>alert(3)</script>`,
          intake: IntakeSchema.parse({ name: evil, contact: evil, department: evil, productName: evil, productModel: evil, productVersion: evil, problemDescription: evil, stepsToReproduce: evil, solutionsTried: evil, priority: '低' }),
          items: [{ name: `${evil}.txt`, collector: evil, source: evil, kind: 'text', size: 1, sha256: 'a'.repeat(64), truncated: true, note: evil }],
          skipped: [{ collector: evil, source: evil, reason: evil }],
          collectors: [{ id: evil, status: 'error', durationMs: 1, items: 0, bytes: 0, error: evil, warnings: [] }],
        }),
        checks: [checkResult({ ...CHECKS[1]!, title: cm('title.endpoint', { name: evil }), detail: cm('plain', { text: evil }), advice: [cm('plain', { text: evil })], data: { product: evil } })],
        system: systemSummaryFromJson({ ...SYSTEM_JSON, os: { distro: evil }, fileSystems: [{ ...SYSTEM_JSON.fileSystems[0], mount: evil }] }),
        network: networkSummaryFromJson({ ...NETWORK_JSON, interfaces: [{ name: evil, state: 'UP', addresses: [{ family: 'IPv4', address: evil }], gateways: [evil] }], proxy: { environment: { [evil]: evil } } }),
        redactions: { [evil]: 1 },
      }),
    );
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img src=x/i);
    expect(page).not.toMatch(/<[^>]+\sonerror=/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;');
    expect(page).toContain('pc&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
  });

  it('renders only from its inputs: what the archive holds (redacted or not) and nothing of this computer', () => {
    // The session passes the bytes it wrote: a redacted contact shows as its placeholder.
    const redacted = renderSummaryHtml(input({ manifest: manifest({ intake: IntakeSchema.parse({ contact: '<EMAIL-1>', problemDescription: 'x' }) }) }));
    expect(redacted).toContain('&lt;EMAIL-1&gt;');
    expect(redacted).not.toContain('zhang.wei@example.com');
    // Unredacted input is shown as given; the page does not second-guess the archive.
    expect(renderSummaryHtml(input())).toContain('zhang.wei@example.com');
    // Nothing is read from the machine rendering it.
    const page = renderSummaryHtml(input());
    const host = os.hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (os.hostname() !== 'pc-01') expect(page).not.toMatch(new RegExp(`(?<![\\w.-])${host}(?![\\w.-])`));
    expect(page).not.toContain(os.homedir());
    // Same input, same page.
    expect(renderSummaryHtml(input())).toBe(page);
  });

  it('without checks, system or network data it still renders a valid page that says so', async () => {
    const page = renderSummaryHtml({ manifest: manifest({ archiveLanguage: 'en' }), checks: [] });
    expect(page).toContain('The basic checks did not run');
    expect(page).not.toContain('id="checklist-title"');
    expect(page).not.toContain('id="redaction-title"');
    expect(await validate(page)).toEqual([]);
  });

  it('caps long lists and points to manifest.json for the rest', () => {
    const items = Array.from({ length: 75 }, (_, i) => ({ name: `软件日志/f${i}.log`, collector: 'app-logs', source: `/l/f${i}.log`, kind: 'text' as const, size: 10, sha256: 'd'.repeat(64), truncated: false }));
    const skipped = Array.from({ length: 55 }, (_, i) => ({ collector: 'config', source: `/etc/x${i}`, reason: 'unreadable' }));
    const page = renderSummaryHtml(input({ manifest: manifest({ items, skipped }) }));
    expect(page).toContain('软件日志/f59.log');
    expect(page).not.toContain('软件日志/f60.log');
    expect(page).toContain('15 项未列出，见 manifest.json');
    expect(page).toContain('<td colspan="3">15 项未列出，见 manifest.json</td>');
  });
});

describe('report entries (what the session adds to every archive)', () => {
  it('checks.json and the summary page under their standard names, fed from the archive entries', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16, 1)]);
    const entries = [
      { name: '系统信息.json', data: Buffer.from(JSON.stringify(SYSTEM_JSON)) },
      { name: '网络配置.json', data: Buffer.from(JSON.stringify(NETWORK_JSON)) },
      { name: '问题截图.png', data: png },
    ];
    const [checks, summary] = reportEntries({ manifest: manifest(), checks: CHECKS, checksStartedAt: new Date(0), checksFinishedAt: new Date(1000), entries, redactions: { email: 1 } });
    expect(checks!.name).toBe('checks.json');
    expect(ChecksDocumentSchema.parse(JSON.parse(checks!.data.toString('utf8'))).results).toHaveLength(CHECKS.length);
    expect(summary!.name).toBe('诊断摘要.html');
    const page = summary!.data.toString('utf8');
    expect(page).toContain('Debian GNU/Linux 12 (bookworm)');
    expect(page).toContain('192.168.1.23/24');
    expect(page).toContain(png.toString('base64'));
    const en = reportEntries({ manifest: manifest({ archiveLanguage: 'en' }), checks: [], checksStartedAt: new Date(0), checksFinishedAt: new Date(0), entries: [] });
    expect(en.map((e) => e.name)).toEqual(['checks.json', 'summary.html']);
  });
});
