/**
 * Held-out-11's login and secret families (issue #14, session 10): each with values that are not
 * the set's own, and the look-alikes the fixes must keep. A fresh Redactor per case, so
 * placeholders start at 1.
 */
import { describe, expect, it } from 'vitest';
import { check, file, redact, unchanged } from './helpers.js';


describe('hosec: secrets in command lines', () => {
  it("takes a quoted `mysql -p'…'` password, not a shell variable in the quotes", () => {
    check([
      ["  mysql -uroot -p'Dev#Root77' -e \"SHOW DATABASES\"", "  mysql -uroot -p'<SECRET-1>' -e \"SHOW DATABASES\""],
      ['mysqldump -u backup -p"Bk!2027q" erp > erp.sql', 'mysqldump -u backup -p"<SECRET-1>" erp > erp.sql'],
    ]);
    unchanged(['mysql -uroot -p"$MYSQL_PWD" -e "x"', "mysql -u app -p'${DB_PASS}' erp"]);
  });

  it('takes a `net use … /user:` password inside a CDATA script, and stops at `]]>`', () => {
    check([
      ['<script><![CDATA[net use S: \\\\nas01\\hr /user:CORP\\liming Hr#Share27]]></script>', '<script><![CDATA[net use S: \\\\nas01\\hr /user:CORP\\<USER-1> <SECRET-1>]]></script>'],
    ]);
    unchanged(['<script><![CDATA[net use S: \\\\nas01\\hr /persistent:yes]]></script>']);
  });
});

describe('hosec: key names', () => {
  it("takes VPN portals' session cookies (Ivanti `DSID`, F5 `MRHSession`)", () => {
    check([
      ['[I] cookie DSID=9f2c4e6a8b0d1f3e5a7c9e1b3d5f7a9c; DSFirstAccess=1773795756', '[I] cookie DSID=<TOKEN-1>; DSFirstAccess=1773795756'],
      ['restored MRHSession=0a1b2c3d4e5f60718293a4b5c6d7e8f9 for /vdesk', 'restored MRHSession=<TOKEN-1> for /vdesk'],
    ]);
    unchanged(['DSFirstAccess=1773795756', 'dsid_format = hex']);
  });

  it('takes a salt and a chat robot key, not what describes them', () => {
    check([
      ['ENCRYPT_SALT=9c1d7e2a4b6f', 'ENCRYPT_SALT=<SECRET-1>'],
      ['password_salt: "q8Zr!2mX"', 'password_salt: "<SECRET-1>"'],
      ['Environment="MAIL_TO=ops" "WECOM_BOT_KEY=5c1e2f3a-7d8b-4c9e-a0f1-2b3c4d5e6f70"', 'Environment="MAIL_TO=ops" "WECOM_BOT_KEY=<SECRET-1>"'],
      ['robot_key: 7e4d1c2b-aa90-4f3e-8d21-c0b9a8f7e6d5', 'robot_key: <SECRET-1>'],
    ]);
    unchanged(['salt_length = 16', 'salt_master: 10.0.0.5', 'bot_key_length=36', 'use_salt = true']);
  });

  it('takes a password hash tagged with its scheme, not the scheme alone', () => {
    check([
      ['userPassword: {SSHA}b0xQ9vZ2kR7tY3uI5oP8aS0dF4gH6jK9', 'userPassword: <SECRET-1>'],
      ['password = {SHA512-CRYPT}$6$rounds=5000$saltsalt$Zx9QmW2pL', 'password = <SECRET-1>'],
    ]);
    unchanged(['default_pass_scheme = {SSHA}', 'password_scheme: {SHA512-CRYPT}']);
  });
});

