/**
 * A hidden value that is one of the archive's own words (a password literally `secret`, as in
 * Debian's /etc/ssl/openssl.cnf): the leak check does not "find" it inside `<SECRET-1>` or the
 * manifest's `secret-assignment` counts, so nothing is mended, no placeholder is rewritten and
 * the upload is not blocked. A real value stays looked for.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/policy.js';
import { leakCandidates } from '../../../electron/engine/redact/leak-check.js';
import { runSession } from '../../../electron/engine/session.js';
import { testCollector } from '../../helpers/collector.js';
import { readZip } from '../../helpers/zip.js';

async function collect(files: [string, string][]) {
  const dir = mkdtempSync(join(os.tmpdir(), 'archive-words-'));
  const paths = files.map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return { name, path: join(dir, name) };
  });
  const collector = testCollector('app-files', async (ctx) => {
    for (const f of paths) await ctx.addFile(f.name, f.path);
  });
  const result = await runSession({ ticket: '4711', policy: DEFAULT_POLICY, outDir: join(dir, 'out'), collectors: [collector], checks: [], lang: 'en', host: 'pc-01' });
  const entries = await readZip(result.archivePath);
  return { result, entry: (name: string) => entries.find((e) => e.name === name)!.data.toString('utf8'), leaks: await result.checkLeaks() };
}

describe('leak check: the archive\'s own words are not leaks', () => {
  it('leaves out values inside a placeholder kind or a rule id, keeps real ones', () => {
    expect(leakCandidates(['secret', 'Secret', 'user', 'name', 'assignment', 'Hunter2xyz9', 'luoxiaotong', 'installer'], '')).toEqual(['Hunter2xyz9', 'luoxiaotong', 'installer']);
  });

  it('a password `secret` (openssl.cnf): no leak, nothing mended, placeholders intact', async () => {
    const { result, entry, leaks } = await collect([
      ['openssl.cnf', '[ req ]\ninput_password = secret\noutput_password = secret\n'],
      ['notes.log', 'Newly set private and secret key(s) will be installed\n'],
    ]);
    expect(leaks).toEqual([]);
    expect(result.notMended).toBeUndefined();
    expect(result.manifest.redaction?.mended ?? []).toEqual([]);
    expect(entry('openssl.cnf')).toBe('[ req ]\ninput_password = <SECRET-1>\noutput_password = <SECRET-1>\n');
    expect(entry('notes.log')).toBe('Newly set private and secret key(s) will be installed\n');
  });

  it('a real password written elsewhere is still found', async () => {
    const { leaks } = await collect([
      ['app.ini', 'password = Sw0rdfish-41c\n'],
      ['dump.bin', 'x\u0000\u0001Sw0rdfish-41c\u0000'],
    ]);
    expect(leaks.map((l) => l.entry)).toContain('dump.bin');
  });
});
