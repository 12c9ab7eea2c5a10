import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { intakeFromFlags, parseOccurredAt } from '../../../electron/cli/collect-command.js';
import { main } from '../../../electron/cli/main.js';
import { InputError } from '../../../electron/engine/errors.js';
import { MAX_SKIPPED_SOURCE_LINES } from '../../../electron/cli/collect-output.js';
import { notTaken } from '../../../electron/engine/report/not-collected.js';
import { notTakenLines, notTakenLineText } from '../../../shared/i18n/collect-facts.js';
import { translator } from '../../../shared/i18n/translate.js';
import { ManifestSchema } from '../../../shared/types.js';
import { readZip } from '../../helpers/zip.js';

async function cli(args: string[], env: NodeJS.ProcessEnv) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await main(['node', 'diagcollect', 'collect', ...args], { stdout, stderr, env, signals: new PassThrough() as unknown as Pick<NodeJS.Process, 'on' | 'off'> });
  return { code, stdout: out, stderr: err };
}

function home() {
  const dir = mkdtempSync(join(os.tmpdir(), 'collect-cmd-'));
  return { dir, env: { PATH: process.env.PATH, HOME: dir, DISPLAY: '', DIAGCOLLECT_DATA_DIR: join(dir, 'data'), XDG_DATA_HOME: join(dir, 'xdg'), XDG_STATE_HOME: join(dir, 'state') } };
}

