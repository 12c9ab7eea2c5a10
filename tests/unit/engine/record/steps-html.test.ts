import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { recordingLogText } from '../../../../electron/engine/record/recording-collector.js';
import { renderStepsHtml } from '../../../../electron/engine/record/steps-html.js';
import type { Recording } from '../../../../electron/engine/record/types.js';
import { TimelineBuilder } from '../../../../electron/engine/timeline/builder.js';

const REC: Recording = {
  format: 'diagcollect-recording/1',
  ticket: '4711',
  startedAt: '2026-12-05T07:00:00.000Z',
  stoppedAt: '2026-12-05T07:02:00.000Z',
  stopReason: 'user',
  input: { mode: 'hook' },
  pictures: { taken: true, bytes: 1000, capBytes: 12 << 20 },
  steps: [
    { n: 1, kind: 'click', at: '2026-12-05T07:00:10.000Z', x: 160, y: 160, button: 1, window: 'Report <script>alert(1)</script>', image: 'step-001.jpg', imageBytes: 1000 },
    { n: 2, kind: 'click', at: '2026-12-05T07:00:20.000Z', x: 5, y: 6, button: 2, noImage: 'the recording reached its size cap for pictures' },
    { n: 3, kind: 'note', at: '2026-12-05T07:00:30.000Z', note: '保存时提示 E1023\nsecond line' },
    { n: 4, kind: 'mark', at: '2026-12-05T07:00:40.000Z', image: 'step-004.jpg' },
  ],
  events: [
    { at: '2026-12-05T07:00:00.000Z', kind: 'start', text: 'recording started for ticket 4711' },
    { at: '2026-12-05T07:00:15.000Z', kind: 'network', text: 'network: default route changed: 10.0.0.1 via eth0 → none', level: 'warning' },
  ],
  logs: [{ source: '/var/log/app.log', file: 'app.log', bytes: 42 }],
};

describe('the steps page (操作步骤.html)', () => {
  // Step 1's picture (a real JPEG's first bytes are enough for the data: URL); step 4's is missing.
  const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
  const page = renderStepsHtml(REC, 'zh-CN', new Map([['app.log', '复现录制/新增日志/app.log']]), new Map([[1, JPEG]]));

  it('numbers the steps with time, window, note and picture; escapes every value; no script', () => {
    expect(page).toContain('步骤 1');
    expect(page).toContain('单击（左键），位置 (160, 160)');
    expect(page).toContain('单击（右键），位置 (5, 6)');
    // Self-contained: the picture inlined, nothing beside the page referred to.
    expect(page).toContain(`<img src="data:image/jpeg;base64,${JPEG.toString('base64')}" alt="步骤 1: Report &lt;script&gt;alert(1)&lt;/script&gt;">`);
    expect(page.match(/<img /g)).toHaveLength(1);
    expect(page).not.toMatch(/\.jpg"/);
    expect(page).toContain('无截图: 录制文件夹中缺少这张截图');
    expect(page).toContain('无截图: the recording reached its size cap for pictures');
    expect(page).toContain('Report &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('img-src data:');
    expect(page).toContain('复现录制/新增日志/app.log');
    expect(renderStepsHtml(REC, 'en')).toContain('Click (right) at (5, 6)');
  });

  it('is valid HTML', async () => {
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'no-inline-style': 'off', 'long-title': 'off' } }).validateString(page);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});

describe('the steps as a log (录制记录.txt) on the incident timeline', () => {
  it('has one dated line per step and event, in time order, notes on one line, losses as warnings', () => {
    const text = recordingLogText(REC, 'en');
    expect(text.split('\n').filter(Boolean)).toEqual([
      '2026-12-05T07:00:00.000Z recording started for ticket 4711',
      '2026-12-05T07:00:10.000Z step 1: Click (left) at (160, 160) · window "Report <script>alert(1)</script>"',
      '2026-12-05T07:00:15.000Z WARNING network: default route changed: 10.0.0.1 via eth0 → none',
      '2026-12-05T07:00:20.000Z step 2: Click (right) at (5, 6)',
      '2026-12-05T07:00:30.000Z step 3: Note by the user · note: 保存时提示 E1023 second line',
      '2026-12-05T07:00:40.000Z step 4: Mark by the user',
    ]);
  });

  it('every line is dated by the timeline reader, the network loss as a warning', () => {
    const builder = new TimelineBuilder({ focusMs: Date.parse(REC.startedAt), focusBasis: 'collection', referenceMs: Date.parse(REC.startedAt) });
    const reader = builder.reader('复现录制/录制记录.txt', 'recording', 'recording');
    reader.write(recordingLogText(REC, 'zh-CN'));
    reader.end();
    const doc = builder.finish({ ticket: '4711', host: 'pc', startedAt: new Date(REC.startedAt), finishedAt: new Date(REC.stoppedAt) });
    const src = doc.sources[0]!;
    expect([src.lines, src.dated, src.undated, src.warnings]).toEqual([6, 6, 0, 1]);
    expect(doc.events.map((e) => e.utc)).toContain('2026-12-05T07:00:10.000Z');
  });
});
