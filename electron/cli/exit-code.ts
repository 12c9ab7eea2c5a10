import { CancelledError, EXIT, InputError } from '../engine/errors.js';
import type { Translator } from '../../shared/i18n/translate.js';
import { problemText } from '../../shared/i18n/input-text.js';
import { inputErrorText } from './cli-i18n.js';

/**
 * The documented exit code for an error that ended a command, and the message to show:
 * `message` in English (the `--json` error field and logs, which scripts read), `text` in the
 * user's language when a translator is given (bad input with a code; stderr for a person).
 */
export function exitCodeFor(err: unknown, tr?: Translator): { code: number; message: string; text: string } {
  if (err instanceof CancelledError) return { code: EXIT.cancelled, message: err.message, text: tr ? problemText(tr, { code: 'cancelled', params: {} }, err.message) : err.message };
  if (err instanceof InputError) return { code: EXIT.badInput, message: err.message, text: tr ? inputErrorText(tr, err) : err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { code: EXIT.failure, message, text: message };
}
