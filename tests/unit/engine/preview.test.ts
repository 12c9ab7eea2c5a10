import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../shared/policy.js';
import { main } from '../../../electron/cli/main.js';
import { formatPreview } from '../../../electron/cli/preview-format.js';
import type { Collector } from '../../../electron/engine/collectors/types.js';
import { previewCollection } from '../../../electron/engine/preview.js';
import { runSession } from '../../../electron/engine/session.js';
import { readZip } from '../../helpers/zip.js';

const EMAIL = 'li.si@example.org';
const TOKEN = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), Buffer.alloc(100)]);
const base = { category: 'system', title: { 'zh-CN': '测试', en: 'Test' }, platforms: ['linux', 'win32', 'darwin'], timeoutMs: 10_000, sensitive: false, describe: () => ['test'] } as const;
const make = (id: string, run: Collector['run'], extra: Partial<Collector> = {}): Collector => ({ ...base, platforms: [...base.platforms], id, run, ...extra });

const logs = make('logs', async (ctx) => {
  ctx.addText('app.log', `start\nsent to ${EMAIL} with token=${TOKEN} ok\n`, '/var/log/app.log');
  ctx.addText('other.log', 'nothing secret\n', 'test');
});
const shot = make('shot', async (ctx) => ctx.addBuffer('screen.png', PNG, 'desktop', 'binary'), { category: 'screenshot', sensitive: true });

