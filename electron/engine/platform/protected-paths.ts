/**
 * Files that are never collected, whatever the policy says: this tool's own data (redaction
 * maps hold the values redaction hid, credentials.json the upload secrets, the outbox earlier
 * archives, the logs) and the well-known secret stores of every platform (password hashes, SSH
 * and GPG keys, keychains, browser profiles, the Windows SAM/SECURITY hives). IT runs the tool
 * as root or SYSTEM, where a link or a broad glob would otherwise reach all of them.
 *
 * Checked on the REAL path of what was opened (files.ts), so neither a link nor `..` nor a
 * variable gets around it. A hard link to /etc/shadow has a harmless-looking real path, so the
 * fixed secret files are also compared by identity (device and inode) when a file has several
 * links.
 */
import type { BigIntStats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dataDir, logsDir, ownDirsKey } from './app-paths.js';

interface Protected {
  /** Lower-case on Windows and macOS, `/`-separated. */
  segments: string[];
  /** true: the segments may start anywhere (any user's home); false: from the root. */
  anywhere: boolean;
  /** Only names in the last matched folder that pass this test. */
  name?: RegExp;
  why: string;
}

const OWN = "diagcollect's own data (redaction maps, credentials, outbox, logs); never collected";
const PASSWORDS = 'a password or key store of the operating system; never collected, whatever the policy says';
const KEYS = 'holds private keys (SSH, GPG, TLS) or a keychain; never collected, whatever the policy says';
const BROWSER = 'a browser profile (saved passwords, cookies, history); never collected, whatever the policy says';

const rule = (path: string, why: string, name?: RegExp): Protected => ({
  segments: path.split('/').filter((s) => s !== ''),
  anywhere: !path.startsWith('/'),
  why,
  ...(name ? { name } : {}),
});

const COMMON: Protected[] = [
  // Any user's home, root's included.
  rule('.ssh', KEYS),
  rule('.gnupg', KEYS),
  rule('.pki', KEYS),
  rule('.password-store', KEYS),
  rule('.local/share/keyrings', KEYS),
  rule('.mozilla', BROWSER),
  rule('.config/google-chrome', BROWSER),
  rule('.config/chromium', BROWSER),
  rule('.config/microsoft-edge', BROWSER),
  rule('.config/BraveSoftware', BROWSER),
  rule('snap/firefox', BROWSER),
  rule('snap/chromium', BROWSER),
  // Where this tool keeps its data for any user (DIAGCOLLECT_DATA_DIR is added at run time).
  rule('.local/share/diagcollect', OWN),
  rule('.local/state/diagcollect', OWN),
];

const LINUX: Protected[] = [
  rule('/etc/shadow', PASSWORDS),
  rule('/etc/shadow-', PASSWORDS),
  rule('/etc/gshadow', PASSWORDS),
  rule('/etc/gshadow-', PASSWORDS),
  rule('/etc/security/opasswd', PASSWORDS),
  rule('/etc/ssh', KEYS, /^ssh_host_.*_key$/),
  rule('/etc/ssl/private', KEYS),
  rule('/etc/pki/tls/private', KEYS),
  rule('/var/lib/sss/secrets', PASSWORDS),
];

const DARWIN: Protected[] = [
  rule('/etc/master.passwd', PASSWORDS),
  rule('/private/etc/master.passwd', PASSWORDS),
  rule('/private/var/db/dslocal', PASSWORDS),
  rule('/private/var/db/SystemKey', PASSWORDS),
  rule('/Library/Keychains', KEYS),
  rule('/System/Library/Keychains', KEYS),
  rule('/private/etc/ssh', KEYS, /^ssh_host_.*_key$/),
  rule('Library/Keychains', KEYS),
  rule('Library/Application Support/Google/Chrome', BROWSER),
  rule('Library/Application Support/Firefox', BROWSER),
  rule('Library/Application Support/Microsoft Edge', BROWSER),
  rule('Library/Safari', BROWSER),
  rule('Library/Cookies', BROWSER),
  rule('Library/Application Support/DiagCollect', OWN),
  rule('Library/Logs/DiagCollect', OWN),
];

const WIN32: Protected[] = [
  // Drive letters differ; the hives are found by their place below the Windows folder.
  rule('Windows/System32/config', PASSWORDS, /^(?:sam|security|system)(?:\.|$)/),
  rule('Windows/System32/config/RegBack', PASSWORDS),
  rule('Windows/repair', PASSWORDS, /^(?:sam|security|system)$/),
  rule('AppData/Roaming/Microsoft/Credentials', PASSWORDS),
  rule('AppData/Local/Microsoft/Credentials', PASSWORDS),
  rule('AppData/Roaming/Microsoft/Protect', KEYS),
  rule('AppData/Local/Microsoft/Vault', PASSWORDS),
  rule('AppData/Roaming/Microsoft/Crypto', KEYS),
  rule('AppData/Local/Google/Chrome/User Data', BROWSER),
  rule('AppData/Local/Microsoft/Edge/User Data', BROWSER),
  rule('AppData/Roaming/Mozilla/Firefox', BROWSER),
  rule('AppData/Local/DiagCollect', OWN),
];

