/**
 * Is this computer a virtual machine? Answered from the same facts the kernel itself uses (its
 * log says "Hypervisor detected: KVM"): the CPU's `hypervisor` flag in /proc/cpuinfo, the
 * firmware's vendor and product in /sys/class/dmi/id, and `systemd-detect-virt --vm` where it is
 * installed (run through our exec: timeout, kill on cancel). systeminformation's guess alone said
 * "no" on a KVM guest whose kernel log said otherwise.
 */
import { readFile } from 'node:fs/promises';
import type { CollectorContext } from '../types.js';

export interface VirtualizationFacts {
  virtual: boolean;
  /** The hypervisor, when something names it: `kvm`, `VMware`, `QEMU`… */
  host?: string;
  /** What said so, for the reader of 系统信息.txt: `cpu flag hypervisor`, `dmi: QEMU`, `systemd-detect-virt: kvm`. */
  evidence: string[];
}

const DMI_VENDORS: readonly [RegExp, string][] = [
  [/QEMU/i, 'QEMU'],
  [/KVM/i, 'KVM'],
  [/VMware/i, 'VMware'],
  [/VirtualBox|innotek/i, 'VirtualBox'],
  [/Xen/i, 'Xen'],
  [/Microsoft Corporation.*Virtual|Virtual Machine/i, 'Hyper-V'],
  [/Parallels/i, 'Parallels'],
  [/Bochs/i, 'Bochs'],
  [/Amazon EC2/i, 'Amazon EC2'],
  [/Google Compute Engine/i, 'Google Compute Engine'],
];

const read = (path: string) => readFile(path, 'utf8').then((s) => s.trim(), () => '');

/** Linux: the facts above; elsewhere an empty verdict (the platform collectors know better). */
export async function detectVirtualization(ctx: Pick<CollectorContext, 'exec' | 'platform'>, root = ''): Promise<VirtualizationFacts> {
  if (ctx.platform !== 'linux') return { virtual: false, evidence: [] };
  const evidence: string[] = [];
  let host: string | undefined;
  const [cpuinfo, vendor, product] = await Promise.all([read(`${root}/proc/cpuinfo`), read(`${root}/sys/class/dmi/id/sys_vendor`), read(`${root}/sys/class/dmi/id/product_name`)]);
  if (/^flags\s*:.*\bhypervisor\b/m.test(cpuinfo)) evidence.push('cpu flag hypervisor (/proc/cpuinfo)');
  const dmi = `${vendor} ${product}`.trim();
  const named = DMI_VENDORS.find(([re]) => re.test(dmi));
  if (named) {
    host = named[1];
    evidence.push(`dmi: ${dmi} (/sys/class/dmi/id)`);
  }
  try {
    const r = await ctx.exec('systemd-detect-virt', ['--vm'], { timeoutMs: 3_000 });
    const answer = r.stdout.toString('utf8').trim();
    if (r.code === 0 && answer && answer !== 'none') {
      host = answer;
      evidence.push(`systemd-detect-virt --vm: ${answer}`);
    }
  } catch {
    // Not installed (or refused): the other facts stand on their own.
  }
  return { virtual: evidence.length > 0, ...(host ? { host } : {}), evidence };
}
