/**
 * Person names and street addresses in the prose and fields of application logs (session 18, task name19), by family:
 * a person's key in JSON, hashes, kwargs and flags; English prose that places a person (a role noun, the person's own
 * phone or e-mail after the name, its own login, a display name before its address, `as "…"`, an LDAP CN); Chinese log
 * prose (a role with the name in brackets or `=`, a workflow's roles, a desk, a relation, a phone's brackets, 实名); a
 * Latin name beside its gender; a table column of a role (接种者, 医生); Latin and Japanese addresses after an address cue.
 * Each family with loggers, keys and separators held-out-19 does not have, and the log text that must survive.
 */
import { describe, expect, it } from 'vitest';
import { file, keepsWords, redact, takesAs, unchanged } from './helpers.js';

describe('a person key and its value in a log field', () => {
  it('takes Latin and Han names under person keys, whatever the syntax', () => {
    takesAs('NAME', '{"event":"checkout","client_name":"Henrik Lindqvist","total":99}', 'Henrik Lindqvist');
    takesAs('NAME', "INFO  order=4471 consignee='Amara Okonkwo' carrier=DHL", 'Amara Okonkwo');
    takesAs('NAME', 'params: {:recipient=>"Søren Kierkegaard", :qty=>2}', 'Søren Kierkegaard');
    takesAs('NAME', '[debug] patient: "Zoë Van der Berg" ward=3B', 'Zoë Van');
    takesAs('NAME', '{"msg":"签收","consignee":"龚晓雯","qty":3}', '龚晓雯');
    takesAs('NAME', "array ( 'real_name' => '冉小雨', 'age' => 31 )", '冉小雨');
    takesAs('NAME', 'level=info msg="booking" guest_name="Priya Raman" nights=2', 'Priya Raman');
  });
  it('takes the bare key `name` only beside the person\'s e-mail, phone or password', () => {
    takesAs('NAME', "created user name='Hannah Schulz' email='h.schulz@example.de'", 'Hannah Schulz');
    takesAs('NAME', 'useradd --name "Tomasz Nowak" --password "x" --email t.nowak@corp.pl', 'Tomasz Nowak');
    takesAs('NAME', '$u = @{ Name="Kwame Mensah"; Mobile="+233 24 412 7781" }', 'Kwame Mensah');
    takesAs('NAME', '{"name":"晏子墨","mobile":"13912345678"}', '晏子墨');
  });
  it('keeps services, threads, products and words under `name` and person keys', () => {
    unchanged([
      '{"name":"pay-worker","hostname":"pay-worker-1","pid":5533,"level":30}',
      'thread name="Main Thread" state=RUNNABLE',
      'name: Hello World',
      '{"notifier":{"name":"Bugsnag Android","version":"5.31.1"},"events":[{"exceptions":[]}],"phone":"redacted"}',
      'service name="Order Service" email=ops',
      '{"customer":"Acme Corp","tier":"Gold Plan"}',
      '"display_name": "Default Profile"',
      'client="Google Chrome" version=120',
      '{"receiver":"安全组","sender":"系统"}',
      'receiver = "包邮"',
      "'name' => '张贴公告'",
    ]);
  });
});

