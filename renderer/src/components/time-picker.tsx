/**
 * The time of occurrence (发生时间), to the minute, in the app's language: a day, an hour and a
 * minute to choose from lists written by `Intl` in the UI language — a native datetime input
 * would follow the OS locale instead. The value stays `YYYY-MM-DDTHH:mm` (local time).
 */
import type { UiLocale } from '../../../shared/api.js';
import type { Dictionary } from '../i18n.js';
import { joinMinute, pickerDays, splitMinute } from '../model/form-values.js';
import { Icon } from './icon.js';

interface TimePickerProps {
  t: Dictionary;
  locale: UiLocale;
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const HOURS = Array.from({ length: 24 }, (_, i) => pad(i));
const MINUTES = Array.from({ length: 60 }, (_, i) => pad(i));

function dayLabel(t: Dictionary, locale: UiLocale, day: string, index: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', weekday: 'short' }).format(new Date(y, m - 1, d));
  if (index === 0) return t.today({ date });
  if (index === 1) return t.yesterday({ date });
  return date;
}

export function TimePicker({ t, locale, id, value, onChange, error }: TimePickerProps) {
  const parts = splitMinute(value);
  const days = pickerDays(new Date());
  // A day older than the list (typed elsewhere, or the form was open for long) stays choosable.
  const options = parts.day && !days.includes(parts.day) ? [parts.day, ...days] : days;
  const set = (change: Partial<typeof parts>) => onChange(joinMinute({ ...parts, ...change }));
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset className={`field time-picker${error ? ' invalid' : ''}`} aria-describedby={[`${id}-hint`, errorId].filter(Boolean).join(' ')}>
      <legend>
        {t.occurredAt}
        <span className="req" aria-hidden="true">
          {' '}
          *
        </span>
      </legend>
      <div className="time-row">
        <select id={id} aria-label={t.occurredDay} value={parts.day} onChange={(e) => set({ day: e.target.value })} aria-invalid={error ? true : undefined}>
          {options.map((d) => (
            <option key={d} value={d}>
              {days.includes(d) ? dayLabel(t, locale, d, days.indexOf(d)) : dayLabel(t, locale, d, -1)}
            </option>
          ))}
        </select>
        <select aria-label={t.occurredHour} value={parts.hour} onChange={(e) => set({ hour: e.target.value })}>
          {HOURS.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
        <span aria-hidden="true">:</span>
        <select aria-label={t.occurredMinute} value={parts.minute} onChange={(e) => set({ minute: e.target.value })}>
          {MINUTES.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </div>
      <p className="hint" id={`${id}-hint`}>
        {t.occurredAtHint}
      </p>
      {error && (
        <p className="error" id={errorId}>
          <Icon name="warn" /> {error}
        </p>
      )}
    </fieldset>
  );
}
