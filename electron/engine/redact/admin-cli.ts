/**
 * Administration commands that take a password where only their grammar says it is one (session 14,
 * rest15b): as a positional argument (`emqx_ctl admins add <user> <password>`), after a flag of their
 * own (`gsql -W <password>`: elsewhere `-W` means "prompt"), glued to `-p` (MySQL-protocol clients),
 * or on standard input (`echo '<password>' | ipa passwd <user>`, `realm join … <<< '<password>'`).
 *
 * One table per grammar; each entry names the command, the subcommand and where the password stands,
 * only where that grammar is certain (a tool's documented synopsis). secret-assignment builds its
 * patterns, its wake words and its gate from these tables, so the three always agree.
 */

/** A password as the `skip + 1`-th word after `command sub` (flags before it are skipped). */
export interface PositionalPassword {
  /** Regex source of the command (`emqx_ctl|emqx[ \t]+ctl`). */
  readonly command: string;
  /** Regex source of the subcommand words. */
  readonly sub: string;
  /** Words (logins, hosts, files) between the subcommand and the password. */
  readonly skip: number;
  /** Plain literals that wake the rule on such a line (lower case, ≥ 3 characters). */
  readonly words: readonly string[];
}

export const POSITIONAL_PASSWORDS: readonly PositionalPassword[] = [
  // EMQX `emqx_ctl admins add <user> <password> [<description>]`, `admins passwd <user> <password>`
  // (EMQX 5: `emqx ctl admins …`).
  { command: String.raw`emqx_ctl|emqx[ \t]+ctl`, sub: String.raw`admins[ \t]+(?:add|passwd)`, skip: 1, words: ['emqx_ctl', 'emqx ctl'] },
  // Zimbra `zmprov ca|createAccount <mail> <password> [attr value …]`, `sp|setPassword <mail> <password>`.
  { command: 'zmprov', sub: 'ca|createAccount|sp|setPassword', skip: 1, words: ['zmprov'] },
  // RabbitMQ `rabbitmqctl add_user <user> <password>`, `change_password <user> <password>`.
  { command: 'rabbitmqctl', sub: 'add_user|change_password', skip: 1, words: ['rabbitmqctl'] },
  // ejabberd and Prosody `register <user> <host> <password>`, `change_password <user> <host> <password>`.
  { command: 'ejabberdctl|prosodyctl', sub: 'register|change_password', skip: 2, words: ['ejabberdctl', 'prosodyctl'] },
  // Mosquitto and Apache `-b` (batch: the password on the command line) `<file> <user> <password>`.
  { command: 'mosquitto_passwd|htpasswd', sub: '-[BcCimsd]*b[BcCimsd]*', skip: 2, words: ['mosquitto_passwd', 'htpasswd'] },
  // IPMI `ipmitool user set password <id> <password>`.
  { command: 'ipmitool', sub: String.raw`user[ \t]+set[ \t]+password`, skip: 1, words: ['ipmitool'] },
  // Alist `alist admin set <password>` (session 15, secret16).
  { command: String.raw`(?:\.\/)?alist`, sub: String.raw`admin[ \t]+set`, skip: 0, words: ['alist admin'] },
];

/** A password as the value of a flag that is a password flag for this command only. */
export interface FlagPassword {
  readonly command: string;
  /** Regex source of the flag, up to the blank or `=` before the value. */
  readonly flag: string;
  readonly words: readonly string[];
}

export const FLAG_PASSWORDS: readonly FlagPassword[] = [
  // openGauss/GaussDB `gsql -W <password>`, `gs_dump|gs_dumpall|gs_restore -W <password>`
  // (PostgreSQL's `psql -W` only forces a prompt: not in this table).
  { command: 'gsql|gs_dump|gs_dumpall|gs_restore', flag: '-W|--password', words: ['gsql', 'gs_dump', 'gs_restore'] },
  // Drone `drone secret add|update … --data <value>` (also `orgsecret`), GitHub CLI `gh secret set NAME --body|-b <value>`.
  { command: String.raw`drone[ \t]+(?:org)?secret[ \t]+(?:add|update)`, flag: '--data', words: ['drone secret', 'drone orgsecret'] },
  { command: String.raw`gh[ \t]+secret[ \t]+set`, flag: '--body|-b', words: ['gh secret'] },
  // Pacemaker `pcs host auth <node>… -u <user> -p <password>` (pcs 0.10), `pcs cluster auth … -p` (0.9).
  { command: String.raw`pcs[ \t]+(?:host|cluster)[ \t]+auth`, flag: '-p|--password', words: ['pcs host auth', 'pcs cluster auth'] },
  // open-iscsi `iscsiadm -m node … -o update -n node.session.auth.password[_in] -v <password>`
  // (also `discovery.sendtargets.auth.password`).
  { command: 'iscsiadm', flag: String.raw`-n[ \t]+[\w.]*auth\.password(?:_in)?[ \t]+-v|--name[ \t=]+[\w.]*auth\.password(?:_in)?[ \t]+--value`, words: ['iscsiadm'] },
  // Vertica `vsql -w <password>`; Kerberos `kadmin … addprinc|cpw -pw <password>`.
  { command: 'vsql', flag: '-w', words: ['vsql'] },
  { command: String.raw`(?:addprinc|add_principal|cpw|change_password|ank)(?=[ \t])`, flag: '-pw', words: ['addprinc', 'add_principal', 'cpw -pw', 'change_password -pw', 'ank -pw'] },
  // Session 15 (secret16): Hive `beeline -n <user> -p <password>`, Mosquitto clients `mosquitto_pub|sub|rr -P <password>`,
  // `ipmitool -U <user> -P <password>` (its `-P` is the password; `-p` is the port).
  { command: 'beeline', flag: '-p|--password', words: ['beeline'] },
  { command: 'mosquitto_(?:pub|sub|rr)', flag: '-P|--pw', words: ['mosquitto_pub', 'mosquitto_sub', 'mosquitto_rr'] },
  { command: 'ipmitool', flag: '-P', words: ['ipmitool'] },
];

