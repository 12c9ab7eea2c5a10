/**
 * factor.ts turns a trigger's alternatives into a prefix tree: the engine only asks whether a line
 * has a match, so the tree must say yes on exactly the lines the original says yes on. Checked on
 * hand-made sources (groups, quantifiers, look-arounds, back-references) and on every rule's
 * trigger against every fixture line, the bench's log texts (ASCII and Chinese) and the adversarial
 * line shapes' heads.
 */
import { describe, expect, it } from 'vitest';
import { chunkedForTest, ChunkedTestRegExp, factorAlternatives, factoredForTest, gatedForTest, LiteralGatedRegExp, OPTIMISED_SOURCE, splitForTest, SplitTestRegExp } from '../../../../electron/engine/redact/factor.js';
import { buildRuleSet } from '../../../../electron/engine/redact/rule-set.js';
import { RULES } from '../../../../electron/engine/redact/rules.js';
import { topAlternatives } from '../../../../electron/engine/redact/scan-split.js';
import { generateChineseLogText, generateLogText, webAppLogText } from '../../../bench/redact.bench.js';
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
      // The oracle: the original's alternatives one by one (a line matches an alternation where it
      // matches one of them). The original itself, past V8's 20 KiB limit (person-name's), runs
      // unoptimised: this test took minutes on a loaded machine. Likewise the factored whole is only
      // what the engine runs while within OPTIMISED_SOURCE; past it, the engine runs chunkedForTest.
      const oracle = topAlternatives(original.source).map((a) => new RegExp(a, original.flags));
      const whole = factored.source.length <= OPTIMISED_SOURCE ? factored : chunkedForTest(topAlternatives(original.source), original.flags);
      for (const line of lines) {
        const want = oracle.some((a) => a.test(line));
        if (whole.test(line) !== want) expect.fail(`${r.id} trigger factored says ${!want} on: ${line.slice(0, 200)}`);
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

describe('chunkedForTest (lead23, session 23)', () => {
  it('keeps every regex it runs within OPTIMISED_SOURCE, and says yes where one alternative does', () => {
    const alternatives = Array.from({ length: 900 }, (_, i) => `w${i}ord[ \\t]*[:=][ \\t]*[\\u4e00-\\u9fa5]{2,3}|n${i}ame ${'x'.repeat(i % 17)}`);
    const re = chunkedForTest(alternatives, 'im');
    expect(re).toBeInstanceOf(ChunkedTestRegExp);
    const chunks = (re as ChunkedTestRegExp).chunks;
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.source.length).toBeLessThanOrEqual(OPTIMISED_SOURCE);
    expect(re.test('w0ord: 张三')).toBe(true);
    expect(re.test('log W899ORD = 李四四 end')).toBe(true);
    expect(re.test(`n898ame ${'x'.repeat(898 % 17)}`)).toBe(true);
    expect(re.test('w900ord: 张三')).toBe(false);
    expect(re.test('w12ord: ab')).toBe(false);
    // Small: one plain factored regex.
    const small = chunkedForTest(['ab', 'ac'], 'i');
    expect(small).not.toBeInstanceOf(ChunkedTestRegExp);
    expect(small.source).toBe('a(?:b|c)');
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

// ---- speed18 (session 21): a trigger part's alternatives asked behind their literals ----------------
describe('gatedForTest (speed18)', () => {
  // 18 alternatives: literal heads (one shared by two), a look-behind, an anchored one, two needing a Han character, two without a literal.
  const alternatives = [
    'owner[ \\t]*[:=][ \\t]*[a-z]{2}', 'ownedby[ \\t]+[a-z]', 'contact[ \\t]*:[ \\t]*[a-z]{2}', '(?<![a-z])by[ \\t]+[a-z]{2,}[ \\t]+\\(',
    'signed[ \\t]+off[ \\t]+by', '^author[ \\t]*=', 'cc[ \\t]*:[ \\t]*[a-z]', 'tel[ :=]\\d{3}', 'for[ \\t]+(?:mr|mrs|ms)\\.?[ \\t]',
    'dear[ \\t]+[a-z]{2}', 'regards,[ \\t]*[a-z]', 'hi[ \\t]+[a-z]{2,},', 'name[ \\t]*[:=][ \\t]*[\\u4e00-\\u9fa5]{2}', 'user[ \\t]+[\\u4e00-\\u9fa5]{2,3}',
    'assignee[ \\t]*[:=]', 'reporter[ \\t]*[:=]', '[a-z]\\d{3}[a-z]{2}$', '[a-z]{2}\\([a-z]+\\)$',
  ];
  const source = alternatives.join('|');
  const lines = [
    'Owner: ab', 'OWNEDBY x', 'contact:  bob', 'cancelled by Alice (id)', 'abby Alice (id)', 'signed  off  by', 'x author=', 'author = x', 'CC: a',
    'tel:123', 'for Mr. X', 'for mrs x', 'Dear Jo', 'Regards, ann', 'hi bob,', 'name=张伟', 'NAME: 李娜', 'name=alice', 'user 王强', 'user bob',
    'assignee = ', 'reporter:x', 'a123bc', 'x a123bc', 'ab(cd)', 'ab(cd) ', '', 'plain text with nothing', '用户 张伟', 'owner：ab', 'ownér: ab',
  ];

  it('says yes on exactly the lines the whole alternation does, in any order, case-folded or not', () => {
    for (const flags of ['im', 'm', 'i', 'iu']) {
      const whole = new RegExp(source, flags);
      const gated = gatedForTest(source, flags);
      expect(gated, flags).toBeInstanceOf(LiteralGatedRegExp);
      // Each line after each other line: the walk's stamps must not let a line see another's literals.
      for (const before of lines) {
        for (const line of lines) {
          gated!.test(before);
          expect(gated!.test(line), `${flags}: ${before} ⏎ ${line}`).toBe(whole.test(line));
        }
      }
    }
  });

  it('asks only the groups whose literal is on an ASCII line, and the whole on a line with a wide character', () => {
    const gated = gatedForTest(source, 'im') as LiteralGatedRegExp;
    const groups = (gated as unknown as { groups: { regex: RegExp }[] }).groups;
    const asked: string[] = [];
    for (const g of groups) {
      const test = g.regex.test.bind(g.regex);
      g.regex.test = (t: string) => (asked.push(g.regex.source), test(t));
    }
    expect(gated.test('plain words only')).toBe(false);
    expect(asked).toEqual([]);
    expect(gated.test('Dear Jo')).toBe(true);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('dear');
    // The Han alternatives hold no group: a wide line is asked as the whole.
    expect(groups.some((g) => g.regex.source.includes('\\u4e00'))).toBe(false);
    asked.length = 0;
    expect(gated.test('name=张伟')).toBe(true);
    expect(asked).toEqual([]);
  });

  it('leaves alone what it cannot gate: few alternatives, back-references, named groups, global or sticky, mostly unknown literals', () => {
    expect(gatedForTest('ab|cd', 'i')).toBeUndefined();
    expect(gatedForTest(`${source}|(["'])x\\1`, 'i')).toBeUndefined();
    expect(gatedForTest(`${source}|(?<q>x)`, 'i')).toBeUndefined();
    expect(gatedForTest(source, 'gi')).toBeUndefined();
    expect(gatedForTest(source, 'yi')).toBeUndefined();
    expect(gatedForTest(Array.from({ length: 20 }, (_, i) => `[a-z]{${i + 1}}\\d`).join('|'), 'i')).toBeUndefined();
  });

  it('gates person-name\'s ASCII part (and any other that pays), which says what the unsplit trigger says on the web-app log', () => {
    const { rules } = buildRuleSet({});
    const person = rules.find((cr) => cr.rule.id === 'person-name')!.trigger as SplitTestRegExp;
    expect(person.parts.some((p) => p instanceof LiteralGatedRegExp)).toBe(true);
    const lines = Buffer.concat(webAppLogText(1)).toString('utf8').split('\n');
    lines.push(...lines.slice(0, 300).map((l) => l.toUpperCase()));
    let gatedRules = 0;
    for (const cr of rules) {
      const t = cr.trigger;
      if (!(t instanceof SplitTestRegExp) || !t.parts.some((p) => p instanceof LiteralGatedRegExp)) continue;
      gatedRules += 1;
      const original = new RegExp(cr.rule.trigger.source, cr.rule.trigger.flags.replace(/[gy]/g, '') + (cr.rule.trigger.flags.includes('m') ? '' : 'm'));
      for (const line of lines) if (t.test(line) !== original.test(line)) expect.fail(`${cr.rule.id} trigger gated says ${!original.test(line)} on: ${line.slice(0, 200)}`);
    }
    expect(gatedRules).toBeGreaterThanOrEqual(1);
  });
});
// ---- end speed18 ------------------------------------------------------------------------------------
