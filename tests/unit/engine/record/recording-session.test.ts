/**
 * The recording through a real session (a real JPEG from sharp): the steps page is rendered from
 * the redacted recording and never redacted as text; it links the pictures, which are entries of
 * their own beside it, byte for byte, while the window titles and notes are redacted.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../../shared/policy.js';
import { ManifestSchema } from '../../../../shared/types.js';
import { recordingCollectors } from '../../../../electron/engine/record/recording-collector.js';
import type { Recording } from '../../../../electron/engine/record/types.js';
import { generatedEntryReason } from '../../../../electron/engine/redact/redact-files.js';
import { runSession } from '../../../../electron/engine/session.js';
import { readZip } from '../../../helpers/zip.js';

const tmp = () => mkdtempSync(join(os.tmpdir(), 'recording-collector-'));

describe('the recording collector in a session', () => {
  it('links each picture beside the page, byte for byte, with titles and notes redacted', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'logs'));
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } }).jpeg({ quality: 80 }).toBuffer();
    writeFileSync(join(dir, 'step-001.jpg'), jpeg);
    writeFileSync(join(dir, 'logs', 'app.log'), '2026-12-05T07:00:12.000Z ERROR sync failed\n');
    const rec: Recording = {
      format: 'diagcollect-recording/1',
      ticket: '4711',
      startedAt: '2026-12-05T07:00:00.000Z',
      stoppedAt: '2026-12-05T07:01:00.000Z',
      stopReason: 'user',
      input: { mode: 'hook' },
      pictures: { taken: true, bytes: jpeg.length, capBytes: 12 << 20 },
      steps: [
        { n: 1, kind: 'click', at: '2026-12-05T07:00:10.000Z', x: 10, y: 20, button: 1, window: 'Inbox — carol@example.net', image: 'step-001.jpg', imageBytes: jpeg.length },
        { n: 2, kind: 'note', at: '2026-12-05T07:00:20.000Z', note: '报错 E1023，联系 dave@example.org' },
        { n: 3, kind: 'mark', at: '2026-12-05T07:00:30.000Z', image: 'step-003.jpg' },
      ],
      events: [{ at: '2026-12-05T07:00:00.000Z', kind: 'start', text: 'recording started for ticket 4711' }],
      logs: [{ source: '/var/log/app.log', file: 'app.log', bytes: 43 }],
    };
    const result = await runSession({ ticket: '4711', policy: DEFAULT_POLICY, outDir: tmp(), collectors: recordingCollectors(rec, dir, { pictures: true }), checks: [], lang: 'zh-CN', consentSensitive: true });
    const entries = await readZip(result.archivePath);
    const page = entries.find((e) => e.name === '复现录制/操作步骤.html')!.data.toString('utf8');

    expect(page).toContain('<img src="步骤001.jpg"');
    expect(entries.find((e) => e.name === '复现录制/步骤001.jpg')!.data.equals(jpeg)).toBe(true);
    // Step 3's picture file is missing: said in the manifest, and no entry pretends otherwise.
    expect(entries.some((e) => e.name === '复现录制/步骤003.jpg')).toBe(false);

    // Rendered from the redacted recording: the same placeholders as recording.json.
    const json = entries.find((e) => e.name === '复现录制/recording.json')!.data.toString('utf8');
    for (const secret of ['carol@example.net', 'dave@example.org']) {
      expect(page).not.toContain(secret);
      expect(json).not.toContain(secret);
    }
    const placeholders = (text: string) => [...text.matchAll(/&lt;EMAIL-[^&]*&gt;|<EMAIL-[^>]*>/g)].map((m) => m[0].replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    expect(new Set(placeholders(page))).toEqual(new Set(placeholders(json)));
    expect(placeholders(page).length).toBeGreaterThanOrEqual(2);

    const manifest = ManifestSchema.parse(JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')));
    const item = manifest.items.find((i) => i.name === '复现录制/操作步骤.html')!;
    expect(item.note).toContain('rendered from redacted data');
    expect(manifest.skipped.some((s) => s.source === 'step 3')).toBe(true);
  });

  it('diagcollect redact copies the steps page untouched (it was rendered from redacted data)', () => {
    expect(generatedEntryReason('复现录制/操作步骤.html')).toBeDefined();
    expect(generatedEntryReason('recording/steps.html')).toBeDefined();
    expect(generatedEntryReason('复现录制/录制记录.txt')).toBeUndefined();
  });
});
