/**
 * Session 23 (acct25): secrets account and cloud tools print alone or under keys the key lists lack — issue #14's
 * secret-assignment misses of held-out-24.
 *
 * - A command whose output is the secret alone, on the next line: `argocd admin initial-password`, `az storage account keys
 *   list … --query "[0].value" -o tsv`, `az account get-access-token --query accessToken -o tsv`, `gcloud auth
 *   print-access-token`, `gh auth token`, `heroku auth:token`, `aws ecr get-login-password`, `kubectl create token x`, `gcloud
 *   secrets versions access …`, `aws secretsmanager get-secret-value … --output text` (not piped on or redirected).
 * - A password a command takes by position: MinIO `mc admin user add <alias> <user> <password>`.
 * - `mc alias list`'s `AccessKey : x` (its `SecretKey` beside it is a secret key already).
 * - A typed credential object (Keycloak's CredentialRepresentation, also escaped inside a JSON string):
 *   `{"type":"password","value":"x"}`, `{\"type\":\"password\",\"value\":\"x\"}`.
 * - macOS `security find-generic-password -g`'s `password: "…"` whose value holds escaped quotes (a JSON blob).
 * - A door, gate or keypad code in English prose (`Door code for the stair is 4719#`, `gate code: 2580`): three digits or more.
 * - A share's password in a sentence (Nextcloud `shared by link, password x`).
 * - DigitalOcean's tokens by their prefix (`dop_v1_…`, `doo_v1_…`, `dor_v1_…`: a second context under `auth-contexts:`).
 * - Signing keys under names of their own: SF Express `checkWord=`, a gateway's `x-<vendor>-signature=`, Przelewy24's `crc=`
 *   (beside the merchant's id; a file's CRC stays).
 * - Password words of Danish, Norwegian, Finnish, Hungarian and Indonesian that session 22 cut for the automaton's old budget
 *   (CUT_PASSWORD_WORD_PATTERN, judged by intl-secrets.ts's validator).
 *
 * secret-assignment takes the patterns, the wake words and the trigger from here; its gate asks isAccountSecretLine and its
 * next-line opener accountToolPrintsSecretOnNextLine.
 */
import { notAValue } from './key-names.js';

/** Commands whose output is the secret alone (no pipe or redirect after them: checked in code). */
const PRINTS_ALONE = new RegExp(
  String.raw`(?:^|[\s;&$#>])(?:argocd[ \t]+admin[ \t]+initial-password\b|az[ \t]+(?:storage[ \t]+account[ \t]+keys[ \t]+list|account[ \t]+get-access-token|storage[ \t]+account[ \t]+show-connection-string|cosmosdb[ \t]+keys[ \t]+list|acr[ \t]+credential[ \t]+show|redis[ \t]+list-keys)\b[^\r\n]*(?:-o|--output)[ \t]+tsv\b|gcloud[ \t]+(?:auth[ \t]+(?:application-default[ \t]+)?print-(?:access|identity)-token|secrets[ \t]+versions[ \t]+access)\b|gh[ \t]+auth[ \t]+token\b|glab[ \t]+auth[ \t]+token\b|heroku[ \t]+auth:token\b|aws[ \t]+(?:ecr|ecr-public|codeartifact)[ \t]+get-(?:login-password|authorization-token)\b|aws[ \t]+secretsmanager[ \t]+get-secret-value\b[^\r\n]*--output[ \t]+text\b|kubectl[ \t]+create[ \t]+token\b|vault[ \t]+print[ \t]+token\b)`,
);

/** The kind of secret the next line holds when this line is such a command, else undefined. */
export function accountToolPrintsSecretOnNextLine(line: string): 'SECRET' | 'TOKEN' | undefined {
  if (!PRINTS_ALONE.test(line) || / >{1,2}[ \t]*\S|\|[ \t]*\S/.test(line)) return undefined;
  return /token|get-login-password|get-authorization-token/i.test(line) ? 'TOKEN' : 'SECRET';
}

/** English door, gate and keypad nouns before `code`. */
const DOOR = String.raw`(?:front[ \t]+door|back[ \t]+door|door|gate|entry|entrance|building|stair(?:s|well|case)?|lobby|garage|alarm|keypad|lock[ \t]?box|key[ \t]?(?:safe|box)|intercom|buzzer|gym|bike[ \t]+room|storage[ \t]+room)`;

/**
 * Password words session 22 cut for the words automaton's old budget (Danish, Norwegian, Finnish, Hungarian, Indonesian): as a key, a
 * prose label with its copula (`Adgangskoden er x`, `salasana on x`, `kata sandinya adalah x`) or straight before the value. The
 * groups are intl-secrets.ts's, and so is the validator (intlSecret): a password's shape after `:` or blanks.
 */
