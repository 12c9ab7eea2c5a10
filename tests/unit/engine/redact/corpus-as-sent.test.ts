/**
 * The corpus's two recalls (corpus-quality.ts): "forward" is the stream's alone, "as sent" the
 * archive after the mend step (redact/mend.ts), which redacts again a file holding a value learned
 * in a later file. A set written for the purpose: file A names a login and a person bare, file B
 * (later in name order) names them with a grammar the rules learn from.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCorpusQuality, formatQualityTable, type CorpusLabels } from './corpus-quality.js';

function corpus(files: [string, string, CorpusLabels][]): string {
  const dir = mkdtempSync(join(os.tmpdir(), 'corpus-as-sent-'));
  for (const [name, text, labels] of files) {
    writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, `${name}.labels.json`), JSON.stringify(labels));
  }
  return dir;
}

describe('corpus quality: as sent (after the mend)', () => {
  it('a value learned in file B is missed forward in file A and found as sent; a file with nothing late stays as it was', async () => {
    const dir = corpus([
      [
        'a-chat.txt',
        'IT 服务台 ↔ 龚雅婷\n2026-03-31 09:12:44 WARN upload cert\\luoxiaotong.p12\n',
        {
          planted: [
            { rule: 'person-name', value: '龚雅婷' },
            { rule: 'user-name', value: 'luoxiaotong' },
          ],
          survive: [{ rule: 'person-name', value: 'IT 服务台' }],
        },
      ],
      ['b-hr.ini', '[Account]\nUserName=luoxiaotong\n姓名：龚雅婷\n', { planted: [{ rule: 'user-name', value: 'luoxiaotong' }, { rule: 'person-name', value: '龚雅婷' }], survive: [] }],
      ['c-notes.txt', 'nothing personal here\n', { planted: [], survive: [{ rule: 'person-name', value: 'nothing personal' }] }],
    ]);
    const q = await computeCorpusQuality(dir);
    // Forward: file A was written before B taught the values.
    expect(q.misses).toEqual(['a-chat.txt: person-name "龚雅婷"', 'a-chat.txt: user-name "luoxiaotong"']);
    expect(q.overall).toMatchObject({ planted: 4, found: 2, recall: 0.5, foundAsSent: 4, recallAsSent: 1 });
    expect(q.rules.find((r) => r.rule === 'user-name')).toMatchObject({ planted: 2, found: 1, foundAsSent: 2 });
    // As sent: the mend took them out of A, and only A was rewritten.
    expect(q.missesAsSent).toEqual([]);
    expect(q.mended).toEqual(['a-chat.txt']);
    expect(q.damagedAsSent).toEqual([]);
    const table = formatQualityTable(q);
    expect(table).toMatch(/recall \(forward\)\s+recall \(as sent\)/);
    expect(table).toMatch(/overall\s+4\s+50\.0%\s+100\.0%/);
    expect(table).toContain('as sent: 1 mended (a-chat.txt)');
  });

  it('a value never learned stays missed as sent too', async () => {
    // (`ticket from 龚雅婷` was the example until session 16, whose name17 made `from` before a Chinese name a name's place.)
    const dir = corpus([['a.txt', 'ticket 龚雅婷 ok\n', { planted: [{ rule: 'person-name', value: '龚雅婷' }], survive: [] }]]);
    const q = await computeCorpusQuality(dir);
    expect(q.overall).toMatchObject({ planted: 1, found: 0, foundAsSent: 0 });
    expect(q.missesAsSent).toEqual(['a.txt: person-name "龚雅婷"']);
    expect(q.mended).toEqual([]);
  });
});
