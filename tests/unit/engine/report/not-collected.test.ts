/** notCollected, notTaken (electron/engine/report/not-collected.ts): what the front ends list as not collected, one account for the CLI and the app. */
import { describe, expect, it } from 'vitest';
import { notCollected, notTaken, notTakenTotal } from '../../../../electron/engine/report/not-collected.js';
import { notTakenOf } from '../../../../electron/engine/app-service.js';
import { MAX_SKIPPED_SOURCE_LINES, notTakenRows } from '../../../../electron/cli/collect-output.js';
import { collectorTitle } from '../../../../electron/engine/collectors/index.js';
import { notTakenCount, notTakenLines, notTakenLineText } from '../../../../shared/i18n/collect-facts.js';
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
    expect(notCollected([run('versions', 'ok'), run('system', 'error')])).toEqual({ listed: [], otherProblemTypes: 0, notSelected: 0 });
  });
});

describe('a collector that ran and took nothing is said once', () => {
  it('drops the skip its reason came from when the reason names its source; keeps the others', () => {
    const code = { code: 'not-configured' as const, policyKey: 'policy.configPaths' };
    const facts = notTaken({
      collectors: [
        { ...run('config', 'skipped', code), error: 'no paths are configured (policy.configPaths is empty in policy)' },
        run('app-logs', 'ok'),
        { ...run('system-logs', 'skipped', { code: 'command-missing', command: 'journalctl' }), error: 'journalctl is not installed' },
      ],
      skipped: [
        { collector: 'config', source: 'policy.configPaths', reason: 'no paths are configured (policy.configPaths is empty in policy)', code },
        { collector: 'app-logs', source: 'policy.configPaths', reason: 'no paths are configured (policy.configPaths is empty in policy)', code },
        { collector: 'system-logs', source: 'journalctl --since x', reason: 'journalctl is not installed', code: { code: 'command-missing', command: 'journalctl' } },
        { collector: 'system-logs', source: '/var/log/syslog', reason: 'fallback; none of these files exists', code: { code: 'not-found' } },
      ],
      items: [],
    });
    expect(facts.collectors.map((c) => c.id)).toEqual(['config', 'system-logs']);
    // The policy key is in the reason: said once. A command or a file is not: its line says which one.
    expect(facts.sources.map((s) => `${s.collector}:${s.source}`)).toEqual(['app-logs:policy.configPaths', 'system-logs:journalctl --since x', 'system-logs:/var/log/syslog']);
  });
});

