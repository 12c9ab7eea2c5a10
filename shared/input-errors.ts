/**
 * Bad input as codes with parameters (InputError in electron/engine/errors.ts carries one): the
 * CLI renders them through the one catalogue (`input.<code>` in shared/i18n/messages.ts) in the
 * user's language; the English message stays on the error for logs. Names, values, options and
 * lists of valid names arrive as parameters and are shown as they are.
 */
export const INPUT_ERROR_PARAMS = {
  'ticket-required': [],
  'ticket-invalid': ['ticket'],
  'ticket-not-link': ['ticket', 'linkTicket'],
  'unknown-check': ['id', 'known'],
  'unknown-collector': ['id', 'known'],
  'bad-duration': ['value'],
  'exclude-unknown': ['unknown', 'valid'],
  'policy-unreadable': ['path'],
  'policy-not-json': ['path'],
  'policy-invalid': ['path', 'problems'],
  'intake-invalid': ['problems'],
  'intake-file': ['path', 'problems'],
  'occurred-at': ['value'],
  'upload-wait': ['value'],
  'upload-target': ['target', 'known'],
  'no-ticket-system': [],
} as const satisfies Record<string, readonly string[]>;

type AllInputErrorParams = typeof INPUT_ERROR_PARAMS & typeof HYGIENE_INPUT_ERROR_PARAMS & typeof HYGIENE2_INPUT_ERROR_PARAMS & typeof ATTACK_INPUT_ERROR_PARAMS;
export type InputErrorCode = keyof AllInputErrorParams;
export type InputErrorParams<C extends InputErrorCode> = Record<AllInputErrorParams[C][number], string>;

/** A bad-input problem: its code and parameters. */
export interface InputProblem<C extends InputErrorCode = InputErrorCode> {
  code: C;
  params: InputErrorParams<C>;
}

// — hygiene (session 6): link, link keys, outbox, redaction rules, user settings; policy problems —

/** Codes of bad input added by "hygiene"; same contract as {@link INPUT_ERROR_PARAMS}. */
export const HYGIENE_INPUT_ERROR_PARAMS = {
  'link-ticket-required': [],
  'link-key-required': [],
  'link-expires-zero': ['value'],
  'link-expires-long': ['value', 'days'],
  'link-fields': [],
  'link-download-url': ['value'],
  'link-refused': ['reason'],
  'key-exists': ['path'],
  'key-write': ['path', 'cause'],
  'key-readable-by-others': ['path', 'mode'],
  'key-missing': ['path'],
  'key-unreadable': ['path', 'cause'],
  'key-not-pem': ['path'],
  'key-not-ed25519': ['path', 'type'],
  'outbox-unknown-job': ['id'],
  'outbox-upload': [],
  'rule-id': ['id'],
  'rule-flags': ['id', 'flags'],
  'rule-pattern': ['id'],
  'rule-empty-match': ['id'],
  'rule-validator': ['id', 'validator', 'known'],
  'rule-optional-unknown': ['id', 'known'],
  'rule-id-twice': ['id'],
  'rule-allow-pattern': ['pattern'],
  'settings-locked': ['keys'],
  'settings-invalid': [],
  'policy-refused': ['managed'],
} as const satisfies Record<string, readonly string[]>;

// — hygiene2 (session 7): redact, compare, baseline, record, the app's own refusals —

/**
 * Codes of bad input added by "hygiene2"; same contract as {@link INPUT_ERROR_PARAMS}. `cause`
 * is the system's error code (`EACCES`) or `none`: the English detail stays in the message.
 */
export const HYGIENE2_INPUT_ERROR_PARAMS = {
  'redact-missing': ['path'],
  'redact-unreadable': ['path', 'cause'],
  'redact-not-file': ['path'],
  'redact-out-inside': ['out', 'input'],
  'redact-out-create': ['path', 'cause'],
  'redact-exists': ['path'],
  'redact-binary': ['path'],
  'redact-not-zip': ['path'],
  'redact-entry': ['entry', 'path'],
  'archive-missing': ['path'],
  'archive-unreadable': ['path', 'cause'],
  'archive-not-diagcollect': ['path'],
  'compare-both': [],
  'compare-after-required': [],
  'whole-number': ['option', 'max', 'value'],
  'baseline-signature-alone': [],
  'baseline-none': [],
  'baseline-no-archive': ['sources'],
  'baseline-source': ['source', 'cause'],
  's3-location': ['url'],
  'baseline-http': ['url', 'status'],
  'baseline-too-large': ['path', 'max'],
  'baseline-not-json': ['path'],
  'baseline-shape': ['path', 'key'],
  'baseline-signature': ['path', 'why'],
  'baseline-missing': ['path'],
  'baseline-unreadable': ['path', 'cause'],
  'baseline-file-path': ['path'],
  'record-ticket-required': [],
  'record-running': ['ticket', 'pid', 'since'],
  'record-running-app': [],
  'record-none': [],
  'record-number': ['option', 'max', 'value'],
  'record-over-limit': ['minutes', 'managed'],
  'collection-running': [],
  'compare-no-earlier': [],
  'upload-settings': ['target'],
  'ticket-refused': ['ticket', 'target', 'why'],
  cancelled: [],
  'request-invalid': ['fields'],
  'request-untrusted': [],
  failed: [],
} as const satisfies Record<string, readonly string[]>;

