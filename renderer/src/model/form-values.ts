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
  'name',
  'contact',
  'department',
  'problemDescription',
  'occurredAt',
  'priority',
  'productName',
  'productModel',
  'productVersion',
  'stepsToReproduce',
  'solutionsTried',
];

export function initialValues(defaults: Defaults): FormValues {
  return {
    ticket: defaults.ticket,
    name: '',
    contact: '',
    department: '',
    productName: defaults.intake.productName,
    productModel: defaults.intake.productModel,
    productVersion: defaults.intake.productVersion,
    problemDescription: '',
    occurredAt: defaults.intake.occurredAt,
    priority: '中',
    stepsToReproduce: '',
    solutionsTried: '',
  };
}

export function firstInvalid(errors: FormErrors): FieldName | undefined {
  return FIELD_ORDER.find((f) => errors[f]);
}
