import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, PolicySchema } from '../../../shared/policy.js';
import { ManifestSchema, type ProgressEvent } from '../../../shared/types.js';
import type { Collector } from '../../../electron/engine/collectors/types.js';
import { CancelledError, InputError } from '../../../electron/engine/errors.js';
import { planCollectors, QUEUE_ROOM, runSession } from '../../../electron/engine/session.js';
import { failureOf, tryExec } from '../../../electron/engine/collectors/support/run.js';
import { readZip, sha256 } from '../../helpers/zip.js';

const base = {
  category: 'system',
  title: { 'zh-CN': '测试', en: 'Test' },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 10_000,
  sensitive: false,
  describe: () => ['test'],
} as const;

const make = (id: string, run: Collector['run'], extra: Partial<Collector> = {}): Collector => ({ ...base, platforms: [...base.platforms], id, run, ...extra });

const quick = make('quick', async (ctx) => {
  ctx.addText(ctx.name('versions'), 'tool 1.0\n', 'test');
  ctx.addJson('data.json', { a: 1 }, 'test');
});
const failing = make('failing', async () => {
  throw new Error('disk went away');
});
/** Starts a real child that would run for a minute; its timeout is 400 ms. */
const hanging = make('hanging', async (ctx) => {
  await ctx.exec('sh', ['-c', 'sleep 59.7 & sleep 59.7; wait']);
  ctx.addText('late.txt', 'should never arrive', 'test');
}, { timeoutMs: 400 });

const tmp = () => mkdtempSync(join(os.tmpdir(), 'session-'));
const sleepers = () => {
  const out: number[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
      if (cmd === 'sleep\u000059.7\u0000' && state !== 'Z') out.push(Number(pid));
    } catch {}
  }
  return out;
};

