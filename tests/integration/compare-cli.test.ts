/**
 * `diagcollect compare` over two REAL collections (the real CLI, real collectors) with a change
 * in between: a DNS server and a hosts entry, through policy `networkFiles` pointing the network
 * collector at a resolv.conf and a hosts file of the test's own. The comparison must report
 * exactly those changes — from a second archive and live (--now) — and post its verdict on a
 * real Redmine (tests/servers) once, with the report attached once.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompareReport } from '../../shared/compare.js';
import { ensureRedmine, REPO_ROOT, type RedmineEnv } from '../servers/servers.js';
import { fetchRepeatable, RedmineApi } from './helpers/ticket-apis.js';

const BIN = join(REPO_ROOT, 'electron/cli/diagcollect.mjs');
/** The probing checks would see the network of the moment; they are not what this test changes. */
const QUIET_CHECKS = ['gateway', 'dns', 'proxy', 'endpoints', 'captive-portal', 'clock'];
const COLLECTORS = 'network,system,versions,software';

let work: string;
let redmine: RedmineEnv;
let api: RedmineApi;

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DISPLAY: '', DIAGCOLLECT_DATA_DIR: join(work, 'data'), ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Bench {
  dir: string;
  resolv: string;
  hosts: string;
  policy: string;
}

function bench(extra: Record<string, unknown> = {}): Bench {
  const dir = mkdtempSync(join(work, 'bench-'));
  const resolv = join(dir, 'resolv.conf');
  const hosts = join(dir, 'hosts');
  writeFileSync(resolv, 'nameserver 10.0.0.53\nsearch corp.example.com\n');
  writeFileSync(hosts, '127.0.0.1 localhost\n::1 localhost ip6-localhost\n');
  const policy = join(dir, 'policy.json');
  writeFileSync(policy, JSON.stringify({ networkFiles: { resolvConf: resolv, hosts }, checks: { disabled: QUIET_CHECKS }, ...extra }));
  return { dir, resolv, hosts, policy };
}

/** A real collection into `out`; returns the archive's path. */
function collect(b: Bench, ticket: string, out: string): string {
  const r = cli(['collect', '--ticket', ticket, '--only', COLLECTORS, '--no-screenshot', '--policy', b.policy, '--out', out, '--json', '--upload', 'outbox']);
  expect([0, 3], r.stderr).toContain(r.code);
  return (JSON.parse(r.stdout) as { archive: { path: string } }).archive.path;
}

/** The DNS server and the hosts entry the "fix" changes. */
function change(b: Bench): void {
  writeFileSync(b.resolv, 'nameserver 10.1.1.9\nsearch corp.example.com\n');
  appendFileSync(b.hosts, '10.9.9.9   portal.example.com   # added by the agent\n');
}

/** Exactly the planted changes, nothing else. */
function expectOnlyPlanted(report: CompareReport): void {
  expect(report.network.dns).toEqual({ added: ['10.1.1.9'], removed: ['10.0.0.53'] });
  expect(report.network.hosts).toEqual({ added: ['10.9.9.9 portal.example.com'], removed: [] });
  for (const field of ['addresses', 'gateways', 'dnsSearch', 'routes'] as const) expect(report.network[field], field).toEqual({ added: [], removed: [] });
  expect(report.network.proxy).toEqual([]);
  expect(report.checks).toEqual([]);
  expect(report.versions).toEqual([]);
  expect(report.software).toEqual({ added: [], removed: [], updated: [] });
  expect(report.disks).toEqual([]);
  // Available memory of a shared machine may move; its total may not.
  if (report.memory) expect(report.memory.afterTotalBytes).toBe(report.memory.beforeTotalBytes);
  expect(report.errors).toEqual([]);
  expect(report.notCompared).toEqual([]);
  expect(report.verdict.otherChanges).toBe(3 + (report.memory ? 1 : 0));
}

beforeAll(async () => {
  work = mkdtempSync(join(os.tmpdir(), 'compare-cli-'));
  redmine = await ensureRedmine();
  api = new RedmineApi(redmine);
}, 600_000);

afterAll(async () => {
  await api?.deleteCreated();
});

