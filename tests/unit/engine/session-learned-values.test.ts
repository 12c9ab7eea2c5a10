/**
 * Propagation through a real collection (redact/learned-values.ts): a login and a name found once
 * where a word names them are redacted in the later files where they stand bare, so the leak check
 * before upload finds nothing and nothing blocks the upload.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/policy.js';
import type { Collector } from '../../../electron/engine/collectors/types.js';
import { runSession } from '../../../electron/engine/session.js';
import { archiveInOrder, testCollector } from '../../helpers/collector.js';
import { readZip } from '../../helpers/zip.js';

const tmp = () => mkdtempSync(join(os.tmpdir(), 'session-learned-'));

/** A collector that archives real files in the given order (as one collector copying app files does). */
function filesCollector(files: { name: string; path: string }[]): Collector {
  return testCollector('app-files', async (ctx) => {
    for (const f of files) await ctx.addFile(f.name, f.path);
  });
}

async function collect(contents: [string, string][]) {
  const dir = tmp();
  const files = contents.map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return { name, path };
  });
  // Each file is read once the one before it is archived (see archiveInOrder): otherwise a later
  // file could be redacted first under load, and the earlier one would need no mend.
  const result = await runSession({ ticket: '4711', policy: DEFAULT_POLICY, outDir: join(dir, 'out'), collectors: [filesCollector(files)], checks: [], lang: 'en', host: 'pc-01', ...archiveInOrder(files.map((f) => f.name)) });
  const entries = await readZip(result.archivePath);
  const text = (name: string) => entries.find((e) => e.name === name)!.data.toString('utf8');
  return { result, entries, text, leaks: await result.checkLeaks() };
}

describe('session: learned names and logins', () => {
  it('redacts a login and a name in later files where nothing names them; the leak check is clean', async () => {
    const { result, entries, text, leaks } = await collect([
      ['1-vpn.ini', '[Account]\nUserName=luoxiaotong\n姓名：孔令辉\n'],
      ['2-audit.log', '2026-03-31 09:12:44 WARN upload cert\\luoxiaotong.p12\n2026-03-31 09:13:02 INFO 扫描-孔令辉 done\n'],
    ]);
    expect(text('1-vpn.ini')).toBe('[Account]\nUserName=<USER-1>\n姓名：<NAME-1>\n');
    expect(text('2-audit.log')).toBe('2026-03-31 09:12:44 WARN upload cert\\<USER-1>.p12\n2026-03-31 09:13:02 INFO 扫描-<NAME-1> done\n');
    for (const e of entries) expect({ entry: e.name, clear: /luoxiaotong|孔令辉/.test(e.data.toString('utf8')) }).toEqual({ entry: e.name, clear: false });
    expect(leaks).toEqual([]);
    // Counted under the rules that found the values: the manifest's totals hold the repeats too.
    expect(result.manifest.redaction?.totals).toMatchObject({ 'user-name': 2, 'person-name': 2 });
  });

  it('mends a name written before any line names it (the stream could not take it back): the entry is rewritten before publishing and the leak check is clean', async () => {
    const { result, text, leaks } = await collect([
      ['1-chat.txt', 'IT 服务台 ↔ 龚雅婷\n'],
      ['2-hr.ini', '姓名：龚雅婷\n'],
    ]);
    expect(text('1-chat.txt')).toBe('IT 服务台 ↔ <NAME-1>\n');
    expect(text('2-hr.ini')).toBe('姓名：<NAME-1>\n');
    expect(leaks).toEqual([]);
    expect(result.manifest.redaction?.mended).toEqual(['1-chat.txt']);
  });
});
