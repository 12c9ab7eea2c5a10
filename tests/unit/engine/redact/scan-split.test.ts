/**
 * A shared scan split by where its matches start (scan-split.ts): the ASCII half and the other
 * half (Han, full-width …) must together give exactly the hits of the whole regex — same places,
 * same texts — so the engine wakes the same rules; and the marks scan of the default rules must be
 * split, since on a two-byte string its ~130 Han alternatives made it ~20× slower.
 */
import { describe, expect, it } from 'vitest';
import { buildRuleSet } from '../../../../electron/engine/redact/rule-set.js';
import { asciiOnly, atomCharacters, atomEnd, firstAtoms, nonAsciiOnly, splitByFirstCharacter, stableFactor, topAlternatives, WIDE_GUARD } from '../../../../electron/engine/redact/scan-split.js';
import { generateChineseLogText, generateLogText, webAppLogText } from '../../../bench/redact.bench.js';
import { CORPUS_DIR } from './corpus-quality.js';
import { fixtureTexts } from './helpers.js';

/** Every hit of a global regex as `index:text`, zero-length ones skipped as the engine does. */
function hitsOf(re: RegExp, text: string): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push(`${m.index}:${m[0]}`);
  }
  return out;
}

/** The engine's way with a split scan: from each resume point, the earlier hit of the two halves. */
function splitHitsOf([ascii, wide]: readonly [RegExp, RegExp], text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (;;) {
    let best: RegExpExecArray | null = null;
    let end = 0;
    for (const re of [ascii, wide]) {
      re.lastIndex = from;
      let m = re.exec(text);
      while (m && m[0].length === 0) {
        re.lastIndex = m.index + 1;
        m = re.exec(text);
      }
      if (m && (best === null || m.index < best.index)) {
        best = m;
        end = re.lastIndex;
      }
    }
    if (best === null) return out;
    out.push(`${best.index}:${best[0]}`);
    from = end;
  }
}


describe('atomEnd: the one reader of a regex atom (the scans, required literals and the scan-shape test use it)', () => {
  /** The first atom of each source, as atomEnd reads it. */
  const first = (src: string) => src.slice(0, atomEnd(src, 0));

  it('reads Unicode property and code point escapes whole, and the other escapes', () => {
    expect(first('\\p{L}+token')).toBe('\\p{L}');
    expect(first('\\P{Script=Han}x')).toBe('\\P{Script=Han}');
    expect(first('\\u{1F600}{2}')).toBe('\\u{1F600}');
    expect(first('\\u0041B')).toBe('\\u0041');
    expect(first('\\x41B')).toBe('\\x41');
    expect(first('\\cJx')).toBe('\\cJ');
    expect(first('\\k<name>x')).toBe('\\k<name>');
    expect(first('\\bx')).toBe('\\b');
    expect(first('\\.x')).toBe('\\.');
  });

  it('reads classes whole: a ] first or escaped, a [ inside (no nesting without the v flag), escapes and properties inside', () => {
    expect(first('[]a]b')).toBe('[]a]');
    expect(first('[^]a]b')).toBe('[^]a]');
    expect(first('[\\]\\\\]x')).toBe('[\\]\\\\]');
    expect(first('[[a]]')).toBe('[[a]');
    expect(first('[\\p{L}\\u{1F600}-]x')).toBe('[\\p{L}\\u{1F600}-]');
  });

  it('reads groups whole past nested groups and classes holding ( or ), and gives -1 for an unbalanced group', () => {
    expect(first('(a(b|c)[)(](?:d))e')).toBe('(a(b|c)[)(](?:d))');
    expect(first('(?<n>\\p{L}[(]\\))x')).toBe('(?<n>\\p{L}[(]\\))');
    expect(atomEnd('(ab', 0)).toBe(-1);
    expect(atomEnd('((a)', 0)).toBe(-1);
    expect(topAlternatives('a|(b')).toEqual(['a|(b']);
  });
});

