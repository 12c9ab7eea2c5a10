/**
 * sos25 (session 23): the redaction worker started ahead of its collection (the CLI launcher starts
 * it first thing for `collect`, before the engine loads; redact-offload.ts WorkerStartedAhead). It
 * builds and warms the likely rule set while it waits for its options; the archive is the same as
 * one redacted on the main thread, and a worker that failed or stopped before the session took it
 * leaves the session redacting on its own thread, saying why.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_POLICY } from '../../../../shared/policy.js';
import { WORKER_YOUNG_GENERATION_MB } from '../../../../electron/engine/platform/young-generation.js';
import { redactorOptionsFor } from '../../../../electron/engine/redact/policy-redactor.js';
import { RedactWorker, startWorkerAhead, workerEntry, type WorkerStartedAhead } from '../../../../electron/engine/redact/redact-offload.js';
import { Redactor } from '../../../../electron/engine/redact/redactor.js';
import { sameRuleSet, WARM_UP_SAMPLE, WarmUp, warmUpRedactor } from '../../../../electron/engine/redact/warm-up.js';
import { redactWorkerForCollect, runSession, type SessionOptions } from '../../../../electron/engine/session.js';
import { generateLogText } from '../../../bench/redact.bench.js';
import { expectSameArchive, noWorkerLeft, workerTestCollector as collector } from '../../../helpers/redact-worker.js';
import { readZip } from '../../../helpers/zip.js';

const ROOT = resolve(import.meta.dirname, '../../../..');
const tmp = () => mkdtempSync(join(os.tmpdir(), 'redact-worker-ahead-'));



/** The worker's sources started ahead, as the launcher starts the built one. */
async function sourcesAhead(): Promise<WorkerStartedAhead> {
  const entry = await workerEntry(pathToFileURL(join(ROOT, 'electron/engine/redact/redact-offload.ts')));
  if (!entry || 'ahead' in entry) throw new Error('no worker entry in the sources');
  return startWorkerAhead(entry);
}

/** A log folder: a large file (streamed), a small one, a name learned in one and met again later. */
function logFolder(): string {
  const dir = tmp();
  const text = Buffer.concat(generateLogText(1)).subarray(0, 400_000);
  writeFileSync(join(dir, 'app-0.log'), Buffer.concat([text, Buffer.from('\n用户名=luoxiaotong 姓名 孔令辉\n')]));
  writeFileSync(join(dir, 'small.log'), 'cert\\luoxiaotong.p12 扫描-孔令辉 user=zhangwei password=hunter22\n');
  return dir;
}

const files = (dir: string) =>
  collector('app-files', async (ctx) => {
    for (const name of ['app-0.log', 'small.log']) await ctx.addFile(name, join(dir, name), { maxBytes: 64 * 1024 * 1024 });
    ctx.addText('notes.txt', 'handled by luoxiaotong, mail luo@example.com\n', 'test');
  });


