/**
 * pinyin-name.ts (session 16, pinyin1): the syllable parser, the name shapes and the look-alikes it must refuse.
 * Names here are invented and none is a fixture's value.
 */
import { describe, expect, it } from 'vitest';
import {
  isPinyinCamelName,
  isPinyinFullName,
  isPinyinLogin,
  isPinyinSplitName,
  parsePinyinName,
  pinyinGivenSyllables,
  pinyinSyllables,
} from '../../../../electron/engine/redact/pinyin-name.js';
import { PINYIN_ENGLISH, PINYIN_ENGLISH_GIVEN } from '../../../../electron/engine/redact/pinyin-english.js';

describe('syllables', () => {
  it('splits runs of letters into legal syllables, backtracking where the longest one leads nowhere', () => {
    expect(pinyinSyllables('zhanghao')).toEqual(['zhang', 'hao']);
    expect(pinyinSyllables('xiangmeng')).toEqual(['xiang', 'meng']);
    // `chang` + `e` is no parse of given syllables (no initial), `chan·ge` is: the parser goes back.
    expect(pinyinGivenSyllables('change')).toEqual(['chan', 'ge']);
    expect(pinyinSyllables('guanliyuan')).toEqual(['guan', 'li', 'yuan']);
    expect(pinyinSyllables('xyz')).toBeUndefined();
    expect(pinyinSyllables('strength')).toBeUndefined();
    expect(pinyinSyllables('Zhang')).toBeUndefined();
  });

  it('reads a surname (one or two syllables) and one or two given syllables with an initial', () => {
    expect(parsePinyinName('huangshiqi')).toEqual({ surname: 'huang', given: ['shi', 'qi'] });
    expect(parsePinyinName('ouyangxue')).toEqual({ surname: 'ouyang', given: ['xue'] });
    expect(parsePinyinName('shangguanwan')).toEqual({ surname: 'shangguan', given: ['wan'] });
    expect(parsePinyinName('zhugeliang')).toEqual({ surname: 'zhuge', given: ['liang'] });
    // Given syllables without an initial are left out (`xian` or `xi'an`?): `liuer` is no name.
    expect(parsePinyinName('liuer')).toBeUndefined();
    // Three given syllables are no name.
    expect(parsePinyinName('wangxiaomingyu')).toBeUndefined();
    // Particles are no given syllable.
    expect(parsePinyinName('wangde')).toBeUndefined();
  });
});