describe('session', () => {
  it('writes a named archive with the items, intake and a manifest whose sha256 values match', async () => {
    const outDir = tmp();
    const events: ProgressEvent[] = [];
    const result = await runSession({
      ticket: '12345',
      intake: { name: '张三', problemDescription: '打不开', priority: '高', occurredAt: '2026-11-24 09:30' },
      policy: DEFAULT_POLICY,
      outDir,
      collectors: [quick],
      host: 'pc-01',
      now: () => new Date(2026, 10, 24, 10, 0),
      onProgress: (e) => events.push(e),
    });
    expect(result.archiveName).toBe('12345_诊断信息_20261124-1000_pc-01.zip');
    expect(readdirSync(outDir)).toEqual([result.archiveName]);
    const entries = await readZip(result.archivePath);
    const names = entries.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['版本信息.txt', 'data.json', '工单信息.txt', 'manifest.json']));
    expect(entries.every((e) => e.utf8Flag)).toBe(true);
    const manifest = ManifestSchema.parse(JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString()));
    expect(manifest.ticket).toBe('12345');
    expect(manifest.items.map((i) => i.name).sort()).toEqual(names.filter((n) => n !== 'manifest.json').sort());
    for (const item of manifest.items) {
      const entry = entries.find((e) => e.name === item.name)!;
      expect(item.sha256).toBe(sha256(entry.data));
      expect(item.size).toBe(entry.data.length);
    }
    const intake = entries.find((e) => e.name === '工单信息.txt')!.data.toString();
    expect(intake).toContain('姓名: 张三');
    expect(intake).toContain('优先级: 高');
    expect(intake).toContain('发生时间: 2026-11-24 09:30');
    expect(events.filter((e) => e.type === 'item').length).toBe(2);
    expect(events.at(-1)).toEqual({ type: 'phase', phase: 'done' });
    expect(result.partial).toBe(false);
  });

  it('records a failing collector and a timed-out one, kills its process tree, and goes on', async () => {
    const outDir = tmp();
    const before = sleepers();
    const result = await runSession({ ticket: 'T-1', policy: DEFAULT_POLICY, outDir, collectors: [hanging, failing, quick], lang: 'en' });
    const runs = Object.fromEntries(result.manifest.collectors.map((c) => [c.id, c]));
    expect(runs.failing?.status).toBe('error');
    expect(runs.failing?.error).toBe('disk went away');
    expect(runs.hanging?.status).toBe('timeout');
    expect(runs.hanging?.error).toMatch(/timeout/);
    expect(runs.quick?.status).toBe('ok');
    expect(result.partial).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(sleepers().filter((p) => !before.includes(p))).toEqual([]);
    const names = (await readZip(result.archivePath)).map((e) => e.name);
    expect(names).toContain('versions.txt');
    expect(names).not.toContain('late.txt');
  }, 10_000); // hang guard: far below the 59.7 s sleeps of the hung collector

  it('stops at the session deadline: a hung collector never hangs the collection', async () => {
    const outDir = tmp();
    const forever = make('forever', async (ctx) => {
      await ctx.exec('sleep', ['59.7']);
    }, { timeoutMs: 120_000, slow: true });
    const policy = PolicySchema.parse({ deadlineSeconds: 5, concurrency: 1 });
    const t0 = performance.now();
    const result = await runSession({ ticket: '1', policy, outDir, collectors: [forever, quick] });
    const took = performance.now() - t0;
    expect(took).toBeGreaterThan(4_500);
    const runs = Object.fromEntries(result.manifest.collectors.map((c) => [c.id, c]));
    expect(runs.forever?.status).toBe('timeout');
    expect(runs.forever?.error).toContain('session deadline of 5 s');
    // The quick one ran first although listed second: slow collectors start last.
    expect(runs.quick?.status).toBe('ok');
  }, 15_000); // hang guard: the 5 s deadline, far below the 59.7 s sleep

  it('cancel leaves no archive and no partial file behind, and kills running commands', async () => {
    const outDir = tmp();
    const ac = new AbortController();
    const slow = make('slow', async (ctx) => {
      ctx.addText('first.txt', 'x'.repeat(100_000), 'test');
      await ctx.exec('sleep', ['59.7']);
    });
    const before = sleepers();
    setTimeout(() => ac.abort(), 300);
    await expect(runSession({ ticket: '1', policy: DEFAULT_POLICY, outDir, collectors: [slow, quick], signal: ac.signal })).rejects.toBeInstanceOf(CancelledError);
    expect(readdirSync(outDir)).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    expect(sleepers().filter((p) => !before.includes(p))).toEqual([]);
  });

  it('refuses a bad ticket id before collecting anything', async () => {
    const outDir = join(tmp(), 'never-created');
    let ran = false;
    const spy = make('spy', async () => {
      ran = true;
    });
    await expect(runSession({ ticket: '../etc', policy: DEFAULT_POLICY, outDir, collectors: [spy] })).rejects.toBeInstanceOf(InputError);
    expect(ran).toBe(false);
    expect(existsSync(outDir)).toBe(false);
  });
});

describe('planCollectors', () => {
  const screenshot = make('screenshot', async () => {}, { category: 'screenshot', sensitive: true });
  const winOnly = make('win-only', async () => {}, { platforms: ['win32'] });
  it('says why each collector does not run', () => {
    const plan = planCollectors({ collectors: [quick, screenshot, winOnly, failing], policy: PolicySchema.parse({ disabledCollectors: ['failing'] }), platform: 'linux' });
    expect(plan.run.map((c) => c.id)).toEqual(['quick']);
    const why = Object.fromEntries(plan.skipped.map((s) => [s.collector.id, s.reason]));
    expect(why.screenshot).toMatch(/consent/);
    expect(why['win-only']).toBe('not available on linux');
    expect(why.failing).toMatch(/disabled by policy/);
  });
  it('refuses an unknown id in --only/--skip', () => {
    expect(() => planCollectors({ collectors: [quick], policy: DEFAULT_POLICY, platform: 'linux', only: ['nope'] })).toThrow(/unknown collector "nope"; known collectors: quick/);
  });
});

describe('session naming', () => {
  it('a second archive in the same minute gets _2 instead of failing', async () => {
    const outDir = tmp();
    const opts = { ticket: '5', policy: DEFAULT_POLICY, outDir, collectors: [quick], host: 'h', now: () => new Date(2026, 0, 1, 8, 0) };
    const a = await runSession(opts);
    const b = await runSession(opts);
    expect(a.archiveName).toBe('5_诊断信息_20260101-0800_h.zip');
    expect(b.archiveName).toBe('5_诊断信息_20260101-0800_h_2.zip');
    expect(readdirSync(outDir).sort()).toEqual([a.archiveName, b.archiveName].sort());
  });
});

