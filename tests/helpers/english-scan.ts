/**
 * Finds English sentences in text meant for a Chinese reader (zh-CN screens, summary page, e-mail
 * draft, ticket comment, CLI output). "English sentence": three or more consecutive ASCII words
 * (letters, optionally with an apostrophe), at least two of them all-lowercase — the mark of
 * running English text rather than a name ("Microsoft Edge", "Debian GNU/Linux", "QEMU Virtual
 * CPU") — once technical spans are taken out: code (`…`, <code>), paths, URLs, e-mail addresses,
 * options (--lang), placeholders (<EMAIL-1>), file names, dotted/kebab/snake identifiers, hex.
 * ALLOWED lists technical phrases that may stand in Chinese text (product and protocol names).
 */

/** Phrases that are names, not sentences (matched case-insensitively, removed before the scan). */
export const ALLOWED: readonly string[] = [
  'diagcollect',
  'Diagnostics Collector',
  'Request Tracker',
  'Screen Recording',
  'not a tty',
  'up to date',
];

/** Collapses a HTML page to the text a reader sees: visible text plus alt/title/aria-label/placeholder values. */
export function visibleTextOfHtml(page: string): string {
  const attributes = [...page.matchAll(/\s(?:alt|title|aria-label|placeholder)="([^"]*)"/g)].map((m) => m[1]);
  const body = page
    .replace(/<(style|script|code|pre)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    // Cells the page itself marks as code (entry names, sources, collector ids).
    .replace(/<(td|th|span|p)\b[^>]*class="[^"]*\bmono\b[^"]*"[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'");
  return [body, ...attributes].join('\n');
}

const TECHNICAL: readonly RegExp[] = [
  /`[^`]*`/g, // code
  /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, // URLs
  /\S+@\S+\.\S+/g, // e-mail addresses
  /<[A-Z][A-Z0-9_-]*>/g, // placeholders <EMAIL-1>
  /<[^<>\s]+>/g, // <id>, <file>
  /(?:^|\s)--?[a-z][a-z0-9-]*(?:[ =]<?[a-z|-]+>?)?/gi, // options
  /\$\{?[A-Z_][A-Z0-9_]*\}?/g, // environment variables
  /%[A-Z_]+%/g,
  /\S*[\\/]\S*/g, // paths (anything with a slash)
  /[^\s（(：:，,]+\.[a-z0-9]{1,5}\b/gi, // file names (系统信息.txt), dotted identifiers (policy.configPaths, manifest.json)
  /\b[a-z0-9]+(?:[-_][a-z0-9]+)+\b/gi, // kebab/snake identifiers (app-logs, SHA-256, PREEMPT_DYNAMIC)
  /\b[0-9a-f]{16,}\b/gi, // hashes
];

/** The English sentences found in `text` (empty when there are none). */
export function englishSentences(text: string, extraAllowed: readonly string[] = []): string[] {
  let rest = text;
  for (const phrase of [...ALLOWED, ...extraAllowed]) {
    if (phrase) rest = rest.split(new RegExp(phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi')).join(' ');
  }
  for (const pattern of TECHNICAL) rest = rest.replace(pattern, ' ');
  const found: string[] = [];
  // Runs of ASCII words separated by spaces and light punctuation (a sentence's commas).
  for (const m of rest.matchAll(/[A-Za-z][A-Za-z']*(?:[ ,;:]+[A-Za-z][A-Za-z']*){2,}/g)) {
    const words = m[0].split(/[ ,;:]+/);
    const lowercase = words.filter((w) => /^[a-z][a-z']+$/.test(w));
    if (lowercase.length >= 2) found.push(m[0]);
  }
  return found;
}
