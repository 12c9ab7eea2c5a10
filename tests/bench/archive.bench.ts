/**
 * Archive throughput benchmark: our ZipWriter against `zip -6 -r` on the same corpus of
 * log-like text. Run directly to print a table:
 *
 *   node --import tsx tests/bench/archive.bench.ts [corpusMB] [rounds]
 *
 * The corpus is generated once, deterministically, and cached in os.tmpdir(). Our writer runs
 * in a child process (this file with `--child`) so its peak RSS is its own, not the parent's.
 */
import { spawn } from 'node:child_process';
import { createReadStream, openSync, writeSync, closeSync, mkdirSync, readdirSync, rmSync, statSync, existsSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ZipWriter, type EntryResult } from '../../electron/engine/archive/zip-writer.js';
import { prng } from './prng.js';

/** Figures returned by {@link benchArchive}. Throughputs are input MiB per second of wall time. */
export interface ArchiveBenchResult {
  zipMiBs: number;
  oursMiBs: number;
  /** oursMiBs / zipMiBs: the target is >= 1.0. */
  ratio: number;
  /** archive bytes / corpus bytes for `zip -6`. */
  zipCompression: number;
  /** archive bytes / corpus bytes for ZipWriter (target: within 5 % of zipCompression). */
  oursCompression: number;
  /** Peak RSS of the child process that ran ZipWriter (target < 150 MB). */
  peakRssMB: number;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS_VERSION = 'v1';
const MiB = 1024 * 1024;

// ---------------------------------------------------------------- corpus


type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const int = (rand: Rand, max: number): number => Math.floor(rand() * max);
const hex = (rand: Rand, digits: number): string => {
  let out = '';
  while (out.length < digits) out += ((rand() * 0x100000000) >>> 0).toString(16).padStart(8, '0');
  return out.slice(0, digits);
};

const HOSTS = ['desktop-7', 'LAPTOP-3F2K9', 'ws-finance-12', 'build-agent-4'];
const LEVELS = ['INFO ', 'INFO ', 'INFO ', 'DEBUG', 'DEBUG', 'WARN ', 'ERROR'];
const THREADS = ['main', 'worker-1', 'worker-2', 'worker-3', 'io-pool-1', 'scheduler', 'http-nio-8080-exec-4'];
const CLASSES = ['c.e.sync.UploadService', 'c.e.auth.TokenCache', 'c.e.net.ProxyResolver', 'c.e.ui.MainWindow', 'c.e.db.Migrations', 'c.e.update.Updater'];
const PATHS = ['/api/v1/items', '/api/v1/users', '/api/v2/sync/status', '/healthz', '/api/v1/tickets', '/static/app.js'];
const KERNEL = [
  (r: Rand) => `usb 1-${int(r, 4) + 1}: new high-speed USB device number ${int(r, 30)} using xhci_hcd`,
  () => `e1000e 0000:00:1f.6 eno1: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx`,
  (r: Rand) => `audit: type=1400 audit(${1700000000 + int(r, 9999999)}.${int(r, 999)}:${int(r, 9999)}): apparmor="DENIED" operation="open" profile="snap.code" name="/proc/${int(r, 99999)}/mounts" pid=${int(r, 99999)}`,
  () => `EXT4-fs (nvme0n1p2): re-mounted. Opts: errors=remount-ro. Quota mode: none.`,
  (r: Rand) => `[UFW BLOCK] IN=wlp2s0 OUT= MAC=${hex(r, 12)} SRC=10.0.${int(r, 255)}.${int(r, 255)} DST=224.0.0.251 LEN=${int(r, 1500)} PROTO=UDP SPT=5353 DPT=5353`,
];
const DAEMONS = [
  (r: Rand) => `systemd[1]: Started Session ${int(r, 999)} of User ${pick(r, ['alice', 'bob', 'svc-backup'])}.`,
  (r: Rand) => `NetworkManager[${800 + int(r, 50)}]: <info>  [${1700000000 + int(r, 9999999)}.${int(r, 9999)}] dhcp4 (wlp2s0): state changed bound -> bound`,
  (r: Rand) => `sshd[${int(r, 65535)}]: Accepted publickey for alice from 192.168.1.${int(r, 255)} port ${40000 + int(r, 20000)} ssh2: ED25519 SHA256:${hex(r, 43)}`,
  (r: Rand) => `CRON[${int(r, 65535)}]: (root) CMD (test -x /usr/sbin/anacron || ( cd / && run-parts --report /etc/cron.daily ))`,
];
const APP = [
  (r: Rand) => `uploaded chunk ${int(r, 5000)}/5000 for job ${hex(r, 8)} (latency=${int(r, 900)}ms, retries=${int(r, 3)})`,
  (r: Rand) => `cache miss for key user:${int(r, 100000)}:profile, loading from store`,
  (r: Rand) => `request GET ${pick(r, PATHS)}/${int(r, 99999)} completed status=${pick(r, [200, 200, 200, 204, 304, 404, 500])} bytes=${int(r, 65536)} dur=${int(r, 2000)}ms`,
  (r: Rand) => `proxy for https://updates.example.com resolved to DIRECT via PAC (${int(r, 50)}ms)`,
  (r: Rand) => `connection to db-${int(r, 3)}.internal:5432 reset by peer; reconnecting in ${int(r, 30)}s`,
  (r: Rand) => `token refreshed for session ${hex(r, 16)}, expires in ${int(r, 3600)}s`,
];

/** One log line in one of three realistic shapes; `clock` advances like a real log's would. */
function makeLine(kind: number, rand: Rand, clock: { ms: number }): string {
  clock.ms += int(rand, 1500);
  const iso = new Date(clock.ms).toISOString();
  if (kind === 0) {
    const daemon = rand() < 0.4;
    const body = daemon ? pick(rand, DAEMONS)(rand) : `kernel: [${(clock.ms / 1000 - 1.7e9).toFixed(6)}] ${pick(rand, KERNEL)(rand)}`;
    const d = new Date(clock.ms);
    const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
    return `${month} ${String(d.getUTCDate()).padStart(2, ' ')} ${iso.slice(11, 19)} ${HOSTS[0]} ${body}\n`;
  }
  if (kind === 1) {
    return `${iso.replace('T', ' ').slice(0, 23)} [${pick(rand, LEVELS)}] [${pick(rand, THREADS)}] ${pick(rand, CLASSES)} - ${pick(rand, APP)(rand)}\n`;
  }
  const level = pick(rand, LEVELS).trim().toLowerCase();
  return `{"ts":"${iso}","level":"${level}","pid":${1000 + int(rand, 50)},"reqId":"${hex(rand, 12)}","msg":"${pick(rand, APP)(rand).replace(/"/g, "'")}"}\n`;
}

/** Writes `bytes` of log lines to `path`, in 4 MiB batches. */
function writeLogFile(path: string, bytes: number, kind: number, seed: number): void {
  const rand = prng(seed);
  const clock = { ms: Date.UTC(2024, 2, 5) + seed * 1000 };
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  try {
    let written = 0;
    while (written < bytes) {
      const lines: string[] = [];
      let batch = 0;
      while (batch < 4 * MiB && written + batch < bytes) {
        const line = makeLine(kind, rand, clock);
        lines.push(line);
        batch += line.length;
      }
      const buf = Buffer.from(lines.join(''), 'utf8').subarray(0, bytes - written);
      writeSync(fd, buf);
      written += buf.length;
    }
  } finally {
    closeSync(fd);
  }
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name !== '.complete') out.push(full);
    }
  };
  walk(root);
  return out;
}

