/**
 * Session 23 (acct25): logins as account tools print and take them, and as foreign-language and English prose names them —
 * issue #14's user-name misses of held-out-24 (`finger`/`pinky`/`getent`/`mc admin user`, `per l'utente x`, `Your account x has
 * been reset`).
 *
 * - Typed account commands whose arguments are logins: `finger [-lmsp] x [y …]`, `pinky -l x`, `getent passwd|shadow|initgroups
 *   x [y …]`, `id [-Gn] x`, `sudo -l -U x`, MinIO `mc admin user add|info|remove|enable|disable <alias> x`, `mc admin user
 *   svcacct add <alias> x` — only typed as a command (at the line's start, after a prompt, `sudo`, `;`, `&&`, `|`).
 * - Their output: `id`'s `uid=1001(x) gid=…` (a person's uid, 1000 and up), `mc admin user list`'s rows (`enabled  x  policy`),
 *   `mc admin user add`'s and Debian `adduser`'s reports (``Added user `x` successfully.``, ``Adding new user `x' (1001) …``).
 * - A login in brackets after the display name it was made from (`Daan Bosman (dbosman)`, `Isabella Ferreira Santos
 *   (iferreirasantos)`), on a line another of the rule's words woke: the login must be built from the name (an initial and the surname, the names joined), so
 *   `Apache Tomcat (tomcat9)`, `Google Chrome (stable)` stay.
 * - English prose about an account by its login: `Your account gpemberton has been reset`, `AD account iferreirasantos created`,
 *   `portal_username 'dwhitfield58'` (a key named in a sentence, its login quoted after it), Spring Boot's `"principal":
 *   {"name": "x"}`.
 * - Other languages: account nouns intl-logins.ts lacks (`pengguna`, `pracownik`, `brugeren`, `felhasználó`) before a login
 *   that looks like one; a preposition, `l'utente`/`l'utilisateur`/… and a bare login ending the clause (`già presente per
 *   l'utente gbianco`), no participle or adjective (`per l'utente corrente`, `de l'utilisateur connecté`).
 * - Login keys session 22 cut for the words automaton's old budget (`brugernavn`, `brukernavn`, `felhasználónév`, `uživatelské
 *   jméno`, `nama pengguna`, `käyttäjätunnus`, `användarnamn`).
 * - A UPI virtual payment address (`vpa=ananya.km@okhdfcbank`, `9876543210@ybl`): under its key, or by a payment app's handle.
 * - A login in a credential slot: a login key and its value straight before a password key (`kullanıcı=3310429871
 *   şifre=…`, `Dienstkonto: svc_scan_koeln / Kennwort: …`), taken whatever it looks like (the README's credential-slot rule).
 *
 * user-name takes the patterns, the wake words, the marks and the trigger from here.
 */
import type { RulePattern } from './rules.js';

/** A login as a command's argument. */
const ARG_LOGIN = String.raw`[a-z_][a-z0-9_.-]{0,31}`;
/** Where a typed command starts (as admin-cli.ts's COMMAND_AT, and PowerShell's `PS C:\\Users\\x> `). */
const COMMAND_AT = String.raw`(?:^[ \t]*(?:[$#>%][ \t]*)?|^PS(?:[ \t][^\r\n]{1,200}?)?>[ \t]*|[\]~][ \t]?[$#%][ \t]*|[;&|(][ \t]*|sudo[ \t]+(?:-[A-Za-z][ \t]+)*)`;
/**
 * Account commands whose arguments (after flags) are logins. `id` only after `sudo ` (its wake word `sudo id `; no wake may start at a prompt's `$`): at a line's start
 * it is a table's first column (ocserv's `occtl show users` header ` id     user    vhost …`).
 */
const LOGIN_ARGS_COMMAND = String.raw`(?:finger|pinky|getent[ \t]+(?:passwd|shadow|initgroups)|(?<=sudo )id|sudo[ \t]+-l[ \t]+-U|mc(?:\.exe)?[ \t]+admin[ \t]+user[ \t]+(?:add|info|remove|rm|enable|disable|svcacct[ \t]+(?:add|ls|list))[ \t]+[\w.-]{1,64})`;
/** Flags before the logins (`-l`, `-Gn`, `--all`). */
const FLAGS = String.raw`(?:[ \t]+-{1,2}[A-Za-z][\w-]{0,20})*`;
/** The n-th login argument (0-based): one pattern each, so each login is judged alone (`getent passwd x y backup`); logins to the command's end. */
function nthLoginArg(n: number): RegExp {
  return new RegExp(String.raw`${COMMAND_AT}(?:\/(?:usr\/)?s?bin\/)?${LOGIN_ARGS_COMMAND}${FLAGS}(?:[ \t]+(?:${ARG_LOGIN}|<USER-\d+>)){${n}}[ \t]+(?<user>${ARG_LOGIN})(?=(?:[ \t]+(?:${ARG_LOGIN}|<[A-Z]+(?:-[A-Z]+)?-\d+>))*[ \t]*(?:\r?$|[;&|#)]))`);
}

