/**
 * Person names (and a card, a MAC) held-out-13 missed (session 11, task ho13names), by family, with
 * values and formats that are not the set's own, and the look-alikes each fix must keep.
 * A fresh Redactor per case, so placeholders start at 1.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/redactor.js';
import { check, file, redact, unchanged } from './helpers.js';

const withMac = (text: string): string => new Redactor({ optionalRules: ['mac-address'] }).redactText(text).text;

describe('account records', () => {
  it("takes a GECOS field's person name (passwd, getent, finger), Chinese or Latin, of a login account", () => {
    check([
      // The login and its home are user-name's already.
      ['liqiang:x:1201:1201:李强,财务部 305,0571-8888,:/home/liqiang:/bin/bash', '<USER-1>:x:1201:1201:<NAME-1>,财务部 305,0571-8888,:/home/<USER-1>:/bin/bash'],
      // A person's account whatever its home (rest12, session 12): its login and its home folder too.
      ['mgarcia:*:1502:100:Maria Garcia,,,:/Users/mgarcia:/usr/bin/zsh', '<USER-1>:*:1502:100:<NAME-1>,,,:/Users/<USER-1>:/usr/bin/zsh'],
      ['wf:x:1010:1010:万芳 (HR):/srv/wf:/bin/sh', '<USER-1>:x:1010:1010:<NAME-1> (HR):/srv/<USER-1>:/bin/sh'],
      ['Directory: /srv/ytan\tIn real life: Tan Yu,Lab 3', 'Directory: /srv/ytan\tIn real life: <NAME-1>,Lab 3'],
      ['Login name: tanyu       In real life:  谭雨', 'Login name: tanyu       In real life:  <NAME-1>'],
    ]);
    // System accounts (uid below 1000, nobody's 65534) and service descriptions keep their GECOS.
    unchanged([
      'messagebus:x:101:104:System Message Bus,,,:/nonexistent:/usr/sbin/nologin',
      'nobody:x:65534:65534:Kernel Overflow User:/nonexistent:/bin/sh',
      'Debian-exim:x:103:109::/var/spool/exim4:/bin/false',
      'jenkins:x:1005:1005:Jenkins Service,,,:/var/lib/jenkins:/bin/bash',
      'gitlab-runner:x:998:997:GitLab Runner:/var/lib/gitlab-runner:/bin/bash',
      'ci:x:1100:1100:Build Agent:/var/lib/ci:/bin/bash',
      // A service's account with no login shell, however its description reads.
      'nexus:x:1101:1101:Sonatype Nexus:/opt/sonatype:/bin/false',
      'erpapp:x:1100:1100:Li Wei,,,:/opt/erp:/sbin/nologin',
    ]);
  });

  it('takes the first and last name fields of a Proxmox user.cfg entry', () => {
    check([
      ['user:hmeier@ldap:1:0:Hanna:Meier:hmeier@example.de::x:', 'user:hmeier@ldap:1:0:<NAME-1>:<NAME-2>:<EMAIL-1>::x:'],
      ['user:wq@pve:1:1767225600:王:晴:::', 'user:<USER-1>@pve:1:1767225600:<NAME-1>:<NAME-2>:::'],
    ]);
    unchanged(['user:root@pam:1:0::::::', 'user:backup@pve:1:0:Backup:Service:::']);
  });

  it("takes dscl's RealName on the line after its key", () => {
    check([['RealName:\n 程思雨\nRecordName: chengsy', 'RealName:\n <NAME-1>\nRecordName: <USER-1>']]);
    unchanged(['RealName:\nRecordName: test', 'Comment:\n 程序员专用']);
  });

  it("takes a JSON identity's name parts (firstName, family_name …)", () => {
    check([
      ['{"firstName": "Ingrid", "lastName": "Holm", "email": null}', '{"firstName": "<NAME-1>", "lastName": "<NAME-2>", "email": null}'],
      ['{"given_name":"晓峰","family_name":"幸"}', '{"given_name":"<NAME-1>","family_name":"<NAME-2>"}'],
    ]);
    unchanged(['{"firstName": "None", "lastName": "Unknown"}', '{"firstName": "Test", "lastName": "User"}', '{"lastName": "测试"}']);
  });
});

describe('names in brackets, descriptions and English prose', () => {
  it('takes a person in brackets last in a label or description, alone or with a duty', () => {
    check([
      ['  <description>生产库 (柳青青)</description>', '  <description>生产库 (<NAME-1>)</description>'],
      ["label: 'jump-01（钱多多维护）'", "label: 'jump-01（<NAME-1>维护）'"],
      ['remark=测试机 (方航)', 'remark=测试机 (<NAME-1>)'],
      // A name of the surname 尹 (a bare 尹 in the bracket words once refused every one of them).
      ['remark=测试机 (尹航)', 'remark=测试机 (<NAME-1>)'],
    ]);
    unchanged(['同行人 台胞证（陈先生）', '"name": "华东 (杭州)"', '<title>备份策略（默认）</title>', '"label": "告警（危险）"']);
  });

  it('takes a name between blanks before 申请/负责/使用 and after `created by`', () => {
    check([
      [' description 研发 何晓东 使用', ' description 研发 <NAME-1> 使用'],
      ['vlan 30 name 财务 负责人 孟凡 负责', 'vlan 30 name 财务 负责人 <NAME-1> 负责'],
      ['# approved by 龚雪 2026-02-01', '# approved by <NAME-1> 2026-02-01'],
    ]);
    unchanged([' description 系统 申请 2026-03', 'created by 管理员', 'port 3 项目 使用']);
  });
});

describe('money paperwork', () => {
  it("takes a tax return's taxpayer and the relatives its deductions name", () => {
    check([
      ['纳税人: 施雨晴', '纳税人: <NAME-1>'],
      ['大病医疗（配偶 庞雪）；赡养老人（被赡养人 庞国栋）', '大病医疗（配偶 <NAME-1>）；赡养老人（被赡养人 <NAME-2>）'],
    ]);
    unchanged(['子女教育（子女数量 2）', '纳税人识别号：91330108MA27Y4QX3C', '出租方 个人']);
  });

  it("takes a CSV export's key,value name row and a counterparty written as name and account", async () => {
    expect(await file('明细.csv', '社保个人权益记录\n姓名,"孔令辉",社会保障号码,330106\n')).toBe('社保个人权益记录\n姓名,"<NAME-1>",社会保障号码,330106\n');
    check([['2026-03-02\t转出\t500.00\t邓丽 工商银行 6222****3318\t', '2026-03-02\t转出\t500.00\t<NAME-1> 工商银行 6222****3318\t']]);
    unchanged(['20260201,自动还款,"招商银行信用卡 4392****8817"', '20260110,代发,"华为技术 5719088012"']);
  });

  it('takes whose payslip, an extension after a name, the people of an e-invoice', () => {
    check([
      ['Subject: 工资单：龙飞', 'Subject: 工资单：<NAME-1>'],
      ['附件：陆小曼的工资条.pdf', '附件：<NAME-1>的工资条.pdf'],
      ['请联系 毛晓彤(ext. 8123)', '请联系 <NAME-1>(ext. 8123)'],
      ['<Payee>欧阳娜娜</Payee><Checker>戚薇</Checker>', '<Payee><NAME-1></Payee><Checker><NAME-2></Checker>'],
    ]);
    unchanged(['请查收您的工资条', '<Payee>财务部</Payee>', '技术支持（分机 6021）']);
  });

  it('takes a salutation and a greeting, not a customer or a title', () => {
    check([
      ['尊敬的韩梅梅，您的快递已签收', '尊敬的<NAME-1>，您的快递已签收'],
      ['【某银行】严宽您好，您的验证码 3321', '【某银行】<NAME-1>您好，您的验证码 3321'],
      ['收件人信息：苗苗（小姐） 13912340001', '收件人信息：<NAME-1>（小姐） <PHONE-1>'],
    ]);
    unchanged(['尊敬的客户：', '尊敬的用户，您好', '尊敬的会员：', '王总您好，请查收', '老师您好']);
  });

  it('takes who a task was handed to and who handled a form', () => {
    check([
      ['审批超时，移交给 陶然 处理', '审批超时，移交给 <NAME-1> 处理'],
      ['经办: 宁静', '经办: <NAME-1>'],
    ]);
    unchanged(['转交 财务部 处理', '经办：系统自动']);
  });
});

describe('identifiers', () => {
  it("takes a Bank of China Great Wall card (6013…, Luhn) and keeps a 6013 number that fails Luhn", () => {
    expect(redact('中国银行 6013821140759235')).toBe('中国银行 <CARD-1>');
    expect(redact('order 6013821140759236')).toBe('order 6013821140759236');
  });

  it('takes a MAC in dash-joined groups of four (Huawei/H3C), not a digit-only or UUID run', () => {
    expect(withMac('a0b1-c2d3-e4f6   1/-   GE0/0/1   dynamic')).toBe('<MAC-1>   1/-   GE0/0/1   dynamic');
    expect(withMac('Port GE1/0/2 learned 3c8c-40ab-12ef')).toBe('Port GE1/0/2 learned <MAC-1>');
    for (const kept of ['ticket 1380-0138-0000', 'id 9c4e7a21-6b3d-4f80-a5e2-1d7c9b08f364', 'ffff-ffff-ffff broadcast', 'serial ABCD-EF12-3456']) expect(withMac(kept)).toBe(kept);
  });
});
