/**
 * Person names and identity documents held-out-12 missed (session 11, task ho12names), by family,
 * with values and formats that are not the set's own, and the look-alikes each fix must keep.
 * A fresh Redactor per case, so placeholders start at 1.
 */
import { describe, expect, it } from 'vitest';
import { check, file, unchanged } from './helpers.js';

describe('surnames: less common single and compound ones, not the words they start', () => {
  it('knows 幸, 乐, 井, 封, 阎, 贝 and compound surnames such as 单于, 呼延, 司空', () => {
    check([
      ['联系人：幸晓峰', '联系人：<NAME-1>'],
      ['负责人 乐嘉怡', '负责人 <NAME-1>'],
      ['经办人: 阎志刚', '经办人: <NAME-1>'],
      ['申请人：呼延海', '申请人：<NAME-1>'],
      ['审批人=司空明远', '审批人=<NAME-1>'],
    ]);
    unchanged(['联系人：幸福里小区', '负责人：乐观估计', '使用人：封装测试', '联系人关系：配偶', '付款人(微信实名)=覃*怡']);
  });
});

describe('tables whose header names a person column', () => {
  it('reads a guardian, an attendee, a patient column as a whole header, not a header that starts so', async () => {
    const csv = '学号,姓名,监护人,监护人关系,监护人手机\n2024001,邵可欣,邵建军,父亲,13957120846\n2024002,Lina Park,费丽萍,母亲,13867432915\n';
    expect(await file('学生名单.csv', csv)).toBe('学号,姓名,监护人,监护人关系,监护人手机\n2024001,<NAME-1>,<NAME-2>,父亲,<PHONE-1>\n2024002,<NAME-3>,<NAME-4>,母亲,<PHONE-2>\n');
    // An attendee column in a .txt export: a Latin full name with an accent is a name too (session 16, name17).
    const tsv = 'Attendee Name,Join Time,Role\n"Tomás Ruiz",09:00,Host\n';
    expect(await file('x.txt', tsv)).toBe('Attendee Name,Join Time,Role\n"<NAME-1>",09:00,Host\n');
  });

  it('finds the header of a table under a summary of key,value lines and a blank line (Tencent Meeting, Zoom reports)', async () => {
    const csv = '会议主题,项目复盘\n会议号,915 206 447\n\n用户名称（原名称）,入会时间,退会时间,身份\n庞海燕（产品-庞海燕）,2026-04-01 10:00:03,2026-04-01 11:02:10,主持人\nOlga Petrova,2026-04-01 10:01:00,2026-04-01 10:40:00,普通成员\n';
    expect(await file('参会明细.csv', csv)).toBe(
      '会议主题,项目复盘\n会议号,915 206 447\n\n用户名称（原名称）,入会时间,退会时间,身份\n<NAME-1>（产品-<NAME-1>）,2026-04-01 10:00:03,2026-04-01 11:02:10,主持人\n<NAME-2>,2026-04-01 10:01:00,2026-04-01 10:40:00,普通成员\n',
    );
    const zoom = 'Meeting ID,Topic\n88412,Weekly sync\n\nParticipant Name,Join Time,Duration (Minutes)\nAisha Bello,10:00,42\nRoom Audio,10:02,40\n';
    expect(await file('participants_88412.csv', zoom)).toBe('Meeting ID,Topic\n88412,Weekly sync\n\nParticipant Name,Join Time,Duration (Minutes)\n<NAME-1>,10:00,42\nRoom Audio,10:02,40\n');
    // A summary whose next table names no person column: nothing read.
    const plain = '报表,月度\n日期,2026-03\n\n项目,金额,备注\n关系维护,1200,无\n';
    expect(await file('报表.csv', plain)).toBe(plain);
  });
});

describe('a query result printed as CSV at a database shell prompt', () => {
  it('reads the table under `sqlite> SELECT …` by its own header, in any chunking', async () => {
    const dump = 'sqlite> .mode csv\nsqlite> SELECT id, city FROM sites;\nid,city,code\n1,Hangzhou,HZ\nsqlite> SELECT id, full_name, city FROM customers;\nid,full_name,city\n1,Mengqi Xie,Hangzhou\n2,Room Service,Hangzhou\n';
    const want = dump.replace('1,Mengqi Xie,', '1,<NAME-1>,');
    for (const size of [4096, 7, 1]) expect(await file('dump.txt', dump, size)).toBe(want);
    // A query whose result is no comma table, or a word `select` in markup: nothing read.
    const plain = 'mysql> select 1;\n1\n<label>select a file</label>\nfull_name,city\n';
    expect(await file('session.txt', plain)).toBe(plain);
  });
});