describe('scan split by first character', () => {
  it('reads the first atoms past look-arounds, anchors and into leading or optional groups', () => {
    expect(firstAtoms('(?<![A-Za-z0-9_-])sk-')).toEqual(['s']);
    expect(firstAtoms('^(?:export\\s+)?(?:USER|LOGNAME)=')).toEqual(['e', 'U', 'L']);
    expect(firstAtoms('(?:授权|审批)人')).toEqual(['授', '审']);
    expect(firstAtoms('[\\u4e00-\\u9fa5]\\.(?:xlsx?|pdf)')).toEqual(['[\\u4e00-\\u9fa5]']);
    // May match the empty string, or only looks: not readable here.
    expect(firstAtoms('(?:ab)?')).toBeUndefined();
    expect(firstAtoms('(?=x)')).toBeUndefined();
    expect(topAlternatives('a|b(c|d)|[|]')).toEqual(['a', 'b(c|d)', '[|]']);
  });

  it('tells ASCII-only atoms from atoms that match no ASCII character', () => {
    for (const atom of ['@', '\\+', '[?&;]', '[Pp]', '\\d', 's']) expect(asciiOnly(atom, 'gm')).toBe(true);
    for (const atom of ['.', '\\s', '[^a]', '[\\u4e00-\\u9fa5]', '号', '\\W']) expect(asciiOnly(atom, 'gm')).toBe(false);
    // With `u` and `i` together, `s` also matches ſ and `k` the Kelvin sign.
    expect(asciiOnly('s', 'giu')).toBe(false);
    for (const atom of ['号', '[\\u4e00-\\u9fa5]', '[０-９]', '[男女]']) expect(nonAsciiOnly(atom, 'gm')).toBe(true);
    for (const atom of ['@', '.', '\\s', '[^x]']) expect(nonAsciiOnly(atom, 'gm')).toBe(false);
  });

  it('keeps each half in its order and refuses an alternative that may start at both kinds of character', () => {
    expect(splitByFirstCharacter(['@', '用户', '%40', '[\\u4e00-\\u9fa5]\\.pdf', '用户名'], 'gm')).toEqual({ ascii: ['@', '%40'], wide: ['用户', '[\\u4e00-\\u9fa5]\\.pdf', '用户名'] });
    expect(splitByFirstCharacter(['@', '^.'], 'gm')).toBeUndefined();
    expect(splitByFirstCharacter(['@', '\\s+x', '号'], 'gm')).toBeUndefined();
    expect(splitByFirstCharacter(['@', '%40'], 'gm')).toBeUndefined();
  });

  it("splits the default marks scan, and its halves hit exactly where and what the whole regex hits (every fixture, bench text with and without curly quotes)", () => {
    const { scanners } = buildRuleSet({ optionalRules: ['ipv4-public', 'ipv6-public', 'mac-address', 'hostname'] });
    const split = scanners.filter((s) => s.split !== undefined);
    expect(split.length).toBeGreaterThan(0);
    // The marks scan (person-name's Chinese words among them) itself, in the default rules and with
    // every optional rule: one alternative that may start at both kinds of character (session 10's
    // merge added `[(（]…→`) silently leaves the scan whole, at half speed on two-byte text.
    for (const set of [buildRuleSet({}), buildRuleSet({ optionalRules: ['ipv4-public', 'ipv6-public', 'mac-address', 'hostname'] })]) {
      const marks = set.scanners.filter((s) => s.regex.source.includes('联系人'));
      expect(marks.length).toBe(1);
      expect(marks[0]!.split).toBeDefined();
    }
    const bench = Buffer.concat(generateLogText(1)).toString('utf8');
    const texts = [...fixtureTexts(CORPUS_DIR), bench, bench.replace(/"Save"/g, '\u201cSave\u201d'), '号 用户 a@b 客户 \u201c 张三\t 李四.pdf ?token=1 PW 号码 ０１２', '用户@x 名字:x 由 张三 创建 sk-abc 的 iPhone'];
    for (const s of split) {
      for (const text of texts) expect(splitHitsOf(s.split!, text)).toEqual(hitsOf(s.regex, text));
    }
  });
});

