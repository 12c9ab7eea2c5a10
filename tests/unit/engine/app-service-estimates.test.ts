/**
 * ui26 (session 24): the Review screen's words and figures are the engine's, one truth per item —
 * each collector's own description and its own size (measured now, measured in the last
 * collection here, else its typical size), and the total as the engine counts it, the attached
 * screenshot included. Real AppService, real sessions into a temp data folder; quick collectors.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionEvent } from '../../../shared/api.js';
import { collectorAbout } from '../../../shared/i18n/collector-text.js';
import { PolicySchema } from '../../../shared/policy.js';
import type { Category } from '../../../shared/types.js';
import { AppService, type AppServiceOptions } from '../../../electron/engine/app-service.js';
import { TYPICAL_BYTES, lastSizesFile, readLastSizes, recordLastSizes } from '../../../electron/engine/collector-sizes.js';
import { screenshotCollector } from '../../../electron/engine/collectors/screenshot.js';
import type { Collector } from '../../../electron/engine/collectors/types.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A collector that writes `bytes` bytes under a real collector's id and category. */
const sized = (id: string, category: Category, bytes: number): Collector => ({
  id,
  category,
  title: { 'zh-CN': `${id} 中文`, en: id },
  platforms: ['linux', 'win32', 'darwin'],
  timeoutMs: 5_000,
  sensitive: false,
  describe: () => [`reads ${id}`],
  async run(ctx) {
    ctx.addText(`${id}.txt`, 'x'.repeat(bytes), id);
  },
});

const intake = {
  name: '张伟',
  contact: 'zhang.wei@example.com',
  department: '',
  productName: '',
  productModel: '',
  productVersion: '',
  problemDescription: '连不上服务器',
  occurredAt: '2026-12-07T09:30',
  priority: '高' as const,
  stepsToReproduce: '',
  solutionsTried: '',
};

const services: AppService[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.dispose();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function make(options: Partial<AppServiceOptions> = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'app-estimates-'));
  dirs.push(dataDir);
  const service = new AppService({
    policy: PolicySchema.parse({}),
    platform: 'linux',
    host: 'pc-01',
    locale: 'zh-CN',
    dataDir,
    env: { ...process.env, DIAGCOLLECT_REDMINE_API_KEY: '' },
    // Three items of one category (network): each must still say and size itself.
    collectors: [sized('network', 'network', 3_000), sized('firewall', 'network', 700), sized('wifi', 'network', 1_200), screenshotCollector],
    runChecks: false,
    hooks: { captureScreen: async () => PNG, showInFolder: () => undefined },
    ...options,
  });
  services.push(service);
  const finished = () =>
    new Promise<SessionEvent>((resolve) => {
      const off = service.on('onProgress', (e) => {
        if (e.type !== 'progress') {
          off();
          resolve(e);
        }
      });
    });
  return { service, dataDir, finished };
}

describe('Review says what each item is and how big it is, from the engine', () => {
  it('gives items of one category their own description and their own typical size', async () => {
    const { service } = make();
    const p = await service.preview();
    const by = Object.fromEntries(p.categories.map((c) => [c.id, c]));
    for (const id of ['network', 'firewall', 'wifi']) {
      expect(by[id]?.about, id).toEqual(collectorAbout(id));
      expect(by[id]?.estimate, id).toEqual({ bytes: TYPICAL_BYTES[id], basis: 'typical' });
    }
    expect(by.firewall?.about['zh-CN']).not.toBe(by.network?.about['zh-CN']);
    expect(by.wifi?.about.en).not.toBe(by.network?.about.en);
    expect(by.firewall?.estimate.bytes).not.toBe(by.wifi?.estimate.bytes);
    expect(by.screenshot?.about).toEqual(collectorAbout('screenshot'));
  });

  it('after a collection, shows what each item wrote here last time; an item left out keeps its typical size', async () => {
    const { service, dataDir, finished } = make();
    const done = finished();
    await service.startCollection({ ticket: '12345', intake, exclude: ['wifi'], includeScreenshot: false });
    const end = await done;
    expect(end.type).toBe('finished');
    if (end.type !== 'finished') return;
    const wrote = Object.fromEntries(end.result.collectors.map((c) => [c.id, c.bytes]));
    expect(wrote.firewall).toBe(700);

    const p = await service.preview();
    const by = Object.fromEntries(p.categories.map((c) => [c.id, c]));
    expect(by.network?.estimate).toEqual({ bytes: wrote.network, basis: 'measured-last' });
    expect(by.firewall?.estimate).toEqual({ bytes: 700, basis: 'measured-last' });
    expect(by.wifi?.estimate).toEqual({ bytes: TYPICAL_BYTES.wifi, basis: 'typical' });
    // The same data folder read by a new start of the app (the file, not memory).
    const again = make({ dataDir });
    expect((await again.service.preview()).categories.find((c) => c.id === 'firewall')?.estimate).toEqual({ bytes: 700, basis: 'measured-last' });
    expect(JSON.parse(readFileSync(lastSizesFile(dataDir), 'utf8'))).toMatchObject({ format: 'diagcollect-last-sizes/1' });
  });

  it('counts the total as the engine does: what is switched on, the screenshot only once taken and attached', async () => {
    const { service } = make();
    const sum = (ids: string[]) => ids.reduce((n, id) => n + TYPICAL_BYTES[id]!, 0);
    expect((await service.preview()).totalBytes).toBe(sum(['network', 'firewall', 'wifi']));
    expect((await service.preview(['firewall'])).totalBytes).toBe(sum(['network', 'wifi']));
    // Asked to count a screenshot that was never taken: nothing to count.
    expect((await service.preview([], undefined, true)).totalBytes).toBe(sum(['network', 'firewall', 'wifi']));
    await service.captureScreenshot();
    const off = await service.preview();
    expect(off.categories.find((c) => c.id === 'screenshot')).toMatchObject({ included: false, estimate: { bytes: PNG.length, basis: 'measured' } });
    expect(off.totalBytes).toBe(sum(['network', 'firewall', 'wifi']));
    const on = await service.preview(['wifi'], undefined, true);
    expect(on.categories.find((c) => c.id === 'screenshot')).toMatchObject({ included: true });
    expect(on.totalBytes).toBe(sum(['network', 'firewall']) + PNG.length);
  });

  it('keeps the last whole figure when a collector is skipped, cut or failed next time', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'app-estimates-'));
    dirs.push(dataDir);
    expect(await readLastSizes(dataDir)).toEqual({});
    const run = (id: string, status: 'ok' | 'skipped' | 'timeout' | 'error', bytes: number, items = 1) => ({ id, status, durationMs: 1, items, bytes, warnings: [] });
    await recordLastSizes(dataDir, { finishedAt: '2026-12-07T10:00:00.000Z', collectors: [run('network', 'ok', 3_000), run('firewall', 'ok', 700)] });
    await recordLastSizes(dataDir, { finishedAt: '2026-12-07T11:00:00.000Z', collectors: [run('network', 'timeout', 40), run('firewall', 'skipped', 0, 0), run('wifi', 'ok', 1_200)] });
    expect(await readLastSizes(dataDir)).toEqual({
      network: { bytes: 3_000, at: '2026-12-07T10:00:00.000Z' },
      firewall: { bytes: 700, at: '2026-12-07T10:00:00.000Z' },
      wifi: { bytes: 1_200, at: '2026-12-07T11:00:00.000Z' },
    });
  });
});
