/**
 * Start: what support needs first (the ticket and what happened) above the fold; who reports
 * (remembered from last time); the rest of the intake record (信息记录) under 更多信息. Checked
 * with the shared schemas. Above the form: uploads left from an earlier start, and the offer to
 * capture the screen before the error on it is gone.
 */
import { useId, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import type { Defaults, PendingUploads, UiLocale } from '../../../shared/api.js';
import type { Priority, ProblemType } from '../../../shared/types.js';
import { Icon } from '../components/icon.js';
import { TimePicker } from '../components/time-picker.js';
import { pick, uploadProblemText, type Dictionary } from '../i18n.js';
import type { FormVerdict } from '../model/form.js';
import { firstInvalid, MORE_FIELDS, type FieldName, type FormErrors, type FormValues } from '../model/form-values.js';
import { formatTime } from '../model/format.js';
import { ShotOffer, type ShotOfferProps } from './shot-offer.js';

interface StartProps {
  t: Dictionary;
  locale: UiLocale;
  defaults: Defaults;
  values: FormValues;
  /** The shared-schema validator; undefined for the first moments while it loads. */
  validate: ((values: FormValues) => FormVerdict) | undefined;
  loadValidator: () => Promise<(values: FormValues) => FormVerdict>;
  onChange: (values: FormValues) => void;
  onNext: () => void;
  /** A link that arrived while the app runs: its ticket (locked when signed), or why it was refused. */
  linkNotice?: { ok: true; ticket: string; locked: boolean } | { ok: false; text: string };
  pending: PendingUploads | undefined;
  shotOffer: ShotOfferProps | undefined;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}

const PRIORITIES: Priority[] = ['高', '中', '低'];
const PROBLEM_TYPES: ProblemType[] = ['connection', 'malfunction', 'slow', 'other'];

export function StartScreen(props: StartProps) {
  const { t, locale, defaults, values, validate, loadValidator, onChange, onNext, linkNotice, headingRef } = props;
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const moreRef = useRef<HTMLDetailsElement>(null);
  const uid = useId();
  const idOf = (f: FieldName) => `${uid}-${f}`;
  const ticketLocked = (defaults.ticketLocked && values.ticket === defaults.ticket) || (linkNotice?.ok === true && linkNotice.locked && values.ticket === linkNotice.ticket);
  const fromLink = ticketLocked || (defaults.ticketSource === 'link' && values.ticket === defaults.ticket) || (linkNotice?.ok === true && values.ticket === linkNotice.ticket);
  const linkError = linkNotice && !linkNotice.ok ? linkNotice.text : defaults.linkError ? pick(defaults.linkError, locale) : undefined;
  const remembered = Boolean(defaults.profile.name || defaults.profile.contact);

  const revalidate = (next: FormValues, field?: FieldName) => {
    if (!validate) return;
    const verdict = validate(next);
    const all = verdict.ok ? {} : verdict.errors;
    // Before the first submit, only fields the user has left are judged.
    if (!submitted && field) setErrors((prev) => ({ ...prev, [field]: all[field] }));
    else if (submitted) setErrors(all);
  };

  const change = (field: FieldName, value: string) => {
    const next = { ...values, [field]: value } as FormValues;
    onChange(next);
    if (submitted || errors[field]) revalidate(next, field);
  };
  const set = (field: FieldName) => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => change(field, e.target.value);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const check = validate ?? (await loadValidator());
    setSubmitted(true);
    const verdict = check(values);
    if (verdict.ok) {
      setErrors({});
      onNext();
      return;
    }
    setErrors(verdict.errors);
    const first = firstInvalid(verdict.errors);
    if (first && MORE_FIELDS.has(first)) moreRef.current?.setAttribute('open', '');
    const target = first ? formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(idOf(first))}`) : undefined;
    target?.focus();
  };

  const errorCount = Object.values(errors).filter(Boolean).length;

  const field = (name: FieldName, label: string, input: (props: FieldProps) => ReactNode, opts: { required?: boolean; hint?: string; wide?: boolean } = {}) => {
    const id = idOf(name);
    const hintId = opts.hint ? `${id}-hint` : undefined;
    const error = errors[name];
    const errorId = error ? `${id}-error` : undefined;
    return (
      <div className={`field${opts.wide ? ' wide' : ''}${error ? ' invalid' : ''}`}>
        <label htmlFor={id}>
          {label}
          {opts.required ? (
            <span className="req" aria-hidden="true">
              {' '}
              *
            </span>
          ) : (
            <span className="opt">{t.optional}</span>
          )}
        </label>
        {input({
          id,
          name,
          value: String(values[name] ?? ''),
          onChange: set(name),
          onBlur: () => revalidate(values, name),
          'aria-invalid': error ? true : undefined,
          'aria-required': opts.required ? true : undefined,
          'aria-describedby': [hintId, errorId].filter(Boolean).join(' ') || undefined,
        })}
        {opts.hint && (
          <p className="hint" id={hintId}>
            {opts.hint}
          </p>
        )}
        {error && (
          <p className="error" id={errorId}>
            <Icon name="warn" /> {t.errors[error]}
          </p>
        )}
      </div>
    );
  };

  const choice = <V extends string>(name: 'priority' | 'problemType', legend: string, options: V[], label: (v: V) => ReactNode) => (
    <fieldset className={`field ${name}`}>
      <legend>
        {legend}
        <span className="opt">{t.optional}</span>
      </legend>
      <div className="segmented">
        {options.map((v) => (
          <label key={v} className={values[name] === v ? 'selected' : undefined}>
            <input type="radio" name={`${uid}-${name}`} value={v} checked={values[name] === v} onChange={() => onChange({ ...values, [name]: v })} />
            <span className="seg-text">{label(v)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );

  const ticketHint = ticketLocked ? t.ticketLocked : fromLink ? `${t.ticketHint} · ${t.ticketFromLink}` : t.ticketHint;

  return (
    <form ref={formRef} className="screen" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${uid}-title`}>
      <div className="screen-body">
        <h1 id={`${uid}-title`} ref={headingRef} tabIndex={-1}>
          {t.startTitle}
        </h1>
        <p className="lead">{t.startLead}</p>
        {linkError && (
          <div className="banner warn" role="alert" data-testid="link-error">
            <Icon name="warn" />
            <span>
              {linkError}
              <br />
              <strong>{t.linkErrorNext}</strong>
            </span>
          </div>
        )}
        <PendingBanner t={t} locale={locale} pending={props.pending} />
        {submitted && errorCount > 0 && (
          <div className="banner error" role="alert">
            <Icon name="warn" /> <span>{t.errorSummary({ n: errorCount })}</span>
          </div>
        )}
        {props.shotOffer && <ShotOffer {...props.shotOffer} />}

        <section className="card" aria-labelledby={`${uid}-s1`}>
          <h2 id={`${uid}-s1`} className="visually-hidden">
            {t.problemDescription}
          </h2>
          <div className="grid">
            {field(
              'ticket',
              t.ticket,
              (p) => (
                <div className={ticketLocked ? 'locked-input' : undefined}>
                  <input {...p} type="text" autoComplete="off" spellCheck={false} inputMode="text" maxLength={64} className="mono" readOnly={ticketLocked} aria-readonly={ticketLocked || undefined} />
                  {ticketLocked && <Icon name="lock" />}
                </div>
              ),
              { required: true, hint: ticketHint },
            )}
            {field('problemDescription', t.problemDescription, (p) => <textarea {...p} rows={3} maxLength={20_000} />, { required: true, hint: t.problemHint, wide: true })}
            {choice('problemType', t.problemType, PROBLEM_TYPES, (v) => <strong>{t.problemTypes[v]}</strong>)}
          </div>
        </section>

        <section className="card" aria-labelledby={`${uid}-s2`}>
          <h2 id={`${uid}-s2`}>{t.sectionYou}</h2>
          {remembered && <p className="hint section-hint">{t.profileRemembered}</p>}
          <div className="grid three">
            {field('name', t.name, (p) => <input {...p} type="text" autoComplete="name" maxLength={200} />, { required: true })}
            {field('contact', t.contact, (p) => <input {...p} type="text" autoComplete="email" maxLength={200} />, { required: true, hint: t.contactHint })}
            {field('department', t.department, (p) => <input {...p} type="text" autoComplete="organization-title" maxLength={200} />)}
          </div>
        </section>

        <details className="card more" ref={moreRef}>
          <summary>
            <h2>{t.sectionMore}</h2>
            <span className="opt">{t.moreHint}</span>
          </summary>
          <div className="grid">
            <TimePicker
              t={t}
              locale={locale}
              id={idOf('occurredAt')}
              value={values.occurredAt}
              onChange={(v) => change('occurredAt', v)}
              {...(errors.occurredAt ? { error: t.errors[errors.occurredAt] } : {})}
            />
            {choice('priority', t.priority, PRIORITIES, (p) => (
              <>
                <strong>{t.priorities[p]}</strong>
                <small>{t.priorityHints[p]}</small>
              </>
            ))}
          </div>
          <h3 className="sub">{t.sectionProduct}</h3>
          <p className="hint section-hint">{defaults.intake.productName || defaults.intake.productVersion ? t.productHint : t.productHintEmpty}</p>
          <div className="grid three">
            {field('productName', t.productName, (p) => <input {...p} type="text" maxLength={200} />)}
            {field('productModel', t.productModel, (p) => <input {...p} type="text" maxLength={200} />)}
            {field('productVersion', t.productVersion, (p) => <input {...p} type="text" maxLength={100} />)}
          </div>
          <div className="grid">
            {field('stepsToReproduce', t.stepsToReproduce, (p) => <textarea {...p} rows={3} maxLength={20_000} />, { hint: t.stepsHint, wide: true })}
            {field('solutionsTried', t.solutionsTried, (p) => <textarea {...p} rows={3} maxLength={20_000} />, { wide: true })}
          </div>
        </details>
      </div>
      <footer className="actionbar">
        <span className="spacer" />
        <button type="submit" className="primary">
          {t.next}
        </button>
      </footer>
    </form>
  );
}

