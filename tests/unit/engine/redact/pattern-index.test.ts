/**
 * speed26 (session 24): the patterns' literal sets inverted (pattern-index.ts) and the literal
 * walk as a trie (literal-set.ts LiteralIndex.mark). Both may only save work: the walk must find
 * exactly the literals `includes` finds, the inversion must list exactly the patterns whose sets
 * hold a literal, and the engine must walk a woken line once per index however many patterns ask
 * (the prefilter test compares every fixture with the reference engine, which looks nothing up).
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { foundLiterals, LiteralIndex } from '../../../../electron/engine/redact/literal-set.js';
import { markUsers, patternIndexOf } from '../../../../electron/engine/redact/pattern-index.js';
import { buildRuleSet, type RuleSet } from '../../../../electron/engine/redact/rule-set.js';

/** A small deterministic generator (the same lines every run). */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

describe('LiteralIndex.mark as a trie walk (speed26)', () => {
  it('finds exactly the literals includes finds, each listed once, on random lines over a small alphabet', () => {
    const r = prng(26);
    // A small alphabet makes literals overlap, nest and repeat: prefixes of each other (`ab`, `abab`), one character, Han, a surrogate pair.
    const alphabet = ['a', 'b', ' ', ':', '用', '户', '\ud83d', '\ude00'];
    const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]).join('');
    const index = new LiteralIndex();
    const literals = [...new Set([...Array.from({ length: 60 }, () => pick(1 + Math.floor(r() * 5))), 'ab', 'abab', 'a', '用户', '\ud83d\ude00'])];
    const ids = literals.map((l) => index.add(l));
    const seen = new Float64Array(index.size);
    const held = new Uint8Array(index.size);
    const found = foundLiterals(index.size);
    for (let k = 1; k <= 400; k += 1) {
      const line = pick(Math.floor(r() * 40));
      index.mark(line, k, seen, held, found);
      const listed = [...found.ids.subarray(0, found.count)];
      expect(new Set(listed).size, line).toBe(listed.length);
      for (const id of ids) {
        const on = line.includes(index.literals[id]!);
        expect(seen[id] === k && held[id] === 1, `${JSON.stringify(index.literals[id])} in ${JSON.stringify(line)}`).toBe(on);
        expect(listed.includes(id)).toBe(on);
      }
    }
  });

  it('sees literals added after a walk (the trie is built again)', () => {
    const index = new LiteralIndex();
    index.add('token');
    const seen = new Float64Array(4);
    const held = new Uint8Array(4);
    index.mark('a token and a secret', 1, seen, held);
    const secret = index.add('secret');
    index.mark('a token and a secret', 2, seen, held);
    expect([seen[secret], held[secret]]).toEqual([2, 1]);
  });
});

describe('patternIndexOf (speed26)', () => {
  const rules = buildRuleSet({});

  it('lists under each literal exactly the patterns whose set holds it, by slot', () => {
    const index = patternIndexOf(rules);
    expect(patternIndexOf(rules)).toBe(index);
    const patterns = rules.rules.flatMap((cr) => cr.patterns);
    expect(index.slots).toBe(patterns.length);
    rules.rules.forEach((cr, i) => cr.patterns.forEach((p, k) => expect(patterns[index.base[i]! + k]).toBe(p)));
    for (const [set, users] of [['anyOf', index.any], ['spelledOf', index.spelled]] as const) {
      for (const side of [0, 1]) {
        const size = side === 0 ? rules.literals.exact.size : rules.literals.folded.size;
        for (let id = 0; id < size; id += 1) {
          const listed = [...users[side]!.list.subarray(users[side]!.start[id]!, users[side]!.start[id + 1]!)].sort((a, b) => a - b);
          const expected = patterns.flatMap((p, slot) => (p.folded === (side === 1) && p[set]?.includes(id) ? [slot] : []));
          expect(listed, `${set} ${side} ${id}`).toEqual(expected);
        }
      }
    }
  });

  it('marks the patterns of the literals a walk found, and only those', () => {
    const index = patternIndexOf(rules);
    const exact = rules.literals.exact;
    const seen = new Float64Array(exact.size);
    const held = new Uint8Array(exact.size);
    const found = foundLiterals(exact.size);
    const line = '2026-12-06 08:00:00 INFO 登录模块 - 联系人：王伟 user=ops (ticket)';
    exact.mark(line, 5, seen, held, found);
    const at = new Float64Array(index.slots);
    markUsers(index.any[0], found.ids, found.count, 5, at);
    rules.rules.flatMap((cr) => cr.patterns).forEach((p, slot) => {
      const expected = !p.folded && p.anyOf !== undefined && [...p.anyOf].some((id) => line.includes(exact.literals[id]!));
      expect(at[slot] === 5, `slot ${slot} ${p.regex.source.slice(0, 60)}`).toBe(expected);
    });
  });
});

describe('the line engine walks a woken line once per literal index (speed26)', () => {
  // Pass person-name's and user-name's triggers (~190 patterns each ask for their literals) and change nothing.
  const LINES = [
    '2026-12-06 08:00:00.008 [main] INFO 同步服务 - 检查更新：当前版本 4.2.35，服务器版本 4.3.0，开始下载',
    'I, [2026-12-06T08:42:36.000001 #4366]  INFO -- : [9f1c]   Current user: anonymous',
  ];

  /** How many walks each index of the Redactor's rule set made while it redacted `text`, and the output. */
  function walks(text: string): { walks: number[]; out: string } {
    const redactor = new Redactor({});
    const ruleSet = (redactor as unknown as { ruleSet: RuleSet }).ruleSet;
    const counts = [0, 0];
    [ruleSet.literals.exact, ruleSet.literals.folded].forEach((index, k) => {
      const mark = index.mark.bind(index);
      index.mark = (...args: Parameters<LiteralIndex['mark']>) => {
        counts[k] = counts[k]! + 1;
        return mark(...args);
      };
    });
    return { walks: counts, out: redactor.redactText(text).text };
  }

  it('walks each index at most once a line, whatever the number of patterns asking', () => {
    for (const line of LINES) {
      // Each line its own (a line equal to the one before is not looked up again).
      const text = Array.from({ length: 50 }, (_, k) => `${line.replace('08:', `${String(k).padStart(2, '0')}:`)}\n`).join('');
      const r = walks(text);
      expect(r.out, line).toBe(text);
      // At least one index is walked on these lines (their rules ask far more than a few literals)…
      expect(r.walks[0]! + r.walks[1]!, line).toBeGreaterThanOrEqual(50);
      // …and neither more than once a line.
      for (const n of r.walks) expect(n, line).toBeLessThanOrEqual(50);
    }
  });
});
