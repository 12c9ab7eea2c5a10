import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appLogsCollector } from '../../../../electron/engine/collectors/app-logs.js';
import { entryRelativeName, safeEntryPart, uniqueName } from '../../../../electron/engine/collectors/support/copy-files.js';
import { createFakeContext } from './fake-context.js';

let root: string;
const at = (...p: string[]) => path.join(root, ...p);
function file(rel: string, content: string | Buffer, ageSeconds: number) {
  mkdirSync(path.dirname(at(rel)), { recursive: true });
  writeFileSync(at(rel), content);
  const t = Date.now() / 1000 - ageSeconds;
  utimesSync(at(rel), t, t);
}
const lines = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `${tag} line ${String(i + 1).padStart(4, '0')}\n`).join('');

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'app-logs-'));
  file('a/logs/app.log', lines(10, 'a'), 10);
  file('a/logs/old/app-2023.log', lines(5, 'old'), 5000);
  file('a/logs/big.log', lines(1000, 'big'), 20); // 14 000 bytes
  file('a/logs/state.json', JSON.stringify({ blob: 'x'.repeat(5000) }), 30);
  file('b/logs/app.log', lines(3, 'b'), 40);
  file('c/weird:name?.log', 'w\n', 50);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('app-logs collector (real files)', () => {
  it('copies newest first, names entries below the pattern base, keeps names unique, caps files and skips with reasons', async () => {
    process.env.DIAG_TEST_LOGROOT = root;
    const ctx = createFakeContext({
      policy: {
        appLogPaths: [at('a/logs'), '$DIAG_TEST_LOGROOT/b/logs/*.log', at('a/logs/app.log'), '$DIAG_TEST_UNSET_VAR/x.log', at('c/*.log')],
        caps: { fileBytes: 4096, collectorBytes: 1024 * 1024, filesPerPath: 100, systemLogBytes: 4096 },
      },
    });
    await appLogsCollector.run(ctx);
    delete process.env.DIAG_TEST_LOGROOT;

    expect(ctx.items.map((i) => i.name)).toEqual([
      'app-logs/logs/app.log',
      'app-logs/logs/big.log',
      'app-logs/logs/app (2).log',
      'app-logs/c/weird_name_.log',
      'app-logs/logs/old/app-2023.log',
    ]);
    expect(await ctx.text('app-logs/logs/app.log')).toBe(lines(10, 'a'));
    expect(ctx.item('app-logs/logs/app (2).log').source).toBe(at('b/logs/app.log'));
    expect(await ctx.text('app-logs/logs/old/app-2023.log')).toBe(lines(5, 'old'));

    // over the per-file cap: the newest lines, behind the marker
    const big = await ctx.read('app-logs/logs/big.log');
    expect(big.truncated).toBe(true);
    const bigText = big.data.toString('utf8');
    expect(bigText).toMatch(/^\[diagcollect: truncated — kept the newest \d+ bytes of 14000 /);
    expect(bigText.endsWith('big line 1000\n')).toBe(true);
    expect(bigText.split('\n')[1]).toMatch(/^big line \d{4}$/);

    expect(ctx.skips).toEqual(
      expect.arrayContaining([
        { source: at('a/logs/state.json'), reason: 'the file is 4.9 KB, over the per-file cap of 4 KB (caps.fileBytes); structured files are kept whole or not at all' },
        { source: '$DIAG_TEST_UNSET_VAR/x.log', reason: '"$DIAG_TEST_UNSET_VAR/x.log": the environment variable $DIAG_TEST_UNSET_VAR is not set for this user, so the path was not searched' },
      ]),
    );
    expect(ctx.skips).toHaveLength(2);
  });

  it('files that fit under the collector cap are all taken', async () => {
    const ctx = createFakeContext({ policy: { appLogPaths: [at('a/logs/*.log'), at('b/logs')], caps: { fileBytes: 4096, collectorBytes: 5000, filesPerPath: 100, systemLogBytes: 4096 } } });
    await appLogsCollector.run(ctx);
    // a/app.log (120 B) + big.log (4096 B kept of 14 000) + b/app.log (36 B) = 4252 B ≤ 5000 B
    expect(ctx.items.map((i) => i.source)).toEqual([at('a/logs/app.log'), at('a/logs/big.log'), at('b/logs/app.log')]);
    const capped = ctx.skips.filter((s) => /caps\.collectorBytes/.test(s.reason));
    expect(capped.map((s) => s.source)).toEqual([]);
  });

  it('the collector cap leaves out a file that does not fit', async () => {
    const ctx = createFakeContext({ policy: { appLogPaths: [at('a/logs/*.log')], caps: { fileBytes: 4096, collectorBytes: 4200, filesPerPath: 100, systemLogBytes: 4096 } } });
    await appLogsCollector.run(ctx);
    expect(ctx.items.map((i) => i.source)).toEqual([at('a/logs/app.log')]);
    expect(ctx.skips).toEqual([
      { source: at('a/logs/big.log'), reason: 'left out: the 4.1 KiB cap for this collector (caps.collectorBytes) would be exceeded (120 B of newer files already taken, this one adds 4.0 KiB)' },
    ]);
  });

  it('no configured paths: one skip that says so', async () => {
    const ctx = createFakeContext();
    await appLogsCollector.run(ctx);
    expect(ctx.items).toEqual([]);
    expect(ctx.skips).toEqual([{ source: 'policy.appLogPaths', reason: 'no paths are configured (policy.appLogPaths is empty in policy)' }]);
  });

  it('names entries in zh-CN under 软件日志/', async () => {
    const ctx = createFakeContext({ lang: 'zh-CN', policy: { appLogPaths: [at('b/logs/app.log')] } });
    await appLogsCollector.run(ctx);
    expect(ctx.items.map((i) => i.name)).toEqual(['软件日志/logs/app.log']);
  });
});

describe('entry naming', () => {
  it('keeps the base folder name and the path below it', () => {
    expect(entryRelativeName('/var/log/myapp', 'sub/app.log', 'linux')).toBe('myapp/sub/app.log');
    expect(entryRelativeName('C:\\ProgramData\\App\\Logs', '2024/app.log', 'win32')).toBe('Logs/2024/app.log');
    expect(entryRelativeName('/', 'x.log', 'linux')).toBe('x.log');
  });
  it('replaces characters Windows cannot unpack', () => {
    expect(safeEntryPart('a:b*c?"d<e>f|g.log')).toBe('a_b_c__d_e_f_g.log');
    expect(safeEntryPart('..')).toBe('__');
    expect(safeEntryPart('')).toBe('_');
    expect(safeEntryPart('name. ')).toBe('name__');
  });
  it('puts a _ before names Windows reserves for devices, with or without an extension', () => {
    expect(['con.log', 'AUX.txt.log', 'lpt1', 'COM¹.log', 'nul'].map(safeEntryPart)).toEqual(['_con.log', '_AUX.txt.log', '_lpt1', '_COM¹.log', '_nul']);
    expect(['console.log', 'com10.log', 'auxiliary', 'my-con.log'].map(safeEntryPart)).toEqual(['console.log', 'com10.log', 'auxiliary', 'my-con.log']);
  });
  it('adds (2), (3) before the extension, ignoring case', () => {
    const used = new Set<string>();
    expect(['a/x.log', 'a/X.log', 'a/x.log', 'a/noext', 'a/noext'].map((n) => uniqueName(n, used))).toEqual(['a/x.log', 'a/X (2).log', 'a/x (3).log', 'a/noext', 'a/noext (2)']);
  });
});
