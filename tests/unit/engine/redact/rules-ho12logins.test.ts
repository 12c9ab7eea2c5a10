/**
 * held-out-12's login and secret families (task ho12logins), each fixed by its grammar, with values
 * that are not the set's own and other tools of the same grammar, and the look-alikes those fixes
 * must keep. A fresh Redactor per case, so placeholders start at 1.
 */
import { describe, expect, it } from 'vitest';
import { buildRuleSet } from '../../../../electron/engine/redact/rule-set.js';
import { check, unchanged } from './helpers.js';

describe('ho12logins: user/password@service logons (SQL*Plus grammar)', () => {
  it('takes the login and the password of `conn`/`connect`, disql, dgmgrl, rman targets and Data Pump `userid=`', () => {
    check([
      ['SQL> conn APP_OWNER/Xk#29pq@10.1.2.3:5236', 'SQL> conn <USER-1>/<SECRET-1>@10.1.2.3:5236'],
      ['connect li_rpt/"Pw@ 2026"@ORCLPDB', 'connect <USER-1>/"<SECRET-1>"@ORCLPDB'],
      ['disql wu_fin/Wf_7788a@192.168.3.4:5236', 'disql <USER-1>/<SECRET-1>@192.168.3.4:5236'],
      ['dgmgrl c##dg_admin/Dg9x!x@prim', 'dgmgrl <USER-1>/<SECRET-1>@prim'],
      ['rman target bk_ops/Rm#4411@prod catalog rcat/Rc#8@rcatdb', 'rman target <USER-1>/<SECRET-1>@prod catalog <USER-2>/<SECRET-2>@rcatdb'],
      ['impdp userid=zhou_etl/Imp#2026x@ERPPDB directory=DP', 'impdp userid=<USER-1>/<SECRET-1>@ERPPDB directory=DP'],
    ]);
  });

  it('keeps the built-in accounts (sys, SYSDBA, system, scott) and takes only their password', () => {
    check([
      ['conn SYSDBA/Sys#Pass99@127.0.0.1:5236', 'conn SYSDBA/<SECRET-1>@127.0.0.1:5236'],
      ['rman target sys/Orcl_123@prod', 'rman target sys/<SECRET-1>@prod'],
      ['expdp system/Mgr#2026@pdb1 schemas=HR', 'expdp system/<SECRET-1>@pdb1 schemas=HR'],
    ]);
  });

  it('leaves a connect without a password, and prose with a slash', () => {
    unchanged(['connect / as sysdba', 'conn /@wallet_alias', 'connect to/from the server @ noon', 'SQL> connect', 'failed to connect and/or retry @ 10:00']);
  });
});