describe('labelled fields of records and forms', () => {
  it('reads a name after a record role (医生, 护士, 会员, 寄件/收件) and a reimbursement role with =', () => {
    check([
      ['科室：骨科    主治医师：卞文涛（工号 2231）', '科室：骨科    主治医师：<NAME-1>（工号 2231）'],
      ['护士: 沈佳琪', '护士: <NAME-1>'],
      ['寄件：苗晓东 138****2210', '寄件：<NAME-1> 138****2210'],
      ['收件方: 岑美华', '收件方: <NAME-1>'],
      ['INFO 订单 88120 已发货, 会员 欧阳靖 手机 13957120846', 'INFO 订单 88120 已发货, 会员 <NAME-1> 手机 <PHONE-1>'],
      ['报销单保存 billno=X1 报销人=柏文轩 金额=12.00', '报销单保存 billno=X1 报销人=<NAME-1> 金额=12.00'],
      ['出差人：庞志远', '出差人：<NAME-1>'],
    ]);
    unchanged(['会员 积分 已到账', '会员 时长 30 天', '患者 信息 已同步', '寄件：已揽收', '收件: 2026-03-19', '医生：主任医师']);
  });

  it('reads the people a directory sync counted and the subject of an HR approval', () => {
    check([
      ['LdapSync - 同步完成 新增=2 停用=1 (卓思远)', 'LdapSync - 同步完成 新增=2 停用=1 (<NAME-1>)'],
      ['HR sync 离职：2（蔡文博、王芳）', 'HR sync 离职：2（<NAME-1>、王芳）'],
      ['subject=关于欧阳晨入职的审批 发起人=admin', 'subject=关于<NAME-1>入职的审批 发起人=admin'],
      ['标题：关于王建国同志任职的通知', '标题：关于<NAME-1>同志任职的通知'],
    ]);
    unchanged(['同步完成 新增=3 停用=1 (系统账号)', 'subject=关于系统升级的通知', '关于年终奖励的说明', '关于安全调岗的流程']);
  });

  it('reads the value of a form control whose title names a person (WeCom, DingTalk form JSON)', () => {
    check([
      ['{ "title": [ { "text": "报销人", "lang": "zh_CN" } ], "value": { "text": "苗丽娟" } }', '{ "title": [ { "text": "报销人", "lang": "zh_CN" } ], "value": { "text": "<NAME-1>" } }'],
      ['{"label":"联系人","value":"鲍志强"}', '{"label":"联系人","value":"<NAME-1>"}'],
    ]);
    unchanged(['{ "title": [ { "text": "申请人部门" } ], "value": { "text": "财务部" } }', '{"label":"联系人","value":"管理员"}']);
  });

  it('reads a folder and a romanization named after a person', () => {
    check([
      ['localPath=E:/Shared/钱晓燕-个人/', 'localPath=E:/Shared/<NAME-1>-个人/'],
      ['\\\\fs01\\dept\\孟凡琪-备份\\2026', '\\\\fs01\\dept\\<NAME-1>-备份\\2026'],
      ['乘机人：蓝海涛 / LAN HAITAO', '乘机人：<NAME-1> / <NAME-2>'],
    ]);
    unchanged(['localPath=D:/项目资料/财务-共享/', 'D:/华东-备份/2026', '联系人：<NAME-1> / SALES TEAM']);
  });
});

describe('meeting transcripts', () => {
  it('takes every name of an attendee list when each item is a name, Latin and Korean too', () => {
    check([
      ['参会人：蒋文涛、Sofia Marino、김민준、费丽萍', '参会人：<NAME-1>、<NAME-2>、<NAME-3>、<NAME-4>'],
      ['Attendees: 严晓光, Ravi Kumar, 석진 박', 'Attendees: <NAME-1>, <NAME-2>, <NAME-3>'],
    ]);
    unchanged(['参会人：产品部全体、运营组', 'Attendees: Product Team, Sales']);
  });

  it('takes a speaker line under a blank line when the text above is a transcript, and learns the speaker', async () => {
    const text = '妙记 | 周会\n\n---\n房嘉怡  00:00:05\n我们开始。\n\n骆晓东  01:02:10\n房嘉怡 说得对。\n';
    expect(await file('周会-逐字稿.txt', text)).toBe('妙记 | 周会\n\n---\n<NAME-1>  00:00:05\n我们开始。\n\n<NAME-2>  01:02:10\n<NAME-1> 说得对。\n');
    // A duration or a time in a table is no speaker line: no blank line before, or no transcript above.
    unchanged(['会议统计\n时长  00:52:00\n', '日志\n\n时长  00:52:00\n', '构建报告\n\n任务  00:12:40\n']);
  });
});

describe('travel and visa forms', () => {
  it('reads the parts of a name, the name in its own script, a spouse and a point of contact', () => {
    check([
      ['Surnames: ZHOU              Given Names: XINYI', 'Surnames: <NAME-1>              Given Names: <NAME-2>'],
      ['Family Name: Müller   First Name: Jonas', 'Family Name: <NAME-1>   First Name: <NAME-2>'],
      ['Full Name in Native Alphabet: 周欣怡', 'Full Name in Native Alphabet: <NAME-1>'],
      ["Spouse's Full Name: WANG, LEI   Spouse's Date of Birth: 01 JAN 1990", "Spouse's Full Name: <NAME-1>   Spouse's Date of Birth: 01 JAN 1990"],
      ['Emergency Contact: Tom Baker (brother)', 'Emergency Contact: <NAME-1> (brother)'],
    ]);
    unchanged(['Passport Book Number: DOES NOT APPLY', 'Surnames: DOES NOT APPLY', 'Last Name: N/A', 'Given Names: Unknown', 'Point of Contact: Support Team']);
  });

  it('reads any country\'s passport or visa number right after its label, not a number elsewhere', () => {
    check([
      ['Passport/Travel Document Number: EK7736100', 'Passport/Travel Document Number: <PASSPORT-1>'],
      ['Passport No.: K1234567', 'Passport No.: <PASSPORT-1>'],
      ['Previous US Visa Number: 20183344', 'Previous US Visa Number: <PASSPORT-1>'],
      ['护照号码：PE1234567', '护照号码：<PASSPORT-1>'],
    ]);
    unchanged(['Document Number: K1234567', 'build K1234567 passed', 'Passport Book Number: DOES NOT APPLY', 'Visa Number: 4111 1111']);
  });

  it('reads a resident id glued to the letter of a student registry number (全国学籍号 G…)', () => {
    check([['学籍号 G110105201003070017', '学籍号 G<CNID-1>'], ['"学籍辅号":"J110105201003070017"', '"学籍辅号":"J<CNID-1>"']]);
    unchanged(['build XG110105201003070017', 'G110105201003070018']);
  });
});
