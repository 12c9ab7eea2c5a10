/**
 * A pattern's required literal (required-literal.ts) lets the engine skip the pattern's regex on a
 * line without it, so it must be in every line the pattern matches: read conservatively from the
 * source, and held to that on every line of every fixture and of the bench's log text, for every
 * pattern of every rule set (each layout, optional rules on).
 */
import { describe, expect, it } from 'vitest';
import { requiredLiteral } from '../../../../electron/engine/redact/required-literal.js';
import { buildRuleSet } from '../../../../electron/engine/redact/rule-set.js';
import type { ItemLayout } from '../../../../electron/engine/redact/formats.js';
import { generateLogText } from '../../../bench/redact.bench.js';
import { CORPUS_DIR } from './corpus-quality.js';
import { fixtureLines } from './helpers.js';

describe('required literal of a pattern', () => {
  it('reads mandatory runs of plain characters, into groups that must match, never into optional parts or look-arounds', () => {
    expect(requiredLiteral(String.raw`<(?:[\w-]+:)?(?<key>pass)>`, 'g')).toBe('pass');
    expect(requiredLiteral(String.raw`(?<![\w-])uid=(?<user>[A-Za-z]+),(?:ou|dc)=`, 'gi')).toBe('uid=');
    expect(requiredLiteral('ab?c', 'g')).toBe('a');
    expect(requiredLiteral('a+bc', 'g')).toBe('bc');
    expect(requiredLiteral('(?:xyz)?ab', 'g')).toBe('ab');
    expect(requiredLiteral('(?=secret)ab', 'g')).toBe('ab');
    expect(requiredLiteral('(?:foo|bar)x', 'g')).toBe('x');
    expect(requiredLiteral('foo|bar', 'g')).toBeUndefined();
    // Escaped punctuation is literal; \d, \b, \k<q>, \p{L} are not.
    expect(requiredLiteral(String.raw`\(0x\d+`, 'g')).toBe('(0x');
    expect(requiredLiteral(String.raw`(?<q>["'])\k<q>ab`, 'g')).toBe('ab');
    expect(requiredLiteral(String.raw`\p{Lu}x`, 'gu')).toBe('x');
    // Case-insensitive: lower case, ASCII only; with `u` too, nothing holding s or k (ſ, the Kelvin sign).
    expect(requiredLiteral('Token=', 'gi')).toBe('token=');
    expect(requiredLiteral('密码是', 'gi')).toBeUndefined();
    expect(requiredLiteral('ask=', 'giu')).toBeUndefined();
    expect(requiredLiteral('ask=', 'gu')).toBe('ask=');
  });

  it('is in every line its pattern matches (every fixture line and bench line, every rule set)', () => {
    const lines = [...fixtureLines(CORPUS_DIR), ...Buffer.concat(generateLogText(1)).toString('utf8').split('\n')];
    const layouts: (ItemLayout | undefined)[] = [undefined, 'pgpass', 'svn-auth', 'openvpn-auth', 'rsync-secrets', 'exim-passwd', 'csv'];
    let checked = 0;
    for (const layout of layouts) {
      const { rules } = buildRuleSet({ layout, optionalRules: ['ipv4-public', 'ipv6-public', 'mac-address', 'hostname'] });
      for (const cr of rules) {
        for (const p of cr.patterns) {
          if (p.literal === undefined) continue;
          for (const line of lines) {
            p.regex.lastIndex = 0;
            if (!p.regex.test(line)) continue;
            checked += 1;
            const hay = p.folded ? line.toLowerCase() : line;
            if (!hay.includes(p.literal)) expect.fail(`${cr.rule.id} /${p.regex.source}/ matched a line without "${p.literal}": ${line.slice(0, 200)}`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
