/**
 * The leak check (LeakMatcher) and the mend (hitValueReplacer, mendText) count a value only where
 * it stands as a token: a value beginning with an ASCII letter, digit or underscore must not
 * follow one, a value ending with one must not be followed by one (a Han or punctuation end needs
 * no boundary). A learned `insta` is no leak in `install`, and the mend leaves `install` alone;
 * the two must agree, or the upload is blocked with "a value still there".
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LeakMatcher } from '../../../../electron/engine/redact/leak-check.js';
import { hitValueReplacer, mendText } from '../../../../electron/engine/redact/mend.js';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { prng } from '../../../bench/prng.js';

/** The values the leak check finds in `text`, pushed in the given chunks (cut points). */
function found(values: readonly string[], text: string, cuts: readonly number[] = []): string[] {
  const m = new LeakMatcher(values);
  m.beginEntry('e');
  const bytes = Buffer.from(text, 'utf8');
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    m.push(bytes.subarray(from, cut));
    from = cut;
  }
  return m.endEntryRaw().map((h) => values[h.value]!);
}

/** A Redactor that has hidden these values (each has its placeholder), as a collection's has. */
function redactorKnowing(): Redactor {
  const r = new Redactor();
  r.redactText('password=Secret9x\nsecret = insta\nAPI_KEY="tok_3xample_Value"\n客户姓名：龚雅婷\nlogin pass=Sap#Prd2026!\n');
  return r;
}

describe('leak check and mend: a value counts only as a token', () => {
  it('a learned `insta` is not found in `install`, `Install`, `reinstall`, `insta_ll`, `insta9`, and found where it stands alone', () => {
    for (const text of ['apt install x\n', 'Install-Package foo\n', 'reinstall\n', 'insta_ll\n', 'insta9 x\n', 'my_insta x\n', 'xinsta\n']) {
      expect(found(['insta'], text), text).toEqual([]);
    }
    for (const text of ['[insta]\n', 'extracertsout = insta.extracerts.pem\n', 'ref = $insta::ref\n', 'INSTA', '"Insta"', 'a-insta-b']) {
      expect(found(['insta'], text), text).toEqual(['insta']);
    }
  });

  it('`Secret9x` standing alone is found: after a space, before punctuation, quoted, at a line start and end, at the entry start and end', () => {
    for (const text of ['pw Secret9x.\n', '"Secret9x"', 'Secret9x at the start\n', 'line\nSecret9x\nnext', 'at the end Secret9x', 'Secret9x', 'key=SECRET9X;', '(secret9x)', 'é\u00a0Secret9x']) {
      expect(found(['Secret9x'], text), text).toEqual(['Secret9x']);
    }
    for (const text of ['xSecret9x', 'Secret9xy', '_Secret9x', 'Secret9x_', '9Secret9x', 'Secret9x0']) {
      expect(found(['Secret9x'], text), text).toEqual([]);
    }
  });

  it('decides at every chunk cut: the byte before may be in an earlier chunk, the byte after in the next one', () => {
    const cases: [string, boolean][] = [
      ['pw Secret9x.\n', true],
      ['pw Secret9x', true],
      ['Secret9x z', true],
      ['pw Secret9xz', false],
      ['pwSecret9x z', false],
      ['aSecret9x', false],
      ['Secret9xa', false],
    ];
    for (const [text, expected] of cases) {
      const n = Buffer.byteLength(text);
      for (let cut = 0; cut <= n; cut += 1) expect(found(['Secret9x'], text, [cut]), `${text} cut at ${cut}`).toEqual(expected ? ['Secret9x'] : []);
      // One byte at a time: the byte before lies several chunks back.
      expect(
        found(['Secret9x'], text, Array.from({ length: n }, (_, i) => i)),
        `${text} in one-byte chunks`,
      ).toEqual(expected ? ['Secret9x'] : []);
    }
  });

  it('a later token occurrence is found after earlier ones inside words, also in the second lane of a long chunk', () => {
    const pad = ' '.repeat(6000);
    for (const text of [`install ${pad} insta\n`, `${pad}install install insta\n`, `${pad}insta_x\n${pad}[insta]`]) {
      expect(found(['insta'], text), text.trim()).toEqual(['insta']);
      expect(found(['insta'], text, [text.length - 3]), `${text.trim()} cut`).toEqual(['insta']);
    }
    expect(found(['insta'], `${pad}install ${pad}reinstall ${pad}insta9`)).toEqual([]);
  });

  it('a Han name is found inside Han text; a value ending in punctuation needs no boundary after it', () => {
    expect(found(['龚雅婷'], '客户龚雅婷反馈无法登录\n')).toEqual(['龚雅婷']);
    expect(found(['龚雅婷'], 'name=龚雅婷abc')).toEqual(['龚雅婷']);
    expect(found(['Sap#Prd2026!'], 'PASSWD=Sap#Prd2026!a LANG=ZH')).toEqual(['Sap#Prd2026!']);
    // Its start is a letter: a letter before it is still no token.
    expect(found(['Sap#Prd2026!'], 'PASSWD=xSap#Prd2026! LANG=ZH')).toEqual([]);
  });

  it('the mend replaces the value as a token only, leaving words that contain it', () => {
    const replace = hitValueReplacer(redactorKnowing(), new Set(['insta', 'Secret9x', '龚雅婷', 'Sap#Prd2026!']));
    expect(replace('apt install insta; reinstall INSTA.\n')).toBe('apt install <SECRET-2>; reinstall <SECRET-2>.\n');
    expect(replace('pw Secret9x. xSecret9x Secret9x_b "secret9x"')).toBe('pw <SECRET-1>. xSecret9x Secret9x_b "<SECRET-1>"');
    expect(replace('客户龚雅婷反馈')).toBe('客户<NAME-1>反馈');
    expect(replace('PASSWD=Sap#Prd2026!a')).toBe(`PASSWD=${replace('Sap#Prd2026!')}a`);
  });

  it('mendText leaves a text whose only occurrences stand inside words unchanged', async () => {
    const redactor = redactorKnowing();
    const text = 'apt-get install -y pkg\nDefault insta_ll\n';
    const pieces: Buffer[] = [];
    for await (const piece of mendText(Readable.from([Buffer.from(text)]), 'notes.txt', redactor, new Set(['insta']), () => undefined)) pieces.push(piece);
    expect(Buffer.concat(pieces).toString('utf8')).toBe(text);
  });

  it('the leak check and the mend agree: what the check finds, the mend replaces, and nothing else', () => {
    const redactor = redactorKnowing();
    const values = ['insta', 'Secret9x', 'tok_3xample_Value', '龚雅婷'];
    const replace = hitValueReplacer(redactor, new Set(values));
    const r = prng(5);
    const pieces = ['insta', 'Secret9x', 'SECRET9X', 'tok_3xample_Value', '龚雅婷', 'a', 'Z', '9', '_', ' ', '.', '-', '"', '\n', '=', '客户', 'é'];
    for (let round = 0; round < 400; round += 1) {
      const text = Array.from({ length: 2 + Math.floor(r() * 8) }, () => pieces[Math.floor(r() * pieces.length)]!).join('');
      const hits = found(values, text);
      const mended = replace(text);
      // Changed exactly when the check found something; nothing left for the check afterwards.
      expect(mended !== text, JSON.stringify(text)).toBe(hits.length > 0);
      expect(found(values, mended), JSON.stringify(mended)).toEqual([]);
    }
  });
});