/** Codes of bad input added by "attack" (session 8, issue 13: faults); same contract as {@link INPUT_ERROR_PARAMS}. */
export const ATTACK_INPUT_ERROR_PARAMS = {
  'out-not-folder': ['path'],
  // session 10 (attack3): a hostile or damaged archive given to `redact`
  'redact-encrypted': ['path', 'count', 'entries'],
  'redact-unsafe-name': ['path', 'entry'],
  'redact-duplicate': ['path', 'entry'],
  'redact-ratio': ['path', 'entry', 'compressedMb', 'sizeMb', 'ratio', 'limit', 'suggest'],
  'redact-too-large': ['path', 'sizeMb', 'limitMb', 'suggest'],
  'redact-limit': ['option', 'value'],
} as const satisfies Record<string, readonly string[]>;

/** Every code of bad input, with its parameter names (the catalogue test walks it). */
export const ALL_INPUT_ERROR_PARAMS: Readonly<Record<InputErrorCode, readonly string[]>> = { ...INPUT_ERROR_PARAMS, ...HYGIENE_INPUT_ERROR_PARAMS, ...HYGIENE2_INPUT_ERROR_PARAMS, ...ATTACK_INPUT_ERROR_PARAMS };

/**
 * A refusal as it crosses from main to the window (IPC) or into a session's `failed` event: the
 * code and parameters, and the bad policy keys when there are any. The window renders it through
 * the same catalogue as the CLI (shared/i18n/input-text.ts).
 */
export interface CodedProblem {
  code: string;
  params: Record<string, string>;
  lines?: readonly PolicyLine[] | undefined;
}

/**
 * What is wrong with one policy key, without words: the CLI and the app say it in the user's
 * language. `rule`: a rule of the key itself (a URL, a path, a pattern, a key pair) whose English
 * text names it exactly (`diagcollect policy show --lang en`); `source`: the whole file or
 * registry key cannot be used (unreadable, not JSON, not an object).
 */
export type PolicyIssue =
  | { code: 'unknown-key' }
  | { code: 'type'; expected: string }
  | { code: 'too-small'; minimum: string; origin: string }
  | { code: 'too-big'; maximum: string; origin: string }
  | { code: 'one-of'; values: string }
  | { code: 'rule' }
  /** A named rule of the schema (shared/policy-must.ts: pathAbsolute, uploadTargetSection, …) and the values its text names. */
  | { code: 'must'; rule: string; values?: Record<string, string> }
  /** A key the schema requires where it stands (a ticket system's `url`), not set. */
  | { code: 'missing' }
  /** A value of a fixed form (`format`: url, email, …) that is not in it. */
  | { code: 'format'; format: string }
  /** A redaction rule or allow-list pattern the linear-time engine cannot compile (invalid, backreference, lookaround). */
  | { code: 'bad-pattern'; pattern: string }
  /** A path that climbs out of its folder with `..` once its variables are expanded. */
  | { code: 'path-escapes'; path: string }
  /** A path that sweeps a whole disk or home folder (`/**`, `C:\**`, `~/**`). */
  | { code: 'path-root-wide'; path: string }
  /** An optional redaction rule id that does not exist (`known`: the valid ids). */
  | { code: 'unknown-rule'; id: string; known: string }
  /** A link-signing public key that is not an Ed25519 key in PEM. */
  | { code: 'bad-public-key' }
  | { code: 'source' }
  /** The key is written twice in one object (`lines`: where, `3, 7`): which value applies is unknown. */
  | { code: 'duplicate-key'; lines: string };

/** One bad key of a policy source, for the lines under a refusal or a warning. */
export interface PolicyLine {
  source: 'managed' | 'file' | 'user';
  /** File or registry key. */
  location: string;
  /** Policy key, '' for the whole source. */
  key: string;
  issue: PolicyIssue;
  /** The key left out ('' : the whole source), when the program goes on without it. */
  dropped?: string;
  /** A key locked to its safe value instead (fail closed). */
  lockedKey?: string;
  /**
   * Valid alone, not together with a higher source's values (a cross-field rule): the section
   * (`dropped`) comes whole from that source instead, or from the defaults when it is '' .
   */
  together?: { source: 'managed' | 'file' | 'user' | ''; location: string };
}
