#!/usr/bin/env node
// Checks the archive a real `diagcollect collect --ticket 12345 --json --no-screenshot --out <dir>`
// wrote on this runner (Windows, macOS or Linux): it is there with its e-mail draft, every entry
// the manifest lists is in the zip with its sha256, and every collector of this platform ran —
// `ok`, except the screenshot (left out by --no-screenshot) and the path collectors, which are
// `skipped` when policy names no paths. Prints a table either way; exits 1 on any problem.
//
//   node tests/ci/check-archive.mjs <out dir> [<collect --json output file>]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readZip } from './zip.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const [outDir, jsonFile] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: node tests/ci/check-archive.mjs <out dir> [collect.json]');
  process.exit(2);
}

/** Collectors that may be `skipped` and why; every other one must be `ok`. */
export const MAY_SKIP = {
  screenshot: 'collect ran with --no-screenshot',
  'app-logs': 'policy names no application log paths',
  config: 'policy names no configuration paths',
};

/**
 * Entries every archive of this platform must hold (zh-CN names, the default). On Linux the
 * system log may come from the journal or a fallback (containers have neither journal nor
 * syslog): there the system-logs collector being `ok` (it took something) is the check.
 */
export const REQUIRED_ENTRIES = {
  all: ['manifest.json', '工单信息.txt', '版本信息.txt', '系统信息.txt', '系统信息.json', '网络配置.txt', '网络配置.json', '网络配置/hosts.txt', '已安装软件.txt', '进程列表.txt'],
  win32: ['系统日志/系统日志.txt', '系统日志/System.evtx', '系统日志/Application.txt', '系统日志/Application.evtx', '网络配置/路由表.txt'],
  darwin: ['系统日志/系统日志.txt', '系统日志/内核日志.txt', '网络配置/路由表.txt'],
  linux: [],
};

async function platformCollectors() {
  // The registry itself decides what this platform runs (TypeScript, through tsx like the CLI).
  const { register } = await import('tsx/esm/api');
  register();
  const { COLLECTORS } = await import(`${root}electron/engine/collectors/index.ts`);
  return COLLECTORS.filter((c) => c.platforms.includes(process.platform)).map((c) => c.id);
}

const problems = [];
const zips = readdirSync(outDir).filter((f) => f.endsWith('.zip'));
if (zips.length !== 1) {
  console.error(`expected one archive in ${outDir}, found: ${readdirSync(outDir).join(', ') || '(nothing)'}`);
  process.exit(1);
}
const archive = join(outDir, zips[0]);
if (!/^12345_诊断信息_\d{8}-\d{4}_[A-Za-z0-9.-]+\.zip$/.test(zips[0])) problems.push(`archive name ${zips[0]} does not follow <ticket>_诊断信息_<YYYYMMDD-HHmm>_<host>.zip`);
if (!readdirSync(outDir).includes(zips[0].replace(/\.zip$/, '.eml'))) problems.push('the e-mail draft (.eml) is missing beside the archive');

if (jsonFile) {
  const text = readFileSync(jsonFile, 'utf8');
  let result;
  try {
    result = JSON.parse(text);
  } catch {
    console.error(`${jsonFile} is not the one JSON object collect --json prints:\n${text.slice(0, 2000)}`);
    process.exit(1);
  }
  console.log(`collect --json: ok ${result.ok}, exit code ${result.exitCode}`);
  if (!result.ok) problems.push(`collect --json reported ok: false (${result.error})`);
  if (result.exitCode !== 0) problems.push(`collect exited with ${result.exitCode} (3: some collector failed or timed out)`);
  if (result.archive && join(result.archive.path) !== join(process.cwd(), archive) && !result.archive.path.endsWith(zips[0])) problems.push(`collect --json names ${result.archive.path}, not ${archive}`);
}

const entries = await readZip(archive);
const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? 'null');
if (!manifest) {
  console.error(`${archive} has no manifest.json; entries: ${[...entries.keys()].join(', ')}`);
  process.exit(1);
}
if (manifest.os.platform !== process.platform) problems.push(`manifest says platform ${manifest.os.platform}, this runner is ${process.platform}`);
if (manifest.ticket !== '12345') problems.push(`manifest ticket is ${manifest.ticket}`);

const expected = await platformCollectors();
const runs = new Map(manifest.collectors.map((c) => [c.id, c]));
console.log(`${archive}: ${entries.size} entries, ${manifest.items.length} items, ${manifest.skipped.length} skipped sources\n`);
console.log('collector     status    ms      items  error / warnings');
for (const id of expected) {
  const c = runs.get(id);
  if (!c) {
    problems.push(`collector ${id} is not in the manifest`);
    continue;
  }
  const allowed = MAY_SKIP[id] ? ['ok', 'skipped'] : ['ok'];
  if (!allowed.includes(c.status)) problems.push(`collector ${id} is ${c.status}${c.error ? `: ${c.error}` : ''}`);
  const notes = [c.error, ...c.warnings].filter(Boolean).join(' | ');
  console.log(`${id.padEnd(13)} ${c.status.padEnd(9)} ${String(c.durationMs).padEnd(7)} ${String(c.items).padEnd(6)} ${notes}`);
}
for (const id of runs.keys()) if (!expected.includes(id)) problems.push(`collector ${id} ran but is not declared for ${process.platform}`);

for (const item of manifest.items) {
  const data = entries.get(item.name);
  if (!data) problems.push(`manifest lists ${item.name}, the zip does not hold it`);
  else if (createHash('sha256').update(data).digest('hex') !== item.sha256) problems.push(`${item.name}: sha256 differs from the manifest`);
}
for (const name of [...REQUIRED_ENTRIES.all, ...(REQUIRED_ENTRIES[process.platform] ?? [])]) {
  if (!entries.has(name)) problems.push(`the archive has no ${name}`);
}

console.log(`\nskipped sources:`);
for (const s of manifest.skipped) console.log(`  ${s.collector}: ${s.source} — ${s.reason}`);
if (problems.length) {
  console.error(`\n${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`\nok: every ${process.platform} collector ran as expected`);
