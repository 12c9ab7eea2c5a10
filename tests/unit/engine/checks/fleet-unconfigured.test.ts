/**
 * The fleet check without a baseline in policy (the default): skipped as "not configured" without
 * importing the baseline loader (its zod schema costs every collection main-thread time).
 */
import { describe, expect, it, vi } from 'vitest';

const loads = vi.hoisted(() => ({ imported: 0 }));
vi.mock('../../../../electron/engine/baseline/load.js', async (importOriginal) => {
  loads.imported += 1;
  return importOriginal();
});

const { PolicySchema } = await import('../../../../shared/policy.js');
const { fleetCheck } = await import('../../../../electron/engine/checks/fleet.js');
const { runChecks } = await import('../../../../electron/engine/checks/runner.js');

describe('fleet check without a baseline', () => {
  it('is skipped as not configured, and the baseline loader is never imported', async () => {
    const policy = PolicySchema.parse({});
    const [result] = await runChecks({ policy, checks: [fleetCheck] });
    expect(result).toMatchObject({ id: 'fleet', status: 'skipped', detail: [{ code: 'fleet.notConfigured' }] });
    expect(loads.imported).toBe(0);
  });

  it('imports the loader once a baseline is named (a missing file is its problem, not "not configured")', async () => {
    const policy = PolicySchema.parse({ baseline: { file: '/nonexistent/diagcollect-baseline.json' } });
    const [result] = await runChecks({ policy, checks: [fleetCheck] });
    expect(result?.status).toBe('skipped');
    expect(result?.detail).not.toEqual([{ code: 'fleet.notConfigured' }]);
    expect(loads.imported).toBe(1);
  });
});
