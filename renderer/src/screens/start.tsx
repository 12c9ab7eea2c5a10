/** Start: the ticket and the support guide's intake record (信息记录), checked with the shared schemas. */
import { useId, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import type { Defaults, UiLocale } from '../../../shared/api.js';
import type { Priority } from '../../../shared/types.js';
import { Icon } from '../components/icon.js';
import { pick, type Dictionary } from '../i18n.js';
import type { FormVerdict } from '../model/form.js';
import { firstInvalid, type FieldName, type FormErrors, type FormValues } from '../model/form-values.js';

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
  linkNotice?: { ok: boolean; text: string };
  headingRef: React.RefObject<HTMLHeadingElement | null>;
}

const PRIORITIES: Priority[] = ['高', '中', '低'];

export function StartScreen({ t, locale, defaults, values, validate, loadValidator, onChange, onNext, linkNotice, headingRef }: StartProps) {
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const uid = useId();
  const idOf = (f: FieldName) => `${uid}-${f}`;

  const revalidate = (next: FormValues, field?: FieldName) => {
    if (!validate) return;
    const verdict = validate(next);
    const all = verdict.ok ? {} : verdict.errors;
    // Before the first submit, only fields the user has left are judged.
    if (!submitted && field) setErrors((prev) => ({ ...prev, [field]: all[field] }));
    else if (submitted) setErrors(all);
  };

  const set = (field: FieldName) => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const next = { ...values, [field]: e.target.value } as FormValues;
    onChange(next);
    if (submitted || errors[field]) revalidate(next, field);
  };

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
    const target = first ? formRef.current?.querySelector<HTMLElement>(`#${CSS.escape(idOf(first))}`) : undefined;
    target?.closest('details')?.setAttribute('open', '');
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
          value: String(values[name]),
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

  return (
    <form ref={formRef} className="screen" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${uid}-title`}>
      <div className="screen-body">
        <h1 id={`${uid}-title`} ref={headingRef} tabIndex={-1}>
          {t.startTitle}
        </h1>
        <p className="lead">{t.startLead}</p>
        {defaults.linkError && (
          <div className="banner warn" role="alert">
            <Icon name="warn" /> <span>{pick(defaults.linkError, locale)}</span>
          </div>
        )}
        {linkNotice && (
          <div className={`banner ${linkNotice.ok ? 'info' : 'warn'}`} role="status">
            <Icon name={linkNotice.ok ? 'check' : 'warn'} /> <span>{linkNotice.text}</span>
          </div>
        )}
        {submitted && errorCount > 0 && (
          <div className="banner error" role="alert">
            <Icon name="warn" /> <span>{t.errorSummary(errorCount)}</span>
          </div>
        )}

        <section className="card" aria-labelledby={`${uid}-s1`}>
          <h2 id={`${uid}-s1`}>{t.sectionTicket}</h2>
          <div className="grid">
            {field('ticket', t.ticket, (p) => <input {...p} type="text" autoComplete="off" spellCheck={false} inputMode="text" maxLength={64} className="mono" />, {
              required: true,
              hint: defaults.ticketSource === 'link' && values.ticket === defaults.ticket ? `${t.ticketHint} · ${t.ticketFromLink}` : t.ticketHint,
            })}
          </div>
        </section>

        <section className="card" aria-labelledby={`${uid}-s2`}>
          <h2 id={`${uid}-s2`}>{t.sectionYou}</h2>
          <div className="grid">
            {field('name', t.name, (p) => <input {...p} type="text" autoComplete="name" maxLength={200} />, { required: true })}
            {field('contact', t.contact, (p) => <input {...p} type="text" autoComplete="email" maxLength={200} />, { required: true, hint: t.contactHint })}
            {field('department', t.department, (p) => <input {...p} type="text" autoComplete="organization-title" maxLength={200} />)}
          </div>
        </section>

        <section className="card" aria-labelledby={`${uid}-s3`}>
          <h2 id={`${uid}-s3`}>{t.sectionProblem}</h2>
          <div className="grid">
            {field('problemDescription', t.problemDescription, (p) => <textarea {...p} rows={4} maxLength={20_000} />, { required: true, hint: t.problemHint, wide: true })}
            {field('occurredAt', t.occurredAt, (p) => <input {...p} type="datetime-local" step={60} />, { required: true, hint: t.occurredAtHint })}
            <fieldset className="field priority">
              <legend>
                {t.priority}
                <span className="req" aria-hidden="true">
                  {' '}
                  *
                </span>
              </legend>
              <div className="segmented">
                {PRIORITIES.map((p) => (
                  <label key={p} className={values.priority === p ? 'selected' : undefined}>
                    <input type="radio" name={`${uid}-priority`} value={p} checked={values.priority === p} onChange={() => onChange({ ...values, priority: p })} />
                    <span className="seg-text">
                      <strong>{t.priorities[p]}</strong>
                      <small>{t.priorityHints[p]}</small>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
          </div>
        </section>

        <section className="card" aria-labelledby={`${uid}-s4`}>
          <h2 id={`${uid}-s4`}>{t.sectionProduct}</h2>
          <p className="hint section-hint">{defaults.intake.productName || defaults.intake.productVersion ? t.productHint : t.productHintEmpty}</p>
          <div className="grid three">
            {field('productName', t.productName, (p) => <input {...p} type="text" maxLength={200} />)}
            {field('productModel', t.productModel, (p) => <input {...p} type="text" maxLength={200} />)}
            {field('productVersion', t.productVersion, (p) => <input {...p} type="text" maxLength={100} />)}
          </div>
        </section>

        <details className="card more">
          <summary>
            <h2>{t.sectionMore}</h2>
            <span className="opt">{t.optional}</span>
          </summary>
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