describe('session report entries', () => {
  it('adds checks.json and the summary page, listed in the manifest with matching sha256', async () => {
    const outDir = tmp();
    const check = {
      id: 'always-warn',
      group: 'restart',
      title: { code: 'title.pending-reboot' },
      platforms: ['linux', 'win32', 'darwin'],
      timeoutMs: 5_000,
      run: async () => ({ status: 'warn', detail: { code: 'reboot.updatesWith', args: { packages: 'restart-pending-pkg' } } }),
    } as unknown as import('../../../electron/engine/checks/types.js').Check;
    const result = await runSession({ ticket: '8', policy: DEFAULT_POLICY, outDir, collectors: [quick], checks: [check], lang: 'en' });
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([['always-warn', 'warn']]);
    expect(result.partial).toBe(false);
    const entries = await readZip(result.archivePath);
    const checksJson = JSON.parse(entries.find((e) => e.name === 'checks.json')!.data.toString());
    expect(JSON.stringify(checksJson)).toContain('updates are waiting for a restart (restart-pending-pkg)');
    const html = entries.find((e) => e.name === 'summary.html')!.data.toString();
    expect(html).toContain('updates are waiting for a restart (restart-pending-pkg)');
    expect(html).not.toMatch(/<script/i);
    const manifest = ManifestSchema.parse(JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString()));
    for (const name of ['checks.json', 'summary.html']) {
      const item = manifest.items.find((i) => i.name === name)!;
      expect(item.sha256).toBe(sha256(entries.find((e) => e.name === name)!.data));
    }
  });
});

describe('session redaction', () => {
  it('redacts text items and file items, passes binary untouched, counts per item, and keeps the map out of the archive', async () => {
    const outDir = tmp();
    const mapDir = join(tmp(), 'maps');
    const logFile = join(tmp(), 'app.log');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(logFile, 'ok line\napi_key=abcdEFGH1234ijklMNOP5678\nuser carol@example.net logged in\n');
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 0), Buffer.from('password=keepme-in-binary')]);
    const leaky = make('leaky', async (ctx) => {
      ctx.addText('notes.txt', 'contact dave@example.org, token: ghp_0123456789abcdefghijABCDEFGHIJ012345\n', 'test');
      ctx.addBuffer('shot.png', png, 'test', 'binary');
      await ctx.addFile('app.log', logFile);
    });
    const result = await runSession({ ticket: '9', policy: DEFAULT_POLICY, outDir, collectors: [leaky], checks: [], lang: 'en', redactionMapDir: mapDir });
    const entries = await readZip(result.archivePath);
    const text = (n: string) => entries.find((e) => e.name === n)!.data.toString();
    expect(text('notes.txt')).not.toContain('dave@example.org');
    expect(text('notes.txt')).not.toContain('ghp_0123456789');
    expect(text('app.log')).not.toContain('abcdEFGH1234ijklMNOP5678');
    expect(text('app.log')).toContain('<EMAIL-');
    expect(entries.find((e) => e.name === 'shot.png')!.data.equals(png)).toBe(true);
    const manifest = ManifestSchema.parse(JSON.parse(text('manifest.json')));
    const item = (n: string) => manifest.items.find((i) => i.name === n)!;
    expect(item('notes.txt').redactions?.email).toBe(1);
    expect(item('app.log').redactions?.email).toBe(1);
    expect(item('shot.png').redactions).toBeUndefined();
    expect(manifest.redaction?.enabled).toBe(true);
    expect(manifest.redaction?.totals.email).toBe(2);
    // The mapping is saved for the user, and appears nowhere in the archive.
    const map = readFileSync(join(mapDir, `${result.archiveName.replace(/\.zip$/, '')}.json`), 'utf8');
    expect(map).toContain('dave@example.org');
    for (const e of entries) expect(e.data.includes('dave@example.org')).toBe(false);
    // Every item's sha256 still matches what was written (the redacted bytes).
    for (const i of manifest.items) expect(sha256(entries.find((e) => e.name === i.name)!.data)).toBe(i.sha256);
  });

  it('redact: false archives text as it is and says so in the manifest', async () => {
    const outDir = tmp();
    const result = await runSession({ ticket: '9', policy: DEFAULT_POLICY, outDir, collectors: [make('raw', async (ctx) => ctx.addText('a.txt', 'erin@example.com\n', 'test'))], checks: [], redact: false });
    const entries = await readZip(result.archivePath);
    expect(entries.find((e) => e.name === 'a.txt')!.data.toString()).toBe('erin@example.com\n');
    expect(result.manifest.redaction?.enabled).toBe(false);
  });
});

