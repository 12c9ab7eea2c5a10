/**
 * The offer at launch, before the form: capture the screen now, while the error the user wants
 * to show is still on it. Nothing is taken without a click, the window hides only after saying
 * so, and the picture is attached only if the user turns it on in Review.
 */
import type { UiLocale } from '../../../shared/api.js';
import { Icon } from '../components/icon.js';
import { pick, type Dictionary } from '../i18n.js';
import type { ScreenshotState } from './review.js';

export interface ShotOfferProps {
  t: Dictionary;
  locale: UiLocale;
  screenshot: ScreenshotState;
  dismissed: boolean;
  onTake: () => void;
  onDismiss: () => void;
}

export function ShotOffer({ t, locale, screenshot, dismissed, onTake, onDismiss }: ShotOfferProps) {
  if (screenshot.phase === 'hiding' || screenshot.phase === 'taking') {
    return (
      <p className="banner info shot-offer" role="status">
        <Icon name="spinner" /> <span>{screenshot.phase === 'hiding' ? t.shotHiding : t.screenshotTaking}</span>
      </p>
    );
  }
  if (screenshot.shot?.available) {
    return (
      <p className="banner success shot-offer" role="status">
        <Icon name="camera" /> <span>{t.shotOffer.taken}</span>
      </p>
    );
  }
  if (dismissed) return null;
  return (
    <section className="card shot-offer" aria-labelledby="shot-offer-title">
      <div className="shot-offer-text">
        <h2 id="shot-offer-title">
          <Icon name="camera" /> {t.shotOffer.title}
        </h2>
        <p className="muted small">{t.shotOffer.text}</p>
        {screenshot.shot && !screenshot.shot.available && <p className="small">{pick(screenshot.shot.reason, locale)}</p>}
      </div>
      <div className="button-row">
        <button type="button" onClick={onTake}>
          <Icon name="camera" /> {t.shotOffer.take}
        </button>
        <button type="button" className="link" onClick={onDismiss}>
          {t.shotOffer.skip}
        </button>
      </div>
    </section>
  );
}