const CUT_PW_WORD = String.raw`(?:adgangskode(?:n)?|salasana(?:si|nsa|nne)?|jelsz[óo](?:t|d|a|m)?|kata[ \t]sandi(?:nya|mu)?|passord(?:et)?)`;
const NOT_LETTER_BEFORE = String.raw`(?<![A-Za-z0-9_\u00c0-\u024f])`;
const NOT_LETTER_AFTER = String.raw`(?![A-Za-z0-9_\u00c0-\u024f])`;
const CUT_VALUE = String.raw`[^\s"'“”‘’<>()[\]{},;]{0,127}[^\s"'“”‘’<>()[\]{},;.:]`;
export const CUT_PASSWORD_WORD_PATTERN = new RegExp(
  String.raw`${NOT_LETTER_BEFORE}(?<pwWord>${CUT_PW_WORD})${NOT_LETTER_AFTER}(?:["']?[ \t]*=[ \t]*["'“]?(?<intlEq>${CUT_VALUE})|["']?[ \t]*[:：][ \t]*["'“]?(?<intlColon>${CUT_VALUE})|[ \t]+(?:er|var|on|oli|adalah|ialah|yaitu|lett|is)[ \t]+["'“]?(?<intlProse>${CUT_VALUE})|[ \t]+["'“]?(?<intlBare>${CUT_VALUE}))`,
  'i',
);

