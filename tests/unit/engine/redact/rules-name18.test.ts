/**
 * Person names (and the personal numbers beside them) held-out-18 missed (session 17, task name18), fixed by family:
 * the role a table column or a word gives a person, a login or an address with its person in brackets, a signature
 * after a dash, a person's device or Wi-Fi, rarer surnames. Each family with tools, papers and separators the set does
 * not have, and the look-alikes it must keep.
 */
import { describe, expect, it } from 'vitest';
import { csvColumnKey, CSV_ROLE_COLUMN } from '../../../../electron/engine/redact/formats.js';
import { isChineseName } from '../../../../electron/engine/redact/validators.js';
import { check, file, unchanged } from './helpers.js';

describe('rarer surnames', () => {
  it('reads names of rarer 百家姓 surnames as names', () => {
    for (const name of ['隆欣怡', '薄文杰', '阙婧', '汲晓燕', '庹建国', '郏晓峰', '茹雅琴', '笪子轩', '眭海涛', '谯一鸣']) expect(isChineseName(name)).toBe(true);
  });
  it('keeps the common words those characters lead', () => {
    for (const word of ['隆重', '薄弱', '薄膜', '汲取', '浦东', '浦发', '燕郊', '衡量', '束缚', '厉害', '蔚来', '余额', '扶贫', '寿命']) expect(isChineseName(word)).toBe(false);
  });
});

describe('a table column named for the role a person plays', () => {
  it('reads role nouns, qualified 姓名 and numbered survey questions as person columns', () => {
    for (const c of ['出行人', '车主姓名', '收费员', '直属上级', '主治医师', '乘客姓名', '调度员', '当事人', 'traveler', 'Line Manager', 'reports_to', 'Cashier Name']) {
      expect(CSV_ROLE_COLUMN.test(csvColumnKey(c))).toBe(true);
    }
    expect(csvColumnKey('1、姓名')).toBe('姓名');
    expect(csvColumnKey('"Q3. Name"')).toBe('Name');
    expect(csvColumnKey('(2) 联系人')).toBe('联系人');
  });
  it('does not read a company, a machine, a count or the row itself as a person', () => {
    for (const c of ['法人', '法定代表人', '机器人', '本人', '个人', '人数', '员数', '车牌号', '金额', 'operator', 'agent']) {
      expect(CSV_ROLE_COLUMN.test(csvColumnKey(c))).toBe(false);
    }
  });

  it('takes Han and Latin names under such columns, and a second table after a comment line', async () => {
    const text = [
      '乘车日期,乘客姓名,证件号码,司机,调度员,金额',
      '2026-11-02,苗雨欣,-,Tomasz Nowak,鞠晓东,38.50',
      '2026-11-03,Priya Raman,-,骆文浩,鞠晓东,41.00',
      '# 退款记录',
      '流水号,时间,经办员,持卡人,银行卡,金额,备注',
      'TK001,2026-11-04 09:00,Hannah Schulz,汲晓燕,6212260200012345678,79.50,-',
      '',
    ].join('\n');
    const out = await file('网约车-行程导出.csv', text);
    for (const v of ['苗雨欣', 'Tomasz Nowak', '鞠晓东', 'Priya Raman', '骆文浩', 'Hannah Schulz', '汲晓燕', '6212260200012345678']) expect(out).not.toContain(v);
    // Headers, dates, amounts and the comment line stay.
    expect(out).toContain('乘车日期,乘客姓名,证件号码,司机,调度员,金额\n');
    expect(out).toContain('# 退款记录\n流水号,时间,经办员,持卡人,银行卡,金额,备注\n');
    expect(out).toContain(',38.50');
    expect(out).toContain(',79.50');
  });

  it('keeps departments, products, statuses and amounts under role columns', async () => {
    const text = ['工单号,报修人,维修员,状态,余额', 'WO-1,财务部,高级维修,已完成,120.00', 'WO-2,Front Desk,Main Office,待处理,0', ''].join('\n');
    expect(await file('工单.csv', text)).toBe(text);
  });

  it('takes the question a survey numbers (问卷星 `1、姓名`, `Q2. Name`)', async () => {
    const text = ['序号,提交时间,1、姓名,2、手机,Q3. Full Name', '1,2026/11/18 14:02,解明轩,13867421509,Oliver Grant', ''].join('\n');
    const out = await file('答卷.csv', text);
    expect(out).not.toContain('解明轩');
    expect(out).not.toContain('Oliver Grant');
    expect(out).toContain('序号,提交时间,1、姓名,2、手机,Q3. Full Name\n');
  });

  it('takes a passport of mixed letters and digits on a row that says 护照, and a UnionPay card before an amount', async () => {
    const text = ['工号,姓名,证件类型,证件号码,银行卡,金额', 'E1,Lukas Becker,护照,C4RJ7K2M9,6212267174080610,200.00', 'E2,桂晨阳,身份证,420106198911024758,-,100.00', ''].join('\n');
    const out = await file('roster.csv', text);
    expect(out).not.toContain('C4RJ7K2M9');
    expect(out).not.toContain('6212267174080610');
    expect(out).toContain(',200.00');
  });
});

