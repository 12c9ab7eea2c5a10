/**
 * Logins the redactor missed across the corpus sets (task login19, session 18), each fixed by its family's grammar: log
 * prose (a failed sign-in before `for`, an account's role before `x logged in`, a Chinese account noun with the login in
 * brackets), account tools' positions (log-prose.ts, admin-cli.ts tables) and the job runner's 启动人/执行人. Other wordings,
 * languages, quotes and separators than the fixtures', and the look-alikes each fix must keep (by the corpus's convention
 * `root`, `admin`, `guest`, `anonymous` and service accounts stay). A fresh Redactor per case; the password beside a login
 * is another rule's: these tests look at the login only.
 */
import { describe, it } from 'vitest';
import { keepsWords as keeps, takesLogins as takes, unchanged } from './helpers.js';

describe('login19: a failed sign-in named before `for` (log-prose.ts)', () => {
  it('takes the login, quoted or not, with or without the account noun', () => {
    takes('2026-12-03 08:46:02 +08:00 [WRN] Failed login for "hr_intern03": invalid password (2 of 5)', 'hr_intern03');
    takes("WARN  invalid credentials for 'zhou.min'", 'zhou.min');
    takes('level=warn msg="bad password for user=liu_yang3"', 'liu_yang3');
    takes('E0412 unsuccessful sign-in for account wangfang_a from 10.0.0.8', 'wangfang_a');
    takes('[auth] Incorrect passcode attempt for [chenjie88]', 'chenjie88');
    takes('Wrong password for the user: sun.hao', 'sun.hao');
  });
  it('keeps counts, words, built-in and service accounts', () => {
    unchanged([
      'WARN Failed login for user root from 10.0.0.1',
      'WARN Failed login for "admin": invalid password',
      'WARN failed login for unknown user',
      'WARN failed login for 3 times',
      'WARN Failed login for the first time on this device',
      'WARN invalid credentials for service account',
      'WARN invalid password for guest',
      'ERROR bad password for database connection pool',
      'INFO incorrect password for the given key',
      'Failed authentication for user-service',
    ]);
  });
});

describe('login19: the account’s role before `x logged in` (log-prose.ts)', () => {
  it('takes the login after staff, admin, member, operator …', () => {
    takes('2026-12-04 14:02:33  Staff login  qin.mo logged in [61.171.24.90]', 'qin.mo');
    takes('Admin wang.lei logged in from 10.1.1.1', 'wang.lei');
    takes('account liuyang3 logged out', 'liuyang3');
    takes('member "zhao_li" has signed in', 'zhao_li');
    takes('Operator hu_jt successfully logged on to console', 'hu_jt');
  });
  it('keeps the page, the console, the account and the user themselves', () => {
    unchanged(['INFO Staff login page loaded', 'INFO Admin console logged in', 'INFO account has logged out', 'INFO Admin user logged in', 'INFO client library signed in', 'INFO operator session logged off', 'Current user: admin', 'member guest logged in']);
  });
});

describe('login19: a Chinese account noun with the login in brackets or quotes (log-prose.ts)', () => {
  it('takes the login before the outcome', () => {
    takes('[WARN ] [c.h.mall.user.LoginService:101] - 用户[zhouxm_88]密码错误，剩余重试次数2', 'zhouxm_88');
    takes('账号【liu.qiang】已被锁定', 'liu.qiang');
    takes('帐号"zhangwei_01" 已锁定 30 分钟', 'zhangwei_01');
    takes('操作员「hexiaolan」注销', 'hexiaolan');
    takes('用户名[wu_yf] (吴一凡) 验证码错误', 'wu_yf');
  });
  it('keeps log levels, module tags, numbers and built-in accounts', () => {
    unchanged(['用户[INFO]登录', '用户[Login]', '用户[admin]密码错误', '用户"anonymous"登录成功', '用户[12345]密码错误', '账号【test】已锁定', '用户[session] 过期']);
  });
});

