/**
 * What a Chinese desktop carries that the rules still missed (session 23, task cjk25; person-cn25.ts, cn-logins25.ts):
 * contract parties, a pharmacy's and a patient's people, office extensions, names in file names, forms of address after a
 * family word, dotted minority names, a person on an invoice or a payment, prose (an interview, a synced file's editor,
 * a conflict copy, `联系人是`), `…Nm` keys; traditional and spaced-out login keys, Baidu's `uname`, a shop's service
 * login, Han nicknames. Each family with variants the fixtures do not have, and look-alikes that must survive.
 */
import { describe, expect, it } from 'vitest';
import { file, keepsWords, redact, takesAs } from './helpers.js';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { PROFILES } from './corpus-quality.js';
import { isChineseName } from '../../../../electron/engine/redact/validators.js';
import { isDottedHanName } from '../../../../electron/engine/redact/person-cn25.js';

describe('cjk25: a role a contract, a pharmacy or a record gives a person', () => {
  it('takes contract parties and their people', () => {
    takesAs('NAME', '发包方（甲方）：邵振东    身份证号码：…', '邵振东');
    takesAs('NAME', '乙方(签字)：钱雨桐', '钱雨桐');
    takesAs('NAME', '甲方委托代表：廖晓岚（甲方之女）', '廖晓岚');
    takesAs('NAME', '乙方项目经理：谯明亮  电话：…', '谯明亮');
    takesAs('NAME', '出租方（甲方）: 欧阳子涵', '欧阳子涵');
    takesAs('NAME', '见证人：童立新 2026年11月28日', '童立新');
    takesAs('NAME', '保证人=许晓峰;借款人=蒋文静', '许晓峰', '蒋文静');
    takesAs('NAME', '经营者：柏晓峰', '柏晓峰');
  });
  it('takes a pharmacy\'s and a patient\'s people', () => {
    takesAs('NAME', '[2101] 药店购药 处方医师=冯建伟 药师审方=季红梅 明细 3 条', '季红梅');
    takesAs('NAME', '审方药师：唐雅琴 调配人：高志强 发药人：罗晓燕', '唐雅琴', '高志强', '罗晓燕');
    takesAs('NAME', '退费 患者=宁桂芬 家属=宁志远 地址=…', '宁志远');
    takesAs('NAME', '陪同人：孔令昊，关系：父子', '孔令昊');
  });
  it('takes an invoice\'s personal buyer by its 名称', () => {
    takesAs('NAME', '购方信息 名称=杭丽君 纳税人识别号=110105197906113824', '杭丽君');
    takesAs('NAME', '购买方  名称：柏晓峰    纳税人识别号：…', '柏晓峰');
    takesAs('NAME', '销售方信息: 名称：余海涛', '余海涛');
  });
  it('keeps a party that is a company, a signing placeholder and role words', () => {
    keepsWords('承包方（乙方）：成都某装饰工程有限公司', '成都某装饰工程有限公司');
    keepsWords('乙方（盖章）：华为技术有限公司', '华为技术有限公司');
    keepsWords('甲方（签字）：同上', '同上');
    keepsWords('购方信息 名称=杭州万象科技有限公司 纳税人识别号=91330100MA2', '杭州万象科技有限公司');
    keepsWords('审方=通过 调配人=系统', '通过', '系统');
    keepsWords('家属：本人', '本人');
    keepsWords('项目经理：待定', '待定');
  });
});

describe('cjk25: a name before an office phone\'s words', () => {
  it('takes the name', () => {
    takesAs('NAME', '备注：工资条仅限本人查看，如有疑问联系 HR 卜晓雯 分机 8021', '卜晓雯');
    takesAs('NAME', '; 财务 王凌云 分机 8217', '王凌云');
    takesAs('NAME', '前台 李娜  内线：6001', '李娜');
    takesAs('NAME', 'IT支持 周晓明 短号 661234', '周晓明');
  });
  it('keeps a desk\'s words and the verb 查看', () => {
    keepsWords('请拨打 总机 分机 8021', '总机');
    keepsWords('工资条仅限本人查看，如有疑问', '查看');
    keepsWords('会议室 内线 6001', '会议室');
  });
});

describe('cjk25: names in a document\'s file name', () => {
  it('takes one person or two', () => {
    takesAs('NAME', '上传失败 D:\\同步盘\\家庭\\李思远和陶静的结婚证.jpg errno=31045', '李思远', '陶静');
    takesAs('NAME', '/home/u/下载/刘洋的简历.pdf', '刘洋');
    takesAs('NAME', '附件: 张伟与王芳的合影-2025.JPG', '张伟', '王芳');
    takesAs('NAME', 'file="周晓明的身份证正面.png"', '周晓明');
  });
  it('keeps documents of a role or a team', () => {
    keepsWords('D:\\资料\\我们的合影.jpg', '我们');
    keepsWords('/share/员工的体检报告.pdf', '员工');
    keepsWords('C:\\模板\\客户的身份证.png', '客户');
  });
});

