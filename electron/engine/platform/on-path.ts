/**
 * Whether a command can be started by name: an executable of that name in a folder of PATH. For
 * a collector that picks among tools (apt or dnf) before it runs one, without starting a shell
 * (`command -v`, `which`) per candidate — each shell is one more process to time out and kill.
 * Beside exec.ts, which runs what this finds.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';

/**
 * True when `command` is found on `env.PATH` (on Windows also with each of PATHEXT's extensions,
 * as `cmd` would start `winget` as `winget.exe`). A name with a slash is not looked up.
 */
export async function onPath(command: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  if (command === '' || /[\\/]/.test(command)) return false;
  const delimiter = platform === 'win32' ? ';' : ':';
  const names = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.COM;.EXE;.BAT;.CMD').split(';').filter(Boolean)].map((ext) => command + ext) : [command];
  for (const dir of (env.PATH ?? (platform === 'win32' ? env.Path : undefined) ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      try {
        await access(path.join(dir, name), platform === 'win32' ? constants.F_OK : constants.X_OK);
        return true;
      } catch {
        // not in this folder
      }
    }
  }
  return false;
}