describe('a redaction worker started ahead of its collection', () => {
  afterEach(() => vi.unstubAllEnvs());
  const now = () => new Date('2026-12-06T10:00:00Z');
  const run = async (dir: string, redactWorker: SessionOptions['redactWorker']) => {
    const result = await runSession({ ticket: '13', policy: DEFAULT_POLICY, outDir: tmp(), collectors: [files(dir)], checks: [], now, host: 'host-1', redactWorker });
    return { result, entries: await readZip(result.archivePath) };
  };

  it('is the same archive as one redacted on the main thread, and the session stops it', async () => {
    vi.stubEnv('DIAGCOLLECT_OPEN_PATIENCE_MS', '600000');
    const dir = logFolder();
    const ahead = await sourcesAhead();
    const serial = await run(dir, false);
    const startedBefore = RedactWorker.threads.started;
    const offloaded = await run(dir, { atStart: true, entry: { ahead } });
    expect(RedactWorker.threads.started).toBe(startedBefore + 1);
    expect(offloaded.result.manifest.redaction?.inThread).toBeUndefined();
    expect(await noWorkerLeft()).toBe(0);
    expect(ahead.worker.threadId).toBe(-1);
    expectSameArchive(offloaded, serial);
    expect(offloaded.entries.find((e) => e.name.endsWith('small.log'))!.data!.toString('utf8')).not.toMatch(/luoxiaotong|hunter22/);
  });

  it('one that failed before the session took it: the session redacts on its own thread and says why', async () => {
    const dir = logFolder();
    const ahead = startWorkerAhead({ code: `throw new Error('no threads here')` });
    await new Promise((r) => ahead.worker.once('exit', r));
    const fallback = await run(dir, { atStart: true, entry: { ahead } });
    expect(fallback.result.manifest.redaction?.inThread).toMatch(/^the redaction worker could not start \(no threads here\): the items were redacted on the main thread/);
    expect(fallback.entries.find((e) => e.name.endsWith('small.log'))!.data!.toString('utf8')).not.toMatch(/luoxiaotong|hunter22/);
  });

  it('one that stopped before the session took it: the same', async () => {
    const dir = logFolder();
    const ahead = startWorkerAhead({ code: `process.exit(0)` });
    await new Promise((r) => ahead.worker.once('exit', r));
    const fallback = await run(dir, { atStart: true, entry: { ahead } });
    expect(fallback.result.manifest.redaction?.inThread).toMatch(/^the redaction worker could not start \(the redaction worker stopped before it was ready\)/);
    expect(await noWorkerLeft()).toBe(0);
  });

  it('leaves the main thread’s young generation small in a collection of the built CLI (the launcher starts it before setting the flag)', async () => {
    // V8 resets the growth flag for the whole process when the worker's isolate is made, which may
    // now be after the launcher set it; the worker sets it again when its code runs. Observed: the
    // main thread's new space, sampled through the run (2 × 1 MB kept; 2 × 16 MB when undone).
    const dir = tmp();
    const out = join(dir, 'new-space.json');
    const preload = `data:text/javascript,${encodeURIComponent(`
      import v8 from 'node:v8';
      import { writeFileSync } from 'node:fs';
      let peak = 0;
      const sample = () => { peak = Math.max(peak, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size); };
      setInterval(sample, 2).unref();
      process.on('exit', () => { sample(); writeFileSync(process.env.NEW_SPACE_OUT, JSON.stringify(peak)); });`)}`;
    await new Promise<void>((resolvePromise, reject) => {
      execFile(process.execPath, ['--import', preload, join(ROOT, 'electron/cli/diagcollect.mjs'), 'collect', '--ticket', '12345', '--only', 'versions,processes', '--no-screenshot', '--json', '--out', join(dir, 'out')], { cwd: ROOT, env: { ...process.env, NEW_SPACE_OUT: out, DISPLAY: '', HOME: dir, XDG_DATA_HOME: join(dir, 'data') } }, (err) => {
        // 3: partial (a check could not finish on this machine), still a whole run.
        if (err && err.code !== 3) reject(err);
        else resolvePromise();
      });
    });
    const peakMB = Number(readFileSync(out, 'utf8')) / 1048576;
    expect(peakMB).toBeGreaterThan(0);
    expect(peakMB).toBeLessThanOrEqual(4);
  }, 300_000);

  it('is the one a collection uses unless DIAGCOLLECT_REDACT_WORKER says otherwise', () => {
    const ahead = { worker: {} } as WorkerStartedAhead;
    expect(redactWorkerForCollect(undefined, ahead)).toEqual({ atStart: true, entry: { ahead } });
    expect(redactWorkerForCollect(undefined)).toEqual({ atStart: true });
    expect(redactWorkerForCollect('off', ahead)).toBe(false);
    expect(redactWorkerForCollect('0', ahead)).toEqual({ minBytes: 0 });
  });

  it('is started by the launcher as startWorkerAhead starts it (data, young generation), first thing, for `collect` only', () => {
    const launcher = readFileSync(join(ROOT, 'electron/cli/diagcollect.mjs'), 'utf8');
    const offload = readFileSync(join(ROOT, 'electron/engine/redact/redact-offload.ts'), 'utf8');
    expect(offload).toContain('{ workerData: { ahead: true }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }');
    expect(launcher).toContain(`{ workerData: { ahead: true }, resourceLimits: { maxYoungGenerationSizeMb: ${WORKER_YOUNG_GENERATION_MB} } }`);
    // Before the flags change V8's flag hash (its bootstrap then comes from Node's code cache), and before the engine loads.
    const started = launcher.indexOf('new Worker(');
    expect(started).toBeGreaterThan(0);
    expect(started).toBeLessThan(launcher.indexOf('setFlagsFromString('));
    expect(started).toBeLessThan(launcher.indexOf('await import(pathToFileURL(bundle)'));
    expect(launcher).toMatch(/process\.argv\[2\] === 'collect' && process\.env\.DIAGCOLLECT_REDACT_WORKER !== 'off'/);
  });
});

