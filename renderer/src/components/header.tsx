import type { UiLocale } from '../../../shared/api.js';
import { LANGUAGE_NAMES, type Dictionary } from '../i18n.js';
import { Icon } from './icon.js';

export function Header({ t, locale, step, onSwitchLanguage, onOpenSettings }: { t: Dictionary; locale: UiLocale; step: number; onSwitchLanguage: () => void; onOpenSettings?: () => void }) {
  const other: UiLocale = locale === 'zh-CN' ? 'en' : 'zh-CN';
  const steps = Object.values(t.steps);
  return (
    <header className="topbar">
      <a className="skip-link" href="#main">
        {t.skipToContent}
      </a>
      <div className="brand">
        <span className="brand-mark">
          <Icon name="shield" />
        </span>
        <span className="brand-name">{t.appName}</span>
      </div>
      <nav className="steps" aria-label={t.stepOf({ n: step + 1, total: steps.length })}>
        <ol>
          {steps.map((label, i) => (
            <li key={label} className={i === step ? 'current' : i < step ? 'past' : undefined} aria-current={i === step ? 'step' : undefined}>
              <span className="step-num" aria-hidden="true">
                {i < step ? <Icon name="check" /> : i + 1}
              </span>
              <span className="step-label">{label}</span>
            </li>
          ))}
        </ol>
      </nav>
      {onOpenSettings && (
        <button type="button" className="settings-link" onClick={onOpenSettings} title={t.secrets.open}>
          <Icon name="lock" /> <span className="settings-label">{t.secrets.open}</span>
        </button>
      )}
      <button type="button" className="lang-switch" onClick={onSwitchLanguage} aria-label={LANGUAGE_NAMES[other].switchTo} lang={other}>
        {LANGUAGE_NAMES[other].name}
      </button>
    </header>
  );
}
