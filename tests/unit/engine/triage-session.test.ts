/**
 * Done-when of issue 18: a collection for each problem type on this machine holds that type's
 * extra entries (and only those), in both languages, and the security logs appear when policy
 * permits them and are refused with the reason when not. Real session, real collectors.
 */
import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLLECTORS } from '../../../electron/engine/collectors/index.js';
import { runSession } from '../../../electron/engine/session.js';
import { PolicySchema } from '../../../shared/policy.js';
import type { ProblemType } from '../../../shared/types.js';
import { machineHasJournal } from '../../helpers/journal.js';
import { readZip } from '../../helpers/zip.js';

const TRIAGE = ['security-logs', 'network-path', 'firewall', 'wifi', 'config-defaults', 'permissions', 'crash-reports', 'resource-sample', 'disk-latency', 'startup-items', 'pending-updates'];
const dir = mkdtempSync(join(os.tmpdir(), 'triage-session-'));
mkdirSync(join(dir, 'product'));
writeFileSync(join(dir, 'product', 'config.ini'), 'port=1\nmode=a\n');
writeFileSync(join(dir, 'defaults.ini'), 'port=2\nmode=a\n');
const policy = PolicySchema.parse({
  securityLogs: { problemTypes: ['malfunction'] },
  checks: { endpoints: [{ name: 'Local', url: 'https://127.0.0.1:9/' }] },
  triage: { sampleSeconds: 1, configDefaults: [{ config: join(dir, 'product', 'config.ini'), defaults: join(dir, 'defaults.ini') }], productPaths: [join(dir, 'product')] },
});

async function collect(problemType: ProblemType | undefined, lang: 'zh-CN' | 'en') {
  const r = await runSession({ ticket: '18', policy, lang, outDir: mkdtempSync(join(dir, 'out-')), intake: problemType ? { problemType } : {}, collectors: COLLECTORS.filter((c) => TRIAGE.includes(c.id)), checks: [] });
  const names = (await readZip(r.archivePath)).map((e) => e.name);
  return { names, manifest: r.manifest };
}

describe('a collection per problem type (issue 18, this machine)', () => {
  it('slow: the sample, disk, startup items and pending updates (zh-CN)', async () => {
    const { names, manifest } = await collect('slow', 'zh-CN');
    expect(names).toEqual(expect.arrayContaining(['性能采样.txt', '性能采样.json', '磁盘空间与延迟.txt', '启动项.txt', '待安装更新.txt']));
    expect(names.filter((n) => /防火墙|配置与默认值|安全日志/.test(n))).toEqual([]);
    expect(manifest.skipped.find((s) => s.collector === 'firewall')?.code).toEqual({ code: 'problem-type', types: ['connection'], actual: 'slow' });
  }, 90_000);

  it('connection: the firewall (en), no Wi-Fi here said so, the path tools named as missing', async () => {
    const { names, manifest } = await collect('connection', 'en');
    expect(names).toContain('network/firewall.txt');
    expect(manifest.collectors.find((c) => c.id === 'wifi')).toMatchObject({ status: 'skipped', error: 'no Wi-Fi interface on this computer', reason: { code: 'no-wifi' } });
    expect(manifest.collectors.find((c) => c.id === 'network-path')).toMatchObject({ status: 'skipped', reason: { code: 'command-missing' } });
    expect(names.filter((n) => /resource-sample|security-log/.test(n))).toEqual([]);
  }, 90_000);

  it('malfunction: config vs defaults, permissions, crash reports, and the security logs policy permits for it (zh-CN)', async () => {
    const { names, manifest } = await collect('malfunction', 'zh-CN');
    expect(names).toEqual(expect.arrayContaining(['配置与默认值比较.txt', '文件权限.txt', '崩溃报告/崩溃报告列表.txt']));
    // The security logs are taken for this type: an entry where the machine has a journal or an
    // auth.log; without either (a container) the collector ran and said why, it was not refused.
    const journal = machineHasJournal() || existsSync('/var/log/auth.log') || existsSync('/var/log/secure');
    if (journal) expect(names).toContain('安全日志.txt');
    else expect(manifest.collectors.find((c) => c.id === 'security-logs')?.error ?? '').toMatch(/no journal files/);
  }, 90_000);

  it('no type: none of the extra evidence; the security logs refused with the reason (en)', async () => {
    const { names, manifest } = await collect(undefined, 'en');
    expect(names.sort()).toEqual(['manifest.json', 'summary.html', 'checks.json', 'ticket-info.txt', 'timeline.json', 'timeline.html'].sort());
    expect(manifest.collectors.find((c) => c.id === 'security-logs')).toMatchObject({ status: 'skipped', error: 'collected only for problem type malfunction (this one: not given)' });
    const off = await runSession({ ticket: '18', policy: PolicySchema.parse({}), lang: 'en', outDir: mkdtempSync(join(dir, 'out-')), intake: { problemType: 'malfunction' }, collectors: COLLECTORS.filter((c) => c.id === 'security-logs'), checks: [] });
    expect(off.manifest.collectors[0]).toMatchObject({ status: 'skipped', error: 'security logs are off in policy for privacy (securityLogs); IT can switch them on' });
  }, 90_000);
});
