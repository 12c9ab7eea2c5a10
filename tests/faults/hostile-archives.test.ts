/**
 * Fault suite (issue 13, "bounded by design"): `diagcollect redact <archive.zip>` given a hostile
 * or damaged zip, through the real CLI as a process. Each zip is built here byte by byte (the
 * records of APPNOTE 4.3), so a test says exactly what lies in it:
 * - an encrypted entry: refused (exit 2) naming the entry and what to do, nothing written —
 *   before, an empty `.redacted.zip` was published with exit 3;
 * - our own collection of a 100 MB log of one line repeated (~300:1) is redacted: a ratio cannot
 *   tell a bomb from a repetitive log, so a bomb is judged by its total — 4 GB of zeros in one
 *   entry, or in many, is refused before anything is inflated; a bomb nested in a zip is copied
 *   as binary, never opened; `--max-ratio` adds the ratio check on demand; with the limits
 *   raised, a 256 MB one-line entry is redacted with memory staying flat;
 * - names with `../`, an absolute path or `..\`, two entries of one name: refused, nothing
 *   written anywhere; a symbolic-link entry is not copied (said so, exit 3); a name that is not
 *   UTF-8 is carried inside the copy;
 * - a truncated zip, a central directory that lies about sizes (either way): refused as damaged,
 *   nothing written, no stack trace.
 * Asserts behaviour only; timeouts are hang guards.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { constants as zlibConstants, createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readZip } from '../helpers/zip.js';
import { startCli } from './support.js';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function workDir(): string {
  const dir = mkdtempSync(join(os.tmpdir(), 'diagcollect-fault-zip-'));
  temps.push(dir);
  return dir;
}

interface RawEntry {
  name: string | Buffer;
  /** The entry's content (deflated here), unless `compressed` is given. */
  data?: Buffer;
  /** Deflated bytes as they go into the zip, with `size` and `crc` of the content. */
  compressed?: Buffer;
  size?: number;
  crc?: number;
  /** General purpose flags: bit 0 encrypted, bit 11 UTF-8 name. */
  flags?: number;
  /** Mode in the high half of the external attributes (made by Unix). */
  mode?: number;
  /** What the central directory and local header say the size is, when it lies. */
  declaredSize?: number;
}

/** A zip of deflated entries, with no data descriptors and sizes in the headers. */
function rawZip(entries: RawEntry[], { cutTo }: { cutTo?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.isBuffer(e.name) ? e.name : Buffer.from(e.name, 'utf8');
    const data = e.compressed ?? deflateRawSync(e.data ?? Buffer.alloc(0));
    const size = e.declaredSize ?? e.size ?? e.data?.length ?? 0;
    const crc = e.crc ?? crc32(e.data ?? Buffer.alloc(0));
    const flags = e.flags ?? 0x0800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0x00210000, 10);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((e.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const zip = Buffer.concat([...locals, directory, end]);
  return cutTo === undefined ? zip : zip.subarray(0, cutTo);
}

/** `count` MiB of one repeated byte, deflated as a stream (never held inflated). */
async function deflatedRepeat(byte: number, count: number): Promise<{ compressed: Buffer; size: number; crc: number }> {
  const chunk = Buffer.alloc(1024 * 1024, byte);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (d: Buffer) => out.push(d));
  const ended = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = 0;
  for (let i = 0; i < count; i += 1) {
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await ended;
  return { compressed: Buffer.concat(out), size: count * chunk.length, crc };
}

/**
 * `mib` MiB of zeros as raw deflate, made in a moment: one MiB deflated by a fresh compressor and
 * sync-flushed refers only to itself, so copies of it in a row are a valid stream; an empty final
 * block ends it.
 */
function zerosDeflated(mib: number): { compressed: Buffer; size: number; crc: number } {
  const chunk = Buffer.alloc(1024 * 1024);
  const block = deflateRawSync(chunk, { level: 9, finishFlush: zlibConstants.Z_SYNC_FLUSH });
  let crc = 0;
  for (let i = 0; i < mib; i += 1) crc = crc32(chunk, crc);
  return { compressed: Buffer.concat([...Array.from({ length: mib }, () => block), Buffer.from([0x03, 0x00])]), size: mib * chunk.length, crc };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The highest resident set size seen while it ran (VmHWM), in bytes. */
  peakRss: number;
}

/** `diagcollect redact <zip> --out <out> …` as a process; its peak RSS read from /proc while it runs. */
async function redact(zip: string, out: string, data: string, ...args: string[]): Promise<Run> {
  const { child, done } = startCli(['redact', zip, '--out', out, ...args], { DIAGCOLLECT_DATA_DIR: data, LANG: 'en_US.UTF-8' });
  let peakRss = 0;
  const poll = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (hwm) peakRss = Math.max(peakRss, Number(hwm[1]) * 1024);
    } catch {
      /* ended */
    }
  }, 25);
  const r = await done;
  clearInterval(poll);
  return { ...r, peakRss };
}

