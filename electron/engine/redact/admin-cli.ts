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
  // Session 17 (secret18): HPE iLO's RESTful tool `ilorest iloaccounts add <name> <login> <password>`, `changepass <login> <password>`.
  { command: 'ilorest', sub: String.raw`iloaccounts[ \t]+add`, skip: 2, words: ['ilorest'] },
  { command: 'ilorest', sub: String.raw`iloaccounts[ \t]+changepass(?:word)?`, skip: 1, words: ['ilorest'] },  // Session 16 (secret17): Redis Sentinel's passwords (sentinel.conf, `SENTINEL SET`): `sentinel auth-pass <master> <pw>`,
  // `sentinel sentinel-pass <pw>`, `sentinel set <master> auth-pass <pw>`; Neo4j `neo4j-admin [dbms] set-initial-password <pw>`.
  // (Their words end before `pass`: a hit on `auth-pass` would hide other rules' `password…` words that start inside it, as the
  // words scan resumes after its hit.)
  { command: 'sentinel|SENTINEL', sub: 'auth-pass|AUTH-PASS', skip: 1, words: ['sentinel auth'] },
  { command: 'sentinel|SENTINEL', sub: 'sentinel-pass|SENTINEL-PASS', skip: 0, words: ['sentinel sentinel'] },
  { command: 'sentinel|SENTINEL', sub: String.raw`(?:set|SET)[ \t]+[^\s"']{1,64}[ \t]+(?:auth-pass|AUTH-PASS)`, skip: 0, words: ['sentinel set'] },
  { command: 'neo4j-admin', sub: String.raw`(?:dbms[ \t]+)?set-initial-password`, skip: 0, words: ['set-initial-'] },
  // Session 18 (secret19): Apache's `htpasswd -n…b… <user> <password>` (`-n`: the line to stdout, no file before the user; `-C <cost>`
  // after bcrypt's `-B`); Windows `rasdial <entry> <user> <password>` (not `*`, which prompts, nor an option `/domain:x`); Xen
  // Orchestra `xo-cli --register|register <url> <user> <password>`; UPYUN `upx login <bucket> <operator> <password>`; NuGet
  // `nuget setapikey <key> [-Source url]`.
  { command: 'htpasswd', sub: String.raw`-(?=[nbBmsdip]{0,8}n)(?=[nbBmsdip]{0,8}b)[nbBmsdip]{2,8}(?:C[ \t]+\d{1,2})?`, skip: 1, words: ['htpasswd'] },
  { command: String.raw`[Rr][Aa][Ss][Dd][Ii][Aa][Ll](?:\.[Ee][Xx][Ee])?`, sub: String.raw`(?:"[^"\r\n]{1,256}"|[^\s"'/-][^\s"']{0,255})[ \t]+[^\s"'/-][^\s"']{0,255}(?=[ \t]+[^\s/*])`, skip: 0, words: ['rasdial'] },
  { command: 'xo-cli', sub: '--register|register', skip: 2, words: ['xo-cli '] },
  { command: 'upx', sub: 'login', skip: 2, words: ['upx login'] },
  { command: String.raw`nuget(?:\.exe)?`, sub: 'setapikey|setApiKey|SetApiKey', skip: 0, words: ['nuget setapikey'] },
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
  { command: 'ipmitool', flag: '-P', words: ['ipmitool'] },  // Session 16 (secret17): Neo4j `cypher-shell -u x -p <pw>`; Couchbase `couchbase-cli … -p <pw>` and the passwords it sets
  // (`--rbac-password`, `--cluster-password`, `--cluster-init-password`, `--bucket-password`, `--new-password`); PuTTY's
  // `plink|pscp|psftp -pw <pw>`; n2n `edge … -k <community key>`; Icinga 2 `node setup|wizard|pki request … --ticket <ticket>`.
  { command: 'cypher-shell', flag: '-p|--password', words: ['cypher-shell'] },
  // Couchbase's other clients: the query shell `cbq -u x -p <pw>`, `cbbackupmgr|cbimport|cbexport … -p <pw>`.
  { command: 'cbq|cbbackupmgr|cbimport|cbexport', flag: '-p|--password', words: ['cbq ', 'cbbackupmgr', 'cbimport', 'cbexport'] },
  { command: 'couchbase-cli', flag: '-p|--password|--rbac-password|--cluster-password|--cluster-init-password|--bucket-password|--new-password', words: ['couchbase-cli'] },
  { command: String.raw`plink|pscp|psftp`, flag: '-pw', words: ['plink', 'pscp', 'psftp'] },
  // n2n's edge only with its community (`-c`) or supernode (`-l`) on the line: `edge -k` alone is prose or another tool.
  { command: String.raw`edge(?=[ \t][^\r\n|;&]{0,512}[ \t]-[cl][ \t=])`, flag: '-k', words: ['edge -'] },
  { command: String.raw`icinga2[ \t]+(?:node[ \t]+(?:setup|wizard)|pki[ \t]+request)`, flag: '--ticket', words: ['icinga2 node', 'icinga2 pki'] },
  // Session 17 (secret18): tools whose `-p` is the password by their synopsis — HPE `ilorest login <host> -u x -p <pw>`, Matrix Synapse
  // `register_new_matrix_user -u x -p <pw>`, the OpenSearch/Open Distro security plugin's `hash.sh -p <pw>` (prints its hash),
  // Windows `schtasks … /rp <pw>`
  // (the task's run-as password) and `/p <pw>` (the remote system's, with `/u`). `/rp *` prompts (a stand-in: kept).
  { command: 'ilorest', flag: '-p|--password', words: ['ilorest'] },
  { command: 'register_new_matrix_user', flag: '-p|--password', words: ['register_new_matrix'] },
  { command: String.raw`hash\.(?:sh|bat)`, flag: '-p|--password', words: ['hash.sh', 'hash.bat'] },
  { command: String.raw`[Ss][Cc][Hh][Tt][Aa][Ss][Kk][Ss](?:\.[Ee][Xx][Ee])?`, flag: '/[Rr][Pp]|/[Pp]', words: ['schtasks'] },
  // Session 18 (secret19): package managers' feed credentials and API keys — Chocolatey `choco source add|install|upgrade … -p|--password
  // <pw>` (`-p="pw"`), `choco apikey add|setapikey|push … -k|--key|--api-key <key>`; NuGet `nuget|dotnet nuget push … -k|--api-key|
  // -ApiKey <key>`; Conan `conan remote login <remote> <user> -p <pw>` (2.x),
  // `conan user -p <pw> -r <remote> <user>` (1.x).
  { command: String.raw`(?:choco|cinst|cup)(?:\.exe)?[ \t]+(?:source|sources|install|upgrade)`, flag: '-p|--password', words: ['choco '] },
  { command: String.raw`choco(?:\.exe)?[ \t]+(?:apikey|setapikey|push)`, flag: '-k|--key|--api-key|--apikey', words: ['choco '] },
  { command: String.raw`(?:dotnet[ \t]+)?nuget(?:\.exe)?[ \t]+push`, flag: '-k|--api-key|-ApiKey|-apikey', words: ['nuget push'] },
  { command: String.raw`conan(?:\.exe)?[ \t]+(?:remote[ \t]+login|user)`, flag: '-p|--password', words: ['conan '] },
];

