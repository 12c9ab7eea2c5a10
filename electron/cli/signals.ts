/**
 * Ctrl-C and SIGTERM for a command that starts work (collect): the first one cancels cleanly
 * (the AbortController: collectors stop, their commands die with their trees, no partial archive
 * is left), a second one quits at once — after killing every command we started, so nothing is
 * left running either way. Before a command installs this, diagcollect.mjs ends at once with
 * 130 (nothing was started yet).
 */
import { EXIT } from '../engine/errors.js';
import { reapChildren } from '../engine/platform/exec.js';

export interface InterruptOptions {
  signals: { on(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown; off(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown };
  abort: AbortController;
  /** Where "Cancelling…" goes; nothing is said when undefined (--json, --silent). */
  say?: (text: string) => void;
  /** Ends the process (tests pass their own). */
  exit?: (code: number) => void;
}

/** How long a second Ctrl-C waits for the kills before it exits anyway. */
const QUIT_KILL_WAIT_MS = 1_000;

/** Installs the handlers; returns the function that removes them. */
export function handleInterrupts(options: InterruptOptions): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let interrupts = 0;
  const onSignal = () => {
    interrupts += 1;
    if (interrupts > 1) {
      const quit = () => exit(EXIT.cancelled);
      setTimeout(quit, QUIT_KILL_WAIT_MS);
      void reapChildren().then(quit, quit);
      return;
    }
    options.say?.('\nCancelling… (press Ctrl-C again to quit at once)\n');
    options.abort.abort();
  };
  options.signals.on('SIGINT', onSignal);
  options.signals.on('SIGTERM', onSignal);
  return () => {
    options.signals.off('SIGINT', onSignal);
    options.signals.off('SIGTERM', onSignal);
  };
}
