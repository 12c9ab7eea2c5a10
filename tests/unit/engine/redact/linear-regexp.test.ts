import { describe, expect, it } from 'vitest';
import { LinearRegExp, ListStartRegExp, requiredPrefix, UnsupportedPatternError } from '../../../../electron/engine/redact/linear-regexp.js';
import { Redactor } from '../../../../electron/engine/redact/index.js';

describe('LinearRegExp: IT patterns on the linear-time engine', () => {
  it('finds what RegExp finds: index, groups, indices, lastIndex loops, replace, matchAll', () => {
    const text = '日本 😀 EMP-123 x emp-9';
    const re = new LinearRegExp('emp-(?<secret>\\d+)', 'gid');
    const native = /emp-(?<secret>\d+)/dgi;
    const ours = [...text.matchAll(re)].map((m) => [m.index, m[0], m.groups?.secret, m.indices?.groups?.secret]);
    const theirs = [...text.matchAll(native)].map((m) => [m.index, m[0], m.groups?.secret, m.indices?.groups?.secret]);
    expect(ours).toEqual(theirs);
    expect(ours).toHaveLength(2);
    expect(text.replace(new LinearRegExp('\\d+', 'g'), '#')).toBe('日本 😀 EMP-# x emp-#');
    const once = new LinearRegExp('x$', 'm');
    expect(once.test('a\nx\nb')).toBe(true);
    expect(new LinearRegExp('x$').test('a\nx\nb')).toBe(false);
    // The base class stays a RegExp for everything that reads source and flags.
    expect(re).toBeInstanceOf(RegExp);
    expect(re.flags).toBe('dgi');
  });

  it('keeps lastIndex semantics for global and sticky patterns', () => {
    const re = new LinearRegExp('a', 'g');
    expect(re.exec('aba')?.index).toBe(0);
    expect(re.lastIndex).toBe(1);
    expect(re.exec('aba')?.index).toBe(2);
    expect(re.exec('aba')).toBeNull();
    expect(re.lastIndex).toBe(0);
    const sticky = new LinearRegExp('b', 'y');
    expect(sticky.exec('ab')).toBeNull();
    sticky.lastIndex = 1;
    expect(sticky.exec('ab')?.index).toBe(1);
  });

  it('runs (a+)+$ over a long line without backtracking (the 82 s case)', () => {
    // V8 needs minutes for this; RE2 answers in linear time. The guard is the test timeout.
    const line = `${'a'.repeat(5000)}!`;
    expect(new LinearRegExp('(a+)+$').test(line)).toBe(false);
    const redactor = new Redactor({ extraRules: [{ id: 'nested', pattern: '(a+)+$' }] });
    expect(redactor.redactText(`${'a'.repeat(35)}!\nkey aaaa\n`).text).toContain('!');
  }, 20_000);

  it.each([
    ['(a)\\1', 'backreference'],
    ['(?<n>a)\\k<n>', 'backreference'],
    ['x(?=y)', 'lookahead or lookbehind'],
    ['(?<!x)y', 'lookahead or lookbehind'],
    ['(', 'invalid pattern'],
  ])('refuses %s and says what to change (%s)', (source, why) => {
    expect(() => new LinearRegExp(source)).toThrow(UnsupportedPatternError);
    expect(() => new LinearRegExp(source)).toThrow(why);
  });

  it('is what the Redactor compiles IT rules and allow entries with', () => {
    expect(() => new Redactor({ extraRules: [{ id: 'emp', pattern: '(a)\\1' }] })).toThrow(/redaction rule "emp": it uses a backreference/);
    expect(() => new Redactor({ allow: ['(?=a)'] })).toThrow(/lookahead or lookbehind/);
    const r = new Redactor({ extraRules: [{ id: 'emp', pattern: 'EMP-(?<secret>\\d{4})', placeholder: 'EMPLOYEE' }] });
    const out = r.redactText('badge EMP-1234 today\n').text;
    expect(out).not.toContain('1234');
    expect(out).toContain('EMP-');
  });

  it('requiredPrefix: the literal every match starts with, conservatively', () => {
    expect(requiredPrefix('EMP-(?<secret>\\d{6})', '')).toBe('EMP-');
    expect(requiredPrefix('emp\\.id=\\w+', 'i')).toBe('emp.id=');
    expect(requiredPrefix('ab?c', '')).toBe('a');
    expect(requiredPrefix('ab+c', '')).toBe('ab');
    expect(requiredPrefix('a|b', '')).toBeUndefined();
    expect(requiredPrefix('\\bEMP', '')).toBe('EMP');
    expect(requiredPrefix('\\B', '')).toBeUndefined();
    expect(requiredPrefix('^EMP', 'm')).toBeUndefined();
    expect(requiredPrefix('key=', 'i')).toBeUndefined(); // k folds with the Kelvin sign
    expect(requiredPrefix('[ab]c', '')).toBeUndefined();
  });

  it('finds exactly the matches V8 finds, with and without the prefix jump (differential)', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = 'aAbBcEMPemp-0123456789xy.log= \n\u212a\u0130';
    const texts = Array.from({ length: 60 }, () => Array.from({ length: 1 + Math.floor(rand() * 300) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join(''));
    const patterns: Array<[string, string]> = [
      ['EMP-(?<secret>\\d{2})', 'gd'],
      ['emp-\\d+', 'gi'],
      ['ab?c', 'g'],
      ['ab+', 'gi'],
      ['x{2}y?', 'g'],
      ['\\.log', 'g'],
      ['\\d+$', 'gm'],
      ['p-[0-9]', 'gi'],
      ['\\bEMP-\\d', 'g'],
      ['\\bab', 'gi'],
    ];
    for (const [source, flags] of patterns) {
      for (const text of texts) {
        const ours = [...text.matchAll(new LinearRegExp(source, flags))].map((m) => [m.index, m[0]]);
        const theirs = [...text.matchAll(new RegExp(source, flags))].map((m) => [m.index, m[0]]);
        expect(ours, `/${source}/${flags} on ${JSON.stringify(text)}`).toEqual(theirs);
      }
    }
  });
});

describe('ListStartRegExp: a look-behind over a `;` list as one forward scan', () => {
  const lookBehind = /(?<=(?<![\w-])cookie["']?\s*:\s*["']?(?:[^;\r\n"']*;\s*)*)(?<name>[^\s=;,"']+)=(?<secret>[^;\r\n"']*)/dgi;
  const ours = new ListStartRegExp(/(?<![\w-])cookie["']?\s*:\s*["']?/i, String.raw`(?<name>[^\s=;,"']+)=(?<secret>[^;\r\n"']*)`, 'dgi');
  const show = (m: RegExpExecArray | null) => (m === null ? null : [m.index, m[0], m.groups, m.indices?.groups]);

  it('finds what the look-behind form finds, from every lastIndex, on generated lines', () => {
    const tokens = ['Cookie', 'cookie', 'set-cookie', ':', ' ', '\t', ';', '; ', '=', 'a', 'b1', '"', "'", '\r', '\n', ',', 'x-', '\u3000'];
    let seed = 11;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    let compared = 0;
    for (let k = 0; k < 3000; k += 1) {
      let line = '';
      for (let j = 1 + next(14); j > 0; j -= 1) line += tokens[next(tokens.length)];
      for (let from = 0; from <= line.length; from += 1) {
        lookBehind.lastIndex = from;
        ours.lastIndex = from;
        expect(show(ours.exec(line)), `${JSON.stringify(line)} from ${from}`).toEqual(show(lookBehind.exec(line)));
        expect(ours.lastIndex).toBe(lookBehind.lastIndex);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(20_000);
  });

  it('takes every value of a header, and none of a list that no header opens', () => {
    const text = 'Cookie: a=1; b=2;  c=3 x=4; "d=5"\nnot: e=6; f=7';
    expect([...text.matchAll(lookBehind)].map((m) => m.groups!.name)).toEqual(['a', 'b', 'c']);
    const names: string[] = [];
    ours.lastIndex = 0;
    for (let m = ours.exec(text); m !== null; m = ours.exec(text)) names.push(m.groups!.name!);
    expect(names).toEqual(['a', 'b', 'c']);
    expect(ours.withFlags('gi').exec(text)?.index).toBe(8);
    expect(() => [...text.matchAll(ours)]).toThrow(/not matchAll/);
  });
});
