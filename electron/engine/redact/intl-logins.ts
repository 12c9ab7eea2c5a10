/**
 * Session 22 (intlkey23): logins under other languages' words — user-name's keys and log prose in German, Spanish, French,
 * Italian, Dutch, Polish, Czech, Turkish, Swedish, Finnish, Russian, Arabic, Korean, Japanese, Vietnamese, Chinese roles.
 *
 * - A key (`사용자ID=kimjh0412`, `Benutzer: m.hoffmann`, `usuario="jlopez"`, `utilisateur=agarnier`, `пользователь: ivanov`,
 *   `ユーザーID：tanaka01`, 1C's `Usr=o.smirnova`), and psql's expanded display (`usename          | rafael.mendes`).
 * - Prose: the account noun and the login (`Connexion de l'utilisateur agarnier (…)`, `Benutzer m.hoffmann angemeldet`,
 *   `пользователь o.smirnova, неверный пароль`, `تم تسجيل دخول المستخدم a.alqahtani`, `사용자 kimjh0412 비밀번호가`). After a
 *   noun of a Latin-script language the login must look like one (a dot, an underscore or a digit in it) or stand before a
 *   bracket (`l'utilisateur agarnier (Aurélie Garnier)`): `Benutzer angemeldet`, `usuario bloqueado` are sentences.
 * - Chinese logs name a staff member by their role, the login and the sign-in verb (`窗口人员 ck_liyanhong 登录`, `药师 ys_pengli
 *   登录审方终端`, `坐席 zhou.yf 签入`).
 *
 * Every login goes through log-prose's `logProseLogin` validator (no word, no built-in or service account).
 */
import type { RulePattern } from './rules.js';

/** A login: a letter, then word characters, dots and dashes. */
const LOGIN = String.raw`["'«„“「]?(?<user>[A-Za-z][\w.-]{0,31}?)["'»“”」]?`;
/** Where a login ends (not inside a longer token). */
const LOGIN_END = String.raw`(?=[\s:,;)(（，。、」"'»”]|\.(?:\s|$)|$)`;
/** Not a letter of the Latin, Greek or Cyrillic scripts, a digit or `_` before the word. */
const NOT_WORD_BEFORE = String.raw`(?<![A-Za-z0-9_\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff])`;

/** Login keys of other languages (case-insensitive), as keys: followed by `=`, `:` or `：`. */
const LOGIN_KEY = String.raw`(?:사용자\s?ID|사용자명|사용자|아이디|계정|로그인\s?ID|ユーザー\s?ID|ユーザー名|ログイン\s?ID|ログイン名|usuario|nombre[ _]de[ _]usuario|usu[áa]rio|utilisateur|identifiant|nom[ _]d'utilisateur|utente|nome[ _]utente|gebruiker(?:snaam)?|benutzer(?:name|kennung)?|użytkownik|uživatel|kullan[ıi]c[ıi](?:[ _]ad[ıi])?|användar(?:e|namn)|käyttäjä(?:tunnus)?|пользователь|имя[ _]пользователя|логин|учётная[ _]запись|учетная[ _]запись|اسم[ _]المستخدم|المستخدم|tên[ _]đăng[ _]nhập|tài[ _]khoản|usr)`;
/** Account nouns of Latin-script languages in prose (the login after them must look like a login). */
const LATIN_NOUN = String.raw`(?:l'utilisateur|utilisateur|l'utente|utente|usuario|usu[áa]rio|benutzers?|gebruiker|użytkownika?|uživatel(?:e)?|kullan[ıi]c[ıi]|användaren|användare|käyttäjä|người[ \t]dùng)`;
/** Account nouns of other scripts: any ASCII login after them. */
const OTHER_NOUN = String.raw`(?:пользователя|пользователь|пользователем|учётной[ \t]записи|учетной[ \t]записи|مستخدم|사용자|ユーザー|ユーザ|ผู้ใช้)`;
/** Chinese staff roles before a login and a sign-in verb. */
const CN_ROLE = String.raw`(?:人员|员|师|坐席|座席|柜员|用户|操作员|管理员|医生|护士|药师|教师|老师|客服|职员|工号)`;
const CN_SIGN_IN = String.raw`(?:登录|登陆|登入)`;

