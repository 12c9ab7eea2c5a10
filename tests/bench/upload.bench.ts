/**
 * Upload throughput and memory: the same ~200 MB file sent to the real local Redmine's
 * `/uploads.json` by `curl --data-binary @file` and by our RedmineConnector (undici, streamed
 * from disk), in the same run, alternating, best of `rounds`. Our side runs in a child process
 * (this file with `--child`) so its peak RSS (`process.resourceUsage().maxRSS`) is its own.
 * A second figure sends 1 GiB to a local discard server (Redmine's limit is 200 MB) to show the
 * memory stays flat with the file size.
 *
 *   node --import tsx tests/bench/upload.bench.ts [MB] [rounds]
 *
 * Every upload made here is deleted from Redmine again (DELETE /attachments/ID.json).
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sha256File } from '../../electron/engine/archive/sha256-file.js';
import { Secret } from '../../electron/engine/upload/credentials.js';
import { RedmineConnector } from '../../electron/engine/upload/redmine.js';
import { randomFile } from '../integration/helpers/ticket-apis.js';
import { ensureRedmine } from '../servers/servers.js';

export interface UploadBenchResult {
  curlMiBs: number;
  oursMiBs: number;
  /** oursMiBs / curlMiBs (curl without its 1 s Expect: 100-continue pause): the target is >= 0.8. */
  ratio: number;
  /** Peak RSS of the child process that ran our connector. */
  oursPeakRssMB: number;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MiB = 1024 * 1024;
const NAME = '12345_诊断信息_20261124-0930_bench.zip';

interface ChildReport {
  ms: number;
  bytes: number;
  maxRssMB: number;
  id: number | null;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ stdout: string; ms: number }> {
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolvePromise({ stdout, ms: performance.now() - t0 }) : reject(new Error(`${command} exited with ${code}: ${stdout}`))));
  });
}

async function benchFile(bytes: number): Promise<string> {
  const path = join(tmpdir(), `diagcollect-upload-bench-${bytes}.bin`);
  if (!existsSync(path) || statSync(path).size !== bytes) await randomFile(path, bytes);
  return path;
}

async function deleteUpload(url: string, key: string, id: number | null): Promise<void> {
  if (id === null) return;
  await fetch(`${url}/attachments/${id}.json`, { method: 'DELETE', headers: { 'X-Redmine-API-Key': key } }).then((r) => r.arrayBuffer());
}

/**
 * curl's own time for the transfer (`time_total`). By default curl sends `Expect: 100-continue`
 * for a big body and WEBrick never answers it, so curl idles 1 s before sending; the baseline
 * turns that off (`-H 'Expect:'`) so we compare transfers, not curl's timeout.
 */
async function curlOnce(url: string, key: string, file: string, expect100 = false): Promise<{ ms: number; id: number | null }> {
  const target = `${url}/uploads.json?filename=${encodeURIComponent(NAME)}`;
  const r = await run('curl', ['-sS', '--fail', ...(expect100 ? [] : ['-H', 'Expect:']), '-w', '\n%{time_total}', '-H', `X-Redmine-API-Key: ${key}`, '-H', 'Content-Type: application/octet-stream', '--data-binary', `@${file}`, target]);
  const [body = '', secs = ''] = r.stdout.trim().split('\n');
  const id = (JSON.parse(body) as { upload?: { id?: number } }).upload?.id ?? null;
  return { ms: Number(secs) * 1000, id };
}

/** Default curl (with its Expect: 100-continue pause), for the record. */
export async function curlDefaultMiBs(mb = 190): Promise<number> {
  const env = await ensureRedmine();
  const file = await benchFile(mb * MiB);
  const c = await curlOnce(env.REDMINE_URL, env.REDMINE_API_KEY, file, true);
  await deleteUpload(env.REDMINE_URL, env.REDMINE_API_KEY, c.id);
  return mb / (c.ms / 1000);
}

async function oursOnce(url: string, key: string, file: string, mode: 'redmine' | 'sink'): Promise<ChildReport> {
  const r = await run(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file, url, mode], { ...process.env, DIAGCOLLECT_REDMINE_API_KEY: key });
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildReport;
}

