/**
 * The intake form's values (zod-free, so the first screen does not wait for the validator; see
 * form.ts for the checks).
 */
import type { Defaults, FieldError, IntakeForm } from '../../../shared/api.js';

export type FormValues = { ticket: string } & IntakeForm;
export type FieldName = keyof FormValues;
export type FormErrors = Partial<Record<FieldName, FieldError>>;

/** Field order on the screen: the first invalid one gets the focus. */
export const FIELD_ORDER: readonly FieldName[] = [
  'ticket',
  'problemDescription',
  'problemType',
  'name',
  'contact',
  'department',
  'occurredAt',
  'priority',
  'productName',
  'productModel',
  'productVersion',
  'stepsToReproduce',
  'solutionsTried',
];

/** The fields that live under 更多信息 (opened when one of them needs fixing). */
export const MORE_FIELDS: ReadonlySet<FieldName> = new Set(['occurredAt', 'priority', 'productName', 'productModel', 'productVersion', 'stepsToReproduce', 'solutionsTried']);

/**
 * A fresh form: the ticket from the link, who reported last time (the user's settings), the
 * detected product and "now". No priority and no problem type: unset is 未填写, never a made-up 中.
 */
export function initialValues(defaults: Defaults): FormValues {
  return {
    ticket: defaults.ticket,
    name: defaults.profile.name,
    contact: defaults.profile.contact,
    department: defaults.profile.department,
    productName: defaults.intake.productName,
    productModel: defaults.intake.productModel,
    productVersion: defaults.intake.productVersion,
    problemDescription: '',
    occurredAt: defaults.intake.occurredAt,
    stepsToReproduce: '',
    solutionsTried: '',
  };
}

/** "重新收集": a fresh form that keeps who is reporting and the ticket. */
export function valuesForNewCollection(defaults: Defaults, previous: FormValues | undefined, now: string): FormValues {
  const fresh = initialValues(defaults);
  if (!previous) return { ...fresh, occurredAt: now };
  return { ...fresh, ticket: previous.ticket, name: previous.name, contact: previous.contact, department: previous.department, occurredAt: now };
}

export function firstInvalid(errors: FormErrors): FieldName | undefined {
  return FIELD_ORDER.find((f) => errors[f]);
}

/** `YYYY-MM-DDTHH:mm` of a moment in local time (the form's time of occurrence). */
export function localMinute(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The days the time picker offers: today first, back `count` days, as `YYYY-MM-DD` (local). */
export function pickerDays(now: Date, count = 14): string[] {
  const days: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - i);
    days.push(localMinute(d).slice(0, 10));
  }
  return days;
}

/** Splits `YYYY-MM-DDTHH:mm` (or with a space) into the picker's day, hour and minute. */
export function splitMinute(value: string): { day: string; hour: string; minute: string } {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})$/.exec(value);
  return m ? { day: m[1]!, hour: m[2]!, minute: m[3]! } : { day: '', hour: '', minute: '' };
}

export function joinMinute(parts: { day: string; hour: string; minute: string }): string {
  return `${parts.day}T${parts.hour}:${parts.minute}`;
}
