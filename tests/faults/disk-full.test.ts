/**
 * Fault suite (issue 13, item 5: no lost work, nothing half-written): the data folder (redaction
 * maps, outbox job records) on a full 64 KB tmpfs, the archive's folder elsewhere, through the
 * real CLI as a process. (The archive's own folder full, and the e-mail draft on a full disk, are
 * in hang.test.ts.)
 * - the redaction map cannot be saved: exit 3, the message names the archive and the map folder,
 *   and no half-written map (`….json.<pid>.partial`, plaintext values) is left in it;
 * - the upload's job record cannot be written: exit 3 (the archive and the draft exist), not
 *   exit 1 "ENOSPC … write" with no path (exit 1 promises there is no archive); the message names
 *   the files that exist and the outbox folder, and no temp job file is left.
 * Needs root (mount); skipped with the reason otherwise. Timeouts are hang guards.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCli } from './support.js';

const run = promisify(execFile);

interface CollectJson {
  ok: boolean;
  exitCode: number;
  archive?: { path: string };
  emailDraft?: string | null;
  problems?: string[];
  upload?: unknown;
}

/** Every file under `dir`, as paths relative to it. */
async function allFiles(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(dir, rel), { withFileTypes: true }).catch(() => [])) {
    const p = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await allFiles(dir, p)));
    else out.push(p);
  }
  return out;
}