/**
 * Builds (or reuses) the corpus: a few big logs (about 58 % of the total, 50–100 MB each at the
 * default size) and many small ones (1 KB – 2 MB, log-uniform), in syslog, app-log and JSON-lines
 * shapes, a few with Chinese names. Deterministic; cached in os.tmpdir().
 */
export function ensureCorpus(corpusMB: number): { dir: string; files: string[]; bytes: number } {
  const dir = join(tmpdir(), `diagcollect-bench-corpus-${corpusMB}`);
  const marker = join(dir, '.complete');
  if (!existsSync(marker) || readFileSync(marker, 'utf8') !== CORPUS_VERSION) {
    rmSync(dir, { recursive: true, force: true });
    const total = corpusMB * 1e6;
    const scale = corpusMB / 500;
    const big = [100, 80, 60, 50].map((mb) => Math.round(mb * 1e6 * scale));
    big.forEach((bytes, i) => writeLogFile(join(dir, 'big', `app-${i}.log`), bytes, i % 3, 1000 + i));
    let used = big.reduce((a, b) => a + b, 0);
    const rand = prng(42);
    const folders = ['logs/system', 'logs/app', 'logs/service', '系统日志'];
    for (let i = 0; used < total; i++) {
      const size = Math.min(total - used, Math.round(Math.exp(Math.log(1e3) + rand() * Math.log(2e3))));
      const folder = folders[i % folders.length]!;
      const name = folder === '系统日志' ? `系统日志-${i}.txt` : `${folder.split('/')[1]}-${String(i).padStart(4, '0')}.log`;
      writeLogFile(join(dir, folder, name), size, i % 3, 5000 + i);
      used += size;
    }
    writeFileSync(marker, CORPUS_VERSION);
  }
  const files = listFiles(dir);
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  return { dir, files, bytes };
}