export const ACCOUNT_SECRET_PATTERNS: readonly { readonly regex: RegExp; readonly groups: readonly string[] }[] = [
  {
    // MinIO `mc admin user add <alias> <user> <password>`.
    regex: /(?:^|[\s;&$#>])mc(?:\.exe)?[ \t]+admin[ \t]+user[ \t]+add[ \t]+[\w.-]{1,64}[ \t]+["']?[^\s"']{1,64}["']?[ \t]+(?<q>["']?)(?<mcpw>[^\s"']{1,128})\k<q>[ \t]*(?=\r?$|[;&|#])/,
    groups: ['mcpw'],
  },
  {
    // `mc alias list`: `  AccessKey : x` (the access key of a MinIO user or a cloud's key id).
    regex: /^[ \t]*AccessKey[ \t]*:[ \t]*(?<accessKey>[^\s"']{3,128})[ \t]*\r?$/,
    groups: ['accessKey'],
  },
  {
    // A typed credential object: `"type":"password","value":"x"`, escaped inside a JSON string (`\"type\":\"password\",…`).
    regex: /(?<q>\\{0,3}")type\k<q>[ \t]*:[ \t]*\k<q>password\k<q>[ \t]*,[ \t]*\k<q>(?:secretData|value)\k<q>[ \t]*:[ \t]*\k<q>(?<credValue>[^"\\\r\n]{1,256})\k<q>/,
    groups: ['credValue'],
  },
  {
    // macOS `security find-generic-password -g`: `password: "{\"tenant\":…}"` (escaped quotes inside), `password: 0x… "…"`.
    regex: /^password:[ \t]+(?:0x[0-9A-Fa-f]{2,512}[ \t]+)?"(?<kcpw>(?:[^"\\\r\n]|\\.){0,510}\\"(?:[^"\\\r\n]|\\.){0,510})"[ \t]*\r?$/,
    groups: ['kcpw'],
  },
  {
    // `Door code for the stair is 4719#`, `gate code: 2580`, `The keypad code is *4471`.
    regex: new RegExp(String.raw`(?<![\w-])${DOOR}[ \t]+code(?:[ \t]+(?:for|to|of|at)[ \t]+(?:the[ \t]+|our[ \t]+|my[ \t]+)?[\w-]{1,20}(?:[ \t]+[\w-]{1,20})?)?(?:[ \t]*[:=][ \t]*|[ \t]+(?:is|was|will[ \t]+be|remains|stays)[ \t]+(?:now[ \t]+|still[ \t]+)?)["'“]?(?<doorCode>[#*]?[0-9A-Z]{3,10}[#*]?)(?![\w#*])`, 'i'),
    groups: ['doorCode'],
  },
  {
    // Nextcloud `shared by link, password x`, `shared via link with password: x`.
    regex: /\bshared[ \t]+(?:by|via|with)[ \t]+(?:a[ \t]+)?(?:public[ \t]+)?link,?[ \t]+(?:with[ \t]+)?password[ \t]*(?:[:=][ \t]*)?["'“]?(?<sharePw>[^\s"'“”,;]{3,128})/i,
    groups: ['sharePw'],
  },
  {
    // DigitalOcean's tokens (personal access, OAuth, refresh) by their prefix.
    regex: /(?<![\w-])(?<doToken>do[opr]_v1_[0-9a-f]{64})(?![\w-])/,
    groups: ['doToken'],
  },
  {
    // Przelewy24's CRC key (`crc=` beside the merchant's or POS id: the validator asks for it on the line), not a checksum.
    regex: /(?<![\w-])(?:p24_)?crc(?:_?key)?["']?[ \t]*[=:][ \t]*["']?(?<p24Crc>[0-9a-f]{16})(?![\w-])/i,
    groups: ['p24Crc'],
  },
  {
    // SF Express `checkWord=`, a gateway's signing header `x-tif-signature=`, `x-ca-signature:`.
    regex: /(?<![\w-])(?:checkword|check_word|x-[a-z]{2,12}-signature)["']?[ \t]*[=:][ \t]*["']?(?<signKey>[A-Za-z0-9+/_-]{16,256}={0,2})(?![\w+/=-])/i,
    groups: ['signKey'],
  },
];

/** The validator of ACCOUNT_SECRET_PATTERNS: a value, not a stand-in; a door code holds three digits or more, no year. */
export function isAccountSecret(m: RegExpExecArray, line: string): boolean {
  const g = m.groups ?? {};
  // A CRC beside no merchant or POS id is a checksum (`crc=3f9a…` of a file).
  if (g.p24Crc !== undefined) return /przelewy|p24|merchant_?id|pos_?id/i.test(line) && !notAValue(g.p24Crc);
  const door = g.doorCode;
  if (door !== undefined) return (door.match(/\d/g)?.length ?? 0) >= 3 && !/^(?:19|20)\d{2}$/.test(door) && !/^[A-Z]+$/.test(door);
  const share = g.sharePw;
  if (share !== undefined) return !notAValue(share) && !/^(?:protected|set|required|enabled|disabled|removed|changed|expired|and|or|for|to|is)$/i.test(share) && /[\d\W_]/.test(share);
  // A JSON blob stored as the password (its escaped quotes are the pattern's condition): the blob is the secret, whatever it holds.
  if (g.kcpw !== undefined) return g.kcpw.length >= 8;
  for (const name of ['mcpw', 'accessKey', 'credValue', 'doToken', 'signKey']) {
    const v = g[name];
    if (v !== undefined) return !notAValue(v) && !/^(?:your|my|the)?[-_]?(?:access|secret)?[-_]?(?:key|password|secret)[-_]?(?:here)?$/i.test(v) && !/^YOUR[-_]/i.test(v);
  }
  return false;
}

/** Plain literals for the words scan (lower case). */
export const ACCOUNT_SECRET_WORDS: readonly string[] = [
  'initial-password',
  'keys list',
  'get-access-token',
  'show-connection-string',
  'credential show',
  'list-keys',
  'print-access-token',
  'print-identity-token',
  'versions access',
  'auth token',
  'auth:token',
  'get-login-password',
  'get-authorization-token',
  'get-secret-value',
  'create token',
  'print token',
  'admin user add',
  'accesskey',
  'door code',
  'gate code',
  'entry code',
  'entrance code',
  'building code',
  'stair code',
  'stairs code',
  'stairwell code',
  'staircase code',
  'lobby code',
  'garage code',
  'alarm code',
  'keypad code',
  'lockbox code',
  'lock box code',
  'keysafe code',
  'key safe code',
  'keybox code',
  'key box code',
  'intercom code',
  'buzzer code',
  'gym code',
  'room code',
  'shared by ',
  'shared via ',
  'shared with ',
  'dop_v1_',
  'doo_v1_',
  'dor_v1_',
  'adgangskode',
  'salasana',
  'jelsz',
  'kata sandi',
  'passord',
  'crc',
  'checkword',
  'check_word',
  'signature=',
  'signature:',
  'signature"',
];

/** The trigger's alternatives (case-insensitive): a literal of each form. */
export const ACCOUNT_SECRET_TRIGGER = String.raw`argocd[ \t]+admin|az[ \t]+\w|gcloud[ \t]|gh[ \t]+auth|glab[ \t]+auth|heroku[ \t]+auth|aws[ \t]+(?:ecr|codeartifact|secretsmanager)|kubectl[ \t]+create[ \t]+token|vault[ \t]+print|admin[ \t]+user[ \t]+add|^[ \t]*accesskey[ \t]*:|"type\\{0,3}"[ \t]*:[ \t]*\\{0,3}"password|^password:[ \t]|${DOOR}[ \t]+code|shared[ \t]+(?:by|via|with)[ \t]|do[opr]_v1_|crc(?:_?key)?["']?[ \t]*[=:]|check_?word|x-[a-z]{2,12}-signature|adgangskode|salasana|jelsz|kata[ \t]sandi|passord`;
const ACCOUNT_SECRET_TEST = new RegExp(ACCOUNT_SECRET_TRIGGER, 'im');

/** secret-assignment's gate: a line with one of these forms. */
export function isAccountSecretLine(line: string): boolean {
  return ACCOUNT_SECRET_TEST.test(line) && (ACCOUNT_SECRET_PATTERNS.some((p) => p.regex.test(line)) || CUT_PASSWORD_WORD_PATTERN.test(line) || accountToolPrintsSecretOnNextLine(line) !== undefined);
}
