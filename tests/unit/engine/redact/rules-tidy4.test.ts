/**
 * Session 17 (tidy4): a grammar written once, as a pattern and as its rule's trigger alternative (triggerOf).
 */
import { describe, expect, it } from 'vitest';
import { RULES, triggerOf } from '../../../../electron/engine/redact/rules.js';

describe('triggerOf: a pattern as a trigger alternative', () => {
  it('makes named groups plain and keeps look-arounds, classes and escapes', () => {
    expect(triggerOf(/(?<![\w-])user[ \t]+(?<user>[a-z]\w{0,31}?)(?<=\w)[ \t]+\(?<x>logged(?= in)/i)).toBe(String.raw`(?<![\w-])user[ \t]+(?:[a-z]\w{0,31}?)(?<=\w)[ \t]+\(?<x>logged(?= in)`);
    // Two grammars naming the same group join in one trigger.
    const joined = new RegExp(`${triggerOf(/a (?<user>\w+) in/)}|${triggerOf(/b (?<user>\w+) out/)}`, 'im');
    expect(joined.test('x b liqiang out')).toBe(true);
    expect(joined.test('a  in')).toBe(false);
  });

  it('refuses what a trigger would read otherwise: back-references, other flags', () => {
    expect(() => triggerOf(/(?<q>["'])(?<user>\w+)\k<q>/)).toThrow(/refers back/);
    expect(() => triggerOf(/(["'])\w+\1/)).toThrow(/refers back/);
    expect(() => triggerOf(/a.b/s)).toThrow(/flags/);
  });

  it("user-name's trigger holds the grammars its patterns share with it", () => {
    const rule = RULES.find((r) => r.id === 'user-name')!;
    for (const line of ['2026-12-06 10:00 User "huang.shiqi" has signed out', 'user liqiang login failed', 'auth failed on module backup from host (10.0.0.5) for liming: password mismatch']) {
      expect(rule.trigger.test(line)).toBe(true);
      expect(rule.patterns.some((p) => p.regex.test(line))).toBe(true);
    }
  });
});
