/** The one catalogue (shared/i18n/messages.ts): complete, consistent, and no English in zh-CN. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, type MessageKey } from '../../../../shared/i18n/messages.js';
import { createTranslator, englishReason } from '../../../../shared/i18n/translate.js';
import { ALL_INPUT_ERROR_PARAMS } from '../../../../shared/input-errors.js';
import { NetworkCauseSchema, ReasonCodeSchema, UploadErrorKindSchema } from '../../../../shared/reasons.js';
import { englishSentences } from '../../../helpers/english-scan.js';

/** The argument names a message uses, read from its ICU syntax tree. */
function argumentsOf(message: string, locale: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown): void => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes as Array<{ type: number; value?: string; options?: Record<string, { value: unknown }> }>) {
      if (node.type !== 0 && node.type !== 7 && typeof node.value === 'string') names.add(node.value);
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst());
  return [...names].sort();
}

const keys = Object.keys(CATALOGUES['zh-CN']) as MessageKey[];

describe('message catalogue', () => {
  it('has the same keys and the same arguments in zh-CN and en, and every message parses', () => {
    expect(Object.keys(CATALOGUES.en).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      expect(argumentsOf(CATALOGUES.en[key], 'en'), key).toEqual(argumentsOf(CATALOGUES['zh-CN'][key], 'zh-CN'));
    }
  });

  it('has a message for every reason code, upload error kind and network cause', () => {
    for (const code of ReasonCodeSchema.options) expect(keys, code).toContain(`reason.${code}`);
    for (const kind of UploadErrorKindSchema.options) expect(keys, kind).toContain(`upload.kind.${kind}`);
    for (const cause of NetworkCauseSchema.options) expect(keys, cause).toContain(`upload.cause.${cause}`);
  });

  it('has no English sentence in zh-CN, and Chinese in every zh-CN sentence', () => {
    const zh = createTranslator('zh-CN');
    for (const key of keys) {
      const values = Object.fromEntries(argumentsOf(CATALOGUES['zh-CN'][key], 'zh-CN').map((name) => [name, 2]));
      const text = zh.t(key, values);
      expect(englishSentences(text), `${key}: ${text}`).toEqual([]);
      // Badges, separators and a few technical labels (SHA-256, DNS) may have no Chinese.
      if (text.replace(/[\s\d\p{P}\p{S}]|SHA|DNS|MAC|MTU|CPU|IP|TCP|TLS|HTTP/gu, '').length > 0) expect(text, key).toMatch(/\p{Script=Han}/u);
    }
  });

  it('renders plurals in English and not in Chinese', () => {
    const en = createTranslator('en');
    const zh = createTranslator('zh-CN');
    expect(en.t('draft.items', { count: 1 })).toBe('Items: 1 file');
    expect(en.t('draft.items', { count: 13 })).toBe('Items: 13 files');
    expect(zh.t('draft.items', { count: 13 })).toBe('收集项：13 个文件');
    expect(en.t('summary.verdict', { fail: 0, warn: 1, lookFirst: 'x' })).toBe('1 warning — x');
    expect(zh.t('summary.verdict', { fail: 2, warn: 1, lookFirst: '请先看这里' })).toBe('发现 2 项失败、1 项警告 — 请先看这里');
  });

  it('renders reason codes with their parameters, sizes and durations formatted by locale', () => {
    const zh = createTranslator('zh-CN');
    expect(zh.reason({ code: 'not-configured', policyKey: 'policy.configPaths' })).toBe('IT 策略没有配置要收集的路径（policy.configPaths 为空）');
    expect(zh.reason({ code: 'timeout', seconds: 915 })).toBe('未在 15分钟15秒 内完成，已停止');
    expect(englishReason({ code: 'timeout', seconds: 30 })).toBe('did not finish within its 30 sec timeout; stopped');
    expect(zh.uploadProblem({ kind: 'network', cause: 'refused' }, { target: 'Redmine' })).toBe('无法连接到 Redmine：连接被拒绝（服务器可能没有运行）');
  });

  it('has a message in both languages for every code of bad input, using only the code\'s parameters', () => {
    for (const [code, params] of Object.entries(ALL_INPUT_ERROR_PARAMS)) {
      const key = `input.${code}` as MessageKey;
      expect(keys, code).toContain(key);
      // `problems` may come from the bad policy keys the refusal carries (input-text.ts).
      for (const locale of ['zh-CN', 'en'] as const) for (const name of argumentsOf(CATALOGUES[locale][key], locale)) expect([...params, 'problems'], `${locale} ${key}`).toContain(name);
    }
  });

  it('every coded refusal in the source names a known code; a refusal without a code is left only where the text is already translated', () => {
    const root = fileURLToPath(new URL('../../../../electron', import.meta.url));
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => join(root, f));
    const used = new Set<string>();
    const uncoded: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\.coded\(\s*'([a-z0-9-]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/new InputError\(([^\n]*)/g)) uncoded.push(`${file.slice(root.length + 1)}: ${m[1]!.slice(0, 60)}`);
    }
    expect(used.size).toBeGreaterThan(60);
    for (const code of used) expect(Object.keys(ALL_INPUT_ERROR_PARAMS), code).toContain(code);
    // The class itself; a BaselineError's problem passed on; --problem, whose text comes from the catalogue.
    expect(uncoded.sort()).toEqual([
      'cli/baseline-command.ts: `the baseline cannot be used: ${err.message}`, err.problem);',
      "cli/collect-command.ts: `--problem: ${tr.t('cli.collect.badProblem', { value: raw, v",
      'engine/errors.ts: message, { code, params } as InputProblem, policyLines);',
    ]);
  });
});
