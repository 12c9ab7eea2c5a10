/**
 * Under LANG=zh_CN.UTF-8 the real CLI speaks Chinese, and no English sentence reaches a Chinese
 * reader: --help (every command), list, check, collect (progress, summary, leak/upload lines),
 * outbox list, the archive's summary page (诊断摘要.html), the e-mail draft (.eml) and the
 * ticket comment text. The upload goes to a port where nothing listens (refused), so the
 * queued job carries the "connection refused" error that used to show in English.
 * "English sentence": tests/helpers/english-scan.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { ChecksDocumentSchema, ManifestSchema } from '../../shared/types.js';
import { summaryText } from '../../electron/engine/report/summary-text.js';
import { englishSentences, visibleTextOfHtml } from '../helpers/english-scan.js';
import { readZip } from '../helpers/zip.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'electron/cli/diagcollect.mjs');
const dataDir = mkdtempSync(join(os.tmpdir(), 'zh-cn-data-'));
const ZH_ENV = { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '', DISPLAY: '', WAYLAND_DISPLAY: '', DIAGCOLLECT_DATA_DIR: dataDir, NO_COLOR: '1' };

function cli(args: string[], env: NodeJS.ProcessEnv = ZH_ENV) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 240_000 });
  return { code: r.status, out: `${r.stdout}\n${r.stderr}` };
}

/** Names of this machine that may stand in the output (host, user, OS strings are data, not sentences). */
const MACHINE = [os.hostname(), os.userInfo().username];

function expectNoEnglish(label: string, text: string): void {
  expect(englishSentences(text, MACHINE), `${label}:\n${text}`).toEqual([]);
}

const HAN = /\p{Script=Han}/u;

