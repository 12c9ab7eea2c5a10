/**
 * redact/mend.ts on its own: what it does when the copy it wrote still holds a value (`remains`).
 * Reached in a collection when a value the leak watch found has no placeholder the mend can put
 * in its place; here the hit is given directly, on a real archive written by a session.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../../../shared/i18n/translate.js';
import { DEFAULT_POLICY } from '../../../../shared/policy.js';
import { mendArchive } from '../../../../electron/engine/redact/mend.js';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { runSession } from '../../../../electron/engine/session.js';
import { testCollector } from '../../../helpers/collector.js';
import { readZip } from '../../../helpers/zip.js';

const tmp = () => mkdtempSync(join(os.tmpdir(), 'mend-'));

describe('mendArchive', () => {
  it('a value still standing in the mended copy: the copy is dropped, the archive stays as it was, the refusal is `remains` naming the entry', async () => {
    const dir = tmp();
    const outDir = join(dir, 'out');
    writeFileSync(join(dir, 'notes.txt'), 'build host quokkaville-17 is up\nnothing else\n');
    const collector = testCollector('app-files', async (ctx) => {
      await ctx.addFile('1-notes.txt', join(dir, 'notes.txt'));
    });
    const session = await runSession({ ticket: '4711', policy: DEFAULT_POLICY, outDir, collectors: [collector], checks: [], lang: 'en', host: 'pc-01' });
    const before = readFileSync(session.archivePath);
    const names = (await readZip(session.archivePath)).map((e) => e.name);
    expect(names).toContain('1-notes.txt');
    // A fresh Redactor has no placeholder for the value: the mend cannot replace it, and its check finds it again.
    const outcome = await mendArchive({
      archivePath: session.archivePath,
      finalPath: join(outDir, 'mended.zip'),
      hits: [{ entry: '1-notes.txt', line: 1, value: 'quokkaville-17' }],
      manifest: session.manifest,
      redactor: new Redactor(),
      leakValues: ['quokkaville-17'],
      generatedNames: [],
      manifestName: 'manifest.json',
      render: () => [],
      keep: new Set(),
      rendered: new Map(),
      signal: new AbortController().signal,
    });
    expect(outcome).toEqual({ state: 'not-mended', refusal: { code: 'remains', entry: '1-notes.txt' } });
    expect(readFileSync(session.archivePath).equals(before)).toBe(true);
    // The copy it checked is gone: no temp file, no mended archive.
    expect(readdirSync(outDir).filter((n) => n !== session.archiveName && !n.endsWith('.eml'))).toEqual([]);
    expect(session.manifest.redaction?.mended).toBeUndefined();
  });

  it('the `remains` refusal reads as an action in both languages (the CLI line)', () => {
    const zh = translator('zh-CN').t('mend.notMended', { code: 'remains', entry: '1-notes.txt', error: '' });
    const en = translator('en').t('mend.notMended', { code: 'remains', entry: '1-notes.txt', error: '' });
    expect(zh).toBe('补充脱敏后 1-notes.txt 中仍有该值：发送前请先查看');
    expect(en).toBe('the value still stood in 1-notes.txt after mending: look at it before sending');
  });
});
