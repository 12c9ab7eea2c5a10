/**
 * A collector for tests: the fields every engine test repeats (any platform, not sensitive, a
 * generous timeout), with the id and what it does given.
 */
import type { Collector, CollectorContext } from '../../electron/engine/collectors/types.js';

export function testCollector(id: string, run: (ctx: CollectorContext) => Promise<void> | void, timeoutMs = 10_000): Collector {
  return {
    id,
    category: 'system',
    title: { 'zh-CN': '测试', en: 'Test' },
    platforms: ['linux', 'win32', 'darwin'],
    timeoutMs,
    sensitive: false,
    describe: () => ['test'],
    run: async (ctx) => {
      await run(ctx);
    },
  };
}