export const INTL_LOGIN_PATTERNS: readonly RulePattern[] = [
  {
    // A key of another language: `사용자ID=kimjh0412`, `Benutzer: m.hoffmann`, `Usr="o.smirnova"`, psql's `usename | x`.
    regex: new RegExp(String.raw`${NOT_WORD_BEFORE}${LOGIN_KEY}["']?[ \t]*[=:：][ \t]*${LOGIN}${LOGIN_END}`, 'i'),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // psql's expanded display (`\x`): `usename          | rafael.mendes` (pg_stat_activity, pg_user), a key and its value.
    regex: new RegExp(String.raw`^usename[ \t]+\|[ \t]${LOGIN}[ \t]*\r?$`),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // A Latin-script noun and a login that looks like one, or one before a bracket.
    regex: new RegExp(String.raw`${NOT_WORD_BEFORE}${LATIN_NOUN}[ \t]+(?:["'«„“][ \t]?)?(?<user>(?=[A-Za-z][\w-]*(?:[_\d]|\.[A-Za-z0-9]))[A-Za-z][\w.-]{0,31}?(?<!\.)|[A-Za-z][\w.-]{1,31}?(?=["'»“”]?[ \t]*[(（]))["'»“”]?${LOGIN_END}`, 'i'),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // A noun of another script and an ASCII login.
    // (A login has a lower-case letter and is no capitalised word: `пользователя RT`, `учётной записи Gecos` name a product and a field.)
    regex: new RegExp(String.raw`${OTHER_NOUN}[ \t]*["'«„“「]?(?![A-Z][a-z]+(?![\w.-]))(?=[\w.-]*[a-z])(?<user>[A-Za-z][\w.-]{0,31}?)["'»“”」]?${LOGIN_END}`),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // A Chinese role, a login and a sign-in verb.
    regex: new RegExp(String.raw`${CN_ROLE}[ \t]*(?:[:：][ \t]*)?(?<user>[A-Za-z][\w.-]{1,31})[ \t]*${CN_SIGN_IN}`),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  // ---- English prose the log-prose grammars leave: a bracketed remark between the login and its sign-in (Genesys, a portal) ----
  {
    // `Agent zhou.yf (Place Place_7012, DN 7012) logged in`, `User x (CORP) signed out`: a remark in brackets between.
    regex: /\b(?:agent|user|operator|member|staff)[ \t]+["']?(?<user>[A-Za-z][\w.-]{0,31}?)["']?[ \t]+\([^()\r\n]{1,80}\)[ \t]+(?:(?:has|was|just|successfully)[ \t]+)?(?:logged|signed)[ \t]+(?:in|on|out|off)\b/i,
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
];

/** Plain literals for the words scan (lower case, ASCII first letters, none a common log word alone). */
export const INTL_LOGIN_WORDS: readonly string[] = [
  // (Few and short: the words scan's automaton has a cap (word-scan-capacity.test); accented spellings are marks below.)
  'usuari',
  'utilisateur',
  'identifiant',
  'utente',
  'gebruiker',
  'benutzer',
  'kullan',
  'usr=',
  'usr:',
  'usename ',
  'user_login',
];

/** Marks (a case-sensitive regex): the words that start beyond ASCII, or whose ASCII prefix is a common word. */
export const INTL_LOGIN_MARKS = String.raw`사용자|아이디|계정|로그인\s?ID|ユーザー|ユーザ|ログイン(?:ID|名)|[Пп]ользовател|[Лл]огин|[Уу]ч[ёе]тн(?:ая|ой) запис|مستخدم|ผู้ใช้|ười dùng|ên đăng nhập|ài khoản|żytkownik|živatel|äyttäjä|ändar(?<=[Aa]nvändar)|ário(?<=[Uu]suário)|登录|登陆|登入`;

/** The trigger's alternatives (case-insensitive): a literal of each form. */
export const INTL_LOGIN_TRIGGER = String.raw`사용자|아이디|계정|로그인|ユーザ|ログイン|usuari|usu[áa]rio|utilisateur|identifiant|utente|gebruiker|benutzer|anmeldename|u[żz]ytkownik|u[žz]ivatel|kullan[ıi]c[ıi]|anv[äa]ndar|k[äa]ytt[äa]j[äa]|bruger|brukernavn|felhaszn|utilizator|пользовател|логин|уч[ёе]тн|مستخدم|ผู้ใช้|người[ \t]dùng|tên[ \t]đăng[ \t]nhập|tài[ \t]khoản|usr[ \t]*[=:]|^usename[ \t]|user_login|${CN_SIGN_IN}|\)[ \t]+(?:(?:has|was|just|successfully)[ \t]+)?(?:logged|signed)[ \t]`;