describe('hosec: HTML credential tables', () => {
  it('reads every row of a table whose header names the login and the password columns', () => {
    const page = [
      '<table><tbody>',
      '<tr><th>系统</th><th>地址</th><th>账号</th><th>密码</th></tr>',
      '<tr><td>防火墙</td><td>https://10.1.1.1</td><td>fw_ops</td><td>Fw#Ops2027</td></tr>',
      '<tr><td>邮箱</td><td>https://mail.corp.cn</td><td>zhanghua</td><td>Ml!zh0412</td></tr>',
      '</tbody></table>',
    ].join('\n');
    expect(redact(page)).toBe(
      [
        '<table><tbody>',
        '<tr><th>系统</th><th>地址</th><th>账号</th><th>密码</th></tr>',
        '<tr><td>防火墙</td><td>https://10.1.1.1</td><td><USER-1></td><td><SECRET-1></td></tr>',
        '<tr><td>邮箱</td><td>https://mail.corp.cn</td><td><USER-2></td><td><SECRET-2></td></tr>',
        '</tbody></table>',
      ].join('\n'),
    );
    check([
      [
        '<table><tr><th>Name</th><th>Username</th><th>Password</th></tr><tr><td>VPN</td><td>liqiang</td><td>Vpn#2027x</td></tr><tr><td>NAS</td><td>admin</td><td>********</td></tr></table>',
        '<table><tr><th>Name</th><th>Username</th><th>Password</th></tr><tr><td>VPN</td><td><USER-1></td><td><SECRET-1></td></tr><tr><td>NAS</td><td>admin</td><td>********</td></tr></table>',
      ],
    ]);
  });

  it('keeps cells of tables whose header names no login or password, and of the next table', () => {
    unchanged([
      '<tr><th>Version</th><th>Status</th></tr>\n<tr><td>3.2.1</td><td>OK</td></tr>',
      '<table><tr><th>账号</th><th>密码</th></tr></table>\n<table>\n<tr><td>wangfang</td><td>Build-2027</td></tr>\n</table>',
      '<table><tr><td>Host</td><td>Password</td></tr><tr><td>db01</td><td>notme123</td></tr></table>',
    ]);
  });
});

describe('hosec: more secret forms', () => {
  it('takes ZooKeeper digest ACLs (getAcl, setAcl), not the world ACL', () => {
    check([
      ["'digest,'appsvc:Ab3dEf6hIj9kLm2nOp5qRs8tUv1=", "'digest,'appsvc:<SECRET-1>"],
      ['setAcl /erp digest:appsvc:Ab3dEf6hIj9kLm2nOp5qRs8tUv1=:cdrwa', 'setAcl /erp digest:appsvc:<SECRET-1>:cdrwa'],
    ]);
    unchanged(["'world,'anyone", 'authProvider.1=org.apache.zookeeper.server.auth.DigestAuthenticationProvider']);
  });

  it("takes mRemoteNG's Protected check value on its Connections root only", () => {
    check([
      ['<mrng:Connections xmlns:mrng="http://mremoteng.org" Name="Connections" EncryptionEngine="AES" Protected="b3BlbnNlc2FtZS1jaGVjay12YWx1ZS1mb3ItdGVzdHMtb25seQ==" ConfVersion="2.6">', '<mrng:Connections xmlns:mrng="http://mremoteng.org" Name="Connections" EncryptionEngine="AES" Protected="<SECRET-1>" ConfVersion="2.6">'],
    ]);
    unchanged(['<member name="isProtected" Protected="b3BlbnNlc2FtZS1jaGVjay12YWx1ZS1mb3ItdGVzdHMtb25seQ=="/>']);
  });

  it("takes a remote-control client's code beside its device id, not an SMS code", () => {
    check([
      ['向日葵识别码 731 204 588，验证码 Qx4m9T', '向日葵识别码 731 204 588，验证码 <SECRET-1>'],
      ['设备代码：118 402 931  验证码：8h2KpW', '设备代码：118 402 931  验证码：<SECRET-1>'],
    ]);
    unchanged(['短信验证码 482119，5 分钟内有效', '验证码已发送至手机']);
  });

  it("takes a password field's value in a UI breadcrumb, not other fields", () => {
    check([
      ['{ "category": "ui.input", "message": "input[name=\\"password\\"] value=Pw#2027ui" }', '{ "category": "ui.input", "message": "input[name=\\"password\\"] value=<SECRET-1>" }'],
      ['input[name="new_password"] value=Xy!20271', 'input[name="new_password"] value=<SECRET-1>'],
    ]);
    unchanged(['input[name="password_length"] value=12', 'input[name="search"] value=report2027']);
  });

  it('reads a SASL password list (`login@realm: password`), not mail or ssh lines', () => {
    check([
      ['cache_app@mc02: Cache#2027x\nadmin@mc02: Adm!n2027', '<USER-1>@mc02: <SECRET-1>\nadmin@mc02: <SECRET-2>'],
    ]);
    unchanged(['git@github.com: Permission denied (publickey).', 'root@host01: 12345', 'deploy@web01: ready']);
  });
});

