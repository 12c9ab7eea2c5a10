/**
 * Redaction on real collections of this machine (real collectors, real commands, the real
 * checklist): the structured facts still parse and hold no placeholder, the summary page has the
 * same structure as an unredacted run, and `redact` on a collected archive leaves the summary
 * page (its styles included) exactly as it was.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standardName, type ArchiveLanguage } from '../../../../shared/naming.js';
import { DEFAULT_POLICY, type Policy } from '../../../../shared/policy.js';
import { ManifestSchema } from '../../../../shared/types.js';
import { redactFiles } from '../../../../electron/engine/redact/redact-files.js';
import { runSession } from '../../../../electron/engine/session.js';
import { readZip, type ReadEntry } from '../../../helpers/zip.js';

const tmp = () => mkdtempSync(join(os.tmpdir(), 'redact-real-'));
const HOUR = 3_600_000;

// A company application's logs and settings, as IT points the app-logs collector at them: real
// secrets and personal data that must never reach the archive.
const APP_SECRETS = ['Pg!Prod-2024#x', 'wang.fang@xxsoft.com.cn', '13912345678', 'ghp_Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2', '张伟'];
function appLogPolicy(): Policy {
  const dir = join(tmp(), 'XXClient');
  mkdirSync(join(dir, 'logs'), { recursive: true });
  writeFileSync(
    join(dir, 'logs', 'client.log'),
    [
      '2026-12-05 08:01:02.113 [INFO] sync.worker: connecting to erp.xxsoft.local:5432 as svc_erp password=Pg!Prod-2024#x',
      '2026-12-05 08:01:03.540 [WARN] mail: notify wang.fang@xxsoft.com.cn (手机 13912345678) about job 4711, size 17179869184 bytes',
      '2026-12-05 08:01:04.002 [DEBUG] git: using token ghp_Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2',
      '2026-12-05 08:01:05.777 [INFO] ui: opened C:\\Users\\张伟\\Documents\\月度报表.xlsx',
      '',
    ].join('\r\n'),
  );
  writeFileSync(join(dir, 'settings.json'), `${JSON.stringify({ db: { host: 'erp.xxsoft.local', password: 'Pg!Prod-2024#x' }, cacheBytes: 13812345678, owner: 'C:\\Users\\张伟' }, null, 2)}\n`);
  return { ...DEFAULT_POLICY, appLogPaths: [join(dir, 'logs', '*.log'), join(dir, 'settings.json')] };
}

async function collect(lang: ArchiveLanguage, sinceMs: number, redact: boolean, policy: Policy = DEFAULT_POLICY) {
  const result = await runSession({
    ticket: `${redact ? 7000 : 7100}${Math.round(sinceMs / 60_000)}`,
    intake: { name: '张三', contact: 'zhang.san@公司.cn', problemDescription: '打开报表时卡住' },
    policy,
    outDir: tmp(),
    since: new Date(Date.now() - sinceMs),
    lang,
    redact,
  });
  return { result, entries: await readZip(result.archivePath) };
}

const entry = (entries: ReadEntry[], name: string) => {
  const e = entries.find((x) => x.name === name);
  if (!e) throw new Error(`no ${name} in the archive (${entries.map((x) => x.name).join(', ')})`);
  return e;
};

/** Section ids and field labels of the summary page: what the page shows, without the values. */
function summaryStructure(html: string): { sections: string[]; fields: string[] } {
  const sections = [...html.matchAll(/aria-labelledby="([\w-]+)"/g)].map((m) => m[1]!).filter((id) => id !== 'redaction-title');
  const fields = [...html.matchAll(/<dt>([^<]*)<\/dt>/g)].map((m) => m[1]!);
  return { sections, fields };
}

const FACTS = ['systemJson', 'networkJson', 'system', 'network', 'versions', 'hosts', 'routes'] as const;

