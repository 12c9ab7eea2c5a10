/**
 * Error lines of a log, by normalised message: the same error at another time, with another
 * process id or counter, is the same message. "New error lines" between two collections are then
 * the messages that were not there before, not every line whose timestamp is newer.
 */

/** A line that reports a problem (English and Chinese wording, syslog priorities). */
const ERROR_LINE = /\b(?:error|errors|err|fail|failed|failure|fatal|panic|crit|critical|exception|denied|refused|segfault|timed out|timeout|unreachable|emerg|alert)\b|错误|失败|异常|拒绝|超时/i;

/** Leading timestamps: ISO 8601, syslog (`Dec  5 07:03:06`), dmesg (`[  12.345678]`), Windows (`2026/12/05 07:03:06`). */
const LEADING_STAMPS = [
  /^\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\s*/,
  /^[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2}\s*/,
  /^\[\s*\d+\.\d+\]\s*/,
];

/**
 * The message without what changes from one occurrence to the next: timestamps, the host name
 * after them, process ids, hex values, UUIDs, numbers.
 */
export function normaliseMessage(line: string, host?: string): string {
  let s = line.trim();
  for (const stamp of LEADING_STAMPS) s = s.replace(stamp, '');
  if (host && s.startsWith(`${host} `)) s = s.slice(host.length + 1);
  return s
    .replace(/\[\d+\]/g, '[#]')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>')
    .replace(/\b0x[0-9a-f]+\b/gi, '<hex>')
    .replace(/\b\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, '<time>')
    .replace(/\d+/g, '#')
    .replace(/\s+/g, ' ')
    .slice(0, 300);
}

export function isErrorLine(line: string): boolean {
  return ERROR_LINE.test(line);
}

/** Distinct messages kept per source: a log flooding with unique lines cannot exhaust memory. */
export const MAX_MESSAGES_PER_SOURCE = 5_000;

/** Counts the error messages of a stream of lines. */
export async function errorMessages(lines: AsyncIterable<string>, host?: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for await (const line of lines) {
    if (!isErrorLine(line)) continue;
    const message = normaliseMessage(line, host);
    if (!message) continue;
    const seen = counts.get(message);
    if (seen !== undefined) counts.set(message, seen + 1);
    else if (counts.size < MAX_MESSAGES_PER_SOURCE) counts.set(message, 1);
  }
  return counts;
}