/** A login in prose: a letter, then word characters, dots and dashes. */
const LOGIN = String.raw`[A-Za-z][\w.-]{0,31}?`;
const LOGIN_END = String.raw`(?=[\s:,;)("'»”]|\.(?:\s|$)|$)`;
/** What an account's qualifier is in English prose (`Your account`, `AD account`, `the LDAP account`). */
// (Each with its wake word `<qualifier> account `: ACCOUNT_TOOL_LOGIN_WORDS.)
const ACCOUNT_QUALIFIER = String.raw`(?:your|the|ad|active directory|user|ldap|domain|local|windows|network|e-?mail|new|portal|vpn|sso|staff|student|employee)`;
const ACCOUNT_EVENT = String.raw`(?:created|reset|locked(?:[ \t]+out)?|unlocked|disabled|enabled|deleted|removed|renamed|expired|reactivated|re-?enabled|provisioned|deprovisioned|suspended|archived|restored)`;
/** A display name's word: capitalised letters (accents too). */
const NAME_WORD = String.raw`[A-Z\u00c0-\u00de][a-z\u00df-\u00ff'-]{1,24}`;
/** Account nouns of other Latin-script languages intl-logins.ts lacks (Indonesian, Polish, Danish/Norwegian, Hungarian). */
const MORE_NOUNS = String.raw`(?:pengguna|pracownika?|pracownik|brugeren|bruger|brukeren|bruker|felhaszn[áa]l[óo](?:nak|t)?)`;
/** A preposition or article and an account noun of a Romance language, before a bare login that ends the clause. */
const ROMANCE_NOUN = String.raw`(?:(?:per|dell'|all'|dall'|sull'|con|da)[ \t]*l'utente|(?:per|dell'|all'|dall'|sull')utente|(?:de|pour|par|à)[ \t]+l'utilisateur|(?:del|para[ \t]+el|al|por[ \t]+el)[ \t]+usuario|(?:do|para[ \t]+o|ao|pelo)[ \t]+usu[áa]rio)`;
/** Login keys of a credential slot (any language), the login straight before a password key. */
const SLOT_LOGIN_KEY = String.raw`(?:kullan[ıi]c[ıi](?:[ _]ad[ıi])?|dienstkonto|benutzerkonto|servicekonto|benutzer(?:name)?|usuario|utente|gebruiker(?:snaam)?|u[żz]ytkownik|uživatel|pengguna|brugernavn|brukernavn|k[äa]ytt[äa]j[äa]tunnus|felhaszn[áa]l[óo]n[ée]v|anv[äa]ndarnamn)`;
const SLOT_PASSWORD_KEY = String.raw`(?:[şs]ifre|parola|kennwort|passwort|password|passwd|pwd|senha|contrase[ñn]a|wachtwoord|has[łl]o|heslo|mot[ \t]de[ \t]passe|salasana|adgangskode|jelsz[óo]|l[öo]senord|passord|kata[ \t]sandi)`;

/** UPI handles of India's payment apps and banks (the part after `@` of a virtual payment address). */
// (Only handles no host is named like: `sbi`, `kotak`, `federal`, `jio` name machines too, `deploy@kotak`.)
// (Each has its wake word, `@` and the handle's first letters: ACCOUNT_TOOL_LOGIN_WORDS.)
const UPI_HANDLE = String.raw`(?:ok(?:hdfcbank|sbi|icici|axis)|ybl|ibl|axl|paytm|apl|yapl|axisbank|hdfcbank)`;