describe('zh-CN output of the real CLI (LANG=zh_CN.UTF-8)', () => {
  it('--help of every command is Chinese', { timeout: 300_000 }, () => {
    for (const args of [['--help'], ['collect', '--help'], ['list', '--help'], ['check', '--help'], ['outbox', '--help'], ['outbox', 'list', '--help'], ['outbox', 'retry', '--help'], ['help', 'check']]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.out).toMatch(HAN);
      expectNoEnglish(`diagcollect ${args.join(' ')}`, r.out);
    }
    // --lang overrides the locale, for --help too.
    expect(cli(['--help', '--lang', 'en']).out).toContain('Collects diagnostics');
    expect(cli(['collect', '--help'], { ...ZH_ENV, LANG: 'en_US.UTF-8' }).out).toContain('ticket id, e.g. 12345');
  });

  it('list and check are Chinese', { timeout: 300_000 }, () => {
    const list = cli(['list']);
    expect(list.code).toBe(0);
    expect(list.out).toContain('上的收集项');
    // Each collector's "reads" lines (`- …`) are its commands and paths as the collector describes
    // them (CollectorInfo.reads): technical data, like the paths in the summary page's mono cells.
    expectNoEnglish('diagcollect list', list.out.split('\n').filter((line) => !/^\s+- /.test(line)).join('\n'));
    const check = cli(['check']);
    expect([0, 3]).toContain(check.code);
    expect(check.out).toContain('基础检查清单');
    expectNoEnglish('diagcollect check', check.out);
  });

  it('collect, its archive, summary page, e-mail draft, ticket comment and outbox list have no English sentence', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'zh-cn-collect-'));
    const policy = join(dir, 'policy.json');
    // Port 1 on loopback: nothing listens, the upload is refused and stays queued.
    writeFileSync(policy, JSON.stringify({ upload: { target: 'http-put', httpPut: { url: 'http://127.0.0.1:1/{ticket}/{name}' } } }));
    const out = join(dir, 'out');
    const r = cli(['collect', '--ticket', '12345', '--out', out, '--policy', policy, '--upload-wait', '0', '--only', 'versions,system,network,config,app-logs,screenshot']);
    expect([3, 4]).toContain(r.code);
    expect(r.out).toContain('压缩包：');
    expect(r.out).toContain('邮件草稿：');
    expect(r.out).toMatch(/IT 策略没有配置要收集的路径（policy\.configPaths 为空）/);
    expect(r.out).toMatch(/连接被拒绝/);
    expect(r.out).not.toContain('0.0 MB');
    expectNoEnglish('diagcollect collect', r.out);

    const zip = readdirSync(out).find((f) => f.endsWith('.zip'))!;
    const entries = await readZip(join(out, zip));
    const page = entries.find((e) => e.name === '诊断摘要.html');
    expect(page, 'summary page in the archive').toBeDefined();
    const pageText = visibleTextOfHtml(page!.data.toString('utf8'));
    expect(pageText).toContain('IT 策略没有配置要收集的路径');
    expectNoEnglish('诊断摘要.html', pageText);

    const mail = await simpleParser(readFileSync(join(out, readdirSync(out).find((f) => f.endsWith('.eml'))!)));
    expect(mail.subject).toBe('【技术支持】12345');
    expect(mail.text).toContain('收集项：');
    expectNoEnglish('.eml body', mail.text ?? '');

    const manifest = ManifestSchema.parse(JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')));
    const checksEntry = entries.find((e) => e.name.endsWith('checks.json') || e.name === '基础检查.json');
    const checks = checksEntry ? ChecksDocumentSchema.parse(JSON.parse(checksEntry.data.toString('utf8'))).results : [];
    const comment = summaryText({ manifest, checks, archive: { path: join(out, zip), name: zip, size: 38 * 1024, sha256: 'ab'.repeat(32) }, lang: 'zh-CN' });
    expect(comment).toContain('38 KB');
    expectNoEnglish('ticket comment', comment);

    const outbox = cli(['outbox', 'list']);
    expect(outbox.code).toBe(0);
    expect(outbox.out).toMatch(/连接被拒绝/);
    expectNoEnglish('diagcollect outbox list', outbox.out);
  });

  it('bad input says what is wrong and what to do in Chinese: link, policy, redaction rules, key file, user settings, outbox', { timeout: 300_000 }, () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'zh-cn-bad-'));
    const file = (name: string, text: string, mode = 0o600) => {
      const path = join(dir, name);
      writeFileSync(path, text, { mode });
      return path;
    };
    const stderrOf = (args: string[], env: NodeJS.ProcessEnv = ZH_ENV) => {
      const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 240_000 });
      return { code: r.status, err: r.stderr, out: r.stdout };
    };
    const text = file('note.txt', 'hello\n');
    const pem = file('not-a-key.pem', 'junk\n');
    const open = file('open.key', 'junk\n', 0o644);
    const badPolicy = file('policy.json', JSON.stringify({ caps: { fileBytes: 'big', collectorBytes: 1 }, upload: { target: 'ftp' }, screenshotAllowd: true }));
    const badRules = file('rules.json', JSON.stringify({ redaction: { extraRules: [{ id: 'Employee ID', pattern: 'E\\d+' }], optionalRules: ['nope'] } }));
    const cases: Array<{ label: string; args: string[]; expect: RegExp; env?: NodeJS.ProcessEnv }> = [
      { label: 'a refused link', args: ['collect', '--link', 'diagcollect://collect?t=1'], expect: /已拒绝该链接/ },
      { label: 'a policy with bad keys', args: ['collect', '--ticket', '12345', '--policy', badPolicy], expect: /键 caps\.fileBytes：类型不对，应为数字[\s\S]*键 screenshotAllowd：未知的键/ },
      { label: 'bad redaction rules', args: ['redact', '--policy', badRules, text], expect: /键 redaction\.extraRules\.0\.id：/ },
      { label: 'a key file that is not a key', args: ['link', '--ticket', '12345', '--key', pem], expect: /不是 PEM 格式的私钥/ },
      { label: 'a key file others can read', args: ['link', '--ticket', '12345', '--key', open], expect: /其他用户也能读取（权限 644）/ },
      { label: 'a missing key file', args: ['link', '--ticket', '12345', '--key', join(dir, 'none.key')], expect: /不存在；请用/ },
      { label: 'a link valid for no time', args: ['link', '--ticket', '12345', '--key', pem, '--expires', '0h'], expect: /链接必须有有效期/ },
      { label: 'an unknown outbox job', args: ['outbox', 'retry', 'no-such-job'], expect: /没有上传任务“no-such-job”/ },
    ];
    for (const c of cases) {
      const r = stderrOf(c.args, c.env);
      expect(r.code, `${c.label}: ${r.err}`).toBe(2);
      expect(r.err, c.label).toMatch(c.expect);
      expectNoEnglish(c.label, r.err);
    }
    // --lang en: the same refusals keep their English text, word for word (scripts read it).
    expect(stderrOf(['link', '--ticket', '12345', '--key', open, '--lang', 'en']).err).toContain(`the private key ${open} can be read by other users (mode 644); it was not used. Run: chmod 600 '${open}'`);

    // User settings with bad values: warnings (the collection goes on), each naming the file and key.
    const settingsDir = mkdtempSync(join(os.tmpdir(), 'zh-cn-settings-'));
    writeFileSync(join(settingsDir, 'settings.json'), JSON.stringify({ caps: { fileBytes: -1 }, upload: { target: 'nope' }, colour: 'red' }));
    const settings = stderrOf(['redact', text, '--out', mkdtempSync(join(os.tmpdir(), 'zh-cn-redacted-'))], { ...ZH_ENV, DIAGCOLLECT_DATA_DIR: settingsDir });
    expect(settings.code, settings.err).toBe(0);
    expect(settings.err).toMatch(/用户设置 \S+settings\.json：键 caps\.fileBytes：太小[\s\S]*键 upload\.target：只能是以下值之一[\s\S]*键 colour：未知的键/);
    expectNoEnglish('user settings', settings.err);
  });
});

