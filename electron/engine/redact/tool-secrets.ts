/**
 * Session 19 (secret20): secrets a tool places by its own grammar, with no key word beside the value.
 *
 * - A command whose output is the secret alone, on the next line: PowerShell's `.GetNetworkCredential().Password`,
 *   `occ config:system:get dbpassword`, `git config --get x.password`, `vault kv get -field=password …`, a Secret's
 *   data decoded by `kubectl … | base64 -d`, a tool that makes a key and prints it (`headscale preauthkeys create`,
 *   `consul keygen`, `rails secret`, `php artisan key:generate --show`), a one-secret file printed by `cat` or headed by
 *   its path in a pasted bundle (`*.psk`, `# /var/ossec/etc/authd.pass (…)`).
 * - A token or password a tool reports having made, in its sentence: `token tk_… created for user x`, `Personal access
 *   token "ci" created for x: <token>`, `API key generated: <key>`, `temporary password Xy-7781`, `… reset to <pw>`.
 * - A password a command takes by position or after its own flag: `doveadm auth test <user> <pw>`, `wbinfo -a u%pw`,
 *   `radtest <user> <pw> <host> <port> <secret>`, `curl -u login:'pw'` (the password
 *   quoted apart from the login: auth-header's curl pattern, rules.ts).
 * - A mail relay's API token under a key named like a login (Postmark, SES, SendGrid-style `SMTP_USERNAME=<token>`):
 *   the value's shape decides (a UUID or a long random run), not the key.
 *
 * secret-assignment takes the patterns, the wake words and the trigger from here; its gate asks isToolSecretLine and
 * its next-line opener asks toolPrintsSecretOnNextLine, so the four agree. What counts as "not a value" is
 * key-names.ts's isBenignValue/notAValue and password-shape.ts's passwordShape (no third family of such checks).
 * A network device's configuration is network-device.ts's (session 20, secret21).
 */
import { isBenignValue, isSecretKey, notAValue } from './key-names.js';
import { passwordShape } from './password-shape.js';

// ---- Next-line openers -------------------------------------------------------------------------------------------

