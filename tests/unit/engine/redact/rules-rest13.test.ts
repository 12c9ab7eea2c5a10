/**
 * held-out-13's last misses (task rest13), each fixed by its family's grammar, with values that are
 * not the set's own, other tools and languages of the same grammar, and the look-alikes each fix
 * must keep. A fresh Redactor per case, so placeholders start at 1.
 */
import { describe, it } from 'vitest';
import { check, unchanged } from './helpers.js';

describe('rest13: account names under Windows and Chinese form labels', () => {
  it('takes 帐户名称 / SAM 帐户名 / 账号名称 values and an account opened on a form', () => {
    check([
      ['\t帐户名称:\t\tliuqiang', '\t帐户名称:\t\t<USER-1>'],
      ['\tSAM 帐户名:\t\tzhao_min', '\tSAM 帐户名:\t\t<USER-1>'],
      ['新帐户名: tangjie', '新帐户名: <USER-1>'],
      ['账户名称：hu.yanan', '账户名称：<USER-1>'],
      ['OA 账号开通：wenqian（初始密码已短信发送）', 'OA 账号开通：<USER-1>（初始密码已短信发送）'],
      ['域账号分配: gongli', '域账号分配: <USER-1>'],
    ]);
  });

  it('keeps machine accounts, built-in principals, placeholders of nothing and dates', () => {
    unchanged([
      '\t帐户名称:\t\tFIN-PC07$',
      '\t帐户名称:\t\tSYSTEM',
      '\t帐户名称:\t\t-',
      '\tSAM 帐户名:\t\tANONYMOUS LOGON',
      '\t帐户域:\t\tXXSOFT',
      '账号创建：2026-03-01',
      '账号名称：admin',
    ]);
  });
});

describe('rest13: personal account numbers behind their label', () => {
  it('takes 个人账号 / 公积金账号 / 社保账号 numbers in CSV pairs, forms and prose', () => {
    check([
      ['姓名,某人,个人账号,001140823617', '姓名,某人,个人账号,<ACCOUNT-1>'],
      ['公积金账号：20231234567', '公积金账号：<ACCOUNT-1>'],
      ['个人公积金账号 3301000123456789', '个人公积金账号 <ACCOUNT-1>'],
      ['社保账号=440300198812345', '社保账号=<ACCOUNT-1>'],
    ]);
  });

  it("keeps the employer's account, order numbers, amounts and an unlabelled 账号", () => {
    unchanged(['单位名称,XX,单位账号,001020188451', '订单号：202603151234567', '2026-01-15,汇缴,2580.00,96314.22,21500.00,202601', '账号,12345678901', '个人账号: 1234']);
  });
});

describe('rest13: sign-in cookies, stored passwords and vault fields named without a secret word', () => {
  it('takes BDUSS, SESSDATA and WindTerm autoLogin values', () => {
    check([
      ['[Cookie] set BDUSS=Qm9vZjNrYTJ4b2x2bVp3Rk5pY0dYbk9LeTk2; path=/', '[Cookie] set BDUSS=<TOKEN-1>; path=/'],
      ['Cookie jar: BDUSS_BFESS=AbCdEf0123456789xYzQw', 'Cookie jar: BDUSS_BFESS=<TOKEN-1>'],
      ['sessdata=5a7f1e3c%2C1700000000%2Cabcd', 'sessdata=<TOKEN-1>'],
      ['    "session.autoLogin" : "Wt#Lg0n!7Qx",', '    "session.autoLogin" : "<TOKEN-1>",'],
    ]);
  });

  it('keeps switches, JSON literals with their comma and empty cookies', () => {
    unchanged(['"autoLogin": true,', 'AutoLogin=1', 'autoLogin: false', '"autoLogin": null,', 'BDUSS=-', '"password": false,']);
  });

  it("takes a card's security code after its expiry in a vault export and cvv/cvc keys", () => {
    check([
      ['"card": { "number": "x", "expMonth": "11", "expYear": "2028", "code": "4821" }', '"card": { "number": "x", "expMonth": "11", "expYear": "2028", "code": "<SECRET-1>" }'],
      ['{"exp_month": "03", "exp_year": "2030", "cvc": "552"}', '{"exp_month": "03", "exp_year": "2030", "cvc": "<SECRET-1>"}'],
      ['cvv=731', 'cvv=<SECRET-1>'],
      ['card_cvn2: 0912', 'card_cvn2: <SECRET-1>'],
    ]);
  });

  it('keeps other codes: status codes, error codes and a code that is not digits', () => {
    unchanged(['{"errcode": 0, "code": "200"}', '{"expMonth": "08", "expYear": "2029", "code": "ABC"}', '"code": "731"', 'exit code 731']);
  });

  it("takes a security question's answer in Chinese and English keys", () => {
    check([
      ['"notes": "密保问题答案：外公在宁波"', '"notes": "密保问题答案：<SECRET-1>"'],
      ['安全问题答案: Ningbo1987', '安全问题答案: <SECRET-1>'],
      ['securityAnswer: 我的小学', 'securityAnswer: <SECRET-1>'],
      ['"secret_answer2": "blue whale"', '"secret_answer2": "<SECRET-1>"'],
    ]);
  });

  it('keeps answers that are not a security question’s', () => {
    unchanged(['answer: 42', '"answer": "yes"', '参考答案：B', 'FAQ answer: restart the agent']);
  });
});