describe('a Latin name English log prose places', () => {
  it('takes a name after a role noun', () => {
    takesAs('NAME', 'WARN  refund denied for patient Aisha Rahman: policy expired', 'Aisha Rahman');
    takesAs('NAME', 'invoice 2231 e-mailed to the client Olivier Dubois', 'Olivier Dubois');
    takesAs('NAME', 'Welcome mail queued for new member Mateus Ferreira', 'Mateus Ferreira');
  });
  it('takes a name after for/to when the person\'s phone or e-mail follows', () => {
    takesAs('NAME', 'parcel 88 handed to Grace Mwangi, mobile 0722 000 111', 'Grace Mwangi');
    takesAs('NAME', 'OTP sent to Lars Eriksson (lars.eriksson@mail.se)', 'Lars Eriksson');
    takesAs('NAME', 'voucher created for Ingrid Olsen tel: 4791234567', 'Ingrid Olsen');
  });
  it('takes a name after `<verb> by` with its own login in brackets', () => {
    takesAs('NAME', 'Report 12 exported by Marta Kowalska (mkowalska2), 3 pages', 'Marta Kowalska');
    takesAs('NAME', 'ticket approved by Daniel Cohen (dcohen)', 'Daniel Cohen');
  });
  it('takes a display name before its own address, anywhere in a log line', () => {
    takesAs('NAME', 'INFO mailer: invite sent, from Priya Nair (priya.nair@corp.in)', 'Priya Nair');
    takesAs('NAME', '[sync] 40 contacts, last: Björn Andersson <bjorn.andersson@telia.se>', 'Björn Andersson');
  });
  it('takes the display name a client joined as, and an LDAP CN', () => {
    takesAs('NAME', 'meeting 811 joined as "Keisha Brown" (guest)', 'Keisha Brown');
    takesAs('NAME', '[room] rejoined as “蒋思远” video=on', '蒋思远');
    takesAs('NAME', 'bind dn: cn=Rafael Ortega,ou=People,dc=corp,dc=example', 'Rafael Ortega');
  });
  it('keeps places, products, authors and ordinary words in the same places', () => {
    unchanged([
      'shipped to Hong Kong, phone on file',
      'report viewed by Release Manager (ops)',
      'ticket approved by Daniel Cohen (approver)',
      'saved as "Final Draft" in 3 ms',
      'logged in as "admin"',
      'CN=Domain Admins,CN=Users,DC=corp,DC=local',
      'subject: CN=Global Root,O=Example Trust,C=US',
      'for customer Service Team: queue 4',
      'Hello World for customer support',
    ]);
    // Where an address or a phone beside them goes, the place, the team and the authors (public) stay.
    keepsWords('Order #77 shipped to New York, tel +1 212 555 0100', 'New York');
    keepsWords('notify Ops Team <alerts@corp.example>', 'Ops Team');
    keepsWords('Steve Reid <steve@edmweb.com>', 'Steve Reid');
    keepsWords('This package was put together by me, James Troup <james@nocrew.org>,', 'James Troup');
    keepsWords('Copyright: 2008, Tim Toolan <toolan@ele.uri.edu>', 'Tim Toolan');
    keepsWords('pps_core: Software ver. 5.3.6 - Copyright 2005-2007 Rodolfo Giometti <giometti@linux.it>', 'Rodolfo Giometti');
    keepsWords('alert sent to Help Desk <helpdesk@corp.example>', 'Help Desk');
    keepsWords('retry scheduled for Worker Pool (worker-pool@svc)', 'Worker Pool');
  });
});

describe('Chinese log prose', () => {
  it('takes a name in a role\'s brackets or after a role\'s `=`', () => {
    takesAs('NAME', '2026-12-01 10:02:11 收银员【鲍佳琪】 开班 备用金 500.00', '鲍佳琪');
    takesAs('NAME', '[审核人 [景浩然]] 通过', '景浩然');
    takesAs('NAME', '录入员 = "甘雨欣"', '甘雨欣');
  });
  it('takes a workflow\'s roles, a desk before the name, a relation, a phone\'s brackets, 实名', () => {
    takesAs('NAME', '公文 [2026-88] 拟稿人：宁晓峰 核稿人 柏文静 签发人 龚建军', '宁晓峰', '柏文静', '龚建军');
    takesAs('NAME', '交班人: 收银 庞雅琴  交班时间 22:00', '庞雅琴');
    takesAs('NAME', '紧急联系人：于海涛(父亲) 姜慧(母亲)', '于海涛', '姜慧');
    takesAs('NAME', '语音通知已拨打 13812345678（戚梦琪）', '戚梦琪');
    takesAs('NAME', '实名核验：岑嘉怡 通过', '岑嘉怡');
  });
  it('takes a Han name in English prose', () => {
    takesAs('NAME', '[INF] Salary slip mailed to 柴文博, 3 pages', '柴文博');
    takesAs('NAME', 'badge issued for 游子健 at gate 2', '游子健');
  });
  it('keeps words that start with a surname\'s character in those places', () => {
    unchanged([
      '操作员[安全] 巡检完成',
      '检查员[高速] 通道',
      '会签 全部 完成',
      '主办人 管理 部门',
      '版本号（子）模块',
      'scheduled for 周期 task',
      'sent to 平安 bank gateway',
      '操作员=系统',
      '导出人：前台 张贴 公告',
    ]);
  });
});

describe('a Han name by its device, its bracketed role or what it did, and a rarer surname', () => {
  it('takes a person\'s own device, a name in brackets with its role, a name before an English verb', () => {
    takesAs('NAME', '<Device FriendlyName="邝思远的路由器" Model="AX3000"/>', '邝思远');
    takesAs('NAME', 'sharing from 程雨桐的 Kindle enabled', '程雨桐');
    takesAs('NAME', '7   lu_yiming     editor   （陆一鸣，运维）', '陆一鸣');
    takesAs('NAME', '[print] 牛家乐 scanned 4 pages to share', '牛家乐');
  });
  it('reads 满 as a surname, not the words it leads', () => {
    takesAs('NAME', '收货人：满秀英 电话 13712345678', '满秀英');
    unchanged(['满意度 调查: 满分 10 分', '收货人：满减 活动', '公司的 NAS 已满', '（安全，只读）', '[job] 高速 printed 3 pages', '状态（成功，ops）']);
  });
});

