/**
 * Fault suite (issue 13, hostile tester): `/proc` and `/sys` files named in policy list a size of
 * 0 (their stat size), so the collector cap (`caps.collectorBytes`) counted them as nothing and
 * never held however many were named. Through the real CLI with real /proc files: the cap
 * counts the bytes actually read, and the manifest's figures are those bytes.
 * The timeout only guards against a hang; no test measures speed.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '../helpers/zip.js';
import { startCli } from './support.js';

const HANG_GUARD_MS = 120_000;
/** Real pseudo files, each well over 100 bytes and listed with size 0. */
const PROC = ['/proc/cpuinfo', '/proc/meminfo', '/proc/self/status', '/proc/self/limits'];

describe.skipIf(process.platform !== 'linux')('faults: /proc files named in policy (real CLI)', { timeout: HANG_GUARD_MS + 10_000 }, () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(os.tmpdir(), 'diagcollect-fault-proc-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('the collector cap counts the bytes read, not the listed 0: past it the rest are left out with the cap named', async () => {
    const policy = join(work, 'policy.json');
    // The smallest cap the schema allows; /proc/cpuinfo alone is larger on any machine.
    await writeFile(policy, JSON.stringify({ configPaths: PROC, caps: { fileBytes: 1024 * 1024, collectorBytes: 1024, filesPerPath: 10, systemLogBytes: 1024 * 1024 } }));
    const out = join(work, 'out');
    const { child, done } = startCli(['collect', '--ticket', 'F-30', '--only', 'config', '--no-screenshot', '--policy', policy, '--out', out, '--upload', 'outbox', '--json'], { DIAGCOLLECT_DATA_DIR: join(work, 'data') });
    const guard = setTimeout(() => child.kill('SIGKILL'), HANG_GUARD_MS);
    const r = await done.finally(() => clearTimeout(guard));
    expect(r.code, r.stderr).toBe(0);
    const zip = (await readdir(out)).find((n) => n.endsWith('.zip'))!;
    const entries = await readZip(join(out, zip));
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')) as {
      items: Array<{ source: string; size: number }>;
      skipped: Array<{ source: string; reason: string }>;
      collectors: Array<{ id: string; bytes: number }>;
    };
    const taken = manifest.items.filter((i) => i.source.startsWith('/proc/'));
    const capped = manifest.skipped.filter((s) => s.source.startsWith('/proc/') && s.reason.includes('caps.collectorBytes'));
    // One file fills the 1 KiB cap; before, all four were taken.
    expect(taken).toHaveLength(1);
    expect(taken[0]!.size).toBeGreaterThan(1024);
    expect(capped).toHaveLength(PROC.length - 1);
    expect(manifest.collectors.find((c) => c.id === 'config')!.bytes).toBe(taken[0]!.size);
  });
});
