/**
 * Bad input as codes with parameters (InputError in electron/engine/errors.ts carries one): the
 * CLI renders them through the one catalogue (`input.<code>` in shared/i18n/messages.ts) in the
 * user's language; the English message stays on the error for logs. Names, values, options and
 * lists of valid names arrive as parameters and are shown as they are.
 */
export const INPUT_ERROR_PARAMS = {
  'ticket-required': [],
  'ticket-invalid': ['ticket'],
  'ticket-not-link': ['ticket', 'linkTicket'],
  'unknown-check': ['id', 'known'],
  'unknown-collector': ['id', 'known'],
  'bad-duration': ['value'],
  'exclude-unknown': ['unknown', 'valid'],
  'policy-unreadable': ['path'],
  'policy-not-json': ['path'],
  'policy-invalid': ['path', 'problems'],
  'intake-invalid': ['problems'],
  'intake-file': ['path', 'problems'],
  'occurred-at': ['value'],
  'upload-wait': ['value'],
  'upload-target': ['target', 'known'],
  'no-ticket-system': [],
} as const satisfies Record<string, readonly string[]>;

export type InputErrorCode = keyof typeof INPUT_ERROR_PARAMS;
export type InputErrorParams<C extends InputErrorCode> = Record<(typeof INPUT_ERROR_PARAMS)[C][number], string>;

/** A bad-input problem: its code and parameters. */
export interface InputProblem<C extends InputErrorCode = InputErrorCode> {
  code: C;
  params: InputErrorParams<C>;
}
