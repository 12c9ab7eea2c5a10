import os from 'node:os';
import { join, posix, win32 } from 'node:path';

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

/** The variables dataDir and logsDir read (the home folder included). */
const OWN_DIR_VARIABLES = ['DIAGCOLLECT_DATA_DIR', 'DIAGCOLLECT_LOG_DIR', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'LOCALAPPDATA', 'HOME', 'USERPROFILE'] as const;

/**
 * A key that changes whenever dataDir or logsDir may: for caches of what is derived from them,
 * cheaper to compute per file than the folders themselves.
 */
export function ownDirsKey(env: NodeJS.ProcessEnv = process.env): string {
  return OWN_DIR_VARIABLES.map((v) => env[v] ?? '').join('\0');
}

/** `<data dir>/outbox/<ticket>/`: where archives wait for upload (or for the user to send them). */
export function outboxDir(ticket: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return join(dataDir(env, platform), 'outbox', ticket);
}

/**
 * The app's own logs, where each OS keeps them: `%LOCALAPPDATA%\DiagCollect\logs` (Windows),
 * `~/Library/Logs/DiagCollect` (macOS, where Console.app looks), `$XDG_STATE_HOME/diagcollect`
 * or `~/.local/state/diagcollect` (Linux: logs are state, not data, by the XDG spec).
 * `DIAGCOLLECT_LOG_DIR` overrides it.
 */
export function logsDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.DIAGCOLLECT_LOG_DIR) return env.DIAGCOLLECT_LOG_DIR;
  if (platform === 'win32') return win32.join(env.LOCALAPPDATA || win32.join(home, 'AppData', 'Local'), 'DiagCollect', 'logs');
  if (platform === 'darwin') return posix.join(home, 'Library', 'Logs', 'DiagCollect');
  return posix.join(env.XDG_STATE_HOME || posix.join(home, '.local', 'state'), 'diagcollect');
}
