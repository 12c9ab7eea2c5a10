import { describe, expect, it } from 'vitest';
import { COLLECTORS } from '../../../../electron/engine/collectors/index.js';
import { createFakeContext } from './fake-context.js';

// The default collection (no app paths, no screenshot) must stay well under 1.5 s on the 2-core
// machine; measured ~150 ms in parallel. A collector that starts probing dozens of tools fails this.
describe('default collection speed', () => {
  it('versions, system, network, system-logs, software and processes finish in parallel within 1.5 s', async () => {
    const ids = ['versions', 'system', 'network', 'system-logs', 'software', 'processes'];
    const chosen = COLLECTORS.filter((c) => ids.includes(c.id));
    expect(chosen.map((c) => c.id).sort()).toEqual([...ids].sort());
    // warm-up: module loading and first spawns are not what is measured
    await Promise.all(chosen.map((c) => c.run(createFakeContext())));
    const started = performance.now();
    const timings = await Promise.all(
      chosen.map(async (c) => {
        const t = performance.now();
        await c.run(createFakeContext());
        return [c.id, Math.round(performance.now() - t)] as const;
      }),
    );
    const wall = performance.now() - started;
    expect(wall, `per collector: ${JSON.stringify(Object.fromEntries(timings))}`).toBeLessThan(1500);
  });
});
