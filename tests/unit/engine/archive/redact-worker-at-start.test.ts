/**
 * sos20 (session 22): the redaction worker started with the collection (SessionOptions.redactWorker
 * `atStart`, what the CLI's collect uses): it redacts every text item — small files, in-memory
 * texts, generated entries' facts, the checks' facts and the manifest's sources — and the archive
 * is the same as one redacted wholly on the main thread (entries, bytes, manifest, numbering).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cm } from '../../../../shared/check-messages.js';
import { DEFAULT_POLICY } from '../../../../shared/policy.js';
import type { Check } from '../../../../electron/engine/checks/types.js';
import { redactFacts, redactFactsWith } from '../../../../electron/engine/redact/redact-facts.js';
import { RedactWorker } from '../../../../electron/engine/redact/redact-offload.js';
import { Redactor } from '../../../../electron/engine/redact/redactor.js';
import { redactWorkerForCollect, runSession, type SessionOptions } from '../../../../electron/engine/session.js';
import { noWorkerLeft, workerTestCollector as collector } from '../../../helpers/redact-worker.js';
import { readZip } from '../../../helpers/zip.js';

const tmp = () => mkdtempSync(join(os.tmpdir(), 'redact-worker-at-start-'));


/** Facts with secrets, names learned in one string and met again in a later one, codes that stay. */
const facts = () => ({
  code: 'dns.ok',
  lines: ['user=zhangwei password=hunter22', 'mail luo@example.com from 10.20.30.40', '', 'again zhangwei and luo@example.com'],
  nested: { token: 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', count: 3, ok: true, none: null },
});

describe('redactFactsWith (facts redacted together, e.g. by the worker)', () => {
  it('gives what redactFacts gives, string for string, and the same numbering after', async () => {
    const a = new Redactor();
    const b = new Redactor();
    const asked: string[][] = [];
    const together = await redactFactsWith(facts(), async (texts) => {
      asked.push(texts);
      return texts.map((t) => b.redactText(t).text);
    });
    expect(together).toEqual(redactFacts(facts(), a));
    expect(b.exportState()).toEqual(a.exportState());
    // One batch, in document order; empty strings and catalogue codes are not asked.
    expect(asked).toHaveLength(1);
    expect(asked[0]![0]).toBe('user=zhangwei password=hunter22');
    expect(asked[0]).not.toContain('');
    expect(asked[0]).not.toContain('dns.ok');
    expect(JSON.stringify(together)).not.toContain('hunter22');
  });

  it('asks nothing for facts without strings, and refuses an answer of the wrong length', async () => {
    const never = vi.fn(async (texts: string[]) => texts);
    expect(await redactFactsWith({ n: 1, list: [true, null] }, never)).toEqual({ n: 1, list: [true, null] });
    expect(never).not.toHaveBeenCalled();
    await expect(redactFactsWith(['a secret', 'b'], async () => ['x'])).rejects.toThrow(/redacted 1 of 2/);
  });
});

describe('RedactWorker.redactTexts and redactBuffer', () => {
  it('redact as redactText and the in-memory path do, and hand the state back', async () => {
    const inThread = new Redactor();
    const offloaded = new Redactor();
    const worker = await RedactWorker.start(offloaded);
    try {
      expect(worker.rules).toEqual(inThread.activeRules());
      const texts = ['opened /home/zhangwei/.ssh/id_rsa', 'user=zhangwei password=hunter22', 'zhangwei again, 孔令辉 姓名'];
      expect(await worker.redactTexts(texts)).toEqual(texts.map((t) => inThread.redactText(t).text));
      const data = Buffer.from('login luoxiaotong ok\npassword: s3cr3t-Value!\nzhangwei\n', 'utf8');
      const got = await worker.redactBuffer(data, 'a.log');
      const expected = inThread.createStream({ name: 'a.log' });
      const out: Buffer[] = [];
      expected.on('data', (c: Buffer) => out.push(c));
      expected.end(data);
      await new Promise((r) => expected.on('end', r));
      expect(got.data.toString('utf8')).toBe(Buffer.concat(out).toString('utf8'));
      expect(got.outcome.counts).toEqual(expected.counts());
      expect(offloaded.exportState()).toEqual(inThread.exportState());
    } finally {
      await worker.terminate();
    }
    expect(await noWorkerLeft()).toBe(0);
  });
});

describe('a collection with the worker started at the start', () => {
  afterEach(() => vi.unstubAllEnvs());

  const check: Check = {
    id: 'facts',
    group: 'environment',
    title: cm('title.memory'),
    platforms: ['linux', 'win32', 'darwin'],
    timeoutMs: 10_000,
    run: async () => ({ status: 'warn', detail: cm('plain', { text: 'signed in as zhangwei, password=hunter22, mail luo@example.com' }) }),
  };
  function folder(): string {
    const dir = tmp();
    writeFileSync(join(dir, 'small.log'), 'user=zhangwei password=hunter22 login ok, luoxiaotong again\n用户名=luoxiaotong 姓名 孔令辉\n');
    writeFileSync(join(dir, 'other.log'), 'cert\\luoxiaotong.p12 扫描-孔令辉 from 10.1.2.3\n');
    return dir;
  }
  const items = (dir: string) =>
    collector('items', async (ctx) => {
      for (const name of ['small.log', 'other.log']) await ctx.addFile(name, join(dir, name));
      ctx.addText('notes.txt', 'handled by luoxiaotong, mail luo@example.com\n', 'notes from /home/zhangwei/notes');
      ctx.addRendered!('facts.json', facts(), (redacted) => Buffer.from(JSON.stringify(redacted)), 'facts of zhangwei');
      ctx.warn('could not read /home/zhangwei/.config/app.conf (password=hunter22)');
    });
  /** Without what differs from run to run: durations, and so the generated entries' sizes and hashes. */
  const comparable = (manifest: unknown): unknown =>
    JSON.parse(
      JSON.stringify(manifest, (key, value: unknown) => {
        if (key === 'durationMs' || key === 'inThread') return undefined;
        if (value !== null && typeof value === 'object' && (value as { collector?: unknown }).collector === 'session') return { ...value, sha256: undefined, size: undefined };
        return value;
      }),
    );
  const dir = folder();
  const run = async (redactWorker: SessionOptions['redactWorker']) => {
    vi.stubEnv('DIAGCOLLECT_OPEN_PATIENCE_MS', '600000');
    const result = await runSession({ ticket: '13', policy: DEFAULT_POLICY, outDir: tmp(), collectors: [items(dir)], checks: [check], now: () => new Date('2026-12-06T10:00:00Z'), host: 'host-1', redactWorker });
    return { result, entries: await readZip(result.archivePath) };
  };
  const sameArchive = (a: Awaited<ReturnType<typeof run>>, b: Awaited<ReturnType<typeof run>>) => {
    expect(a.entries.map((e) => e.name)).toEqual(b.entries.map((e) => e.name));
    for (const [i, entry] of a.entries.entries()) {
      const other = b.entries[i]!;
      if (entry.name.endsWith('.json') && entry.data!.toString('utf8').includes('"durationMs"')) {
        expect(comparable(JSON.parse(entry.data!.toString('utf8'))), entry.name).toEqual(comparable(JSON.parse(other.data!.toString('utf8'))));
      } else if (!entry.name.endsWith('.html')) expect(entry.data!.toString('utf8'), entry.name).toBe(other.data!.toString('utf8'));
    }
    expect(comparable(a.result.manifest)).toEqual(comparable(b.result.manifest));
  };

  it('is the same archive as with every item redacted on the main thread, the worker redacting small items, facts and sources', async () => {
    const serial = await run(false);
    const startedBefore = RedactWorker.threads.started;
    const atStart = await run({ atStart: true });
    expect(RedactWorker.threads.started).toBe(startedBefore + 1);
    expect(await noWorkerLeft()).toBe(0);
    expect(atStart.result.manifest.redaction?.inThread).toBeUndefined();
    sameArchive(atStart, serial);
    const all = atStart.entries.map((e) => e.data!.toString('utf8')).join('\n');
    expect(all).not.toContain('hunter22');
    expect(all).not.toContain('/home/zhangwei');
    expect(JSON.stringify(atStart.result.checks)).toContain('zhangwei'); // the live results stay whole; the archive's are redacted
  });

  it('a worker that dies at its first item: every item redacted on the main thread, the same archive, and the manifest says so', async () => {
    const serial = await run(false);
    // Ready, then gone at the first message it is given: only a worker that takes small items meets one here.
    const entry = { code: `const { parentPort } = require('node:worker_threads'); parentPort.postMessage({ type: 'ready' }); parentPort.on('message', () => process.exit(7));` };
    const died = await run({ atStart: true, entry });
    expect(await noWorkerLeft()).toBe(0);
    expect(died.result.manifest.redaction?.inThread).toBe('the redaction worker stopped (the redaction worker stopped (exit code 7)): the items from then on were redacted on the main thread');
    sameArchive(died, serial);
  });

  it('a build without the worker: redacted on the main thread, and the manifest says why', async () => {
    const died = await run({ atStart: true, entry: null });
    expect(died.result.manifest.redaction?.inThread).toMatch(/^the redaction worker could not start \(this build has no redaction worker .*\): the items were redacted on the main thread/);
    expect(died.entries.map((e) => e.data!.toString('utf8')).join('\n')).not.toContain('hunter22');
  });

  it('DIAGCOLLECT_REDACT_WORKER for collect: at the start unless turned off or given a size', () => {
    expect(redactWorkerForCollect(undefined)).toEqual({ atStart: true });
    expect(redactWorkerForCollect('')).toEqual({ atStart: true });
    expect(redactWorkerForCollect('off')).toBe(false);
    expect(redactWorkerForCollect('0')).toEqual({ minBytes: 0 });
    expect(redactWorkerForCollect('on')).toEqual({ atStart: true });
  });
});