describe('session: no lost work, one deadline, real causes', () => {
  it('two sessions for one ticket in one folder at once both keep their archive (the name is reserved first)', async () => {
    const outDir = tmp();
    const opts = { ticket: '6', policy: DEFAULT_POLICY, outDir, collectors: [quick], checks: [], host: 'h', now: () => new Date(2026, 0, 1, 8, 0) };
    const [a, b] = await Promise.all([runSession(opts), runSession(opts)]);
    expect([a.archiveName, b.archiveName].sort()).toEqual(['6_诊断信息_20260101-0800_h.zip', '6_诊断信息_20260101-0800_h_2.zip']);
    expect(readdirSync(outDir).sort()).toEqual([a.archiveName, b.archiveName].sort());
  });

  it('cleans what killed runs left: temp files untouched for over an hour, reservations of dead processes', async () => {
    const outDir = tmp();
    const old = new Date(Date.now() - 2 * 3600 * 1000);
    writeFileSync(join(outDir, '.7_old.zip.0a0b.partial'), 'half an archive');
    utimesSync(join(outDir, '.7_old.zip.0a0b.partial'), old, old);
    writeFileSync(join(outDir, '.7_live.zip.0c0d.partial'), 'another run is writing this');
    // A reservation whose process has ended (a child that already exited).
    const dead = spawnSync('true').pid!;
    writeFileSync(join(outDir, '.7_dead.zip.reserved'), `${dead}\n${os.hostname()}\n`);
    writeFileSync(join(outDir, '.7_mine.zip.reserved'), `${process.pid}\n${os.hostname()}\n`);
    const r = await runSession({ ticket: '7', policy: DEFAULT_POLICY, outDir, collectors: [quick], checks: [] });
    expect(readdirSync(outDir).sort()).toEqual(['.7_live.zip.0c0d.partial', '.7_mine.zip.reserved', r.archiveName].sort());
  });

  it('an explicit deadline cuts the collectors in flight, names itself in the reason, and still finalizes', async () => {
    const outDir = tmp();
    const forever = make('forever', async (ctx) => {
      await ctx.exec('sleep', ['59.7']);
    }, { timeoutMs: 120_000 });
    const deadline = new Date(Date.now() + 1500);
    const result = await runSession({ ticket: '8', policy: DEFAULT_POLICY, outDir, collectors: [quick, forever], checks: [], deadline });
    expect(result.deadlineHit).toBe(true);
    expect(result.partial).toBe(true);
    const run = result.manifest.collectors.find((c) => c.id === 'forever');
    expect(run).toMatchObject({ status: 'timeout', error: `stopped at the session deadline (${deadline.toISOString()})` });
    expect(readdirSync(outDir)).toEqual([result.archiveName]);
  });

  it('a command that times out makes the collector a timeout naming that command, not a skip of another tool', async () => {
    const outDir = tmp();
    const software = make('software-like', async (ctx) => {
      await tryExec(ctx, 'no-such-rpm-xyz', ['-qa'], { missing: 'rpm is not installed (not a Red Hat/SUSE system)' });
      const r = await tryExec(ctx, 'sh', ['-c', 'sleep 59.7'], { timeoutMs: 300 });
      if (r && failureOf(r)) ctx.skip('sh -c sleep', failureOf(r)!);
    });
    const result = await runSession({ ticket: '9', policy: DEFAULT_POLICY, outDir, collectors: [software], checks: [] });
    const run = result.manifest.collectors.find((c) => c.id === 'software-like');
    expect(run?.status).toBe('timeout');
    expect(run?.error).toMatch(/^sh -c 'sleep 59\.7': timed out after 0\.3 s and was killed/);
    expect(result.partial).toBe(true);
  });

  it('a failure after the archive was published keeps the archive and says which file is missing', async () => {
    const outDir = tmp();
    const notADir = join(tmp(), 'maps');
    writeFileSync(notADir, 'a file where the map folder should be');
    const result = await runSession({ ticket: '10', policy: DEFAULT_POLICY, outDir, collectors: [quick], checks: [], redactionMapDir: notADir });
    expect(existsSync(result.archivePath)).toBe(true);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toContain(result.archivePath);
    expect(result.problems[0]).toContain(notADir);
  });
});

