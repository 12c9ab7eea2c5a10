/**
 * The policy schema's own rules, by name. A `refine` or `superRefine` of the schema gives its
 * issue a rule name (`params.must`) and the values its text names (`params.values`); the engine
 * turns it into the PolicyIssue `must` (electron/engine/policy/issues.ts) and the CLI and the app
 * say it in the user's language (`policy.issue.must` in shared/i18n/messages.ts). The English
 * `message` stays the exact statement (logs, `--lang en`, `--json`).
 */

/** Every named rule; the catalogue has a branch for each (a test walks this list). */
export const POLICY_RULES = [
  'pathAbsolute',
  'pathNotRootWide',
  'urlAbsolute',
  'urlHttps',
  'urlNoCredentials',
  'urlHttpOrHttps',
  'urlNotPresigned',
  'hostPattern',
  'mailHost',
  'headerNotCredential',
  'publicKey',
  'templateTicket',
  'templateNoSeparator',
  'baselineOneSource',
  'failNotAboveWarn',
  'smtpPlainPassword',
  'multipartNeedsS3',
  'uploadTargetSection',
  'screenshotRequiredAllowed',
] as const;
export type PolicyRule = (typeof POLICY_RULES)[number];

/** Values a rule's text names (the upload target, the section): plain strings. */
export type PolicyRuleValues = Record<string, string>;

/** A `refine`'s second argument: the English statement, and the rule's name for other languages. */
export function must(rule: PolicyRule, message: string, values?: PolicyRuleValues): { message: string; params: { must: PolicyRule; values?: PolicyRuleValues } } {
  return { message, params: values ? { must: rule, values } : { must: rule } };
}

/** A cross-field rule's issue for `ctx.addIssue` in a `superRefine`: at `path`, named as {@link must}. */
export function mustIssue(path: (string | number)[], rule: PolicyRule, message: string, values?: PolicyRuleValues) {
  return { code: 'custom' as const, path, ...must(rule, message, values) };
}
