/**
 * Redaction throughput on one core: ≥ 200 MB of deterministic log-like text (mostly clean lines,
 * about 1 % with a secret or personal value) through `Redactor.createStream()`, against a baseline
 * in the same process over the same bytes: a pass-through Transform that decodes UTF-8
 * (StringDecoder) and encodes it again — the floor any text stage pays. Target: ≥ 100 MB/s.
 * Also prints the corpus quality tables (tests/fixtures/redact), recall (forward, and as sent after
 * the mend step) and precision per rule for each corpus, grouped: the fixtures written with the rules, the held-out sets (each with its
 * first, unseen figure and since when it is tuned on), and real outputs of this machine's
 * collectors (real/, where nothing should be redacted).
 * Each row of the throughput table runs in a process of its own (`--row <name>`), warmed up on its
 * own first 4 MiB: rows measured one after another in one process distorted each other.
 *
 *   node --import tsx tests/bench/redact.bench.ts        (BENCH_MB=… to change the volume)
 *   node --import tsx tests/bench/redact.bench.ts --row web-app --mb 10   (one row, JSON)
 */
import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { Transform, type Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Redactor } from '../../electron/engine/redact/index.js';
import { computeCorpusQuality, CORPUS_SETS, formatCorpusReport, type CorpusQuality, type CorpusSet } from '../unit/engine/redact/corpus-quality.js';
import { buildCli, CLI, measure as measureCommand } from './measure.js';
import { prng } from './prng.js';

const execFileAsync = promisify(execFile);

export interface RedactBench {
  /** Redactor throughput, MB (10^6 bytes) of input per second of wall-clock time. */
  mbPerSec: number;
  /** Decode + re-encode pass-through over the same bytes. */
  baselineMbPerSec: number;
  /**
   * The same per second of CPU time of this process (all its threads, GC helpers included): the
   * figure that stays meaningful when other processes share the cores.
   */
  mbPerCpuSec: number;
  baselineMbPerCpuSec: number;
  /** CPU seconds of the redaction and of the pass-through over the same bytes. */
  cpuSeconds: number;
  baselineCpuSeconds: number;
  /** Highest resident set size sampled while the redactor ran. */
  peakRssMB: number;
  /** With every optional rule on and this machine's known values (first 50 MB only). */
  allRulesMbPerSec: number;
  /**
   * The first 50 MB again with the dialog line's ASCII quotes written as a Chinese UI writes them
   * (`“保存”`, one line in 14): every 64 KiB chunk is then a two-byte string, as real logs of a
   * Chinese desktop are. MB per CPU second (session 10 found this case at half the ASCII speed).
   */
  twoByteMbPerCpuSec: number;
  /** 50 MB of a Chinese client's log (generateChineseLogText: Han text on every line). MB per CPU second. */
  chineseMbPerCpuSec: number;
  /**
   * The first 10 MB with an e-mail address (and a public IPv4 address) at the end of every line
   * (`addressPerLine`): every line is woken and goes through the rules, the worst common case
   * (a mail or proxy server's log). MB per CPU second.
   */
  addressPerLineMbPerCpuSec: number;
  /**
   * 10 MB of a web server's access log (accessLogText): the other common shape of issue #13's
   * target. Every line holds `<status> <size>` (`200 1234`), which the digits scan wakes on, so
   * every line pays the digit rules' combined trigger. MB per CPU second.
   */
  accessLogMbPerCpuSec: number;
  /**
   * 10 MB of a web application's own log (webAppLogText: Rails request cycles as this machine's
   * Redmine writes them, Spring Boot lines in Chinese): the shape of an app-log folder. MB per CPU second.
   */
  webAppLogMbPerCpuSec: number;
  inputMB: number;
  /** Replacements made during the throughput run, per rule. */
  counts: Record<string, number>;
  /** Corpus quality of the tuned fixtures (kept for the bench runner's summary). */
  quality: CorpusQuality;
  /** Corpus quality per corpus: tuned, held-out, real. */
  qualityBySet: Record<CorpusSet, CorpusQuality>;
}