describe('rest13: a password key with a remark, and a share link password in prose', () => {
  it('takes the value after `密码（…）：` and `Password (…):`', () => {
    check([
      ['手机号码：x    申报密码（请勿外传）：Sb#tax0315', '手机号码：x    申报密码（请勿外传）：<SECRET-1>'],
      ['初始密码(首次登录须修改)=Init@2026', '初始密码(首次登录须修改)=<SECRET-1>'],
      ['Password (do not share): Vpn!Guest42', 'Password (do not share): <SECRET-1>'],
    ]);
  });

  it('keeps remarks whose value is no password', () => {
    unchanged(['密码（可选）：无', '密码（至少8位）：请设置', 'Password (min 8 chars): required', '密码（必填）：<SECRET-1>']);
  });

  it('takes the password of a share link that expires', () => {
    check([
      ['link https://pan.example.cn/s/abc created, password k3x9 expires 2026-03-26', 'link https://pan.example.cn/s/abc created, password <SECRET-1> expires 2026-03-26'],
      ['share 42 password Qw!7 expiring in 7 days', 'share 42 password <SECRET-1> expiring in 7 days'],
    ]);
  });

  it('keeps prose about passwords that expire', () => {
    unchanged(['your password link expires in 24h', 'password reset expires 2026-03-01', 'the password never expires']);
  });
});

describe('rest13: object-storage access keys without a provider prefix', () => {
  it('takes access key ids under their name and key pairs given to storage CLIs as arguments', () => {
    check([
      ['"accessKeyId": "HST3K9QZ2WMX7VNC5RPB",', '"accessKeyId": "<TOKEN-1>",'],
      // Session 17 (secret18): an access key's ID is half of its pair, whatever its shape (MinIO's are free text): a lower-case hex one too.
      ['"accessKeyId": "0b7c3e9f2a5d4816b9e0"', '"accessKeyId": "<SECRET-1>"'],
      ['ACCESS_KEY_ID=Q3AM3UQ867SPQQA43P2F', 'ACCESS_KEY_ID=<TOKEN-1>'],
      ['qshell account Yq7bN2mK9vR4tY1pL6wZ3cH8jF5dG0sA-EuIoK3 Cz5Nv8Mc1Xk4Lq7Wr0Te3Yu6Ip9Ao2Sd5Fg8Hj2 media -w', 'qshell account <TOKEN-1> <SECRET-1> media -w'],
      ['mc alias set minio-prod http://10.0.0.5:9000 Q3AM3UQ867SPQQA43P2F zuf+tfteSlswRu7BJ86wekitnifILbZam1KYY3TG', 'mc alias set minio-prod http://10.0.0.5:9000 <TOKEN-1> <SECRET-1>'],
      ['obsutil config -i=HST3K9QZ2WMX7VNC5RPB -k=Zk4Nv8Mc1Xk4Lq7Wr0Te3Yu6Ip9Ao2Sd5Fg8Hj1 -e=obs.cn-east-3.myhuaweicloud.com', 'obsutil config -i=<TOKEN-1> -k=<SECRET-1> -e=obs.cn-east-3.myhuaweicloud.com'],
      ['ossutil config -e oss-cn-hangzhou.aliyuncs.com -i LTAI5tQ9xYz8AbCdEfGh1234 -k Kx9qZ2wM7vN4bR1tY6pL3cH8jF5dG0', 'ossutil config -e oss-cn-hangzhou.aliyuncs.com -i <TOKEN-1> -k <SECRET-1>'],
      ['coscmd config -a AKIDz8krbsJ5yKBZQpn74WFkmLPx3gnPhESA -s Gu5t9xGARNpq86cd98joQYCN3Cozk1qA -b bucket-125', 'coscmd config -a <TOKEN-1> -s <SECRET-1> -b bucket-125'],
    ]);
  });

  it('keeps references, stand-ins, lower-case hex ids and help', () => {
    unchanged([
      '  accessKeyId: "${HW_AK}"',
      'access_key_id = YOUR_ACCESS_KEY_ID',
      'mc alias set local http://localhost:9000 $MINIO_USER $MINIO_PASS',
      'qshell account --help',
      'qshell user ls',
    ]);
  });
});

