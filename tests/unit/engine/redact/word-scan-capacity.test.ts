/**
 * The words scan of every rule set is an automaton (word-scan.ts), not the regex it falls back to.
 *
 * The automaton's table lives in WebAssembly memory with a cap (leak-scan.ts scanLoop); a rule set whose
 * wake words need more cells than that silently falls back to one big regex — the same wakes, so no other
 * test notices, but the ASCII row of the redaction bench halves (name21, session 20: 0.4× while its new
 * words overflowed the table). New wake words must leave the table under its cap, for every layout.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../../electron/engine/redact/rules.js';
import { buildRuleSet } from '../../../../electron/engine/redact/rule-set.js';
import type { ItemLayout } from '../../../../electron/engine/redact/formats.js';

const LAYOUTS: readonly ItemLayout[] = ['pgpass', 'svn-auth', 'openvpn-auth', 'rsync-secrets', 'exim-passwd', 'davfs2-secrets', 'password-file', 'csv'];
const OPTIONAL = RULES.filter((r) => r.optional).map((r) => r.id);

describe('the words scan', () => {
  it.each([undefined, ...LAYOUTS])('is an automaton for the built-in rules with every optional rule on (layout %s)', (layout) => {
    const rules = buildRuleSet({ optionalRules: OPTIONAL, layout });
    const words = rules.scanners.filter((s) => s.words !== undefined);
    expect(words, 'the words scan fell back to its regex: too many wake words for the automaton\'s table').toHaveLength(1);
  });
});
