/**
 * The Redactor builds its rule set when first needed (redactor.ts), so a collection's first
 * commands run while it is built; options that can be refused are still checked at construction.
 */
import { describe, expect, it, vi } from 'vitest';

const builds = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../../electron/engine/redact/rule-set.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../electron/engine/redact/rule-set.js')>();
  return {
    ...real,
    buildRuleSet: (...args: Parameters<typeof real.buildRuleSet>) => {
      builds.count += 1;
      return real.buildRuleSet(...args);
    },
  };
});

const { Redactor } = await import('../../../../electron/engine/redact/redactor.js');
const { InputError } = await import('../../../../electron/engine/errors.js');

describe('Redactor: the rule set is built when first needed', () => {
  it('builds nothing at construction without refusable options, then once for every item after', () => {
    builds.count = 0;
    const r = new Redactor({ knownValues: [{ value: 'alice.w', kind: 'USER' }] });
    expect(builds.count).toBe(0);
    expect(r.redactText('login by alice.w from 10.1.2.3, password=hunter22').text).not.toMatch(/alice\.w|hunter22/);
    expect(builds.count).toBe(1);
    r.redactText('a second item, password=s3cret-value');
    expect(r.activeRules().length).toBeGreaterThan(0);
    expect(builds.count).toBe(1);
  });

  it('redacts the same as a Redactor whose rule set was built at once', () => {
    const text = 'user=bob.smith token=ghp_0123456789abcdefghijABCDEFGHIJ012345 mail bob@example.org\n';
    const eager = new Redactor({ optionalRules: ['mac-address'] });
    const lazy = new Redactor();
    expect(lazy.redactText(text).text).toBe(new Redactor().redactText(text).text);
    expect(lazy.redactText(text).text).toBe(eager.redactText(text).text);
  });

  it('still refuses a bad option at construction: unknown optional rule, bad IT pattern, bad allow pattern', () => {
    expect(() => new Redactor({ optionalRules: ['no-such-rule'] })).toThrow(InputError);
    expect(() => new Redactor({ extraRules: [{ id: 'emp', pattern: '(' }] })).toThrow(InputError);
    expect(() => new Redactor({ allow: ['['] })).toThrow(InputError);
  });
});
