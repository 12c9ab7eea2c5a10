/**
 * The policy's path rules as plain functions, without zod: the engine's path resolver
 * (electron/engine/platform/paths.ts) checks them again once variables are expanded, and it
 * runs in commands (`list`, `check`) that never validate a policy, so it must not load the
 * schemas. shared/policy.ts builds its schemas from these and re-exports them.
 */

/**
 * A log or config path from policy: absolute once `~`, `$VAR`/`${VAR}` and `%VAR%` are expanded
 * (so it starts with `/`, `~/`, a drive letter, `\\server\share` or a variable), and without
 * `..` segments: a policy names what to collect, it never climbs out of a folder.
 */
export const POLICY_PATH_RULE = 'must be an absolute path (starting with /, ~/, a drive letter such as C:\\, \\\\server\\share, or a variable such as %ProgramData% or $HOME) without ".." segments';
export function isPolicyPath(value: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return false;
  if (value.split(/[\\/]/).some((segment) => segment === '..')) return false;
  return /^(\/|~$|~[\\/]|[A-Za-z]:[\\/]|\\\\[^\\/]+[\\/]|\$[A-Za-z_]|\$\{[A-Za-z_]|%[A-Za-z_][A-Za-z0-9_()]*%)/.test(value);
}

const GLOB_META = /[*?[{]/;
/** `~`, `$HOME`, `${HOME}`, `%USERPROFILE%`: the first segment names the user's home folder. */
const HOME_SEGMENT = /^(?:~|\$HOME|\$\{HOME\}|%USERPROFILE%)$/i;

/**
 * Why an app-log or config path is too broad to collect, or undefined. Refused (decided here,
 * documented in docs/it-rollout.md):
 * - anything whose fixed part is a file-system root: `/`, `/*`, `/**` (and anything below it),
 *   `C:\`, `C:\**`, `\\server\share\**`;
 * - a recursive `**` glob right below a top-level folder: `/var/**`, `C:\Users\**`;
 * - the home folder itself or `**` right below it: `~`, `~/**`, `$HOME/**` (browser profiles,
 *   mail, keys); `~/*.log` and `~/.myapp/**` are fine.
 * The engine checks again once variables are expanded (`%ProgramData%\**` is `C:\ProgramData\**`).
 * `home`: the expanded home folder, so `/home/alice/**` is recognised as `~/**`.
 */
export function rootWidePathReason(pattern: string, home?: string): string | undefined {
  let value = pattern.replace(/[\\/]+$/, '') || pattern;
  const normHome = home?.replace(/[\\/]+$/, '');
  if (normHome && normHome.length > 1) {
    const sameCase = /^[A-Za-z]:/.test(normHome) ? (a: string) => a.toLowerCase().replace(/\\/g, '/') : (a: string) => a;
    const v = sameCase(value);
    const h = sameCase(normHome);
    if (v === h || v.startsWith(`${h}/`)) value = `~${value.slice(normHome.length)}`;
  }
  const unc = /^(?:\\\\|\/\/)[^\\/]+[\\/][^\\/]+/.exec(value);
  const parts = (unc ? value.slice(unc[0].length) : value).split(/[\\/]/);
  const first = unc ? '' : parts[0]!;
  // Another variable (`%ProgramData%`, `$LOGDIR`): the depth is known only once it is expanded.
  if (!unc && first !== '' && !/^[A-Za-z]:$/.test(first) && !HOME_SEGMENT.test(first)) return undefined;
  const isHome = !unc && HOME_SEGMENT.test(first);
  const rest = parts.slice(1).filter((s) => s !== '' && s !== '.');
  const firstGlob = rest.findIndex((s) => GLOB_META.test(s));
  const baseDepth = firstGlob < 0 ? rest.length : firstGlob;
  const recursive = firstGlob >= 0 && rest.slice(firstGlob).some((s) => s.includes('**'));
  const advice = 'name your software\'s own folder instead, e.g. /var/log/myapp/*.log, ~/.myapp/logs/** or %ProgramData%\\MyApp\\Logs';
  if (isHome) {
    if (rest.length === 0) return `"${pattern}" is the whole home folder (browser profiles, mail, keys); ${advice}`;
    if (baseDepth === 0 && recursive) return `"${pattern}" searches the whole home folder (browser profiles, mail, keys); ${advice}`;
    return undefined;
  }
  if (baseDepth === 0 && (firstGlob >= 0 || rest.length === 0)) return `"${pattern}" is root-wide: it would take files from the whole disk (other programs' keys and data, this tool's own data); ${advice}`;
  if (baseDepth === 1 && recursive) return `"${pattern}" searches a whole top-level folder with **; ${advice}`;
  return undefined;
}
