/**
 * Fault suite (issue 13): the built CLI redacts large files in a worker thread (its own entry in
 * dist/cli). It must find that entry, give the archive a single thread would, and still end at
 * once when interrupted mid-file: exit 130, nothing left behind, the process gone (a worker
 * left running would keep it alive). Timeouts are hang guards.
 */
import { mkdir, mkdtemp, readdir, readlink, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLogText } from '../bench/redact.bench.js';
import { readZip } from '../helpers/zip.js';
import { filesIn, startCli, waitUntil } from './support.js';

interface CollectJson {
  ok: boolean;
  exitCode: number;
  archive?: { path: string; name: string };
}

describe.runIf(process.platform === 'linux')('faults: the redaction worker of the built CLI', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(os.tmpdir(), 'faults-worker-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  const setup = async (name: string, logs: string) => {
    const dir = join(work, name);
    await mkdir(dir, { recursive: true });
    const policy = join(dir, 'policy.json');
    await writeFile(policy, JSON.stringify({ appLogPaths: [logs], deadlineSeconds: 600, caps: { fileBytes: 2 ** 30, collectorBytes: 2 ** 32 } }));
    return { out: join(dir, 'out'), policy, env: { DIAGCOLLECT_DATA_DIR: join(dir, 'data'), DISPLAY: '' } };
  };

  // Both runs wait for each file in turn (DIAGCOLLECT_OPEN_PATIENCE_MS): on a busy machine a read
  // past the usual second lets the items behind go first, and the two archives' order would differ.
  it('gives the archive one thread gives (every log entry, the manifest items and totals), with the worker found in the bundle', async () => {
    const logs = join(work, 'logs-same');
    await mkdir(logs, { recursive: true });
    const text = Buffer.concat(generateLogText(1));
    const half = Math.floor(text.length / 2);
    await writeFile(join(logs, 'app-0.log'), Buffer.concat([text.subarray(0, half), Buffer.from('\n用户名=luoxiaotong\n')]));
    await writeFile(join(logs, 'app-1.log'), Buffer.concat([Buffer.from('cert\\luoxiaotong.p12\n'), text.subarray(half)]));
    await writeFile(join(logs, 'small.log'), 'user=zhangwei password=hunter22 luoxiaotong\n');
    const collect = async (mode: string) => {
      const { out, policy, env } = await setup(`same-${mode}`, logs);
      const { done } = startCli(['collect', '--ticket', 'W-1', '--only', 'app-logs', '--no-screenshot', '--json', '--policy', policy, '--out', out], { ...env, DIAGCOLLECT_REDACT_WORKER: mode, DIAGCOLLECT_OPEN_PATIENCE_MS: '600000' });
      const r = await done;
      expect([0, 3], r.stderr).toContain(r.code);
      const json = JSON.parse(r.stdout) as CollectJson;
      const entries = await readZip(json.archive!.path);
      const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data!.toString('utf8')) as { items: Array<{ name: string; size: number; sha256: string; redactions?: unknown }>; redaction: { totals: unknown; inThread?: string } };
      return { logs: entries.filter((e) => e.name.endsWith('.log')), manifest };
    };
    const serial = await collect('off');
    const offloaded = await collect('0');
    expect(offloaded.manifest.redaction.inThread).toBeUndefined();
    expect(offloaded.logs.map((e) => e.name)).toEqual(serial.logs.map((e) => e.name));
    expect(offloaded.logs.length).toBe(3);
    for (const [i, e] of offloaded.logs.entries()) expect(e.data!.equals(serial.logs[i]!.data!), e.name).toBe(true);
    const logItems = (m: typeof serial.manifest) => m.items.filter((i) => i.name.endsWith('.log'));
    expect(logItems(offloaded.manifest)).toEqual(logItems(serial.manifest));
    expect(offloaded.manifest.redaction.totals).toEqual(serial.manifest.redaction.totals);
    expect(offloaded.logs.map((e) => e.data!.toString('utf8')).join('')).not.toContain('luoxiaotong');
  });

  it('SIGINT while the worker redacts a large file: exit 130, no archive, no .partial, the process gone', async () => {
    const logs = join(work, 'logs-big');
    await mkdir(logs, { recursive: true });
    await writeFile(join(logs, 'app.log'), Buffer.from('2026-12-05 10:00:00 INFO worker 7 handled request 1234 for user=zhangwei in 12 ms\n'.repeat(1024 * 1024)));
    const { out, policy, env } = await setup('sigint', logs);
    const { child, done } = startCli(['collect', '--ticket', 'W-2', '--only', 'app-logs', '--no-screenshot', '--json', '--policy', policy, '--out', out], { ...env, DIAGCOLLECT_REDACT_WORKER: '0' });
    // Mid-file: the CLI has the log open (it is being read, redacted and written).
    const big = join(logs, 'app.log');
    const hasOpen = async () => {
      const fds = await readdir(`/proc/${child.pid}/fd`).catch(() => [] as string[]);
      for (const fd of fds) if ((await readlink(`/proc/${child.pid}/fd/${fd}`).catch(() => '')) === big) return true;
      return false;
    };
    await waitUntil(hasOpen, 'the CLI to read the log', 120_000);
    child.kill('SIGINT');
    const r = await done;
    expect(r.code, r.stderr).toBe(130);
    expect(await filesIn(out)).toEqual([]);
  });
});
