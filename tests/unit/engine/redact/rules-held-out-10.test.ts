/**
 * The format families held-out-10 found missing (tests/fixtures/redact/held-out-10/FIRST-RUN.md),
 * each with values that are not the set's own, and the look-alikes those fixes must keep. A fresh
 * Redactor per case, so placeholders start at 1.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { chunkSizes, redactInChunks } from './helpers.js';

type Case = [input: string, expected: string];

const redact = (text: string) => new Redactor().redactText(text).text;
const check = (cases: Case[]) => {
  for (const [input, expected] of cases) expect(redact(input), input).toBe(expected);
};
const unchanged = (inputs: string[]) => check(inputs.map((i) => [i, i]));

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
