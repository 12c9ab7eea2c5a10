/**
 * A recording's pictures go through the single screenshot's consent and preview: the real
 * planner and dry run over a real recording folder (real JPEGs, recording.json as the recorder
 * writes it) list them as sensitive entries with their sizes, and the screenshot switch or
 * policy leaves them out (the steps page then says why).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PolicySchema } from '../../../../shared/policy.js';
import { COLLECTORS } from '../../../../electron/engine/collectors/index.js';
import { recordingCollectors, recordingPictureFacts } from '../../../../electron/engine/record/recording-collector.js';
import type { Recording } from '../../../../electron/engine/record/types.js';
import { previewWorkflow } from '../../../../electron/engine/workflow/run-workflow.js';

async function recordingFolder(): Promise<{ rec: Recording; dir: string; sizes: number[] }> {
  const dir = mkdtempSync(join(os.tmpdir(), 'rec-collector-'));
  const sizes: number[] = [];
  for (const n of [1, 2]) {
    const jpeg = await sharp({ create: { width: 64, height: 40, channels: 3, background: n === 1 ? '#336699' : '#993366' } }).jpeg().toBuffer();
    writeFileSync(join(dir, `step-00${n}.jpg`), jpeg);
    sizes.push(jpeg.length);
  }
  const at = '2026-12-05T10:00:00.000Z';
  const rec: Recording = {
    format: 'diagcollect-recording/1',
    ticket: '4711',
    startedAt: at,
    stoppedAt: '2026-12-05T10:01:00.000Z',
    stopReason: 'user',
    input: { mode: 'hook' },
    pictures: { taken: true, method: 'x11', bytes: sizes[0]! + sizes[1]!, capBytes: 12 * 1024 * 1024 },
    steps: [
      { n: 1, kind: 'click', at, x: 10, y: 10, button: 1, window: 'ERP', image: 'step-001.jpg', imageBytes: sizes[0]! },
      { n: 2, kind: 'click', at, x: 20, y: 20, button: 1, image: 'step-002.jpg', imageBytes: sizes[1]! },
      { n: 3, kind: 'note', at, note: 'the save button does nothing' },
    ],
    events: [],
    logs: [],
  };
  return { rec, dir, sizes };
}

const preview = (rec: Recording, dir: string, options: { consent: boolean; screenshotAllowed?: boolean }) =>
  previewWorkflow({
    ticket: '4711',
    policy: PolicySchema.parse({ screenshotAllowed: options.screenshotAllowed ?? true }),
    collectors: [...COLLECTORS, ...recordingCollectors(rec, dir, { pictures: options.consent })],
    only: ['recording', 'recording-pictures'],
    consentSensitive: options.consent,
    lang: 'en',
    platform: 'linux',
  });

describe('the recording’s pictures in the preview (as the single screenshot)', () => {
  it('with consent: each picture is a sensitive, binary entry with its size; the count and bytes come from the recording', async () => {
    const { rec, dir, sizes } = await recordingFolder();
    expect(recordingPictureFacts(rec)).toEqual({ count: 2, bytes: sizes[0]! + sizes[1]! });
    const p = await preview(rec, dir, { consent: true });
    const pictures = p.items.filter((i) => i.collector === 'recording-pictures');
    expect(pictures.map((i) => [i.size, i.sensitive, i.kind])).toEqual([
      [sizes[0], true, 'binary'],
      [sizes[1], true, 'binary'],
    ]);
    expect(pictures.every((i) => i.name.endsWith('.jpg'))).toBe(true);
    // The steps themselves are text, redacted, not sensitive.
    expect(p.items.find((i) => i.collector === 'recording' && i.name.endsWith('.html'))!.sensitive).toBe(false);
  });

  it('without consent (--no-screenshot, the Review checkbox): the pictures are skipped as the screenshot is, and the steps page says why', async () => {
    const { rec, dir } = await recordingFolder();
    const p = await preview(rec, dir, { consent: false });
    expect(p.items.some((i) => i.collector === 'recording-pictures')).toBe(false);
    expect(p.skipped.find((s) => s.collector === 'recording-pictures')?.reason).toMatch(/consent/);
    const json = p.items.find((i) => i.collector === 'recording' && i.name.endsWith('.json'))!;
    expect(json.size).toBeGreaterThan(0);
    const steps = recordingCollectors(rec, dir, { pictures: false });
    expect(steps.map((c) => [c.id, c.sensitive, c.category])).toEqual([
      ['recording', false, 'recording'],
      ['recording-pictures', true, 'screenshot'],
    ]);
  });

  it('policy screenshotAllowed: false leaves them out even with consent, with the screenshot’s reason', async () => {
    const { rec, dir } = await recordingFolder();
    const p = await preview(rec, dir, { consent: true, screenshotAllowed: false });
    expect(p.items.some((i) => i.collector === 'recording-pictures')).toBe(false);
    expect(p.skipped.find((s) => s.collector === 'recording-pictures')?.reason).toMatch(/policy/i);
  });
});
