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
      ['weizimo,魏子墨,2026-10-21 08:47:12,登录成功', '<USER-1>,魏子墨,2026-10-21 08:47:12,登录成功'],
      ['| 1004 | jiangyutong | 用户已锁定 |', '| 1004 | <USER-1> | 用户已锁定 |'],
      ["VALUES (9,'shenmuchen','10.0.0.9','账号不存在')", "VALUES (9,'<USER-1>','10.0.0.9','账号不存在')"],
      ['session owner hanxinyi pid 4410', 'session owner <USER-1> pid 4410'],
    ]);
  });

  it('takes logins with affixes and names in two parts', () => {
    check([
      ['[sso] wb_zhaoyuxuan logon ok', '[sso] <USER-1> logon ok'],
      ['login attempt: fin_ap_sunhaoyu from 10.9.8.7', 'login attempt: <USER-1> from 10.9.8.7'],
      ['qianmingyu_admin 登录 失败 3 次', '<USER-1> 登录 失败 3 次'],
      ['2026-12-01 10:00 ext_zhengkaixin userid 8812', '2026-12-01 10:00 <USER-1> userid 8812'],
      ['last login: yuxuan.zhao (Remote)', 'last login: <USER-1> (Remote)'],
      ['LOGIN OK zhao.yuxuan tty1', 'LOGIN OK <USER-1> tty1'],
      ['ouyang.xue 密码错误, 剩余 2 次', '<USER-1> 密码错误, 剩余 2 次'],
      ['acct hr_lvmin 登陆 10.2.3.4', 'acct <USER-1> 登陆 10.2.3.4'],
    ]);
  });

  it('replaces the login again wherever it reappears in the archive', () => {
    const r = new Redactor();
    expect(r.redactText('2026-11-02 LOGIN zhouzihan from 10.1.2.3\n').text).toBe('2026-11-02 LOGIN <USER-1> from 10.1.2.3\n');
    expect(r.redactText('job 12 by zhouzihan done\n').text).toBe('job 12 by <USER-1> done\n');
  });

  it('keeps English, pinyin of software, places and brands on the same lines', () => {
    unchanged([
      'login page: change password, hangout, landing, shading',
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
    unchanged(['build 12 zhouzihan done', 'kernel: qianmingyu[4410]: segfault at 0', 'see wb_zhaoyuxuan for details']);
  });

  it('keeps names in paths, keys and calls (other rules or nothing judge those)', () => {
    unchanged(['login script /opt/zhouzihan2/run.sh', 'login zhouzihan=1 set', 'login qianmingyu(x) called']);
  });
});