describe('hosec: logins', () => {
  it('takes hyphenated and numbered login keys (`user-name:`, `login-no=`) and Chinese operator keys', () => {
    check([
      ['connstore ive { friendly-name: "Corp", user-name: "wanglei", password-cache: "<x>" }', 'connstore ive { friendly-name: "Corp", user-name: "<USER-1>", password-cache: "<x>" }'],
      ['bank.icbc.login-no=CORP_ICBC_OP07', 'bank.icbc.login-no=<USER-1>'],
      ['生成时间:20260401|操作员:cw_liyan', '生成时间:20260401|操作员:<USER-1>'],
      ['经办员：fin_zhao', '经办员：<USER-1>'],
    ]);
    unchanged(['login-id: 10023', 'friendly-name: "Corp"', '操作员:admin']);
  });

  it('takes the account after 登录账号 in a sentence', () => {
    check([['如需退票请登录账号 chenxue1990 后操作。', '如需退票请登录账号 <USER-1> 后操作。']]);
    unchanged(['请登录账号 admin 后操作。', '登录账号已锁定']);
  });

  it('takes 802.1X identities (iwd, wpa_supplicant, EAP logs), not the anonymous one', () => {
    check([
      ['EAP-PEAP-Phase2-Identity=zhoumin', 'EAP-PEAP-Phase2-Identity=<USER-1>'],
      ['EAP-Identity=zhoumin', 'EAP-Identity=<USER-1>'],
      ['\tidentity="liufang"', '\tidentity="<USER-1>"'],
      ["[I] AuthEap.cpp:188 - 'EAP' sending identity xiaoqing (realm Users)", "[I] AuthEap.cpp:188 - 'EAP' sending identity <USER-1> (realm Users)"],
    ]);
    unchanged(['anonymous_identity="anon"', 'EAP-Identity=anonymous', 'identity=root']);
  });

  it("reads pam_succeed_if's user lists, not groups", () => {
    check([['auth [success=1 default=ignore] pam_succeed_if.so user in ops_backup:relay_svc', 'auth [success=1 default=ignore] pam_succeed_if.so user in <USER-1>:<USER-2>']]);
    unchanged(['auth required pam_succeed_if.so user ingroup wheel', 'auth requisite pam_succeed_if.so uid >= 1000 quiet']);
  });

  it('takes a JSON name that comes with its password (RabbitMQ definitions), not other names', () => {
    check([['{"users":[{"name":"etl_sync","password_hash":"kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR","tags":[]}]}', '{"users":[{"name":"<USER-1>","password_hash":"<SECRET-1>","tags":[]}]}']]);
    unchanged(['{"vhosts":[{"name":"erp_prod"}],"queues":[{"name":"orders","durable":true}]}']);
  });

  it('reads Jetty/ActiveMQ realm lines under their format comment, and nothing without it', async () => {
    const realm = '# username: password [,rolename ...]\nadmin: Jt#Admin2027, admin\nops_qian: 0ps!Qian88, user\n';
    for (const size of [9, 4096]) {
      expect(await file('jetty-realm.properties', realm, size)).toBe('# username: password [,rolename ...]\nadmin: <SECRET-1>, admin\n<USER-1>: <SECRET-2>, user\n');
    }
    unchanged(['roles: admin, user', 'members: ops01, admin', 'tags: v2.1, user']);
  });

  it('takes logins in a CSV UserId column, not numeric ids', async () => {
    const csv = '姓名,部门,UserId,手机号\n张伟,研发部,zhangwei8812,\n李娜,财务部,0165194527812345,\n';
    expect(await file('report.csv', csv)).toBe('姓名,部门,UserId,手机号\n<NAME-1>,研发部,<USER-1>,\n<NAME-2>,财务部,0165194527812345,\n');
  });
});

describe('hosec: identifiers that are no secret', () => {
  it("keeps Confluence's user keys, still takes a user's API key", () => {
    unchanged(['<id name="key"><![CDATA[4028b8817a2c1e40017a2c3d7a21000b]]></id>', '<ac:link><ri:user ri:userkey="4028b8817a2c1e40017a2c3d7a21000b" /></ac:link>']);
    check([['user_key = 9f8e7d6c5b4a39281706f5e4d3c2b1a0', 'user_key = <SECRET-1>']]);
  });
});
