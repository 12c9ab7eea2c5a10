/**
 * The format families held-out-11 found missing (tests/fixtures/redact/held-out-11/FIRST-RUN.md),
 * each with values that are not the set's own, and the look-alikes those fixes must keep. A fresh
 * Redactor per case, so placeholders start at 1.
 */
import { describe, expect, it } from 'vitest';
import { check, file, unchanged } from './helpers.js';


describe('held-out-11 fixes: key names', () => {
  it("takes a default account's password (`default_pass`) and PAM/SSSD's `authtok`, not what describes them", () => {
    check([
      ['default_pass = Rb!mq#2027x', 'default_pass = <SECRET-1>'],
      ['DEFAULT_PASSWORD=Init#Pw99', 'DEFAULT_PASSWORD=<SECRET-1>'],
      ['ldap_default_authtok = Bnd!2027q', 'ldap_default_authtok = <SECRET-1>'],
    ]);
    unchanged(['default_password_length = 12', 'default_user = guest', 'password required pam_unix.so use_authtok=1']);
  });

  it('takes sign-in cookies glued to their purpose (GlobalProtect `authcookie`, `portal-userauthcookie`)', () => {
    check([
      ['Login to gateway gw1: authcookie=0a1b2c3d4e5f60718293a4b5c6d7e8f9 portal=P', 'Login to gateway gw1: authcookie=<TOKEN-1> portal=P'],
      ['x ; portal-userauthcookie=Zq8mW2kP7vL4xN9bT3cR6yH1 ; y', 'x ; portal-userauthcookie=<TOKEN-1> ; y'],
    ]);
    unchanged(['cookie_path=/erp', 'authcookie_name=GPAUTH']);
  });
});

describe('held-out-11 fixes: values that are no value', () => {
  it("keeps punctuation, heredoc openers, ports and Java classes after a secret's key, and still takes the value", () => {
    check([
      ['userPassword:: e1NTSEF9cVc4ek1rTDJ2QjluUjR0QzdZaDJqRDVzRjA=', 'userPassword:: <SECRET-1>'],
      ['password = org.Pass.Word1', 'password = <SECRET-1>'],
    ]);
    unchanged(['cert_private_key = <<EOT', 'kpasswd\t\t464/tcp', 'authProvider.1=org.apache.zookeeper.server.auth.SASLAuthenticationProvider', 'token = <=>']);
  });
});

describe('held-out-11 fixes: formats', () => {
  it("reads a property list's key and value on one line (configuration profiles)", () => {
    check([
      ['<key>UserPassword</key><string>Wl@n#2027</string>', '<key>UserPassword</key><string><SECRET-1></string>'],
      ['  <key>SharedSecret</key><data>c2VjcmV0LXBzay0yMDI3</data>', '  <key>SharedSecret</key><data><SECRET-1></data>'],
      ['<key>UserName</key><string>liangqi</string> <key>XAuthName</key><string>liangqi</string>', '<key>UserName</key><string><USER-1></string> <key>XAuthName</key><string><USER-1></string>'],
    ]);
    unchanged(['<key>AuthenticationMethod</key><string>SharedSecret</string>', '<key>PayloadType</key><string>com.apple.wifi.managed</string>', '<key>UserDefinedName</key><string>Office VPN</string>']);
  });

  it('reads logins in LDAP DNs, Samba share lists and sudoers, not groups, aliases or certificate subjects', () => {
    check([
      ['dn: uid=qianli,ou=people,dc=corp,dc=cn', 'dn: uid=<USER-1>,ou=people,dc=corp,dc=cn'],
      ['   valid users = @"CORP\\财务部" sunhao, liwen', '   valid users = @"CORP\\财务部" <USER-1>, <USER-2>'],
      ['User_Alias  OPS = zhaoyi, qianer', 'User_Alias  OPS = <USER-1>, <USER-2>'],
      ['zhaoyi  ALL=(ALL:ALL) ALL\nDefaults:zhaoyi !requiretty', '<USER-1>  ALL=(ALL:ALL) ALL\nDefaults:<USER-1> !requiretty'],
    ]);
    unchanged(['CN=Computers,DC=corp,DC=local', 'OPS     ALL=(oracle) NOPASSWD: /bin/true', 'root    ALL=(ALL:ALL) ALL', '%admin ALL=(ALL) ALL', 'valid users = root']);
  });

  it("reads Exim's logins (`A=authenticator:login`, `set_id=`) and its passwd.client", async () => {
    check([
      ['<= a@b.cn H=(pc) [10.0.0.2] P=esmtpsa X=TLS1.3 A=dovecot_plain:zhoulin S=1022', '<= <EMAIL-1> H=(pc) [10.0.0.2] P=esmtpsa X=TLS1.3 A=<USER-1> S=1022'.replace('A=<USER-1>', 'A=dovecot_plain:<USER-1>')],
      ['dovecot_login authenticator failed for (x) [1.2.3.4]: 535 Incorrect authentication data (set_id=hr01)', 'dovecot_login authenticator failed for (x) [1.2.3.4]: 535 Incorrect authentication data (set_id=<USER-1>)'],
    ]);
    const text = await file('passwd.client', '# target.mail.server.example:login:password\nsmtp.corp.cn:relay_bot:Rl#2027!x\n*.mail.cn:svc@corp.cn:Sv!c2027\n');
    expect(text).toBe('# target.mail.server.example:login:password\nsmtp.corp.cn:<USER-1>:<SECRET-1>\n*.mail.cn:<EMAIL-1>:<SECRET-2>\n');
  });

  it('finds a CSV header below a report title row, and keeps a header row of quoted column names', async () => {
    for (const size of [7, 4096]) {
      const report = await file('attendance.csv', '月度汇总,统计日期：2026-04-01 至 2026-04-30,生成时间\n姓名,部门,手机号\n萧明远,研发部,13912345678\n', size);
      expect(report).toBe('月度汇总,统计日期：2026-04-01 至 2026-04-30,生成时间\n姓名,部门,手机号\n<NAME-1>,研发部,<PHONE-1>\n');
      const jobs = await file('joblog.csv', '"Job Log","C360i","Serial","X1"\n"Job ID","User Name","Pages"\n"1021","fengxiao","2"\n"1022","public","1"\n', size);
      expect(jobs).toBe('"Job Log","C360i","Serial","X1"\n"Job ID","User Name","Pages"\n"1021","<USER-1>","2"\n"1022","public","1"\n');
    }
    const header = '"Group","Title","Username","Password","URL","Notes"';
    unchanged([header]);
  });
});