// Glued full names and logins in many shapes (none of them a fixture value).
const NAMES = [
  'zhaoyuxuan', 'qianmingyu', 'sunhaoyu', 'zhouzihan', 'wuyichen', 'zhengkaixin', 'fengjiayi', 'chuhaoran', 'weizimo',
  'jiangyutong', 'shenmuchen', 'hanxinyi', 'yangruoxi', 'zhuyixuan', 'qinzhiyuan', 'youjunjie', 'xuwanting', 'helinxi',
  'lvchenhao', 'shiyiming', 'zhangjunkai', 'kongyiran', 'caoyuhang', 'yanshuqi', 'huajinglei', 'jinhaoyang',
  'taoxinran', 'qixiaoyu', 'xiezhiqiang', 'zoujiahui', 'yuzihao', 'baiyutong', 'shuqing', 'douxinyue', 'zhangfang',
  'ouyangjie', 'sima' + 'yunfei', 'shangguanqing', 'duanmuxiao', 'zhugeming', 'liuyifei', 'dengchao', 'pengyuyan',
  'tangwei', 'gaoyuanyuan', 'guofucheng', 'liangchaowei', 'wujing', 'maoyixuan', 'zhaoliying',
];
const LOGINS = [
  'wb_zhaoyuxuan', 'qianmingyu_admin', 'fin_ap_sunhaoyu', 'zhouzihan01', 'wuyichen.ops', 'ext_zhengkaixin',
  'fengjiayi-dev', 'zhao.yuxuan', 'qian.mingyu', 'sun_haoyu', 'zhou-zihan', 'mingyu.qian', 'yuxuan.zhao', 'hr_lvmin',
  'srm_ops_wangjie2', 'ouyang.xue', 'duanmu_xiao', 'sima.yunfei', 'lv.chenhao', 'test_zhangjunkai',
];
// English, pinyin of software, places, brands, identifiers, hex and base64 fragments, pod names.
const LOOKALIKES = [
  'change', 'changes', 'changed', 'hangout', 'longing', 'shading', 'shaping', 'mining', 'dining', 'lining', 'tuning',
  'panda', 'human', 'manage', 'range', 'genie', 'china', 'sushi', 'shaman', 'julian', 'kannada', 'gemini', 'miranda',
  'machining', 'mailing', 'landing', 'handing', 'mixing', 'suntan', 'limiting', 'linkage', 'long-running', 'page.lang',
  'running', 'banging', 'bangkok', 'hanging', 'singing', 'longbow', 'sunset', 'gangway', 'pinging', 'dingdong',
  'denglu', 'yonghu', 'guanliyuan', 'shouji', 'zhanghao', 'mima', 'ceshi', 'shuju', 'fuwu', 'xitong', 'dingdan',
  'beifen', 'rizhi', 'peizhi', 'shujuku', 'kaoqin', 'xiaoshou', 'caiwu', 'renshi', 'yunwei', 'kaifa', 'jiankong',
  'beijing', 'shanghai', 'hangzhou', 'shenzhen', 'guangzhou', 'chengdu', 'wuhan', 'nanjing', 'suzhou', 'tianjin',
  'chongqing', 'xiamen', 'qingdao', 'jiangsu', 'zhejiang', 'guangdong', 'pudong', 'haidian', 'binjiang',
  'huawei', 'xiaomi', 'alibaba', 'baidu', 'tencent', 'tengxun', 'jingdong', 'meituan', 'taobao', 'weixin', 'dingding',
  'feishu', 'lenovo', 'haier', 'hikvision', 'zhongxing',
  'lintian', 'libata', 'libasan', 'libicu', 'modula', 'moduli', 'migemo', 'bigendian', 'shadata', 'turucu', 'hankaku',
  'longlong.h', 'ximian.com', 'zhaoxin.com', 'randi.c', 'yinyang.py', 'sunxi-ng', 'body-mixin', 'this.mixin.compose',
  'getUserName', 'zhangwei.log', 'deadbeef', 'cafebabe', 'a1b2c3d4', 'dGhpcyBpcyBh', 'mfrggzdf', 'ingress-nginx-7d9f',
  'coredns-5d78c9869d-x7k2p', 'kube-proxy-h4n8z', 'nginx-deployment-66b6c48dd5', 'zhang', 'wang', 'liu', 'lina',
];

describe('names and logins', () => {
  it.each(NAMES)('takes the glued name %s', (name) => {
    expect(isPinyinFullName(name)).toBe(true);
    expect(isPinyinLogin(name)).toBe(true);
  });

  it.each(LOGINS)('takes the login %s', (login) => {
    expect(isPinyinLogin(login)).toBe(true);
  });

  it.each(LOOKALIKES)('refuses the look-alike %s', (word) => {
    expect(isPinyinLogin(word)).toBe(false);
  });

  it('has the counts the brief asks for', () => {
    expect(NAMES.length + LOGINS.length).toBeGreaterThanOrEqual(60);
    expect(LOOKALIKES.length).toBeGreaterThanOrEqual(100);
  });

  it('reads names in two parts both ways, the given name first only as mail writes it', () => {
    expect(isPinyinSplitName('huang', 'shiqi')).toBe(true);
    expect(isPinyinSplitName('yuxuan', 'zhao')).toBe(true);
    expect(isPinyinSplitName('yuxuan', 'zhao', '-')).toBe(false);
    expect(isPinyinSplitName('long', 'running')).toBe(false);
    expect(isPinyinSplitName('ping', 'sha')).toBe(false);
  });

  it('reads CamelCase names (`NieYuHan`, `OuYangXue`) and refuses other CamelCase', () => {
    expect(isPinyinCamelName('NieYuHan')).toBe(true);
    expect(isPinyinCamelName('ZhangWei')).toBe(true);
    expect(isPinyinCamelName('OuYangXue')).toBe(true);
    expect(isPinyinCamelName('JITing')).toBe(false);
    expect(isPinyinCamelName('TongFang')).toBe(false);
    expect(isPinyinCamelName('BiDi')).toBe(false);
    expect(isPinyinCamelName('GetValue')).toBe(false);
  });

  it('keeps the generated English tables: every entry parses and is lowercase', () => {
    expect(PINYIN_ENGLISH.size).toBeGreaterThan(100);
    for (const w of PINYIN_ENGLISH) expect(parsePinyinName(w), w).toBeDefined();
    for (const w of PINYIN_ENGLISH_GIVEN) expect(pinyinGivenSyllables(w), w).toBeDefined();
  });
});