describe('ho12logins: database and remote-shell client flags', () => {
  it('takes the login after the client\'s own user flag', () => {
    check([
      ['$ psql -h 10.0.0.8 -p 5432 -U tian_rw -d shop', '$ psql -h 10.0.0.8 -p 5432 -U <USER-1> -d shop'],
      ['gsql -d postgres -U omm_luo -W', 'gsql -d postgres -U <USER-1> -W'],
      ['pg_dump -Fc -U "song_bak" erp > erp.dump', 'pg_dump -Fc -U "<USER-1>" erp > erp.dump'],
      ['mongosh "mongodb://10.0.0.9" -u qiao_ops --authenticationDatabase admin', 'mongosh "mongodb://10.0.0.9" -u <USER-1> --authenticationDatabase admin'],
      ['ssh -p 2222 -l ma_deploy 10.2.3.4', 'ssh -p 2222 -l <USER-1> 10.2.3.4'],
      ['mysqldump -h db -uzhao_li --single-transaction erp', 'mysqldump -h db -u<USER-1> --single-transaction erp'],
    ]);
  });

  it('takes the password of sqlcmd/isql/bcp `-P`, mongo/psexec `-p`, ldapsearch `-w`', () => {
    check([
      ['sqlcmd -S erp-sql01 -U fan_rpt -P "Fr 2026!x" -Q "select 1"', 'sqlcmd -S erp-sql01 -U <USER-1> -P "<SECRET-1>" -Q "select 1"'],
      ['bcp erp.dbo.orders out o.dat -c -S sql02 -U wei_bcp -PBcp#0319', 'bcp erp.dbo.orders out o.dat -c -S sql02 -U <USER-1> -P<SECRET-1>'],
      ['mongodump -u he_bak -p Hb!2026mongo --db crm', 'mongodump -u <USER-1> -p <SECRET-1> --db crm'],
      ['PsExec64.exe \\\\ws-0142 -u XXSOFT\\gu_it -p Gi#2026 cmd', 'PsExec64.exe \\\\ws-0142 -u XXSOFT\\<USER-1> -p <SECRET-1> cmd'],
      ['ldapsearch -x -H ldap://dc01 -D "cn=svc,dc=x" -w Ld@p2026 -b dc=x', 'ldapsearch -x -H ldap://dc01 -D "cn=svc,dc=x" -w <SECRET-1> -b dc=x'],
    ]);
  });

  it('takes `user%password` (Samba), `user,password` (lftp) and Db2 `CONNECT TO db USER x USING pw`', () => {
    check([
      ['rpcclient -U "XXSOFT\\\\dong_it%Rpc#77x" 10.0.0.2', 'rpcclient -U "XXSOFT\\\\<USER-1>%<SECRET-1>" 10.0.0.2'],
      ['smbclient -L //nas01 -U administrator%Nas#2026', 'smbclient -L //nas01 -U administrator%<SECRET-1>'],
      ['lftp -u cao_ftp,Ftp!2026 sftp://files.example.com', 'lftp -u <USER-1>,<SECRET-1> sftp://files.example.com'],
      ['db2 "connect to SALESDB user lu_etl using \'L#u2026\'"', 'db2 "connect to SALESDB user <USER-1> using \'<SECRET-1>\'"'],
      ['CONNECT TO HRDB IN SHARE MODE USER xu_hr USING Xh#9911', 'CONNECT TO HRDB IN SHARE MODE USER <USER-1> USING <SECRET-1>'],
    ]);
  });

  it('takes a mysql password in single quotes as written (the shell expands nothing there)', () => {
    check([["mysql -uroot -p'My$ql#Pw1' -e 'show databases'", "mysql -uroot -p'<SECRET-1>' -e 'show databases'"]]);
  });

  it('keeps other tools\' flags, role logins, references and prompts', () => {
    unchanged([
      'sort -u names.txt | uniq -c',
      'ps -U postgres -u postgres',
      'psql -U postgres -d template1',
      'mysqldump -u report --all-databases',
      'psql -h db -U readonly -c "select 1"',
      'mongo -u admin -p --authenticationDatabase admin',
      'sqlcmd -S srv -U sa -P $SA_PASSWORD',
      'ldapsearch -x -p 389 -h dc01 -b dc=x',
      'psexec \\\\srv -s -i cmd',
    ]);
  });
});

describe('ho12logins: SQL that names a login, database server logs', () => {
  it('takes the login of CREATE/ALTER USER|ROLE|LOGIN with a password clause, and psql `\\password x`', () => {
    check([
      ["CREATE USER 'qin_app'@'10.%' IDENTIFIED BY 'Qa#2026';", "CREATE USER '<USER-1>'@'10.%' IDENTIFIED BY '<SECRET-1>';"],
      ['ALTER USER bai_ro IDENTIFIED BY Br2026x;', 'ALTER USER <USER-1> IDENTIFIED BY Br2026x;'],
      ["create role gao_etl with login password 'Ge#55';", "create role <USER-1> with login password '<SECRET-1>';"],
      ["ALTER ROLE fu_bi ENCRYPTED PASSWORD 'md5abc'", "ALTER ROLE <USER-1> ENCRYPTED PASSWORD '<SECRET-1>'"],
      ['shop=# \\password jiang_ops', 'shop=# \\password <USER-1>'],
    ]);
  });

  it('takes DM `user(X)` and db2diag `AUTHID : X`', () => {
    check([
      ['login failed: user(HE_QIANG), ip(10.3.5.8), reason: [-2501]', 'login failed: user(<USER-1>), ip(10.3.5.8), reason: [-2501]'],
      ['AUTHID  : LUOJIE               HOSTNAME: db01', 'AUTHID  : <USER-1>               HOSTNAME: db01'],
    ]);
  });

  it('keeps SQL without a password clause, built-in roles and code calls', () => {
    unchanged([
      'create user accounts with password reset links',
      'CREATE USER test IDENTIFIED BY test;',
      'ALTER USER scott ACCOUNT UNLOCK;',
      'CREATE ROLE readonly;',
      'return get_user(userId), user(name)',
      'AUTHID  : DB2INST1',
      '\\password',
    ]);
  });
});

