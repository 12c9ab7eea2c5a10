import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { intakeFromFlags, parseProblemType } from '../../../electron/cli/collect-command.js';
import { main } from '../../../electron/cli/main.js';
import { InputError } from '../../../electron/engine/errors.js';
import { translator } from '../../../shared/i18n/translate.js';
import type { Manifest } from '../../../shared/types.js';
import { readZip } from '../../helpers/zip.js';
import { collectorTitle } from '../../../electron/engine/collectors/index.js';

async function cli(args: string[], env: NodeJS.ProcessEnv) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let err = '';
  let out = '';
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  const code = await main(['node', 'diagcollect', 'collect', ...args], { stdout, stderr, env, signals: new PassThrough() as unknown as Pick<NodeJS.Process, 'on' | 'off'> });
  return { code, stderr: err, stdout: out };
}

describe('diagcollect collect --problem', () => {
  it('takes the four ids or their Chinese names', () => {
    const en = translator('en');
    expect(['connection', 'MALFUNCTION', 'slow', 'other', '连接问题', '功能异常', '运行缓慢', '其他'].map((v) => parseProblemType(v, en))).toEqual(['connection', 'malfunction', 'slow', 'other', 'connection', 'malfunction', 'slow', 'other']);
  });

  it('a bad value is bad input naming the valid ones, in the user\'s language', async () => {
    expect(() => parseProblemType('network', translator('en'))).toThrow(InputError);
    expect(() => parseProblemType('network', translator('en'))).toThrow('--problem: "network" is not a problem type; use one of: connection (连接问题), malfunction (功能异常), slow (运行缓慢), other (其他)');
    expect(() => parseProblemType('network', translator('zh-CN'))).toThrow('--problem: “network”不是问题类型；可选值：connection (连接问题)');
    const dir = mkdtempSync(join(os.tmpdir(), 'collect-problem-'));
    const env = { PATH: process.env.PATH, HOME: dir, LANG: 'zh_CN.UTF-8', DIAGCOLLECT_DATA_DIR: join(dir, 'data'), XDG_DATA_HOME: join(dir, 'xdg'), XDG_STATE_HOME: join(dir, 'state') };
    const r = await cli(['--ticket', '12345', '--only', 'versions', '--problem', 'network'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('“network”不是问题类型；可选值：connection (连接问题), malfunction (功能异常), slow (运行缓慢), other (其他)');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('goes into the intake, over the --intake file', async () => {
    expect((await intakeFromFlags({ screenshot: false, problem: 'slow' })).problemType).toBe('slow');
    expect((await intakeFromFlags({ screenshot: false })).problemType).toBeUndefined();
  });
});

describe('diagcollect collect: evidence for other problem types', () => {
  // Everything but `versions` is off by policy, so the only other skips are the 10 collectors
  // gated by problem type (none given) and the security logs (off by default).
  const OFF = ['system', 'network', 'software', 'processes', 'system-logs', 'app-logs', 'config', 'screenshot'];
  const GATED = ['network-path', 'firewall', 'wifi', 'config-defaults', 'permissions', 'crash-reports', 'resource-sample', 'disk-latency', 'startup-items', 'pending-updates'];

  it.each([
    ['en_US.UTF-8', 'Not taken:', '10 more items are collected only for other problem types (see manifest.json)'],
    ['zh_CN.UTF-8', '未收集：', '另有 10 项只在其他问题类型时收集（见 manifest.json）'],
  ])('are one line under "not taken" (%s), each still in the manifest with its reason', async (lang, heading, line) => {
    const dir = mkdtempSync(join(os.tmpdir(), 'collect-gated-'));
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ disabledCollectors: OFF }));
    const env = { PATH: process.env.PATH, HOME: dir, LANG: lang, DIAGCOLLECT_DATA_DIR: join(dir, 'data'), XDG_DATA_HOME: join(dir, 'xdg'), XDG_STATE_HOME: join(dir, 'state') };
    const r = await cli(['--ticket', '12345', '--policy', policy, '--out', join(dir, 'out')], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(heading);
    expect(r.stdout).toContain(line);
    // Each collector by its title in the user's language (软件日志, Application logs), not its id.
    const title = (id: string) => collectorTitle(id, lang.startsWith('zh') ? 'zh-CN' : 'en');
    for (const id of OFF) expect(r.stdout).toContain(`${title(id)} — `);
    for (const id of [...OFF, ...GATED]) expect(r.stdout).not.toMatch(new RegExp(`(?:^|\\s{2}|：)${id} —`, 'm'));
    for (const id of GATED) expect(r.stdout).not.toContain(`${title(id)} —`);
    const zip = readdirSync(join(dir, 'out')).find((f) => f.endsWith('.zip'))!;
    const manifest = JSON.parse((await readZip(join(dir, 'out', zip))).find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as Manifest;
    const gated = manifest.collectors.filter((c) => c.reason?.code === 'problem-type').map((c) => c.id);
    expect(gated.sort()).toEqual([...GATED].sort());
  }, 120_000);
});
