/** The Progress screen's reducer (renderer/src/model/progress.ts) over real event shapes. */
import { describe, expect, it } from 'vitest';
import type { SessionEvent, StartCollectionResponse } from '../../../shared/api.js';
import { applySessionEvent, counts, displayStatus, initialProgress, orderedRows, overallFraction, replayEarly } from '../../../renderer/src/model/progress.js';

const title = (en: string) => ({ 'zh-CN': en, en });
const start: StartCollectionResponse = {
  sessionId: 's1',
  startedAt: '2026-11-24T09:30:00.000Z',
  rows: [
    { id: 'versions', title: title('Versions'), status: 'waiting' },
    { id: 'app-logs', title: title('Application logs'), status: 'waiting' },
    { id: 'processes', title: title('Processes'), status: 'skipped', reason: { code: 'left-out' } },
  ],
};
const progress = (event: Extract<SessionEvent, { type: 'progress' }>['event']): SessionEvent => ({ type: 'progress', sessionId: 's1', event });

describe('applySessionEvent', () => {
  it('moves rows from waiting to running to done, counting files and bytes', () => {
    let s = initialProgress(start, 0);
    expect(counts(s)).toEqual({ done: 0, total: 2 });
    s = applySessionEvent(s, progress({ type: 'phase', phase: 'collecting' }));
    s = applySessionEvent(s, progress({ type: 'collector-start', collector: 'versions' }));
    expect(s.rows[0]!.status).toBe('running');
    s = applySessionEvent(s, progress({ type: 'item', collector: 'versions', name: '版本信息.txt', bytes: 364, totalItems: 1, totalBytes: 364 }));
    s = applySessionEvent(s, progress({ type: 'collector-end', collector: 'versions', status: 'ok', durationMs: 12 }));
    expect(s.rows[0]).toMatchObject({ status: 'ok', items: 1, bytes: 364, durationMs: 12 });
    expect(counts(s)).toEqual({ done: 1, total: 2 });
    expect(overallFraction(s)).toBeCloseTo(0.45);
  });

  it('shows a finished collector whose files are still streaming as writing', () => {
    let s = initialProgress(start, 0);
    s = applySessionEvent(s, progress({ type: 'collector-end', collector: 'app-logs', status: 'ok', durationMs: 3 }));
    s = applySessionEvent(s, progress({ type: 'phase', phase: 'archiving' }));
    expect(displayStatus(s.rows[1]!, s.phase)).toBe('writing');
    expect(counts(s).done).toBe(0);
    s = applySessionEvent(s, progress({ type: 'item', collector: 'app-logs', name: '软件日志/x.log', bytes: 10, totalItems: 1, totalBytes: 10 }));
    expect(displayStatus(s.rows[1]!, s.phase)).toBe('ok');
  });

  it('keeps the failure reason and takes the manifest as the last word', () => {
    let s = initialProgress(start, 0);
    s = applySessionEvent(s, progress({ type: 'collector-end', collector: 'versions', status: 'timeout', durationMs: 15_000, error: 'did not finish within its 15 s timeout; stopped' }));
    expect(s.rows[0]).toMatchObject({ status: 'timeout', detail: 'did not finish within its 15 s timeout; stopped' });
    s = applySessionEvent(s, {
      type: 'finished',
      sessionId: 's1',
      result: {
        ticket: '1',
        archiveName: 'a.zip',
        archivePath: '/x/a.zip',
        bytes: 10,
        sha256: '0'.repeat(64),
        items: 1,
        emailDraft: '/x/a.eml',
        emailSubject: '【技术支持】1',
        collectors: [{ id: 'app-logs', status: 'skipped', durationMs: 1, items: 0, bytes: 0, error: 'no paths are configured', warnings: [] }],
        partial: true,
        startedAt: '2026-11-24T09:30:00.000Z',
        finishedAt: '2026-11-24T09:30:01.000Z',
      },
    });
    expect(s.phase).toBe('done');
    expect(s.rows[1]).toMatchObject({ status: 'skipped', detail: 'no paths are configured' });
    expect(overallFraction(s)).toBe(1);
  });

  it('takes a step after publishing that failed after Done appeared (the after-publish event) into the result, as the engine lists it', () => {
    let s = initialProgress(start, 0);
    const map = { step: 'map' as const, target: '/d/redaction-maps', cause: 'ENOSPC', existing: ['/x/a.zip'] };
    const job = { step: 'job-record' as const, target: '/d/outbox/1/jobs', cause: 'ENOSPC', existing: ['/x/a.zip', '/x/a.eml'] };
    // Before the result: nothing to attach it to.
    expect(applySessionEvent(s, { type: 'after-publish', sessionId: 's1', afterPublish: [job] })).toBe(s);
    s = applySessionEvent(s, {
      type: 'finished',
      sessionId: 's1',
      result: { ticket: '1', archiveName: 'a.zip', archivePath: '/x/a.zip', bytes: 10, sha256: '0'.repeat(64), items: 1, emailDraft: '/x/a.eml', emailSubject: '【技术支持】1', collectors: [], partial: false, startedAt: '2026-11-24T09:30:00.000Z', finishedAt: '2026-11-24T09:30:01.000Z', afterPublish: [map] },
    });
    expect(applySessionEvent(s, { type: 'after-publish', sessionId: 'other', afterPublish: [map, job] })).toBe(s);
    s = applySessionEvent(s, { type: 'after-publish', sessionId: 's1', afterPublish: [map, job] });
    expect(s.phase).toBe('done');
    expect(s.result?.afterPublish).toEqual([map, job]);
  });

  it('ignores another session, and records cancel and failure', () => {
    const s = initialProgress(start, 0);
    expect(applySessionEvent(s, { type: 'cancelled', sessionId: 'other' })).toBe(s);
    expect(applySessionEvent(s, { type: 'cancelled', sessionId: 's1' }).phase).toBe('cancelled');
    expect(applySessionEvent(s, { type: 'failed', sessionId: 's1', message: 'disk full' })).toMatchObject({ phase: 'failed', error: 'disk full' });
  });
});

