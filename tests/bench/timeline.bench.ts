/**
 * Incident timeline over a large volume of mixed logs, streamed the way the session streams them:
 * a deterministic corpus (≈ 500 MB by default: ISO/log4j, journalctl short-iso, RFC 3164 and
 * RFC 5424 syslog, Chromium, journald JSON, Windows event text, .NET, with stack traces and a few
 * undated lines) is written to temp files once, outside the timed part; then each file is read
 * with a file stream through `TimelineTap.stream` (decode, split, date, level, count, keep) into
 * a sink, one after another, and `finish` builds timeline.json's document. Baseline in the same
 * process over the same files: the file stream decoded to text (StringDecoder) — the floor any
 * text reader pays. The timed part runs in a child process that loads only the timeline, and its
 * peak RSS is sampled there while the timeline runs.
 *
 * Targets (issue 16): ≤ 5 s for 500 MB, ≤ 150 MB RSS, ≥ 98 % of lines dated.
 *
 *   npx tsx tests/bench/timeline.bench.ts          (BENCH_MB=… to change the volume)
 */
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import { TimelineTap } from '../../electron/engine/timeline/tap.js';
import { prng } from './prng.js';

export interface TimelineBench {
  inputMB: number;
  files: number;
  /** Wall-clock seconds of the timeline over the whole corpus. */
  seconds: number;
  /**
   * CPU seconds of this process during the timeline (all threads): the figure that stays
   * meaningful when other processes share the cores.
   */
  cpuSeconds: number;
  baselineCpuSeconds: number;
  /** RSS just before the timeline started (the runtime and the loader), after a full GC. */
  rssBeforeMB: number;
  mbPerSec: number;
  /** Read + decode only, over the same files. */
  baselineSeconds: number;
  /** seconds / baselineSeconds. */
  ratioToBaseline: number;
  peakRssMB: number;
  datedShare: number;
  lines: number;
  events: number;
  windowEvents: number;
}

const p2 = (n: number) => String(n).padStart(2, '0');
const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LV = ['INFO', 'INFO', 'INFO', 'INFO', 'DEBUG', 'WARN', 'ERROR'];
const MSG = [
  'request GET /api/v2/items completed in 41ms status=200',
  'connected to 10.0.3.7:5432 pool size 10 idle 3',
  'cache hit ratio 0.93 evictions 12 keys=881',
  'sync of 14 files finished in 3.2s',
  'worker 3 heartbeat ok, uptime 88123s',
  'retrying connection to crm.corp.example.com:443 (attempt 2 of 5)',
];

type Formatter = (d: Date, r: () => number, i: number) => string;