/** A secret-named key as a `get` command's last word (`dbpassword`, `credential.password`, `smtp_password`). */
const GET_KEY_COMMAND = /(?:^|[\s;&$#>])(?:(?:php[ \t]+)?occ[ \t]+config:(?:system:get|app:get[ \t]+[\w.-]{1,64})[ \t]+|git[ \t]+config(?:[ \t]+--(?:global|local|system|worktree))?[ \t]+--get[ \t]+|vault[ \t]+(?:kv[ \t]+get|read)[ \t]+(?:-[\w-]+=\S+[ \t]+)*-field=|(?:wp|wp-cli(?:\.phar)?)[ \t]+(?:config|option)[ \t]+get[ \t]+|aws[ \t]+configure[ \t]+get[ \t]+)["']?(?<key>[\w.-]{2,64})["']?(?:[ \t]+[\w./=-]{1,128}){0,3}[ \t]*\r?$/;
/** Commands and calls whose output is the secret alone. */
const PRINTS_ALONE = /\.GetNetworkCredential\(\)\.Password[ \t]*\)?[ \t]*\r?$|::PtrToString(?:Auto|BSTR|Uni)\([^\r\n]*\)[ \t]*\r?$|ConvertFrom-SecureString[ \t]+(?:-\S+[ \t]+)*-AsPlainText[ \t]*\r?$|kubectl[ \t][^\r\n]*\bget[ \t]+secrets?\b[^\r\n]*(?:\|[ \t]*base64[ \t]+(?:-d|--decode|-D)[ \t]*\r?$|base64decode[^\r\n]*\r?$)|(?:^|[\s;&$#>])(?:headscale[ \t]+(?:preauthkeys|apikeys)[ \t]+create|consul[ \t]+keygen|nomad[ \t]+operator[ \t]+(?:gossip[ \t]+keyring[ \t]+generate|keygen)|(?:bin\/)?(?:rails|rake)[ \t]+secret|artisan[ \t]+key:generate[ \t]+--show|docker[ \t]+swarm[ \t]+unlock-key[ \t]+-q|systemd-creds[ \t]+cat|op[ \t]+read[ \t]+["']?op:\/\/)\b[^|>\r\n]*\r?$/;
/** A file that holds one secret, printed by `cat` (`cat /etc/zabbix/erp-db-01.psk`) or headed by its path in a bundle. */
// (Not formats.ts's password-file layout for `x.psk`: a transcript's section lasts until the next prompt that shows a file, and
// the other commands' output lines between would be read as passwords.)
const ONE_SECRET_FILE = String.raw`\S*(?:\.(?:psk|password|secret)|[\\/](?:password|secret|authd\.pass)(?:\.txt)?|[\\/](?:pw|pwd|passwd|pass)\.txt)`;
const ONE_SECRET_FILE_SHOWN = new RegExp(String.raw`(?:^|[\s;&$#>])(?:cat|type|more|head(?:[ \t]+-n?[ \t]*1)?|Get-Content|gc)[ \t]+["']?${ONE_SECRET_FILE}["']?[ \t]*\r?$|^[ \t]*(?:#|\/\/|;|::|rem)[ \t]+["']?(?:~|[A-Za-z]:)?[\\/]${ONE_SECRET_FILE}["']?(?:[ \t]+\([^()\r\n]{0,80}\))?[ \t]*\r?$`, 'i');

/**
 * Session 22 (intlkey23): an SMTP or IMAP server's AUTH LOGIN prompts in a transcript (swaks `<~  334 VXNlcm5hbWU6`, `openssl
 * s_client`'s `334 UGFzc3dvcmQ6`, a `+ UGFzc3dvcmQ6` continuation): base64 of `Username:` and `Password:`; the client's next
 * line (`~> cGV0cmEu…`, ` -> …`) is the login or the password in base64, either one a credential to whoever decodes it.
 */
const SMTP_AUTH_PROMPT = /(?:^|[\s<~>+-])(?:334|\+)[ \t]+(?:VXNlcm5hbWU6|UGFzc3dvcmQ6|dXNlcm5hbWU6|cGFzc3dvcmQ6)[ \t]*\r?$/;

/** The kind of secret the next line holds when this line is a command that prints one alone, else undefined. */
export function toolPrintsSecretOnNextLine(line: string): 'SECRET' | 'TOKEN' | undefined {
  if (SMTP_AUTH_PROMPT.test(line)) return 'SECRET';
  if (PRINTS_ALONE.test(line)) return /preauthkeys|apikeys/.test(line) ? 'TOKEN' : 'SECRET';
  if (ONE_SECRET_FILE_SHOWN.test(line)) return /token/i.test(line) ? 'TOKEN' : 'SECRET';
  const key = GET_KEY_COMMAND.exec(line)?.groups?.key;
  // (A key the words scan wakes on: `password`, `passwd`, `secret`, `credential` in it.)
  // Session 22 (intlkey23): WP-CLI's `wp config get DB_PASSWORD` / `AUTH_KEY`, `aws configure get aws_secret_access_key`.
  if (key !== undefined && /password|passwd|secret|credential|(?:auth|logged_in|nonce)_(?:key|salt)/i.test(key) && (isSecretKey(key, 'assignment') || /^(?:secret|passwordsalt)$/i.test(key))) return 'SECRET';
  return undefined;
}

// ---- Same-line forms ---------------------------------------------------------------------------------------------

/** What a tool names a credential it made. */
const MADE_NOUN = String.raw`(?:(?:personal[ \t]+)?access[ \t]+token|api[ \t_-]?key|token|secret|password|passphrase)`;
const MADE_VERB = String.raw`(?:created|generated|issued|regenerated|rotated)`;
/** A token as tools print them: letters, digits and `_.~+/-`, base64's `=` at the end. */
const TOKEN_RUN = String.raw`[A-Za-z0-9][A-Za-z0-9_.~+/-]{11,254}={0,2}`;
/** A password a person or a tool made: no blank, no quote, no bracket. */
const PW_RUN = String.raw`[^\s"'“”<>()[\]{},;]{4,128}`;

export const TOOL_SECRET_PATTERNS: readonly { readonly regex: RegExp; readonly groups: readonly string[] }[] = [
  {
    // `token tk_8qz… created for user x` (ntfy, `ntfy token add`); `Personal access token "ci" created for x: <token>`,
    // `API key generated for svc: <key>`, `New token created: <token>` (the sentence's last value after a colon).
    regex: new RegExp(String.raw`(?<![\w-])token[ \t]+(?<made>${TOKEN_RUN})[ \t]+(?:created|issued)\b|\b${MADE_NOUN}\b[^\r\n:：=]{0,80}?\b${MADE_VERB}\b[^\r\n:：=]{0,80}?(?<!\b(?:id|ID|Id|uuid|UUID|name|Name|accessor|Accessor))[:：][ \t]*["'“]?(?<said>${TOKEN_RUN})(?=["'”]?[ \t]*(?:[,;.][ \t]|[,;.]?[ \t]*\r?$|\())`, 'i'),
    groups: ['made', 'said'],
  },
  {
    // A password a tool set for someone, in its sentence: `temporary password Tide-Tmp-58213`, `initial password: x`,
    // `New password is x`, `password of user x reset to Xy-7781`, `default password set to …`.
    regex: new RegExp(String.raw`\b(?:temporary|temp|initial|one-time|new|generated|random)[ \t]+password[ \t]*(?:(?:is|was)[ \t]+|(?:set|reset|changed)[ \t]+to[ \t]+|[:=：][ \t]*)?["'“]?(?<temp>${PW_RUN})|\bpassword\b[^\r\n]{0,80}?\b(?:reset|set|changed)[ \t]+to[ \t]+["'“]?(?<resetTo>${PW_RUN})`, 'i'),
    groups: ['temp', 'resetTo'],
  },
  {
    // Dovecot `doveadm auth test|login <user> <pw>` (flags before either), Samba `wbinfo -a user%pw`, FreeRADIUS
    // `radtest <user> <pw> <server> <nas-port> <shared secret>`, Wazuh `…/ossec/bin/agent-auth … -P <enrolment password>`.
    regex: new RegExp(String.raw`\bdoveadm[ \t]+(?:-\S+[ \t]+)*auth[ \t]+(?:test|login)[ \t]+(?:-\w[ \t]+\S+[ \t]+)*\S+[ \t]+["']?(?<dove>${PW_RUN})|\bwbinfo[ \t]+(?:-a|--authenticate)[ \t]*=?[ \t]*["']?[^\s%"']{1,128}%(?<wb>[^\s"']{1,128})|\bradtest[ \t]+(?:-[dtP][ \t]+\S+[ \t]+|-[x46][ \t]+)*\S+[ \t]+["']?(?<rpw>${PW_RUN})["']?[ \t]+\S+[ \t]+\S+[ \t]+["']?(?<rsec>${PW_RUN})|ossec[^\s"']{0,80}[\\/]agent-auth(?:\.exe)?["']?[^\r\n]*?[ \t]-P[ \t]*["']?(?<wz>${PW_RUN})`),
    groups: ['dove', 'wb', 'rpw', 'rsec', 'wz'],
  },
  {
    // Session 20 (secret21): a virtual machine's guest password given to the host's tool: VMware `vmrun -gu x -gp <pw>` and
    // `-vp <pw>` (the VM's encryption password), govc `guest.* -l user:<pw>` (each flag after the tool's name on the line).
    regex: new RegExp(String.raw`(?=[ \t]-[gv]p[ \t])(?<=\bvmrun(?:\.exe)?["']?[ \t][^\r\n]{0,400}?)[ \t]-[gv]p[ \t]+(?:"(?<vmQ>[^"\r\n]{1,128})"|'(?<vmS>[^'\r\n]{1,128})'|(?<vm>${PW_RUN}))|\bgovc[ \t]+guest\.[\w.-]{1,32}(?:[ \t][^\r\n]{0,400}?)?[ \t]-l(?:[ \t]+|=)["']?[^\s:"']{1,64}:(?<govc>[^\s"']{1,128})`),
    groups: ['vmQ', 'vmS', 'vm', 'govc'],
  },
  {
    // A mail relay's login that is its token: `SMTP_USERNAME=<uuid>` (Postmark's server token is both user and password),
    // `MAIL_USER: "<32+ random>"`, `"smtp.username": "…"`. Only a UUID or a long random run of mixed case and digits.
    regex: /(?<![\w.-])["']?(?:[A-Za-z0-9]+[_.-])*(?:smtp[_.-]|mail[_-])user(?:name)?["']?[ \t]*[:=][ \t]*["']?(?<apiUser>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z0-9_-]{32,128})(?![\w-])/i,
    groups: ['apiUser'],
  },
  {
    // Session 22 (intlkey23): the Supabase CLI's database password after its own flag (`supabase link --project-ref x -p 'pw'`,
    // `supabase db push --password pw`, `supabase db dump -p=pw`).
    regex: /(?:^|[\s;&|$#>])(?:npx[ \t]+)?supabase(?:\.exe)?[ \t]+(?:link|db[ \t]+[a-z]+|migration[ \t]+[a-z]+|inspect[ \t]+[a-z]+)\b[^\r\n]*?[ \t](?:-p|--password)(?:[ \t]+|=)(?:(?<supaQuote>["'])(?<supaQ>[^"'\r\n]{1,256})\k<supaQuote>|(?<supa>[^\s"'-][^\s"']{0,255}))/,
    groups: ['supaQ', 'supa'],
  },
];

/** Plain literals for the words scan (lower case; none starts with a digit or a character common in logs). */
export const TOOL_SECRET_WORDS: readonly string[] = [
  'getnetworkcredential',
  'ptrtostring',
  'base64decode',
  'preauthkeys',
  'key:generate',
  // A pre-shared key file's extension (`.psk` would start at a character common in logs).
  'psk',
  'consul keygen',
  'operator keygen',
  'gossip',
  'headscale',
  'unlock-key -q',
  // Wazuh's `agent-auth -P <pw>` by its install folder (`agent-auth` itself would hide other rules' `auth…` words).
  'ossec',
  'created',
  'generated',
  'issued',
  'rotated',
  'smtp_',
  'smtp.',
  'smtp-',
  'mail_',
  'mail-',
  'doveadm',
  'wbinfo',
  'radtest',
  // Session 20 (secret21): a VM's guest password (vmrun, govc).
  'vmrun',
  'govc',
  // Session 22 (intlkey23): commands that print one secret alone (`systemd-creds cat x`, `op read op://…`, `wp config get AUTH_KEY`),
  // an SMTP AUTH LOGIN prompt (`334 VXNlcm5hbWU6`, `334 UGFzc3dvcmQ6`), the Supabase CLI (short: the words scan's automaton has a cap).
  'creds cat',
  'vxnlcm5',
  'ugfzc3d',
  'supabase',
  'op read',
  'config get',
];

/** The trigger's alternatives (case-insensitive): a literal of each form. */
export const TOOL_SECRET_TRIGGER = String.raw`getnetworkcredential\(|ptrtostring(?:auto|bstr|uni)\(|convertfrom-securestring|get[ \t]+secrets?\b[^\r\n]{0,160}base64|preauthkeys[ \t]+create|apikeys[ \t]+create|keygen|key:generate|unlock-key|(?:rails|rake)[ \t]+secret|config:(?:system|app):get|config[^\r\n]{0,160}--get[ \t]|-field=|\.(?:psk|password|secret)["']?[ \t]*\r?$|[\\/](?:password|secret|authd\.pass|pw\.txt|pwd\.txt|passwd\.txt|pass\.txt)(?:\.txt)?["']?(?:[ \t]+\([^()\r\n]{0,80}\))?[ \t]*\r?$|token[ \t][^\r\n]{0,160}\b(?:created|issued)\b|\b(?:token|key|secret|password|passphrase)\b[^\r\n]{0,160}\b(?:created|generated|issued|regenerated|rotated)\b[^\r\n]{0,160}[:：]|(?:temporary|temp|initial|one-time|new|generated|random)[ \t]+password|password\b[^\r\n]{0,160}\b(?:reset|set|changed)[ \t]+to[ \t]|doveadm|wbinfo|radtest|ossec[^\s"']{0,80}[\\/]agent-auth|(?:smtp[_.-]|mail[_-])user|vmrun[^\r\n]{0,400}[ \t]-[gv]p[ \t]|govc[ \t]+guest\.[^\r\n]{0,400}[ \t]-l[ \t=]|systemd-creds[ \t]+cat|vxnlcm5hbwu6|ugfzc3dvcmq6|supabase[^\r\n]{0,400}[ \t](?:-p|--password)[ \t=]|op[ \t]+read[ \t]|(?:wp|aws)[ \t]+(?:config|option|configure)[ \t]+get[ \t]`;
const TOOL_SECRET_TEST = new RegExp(TOOL_SECRET_TRIGGER, 'i');

export function isToolSecretLine(line: string): boolean {
  return TOOL_SECRET_TEST.test(line);
}

/** A token a tool made: letters and digits mixed (`tk_8qz2…`, base64), not a word, a path or a version. */
function isMadeToken(v: string): boolean {
  if (v.length < 12 || isBenignValue(v) || /^(?:v?\d+(?:\.\d+)+|[\w.-]*\/[\w./-]*)$/.test(v)) return false;
  // Some part mixes letters and digits (`tk_8qz2…`, base64, a UUID's groups); words and numbers joined (`my-project-2026`) are a name.
  return v.split(/[-_.~+/=]+/).some((part) => /\d/.test(part) && /[A-Za-z]/.test(part));
}

/** The validator of TOOL_SECRET_PATTERNS: each group's value has the shape its place asks. */
export function isToolSecret(m: RegExpExecArray): boolean {
  const g = m.groups ?? {};
  for (const name of ['made', 'said']) if (g[name] !== undefined && !isMadeToken(g[name])) return false;
  // A sentence's password only in a password's shape (a word, a placeholder or a mask is none).
  for (const name of ['temp', 'resetTo']) if (g[name] !== undefined && (!passwordShape(g[name], 'flag') || isBenignValue(g[name]))) return false;
  for (const name of ['dove', 'wb', 'rpw', 'rsec', 'wz', 'vmQ', 'vmS', 'vm', 'govc', 'supaQ', 'supa']) {
    const v = g[name];
    if (v !== undefined && (notAValue(v) || (v.length < 6 && !/\d/.test(v)))) return false;
  }
  const apiUser = g.apiUser;
  if (apiUser !== undefined && !(/^[0-9a-f]{8}-/i.test(apiUser) || /^[0-9a-f]{32,}$/i.test(apiUser) || (/\d/.test(apiUser) && /[a-z]/.test(apiUser) && /[A-Z]/.test(apiUser) && !isBenignValue(apiUser)))) return false;
  return true;
}