/**
 * A secret as a positional argument of a library call (session 16, secret17): the call's name says which argument
 * is the secret, and only a quoted literal there is one (`jwt.sign(payload, process.env.KEY)` passes a reference).
 */
export interface CallSecretArgument {
  /** Regex source of the callee (`jwt\.(?:sign|verify)`). */
  readonly call: string;
  /** Arguments before the secret. */
  readonly skip: number;
  /** Plain literals that wake the rule (lower case, ≥ 3 characters). */
  readonly words: readonly string[];
}

export const CALL_SECRET_ARGUMENTS: readonly CallSecretArgument[] = [
  // Alibaba Cloud: OSS `oss2.Auth(id, secret)`, `oss2.StsAuth(id, secret, token)`, the core SDK's `AcsClient(id, secret, region)`;
  // Qiniu `qiniu.Auth(ak, sk)`, Tencent Cloud `credential.Credential(id, key)`.
  { call: String.raw`oss2\.(?:Auth|StsAuth|AuthV2|AuthV4)|AcsClient|qiniu\.Auth|credential\.Credential`, skip: 1, words: ['oss2.auth', 'oss2.stsauth', 'acsclient(', 'qiniu.auth(', 'credential.credential('] },
  // JSON Web Tokens: Node `jwt.sign(payload, secret[, options])`, `jwt.verify(token, secret)`, PyJWT `jwt.encode(payload, key, …)`,
  // `jwt.decode(token, key, …)`; HMAC keys: Node `crypto.createHmac('sha256', key)`.
  { call: String.raw`jwt\.(?:sign|verify|encode|decode)|createHmac`, skip: 1, words: ['jwt.sign(', 'jwt.verify(', 'jwt.encode(', 'jwt.decode(', 'createhmac('] },
  // Python `hmac.new(b'key', msg, digestmod)`.
  { call: String.raw`hmac\.new`, skip: 0, words: ['hmac.new('] },
];
const CALL_ARG = String.raw`(?:"[^"\r\n]{0,256}"|'[^'\r\n]{0,256}'|\{[^{}\r\n]{0,512}\}|\[[^[\]\r\n]{0,512}\]|[^\s,()'"{}[\]][^,()'"{}[\]\r\n]{0,128})`;

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
  // Session 17 (secret18): MySQL's `mysql_config_editor set … -p` reads the password it stores from the terminal (a here-string in scripts).
  { command: String.raw`mysql_config_editor[ \t]+set[^\r\n<|;&]{0,512}?[ \t]-p(?:[ \t]|--password)`, words: ['mysql_config_editor'] },
  // Session 20 (secret21): secret stores that read the value from stdin: `docker|podman secret create <name> -`, `gh secret set <NAME>`
  // (no `--body`), Cloudflare `wrangler secret put <NAME>`, `vercel env add <NAME>` (by the tool's name: `secret create` hid user-name's `create user`).
  { command: String.raw`(?:docker|podman)[ \t]+secret[ \t]+create|gh[ \t]+secret[ \t]+set|(?:npx[ \t]+)?wrangler[ \t]+secret[ \t]+put|vercel[ \t]+env[ \t]+add`, words: ['docker secret', 'podman secret', 'wrangler secret', 'vercel env'] },
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
  // (Session 17, secret18: a tool run by its path too, `./plugins/…/tools/hash.sh -p …`, `/usr/bin/ilorest …`.)
  for (const f of FLAG_PASSWORDS) {
    out.push(new RegExp(String.raw`(?:^|[\s;&|(>$#/])(?:${f.command})(?:[ \t][^\r\n|;&]{0,512}?)?[ \t](?:${f.flag})(?:[ \t]+|=)${VALUE}`));
  }
  // `gccli -ugbase -pGbase#Root-8a1`, `obclient … -p'pw'`: the password glued to `-p`.
  out.push(new RegExp(String.raw`${START}(?:${GLUED_P_CLIENTS.join('|')})(?:\.exe)?[ \t](?:[^\r\n|;&]{0,512}?[ \t])?-p(?:'(?<sq>[^'\s][^'\r\n]{0,255})'|"(?<dq>[^"$\s][^"$\r\n]{0,255})"|(?<glued>[^\s"'-][^\s"']{0,255}))`));
  // `echo 'pw' | ipa passwd x`, `printf '%s' pw | realm join …`.
  const readers = STDIN_PASSWORD_READERS.map((r) => r.command).join('|');
  // (Session 17, secret18: also as a command kept in a JSON or YAML string, `"script": "echo 'pw' | sudo -S -i"`.)
  out.push(new RegExp(String.raw`(?:^|[\s;&|(>$#"'])(?:echo|printf)[ \t]+(?:-[ne]{1,2}[ \t]+)?(?:(?<q>["'])(?<qsecret>[^"'\r\n]{1,256})\k<q>|(?<secret>[^\s"'|;&-][^\s"'|;&]{0,255}))[ \t]*\|[ \t]*(?:sudo[ \t]+)?(?:${readers})`));
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
  // Session 16 (secret17). SQL and Cypher that set a password by a keyword of their own: Neo4j `CREATE|ALTER USER x SET
  // [PLAINTEXT] PASSWORD 'pw'`, Cassandra `CREATE|ALTER ROLE|USER x WITH PASSWORD = 'pw'`, PostgreSQL `CREATE ROLE x WITH
  // LOGIN [ENCRYPTED] PASSWORD 'pw'`, `ALTER USER x PASSWORD 'pw'`; Neo4j's `ALTER CURRENT USER SET PASSWORD FROM 'old' TO 'new'`.
  out.push(/(?:^|[\s"'(;])(?:create|alter)[ \t]+(?:user|role)[ \t]+(?:if[ \t]+not[ \t]+exists[ \t]+)?[^\s'"]{1,128}(?:[ \t]+(?!password\b)[a-z_]{1,16}(?:[ \t]*=[ \t]*[a-z]{1,8})?){0,6}?[ \t]+(?:(?:encrypted|unencrypted|plaintext)[ \t]+)?password[ \t]*=?[ \t]*(?<q>['"])(?<qsecret>[^'"\r\n]{1,256})\k<q>/i);
  out.push(/(?<![\w-])set[ \t]+password[ \t]+from[ \t]+(?<q1>['"])(?<sq>[^'"\r\n]{1,256})\k<q1>[ \t]+to[ \t]+(?<q2>['"])(?<dq>[^'"\r\n]{1,256})\k<q2>/i);
  // Oracle's `user/password[@connect]`: a Data Pump or SQL*Loader parfile's `userid=`, `sqlplus`, `expdp`, `impdp`, `sqlldr`,
  // `rman target`, `dgmgrl` (not `/ as sysdba`, no password there). `target`'s `=` is optional as a group: `[ \t]*=?` before
  // `[ \t]+` split a run of blanks every way (quadratic: the adversarial-lines sweep).
  out.push(/(?:(?<![\w.-])userid[ \t]*=[ \t]*["']?|(?:^|[\s;&|(])(?:sqlplus|expdp|impdp|sqlldr|dgmgrl|rman[ \t]+target(?:[ \t]*=)?)(?:\.exe)?[ \t]+(?:-[A-Za-z]{1,8}[ \t]+){0,3}["']?)(?<user>[A-Za-z][\w$#]{0,127})\/(?<secret>[^\s@/"']{1,128})(?=@|["']?(?:[ \t]|\r?$))/i);
  // A library call's secret argument (CALL_SECRET_ARGUMENTS): a quoted literal only, of four characters or more (`'x'`, `'k'`
  // stand in for one in examples and tests).
  // Session 17 (secret18): SQL Server `sp_addlinkedsrvlogin 'srv', 'false', NULL, 'rmtuser', 'rmtpassword'` (positional: the fifth; `master.dbo.` before it too).
  out.push(/(?<!\w)sp_addlinkedsrvlogin[ \t]+(?:(?:N?'[^'\r\n]{0,128}'|NULL|[\w.]{1,32})[ \t]*,[ \t]*){4}N?(?<q>')(?<qsecret>[^'\r\n]{1,128})'/i);
  for (const c of CALL_SECRET_ARGUMENTS) {
    out.push(new RegExp(String.raw`(?<![\w$])(?:${c.call})\([ \t]*(?:${CALL_ARG}[ \t]*,[ \t]*){${c.skip}}[bru]?(?<q>["'])(?<qsecret>[^"'\r\n]{4,256})\k<q>[ \t]*[,)]`));
  }
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
  // Session 16 (secret17): SQL/Cypher password keywords, Oracle's `user/pw@`, library calls.
  'create user',
  'alter user',
  'create role',
  'alter role',
  'userid',
  'sqlplus',
  'expdp',
  'impdp',
  'sqlldr',
  'dgmgrl',
  'rman target',
  'sp_addlinkedsrvlogin',
  ...CALL_SECRET_ARGUMENTS.flatMap((c) => c.words),
];

const escapeWord = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t]+');

/** The rule's trigger alternatives for these lines (case-insensitive): the wake words, blanks loosened. */
// Neo4j's `SET PASSWORD FROM 'old' TO 'new'` wakes by secret-assignment's `password` (a word `set password` would hide
// user-name's `password for` in MySQL's `set password for 'x'@…`: the words scan resumes after its hit).
export const ADMIN_CLI_TRIGGER = [...ADMIN_CLI_WORDS.map(escapeWord), '^auth[ \\t]', 'set[ \\t]+password[ \\t]+from'].join('|');

const ADMIN_CLI_WORD_TEST = new RegExp(ADMIN_CLI_TRIGGER, 'im');
let compiled: RegExp[] | undefined;

/** The gate's verdict for these forms: one of the patterns matches the line (a cheap word test first). */
export function isAdminCliLine(line: string): boolean {
  if (!ADMIN_CLI_WORD_TEST.test(line)) return false;
  compiled ??= adminCliPatterns();
  return compiled.some((re) => re.test(line));
}

/**
 * Clients and admin tools that take a login after a flag of their own (session 15, rest16a): one table of
 * tool → user flag, only where the tool's synopsis says that flag is the login (`sort -u`, `ps -U`, python's
 * `-u` (unbuffered), `ls -l`, `head -n` are other flags: the tool's name before the flag decides). user-name
 * builds its pattern, its wake words and its trigger from this table.
 */
export interface UserFlagClient {
  /** Regex source of the command. */
  readonly command: string;
  /** Regex source of the flag, up to the blank (or nothing: `-uroot`) before the login. */
  readonly flag: string;
  /** Plain literals that wake the rule (lower case, ≥ 3 characters). */
  readonly words: readonly string[];
}

export const USER_FLAG_CLIENTS: readonly UserFlagClient[] = [
  // PostgreSQL and its forks, SQL Server's tools, DB2 CLPPlus, MySQL/MariaDB, MongoDB, ClickHouse, Samba, lftp, PsExec: `-U x` / `-u x`.
  {
    command: String.raw`psql|ksql|gsql|vsql|pg_dump(?:all)?|pg_restore|pg_basebackup|sys_dump|sys_restore|sqlcmd|osql|isql|bcp|clpplus|mysql|mysqldump|mysqladmin|mysqlimport|mysqlshow|mariadb(?:-dump)?|mongo(?:sh|dump|restore|export|import|stat|top|files)?|psexec(?:64)?|paexec|clickhouse-client|smbclient|rpcclient|smbcacls|smbget|lftp`,
    flag: '-[Uu]',
    words: ['psql', 'ksql', 'gsql', 'vsql', 'pg_dump', 'pg_restore', 'pg_basebackup', 'sys_dump', 'sys_restore', 'sqlcmd', 'osql', 'isql', 'bcp ', 'clpplus', 'mysql', 'mariadb', 'mongo', 'psexec', 'paexec', 'clickhouse-client', 'smbclient', 'rpcclient', 'smbcacls', 'smbget', 'lftp'],
  },
  // login18: lftp's command script first (`lftp -e 'put x; bye' -u x,pw host`): its `;` ends no command.
  { command: String.raw`lftp[ \t]+-e[ \t]*(?:'[^'\r\n]{0,512}'|"[^"\r\n]{0,512}")`, flag: '-u', words: ['lftp'] },
  // PuTTY's tools and OpenSSH: `-l x`.
  { command: 'plink|pscp|psftp|kitty|putty|ssh', flag: '-l', words: ['plink', 'pscp', 'psftp', 'kitty', 'putty', 'ssh '] },
  // MQTT clients (Mosquitto, `mqttx`'s `-u`), TDengine's `taos -u`, OceanBase/StarRocks through `obclient -u`.
  { command: String.raw`mosquitto_(?:sub|pub|rr)|mqttx[ \t]+(?:sub|pub|conn|bench[ \t]+\w+)|taos|taosdump|taosBenchmark|obclient`, flag: '-u|--username', words: ['mosquitto_sub', 'mosquitto_pub', 'mosquitto_rr', 'mqttx', 'taos', 'obclient'] },
  // IPMI `ipmitool -I lanplus -H host -U x -P pw`, `ipmiutil … -U x`, FreeIPMI `ipmi-sensors -u x`.
  { command: String.raw`ipmitool|ipmiutil`, flag: '-U', words: ['ipmitool', 'ipmiutil'] },
  { command: String.raw`ipmi-(?:sensors|sel|chassis|power|config|fru)|ipmipower|bmc-config`, flag: '-u|--username', words: ['ipmi-', 'ipmipower', 'bmc-config'] },
  // Login crackers: hydra/medusa/ncrack `-l x` (a single login; `-L file` is a list).
  { command: 'hydra|medusa|ncrack|patator', flag: '-l|-u|--user', words: ['hydra', 'medusa', 'ncrack', 'patator'] },
  // Hive's beeline, Impala and Presto/Trino CLIs: `-n x`, `--user x`.
  { command: 'beeline', flag: '-n', words: ['beeline'] },
  { command: String.raw`impala-shell|trino|presto(?:-cli)?`, flag: '-u|--user', words: ['impala-shell', 'trino', 'presto'] },
  // Session 16 (login17) — data stores' shells and admin CLIs: Neo4j `cypher-shell -u x`, Couchbase `cbq -u x` and
  // `couchbase-cli … -u x --cluster-username x --rbac-username x`, Cassandra `cqlsh -u x`/`nodetool -u x`, InfluxDB
  // `influx -username x` (1.x) / `influx setup -u x` (2.x); `redis-cli --user x` (its `-u` is a URI); Samba `pdbedit -u x`.
  {
    command: String.raw`cypher-shell|cbq|couchbase-cli|cqlsh|nodetool|influx`,
    flag: '--cluster-username|--rbac-username|--username|-username|--user|-u',
    words: ['cypher-shell', 'cbq ', 'couchbase-cli', 'cqlsh', 'nodetool', 'influx '],
  },
  { command: 'redis-cli', flag: '--user', words: ['redis-cli'] },
  { command: 'pdbedit', flag: '-u|--user', words: ['pdbedit'] },
  // Registries: `docker|podman|nerdctl|buildah|skopeo|oras|helm registry login -u x` (`--password-stdin` or `-p` after).
  {
    command: String.raw`(?:docker|podman|nerdctl|buildah|skopeo|oras|helm(?:[ \t]+registry)?)[ \t]+login`,
    flag: '-u|--username',
    words: ['docker login', 'podman login', 'nerdctl login', 'buildah login', 'skopeo login', 'oras login', 'registry login'],
  },
  // Tailscale's control server: `headscale preauthkeys create|list --user x`, `headscale nodes list -u x`.
  { command: 'headscale', flag: '-u|--user', words: ['headscale'] },
  // macOS Directory Services: `dscacheutil -q user -a name x`.
  { command: 'dscacheutil', flag: String.raw`-a[ \t]+name`, words: ['dscacheutil'] },
  // Session 17 (login18) — account tools of self-hosted services: Matrix Synapse `register_new_matrix_user -u x`, OpenVPN
  // Access Server `sacli --user x …`, Drupal `drush uli|user:login --name=x`, MySQL's `mysql_config_editor set … -u x`,
  // MySQL Shell and the other `mysql…` utilities (`mysqlsh`, `mysqlbinlog`, `mysqlcheck`, `mysqlpump`, `mysqlslap`).
  { command: 'register_new_matrix_user', flag: '-u|--user', words: ['register_new_matrix_user'] },
  { command: 'sacli', flag: '--user|-u', words: ['sacli'] },
  { command: String.raw`drush(?:\.php)?(?:[ \t]+-{1,2}[\w-]{1,20}(?:[= ][^\s-]\S{0,200})?){0,4}[ \t]+(?:uli|user:login|user-login)`, flag: '--name', words: ['drush'] },
  { command: String.raw`mysql_config_editor|mysqlsh|mysqlbinlog|mysqlcheck|mysqlpump|mysqlslap`, flag: '-u|--user', words: ['mysql'] },
  // Session 18 (login19) — self-hosted services' CLIs: AWX/Ansible Tower `awx … --conf.username x` (and `awx users create
  // --username x`), Chocolatey `choco source add|apikey|install … -u=x` / `--user=x` (a feed's login), MeshCentral
  // `meshcentral --createaccount|--resetaccount|--adminaccount|--removeaccount x`.
  { command: 'awx', flag: String.raw`--conf\.username|--username`, words: ['awx '] },
  { command: 'choco|chocolatey|cinst', flag: '-u|--user', words: ['choco', 'cinst'] },
  { command: 'meshcentral(?:\\.js)?', flag: '--createaccount|--resetaccount|--adminaccount|--removeaccount', words: ['meshcentral'] },
];

/**
 * Account commands whose login is their last argument, flags (and their values) before it (session 16, login17;
 * rest14a's `useradd|adduser|usermod` widened): `usermod -c "name (…)" x`, `userdel -r x`, `passwd -l x`, `chage -M 90 x`,
 * Samba `smbpasswd -a -s x`, `pdbedit -a x`, ocserv `ocpasswd -c /etc/ocserv/ocpasswd -g sales x`, Cyrus `saslpasswd2 -c x`,
 * `su - x`, headscale `users create x`, Redis Sentinel `sentinel auth-user <master> x`. Only typed as a command: at the
 * line's start, after a prompt (`$ `, `]# `, `~ % `), a shell history's number and time (`  987  2026-11-24 09:25:02 `),
 * zsh's extended history (`: 1764122519:0;`), `sudo`, `;`, `&&`, `|` or `(`, and the login ends the command.
 */
export const LAST_ARG_LOGIN_COMMANDS: readonly { readonly command: string; readonly words: readonly string[] }[] = [
  { command: 'useradd|adduser|usermod|userdel|deluser|passwd|chage|chfn|chsh', words: ['useradd', 'adduser', 'usermod', 'userdel', 'deluser', 'passwd ', 'chage', 'chfn', 'chsh'] },
  { command: 'smbpasswd|pdbedit|ocpasswd|saslpasswd2', words: ['smbpasswd', 'pdbedit', 'ocpasswd', 'saslpasswd2'] },
  { command: String.raw`su(?:[ \t]+-(?=[ \t]))?`, words: ['su '] },
  { command: String.raw`headscale[ \t]+users?[ \t]+(?:create|destroy|delete|rename)`, words: ['headscale'] },
  { command: String.raw`sentinel[ \t]+auth-user[ \t]+[\w.-]{1,64}`, words: ['auth-user'] },
  // Session 17 (login18): OpenStack `openstack user create|set|delete|show [--domain d] [--password pw] x`.
  { command: String.raw`openstack[ \t]+user[ \t]+(?:create|set|delete|show)`, words: ['openstack user'] },
];

/** Where a typed command starts (see LAST_ARG_LOGIN_COMMANDS). */
const COMMAND_AT = String.raw`(?:^[ \t]*(?:[$#>%][ \t]*)?|^[ \t]*\d{1,6}[ \t]+(?:\d{4}-\d\d-\d\d[ \t]+\d\d:\d\d:\d\d[ \t]+)?|^:[ \t]*\d{9,11}:\d{1,6};|[\]~][ \t]?[$#%][ \t]*|[;&|(][ \t]*|sudo[ \t]+(?:-[A-Za-z][ \t]+)*)`;

/** user-name's pattern for LAST_ARG_LOGIN_COMMANDS (group `user`). */
export function lastArgLoginPattern(): RegExp {
  const commands = LAST_ARG_LOGIN_COMMANDS.map((c) => c.command).join('|');
  return new RegExp(
    String.raw`${COMMAND_AT}(?:\/(?:usr\/)?s?bin\/)?(?:${commands})(?:[ \t]+--?[A-Za-z][\w-]{0,30}(?:=\S{0,200})?(?:[ \t]+(?:"[^"\r\n]{0,200}"|'[^'\r\n]{0,200}'|[^\s"'-]\S{0,200}))?){0,16}[ \t]+(?<user>[a-z_][a-z0-9_.-]{0,31})[ \t]*(?=\r?$|[;&|#)])`,
  );
}

/** Trigger alternatives of LAST_ARG_LOGIN_COMMANDS (case-insensitive). */
export const LAST_ARG_LOGIN_TRIGGER = String.raw`(?:${LAST_ARG_LOGIN_COMMANDS.map((c) => c.command).join('|')})[ \t]`;

// Session 19 (login20): options with their values (`--display-name="黎梓萱"`, `--group=x`, `--password-from-env`) before a positional login.
const OPTION_VALUES = String.raw`(?:[ \t]+--?[A-Za-z][\w-]{0,40}(?:=(?:"[^"\r\n]{0,256}"|'[^'\r\n]{0,256}'|[^\s"']{0,256}))?)*`;
// One argument (a job's name, quoted or not), as ARG below.
const ARG_SOURCE = String.raw`(?:"[^"\r\n]{0,256}"|'[^'\r\n]{0,256}'|[^\s"'-][^\s"']{0,255})`;

/**
 * Account tools whose login is a positional argument: pure-ftpd `pure-pw useradd|usermod|userdel|passwd|show x
 * [-u uid …]`, Mosquitto's and Apache's password files `mosquitto_passwd [-b|-c|-D] <file> x [pw]`,
 * `htpasswd [-b|-c|-D|-B…] <file> x [pw]`, vsftpd/ProFTPD `ftpasswd --name x`.
 */
export interface PositionalLogin {
  readonly command: string;
  /** Regex source of the subcommand ('' when none). */
  readonly sub: string;
  /** Words (files) between the subcommand and flags and the login. */
  readonly skip: number;
  /** The next argument is a login too (`ilorest iloaccounts add <username> <loginname>`). */
  readonly second?: boolean;
  readonly words: readonly string[];
}

export const POSITIONAL_LOGINS: readonly PositionalLogin[] = [
  { command: 'pure-pw', sub: 'useradd|usermod|userdel|passwd|show', skip: 0, words: ['pure-pw'] },
  { command: 'mosquitto_passwd|htpasswd', sub: '', skip: 1, words: ['mosquitto_passwd', 'htpasswd'] },
  // Session 17 (login18) — account subcommands whose first argument is the login: HPE iLO `ilorest iloaccounts add
  // <username> <loginname> <pw>` (both name the account), `… changepassword|delete <login>`; Samba AD `samba-tool user
  // create|setpassword|delete|disable|enable|show|unlock x`; RabbitMQ `rabbitmqctl add_user|change_password|delete_user|
  // set_user_tags|clear_password|authenticate_user x`; Drupal `drush ucrt|upwd|ublk|uublk|uinf x` (and the long names).
  { command: 'ilorest', sub: String.raw`iloaccounts[ \t]+add`, skip: 0, second: true, words: ['ilorest'] },
  { command: 'ilorest', sub: String.raw`iloaccounts[ \t]+(?:changepassword|delete|modify)`, skip: 0, words: ['ilorest'] },
  { command: 'samba-tool', sub: String.raw`user[ \t]+(?:create|add|setpassword|delete|disable|enable|show|unlock|setexpiry)`, skip: 0, words: ['samba-tool'] },
  { command: 'rabbitmqctl', sub: 'add_user|change_password|delete_user|set_user_tags|clear_password|authenticate_user', skip: 0, words: ['rabbitmqctl'] },
  // Session 18 (login19): Mastodon `tootctl accounts create|modify|delete|approve|reject|backup|refresh x`, Conan 2 `conan
  // remote login <remote> x`, 又拍云 `upx login <bucket> x <pw>` (its operator), ntfy `ntfy user add|del|change-pass|change-role
  // [--role=r] x`, `ntfy token add|list|remove x`, `ntfy access x <topic> <perm>`, Windows `rasdial <entry> x <pw>`.
  { command: String.raw`tootctl`, sub: String.raw`accounts[ \t]+(?:create|modify|delete|approve|reject|backup|refresh|follow|unfollow|reset-relationships)`, skip: 0, words: ['otctl'] },
  { command: 'conan', sub: String.raw`remote[ \t]+(?:login|logout|auth)`, skip: 1, words: ['conan remote'] },
  { command: 'upx', sub: 'login', skip: 1, words: ['upx '] },
  { command: 'ntfy', sub: String.raw`user[ \t]+(?:add|del|remove|change-pass|change-role|change-tier)(?:[ \t]+--(?:role|tier)=[\w-]{1,20})?|token[ \t]+(?:add|list|remove|del)(?:[ \t]+--(?:expires|label)=\S{1,40})*|access`, skip: 0, words: ['ntfy '] },
  { command: 'rasdial', sub: '', skip: 1, words: ['rasdial'] },
  { command: String.raw`drush(?:\.php)?`, sub: String.raw`ucrt|upwd|ublk|uublk|uinf|ucan|user:create|user:password|user:block|user:unblock|user:information|user:cancel|user-create|user-password|user-block|user-unblock|user-information|user-cancel`, skip: 0, words: ['drush'] },
  // ---- Session 19 (login20) begin ----
  // Nextcloud/ownCloud `occ user:add|delete|disable|enable|info|lastseen|resetpassword|setting|modify|welcome [--opt[=v]]… x`,
  // `occ twofactorauth:enable|disable|state x`, `occ group:adduser|removeuser
  // <group> x` (`php occ …`, `sudo -u www-data php occ …`; options and their values before the login).
  { command: String.raw`(?:\.\/)?occ`, sub: String.raw`(?:user:(?:add|delete|disable|enable|info|lastseen|resetpassword|setting|modify|welcome)|twofactorauth:(?:enable|disable|state))${OPTION_VALUES}`, skip: 0, words: ['occ user:', 'occ twofactorauth:'] },
  { command: String.raw`(?:\.\/)?occ`, sub: String.raw`group:(?:adduser|removeuser)${OPTION_VALUES}`, skip: 1, words: ['occ group:'] },
  // Windows BITS `bitsadmin /setcredentials <job> SERVER|PROXY BASIC|DIGEST|NTLM|NEGOTIATE|PASSPORT x <password>` (the switch and
  // its words in any case).
  { command: String.raw`[Bb][Ii][Tt][Ss][Aa][Dd][Mm][Ii][Nn](?:\.[Ee][Xx][Ee])?`, sub: String.raw`\/[Ss][Ee][Tt][Cc][Rr][Ee][Dd][Ee][Nn][Tt][Ii][Aa][Ll][Ss][ \t]+${ARG_SOURCE}[ \t]+(?:[Ss][Ee][Rr][Vv][Ee][Rr]|[Pp][Rr][Oo][Xx][Yy])[ \t]+(?:[Bb][Aa][Ss][Ii][Cc]|[Dd][Ii][Gg][Ee][Ss][Tt]|[Nn][Tt][Ll][Mm]|[Nn][Ee][Gg][Oo][Tt][Ii][Aa][Tt][Ee]|[Pp][Aa][Ss][Ss][Pp][Oo][Rr][Tt])`, skip: 0, words: ['bitsadmin'] },
  // ---- Session 19 (login20) end ----
];

const LOGIN = String.raw`[A-Za-z][\w.-]{0,31}`;

/** user-name's pattern for these tables (groups `user`, `poslogin`; `vq`, `pq` quotes). */
export function userFlagPattern(): RegExp {
  const clients = USER_FLAG_CLIENTS.map((c) => String.raw`(?:${c.command})(?:\.exe)?[ \t](?:[^\r\n|;&]{0,512}?[ \t])?(?:${c.flag})`).join('|');
  const at = (p: PositionalLogin) => String.raw`(?:${p.command})${p.sub === '' ? '' : String.raw`[ \t]+(?:${p.sub})`}${FLAGS}(?:[ \t]+${ARG}){${p.skip}}`;
  const positional = POSITIONAL_LOGINS.filter((p) => p.second !== true).map(at).join('|');
  const twoLogins = POSITIONAL_LOGINS.filter((p) => p.second === true).map(at).join('|');
  return new RegExp(
    String.raw`(?:^|[\s/\\("';&|>])(?:(?:${clients})(?:=|[ \t]*)(?<vq>["']?)(?:[A-Za-z][\w.-]{0,30}\\{1,2})?(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})(?=\k<vq>(?:[ \t%,]|\r?$))|(?:${positional})[ \t]+(?<pq>["']?)(?<poslogin>${LOGIN})\k<pq>(?=[ \t;|&]|\r?$)|(?:${twoLogins})[ \t]+(?<pq1>["']?)(?<poslogin1>${LOGIN})\k<pq1>[ \t]+(?<pq2>["']?)(?<poslogin2>${LOGIN})\k<pq2>(?=[ \t;|&]|\r?$))`,
  );
}

/** Wake words of these tables. */
export const USER_FLAG_WORDS: readonly string[] = [...new Set([...USER_FLAG_CLIENTS.flatMap((c) => c.words), ...POSITIONAL_LOGINS.flatMap((p) => p.words), ...LAST_ARG_LOGIN_COMMANDS.flatMap((c) => c.words)])];

/** Trigger alternatives of these tables (case-insensitive): a command of the tables after a boundary. */
export const USER_FLAG_TRIGGER = String.raw`(?:^|[\s/\\("';&|>])(?:${[...USER_FLAG_CLIENTS.map((c) => c.command), ...POSITIONAL_LOGINS.map((p) => p.command)].join('|')})(?:\.exe)?[ \t]`;
