import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBrowsersCheck, LINUX_BROWSER_COMMANDS } from '../../../../electron/engine/checks/browsers.js';
import { createDiskSpaceCheck } from '../../../../electron/engine/checks/disk-space.js';
import { parseDf } from '../../../../electron/engine/collectors/system.js';
import { diskOtherBytes, diskUsedPercent } from '../../../../shared/figures.js';
import { createMemoryCheck, parseMeminfo, parsePressure } from '../../../../electron/engine/checks/memory.js';
import { createOsVersionCheck } from '../../../../electron/engine/checks/os-version.js';
import { installStandIns, type StandIns } from '../collectors/stand-ins.js';
import { createCheckContext, list } from './check-context.js';

const tmp = () => mkdtempSync(join(os.tmpdir(), 'checks-env-'));
const one = async (p: ReturnType<ReturnType<typeof createOsVersionCheck>['run']>) => list(await p)[0]!;

describe('operating system version', () => {
  const osRelease = (text: string) => {
    const file = join(tmp(), 'os-release');
    writeFileSync(file, text);
    return createOsVersionCheck({ osReleasePaths: [file] });
  };
  const debian12 = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n';

  it('lists the OS and is skipped without a supported list', async () => {
    const r = await one(osRelease(debian12).run(createCheckContext()));
    expect(r).toMatchObject({ status: 'skipped', detail: { en: 'Debian GNU/Linux 12 (bookworm); policy has no supported-OS list (checks.supportedOs)' } });
  });

  it('supported and new enough passes; too old fails; not listed warns', async () => {
    const check = osRelease(debian12);
    expect((await one(check.run(createCheckContext({ policy: { checks: { supportedOs: [{ id: 'debian', minVersion: '11' }, { id: 'ubuntu', minVersion: '22.04' }] } } })))).status).toBe('pass');
    const old = await one(check.run(createCheckContext({ policy: { checks: { supportedOs: [{ id: 'debian', minVersion: '13' }] } } })));
    expect(old).toMatchObject({ status: 'fail', detail: { en: 'Debian GNU/Linux 12 (bookworm) is older than the minimum supported version 13' } });
    expect(old.advice![0]!.en).toMatch(/^Upgrade the operating system/);
    const other = await one(check.run(createCheckContext({ policy: { checks: { supportedOs: [{ id: 'uos' }, { id: 'kylin', minVersion: '10' }] } } })));
    expect(other).toMatchObject({ status: 'warn' });
    expect(other.detail.en).toContain('is not on the supported list (uos, kylin ≥ 10)');
  });

  it('reads the real /etc/os-release of this machine', async () => {
    const r = await one(createOsVersionCheck().run(createCheckContext()));
    expect((r.data as { os: { id: string } }).os.id).toMatch(/^[a-z0-9._-]+$/);
  });
});

describe('browsers', () => {
  let standIns: StandIns | undefined;
  afterEach(() => standIns?.restore());

  it('finds the real Chromium of this machine by --version', async () => {
    const r = await one(createBrowsersCheck().run(createCheckContext()));
    expect(r.status).toBe('pass');
    expect(r.detail.en).toMatch(/^installed: Chromium \d+\.\d+\.\d+\.\d+ \(policy sets no minimum versions\)$/);
  });

  it('compares with the minimums from policy: too old fails with update advice; none of the supported installed fails', async () => {
    standIns = installStandIns({ 'old-chromium': 'echo "Chromium 90.0.4430.212 built on Debian"', 'new-firefox': 'echo "Mozilla Firefox 128.3.1esr"' });
    const commands = { ...LINUX_BROWSER_COMMANDS, chromium: ['old-chromium'], firefox: ['new-firefox'] };
    const check = createBrowsersCheck({ linuxCommands: commands });
    const both = await one(check.run(createCheckContext({ policy: { checks: { browsers: [{ name: 'chromium', minVersion: '120' }, { name: 'firefox', minVersion: '115' }] } } })));
    expect(both.status).toBe('warn');
    expect(both.detail.en).toBe('Chromium 90.0.4430.212 is older than the minimum 120; Firefox 128.3.1 (≥ 115)');
    const old = await one(check.run(createCheckContext({ policy: { checks: { browsers: [{ name: 'chromium', minVersion: '120' }] } } })));
    expect(old.status).toBe('fail');
    expect(old.advice![0]!.en).toBe('Update the browser to a supported version');
    const none = await one(check.run(createCheckContext({ policy: { checks: { browsers: [{ name: 'microsoft-edge', minVersion: '120' }] } } })));
    expect(none.status).toBe('fail');
    expect(none.detail.en).toMatch(/^none of the supported browsers is installed \(Microsoft Edge ≥ 120\); installed: Chromium 90/);
  });
});

