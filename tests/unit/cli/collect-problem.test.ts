import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { intakeFromFlags, parseProblemType } from '../../../electron/cli/collect-command.js';
import { main } from '../../../electron/cli/main.js';
import { InputError } from '../../../electron/engine/errors.js';
import { translator } from '../../../shared/i18n/translate.js';

async function cli(args: string[], env: NodeJS.ProcessEnv) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  stdout.resume();
  const code = await main(['node', 'diagcollect', 'collect', ...args], { stdout, stderr, env, signals: new PassThrough() as unknown as Pick<NodeJS.Process, 'on' | 'off'> });
  return { code, stderr: err };
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
