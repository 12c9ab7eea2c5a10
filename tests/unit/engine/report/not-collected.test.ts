/** notCollected (electron/engine/report/not-collected.ts): what the front ends list as not collected. */
import { describe, expect, it } from 'vitest';
import { notCollected } from '../../../../electron/engine/report/not-collected.js';
import type { CollectorRun } from '../../../../shared/types.js';

const run = (id: string, status: CollectorRun['status'], reason?: CollectorRun['reason']): CollectorRun => ({ id, status, durationMs: 0, items: 0, bytes: 0, warnings: [], ...(reason ? { reason } : {}) });

describe('notCollected', () => {
  it('lists the skips worth reading and counts those only for other problem types', () => {
    const r = notCollected([
      run('versions', 'ok'),
      run('system', 'skipped', { code: 'policy-disabled' }),
      run('network-path', 'skipped', { code: 'problem-type', types: ['connection'], actual: 'slow' }),
      run('processes', 'timeout', { code: 'timeout', seconds: 10 }),
      run('wifi', 'skipped', { code: 'problem-type', types: ['connection'], actual: 'none' }),
      run('security-logs', 'skipped', { code: 'security-logs-off' }),
    ]);
    expect(r.listed.map((c) => c.id)).toEqual(['system', 'security-logs']);
    expect(r.otherProblemTypes).toBe(2);
  });

  it('is empty when everything ran', () => {
    expect(notCollected([run('versions', 'ok'), run('system', 'error')])).toEqual({ listed: [], otherProblemTypes: 0 });
  });
});