const local = (d: Date) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}`;
const ms3 = (d: Date) => String(d.getMilliseconds()).padStart(3, '0');

/** One generator per format; some lines carry continuations (stack traces) or no date at all. */
const FORMATS: Array<[string, Formatter]> = [
  ['log4j.log', (d, r, i) => `${local(d)},${ms3(d)} ${LV[i % 7]} [worker-${i % 8}] com.example.xxsoftware.Sync - ${MSG[i % 6]}${i % 50 === 0 ? '\njava.net.SocketTimeoutException: connect timed out\n\tat com.example.xxsoftware.Sync.run(Sync.java:88)' : ''}`],
  ['journal-short-iso.txt', (d, _r, i) => `${d.toISOString().slice(0, 19)}+0000 pc-01 xxsoftware[${1000 + (i % 50)}]: ${MSG[i % 6]}`],
  ['syslog-3164.txt', (d, _r, i) => `${MON[d.getMonth()]} ${String(d.getDate()).padStart(2, ' ')} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())} pc-01 xxsoftware[${i % 999}]: ${MSG[i % 6]}`],
  ['syslog-5424.txt', (d, _r, i) => `<${8 + (i % 8)}>1 ${d.toISOString()} pc-01 xxsoftware ${i % 999} - - ${MSG[i % 6]}`],
  ['chromium.log', (d, _r, i) => `[4711:4712:${p2(d.getMonth() + 1)}${p2(d.getDate())}/${p2(d.getHours())}${p2(d.getMinutes())}${p2(d.getSeconds())}.${ms3(d)}123:${i % 9 === 0 ? 'ERROR' : 'INFO'}:components/sync/engine.cc(${i % 900})] ${MSG[i % 6]}`],
  ['journal.json', (d, _r, i) => `{"__REALTIME_TIMESTAMP":"${d.getTime()}000","PRIORITY":"${i % 8}","_HOSTNAME":"pc-01","SYSLOG_IDENTIFIER":"xxsoftware","MESSAGE":"${MSG[i % 6]}","_PID":"${1000 + (i % 50)}"}`],
  ['dotnet.log', (d, _r, i) => (i % 200 === 7 ? `---- undated banner line ${i} ----` : `${local(d)}.${ms3(d)} +00:00 [${['INF', 'INF', 'WRN', 'ERR', 'DBG'][i % 5]}] ${MSG[i % 6]}`)],
  ['System.txt', (d, _r, i) => `Event[${i}]:\n  Log Name: System\n  Source: Service Control Manager\n  Date: ${d.toISOString().slice(0, 23)}0000Z\n  Event ID: ${7000 + (i % 40)}\n  Task: N/A\n  Level: ${['Information', 'Warning', 'Error'][i % 3]}\n  Opcode: N/A\n  Keyword: Classic\n  User: N/A\n  User Name: N/A\n  Computer: PC-01\n  Description: \n${MSG[i % 6]}\n`],
];

/** Writes ≈ `mb` MB in the formats above to `dir`, spread over 24 hours ending at `end`. */
export async function writeCorpus(dir: string, mb: number, end: number): Promise<string[]> {
  const per = Math.ceil((mb * 1e6) / FORMATS.length);
  const files: string[] = [];
  for (const [k, [name, format]] of FORMATS.entries()) {
    const r = prng(1000 + k);
    const path = join(dir, name);
    const out = createWriteStream(path);
    let bytes = 0;
    let i = 0;
    const step = 86_400_000 / (per / 110);
    let t = end - 86_400_000;
    while (bytes < per) {
      const lines: string[] = [];
      for (let n = 0; n < 2000; n += 1, i += 1) {
        t += step * (0.5 + r());
        lines.push(format(new Date(t), r, i));
      }
      const chunk = `${lines.join('\n')}\n`;
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await new Promise<void>((res) => out.once('drain', () => res()));
    }
    await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
    files.push(path);
  }
  return files;
}

const sink = () => new Writable({ write: (_c, _e, cb) => cb() });

/** A full GC (to measure RSS from a clean start), also when not run with --expose-gc. */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

export async function benchTimeline(options: { mb?: number } = {}): Promise<TimelineBench> {
  const mb = options.mb ?? 500;
  const dir = mkdtempSync(join(os.tmpdir(), 'timeline-bench-'));
  try {
    const end = Date.UTC(2026, 11, 5, 10, 0);
    const files = await writeCorpus(dir, mb, end);
    let inputBytes = 0;

    // Baseline: read and decode the same files.
    collectGarbage();
    const c0 = cpu();
    const t0 = performance.now();
    for (const f of files) {
      const d = new StringDecoder('utf8');
      await pipeline(createReadStream(f, { highWaterMark: 1 << 20 }), new Writable({ write: (c: Buffer, _e, cb) => { inputBytes += c.length; d.write(c); cb(); } }));
    }
    const baselineSeconds = (performance.now() - t0) / 1000;
    const baselineCpuSeconds = cpu() - c0;

    // The timed part runs in a process of its own that loads only the timeline: its RSS is the
    // timeline's (plus Node's), not this runner's with every other bench and the corpus writer.
    const run = await timedInChild(end, files);
    const { seconds, cpuSeconds, rssBefore, peak, doc } = run;
    return {
      inputMB: inputBytes / 1e6,
      files: files.length,
      seconds,
      cpuSeconds,
      baselineCpuSeconds,
      rssBeforeMB: rssBefore / 1024 / 1024,
      mbPerSec: inputBytes / 1e6 / seconds,
      baselineSeconds,
      ratioToBaseline: seconds / baselineSeconds,
      peakRssMB: peak / 1024 / 1024,
      datedShare: doc.totals.datedShare,
      lines: doc.totals.lines,
      events: doc.totals.events,
      windowEvents: doc.window.events,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface TimedRun {
  seconds: number;
  cpuSeconds: number;
  rssBefore: number;
  peak: number;
  doc: { totals: { datedShare: number; lines: number; events: number }; window: { events: number } };
}

/** The timeline over `files`, streamed as the session streams them; in this process. */
async function timedHere(end: number, files: readonly string[]): Promise<TimedRun> {
  collectGarbage();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  const c0 = cpu();
  const t0 = performance.now();
  const tap = new TimelineTap({ collectors: [{ id: 'app-logs', category: 'app-logs' }], occurredAt: '2026-12-05 09:30', startedAt: new Date(end) });
  for (const f of files) {
    const item = { name: `软件日志/${f.split('/').pop()!}`, collector: 'app-logs', kind: 'text' as const };
    await pipeline(tap.stream(item, createReadStream(f, { highWaterMark: 1 << 16 })), sink());
  }
  const doc = tap.finish({ ticket: '12345', host: 'pc-01', lang: 'zh-CN', startedAt: new Date(end), finishedAt: new Date(end + 30_000), checks: [], checksFinishedAt: new Date(end) });
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = cpu() - c0;
  clearInterval(sample);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { seconds, cpuSeconds, rssBefore, peak, doc: { totals: doc.totals, window: { events: doc.window.events } } };
}

/** Runs timedHere in a child process (this file with --worker) and reads its JSON answer. */
async function timedInChild(end: number, files: readonly string[]): Promise<TimedRun> {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', self, '--worker', String(end), ...files], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`the timeline bench worker exited with ${code}`);
  return JSON.parse(out) as TimedRun;
}

/** The bench's rows (part, figure, target), for run.ts and for this file run alone. */
export function timelineRows(r: TimelineBench): Array<[string, string, string]> {
  const verdict = (ok: boolean) => (ok ? 'meets target' : 'BELOW TARGET');
  return [
    ['timeline: wall time for the corpus', `${r.seconds.toFixed(2)} s for ${r.inputMB.toFixed(0)} MB (${r.mbPerSec.toFixed(0)} MB/s; read+decode alone ${r.baselineSeconds.toFixed(2)} s, ${r.ratioToBaseline.toFixed(1)}x)`, `<= 5 s per 500 MB: ${verdict(r.seconds * (500 / r.inputMB) <= 5)}`],
    ['timeline: CPU time (all threads)', `${r.cpuSeconds.toFixed(2)} s (${(r.inputMB / r.cpuSeconds).toFixed(0)} MB per CPU second; read+decode alone ${r.baselineCpuSeconds.toFixed(2)} s)`, `<= 5 s per 500 MB: ${verdict(r.cpuSeconds * (500 / r.inputMB) <= 5)}`],
    ['timeline: peak RSS', `${r.peakRssMB.toFixed(0)} MB (${r.rssBeforeMB.toFixed(0)} MB before it started)`, `<= 150 MB: ${verdict(r.peakRssMB <= 150)}`],
    ['timeline: lines dated', `${(r.datedShare * 100).toFixed(2)} % of ${r.lines} lines (${r.events} events, ${r.windowEvents} in the ±30 min window)`, `>= 98 %: ${verdict(r.datedShare >= 0.98)}`],
  ];
}

export async function main(): Promise<void> {
  const rows = timelineRows(await benchTimeline({ mb: Number(process.env.BENCH_MB ?? 500) }));
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv[2] === '--worker') process.stdout.write(JSON.stringify(await timedHere(Number(process.argv[3]), process.argv.slice(4))));
  else await main();
}
