import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { intakeFromFlags, parseOccurredAt } from '../../../electron/cli/collect-command.js';
import { main } from '../../../electron/cli/main.js';
import { InputError } from '../../../electron/engine/errors.js';
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