/** A refusal: exit 2, one line of reason (no stack trace), and nothing at all written. */
function expectRefused(r: Run, out: string, reason: RegExp): void {
  expect(r.code, r.stderr + r.stdout).toBe(2);
  expect(r.stderr).toMatch(reason);
  expect(r.stderr).toMatch(/no copy was written/i);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(existsSync(out), `${out} was created`).toBe(false);
}

const linux = process.platform === 'linux';

describe.runIf(linux)('faults: hostile archives given to redact (real CLI, real files)', () => {
  it('an encrypted entry: refused with exit 2, naming the entry and how to unpack it; nothing written (before: an empty copy, exit 3)', async () => {
    const dir = workDir();
    const zip = join(dir, 'locked.zip');
    writeFileSync(zip, rawZip([{ name: 'app.log', data: Buffer.from('user=alice@corp.example\n') }, { name: '系统日志/secret.log', data: Buffer.from('xx'), flags: 0x0801 }]));
    const out = join(dir, 'out');
    const r = await redact(zip, out, join(dir, 'data'));
    expectRefused(r, out, /1 password-protected \(encrypted\) entry \(系统日志\/secret\.log\).*Unpack the archive with its password.*diagcollect redact <folder>/);

    const zh = await redact(zip, out, join(dir, 'data'), '--lang', 'zh-CN');
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/1 个加密（有密码）的条目（系统日志\/secret\.log）.*请用密码解压/);
    const json = await redact(zip, out, join(dir, 'data'), '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, exitCode: 2, error: expect.stringMatching(/encrypted/) });
    expect(existsSync(out)).toBe(false);
  });

  it('our own collection of a 100 MB log of one line repeated (~300:1) is redacted, not taken for a zip bomb (before: refused for its ratio, exit 2)', async () => {
    const dir = workDir();
    const logs = join(dir, 'logs');
    mkdirSync(logs);
    const line = '2026-12-06 07:00:00 INFO heartbeat ok worker=main status=healthy\n';
    const chunk = Buffer.from(line.repeat(Math.floor((1024 * 1024) / line.length)));
    writeFileSync(join(logs, 'app.log'), Buffer.concat(Array.from({ length: 100 }, () => chunk)));
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ appLogPaths: [logs], deadlineSeconds: 3600, caps: { fileBytes: 2 ** 31, collectorBytes: 2 ** 34, filesPerPath: 1000, systemLogBytes: 50 * 1024 * 1024 } }));
    const collected = join(dir, 'collected');
    const c = await startCli(['collect', '--ticket', 'T-1', '--only', 'app-logs', '--no-screenshot', '--policy', policy, '--out', collected, '--json'], { DIAGCOLLECT_DATA_DIR: join(dir, 'data'), DISPLAY: '' }).done;
    expect(c.code, c.stderr).toBe(0);
    const archive = (JSON.parse(c.stdout) as { archive: { path: string } }).archive.path;
    const zip = join(dir, 'ours.zip');
    renameSync(archive, zip);
    const out = join(dir, 'out');
    const r = await redact(zip, out, join(dir, 'data'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/zip bomb/);
    expect(readdirSync(out).sort()).toEqual(['ours.redacted.zip', 'ours.redacted.zip.redaction-report.txt']);
  }, 600_000);

  it('zip bombs are refused for their total before anything is inflated: one 4 GB entry of zeros, many entries of zeros; a bomb nested in a zip is copied, never opened', async () => {
    const dir = workDir();
    const out = join(dir, 'out');
    const big = join(dir, 'bomb.zip');
    writeFileSync(big, rawZip([{ name: 'small.log', data: Buffer.from('ok\n') }, { name: 'logs/zeros.log', ...zerosDeflated(4095) }]));
    const r = await redact(big, out, join(dir, 'data'));
    expectRefused(r, out, /bomb\.zip would inflate to 4096 MB in all, more than the limit of 2048 MB.*--max-size 4096/);
    // Refused from the central directory alone: the gigabytes were never inflated.
    expect(r.peakRss).toBeLessThan(400 * 1024 * 1024);

    const many = join(dir, 'many.zip');
    const piece = zerosDeflated(40);
    writeFileSync(many, rawZip(Array.from({ length: 60 }, (_, i) => ({ name: `part-${i}.log`, ...piece }))));
    expectRefused(await redact(many, out, join(dir, 'data')), out, /many\.zip would inflate to 2400 MB in all, more than the limit of 2048 MB/);

    // The inner bomb is a binary entry of a few MB: copied as it is, its gigabytes never inflated.
    const inner = rawZip([{ name: 'zeros.log', ...zerosDeflated(4095) }]);
    const nested = join(dir, 'nested.zip');
    writeFileSync(nested, rawZip([{ name: 'notes.log', data: Buffer.from('user=alice@corp.example\n') }, { name: 'inner.zip', data: inner }]));
    const n = await redact(nested, out, join(dir, 'data'));
    expect(n.code, n.stderr).toBe(0);
    expect(n.peakRss).toBeLessThan(400 * 1024 * 1024);
    const copied = await readZip(join(out, 'nested.redacted.zip'));
    expect(copied.find((e) => e.name === 'inner.zip')?.data.equals(inner)).toBe(true);
    expect(copied.find((e) => e.name === 'notes.log')?.data.toString()).not.toMatch(/alice/);
  }, 600_000);

  it('--max-ratio still refuses a large entry past the given ratio, and --max-size a total past the given size; nothing written', async () => {
    const dir = workDir();
    const zip = join(dir, 'bomb.zip');
    writeFileSync(zip, rawZip([{ name: 'small.log', data: Buffer.from('ok\n') }, { name: 'logs/zeros.log', ...zerosDeflated(1024) }]));
    const out = join(dir, 'out');
    const r = await redact(zip, out, join(dir, 'data'), '--max-ratio', '200');
    expectRefused(r, out, /entry logs\/zeros\.log of .* would inflate from \d MB to 1024 MB \((\d{3,4}):1, more than the limit of 200:1\).*zip bomb.*--max-ratio \1/);
    expect(r.peakRss).toBeLessThan(400 * 1024 * 1024);

    const total = await redact(zip, out, join(dir, 'data'), '--max-size', '512');
    expectRefused(total, out, /would inflate to 1025 MB in all, more than the limit of 512 MB.*--max-size 1025/);
    const bad = await redact(zip, out, join(dir, 'data'), '--max-ratio', '0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-ratio "0" is not valid/);
  });

  it('a 256 MB one-line text entry (~1000:1) is redacted with the default limits and memory stays flat', async () => {
    const dir = workDir();
    const zip = join(dir, 'one-line.zip');
    writeFileSync(zip, rawZip([{ name: 'one.log', ...(await deflatedRepeat(0x61, 256)) }]));
    const out = join(dir, 'out');
    const r = await redact(zip, out, join(dir, 'data'));
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['one-line.redacted.zip', 'one-line.redacted.zip.redaction-report.txt']);
    // The entry is 256 MB: a process that held it (or a line of it) whole would pass this.
    expect(r.peakRss).toBeGreaterThan(0);
    expect(r.peakRss).toBeLessThan(256 * 1024 * 1024);
  }, 600_000);

  it('names that leave the folder (../, absolute, ..\\) and two entries of one name: refused, nothing written anywhere', async () => {
    const dir = workDir();
    const cases: Array<[string, RawEntry[], RegExp]> = [
      ['dotdot', [{ name: 'ok.log', data: Buffer.from('ok\n') }, { name: '../evil.log', data: Buffer.from('evil\n') }], /entry \.\.\/evil\.log of .* points outside the folder/],
      ['absolute', [{ name: '/tmp/abs.log', data: Buffer.from('abs\n') }], /entry \/tmp\/abs\.log of .* points outside the folder/],
      ['nested', [{ name: 'a/../../x.log', data: Buffer.from('x\n') }], /entry a\/\.\.\/\.\.\/x\.log of .* points outside the folder/],
      ['backslash', [{ name: '..\\..\\win.log', data: Buffer.from('w\n') }], /entry \.\.\/\.\.\/win\.log of .* points outside the folder/],
      ['twice', [{ name: 'a.log', data: Buffer.from('first\n') }, { name: 'a.log', data: Buffer.from('second\n') }], /holds two entries named a\.log: unpacking it would overwrite one with the other/],
    ];
    for (const [name, entries, reason] of cases) {
      const sub = join(dir, name);
      const zip = join(dir, `${name}.zip`);
      writeFileSync(zip, rawZip(entries));
      const out = join(sub, 'deep', 'out');
      const r = await redact(zip, out, join(dir, 'data'));
      expectRefused(r, out, reason);
      // Not even the folder --out named was left, nor anything beside or above it.
      expect(existsSync(sub), name).toBe(false);
      expect(readdirSync(dir).filter((f) => !f.endsWith('.zip') && f !== 'data')).toEqual([]);
    }
  });

  it('a symbolic-link entry is not copied (said so, exit 3); a name that is not UTF-8 stays inside the copy', async () => {
    const dir = workDir();
    const zip = join(dir, 'links.zip');
    const badName = Buffer.concat([Buffer.from('logs/bad'), Buffer.from([0xff, 0xfe]), Buffer.from('name.log')]);
    writeFileSync(zip, rawZip([{ name: 'ok.log', data: Buffer.from('fine\n') }, { name: 'link.log', data: Buffer.from('/etc/shadow'), mode: 0o120777 }, { name: badName, data: Buffer.from('latin\n') }]));
    const out = join(dir, 'out');
    const r = await redact(zip, out, join(dir, 'data'));
    expect(r.code, r.stderr).toBe(3);
    expect(r.stdout).toMatch(/Not copied: +link\.log — symbolic link \(not followed\)/);
    const entries = await readZip(join(out, 'links.redacted.zip'));
    expect(entries.map((e) => e.name).sort()).toEqual(['logs/bad\uFFFD\uFFFDname.log', 'ok.log']);
    expect(readFileSync(join(out, 'links.redacted.zip.redaction-report.txt'), 'utf8')).toMatch(/link\.log +not copied: symbolic link/);
    // The summary speaks the user's language (before: English only, and no --lang on redact).
    const zh = await redact(zip, join(dir, 'out-zh'), join(dir, 'data'), '--lang', 'zh-CN');
    expect(zh.code, zh.stderr).toBe(3);
    expect(zh.stdout).toMatch(/^脱敏副本： +\S+links\.redacted\.zip$/m);
    expect(zh.stdout).toMatch(/^未复制： +link\.log——符号链接（未跟随）$/m);
    expect(zh.stdout).not.toMatch(/Redacted copy|Not copied/);
  });

  it('a truncated zip and a central directory that lies about sizes (smaller or larger): refused as damaged, nothing written, no stack trace', async () => {
    const dir = workDir();
    const body = Buffer.from(`${'2024-03-15 10:00:00 [INFO] line\n'.repeat(4000)}`);
    const whole = rawZip([{ name: 'a.log', data: body }, { name: 'b.log', data: Buffer.from('b\n') }]);
    const cases: Array<[string, Buffer, RegExp]> = [
      ['half', whole.subarray(0, whole.length >> 1), /is not a readable zip archive.*cut short/],
      ['tail', whole.subarray(0, whole.length - 10), /is not a readable zip archive.*cut short/],
      ['smaller', rawZip([{ name: 'a.log', data: body, declaredSize: 10 }]), /entry a\.log of .* cannot be read \(too many bytes.*\); the archive is damaged or cut short: get it again/],
      ['larger', rawZip([{ name: 'a.log', data: body, declaredSize: body.length + 5_000_000 }]), /entry a\.log of .* cannot be read \(not enough bytes.*\); the archive is damaged or cut short: get it again/],
    ];
    for (const [name, bytes, reason] of cases) {
      const zip = join(dir, `${name}.zip`);
      writeFileSync(zip, bytes);
      const out = join(dir, name, 'out');
      const r = await redact(zip, out, join(dir, 'data'));
      expectRefused(r, out, reason);
      expect(existsSync(join(dir, name)), name).toBe(false);
    }
  });
});