describe('cjk25: a surname and a form of address after a family word', () => {
  it('takes it', () => {
    takesAs('NAME', '既往高血压 家属麦太陪同', '麦太');
    takesAs('NAME', '家属：陈先生 电话 …', '陈先生');
    takesAs('NAME', '陪护 林阿姨, 已签字', '林阿姨');
  });
  it('keeps a title alone elsewhere and words of kinship', () => {
    keepsWords('家属老太陪同', '老太');
    keepsWords('请联系张经理确认', '张经理');
    keepsWords('家属：大姐', '大姐');
  });
});

describe('cjk25: a name with a middle dot', () => {
  it('reads dotted transcriptions as names and dotted words or places as none', () => {
    for (const name of ['艾力·买买提', '迪丽热巴·迪力木拉提', '阿卜杜拉·艾尼', '扎西•多吉', '列夫・托尔斯泰']) expect(isDottedHanName(name), name).toBe(true);
    for (const word of ['北京·上海', '设计·施工', '中国・杭州', '杭州·西湖区', '科技·创新中心']) expect(isDottedHanName(word), word).toBe(false);
  });
  it('takes it after a name key', () => {
    takesAs('NAME', '收件人：艾力·买买提 电话 13899820476', '艾力·买买提');
    takesAs('NAME', '姓名=迪丽热巴·迪力木拉提;', '迪丽热巴·迪力木拉提');
    takesAs('NAME', '乘机人: 阿卜杜拉·艾尼 证件 …', '阿卜杜拉·艾尼');
  });
  it('takes it in a CSV column headed as a name, not in other columns', async () => {
    const csv = '订单号,收件人姓名,收件人电话,物品名称\nDD1,艾力·买买提,13899820476,北京·上海\nDD2,扎西•多吉,15577012348,设计·施工\n';
    const out = await file('orders.csv', csv);
    expect(out).not.toContain('艾力·买买提');
    expect(out).not.toContain('扎西•多吉');
    expect(out).toContain('北京·上海');
    expect(out).toContain('设计·施工');
    const other = '商品,规格\n茶叶,西湖·龙井\n';
    expect(await file('goods.csv', other)).toBe(other);
  });
});

describe('cjk25: a person on an invoice or a payment, and prose', () => {
  it('takes the person', () => {
    takesAs('NAME', '开具发票：抬头 个人（宣志明），邮箱 …', '宣志明');
    takesAs('NAME', '收款单位=个人 温建军, 收款账号=…', '温建军');
    takesAs('NAME', '付款给供应商 孙建华 开户行 农业银行', '孙建华');
    takesAs('NAME', '退款给 顾晓燕，金额 36.00', '顾晓燕');
    takesAs('NAME', 'event "面试：詹文博（Java 高级）" 14:00', '詹文博');
    takesAs('NAME', '复试: 钱思远 3F-202', '钱思远');
    takesAs('NAME', '冲突: 报价单.xlsx 被 石慧敏 于 08:29 修改', '石慧敏');
    takesAs('NAME', '已保存为 报价单-V3 (应晓东的冲突副本).xlsx', '应晓东');
    takesAs('NAME', '客户那边的联系人是 杜若曦，手机 …', '杜若曦');
    takesAs('NAME', '本单收货人为 韩梅梅。', '韩梅梅');
  });
  it('keeps a company, a role or a system there', () => {
    keepsWords('抬头 个人（非企业）', '非企业');
    keepsWords('付款给供应商 华为技术有限公司', '华为技术有限公司');
    keepsWords('文件被 管理员 于 08:29 删除', '管理员');
    keepsWords('面试：技术部 3F', '技术部');
    keepsWords('联系人是 客服，电话见官网', '客服');
    keepsWords('转给 同事 处理', '同事');
    keepsWords('联系人 杜若曦，手机 13761820594，明早十点前回电', '明早');
  });
});

describe('cjk25: a person\'s name under an …Nm key', () => {
  it('takes it', () => {
    takesAs('NAME', 'request: accNo=…&customerNm=高雨婷&phoneNo=…', '高雨婷');
    takesAs('NAME', '{"payerNm":"周晓明","bankNm":"招商银行"}', '周晓明');
    takesAs('NAME', 'CUST_NM=欧阳娜娜 CUST_ID=…', '欧阳娜娜');
  });
  it('keeps a bank, a city or a product under other …Nm keys', () => {
    keepsWords('{"bankNm":"招商银行","cityNm":"杭州市","prodNm":"王者荣耀"}', '招商银行', '杭州市', '王者荣耀');
    keepsWords('custNm=管理员', '管理员');
  });
});

