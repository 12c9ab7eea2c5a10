/**
 * Person names held-out-16 missed (session 15, task rest16b), by family, with tools, separators and
 * layouts the set does not have, and the look-alikes each fix must keep. A fresh Redactor per case.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { check, file, unchanged } from './helpers.js';

describe('CSV person columns: more role headers, lists in one cell, a desk before the name', () => {
  it('takes the people of visitor, interview and asset exports', async () => {
    const visitors = await file(
      'visitors.csv',
      '单号,来访人姓名,证件类型,证件号,被访人,接待部门,登记人\nV1,秋若彤,身份证,x,蒙建伟,财务部,保安-年佳慧\nV2,Anna van Dijk,护照,NXK4P81R2,房晓光,行政部,前台-包小雨\n',
    );
    expect(visitors).toBe(
      '单号,来访人姓名,证件类型,证件号,被访人,接待部门,登记人\nV1,<NAME-1>,身份证,x,<NAME-2>,财务部,保安-<NAME-3>\nV2,<NAME-4>,护照,<PASSPORT-1>,<NAME-5>,行政部,前台-<NAME-6>\n',
    );
    const interviews = await file('candidates.csv', 'id,姓名,面试官,推荐人\n7,戈雅静,"宣明远;缪晨阳",屠志远\n8,钮海峰,邵丹、于欢,-\n');
    expect(interviews).toBe('id,姓名,面试官,推荐人\n7,<NAME-1>,"<NAME-2>;<NAME-3>",<NAME-4>\n8,<NAME-5>,<NAME-6>、<NAME-7>,-\n');
    const assets = await file('assets.csv', 'Asset Tag,Model,Checked Out To,Location\nA-1,X1 Carbon,Priya Venkataraman,Singapore\nA-2,MBP 14,侯成,杭州\n');
    expect(assets).toBe('Asset Tag,Model,Checked Out To,Location\nA-1,X1 Carbon,<NAME-1>,Singapore\nA-2,MBP 14,<NAME-2>,杭州\n');
  });

  it('keeps departments, places, products and the rows of other documents in those columns', async () => {
    const text = 'id,被访人,面试官,Checked Out To,证件类型,证件号\n1,财务部,技术面;终面,Conference Room,港澳居民居住证,HK1234567\n2,行政部-前台,年度评审,Sales Team,护照,ABCDEFGH1\n';
    expect(await file('x.csv', text)).toBe(text);
  });
});

describe('keyed names: more role keys, a department between key and name, nested values', () => {
  it('takes the name after payee, referrer, certificate-holder and registrar keys', () => {
    check([
      ['内推(推荐人: 屠志远)', '内推(推荐人: <NAME-1>)'],
      ['  收款人  全  称: 尉迟婉清', '  收款人  全  称: <NAME-1>'],
      ['付款人全称：闻人志诚 账号 6222', '付款人全称：<NAME-1> 账号 6222'],
      ['客户名称: 钱沐阳      证件类型: 居民身份证', '客户名称: <NAME-1>      证件类型: 居民身份证'],
      ['持证人   景浩', '持证人   <NAME-1>'],
      ['婚姻登记员: 桂丽华', '婚姻登记员: <NAME-1>'],
      ['被访人：宣怡然（8213）', '被访人：<NAME-1>（8213）'],
      ['    联系人: 人力资源部 阚晓婷  分机: 2207', '    联系人: 人力资源部 <NAME-1>  分机: 2207'],
      ['负责人：信息中心 秋若彤', '负责人：信息中心 <NAME-1>'],
      ['"order.audit.owner": { "value": "段志强" },', '"order.audit.owner": { "value": "<NAME-1>" },'],
      ['兹证明 宣怡然 女士 (身份证号: 330106199105281429)', '兹证明 <NAME-1> 女士 (身份证号: <CNID-1>)'],
    ]);
  });

  it('keeps companies, regions, roles and topics after those keys', () => {
    unchanged([
      '客户名称: 杭州某某科技有限公司',
      '客户名称: 华东区',
      '推荐人: 无',
      '持证人   本人',
      '联系人: 人力资源部',
      '"order.audit.owner": { "value": "finance" },',
      '年度报告: 年度汇总',
      '宣传部 年会 通知',
    ]);
  });
});

describe('free-text fields of IT records: a person inside the text', () => {
  it('takes a name among the words of a description, a comment, an alias or a registration', () => {
    check([
      ['    description "研发部 戴雨欣 远程办公"', '    description "研发部 <NAME-1> 远程办公"'],
      ['interface ge0/0/7 description 运维组 尉迟明轩 值班机', 'interface ge0/0/7 description 运维组 <NAME-1> 值班机'],
      ['-description "人事库 钟浩然 申请"', '-description "人事库 <NAME-1> 申请"'],
      ['<Option Name="Comments">叶志强 个人目录</Option>', '<Option Name="Comments"><NAME-1> 个人目录</Option>'],
      ['"remarks": "市场部 宣明远 备用机"', '"remarks": "市场部 <NAME-1> 备用机"'],
      ['    alias           于欢 (运维值班)', '    alias           <NAME-1> (运维值班)'],
      ['RegisteredTo=王凌云', 'RegisteredTo=<NAME-1>'],
      ['# 阿里云盘 (罗阳 个人网盘!)', '# 阿里云盘 (<NAME-1> 个人网盘!)'],
    ]);
  });

  it('keeps free text without a person', () => {
    unchanged([
      'description "测试 环境 使用"',
      '-description "人事库 只读 申请"',
      '    alias           运维值班 (于是)',
      '<Option Name="Comments">公共 个人目录</Option>',
      'description "华东 机房 上联"',
      'RegisteredTo=Evaluation',
    ]);
  });
});

describe('a person after the desk, department or machine prefix a record files them under', () => {
  it('takes the name after a role or department and a hyphen, and a machine named for its user', () => {
    check([
      ['host=10.1.10.21 00-E0-4C-68-3A-91 总经理-华建军', 'host=10.1.10.21 00-E0-4C-68-3A-91 总经理-<NAME-1>'],
      ['ip dhcp static 10.0.0.57 0050.56aa.01bc 财务-邵丹', 'ip dhcp static 10.0.0.57 0050.56aa.01bc 财务-<NAME-1>'],
      ['dhcp-host=aa:bb:cc:dd:ee:ff,192.168.1.50,行政部_尤佳琪', 'dhcp-host=aa:bb:cc:dd:ee:ff,192.168.1.50,行政部_<NAME-1>'],
      ["hostname = 'FIN-PC-陈磊'", "hostname = 'FIN-PC-<NAME-1>'"],
    ]);
  });

  it('keeps a topic, a place or a phone after the desk', () => {
    unchanged(['技术-方案 财务-报表 销售-华东 产品-文档 研发-周报 前台-电话', 'address 财务-北京-PC 10.0.0.8/32', '行政-工位 12', 'host=10.1.1.9 总经理-办公室']);
  });
});

describe('Latin full names in more name fields', () => {
  it("takes Junos full-name, a GnuPG uid's name and a machine named after its owner", () => {
    check([
      ['set system login user jnpr_wuhaoran full-name "Wu Haoran" uid 2001', 'set system login user <USER-1> full-name "<NAME-1>" uid 2001'],
      ['set system login user ops1 full-name Carla Rossi', 'set system login user <USER-1> full-name <NAME-1>'],
      ['uid                 [ultimate] Ren Junjie (release signing) <renjunjie@xxsoft.com.cn>', 'uid                 [ultimate] <NAME-1> (release signing) <<EMAIL-1>>'],
      ['uid           [ unknown] Natalia Kowalczyk <n.k@partner-eu.pl>', 'uid           [ unknown] <NAME-1> <<EMAIL-1>>'],
      ['scutil --set ComputerName "Jiang Ruxuan\'s MacBook Air"', 'scutil --set ComputerName "<NAME-1>\'s MacBook Air"'],
      ['Device: Maria Lopez’s iPhone', 'Device: <NAME-1>’s iPhone'],
    ]);
  });

  it("keeps keys', teams' and machines' names", () => {
    unchanged([
      'uid                 [ultimate] Release Signing Key <<EMAIL-1>>',
      'scutil --set ComputerName "Office Mac\'s MacBook Air"',
      'set system login user ops full-name "NOC Readonly"',
      'scutil --set ComputerName "Lab Mac\'s MacBook Pro"',
    ]);
  });

  it('takes the name parts of a visa form whatever the label says after the key', () => {
    check([
      ['3. First name(s) (Given name(s)): YIRAN', '3. First name(s) (Given name(s)): <NAME-1>'],
      ['30. Surname and first name of the inviting person(s): Giulia Moretti, Via della Spiga 22', '30. Surname and first name of the inviting person(s): <NAME-1>, Via della Spiga 22'],
    ]);
    unchanged(['30. Surname and first name of the inviting person(s): DOES NOT APPLY']);
  });
});

describe('family members by relation, passports by the label in other orders', () => {
  it('takes the name after the relation', () => {
    check([
      ['家属联系电话 (儿子 景浩)', '家属联系电话 (儿子 <NAME-1>)'],
      ['    Spouse: 芮子轩 (护照)', '    Spouse: <NAME-1> (护照)'],
      ['紧急联系: 妻子 何静', '紧急联系: 妻子 <NAME-1>'],
    ]);
    unchanged(['儿子 生日 礼物', '丈夫 申请 调岗', 'Spouse: N/A']);
  });

  it('takes a passport number after "Number of travel document" and in brackets after the word', () => {
    check([
      ['13. Number of travel document: EH3571902   Date of issue: 14-03-2023', '13. Number of travel document: <PASSPORT-1>   Date of issue: 14-03-2023'],
      ['Please bring your passport (No. Z7481936) for the visitor registration.', 'Please bring your passport (No. <PASSPORT-1>) for the visitor registration.'],
      ['护照（号码：K0918273）', '护照（号码：<PASSPORT-1>）'],
    ]);
    unchanged(['Number of travel documents: 2', 'passport (No. 3 of 5)', 'your passport (No. needed for EU citizens)']);
  });
});

describe('a machine named for its user in pinyin', () => {
  it('takes a surname and a given name glued after a department, role or device prefix', () => {
    check([
      ['  Name = WS-DINGYUTONG-fd', '  Name = WS-<NAME-1>-fd'],
      ['   [->]FIN-ZHAOYUTING', '   [->]FIN-<NAME-1>'],
      ['"ClientMachine":"LAPTOP-WEIYUHANG","x":1', '"ClientMachine":"LAPTOP-<NAME-1>","x":1'],
      ['Connecting to DESKTOP-OUYANGFEI (10.1.2.3)', 'Connecting to DESKTOP-<NAME-1> (10.1.2.3)'],
      ['LAPTOP-HR-SHENLU joined the domain', 'LAPTOP-HR-<NAME-1> joined the domain'],
    ]);
  });

  it("keeps servers', places', shares' and English names", () => {
    unchanged([
      'WS-PRINTSRV01 FIN-DB01 LAPTOP-8H2K3L DESKTOP-ABC123',
      'WS-HANGZHOU FIN-SHARE LAPTOP-CHANGE DESKTOP-BACKUP',
      'LAPTOP-MANAGER DESKTOP-LINUX FIN-REPORT WS-GATEWAY',
      'tcp 0 0 10.0.0.5:22 10.0.0.9:51234 FIN-WAIT2',
    ]);
  });
});

describe('a name as the owner of HR paperwork, or in brackets after its login', () => {
  it("takes the owner of a tax return, a bank statement, an expense claim", () => {
    check([
      ['"SourceFileName":"魏宇航-个税申报-2026.pdf"', '"SourceFileName":"<NAME-1>-个税申报-2026.pdf"'],
      ['/share/hr/张伟_银行流水_2025.pdf', '/share/hr/<NAME-1>_银行流水_2025.pdf'],
      ['Subject: 瞿珊珊 的报销单 - 11月', 'Subject: <NAME-1> 的报销单 - 11月'],
      ['附件: 邵丹的在职证明.pdf', '附件: <NAME-1>的在职证明.pdf'],
    ]);
    unchanged(['"SourceFileName":"年度-个税申报-2026.pdf"', '公司 的报销单 模板', '附件: 员工的在职证明.pdf']);
  });

  it('takes the name in brackets after a login', () => {
    check([
      ['工单 2213 提交人 dev_xiongjy(熊嘉怡) 库 crm_prod', '工单 2213 提交人 <USER-1>(<NAME-1>) 库 crm_prod'],
      ['reviewer: ops.li2（李娜）', 'reviewer: ops.li2（<NAME-1>）'],
    ]);
    unchanged(['mode(自动) type(文本) level2(高级) cfg.mode(默认)', 'ui_lang(简体) v2(申请)']);
  });
});

describe('a public IPv4 address after an ellipsis (network profile)', () => {
  const network = (text: string) => new Redactor({ optionalRules: ['ipv4-public'] }).redactText(text).text;
  it('takes the peer of a strongSwan SA after `...`, keeps dotted runs that are no address', () => {
    expect(network('charon: 09[IKE] IKE_SA rw[1187] established between 115.236.9.42[vpn]...39.144.18.202[ouxiangyu]')).toBe(
      'charon: 09[IKE] IKE_SA rw[1187] established between <IP-1>[vpn]...<IP-2>[ouxiangyu]',
    );
    expect(network('racoon: phase 2 with 203.0.113.9...8.8.4.4 ok')).toBe('racoon: phase 2 with 203.0.113.9...<IP-1> ok');
    for (const keep of ['version 1.8.8.8.8', 'v.8.8.8.8 and x.8.8.8.8', 'oid 1.3.6.1.4.1.2011']) expect(network(keep)).toBe(keep);
  });
});
