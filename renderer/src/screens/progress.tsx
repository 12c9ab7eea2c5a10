/**
 * Progress: the counter and the elapsed time always in view, the overall bar, then the items —
 * those being read now first, with a spinner and the bytes read so far — and Cancel, which
 * asks first (what was collected is deleted).
 */
import { useEffect, useState } from 'react';
import type { UiLocale } from '../../../shared/api.js';
import { Icon, type IconName } from '../components/icon.js';
import { pick, reasonText, type Dictionary } from '../i18n.js';
import { formatBytes, formatElapsed } from '../model/format.js';
import { counts, orderedRows, overallFraction, type ProgressRow, type ProgressState, type RowStatus } from '../model/progress.js';

const ROW_ICON: Record<RowStatus, IconName> = {
  waiting: 'clock',
  running: 'spinner',
  writing: 'spinner',
  ok: 'check',
  skipped: 'minus',
  error: 'cross',
  timeout: 'warn',
  cancelled: 'minus',
};

interface ProgressProps {
  t: Dictionary;
  locale: UiLocale;
  state: ProgressState;
  onCancel: () => void;
  cancelling: boolean;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}

export function ProgressScreen({ t, locale, state, onCancel, cancelling, headingRef }: ProgressProps) {
  const [now, setNow] = useState(() => Date.now());
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const { done, total } = counts(state);
  const pct = Math.round(overallFraction(state) * 100);
  const phaseText = state.phase === 'archiving' || state.phase === 'finalizing' ? t.phases[state.phase] : undefined;
  const rows = orderedRows(state);

  return (
    <div className="screen">
      <div className="screen-body">
        <div className="title-row">
          <h1 ref={headingRef} tabIndex={-1}>
            {t.progressTitle}
          </h1>
          <span className="elapsed muted" data-testid="elapsed">
            <Icon name="clock" /> {t.elapsed({ time: formatElapsed(now - state.startedAt) })}
          </span>
        </div>
        <div className="overall card">
          <div className="overall-labels">
            <span id="overall-label">{t.overall}</span>
            <span className="counter" data-testid="counter" aria-live="polite">
              {t.counter({ done, total })}
              {phaseText ? <span className="muted"> · {phaseText}</span> : null}
            </span>
          </div>
          <div className="bar" role="progressbar" aria-labelledby="overall-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={`${pct}% · ${t.counter({ done, total })}`}>
            <div className="bar-fill" style={{ width: `${pct}%` }} />
          </div>
        </div>
        <ol className="rows card" aria-label={t.progressTitle}>
          {rows.map(({ row, status }) => (
            <Row key={row.id} row={row} status={status} t={t} locale={locale} />
          ))}
        </ol>
      </div>
      <footer className="actionbar">
        {asking && !cancelling ? (
          <div className="confirm" role="alertdialog" aria-labelledby="cancel-q" aria-modal="false">
            <span id="cancel-q">{t.cancelConfirm}</span>
            <span className="spacer" />
            <button type="button" className="primary" onClick={() => setAsking(false)} autoFocus>
              {t.cancelNo}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setAsking(false);
                onCancel();
              }}
            >
              {t.cancelYes}
            </button>
          </div>
        ) : (
          <>
            <span className="spacer" />
            <button type="button" className="danger" onClick={() => setAsking(true)} disabled={cancelling} aria-busy={cancelling || undefined}>
              {cancelling ? t.cancelling : t.cancel}
            </button>
          </>
        )}
      </footer>
    </div>
  );
}

function Row({ row, status, t, locale }: { row: ProgressRow; status: RowStatus; t: Dictionary; locale: UiLocale }) {
  const active = status === 'running' || status === 'writing';
  const detail =
    status === 'ok'
      ? t.rowDetail({ items: row.items, size: formatBytes(row.bytes) })
      : active && row.bytes > 0
        ? t.bytesRead({ size: formatBytes(row.bytes) })
        : row.reason || status === 'skipped' || status === 'error' || status === 'timeout'
          ? reasonText(row, locale) || undefined
          : undefined;
  return (
    <li className={`row status-${status}${active ? ' active' : ''}`} data-collector={row.id} data-status={status}>
      <span className="row-icon">
        <Icon name={ROW_ICON[status]} />
      </span>
      <span className="row-title">{pick(row.title, locale)}</span>
      <span className="row-status">{t.rowStatus[status]}</span>
      {detail && <span className="row-detail">{detail}</span>}
    </li>
  );
}
