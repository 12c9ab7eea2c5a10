import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productVersionCheck } from '../../../../electron/engine/checks/product-version.js';
import { compareVersions, extractVersion, parseVersion } from '../../../../electron/engine/checks/support/version.js';
import { installStandIns, type StandIns } from '../collectors/stand-ins.js';
import { startHangingServer, startHttpServer, type Running } from '../../../helpers/check-servers.js';
import { createCheckContext, list } from './check-context.js';

describe('version numbers', () => {
  it('parses v prefixes, four parts, pre-releases and Debian epochs/revisions', () => {
    expect(parseVersion('v2.3.1')).toEqual({ parts: [2, 3, 1], text: '2.3.1' });
    expect(parseVersion('1.2.3.4')?.parts).toEqual([1, 2, 3, 4]);
    expect(parseVersion('2.0.0-rc1')).toEqual({ parts: [2, 0, 0], pre: 'rc1', text: '2.0.0-rc1' });
    expect(parseVersion('1:2.3.4-1+deb12u1')).toEqual({ parts: [2, 3, 4], text: '2.3.4' });
    expect(parseVersion('nope')).toBeUndefined();
  });

  it('finds the version in a line of output, preferring a dotted number', () => {
    expect(extractVersion('Chromium 156.0.8078.79 built on Debian GNU/Linux 12 (bookworm)')?.text).toBe('156.0.8078.79');
    expect(extractVersion('XXSoftware 2.3.1 (build 45)')?.text).toBe('2.3.1');
    expect(extractVersion('Mozilla Firefox 115.5.0esr')?.text).toBe('115.5.0');
    expect(extractVersion('v20.20.2')?.text).toBe('20.20.2');
    expect(extractVersion('no digits here')).toBeUndefined();
  });

  it('compares part by part, missing parts are 0, a pre-release is older than its release', () => {
    expect(compareVersions('1.2.3', '1.2.3.0')).toBe(0);
    expect(compareVersions('1.2.10', '1.2.9')).toBe(1);
    expect(compareVersions('v1.2', '1.10')).toBe(-1);
    expect(compareVersions('10.0.19045', '10.0.22000')).toBe(-1);
    expect(compareVersions('2.0.0-rc1', '2.0.0')).toBe(-1);
    expect(compareVersions('2.0.0-rc2', '2.0.0-rc10')).toBe(-1);
    expect(compareVersions('2.0.0-beta', '2.0.0-rc1')).toBe(-1);
    expect(compareVersions('x', '1')).toBeUndefined();
  });
});

describe('software version check (real commands, a real version URL)', () => {
  let server: Running;
  let hanging: Running;
  let standIns: StandIns;
  beforeAll(async () => {
    [server, hanging] = await Promise.all([startHttpServer(), startHangingServer()]);
    // A product's own version command, as IT would name it in policy.
    standIns = installStandIns({ xxsoftware: 'echo "XXSoftware 2.3.1 (build 45)"' });
  });
  afterAll(async () => {
    standIns.restore();
    await Promise.all([server.close(), hanging.close()]);
  });

  it('is skipped without products in policy', async () => {
    expect(list(await productVersionCheck.run(createCheckContext()))[0]).toMatchObject({ status: 'skipped', detail: { en: 'no products configured in policy (products)' } });
  });

  it('below the minimum fails, below the latest (from versionUrl) warns, at the recommended passes, a missing product fails', async () => {
    const ctx = createCheckContext({
      policy: {
        products: [
          { name: 'Old', versionCommand: ['xxsoftware', '--version'], minimumVersion: '3.0' },
          { name: 'Outdated', versionCommand: ['xxsoftware', '--version'], minimumVersion: '2.0', versionUrl: `${server.url}/version.json` },
          { name: 'Current', versionCommand: ['xxsoftware', '--version'], recommendedVersion: 'v2.3.1' },
          { name: 'Absent', versionCommand: ['no-such-product-binary', '--version'], recommendedVersion: '1.0' },
          { name: 'Unpinned', versionCommand: ['xxsoftware', '--version'] },
        ],
      },
    });
    const by = Object.fromEntries(list(await productVersionCheck.run(ctx)).map((r) => [r.subject ?? '', r]));
    expect(by.Old).toMatchObject({ status: 'fail', detail: { en: 'installed 2.3.1 is older than the minimum supported 3.0' } });
    expect(by.Old!.advice![0]!['zh-CN']).toBe('将软件更新到推荐版本（或最新版本）');
    expect(by.Outdated).toMatchObject({ status: 'warn', detail: { en: 'installed 2.3.1; an update is available: the latest 2.4.1' } });
    expect(by.Outdated!.data).toMatchObject({ installed: '2.3.1', latest: '2.4.1', minimum: '2.0', source: 'xxsoftware --version' });
    expect(by.Current).toMatchObject({ status: 'pass', detail: { en: 'installed 2.3.1 (≥ v2.3.1)' } });
    expect(by.Absent!.status).toBe('fail');
    expect(by.Absent!.detail.en).toMatch(/^not installed \(/);
    expect(by.Unpinned).toMatchObject({ status: 'skipped', detail: { en: 'installed 2.3.1; policy names no recommended or minimum version to compare with' } });
  });

  it('a version URL that hangs costs at most the probe timeout and is reported', async () => {
    const ctx = createCheckContext({ policy: { checks: { probeTimeoutMs: 400 }, products: [{ name: 'P', versionCommand: ['xxsoftware'], versionUrl: `${hanging.url}/version.json` }] } });
    const [r] = list(await productVersionCheck.run(ctx));
    expect(r!.status).toBe('warn');
    expect(r!.detail.en).toBe('installed 2.3.1; could not fetch the latest version: connected, but no HTTP answer within 400 ms');
  });
});
