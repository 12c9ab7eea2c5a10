/**
 * A pattern's literal set (literal-set.ts) lets the engine skip the pattern's regex on a line that
 * holds none of its literals, so every line the pattern matches must hold one: read conservatively
 * from the source, and held to that on every line of every fixture (as written and as redacted),
 * of the bench's logs (ASCII and Chinese), for every pattern of every rule set (each layout,
 * optional rules on). Through the engine, skipping may only save work (the prefilter test compares
 * every fixture with `prefilter: false`, which looks no literal up); here, that it does.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { caseless, LiteralIndex, requiredLiteralSet, spelledLiteralSet } from '../../../../electron/engine/redact/literal-set.js';
import { buildRuleSet, type RuleSet } from '../../../../electron/engine/redact/rule-set.js';
import type { ItemLayout } from '../../../../electron/engine/redact/formats.js';
import { generateChineseLogText, generateLogText } from '../../../bench/redact.bench.js';
import { CORPUS_DIR } from './corpus-quality.js';
import { fixtureLines, fixtureTexts } from './helpers.js';

const set = (source: string, flags = 'g') => requiredLiteralSet(source, flags)?.sort();
// speed19 (session 22): the set the engine asks last (the spelled one, or the plain one where spelling says no more).
const spelled = (source: string, flags = 'g') => (spelledLiteralSet(source, flags) ?? requiredLiteralSet(source, flags))?.sort();

describe('literal set of a pattern', () => {
  it('reads mandatory runs of plain characters, into groups that must match, never into optional parts', () => {
    expect(set(String.raw`<(?:[\w-]+:)?(?<key>pass)>`)).toEqual(['pass']);
    expect(set(String.raw`(?<![\w-])uid=(?<user>[A-Za-z]+),(?:ou|dc)=`, 'gi')).toEqual(['uid=']);
    expect(set('ab?c')).toEqual(['a']);
    expect(set('a+bc')).toEqual(['bc']);
    expect(set('(?:xyz)?ab')).toEqual(['ab']);
    expect(set('a*')).toBeUndefined();
    expect(set('(?:foo){0,2}')).toBeUndefined();
    // Escaped punctuation is literal; \d, \b, \k<q>, \p{L}, `.` are not.
    expect(set(String.raw`\(0x\d+`)).toEqual(['(0x']);
    expect(set(String.raw`(?<q>["'])\k<q>ab`)).toEqual(['ab']);
    expect(set(String.raw`\p{Lu}x`, 'gu')).toEqual(['x']);
    expect(set(String.raw`\d+.\w`)).toBeUndefined();
  });

  it('takes one literal of each alternative: a union, or nothing when one alternative has none', () => {
    expect(set('foo|bar')).toEqual(['bar', 'foo']);
    expect(set('(?:总监|经理)[ \t]?(?<name>[\u4e00-\u9fa5]{2,3})|(?<called>[\u4e00-\u9fa5]{2,3})(?=老师|先生)')).toEqual(['先生', '总监', '経理'.replace('経', '经'), '老师'].sort());
    expect(set('foo|[a-z]+')).toBeUndefined();
    expect(set('(?:姓名|联系人)[:：](?<n>[\u4e00-\u9fa5]{2})|^[\u4e00-\u9fa5]{2}$')).toBeUndefined();
    // A member holding another adds nothing: `总经理` is there whenever `经理` is.
    expect(set('(?:总经理|经理)x')).toEqual(['经理']);
    expect(set('总经理|经理')).toEqual(['经理']);
  });

  it('reads a class of a few plain characters as a set of one-character literals, never a range, a negated or a wide class', () => {
    expect(set('[\u4e00-\u9fa5]{2}[(（]\\d{5}')).toEqual(['(', '（']);
    expect(set('[\u4e00-\u9fa5]{2}[ \\t]?[(（]')).toEqual(['(', '（']);
    expect(set('[a-c]x?')).toBeUndefined();
    expect(set('[^<]+')).toBeUndefined();
    expect(set('[abcdefgh]')).toBeUndefined();
    expect(set('[.$]')).toEqual(['$', '.']);
  });

  it('reads positive look-arounds (what they see is on the line), never negative ones', () => {
    expect(set('(?<=备注[:：])[\u4e00-\u9fa5]{2}')).toEqual(['备注']);
    expect(set('[\u4e00-\u9fa5]{2}(?=[ \\t]*(?:您好|你好))')).toEqual(['你好', '您好']);
    expect(set('(?<!token)[\u4e00-\u9fa5]{2}')).toBeUndefined();
    expect(set('(?!x)[\u4e00-\u9fa5]{2}')).toBeUndefined();
  });

  it('case-insensitive: lower case, ASCII and caseless characters only; with `u`, nothing holding s or k (ſ, the Kelvin sign)', () => {
    expect(set('Token=', 'gi')).toEqual(['token=']);
    expect(set('密码是', 'gi')).toEqual(['密码是']);
    // A run keeps its longest usable piece; a set member without one leaves the set unusable.
    expect(set('ask=', 'giu')).toEqual(['a']);
    expect(set('ask=', 'gu')).toEqual(['ask=']);
    expect(set('Straße=', 'gi')).toEqual(['stra']);
    expect(set('ß|x', 'gi')).toBeUndefined();
    expect(set('[Ee]rr', 'gi')).toEqual(['rr']);
  });

  // speed19 (session 22): a run goes on through a class of a few plain characters and a group spelling a few strings.
  it('spelled: a run goes on through small classes and groups: every string it may start with, up to an optional, repeated or unread part', () => {
    expect(spelled(String.raw`(?<![\w.-])(?:--|[A-Za-z]\w*_)?user(?:=|[ \t]+)["']?[A-Za-z]`)).toEqual(['user\t', 'user ', 'user='].sort());
    expect(spelled('[Uu]ser[Nn]ame=')).toEqual(['UserName=', 'Username=', 'userName=', 'username='].sort());
    expect(spelled('x(?:a(?:b|c)d|e)f')).toEqual(['xabdf', 'xacdf', 'xef']);
    // A part read only up to its repeated atom ends the run there; so does the atom repeated itself.
    expect(spelled('x(?:ab+c|d)e')).toEqual(['xab', 'xd']);
    expect(spelled('(?:ab)+c')).toEqual(['ab']);
    // An alternative that may be empty, or starts with what is not plain, spells nothing: the run stops before it.
    expect(spelled('foo(?:a|)b')).toEqual(['foo']);
    expect(spelled('foo(?:a|\\d)b')).toEqual(['foo']);
    expect(spelled('foo(?:ab|d?)e')).toEqual(['foo']);
    // Past 16 strings the run starts again (the rarer set is kept).
    expect(spelled('[abc][def][ghi]xyzw')).toEqual(['gxyzw', 'hxyzw', 'ixyzw']);
    // Case-insensitive: each string lower-cased; under `u`, a string holding s or k keeps only its usable piece.
    expect(spelled('[Ee]rr', 'gi')).toEqual(['err']);
    expect(spelled('(?:总经理|经理)x')).toEqual(['经理x']);
    expect(spelled('(?<=备注[:：])[\u4e00-\u9fa5]{2}')).toEqual(['备注:', '备注：']);
    expect(spelled('[Tt]oken(?:=|:)', 'gi')).toEqual(['token:', 'token=']);
    expect(spelled('(?:ask|x)=', 'giu')).toEqual(['a', 'x=']);
    // Where it says no more than the plain set, none is given (the engine would look the same literals up twice).
    expect(spelledLiteralSet('foo(?:a|)b', 'g')).toBeUndefined();
    expect(spelledLiteralSet('user[ \t]+x', 'g')).toEqual(['user ', 'user\t']);
  });

  it('gives up on a group it does not read (modifiers)', () => {
    expect(set('(?i:abc)')).toBeUndefined();
  });

  it('counts as caseless only characters no case mapping reaches or leaves (the whole BMP, both ways)', () => {
    const reached = new Set<number>();
    for (let c = 0; c < 0x10000; c += 1) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const mapped of [ch.toUpperCase(), ch.toLowerCase()]) if (mapped !== ch) for (const u of mapped) reached.add(u.charCodeAt(0));
      if (caseless(c)) {
        expect(ch.toUpperCase(), ch).toBe(ch);
        expect(ch.toLowerCase(), ch).toBe(ch);
      }
    }
    for (const c of reached) expect(caseless(c), String.fromCharCode(c)).toBe(false);
    // And the regex engine agrees: a caseless character matches only itself under `i` and `iu`.
    let others = '';
    for (let x = 0; x < 0x10000; x += 1) if (x < 0xd800 || x > 0xdfff) others += String.fromCharCode(x);
    for (const c of [0x3001, 0x4e00, 0x59d3, 0x9fa5, 0x201c, 0xff08, 0xff1a]) {
      const ch = String.fromCharCode(c);
      const rest = others.replace(ch, '');
      expect(new RegExp(ch, 'i').test(rest) || new RegExp(ch, 'iu').test(rest), ch).toBe(false);
    }
  });

  it('is on every line its pattern matches (every fixture line as written and redacted, the bench logs, every rule set)', () => {
    const redacted = fixtureTexts(CORPUS_DIR).flatMap((t) => new Redactor().redactText(t).text.split('\n'));
    const bench = [generateLogText(1)[0]!, generateChineseLogText(1)[0]!].flatMap((b) => b.toString('utf8').split('\n').slice(0, 3000));
    const lines = [...new Set([...fixtureLines(CORPUS_DIR), ...redacted, ...bench])];
    const layouts: (ItemLayout | undefined)[] = [undefined, 'pgpass', 'svn-auth', 'openvpn-auth', 'rsync-secrets', 'exim-passwd', 'csv'];
    // Each distinct pattern once (the layouts share most of them).
    const patterns = new Map<string, { rule: string; regex: RegExp; members: string[]; folded: boolean }>();
    for (const layout of layouts) {
      const { rules, literals } = buildRuleSet({ layout, optionalRules: ['ipv4-public', 'ipv6-public', 'mac-address', 'hostname'] });
      for (const cr of rules) {
        for (const p of cr.patterns) {
          if (p.anyOf === undefined) continue;
          const index = p.folded ? literals.folded : literals.exact;
          patterns.set(`${p.regex.flags}/${p.regex.source}`, { rule: cr.rule.id, regex: p.regex, members: [...p.anyOf].map((id) => index.literals[id]!), folded: p.folded });
          // speed19 (session 22): the spelled set, held to the same.
          if (p.spelledOf !== undefined) patterns.set(`spelled/${p.regex.flags}/${p.regex.source}`, { rule: cr.rule.id, regex: p.regex, members: [...p.spelledOf].map((id) => index.literals[id]!), folded: p.folded });
        }
      }
    }
    expect(patterns.size).toBeGreaterThan(300);
    let checked = 0;
    for (const { rule, regex, members, folded } of patterns.values()) {
      for (const line of lines) {
        regex.lastIndex = 0;
        if (!regex.test(line)) continue;
        checked += 1;
        const hay = folded ? line.toLowerCase() : line;
        if (!members.some((m) => hay.includes(m))) expect.fail(`${rule} /${regex.source}/ matched a line holding none of ${JSON.stringify(members)}: ${line.slice(0, 200)}`);
      }
    }
    expect(checked).toBeGreaterThan(3000);
  }, 900_000); // every pattern over every corpus line: a guard against a hang, not a budget
});

describe('LiteralIndex', () => {
  it('marks every literal a line holds and no other, wherever it stands and however the literals overlap', () => {
    const index = new LiteralIndex();
    const literals = ['联系人', 'name', '(', 'x=y', '用户', 'user', 'username', 'sername', 'r', 'na', '人', 'e', 'ee', '联系', '系人'];
    const ids = literals.map((l) => index.add(l));
    expect(index.add('name')).toBe(ids[1]);
    const lines = ['同步服务 - 用户点击“保存”按钮', 'user name=张伟 (ops)', '联系人：王伟', 'x = y', '', '联系 人', 'username', 'xx=y', 'usernam', 'e', 'neen', '(', 'ab(x=yname'];
    const seen = new Float64Array(index.size);
    const held = new Uint8Array(index.size);
    lines.forEach((line, k) => {
      const stamp = k + 1;
      index.mark(line, stamp, seen, held);
      for (const id of ids) expect(seen[id] === stamp && held[id] === 1, `${index.literals[id]} in ${line}`).toBe(line.includes(index.literals[id]!));
    });
  });

  it('leaves what an earlier lookup on the line found as it is', () => {
    const index = new LiteralIndex();
    const [a, b] = [index.add('abc'), index.add('xyz')];
    const seen = new Float64Array(index.size);
    const held = new Uint8Array(index.size);
    seen[b] = 7;
    held[b] = 0;
    index.mark('--abc--', 7, seen, held);
    expect([seen[a], held[a], seen[b], held[b]]).toEqual([7, 1, 7, 0]);
  });
});

describe('the engine looks literals up before running a pattern', () => {
  // Passes person-name's trigger (two Han characters end it) but holds none of its key pattern's keys.
  const UPDATE = '2026-12-06 08:00:00.008 [main] INFO 同步服务 - 检查更新：当前版本 4.2.35，服务器版本 4.3.0，开始下载';

  /** How often person-name's key pattern (`姓名：…`, `联系人 …`, `name=…`) ran its regex while a Redactor redacted `text`, and the output. */
  function keyRuns(text: string, prefilter = true): { runs: number; out: string } {
    const redactor = new Redactor({}, { prefilter });
    const ruleSet = (redactor as unknown as { ruleSet: RuleSet }).ruleSet;
    const person = ruleSet.rules.find((r) => r.rule.id === 'person-name')!;
    const key = person.patterns[0]!;
    expect(key.anyOf?.length).toBeGreaterThan(10);
    expect(person.trigger!.test(UPDATE)).toBe(true);
    let runs = 0;
    const exec = key.regex.exec.bind(key.regex);
    key.regex.exec = (s: string) => {
      runs += 1;
      return exec(s);
    };
    const out = redactor.redactText(text).text;
    return { runs, out };
  }

  it('skips person-name’s key pattern on a woken Chinese log line without any of its keys', () => {
    expect(keyRuns(UPDATE)).toEqual({ runs: 0, out: UPDATE });
    // Without the prefilter every pattern runs: the skip is the lookup's.
    expect(keyRuns(UPDATE, false).runs).toBeGreaterThan(0);
  });

  it('still runs it, and redacts, where the line holds a key', () => {
    for (const line of [`${UPDATE}，联系人：王伟`, '负责人 汤文涛 (DBA)', 'owner=张伟']) {
      const r = keyRuns(line);
      expect(r.runs, line).toBeGreaterThan(0);
      expect(r.out, line).toMatch(/<NAME-1>/);
    }
  });
});