/** `diagcollect redact` (the built CLI, its own process) on one generated log. */
export interface RedactCliRun {
  inputMB: number;
  /** Peak resident set size of the whole process (GNU time). */
  peakRssMB: number;
  cpuSeconds: number;
  /** Input MB per CPU second of the process: start-up, reading and writing included. */
  mbPerCpuSec: number;
}

/** Writes about `mb` MB of the bench's log text to `path` (50 MB of it repeated, never all in memory). */
async function writeLogFile(path: string, mb: number): Promise<number> {
  const unique = generateLogText(Math.min(mb, 50));
  const out = createWriteStream(path);
  let bytes = 0;
  while (bytes < mb * 1e6) {
    for (const piece of unique) {
      if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      bytes += piece.length;
      if (bytes >= mb * 1e6) break;
    }
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return bytes;
}

/**
 * Memory of `diagcollect redact` at each size (issue 13: flat, <= 150 MB from 10 MB to 1 GB): the
 * redactor keeps copies of the values it replaces, never the input's chunks. Sizes in MB from
 * BENCH_REDACT_CLI_MB (default 10,100; add 1000 for the 1 GB point, about a minute of CPU).
 */
export async function benchRedactCli(sizes = (process.env.BENCH_REDACT_CLI_MB ?? '10,100').split(',').map(Number)): Promise<RedactCliRun[]> {
  buildCli();
  const dir = mkdtempSync(join(os.tmpdir(), 'redact-cli-bench-'));
  try {
    const runs: RedactCliRun[] = [];
    for (const mb of sizes) {
      const input = join(dir, `app-${mb}.log`);
      const bytes = await writeLogFile(input, mb);
      const out = join(dir, `out-${mb}`);
      const r = measureCommand(process.execPath, [CLI, 'redact', input, '--out', out], { env: { ...process.env, DIAGCOLLECT_DATA_DIR: join(dir, `data-${mb}`) } });
      if (r.status !== 0) throw new Error(`diagcollect redact failed on ${mb} MB (exit ${r.status}): ${r.stderr}`);
      runs.push({ inputMB: bytes / 1e6, peakRssMB: r.peakRssMB, cpuSeconds: r.cpuSeconds, mbPerCpuSec: bytes / 1e6 / r.cpuSeconds });
      rmSync(input, { force: true });
      rmSync(out, { recursive: true, force: true });
    }
    return runs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function qualityBySet(): Promise<Record<CorpusSet, CorpusQuality>> {
  const out = {} as Record<CorpusSet, CorpusQuality>;
  for (const set of Object.keys(CORPUS_SETS) as CorpusSet[]) out[set] = await computeCorpusQuality(CORPUS_SETS[set]);
  return out;
}


const LEVELS = ['INFO', 'INFO', 'INFO', 'DEBUG', 'DEBUG', 'WARN', 'ERROR'];
const MODULES = ['net.http', 'db.pool', 'ui.main', 'sync.worker', 'auth.session', 'updater', 'cache', 'scheduler', 'plugin.host'];
const GUIDS = ['3f2b1c4e-9a8d-4e7f-b6c5-1d2e3f4a5b6c', 'a1b2c3d4-e5f6-4789-abcd-ef0123456789', '0c7d9e2f-1b3a-4c5d-8e6f-7a8b9c0d1e2f'];

/** One line of clean log text; `r` picks the template and its numbers. */
function cleanLine(r: () => number, i: number): string {
  const n = Math.floor(r() * 100000);
  switch (i % 14) {
    case 0: return `request GET /api/v2/items/${n % 9973}?page=${n % 7} completed in ${n % 500}ms status=200 bytes=${n % 65536}`;
    case 1: return `connected to 10.0.${n % 255}.${(n * 3) % 255}:5432 pool size 10 idle ${n % 10} wait ${n % 30}ms`;
    case 2: return `loaded config from C:\\ProgramData\\XXSoftware\\Settings\\config.xml version 4.2.${n % 100}.${n % 3000}`;
    case 3: return `job ${GUIDS[n % 3]} finished: ${n % 40} files, ${(n % 900) / 10} MB in ${n % 60}s`;
    case 4: return `cache hit ratio 0.${n % 100} evictions ${n % 77} keys=${n % 1000} memory ${n % 512}MB`;
    case 5: return `session refreshed for tenant acme-${n % 50}, expires_in=3600 token_type=Bearer`;
    case 6: return `thread pool saturated: active=${n % 16} queued=${n % 40} completed=${n}`;
    case 7: return `deployed commit 9fceb02d0ae598e95dc970b74767f19372d61af8 build ${n % 20000} on Windows 10.0.19045.${n % 4000}`;
    case 8: return `worker ${n % 8} heartbeat ok, uptime ${n}s, load 0.${n % 99} 0.${n % 97} 0.${n % 95}`;
    case 9: return `HTTP/1.1 304 Not Modified etag="${(n * 2654435761).toString(16)}" cache-control: max-age=3600`;
    case 10: return `scheduler tick ${n}: next run at 2024-03-${String(1 + (n % 28)).padStart(2, '0')}T0${n % 10}:15:00Z (in ${n % 3600}s)`;
    case 11: return `plugin "report-export" v1.${n % 20}.${n % 9} loaded from /opt/xxsoftware/plugins/report-export (sha256 ok)`;
    case 12: return `user action: clicked "Save" in dialog Settings > Network after ${n % 9000}ms`;
    default: return `gc: young collection freed ${n % 800}MB in ${n % 40}ms, heap ${n % 4096}MB of 4096MB`;
  }
}

/** One line carrying something to redact. */
function dirtyLine(r: () => number, i: number): string {
  const n = Math.floor(r() * 1000000);
  switch (i % 8) {
    case 0: return `login failed for user=ops password=Pw${n}!x retry=1`;
    case 1: return `calling https://api.example.com/v1/data?access_token=tk${n}abcdef${n}&page=2`;
    case 2: return `Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyJHtufSIsIm4iOiIke259In0.${n}abcDEF_ghi`;
    case 3: return `contact wang.${n}@example.com about ticket, phone 138${String(n).padStart(8, '0')}`;
    case 4: return `opened C:\\Users\\user${n % 100}\\AppData\\Local\\XXSoftware\\cache.db`;
    case 5: return `"db_password": "S3cr3t-${n}", "timeout": 30`;
    case 6: return `aws_access_key_id=AKIA${String(n).padStart(16, 'X').slice(0, 16)}`;
    default: return `smtp connect smtp://mailer:Pa55-${n}@smtp.example.com:587 ok`;
  }
}

/** About `mb` MB of log text in 1 MiB pieces (generated once, outside the timed part). */
export function generateLogText(mb: number): Buffer[] {
  const r = prng(20240315);
  const pieces: Buffer[] = [];
  let total = 0;
  let i = 0;
  const target = mb * 1e6;
  while (total < target) {
    const lines: string[] = [];
    let size = 0;
    while (size < 1 << 20) {
      const stamp = `2024-03-15 ${String(8 + ((i / 36000) % 12 | 0)).padStart(2, '0')}:${String((i / 600) % 60 | 0).padStart(2, '0')}:${String((i / 10) % 60 | 0).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}`;
      const body = r() < 0.01 ? dirtyLine(r, i) : cleanLine(r, i);
      const line = `${stamp} [${LEVELS[i % LEVELS.length]}] ${MODULES[i % MODULES.length]} pid=${4000 + (i % 300)}: ${body}\n`;
      lines.push(line);
      size += line.length;
      i += 1;
    }
    const piece = Buffer.from(lines.join(''), 'utf8');
    pieces.push(piece);
    total += piece.length;
  }
  return pieces;
}

const CN_MODULES = ['同步服务', '上传模块', '主界面', '数据库连接池', '打印服务', '更新程序', '报表引擎', '登录模块'];
const CN_FILES = ['报表.xlsx', '月度汇总.docx', '客户清单.csv', '发票_2026.pdf', '配置备份.zip'];

/** One line of a Chinese desktop client's clean log text. */
function cleanChineseLine(r: () => number, i: number): string {
  const n = Math.floor(r() * 100000);
  switch (i % 10) {
    case 0: return `上传完成 文件=${CN_FILES[n % 5]} 大小=${n % 65536} 用时=${n % 500}ms`;
    case 1: return `连接数据库 10.0.${n % 255}.${(n * 3) % 255}:1433 成功，连接池大小 10，空闲 ${n % 10}`;
    case 2: return `加载配置 C:\\ProgramData\\XXSoftware\\设置\\config.xml 版本 4.2.${n % 100}`;
    case 3: return `任务 ${GUIDS[n % 3]} 已完成：${n % 40} 个文件，共 ${(n % 900) / 10} MB，耗时 ${n % 60} 秒`;
    case 4: return `用户点击“保存”按钮，对话框“网络设置”，耗时 ${n % 9000}ms`;
    case 5: return `缓存命中率 0.${n % 100}，淘汰 ${n % 77} 项，内存占用 ${n % 512}MB`;
    case 6: return `request GET /api/v2/单据/${n % 9973}?page=${n % 7} 返回 200，响应 ${n % 500}ms`;
    case 7: return `打印任务已提交到打印机“财务部-HP M404”，共 ${n % 30} 页`;
    case 8: return `检查更新：当前版本 4.2.${n % 100}，服务器版本 4.3.0，开始下载`;
    default: return `同步第 ${n % 1000} 批数据失败，${n % 5} 秒后重试（错误码 E${n % 900}）`;
  }
}

/** One line of the same client carrying something to redact. */
function dirtyChineseLine(r: () => number, i: number): string {
  const n = Math.floor(r() * 1000000);
  switch (i % 5) {
    case 0: return `登录失败 用户名=ops 密码=Pw${n}!x 重试=1`;
    case 1: return `联系人手机 139${String(n).padStart(8, '0')}，邮箱 li.${n}@example.com`;
    case 2: return `调用 https://api.example.com/v1/data?access_token=tk${n}abcdef${n}&page=2 失败`;
    case 3: return `打开 C:\\Users\\user${n % 100}\\AppData\\Local\\XXSoftware\\缓存.db`;
    default: return `"db_password": "S3cr3t-${n}", "超时": 30`;
  }
}

/**
 * About `mb` MB of a Chinese desktop client's log (Han text on every line, ~1 % of lines with a
 * secret or personal value) in 1 MiB pieces: the users' logs are largely like this.
 */
export function generateChineseLogText(mb: number): Buffer[] {
  const r = prng(20261206);
  const pieces: Buffer[] = [];
  let total = 0;
  let i = 0;
  while (total < mb * 1e6) {
    const lines: string[] = [];
    let size = 0;
    while (size < 1 << 20) {
      const stamp = `2026-12-06 ${String(8 + ((i / 36000) % 12 | 0)).padStart(2, '0')}:${String((i / 600) % 60 | 0).padStart(2, '0')}:${String((i / 10) % 60 | 0).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}`;
      const body = r() < 0.01 ? dirtyChineseLine(r, i) : cleanChineseLine(r, i);
      const line = `${stamp} [${i % 7 === 0 ? 'worker-2' : 'main'}] ${LEVELS[i % LEVELS.length]} ${CN_MODULES[i % CN_MODULES.length]} - ${body}\n`;
      lines.push(line);
      size += Buffer.byteLength(line);
      i += 1;
    }
    const piece = Buffer.from(lines.join(''), 'utf8');
    pieces.push(piece);
    total += piece.length;
  }
  return pieces;
}

/** `pieces` with an address at the end of every line: ` from 203.0.x.y:443 userN@example.com`. */
export function addressPerLine(pieces: Buffer[]): Buffer[] {
  return pieces.map((p) => Buffer.from(p.toString('utf8').replace(/\n/g, (_nl: string, off: number) => ` from 203.0.${off % 251}.${off % 253}:443 user${off % 97}@example.com\n`), 'utf8'));
}

/**
 * About `mb` MB of a web server's access log (combined format: client, identity, user, time,
 * request, status, size, referer, agent), in 64 KiB pieces. Nothing in it is personal but the
 * client address, which no default rule redacts.
 */
export function accessLogText(mb: number): Buffer[] {
  const agents = ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36', 'curl/8.5.0', 'python-requests/2.31'];
  const lines: string[] = [];
  let n = 0;
  for (let i = 0; n < mb * 1e6; i += 1) {
    const line = `10.${i % 200}.${(i >> 8) % 250}.${i % 97} - - [06/Dec/2026:07:${String(i % 60).padStart(2, '0')}:12 +0800] "GET /api/v2/orders/${i}?page=${i % 9} HTTP/1.1" 200 ${1000 + (i % 5000)} "-" "${agents[i % 3]}"\n`;
    lines.push(line);
    n += line.length;
  }
  const text = lines.join('');
  const pieces: Buffer[] = [];
  for (let o = 0; o < text.length; o += 65536) pieces.push(Buffer.from(text.slice(o, o + 65536)));
  return pieces;
}

/**
 * About `mb` MB of a web application's own log, in 64 KiB pieces, shaped on the real Redmine
 * (Rails) production.log this machine's tests write, with Spring Boot lines of a Chinese back end
 * between: request cycles (`Started GET …`, `Processing by …`, `Parameters: {…}`, `Current user:
 * admin (id=1)`, `Rendered …`, `Completed 200 OK …`), request ids, Chinese ticket notes in the
 * parameters, and 1 in 200 lines with a personal value (a login, a phone, an e-mail). Session 17
 * measured the real 15 MB log at a fifth of the generated ASCII row's speed: `Parameters:` lines
 * with Chinese text and `Current user:` lines are what the rules wake on, every request.
 */
export function webAppLogText(mb: number): Buffer[] {
  const r = prng(20261207);
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[Math.floor(r() * 16)]).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
  const notes = ['打开月度报表时提示“错误代码 E1023：无法连接到服务器”，重试后仍然失败。', '打印机脱机，已重启服务，请协助检查驱动版本。', 'Opening the monthly report shows "Error E1023", also after retrying.', '同步第 12 批数据失败，5 秒后重试（错误码 E512）'];
  const users = ['admin (id=1)', 'anonymous', 'zhangwei (id=7)', 'support (id=3)'];
  const lines: string[] = [];
  let n = 0;
  for (let i = 0; n < mb * 1e6; i += 1) {
    const t = `2026-12-06T08:${String((i / 600) % 60 | 0).padStart(2, '0')}:${String((i / 10) % 60 | 0).padStart(2, '0')}.${String((i * 7919) % 1000000).padStart(6, '0')}`;
    const head = `I, [${t} #4366]  INFO -- : [${uuid()}]`;
    const id = 1 + (i % 400);
    const cycle = [
      `${head} Started ${i % 3 ? 'GET' : 'PUT'} "/issues/${id}.json?include=attachments" for 127.0.0.1 at 2026-12-06 08:42:36 +0000`,
      `${head} Processing by IssuesController#${i % 3 ? 'show' : 'update'} as JSON`,
      i % 3 ? `${head}   Parameters: {"include"=>"attachments", "id"=>"${id}"}` : `${head}   Parameters: {"issue"=>{"notes"=>"诊断信息：${id}_诊断信息_20261206-0706_pc-${hex(4)}.zip（19 KB，11 个文件，SHA-256 ${hex(64)}）\\n问题（优先级 普通）：${notes[i % notes.length]}"}, "id"=>"${id}"}`,
      `${head}   Current user: ${users[i % users.length]}`,
      `${head}   Rendered issues/show.api.rsb (Duration: ${(r() * 30).toFixed(1)}ms | Allocations: ${1000 + (i % 3000)})`,
      `${head} Completed 200 OK in ${i % 90}ms (Views: ${(r() * 20).toFixed(1)}ms | ActiveRecord: ${(r() * 9).toFixed(1)}ms | Allocations: ${9000 + (i % 900)})`,
      `2026-12-06 08:42:${String(i % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}  INFO 4366 --- [nio-8080-exec-${1 + (i % 10)}] c.e.order.web.OrderController    : 查询订单 SO${20261206000 + i} 成功，共 ${i % 40} 条，耗时 ${i % 300} ms`,
      `2026-12-06 08:42:${String(i % 60).padStart(2, '0')}.${String(i % 1000).padStart(3, '0')}  WARN 4366 --- [scheduling-1] c.e.sync.job.SyncJob                : 同步任务 ${uuid()} 重试 ${i % 5} 次，下次 ${i % 60} 秒后`,
    ];
    if (i % 25 === 0) cycle.push(`2026-12-06 08:42:00.000  INFO 4366 --- [nio-8080-exec-2] c.e.auth.LoginService               : 用户 liu.yang${i % 97} 登录成功，手机号 1${38 + (i % 2)}${String(10000000 + i).slice(-8)}，邮箱 liu.yang${i % 97}@example.cn`);
    for (const l of cycle) {
      lines.push(`${l}\n`);
      n += l.length + 1;
    }
  }
  const text = lines.join('');
  const pieces: Buffer[] = [];
  for (let o = 0; o < text.length; o += 65536) pieces.push(Buffer.from(text.slice(o, o + 65536)));
  return pieces;
}

/** Wall-clock and CPU seconds of `run`. */
async function measure(run: () => Promise<void>): Promise<{ seconds: number; cpuSeconds: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await run();
  const cpu = process.cpuUsage(cpu0);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** Feeds the pieces in 64 KiB chunks (a file read stream's size) and waits for the end. */
async function pump(stream: Transform, pieces: Buffer[], onChunk?: () => void): Promise<void> {
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  stream.on('data', () => undefined);
  const writable: Writable = stream;
  let k = 0;
  for (const piece of pieces) {
    for (let off = 0; off < piece.length; off += 65536) {
      if (!writable.write(piece.subarray(off, off + 65536))) await new Promise((res) => writable.once('drain', res));
      if ((k += 1) % 64 === 0) onChunk?.();
    }
  }
  writable.end();
  await done;
}

function passThroughUtf8(): Transform {
  const decoder = new StringDecoder('utf8');
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      cb(null, Buffer.from(decoder.write(chunk), 'utf8'));
    },
    flush(cb) {
      cb(null, Buffer.from(decoder.end(), 'utf8'));
    },
  });
}

/** The rows of the throughput table: each is measured in a process of its own (see benchRedact). */
export const REDACT_ROWS = ['main', 'all-rules', 'two-byte', 'chinese', 'addresses', 'access-log', 'web-app'] as const;
export type RedactRow = (typeof REDACT_ROWS)[number];

/** One row measured: its bytes, the redactor's wall and CPU seconds, and for `main` the pass-through's. */
export interface RedactRowResult {
  row: RedactRow;
  bytes: number;
  seconds: number;
  cpuSeconds: number;
  baselineSeconds?: number;
  baselineCpuSeconds?: number;
  /** Highest resident set size sampled while the redactor ran (main row only). */
  peakRssBytes?: number;
  /** Replacements per rule (main row only). */
  counts?: Record<string, number>;
}

/** The text of one row: `mb` MB for the main row (50 MB of it repeated), the row's own size for the others. */
function rowText(row: RedactRow, mb: number): Buffer[] {
  const first50 = () => generateLogText(Math.min(mb, 50));
  switch (row) {
    case 'main': {
      const unique = first50();
      const pieces: Buffer[] = [];
      let bytes = 0;
      while (bytes < mb * 1e6) {
        for (const p of unique) {
          pieces.push(p);
          bytes += p.length;
          if (bytes >= mb * 1e6) break;
        }
      }
      return pieces;
    }
    case 'all-rules':
      return first50();
    case 'two-byte':
      return first50().map((p) => Buffer.from(p.toString('utf8').replace(/"Save"/g, '\u201c保存\u201d'), 'utf8'));
    case 'chinese':
      return generateChineseLogText(Math.min(mb, 50));
    case 'addresses':
      return addressPerLine(first50().slice(0, 10));
    case 'access-log':
      return accessLogText(10);
    case 'web-app':
      return webAppLogText(10);
  }
}

function rowRedactor(row: RedactRow): Redactor {
  if (row !== 'all-rules') return new Redactor();
  return new Redactor({
    optionalRules: ['ipv4-public', 'ipv6-public', 'mac-address', 'hostname'],
    knownValues: [
      { value: 'wzhang', kind: 'USER' },
      { value: 'WS-PC0142', kind: 'HOST' },
    ],
  });
}

/**
 * Measures one row in this process: a warm-up pass over the row's first 4 MiB with a redactor of
 * its own (rules built, code optimised), then the whole row through a fresh redactor's stream.
 */
export async function measureRedactRow(row: RedactRow, mb: number): Promise<RedactRowResult> {
  const pieces = rowText(row, mb);
  const bytes = pieces.reduce((n, p) => n + p.length, 0);
  const warmPieces: Buffer[] = [];
  for (let k = 0, n = 0; k < pieces.length && n < 4 << 20; k += 1) {
    warmPieces.push(pieces[k]!);
    n += pieces[k]!.length;
  }
  const out: RedactRowResult = { row, bytes, seconds: 0, cpuSeconds: 0 };
  if (row === 'main') {
    await pump(passThroughUtf8(), warmPieces);
    const baseline = await measure(() => pump(passThroughUtf8(), pieces));
    out.baselineSeconds = baseline.seconds;
    out.baselineCpuSeconds = baseline.cpuSeconds;
  }
  await pump(rowRedactor(row).createStream(), warmPieces);
  const stream = rowRedactor(row).createStream();
  let peak = process.memoryUsage().rss;
  const run = await measure(() => pump(stream, pieces, () => (peak = Math.max(peak, process.memoryUsage().rss))));
  out.seconds = run.seconds;
  out.cpuSeconds = run.cpuSeconds;
  if (row === 'main') {
    out.peakRssBytes = Math.max(peak, process.memoryUsage().rss);
    out.counts = stream.counts();
  }
  return out;
}

/** One row in a child process of its own (this file with `--row`), so no row pays for another's heap. */
async function redactRowInChild(row: RedactRow, mb: number): Promise<RedactRowResult> {
  const { stdout } = await execFileAsync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--row', row, '--mb', String(mb)], {
    maxBuffer: 1 << 20,
    env: process.env,
  });
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as RedactRowResult;
}

