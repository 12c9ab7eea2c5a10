/**
 * What the log must never hold: API keys, tokens, passwords, credentials in URLs. Every log
 * line passes through `scrubLogText` (an electron-log hook, see log.ts); the engine already keeps
 * secrets in `Secret` objects and intake text out of its log lines, this is the second fence.
 */

const RULES: ReadonlyArray<[RegExp, string]> = [
  // Authorization: Bearer xxx / token xxx / Basic xxx
  [/\b(authorization\s*[:=]\s*)(bearer|token|basic)?\s*[^\s,;"']+/gi, '$1$2 [redacted]'],
  [/\b(bearer|token)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [redacted]'],
  // X-Redmine-API-Key: xxx, api_key=xxx, "apiKey": "xxx", password=xxx, secret: xxx
  [/\b(x-redmine-api-key|api[_-]?key|apikey|access[_-]?token|auth[_-]?token|token|password|passwd|secret)(["']?\s*[:=]\s*["']?)[^\s,;"'&]+/gi, '$1$2[redacted]'],
  // scheme://user:password@host
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi, '$1[redacted]@'],
];

export function scrubLogText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}

/** Scrubs one argument of a log call: strings directly, errors by message, anything else as JSON. */
export function scrubLogValue(value: unknown): unknown {
  if (typeof value === 'string') return scrubLogText(value);
  if (value instanceof Error) return scrubLogText(value.stack ?? `${value.name}: ${value.message}`);
  if (value === null || typeof value !== 'object') return value;
  try {
    return scrubLogText(JSON.stringify(value));
  } catch {
    return '[unserialisable]';
  }
}