describe('session: the deadline covers archiving too', () => {
  it('a file still streaming at the deadline is cut (kept as far as read, with the reason); the archive is finalized', async () => {
    const outDir = tmp();
    const big = join(tmp(), 'big.log');
    // 192 MiB that does not compress: over a second of deflate even for three fast cores, so
    // still streaming at a 1 s deadline.
    const handle = await open(big, 'w');
    for (let i = 0; i < 12; i += 1) await handle.write(randomBytes(16 * 1024 * 1024));
    await handle.close();
    const bigFile = make('big-file', async (ctx) => {
      await ctx.addFile('big.log', big, { maxBytes: 256 * 1024 * 1024, kind: 'binary' });
    });
    const policy = PolicySchema.parse({ caps: { fileBytes: 256 * 1024 * 1024 } });
    try {
      const result = await runSession({ ticket: '11', policy, outDir, collectors: [quick, bigFile], checks: [], redact: false, deadline: new Date(Date.now() + 1000) });
      expect(result.deadlineHit).toBe(true);
      expect(result.partial).toBe(true);
      const item = result.manifest.items.find((i) => i.name === 'big.log');
      const skip = result.manifest.skipped.find((s) => s.source === big);
      const run = result.manifest.collectors.find((c) => c.id === 'big-file');
      // In flight: cut with what was read. Not yet started: left out. Not even queued (a very
      // loaded machine): the collector was stopped. Never archived whole, always said why.
      if (item) {
        expect(item).toMatchObject({ truncated: true, note: expect.stringMatching(/^cut at the session deadline \(.+\): the entry holds the first \d+ bytes$/) });
        expect(item.size).toBeLessThan(192 * 1024 * 1024);
        // And why, as a code with what was kept (every surface says it in its language).
        expect(item.cut).toEqual({ code: 'cut-deadline', keptBytes: item.size });
      } else if (skip) {
        expect(skip.reason).toMatch(/^not archived: the session deadline \(.+\) passed before its turn$/);
      } else {
        expect(run).toMatchObject({ status: 'timeout', error: expect.stringMatching(/^stopped at the session deadline/) });
      }
      // Small items collected before the deadline are there, and the archive reads back whole.
      const entries = await readZip(result.archivePath);
      expect(entries.map((e) => e.name)).toContain('data.json');
      if (item) expect(entries.find((e) => e.name === 'big.log')?.data.length).toBe(item.size);
      expect(readdirSync(outDir)).toEqual([result.archiveName]);
    } finally {
      await rm(big, { force: true });
    }
  });

  it('cancel while a file is streaming closes the file: no descriptor is left for garbage collection', async () => {
    const outDir = tmp();
    const big = join(tmp(), 'app.log');
    // 48 MiB of log lines: redacting them takes long enough to cancel in the middle.
    writeFileSync(big, Buffer.from('2026-12-05 10:00:00 INFO worker 7 handled request 1234 in 12 ms\n'.repeat(768 * 1024)));
    const openOn = () => readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === big;
      } catch {
        return false;
      }
    });
    const ac = new AbortController();
    const bigFile = make('big-file', async (ctx) => {
      await ctx.addFile('app.log', big, { maxBytes: 64 * 1024 * 1024 });
    });
    // Cancel once the collectors are done and the file streams into the archive (open, being read).
    let streamedWhenCancelled = false;
    const onProgress = (event: ProgressEvent) => {
      if (event.type !== 'phase' || event.phase !== 'archiving') return;
      const poll = setInterval(() => {
        if (openOn().length === 0) return;
        clearInterval(poll);
        streamedWhenCancelled = true;
        ac.abort();
      }, 1);
    };
    const policy = PolicySchema.parse({ caps: { fileBytes: 64 * 1024 * 1024 } });
    await expect(runSession({ ticket: '12', policy, outDir, collectors: [bigFile], checks: [], signal: ac.signal, onProgress })).rejects.toBeInstanceOf(CancelledError);
    expect(streamedWhenCancelled).toBe(true);
    // Closing is asynchronous: give it a few turns, far less than a collection would need to notice.
    await new Promise((r) => setTimeout(r, 200));
    expect(openOn()).toEqual([]);
    expect(readdirSync(outDir)).toEqual([]);
  });

  // Memory per archived file stays bounded: a collector adding thousands of small files waits for
  // room instead of queuing them all ahead of the writer (each queued item was kept until written).
  it('keeps at most QUEUE_ROOM files waiting for the archive, and archives them all', async () => {
    const dir = tmp();
    const count = 1500;
    for (let i = 0; i < count; i += 1) writeFileSync(join(dir, `f-${i}.log`), `2024-03-15 10:00:00 [INFO] worker ${i} ok\n`);
    let added = 0;
    let written = 0;
    let mostAhead = 0;
    const files = make(
      'files',
      async (ctx) => {
        const paths = Array.from({ length: count }, (_, i) => join(dir, `f-${i}.log`));
        for (const [i, path] of paths.entries()) {
          const prefetch = paths.slice(i + 1, i + 17).map((p) => ({ path: p }));
          if (await ctx.addFile(`logs/f-${i}.log`, path, { prefetch })) added += 1;
          mostAhead = Math.max(mostAhead, added - written);
        }
      },
      { category: 'app-logs', timeoutMs: 60_000 },
    );
    const result = await runSession({
      ticket: '1',
      policy: DEFAULT_POLICY,
      outDir: tmp(),
      collectors: [files],
      checks: [],
      onProgress: (e) => {
        if (e.type === 'item') written += 1;
      },
    });
    expect(added).toBe(count);
    expect(result.manifest.items.filter((i) => i.collector === 'files')).toHaveLength(count);
    // The queue, plus the few items being written at once (8) and the one just added.
    expect(mostAhead).toBeLessThanOrEqual(QUEUE_ROOM + 8 + 1);
  });
});