describe('ho12logins: htpasswd, shadow and the Common Log Format', () => {
  it('takes the login and the hash of .htpasswd and /etc/shadow lines', () => {
    check([
      ['grafana_ro:$apr1$x9Lk3Qm2$Rk7pWvT2nYc8HbJ4fKs6E1', '<USER-1>:<SECRET-1>'],
      ['weng.li:{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=', '<USER-1>:<SECRET-1>'],
      ['reg_push:$2y$10$abcdefghijklmnopqrstuuVwXyZ0123456789abcdefghijklmnop', '<USER-1>:<SECRET-1>'],
      ['root:$6$rounds=5000$saltsalt$Xk2m9QpL4vT7wN1zR8cY3hB6dF0sJ5gA2eK8uV4iO7lPq:19800:0:99999:7:::', 'root:<SECRET-1>:19800:0:99999:7:::'],
    ]);
  });

  it('takes the login column of an access log, not its `-`', () => {
    check([
      ['10.2.0.7 - pan_ops [03/Jan/2027:10:01:02 +0000] "GET /ui HTTP/2.0" 200 512', '10.2.0.7 - <USER-1> [03/Jan/2027:10:01:02 +0000] "GET /ui HTTP/2.0" 200 512'],
      ['2001:db8::7 - lu.mei@corp [19/Dec/2026:23:59:59 -0500] "PROPFIND /dav/ HTTP/1.1" 207 90', '2001:db8::7 - <USER-1> [19/Dec/2026:23:59:59 -0500] "PROPFIND /dav/ HTTP/1.1" 207 90'],
    ]);
    unchanged(['10.2.0.7 - - [03/Jan/2027:10:01:02 +0000] "GET / HTTP/1.1" 200 5', 'user:$apr1$ in the docs', 'build:$6$ is a crypt id', 'ports:{SHA} unknown']);
  });

  // The first version woke user-name by the log's date (`dec/20`): the whole rule then ran on every
  // access-log line, and an access log redacted 5× slower. Only a line with a login may wake it.
  it('wakes user-name on an access-log line only where the login column holds a login', () => {
    const { scanners, rules } = buildRuleSet({});
    const user = rules.findIndex((r) => r.rule.id === 'user-name');
    expect(user).toBeGreaterThanOrEqual(0);
    const wakes = (line: string) =>
      scanners.some((s) => {
        const re = new RegExp(s.regex.source, s.regex.flags);
        for (const m of line.matchAll(re)) {
          const r = s.rulesFor(m[0]);
          if (r.always.includes(user) || r.placed.some((p) => p.rule === user)) return true;
        }
        return false;
      });
    expect(wakes('10.2.0.7 - - [03/Jan/2027:10:01:02 +0000] "GET /api/v2/orders?page=3 HTTP/1.1" 200 5 "-" "curl/8.5.0"')).toBe(false);
    expect(wakes('example.host - - [19/Dec/2026:23:59:59 -0500] "GET / HTTP/1.1" 304 0')).toBe(false);
    expect(wakes('10.2.0.7 - pan_ops [03/Jan/2027:10:01:02 +0000] "GET /ui HTTP/2.0" 200 512')).toBe(true);
  });
});

