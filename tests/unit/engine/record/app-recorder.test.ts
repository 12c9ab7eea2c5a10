import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PolicySchema } from '../../../../shared/policy.js';
import { AppRecorder } from '../../../../electron/engine/record/app-recorder.js';

const network = { interfaces: () => ({}), defaultRoutes: async () => [], resolve: async () => [], proxies: async () => [] };

describe('AppRecorder takes its limits from policy record.* (as diagcollect record does)', () => {
  it('shows the policy’s time limit and when the recording ends; record.screenshots off means no pictures, with the reason', async () => {
    const app = new AppRecorder({
      dataDir: mkdtempSync(join(os.tmpdir(), 'app-recorder-')),
      policy: () => PolicySchema.parse({ record: { maxMinutes: 7, screenshots: false } }),
      platform: 'linux',
      env: {},
      recorder: { hook: 'off', network },
    });
    const status = await app.start({ ticket: '4711', pictures: true });
    try {
      expect(status).toMatchObject({ state: 'recording', limitMinutes: 7, noPictures: 'IT policy does not allow pictures while recording (record.screenshots)' });
      expect(Date.parse(status.endsAt!) - Date.parse(status.startedAt!)).toBe(7 * 60_000);
    } finally {
      const stopped = await app.stop();
      expect(stopped.noPictures).toBe('IT policy does not allow pictures while recording (record.screenshots)');
      await app.dispose();
    }
  });
});
