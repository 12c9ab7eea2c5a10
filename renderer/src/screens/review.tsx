/**
 * Review: what will be collected, in plain words first (one sentence per category, the commands
 * and paths under 技术细节); categories that read nothing are listed apart with the reason; the
 * screenshot only when the user took one and turned it on; then Start.
 */
import { useId } from 'react';
import type { CategoryPreview, Preview, Screenshot, UiLocale } from '../../../shared/api.js';
import { Icon } from '../components/icon.js';
import { pick, type Dictionary } from '../i18n.js';
import { formatBytes } from '../model/format.js';

export interface ScreenshotState {
  /** `hiding`: the user was told the window hides; the capture follows. */
  phase: 'idle' | 'hiding' | 'taking' | 'done';
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

/** Why a category takes nothing: locked by policy or platform, or nothing configured to read. */
function notCollectedReason(t: Dictionary, c: CategoryPreview, locale: UiLocale): string | undefined {
  if (c.lock) return t.locks[c.lock];
  if (c.note && c.estimate.bytes === 0) return pick(c.note, locale);
  return undefined;
}

/** The engine's estimate as it is: exact when sized now, "about" when from the last collection or a typical size. */
function sizeText(t: Dictionary, estimate: CategoryPreview['estimate']): string {
  const size = formatBytes(estimate.bytes);
  if (estimate.basis === 'measured') return size;
  return estimate.basis === 'measured-last' ? t.estimateLast({ size }) : t.estimate({ size });
}

export function ReviewScreen(props: ReviewProps) {
  const { t, locale, preview, exclude, notice } = props;
  const uid = useId();
  const categories = preview?.categories.filter((c) => c.category !== 'screenshot') ?? [];
  const offered = categories.filter((c) => notCollectedReason(t, c, locale) === undefined);
  const notOffered = categories.filter((c) => notCollectedReason(t, c, locale) !== undefined);
  const shotCategory = preview?.categories.find((c) => c.category === 'screenshot');
  const included = (c: CategoryPreview) => !exclude.has(c.id);

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
            {offered.map((c) => {
              const on = included(c);
              const id = `${uid}-${c.id}`;
              return (
                <li key={c.id} className={`category${on ? '' : ' off'}`} data-category={c.id}>
                  <input type="checkbox" className="switch" id={id} checked={on} onChange={(e) => props.onToggle(c.id, e.target.checked)} aria-describedby={`${id}-what`} />
                  <div className="category-main">
                    <label htmlFor={id} className="category-title">
                      {pick(c.title, locale)}
                    </label>
                    <p className="contains" id={`${id}-what`}>
                      {pick(c.about, locale)}
                    </p>
                    {c.note && <p className="muted small">{pick(c.note, locale)}</p>}
                    {c.reads.length > 0 && (
                      <details className="reads">
                        <summary>{t.technicalDetails}</summary>
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
                  <span className="size" data-basis={c.estimate.basis}>
                    {sizeText(t, c.estimate)}
                  </span>
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

        {notOffered.length > 0 && (
          <section className="card not-collected" aria-labelledby={`${uid}-not`}>
            <h2 id={`${uid}-not`}>{t.notCollected}</h2>
            <ul className="plain">
              {notOffered.map((c) => (
                <li key={c.id} data-category={c.id} data-not-collected="">
                  <strong>{pick(c.title, locale)}</strong>
                  <span className="muted">
                    {' '}
                    — {c.lock && <Icon name="lock" />}
                    {notCollectedReason(t, c, locale)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}

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
        {/* The engine's total (what is switched on, the screenshot once attached): never summed here. */}
        <span className="total muted">{preview ? t.total({ size: formatBytes(preview.totalBytes) }) : ''}</span>
        <button type="button" className="primary" onClick={props.onStart} disabled={!preview || props.starting} aria-busy={props.starting || undefined}>
          {props.starting ? t.starting : t.startCollecting}
        </button>
      </footer>
    </div>
  );
}

function ScreenshotPanel({ t, locale, screenshot, onTakeScreenshot, onIncludeScreenshot }: ReviewProps) {
  const shot = screenshot.shot;
  if (screenshot.phase === 'hiding' || screenshot.phase === 'taking') {
    return (
      <p className="muted" role="status">
        <Icon name="spinner" /> {screenshot.phase === 'hiding' ? t.shotHiding : t.screenshotTaking}
      </p>
    );
  }
  if (!shot || !shot.available) {
    return (
      <div className="shot-empty">
        <p className="muted">{shot && !shot.available ? pick(shot.reason, locale) : t.screenshotLead}</p>
        <button type="button" onClick={onTakeScreenshot}>
          <Icon name="camera" /> {t.take}
        </button>
      </div>
    );
  }
  return (
    <div className={`shot${screenshot.include ? '' : ' excluded'}`}>
      <img src={shot.dataUrl} alt={t.screenshotAlt({ w: shot.width, h: shot.height })} width={shot.width} height={shot.height} />
      <div className="shot-side">
        <label className="shot-include">
          <input type="checkbox" className="switch" checked={screenshot.include} onChange={(e) => onIncludeScreenshot(e.target.checked)} />
          <span>{t.includeShot}</span>
        </label>
        <p className="shot-state" role="status">
          <Icon name={screenshot.include ? 'check' : 'minus'} /> {screenshot.include ? t.screenshotIncluded : t.screenshotExcluded}
        </p>
        <p className="muted small">
          {shot.width}×{shot.height} · {formatBytes(shot.bytes)}
        </p>
        <div className="button-row">
          <button type="button" onClick={onTakeScreenshot}>
            <Icon name="retry" /> {t.retake}
          </button>
        </div>
      </div>
    </div>
  );
}