describe('diagcollect collect: bad input stays bad', () => {
  it('an unknown --exclude-item exits 2, lists the valid names, and creates nothing', async () => {
    const { dir, env } = home();
    const r = await cli(['--ticket', '12345', '--only', 'versions', '--exclude-item', 'process-list.txt'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no archive entry is called "process-list\.txt"; valid names: .*进程列表\.txt/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--dry-run writes nothing anywhere, also with --silent (no log, no data folder)', async () => {
    const { dir, env } = home();
    for (const extra of [['--silent'], ['--silent', '--json'], []]) {
      const r = await cli(['--ticket', '12345', '--only', 'versions', '--dry-run', '--out', join(dir, 'out'), ...extra], env);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a bad --occurred-at or --intake file exits 2 saying what to write', async () => {
    const { dir, env } = home();
    const bad = await cli(['--ticket', '12345', '--only', 'versions', '--occurred-at', '2026-02-30 09:30'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--occurred-at "2026-02-30 09:30" is not a time to the minute: use local time as "YYYY-MM-DD HH:mm"');
    const file = join(dir, 'intake.json');
    writeFileSync(file, JSON.stringify({ name: 'x', priority: 'urgent' }));
    const badFile = await cli(['--ticket', '12345', '--only', 'versions', '--intake', file], env);
    expect(badFile.code).toBe(2);
    expect(badFile.stderr).toMatch(/--intake .*intake\.json: priority: /);
    const badPriority = await cli(['--ticket', '12345', '--priority', 'urgent'], env);
    expect(badPriority.code).toBe(2);
    expect(readdirSync(dir)).toEqual(['intake.json']);
  });
});

describe('diagcollect collect: the intake from the command line', () => {
  it('parses the time of occurrence to the minute, in local time', () => {
    expect(parseOccurredAt('2026-11-24 09:30')).toBe('2026-11-24 09:30');
    expect(parseOccurredAt('2026-11-24T09:30')).toBe('2026-11-24 09:30');
    for (const bad of ['2026-11-24', '2026-13-01 09:30', '2026-11-24 24:00', '24.11.2026 09:30', '2026-11-24 09:30:15']) expect(() => parseOccurredAt(bad)).toThrow(InputError);
  });

  it('--intake FILE, with the options over it; priority in either language', async () => {
    const { dir } = home();
    const file = join(dir, 'intake.json');
    writeFileSync(file, JSON.stringify({ name: 'From file', contact: 'a@example.com', problemDescription: 'from file', priority: '低' }));
    const intake = await intakeFromFlags({ screenshot: false, intake: file, name: 'Alex Chen', priority: 'high', tried: 'restarted', product: 'XX财务软件', department: 'Finance', occurredAt: '2026-11-24T09:30' });
    expect(intake).toMatchObject({ name: 'Alex Chen', contact: 'a@example.com', problemDescription: 'from file', priority: '高', solutionsTried: 'restarted', productName: 'XX财务软件', department: 'Finance', occurredAt: '2026-11-24 09:30' });
    expect((await intakeFromFlags({ screenshot: false, priority: '中' })).priority).toBe('中');
    expect((await intakeFromFlags({ screenshot: false })).priority).toBeUndefined();
  });

  it('writes the intake into the archive; an unset priority is 未填写, not 中', async () => {
    const { dir, env } = home();
    const r = await cli(['--ticket', '12345', '--only', 'versions', '--no-screenshot', '--json', '--out', join(dir, 'out'), '--name', '张伟', '--description', '打开报表时报错 E1023', '--occurred-at', '2026-11-24 09:30'], env);
    expect(r.code, r.stderr).toBe(0);
    const zip = await readZip(JSON.parse(r.stdout).archive.path);
    const text = zip.find((e) => e.name === '工单信息.txt')!.data.toString('utf8');
    expect(text).toMatch(/^姓名: 张伟$/m);
    expect(text).toMatch(/^发生时间: 2026-11-24 09:30$/m);
    expect(text).toMatch(/^优先级: （未填写）$/m);
    const manifest = ManifestSchema.parse(JSON.parse(zip.find((e) => e.name === 'manifest.json')!.data.toString('utf8')));
    expect(manifest.intake.priority).toBeUndefined();
    expect(zip.find((e) => e.name === '诊断摘要.html')!.data.toString('utf8')).toContain('未填写');
    expect(existsSync(join(dir, 'data', 'redaction-maps'))).toBe(true);
  });
});

describe('diagcollect collect: the sources it skipped, with their reasons', () => {
  // Policy names more log files than the summary lists; none of them exists.
  const PATHS = Array.from({ length: MAX_SKIPPED_SOURCE_LINES + 3 }, (_, i) => `/opt/acme-erp/logs/missing-${i}.log`);

  it.each([
    ['en_US.UTF-8', 'en', 'Skipped:', '/opt/acme-erp/logs/missing-0.log — does not exist', '… and 3 more (manifest.json)'],
    ['zh_CN.UTF-8', 'zh-CN', '已跳过：', '/opt/acme-erp/logs/missing-0.log — 不存在', '… 另有 3 个来源（见 manifest.json）'],
  ] as const)('are listed one a line under "skipped" in the user\'s language (%s), as manifest.json has them', async (LANG, locale, heading, first, more) => {
    const { dir, env } = home();
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ appLogPaths: PATHS }));
    const r = await cli(['--ticket', '12345', '--only', 'app-logs', '--no-screenshot', '--policy', policy, '--out', join(dir, 'out')], { ...env, LANG });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith(heading));
    expect(at, r.stdout).toBeGreaterThan(0);
    expect(lines[at]).toMatch(new RegExp(`^${heading}\\s+${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    // Indented under the first, to the same column (a CJK label is two columns wide); the rest
    // counted, pointing to manifest.json.
    const width = (t: string) => [...t].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
    const block = lines.slice(at, at + MAX_SKIPPED_SOURCE_LINES + 1);
    const column = width(lines[at]!.slice(0, lines[at]!.indexOf('/opt/')));
    for (const l of block.slice(1)) expect(width(l.slice(0, l.length - l.trimStart().length)), l).toBe(column);
    const listed = block.map((l, i) => (i === 0 ? l.slice(l.indexOf('/opt/')) : l.trimStart()));
    expect(listed.at(-1)).toBe(more);
    expect(r.stdout).not.toMatch(/reasons in manifest|原因见 manifest/);
    // The same lines the app shows for this archive's manifest (one account, not recomputed).
    const zip = readdirSync(join(dir, 'out')).find((f) => f.endsWith('.zip'))!;
    const manifest = ManifestSchema.parse(JSON.parse((await readZip(join(dir, 'out', zip))).find((e) => e.name === 'manifest.json')!.data.toString('utf8')));
    const sources = notTakenLines(translator(locale), notTaken(manifest)).filter((l) => l.kind === 'source').map(notTakenLineText);
    expect(sources).toHaveLength(PATHS.length);
    expect(listed.slice(0, -1)).toEqual(sources.slice(0, MAX_SKIPPED_SOURCE_LINES));
  });
});
