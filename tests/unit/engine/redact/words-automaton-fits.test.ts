import { describe, expect, it } from 'vitest';
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
