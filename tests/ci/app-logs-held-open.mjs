#!/usr/bin/env node
// Application logs on this runner, for real: the policy's paths use the platform's variables
// (%ProgramData%, %LOCALAPPDATA%, %APPDATA% on Windows; ~ elsewhere); one log is held open for
// writing by this process while diagcollect copies it (libuv opens files with FILE_SHARE_READ |
// FILE_SHARE_WRITE | FILE_SHARE_DELETE on Windows, so both sides may read and write); on Windows a
// second log is opened for exclusive access (UV_FS_O_EXLOCK: no sharing at all), and must end as
// a skip whose reason says another program holds it. Exits 1 on any problem.
//
//   node tests/ci/app-logs-held-open.mjs <work dir>
import { spawnSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, openSync, readdirSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readZip } from './zip.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = path.resolve(process.argv[2] ?? 'applogs-ci');
const win = process.platform === 'win32';
const folders = win
  ? [
      ['%ProgramData%', process.env.ProgramData],
      ['%LOCALAPPDATA%', process.env.LOCALAPPDATA],
      ['%APPDATA%', process.env.APPDATA],
    ]
  : [['~', os.homedir()]];

const problems = [];
const held = [];
const made = [];
try {
  mkdirSync(work, { recursive: true });
  for (const [variable, real] of folders) {
    if (!real) throw new Error(`${variable} is not set on this runner`);
    const dir = path.join(real, 'DiagCollectCI', 'Logs');
    mkdirSync(dir, { recursive: true });
    made.push(path.join(real, 'DiagCollectCI'));
    writeFileSync(path.join(dir, 'app.log'), `${variable} log 1\n${variable} log 2\n`);
  }
  const first = path.join(folders[0][1], 'DiagCollectCI', 'Logs');
  const shared = openSync(path.join(first, 'held-shared.log'), 'a');
  writeSync(shared, 'written while held open\n');
  held.push(shared);
  if (win) {
    const exclusive = openSync(path.join(first, 'held-exclusive.log'), constants.O_RDWR | constants.O_CREAT | constants.UV_FS_O_EXLOCK);
    writeSync(exclusive, 'nobody else may read this\n');
    held.push(exclusive);
  }

  const sep = win ? '\\' : '/';
  const policy = path.join(work, 'policy.json');
  const appLogPaths = folders.map(([v]) => [v, 'DiagCollectCI', 'Logs', '*.log'].join(sep));
  writeFileSync(policy, JSON.stringify({ appLogPaths }, null, 2));
  const out = path.join(work, 'out');
  const r = spawnSync(process.execPath, [path.join(root, 'electron/cli/diagcollect.mjs'), 'collect', '--ticket', '12346', '--json', '--no-screenshot', '--only', 'app-logs', '--policy', policy, '--out', out], { encoding: 'utf8' });
  if (r.status !== 0) problems.push(`collect exited with ${r.status}: ${r.stdout}${r.stderr}`);
  const zip = readdirSync(out).find((f) => f.endsWith('.zip'));
  const entries = await readZip(path.join(out, zip));
  const manifest = JSON.parse(entries.get('manifest.json').toString('utf8'));
  const names = [...entries.keys()].filter((n) => n.startsWith('软件日志/'));
  console.log(`policy.appLogPaths: ${JSON.stringify(appLogPaths)}`);
  console.log(`entries:\n${names.map((n) => `  ${n}`).join('\n')}`);
  console.log(`skipped:\n${manifest.skipped.map((s) => `  ${s.source} — ${s.reason}`).join('\n')}`);

  const logs = names.filter((n) => /\/app( \(\d\))?\.log$/.test(n));
  if (logs.length !== folders.length) problems.push(`expected ${folders.length} app.log entries (one per folder variable), found ${logs.length}`);
  const sharedEntry = names.find((n) => n.endsWith('held-shared.log'));
  if (!sharedEntry) problems.push('the log held open for writing was not collected');
  else if (entries.get(sharedEntry).toString('utf8') !== 'written while held open\n') problems.push(`held-shared.log holds ${JSON.stringify(entries.get(sharedEntry).toString('utf8'))}`);
  if (win) {
    const skip = manifest.skipped.find((s) => s.source.endsWith('held-exclusive.log'));
    if (!skip) problems.push('the exclusively opened log is neither collected nor skipped');
    else if (!/is locked by another program/.test(skip.reason)) problems.push(`the exclusively opened log was skipped for another reason: ${skip.reason}`);
    if (names.some((n) => n.endsWith('held-exclusive.log'))) problems.push('the exclusively opened log was collected: Windows did not enforce the lock?');
  }
} finally {
  for (const fd of held) closeSync(fd);
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
}
if (problems.length) {
  console.error(`\n${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`\nok: application logs on ${process.platform} (variables expanded, a log held open read${win ? ', an exclusive lock reported' : ''})`);
