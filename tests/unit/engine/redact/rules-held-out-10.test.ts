/**
 * The format families held-out-10 found missing (tests/fixtures/redact/held-out-10/FIRST-RUN.md),
 * each with values that are not the set's own, and the look-alikes those fixes must keep. A fresh
 * Redactor per case, so placeholders start at 1.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { check, chunkSizes, redactInChunks, unchanged } from './helpers.js';


describe('held-out-10 fixes: secrets', () => {
  it('reads `key value` directives alone on their line and redis CONFIG SET', () => {
    check([
      ['requirepass Qx7!pLm2\nmasterauth Qx7!pLm2', 'requirepass <SECRET-1>\nmasterauth <SECRET-1>'],
      ['  requirepass "9f3k#Zt"', '  requirepass "<SECRET-1>"'],
      ['# Slow command: CONFIG SET requirepass Nw#2026z (took 1 ms)', '# Slow command: CONFIG SET requirepass <SECRET-1> (took 1 ms)'],
    ]);
    // A word, an algorithm, a reference, an .rdp typed value, a PAM stack line: no password.
    unchanged(['password changed', 'auth SHA256', 'auth sufficient pam_ldap.so', 'smtp_sasl_password_maps hash:/etc/postfix/sasl_passwd', 'NSS_BUFLEN_PASSWD                  1024']);
  });

  it('reads PowerShell secure strings with their switches first, and `net user <login> <password> /add`', () => {
    check([
      ['$p = ConvertTo-SecureString "Tq#2026pw!" -AsPlainText -Force', '$p = ConvertTo-SecureString "<SECRET-1>" -AsPlainText -Force'],
      ["-NewPassword (ConvertTo-SecureString -AsPlainText 'Spring@0401' -Force)", "-NewPassword (ConvertTo-SecureString -AsPlainText '<SECRET-1>' -Force)"],
      ['net user tmp_check Chk#2026x /add', 'net user <USER-1> <SECRET-1> /add'],
    ]);
    // `/domain` is an option, not a password.
    check([['net user zhaolei /domain', 'net user <USER-1> /domain']]);
  });

  it("reads OpenVPN's management interface: `password \"Auth\" x`, `username \"Auth\" x`, and keeps its status lines", () => {
    check([
      ["MANAGEMENT: CMD 'password \"Auth\" Vpn!pass77'", "MANAGEMENT: CMD 'password \"Auth\" <SECRET-1>'"],
      ["MANAGEMENT: CMD 'username \"Auth\" lixiaoming'", "MANAGEMENT: CMD 'username \"Auth\" <USER-1>'"],
    ]);
    unchanged([">PASSWORD:Verification Failed: 'Auth'"]);
  });

  it('keeps HCL block labels and software product keys', () => {
    unchanged(['credentials "app.terraform.io" {', 'Product key: NPPR9-FWDCX-D2C8J-H872K-2YT43 (GVLK, Enterprise)']);
  });
});

describe('held-out-10 fixes: logins', () => {
  it('reads logins in server grammars: MongoDB, ECS, Logstash, --username, AD cmdlets, Elasticsearch, LegacyDN', () => {
    check([
      ['"principalName":"report_ro","authenticationDatabase":"admin"', '"principalName":"<USER-1>","authenticationDatabase":"admin"'],
      ['{"user.name":"svc_beats", "user.realm":"native"}', '{"user.name":"<USER-1>", "user.realm":"native"}'],
      ['    jdbc_user => "etl_reader"', '    jdbc_user => "<USER-1>"'],
      ['python sync.py --user bi_loader --password x9', 'python sync.py --user <USER-1> --password <SECRET-1>'],
      ['Unlock-ADAccount -Identity zhouqiang', 'Unlock-ADAccount -Identity <USER-1>'],
      ['Authentication of [kibana_wang] was terminated by realm [ldap1]', 'Authentication of [<USER-1>] was terminated by realm [ldap1]'],
      ['<LegacyDN>/o=Corp/ou=Exchange Administrative Group/cn=Recipients/cn=zhangwei3f1</LegacyDN>', '<LegacyDN>/o=Corp/ou=Exchange Administrative Group/cn=Recipients/cn=<USER-1></LegacyDN>'],
    ]);
    // systemd's `--user` switch, a flag that takes no login.
    unchanged(['systemctl --user list-unit-files', 'dpkg --user integration']);
  });

  it('reads WeChat ids and QQ numbers in client logs and paths', () => {
    check([
      ['login ok, wxid:wxid_a8c2k9m4p1', 'login ok, wxid:<USER-1>'],
      ['D:\\WeChat Files\\wxid_a8c2k9m4p1\\FileStorage', 'D:\\WeChat Files\\<USER-1>\\FileStorage'],
      ['candidate uin=1928374650 face=https://q.qlogo.cn/headimg_dl?dst_uin=1928374650', 'candidate uin=<USER-1> face=https://q.qlogo.cn/headimg_dl?dst_uin=<USER-1>'],
      ['path=D:\\Tencent Files\\1928374650\\FileRecv\\', 'path=D:\\Tencent Files\\<USER-1>\\FileRecv\\'],
    ]);
  });

  it('keeps words after a user key that are another word, and message ids and anonymous identities', () => {
    unchanged(['"Level","Log","Time","User","Event"', 'S0   Login: Account logged in, AccountID=284917763', 'postfix/cleanup[1]: 4Tz: message-id=<20260318090211.4Tz8@mail01.corp.cn>', 'anonymous_identity="anonymous@corp.local"']);
  });
});

describe('held-out-10 fixes: people and numbers', () => {
  it('reads the roles of invoices, forms and contracts, a name before its phone, documents named after a person, HTML key cells', () => {
    check([
      ['开票员: 柯晓梅 复核员: 财务部', '开票员: <NAME-1> 复核员: 财务部'],
      ['法定代表人：欧志明', '法定代表人：<NAME-1>'],
      ['签字：欧志明', '签字：<NAME-1>'],
      ['林晓东　　13911112222　　8024', '<NAME-1>　　<PHONE-1>　　8024'],
      ['D:\\资料\\胡文静-身份证扫描.pdf', 'D:\\资料\\<NAME-1>-身份证扫描.pdf'],
      ['<tr><td scope="row">显示名称</td><td>毛晓琳</td></tr>', '<tr><td scope="row">显示名称</td><td>&lt;NAME-1&gt;</td></tr>'.replace('&lt;', '<').replace('&gt;', '>')],
    ]);
    // A department before a number, a document word that is no name, a plain table cell.
    unchanged(['财务部-驱动器映射.pdf', '<td>更新</td><td>市场部</td>', '共 13911112222 字节']);
  });

  it('reads phones and resident IDs in full-width digits, mixed or spaced with ideographic spaces', () => {
    check([
      ['手机：１３８　１０２４　６６５３', '手机：<PHONE-1>'],
      ['联系电话：1３9-1０2５-7７8４', '联系电话：<PHONE-1>'],
      ['电话 ＋８６　１８５　１１０２　９９６３', '电话 <PHONE-1>'],
      ['身份证 １２０１０４１９９５０４３０２１８４', '身份证 <CNID-1>'],
    ]);
    // Full-width dates and asset numbers, a full-width ID with a wrong check digit.
    unchanged(['工位资产编号：２０２６０３１８００１７', '１２０１０４１９９５０４３０２１８５']);
  });

  it("reads a printer address book's `Login User Name` / `Login Password` columns under comment lines", async () => {
    const input = Buffer.from('# Format Version:5.2.0.0\nIndex,Name,Login User Name,Login Password\n[1],x,zhangsan,Zs#2026scan\n[2],y,scanner,Scan!9\n');
    const { text } = await redactInChunks(new Redactor(), input, chunkSizes(4096), { name: 'address-book.csv' });
    expect(text).toBe('# Format Version:5.2.0.0\nIndex,Name,Login User Name,Login Password\n[1],x,<USER-1>,<SECRET-1>\n[2],y,scanner,<SECRET-2>\n');
  });
});

describe('held-out-10 fixes (miss10): JAAS, rsync, squid', () => {
  it("reads Kafka's PlainLoginModule `user_<login>=\"<password>\"` options, and keeps other `user_` fields", () => {
    check([
      ['    user_ops_admin="Op#s2027x" \\', '    user_<USER-1>="<SECRET-1>" \\'],
      ['    user_etl="EtL-9q";', '    user_<USER-1>="<SECRET-1>";'],
      ['PlainLoginModule required user_alice="a1!" user_bob="b2@";', 'PlainLoginModule required user_<USER-1>="<SECRET-1>" user_<USER-2>="<SECRET-2>";'],
    ]);
    // A log's user-agent and a user_id field: a blank in the value, or no option end after it.
    unchanged(['GET / user_agent="Mozilla/5.0 (X11)";', 'event user_id="42" status=ok', 'user_pref("browser.startup", true);']);
  });

  it("reads rsyncd.conf's `auth users` list and rsyncd's `password mismatch` log line", () => {
    check([
      ['    auth users = backup_a, liqiang:ro, @ops', '    auth users = <USER-1>, <USER-2>:ro, @<USER-3>'],
      ['auth failed on module web from host (10.1.2.3) for zhaoyun: password mismatch', 'auth failed on module web from host (10.1.2.3) for <USER-1>: password mismatch'],
    ]);
    unchanged(['    auth users = root', 'auth failed on module web: password mismatch']);
  });

  it('reads triple-quoted values (grafana.ini, TOML) with `#` and `;` inside', () => {
    check([
      ['password = """Db#x;2027q"""', 'password = """<SECRET-1>"""'],
      ["secret_key = '''k;ey#9Zt'''", "secret_key = '''<SECRET-1>'''"],
    ]);
    unchanged(['description = """Grafana; the # of users"""', 'password = """"""']);
  });

  it('reads redis ACL `user <name> on >password` rules, and keeps ssh_config `User` and ACL lines without a password', () => {
    check([
      ['user backup on >Bk#acl2027 ~* +@read', 'user backup on ><SECRET-1> ~* +@read'],
      ['user app on #2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae >Ap9!x ~* +@all', 'user app on #2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae ><SECRET-1> ~* +@all'],
    ]);
    unchanged(['user default on nopass ~* +@all', 'user guest off', 'user ops logged in from 10.0.0.5 >tty1']);
  });

  it('reads `user <login>, password <password>` remarks of a log line', () => {
    check([['send failed via smtp.example.com:587 (user mail-bot, password Mb#2027x).', 'send failed via smtp.example.com:587 (user <USER-1>, password <SECRET-1>).']]);
    unchanged(['no such user, password reset required']);
  });

  it('reads remote-desktop log prose: `password accepted: x`, `password x verified`', () => {
    check([
      ['Incoming connection from 123456789 (x), password accepted: rd7k2m', 'Incoming connection from 123456789 (x), password accepted: <SECRET-1>'],
      ['Profile was used: Unattended, password Un@tt2027 verified', 'Profile was used: Unattended, password <SECRET-1> verified'],
    ]);
    unchanged(['password was verified', 'password successfully accepted', 'password accepted']);
  });

  it("reads squid's native access.log login column, and keeps `-` for no login", () => {
    check([
      ['1773800000.123     15 10.1.1.9 TCP_MISS/200 512 GET http://a.example.com/ chenlu HIER_DIRECT/1.2.3.4 text/html',
        '1773800000.123     15 10.1.1.9 TCP_MISS/200 512 GET http://a.example.com/ <USER-1> HIER_DIRECT/1.2.3.4 text/html'],
    ]);
    unchanged(['1773800000.123     15 10.1.1.9 TCP_DENIED/407 512 GET http://a.example.com/ - HIER_NONE/- text/html']);
  });

  it('reads rsync secrets files by name and as a `# /etc/rsyncd.secrets` section of a pasted bundle', async () => {
    const file = await redactInChunks(new Redactor(), Buffer.from('# secrets\nbk_user:Bk#2027pw\n@admins:Adm!n99\n'), chunkSizes(4096), { name: 'rsyncd.secrets' });
    expect(file.text).toBe('# secrets\n<USER-1>:<SECRET-1>\n@<USER-2>:<SECRET-2>\n');
    const client = await redactInChunks(new Redactor(), Buffer.from('Cl1ent#pw\n'), chunkSizes(4096), { name: 'rsync.pass' });
    expect(client.text).toBe('<SECRET-1>\n');
    const bundle = Buffer.from('# /etc/rsyncd.conf\nuid = nobody\n\n# /etc/rsyncd.secrets (chmod 600)\nbk_user:Bk#2027pw\n\n# /var/log/rsyncd.log\nnote:kept here\n');
    for (const size of [1, 7, 4096]) {
      const { text } = await redactInChunks(new Redactor(), bundle, chunkSizes(size), { name: 'bundle.txt' });
      expect(text, `chunks of ${size}`).toBe('# /etc/rsyncd.conf\nuid = nobody\n\n# /etc/rsyncd.secrets (chmod 600)\n<USER-1>:<SECRET-1>\n\n# /var/log/rsyncd.log\nnote:kept here\n');
    }
    // The same `login:password` shape in a file of no such name stays.
    const other = await redactInChunks(new Redactor(), Buffer.from('status:ok\nnote:kept here\n'), chunkSizes(4096), { name: 'notes.txt' });
    expect(other.text).toBe('status:ok\nnote:kept here\n');
  });
});