describe('a passport number right after the word', () => {
  it('takes `护照 X1234567`, `Passport: K0918273`', () => {
    check([
      ['2026/11/21,阿May,护照 TZ8836412,财务部', '2026/11/21,阿May,护照 <PASSPORT-1>,财务部'],
      ['Passport: K0918273 (expires 2031)', 'Passport: <PASSPORT-1> (expires 2031)'],
      ['证件：护照：EJ1234567', '证件：护照：<PASSPORT-1>'],
    ]);
  });
  it('keeps years, counts and words after it', () => {
    unchanged(['passport 2026 renewal', '护照 有效期 2030', 'Passport: Valid', 'passport photo 35x45']);
  });
});

describe('a role noun before the name', () => {
  it('takes any …人 / …员 role and a prescription\'s hands', () => {
    check([
      ['// 打包人 晏子墨  云打包任务 8d27f1c3', '// 打包人 <NAME-1>  云打包任务 8d27f1c3'],
      ['装机单：宽带账号 0571k83310942，装机人 王佳鑫，上门时间 周三', '装机单：宽带账号 0571k83310942，装机人 <NAME-1>，上门时间 周三'],
      ['首行: 当事人 黄启明 电话 见附页', '首行: 当事人 <NAME-1> 电话 见附页'],
      ['# 部署人: 岑嘉豪 (运维二组)', '# 部署人: <NAME-1> (运维二组)'],
      ['验收员：邝志明  2026-11-02', '验收员：<NAME-1>  2026-11-02'],
      ['调度员 蓝海峰/夜班', '调度员 <NAME-1>/夜班'],
      ['医师：庹建国   调配：蒯文斌   核对：骆秋菊', '医师：<NAME-1>   调配：<NAME-2>   核对：<NAME-3>'],
    ]);
  });
  it('takes the parties of a contract with a bracket after the name', () => {
    check([
      ['买受人：薄文杰、祝佳（共同共有）', '买受人：<NAME-1>、<NAME-2>（共同共有）'],
      ['经纪人：宣浩然（证书号 ZJ2019034412）', '经纪人：<NAME-1>（证书号 ZJ2019034412）'],
    ]);
  });
  it('keeps departments, titles, products and the words for no one in particular', () => {
    unchanged(['负责人 产品部', '个人 电脑', '本人 同意', '机器人 王者荣耀', '收费员 高级', '操作员 文件', '当事人 王老师 电话', '调配：中心药房', '经纪人：链家（金华）', '管理员 周报']);
  });
});

describe('who a thing is given to', () => {
  it('takes 授权给 / 分配给 / 指派给 a name', () => {
    check([
      ['<!-- 版本 24.3.2  授权给 吴振宇 -->', '<!-- 版本 24.3.2  授权给 <NAME-1> -->'],
      ['工单 #8812 指派给 骆晓峰 处理', '工单 #8812 指派给 <NAME-1> 处理'],
    ]);
  });
  it('keeps departments and things', () => {
    unchanged(['授权给 研发部', '分配给 高级用户组', '发给 钱包 的']);
  });
});

describe('a signature after a dash', () => {
  it('takes the name before what they did, a date, a department or the line end', () => {
    check([
      ['# 批量下发交换机配置 — 卞志勇 写于 2025-09', '# 批量下发交换机配置 — <NAME-1> 写于 2025-09'],
      ['此致 敬礼 —— 何晓君 产品部', '此致 敬礼 —— <NAME-1> 产品部'],
      ['— 柴文博 2026-11-30', '— <NAME-1> 2026-11-30'],
      ['    —— 祁雨桐', '    —— <NAME-1>'],
    ]);
  });
  it('keeps reports, departments and phrases after a dash', () => {
    unchanged(['— 周报 2026-11', '—— 产品部', '-- 王者 归来', 'a -- b', '—— 高级设置 说明']);
  });
});

