/**
 * The codes of the built-in redaction rules — what manifests, previews and reports count
 * replacements by — and their display names. The engine (electron/engine/redact/rules.ts) must
 * define exactly these ids (a conformance test checks it); IT policy rules add their own ids.
 * Their display names live in the one message catalogue (shared/i18n/messages.ts, `rule.<id>`).
 */
import { z } from 'zod';
import { translator } from './i18n/translate.js';
import type { ArchiveLanguage } from './naming.js';

export const REDACTION_RULE_IDS = [
  'private-key',
  'file-layout',
  'url-credentials',
  'connection-string',
  'cloud-key',
  'auth-header',
  'jwt',
  'url-secret-param',
  'secret-assignment',
  'high-entropy',
  'email',
  'cn-id',
  'national-id', // idnum23 (session 22)
  'national-number-alone', // num25 (session 23)
  'payment-card',
  'phone',
  'passport',
  'travel-permit',
  'home-user',
  'user-name',
  'person-name',
  'address',
  'windows-sid',
  'ipv4-public',
  'ipv6-public',
  'mac-address',
  'hostname',
  'known-value',
] as const;

export const RedactionRuleIdSchema = z.enum(REDACTION_RULE_IDS);
export type RedactionRuleId = z.infer<typeof RedactionRuleIdSchema>;

/** The display name of a rule id, from the one message catalogue (`rule.<id>`); an IT policy rule (not built in) is shown by its own id. */
export function redactionRuleName(id: string, lang: ArchiveLanguage): string {
  const tr = translator(lang);
  const key = `rule.${id}`;
  return tr.has(key) ? tr.t(key) : id;
}

/** Counts per rule as display rows, most frequent first: `[{ id, name, count }]`. */
export function redactionCountRows(counts: Record<string, number>, lang: ArchiveLanguage): { id: string; name: string; count: number }[] {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([id, count]) => ({ id, name: redactionRuleName(id, lang), count }));
}
