import { describe, expect, it } from 'vitest';
import { checksDocument, runChecks } from '../../../../electron/engine/checks/runner.js';
import type { Check } from '../../../../electron/engine/checks/types.js';
import { compareFacts } from '../../../../electron/engine/compare/diff.js';
import type { ArchiveFacts, CheckFact } from '../../../../electron/engine/compare/facts.js';
import { checksFromJson, fieldsFromText, hostsFromText, routesFromText, softwareFromText } from '../../../../electron/engine/compare/facts.js';
import { presentCompare, ticketNote } from '../../../../electron/engine/compare/present.js';
import { renderCompareHtml } from '../../../../electron/engine/compare/report-html.js';
import { cm } from '../../../../shared/check-messages.js';
import { translator } from '../../../../shared/i18n/translate.js';
import { DEFAULT_POLICY } from '../../../../shared/policy.js';
import type { CheckStatus } from '../../../../shared/types.js';

const check = (status: CheckStatus, id = 'x'): CheckFact => ({ status, title: { 'zh-CN': `检查 ${id}`, en: `check ${id}` }, detail: { 'zh-CN': '详情', en: 'detail' } });
const GiB = 1024 ** 3;

function facts(over: Partial<ArchiveFacts> = {}): ArchiveFacts {
  return {
    name: 'a.zip',
    lang: 'zh-CN',
    ticket: '12345',
    host: 'pc-01',
    startedAt: '2026-12-05T08:00:00.000Z',
    checks: new Map([
      ['gateway', check('warn', 'gateway')],
      ['dns', check('fail', 'dns')],
      ['proxy', check('fail', 'proxy')],
      ['memory', check('pass', 'memory')],
    ]),
    versions: new Map([['XXSoftware', '2.1']]),
    network: { addresses: ['192.0.2.2/24 (eth0)'], gateways: ['192.0.2.1 (eth0)'], dns: ['10.0.0.53'], dnsSearch: [], proxy: {} },
    routes: ['default via 192.0.2.1 dev eth0'],
    hosts: ['127.0.0.1 localhost'],
    software: new Map([
      ['curl', '7.88.1-10'],
      ['xxsoftware', '2.1.0'],
    ]),
    fileSystems: [{ mount: '/', type: 'ext4', filesystem: '/dev/vda', sizeBytes: 100 * GiB, usedBytes: 50 * GiB, availableBytes: 50 * GiB }],
    memory: { totalBytes: 16 * GiB, availableBytes: 8 * GiB },
    uptimeSeconds: 86_400,
    errors: new Map([['系统日志/系统日志.txt', new Map([['app: failed #', 3]])]]),
    ...over,
  };
}

