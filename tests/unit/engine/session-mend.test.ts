/**
 * The mend step through a real collection (session.ts finishing phase, redact/mend.ts): a login
 * and a name written bare before the file that names them are redacted before the archive is
 * published; what cannot be mended (a binary entry, a write error, the deadline) leaves the
 * archive as it was and the leak check's findings stand, with the reason.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/policy.js';
import type { Collector } from '../../../electron/engine/collectors/types.js';
import { cleanStaleOutputs, STALE_OUTPUT_MS } from '../../../electron/engine/archive/atomic-output.js';
import { runSession, type SessionOptions } from '../../../electron/engine/session.js';
import { archiveInOrder, testCollector } from '../../helpers/collector.js';
import { readZip, sha256 } from '../../helpers/zip.js';

const tmp = () => mkdtempSync(join(os.tmpdir(), 'session-mend-'));
const PLACEHOLDER = /<[A-Z][A-Z0-9-]*-\d+>/g;
const CLEAR = /luoxiaotong|龚雅婷/;

/** Archives real files in the given order, then (optionally) waits until its signal says stop. */
function filesCollector(files: { name: string; path: string }[], waitForCut = false): Collector {
  return testCollector('app-files', async (ctx) => {
    for (const f of files) await ctx.addFile(f.name, f.path);
    if (waitForCut) await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve(), { once: true }));
  });
}

async function collect(contents: [string, string | Buffer][], extra: Partial<SessionOptions> = {}, waitForCut = false) {
  const dir = tmp();
  const files = contents.map(([name, data]) => {
    const path = join(dir, name);
    writeFileSync(path, data);
    return { name, path };
  });
  const outDir = join(dir, 'out');
  const result = await runSession({ ticket: '4711', policy: DEFAULT_POLICY, outDir, collectors: [filesCollector(files, waitForCut)], checks: [], lang: 'en', host: 'pc-01', ...archiveInOrder(files.map((f) => f.name)), ...extra });
  const entries = await readZip(result.archivePath);
  const entry = (name: string) => entries.find((e) => e.name === name)!.data;
  return { result, entries, entry, outDir, leaks: await result.checkLeaks() };
}

const BARE_FIRST: [string, string][] = [
  ['1-chat.txt', 'IT 服务台 ↔ 龚雅婷\n2026-03-31 09:12:44 WARN upload cert\\luoxiaotong.p12\npassword=hunter2xyz\n'],
  ['2-notes.txt', 'nothing personal here\n'],
  ['3-hr.ini', '[Account]\nUserName=luoxiaotong\n姓名：龚雅婷\n'],
];