/**
 * Throughput of every row, each in a process of its own. Session 23 found rows measured one
 * after another in one process distorted by the earlier rows (the Chinese row read 1.3 MB per CPU
 * second after 250 MB of other rows, 5.0 alone), so no figure here depends on the order of rows.
 */
export async function benchRedact(mb = Number(process.env.BENCH_MB ?? 200)): Promise<RedactBench> {
  const rows = {} as Record<RedactRow, RedactRowResult>;
  for (const row of REDACT_ROWS) rows[row] = await redactRowInChild(row, mb);
  const perCpu = (r: RedactRowResult) => r.bytes / 1e6 / r.cpuSeconds;
  const main = rows.main;
  const inputMB = main.bytes / 1e6;
  const bySet = await qualityBySet();
  return {
    mbPerSec: inputMB / main.seconds,
    mbPerCpuSec: perCpu(main),
    allRulesMbPerSec: rows['all-rules'].bytes / 1e6 / rows['all-rules'].seconds,
    twoByteMbPerCpuSec: perCpu(rows['two-byte']),
    chineseMbPerCpuSec: perCpu(rows.chinese),
    addressPerLineMbPerCpuSec: perCpu(rows.addresses),
    accessLogMbPerCpuSec: perCpu(rows['access-log']),
    webAppLogMbPerCpuSec: perCpu(rows['web-app']),
    baselineMbPerSec: inputMB / (main.baselineSeconds ?? NaN),
    baselineMbPerCpuSec: inputMB / (main.baselineCpuSeconds ?? NaN),
    cpuSeconds: main.cpuSeconds,
    baselineCpuSeconds: main.baselineCpuSeconds ?? NaN,
    peakRssMB: (main.peakRssBytes ?? NaN) / 2 ** 20,
    inputMB,
    counts: main.counts ?? {},
    quality: bySet.tuned,
    qualityBySet: bySet,
  };
}

