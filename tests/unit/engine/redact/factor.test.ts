/**
 * factor.ts turns a trigger's alternatives into a prefix tree: the engine only asks whether a line
 * has a match, so the tree must say yes on exactly the lines the original says yes on. Checked on
 * hand-made sources (groups, quantifiers, look-arounds, back-references) and on every rule's
 * trigger against every fixture line, the bench's log texts (ASCII and Chinese) and the adversarial
 * line shapes' heads.
 */
import { describe, expect, it } from 'vitest';
import { factorAlternatives, factoredForTest, splitForTest, SplitTestRegExp } from '../../../../electron/engine/redact/factor.js';
import { buildRuleSet } from '../../../../electron/engine/redact/rule-set.js';
import { RULES } from '../../../../electron/engine/redact/rules.js';
import { generateChineseLogText, generateLogText } from '../../../bench/redact.bench.js';
import { CORPUS_DIR } from './corpus-quality.js';
import { fixtureLines } from './helpers.js';

describe('factorAlternatives', () => {
  it('shares the first atoms of alternatives, inside non-capturing and named groups too', () => {
    expect(factorAlternatives('abc|abd|x')).toBe('ab(?:c|d)|x');
    expect(factorAlternatives('[\\u4e00-\\u9fa5]{2}[)）]|[\\u4e00-\\u9fa5]{2}的|[\\u4e00-\\u9fa5]x')).toBe('[\\u4e00-\\u9fa5]{2}(?:[)）]|的)|[\\u4e00-\\u9fa5]x');
    expect(factorAlternatives('(?:联系人|联系电话)[:：]')).toBe('(?:联系(?:人|电话))[:：]');
    expect(factorAlternatives('(?<key>user|uid)=|x')).toBe('(?<key>u(?:ser|id))=|x');
    // A quantified atom is one atom: `a+` and `a` differ.
    expect(factorAlternatives('a+b|ab')).toBe('a+b|ab');
    // An alternative that is a prefix of another leaves an empty branch.
    expect(factorAlternatives('ab|abc')).toBe('ab(?:c|)');
    // Look-arounds are kept whole (a look-ahead keeps its first match only).
    expect(factorAlternatives('(?=ab|ac)a|(?<!x|y)z')).toBe('(?=ab|ac)a|(?<!x|y)z');
    // Plain capturing groups too.
    expect(factorAlternatives('(ab|ac)d')).toBe('(ab|ac)d');
    expect(factoredForTest(/abc|abd/gim).flags).toBe('gim');
  });

  it('matches the same lines: hand-made sources', () => {
    const cases: [string, string, string[]][] = [
      ['(?<q>["\'])ab\\k<q>|(?<r>["\'])ac\\k<r>', '', ['"ab"', "'ac'", '"ab\'', 'ac']],
      ['^foo|^fob|bar$', 'm', ['x\nfob', 'foo', 'xfoo', 'bar\ny', 'barx']],
      ['a[^\\r\\n]{0,3}?b|a[^\\r\\n]{0,3}?c', 'i', ['A12C', 'a1234b', 'axb']],
    ];
    for (const [source, flags, lines] of cases) {
      const a = new RegExp(source, flags);
      const b = new RegExp(factorAlternatives(source), flags);
      for (const line of lines) expect(b.test(line), `${source} on ${line}`).toBe(a.test(line));
    }
  });

  it('every trigger matches the same lines factored (every fixture line, the bench texts)', () => {
    const lines = [
      ...fixtureLines(CORPUS_DIR),
      ...Buffer.concat(generateLogText(1)).toString('utf8').split('\n'),
      ...Buffer.concat(generateChineseLogText(1)).toString('utf8').split('\n').slice(0, 4000),
    ];
    let changed = 0;
    let splitCount = 0;
    let matched = 0;
    for (const r of RULES) {
      const original = new RegExp(r.trigger.source, r.trigger.flags.replace(/[gy]/g, '') + (r.trigger.flags.includes('m') ? '' : 'm'));
      const factored = factoredForTest(original);
      const split = splitForTest(original);
      if (factored === original && !(split instanceof SplitTestRegExp)) continue;
      changed += 1;
      if (split instanceof SplitTestRegExp) splitCount += 1;
      for (const line of lines) {
        const want = original.test(line);
        if (factored.test(line) !== want) expect.fail(`${r.id} trigger factored says ${!want} on: ${line.slice(0, 200)}`);
        if (split.test(line) !== want) expect.fail(`${r.id} trigger split says ${!want} on: ${line.slice(0, 200)}`);
        if (want) matched += 1;
      }
    }
    expect(changed).toBeGreaterThan(10);
    expect(splitCount).toBeGreaterThan(5);
    expect(matched).toBeGreaterThan(1000);
  });

  it('is what the rule set tests', () => {
    const { rules } = buildRuleSet({});
    const person = rules.find((cr) => cr.rule.id === 'person-name')!;
    expect(person.trigger!.source).not.toBe(person.rule.trigger.source);
    expect(person.trigger!.source.length).toBeLessThan(person.rule.trigger.source.length);
    // …asked in parts (splitForTest): the ASCII alternatives, the guarded Han ones, the rest.
    expect(person.trigger).toBeInstanceOf(SplitTestRegExp);
    expect((person.trigger as SplitTestRegExp).parts.length).toBeGreaterThan(1);
  });
});

