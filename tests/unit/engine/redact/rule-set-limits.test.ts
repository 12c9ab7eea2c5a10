import { describe, expect, it } from 'vitest';
import { ChunkedTestRegExp, LiteralGatedRegExp, OPTIMISED_SOURCE, SplitTestRegExp } from '../../../../electron/engine/redact/factor.js';
import { buildRuleSet } from '../../../../electron/engine/redact/rule-set.js';
import { OPTIONAL_RULE_IDS } from '../../../../electron/engine/redact/rules.js';
import type { ItemLayout } from '../../../../electron/engine/redact/formats.js';

// The words scan (the wake words of every rule, case-insensitive) runs on an Aho–Corasick automaton in
// WebAssembly (word-scan.ts, leak-scan.wat). Its memory has a cap; a word list whose table is larger
// makes wordScanOf return undefined and the scan falls back to its regex: the same hits, several
// times slower, and nothing says so. Session 22's helpers each cut wake words to stay under the cap
// without a test that told them; this one tells: every layout's rule set, with and without the
// optional rules, keeps its automaton.
const LAYOUTS: readonly (ItemLayout | undefined)[] = [undefined, 'pgpass', 'svn-auth', 'openvpn-auth', 'rsync-secrets', 'exim-passwd', 'davfs2-secrets', 'password-file', 'csv'];

describe('the words scan keeps its automaton', () => {
  for (const layout of LAYOUTS) {
    for (const optional of [false, true]) {
      it(`layout ${layout ?? '(none)'}, optional rules ${optional ? 'on' : 'off'}`, () => {
        const set = buildRuleSet({ ...(layout ? { layout } : {}), ...(optional ? { optionalRules: [...OPTIONAL_RULE_IDS] } : {}) });
        const words = set.scanners.filter((s) => s.regex.flags === 'gi');
        expect(words.length, 'one words scanner (flags gi)').toBe(1);
        expect(words[0]!.overlapping).toBe(true);
        expect(words[0]!.words, 'the words automaton did not fit its WebAssembly memory cap (word-scan.ts wordScanOf returned undefined): raise the cap in leak-scan.wat or drop words').toBeDefined();
      });
    }
  }
});

// V8 does not optimise a regex whose source is longer than 20 KiB (kRegExpTooLargeToOptimize): it is
// then tried at every position with no quick check. Session 22's merge grew person-name's trigger
// parts past it (32 926 and 21 828 characters) and Chinese text was redacted 4× slower (6.3 → 1.6 MB
// per CPU second) with every test green. Every regex the line engine runs stays within the limit:
// the test regexes are chunked (factor.ts chunkedForTest, OPTIMISED_SOURCE); a scan regex (exec from
// a position) is not, so a words or marks scan past the limit fails here first.
const V8_LIMIT = 20 * 1024;

/** Every RegExp the rule set holds that the engine runs, with where it sits (a test wrapper's own source is not run: its parts are). */
function runRegexes(root: unknown): { path: string; re: RegExp }[] {
  const out: { path: string; re: RegExp }[] = [];
  const seen = new Set<unknown>();
  const walk = (x: unknown, path: string): void => {
    if (x === null || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if (x instanceof RegExp && !(x instanceof SplitTestRegExp || x instanceof LiteralGatedRegExp || x instanceof ChunkedTestRegExp)) out.push({ path, re: x });
    if (Array.isArray(x)) x.forEach((y, i) => walk(y, `${path}[${i}]`));
    else if (x instanceof Map) for (const [k, v] of x) walk(v, `${path}{${String(k)}}`);
    else for (const [k, v] of Object.entries(x)) if (!(path.endsWith('.rule') && k === 'trigger')) walk(v, `${path}.${k}`);
  };
  walk(root, 'set');
  return out;
}

describe('no regex the engine runs is past V8\'s optimisation limit', () => {
  it('OPTIMISED_SOURCE leaves a margin under the limit', () => expect(OPTIMISED_SOURCE).toBeLessThan(V8_LIMIT));
  for (const layout of LAYOUTS) {
    for (const optional of [false, true]) {
      it(`layout ${layout ?? '(none)'}, optional rules ${optional ? 'on' : 'off'}`, () => {
        const set = buildRuleSet({ ...(layout ? { layout } : {}), ...(optional ? { optionalRules: [...OPTIONAL_RULE_IDS] } : {}) });
        const found = runRegexes(set);
        expect(found.length).toBeGreaterThan(100);
        // The walk sees the wrappers' parts: person-name's trigger is chunked today.
        expect(found.some((f) => /\.chunks\[1\]$/.test(f.path))).toBe(true);
        const over = found.filter((f) => f.re.source.length > V8_LIMIT).map((f) => `${f.path} (${f.re.source.length} characters)`);
        expect(over, 'a regex past 20 KiB runs unoptimised (chunk it: factor.ts chunkedForTest)').toEqual([]);
      });
    }
  }
});
