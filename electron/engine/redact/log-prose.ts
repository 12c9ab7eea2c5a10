/**
 * Logins in the prose of plain application logs (applog1, session 17): the grammars every framework's log lines
 * share whatever the logger — Spring/log4j2, Django/Flask, winston, logrus, Serilog, Rails, Tomcat, audit trails.
 *
 * - an account's sign-in or sign-out: `user x logged in from …`, `User x has signed out`, `user x login failed`,
 *   `user x failed to log in`, `user x authenticated` (lead, session 16; moved here from rules.ts in session 18);
 * - a failure or outcome `for` an account: `Login failed for username 'x'`, `Authentication failed for user x: …`,
 *   `Failed login attempt for "x"`, `Invalid password for user x`, `bind failed for uid=x:`, `password reset
 *   requested for x`;
 * - an account named after `for`/`by`/`to` + `user`: `2FA enabled by user x`, `quota raised for user x`;
 * - who the session runs as: `signed in as x`, `logged in as x`, `switched account to x`, `Signed in user x`;
 * - `login x ok|failed`, `logon x denied` (a client's terse status line);
 * - `User x changed their password`, `user x updated profile`;
 * - audit fields: `actor=x`, `"actor":"x"`, and the target of a user action (`action=user.delete target=x`).
 *
 * Every login goes through `logProseLogin` (rule-validators.ts): a person-like login, no English word
 * (`for user requests`, `by user interface`), no built-in or service account; `user x logged in`'s through
 * `loggedInLogin`, which logProseLogin extends (its own stop list and name checks never applied to it).
 */
import type { RulePattern } from './rules.js';

// Login shape: a letter, then word characters, dots and dashes; the value may be quoted or bracketed.
const LOGIN = String.raw`["'\[]?(?<user>[A-Za-z][\w.-]{0,31}?)["'\]]?(?=[\s:,;)!(]|\.(?:\s|$)|$)`;