describe('compareFacts', () => {
  it('nothing changed: an empty report, and the verdict says so', () => {
    const r = compareFacts(facts(), facts());
    expect(r.checks).toEqual([]);
    expect(r.verdict).toMatchObject({ warnToPass: 0, regressed: 0, otherChanges: 0, stillFailing: 3 });
    expect(ticketNote(r, '12345', 'zh-CN')).toBe('【技术支持】12345 效果验证: 两次收集之间没有变化，仍有 3 项警告或失败');
  });

  it('checks that got better or worse, versions, software, disks, memory, new errors, restart', () => {
    const after = facts({
      startedAt: '2026-12-05T09:00:00.000Z',
      uptimeSeconds: 600,
      checks: new Map([
        ['gateway', check('pass', 'gateway')],
        ['dns', check('pass', 'dns')],
        ['proxy', check('warn', 'proxy')],
        ['memory', check('fail', 'memory')],
        ['dns:10.1.1.9', check('fail', 'dns:10.1.1.9')],
      ]),
      versions: new Map([['XXSoftware', '2.3']]),
      software: new Map([
        ['xxsoftware', '2.3.0'],
        ['zoom', '6.0'],
      ]),
      fileSystems: [{ mount: '/', type: 'ext4', filesystem: '/dev/vda', sizeBytes: 100 * GiB, usedBytes: 40 * GiB, availableBytes: 60 * GiB }],
      memory: { totalBytes: 16 * GiB, availableBytes: 7.5 * GiB },
      errors: new Map([['系统日志/系统日志.txt', new Map([['app: failed #', 9], ['disk: I/O error', 1]])]]),
    });
    const r = compareFacts(facts(), after);
    expect(r.checks.map((c) => [c.id, c.kind, c.before, c.after])).toEqual([
      ['gateway', 'improved', 'warn', 'pass'],
      ['dns', 'improved', 'fail', 'pass'],
      ['proxy', 'improved', 'fail', 'warn'],
      ['memory', 'regressed', 'pass', 'fail'],
      ['dns:10.1.1.9', 'added', undefined, 'fail'],
    ]);
    expect(r.verdict).toMatchObject({ warnToPass: 1, failToPass: 1, failToWarn: 1, regressed: 1, stillFailing: 3 });
    expect(r.versions).toEqual([{ key: 'XXSoftware', before: '2.1', after: '2.3' }]);
    expect(r.software).toEqual({ added: [{ name: 'zoom', version: '6.0' }], removed: [{ name: 'curl', version: '7.88.1-10' }], updated: [{ name: 'xxsoftware', before: '2.1.0', after: '2.3.0' }] });
    expect(r.disks).toEqual([{ mount: '/', sizeBytes: 100 * GiB, beforeAvailableBytes: 50 * GiB, afterAvailableBytes: 60 * GiB }]);
    // half a GiB of 16 is noise, not a change
    expect(r.memory).toBeUndefined();
    expect(r.errors).toEqual([{ source: '系统日志/系统日志.txt', added: [{ message: 'disk: I/O error', count: 1 }], addedTotal: 1, goneTotal: 0 }]);
    expect(r.restarted).toBe(true);
    expect(ticketNote(r, '12345', 'zh-CN')).toBe('【技术支持】12345 效果验证: 1 项由警告变为通过，1 项由失败变为通过，1 项由失败变为警告，1 项变差，其他变化 6 处，仍有 3 项警告或失败');
    expect(ticketNote(r, '12345', 'en')).toContain('1 check went from warning to pass');
    const p = presentCompare(r, 'en');
    expect(p.verdictLevel).toBe('fail');
    expect(p.remarks).toContain('The computer was restarted between the two collections');
    const page = renderCompareHtml(r, 'zh-CN');
    expect(page).toContain('<h1>【技术支持】12345</h1>');
    expect(page).toContain('disk: I/O error');
  });

  it('escapes what comes from the archives in the page', () => {
    const evil = '<script>alert(1)</script>';
    const r = compareFacts(facts(), facts({ hosts: ['127.0.0.1 localhost', `10.0.0.1 ${evil}`] }));
    const page = renderCompareHtml(r, 'en');
    expect(page).not.toContain(evil);
    expect(page).toContain('&lt;script&gt;');
  });

  it('says what it could not compare', () => {
    const r = compareFacts(facts(), facts({ software: undefined, errors: undefined }));
    expect(r.notCompared).toEqual(['software', 'logs']);
    expect(presentCompare(r, 'zh-CN').remarks).toEqual(['无法比较（只有一次收集包含）：已安装软件，日志']);
  });
});

