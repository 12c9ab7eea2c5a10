/** Largest name the zip headers can hold (a 16-bit length field). */
const MAX_NAME_BYTES = 0xffff;

/**
 * Checks an entry name and returns it with `\` turned into `/`. Rejects names that would extract
 * outside the target folder or that zip tools treat specially: absolute paths, drive letters,
 * `.`/`..`/empty segments, a trailing `/` (folder entries are not written; folders are implied by
 * paths) and NUL. Non-ASCII (e.g. `系统日志/系统日志.txt`) is fine: names are stored as UTF-8.
 */
export function normalizeEntryName(name: string): string {
  if (typeof name !== 'string' || name.length === 0) throw new TypeError('entry name must be a non-empty string');
  const normalized = name.replace(/\\/g, '/');
  const quoted = JSON.stringify(name);
  if (normalized.includes('\0')) throw new TypeError(`entry name ${quoted} contains NUL`);
  if (normalized.startsWith('/') || /^[A-Za-z]:/.test(normalized)) {
    throw new TypeError(`entry name ${quoted} must be relative`);
  }
  if (normalized.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw new TypeError(`entry name ${quoted} has an empty, "." or ".." segment`);
  }
  if (Buffer.byteLength(normalized) > MAX_NAME_BYTES) throw new TypeError(`entry name ${quoted} is too long`);
  return normalized;
}
