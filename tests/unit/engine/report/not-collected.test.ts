/** notCollected, notTaken (electron/engine/report/not-collected.ts): what the front ends list as not collected, one account for the CLI and the app. */
import { describe, expect, it } from 'vitest';
import { notCollected, notTaken, notTakenTotal } from '../../../../electron/engine/report/not-collected.js';
import { notTakenOf } from '../../../../electron/engine/app-service.js';
import { notTakenRows } from '../../../../electron/cli/collect-output.js';
import { collectorTitle } from '../../../../electron/engine/collectors/index.js';
import { notTakenCount, notTakenLines } from '../../../../shared/i18n/collect-facts.js';
import { translator } from '../../../../shared/i18n/translate.js';
import type { CollectorRun, Manifest } from '../../../../shared/types.js';

const run = (id: string, status: CollectorRun['status'], reason?: CollectorRun['reason']): CollectorRun => ({ id, status, durationMs: 0, items: 0, bytes: 0, warnings: [], ...(reason ? { reason } : {}) });

describe('notCollected', () => {
  it('lists the skips worth reading and counts those only for other problem types', () => {
    const r = notCollected([
      run('versions', 'ok'),
      run('system', 'skipped', { code: 'policy-disabled' }),
      run('network-path', 'skipped', { code: 'problem-type', types: ['connection'], actual: 'slow' }),
      run('processes', 'timeout', { code: 'timeout', seconds: 10 }),
      run('wifi', 'skipped', { code: 'problem-type', types: ['connection'], actual: 'none' }),
      run('security-logs', 'skipped', { code: 'security-logs-off' }),
    ]);
    expect(r.listed.map((c) => c.id)).toEqual(['system', 'security-logs']);
    expect(r.otherProblemTypes).toBe(2);
  });

  it('is empty when everything ran', () => {
    expect(notCollected([run('versions', 'ok'), run('system', 'error')])).toEqual({ listed: [], otherProblemTypes: 0 });
  });
});

// — one account for the CLI and the app (notTaken) —


const item = (name: string, extra: Partial<Manifest['items'][number]> = {}): Manifest['items'][number] => ({ name, collector: 'app-logs', source: `/var/log/${name}`, kind: 'text', size: 10, sha256: 'a'.repeat(64), truncated: false, ...extra });
/** A manifest as the engine writes it: each skipped collector is also in `skipped` under its own id. */
const manifest: Pick<Manifest, 'collectors' | 'skipped' | 'items'> = {
  collectors: [
    run('versions', 'ok'),
    run('wifi', 'skipped', { code: 'no-wifi' }),
    run('screenshot', 'skipped', { code: 'no-display' }),
    run('network-path', 'skipped', { code: 'problem-type', types: ['connection'], actual: 'slow' }),
    run('app-logs', 'ok'),
  ],
  skipped: [
    { collector: 'wifi', source: 'wifi', reason: 'no Wi-Fi', code: { code: 'no-wifi' } },
    { collector: 'screenshot', source: 'screenshot', reason: 'no display', code: { code: 'no-display' } },
    { collector: 'network-path', source: 'network-path', reason: 'other problem type', code: { code: 'problem-type', types: ['connection'], actual: 'slow' } },
    { collector: 'app-logs', source: '/var/log/app/missing.log', reason: 'does not exist', code: { code: 'not-found' } },
    { collector: 'app-logs', source: '/var/log/app/secret.log', reason: 'no read permission', code: { code: 'no-permission' } },
    // A source named like its collector, of a collector that ran: a source, not a collector skip.
    { collector: 'app-logs', source: 'app-logs', reason: 'left out', code: { code: 'left-out' } },
  ],
  items: [item('ok.log'), item('big.log', { truncated: true, note: 'kept the newest 2048 of 8000 bytes', cut: { code: 'cut-newest', keptBytes: 2048, fileBytes: 8000, capBytes: 2048 } })],
};

describe('notTaken: one account of what was not taken', () => {
  it('says a skipped collector once (not again as a source), keeps the other sources and the entries cut short', () => {
    const facts = notTaken(manifest);
    expect(facts.collectors.map((c) => c.id)).toEqual(['wifi', 'screenshot']);
    expect(facts.otherProblemTypes).toBe(1);
    expect(facts.sources.map((s) => s.source)).toEqual(['/var/log/app/missing.log', '/var/log/app/secret.log', 'app-logs']);
    expect(facts.cut).toEqual([{ name: 'big.log', note: 'kept the newest 2048 of 8000 bytes', code: { code: 'cut-newest', keptBytes: 2048, fileBytes: 8000, capBytes: 2048 } }]);
    expect(notTakenTotal(facts)).toBe(2 + 1 + 3 + 1);
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`the CLI counts the sources the app lists, from the same manifest (${locale})`, () => {
      const tr = translator(locale);
      const app = notTakenOf(manifest).notTaken!;
      const appSources = notTakenLines(tr, app).filter((l) => l.kind === 'source');
      // Collectors by title, as both front ends name them (the CLI's progress lines too).
      const title = (id: string) => collectorTitle(id, locale);
      const rows = notTakenRows(notTaken(manifest), tr, title);
      const skippedRow = rows.find(([label]) => label === tr.t('cli.collect.skipped'));
      expect(skippedRow?.[1]).toBe(tr.t('cli.collect.skippedSources', { count: appSources.length }));
      expect(appSources).toHaveLength(3);
      // Not the manifest's raw count, which holds the skipped collectors too.
      expect(skippedRow?.[1]).not.toBe(tr.t('cli.collect.skippedSources', { count: manifest.skipped.length }));
      // Every other line of the CLI is a line of the app, and the app's total counts them all.
      const appLines = notTakenLines(tr, app, title).filter((l) => l.kind !== 'source');
      expect(rows.filter(([label]) => label !== tr.t('cli.collect.skipped')).map(([, v]) => v)).toEqual(appLines.map((l) => (l.what ? `${l.what} — ${l.why}` : l.why)));
      expect(notTakenCount(app)).toBe(appLines.length + appSources.length);
      expect(rows.some(([, v]) => v.startsWith(`${title('wifi')} — `))).toBe(true);
      expect(rows.some(([, v]) => v.startsWith('wifi — '))).toBe(false);
    });
  }

  it('is absent from the app result when nothing was left out', () => {
    expect(notTakenOf({ collectors: [run('versions', 'ok')], skipped: [], items: [item('a.log')] })).toEqual({});
  });
});
