/**
 * The basic checklist on the Done screen, for the person at the computer: each result's plain
 * sentence and the one action they can take, as the engine decided (CheckResult.user), in the
 * app's language through the one catalogue. Results the engine marks not-for-user (nothing
 * configured, evidence for the agent) are not shown; the technical detail stays in checks.json
 * and the summary page.
 */
import type { ChecksState, UiLocale } from '../../../shared/api.js';
import { checkText } from '../../../shared/i18n/check-text.js';
import { translator } from '../../../shared/i18n/translate.js';
import type { CheckGroup, CheckResult, CheckStatus } from '../../../shared/types.js';
import type { Dictionary } from '../i18n.js';
import { Icon, type IconName } from './icon.js';

const CHECK_ICON: Record<CheckStatus, IconName> = { pass: 'check', warn: 'warn', fail: 'cross', skipped: 'minus' };
const GROUPS: CheckGroup[] = ['network', 'version', 'environment', 'restart'];

export function ChecksList({ t, locale, checks }: { t: Dictionary; locale: UiLocale; checks: ChecksState | undefined }) {
  if (checks?.state === 'none') return null;
  return (
    <section className="card checks" aria-labelledby="done-checks" aria-busy={checks?.state !== 'done' || undefined}>
      <h2 id="done-checks">{t.checksTitle}</h2>
      {!checks || checks.state === 'running' ? (
        <p className="muted" role="status">
          <Icon name="spinner" /> {t.checksRunning}
        </p>
      ) : checks.results.every((r) => !r.user.show) ? (
        <p className="muted">{t.checksNone}</p>
      ) : (
        GROUPS.map((g, i) => <CheckGroupList key={g} t={t} locale={locale} number={i + 1} group={g} results={checks.results.filter((r) => r.group === g && r.user.show)} />)
      )}
    </section>
  );
}

function CheckGroupList({ t, locale, number, group, results }: { t: Dictionary; locale: UiLocale; number: number; group: CheckGroup; results: CheckResult[] }) {
  if (results.length === 0) return null;
  const tr = translator(locale);
  return (
    <div className="check-group">
      <h3>
        {number}. {t.checkGroups[group]}
      </h3>
      <ul className="check-list">
        {results.map((r) => (
          <li key={r.id} className={`check status-${r.status}`} data-check={r.id}>
            <span className="check-icon">
              <Icon name={CHECK_ICON[r.status]} />
            </span>
            <div className="check-main">
              <p className="check-title">
                <span>{checkText(tr, r.user.sentence)}</span> <span className={`pill pill-${r.status}`}>{t.checkStatus[r.status]}</span>
              </p>
              {r.user.action && <p className="check-action small">→ {checkText(tr, r.user.action)}</p>}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
