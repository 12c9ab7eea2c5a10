/** The scanner the zh-CN tests rely on (tests/helpers/english-scan.ts): it must catch sentences and pass names. */
import { describe, expect, it } from 'vitest';
import { englishSentences, visibleTextOfHtml } from '../../../helpers/english-scan.js';
import { runChecks } from '../../../../electron/engine/checks/runner.js';
import { CheckMessageSchema } from '../../../../shared/check-message-schema.js';
import { CHECK_CODES, CHECK_MESSAGES, cm, type ArgKind, type CheckArg } from '../../../../shared/check-messages.js';
import { checkText, checkView } from '../../../../shared/i18n/check-text.js';
import { translator } from '../../../../shared/i18n/translate.js';
import { PolicySchema } from '../../../../shared/policy.js';

describe('englishSentences', () => {
  it('finds the English sentences the zh-CN summary page used to show', () => {
    expect(englishSentences('原因：no paths are configured (policy.configPaths is empty in policy)')).not.toEqual([]);
    expect(englishSentences('上传失败：connection refused (is the server running?)')).not.toEqual([]);
    expect(englishSentences('用时 15m 15s，did not finish within its 30 s timeout')).not.toEqual([]);
  });
  it('passes Chinese text with names, paths, commands, options and identifiers', () => {
    const ok = [
      'IT 策略没有配置要收集的路径（policy.configPaths 为空）',
      '请运行 `diagcollect outbox retry abc123` 再试一次',
      '浏览器 Microsoft Edge 120.0 · Google Chrome 119',
      '操作系统：Debian GNU/Linux 12 (bookworm)',
      '压缩包：/tmp/out/12345_诊断信息_20261205-0501_vm.zip（49 KB，14 个文件）',
      '排除条目（--exclude-item <名称> 或 --skip <收集项>）',
      '已脱敏：邮箱 2 处（用 <EMAIL-1> 这样的占位符替换）',
      'CPU：QEMU Virtual CPU version 2.5+',
    ];
    for (const text of ok) expect(englishSentences(text), text).toEqual([]);
  });
  it('reads visible text and alt/aria attributes of a page, not its CSS or code', () => {
    const page = '<style>.a{width:1%} body { font-family: sans-serif }</style><p>正常</p><img alt="a picture of the screen"><code>set it to this value</code>';
    expect(englishSentences(visibleTextOfHtml(page))).toEqual(['a picture of the screen']);
  });
});

describe('the checklist in zh-CN (shared/check-messages.ts through the catalogue)', () => {
  const zh = translator('zh-CN');
  const sample: Record<ArgKind, CheckArg> = {
    text: 'portal.corp.test',
    num: 3,
    dur: { ms: 1500 },
    size: { bytes: 5 * 1024 ** 3 },
    time: { at: '2026-11-24T01:30:00Z' },
    msg: { msg: cm('probe.refused') },
    list: { list: [cm('probe.refused'), cm('dns.noServers')] },
    problem: { problem: { code: 'baseline-missing', params: { path: '/etc/diagcollect/baseline.json' } }, en: '/etc/diagcollect/baseline.json does not exist' },
  };

  it('every check message, with every argument filled, has no English sentence', () => {
    for (const code of CHECK_CODES) {
      const spec = CHECK_MESSAGES[code] as Record<string, ArgKind>;
      const message = { code, args: Object.fromEntries(Object.entries(spec).map(([name, kind]) => [name, sample[kind]])) };
      expect(CheckMessageSchema.safeParse(message).success, code).toBe(true);
      const text = checkText(zh, message);
      expect(englishSentences(text), `${code}: ${text}`).toEqual([]);
    }
  });

  it('every outcome of the real checklist on this machine reads without English in zh-CN', async () => {
    const results = await runChecks({ policy: PolicySchema.parse({ checks: { probeTimeoutMs: 500, endpoints: [{ name: 'Portal', url: 'http://127.0.0.1:9/' }] } }) });
    expect(results.length).toBeGreaterThan(10);
    for (const r of results) {
      const view = checkView(zh, r);
      for (const text of [view.title, view.detail, ...view.advice]) expect(englishSentences(text), `${r.id}: ${text}`).toEqual([]);
    }
  }, 30_000);
});
