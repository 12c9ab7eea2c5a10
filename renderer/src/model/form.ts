/**
 * The intake form's validation with the shared schemas (shared/api.ts): the renderer shows the
 * same verdict main enforces, as message codes the UI translates. Loaded after the first paint
 * (it brings zod), see app.tsx.
 */
import { IntakeFormSchema, TicketFieldSchema, type FieldError, type IntakeForm } from '../../../shared/api.js';
import type { FieldName, FormErrors, FormValues } from './form-values.js';

export type FormVerdict = { ok: true; ticket: string; intake: IntakeForm } | { ok: false; errors: FormErrors };

const KNOWN: ReadonlySet<string> = new Set<FieldError>(['required', 'too-long', 'contact', 'time', 'ticket']);

export function validateForm(values: FormValues): FormVerdict {
  const errors: FormErrors = {};
  const ticket = TicketFieldSchema.safeParse(values.ticket);
  if (!ticket.success) {
    const first = ticket.error.issues[0]?.message;
    errors.ticket = first === 'required' ? 'required' : 'ticket';
  }
  const { ticket: _ticket, ...intakeValues } = values;
  const intake = IntakeFormSchema.safeParse(intakeValues);
  if (!intake.success) {
    for (const issue of intake.error.issues) {
      const field = issue.path[0] as FieldName | undefined;
      if (field && !errors[field]) errors[field] = (KNOWN.has(issue.message) ? issue.message : 'required') as FieldError;
    }
  }
  if (ticket.success && intake.success) return { ok: true, ticket: ticket.data, intake: intake.data };
  return { ok: false, errors };
}