describe('replayEarly: events that arrived before startCollection answered', () => {
  const finished: SessionEvent = {
    type: 'finished',
    sessionId: 's1',
    result: { ticket: '1', archiveName: 'a.zip', archivePath: '/x/a.zip', bytes: 10, sha256: '0'.repeat(64), items: 1, emailDraft: '/x/a.eml', emailSubject: '【技术支持】1', collectors: [], partial: false, startedAt: '2026-11-24T09:30:00.000Z', finishedAt: '2026-11-24T09:30:01.000Z' },
  };

  it('says a run that already ended, so the window goes to Done (not a Progress screen that never moves again)', () => {
    const { state, ended } = replayEarly(initialProgress(start, 0), [
      progress({ type: 'collector-start', collector: 'versions' }),
      progress({ type: 'collector-end', collector: 'versions', status: 'ok', durationMs: 2 }),
      finished,
      { type: 'after-publish', sessionId: 's1', afterPublish: [] },
    ]);
    expect(ended?.type).toBe('finished');
    expect(state.phase).toBe('done');
    expect(state.result?.archiveName).toBe('a.zip');
  });

  it('says nothing ended for a run still going, and ignores another session\'s end', () => {
    const going = replayEarly(initialProgress(start, 0), [progress({ type: 'collector-start', collector: 'versions' }), { ...finished, sessionId: 'other' }]);
    expect(going.ended).toBeUndefined();
    expect(going.state.rows[0]!.status).toBe('running');
    const failed = replayEarly(initialProgress(start, 0), [{ type: 'failed', sessionId: 's1', message: 'disk full' }]);
    expect(failed.ended).toMatchObject({ type: 'failed', message: 'disk full' });
  });
});

describe('orderedRows', () => {
  it('puts the items being read first, then waiting, then finished, skipped last', () => {
    let s = initialProgress(start, 0);
    s = applySessionEvent(s, progress({ type: 'collector-start', collector: 'versions' }));
    s = applySessionEvent(s, progress({ type: 'collector-end', collector: 'versions', status: 'ok', durationMs: 3 }));
    s = applySessionEvent(s, progress({ type: 'item', collector: 'versions', name: '版本信息.txt', bytes: 10, totalItems: 1, totalBytes: 10 }));
    expect(orderedRows(s).map((r) => [r.row.id, r.status])).toEqual([
      ['app-logs', 'waiting'],
      ['versions', 'ok'],
      ['processes', 'skipped'],
    ]);
    s = applySessionEvent(s, progress({ type: 'collector-start', collector: 'app-logs' }));
    s = applySessionEvent(s, progress({ type: 'item', collector: 'app-logs', name: 'a.log', bytes: 48 << 20, totalItems: 2, totalBytes: 10 + (48 << 20) }));
    expect(orderedRows(s)[0]).toMatchObject({ row: { id: 'app-logs', bytes: 48 << 20 }, status: 'running' });
  });
});
