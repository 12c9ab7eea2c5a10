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

/**
 * True only when no file named `command` exists in any folder the POSIX exec search would try
 * (PATH's entries in order, an empty entry being the working directory): then starting it can
 * only fail with ENOENT. False whenever the answer is not certain — a name with a slash, no PATH
 * (the child's search would fall back to a default path), Windows (PATHEXT, App Paths), a file
 * there that may not be executable, a folder that cannot be read — so the caller starts the
 * command and the system decides, as without this test. exec.ts asks it first: Node's spawn forks
 * the whole process (tens of ms of blocked event loop with a large heap) only to learn ENOENT in
 * the child, and the collectors and checks try many tools most machines lack (rpm, snap, flatpak,
 * four browsers' names …).
 */
export async function surelyNotOnPath(command: string, env: NodeJS.ProcessEnv, cwd: string = process.cwd(), platform: NodeJS.Platform = process.platform): Promise<boolean> {
  if (platform === 'win32' || command === '' || command.includes('/') || command === '.' || command === '..') return false;
  const search = env.PATH;
  if (search === undefined || search === '') return false;
  const answers = await Promise.all(
    search.split(':').map((dir) =>
      access(path.resolve(cwd, dir || '.', command), constants.F_OK).then(
        () => false,
        (err: NodeJS.ErrnoException) => err.code === 'ENOENT' || err.code === 'ENOTDIR',
      ),
    ),
  );
  return answers.every(Boolean);
}