/** Every match of a global regex over `text`, as index:text. */
function matchesOf(re: RegExp, text: string): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(`${m.index}:${m[0]}`);
    if (m[0].length === 0) re.lastIndex += 1;
  }
  return out;
}

describe('stableFactor (lead23, session 23)', () => {
  it('reads the characters one atom can match', () => {
    expect(atomCharacters('密', 'gm')).toEqual([[0x5bc6, 0x5bc6]]);
    expect(atomCharacters('[Пп]', 'gm')).toEqual([[0x41f, 0x41f], [0x43f, 0x43f]]);
    expect(atomCharacters('[А-ЯЁ]', 'gm')).toEqual([[0x410, 0x42f], [0x401, 0x401]]);
    expect(atomCharacters('\\u3000', 'gm')).toEqual([[0x3000, 0x3000]]);
    expect(atomCharacters('a', 'gi')).toEqual([[0x41, 0x41], [0x61, 0x61]]);
    for (const unread of ['.', '[^a]', '密+', '[ab]?', '(?:a|b)', '\\s', '\\p{L}', 'ä']) expect(atomCharacters(unread, unread === 'ä' ? 'gi' : 'gm'), unread).toBeUndefined();
  });

  it('shares first characters only where no match changes', () => {
    expect(stableFactor(['密码', '密钥', '令牌'], 'gm')).toBe('密(?:码|钥)|令牌');
    // A shorter alternative before a longer one with the same start keeps winning.
    expect(stableFactor(['密码', '密码箱'], 'gm')).toBe('密(?:码(?:|箱))');
    const prefix = new RegExp(stableFactor(['密码', '密码箱'], 'gm'), 'gm');
    expect(matchesOf(prefix, '密码箱')).toEqual(['0:密码']);
    // A class that can start where a literal does stays between them: `Ав` cannot join `Аб` past `[Аа]г`.
    const mixed = ['Аб', '[Аа]г', 'Ав', 'аб'];
    const factored = stableFactor(mixed, 'gm');
    expect(factored).toBe('Аб|[Аа]г|Ав|аб');
    // A leading group is spread, in order.
    expect(stableFactor(['(?:经办|复核)人', '经理'], 'gm')).toBe('经(?:办人|理)|复核人');
  });

  it("finds exactly the flat scan's matches: the marks scan's halves on the fixtures and the bench texts", () => {
    const scan = buildRuleSet({}).scanners.find((x) => x.split !== undefined)!;
    const halves = splitByFirstCharacter(topAlternatives(scan.regex.source), scan.regex.flags)!;
    const flat = [new RegExp(halves.ascii.join('|'), scan.regex.flags), new RegExp(`${WIDE_GUARD}(?:${halves.wide.join('|')})`, scan.regex.flags)];
    // The rule set's own halves are the factored ones…
    expect(scan.split![1]!.source).toBe(`${WIDE_GUARD}(?:${stableFactor(halves.wide, scan.regex.flags)})`);
    expect(scan.split![1]!.source).not.toBe(flat[1]!.source);
    const texts = [
      ...fixtureTexts(CORPUS_DIR),
      Buffer.concat(generateChineseLogText(1)).toString('utf8').slice(0, 400_000),
      Buffer.concat(webAppLogText(1)).toString('utf8').slice(0, 400_000),
      Buffer.concat(generateLogText(1)).toString('utf8').slice(0, 200_000),
    ];
    let hits = 0;
    for (const text of texts) {
      for (const k of [0, 1]) {
        const want = matchesOf(flat[k]!, text);
        expect(matchesOf(new RegExp(scan.split![k]!.source, scan.split![k]!.flags), text)).toEqual(want);
        hits += want.length;
      }
    }
    expect(hits).toBeGreaterThan(5000);
  });
});
