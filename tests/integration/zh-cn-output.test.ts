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
  // A child killed by a signal prints nothing: say so, or a failure reads as a missing translation.
  return { code: r.status, out: `${r.stdout}\n${r.stderr}${r.signal ? `\n[killed by ${r.signal}]` : ''}${r.error ? `\n[${r.error.message}]` : ''}` };
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

  it('bad input of redact, compare, baseline, record and policy show says what is wrong, names the input and what to do in Chinese, exit 2', { timeout: 300_000 }, () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'zh-cn-bad2-'));
    const path = (name: string, data: string | Buffer) => {
      const p = join(dir, name);
      writeFileSync(p, data);
      return p;
    };
    const note = path('note.txt', 'hello\n');
    const notZip = path('not-a-zip.zip', 'this is text, not a zip archive\n');
    // A real zip cut after its local header: the central directory is gone.
    const whole = zipOfOne('a.txt', 'hello\n');
    const cut = path('cut-short.zip', whole.subarray(0, 40));
    // A whole zip whose entry bytes were damaged after writing: the directory reads, the entry does not.
    const broken = path('broken-entry.zip', damagedEntry(zipOfOne('a.txt', 'hello there, a line long enough to be deflated\n'.repeat(20))));
    const binary = path('picture.bin', Buffer.from([0, 1, 2, 3, 0, 0, 0, 255, 254, 0, 7, 0]));
    const missing = join(dir, 'nowhere.zip');
    // A whole, readable zip that diagcollect did not make: nothing in it to compare.
    const otherZip = path('someone-elses.zip', zipOfOne('readme.txt', 'hello\n'));
    const out = (name: string) => join(dir, name);
    const cases: Array<{ label: string; args: string[]; expect: RegExp }> = [
      { label: 'redact: a missing file', args: ['redact', missing], expect: new RegExp(`${esc(missing)} 不存在：请给出要脱敏的文件`) },
      { label: 'redact: not a zip', args: ['redact', notZip, '--out', out('o1')], expect: new RegExp(`${esc(notZip)} 不是可读取的 zip 压缩包[\\s\\S]*没有写入副本`) },
      { label: 'redact: a zip cut short', args: ['redact', cut, '--out', out('o2')], expect: new RegExp(`${esc(cut)} 不是可读取的 zip 压缩包`) },
      { label: 'redact: a damaged entry', args: ['redact', broken, '--out', out('o3')], expect: new RegExp(`${esc(broken)} 中的条目 a\\.txt 无法读取[\\s\\S]*没有写入副本`) },
      { label: 'redact: binary content', args: ['redact', binary, '--out', out('o4')], expect: new RegExp(`${esc(binary)} 是二进制内容`) },
      { label: 'redact: --out inside the folder', args: ['redact', dir, '--out', join(dir, 'inner')], expect: /在要脱敏的文件夹里面：请选择 .* 以外的文件夹/ },
      { label: 'compare: a missing archive', args: ['compare', missing, '--now'], expect: new RegExp(`${esc(missing)} 不存在：请给出 diagcollect 生成的压缩包`) },
      { label: 'compare: not an archive', args: ['compare', notZip, '--now'], expect: new RegExp(`${esc(notZip)} 不是可读取的 diagcollect 压缩包`) },
      { label: 'compare: a zip diagcollect did not make', args: ['compare', otherZip, '--now'], expect: new RegExp(`${esc(otherZip)} 是 zip 文件，但不是 diagcollect 生成的诊断包（里面没有 manifest.json）`) },
      { label: 'compare: no after archive', args: ['compare', notZip], expect: /缺少修复后的压缩包/ },
      { label: 'compare: both after and --now', args: ['compare', notZip, notZip, '--now'], expect: /不要同时给出/ },
      { label: 'compare: a bad --upload-wait', args: ['compare', notZip, '--now', '--upload-wait', 'soon'], expect: /--upload-wait 必须是秒数，而不是“soon”/ },
      { label: 'baseline check: no baseline', args: ['baseline', 'check', notZip], expect: /没有基线：请用 --baseline/ },
      { label: 'baseline check: --signature alone', args: ['baseline', 'check', notZip, '--signature', note], expect: /--signature 要和 --baseline <文件> 一起使用/ },
      { label: 'baseline check: a baseline that is not JSON', args: ['baseline', 'check', notZip, '--baseline', note], expect: new RegExp(`基线无法使用：${esc(note)} 不是 JSON`) },
      { label: 'baseline check: a missing baseline', args: ['baseline', 'check', notZip, '--baseline', missing], expect: new RegExp(`基线无法使用：${esc(missing)} 不存在`) },
      { label: 'baseline build: a missing source', args: ['baseline', 'build', missing, '--out', out('b.json')], expect: new RegExp(`${esc(missing)} 不存在：请给出压缩包`) },
      { label: 'baseline build: no archive in the sources', args: ['baseline', 'build', note, '--out', out('b.json')], expect: new RegExp(`${esc(note)} 中没有可读取的诊断压缩包`) },
      { label: 'baseline build: --k 0', args: ['baseline', 'build', dir, '--out', out('b.json'), '--k', '0'], expect: /--k 必须是 1 到 1000 之间的整数，而不是“0”/ },
      { label: 'baseline build: not an S3 location', args: ['baseline', 'build', 's3://B', '--out', out('b.json')], expect: /“s3:\/\/B”不是 S3 位置/ },
      { label: 'record: no ticket', args: ['record'], expect: /需要工单号：diagcollect record --ticket/ },
      { label: 'record: a bad ticket', args: ['record', '--ticket', 'a/b'], expect: /工单号“a\/b”无效/ },
      { label: 'record --stop: none running', args: ['record', '--stop'], expect: /没有正在进行的录制/ },
      { label: 'record: a bad --minutes', args: ['record', '--ticket', '12345', '--minutes', '-3'], expect: /--minutes 必须是大于 0 且不超过 \d+ 的数字，而不是“-3”/ },
    ];
    for (const c of cases) {
      const r = spawnSync(process.execPath, [BIN, ...c.args], { encoding: 'utf8', env: { ...process.env, ...ZH_ENV }, timeout: 240_000 });
      expect(r.status, `${c.label}: ${r.stderr}`).toBe(2);
      expect(r.stderr, c.label).toMatch(c.expect);
      expectNoEnglish(c.label, r.stderr);
    }
    // policy show: sources, problems (source, file, key, what to do) and headings in Chinese; exit 2.
    const settingsDir = mkdtempSync(join(os.tmpdir(), 'zh-cn-policy-show-'));
    writeFileSync(join(settingsDir, 'settings.json'), JSON.stringify({ archiveLanguage: 'fr' }));
    const show = spawnSync(process.execPath, [BIN, 'policy', 'show'], { encoding: 'utf8', env: { ...process.env, ...ZH_ENV, DIAGCOLLECT_DATA_DIR: settingsDir } });
    expect(show.status, show.stderr).toBe(2);
    expect(show.stdout).toContain(`用户设置 ${join(settingsDir, 'settings.json')}：键 archiveLanguage：只能是以下值之一`);
    expect(show.stdout).toMatch(/策略来源（优先级从高到低）：[\s\S]*问题（1 个）：[\s\S]*生效的策略/);
    // The table's values are the policy's own data (JSON); everything above it is sentences.
    expectNoEnglish('policy show', show.stdout.slice(0, show.stdout.indexOf('生效的策略')));
    expectNoEnglish('policy show --help', spawnSync(process.execPath, [BIN, 'policy', 'show', '--help'], { encoding: 'utf8', env: { ...process.env, ...ZH_ENV } }).stdout);

    // Nothing half-written: no copy and no report beside the refused inputs.
    expect(readdirSync(dir).filter((f) => f.includes('redacted'))).toEqual([]);
    // In English the engine's own words, unchanged (scripts and logs read them).
    const en = spawnSync(process.execPath, [BIN, 'redact', notZip, '--out', out('o5')], { encoding: 'utf8', env: { ...process.env, ...ZH_ENV, LANG: 'en_US.UTF-8' } });
    expect(en.status).toBe(2);
    expect(en.stderr).toContain(`${notZip} is not a readable zip archive`);
  });
});

function esc(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A real zip of one text file (the `zip` command), as bytes. */
function zipOfOne(name: string, text: string): Buffer {
  const dir = mkdtempSync(join(os.tmpdir(), 'zh-cn-zip-'));
  writeFileSync(join(dir, name), text);
  const made = spawnSync('zip', ['-q', '-X', 'one.zip', name], { cwd: dir });
  expect(made.status, String(made.stderr)).toBe(0);
  return readFileSync(join(dir, 'one.zip'));
}

/** The zip with one byte in the middle of its first entry's compressed data flipped (bad data or CRC). */
function damagedEntry(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const dataStart = 30 + out.readUInt16LE(26) + out.readUInt16LE(28);
  const at = dataStart + Math.floor(out.readUInt32LE(18) / 2);
  out[at] = out[at]! ^ 0xff;
  return out;
}
