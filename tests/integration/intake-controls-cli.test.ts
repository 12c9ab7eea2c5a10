/**
 * Issue 13 (hostile tester): right-to-left overrides, bidi isolates and marks, and control
 * characters (a NUL) typed into the intake reached `工单信息.txt` (which then looked binary), the
 * summary page, the e-mail draft and the ticket note on Redmine. Through the real CLI to the real
 * Redmine: none of them reaches any output, and the user is told which fields were cleaned.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../helpers/zip.js';
import { ensureRedmine, REPO_ROOT, type RedmineEnv } from '../servers/servers.js';
import { fetchRepeatable, RedmineApi } from './helpers/ticket-apis.js';

const BIN = join(REPO_ROOT, 'electron/cli/diagcollect.mjs');
// eslint-disable-next-line no-control-regex -- what must not reach any output
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** The same, less CR: MIME and Redmine's notes use CRLF line ends. */
// eslint-disable-next-line no-control-regex -- what must not reach the draft
const UNSAFE_BUT_CR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const QUIET_CHECKS = ['gateway', 'dns', 'proxy', 'endpoints', 'captive-portal', 'clock'];

let work: string;
let redmine: RedmineEnv;
let api: RedmineApi;

beforeAll(async () => {
  redmine = await ensureRedmine();
  api = new RedmineApi(redmine);
  work = mkdtempSync(join(os.tmpdir(), 'intake-controls-'));
}, 600_000);

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await api?.deleteCreated();
});

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, DISPLAY: '', DIAGCOLLECT_DATA_DIR: join(work, 'data'), ...env }, timeout: 170_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A spoofed file name (reads as `invoice_gpj.exe`), a NUL, an escape sequence, isolates and marks. */
const INTAKE = {
  name: '\u202E张伟\u202C',
  department: 'IT\u2067ops\u2069',
  problemDescription: 'opening invoice_\u202Eexe.jpg fails\u0000 with E1023\u001b[2K\r\nsecond line\u200F',
  solutionsTried: 'restarted\u2066 twice\u2069',
};

describe('intake text with bidi and control characters (real CLI → real Redmine)', () => {
  it('reaches neither 工单信息.txt, the summary page, manifest.json, the e-mail draft nor the ticket note; the user is told', async () => {
    const issue = await api.createIssue();
    const intakeFile = join(work, 'intake.json');
    writeFileSync(intakeFile, JSON.stringify(INTAKE));
    const policy = join(work, 'policy.json');
    writeFileSync(policy, JSON.stringify({ checks: { disabled: QUIET_CHECKS }, upload: { target: 'redmine', redmine: { url: redmine.REDMINE_URL, project: redmine.REDMINE_PROJECT } } }));
    const out = join(work, 'out');
    const r = cli(['collect', '--ticket', issue, '--only', 'versions', '--no-screenshot', '--intake', intakeFile, '--policy', policy, '--out', out, '--json'], { DIAGCOLLECT_REDMINE_API_KEY: redmine.REDMINE_API_KEY });
    expect(r.code, r.stderr + r.stdout).toBe(0);
    const json = JSON.parse(r.stdout) as { archive: { path: string }; emailDraft: string; intakeCleaned: Array<{ field: string; removed: number }> };
    expect(json.intakeCleaned).toEqual([
      { field: 'name', removed: 2 },
      { field: 'department', removed: 2 },
      { field: 'problemDescription', removed: 4 },
      { field: 'solutionsTried', removed: 2 },
    ]);

    const entries = await readZip(json.archive.path);
    const text = (name: string) => entries.find((e) => e.name === name)!.data.toString('utf8');
    const intakeText = text('工单信息.txt');
    expect(intakeText).not.toMatch(UNSAFE);
    expect(intakeText).toContain('opening invoice_exe.jpg fails with E1023[2K\n');
    expect(intakeText).toContain('  second line\n');
    expect(intakeText).toContain('张伟');
    const manifest = JSON.parse(text('manifest.json')) as { intake: Record<string, string>; intakeCleaned: unknown };
    expect(JSON.stringify(manifest.intake)).not.toMatch(UNSAFE);
    expect(manifest.intakeCleaned).toEqual(json.intakeCleaned);
    expect(text('诊断摘要.html')).not.toMatch(UNSAFE);
    const mail = await simpleParser(readFileSync(json.emailDraft));
    expect(mail.text).toContain('opening invoice_exe.jpg fails with E1023');
    expect(`${mail.subject}\n${mail.text}`).not.toMatch(UNSAFE_BUT_CR);

    const res = await fetchRepeatable(`${redmine.REDMINE_URL}/issues/${issue}.json?include=journals`, { headers: { 'X-Redmine-API-Key': redmine.REDMINE_API_KEY } });
    const notes = ((await res.json()) as { issue: { journals: Array<{ notes: string | null }> } }).issue.journals.map((j) => j.notes ?? '');
    expect(notes.join('\n')).toContain('opening invoice_exe.jpg fails with E1023');
    for (const note of notes) expect(note).not.toMatch(UNSAFE_BUT_CR);

    // The words for the user, in both languages.
    const zh = cli(['collect', '--ticket', 'F-21', '--only', 'versions', '--no-screenshot', '--intake', intakeFile, '--out', join(work, 'zh'), '--upload', 'outbox', '--lang', 'zh-CN']);
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toContain('已从姓名，所属部门，问题描述，已尝试的解决方案中删除 10 个隐藏的文字方向控制符或控制字符');
    const en = cli(['collect', '--ticket', 'F-22', '--only', 'versions', '--no-screenshot', '--intake', intakeFile, '--out', join(work, 'en'), '--upload', 'outbox', '--lang', 'en']);
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/10 hidden text-direction or control characters were removed from name, department, problem description,? (and )?solutions tried/);
    expect(readdirSync(join(work, 'en')).filter((n) => n.endsWith('.zip'))).toHaveLength(1);
  }, 600_000);
});