describe('session: the mend step', () => {
  it('a short PIN hidden in one entry is not spread over the numbers of others (ports, durations, years)', async () => {
    const { result, entry, leaks } = await collect([
      ['1-pkcs11.txt', 'openssl pkcs11 pin-value=1234\n'],
      ['2-server.log', '2026-12-05 10:00:01 listening on port 1234, took 1234 ms\n'],
    ]);
    expect(entry('1-pkcs11.txt').toString('utf8')).toBe('openssl pkcs11 pin-value=<SECRET-1>\n');
    expect(entry('2-server.log').toString('utf8')).toBe('2026-12-05 10:00:01 listening on port 1234, took 1234 ms\n');
    expect(result.manifest.redaction?.mended).toBeUndefined();
    expect(leaks).toEqual([]);
  });

  it('a name and a login written bare before the file that names them: mended before publishing, no clear value anywhere, figures recomputed', async () => {
    const { result, entries, entry, outDir, leaks } = await collect(BARE_FIRST);
    expect(entry('1-chat.txt').toString('utf8')).toBe('IT 服务台 ↔ <NAME-1>\n2026-03-31 09:12:44 WARN upload cert\\<USER-1>.p12\npassword=<SECRET-1>\n');
    for (const e of entries) expect({ entry: e.name, clear: CLEAR.test(e.data.toString('utf8')) }).toEqual({ entry: e.name, clear: false });
    expect(leaks).toEqual([]);
    expect(result.notMended).toBeUndefined();
    // The manifest in the archive is the one returned, and it names the mended entry.
    const written = JSON.parse(entry('manifest.json').toString('utf8'));
    expect(written.redaction.mended).toEqual(['1-chat.txt']);
    expect(result.manifest.redaction?.mended).toEqual(['1-chat.txt']);
    expect(written).toEqual(JSON.parse(JSON.stringify(result.manifest)));
    // Every item's size and checksum are those of the archive as published (mended and re-rendered entries too).
    for (const item of result.manifest.items) expect({ name: item.name, size: item.size, sha256: item.sha256 }).toEqual({ name: item.name, size: entry(item.name).length, sha256: sha256(entry(item.name)) });
    // Totals: one per placeholder in the collected entries (the repeats counted under the rule that made them).
    const collected = result.manifest.items.filter((i) => i.collector === 'app-files');
    const placeholders = collected.reduce((n, i) => n + (entry(i.name).toString('utf8').match(PLACEHOLDER)?.length ?? 0), 0);
    const totals = result.manifest.redaction!.totals;
    expect(Object.values(totals).reduce((a, b) => a + b, 0)).toBe(placeholders);
    expect(totals).toMatchObject({ 'person-name': 2, 'user-name': 2 });
    expect(result.manifest.items.find((i) => i.name === '1-chat.txt')!.redactions).toMatchObject({ 'person-name': 1, 'user-name': 1 });
    // The summary page renders the recomputed totals (one truth), and the untouched entry is byte-identical.
    expect(entry('summary.html').toString('utf8')).not.toMatch(CLEAR);
    expect(entry('2-notes.txt').toString('utf8')).toBe('nothing personal here\n');
    execFileSync('unzip', ['-tq', result.archivePath]);
    // Published atomically: the archive and nothing else (no temp copy left beside it).
    expect(readdirSync(outDir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('a binary entry holding the value is never rewritten: nothing is mended, the leak check finds it, and says why', async () => {
    const binary = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), Buffer.from('tEXtAuthor\0龚雅婷\0', 'utf8'), Buffer.alloc(64)]);
    const { result, entry, leaks } = await collect([['0-shot.png', binary], ...BARE_FIRST]);
    expect(entry('0-shot.png').equals(binary)).toBe(true);
    expect(result.manifest.items.find((i) => i.name === '0-shot.png')!.kind).toBe('binary');
    expect(result.notMended).toEqual({ code: 'binary', entry: '0-shot.png' });
    expect(leaks.map((l) => l.entry)).toEqual(['0-shot.png', '1-chat.txt', '1-chat.txt']);
    // The original archive, as it was: the text entry keeps what the stream wrote.
    expect(entry('1-chat.txt').toString('utf8')).toMatch(/龚雅婷/);
    expect(result.manifest.redaction?.mended).toBeUndefined();
  });

  it('a write error while mending (disk full) keeps the original archive, with its leak findings and the reason', async () => {
    const { result, entry, outDir, leaks } = await collect(BARE_FIRST, {
      mendBeforeWrite: () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    });
    expect(result.notMended).toMatchObject({ code: 'failed', error: expect.stringMatching(/ENOSPC/) });
    expect(leaks.length).toBeGreaterThan(0);
    expect(entry('1-chat.txt').toString('utf8')).toMatch(/龚雅婷/);
    expect(result.manifest.redaction?.mended).toBeUndefined();
    execFileSync('unzip', ['-tq', result.archivePath]);
    expect(readdirSync(outDir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('past the deadline nothing is mended: the archive is published as written and the leak check still finds the value', async () => {
    const { result, entry, leaks } = await collect(BARE_FIRST, { deadline: new Date(Date.now() + 1500) }, true);
    expect(result.deadlineHit).toBe(true);
    expect(entry('1-chat.txt').toString('utf8')).toMatch(/龚雅婷/);
    expect(leaks.map((l) => l.entry)).toContain('1-chat.txt');
    expect(result.manifest.redaction?.mended).toBeUndefined();
  });

  it('kill -9 while mending publishes nothing: only hidden temp files remain, and the next run removes them', async () => {
    const dir = tmp();
    const outDir = join(dir, 'out');
    const marker = join(dir, 'mending');
    const paths = BARE_FIRST.map(([name, text]) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    });
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../../helpers/mend-child.ts'), outDir, marker, ...paths], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    // A generous guard against a hang, not a budget.
    for (let i = 0; i < 600 && !existsSync(marker) && child.exitCode === null; i += 1) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(marker)).toBe(true);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const left = readdirSync(outDir);
    expect(left.filter((n) => n.endsWith('.zip'))).toEqual([]);
    // The writer's temp file and the mend step's copy, both hidden .partial files.
    expect(left.filter((n) => n.endsWith('.partial')).length).toBe(2);
    expect(await cleanStaleOutputs(outDir, Date.now() + STALE_OUTPUT_MS + 60_000)).toHaveLength(left.length);
    expect(readdirSync(outDir)).toEqual([]);
  });
});
