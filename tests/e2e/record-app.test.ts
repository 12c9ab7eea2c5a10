/**
 * 复现录制 in the desktop app, end to end in Chromium with the real AppService (the app
 * harness of app.test.ts): the record panel under the intake form starts a recording for the
 * ticket being filled in, shows the indicator with the step count, takes a note and a mark,
 * stops; the collection that follows puts 复现录制/ into the archive through the one workflow.
 * No X display here: the panel says clicks cannot be seen and why (timed pictures instead).
 */
import { readdirSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n/translate.js';
import type { Recording } from '../../electron/engine/record/types.js';
import { readZip } from '../helpers/zip.js';
import { appSuite } from './support/app-harness.js';
import { fillStart, goToReview, saveScreen, startCollecting, waitForDone, waitForStart } from './support/flows.js';

const suite = appSuite('record');

describe('复现录制 in the app (Chromium, real AppService)', () => {
  it('records with a note and a mark, then the collection archives 复现录制/', async () => {
    const log = path.join(suite.work, 'xxsoftware.log');
    writeFileSync(log, '2026-01-01T00:00:00.000Z INFO before the recording\n');
    const app = await suite.open({ locale: 'zh-CN', policy: { appLogPaths: [log], disabledCollectors: ['software', 'processes'] }, runChecks: false, env: { DISPLAY: '' } });
    const { page } = app;
    const tr = translator('zh-CN');
    await waitForStart(page, 'zh-CN');
    await fillStart(page, 'zh-CN', { ticket: '4711' });
    await page.getByRole('button', { name: tr.t('record.app.start') }).click();
    const indicator = page.getByRole('status').filter({ hasText: '正在录制' });
    await indicator.waitFor();
    expect(await page.getByText(tr.t('record.app.noHook', { why: 'none' })).count()).toBe(1);
    appendFileSync(log, `${new Date().toISOString()} ERROR E1023 while recording\n`);
    await page.getByPlaceholder(tr.t('record.app.note')).fill('点击“保存”后出现 E1023');
    await page.getByRole('button', { name: tr.t('record.app.addNote') }).click();
    await page.getByRole('button', { name: tr.t('record.app.mark') }).click();
    await page.getByText(tr.t('record.app.recording', { count: 2 })).waitFor({ timeout: 120_000 });
    await saveScreen(page, 'record-app-recording-zh-CN');
    await page.getByRole('button', { name: tr.t('record.app.stop') }).click();
    await page.getByText(tr.t('record.app.stopped', { count: 2, ticket: '4711' })).waitFor({ timeout: 120_000 });
    await saveScreen(page, 'record-app-stopped-zh-CN');

    await goToReview(page, 'zh-CN');
    await startCollecting(page, 'zh-CN');
    const name = await waitForDone(page, 'zh-CN', 120_000);
        const outbox = path.join(app.dataDir, 'outbox', '4711');
    const zip = readdirSync(outbox).find((f) => f === name)!;
    const entries = await readZip(path.join(outbox, zip));
    const names = entries.map((e) => e.name);
    expect(names).toContain('复现录制/操作步骤.html');
    expect(names).toContain('复现录制/新增日志/xxsoftware.log');
    const rec = JSON.parse(entries.find((e) => e.name === '复现录制/recording.json')!.data.toString('utf8')) as Recording;
    expect(rec.steps.map((s) => s.kind)).toEqual(['note', 'mark']);
    expect(rec.steps[1]!.noImage).toMatch(/no graphical session/);
    expect(entries.find((e) => e.name === '复现录制/新增日志/xxsoftware.log')!.data.toString('utf8')).toMatch(/ERROR E1023 while recording\n$/);
    await suite.close(app);
  }, 240_000);
});
