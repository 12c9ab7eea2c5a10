import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PolicySchema } from '../../../../shared/policy.js';
import { loadEffectivePolicy } from '../../../../electron/engine/policy/effective.js';
import { recordingLimits } from '../../../../electron/engine/record/limits.js';

const consent = { consent: true, declined: 'the user chose no screenshots (--no-screenshot)' };

/** The effective policy with a real managed policy file and a real --policy file (no registry: Linux). */
async function effective(managed?: unknown, file?: unknown) {
  const root = mkdtempSync(join(os.tmpdir(), 'record-limits-'));
  const managedFile = join(root, 'managed.json');
  const policyFile = join(root, 'policy.json');
  if (managed !== undefined) writeFileSync(managedFile, JSON.stringify(managed));
  if (file !== undefined) writeFileSync(policyFile, JSON.stringify(file));
  return loadEffectivePolicy({ platform: 'linux', env: {}, dataDir: join(root, 'data'), managed: { linuxFile: managedFile }, ...(file !== undefined ? { policyFile } : {}) });
}

describe('recordingLimits (policy record.* with the user’s request)', () => {
  it('defaults: 10 minutes, a picture every 10 s without the hook, pictures with consent', () => {
    expect(recordingLimits(PolicySchema.parse({}), [], consent)).toEqual({ minutes: 10, intervalSeconds: 10, pictures: true });
  });

  it('takes the policy’s limit and interval; --minutes may ask for less, and for more when IT did not set it', async () => {
    const { policy, locked } = await effective(undefined, { record: { maxMinutes: 20, intervalSeconds: 5 } });
    expect(locked).not.toContain('record.maxMinutes');
    expect(recordingLimits(policy, locked, consent)).toMatchObject({ minutes: 20, intervalSeconds: 5 });
    expect(recordingLimits(policy, locked, { ...consent, minutes: '3' }).minutes).toBe(3);
    expect(recordingLimits(policy, locked, { ...consent, minutes: '45' }).minutes).toBe(45);
  });

  it('a managed maximum cannot be exceeded: the error names the limit and the key', async () => {
    const { policy, locked } = await effective({ record: { maxMinutes: 5 } });
    expect(locked).toContain('record.maxMinutes');
    const limits = recordingLimits(policy, locked, consent);
    expect([limits.minutes, limits.managedMaxMinutes]).toEqual([5, 5]);
    expect(recordingLimits(policy, locked, { ...consent, minutes: 2 }).minutes).toBe(2);
    expect(() => recordingLimits(policy, locked, { ...consent, minutes: '6' })).toThrow(/--minutes 6 is longer than the recording time limit your IT department set \(5 min, policy record\.maxMinutes\)/);
  });

  it('refuses what is not a number of minutes or seconds, with the value given', () => {
    const p = PolicySchema.parse({});
    expect(() => recordingLimits(p, [], { ...consent, minutes: 'ten' })).toThrow('--minutes must be a number above 0 and at most 120, not "ten"');
    expect(() => recordingLimits(p, [], { ...consent, minutes: '0' })).toThrow(/--minutes must be/);
    expect(() => recordingLimits(p, [], { ...consent, minutes: '121' })).toThrow(/at most 120/);
    expect(() => recordingLimits(p, [], { ...consent, intervalSeconds: '' })).toThrow(/--interval must be/);
  });

  it('no pictures: policy first (screenshotAllowed, then record.screenshots), then the user’s choice', () => {
    expect(recordingLimits(PolicySchema.parse({ screenshotAllowed: false }), [], consent)).toMatchObject({ pictures: false, noPicturesWhy: 'IT policy does not allow screenshots' });
    expect(recordingLimits(PolicySchema.parse({ record: { screenshots: false } }), [], consent)).toMatchObject({ pictures: false, noPicturesWhy: 'IT policy does not allow pictures while recording (record.screenshots)' });
    expect(recordingLimits(PolicySchema.parse({}), [], { ...consent, consent: false })).toMatchObject({ pictures: false, noPicturesWhy: 'the user chose no screenshots (--no-screenshot)' });
  });

  it('the schema refuses limits outside 1–120 minutes and 2–600 seconds', () => {
    expect(PolicySchema.safeParse({ record: { maxMinutes: 0 } }).success).toBe(false);
    expect(PolicySchema.safeParse({ record: { maxMinutes: 121 } }).success).toBe(false);
    expect(PolicySchema.safeParse({ record: { intervalSeconds: 1 } }).success).toBe(false);
    expect(PolicySchema.safeParse({ record: { pictures: true } }).success).toBe(false);
  });
});