describe('rest13: ids and logins by their tool grammar', () => {
  it("takes Baidu's user key behind its label in logs, links and JSON", () => {
    check([
      ['[LoginModule] passport/getuserinfo ret=0 uname=x uk=2203948576124 vip_type=2', '[LoginModule] passport/getuserinfo ret=0 uname=x uk=<USER-1> vip_type=2'],
      ['https://pan.baidu.com/share/home?uk=2938475613&view=share', 'https://pan.baidu.com/share/home?uk=<USER-1>&view=share'],
      ['{"errno":0,"uk":3847561029,"name":"x"}', '{"errno":0,"uk":<USER-1>,"name":"x"}'],
    ]);
  });

  it('keeps uk as a language, a short number and a bulk count', () => {
    unchanged(['lang=uk locale=en-uk', 'bulk=1234567 uk=12', 'uk: 2026-03-01', 'size=2214587 md5=7c2f9a4e1b8d3c6f0a5e2d9b7c4f1a8e']);
  });

  it('takes the logins faillock lists after its command and after an empty table', () => {
    check([
      ['# faillock\nwangli:\nWhen                Type  Source                                           Valid\n', '# faillock\n<USER-1>:\nWhen                Type  Source                                           Valid\n'],
      ['$ sudo faillock\nWhen                Type  Source                                           Valid\nzhou.hang:\nWhen                Type  Source                                           Valid\n', '$ sudo faillock\nWhen                Type  Source                                           Valid\n<USER-1>:\nWhen                Type  Source                                           Valid\n'],
    ]);
  });

  it('keeps built-in accounts in faillock and `name:` lines elsewhere', () => {
    unchanged([
      '# faillock\nroot:\nWhen                Type  Source                                           Valid\n',
      'When                Type  Source                                           Valid\n2026-03-18 22:03:51 TTY   tty2                                                 V\n',
      'Summary of faillock\nusers:\n',
      'dependencies:\n  lodash:\n',
    ]);
  });

  it('takes Perforce `user@workspace` in changes, describe, filelog and opened, and P4CLIENT workspaces', () => {
    check([
      ['Change 99812 by wangfang@wangfang-laptop on 2026/03/02 10:11:12', 'Change 99812 by <USER-1>@<USER-1>-laptop on 2026/03/02 10:11:12'],
      ['... #4 change 99812 edit on 2026/03/02 by zhoujie@build_ws (text) fix', '... #4 change 99812 edit on 2026/03/02 by <USER-1>@build_ws (text) fix'],
      ['//depot/a.c#3 - edit default change (text) by liyan@liyan_dev', '//depot/a.c#3 - edit default change (text) by <USER-1>@<USER-1>_dev'],
      ['Change 5 on 2026/03/01 by qin_art@qx-art-pc \'UI\'', 'Change 5 on 2026/03/01 by <USER-1>@qx-art-pc \'UI\''],
      ['set P4CLIENT=chenxi_main', 'set P4CLIENT=<USER-1>'],
      ['P4CLIENT=dengyu_ws_client (set)', 'P4CLIENT=<USER-1> (set)'],
    ]);
  });

  it('keeps built-in accounts and prose with `change … by`', () => {
    unchanged(['change 12 by root@host', 'no change by default@x', 'the change was made by the team@night', 'P4CLIENT=', 'P4PORT=ssl:p4.example.local:1666 (set)']);
  });

  it('takes login and password cells of `|` tables under their header', () => {
    check([
      [
        'id | conn_id | conn_type | host | login | password | port\n3 | mysql_bi | mysql | 10.1.1.5 | bi_reader_lin | Bi#Read-2026 | 3306\n',
        'id | conn_id | conn_type | host | login | password | port\n3 | mysql_bi | mysql | 10.1.1.5 | <USER-1> | <SECRET-1> | 3306\n',
      ],
      [
        // A Markdown credential table whose rows name a mail login (their `@` wakes the rule).
        '| 系统 | 账号 | 密码 |\n|---|---|---|\n| 企业邮箱 | wanglu@corp.example | Fin#2026wl |\n| OA | oa_sunmei@corp.example | Oa#sm0301 |\n',
        '| 系统 | 账号 | 密码 |\n|---|---|---|\n| 企业邮箱 | <EMAIL-1> | <SECRET-1> |\n| OA | <EMAIL-2> | <SECRET-2> |\n',
      ],
    ]);
  });

  it('keeps empty cells, None, other columns and pipes without a header', () => {
    unchanged([
      'id | conn_id | login | password | port\n4 | http_hook | None | None | 443\n',
      'id | conn_id | login | password | port\n5 | smtp | root | - | 25\n',
      'name | size | owner\nreport.pdf | 20 KB | finance\n',
      'cat a | grep b | sort | uniq -c',
    ]);
  });

  it('takes what an auto-login script sends after a password or OTP prompt', () => {
    check([
      ["        - expect: 'OTP:'\n          send: 'KRSXG5CTMVRXEZLU'\n", "        - expect: 'OTP:'\n          send: '<SECRET-1>'\n"],
      ["        - expect: 'Password:'\n          send: Jump#Pass2026\n", "        - expect: 'Password:'\n          send: <SECRET-1>\n"],
      ['expect "*assword:"\nsend "Expct!pw9\\r"\n', 'expect "*assword:"\nsend "<SECRET-1>\\r"\n'],
      ['crt.Screen.WaitForString "Verification code:"\ncrt.Screen.Send "839211" & chr(13)\n', 'crt.Screen.WaitForString "Verification code:"\ncrt.Screen.Send "<SECRET-1>" & chr(13)\n'],
      ["child.expect('Enter passphrase')\nchild.sendline('Pp!hrase77')\n", "child.expect('Enter passphrase')\nchild.sendline('<SECRET-1>')\n"],
    ]);
  });

  it('keeps what a script sends after other prompts', () => {
    unchanged([
      "        - expect: '$ '\n          send: 'cd /data/logs'\n",
      'expect "$ "\nsend "ls -l\\r"\n',
      'crt.Screen.WaitForString "login:"\ncrt.Screen.Send "ops" & chr(13)\n',
      "child.expect('#')\nchild.sendline('uptime')\n",
      'send "hello"',
    ]);
  });
});