describe('disk space (statfs)', () => {
  it('reports the real file systems once each; thresholds from policy decide warn and fail', async () => {
    const ok = await one(createDiskSpaceCheck().run(createCheckContext({ policy: { checks: { disk: { warnPercent: 0, failPercent: 0, failBytes: 0 } } } })));
    expect(ok.status).toBe('pass');
    expect(ok.detail.en).toMatch(/^\/ \(system\): [\d.]+ [KMGT]B free of [\d.]+ [KMGT]B \([\d.]+ %\)/);
    const vols = (ok.data as { volumes: Array<{ path: string; freePercent: number }> }).volumes;
    expect(new Set(vols.map((v) => v.path)).size).toBe(vols.length);
    const free = vols[0]!.freePercent;
    const warn = await one(createDiskSpaceCheck({ paths: [{ path: '/', role: 'system' }] }).run(createCheckContext({ policy: { checks: { disk: { warnPercent: Math.min(100, free + 1), failPercent: 0, failBytes: 0 } } } })));
    expect(warn.status).toBe('warn');
    expect(warn.advice!.map((a) => a.en)).toEqual([expect.stringMatching(/^Free disk space/), 'Clear caches and temporary files']);
    const fail = await one(createDiskSpaceCheck({ paths: [{ path: '/', role: 'system' }] }).run(createCheckContext({ policy: { checks: { disk: { failBytes: Number.MAX_SAFE_INTEGER } } } })));
    expect(fail.status).toBe('fail');
  });

  it('says the one disk figure: the share free is 100 − df\'s Use% for the same disk (as the summary page and 系统信息.txt)', async () => {
    const check = await one(createDiskSpaceCheck({ paths: [{ path: '/', role: 'system' }] }).run(createCheckContext({ policy: { checks: { disk: { warnPercent: 0, failPercent: 0, failBytes: 0 } } } })));
    const [row] = parseDf(execFileSync('df', ['-P', '-k', '/'], { encoding: 'utf8' }), false);
    const { freePercent } = (check.data as { volumes: Array<{ freePercent: number }> }).volumes[0]!;
    // Sampled a moment apart: the disk may change by a block in between, never by a point more.
    expect(Math.abs(freePercent - (100 - diskUsedPercent(row!)))).toBeLessThanOrEqual(1);
    expect(Number.isInteger(freePercent)).toBe(true);
  });

  it('says what is neither used nor free when df\'s figures would not add up without it (the one figure, shared/figures.ts)', async () => {
    const check = await one(createDiskSpaceCheck({ paths: [{ path: '/', role: 'system' }] }).run(createCheckContext({ policy: { checks: { disk: { warnPercent: 0, failPercent: 0, failBytes: 0 } } } })));
    const [row] = parseDf(execFileSync('df', ['-P', '-k', '/'], { encoding: 'utf8' }), false);
    const { otherBytes, totalBytes } = (check.data as { volumes: Array<{ otherBytes?: number; totalBytes: number }> }).volumes[0]!;
    const other = diskOtherBytes(row!);
    // On this machine (tests/fixtures/df/linux-vm.df-kP.txt) 151 GB of 252 GB; elsewhere maybe none.
    expect(otherBytes === undefined, `df: ${JSON.stringify(row)}`).toBe(other === undefined);
    if (other === undefined) {
      expect(check.detail.en).not.toMatch(/reserved by the system/);
      return;
    }
    expect(Math.abs(otherBytes! - other)).toBeLessThan(totalBytes / 100);
    // Right after its volume, in the check's words: "… free of 252 GB (70 %); 151 GB more is reserved …".
    expect(check.detail.en).toMatch(/^\/ \(system\): [\d.]+ [KMGT]B free of [\d.]+ [KMGT]B \([\d.]+ %\); [\d.]+ [KMGT]B more is reserved by the system or in other use/);
  });

  it('refuses a policy whose fail threshold is above the warn threshold', async () => {
    expect(() => createCheckContext({ policy: { checks: { disk: { warnPercent: 5, failPercent: 10 } } } })).toThrow(/failPercent must not be above/);
  });
});

describe('memory', () => {
  const meminfo = (availableKb: number, swapFreeKb = 0) => `MemTotal:       16000000 kB\nMemFree:          100000 kB\nMemAvailable:   ${availableKb} kB\nSwapTotal:       4000000 kB\nSwapFree:        ${swapFreeKb} kB\n`;
  const check = (text: string, pressure = '') => {
    const dir = tmp();
    writeFileSync(join(dir, 'meminfo'), text);
    writeFileSync(join(dir, 'pressure'), pressure);
    return createMemoryCheck({ meminfoPath: join(dir, 'meminfo'), pressurePath: join(dir, 'pressure') });
  };

  it('parses /proc/meminfo and the pressure-stall line', () => {
    expect(parseMeminfo(meminfo(8_000_000, 1_000_000))).toEqual({ totalBytes: 16_000_000 * 1024, availableBytes: 8_000_000 * 1024, swapTotalBytes: 4_000_000 * 1024, swapUsedBytes: 3_000_000 * 1024 });
    expect(parsePressure('some avg10=1.00 avg60=2.00 avg300=0.50 total=1\nfull avg10=0.50 avg60=12.34 avg300=0.10 total=1\n')).toBe(12.34);
  });

  it('plenty passes; under 15 % warns; under 5 % fails with the "close background programs" advice; stalls warn', async () => {
    expect((await one(check(meminfo(8_000_000, 4_000_000)).run(createCheckContext()))).status).toBe('pass');
    const low = await one(check(meminfo(1_600_000, 4_000_000)).run(createCheckContext()));
    expect(low.status).toBe('warn');
    expect(low.detail.en).toBe('1.5 GB available of 15 GB (10 %), swap 0 B used of 3.8 GB; warn under 15 %, fail under 5 %');
    const out = await one(check(meminfo(400_000, 0)).run(createCheckContext()));
    expect(out.status).toBe('fail');
    expect(out.advice![0]!['zh-CN']).toBe('关闭不需要的后台程序');
    const stalled = await one(check(meminfo(8_000_000, 4_000_000), 'some avg10=0 avg60=30 avg300=0 total=1\nfull avg10=0 avg60=15.00 avg300=0 total=1\n').run(createCheckContext()));
    expect(stalled.status).toBe('warn');
    expect(stalled.detail.en).toContain('all tasks waited for memory 15 % of the last minute');
  });

  it('reads this machine\'s real memory', async () => {
    const r = await one(createMemoryCheck().run(createCheckContext()));
    expect((r.data as { totalBytes: number }).totalBytes).toBe(os.totalmem());
  });
});