export const ACCOUNT_TOOL_LOGIN_PATTERNS: readonly RulePattern[] = [
  // Typed account commands: the first, second and third login argument (`finger -l x`, `getent passwd x y z`).
  ...[0, 1, 2].map((n): RulePattern => ({ regex: nthLoginArg(n), targets: [{ group: 'user' }], validate: 'lastArgLogin' })),
  {
    // `id x`'s output and `ls -n`-like reports: `uid=1001(x) gid=1001(x)` — a person's uid (1000 and up), not `uid=0(root)`.
    regex: new RegExp(String.raw`(?<![\w-])uid=(?:[1-9]\d{3,9})\((?<user>${ARG_LOGIN})\)[ \t]+gid=`),
    targets: [{ group: 'user' }],
    validate: 'lastArgLogin',
  },
  {
    // `mc admin user list <alias>`: `enabled    x    readwrite` (status, login, policy) — the whole line, columns apart.
    regex: new RegExp(String.raw`^(?:enabled|disabled)  [ \t]*(?<user>${ARG_LOGIN})(?:[ \t]{2,}[\w,.:-]{1,64})?[ \t]*\r?$`),
    targets: [{ group: 'user' }],
    validate: 'lastArgLogin',
  },
  {
    // MinIO ``Added user `x` successfully.``, Debian adduser ``Adding user `x' ...``, ``Adding new user `x' (1001) with group``.
    regex: new RegExp(String.raw`(?:^|[\s:])(?:Adding|Added|Removing|Removed|Enabled|Disabled|Enabling|Disabling)[ \t]+(?:new[ \t]+)?user[ \t]+[\`'‘"](?<user>${ARG_LOGIN})[\`'’"](?=[ \t]|\.|\r?$)`),
    targets: [{ group: 'user' }],
    validate: 'lastArgLogin',
  },
  {
    // A login in brackets after the display name it was made from: `Daan Bosman (dbosman)` (judged by loginOfDisplayName).
    regex: new RegExp(String.raw`(?<![\p{L}\d_-])(?<names>${NAME_WORD}(?:[ \t]+(?:(?:van|de|der|den|da|di|del|dos|das|von|le|la)[ \t]+)?${NAME_WORD}){1,3}) \((?<user>[a-z][a-z0-9._-]{2,30})\)`, 'u'),
    targets: [{ group: 'user' }],
    validate: 'loginOfDisplayName',
  },
  {
    // `Your account gpemberton has been reset`, `AD account iferreirasantos created`, `the LDAP account 'j.doe' was locked out`.
    regex: new RegExp(String.raw`\b${ACCOUNT_QUALIFIER} account [ \t]*["'‘“]?(?<user>${LOGIN})["'’”]?[ \t]+(?:(?:has[ \t]+been|have[ \t]+been|was|is|got|successfully|has[ \t]+now[ \t]+been)[ \t]+)?${ACCOUNT_EVENT}\b`, 'i'),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // A login key named in a sentence, its login quoted after it: OpenEMR `login failed for portal_username 'x'`, `db_login "x"`.
    regex: new RegExp(String.raw`(?<![\w-])[a-z][a-z0-9]{1,20}_(?:user(?:_?name)?|login(?:_?name)?)[ \t]+(?<q>["'])(?<user>${LOGIN})\k<q>`, 'i'),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // Spring Boot actuator (`/actuator/httpexchanges`, `auditevents`): `"principal": {"name": "x"}`.
    regex: new RegExp(String.raw`"principal"[ \t]*:[ \t]*\{[ \t]*"name"[ \t]*:[ \t]*"(?<user>${LOGIN})"`),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // `Pengguna budi.santoso gagal login`, `pracownik m.lewandowski hasło niepoprawne`: a login that looks like one.
    regex: new RegExp(String.raw`(?<![\p{L}\d_])${MORE_NOUNS}[ \t]+["'«„“]?(?<user>(?=[A-Za-z][\w-]*(?:[_\d]|\.[A-Za-z0-9]))[A-Za-z][\w.-]{0,31}?(?<!\.))["'»“”]?${LOGIN_END}`, 'iu'),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // `già presente per l'utente gbianco`, `erreur de l'utilisateur jdupont;`: a bare login ending the clause (romanceLogin).
    regex: new RegExp(String.raw`(?<![\p{L}\d_])${ROMANCE_NOUN}[ \t]+(?<user>[a-z][a-z0-9]{3,23})(?=[ \t]*(?:[,;:)]|\.(?:\s|$)|\r?$))`, 'iu'),
    targets: [{ group: 'user' }],
    validate: 'romanceLogin',
  },
  {
    // Login keys session 22 cut for the automaton's old budget: `brugernavn=x`, `felhasználónév: x`, `uživatelské jméno: x`, `nama pengguna: x`.
    regex: new RegExp(String.raw`(?<![\p{L}\d_])(?:felhaszn[áa]l[óo]n[ée]v|brugernavn|brukernavn|u[žz]ivatelsk[ée][ \t]jm[ée]no|nama[ \t]pengguna|k[äa]ytt[äa]j[äa]tunnus|anv[äa]ndarnamn)["']?[ \t]*[=:：][ \t]*["'«„“]?(?<user>${LOGIN})["'»“”]?${LOGIN_END}`, 'iu'),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // A UPI virtual payment address (India's payments: `vpa=ananya.km@okhdfcbank`, `"payer_vpa":"9876543210@ybl"`): a person's payment
    // login, under its key or by a payment app's handle (not an e-mail: no dot in the handle).
    regex: new RegExp(String.raw`(?:(?<![\w-])(?:vpa|upi(?:_?id)?|payer_?vpa|payee_?vpa|virtual_?address)["']?[ \t]*[=:][ \t]*["']?(?<keyedVpa>[A-Za-z0-9][\w.-]{1,63}@[A-Za-z]{2,20})|(?<![\w.@-])(?<vpa>[A-Za-z0-9][\w.-]{1,63}@${UPI_HANDLE}))(?![\w.@-])`),
    targets: [{ group: 'keyedVpa' }, { group: 'vpa' }],
    validate: 'upiAddress',
  },
  {
    // A credential slot: `kullanıcı=3310429871 şifre=…`, `Dienstkonto: svc_scan_koeln / Kennwort: …`, `usuario=x; contraseña=…`.
    regex: new RegExp(String.raw`(?<![\p{L}\d_])${SLOT_LOGIN_KEY}["']?[ \t]*[=:][ \t]*["']?(?<user>[^\s"',;/|]{1,64}?)["']?(?=[ \t,;/|])[ \t]*(?:[,;/|][ \t]*)?${SLOT_PASSWORD_KEY}["']?[ \t]*[=:]`, 'iu'),
    targets: [{ group: 'user' }],
    validate: 'credentialSlotLogin',
  },
];

