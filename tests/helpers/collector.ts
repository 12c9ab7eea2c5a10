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

/**
 * Session options that read each named file only once the one before it is archived. The archive
 * writer streams up to eight entries at once, so on a busy machine a later file can be redacted
 * (and a value it names learned) before an earlier one: tests of what happens to the earlier file
 * (the mend step) need the order fixed.
 */
export function archiveInOrder(names: readonly string[]): {
  onProgress: (event: { type: string; name?: string }) => void;
  holdRead: (item: { name: string }) => Promise<void> | undefined;
} {
  const archived = new Map<string, () => void>();
  const wasArchived = new Map(names.map((name) => [name, new Promise<void>((resolve) => archived.set(name, resolve))]));
  return {
    onProgress: (event) => {
      if (event.type === 'item' && event.name !== undefined) archived.get(event.name)?.();
    },
    holdRead: ({ name }) => {
      const before = names[names.indexOf(name) - 1];
      return names.indexOf(name) > 0 && before !== undefined ? wasArchived.get(before) : undefined;
    },
  };
}
