import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZipWriter } from '../../../../electron/engine/archive/zip-writer.js';
import type { Collector } from '../../../../electron/engine/collectors/types.js';
import { leakCandidates, maskValue, scanArchiveForLeaks } from '../../../../electron/engine/redact/leak-check.js';
import { runSession } from '../../../../electron/engine/session.js';
import { DEFAULT_POLICY } from '../../../../shared/policy.js';

const tmp = () => mkdtempSync(join(os.tmpdir(), 'leak-'));

describe('leak check', () => {
  it('finds a value in any entry, case-insensitively, across chunk boundaries, with its line', async () => {
    const path = join(tmp(), 'a.zip');
    const w = await ZipWriter.open(path);
    const big = Buffer.concat([Buffer.from('line\n'.repeat(300_000)), Buffer.from('Token: S3cret-Value-XYZ\n')]);
    void w.addBuffer('clean.txt', Buffer.from('nothing here\n'));
    void w.addBuffer('logs/big.log', big);
    void w.addBuffer('notes.txt', Buffer.from('first\nmail CAROL@Example.NET now\n'));
    await w.finalize();
    const hits = await scanArchiveForLeaks(path, ['s3cret-value-xyz', 'carol@example.net', 'absent-value']);
    expect(hits).toEqual([
      { entry: 'logs/big.log', line: 300_001, masked: 's********z' },
      { entry: 'notes.txt', line: 2, masked: 'c********t' },
    ]);
  });

  it('leaves out short values and what the user typed into the intake', () => {
    expect(leakCandidates(['abc', 'dave@example.org', 'hunter2-secret'], '联系方式: Dave@example.org')).toEqual(['hunter2-secret']);
    expect(maskValue('ab')).toBe('**');
  });

  it('catches a secret the rules hid in a text item but that also stands in a binary item', async () => {
    const leaky: Collector = {
      id: 'leaky',
      category: 'system',
      title: { 'zh-CN': '测试', en: 'Test' },
      platforms: ['linux', 'win32', 'darwin'],
      timeoutMs: 5000,
      sensitive: false,
      describe: () => ['test'],
      async run(ctx) {
        ctx.addText('config.txt', 'db_password=Tr0ub4dor-and-3\n', 'test');
        // A binary blob (NUL bytes) that happens to carry the same password: never redacted.
        ctx.addBuffer('dump.bin', Buffer.concat([Buffer.alloc(16), Buffer.from('Tr0ub4dor-and-3'), Buffer.alloc(16)]), 'test', 'binary');
      },
    };
    const result = await runSession({ ticket: '1', policy: DEFAULT_POLICY, outDir: tmp(), collectors: [leaky], checks: [], lang: 'en' });
    expect(result.leakValues).toContain('Tr0ub4dor-and-3');
    const hits = await scanArchiveForLeaks(result.archivePath, result.leakValues);
    expect(hits.map((h) => h.entry)).toEqual(['dump.bin']);
  });
});