describe('collect --only: the collectors not selected are one line, not one each', () => {
  const ids = ['versions', 'system', 'network', 'software', 'processes', 'app-logs', 'config', 'security-logs', 'firewall', 'wifi'];
  const only: Pick<Manifest, 'collectors' | 'skipped' | 'items'> = {
    collectors: [
      run('system-logs', 'ok'),
      ...ids.map((id) => run(id, 'skipped', { code: 'not-selected' })),
      run('screenshot', 'skipped', { code: 'no-display' }),
      run('network-path', 'skipped', { code: 'problem-type', types: ['connection'], actual: 'none' }),
    ],
    skipped: [
      ...ids.map((id) => ({ collector: id, source: id, reason: 'not selected (--only)', code: { code: 'not-selected' as const } })),
      { collector: 'screenshot', source: 'screenshot', reason: 'no display', code: { code: 'no-display' as const } },
      { collector: 'network-path', source: 'network-path', reason: 'other problem type', code: { code: 'problem-type' as const, types: ['connection' as const], actual: 'none' as const } },
      { collector: 'system-logs', source: '/var/log/syslog', reason: 'fallback; none of these files exists', code: { code: 'not-found' as const } },
    ],
    items: [],
  };

  it('counts them; a skip that matters is still listed, and the manifest keeps every one', () => {
    const facts = notTaken(only);
    expect(facts.notSelected).toBe(ids.length);
    expect(facts.otherProblemTypes).toBe(1);
    expect(facts.collectors.map((c) => c.id)).toEqual(['screenshot']);
    expect(facts.sources.map((s) => s.source)).toEqual(['/var/log/syslog']);
    expect(notTakenTotal(facts)).toBe(ids.length + 3);
    expect(only.skipped.filter((s) => s.code?.code === 'not-selected')).toHaveLength(ids.length);
  });

  it('the CLI prints one line for them, in each language', () => {
    const facts = notTaken(only);
    const zh = notTakenRows(facts, translator('zh-CN')).map((r) => r[1]);
    const en = notTakenRows(facts, translator('en')).map((r) => r[1]);
    expect(zh.filter((l) => l.includes('未选择'))).toEqual([`未选择的 ${ids.length} 个来源已跳过（--only）`]);
    expect(en.filter((l) => l.includes('not selected'))).toEqual([`${ids.length} sources not selected (--only)`]);
    expect(zh).toHaveLength(4); // screenshot, other problem types, not selected, /var/log/syslog
    expect(notTakenRows({ ...facts, notSelected: 1 }, translator('en')).map((r) => r[1])).toContain('1 source not selected (--only)');
  });

  it('without --only there is no such line', () => {
    const facts = notTaken(manifest);
    expect(facts.notSelected).toBe(0);
    expect(notTakenLines(translator('en'), facts).some((l) => l.kind === 'not-selected')).toBe(false);
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
    it(`the CLI lists the sources the app lists, each with its reason, from the same manifest (${locale})`, () => {
      const tr = translator(locale);
      const app = notTakenOf(manifest).notTaken!;
      // Collectors by title, as both front ends name them (the CLI's progress lines too).
      const title = (id: string) => collectorTitle(id, locale);
      const appLines = notTakenLines(tr, app, title);
      const appSources = appLines.filter((l) => l.kind === 'source').map(notTakenLineText);
      expect(appSources).toHaveLength(3);
      const rows = notTakenRows(notTaken(manifest), tr, title);
      const at = rows.findIndex(([label]) => label === tr.t('cli.collect.skipped'));
      // Under "Skipped:", one source a line with its reason in the user's language: the app's lines.
      expect(rows.slice(at).map(([, v]) => v)).toEqual(appSources);
      expect(rows.slice(at + 1).every(([label]) => label === '')).toBe(true);
      expect(appSources[0]).toBe(`/var/log/app/missing.log — ${tr.reason({ code: 'not-found' })}`);
      expect(appSources[1]).toBe(`/var/log/app/secret.log — ${tr.reason({ code: 'no-permission' })}`);
      // A skipped collector is said once, under "Not taken", not again as a source.
      expect(rows.slice(at).some(([, v]) => v.startsWith('wifi — ') || v.startsWith(`${title('wifi')} — `))).toBe(false);
      // Every other line of the CLI is a line of the app, and the app's total counts them all.
      const others = appLines.filter((l) => l.kind !== 'source').map(notTakenLineText);
      expect(rows.slice(0, at).map(([, v]) => v)).toEqual(others);
      expect(notTakenCount(app)).toBe(others.length + appSources.length);
      expect(rows.some(([, v]) => v.startsWith(`${title('wifi')} — `))).toBe(true);
      expect(rows.some(([, v]) => v.startsWith('wifi — '))).toBe(false);
    });

    it(`the CLI lists at most ${MAX_SKIPPED_SOURCE_LINES} skipped sources, then says how many more manifest.json holds (${locale})`, () => {
      const tr = translator(locale);
      const many = (n: number): Pick<Manifest, 'collectors' | 'skipped' | 'items'> => ({
        collectors: [run('app-logs', 'ok')],
        skipped: Array.from({ length: n }, (_, i) => ({ collector: 'app-logs', source: `/opt/app/logs/${i}.log`, reason: 'does not exist', code: { code: 'not-found' } as const })),
        items: [],
      });
      const sourceRows = (n: number) => {
        const rows = notTakenRows(notTaken(many(n)), tr);
        return rows.slice(rows.findIndex(([label]) => label === tr.t('cli.collect.skipped'))).map(([, v]) => v);
      };
      const cap = MAX_SKIPPED_SOURCE_LINES;
      expect(sourceRows(25)).toHaveLength(cap + 1);
      expect(sourceRows(25).slice(0, cap)).toEqual(notTakenLines(tr, notTaken(many(25))).slice(0, cap).map(notTakenLineText));
      expect(sourceRows(25).at(-1)).toBe(tr.t('cli.collect.skippedMore', { count: 25 - cap }));
      expect(sourceRows(25).at(-1)).toBe(locale === 'en' ? `… and ${25 - cap} more (manifest.json)` : `… 另有 ${25 - cap} 个来源（见 manifest.json）`);
      // "… and 1 more" would take the line the source needs: up to one over the cap, all are listed.
      expect(sourceRows(cap + 1)).toEqual(notTakenLines(tr, notTaken(many(cap + 1))).map(notTakenLineText));
      expect(sourceRows(cap + 2)).toHaveLength(cap + 1);
      expect(sourceRows(cap + 2).at(-1)).toBe(tr.t('cli.collect.skippedMore', { count: 2 }));
      expect(notTakenRows(notTaken(many(0)), tr)).toEqual([]);
    });
  }

  it('is absent from the app result when nothing was left out', () => {
    expect(notTakenOf({ collectors: [run('versions', 'ok')], skipped: [], items: [item('a.log')] })).toEqual({});
  });
});
