/**
 * Fault suite (issue 13, and the archive's promise to open on Windows): app logs with names that
 * Linux allows and Windows or UTF-8 do not, through the real CLI as a process and real files.
 * - names Windows reserves for devices (`con.log`, `AUX.txt.log`, `lpt1`) would not extract on
 *   a Windows desktop: they are archived under a name that does (`_con.log`);
 * - `:*?"<>|`, a newline, a trailing dot or space, and two names that differ only in case are
 *   archived under names that extract everywhere (these held before; kept here as cases);
 * - a name that is not valid UTF-8 cannot be opened by the name Node reads: skipped with that
 *   reason and what to do (before: "does not exist", about a file that does);
 * - a 50 GB sparse log, a socket and a folder named `*.log` do not hang or fail the run;
 * - /proc and /sys files (stat says 0 or 4096 bytes whatever they hold) are archived with their
 *   content — before, /proc/cpuinfo was an empty entry and /sys a "shrank while being read" note.
 * Asserts behaviour only; timeouts are hang guards.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readZip } from '../helpers/zip.js';
import { startCli } from './support.js';

const linux = process.platform === 'linux';
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A name segment Windows can create: no reserved device name, no `<>:"\|?*` or control characters, no trailing dot or space. */
function windowsCanCreate(segment: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[<>:"\\|?*\u0000-\u001f]/.test(segment) || /[. ]$/.test(segment)) return false;
  return !/^(?:CON|PRN|AUX|NUL|COM[1-9¹²³]|LPT[1-9¹²³])(?:\..*)?$/i.test(segment);
}

describe.runIf(linux)('faults: file names the archive must carry to Windows (real CLI, real files)', () => {
  it('reserved, invalid and case-twin names extract on Windows; a non-UTF-8 name is skipped with the true reason; special files do not hang', async () => {
    const root = mkdtempSync(join(os.tmpdir(), 'diagcollect-fault-names-'));
    temps.push(root);
    const logs = join(root, 'logs');
    mkdirSync(logs);
    const names = ['normal.log', 'con.log', 'AUX.txt.log', 'lpt1', 'COM¹.log', 'a:b*c?d"e<f>g|h.log', 'new\nline.log', 'trail.log ', 'Case.log', 'case.log'];
    for (const n of names) writeFileSync(join(logs, n), `content of ${JSON.stringify(n)}\n`);
    // Not valid UTF-8: Node reads the name with U+FFFD in it, and that name does not exist.
    writeFileSync(Buffer.concat([Buffer.from(`${logs}/bad`), Buffer.from([0xff, 0xfe]), Buffer.from('name.log')]), 'latin-1 name\n');
    writeFileSync(join(logs, 'sparse.log'), '');
    truncateSync(join(logs, 'sparse.log'), 50 * 1024 ** 3);
    mkdirSync(join(logs, 'dir.log'));
    execFileSync('python3', ['-c', `import socket; socket.socket(socket.AF_UNIX).bind(${JSON.stringify(join(logs, 'sock.log'))})`]);
    const policy = join(root, 'policy.json');
    writeFileSync(policy, JSON.stringify({ appLogPaths: [join(logs, '*')] }));

    const { done } = startCli(['collect', '--ticket', 'F-30', '--json', '--only', 'app-logs', '--no-screenshot', '--policy', policy, '--out', join(root, 'out')], { DIAGCOLLECT_DATA_DIR: join(root, 'data') });
    const r = await done;
    expect(r.code, r.stderr).toBe(0);
    const entries = await readZip((JSON.parse(r.stdout) as { archive: { path: string } }).archive.path);
    const logEntries = entries.filter((e) => e.name.startsWith('软件日志/'));
    // Every segment of every entry can be created on Windows, and no two collide there.
    for (const e of entries) expect(e.name.split('/').filter((s) => !windowsCanCreate(s)), e.name).toEqual([]);
    expect(new Set(entries.map((e) => e.name.toLowerCase())).size).toBe(entries.length);
    // Every regular file with a readable name is there, with its own content.
    const contents = logEntries.map((e) => e.data.toString('utf8'));
    for (const n of names) expect(contents, n).toContain(`content of ${JSON.stringify(n)}\n`);
    expect(logEntries.map((e) => e.name.split('/').pop())).toEqual(expect.arrayContaining(['_con.log', '_AUX.txt.log', '_lpt1', '_COM¹.log']));
    expect(logEntries.find((e) => e.name.endsWith('/sparse.log'))?.data.length).toBeGreaterThan(0);

    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as { skipped: Array<{ source: string; reason: string }> };
    const bad = manifest.skipped.find((s) => s.source.includes('\uFFFD'));
    expect(bad?.reason).toMatch(/not valid UTF-8/);
    expect(bad?.reason).not.toMatch(/does not exist/);
    expect(manifest.skipped.find((s) => s.source === join(logs, 'sock.log'))?.reason).toMatch(/socket/);
  });
});

describe.runIf(linux)('faults: /proc and /sys files named by the policy (real CLI)', () => {
  it('are archived with what a read returns, not the size stat reports', async () => {
    const root = mkdtempSync(join(os.tmpdir(), 'diagcollect-fault-proc-'));
    temps.push(root);
    const policy = join(root, 'policy.json');
    writeFileSync(policy, JSON.stringify({ configPaths: ['/proc/version', '/proc/cpuinfo', '/sys/class/net/lo/mtu'] }));
    const r = await startCli(['collect', '--ticket', 'F-31', '--json', '--only', 'config', '--no-screenshot', '--policy', policy, '--out', join(root, 'out')], { DIAGCOLLECT_DATA_DIR: join(root, 'data') }).done;
    expect(r.code, r.stderr).toBe(0);
    const entries = await readZip((JSON.parse(r.stdout) as { archive: { path: string } }).archive.path);
    const entry = (suffix: string) => entries.find((e) => e.name.endsWith(suffix));
    expect(entry('/version')?.data.toString('utf8')).toBe(readFileSync('/proc/version', 'utf8'));
    expect(entry('/cpuinfo')?.data.toString('utf8')).toMatch(/^processor\s*:/m);
    expect(entry('/mtu')?.data.toString('utf8')).toBe(readFileSync('/sys/class/net/lo/mtu', 'utf8'));
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as { items: Array<{ name: string; note?: string }> };
    expect(manifest.items.filter((i) => /shrank/.test(i.note ?? '')).map((i) => i.name)).toEqual([]);
  });
});
