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

  it('shares a built rule set between Redactors of the same options, never their placeholders or learned names', () => {
    const options = { knownValues: [{ value: 'carol.k', kind: 'USER' as const }], optionalRules: ['mac-address'] };
    const first = new Redactor(options);
    first.redactText('warm-up line');
    builds.count = 0;
    const a = new Redactor({ ...options });
    const b = new Redactor(options);
    const line = 'login by carol.k from 10.1.2.3, user=dave.m password=hunter22 at 00:1a:2b:3c:4d:5e\n';
    const outA = a.redactText(line).text;
    expect(b.redactText('user=erin.j\n').text).toBe('user=<USER-1>\n');
    expect(b.redactText(line).text).not.toBe(outA);
    expect(new Redactor(options).redactText(line).text).toBe(outA);
    expect(outA).not.toMatch(/carol\.k|dave\.m|hunter22|00:1a:2b/);
    // A learned name stays with its Redactor: a fresh one does not take `dave.m` alone on a line.
    expect(a.redactText('dave.m\n').text).not.toContain('dave.m');
    expect(new Redactor(options).redactText('dave.m\n').text).toBe('dave.m\n');
    expect(builds.count).toBe(0);
    // Other options (another machine's known value, another optional rule) get a rule set of their own.
    expect(new Redactor({ knownValues: [{ value: 'frank.z', kind: 'USER' }] }).redactText('seen frank.z and carol.k\n').text).toMatch(/^seen <USER-1> and carol\.k\n$/);
    expect(builds.count).toBe(1);
    new Redactor({ optionalRules: ['ipv4-public'] });
    expect(builds.count).toBe(2);
  });

  it('still refuses a bad option at construction: unknown optional rule, bad IT pattern, bad allow pattern', () => {
    expect(() => new Redactor({ optionalRules: ['no-such-rule'] })).toThrow(InputError);
    expect(() => new Redactor({ extraRules: [{ id: 'emp', pattern: '(' }] })).toThrow(InputError);
    expect(() => new Redactor({ allow: ['['] })).toThrow(InputError);
  });
});
