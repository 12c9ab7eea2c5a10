import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ManifestSchema } from '../../shared/types.js';
import { readZip, sha256 } from '../helpers/zip.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'electron/cli/diagcollect.mjs');
const tmp = (p: string) => mkdtempSync(join(os.tmpdir(), p));

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DISPLAY: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('diagcollect CLI (real process)', () => {
  it('prints its version and help', () => {
    const v = cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const h = cli(['collect', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--ticket');
    expect(h.stdout).toContain('--no-screenshot');
  });

  it('refuses a bad ticket id with exit 2, says what is allowed, and creates nothing', () => {
    const data = tmp('cli-data-');
    const r = cli(['collect', '--ticket', '../../etc'], { DIAGCOLLECT_DATA_DIR: data });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('path separator');
    expect(r.stderr).toContain('letters, digits');
    expect(readdirSync(data)).toEqual([]);
  });

  it('refuses a bad policy naming the key, and an unknown collector', () => {
    const dir = tmp('cli-policy-');
    const policy = join(dir, 'p.json');
    writeFileSync(policy, JSON.stringify({ caps: { fileBytes: -1 }, colectors: [] }));
    const r = cli(['collect', '--ticket', '1', '--policy', policy, '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('caps.fileBytes');
    expect(r.stderr).toContain('"colectors"');
    const u = cli(['collect', '--ticket', '1', '--only', 'nope', '--out', dir, '--json']);
    expect(u.code).toBe(2);
    expect(JSON.parse(u.stdout)).toMatchObject({ ok: false, exitCode: 2 });
    expect(JSON.parse(u.stdout).error).toContain('unknown collector "nope"');
  });

  it('collects ticket 12345 into the outbox with the standard names, a manifest that checks out and an e-mail draft', async () => {
    const data = tmp('cli-data-');
    const r = cli(['collect', '--ticket', '12345', '--json'], { DIAGCOLLECT_DATA_DIR: data });
    expect([0, 3]).toContain(r.code);
    const result = JSON.parse(r.stdout);
    expect(result.ok).toBe(true);
    const outbox = join(data, 'outbox', '12345');
    expect(result.archive.path.startsWith(outbox)).toBe(true);
    expect(result.archive.name).toMatch(/^12345_诊断信息_\d{8}-\d{4}_[A-Za-z0-9.-]+\.zip$/);
    expect(readdirSync(outbox).sort()).toEqual([result.archive.name, result.archive.name.replace(/\.zip$/, '.eml')].sort());

    const list = spawnSync('unzip', ['-Z1', result.archive.path], { encoding: 'utf8' });
    expect(list.status).toBe(0);
    const names = list.stdout.trim().split('\n');
    for (const n of ['工单信息.txt', '版本信息.txt', '系统信息.txt', '网络配置.txt', '已安装软件.txt', '进程列表.txt', 'manifest.json']) expect(names).toContain(n);

    const entries = await readZip(result.archive.path);
    const manifest = ManifestSchema.parse(JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString()));
    for (const item of manifest.items) expect(sha256(entries.find((e) => e.name === item.name)!.data)).toBe(item.sha256);
    expect(manifest.collectors.find((c) => c.id === 'screenshot')?.status).toBe('skipped');
    expect(result.emailDraft).toBe(join(outbox, result.archive.name.replace(/\.zip$/, '.eml')));
  });

  it('lists what each platform collects', () => {
    const win = cli(['list', '--platform', 'win32']);
    expect(win.code).toBe(0);
    expect(win.stdout).toContain('wevtutil');
    const mac = cli(['list', '--platform', 'darwin', '--json']);
    const parsed = JSON.parse(mac.stdout);
    expect(parsed.platform).toBe('darwin');
    expect(parsed.collectors.find((c: { id: string }) => c.id === 'system-logs').reads.join(' ')).toContain('log show');
  });

  it('Ctrl-C cancels cleanly: exit 130 and no archive or partial file', async () => {
    const dir = tmp('cli-cancel-');
    const logs = join(dir, 'logs');
    spawnSync('mkdir', ['-p', logs]);
    // Incompressible data keeps the archive writer busy for a few seconds.
    spawnSync('sh', ['-c', `head -c 150000000 /dev/urandom > ${logs}/big.log`]);
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ appLogPaths: [`${logs}/*.log`], caps: { fileBytes: 200_000_000 } }));
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [BIN, 'collect', '--ticket', '77', '--policy', policy, '--out', out, '--only', 'app-logs,versions'], { env: { ...process.env, DISPLAY: '' } });
    let stderr = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (/Application logs: ok/.test(stderr) && !child.killed) child.kill('SIGINT');
      });
      child.on('close', (c) => resolve(c));
    });
    expect(stderr).toContain('Cancelling');
    expect(code).toBe(130);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});
