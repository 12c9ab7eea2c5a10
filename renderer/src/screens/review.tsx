/** Review: every category with what it reads and its size, the screenshot preview, then Start. */
import { useId } from 'react';
import type { CategoryPreview, Preview, Screenshot, UiLocale } from '../../../shared/api.js';
import { Icon } from '../components/icon.js';
import { pick, type Dictionary } from '../i18n.js';
import { formatBytes } from '../model/format.js';

export interface ScreenshotState {
  phase: 'idle' | 'taking' | 'done';
  shot?: Screenshot;
  include: boolean;
}

interface ReviewProps {
  t: Dictionary;
  locale: UiLocale;
  preview: Preview | undefined;
  exclude: ReadonlySet<string>;
  onToggle: (id: string, on: boolean) => void;
  screenshot: ScreenshotState;
  onTakeScreenshot: () => void;
  onIncludeScreenshot: (include: boolean) => void;
  onBack: () => void;
  onStart: () => void;
  starting: boolean;
  notice?: { kind: 'warn' | 'error'; text: string };
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}

export function ReviewScreen(props: ReviewProps) {
  const { t, locale, preview, exclude, screenshot, notice } = props;
  const uid = useId();
  const categories = preview?.categories.filter((c) => c.category !== 'screenshot') ?? [];
  const shotCategory = preview?.categories.find((c) => c.category === 'screenshot');
  const included = (c: CategoryPreview) => !c.lock && !exclude.has(c.id);
  const shotBytes = screenshot.include && screenshot.shot?.available ? screenshot.shot.bytes : 0;
  const total = categories.filter(included).reduce((sum, c) => sum + c.estimate.bytes, 0) + shotBytes;

  return (
    <div className="screen">
      <div className="screen-body">
        <h1 ref={props.headingRef} tabIndex={-1}>
          {t.reviewTitle}
        </h1>
        <p className="lead">{t.reviewLead}</p>
        {notice && (
          <div className={`banner ${notice.kind}`} role="alert">
            <Icon name="warn" /> <span>{notice.text}</span>
          </div>
        )}

        <section className="card" aria-labelledby={`${uid}-list`}>
          <h2 id={`${uid}-list`} className="visually-hidden">
            {t.reviewTitle}
          </h2>
          {!preview && <p className="muted">{t.loading}</p>}
          <ul className="categories">
            {categories.map((c) => {
              const on = included(c);
              const id = `${uid}-${c.id}`;
              return (
                <li key={c.id} className={`category${c.lock ? ' locked' : ''}${on ? '' : ' off'}`} data-category={c.id}>
                  <input
                    type="checkbox"
                    className="switch"
                    id={id}
                    checked={on}
                    disabled={Boolean(c.lock)}
                    onChange={(e) => props.onToggle(c.id, e.target.checked)}
                    aria-describedby={c.lock ? `${id}-lock` : undefined}
                  />
                  <div className="category-main">
                    <label htmlFor={id} className="category-title">
                      {pick(c.title, locale)}
                    </label>
                    {c.lock && (
                      <span className="lock-note" id={`${id}-lock`}>
                        <Icon name="lock" /> {t.locks[c.lock]}
                      </span>
                    )}
                    {c.note && <p className="muted small">{pick(c.note, locale)}</p>}
                    {c.reads.length > 0 && (
                      <details className="reads">
                        <summary>{t.reads}</summary>
                        <ul>
                          {c.reads.map((r) => (
                            <li key={r}>
                              <code>{r}</code>
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </div>
                  <span className="size">{c.lock || (c.note && c.estimate.bytes === 0) ? '—' : t.estimate(formatBytes(c.estimate.bytes), c.estimate.basis === 'measured')}</span>
                </li>
              );
            })}
          </ul>
        </section>

        <section className="card screenshot" aria-labelledby={`${uid}-shot`}>
          <h2 id={`${uid}-shot`}>
            <Icon name="camera" /> {t.screenshotTitle} <span className="badge">{t.sensitive}</span>
          </h2>
          {shotCategory?.lock ? (
            <p className="lock-note">
              <Icon name="lock" /> {t.screenshotForbidden}
            </p>
          ) : (
            <ScreenshotPanel {...props} />
          )}
        </section>

        {preview?.redaction && preview.redaction.samples.length > 0 && (
          <section className="card" aria-labelledby={`${uid}-redact`}>
            <h2 id={`${uid}-redact`}>{t.redactionTitle}</h2>
            {preview.redaction.types && (
              <p className="muted small">{preview.redaction.types.map((type) => `${pick(type.rule, locale)} × ${type.count}`).join(' · ')}</p>
            )}
            <ul className="redaction">
              {preview.redaction.samples.map((s, i) => (
                <li key={i}>
                  <span className="muted small">{pick(s.rule, locale)}</span>
                  <code className="before">{s.before}</code>
                  <span aria-hidden="true">→</span>
                  <code className="after">{s.after}</code>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <footer className="actionbar">
        <button type="button" onClick={props.onBack}>
          {t.back}
        </button>
        <span className="total muted">{preview ? t.total(formatBytes(total)) : ''}</span>
        <button type="button" className="primary" onClick={props.onStart} disabled={!preview || props.starting} aria-busy={props.starting || undefined}>
          {props.starting ? t.starting : t.startCollecting}
        </button>
      </footer>
    </div>
  );
}

function ScreenshotPanel({ t, locale, screenshot, onTakeScreenshot, onIncludeScreenshot }: ReviewProps) {
  const shot = screenshot.shot;
  if (screenshot.phase === 'taking') {
    return (
      <p className="muted" role="status">
        <Icon name="spinner" /> {t.screenshotTaking}
      </p>
    );
  }
  if (!shot) {
    return (
      <div className="shot-empty">
        <p className="muted">{t.screenshotLead}</p>
        <button type="button" onClick={onTakeScreenshot}>
          <Icon name="camera" /> {t.take}
        </button>
      </div>
    );
  }
  if (!shot.available) {
    return (
      <div className="shot-empty">
        <p className="muted">{pick(shot.reason, locale)}</p>
        <button type="button" onClick={onTakeScreenshot}>
          <Icon name="retry" /> {t.retake}
        </button>
      </div>
    );
  }
  return (
    <div className={`shot${screenshot.include ? '' : ' excluded'}`}>
      <img src={shot.dataUrl} alt={t.screenshotAlt(shot.width, shot.height)} width={shot.width} height={shot.height} />
      <div className="shot-side">
        <p className="shot-state" role="status">
          <Icon name={screenshot.include ? 'check' : 'minus'} /> {screenshot.include ? t.screenshotIncluded : t.screenshotExcluded}
        </p>
        <p className="muted small">
          {shot.width}×{shot.height} · {formatBytes(shot.bytes)}
        </p>
        <div className="button-row">
          {screenshot.include ? (
            <button type="button" onClick={() => onIncludeScreenshot(false)}>
              {t.dontInclude}
            </button>
          ) : (
            <button type="button" onClick={() => onIncludeScreenshot(true)}>
              {t.include}
            </button>
          )}
          <button type="button" onClick={onTakeScreenshot}>
            <Icon name="retry" /> {t.retake}
          </button>
        </div>
      </div>
    </div>
  );
}