describe('diagcollect compare (two real collections)', () => {
  it('reports exactly the DNS server and the hosts entry that changed, as JSON, text and 对比报告.html', () => {
    const b = bench();
    const before = collect(b, '4711', join(b.dir, 'before'));
    change(b);
    const after = collect(b, '4711', join(b.dir, 'after'));

    const json = cli(['compare', before, after, '--json']);
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as CompareReport & { reportPath: string };
    expect(report.before.ticket).toBe('4711');
    expectOnlyPlanted(report);
    expect(report.reportPath).toBe(join(b.dir, 'after', '对比报告.html'));
    const page = readFileSync(report.reportPath, 'utf8');
    expect(page).toContain('10.1.1.9');
    expect(page).toContain('10.9.9.9 portal.example.com');
    expect(page).toContain('效果验证');

    const text = cli(['compare', before, after, '--lang', 'zh-CN']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('其他变化 3 处');
    expect(text.stdout).toMatch(/\[新增\] DNS 服务器: 10\.1\.1\.9/);
    expect(text.stdout).toMatch(/\[移除\] DNS 服务器: 10\.0\.0\.53/);
    expect(text.stdout).toMatch(/\[新增\] hosts 条目: 10\.9\.9\.9 portal\.example\.com/);
  }, 180_000);

  it('--now collects live and reports the same changes against the before archive', () => {
    const b = bench();
    const before = collect(b, '4712', join(b.dir, 'before'));
    change(b);
    const r = cli(['compare', before, '--now', '--policy', b.policy, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as CompareReport;
    expect(report.after.name).toBe('live');
    expectOnlyPlanted(report);
  }, 180_000);

  it('bad input: a missing archive, both an after archive and --now, neither', () => {
    const missing = cli(['compare', join(work, 'nope.zip'), join(work, 'nope2.zip')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
    const notZip = join(work, 'not.zip');
    writeFileSync(notZip, 'hello');
    const bad = cli(['compare', notZip, notZip, '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error).toContain('not a readable diagcollect archive');
    expect(cli(['compare', notZip]).code).toBe(2);
    expect(cli(['compare', notZip, notZip, '--now']).code).toBe(2);
  });
});

describe('diagcollect compare → Redmine (real server)', () => {
  it('posts the verdict as one note and attaches 对比报告.html once, also when run twice', async () => {
    const issue = await api.createIssue();
    const b = bench({ upload: { target: 'redmine', redmine: { url: redmine.REDMINE_URL, project: redmine.REDMINE_PROJECT } } });
    const before = collect(b, issue, join(b.dir, 'before'));
    change(b);
    const after = collect(b, issue, join(b.dir, 'after'));
    const env = { DIAGCOLLECT_REDMINE_API_KEY: redmine.REDMINE_API_KEY };
    for (let run = 0; run < 2; run++) {
      const r = cli(['compare', before, after, '--policy', b.policy, '--json'], env);
      expect(r.code, r.stderr + r.stdout).toBe(0);
      // The planted changes; on a machine too busy for a check to finish in time, the note may add
      // that it is still failing (never that it got better: a timeout is no fix).
      const out = JSON.parse(r.stdout) as { note: string; upload: { state: string } };
      expect(out.upload.state).toBe('done');
      expect(out.note).toMatch(new RegExp(`^【技术支持】${issue} 效果验证: 其他变化 3 处(，仍有 \\d+ 项警告或失败)?$`));
    }
    const res = await fetchRepeatable(`${redmine.REDMINE_URL}/issues/${issue}.json?include=journals,attachments`, { headers: { 'X-Redmine-API-Key': redmine.REDMINE_API_KEY } });
    const body = (await res.json()) as { issue: { journals: Array<{ notes: string | null }>; attachments: Array<{ filename: string }> } };
    const verdicts = body.issue.journals.filter((j) => j.notes?.includes('效果验证'));
    expect(verdicts).toHaveLength(1);
    expect(body.issue.attachments.filter((a) => a.filename === '对比报告.html')).toHaveLength(1);
    expect(existsSync(join(b.dir, 'after', '对比报告.html'))).toBe(true);
    expect(readdirSync(join(b.dir, 'after')).filter((n) => n.endsWith('.zip'))).toHaveLength(1);
  }, 240_000);
});