/** The child: one upload through the connector, timed around the upload only. */
async function childMain(file: string, url: string, mode: string): Promise<void> {
  const size = statSync(file).size;
  // The sink does not check digests; skip hashing 1 GiB there (Redmine checks the token digest).
  const sha256 = mode === 'sink' ? '0'.repeat(64) : await sha256File(file);
  const connector = await RedmineConnector.create({ url, apiKey: new Secret(process.env.DIAGCOLLECT_REDMINE_API_KEY ?? '') });
  const t0 = performance.now();
  let id: number | null = null;
  try {
    const up = await connector.upload({ path: file, name: NAME, size, sha256 });
    id = up.id;
  } finally {
    await connector.close();
  }
  const ms = performance.now() - t0;
  const report: ChildReport = { ms, bytes: size, maxRssMB: process.resourceUsage().maxRSS / 1024, id };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** Same-run comparison against curl on the real Redmine; best of `rounds` for each side. */
export async function benchUpload(options: { mb?: number; rounds?: number } = {}): Promise<UploadBenchResult> {
  const env = await ensureRedmine();
  const bytes = (options.mb ?? 190) * MiB; // Redmine's limit (start script) is 200 MiB
  const file = await benchFile(bytes);
  let curlBest = Infinity;
  let oursBest = Infinity;
  let peak = 0;
  for (let i = 0; i < (options.rounds ?? 3); i += 1) {
    const c = await curlOnce(env.REDMINE_URL, env.REDMINE_API_KEY, file);
    await deleteUpload(env.REDMINE_URL, env.REDMINE_API_KEY, c.id);
    curlBest = Math.min(curlBest, c.ms);
    const o = await oursOnce(env.REDMINE_URL, env.REDMINE_API_KEY, file, 'redmine');
    await deleteUpload(env.REDMINE_URL, env.REDMINE_API_KEY, o.id);
    oursBest = Math.min(oursBest, o.ms);
    peak = Math.max(peak, o.maxRssMB);
  }
  const curlMiBs = bytes / MiB / (curlBest / 1000);
  const oursMiBs = bytes / MiB / (oursBest / 1000);
  return { curlMiBs, oursMiBs, ratio: oursMiBs / curlMiBs, oursPeakRssMB: peak };
}

/** Our connector sending `mb` MiB to a local server that reads and discards the body. */
export async function benchUploadMemory(mb = 1024): Promise<{ MiBs: number; peakRssMB: number }> {
  const file = await benchFile(mb * MiB);
  const sink = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ upload: { id: 0, token: 'sink' } }));
    });
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()));
  try {
    const o = await oursOnce(`http://127.0.0.1:${(sink.address() as AddressInfo).port}`, 'sink-key', file, 'sink');
    return { MiBs: o.bytes / MiB / (o.ms / 1000), peakRssMB: o.maxRssMB };
  } finally {
    await new Promise<void>((r) => sink.close(() => r()));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  if (process.argv[2] === '--child') {
    await childMain(process.argv[3]!, process.argv[4]!, process.argv[5] ?? 'redmine');
  } else {
    const mb = process.argv[2] ? Number(process.argv[2]) : undefined;
    const rounds = process.argv[3] ? Number(process.argv[3]) : undefined;
    const r = await benchUpload({ ...(mb ? { mb } : {}), ...(rounds ? { rounds } : {}) });
    const env = await ensureRedmine();
    const small = await oursOnce(env.REDMINE_URL, env.REDMINE_API_KEY, await benchFile(10 * MiB), 'redmine');
    await deleteUpload(env.REDMINE_URL, env.REDMINE_API_KEY, small.id);
    const big = await benchUploadMemory(1024);
    console.log(`upload of ${mb ?? 190} MiB to Redmine /uploads.json (best of ${rounds ?? 3}):`);
    const curlDefault = await curlDefaultMiBs(mb ?? 190);
    console.log(`  curl --data-binary  ${r.curlMiBs.toFixed(1)} MiB/s  (-H 'Expect:'; with curl's default Expect: 100-continue ${curlDefault.toFixed(1)} MiB/s)`);
    console.log(`  RedmineConnector    ${r.oursMiBs.toFixed(1)} MiB/s   ratio ${r.ratio.toFixed(2)} (target >= 0.8)`);
    console.log(`  our peak RSS        ${r.oursPeakRssMB.toFixed(0)} MB (10 MiB file: ${small.maxRssMB.toFixed(0)} MB)`);
    console.log(`1 GiB to a local discard server: ${big.MiBs.toFixed(0)} MiB/s, peak RSS ${big.peakRssMB.toFixed(0)} MB (flat memory)`);
    console.log(JSON.stringify({ ...r, smallFilePeakRssMB: small.maxRssMB, oneGiBPeakRssMB: big.peakRssMB, oneGiBMiBs: big.MiBs }));
  }
}