/** Clients that take `-p<password>` glued (`-p` then a blank prompts): GBase 8a, OceanBase, MySQL Shell, TDengine's `taos`. */
export const GLUED_P_CLIENTS = ['gccli', 'gbase', 'obclient', 'mysqlsh', 'taos'];

/** A password given on standard input to a command that reads it from there. */
export const STDIN_PASSWORD_READERS: readonly { readonly command: string; readonly words: readonly string[] }[] = [
  // FreeIPA `echo '<pw>' | ipa passwd <user>`, `ipa user-add … --password` (reads stdin when not a tty).
  { command: String.raw`ipa[ \t]+(?:passwd|user-add|user-mod)`, words: ['ipa passwd', 'ipa user-'] },
  // realmd, adcli, Samba, Kerberos: joins and sign-ins that read the password from stdin.
  { command: String.raw`realm[ \t]+join|adcli[ \t]+join|net[ \t]+ads[ \t]+join|kinit`, words: ['realm join', 'adcli join', 'net ads join', 'kinit'] },
  // Container registries: `--password-stdin`.
  { command: String.raw`(?:docker|podman|buildah|skopeo|nerdctl|helm(?:[ \t]+registry)?|oras)[ \t]+login[^\r\n|;&]{0,256}--password-stdin`, words: ['password-stdin'] },
  // `sudo -S` reads the password from stdin; `smbpasswd -s` too.
  { command: String.raw`sudo[ \t]+-S|smbpasswd[ \t]+(?:-[a-z][ \t]+)*-s`, words: ['sudo -s', 'smbpasswd'] },
  // Pure-FTPd `pure-pw useradd|passwd|usermod` reads the password (twice) from stdin (session 15, secret16).
  { command: String.raw`pure-pw[ \t]+(?:useradd|passwd|usermod)`, words: ['pure-pw'] },
];

const VALUE = String.raw`(?:(?<q>["'])(?<qsecret>[^"'\r\n]{1,256})\k<q>|(?<secret>[^\s"'<>|;&-][^\s"'<>|;&]{0,255}))`;
const START = String.raw`(?:^|[\s;&|(>$#])`;
const ARG = String.raw`(?:"[^"\r\n]{0,256}"|'[^'\r\n]{0,256}'|[^\s"'-][^\s"']{0,255})`;
const FLAGS = String.raw`(?:[ \t]+-{1,2}[A-Za-z][\w-]{0,40})*`;

