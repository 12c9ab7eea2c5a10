import { CancelledError, EXIT, InputError } from '../engine/errors.js';

/** The documented exit code for an error that ended a command, and the message to show. */
export function exitCodeFor(err: unknown): { code: number; message: string } {
  if (err instanceof CancelledError) return { code: EXIT.cancelled, message: err.message };
  if (err instanceof InputError) return { code: EXIT.badInput, message: err.message };
  return { code: EXIT.failure, message: err instanceof Error ? err.message : String(err) };
}
