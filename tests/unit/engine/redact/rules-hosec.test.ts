/**
 * Held-out-11's login and secret families (issue #14, session 10): each with values that are not
 * the set's own, and the look-alikes the fixes must keep. A fresh Redactor per case, so
 * placeholders start at 1.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';

type Case = [input: string, expected: string];

const redact = (text: string) => new Redactor().redactText(text).text;
const check = (cases: Case[]) => {
  for (const [input, expected] of cases) expect(redact(input), input).toBe(expected);
};
const unchanged = (inputs: string[]) => check(inputs.map((i) => [i, i]));

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