describe('names joined by 和, a message\'s sender, a possessive, a gloss, a pinyin login\'s name in a CSV row', () => {
  it('takes each', () => {
    takesAs('NAME', '; 只有 车文博 和 祁嘉欣 有写权限', '车文博', '祁嘉欣');
    takesAs('NAME', '告警: 异常请求来自 秦子墨 的 iPad', '秦子墨');
    takesAs('NAME', 'restored 戴雨欣’s mailbox from snapshot', '戴雨欣');
    takesAs('NAME', '被授权人 邬晓峰 （姓名） 身份证号 见附件', '邬晓峰');
    takesAs('NAME', 'chen.siyu\t陈思雨\t2026-11-02 09:12\t成功', '陈思雨');
    takesAs('NAME', 'wangfang01,Wf#2026!,王芳,财务部', '王芳');
  });
  it('keeps places, words and accounts that are no pinyin name in the same places', () => {
    unchanged([
      '请求来自 江苏 的 节点',
      '# 安全 和 稳定 优先',
      '高速 和 周期 任务',
      'admin,管理员,2026-10-21',
      'status,成功,2026-10-21',
      'change,王牌,2026',
      'nginx,张贴,ok',
    ]);
  });
});

describe('a Latin name beside its gender, a role column of a blank-aligned table', () => {
  it('takes a Latin name before its gender cell', () => {
    takesAs('NAME', '1207\t2026-12-05\tMarie Dupont\t女\t护照\tFR88123', 'Marie Dupont');
    takesAs('NAME', 'Ahmed Hassan, 男, 身份证, 110101199001011234', 'Ahmed Hassan');
    takesAs('NAME', 'Lena Fischer | 女 | +49 151 2345 6789', 'Lena Fischer');
  });
  it('keeps a product before a gender column', () => {
    unchanged(['Cotton Shirt\t男\tXL', 'Main Hall | 女 | 3', 'Linen Dress, 女, 160/84A']);
  });
  it('takes names under 接种者 and 医生 headers', async () => {
    const text = ['疫苗名称        剂次  接种日期      接种者', '乙肝疫苗        1     2024-03-18    龙晓霞', '', '科室    主治医生    床号', '心内科  邵永红      12', ''].join('\n');
    const out = await file('接种记录.txt', text);
    expect(out).not.toContain('龙晓霞');
    expect(out).not.toContain('邵永红');
    expect(out).toContain('疫苗名称        剂次  接种日期      接种者');
  });
});

describe('a street address after an address cue in a log line', () => {
  it('takes European and Japanese addresses', () => {
    takesAs('ADDRESS', 'shipping address changed to Calle de Alcalá 42, 28014 Madrid', 'Calle de Alcalá 42');
    takesAs('ADDRESS', '{"billingAddress":"Keizersgracht 123, 1015 CJ Amsterdam","vat":"NL"}', 'Keizersgracht 123');
    takesAs('ADDRESS', 'address: 12 Rue de Rivoli, 75001 Paris', 'Rue de Rivoli');
    takesAs('ADDRESS', '配送先 大阪府大阪市北区梅田3丁目1-3 グランフロント1205', '梅田3丁目1-3');
  });
  it('keeps network addresses, ports and counts after the same words', () => {
    unchanged([
      'listen address 0.0.0.0:8080, 10000 Workers',
      'MAC address 00:1A:2B:3C:4D:5E, 1500 MTU',
      'address pool exhausted after 4096 leases, 12000 Requests',
      'street view tiles: 512, 1024 Cached',
    ]);
  });
});

describe('the held-out-19 lines these families were found on stay taken', () => {
  it('takes each', () => {
    const out = redact(
      [
        "2026-12-02 08:32:58,640 INFO [crm.contacts.services] created contact id=88412 name='Daniela Fuentes' email='dfuentes.family@gmail.com'",
        '2026-12-03 09:17:09.118  INFO 28411 --- [nio-8080-exec-2] c.x.order.service.AccountService         : shipping address updated for customer Markus Adeyemi: Leopoldstraße 118, 80802 München',
        '2026-12-01 08:02:11  操作员[应丽萍] 登录成功',
        '2026-12-02 08:18:20.338 [4]  INFO  Config reloaded, LDAP bind DN=CN=Luca Romano,OU=IT,DC=corp,DC=local',
      ].join('\n'),
    );
    for (const v of ['Daniela Fuentes', 'Markus Adeyemi', 'Leopoldstraße 118', '应丽萍', 'Luca Romano']) expect(out).not.toContain(v);
  });
});