describe('ho12logins: session files, server configuration, encrypted stores', () => {
  it('takes PuTTY/KiTTY `Name\\value\\` logins and passwords', () => {
    check([
      ['UserName\\xie_dba\\', 'UserName\\<USER-1>\\'],
      ['ProxyPassword\\Pp#2026x\\', 'ProxyPassword\\<SECRET-1>\\'],
    ]);
    unchanged(['HostName\\10.0.0.5\\', 'ProxyMethod\\0\\', 'UserName\\\\', 'UserName\\root\\']);
  });

  it('takes WebLogic realm users and XML `<user-name>` logins', () => {
    check([
      ['<User tao_ops in security realm myrealm has had 5 invalid login attempts, locking account for 30 minutes.>', '<User <USER-1> in security realm myrealm has had 5 invalid login attempts, locking account for 30 minutes.>'],
      ['<user-name>kong_app</user-name>', '<user-name><USER-1></user-name>'],
    ]);
    unchanged(['User weblogic in security realm myrealm', '<user-name>admin</user-name>']);
  });

  it('takes Tomcat\'s own shutdown word and Elytron clear-text credentials, not the stock ones', () => {
    check([
      ['<Server port="8005" shutdown="Stop_9xQz">', '<Server port="8005" shutdown="<SECRET-1>">'],
      ['<credential-reference clear-text="Ks!2026store"/>', '<credential-reference clear-text="<SECRET-1>"/>'],
    ]);
    unchanged(['<Server port="8005" shutdown="SHUTDOWN">', '<credential-reference store="cs" alias="db"/>']);
  });

  it('takes encrypted credentials: WebLogic {AES256}/{AES}, `encrypted…` keys', () => {
    check([
      ['password={AES}q2Wm8Rz4Lk1Xn7Vb3Hc9Jd5Fs0Ga6Ue2Tp=', 'password={AES}<SECRET-1>'],
      ['<node-manager-username>{AES256}Rk3Lm8Qw2Zx7Vb1Nc5Hd9Jf4Gs6=</node-manager-username>', '<node-manager-username>{AES256}<SECRET-1></node-manager-username>'],
      ['"encrypted_value": "AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA7x3kQ9"', '"encrypted_value": "<SECRET-1>"'],
    ]);
    unchanged(['the connection is encrypted: TLS 1.3', '"encrypted": true', '"encryptedKeyType": "AES-GCM-256-with-ok"', 'pid 763130 exited', 'code 76313045']);
  });
});

