/**
 * 上传设置: the secret the upload target needs (Redmine API key, RT token, SMTP password …),
 * stored by the engine in the OS keychain. The screen shows whether each one is stored — never
 * the value — and lets the user (or IT at the desk) save, replace or remove it. What is typed
 * lives only in this screen's field and is cleared as soon as it has been handed to main.
 */
import { useEffect, useId, useState } from 'react';
import type { DiagnosticsApi, UiLocale, UploadSecrets } from '../../../shared/api.js';
import { Icon } from '../components/icon.js';
import { apiErrorText, type Dictionary } from '../i18n.js';

interface SettingsProps {
  t: Dictionary;
  locale: UiLocale;
  api: DiagnosticsApi;
  onBack: () => void;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}

type Kind = keyof Dictionary['secrets']['kind'];
const kindOf = (t: Dictionary, key: string): string => (key in t.secrets.kind ? t.secrets.kind[key as Kind] : key);

export function SettingsScreen({ t, locale, api, onBack, headingRef }: SettingsProps) {
  const [state, setState] = useState<UploadSecrets>();
  const [failed, setFailed] = useState<{ error: unknown }>();
  useEffect(() => {
    let live = true;
    api.getUploadSecrets().then(
      (s) => live && setState(s),
      (err: unknown) => live && setFailed({ error: err }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const s = t.secrets;
  return (
    <div className="screen">
      <div className="screen-body settings">
        <h1 ref={headingRef} tabIndex={-1}>
          {s.title}
        </h1>
        {failed && (
          <div className="banner error" role="alert">
            <Icon name="warn" /> {apiErrorText(failed.error, locale)}
          </div>
        )}
        {!state ? (
          !failed && (
            <p className="muted" role="status">
              {t.loading}
            </p>
          )
        ) : state.secrets.length === 0 ? (
          <p className="lead">{s.none}</p>
        ) : (
          <>
            <p className="lead">{s.lead({ target: state.targetName })}</p>
            {state.keychain !== 'available' && (
              <div className="banner warn" role="alert">
                <Icon name="warn" /> {state.keychain === 'none' ? s.error['no-keychain']({ envName: state.secrets[0]!.envName }) : s.unavailable({ envName: state.secrets[0]!.envName })}
              </div>
            )}
            {state.secrets.map((secret) => (
              <SecretCard key={secret.key} t={t} locale={locale} api={api} secret={secret} disabled={state.keychain !== 'available'} onChanged={setState} />
            ))}
            <p className="muted small">
              <Icon name="shield" /> {s.privacy}
            </p>
          </>
        )}
      </div>
      <footer className="actionbar">
        <button type="button" onClick={onBack}>
          {s.back}
        </button>
      </footer>
    </div>
  );
}

function SecretCard(props: { t: Dictionary; locale: UiLocale; api: DiagnosticsApi; secret: UploadSecrets['secrets'][number]; disabled: boolean; onChanged: (s: UploadSecrets) => void }) {
  const { t, locale, api, secret } = props;
  const s = t.secrets;
  const kind = kindOf(t, secret.key);
  const uid = useId();
  // The typed value: only until it is handed to main, then cleared (whatever the answer).
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ ok: boolean; text: string }>();

  const answer = (next: UploadSecrets) => {
    props.onChanged(next);
    if (next.error) setSaid({ ok: false, text: next.error === 'unknown-secret' || next.error === 'write-failed' ? s.error[next.error] : s.error[next.error]({ envName: secret.envName }) });
    else setSaid({ ok: true, text: next.outcome === 'removed' ? s.removed : s.saved });
  };
  const run = (call: () => Promise<UploadSecrets>) => {
    setBusy(true);
    setSaid(undefined);
    call()
      .then(answer, (err: unknown) => setSaid({ ok: false, text: apiErrorText(err, locale) }))
      .finally(() => setBusy(false));
  };
  const save = (e: React.FormEvent) => {
    e.preventDefault();
    if (!value) return;
    const typed = value;
    setValue('');
    run(() => api.storeUploadSecret({ key: secret.key, value: typed }));
  };

  return (
    <form className="card secret" onSubmit={save} aria-labelledby={`${uid}-title`} data-secret={secret.key}>
      <h2 id={`${uid}-title`}>
        <Icon name="lock" /> {kind}
      </h2>
      <p className={`secret-state ${secret.stored ? 'stored' : 'missing'}`} data-testid="secret-state">
        <Icon name={secret.stored ? 'check' : 'minus'} /> {secret.stored ? s.stored : s.missing}
      </p>
      {secret.fromEnvironment && (
        <p className="muted small">
          {s.fromEnvironment} (<code>{secret.envName}</code>)
        </p>
      )}
      <div className="field">
        <label htmlFor={`${uid}-value`}>{s.newValue}</label>
        <input
          id={`${uid}-value`}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={value}
          maxLength={8192}
          disabled={props.disabled || busy}
          onChange={(e) => setValue(e.target.value)}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={props.disabled || busy || value.length === 0} aria-busy={busy || undefined}>
          {secret.stored ? s.replace : s.save}
        </button>
        {secret.stored && (
          <button type="button" onClick={() => run(() => api.removeUploadSecret({ key: secret.key }))} disabled={busy}>
            {s.remove}
          </button>
        )}
      </div>
      <p className={`small secret-said ${said?.ok === false ? 'error' : ''}`} role="status">
        {said && <Icon name={said.ok ? 'check' : 'warn'} />} {said?.text}
      </p>
    </form>
  );
}