describe('login19: account tools by their grammar (admin-cli.ts tables)', () => {
  it('takes the login at its position', () => {
    takes('$ RAILS_ENV=production bin/tootctl accounts create songyuxi --email s@example.org --confirmed --role Owner', 'songyuxi');
    takes('$ bin/tootctl accounts modify hxchen --reset-password', 'hxchen');
    takes('tootctl accounts delete lin_xiaohua', 'lin_xiaohua');
    takes('# conan remote login corp-conan liqingshan -p x', 'liqingshan');
    takes('conan remote login conancenter zhao.min', 'zhao.min');
    takes('$ upx login crm-static upyun_op_wu x', 'upyun_op_wu');
    takes('# ntfy user add --role=admin xujiawei_ntfy', 'xujiawei_ntfy');
    takes('# ntfy token add xujiawei_ntfy', 'xujiawei_ntfy');
    takes('ntfy user change-pass wanglili', 'wanglili');
    takes('ntfy access liming_ops alerts rw', 'liming_ops');
    takes('rasdial "Office VPN" zhang.wei x', 'zhang.wei');
  });
  it('takes the login after the tool’s flag', () => {
    takes('$ node node_modules/meshcentral --createaccount panhua --pass x --email a@b.c', 'panhua');
    takes('node meshcentral.js --resetaccount zhoujie_it --pass x', 'zhoujie_it');
    takes("$ awx login --conf.host https://awx.example.cn --conf.username jiangwentao --conf.password 'x'", 'jiangwentao');
    takes('awx users create --username chen_yu --password x', 'chen_yu');
    takes('PS C:\\> choco source add -n=corp -s "https://nexus/choco/" -u=choco_reader -p="x" --priority=1', 'choco_reader');
    takes('choco install app -s https://feed --user wang_build --password x', 'wang_build');
  });
  it('keeps built-in accounts, variables, packed files and other subcommands', () => {
    unchanged(['upx -9 login.exe', 'ntfy access everyone alerts read-only', 'rasdial VPN1 /disconnect']);
    keeps('node meshcentral --createaccount admin --pass x', '--createaccount admin');
    keeps('awx --conf.username admin jobs list', '--conf.username admin');
    keeps('choco install app -y -u=$env:FEED_USER', '$env:FEED_USER');
    keeps('rasdial "Office VPN" administrator x', 'administrator');
    keeps('tootctl accounts cull --concurrency 5', 'cull --concurrency 5');
  });
});

describe('login19: who started or ran a job (启动人, 执行人)', () => {
  it('takes the login after the role', () => {
    takes('[2026-12-05 20:01:03] 作业[服务器巡检] 启动人: lv_zhiqiang (吕志强) 目标 46 台', 'lv_zhiqiang');
    takes('任务 执行人：zhao_ops 状态 成功', 'zhao_ops');
    takes('执行人=li.na', 'li.na');
  });
  it('keeps built-in accounts and Chinese names for the name rules', () => {
    keeps('执行人: admin', 'admin');
    keeps('执行人: system', 'system');
    keeps('启动人: 定时任务', '定时任务');
  });
});

describe('login19: a line that lists logins (sshd AllowUsers/DenyUsers, TigerVNC PlainUsers)', () => {
  it('takes the logins of the list, patterns and groups skipped', () => {
    takes('plainusers=lab_guest01,wlc', 'lab_guest01', 'wlc');
    takes('-PlainUsers wangwei_x,zhaoqi', 'wangwei_x', 'zhaoqi');
    takes('AllowUsers liming wangfang_ops', 'liming', 'wangfang_ops');
    takes('  AllowUsers ops_wang@192.168.1.0/24,liu_qi', 'ops_wang', 'liu_qi');
    takes('AllowUsers *@10.0.0.* %wheel chen.jie', 'chen.jie');
    takes('DenyUsers root zhaolei', 'zhaolei');
    takes('AllowUsers liming deploy', 'liming');
  });
  it('keeps prose about the keyword, comments and built-in accounts', () => {
    unchanged([
      'AllowUsers and DenyUsers are processed in this order',
      'PlainUsers parameter lists the users',
      'DenyUsers none',
      '# AllowUsers liming',
      'AllowUsers root admin',
      'DenyUsers guest',
      'see AllowUsers liming in sshd_config(5)',
    ]);
  });
});

describe('login19: a user table’s line, login and PBKDF2 or crypt hash (sqlite3 `|`, a password file’s `:`)', () => {
  it('takes the login before the hash', () => {
    takes('tanghaoyu|$PBKDF2-SHA512$iterations=120000$A7C9E1F3B5D7092E$5B8D0F2A4C6E8A1C3E5B7D9F1A3C5E7B9D1F3A5C7E9B1D3F', 'tanghaoyu');
    takes('wangli:$pbkdf2-sha256$29000$N2bsvVeqFaJUijEmZCxlDA$Ztg8ns8i0sWDdqBSwYIuYZyeYZzqCWIkW5z6sKKdjQ4', 'wangli');
    takes('zhaoqm|$6$saltsalt$abcdefghijklmnop', 'zhaoqm');
    takes('liuwei|$y$j9T$abcdefghijkl$mnopqrstuvwx', 'liuwei');
  });
  it('keeps prices, variables and built-in accounts', () => {
    unchanged(['price|$5 per month', 'cat|$1.99', 'a|$PATH', 'total|$PBKDF2 is a key derivation function']);
    keeps('root|$6$saltsalt$abcdefghijklmnop', 'root|');
  });
});
