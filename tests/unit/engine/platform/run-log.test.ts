import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRunLog, RUN_LOG_KEEP, RUN_LOG_MAX_BYTES, runLogFile, scrubLogText } from '../../../../electron/engine/platform/run-log.js';

describe('run log (collect --silent)', () => {
  it('appends timestamped lines to <data dir>/logs/diagcollect.log, readable only by the owner', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'runlog-'));
    const log = createRunLog(dir, () => new Date('2026-01-02T03:04:05Z'));
    log.info('collect: ticket 12345');
    log.error('exit 2: bad ticket');
    await log.flush();
    expect(log.file).toBe(runLogFile(dir));
    expect(log.file).toBe(join(dir, 'logs', 'diagcollect.log'));
    const text = readFileSync(log.file, 'utf8');
    expect(text).toMatch(/^2026-01-02T03:04:05\.000Z INFO {2}\[\d+\] collect: ticket 12345\n2026-01-02T03:04:05\.000Z ERROR \[\d+\] exit 2: bad ticket\n$/);
    expect(statSync(log.file).mode & 0o077).toBe(0);
  });

  it('rotates when full and keeps a bounded number of old files', async () => {
    const dir = mkdtempSync(join(os.tmpdir(), 'runlog-'));
    mkdirSync(join(dir, 'logs'));
    writeFileSync(runLogFile(dir), 'x'.repeat(RUN_LOG_MAX_BYTES - 10));
    for (let i = 0; i < RUN_LOG_KEEP + 2; i += 1) {
      const log = createRunLog(dir);
      // Lines are capped at 2000 characters: fill with many.
      for (let j = 0; j < 100; j += 1) log.info(`run ${i} ${'y'.repeat(1900)}`);
      await log.flush();
    }
    for (let i = 1; i <= RUN_LOG_KEEP; i += 1) expect(existsSync(`${runLogFile(dir)}.${i}`)).toBe(true);
    expect(existsSync(`${runLogFile(dir)}.${RUN_LOG_KEEP + 1}`)).toBe(false);
    expect(statSync(runLogFile(dir)).size).toBeLessThanOrEqual(RUN_LOG_MAX_BYTES);
  });

  it('never writes secrets: credentials in URLs, query strings, tokens and keys are masked', () => {
    const line = scrubLogText('upload to https://bob:hunter2@redmine.example.com/issues/1.json?key=abc123 failed; token=xyz Authorization: Bearer eyJabc api_key: k-42 sig=AAAA\nnext');
    expect(line).not.toMatch(/hunter2|abc123|xyz|eyJabc|k-42|AAAA/);
    expect(line).toContain('https://redmine.example.com/issues/1.json?…');
    expect(line).not.toContain('\n');
  });
});