/** The patterns (groups `secret`, `qsecret`; `user` where the grammar names the login). */
export function adminCliPatterns(): RegExp[] {
  const out: RegExp[] = [];
  for (const p of POSITIONAL_PASSWORDS) {
    out.push(new RegExp(String.raw`${START}(?:${p.command})[ \t]+(?:${p.sub})${FLAGS}(?:[ \t]+${ARG}){${p.skip}}[ \t]+${VALUE}`));
  }
  for (const f of FLAG_PASSWORDS) {
    out.push(new RegExp(String.raw`${START}(?:${f.command})(?:[ \t][^\r\n|;&]{0,512}?)?[ \t](?:${f.flag})(?:[ \t]+|=)${VALUE}`));
  }
  // `gccli -ugbase -pGbase#Root-8a1`, `obclient … -p'pw'`: the password glued to `-p`.
  out.push(new RegExp(String.raw`${START}(?:${GLUED_P_CLIENTS.join('|')})(?:\.exe)?[ \t](?:[^\r\n|;&]{0,512}?[ \t])?-p(?:'(?<sq>[^'\s][^'\r\n]{0,255})'|"(?<dq>[^"$\s][^"$\r\n]{0,255})"|(?<glued>[^\s"'-][^\s"']{0,255}))`));
  // `echo 'pw' | ipa passwd x`, `printf '%s' pw | realm join …`.
  const readers = STDIN_PASSWORD_READERS.map((r) => r.command).join('|');
  out.push(new RegExp(String.raw`${START}(?:echo|printf)[ \t]+(?:-[ne]{1,2}[ \t]+)?(?:(?<q>["'])(?<qsecret>[^"'\r\n]{1,256})\k<q>|(?<secret>[^\s"'|;&-][^\s"'|;&]{0,255}))[ \t]*\|[ \t]*(?:sudo[ \t]+)?(?:${readers})`));
  // `realm join … <<< 'pw'`, `kinit admin <<< pw` (a here-string).
  out.push(new RegExp(String.raw`${START}(?:${readers})[^\r\n<|;&]{0,512}<<<[ \t]*${VALUE}`));
  // Redis `AUTH [<user>] <password>` alone on its line (.rediscli_history, a redis-cli session), not SMTP's `AUTH LOGIN|PLAIN`.
  // Lower case (a typed `auth pw`) with one argument only, and not a digest name: OpenVPN's `auth SHA256` and
  // PAM's `auth required pam_unix.so` are no Redis.
  out.push(/^AUTH[ \t]+(?!(?:LOGIN|PLAIN|CRAM-MD5|XOAUTH2?|NTLM|GSSAPI|EXTERNAL)\b)(?:(?<user>[^\s"']{1,64})[ \t]+)?(?:(?<q>["'])(?<qsecret>[^"'\r\n]{1,256})\k<q>|(?<secret>[^\s"']{1,256}))[ \t]*\r?$/);
  out.push(/^auth[ \t]+(?!(?:sha\d*|md5|none|login|plain)\b)(?![A-Z0-9-]+[ \t]*\r?$)(?:(?<q>["'])(?<qsecret>[^"'\r\n]{1,256})\k<q>|(?<secret>[^\s"']{1,256}))[ \t]*\r?$/);
  // Redis `ACL SETUSER <user> … >password` (each `>pw` adds one; `<pw` removes one: as secret).
  out.push(/(?:^|[\s>])ACL[ \t]+SETUSER[ \t]+\S{1,64}(?:[ \t]+(?![<>])\S{1,128})*?[ \t]+[<>](?<secret>[^\s"']{1,256})/i);
  // MongoDB `db.changeUserPassword("user", "pw")`; SQL `PASSWORD('pw')` (`SET PASSWORD FOR … = PASSWORD('…')`, OLD_PASSWORD).
  out.push(/changeUserPassword\([ \t]*(?<q1>["'])[^"'\r\n]{1,128}\k<q1>[ \t]*,[ \t]*(?<q>["'])(?<qsecret>[^"'\r\n]{1,256})\k<q>/);
  // openGauss/Oracle `ALTER USER x IDENTIFIED BY 'new' REPLACE 'old'`: the old password too.
  out.push(/identified[ \t]+by[ \t]+(?:'[^'\r\n]{0,256}'|"[^"\r\n]{0,256}"|\S{1,256})[ \t]+replace[ \t]+(?<q>["'])(?<qsecret>[^"'\r\n]{1,256})\k<q>/i);
  out.push(/(?<![\w.])(?:old_)?password\([ \t]*(?<q>["'])(?<qsecret>[^"'\r\n]{1,256})\k<q>[ \t]*\)/i);
  return out;
}

/** Wake words (the rule's `words` scan): every table's literals. */
export const ADMIN_CLI_WORDS: readonly string[] = [
  ...POSITIONAL_PASSWORDS.flatMap((p) => p.words),
  ...FLAG_PASSWORDS.flatMap((f) => f.words),
  ...GLUED_P_CLIENTS,
  ...STDIN_PASSWORD_READERS.flatMap((r) => r.words),
  'acl setuser',
  'changeuserpassword',
  'password(',
];

const escapeWord = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t]+');

/** The rule's trigger alternatives for these lines (case-insensitive): the wake words, blanks loosened. */
export const ADMIN_CLI_TRIGGER = [...ADMIN_CLI_WORDS.map(escapeWord), '^auth[ \\t]'].join('|');

const ADMIN_CLI_WORD_TEST = new RegExp(ADMIN_CLI_TRIGGER, 'im');
let compiled: RegExp[] | undefined;

/** The gate's verdict for these forms: one of the patterns matches the line (a cheap word test first). */
export function isAdminCliLine(line: string): boolean {
  if (!ADMIN_CLI_WORD_TEST.test(line)) return false;
  compiled ??= adminCliPatterns();
  return compiled.some((re) => re.test(line));
}