describe('a login or an address with its person in brackets', () => {
  it('takes the name after a login, a quoted login, a numbered account or a mail', () => {
    check([
      ['admin user besadm_czl (常梓琳) login from 10.31.8.22', 'admin user besadm_czl (<NAME-1>) login from 10.31.8.22'],
      // With login18's numbered sign-in (`用户 <number> … 认证成功`), the number is the login.
      ['2026-11-27 08:40:11 用户 20231184 (姜雨婷) 认证成功', '2026-11-27 08:40:11 用户 <USER-1> (<NAME-1>) 认证成功'],
      ['# 首个员工邮箱: liang.haonan@rongda-tech.cn (梁浩南)', '# 首个员工邮箱: <EMAIL-1> (<NAME-1>)'],
      ['Session opened for gaoyuxin (高雨欣) on tty2', 'Session opened for gaoyuxin (<NAME-1>) on tty2'],
    ]);
  });
  it('keeps versions, places and modes in brackets', () => {
    unchanged(['server01 (北京)', 'v1.2 (正式版)', 'mode(周报)', '用户 20231184 (高级)', 'build 2026 (王者)']);
  });
});

describe('a person\'s device or Wi-Fi', () => {
  it('takes a possessive or pinyin in device names and a pinyin SSID', () => {
    check([
      ['{ "hostname" : "Jiangs-iPhone" }', '{ "hostname" : "<NAME-1>s-iPhone" }'],
      ['{ "hostname" : "MacBook-Pro-Zhou-Lan" }', '{ "hostname" : "MacBook-Pro-<NAME-1>" }'],
      ['hostname: Zhou-Lan-iPad 蒋家', 'hostname: <NAME-1>-iPad 蒋家'],
      ['<DM name="ESSID" val="Wangjiaxin-5G"/>', '<DM name="ESSID" val="<NAME-1>-5G"/>'],
      ["option ssid 'Liuxiaoming_5G'", "option ssid '<NAME-1>_5G'"],
    ]);
  });
  it('keeps words, places and shared devices', () => {
    unchanged(['<DM name="ESSID" val="Office-5G"/>', 'ssid=Starbucks_WiFi', "option ssid 'Hangzhou_5G'", 'hostname: MacBook-Pro-Main-Room', 'host Guests-iPad', 'host Offices-iPhone']);
  });
});

describe('Latin names under upper-case keys and a person\'s folder', () => {
  it('takes `USER_NAME="Cao Wenbo"` and `x 的报销附件`', () => {
    check([
      ['      USER_NAME="Cao Wenbo"', '      USER_NAME="<NAME-1>"'],
      ['Shared folder: 财务共享\\齐家栋 的报销附件', 'Shared folder: 财务共享\\<NAME-1> 的报销附件'],
    ]);
  });
  it('keeps accounts and departments', () => {
    unchanged(['export USER_NAME="Build Agent"', 'Shared folder: 财务共享\\财务部 的报销附件']);
  });
});


describe('a Windows identity\'s FriendlyName', () => {
  it('takes a pinyin name in either order', () => {
    check([
      ['"FriendlyName"="Yiran Shao"', '"FriendlyName"="<NAME-1>"'],
      ['  friendly_name: Zhang Wei', '  friendly_name: <NAME-1>'],
    ]);
  });
  it('keeps devices and profiles', () => {
    unchanged(['"FriendlyName"="Realtek Audio"', '"FriendlyName"="Generic Monitor"', '"FriendlyName"="Default Profile"', '"FriendlyName"="Intel Wireless"']);
  });
});

describe('names that are a service\'s or a product\'s', () => {
  it('keeps a service account\'s full name and an AI product in a name key', () => {
    unchanged(['  "full_name": "Render Farm",', '  "full_name": "Backup Agent",', '{"id":9,"name":"文心-千帆","models":"ERNIE-4.0-8K"}']);
  });
  it('still takes a person\'s full name there', () => {
    check([['  "full_name": "Maria Lopez",', '  "full_name": "<NAME-1>",']]);
  });
});

describe('personal numbers in other places', () => {
  it('takes a village house number and a 身份证 inside a CFCA subject', () => {
    check([
      ['7、常住地址：绍兴市柯桥区华舍街道蜀阜村 88 号', '7、常住地址：<ADDRESS-1>'],
      ['住址：余杭区仓前街道高桥村 12 号', '住址：<ADDRESS-1>'],
      ['使用者: CN=051@欧阳振宇@Z340104199712058914@1, O=CFCA OCA31', '使用者: CN=051@欧阳振宇@Z<CNID-1>@1, O=CFCA OCA31'],
    ]);
  });
  it('keeps numbered things after 村 and ids after other letters', () => {
    unchanged(['第 3 村 5 号机', '新农村 2 号方案', 'id@X340104199712058915@1']);
  });
});