/** Plain literals for the words scan (lower case; `id`, `last` only after a prompt: alone they are everywhere). */
export const ACCOUNT_TOOL_LOGIN_WORDS: readonly string[] = [
  'finger ',
  'pinky ',
  'getent passwd',
  'getent shadow',
  'getent initgroups',
  'sudo id ',
  'sudo -l -u',
  'mc admin user',
  'mc.exe admin user',
  'enabled  ',
  'disabled  ',
  'adding user',
  'adding new user',
  'added user',
  'removing user',
  'removed user',
  'enabling user',
  'disabling user',
  'enabled user',
  'disabled user',
  ...['your', 'the', 'ad', 'active directory', 'user', 'ldap', 'domain', 'local', 'windows', 'network', 'email', 'e-mail', 'new', 'portal', 'vpn', 'sso', 'staff', 'student', 'employee'].map((q) => `${q} account `),
  'principal"',
  'pengguna',
  'pracownik',
  'brugernavn',
  'uzytkownik',
  'uzivatel',
  'kayttaja',
  'felhasznal',
  'anvandar',
  'brukernavn',
  'bruger',
  'bruker',
  'dienstkonto',
  'vpa=',
  'vpa"',
  "vpa'",
  'vpa:',
  'vpa ',
  'upi=',
  'upi"',
  'upi:',
  'upi_id',
  'upiid',
  'virtual_address',
  'virtualaddress',
  '@ok',
  '@ybl',
  '@ibl',
  '@axl',
  '@paytm',
  '@apl',
  '@yapl',
  '@axisbank',
  '@hdfcbank',
  'benutzerkonto',
  'servicekonto',
];

/**
 * Marks (a case-sensitive regex): the nouns whose wake starts beyond ASCII (`felhasználó`; intl-logins.ts's marks wake `uživatel`).
 * (A login in brackets after a display name has no wake of its own: a marks alternative may not start at `(`, common in logs
 * (scan-shape.test); it is read where another of the rule's words woke the line, `Started by user Daan Bosman (dbosman)`.)
 */
export const ACCOUNT_TOOL_LOGIN_MARKS = String.raw`ál[óo](?<=[Ff]elhasznál[óo])`;

