/**
 * The collect summary's redaction line (cli.collect.redactedHint): its example placeholder is one
 * the archive holds, given by the engine with the totals (manifest → redaction.example), not a
 * fixed <EMAIL-1> — here only names and a phone number were replaced.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main.js';
import { placeholderExample } from '../../../electron/engine/redact/placeholders.js';
import { readZip } from '../../helpers/zip.js';

const tmp = () => mkdtempSync(join(os.tmpdir(), 'redacted-hint-'));

async function collect(lang: 'zh-CN' | 'en') {
  const root = tmp();
  const logs = join(root, 'logs');
  mkdirSync(logs);
  writeFileSync(join(logs, 'a-chat.log'), '09:14:10 姓名：龚雅婷\n09:14:12 联系人：龚雅婷\n09:15:00 手机：13812345678\n');
  const policy = join(root, 'policy.json');
  writeFileSync(policy, JSON.stringify({ appLogPaths: [`${logs}/*.log`] }));
  const out = join(root, 'out');
  let stdout = '';
  const io = { stdout: new PassThrough(), stderr: new PassThrough(), env: { DISPLAY: '', DIAGCOLLECT_DATA_DIR: join(root, 'data'), HOME: root }, signals: process };
  io.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  const code = await main(['node', 'diagcollect', 'collect', '--ticket', '42', '--policy', policy, '--only', 'app-logs', '--no-screenshot', '--out', out, '--lang', lang], io);
  return { code, stdout, out };
}

describe('collect summary: the example placeholder', () => {
  it.each([
    ['zh-CN', /已脱敏：\s*姓名 2 处，手机号 1 处（用 <NAME-1> 这样的占位符替换；对照表只保存在本机）/],
    ['en', /\(placeholders such as <NAME-1>; the key stays on this computer\)/],
  ] as const)('%s: names one this archive holds (names and a phone replaced, no e-mail)', async (lang, line) => {
    const { code, stdout } = await collect(lang);
    expect(code).toBe(0);
    expect(stdout).not.toContain('<EMAIL-1>');
    expect(stdout).toMatch(line);
    const hint = /<[A-Z-]+-\d+>/.exec(stdout.split('\n').find((l) => l.includes('<NAME-1>'))!)![0];
    // The archive holds it, and the manifest says it (the engine's one truth the CLI renders).
    const entries = await readZip(stdout.match(/\S+\.zip/)![0]);
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8'));
    expect(manifest.redaction.example).toBe(hint);
    expect(entries.some((e) => e.name !== 'manifest.json' && e.data.toString('utf8').includes(hint))).toBe(true);
  });
});

describe('placeholderExample', () => {
  it('the first placeholder of the rule that replaced the most; none when nothing was replaced', () => {
    const rules = new Map([
      ['<PHONE-1>', 'cn-mobile'],
      ['<NAME-1>', 'person-name'],
      ['<NAME-2>', 'person-name'],
    ]);
    expect(placeholderExample({ 'cn-mobile': 1, 'person-name': 2 }, rules)).toBe('<NAME-1>');
    expect(placeholderExample({ 'cn-mobile': 3, 'person-name': 2 }, rules)).toBe('<PHONE-1>');
    // A counted rule with no placeholder of its own is passed over.
    expect(placeholderExample({ learned: 5, 'person-name': 2 }, rules)).toBe('<NAME-1>');
    expect(placeholderExample({}, rules)).toBeUndefined();
    expect(placeholderExample({ 'cn-mobile': 0 }, rules)).toBeUndefined();
  });
});