/** Archives from an earlier start: waiting, being sent, sent — as the engine reports each job. */
function PendingBanner({ t, locale, pending }: { t: Dictionary; locale: UiLocale; pending: PendingUploads | undefined }) {
  const jobs = pending?.jobs ?? [];
  if (jobs.length === 0) return null;
  const waiting = jobs.filter((j) => j.state === 'queued');
  const sending = jobs.filter((j) => j.state === 'uploading');
  const sent = jobs.filter((j) => j.state === 'done');
  const failed = jobs.filter((j) => j.state === 'failed');
  const next = waiting.map((j) => j.nextAttemptAt).filter((x): x is string => Boolean(x)).sort()[0];
  return (
    <div className="pending" role="status" data-testid="pending-uploads">
      {waiting.length > 0 && (
        <p className="banner warn" data-pending="queued">
          <Icon name="clock" />
          <span>
            <strong>{t.pending.waiting({ count: waiting.length })}</strong>
            {next ? <> {t.pending.waitingDetail({ time: formatTime(next, locale) })}</> : null}
          </span>
        </p>
      )}
      {sending.map((j) => (
        <p key={j.id} className="banner info" data-pending="uploading">
          <Icon name="spinner" /> <span>{t.pending.sending({ ticket: j.ticket })}</span>
        </p>
      ))}
      {sent.map((j) => (
        <p key={j.id} className="banner success" data-pending="done">
          <Icon name="check" /> <span>{t.pending.sent({ ticket: j.ticket })}</span>
        </p>
      ))}
      {failed.map((j) => (
        <p key={j.id} className="banner error" data-pending="failed">
          <Icon name="cross" />{' '}
          <span>{t.pending.failed({ ticket: j.ticket, problem: j.error ? uploadProblemText(j.error, j.targetName, j.ticket, locale) : '' })}</span>
        </p>
      ))}
    </div>
  );
}

interface FieldProps {
  id: string;
  name: string;
  value: string;
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  onBlur: () => void;
  'aria-invalid'?: true;
  'aria-required'?: true;
  'aria-describedby'?: string;
}