// ---------------------------------------------------------------- runs

function readFully(file: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    createReadStream(file, { highWaterMark: 4 * MiB })
      .on('data', () => undefined)
      .on('end', () => resolvePromise())
      .on('error', reject);
  });
}

function run(command: string, args: string[], cwd: string): Promise<{ stdout: string; seconds: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code === 0) resolvePromise({ stdout, seconds });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
    });
  });
}

/**
 * Child side: archive every corpus file with ZipWriter, report time, size and peak RSS.
 * `file` mode uses addFile (files opened in turn, read into recycled buffers); `stream` mode
 * hands each file over as fs.createReadStream, the way generic stream input is archived.
 */
async function childMain(corpusDir: string, outPath: string, mode: 'file' | 'stream'): Promise<void> {
  const files = listFiles(corpusDir);
  const started = process.hrtime.bigint();
  const writer = await ZipWriter.open(outPath, { level: 6 });
  const pending = new Set<Promise<EntryResult>>();
  for (const file of files) {
    const name = relative(corpusDir, file).split(sep).join('/');
    const entry =
      mode === 'file'
        ? writer.addFile(name, file)
        : writer.addStream(name, createReadStream(file), { mtime: statSync(file).mtime });
    pending.add(entry);
    void entry.finally(() => pending.delete(entry)).catch(() => undefined);
    // Streams open their file at once: cap how many wait, as a caller should.
    if (mode === 'stream' && pending.size >= 32) await Promise.race(pending);
  }
  await Promise.all(pending);
  const beforeFinalize = process.hrtime.bigint();
  const { bytes } = await writer.finalize();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const finalizeSeconds = Number(process.hrtime.bigint() - beforeFinalize) / 1e9;
  process.stdout.write(JSON.stringify({ seconds, finalizeSeconds, bytes, maxRssKB: process.resourceUsage().maxRSS }) + '\n');
}

interface ChildReport {
  seconds: number;
  finalizeSeconds: number;
  bytes: number;
  maxRssKB: number;
}

/** Everything {@link benchArchive} measured, for the table. */
export interface ArchiveBenchDetails extends ArchiveBenchResult {
  corpusBytes: number;
  files: number;
  rounds: number;
  zipSeconds: number;
  oursSeconds: number;
  zipBytes: number;
  oursBytes: number;
  /** The same run fed through addStream(fs.createReadStream(...)) instead of addFile. */
  streamSeconds: number;
  streamMiBs: number;
  streamPeakRssMB: number;
}