describe('cjk25: logins under Chinese keys', () => {
  it('takes traditional, DingTalk and spaced-out keys', () => {
    takesAs('USER', '帳號：chen_wei88', 'chen_wei88');
    takesAs('USER', '使用者名稱: chen.wei', 'chen.wei');
    takesAs('USER', '用戶名：chenwei88 密碼：***', 'chenwei88');
    takesAs('USER', '登入帳號=tw_lin2026', 'tw_lin2026');
    takesAs('USER', '钉钉号：ding_lw01', 'ding_lw01');
    takesAs('USER', '微 信 号：qmy_0420_sh', 'qmy_0420_sh');
    takesAs('USER', '账　号：zhangsan01', 'zhangsan01');
  });
  it('takes Baidu\'s uname, a shop\'s service login, a Han nickname', () => {
    takesAs('USER', 'login ok uk=1102938475 uname=lsy_hangzhou88 vip=2', 'lsy_hangzhou88');
    takesAs('USER', '{"uname":"tieba_xm2024","uk":2201938475}', 'tieba_xm2024');
    takesAs('USER', '补贴审核中 客服jd_kf_tangmin', 'jd_kf_tangmin');
    takesAs('USER', '售后: tb_kf_02 已接入', 'tb_kf_02');
    takesAs('USER', '登录成功 uid=290418772 nickname=夜雨听风_2026 vip_expire=2027-03-01', '夜雨听风_2026');
    takesAs('USER', '{"nickName":"林间小鹿Lin","level":"黄金会员"}', '林间小鹿Lin');
    takesAs('USER', '昵称：阿杰的小家', '阿杰的小家');
  });
  it('keeps numbers, words, kernels and placeholder nicknames', () => {
    keepsWords('账号：6225885096183850 开户行：招商银行', '开户行');
    keepsWords('uname=Linux release=5.15', 'Linux');
    keepsWords('uname: invalid option -- q', 'invalid');
    keepsWords('联系客服 微信 kefu', 'kefu');
    keepsWords('客服电话 400-800-1234', '客服电话');
    keepsWords('nickname=微信用户 avatar=default', '微信用户');
    keepsWords('"nickName":"匿名用户"', '匿名用户');
    keepsWords('帳號：已停用', '已停用');
  });
  it('leaves a Han nickname that reads as a personal name to person-name', () => {
    expect(redact('"nickName":"林婉清"')).toContain('<NAME-1>');
  });
});

describe('cjk25: traditional Chinese (Taiwan, Hong Kong)', () => {
  it('takes names whose surname is written in traditional characters', () => {
    takesAs('NAME', '姓名：陳怡君 電話：0912-345-678', '陳怡君');
    takesAs('NAME', '收件人姓名：張家豪', '張家豪');
    takesAs('NAME', '承辦人：黃淑芬', '黃淑芬');
    takesAs('NAME', '發包方（甲方）：劉德明', '劉德明');
    for (const n of ['鄭文雄', '謝佳穎', '蕭志偉', '歐陽娜娜', '諸葛明']) expect(isChineseName(n), n).toBe(true);
  });
  it('keeps traditional words, countries and Unicode\'s name that start with such a character', () => {
    for (const w of ['顧客', '嚴重', '萬一', '黃金', '陳列', '蘇丹', '馬利', '萬國碼', '韓國', '許可', '謝謝']) expect(isChineseName(w), w).toBe(false);
    keepsWords('豪撒語(蘇丹)', '蘇丹');
    keepsWords('英語 (馬利，美式國際版)', '馬利');
    keepsWords('坦米爾語 (萬國碼)', '萬國碼');
  });
});

describe('cjk25: surname words that are no names', () => {
  it('keeps 查 verbs, 明 time words and 蓝信', () => {
    for (const w of ['查看', '查阅', '查找', '明早', '明晚', '明年', '蓝信']) expect(isChineseName(w), w).toBe(false);
    for (const n of ['查良镛', '明晓峰', '蓝晓雯']) expect(isChineseName(n), n).toBe(true);
  });
});

describe('cjk25: the line engine and the reference engine agree on every case above', () => {
  const lines = [
    '发包方（甲方）：邵振东    身份证号码：230103198707048192', '乙方（盖章）：华为技术有限公司', '药师审方=季红梅 家属=宁志远',
    '购方信息 名称=杭丽君 纳税人识别号=110105197906113824', '购方信息 名称=杭州万象科技有限公司', '联系 HR 卜晓雯 分机 8021', '请拨打 总机 分机 8021',
    'D:\\同步盘\\家庭\\李思远和陶静的结婚证.jpg', 'C:\\模板\\客户的身份证.png', '既往高血压 家属麦太陪同', '家属老太陪同', '收件人：艾力·买买提 电话',
    '北京·上海 联程', '抬头 个人（宣志明）', '付款给供应商 孙建华 开户行', '被 石慧敏 于 08:29 修改', '(应晓东的冲突副本).xlsx', '联系人是 杜若曦，手机',
    'customerNm=高雨婷&phoneNo=1', '{"bankNm":"招商银行","cityNm":"杭州市"}', '帳號：chen_wei88', '微 信 号：qmy_0420_sh', 'uname=lsy_hangzhou88 uk=1102938475',
    'uname=Linux release=5.15', '客服jd_kf_tangmin', '客服电话 400-800-1234', 'nickname=夜雨听风_2026', 'nickname=微信用户', 'shipped to Łódź Fabryczna, tel dispatch',
  ];
  it('redacts each line the same way', () => {
    const fast = new Redactor(PROFILES.default);
    const reference = new Redactor(PROFILES.default, { prefilter: false });
    for (const line of lines) expect(fast.redactText(line).text, line).toBe(reference.redactText(line).text);
  });
});