describe('splitForTest', () => {
  it('asks the ASCII, the wide and the either-kind alternatives apart, and says yes where one of them does', () => {
    const re = splitForTest(/name[:=][\u4e00-\u9fa5]{2}|[\u4e00-\u9fa5]{2}先生|(?:联系人|contact)[ \t]*[\u4e00-\u9fa5]{2}|[\u4e00-\u9fa5a-z]\(busy\)/im);
    expect(re).toBeInstanceOf(SplitTestRegExp);
    const parts = (re as SplitTestRegExp).parts.map((p) => p.source);
    // The leading group that mixes both kinds is spread: `联系人…` goes with the Han alternatives, `contact…` with the ASCII ones.
    expect(parts).toHaveLength(3);
    expect(parts[0]).toContain('contact');
    expect(parts[0]).not.toContain('联系人');
    expect(parts[1]!.startsWith('(?=[^\\x00-\\x7f])')).toBe(true);
    expect(parts[1]).toContain('联系人');
    expect(parts[2]).toBe('[\\u4e00-\\u9fa5a-z]\\(busy\\)');
    // Lines it must still say yes on, one per part, and lines it may say no on.
    for (const line of ['x name=张伟', '他是王强先生', '联系人 李娜', 'Contact 李娜', '王(busy)', 'bob(BUSY)']) expect(re.test(line), line).toBe(true);
    for (const line of ['name=alice', '先生您好', 'contact: bob', '(busy)', '']) expect(re.test(line), line).toBe(false);
  });

  // speed17 (session 20): the part that matched last is asked first; the answers must not depend on what came before.
  it('answers each line the same whatever the lines before it, and asks the part that matched last first', () => {
    const source = /name[:=][\u4e00-\u9fa5]{2}|[\u4e00-\u9fa5]{2}先生|(?:联系人|contact)[ \t]*[\u4e00-\u9fa5]{2}|[\u4e00-\u9fa5a-z]\(busy\)/im;
    const whole = new RegExp(source.source, source.flags);
    const lines = ['他是王强先生', 'x name=张伟', 'bob(BUSY)', 'name=alice', '联系人 李娜', '', '先生您好', 'Contact 李娜', '王(busy)', 'contact: bob', '(busy)'];
    const re = splitForTest(source) as SplitTestRegExp;
    // Every order of every line (each line after each other line), against the unsplit regex.
    for (const before of lines) {
      for (const line of lines) {
        re.test(before);
        expect(re.test(line), `${before} ⏎ ${line}`).toBe(whole.test(line));
      }
    }
    // After a line the Han part took, the next line asks that part first: counted on a copy whose parts count their calls.
    const calls = re.parts.map(() => 0);
    const counted = new SplitTestRegExp(re.source, re.flags, re.parts.map((p, i) => ({ test: (t: string) => ((calls[i] = calls[i]! + 1), p.test(t)) }) as unknown as RegExp));
    expect(counted.test('他是王强先生')).toBe(true);
    const afterFirst = [...calls];
    expect(counted.test('她是李娜先生')).toBe(true);
    // The second line was asked of the Han part only.
    expect(calls.map((c, i) => c - afterFirst[i]!)).toEqual([0, 1, 0]);
  });

  it('leaves whole what a part could change: back-references, named groups, global or sticky regexes, one kind only', () => {
    expect(splitForTest(/(["'])x\1|[\u4e00-\u9fa5]y/)).not.toBeInstanceOf(SplitTestRegExp);
    expect(splitForTest(/(?<q>["'])x\k<q>|[\u4e00-\u9fa5]y/)).not.toBeInstanceOf(SplitTestRegExp);
    expect(splitForTest(/(?<k>ab)|[\u4e00-\u9fa5]y/)).not.toBeInstanceOf(SplitTestRegExp);
    expect(splitForTest(/ab|[\u4e00-\u9fa5]y/g)).not.toBeInstanceOf(SplitTestRegExp);
    expect(splitForTest(/ab|cd|e[fg]/i)).not.toBeInstanceOf(SplitTestRegExp);
    // Look-behinds are no named groups: split.
    expect(splitForTest(/(?<![a-z])ab|(?<=x)[\u4e00-\u9fa5]y/)).toBeInstanceOf(SplitTestRegExp);
  });

  it('keeps the factored whole for exec() and its source', () => {
    const re = splitForTest(/abc|abd|[\u4e00-\u9fa5]x/m);
    expect(re.source).toBe(factoredForTest(/abc|abd|[\u4e00-\u9fa5]x/m).source);
    expect(re.flags).toBe('m');
    expect(re.exec('1 abd')?.[0]).toBe('abd');
  });
});
