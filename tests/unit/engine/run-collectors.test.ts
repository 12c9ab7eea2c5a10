import { describe, expect, it } from 'vitest';
import type { ItemSink } from '../../../electron/engine/collectors/context.js';
import type { Collector, CollectorContext } from '../../../electron/engine/collectors/types.js';
import { runCollectors } from '../../../electron/engine/run-collectors.js';
import { DEFAULT_POLICY } from '../../../shared/policy.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function collector(id: string, run: (ctx: CollectorContext) => Promise<void>): Collector {
  return { id, category: 'app-logs', title: { 'zh-CN': id, en: id }, platforms: ['linux', 'win32', 'darwin'], timeoutMs: 400, sensitive: false, describe: () => [], run };
}

function run(collectors: Collector[]) {
  const sink: ItemSink = { claimName: (n) => n, push: () => {}, skip: () => {} };
  return runCollectors({
    collectors,
    policy: DEFAULT_POLICY,
    platform: 'linux',
    since: new Date(0),
    lang: 'en',
    sink,
    skipped: [],
    cancel: new AbortController().signal,
    deadline: new AbortController().signal,
  });
}

describe('runCollectors: the timeout is time without progress', () => {
  it('lets a collector that keeps queuing items run past its timeout, and stops one that goes quiet', async () => {
    const busy = collector('busy', async (ctx) => {
      // Four timeouts' worth of work, an item (or a skip) every 40 ms.
      for (let i = 0; i < 40; i += 1) {
        if (i % 2) ctx.addText(`f-${i}.txt`, 'x', 'test');
        else ctx.skip(`g-${i}`, 'test skip');
        await sleep(40);
      }
    });
    const quiet = collector('quiet', async (ctx) => {
      ctx.addText('one.txt', 'x', 'test');
      await new Promise(() => {}); // hangs after its first item
    });
    const runs = await run([busy, quiet]);
    const byId = Object.fromEntries(runs.map((r) => [r.id, r]));
    expect(byId.busy).toMatchObject({ status: 'ok', items: 20 });
    expect(byId.quiet).toMatchObject({ status: 'timeout', items: 1 });
  }, 30_000);
});