describe('text entries without a JSON twin', () => {
  it('reads versions, routes, hosts and the package tables', () => {
    expect([...fieldsFromText('版本信息\n========\ndiagcollect 0.1.0 · 2026-12-05 07:03:06\n\n诊断工具:  diagcollect 0.1.0\n操作系统:  Debian GNU/Linux 12 (bookworm)\n')]).toEqual([
      ['诊断工具', 'diagcollect 0.1.0'],
      ['操作系统', 'Debian GNU/Linux 12 (bookworm)'],
    ]);
    expect(routesFromText('路由表\n======\ndiagcollect 0.1.0 · x\n\nip route show\n-------------\ndefault via 192.0.2.1 dev eth0 \n10.0.0.0/8 dev eth0\n\nip -6 route show\n----------------\nfe80::/64 dev eth0\n')).toEqual(['default via 192.0.2.1 dev eth0', '10.0.0.0/8 dev eth0', 'fe80::/64 dev eth0']);
    expect(hostsFromText('# comment\n127.0.0.1\tlocalhost   # me\n\n10.9.9.9  portal\n')).toEqual(['127.0.0.1 localhost', '10.9.9.9 portal']);
    const software = softwareFromText('dpkg — 2 项\n-----\n来源: dpkg-query\n\n软件包   版本      架构   状态\n-------  --------  -----  ----\nadduser  3.134     all\ncurl     7.88.1    amd64\n\nsnap — 1 项\n------\n名称  版本\n----  ----\ncore  16-2.61\n');
    expect([...software]).toEqual([
      ['adduser', '3.134'],
      ['curl', '7.88.1'],
      ['core', '16-2.61'],
    ]);
  });
});

describe('checks as checks.json keeps them (codes, rendered here)', () => {
  const disk = (run: Check['run'], timeoutMs = 2_000): Check => ({ id: 'disk-space', group: 'environment', title: cm('title.disk-space'), platforms: ['linux', 'win32', 'darwin'], timeoutMs, run });
  /** The checks.json entry of one real run of the runner, read back as compare reads an archive. */
  async function fromArchive(check: Check): Promise<CheckFact> {
    const results = await runChecks({ policy: DEFAULT_POLICY, checks: [check], env: {} });
    const json: unknown = JSON.parse(JSON.stringify(checksDocument(results, new Date(), new Date())));
    return checksFromJson(json)!.get('disk-space')!;
  }
  const passes = disk(async () => ({ status: 'pass', detail: cm('runner.disabled') }));
  const hangs = disk((ctx) => new Promise((resolve) => ctx.signal.addEventListener('abort', () => resolve({ status: 'pass', detail: cm('runner.disabled') }))), 50);

  it('titles and details come out in both languages, from the one catalogue', async () => {
    const fact = await fromArchive(passes);
    expect(fact.title).toEqual({ 'zh-CN': translator('zh-CN').t('check.title.disk-space'), en: translator('en').t('check.title.disk-space') });
    expect(fact.title['zh-CN']).not.toBe('');
    expect(fact.detail.en).toBe('disabled by policy (checks.disabled)');
    const text = presentCompare(compareFacts(facts({ checks: new Map() }), facts({ checks: new Map([['disk-space', { ...fact, status: 'fail' }]]) })), 'zh-CN');
    expect(JSON.stringify(text)).toContain(fact.title['zh-CN']);
  });

  it('a check that timed out on one side and passed or was skipped on the other is not news: a busy machine, not a fix', async () => {
    const timedOut = await fromArchive(hangs);
    expect(timedOut).toMatchObject({ status: 'fail', timedOut: true });
    const passed = await fromArchive(passes);
    const skipped = { ...passed, status: 'skipped' as const };
    for (const [b, a] of [
      [timedOut, passed],
      [passed, timedOut],
      [timedOut, skipped],
      [skipped, timedOut],
    ] as const) {
      const r = compareFacts(facts({ checks: new Map([['disk-space', b]]) }), facts({ checks: new Map([['disk-space', a]]) }));
      expect(r.checks).toEqual([]);
      expect(r.verdict.failToPass).toBe(0);
    }
    // A real failure that passes afterwards still is.
    const failed = { ...passed, status: 'fail' as const };
    expect(compareFacts(facts({ checks: new Map([['disk-space', failed]]) }), facts({ checks: new Map([['disk-space', passed]]) })).verdict.failToPass).toBe(1);
  });
});
