import os from 'node:os';
import { join } from 'node:path';

/**
 * The app's own data folder, by platform convention: `%LOCALAPPDATA%\DiagCollect` (Windows),
 * `~/Library/Application Support/DiagCollect` (macOS), `$XDG_DATA_HOME/diagcollect` or
 * `~/.local/share/diagcollect` (Linux). `DIAGCOLLECT_DATA_DIR` overrides it.
 */
export function dataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.DIAGCOLLECT_DATA_DIR) return env.DIAGCOLLECT_DATA_DIR;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'DiagCollect');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'DiagCollect');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'diagcollect');
}

/** `<data dir>/outbox/<ticket>/`: where archives wait for upload (or for the user to send them). */
export function outboxDir(ticket: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return join(dataDir(env, platform), 'outbox', ticket);
}