describe('previewCollection', () => {
  it('reports items with size after redaction, kind, sensitivity and samples without the values', async () => {
    const p = await previewCollection({ ticket: '12345', policy: DEFAULT_POLICY, collectors: [logs, shot], consentSensitive: true, host: 'pc-01', now: () => new Date(2026, 0, 2, 3, 4) });
    expect(p.archiveName).toBe('12345_诊断信息_20260102-0304_pc-01.zip');
    const app = p.items.find((i) => i.name === 'app.log')!;
    expect(app).toMatchObject({ collector: 'logs', kind: 'text', sensitive: false });
    expect(app.redactions.email).toBe(1);
    expect(app.samples.map((s) => s.rule)).toContain('email');
    const sample = app.samples.find((s) => s.rule === 'email')!;
    expect(sample.context).toContain(`sent to ${sample.placeholder}`);
    const json = JSON.stringify(p);
    expect(json).not.toContain(EMAIL);
    expect(json).not.toContain(TOKEN);
    expect(app.size).toBe(Buffer.byteLength(`start\nsent to <EMAIL-1> with token=${app.samples.find((s) => s.rule !== 'email')?.placeholder ?? ''} ok\n`));
    expect(p.items.find((i) => i.name === 'screen.png')).toMatchObject({ kind: 'binary', sensitive: true, size: PNG.length, samples: [] });
    expect(formatPreview(p)).toMatch(/app\.log.*e-mail address/);
    expect(formatPreview(p)).not.toContain(EMAIL);
  });

  it('explains its redactions by type: localized names, counts over every entry and samples in context, rendered as they are by the CLI', async () => {
    const more = make('more', async (ctx) => {
      ctx.addText('contacts.txt', `call 13800138000 or mail wang.wu@example.org\nnext: 13900139000\n`, 'test');
    });
    const p = await previewCollection({ ticket: '12345', policy: DEFAULT_POLICY, collectors: [logs, more], host: 'pc-01' });
    const byRule = Object.fromEntries(p.redaction.types.map((t) => [t.rule, t]));
    expect(byRule.email).toMatchObject({ count: 2, name: { 'zh-CN': '邮箱', en: 'e-mail address' } });
    expect(byRule.phone).toMatchObject({ count: 2, name: { 'zh-CN': '手机号', en: 'phone number' } });
    // Most frequent first; counts agree with the totals.
    expect(p.redaction.types.map((t) => t.count)).toEqual([...p.redaction.types.map((t) => t.count)].sort((a, b) => b - a));
    for (const t of p.redaction.types) expect(t.count).toBe(p.redaction.totals[t.rule]);
    // Every type has a sample: the entry and the redacted text around the placeholder.
    expect(byRule.email!.samples.map((s) => s.entry).sort()).toEqual(['app.log', 'contacts.txt']);
    expect(byRule.phone!.samples[0]).toMatchObject({ entry: 'contacts.txt', context: expect.stringMatching(/^call <PHONE-1> or mail <EMAIL-\d>/) });
    const zh = formatPreview(p, { locale: 'zh-CN' });
    expect(zh).toContain('按类型脱敏（共');
    expect(zh).toMatch(/邮箱：2 处\n {4}app\.log: .*<EMAIL-1>/);
    expect(zh).toMatch(/手机号：2 处\n {4}contacts\.txt: call <PHONE-1>/);
    const en = formatPreview(p, { locale: 'en' });
    expect(en).toMatch(/e-mail address: 2\n/);
    expect(en + zh).not.toMatch(/13800138000|wang\.wu@/);
  });

  it('lists what would be skipped, and why, including excluded items', async () => {
    const p = await previewCollection({ ticket: '12345', policy: DEFAULT_POLICY, collectors: [logs, shot], excludeItems: ['other.log'] });
    // The collectors' items, and the entries the session generates around them (listed too).
    expect(p.items.map((i) => i.name)).toEqual(['工单信息.txt', 'app.log', 'checks.json', 'timeline.json', '事件时间线.html', '诊断摘要.html', 'manifest.json']);
    expect(p.items.filter((i) => i.generated).map((i) => i.name)).toEqual(['工单信息.txt', 'checks.json', 'timeline.json', '事件时间线.html', '诊断摘要.html', 'manifest.json']);
    expect(p.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ collector: 'shot', reason: expect.stringMatching(/consent/) }),
        expect.objectContaining({ collector: 'logs', reason: expect.stringMatching(/exclude-item/) }),
      ]),
    );
  });

  it('matches what the session writes, and the session honours excludeItems', async () => {
    const p = await previewCollection({ ticket: '12345', policy: DEFAULT_POLICY, collectors: [logs], excludeItems: ['other.log'] });
    const outDir = mkdtempSync(join(os.tmpdir(), 'preview-'));
    const r = await runSession({ ticket: '12345', policy: DEFAULT_POLICY, outDir, collectors: [logs], checks: [], excludeItems: ['other.log'] });
    const entries = await readZip(r.archivePath);
    expect(entries.some((e) => e.name === 'other.log')).toBe(false);
    expect(r.manifest.skipped).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'test', reason: expect.stringMatching(/exclude-item/) })]));
    expect(entries.find((e) => e.name === 'app.log')!.data.length).toBe(p.items.find((i) => i.name === 'app.log')!.size);
  });
});

describe('diagcollect collect --dry-run', () => {
  it('prints the preview as JSON and writes nothing', async () => {
    const home = mkdtempSync(join(os.tmpdir(), 'dry-home-'));
    const out = new PassThrough();
    let text = '';
    out.on('data', (c: Buffer) => (text += c.toString()));
    const env = { HOME: home, DIAGCOLLECT_DATA_DIR: join(home, 'data'), XDG_DATA_HOME: join(home, 'xdg') };
    const code = await main(['node', 'diagcollect', 'collect', '--ticket', '777', '--only', 'versions', '--dry-run', '--json', '--out', join(home, 'out')], { stdout: out, stderr: new PassThrough(), env, signals: process });
    expect(code).toBe(0);
    const json = JSON.parse(text);
    expect(json).toMatchObject({ ok: true, dryRun: true, ticket: '777' });
    expect(json.items.length).toBeGreaterThan(0);
    expect(existsSync(join(home, 'out'))).toBe(false);
    expect(readdirSync(home)).toEqual([]);
  });
});
