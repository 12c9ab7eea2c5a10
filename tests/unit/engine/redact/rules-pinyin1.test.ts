/**
 * Pinyin names as logins (session 16, pinyin1): a bare token that is a person's name in pinyin (pinyin-name.ts)
 * on a line that speaks of accounts, in tools and layouts the fixtures do not have, and the look-alikes that must
 * survive on the same lines. Names are invented; a fresh Redactor per case.
 */
import { describe, expect, it } from 'vitest';
import { check, unchanged } from './helpers.js';
import { Redactor } from '../../../../electron/engine/redact/index.js';

describe('a pinyin login on an account line', () => {
  it('takes glued names wherever they stand on a login line', () => {
    check([
      ['2026-11-02 08:01:13 [auth] 7c1d qianmingyu a/20031 LOGIN FROM 10.1.2.3', '2026-11-02 08:01:13 [auth] 7c1d <USER-1> a/20031 LOGIN FROM 10.1.2.3'],
      ['FATAL: pg 10.1.2.3 zhouzihan hrdb login denied', 'FATAL: pg 10.1.2.3 <USER-1> hrdb login denied'],
      ['weizimo,魏子墨,2026-10-21 08:47:12,用户锁定', '<USER-1>,魏子墨,2026-10-21 08:47:12,用户锁定'],
      ['| 1004 | jiangyutong | 用户已锁定 |', '| 1004 | <USER-1> | 用户已锁定 |'],
      ["VALUES (9,'shenmuchen','10.0.0.9','账号不存在')", "VALUES (9,'<USER-1>','10.0.0.9','账号不存在')"],
      ['Login failed hanxinyi pid 4410', 'Login failed <USER-1> pid 4410'],
      ['podman login registry.corp.local:5000 -u jiangyutong --password-stdin', 'podman login registry.corp.local:5000 -u <USER-1> --password-stdin'],
    ]);
  });

  it('takes logins with affixes and names in two parts', () => {
    check([
      ['[sso] wb_zhaoyuxuan logon ok', '[sso] <USER-1> logon ok'],
      ['Enter the username ext_zhengkaixin', 'Enter the username <USER-1>'],
      ['logon failure: fin_ap_sunhaoyu from 10.9.8.7', 'logon failure: <USER-1> from 10.9.8.7'],
      ['qianmingyu_admin 账号 失败 3 次', '<USER-1> 账号 失败 3 次'],
            ['last login: yuxuan.zhao (Remote)', 'last login: <USER-1> (Remote)'],
      ['LOGIN OK zhao.yuxuan tty1', 'LOGIN OK <USER-1> tty1'],
      ['ouyang.xue 帐号已锁定, 剩余 2 次', '<USER-1> 帐号已锁定, 剩余 2 次'],
      ['acct hr_lvmin logon ok 10.2.3.4', 'acct <USER-1> logon ok 10.2.3.4'],
      ['ssh -p 2222 sima.yunfei@10.2.3.4', 'ssh -p 2222 <USER-1>@10.2.3.4'],
    ]);
  });

  it('replaces the login again wherever it reappears in the archive', () => {
    const r = new Redactor();
    expect(r.redactText('2026-11-02 zhouzihan LOGIN from 10.1.2.3\n').text).toBe('2026-11-02 <USER-1> LOGIN from 10.1.2.3\n');
    expect(r.redactText('job 12 by zhouzihan done\n').text).toBe('job 12 by <USER-1> done\n');
  });

  it('keeps English, pinyin of software, places and brands on the same lines', () => {
    unchanged([
      'login page: change password, hangout, landing, shading',
      'ssh -i ~/.ssh/id_ed25519 deploy@10.0.0.5 # shanghai huawei',
      'user login via beijing shanghai hangzhou gateway',
      'login module denglu yonghu guanliyuan zhanghao mima ceshi',
      '登录 huawei xiaomi alibaba baidu tencent taobao',
      'owner: lintian libata libasan migemo',
      'login failed: long-running job, human error',
      'username field in longlong.h and zhaoxin.com',
      'owner sunxi-ng body-mixin this.mixin.compose',
      'login pod coredns-5d78c9869d-x7k2p kube-proxy-h4n8z on node',
      'login hash deadbeefcafebabe a1b2c3d4',
    ]);
  });

  it('keeps pinyin names on lines that say nothing of accounts', () => {
    // 登录 and 密码 are no cue (as wakes they slowed Chinese logs by a quarter), nor an account word without a login's
    // outcome or a key (`owner x`: the trigger would run the whole rule on every such line): such lines keep their pinyin.
    unchanged(['build 12 zhouzihan done', 'kernel: qianmingyu[4410]: segfault at 0', 'see wb_zhaoyuxuan for details', 'weizimo 登录成功', 'session owner hanxinyi pid 4410']);
  });

  it('keeps names in paths, keys and calls (other rules or nothing judge those)', () => {
    unchanged(['login script /opt/zhouzihan2/run.sh', 'login zhouzihan=1 set', 'login qianmingyu(x) called']);
  });
});
