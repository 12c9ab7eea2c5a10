/**
 * The agent's link end to end, through the real `diagcollect` process: make a key, make a link,
 * collect from the link (prefilled ticket, no --ticket), and refuse tampered, foreign and
 * misdirected links before anything is collected. Also `policy show` and `collect --silent`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'electron/cli/diagcollect.mjs');
const tmp = (p: string) => mkdtempSync(join(os.tmpdir(), p));

function cli(args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd, env: { ...process.env, DISPLAY: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function keygen(dir: string, name: string): { key: string; publicKey: string; keyId: string } {
  const r = cli(['link', 'keygen', '--out', join(dir, name), '--json']);
  expect(r.code, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout) as { privateKeyFile: string; publicKey: string; keyId: string };
  return { key: out.privateKeyFile, publicKey: out.publicKey, keyId: out.keyId };
}

describe('diagcollect link (real process)', () => {
  const dir = tmp('link-it-');
  const agent = keygen(dir, 'agent.key');
  const stranger = keygen(dir, 'stranger.key');
  const policyFile = join(dir, 'policy.json');
  writeFileSync(
    policyFile,
    JSON.stringify({
      linkSigning: { publicKeys: [agent.publicKey] },
      distribution: { downloadUrl: 'https://downloads.example.com/diagcollect/DiagnosticsCollector_{ticket}.exe' },
      upload: { allowedHosts: ['redmine.example.com'] },
    }),
  );
  const makeLink = (args: string[], key = agent.key) => {
    const r = cli(['link', '--ticket', '12345', '--key', key, '--policy', policyFile, '--json', ...args]);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as { link: string; downloadUrl: string; keyId: string; expiresAt: string; email: { subject: string; body: Record<string, string> } };
  };

  it('keygen writes a private key only its owner can read, and never overwrites one', () => {
    expect(statSync(agent.key).mode & 0o777).toBe(0o600);
    expect(readFileSync(agent.key, 'utf8')).toContain('BEGIN PRIVATE KEY');
    expect(Buffer.from(agent.publicKey, 'base64')).toHaveLength(32);
    const again = cli(['link', 'keygen', '--out', agent.key]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });

  it('prints the signed link, the download link and the message with the standard subject', () => {
    const out = makeLink(['--expires', '2h']);
    expect(out.link).toMatch(/^diagcollect:\/\/collect\?ticket=12345&exp=\d+&kid=[\w-]{11}&sig=[\w-]{86}$/);
    expect(out.keyId).toBe(agent.keyId);
    expect(new Date(out.expiresAt).getTime() - Date.now()).toBeGreaterThan(1.9 * 3_600_000);
    expect(out.downloadUrl).toBe('https://downloads.example.com/diagcollect/DiagnosticsCollector_12345.exe');
    expect(out.email.subject).toBe('【技术支持】12345');
    expect(out.email.body['zh-CN']).toContain('1. ');
    expect(out.email.body.en).toContain(out.link);
    // The policy has no ticket system: the message says to send the draft, never that it uploads.
    expect(out.email.body.en).toContain('send the draft to us');
    expect(out.email.body.en).not.toMatch(/upload/i);
    const toRedmine = makeLink(['--target', 'redmine', '--target-url', 'https://redmine.example.com']);
    expect(toRedmine.email.body.en).toContain('uploaded to the ticket automatically');
    const text = cli(['link', '--ticket', '12345', '--key', agent.key, '--policy', policyFile, '--lang', 'en']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Message to send — subject: 【技术支持】12345');
    expect(text.stdout).toContain('---- English ----');
    expect(text.stdout).not.toContain('---- 中文 ----');
  });

  it('collects from the link: the ticket comes from the signed link', () => {
    const data = tmp('link-data-');
    const { link } = makeLink([]);
    const r = cli(['collect', '--link', link, '--policy', policyFile, '--only', 'versions', '--no-screenshot', '--json'], { DIAGCOLLECT_DATA_DIR: data });
    expect([0, 3], r.stderr).toContain(r.code);
    const result = JSON.parse(r.stdout) as { ok: boolean; ticket: string; archive: { name: string; path: string } };
    expect(result.ok).toBe(true);
    expect(result.ticket).toBe('12345');
    expect(result.archive.name).toMatch(/^12345_诊断信息_\d{8}-\d{4}_.+\.zip$/);
    expect(result.archive.path.startsWith(join(data, 'outbox', '12345'))).toBe(true);
  });

  it('refuses tampered, foreign, misdirected and mismatched links with exit 2 and collects nothing', () => {
    const data = tmp('link-data-');
    const { link } = makeLink([]);
    const run = (url: string, extra: string[] = []) => cli(['collect', '--link', url, '--policy', policyFile, '--only', 'versions', '--json', ...extra], { DIAGCOLLECT_DATA_DIR: data });
    const expectRefused = (r: ReturnType<typeof cli>, text: string) => {
      expect(r.code).toBe(2);
      expect((JSON.parse(r.stdout) as { error: string }).error).toContain(text);
    };
    expectRefused(run(link.replace('ticket=12345', 'ticket=12346')), 'the link was changed after it was signed');
    expectRefused(run(makeLink([], stranger.key).link), `signed by a key this computer does not trust (key id ${stranger.keyId}`);
    expectRefused(run(makeLink(['--target', 'redmine', '--target-url', 'https://evil.example.net']).link), 'evil.example.net, which this computer\'s policy does not allow');
    expectRefused(run('diagcollect://collect?ticket=12345'), 'it is not signed');
    expectRefused(run(link, ['--ticket', '999']), '--ticket 999 is not the ticket of the link (12345)');
    expect(existsSync(join(data, 'outbox'))).toBe(false);
  });

  it('refuses to sign with a key others can read, and a link longer than 30 days', () => {
    const loose = join(dir, 'loose.key');
    writeFileSync(loose, readFileSync(agent.key), { mode: 0o644 });
    const r = cli(['link', '--ticket', '1', '--key', loose, '--policy', policyFile]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('can be read by other users');
    expect(cli(['link', '--ticket', '1', '--key', agent.key, '--expires', '31d']).stderr).toContain('at most 30 days');
  });
});

describe('policy show and collect --silent (real process)', () => {
  it('shows every value with its source, and exits 2 naming a bad source', () => {
    const data = tmp('policy-show-');
    writeFileSync(join(data, 'settings.json'), JSON.stringify({ archiveLanguage: 'en', deadlineSeconds: 30 }));
    const file = join(data, 'p.json');
    writeFileSync(file, JSON.stringify({ deadlineSeconds: 45 }));
    const r = cli(['policy', 'show', '--policy', file, '--json'], { DIAGCOLLECT_DATA_DIR: data });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { ok: boolean; values: Array<{ key: string; value: unknown; source: string; location?: string; locked: boolean }>; sources: Array<{ kind: string; location: string; present: boolean }> };
    expect(report.ok).toBe(true);
    const value = (key: string) => report.values.find((v) => v.key === key);
    expect(value('archiveLanguage')).toEqual({ key: 'archiveLanguage', value: 'en', source: 'user', location: join(data, 'settings.json'), locked: false });
    expect(value('deadlineSeconds')).toMatchObject({ value: 45, source: 'file', location: file });
    expect(value('concurrency')).toMatchObject({ value: 4, source: 'default' });
    expect(report.sources.map((s) => s.kind)).toEqual(['managed', 'file', 'user']);
    const text = cli(['policy', 'show', '--policy', file], { DIAGCOLLECT_DATA_DIR: data });
    expect(text.stdout).toMatch(/deadlineSeconds\s+45\s+policy file \(/);
    writeFileSync(join(data, 'settings.json'), JSON.stringify({ archiveLanguage: 'fr' }));
    const bad = cli(['policy', 'show'], { DIAGCOLLECT_DATA_DIR: data });
    expect(bad.code).toBe(2);
    expect(bad.stdout).toContain(`user settings ${join(data, 'settings.json')}: archiveLanguage: Invalid option`);
  });

  it('collect --silent prints nothing, logs the run, and still collects with a bad user settings file', () => {
    const data = tmp('silent-');
    writeFileSync(join(data, 'settings.json'), '{ not json');
    const r = cli(['collect', '--ticket', '4711', '--only', 'versions', '--silent'], { DIAGCOLLECT_DATA_DIR: data });
    expect([0, 3]).toContain(r.code);
    expect(r.stdout).toBe('');
    expect(readdirSync(join(data, 'outbox', '4711')).some((n) => n.startsWith('4711_'))).toBe(true);
    const log = readFileSync(join(data, 'logs', 'diagcollect.log'), 'utf8');
    expect(log).toContain('collect: diagcollect');
    expect(log).toContain(`policy: user settings ${join(data, 'settings.json')}: (the whole source): not valid JSON`);
    expect(log).toMatch(/archive 4711_诊断信息_\d{8}-\d{4}_.+\.zip/);
    expect(log).toMatch(/exit [03]\n$/);
  });
});
