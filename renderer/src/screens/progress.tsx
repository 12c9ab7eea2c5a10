/** Progress: the overall bar, one row per collector, the elapsed time, Cancel. */
import { useEffect, useState } from 'react';
import type { UiLocale } from '../../../shared/api.js';
import { Icon, type IconName } from '../components/icon.js';
import { pick, reasonText, type Dictionary } from '../i18n.js';
import { formatBytes, formatElapsed } from '../model/format.js';
import { counts, displayStatus, overallFraction, type ProgressRow, type ProgressState, type RowStatus } from '../model/progress.js';

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
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const { done, total } = counts(state);
  const pct = Math.round(overallFraction(state) * 100);
  const phaseText = t.phases[state.phase];

  return (
    <div className="screen">
      <div className="screen-body">
        <div className="title-row">
          <h1 ref={headingRef} tabIndex={-1}>
            {t.progressTitle}
          </h1>
          <span className="elapsed muted" aria-hidden="true">
            <Icon name="clock" /> {t.elapsed(formatElapsed(now - state.startedAt))}
          </span>
        </div>
        <div className="overall card">
          <div className="overall-labels">
            <span id="overall-label">{t.overall}</span>
            <span className="muted" aria-live="polite">
              {phaseText ?? t.counter(done, total)}
            </span>
          </div>
          <div className="bar" role="progressbar" aria-labelledby="overall-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={`${pct}% · ${t.counter(done, total)}`}>
            <div className="bar-fill" style={{ width: `${pct}%` }} />
          </div>
        </div>
        <ol className="rows card" aria-label={t.progressTitle}>
          {state.rows.map((row) => (
            <Row key={row.id} row={row} status={displayStatus(row, state.phase)} t={t} locale={locale} />
          ))}
        </ol>
      </div>
      <footer className="actionbar">
        <span className="spacer" />
        <button type="button" className="danger" onClick={onCancel} disabled={cancelling} aria-busy={cancelling || undefined}>
          {cancelling ? t.cancelling : t.cancel}
        </button>
      </footer>
    </div>
  );
}

function Row({ row, status, t, locale }: { row: ProgressRow; status: RowStatus; t: Dictionary; locale: UiLocale }) {
  const detail =
    status === 'ok'
      ? t.rowDetail(row.items, formatBytes(row.bytes))
      : row.reason || status === 'skipped' || status === 'error' || status === 'timeout'
        ? reasonText(row, locale) || undefined
        : undefined;
  return (
    <li className={`row status-${status}`} data-collector={row.id} data-status={status}>
      <span className="row-icon">
        <Icon name={ROW_ICON[status]} />
      </span>
      <span className="row-title">{pick(row.title, locale)}</span>
      <span className="row-status">{t.rowStatus[status]}</span>
      {detail && <span className="row-detail">{detail}</span>}
    </li>
  );
}
