/**
 * `diagcollect check` as a real process, against real local servers (an answering HTTP server
 * and a refusing port on 127.0.0.1).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChecksDocumentSchema } from '../../shared/types.js';
import { refusedPort, startHttpServer, type Running } from '../helpers/check-servers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'electron/cli/diagcollect.mjs');

/** Runs the CLI without blocking this process (the servers it talks to live here). */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', http_proxy: '', https_proxy: '', HTTP_PROXY: '', HTTPS_PROXY: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function policyFile(policy: unknown): string {
  const file = join(mkdtempSync(join(os.tmpdir(), 'check-cli-')), 'policy.json');
  writeFileSync(file, JSON.stringify(policy));
  return file;
}

// Deterministic on any machine: no uptime or disk verdict depends on how long CI has been up.
const CALM = { uptimeWarnDays: 3650, disk: { warnPercent: 0, failPercent: 0, failBytes: 0 }, memory: { warnPercent: 0, failPercent: 0 } };

let server: Running;
let refused: number;
beforeAll(async () => {
  [server, refused] = await Promise.all([startHttpServer(), refusedPort()]);
});
afterAll(() => server.close());

describe('diagcollect check (real process)', () => {
  it('--json: one JSON object shaped like checks.json; a refused server makes exit code 3', async () => {
    const policy = policyFile({ checks: { ...CALM, probeTimeoutMs: 1500, endpoints: [{ name: 'Portal', url: `${server.url}/` }, { name: 'License', url: `http://127.0.0.1:${refused}/` }] } });
    const r = await cli(['check', '--json', '--policy', policy]);
    expect(r.code, r.stderr).toBe(3);
    const out = JSON.parse(r.stdout) as { ok: boolean; exitCode: number; counts: Record<string, number>; results: Array<{ id: string; status: string }> };
    expect(out).toMatchObject({ ok: true, exitCode: 3 });
    expect(ChecksDocumentSchema.safeParse(out).success).toBe(true);
    const by = Object.fromEntries(out.results.map((x) => [x.id, x.status]));
    expect(by).toMatchObject({ 'endpoints:Portal': 'pass', 'endpoints:License': 'fail' });
    expect(out.counts.fail).toBeGreaterThanOrEqual(1);
    expect(out.results.map((x) => x.id)).toEqual(expect.arrayContaining(['gateway', 'dns', 'disk-space', 'memory', 'uptime', 'pending-reboot']));
  });

  it('a table in Chinese when LANG says zh, exit 0 when every check passes or is skipped', async () => {
    const policy = policyFile({ checks: CALM });
    const r = await cli(['check', '--only', 'disk-space,memory,uptime,pending-reboot', '--policy', policy], { LANG: 'zh_CN.UTF-8' });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^基础检查清单 · /);
    expect(r.stdout).toContain('3. 系统环境检查');
    expect(r.stdout).toContain('4. 重启验证');
    expect(r.stdout).toMatch(/\[通过\]\s+磁盘空间\s+\/（系统）剩余/);
    expect(r.stdout).toMatch(/\d 项通过 · 0 项警告 · 0 项失败 · 0 项跳过\n$/);
    expect(r.stdout).not.toContain('\u001b['); // no colours when piped
  });

  it('--lang en prints English with advice under a failing check', async () => {
    const policy = policyFile({ checks: { ...CALM, endpoints: [{ name: 'License', url: `http://127.0.0.1:${refused}/` }] } });
    const r = await cli(['check', '--only', 'endpoints', '--lang', 'en', '--policy', policy], { LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/\[FAIL\]\s+Server: License\s+connection refused/);
    expect(r.stdout).toMatch(/\n\s+→ Check network configuration: cable or Wi-Fi connected/);
    expect(r.stdout).toMatch(/0 passed · 0 warnings · 1 failed · 0 skipped\n$/);
  });

  it('bad input is exit 2: a wrong policy key (named) and an unknown check id', async () => {
    const bad = await cli(['check', '--policy', policyFile({ checks: { endpoints: [{ name: 'x', url: 'ftp://x' }], dsnNames: [] } })]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('checks.endpoints.0.url');
    expect(bad.stderr).toContain('"dsnNames"');
    const unknown = await cli(['check', '--only', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown check "nope"');
  });
});

describe('bad input and list in the user\'s language (#12)', () => {
  it('an unknown check id: exit 2 with the catalogue\'s sentence in zh-CN, English under C', async () => {
    const zh = await cli(['check', '--only', 'nope'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/^diagcollect: 没有名为“nope”的检查；可用的检查：gateway, dns/);
    const en = await cli(['check', '--only', 'nope']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^diagcollect: unknown check "nope"; known checks: gateway, dns/);
  });

  it('a policy file that is not JSON: named, in zh-CN', async () => {
    const file = join(mkdtempSync(join(os.tmpdir(), 'check-cli-')), 'broken.json');
    writeFileSync(file, '{ not json');
    const zh = await cli(['check', '--policy', file], { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(`diagcollect: 策略文件 ${file} 不是有效的 JSON；请修正文件，或去掉 --policy\n`);
  });

  it('list in zh-CN: Chinese titles and the commands read, without the English notes', async () => {
    const zh = await cli(['list'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('linux 上的收集项');
    expect(zh.stdout).toContain('- df -P -k -T\n');
    expect(zh.stdout).not.toContain('(file systems and free space');
    const en = await cli(['list', '--lang', 'en']);
    expect(en.stdout).toContain('(file systems and free space');
  });
});

describe('check --problem connection (#18)', () => {
  it('takes each endpoint apart and ends with the guide\'s path, in JSON', async () => {
    const policy = policyFile({ checks: { ...CALM, probeTimeoutMs: 1000, endpoints: [{ name: 'Refusing', url: `http://127.0.0.1:${refused}/` }] } });
    const r = await cli(['check', '--json', '--policy', policy, '--only', 'connection', '--problem', 'connection']);
    const results = ChecksDocumentSchema.parse(JSON.parse(r.stdout)).results;
    expect(results.map((x) => x.id)).toEqual(['connection:Refusing', 'triage']);
    expect(results[0]!.en.detail).toMatch(/127\.0\.0\.1 is an IP address: no DNS needed; TCP connection to 127\.0\.0\.1 port \d+ failed \(ECONNREFUSED\); plain HTTP: no TLS; the HTTP request failed: connection refused/);
    expect(results[1]!.advice.map((a) => a.code)).toEqual(['advice.changeNetwork', 'advice.checkNetworkConfig', 'advice.restartRouter']);
    expect(r.code).toBe(3);
  });
});
