/**
 * The frame of a command's action: Ctrl-C / SIGTERM abort its signal, and an error that ends it
 * becomes its documented exit code and message — one JSON object with `--json`, else a line on
 * stderr.
 */
import { cliTranslator } from './cli-i18n.js';
import { exitCodeFor } from './exit-code.js';
import type { CliIo } from './main.js';

export async function commandAction(io: CliIo, json: boolean | undefined, action: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  io.signals.on('SIGINT', onSignal);
  io.signals.on('SIGTERM', onSignal);
  try {
    return await action(abort.signal);
  } catch (err) {
    const { code, message, text } = exitCodeFor(err, cliTranslator(io));
    if (json) io.stdout.write(`${JSON.stringify({ ok: false, exitCode: code, error: message })}\n`);
    else io.stderr.write(`diagcollect: ${text}\n`);
    return code;
  } finally {
    io.signals.off('SIGINT', onSignal);
    io.signals.off('SIGTERM', onSignal);
  }
}