/** Files compared by identity too (hard links), per platform. */
const IDENTITY_FILES: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/etc/shadow', '/etc/gshadow', '/etc/shadow-', '/etc/gshadow-'],
  darwin: ['/private/etc/master.passwd'],
};

const caseless = (platform: NodeJS.Platform) => platform === 'win32' || platform === 'darwin';

function split(p: string, platform: NodeJS.Platform): string[] {
  const text = platform === 'win32' ? p.replace(/\\/g, '/') : p;
  return (caseless(platform) ? text.toLowerCase() : text).split('/').filter((s) => s !== '' && s !== '.');
}

/** A rule ready to match: its segments split and case-folded as the paths it is compared with. */
interface Compiled {
  want: string[];
  anywhere: boolean;
  name?: RegExp;
  why: string;
}

const compile = (r: Protected, platform: NodeJS.Platform): Compiled => ({
  want: r.segments.flatMap((s) => split(s, platform)),
  anywhere: r.anywhere,
  why: r.why,
  ...(r.name ? { name: r.name } : {}),
});

/** A folder of this tool's own, matched from the root (its drive or UNC server included). */
const ownRule = (dir: string, platform: NodeJS.Platform): Compiled => compile({ ...rule(platform === 'win32' ? dir.replace(/\\/g, '/') : dir, OWN), anywhere: false }, platform);

/**
 * The fixed rules of a platform plus this tool's data and log folders, compiled once per set
 * (the same few sets all run long): a collection checks every file two or three times, and
 * building the rules afresh per call cost ~30 KB of garbage per check (10 000 small files: a
 * quarter of all allocation, measured with the sampling heap profiler).
 */
const compiledCache = new Map<string, Compiled[]>();
/** The extra folders of a run (few, and the same on every call of a collection). */
const extraCache = new Map<string, Compiled[]>();

/** `cache`'s rules for `key`, built once; a cache holds a few sets at most. */
function cachedRules(cache: Map<string, Compiled[]>, key: string, build: () => Compiled[]): Compiled[] {
  let rules = cache.get(key);
  if (!rules) {
    rules = build();
    if (cache.size >= 16) cache.clear();
    cache.set(key, rules);
  }
  return rules;
}

function rulesFor(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): Compiled[] {
  return cachedRules(compiledCache, `${platform}\0${ownDirsKey(env)}`, () => {
    const own = [dataDir(env, platform), logsDir(env, platform)];
    const byPlatform = platform === 'win32' ? WIN32 : platform === 'darwin' ? DARWIN : LINUX;
    return [...own.map((dir) => ownRule(dir, platform)), ...[...COMMON, ...byPlatform].map((r) => compile(r, platform))];
  });
}

function extraRules(extra: readonly string[], platform: NodeJS.Platform): Compiled[] {
  if (extra.length === 0) return [];
  return cachedRules(extraCache, `${platform}\0${extra.join('\0')}`, () => extra.map((dir) => ownRule(dir, platform)));
}

/**
 * Does the rule match: its segments found in `parts` (from the root when anchored, anywhere
 * otherwise), and, with a name test, followed by exactly one name that passes it.
 */
function matches(parts: readonly string[], r: Compiled): boolean {
  // Windows rules are written without a drive and match anywhere; an anchored rule (this tool's
  // own folders) carries its drive or UNC server and matches from the start.
  const { want } = r;
  const last = r.anywhere ? parts.length - 1 : 0;
  for (let at = 0; at <= last; at += 1) {
    let hit = true;
    for (let i = 0; i < want.length; i += 1) {
      if (parts[at + i] !== want[i]) {
        hit = false;
        break;
      }
    }
    if (!hit) continue;
    if (!r.name) return true;
    const restStart = at + want.length;
    if (parts.length - restStart === 1 && r.name.test(parts[restStart]!)) return true;
  }
  return false;
}

/**
 * Why `realPath` (the resolved path of an opened file) must never be collected, or undefined.
 * `extra`: further folders or files of this run that are this tool's own (e.g. the output folder).
 */
export function protectedPathReason(
  realPath: string,
  options: { platform?: NodeJS.Platform; env?: NodeJS.ProcessEnv; extra?: readonly string[] } = {},
): string | undefined {
  const platform = options.platform ?? process.platform;
  const env = options.env ?? process.env;
  const parts = split(realPath, platform);
  for (const r of extraRules(options.extra ?? [], platform)) if (matches(parts, r)) return `is ${r.why}`;
  for (const r of rulesFor(platform, env)) if (matches(parts, r)) return `is ${r.why}`;
  return undefined;
}

/**
 * For a file with more than one hard link: is it one of the fixed secret files under another
 * name? (A hard link's real path says nothing.) Missing files are simply not compared.
 */
export async function isSecretFileIdentity(st: BigIntStats, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  if (st.nlink <= 1n) return false;
  for (const file of IDENTITY_FILES[platform] ?? []) {
    const other = await stat(file, { bigint: true }).catch(() => undefined);
    if (other && other.dev === st.dev && other.ino === st.ino) return true;
  }
  return false;
}
