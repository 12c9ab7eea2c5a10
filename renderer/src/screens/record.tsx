/**
 * 复现录制 in the app: record the problem being reproduced, for the ticket in the form. Start →
 * the user reproduces → Stop; while recording a visible indicator with the number of steps, a
 * note field and a mark button. The recording goes into the archive of the collection that
 * follows (the engine's app-recorder); pictures only with the user's consent, never when policy
 * forbids screenshots. All words come from the one catalogue (shared/i18n/messages.ts).
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { DiagnosticsApi, RecordStatus, UiLocale } from '../../../shared/api.js';
import { translator } from '../../../shared/i18n/translate.js';
import { apiErrorText } from '../i18n.js';
import { formatTime } from '../model/format.js';

export interface RecordPanelProps {
  api: DiagnosticsApi;
  locale: UiLocale;
  /** The ticket in the form ('' while empty). */
  ticket: string;
  screenshotAllowed: boolean;
}

const IDLE: RecordStatus = { state: 'idle', steps: 0 };

export function RecordPanel({ api, locale, ticket, screenshotAllowed }: RecordPanelProps) {
  const tr = useMemo(() => translator(locale), [locale]);
  const uid = useId();
  const [status, setStatus] = useState<RecordStatus>(IDLE);
  const [pictures, setPictures] = useState(screenshotAllowed);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ error: unknown }>();

  useEffect(() => {
    let live = true;
    const read = () => api.getRecordStatus().then((s) => live && setStatus(s), () => {});
    void read();
    // The step count follows the clicks while recording (the recorder counts them in main).
    const timer = status.state === 'recording' ? setInterval(read, 1000) : undefined;
    return () => {
      live = false;
      if (timer) clearInterval(timer);
    };
  }, [api, status.state]);

  const run = (call: () => Promise<RecordStatus>) => {
    setBusy(true);
    setError(undefined);
    call().then(
      (s) => setStatus(s),
      (err: unknown) => setError({ error: err }),
    ).finally(() => setBusy(false));
  };
  const recording = status.state === 'recording';

  return (
    <section className="card record" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{tr.t('record.app.title')}</h2>
      <p className="muted">{tr.t('record.app.lead')}</p>
      {recording ? (
        <>
          <p className="record-indicator" role="status">
            <span aria-hidden="true">● </span>
            {tr.t('record.app.recording', { count: status.steps })}
          </p>
          {/* The limit and the end come from the engine (policy record.maxMinutes, or less if asked). */}
          {status.limitMinutes !== undefined && status.endsAt && <p className="muted">{tr.t('record.app.limit', { minutes: status.limitMinutes, time: formatTime(status.endsAt, locale) })}</p>}
          {/* The engine's reason is English: shown in the English UI only. */}
          {status.input === 'interval' && <p className="muted">{tr.t('record.app.noHook', { why: locale === 'en' ? (status.why ?? '') : 'none' })}</p>}
          <form
            className="button-row"
            onSubmit={(e) => {
              e.preventDefault();
              const text = note.trim();
              if (!text) return;
              setNote('');
              run(() => api.recordNote({ text }));
            }}
          >
            <label htmlFor={`${uid}-note`} className="visually-hidden">
              {tr.t('record.app.note')}
            </label>
            <input id={`${uid}-note`} type="text" value={note} maxLength={2000} placeholder={tr.t('record.app.note')} onChange={(e) => setNote(e.target.value)} />
            <button type="submit" disabled={busy || !note.trim()}>
              {tr.t('record.app.addNote')}
            </button>
            <button type="button" disabled={busy} onClick={() => run(() => api.recordMark())}>
              {tr.t('record.app.mark')}
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => run(() => api.recordStop())}>
              {tr.t('record.app.stop')}
            </button>
          </form>
        </>
      ) : (
        <>
          {status.state === 'stopped' && status.ticket && (
            <p role="status">{tr.t('record.app.stopped', { count: status.steps, ticket: status.ticket })}</p>
          )}
          <label className="check">
            <input type="checkbox" checked={pictures && screenshotAllowed} disabled={!screenshotAllowed} onChange={(e) => setPictures(e.target.checked)} />{' '}
            {screenshotAllowed ? tr.t('record.app.pictures') : tr.t('record.app.picturesForbidden')}
          </label>
          <div className="button-row">
            <button type="button" className="primary" disabled={busy || !ticket.trim()} onClick={() => run(() => api.recordStart({ ticket: ticket.trim(), pictures: pictures && screenshotAllowed }))}>
              {tr.t('record.app.start')}
            </button>
            {!ticket.trim() && <span className="muted">{tr.t('record.app.needTicket')}</span>}
          </div>
        </>
      )}
      {error && (
        <p className="banner error" role="alert">
          {apiErrorText(error.error, locale)}
        </p>
      )}
    </section>
  );
}