/** The trigger's alternatives (case-insensitive): a literal of each form. */
export const ACCOUNT_TOOL_LOGIN_TRIGGER = String.raw`(?:finger|pinky|getent|mc(?:\.exe)?[ \t]+admin)[ \t]|sudo id |sudo[ \t]+-l[ \t]+-U|uid=[1-9]\d{3}|^(?:enabled|disabled)[ \t]{2}|(?:adding|added|removing|removed|enabled|disabled|enabling|disabling)[ \t]+(?:new[ \t]+)?user[ \t]| account |_(?:user(?:_?name)?|login(?:_?name)?)[ \t]+["']|"principal"|pengguna|pracownik|bruger|bruker|felhaszn|l'utente|utente|l'utilisateur|usuario|usu[áa]rio|vpa["']?[ \t]*[=:]|upi(?:_?id)?["']?[ \t]*[=:]|virtual_?address|@${UPI_HANDLE}(?![\w.@-])|dienstkonto|benutzerkonto|servicekonto|nama[ \t]pengguna|kullan[ıi]c[ıi]|benutzer|gebruiker|u[żz]ytkownik|uživatel|brugernavn|brukernavn|k[äa]ytt[äa]j[äa]tunnus|anv[äa]ndarnamn`;

// ---- Validators' helpers ----------------------------------------------------------------------------------------------------

/** Lower case ASCII letters of a name or login (accents folded, dots, digits and dashes dropped). */
function letters(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ß/g, 'ss').replace(/[^a-z]/g, '');
}

const NAME_PARTICLE = /^(?:van|de|der|den|da|di|del|dos|das|von|le|la)$/i;

/**
 * Whether a login is built from the display name before it: the first name's initial (or the first name) and the surname (or the
 * surnames joined), the surname and the first initial, the first name and the surname's initial (`dbosman`, `iferreirasantos`,
 * `bosmand`, `daanb`, `d.bosman2`). A product and its package (`Apache Tomcat (tomcat9)`) is no such login.
 */
export function isLoginOfDisplayName(names: string, login: string): boolean {
  const l = letters(login);
  if (l.length < 4) return false;
  const words = names.split(/[ \t]+/);
  // With and without the particles (`Marco De Luca` → `mdeluca` and `mluca`).
  return [words.filter((w) => !NAME_PARTICLE.test(w)), words].some((ws) => builtFrom(ws.map(letters).filter((w) => w.length > 0), l));
}


/** Whether `l` is one of the logins a name of these parts makes (see isLoginOfDisplayName). */
function builtFrom(parts: readonly string[], l: string): boolean {
  if (parts.length < 2) return false;
  const first = parts[0]!;
  const rest = parts.slice(1);
  const candidates = new Set<string>();
  for (let i = 0; i < rest.length; i += 1) {
    const surname = rest.slice(i).join('');
    const last = rest[rest.length - 1]!;
    candidates.add(first[0] + surname);
    candidates.add(first + surname);
    candidates.add(surname + first[0]);
    candidates.add(surname + first);
    candidates.add(first + last[0]);
    candidates.add(first[0] + rest[i]!);
  }
  return [...candidates].some((c) => c.length >= 4 && c === l);
}

/** Participles and adjectives that end a Romance clause after `l'utente`/`l'utilisateur` (`corrente`, `connecté`, `bloccato`). */
const ROMANCE_WORD_ENDING = /(?:ente|ante|ato|ata|ati|ate|ito|ita|iti|uto|uta|ado|ada|ados|idos?|ida|iert|ier|eur|euse|ée?s?|és|ale|ali|ile|ili|ivo|iva|ore|ori|ico|ica|oso|osa|ione|ión|ção|ent|ant|ique|ible|able|mente)$/i;
/** Words of Romance logs after an account noun (roles, determiners, states) that the endings miss. */
const ROMANCE_WORDS = /^(?:admin|root|guest|administrador|administrateur|amministratore|invitado|invitada|convidado|convidada|invité|ospite|usuario|utente|utilisateur|nuovo|nuova|nuevo|nueva|novo|nova|nouveau|nouvel|nouvelle|anonimo|anonyme|anonymous|sconosciuto|inconnu|desconocido|desconhecido|stesso|mismo|mesmo|meme|même|loro|suo|sua|leur|son|sa|seu|sua|su|questo|ce|este|esse|corrente|attuale|actuel|actual|atual|locale|local|remoto|distant|sistema|système|systeme|servizio|service|servicio|serviço|default|standard|interno|externe|esterno|externo|non|pas|nao|não|no|est|è|es|é|ha|a|e|et|y)$/i;

/** A bare login after a Romance account noun: no participle, adjective or role word (see ROMANCE_NOUN). */
export function isRomanceLogin(user: string): boolean {
  return !ROMANCE_WORD_ENDING.test(user) && !ROMANCE_WORDS.test(user);
}