// The English of any application's log: `user x logged in from …`, `User x has signed out`, `user x login failed`.
// login20: the login bracketed (`user [x] login success`, Sentinel's dashboard) and `login success`.
const USER_LOGGED_IN = /\buser[ \t]+["'[]?(?<user>[A-Za-z][\w.-]{0,31}?)["'\]]?[ \t]+(?:(?:has|had|was|just|successfully)[ \t]+)?(?:(?:logged|signed)[ \t]+(?:in|on|out|off)\b|log(?:in|on)[ \t]+(?:failed|succeeded|successful|success|ok|denied|rejected)\b|failed[ \t]+to[ \t]+(?:log|sign)[ \t]+(?:in|on)\b|authenticated\b)/i;

/** Words-scan wakes (case-insensitive literals, each a keyword: no common first character). */
export const LOG_PROSE_WORDS = [
  // `user x logged in` (USER_LOGGED_IN; `login failed` wakes on rules.ts's `login`).
  'logged in',
  'logged on',
  'logged out',
  'logged off',
  'signed in',
  'signed out',
  'authenticated',
  'failed to log',
  'failed to sign',
  'failed for',
  'failure for',
  'denied for',
  'rejected for',
  'attempt for',
  'attempts for',
  'lockout for',
  'locked out for',
  'succeeded for',
  'successful for',
  'requested for',
  'for user',
  'by user',
  'to user',
  'for the user',
  'by the user',
  'to the user',
  'in as ',
  'on as ',
  'switched account',
  'switched user',
  'signed in user',
  'logged in user',
  ...['changed', 'updated', 'reset'].flatMap((verb) => ['their', 'his', 'her', 'password', 'profile'].map((what) => `${verb} ${what}`)),
  'actor=',
  'actor"',
  // login20: `"admin":"x"` (`admin=` wakes on rules.ts's word).
  'admin":',
  'action=user.',
  // login19: `Failed login for "x"` (`password for`, `authentication for` wake on rules.ts's words).
  'login for',
  'logon for',
  'sign-in for',
  'signin for',
  'credentials for',
  'credential for',
  // login20's `reset password for x`, `password of user x`, `disabled account x` wake on rules.ts's `password for`, `of user`, `d account`.
];

// The outcome before `for`: a failure, a lock-out, an attempt, a success or a request.
const OUTCOME_FOR = String.raw`(?:failed|failure|denied|rejected|attempts?|lockout|locked out|succeeded|successful|requested)`;
const SIGN_IN_WORD = String.raw`(?:log(?:in|on)|sign-?in|auth[a-z]{0,16}|password|passcode|credentials?|bind|mfa|2fa|otp)`;
// A Kerberos/JAAS `principal` names the account the same way (`bad credentials for principal 'x'`).
// login20: a token's `subject` (`JWT validation failed for subject "x"`).
const ACCOUNT_NOUN = String.raw`(?:user(?:[ _-]?name)?|account|login|uid|principal|subject)`;
// login19: a failed sign-in named before `for` (`Failed login for "x"`, `invalid credentials for x`, `bad password for x`).
const BAD_SIGN_IN = String.raw`(?:failed|invalid|unsuccessful|bad|wrong|incorrect)[ \t]+(?:log(?:in|on)|sign-?in|authentication|password|credentials?)`;
// login19: who signs in, named by their role before the login (`Staff login x logged in`, `Admin x signed out`).
const ACCOUNT_ROLE = String.raw`(?:staff|admin(?:istrator)?|member|agent|operator|account|login|customer|employee|client|student|teacher)`;
// login19: the account nouns of Chinese logs, the login bracketed or quoted after them (`用户[x]密码错误`, `账号【x】已锁定`).
const LOG_TAG = String.raw`(?:login|logon|logout|auth|sso|session|security|info|warn|warning|error|err|debug|trace|fatal|notice|crit|critical|alert|emerg|severe|fine|finer|finest|config|main)`;
const CN_ACCOUNT = String.raw`(?:用户|账号|帐号|账户|帐户|员工|操作员)名?`;
// ---- Session 19 (login20) begin ----
// What an administrator or a job does to a password (`Successfully reset password for x`, `expired password for user x`).
const ACCOUNT_CHANGE = String.raw`(?:reset|changed|updated|set|expired|rotated|cleared|unlocked)`;
// What belongs to an account (`password of user x reset by admin`, `roles of user x changed`).
const ACCOUNT_THING = String.raw`(?:password|passcode|account|profile|mailbox|quota|roles?|groups?|permissions?|sessions?|tokens?|credentials?|e-?mail|phone|avatar|settings)`;
// What a job or an administrator does to an account (`disabled account x (…)`, `Deleted user account "x"`).
const ACCOUNT_VERB = String.raw`(?:disabled|enabled|deleted|removed|created|locked|unlocked|suspended|reactivated|archived|deactivated|activated|renamed|expired|blocked|unblocked)`;
// ---- Session 19 (login20) end ----

/** Per-line trigger fragments (case-insensitive): each pattern below needs one of them. */
export const LOG_PROSE_TRIGGER = [
  // USER_LOGGED_IN itself, its named group a plain one (rules.ts's triggerOf: importing it here would be an import cycle).
  USER_LOGGED_IN.source.replace('(?<user>', '(?:'),
  String.raw`${OUTCOME_FOR} for `,
  String.raw`\b(?:for|by|to) (?:the )?user`,
  String.raw`\b(?:logged|signed) (?:in|on) as `,
  String.raw`\bswitched (?:account|user) to `,
  String.raw`\b(?:signed|logged) in user `,
  String.raw`\blog(?:in|on)[ \t]+["']?[a-z][\w.-]{0,31}["']?[ \t]+(?:ok|failed|succeeded|successful|success|denied|rejected|locked)\b`,
  String.raw`\b(?:changed|updated|reset) (?:their|his|her|password|profile)\b`,
  String.raw`\bactor(?:=|")`,
  // login20: the administrator acting, as an audit field (`"admin":"x"`, `admin=x`).
  String.raw`\badmin(?:=|"[ \t]*:)`,
  String.raw`\baction=user\.`,
  String.raw`\b${BAD_SIGN_IN} for[ \t]`,
  String.raw`\b${ACCOUNT_ROLE}[ \t]+["']?[a-z][\w.-]{0,31}["']?[ \t]+(?:(?:has|was|just|successfully)[ \t]+)?(?:logged|signed)[ \t]+(?:in|on|out|off)\b`,
  String.raw`${CN_ACCOUNT}[ \t]*[\[【"“「]`,
  // ---- Session 19 (login20) begin ----
  String.raw`\b${ACCOUNT_CHANGE}[ \t]+(?:the[ \t]+)?password[ \t]+for[ \t]`,
  String.raw`\b${ACCOUNT_THING}[ \t]+of[ \t]+user[ \t]`,
  String.raw`\b${ACCOUNT_VERB}[ \t]+(?:the[ \t]+)?(?:user[ \t]+)?account[ \t]+[a-z]`,
  // ---- Session 19 (login20) end ----
].join('|');

/** The patterns, for the user-name rule. */
export const LOG_PROSE_LOGINS: readonly RulePattern[] = [
  {
    // `user x logged in from …`, `User x has signed out`, `user x login failed`, `user x failed to log in`, `user x
    // authenticated` (lead, session 16: seen on a real collection, where none of the other grammars took it). The login
    // is no word (`user has logged in`, `user successfully logged in`).
    regex: USER_LOGGED_IN,
    targets: [{ group: 'user' }],
    validate: 'loggedInLogin',
  },
  {
    // `Login failed for username 'x'`, `Authentication failed for user x:`, `bind failed for uid=x:`; without the account
    // noun only after a sign-in word (`Failed login attempt for "x"`, `password reset requested for x`): not `call failed
    // for key sk-…`.
    regex: new RegExp(
      String.raw`\b(?:${OUTCOME_FOR} for[ \t]+(?:the[ \t]+)?${ACCOUNT_NOUN}(?:[ \t]*[=:][ \t]*|[ \t]+)|${SIGN_IN_WORD}(?:[ \t]+[a-z]{1,20}){0,2}?[ \t]+${OUTCOME_FOR} for[ \t]+)${LOGIN}`,
      'i',
    ),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // `2FA enabled by user x`, `quota raised for user x`, `message to user "x"`.
    regex: new RegExp(String.raw`\b(?:for|by|to) (?:the )?user(?:name)?[ \t]+${LOGIN}`, 'i'),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // `signed in as x`, `logged on as x`, `switched account to x`, `Signed in user x via …`.
    regex: new RegExp(String.raw`\b(?:(?:logged|signed) (?:in|on) as|switched (?:account|user) to|(?:signed|logged) in user) [ \t]*${LOGIN}`, 'i'),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // `login x ok`, `logon "x" failed: account locked`.
    regex: /\blog(?:in|on)[ \t]+["']?(?<user>[a-z][\w.-]{0,31}?)["']?[ \t]+(?:ok|failed|succeeded|successful|success|denied|rejected|locked)\b/i,
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // `User x changed their password`, `user x updated profile`, `user x reset his e-mail`.
    regex: /\buser[ \t]+["']?(?<user>[a-z][\w.-]{0,31}?)["']?[ \t]+(?:changed|updated|reset) (?:(?:their|his|her) (?:own )?(?:password|passcode|pin|profile|e-?mail|phone|mobile|avatar|2fa|mfa|settings|nickname)|password|profile)\b/i,
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // login19: `Failed login for "x"`, `invalid credentials for x`, `bad password for user x` (the outcome before the
    // sign-in word; after it, the first pattern's `login failed for x`).
    regex: new RegExp(String.raw`\b${BAD_SIGN_IN}(?:[ \t]+(?:attempts?|request))?[ \t]+for[ \t]+(?:the[ \t]+)?(?:${ACCOUNT_NOUN}(?:[ \t]*[=:][ \t]*|[ \t]+))?${LOGIN}`, 'i'),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // login19: the account's role before it, as a portal or helpdesk logs a sign-in (osTicket `Staff login x logged in`,
    // `Admin x signed out`, `member x has logged in`): as `user x logged in`.
    regex: new RegExp(String.raw`\b${ACCOUNT_ROLE}[ \t]+["']?(?<user>[A-Za-z][\w.-]{0,31}?)["']?[ \t]+(?:(?:has|was|just|successfully)[ \t]+)?(?:logged|signed)[ \t]+(?:in|on|out|off)\b`, 'i'),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // login19: Chinese logs bracket or quote the login after the account noun (`用户[x]密码错误`, `账号【x】已被锁定`,
    // `用户"x"登录成功`, `操作员「x」注销`); the unbracketed `用户 x 密码错误` is the key pattern's.
    // Then the outcome (a Han character, a bracket, a comma or a colon), and no log level or module tag (`用户[INFO]`).
    regex: new RegExp(String.raw`${CN_ACCOUNT}[ \t]*(?:\[|【|"|“|「)(?!${LOG_TAG}[\]】"”」])(?<user>[A-Za-z][\w.-]{0,31})(?:\]|】|"|”|」)(?=[ \t]*(?:[\u4e00-\u9fa5(（,，:：]|$))`, 'i'),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  // ---- Session 19 (login20) begin ----
  {
    // `Successfully reset password for x`, `changed the password for user "x"`, `expired password for x:` (the change before
    // `password for`; after it, the first pattern's `password reset requested for x`).
    regex: new RegExp(String.raw`\b${ACCOUNT_CHANGE}[ \t]+(?:the[ \t]+)?password[ \t]+for[ \t]+(?:the[ \t]+)?(?:${ACCOUNT_NOUN}(?:[ \t]*[=:][ \t]*|[ \t]+))?${LOGIN}`, 'i'),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // `password of user x reset by admin`, `roles of user "x" changed`, `sessions of user x revoked`.
    regex: new RegExp(String.raw`\b${ACCOUNT_THING}[ \t]+of[ \t]+user[ \t]+${LOGIN}`, 'i'),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // A job's or an administrator's action on an account: `disabled account x (…)`, `Deleted user account "x"`, `locked account
    // x after 5 failures`.
    // Then the line says why, by whom or when; or it ends after a quoted login or one with a dot, an underscore or a digit
    // (`disabled account lockout policy` is a setting's name, `… disabled account lockout` a sentence's end).
    regex: new RegExp(String.raw`\b${ACCOUNT_VERB}[ \t]+(?:the[ \t]+)?(?:user[ \t]+)?account[ \t]+${LOGIN}(?<!\.)(?=[ \t]*(?:[(（—–]|(?:by|after|due|because|from|on|at|via|per|since)\b)|(?<=[._\d][\w.-]{0,31}["'\]]?|["'\]])[ \t]*(?:$|[,;:.!)-]))`, 'i'),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  // ---- Session 19 (login20) end ----
  {
    // Audit fields: `actor=x`, `"actor":"x"`; the target of a user action (`action=user.delete target=x`).
    // login20: `"admin":"x"`, `admin=x` (Go slog's `msg="admin login" admin=x`) as `actor`, but no hyphen in it (`"admin":
    // "ops-team"`, `admin=admin-portal` name a group or a component).
    regex: /(?:\bactor(?:=|"[ \t]*:[ \t]*)|\badmin(?:=|"[ \t]*:[ \t]*)(?=["']?[A-Za-z][\w.]{0,31}["']?(?:[\s,;}]|$))|\baction=user\.[a-z_]+[ \t]+target=)["']?(?<user>[a-z][\w.-]{0,31}?)["']?(?=[\s,;}]|$)/i,
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
];

/** Words that stand where these grammars put a login, in ordinary prose (`failed for all`, `for user this`). */
// Also a component's or a service account's name (`failed for user-service`, `attempt for order-worker`, `crm_app`).
export const LOG_PROSE_STOP =
  /^(?:all|any|every|each|some|this|that|these|those|it|them|him|her|me|us|you|one|none|now|today|unknown|anonymous|guest|null|undefined|nobody|everyone|someone|requests?|accounts?|users?|ids?|names?|agents?|sessions?|services?|principals?|members?|identity|subject)$|^(?:users?|accounts?|auth|login|session)[._-]|[._-](?:service|svc|api|server|worker|pool|queue|job|db|gateway|proxy|cache|client|app|apps|rw|ro|readonly|reader|writer|sync|bot|etl)$/i;