describe('redaction on real collections of this machine', () => {
  it('keeps system and network facts intact and the summary page whole in 20 collections, whatever --since, --lang and app logs', { timeout: 1_200_000 }, async () => {
    const baselines = new Map<ArchiveLanguage, { sections: string[]; fields: string[] }>();
    for (const lang of ['zh-CN', 'en'] as const) {
      const { entries } = await collect(lang, 24 * HOUR, false);
      baselines.set(lang, summaryStructure(entry(entries, standardName('summary', lang)).data.toString('utf8')));
    }
    // 20 real collections: both languages, five --since windows, with and without app logs.
    const runs: [ArchiveLanguage, number, boolean][] = [];
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const since of [15 * 60_000, 1 * HOUR, 6 * HOUR, 24 * HOUR, 7 * 24 * HOUR]) for (const appLogs of [false, true]) runs.push([lang, since, appLogs]);
    }
    expect(runs).toHaveLength(20);
    for (const [lang, since, appLogs] of runs) {
      const { entries } = await collect(lang, since, true, appLogs ? appLogPolicy() : DEFAULT_POLICY);
      if (appLogs) {
        const logs = entries.filter((e) => /client\.log|settings\.json/.test(e.name));
        expect(logs.length, `${lang}: app logs collected`).toBe(2);
        for (const e of logs) {
          const text = e.data.toString('utf8');
          expect({ entry: e.name, leaked: APP_SECRETS.filter((v) => text.includes(v)) }).toEqual({ entry: e.name, leaked: [] });
          // The byte count stays a number; the JSON settings still parse.
          expect(text).toMatch(/17179869184|13812345678,/);
          if (e.name.endsWith('.json')) expect(() => JSON.parse(text)).not.toThrow();
        }
      }
      const manifest = ManifestSchema.parse(JSON.parse(entry(entries, 'manifest.json').data.toString('utf8')));
      for (const key of ['systemJson', 'networkJson'] as const) {
        const text = entry(entries, standardName(key, lang)).data.toString('utf8');
        expect(() => JSON.parse(text), `${lang} ${key}`).not.toThrow();
      }
      for (const key of FACTS) {
        const item = manifest.items.find((i) => i.name === standardName(key, lang));
        if (!item) continue; // e.g. no hosts file
        expect({ item: item.name, redactions: item.redactions ?? {} }).toEqual({ item: item.name, redactions: {} });
        expect(entry(entries, item.name).data.toString('utf8')).not.toMatch(/<[A-Z]+(?:-[A-Z]+)*-\d+>/);
      }
      const html = entry(entries, standardName('summary', lang)).data.toString('utf8');
      expect(summaryStructure(html), `${lang} since ${since / 60_000} min, app logs ${appLogs}`).toEqual(baselines.get(lang));
      // The memory, disk and uptime rows come from the redacted system JSON: all there.
      expect(summaryStructure(html).fields.length).toBeGreaterThanOrEqual(8);
    }
  });

  it('`redact` on a collected archive copies the report entries untouched (styles intact) and keeps JSON valid', { timeout: 120_000 }, async () => {
    const { result, entries } = await collect('zh-CN', 24 * HOUR, true);
    const out = tmp();
    const redacted = await redactFiles({ input: result.archivePath, outDir: out, policy: DEFAULT_POLICY });
    const copy = await readZip(redacted.output);
    const summary = standardName('summary', 'zh-CN');
    expect(entry(copy, summary).data.equals(entry(entries, summary).data)).toBe(true);
    expect(entry(copy, summary).data.toString('utf8')).toMatch(/--pass:#[0-9a-f]{6}/i);
    expect(redacted.files.find((f) => f.name === summary)).toMatchObject({ status: 'generated' });
    expect(redacted.files.find((f) => f.name === 'checks.json')).toMatchObject({ status: 'generated' });
    for (const key of ['systemJson', 'networkJson'] as const) {
      const name = standardName(key, 'zh-CN');
      expect(() => JSON.parse(entry(copy, name).data.toString('utf8'))).not.toThrow();
      expect(redacted.files.find((f) => f.name === name)).toMatchObject({ status: 'redacted', format: 'json', counts: {} });
    }
    expect(() => JSON.parse(entry(copy, 'manifest.json').data.toString('utf8'))).not.toThrow();
    const report = readFileSync(redacted.report, 'utf8');
    expect(report).toContain(`${summary}`);
    expect(report).toMatch(/copied unchanged: generated by diagcollect/);
  });
});
