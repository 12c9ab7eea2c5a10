/**
 * The app's log (electron-log): `main.log` in the OS log folder (`~/.config/Diagnostics
 * Collector/logs` on Linux, `~/Library/Logs/…` on macOS, `%APPDATA%\…\logs` on Windows), rotated
 * at 1 MB to `main.old.log`, so it never grows without bound. Every line is scrubbed of secrets
 * first (log-scrub.ts); callers log events and ids, never intake text.
 */
import log from 'electron-log/main.js';
import { scrubLogValue } from './log-scrub.js';

export const LOG_MAX_BYTES = 1024 * 1024;

export function setUpLog(options: { devMode: boolean }): typeof log {
  log.transports.file.level = 'info';
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.console.level = options.devMode ? 'info' : false;
  log.hooks.push((message) => ({ ...message, data: message.data.map(scrubLogValue) }));
  log.errorHandler.startCatching({ showDialog: false });
  return log;
}
