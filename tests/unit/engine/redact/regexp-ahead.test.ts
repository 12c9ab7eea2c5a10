/**
 * sos26 (session 24): regexp-ahead.ts — a rule set's large regexes compiled to machine code before a
 * line needs them (a first run on a long subject skips V8's bytecode step). Which regexes it lists
 * (the plain ones a test wrapper holds, none of its own source, none with its own engine), that a
 * run leaves nothing behind, and that V8 still does what it is for (checked in a child process with
 * a tracing flag: never a flag in the product).
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ChunkedTestRegExp, LiteralGatedRegExp, SplitTestRegExp } from '../../../../electron/engine/redact/factor.js';
import { LinearRegExp } from '../../../../electron/engine/redact/linear-regexp.js';
import { AHEAD_MIN_SOURCE, compileAhead, largeRegexes, plainRegexesIn } from '../../../../electron/engine/redact/regexp-ahead.js';
import { buildRuleSet } from '../../../../electron/engine/redact/rule-set.js';
import { OPTIONAL_RULE_IDS } from '../../../../electron/engine/redact/rules.js';

const ROOT = resolve(import.meta.dirname, '../../../..');

describe('plainRegexesIn', () => {
  it('lists a plain regex, and the parts a test wrapper asks, not the wrapper itself', () => {
    const a = /a+b/;
    expect(plainRegexesIn(a)).toEqual([a]);
    const chunks = [/x\d/i, /y\d/i];
    const chunked = new ChunkedTestRegExp('x\\d|y\\d', 'i', chunks);
    const other = /z/;
    const split = new SplitTestRegExp('x\\d|y\\d|z', 'i', [chunked, other]);
    expect(plainRegexesIn(split)).toEqual([...chunks, other]);
    // Each once, however often it is held.
    expect(plainRegexesIn(new SplitTestRegExp('q', '', [other, other]))).toEqual([other]);
  });

  it('leaves out what V8 does not run as it is: an RE2 pattern, and anything not a regex', () => {
    expect(plainRegexesIn(new LinearRegExp('ab+c', 'i'))).toEqual([]);
    expect(plainRegexesIn('a+b')).toEqual([]);
    expect(plainRegexesIn(undefined)).toEqual([]);
  });
});

describe('the rule set’s large regexes (RuleSet.ahead)', () => {
  it('are plain regexes at least AHEAD_MIN_SOURCE long, each once, person-name’s trigger parts among them', () => {
    for (const options of [{}, { optionalRules: [...OPTIONAL_RULE_IDS] }]) {
      const set = buildRuleSet(options);
      const ahead = set.ahead ?? [];
      expect(ahead.length).toBeGreaterThan(5);
      expect(new Set(ahead).size).toBe(ahead.length);
      for (const re of ahead) {
        expect(re.constructor).toBe(RegExp);
        expect(re.source.length).toBeGreaterThanOrEqual(AHEAD_MIN_SOURCE);
      }
      const person = set.rules.find((r) => r.rule.id === 'person-name')!.trigger as SplitTestRegExp;
      const parts = plainRegexesIn(person).filter((re) => re.source.length >= AHEAD_MIN_SOURCE);
      expect(parts.length).toBeGreaterThan(2);
      for (const part of parts) expect(ahead).toContain(part);
      // A gated part's chunks too (asked on a line with a wide character).
      expect(person.parts.some((p) => p instanceof LiteralGatedRegExp)).toBe(true);
      // And the scans' (the words scan, the marks scan's halves).
      for (const scanner of set.scanners) for (const re of [scanner.regex, ...(scanner.split ?? [])]) if (re.constructor === RegExp && re.source.length >= AHEAD_MIN_SOURCE) expect(ahead).toContain(re);
    }
  });

  it('lists only large ones', () => {
    const small = /abc/;
    const large = new RegExp(Array.from({ length: 600 }, (_, i) => `word${i}[ \\t]*=`).join('|'), 'i');
    expect(large.source.length).toBeGreaterThanOrEqual(AHEAD_MIN_SOURCE);
    expect(largeRegexes([small, large, new SplitTestRegExp('x', '', [small, large])])).toEqual([large]);
  });
});

describe('compileAhead', () => {
  it('leaves lastIndex at 0 and the regex’s answers as they were, never throws', () => {
    for (const flags of ['g', 'gy', 'gd', 'i', 'gmu']) {
      const re = new RegExp('(?<![\\w-])pass(?:word)?[ \\t]*=[ \\t]*\\S+', flags);
      re.lastIndex = 7;
      compileAhead(re);
      expect(re.lastIndex).toBe(0);
      expect(re.exec('x password = hunter2')?.[0] ?? null, flags).toBe(flags.includes('y') ? null : 'password = hunter2');
    }
    const broken = /a/g;
    Object.defineProperty(broken, 'lastIndex', { value: 0, writable: false });
    expect(() => compileAhead(broken)).not.toThrow();
  });

  // V8 tiers a regex up to machine code at once when its run is on a subject of 1 000 characters or
  // more (kTierUpForSubjectLengthValue); if a V8 update drops that, compiling ahead costs and saves
  // nothing, and this fails. The tracing flag is the child's, for this check only.
  it('makes V8 compile the regex to machine code at once (no bytecode first)', async () => {
    const script = `
      const { compileAhead } = await import(${JSON.stringify(resolve(ROOT, 'electron/engine/redact/regexp-ahead.ts'))});
      const ahead = new RegExp(Array.from({ length: 300 }, (_, i) => 'ahead' + i + '[ \\\\t]*=').join('|'), 'i');
      console.log('--ahead--');
      compileAhead(ahead);
      console.log('--short--');
      ahead.test('a short line, ahead7 = x');
      console.log('--end--');`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--trace-regexp-tier-up', '--input-type=module', '-e', script], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    const between = (from: string, to: string) => stdout.slice(stdout.indexOf(from), stdout.indexOf(to));
    const ahead = between('--ahead--', '--short--');
    expect(ahead).toMatch(/Forcing tier-up for very long strings/);
    expect(ahead).not.toMatch(/bytecode size/);
    // Later runs on short lines find it compiled: nothing is compiled again.
    expect(between('--short--', '--end--')).not.toMatch(/bytecode size|native code size|tier-up/);
  }, 120_000);
});