async function runOurs(corpusDir: string, outPath: string, mode: 'file' | 'stream'): Promise<ChildReport & { archiveBytes: number }> {
  const child = await run(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', corpusDir, outPath, mode], REPO_ROOT);
  const report = JSON.parse(child.stdout.trim().split('\n').pop()!) as ChildReport;
  const archiveBytes = statSync(outPath).size;
  if (archiveBytes !== report.bytes) throw new Error(`ZipWriter reported ${report.bytes} bytes, the file has ${archiveBytes}`);
  rmSync(outPath);
  return { ...report, archiveBytes };
}

/**
 * Runs `zip -6 -r -q` and ZipWriter (in a child process, via addFile and via addStream) over the
 * same cached corpus, `rounds` times interleaved, and returns the best time of each (the run
 * least disturbed by other load: this is a 2-vCPU VM whose second core comes and goes), the
 * compression, and the highest peak RSS seen in our runs. The page cache is warmed first and
 * dirty pages are flushed before each timed run, so both start from the same state.
 */
export async function benchArchive(opts: { corpusMB?: number; rounds?: number } = {}): Promise<ArchiveBenchDetails> {
  const corpusMB = opts.corpusMB ?? 500;
  const rounds = opts.rounds ?? 3;
  const corpus = ensureCorpus(corpusMB);
  const outDir = join(tmpdir(), `diagcollect-bench-out-${process.pid}`);
  mkdirSync(outDir, { recursive: true });
  const settle = (): Promise<unknown> => run('sync', [], outDir);
  try {
    for (const file of corpus.files) await readFully(file);
    let zip = { seconds: Infinity, bytes: 0 };
    let ours = { seconds: Infinity, bytes: 0, rssKB: 0 };
    let stream = { seconds: Infinity, rssKB: 0 };
    for (let round = 0; round < rounds; round++) {
      const zipOut = join(outDir, 'zip.zip');
      await settle();
      const zipRun = await run('zip', ['-6', '-r', '-q', zipOut, '.', '-x', '.complete'], corpus.dir);
      zip = { seconds: Math.min(zip.seconds, zipRun.seconds), bytes: statSync(zipOut).size };
      rmSync(zipOut);

      await settle();
      const fileRun = await runOurs(corpus.dir, join(outDir, 'ours.zip'), 'file');
      ours = { seconds: Math.min(ours.seconds, fileRun.seconds), bytes: fileRun.archiveBytes, rssKB: Math.max(ours.rssKB, fileRun.maxRssKB) };

      await settle();
      const streamRun = await runOurs(corpus.dir, join(outDir, 'ours-stream.zip'), 'stream');
      stream = { seconds: Math.min(stream.seconds, streamRun.seconds), rssKB: Math.max(stream.rssKB, streamRun.maxRssKB) };
    }

    const mib = corpus.bytes / MiB;
    const zipMiBs = mib / zip.seconds;
    const oursMiBs = mib / ours.seconds;
    return {
      zipMiBs,
      oursMiBs,
      ratio: oursMiBs / zipMiBs,
      zipCompression: zip.bytes / corpus.bytes,
      oursCompression: ours.bytes / corpus.bytes,
      peakRssMB: ours.rssKB / 1024,
      corpusBytes: corpus.bytes,
      files: corpus.files.length,
      rounds,
      zipSeconds: zip.seconds,
      oursSeconds: ours.seconds,
      zipBytes: zip.bytes,
      oursBytes: ours.bytes,
      streamSeconds: stream.seconds,
      streamMiBs: mib / stream.seconds,
      streamPeakRssMB: stream.rssKB / 1024,
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function printTable(r: ArchiveBenchDetails): void {
  const row = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(26) : c.padStart(12))).join('');
  const lines = [
    `corpus: ${(r.corpusBytes / MiB).toFixed(1)} MiB in ${r.files} files (log-like text); best of ${r.rounds} rounds`,
    row(['', 'seconds', 'MiB/s', 'archive MiB', 'compressed', 'peak RSS MB']),
    row(['zip -6 -r', r.zipSeconds.toFixed(2), r.zipMiBs.toFixed(1), (r.zipBytes / MiB).toFixed(1), `${(r.zipCompression * 100).toFixed(2)} %`, '']),
    row(['ZipWriter addFile', r.oursSeconds.toFixed(2), r.oursMiBs.toFixed(1), (r.oursBytes / MiB).toFixed(1), `${(r.oursCompression * 100).toFixed(2)} %`, r.peakRssMB.toFixed(1)]),
    row(['ZipWriter addStream', r.streamSeconds.toFixed(2), r.streamMiBs.toFixed(1), (r.oursBytes / MiB).toFixed(1), `${(r.oursCompression * 100).toFixed(2)} %`, r.streamPeakRssMB.toFixed(1)]),
    `ratio ours/zip throughput: ${r.ratio.toFixed(2)} (addStream: ${(r.streamMiBs / r.zipMiBs).toFixed(2)})  target >= 1.00`,
    `ratio ours/zip archive size: ${(r.oursCompression / r.zipCompression).toFixed(4)}  target <= 1.05`,
    `peak RSS of the ZipWriter process (node --import tsx): ${r.peakRssMB.toFixed(1)} MB (addStream: ${r.streamPeakRssMB.toFixed(1)} MB)  target < 150`,
  ];
  console.log(lines.join('\n'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  if (process.argv[2] === '--child') {
    await childMain(process.argv[3]!, process.argv[4]!, process.argv[5] === 'stream' ? 'stream' : 'file');
  } else {
    const corpusMB = process.argv[2] ? Number(process.argv[2]) : undefined;
    const rounds = process.argv[3] ? Number(process.argv[3]) : undefined;
    printTable(await benchArchive({ corpusMB, rounds }));
  }
}
