import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectVirtualization } from '../../../../../electron/engine/collectors/support/virtualization.js';
import { exec } from '../../../../../electron/engine/platform/exec.js';

function fakeRoot(files: Record<string, string>): string {
  const root = mkdtempSync(join(os.tmpdir(), 'virt-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const noSystemd = { platform: 'linux' as const, exec: () => Promise.reject(new Error('systemd-detect-virt: command not found')) };

describe('detectVirtualization', () => {
  it('says yes on a KVM guest from the cpu flag and the firmware, the facts behind "Hypervisor detected"', async () => {
    const root = fakeRoot({ 'proc/cpuinfo': 'processor\t: 0\nflags\t\t: fpu vme de pse hypervisor lahf_lm\n', 'sys/class/dmi/id/sys_vendor': 'QEMU\n', 'sys/class/dmi/id/product_name': 'Standard PC (Q35 + ICH9, 2009)\n' });
    const v = await detectVirtualization(noSystemd, root);
    expect(v).toMatchObject({ virtual: true, host: 'QEMU' });
    expect(v.evidence).toEqual(['cpu flag hypervisor (/proc/cpuinfo)', 'dmi: QEMU Standard PC (Q35 + ICH9, 2009) (/sys/class/dmi/id)']);
  });

  it('says no on bare metal', async () => {
    const root = fakeRoot({ 'proc/cpuinfo': 'processor\t: 0\nflags\t\t: fpu vme de pse lahf_lm\n', 'sys/class/dmi/id/sys_vendor': 'Dell Inc.\n', 'sys/class/dmi/id/product_name': 'OptiPlex 7090\n' });
    expect(await detectVirtualization(noSystemd, root)).toEqual({ virtual: false, evidence: [] });
  });

  it('agrees with this machine: the cpu hypervisor flag and systemd-detect-virt --vm, run through our exec', async () => {
    const flagged = /^flags\s*:.*\bhypervisor\b/m.test(await import('node:fs/promises').then((fs) => fs.readFile('/proc/cpuinfo', 'utf8')));
    const v = await detectVirtualization({ platform: 'linux', exec: (c, a, o) => exec(c, a, o) });
    if (flagged) expect(v.virtual).toBe(true);
    expect(v.virtual).toBe(v.evidence.length > 0);
  });
});