describe('ho12logins: OA/ERP and client log grammar', () => {
  it('takes `usercode=`, `操作员=` and a bracketed login before a sign-in outcome', () => {
    check([
      ['2027-01-04 09:00:01 [INFO] 用户登录 usercode=tan_ap01 结果=成功', '2027-01-04 09:00:01 [INFO] 用户登录 usercode=<USER-1> 结果=成功'],
      ['LoginServlet user_code=qu_hr 登录', 'LoginServlet user_code=<USER-1> 登录'],
      ['银企直联 登录失败 操作员=ZJ_BANK_OP7', '银企直联 登录失败 操作员=<USER-1>'],
      ['c.x.LoginControllerImpl:283 - [ren_fei] 登录成功 [10.3.1.4]', 'c.x.LoginControllerImpl:283 - [<USER-1>] 登录成功 [10.3.1.4]'],
      ['AuthFilter - [pengl] 用户登录失败 第2次', 'AuthFilter - [<USER-1>] 用户登录失败 第2次'],
    ]);
    unchanged(['[2027-01-04 08:10:01.331][INFO][Login] 用户登录成功 uid=-', '2027-01-04 [WARN] 登录失败 3 次', '[U8Login] 操作员 demo 登录失败']);
  });

  it('takes LDAP bind passwords, mail authorization codes and SMS app keys by their key names', () => {
    check([
      ['LdapSync url=ldap://dc:389 bindpwd=Bind#2027x', 'LdapSync url=ldap://dc:389 bindpwd=<SECRET-1>'],
      ['sync.bindpw=s3cr3t-Bind', 'sync.bindpw=<SECRET-1>'],
      ['account[1] type=smtp authcode=qwertyuiopasdfgh', 'account[1] type=smtp authcode=<SECRET-1>'],
      ['SmsService appkey=ak_91f0c2d3e4b5a6 resp=ok', 'SmsService appkey=<SECRET-1> resp=ok'],
    ]);
  });

  it('takes `authenticating as x`, Android accounts, Jenkins ids, keychain accounts, CI owner variables and scp/rsync targets', () => {
    check([
      ['vncviewer[88]: CConnection: authenticating as ke_print (password from cache)', 'vncviewer[88]: CConnection: authenticating as <USER-1> (password from cache)'],
      ['    Account {name=lu_xiao, type=com.tencent.mm}', '    Account {name=<USER-1>, type=com.tencent.mm}'],
      // name25 (session 23): the display name before the login is a person's name too.
      ['Started by user Wang Lei (wanglei2)', 'Started by user <NAME-1> (<USER-1>)'],
      ['$ security find-internet-password -a "shen_q" -s git.example.com', '$ security find-internet-password -a "<USER-1>" -s git.example.com'],
      ['{"key":"RELEASE_OWNER","value":"xu_bo","masked":false}', '{"key":"RELEASE_OWNER","value":"<USER-1>","masked":false}'],
      ['rsync -az -e ssh dist/ pan_ops@10.1.1.9:/srv/www/', 'rsync -az -e ssh dist/ <USER-1>@10.1.1.9:/srv/www/'],
      ['scp -P 2222 a.tgz "ye_li@[2001:db8::5]:/tmp/"', 'scp -P 2222 a.tgz "<USER-1>@[2001:db8::5]:/tmp/"'],
    ]);
    unchanged([
      'User UserInfo{0:Owner:c13}:',
      'rsync -av ubuntu@10.0.0.1:/srv/ /backup/',
      'scp build.tgz git@gitlab.example.com:group/repo',
      'Started by user anonymous (anonymous)',
      'authenticating as root',
      '    Account {name=x@example.com, type=com.google}'.replace('x@example.com', 'admin'),
    ]);
  });
});

describe('ho12logins: protocol traces, name/value elements, Oracle homes', () => {
  it('takes the password of an IMAP `LOGIN` command, not the server\'s reply', () => {
    check([
      ['C: a2 login "zeng_m" "Ze#ng2027"', 'C: a2 login "zeng_m" "<SECRET-1>"'],
      ['> 0001 LOGIN "ops" imapPw_77x', '> 0001 LOGIN "ops" <SECRET-1>'],
    ]);
    unchanged(['S: A001 OK LOGIN completed, uidvalidity=1710812345', 'S: A002 NO LOGIN failed "bad" credentials', 'click LOGIN "Sign in" button']);
  });

  it('takes the value of a `<name>…</name><value>` pair named like a secret, not of other names', () => {
    check([
      ['<param><name>passcode</name><values><value>Rsa#7781</value></values></param>', '<param><name>passcode</name><values><value><SECRET-1></value></values></param>'],
      ['<entry><name>api_token</name><value>tk_9f8e7d6c5b4a</value></entry>', '<entry><name>api_token</name><value><TOKEN-1></value></entry>'],
    ]);
    unchanged(['<param><name>domain</name><values><value>XXSOFT</value></values></param>', '<name>password</name><value>true</value>']);
  });

  it('takes the installing user of an Oracle home on Windows, not the `client` folder or a product path', () => {
    check([
      ['ORACLE_BASE=E:\\app\\zhuqing\\product\\21.0.0', 'ORACLE_BASE=E:\\app\\<USER-1>\\product\\21.0.0'],
      ['"C:\\\\app\\\\client\\\\mo_li\\\\product\\\\19.0.0\\\\client_1"', '"C:\\\\app\\\\client\\\\<USER-1>\\\\product\\\\19.0.0\\\\client_1"'],
    ]);
    unchanged(['C:\\app\\client\\product\\12.2.0\\client_1', 'D:\\app\\src\\main.ts', 'C:\\app\\Administrator\\product\\19.0.0']);
  });
});
