/**
 * The one disk figure (shared/figures.ts) on real `df` output (tests/fixtures/df): df's own Use%,
 * and the space that is neither used nor available, said only when used + available falls well
 * short of the size (an overlay or VM disk, an APFS container), not for ext4's stock reserve.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDf } from '../../../electron/engine/collectors/system.js';
import { DISK_OTHER_MIN_SHARE, diskOtherBytes, diskUsedPercent } from '../../../shared/figures.js';

const fixture = (name: string, withType = false) => parseDf(readFileSync(new URL(`../../fixtures/df/${name}`, import.meta.url), 'utf8'), withType);
const KB = 1024;

describe('diskUsedPercent: df\'s Use%', () => {
  it('is the Capacity column df printed, for every real row with one', () => {
    const rows = [...fixture('linux-vm.df-kP.txt'), ...fixture('linux-vm.df-kPT.txt', true), ...fixture('rhel6-lvm.df-alP.txt'), ...fixture('darwin-apfs.df-kP.txt')];
    const withPercent = rows.filter((r) => r.usePercent !== null);
    expect(withPercent.length).toBeGreaterThan(10);
    for (const r of withPercent) expect(diskUsedPercent(r), r.mount).toBe(r.usePercent);
  });
});

describe('diskOtherBytes: what is neither used nor available', () => {
  it('this machine\'s root (df -kP and df -kPT): 151 GB of 252 GB, said', () => {
    for (const rows of [fixture('linux-vm.df-kP.txt'), fixture('linux-vm.df-kPT.txt', true)]) {
      const root = rows.find((r) => r.mount === '/')!;
      expect(diskOtherBytes(root)).toBe(root.sizeBytes - root.usedBytes - root.availableBytes);
      expect(diskOtherBytes(root)! / KB).toBeGreaterThan(157_000_000);
      // Its tmpfs and devtmpfs add up: nothing to say.
      for (const r of rows.filter((x) => x.mount !== '/')) expect(diskOtherBytes(r), r.mount).toBeUndefined();
    }
  });

  it('an APFS system volume: the container\'s other volumes, said', () => {
    const [root] = fixture('darwin-apfs.df-kP.txt');
    expect(diskOtherBytes(root!)).toBe((482797652 - 10260216 - 283432536) * KB);
  });

  it('ext4\'s stock 5 % reserve for root (5.1 % of df\'s size on RHEL 6) and pseudo file systems of size 0: nothing said', () => {
    const rows = fixture('rhel6-lvm.df-alP.txt');
    const root = rows.find((r) => r.mount === '/')!;
    expect((root.sizeBytes - root.usedBytes - root.availableBytes) / root.sizeBytes).toBeGreaterThan(0.05);
    for (const r of rows) expect(diskOtherBytes(r), r.mount).toBeUndefined();
  });

  it('says only a gap above its share of the size, never a negative one (used + available above the size)', () => {
    const size = 1000 * KB;
    const at = (other: number) => diskOtherBytes({ sizeBytes: size, usedBytes: 300 * KB, availableBytes: size - 300 * KB - other });
    expect(at(size * DISK_OTHER_MIN_SHARE)).toBeUndefined();
    expect(at(size * DISK_OTHER_MIN_SHARE + KB)).toBe(size * DISK_OTHER_MIN_SHARE + KB);
    expect(at(-200 * KB)).toBeUndefined();
    expect(diskOtherBytes({ sizeBytes: 0, usedBytes: 0, availableBytes: 0 })).toBeUndefined();
  });
});
