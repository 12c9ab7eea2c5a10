/**
 * DEFAULT_POLICY is written out (so `list` and `check` start without zod); the schema's
 * defaults stay the one truth. A default added to or changed in the schema alone fails here.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/default-policy.js';
import { DEFAULT_POLICY as REEXPORTED, PolicySchema } from '../../../shared/policy.js';

describe('DEFAULT_POLICY', () => {
  it('is exactly what the schema makes of an empty policy', () => {
    expect(DEFAULT_POLICY).toStrictEqual(PolicySchema.parse({}));
  });

  it('passes the schema unchanged (no key the schema would drop or refuse)', () => {
    expect(PolicySchema.parse(DEFAULT_POLICY)).toStrictEqual(DEFAULT_POLICY);
  });

  it('is the one shared/policy.ts exports', () => {
    expect(REEXPORTED).toBe(DEFAULT_POLICY);
  });
});