describe('rest13: authenticator seeds, password-manager exports and ZooKeeper logins', () => {
  it('takes a `totp` field (a bare seed or an otpauth URI) and KeePass entry fields named like secrets', () => {
    check([
      ['        "totp": "JBSWY3DPEHPK3PXQ",', '        "totp": "<SECRET-1>",'],
      ['  totp: KRSXG5CTMVRXEZLV', '  totp: <SECRET-1>'],
      ['otp_secret = GEZDGNBVGY3TQOJQ', 'otp_secret = <SECRET-1>'],
      ['<String><Key>Password</Key><Value ProtectInMemory="True">Kp#Pass2026</Value></String>', '<String><Key>Password</Key><Value ProtectInMemory="True"><SECRET-1></Value></String>'],
    ]);
  });

  it('keeps an empty totp, its switches and settings, and KeePass fields that are no secret', () => {
    unchanged(['"totp": null,', '"totp_enabled": true', 'totp_period: 30', '<String><Key>URL</Key><Value>https://x.example</Value></String>', '<String><Key>Title</Key><Value>企业邮箱</Value></String>']);
  });

  it("takes the password of ZooKeeper's `addauth digest`", () => {
    check([['[zk: localhost:2181(CONNECTED) 3] addauth digest dubbo_admin:Zk!Adm1n2026', '[zk: localhost:2181(CONNECTED) 3] addauth digest dubbo_admin:<SECRET-1>']]);
  });

  it('keeps addauth without a password and other schemes', () => {
    unchanged(['addauth digest', 'addauth ip 10.0.0.1', 'getAcl /dubbo']);
  });
});
