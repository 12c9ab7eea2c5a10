import { describe, expect, it } from 'vitest';
import { YoungGarbage } from '../../../../electron/engine/platform/young-garbage.js';

describe('YoungGarbage', () => {
  it('collects once per `every` bytes', () => {
    const g = new YoungGarbage(1000);
    expect(g.passed(600)).toBe(false);
    expect(g.passed(600)).toBe(true);
    expect(g.passed(999)).toBe(false);
    expect(g.passed(1)).toBe(true);
  });

  it('frees dead buffers as they pass, so external memory does not pile up', () => {
    const g = new YoungGarbage(4 * 1024 * 1024);
    let last: Buffer | undefined;
    let peak = 0;
    // 256 MB through fresh 64 KiB buffers, each dead once the next is made (as inflate output is).
    for (let i = 0; i < 4096; i += 1) {
      last = Buffer.allocUnsafe(64 * 1024);
      last[0] = i & 0xff;
      g.passed(last.length);
      peak = Math.max(peak, process.memoryUsage().arrayBuffers);
    }
    expect(last?.length).toBe(64 * 1024);
    // Without the collections this reaches tens of MB before V8 looks at external memory.
    expect(peak).toBeLessThan(24 * 1024 * 1024);
  });
});