describe('session: the generated entries, streamed (rss10k)', () => {
  it('writes manifest.json and timeline.json in pieces that read back as the whole documents would have been written', async () => {
    const outDir = tmp();
    const logs = make('logs', async (ctx) => {
      for (let i = 0; i < 300; i += 1) ctx.addText(`软件日志/f-${i}.log`, `2026-11-24 09:${String(i % 60).padStart(2, '0')}:00 ERROR worker ${i} failed "quoted"\n`, `/var/log/app/f-${i}.log`);
    }, { category: 'app-logs' });
    const result = await runSession({ ticket: '12345', intake: { occurredAt: '2026-11-24 09:30' }, policy: DEFAULT_POLICY, outDir, collectors: [logs], checks: [], host: 'pc-01', now: () => new Date(2026, 10, 24, 10, 0) });
    const entries = await readZip(result.archivePath);
    const text = (name: string) => entries.find((e) => e.name === name)!.data.toString('utf8');
    expect(text('manifest.json')).toBe(`${JSON.stringify(result.manifest, null, 2)}\n`);
    expect(ManifestSchema.parse(JSON.parse(text('manifest.json'))).items).toHaveLength(entries.length - 1);
    const timeline = JSON.parse(text('timeline.json')) as { sources: { name: string }[] };
    expect(timeline.sources.filter((s) => s.name.startsWith('软件日志/'))).toHaveLength(300);
    // The summary page counts the entries the archive holds (figures.ts), as before the streaming.
    expect(text('诊断摘要.html')).toContain(`data-entries="${entries.length}"`);
  });
});