describe('the warm-up of a worker started ahead', () => {
  it('changes nothing a Redactor redacts: the same text and numbering before and after it', () => {
    const options = redactorOptionsFor();
    const text = `${Buffer.concat(generateLogText(1)).subarray(0, 60_000).toString('utf8')}\nuser=zhangwei password=hunter22 mail luo@example.com from 203.0.113.9\n`;
    const before = new Redactor(options).redactText(text);
    warmUpRedactor(options);
    const after = new Redactor(options).redactText(text);
    expect(after.text).toBe(before.text);
    expect(after.counts).toEqual(before.counts);
    expect(after.text).not.toContain('hunter22');
  });

  it('redacts a line per turn of the event loop, twice through the sample, and stops when told', async () => {
    const lines = WARM_UP_SAMPLE.split('\n').length;
    const warm = new WarmUp(redactorOptionsFor());
    let steps = 0;
    while (warm.step()) steps += 1;
    // sos26 (session 24): first the rule set's large regexes, one per turn (regexp-ahead.ts).
    const ahead = warm.compiledAhead;
    expect(ahead.of).toBeGreaterThan(5);
    expect(ahead.done).toBe(ahead.of);
    expect(steps + 1).toBe(ahead.of + 2 * lines);
    expect(warm.done).toBe(true);
    // Run: other work gets turns between its lines; stopped, it redacts no further line.
    const running = new WarmUp(redactorOptionsFor());
    running.run();
    let turns = 0;
    await new Promise<void>((resolve) => {
      const other = () => {
        turns += 1;
        if (turns === 3) {
          running.stop();
          resolve();
        } else setImmediate(other);
      };
      setImmediate(other);
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(running.done).toBe(false);
    expect(running.step()).toBe(false);
  });

  // sos26 (session 24): the first item stops the sample lines, not the large regexes' compiling (one per turn).
  it('compiles the large regexes ahead even once the sample lines are stopped', () => {
    const warm = new WarmUp(redactorOptionsFor());
    expect(warm.step()).toBe(true);
    warm.stopLines();
    let steps = 1;
    while (warm.step()) steps += 1;
    expect(warm.compiledAhead.done).toBe(warm.compiledAhead.of);
    // The last regex's step answers false: nothing is left (the lines were stopped).
    expect(steps + 1).toBe(warm.compiledAhead.of);
    expect(warm.done).toBe(false);
    const stopped = new WarmUp(redactorOptionsFor());
    stopped.step();
    stopped.stop();
    expect(stopped.step()).toBe(false);
    expect(stopped.compiledAhead.done).toBe(1);
  });

  it('knows which options give the same rule set (the worker warms the one it will use)', () => {
    expect(sameRuleSet({}, { optionalRules: [], extraRules: [], allow: [], knownValues: [] })).toBe(true);
    expect(sameRuleSet(redactorOptionsFor(), redactorOptionsFor({ optionalRules: [], extraRules: [], allow: [] }))).toBe(true);
    expect(sameRuleSet(redactorOptionsFor(), redactorOptionsFor({ optionalRules: ['mac-address'], extraRules: [], allow: [] }))).toBe(false);
    expect(sameRuleSet({ knownValues: [{ value: 'alice', kind: 'USER' }] }, { knownValues: [{ value: 'bob', kind: 'USER' }] })).toBe(false);
  });

  it('runs on made-up values only (documentation addresses, example.com), which it redacts', () => {
    const r = new Redactor(redactorOptionsFor());
    const out = r.redactText(WARM_UP_SAMPLE).text;
    expect(out).not.toContain('hunter2');
    for (const ip of WARM_UP_SAMPLE.match(/\b\d{1,3}(?:\.\d{1,3}){3}\b/g) ?? []) expect(ip.startsWith('192.0.2.') || /^255\./.test(ip)).toBe(true);
    for (const host of WARM_UP_SAMPLE.match(/@[\w.-]+/g) ?? []) expect(host).toBe('@example.com');
  });
});
