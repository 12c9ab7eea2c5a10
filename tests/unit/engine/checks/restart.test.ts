import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPendingRebootCheck } from '../../../../electron/engine/checks/pending-reboot.js';
import { createUptimeCheck, uptimeCheck } from '../../../../electron/engine/checks/uptime.js';
import { createCheckContext, list } from './check-context.js';

describe('uptime', () => {
  it('passes for the real uptime of this machine (a fresh CI machine), warns after the policy\'s days', async () => {
    const real = list(await uptimeCheck.run(createCheckContext()))[0]!;
    expect((real.data as { uptimeSeconds: number }).uptimeSeconds).toBeCloseTo(os.uptime(), -1);
    const long = list(await createUptimeCheck({ uptimeSeconds: () => 45 * 86_400 + 3600 }).run(createCheckContext()))[0]!;
    expect(long.status).toBe('warn');
    expect(long.detail.en).toMatch(/^up 45 days 1 hr \(since .+\), more than 30 days$/);
    expect(long.advice![0]!['zh-CN']).toBe('重启计算机，然后验证问题是否仍然存在（重启验证）');
    const policy = list(await createUptimeCheck({ uptimeSeconds: () => 8 * 86_400 }).run(createCheckContext({ policy: { checks: { uptimeWarnDays: 7 } } })))[0]!;
    expect(policy.status).toBe('warn');
  });
});

describe('pending restart (Debian reboot-required, the running kernel)', () => {
  const setup = (opts: { flag?: string; pkgs?: string; modules?: string[] }) => {
    const dir = mkdtempSync(join(os.tmpdir(), 'reboot-'));
    const flag = join(dir, 'reboot-required');
    if (opts.flag !== undefined) writeFileSync(flag, opts.flag);
    if (opts.pkgs !== undefined) writeFileSync(`${flag}.pkgs`, opts.pkgs);
    const modulesDir = join(dir, 'modules');
    mkdirSync(modulesDir);
    for (const m of opts.modules ?? []) mkdirSync(join(modulesDir, m));
    return createPendingRebootCheck({ rebootRequiredPath: flag, modulesDir, kernelRelease: '6.1.0-25-amd64' });
  };

  it('nothing pending passes and says what was checked', async () => {
    const r = list(await setup({ modules: ['6.1.0-25-amd64'] }).run(createCheckContext()))[0]!;
    expect(r.status).toBe('pass');
    expect(r.detail.en).toMatch(/^no restart pending \(checked .*reboot-required, .*modules\/6\.1\.0-25-amd64\)$/);
  });

  it('reboot-required with its packages warns with the restart advice', async () => {
    const r = list(await setup({ flag: '*** System restart required ***\n', pkgs: 'linux-image-6.1.0-26-amd64\nlibc6\nlibc6\n', modules: ['6.1.0-25-amd64'] }).run(createCheckContext()))[0]!;
    expect(r.status).toBe('warn');
    expect(r.detail.en).toBe('updates are waiting for a restart (linux-image-6.1.0-26-amd64, libc6)');
    expect(r.advice![0]!.en).toMatch(/^Restart the computer/);
  });

  it('a running kernel whose modules were removed warns', async () => {
    const r = list(await setup({ modules: ['6.1.0-26-amd64'] }).run(createCheckContext()))[0]!;
    expect(r.status).toBe('warn');
    expect(r.detail.en).toBe('the running kernel 6.1.0-25-amd64 was updated or removed (installed: 6.1.0-26-amd64)');
  });
});
