import { describe, expect, it } from 'vitest';
import { summaryText } from '../../../../electron/engine/report/summary-text.js';
import { cm, dur, type CheckMessage } from '../../../../shared/check-messages.js';
import type { CheckResult } from '../../../../shared/types.js';
import { checkResult } from '../../../helpers/check-result.js';
import { testManifest } from '../../../helpers/manifest.js';

const manifest = testManifest({ intake: { problemDescription: '软件打不开\n第二行', priority: '高' } });
const check = (id: string, status: CheckResult['status'], title: CheckMessage, detail: CheckMessage): CheckResult =>
  checkResult({ id, group: 'network', title, status, detail, advice: [], durationMs: 1 });
const checks = [
  check('dns', 'warn', cm('title.dns'), cm('dns.slow', { slowest: dur(900), limit: dur(500) })),
  check('gateway', 'fail', cm('title.gateway'), cm('gateway.unreachable', { gateway: '192.168.1.1' })),
  check('disk', 'pass', cm('title.disk-space'), cm('disk.role.system')),
];
const archive = { path: '/x.zip', name: '12345_诊断信息_20261124-0930_pc-01.zip', size: 3 * 1024 * 1024, sha256: 'ab'.repeat(32) };

describe('summary text for the ticket comment', () => {
  it('puts the archive, problem, failed checks first and incomplete collectors in a few zh-CN lines', () => {
    const text = summaryText({ manifest, checks, archive });
    const lines = text.split('\n');
    expect(lines[0]).toContain(archive.name);
    expect(text).toContain('问题（优先级 高）：软件打不开');
    expect(text).not.toContain('第二行');
    expect(text).toContain('基础检查：1 项失败，1 项警告，1 项通过');
    expect(text.indexOf('✗ 默认网关')).toBeLessThan(text.indexOf('! DNS 解析'));
    expect(text).not.toContain('磁盘空间');
    expect(text).toContain('未完成的收集项：network');
    expect(lines.length).toBeLessThanOrEqual(12);
  });
  it('speaks English for an en archive', () => {
    const text = summaryText({ manifest: { ...manifest, archiveLanguage: 'en' }, checks, archive });
    expect(text).toContain('Basic checks: 1 failed, 1 warning, 1 passed');
    expect(text).toContain('✗ Default gateway: 192.168.1.1 unreachable: no answer on the local link');
  });
});
