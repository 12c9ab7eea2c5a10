import { describe, expect, it } from 'vitest';
import { darwinSystemPlan, formatDarwinSystem, formatProcessors, parseSwVers, parseSystemProfiler } from '../../../../electron/engine/collectors/system.darwin.js';
import { macText } from '../../../helpers/platform-fixtures.js';

describe('system_profiler -json (contract: Apple\'s JSON keys) and sw_vers', () => {
  it('release and security state, Mac model and chip, volumes as file-system rows, network services', () => {
    const mac = parseSystemProfiler(macText('system_profiler.json'));
    expect(mac.software).toEqual({ osVersion: 'macOS 14.2.1 (23C71)', kernel: 'Darwin 23.2.0', bootVolume: 'Macintosh HD', bootMode: 'normal_boot', systemIntegrity: 'integrity_enabled', secureVm: 'secure_vm_enabled', uptime: '3 days, 4 hours, 12 minutes', hostName: 'Ann-MacBook-Pro' });
    expect(mac.hardware).toMatchObject({ machineName: 'MacBook Pro', machineModel: 'Mac14,9', chip: 'Apple M2 Pro', processors: 'proc 10:6:4', memory: '16 GB', serialNumber: 'KX7J2QF1VM' });
    expect(mac.volumes.find((v) => v.mount === '/')).toEqual({
      name: 'Macintosh HD',
      filesystem: '/dev/disk3s1s1',
      type: 'apfs',
      sizeBytes: 494384795648,
      usedBytes: 494384795648 - 231422189568,
      availableBytes: 231422189568,
      usePercent: 53,
      mount: '/',
      medium: 'ssd',
      smart: 'Verified',
      internal: true,
    });
    expect(mac.volumes.find((v) => v.mount === '/Volumes/Untitled')).toMatchObject({ type: 'exfat', internal: false, smart: undefined });
    expect(mac.network.map((s) => s.interface)).toEqual(['en0', 'en7', 'bridge0']);
    expect(parseSwVers(macText('sw_vers.txt'))).toEqual({ productName: 'macOS', productVersion: '14.2.1', buildVersion: '23C71' });
  });

  it('cores as Apple counts them, and the text section', () => {
    expect(formatProcessors('proc 10:6:4')).toBe('10 (6 performance, 4 efficiency)');
    expect(formatProcessors('proc 12:0:8:4')).toBe('12 (8 performance, 4 efficiency)');
    expect(formatProcessors('2')).toBe('2');
    const text = formatDarwinSystem({ mac: parseSystemProfiler(macText('system_profiler.json')), swVers: parseSwVers(macText('sw_vers.txt')) }, (_zh, en) => en);
    expect(text).toMatch(/^macOS:\s+macOS 14\.2\.1 \(23C71\)$/m);
    expect(text).toMatch(/^Model:\s+MacBook Pro \(Mac14,9\) MPHE3CH\/A$/m);
    expect(text).toMatch(/^\/\s+Macintosh HD\s+apfs\s+460 GiB\s+216 GiB\s+ssd\s+Verified$/m);
  });

  it('plan: exact commands', () => {
    expect(darwinSystemPlan().map((c) => [c.command, ...c.args])).toEqual([
      ['system_profiler', '-json', 'SPSoftwareDataType', 'SPHardwareDataType', 'SPNetworkDataType', 'SPStorageDataType'],
      ['sw_vers'],
    ]);
  });
});