describe.runIf(process.platform === 'linux')('faults: the data folder on a full disk (real CLI, real tmpfs)', () => {
  let work: string;
  let mnt: string;
  let mounted = false;
  let why = '';
  beforeAll(async () => {
    work = await mkdtemp(join(os.tmpdir(), 'diagcollect-fault-full-'));
    mnt = join(work, 'mnt');
    await mkdir(mnt);
    await mkdir(join(work, 'logs'));
    // A log with values redaction hides, so the map has something to hold.
    await writeFile(join(work, 'logs', 'app.log'), Array.from({ length: 50 }, (_, i) => `user${i}@example.com signed in from 10.1.2.${i}\n`).join(''));
    try {
      await run('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]);
      mounted = true;
    } catch (err) {
      why = `a 64 KB tmpfs cannot be mounted here (${(err as Error).message.split('\n')[0]}); needs root and mount rights`;
    }
  });
  afterAll(async () => {
    if (mounted) await run('umount', [mnt]).catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  });

  /** A fresh, full data folder on the tmpfs. */
  async function fullDataDir(name: string): Promise<string> {
    await run('sh', ['-c', `rm -rf "${mnt}"/* && mkdir -p "${mnt}/${name}" && (head -c 200000 /dev/zero > "${mnt}/fill" || true)`]);
    return join(mnt, name);
  }

  it('the redaction map cannot be saved: exit 3, the message names the archive and the folder, no half-written map is left', async (ctx) => {
    if (!mounted) return ctx.skip(why);
    const data = await fullDataDir('data-map');
    const policy = join(work, 'map.json');
    await writeFile(policy, JSON.stringify({ appLogPaths: [join(work, 'logs', '*.log')] }));
    const r = await startCli(['collect', '--ticket', 'F-40', '--json', '--only', 'app-logs', '--no-screenshot', '--policy', policy, '--out', join(work, 'out-map')], { DIAGCOLLECT_DATA_DIR: data }).done;
    expect(r.code, r.stderr).toBe(3);
    const json = JSON.parse(r.stdout) as CollectJson;
    expect((await stat(json.archive!.path)).size).toBeGreaterThan(0);
    expect(json.problems!.join('\n')).toContain(json.archive!.path);
    expect(json.problems!.join('\n')).toContain(join(data, 'redaction-maps'));
    expect(await allFiles(data)).toEqual([]);
  });

  it('the upload job record cannot be written: exit 3 naming the archive, the draft and the outbox, not exit 1; no temp file left', async (ctx) => {
    if (!mounted) return ctx.skip(why);
    const data = await fullDataDir('data-job');
    const policy = join(work, 'job.json');
    // Port 9 (discard) is closed here: the upload would be queued for a retry.
    await writeFile(policy, JSON.stringify({ appLogPaths: [join(work, 'logs', '*.log')], upload: { target: 'http-put', httpPut: { url: 'http://127.0.0.1:9/{ticket}/{name}' } } }));
    const r = await startCli(['collect', '--ticket', 'F-41', '--json', '--only', 'app-logs', '--no-screenshot', '--policy', policy, '--out', join(work, 'out-job'), '--upload-wait', '0'], { DIAGCOLLECT_DATA_DIR: data }).done;
    expect(r.code, r.stdout + r.stderr).toBe(3);
    const json = JSON.parse(r.stdout) as CollectJson;
    expect(json.ok).toBe(true);
    const problems = json.problems!.join('\n');
    expect((await stat(json.archive!.path)).size).toBeGreaterThan(0);
    expect(problems).toContain(json.archive!.path);
    expect(problems).toContain(json.emailDraft!);
    expect(problems).toContain(join(data, 'outbox'));
    expect(problems).toMatch(/disk is full \(ENOSPC\)/);
    expect((await allFiles(data)).filter((f) => /\.(tmp|partial)$/.test(f))).toEqual([]);
  });

  it("after publishing, the message listing which files exist is in the user's language (zh-CN and en), coded", async (ctx) => {
    if (!mounted) return ctx.skip(why);
    const policy = join(work, 'map-lang.json');
    await writeFile(policy, JSON.stringify({ appLogPaths: [join(work, 'logs', '*.log')] }));
    for (const [lang, words] of [
      ['zh-CN', ['脱敏对照表（占位符对应的原值）未能写入', '（磁盘已满）', '已存在的文件：', '（归档，完整）']],
      ['en', ['The redaction map (what each placeholder stands for) could not be written to', '(the disk is full)', 'These files exist:', '(the archive, complete)']],
    ] as const) {
      const data = await fullDataDir(`data-lang-${lang}`);
      const out = join(work, `out-lang-${lang}`);
      const r = await startCli(['collect', '--ticket', 'F-42', '--lang', lang, '--only', 'app-logs', '--no-screenshot', '--policy', policy, '--out', out], { DIAGCOLLECT_DATA_DIR: data }).done;
      expect(r.code, r.stderr).toBe(3);
      const zip = (await readdir(out)).find((n) => n.endsWith('.zip'))!;
      const line = r.stderr.split('\n').find((l) => l.includes(join(data, 'redaction-maps')))!;
      expect(line, r.stderr).toBeDefined();
      for (const w of words) expect(line).toContain(w);
      expect(line).toContain(join(out, zip));
      if (lang === 'zh-CN') expect(line).not.toMatch(/could not|These files/);
    }
  });

  it('the archive does not fit: exit 1 naming the path, and nothing is left — not even the --out folder the run made', async (ctx) => {
    if (!mounted) return ctx.skip(why);
    await run('sh', ['-c', `rm -rf "${mnt}"/*`]);
    const { randomBytes } = await import('node:crypto');
    await writeFile(join(work, 'logs', 'big.log'), randomBytes(200_000));
    const policy = join(work, 'big.json');
    await writeFile(policy, JSON.stringify({ appLogPaths: [join(work, 'logs', 'big.log')] }));
    const out = join(mnt, 'new', 'out');
    const r = await startCli(['collect', '--ticket', 'F-43', '--json', '--only', 'app-logs', '--no-screenshot', '--policy', policy, '--out', out], { DIAGCOLLECT_DATA_DIR: join(work, 'big-data') }).done;
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect((JSON.parse(r.stdout) as { error: string }).error).toMatch(/disk is full \(ENOSPC\)/);
    expect(await readdir(mnt)).toEqual([]);
  });

  it('an --out folder or data folder to be made on a read-only drive: exit 1 saying the drive is read-only, not "ENOENT … mkdir"', async (ctx) => {
    if (!mounted) return ctx.skip(why);
    await run('sh', ['-c', `rm -rf "${mnt}"/* && mkdir "${mnt}/ro"`]);
    const ro = join(work, 'ro');
    await mkdir(ro, { recursive: true });
    await run('mount', ['--bind', '-o', 'ro', join(mnt, 'ro'), ro]).catch(() => run('sh', ['-c', `mount --bind "${mnt}/ro" "${ro}" && mount -o remount,bind,ro "${ro}"`]));
    try {
      for (const [out, data] of [
        [join(ro, 'new', 'out'), join(work, 'ro-data')],
        [join(work, 'out-ro'), join(ro, 'data')],
      ] as const) {
        const r = await startCli(['collect', '--ticket', 'F-42', '--json', '--only', 'versions', '--no-screenshot', ...(data.startsWith(`${ro}/`) ? [] : ['--out', out])], { DIAGCOLLECT_DATA_DIR: data }).done;
        expect(r.code, r.stdout + r.stderr).toBe(1);
        const error = (JSON.parse(r.stdout) as { error: string }).error;
        expect(error).toMatch(/read-only \(EROFS\)/);
        expect(error).toContain(data.startsWith(`${ro}/`) ? data : out);
        expect(error).not.toMatch(/ENOENT/);
      }
    } finally {
      await run('umount', [ro]).catch(() => undefined);
    }
  });
});

describe('faults: --out names a file (real CLI)', () => {
  it.each([['the file itself', ''], ['a folder below a file', 'sub']])('%s: exit 2 naming the file, in the user language, nothing collected', async (_what, below) => {
    const work = await mkdtemp(join(os.tmpdir(), 'diagcollect-fault-outfile-'));
    try {
      const file = join(work, 'not-a-folder');
      await writeFile(file, 'x');
      const out = below ? join(file, below) : file;
      const en = await startCli(['collect', '--ticket', 'F-44', '--json', '--only', 'versions', '--no-screenshot', '--out', out], { DIAGCOLLECT_DATA_DIR: join(work, 'data') }).done;
      expect(en.code, en.stdout + en.stderr).toBe(2);
      expect((JSON.parse(en.stdout) as { error: string }).error).toBe(`${file} is a file, not a folder, so the folder for the archive cannot be made there: give --out a folder, or move the file away`);
      const zh = await startCli(['collect', '--ticket', 'F-44', '--only', 'versions', '--no-screenshot', '--out', out], { DIAGCOLLECT_DATA_DIR: join(work, 'data'), LANG: 'zh_CN.UTF-8', LC_ALL: '' }).done;
      expect(zh.code).toBe(2);
      expect(zh.stderr).toContain(`${file} 是一个文件，不是文件夹`);
      expect(await readdir(work)).toEqual(['not-a-folder']);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