const rowArg = process.argv.indexOf('--row');
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && rowArg > 0) {
  const row = process.argv[rowArg + 1] as RedactRow;
  if (!REDACT_ROWS.includes(row)) throw new Error(`--row: one of ${REDACT_ROWS.join(', ')}, not ${row}`);
  const mbArg = process.argv.indexOf('--mb');
  console.log(JSON.stringify(await measureRedactRow(row, mbArg > 0 ? Number(process.argv[mbArg + 1]) : 200)));
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await benchRedact();
  console.log(`input:     ${r.inputMB.toFixed(0)} MB of log-like text, 64 KiB chunks, one stream; each row below in a process of its own`);
  console.log(`redactor:  ${r.mbPerSec.toFixed(1)} MB/s wall clock, ${r.mbPerCpuSec.toFixed(1)} MB per CPU second (target >= 100)`);
  console.log(`baseline:  ${r.baselineMbPerSec.toFixed(1)} MB/s wall clock, ${r.baselineMbPerCpuSec.toFixed(1)} MB per CPU second (UTF-8 decode + encode pass-through)`);
  console.log(`CPU:       ${r.cpuSeconds.toFixed(2)} s redactor, ${r.baselineCpuSeconds.toFixed(2)} s baseline; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (the machine's other work adds noise)`);
  console.log(`peak RSS:  ${r.peakRssMB.toFixed(0)} MB (includes the 50 MB of input held in memory)`);
  console.log(`all rules: ${r.allRulesMbPerSec.toFixed(1)} MB/s (optional network rules and known values on; first 50 MB)`);
  console.log(`two-byte:  ${r.twoByteMbPerCpuSec.toFixed(1)} MB per CPU second (first 50 MB with Chinese quotes: every chunk a two-byte string)`);
  console.log(`chinese:   ${r.chineseMbPerCpuSec.toFixed(1)} MB per CPU second (50 MB of a Chinese client's log: Han text on every line)`);
  console.log(`addresses: ${r.addressPerLineMbPerCpuSec.toFixed(1)} MB per CPU second (10 MB with an e-mail and an IPv4 address on every line: every line woken)`);
  console.log(`access log: ${r.accessLogMbPerCpuSec.toFixed(1)} MB per CPU second (10 MB of a web server's access log, target >= 100)`);
  console.log(`web app log: ${r.webAppLogMbPerCpuSec.toFixed(1)} MB per CPU second (10 MB of Rails request cycles + Spring Boot lines in Chinese, target >= 100)`);
  console.log(`replacements: ${JSON.stringify(r.counts)}`);
  console.log('');
  console.log(formatCorpusReport(r.qualityBySet));
  for (const c of await benchRedactCli()) {
    console.log(`diagcollect redact ${c.inputMB.toFixed(0)} MB: peak RSS ${c.peakRssMB.toFixed(0)} MB (target <= 150), ${c.mbPerCpuSec.toFixed(1)} MB per CPU second of the whole process`);
  }
}
