/**
 * Person names in log prose and fields (session 19, task name20), by family: a name with two particles; an insurer's and
 * a recruiter's role nouns; a Han name after an English role noun; a Latin name a document is made out to (`a nome di`,
 * `au nom de`, `on behalf of` …); a Latin name after a Chinese role word (客户, 访客, 患者 …); a Han name a shift or a task
 * is handed to (交接给, 派给, 转办给); a Latin name beside its gender and birth date in a roll. Each with variants
 * held-out-20 does not have, and the words, products, places and teams that must survive.
 */
import { describe, it } from 'vitest';
import { keepsWords, takesAs, unchanged } from './helpers.js';

describe('a Latin name with two particles', () => {
  it('takes `van der`, `de la`, `von der` names under a person key and after a role', () => {
    takesAs('NAME', '{"contact":{"name":"Pieter van der Berg","email":"p.berg@example.nl"}}', 'Pieter', 'Berg');
    takesAs('NAME', "customer_name='María de la Cruz' total=12", 'María', 'Cruz');
    takesAs('NAME', 'refund issued for customer Ursula von der Heide: card expired', 'Ursula', 'Heide');
  });
  it('keeps a product or place with particles', () => {
    keepsWords('for customer Port de la Selva: 3 seats', 'Port');
  });
});

describe('role nouns of insurers and recruiters, and a Han name after any role noun', () => {
  it('takes a Latin name after claimant, policy holder, interviewee', () => {
    takesAs('NAME', 'Payout rejected for claimant Bartosz Nowicki: IBAN mismatch', 'Bartosz Nowicki');
    takesAs('NAME', 'claim CLM-77 filed by policyholder Ingrid Halvorsen (policy PL-1)', 'Ingrid Halvorsen');
    takesAs('NAME', 'reminder sent to the interviewee Tomasz Zielinski', 'Tomasz Zielinski');
    takesAs('NAME', '{"policyholder_name":"Akira Yamamoto","premium":120}', 'Akira Yamamoto');
  });
  it('takes a Han name after an English role noun, with or without a preposition', () => {
    takesAs('NAME', 'WARN [api] member 柯雨桐 phone=<PHONE-1> level=gold', '柯雨桐');
    takesAs('NAME', 'Duplicate national ID for new hire 房晓静 (already on record)', '房晓静');
    takesAs('NAME', 'INFO refund approved for customer 欧阳晨, amount 30.00', '欧阳晨');
    takesAs('NAME', 'tenant 蒋文博 checked in, room 1204', '蒋文博');
  });
  it('keeps products, shops, depots and words after a role noun', () => {
    unchanged([
      'client 高德地图 v12 crashed',
      'tenant 张江店 quota exceeded',
      'shipped to customer 华东仓 ok',
      'member 王者荣耀 guild',
      'for customer 黄金会员 tier',
      'employee 管理员 role granted',
      'account holder mismatch (expected initials only)',
    ]);
    keepsWords('for customer Li-ion Battery Pack', 'Li-ion');
    keepsWords('for claimant Wi-fi Access', 'Wi-fi');
  });
});

describe('a Latin name a document or payment is made out to', () => {
  it('takes it in Italian, French, German, Spanish, Portuguese and English', () => {
    takesAs('NAME', 'Cliente richiede fattura a nome di Giulia Esposito, C.F. XYZ', 'Giulia Esposito');
    takesAs('NAME', 'facture émise au nom de Camille Lefèvre le 12/03', 'Camille Lefèvre');
    takesAs('NAME', 'Vertrag im Namen von Jürgen Hoffmann erstellt', 'Jürgen Hoffmann');
    takesAs('NAME', 'factura a nombre de Lucía Fernández pendiente', 'Lucía Fernández');
    takesAs('NAME', 'nota fiscal em nome de João Pereira emitida', 'João Pereira');
    takesAs('NAME', 'ticket opened on behalf of Priya Natarajan by the helpdesk', 'Priya Natarajan');
  });
  it('keeps companies and products a document is made out to', () => {
    keepsWords('ticket opened on behalf of Microsoft Teams', 'Microsoft Teams');
    keepsWords('request sent on behalf of Google Chrome', 'Google Chrome');
    keepsWords('invoice in the name of Acme Corporation', 'Acme Corporation');
  });
});

describe('a Latin name after a Chinese role word', () => {
  it('takes a guest, a customer, a patient, a visitor', () => {
    takesAs('NAME', '招待：客户 Rashid Al-Mansouri（海湾贸易）晚宴 1,120.00 元', 'Rashid Al-Mansouri');
    takesAs('NAME', '2026-12-01 09:00 访客 Emma Wilson 已登记，被访人 前台', 'Emma Wilson');
    takesAs('NAME', '患者：Yuki Tanaka 复诊 10:30', 'Yuki Tanaka');
    takesAs('NAME', '嘉宾 Olivia Martins 入场', 'Olivia Martins');
  });
  it('keeps products, plans and companies after them', () => {
    unchanged(['客户 Microsoft Azure 续费', '会员 Gold Plan 到期', '客户 Google Chrome 崩溃', '乘客 Shanghai Airlines 航班', '客户 Acme Corp 下单']);
  });
});

describe('a Han name a shift or a task is handed to', () => {
  it('takes it after 交接给, 派给, 转办给', () => {
    takesAs('NAME', '交班：收银员 柏晓琳 交接给 窦子涵，现金 3218.50', '窦子涵');
    takesAs('NAME', '工单 88 已派给 韦嘉怡 处理', '韦嘉怡');
    takesAs('NAME', '投诉单 2031 转办给 卓文静，限期 3 日', '卓文静');
  });
  it('keeps teams and shifts', () => {
    unchanged(['工单派给 运维组', '交接给 夜班', '任务已派给 安全组 处理']);
  });
});

describe('a Latin name beside its gender in a roll', () => {
  it('takes it with a birth date between the gender and the identity document', () => {
    takesAs('NAME', '2\tNoah Becker\t男\t2022-05-17\t护照 C1234567\t德国', 'Noah Becker');
    takesAs('NAME', 'Lina Haddad, 女, 2021/11/03, 身份证 <CNID-1>', 'Lina Haddad');
  });
  it('keeps a row with no identity document after the date', () => {
    keepsWords('Noah Becker\t男\t2022-05-17\t2023-09-01', 'Noah Becker');
  });
});

describe('a name after a person\'s workflow verb, with no login after it', () => {
  it('takes it where the clause ends', () => {
    takesAs('NAME', 'refund approved by Giovanna Marino', 'Giovanna Marino');
    takesAs('NAME', 'WARN expense 4410 rejected by Kenji Watanabe, reason: duplicate', 'Kenji Watanabe');
    takesAs('NAME', 'ticket INC-2231 reassigned to Olusegun Adeyemi at 14:02', 'Olusegun Adeyemi');
    takesAs('NAME', 'case handed over to Ana Souza on Monday', 'Ana Souza');
    takesAs('NAME', 'Ticket 77 escalated to Rahul Sharma.', 'Rahul Sharma');
    takesAs('NAME', 'leave request approved by the approver Sigrid Nilsson;', 'Sigrid Nilsson');
  });
  it('keeps products, bots and teams, and the verbs a product does', () => {
    unchanged([
      'change approved by Change Advisory Board',
      'request approved by Security Team.',
      'ticket escalated to Tier Two',
      'assigned to Default Queue',
      'approved by Approval Bot',
      'submitted by Github Actions',
      'handed to Fedex Ground',
      'verified by Cloudflare Turnstile',
      'processed by Celery Beat',
      'certificate signed by Sectigo Limited',
    ]);
  });
});

describe('a shop\'s, a courier\'s and a tracker\'s hands as role nouns', () => {
  it('takes a name under operator, cashier, assignee, reporter keys and after them in prose', () => {
    takesAs('NAME', 'INFO pos.void operator=Ravi Menon amount=12.00', 'Ravi Menon');
    takesAs('NAME', '{"issue":"OPS-17","assignee":"Hyun-woo Park","reporter":"Lea Fischer"}', 'Lea Fischer');
    takesAs('NAME', 'shift closed by cashier 左思远 (till 3)', '左思远');
    takesAs('NAME', 'parcel 88 collected by courier Hans Gruber', 'Hans Gruber');
  });
  it('keeps operators, reporters and couriers that are software', () => {
    unchanged(['operator=Prometheus Operator', 'reporter: Crash Reporter', 'courier: Fedex Ground', 'operator: admin']);
  });
});

describe('a chat or a call with a person', () => {
  it('takes a Han or a Latin name a client opened a chat or a call with', () => {
    takesAs('NAME', '[I][IM][chat.ts:77] open chat p2p with 滕子墨 (open_id ou_7d8a)', '滕子墨');
    takesAs('NAME', 'INFO conversation with 邵佳琪 archived', '邵佳琪');
    takesAs('NAME', 'call with Ana Souza at 10:00 ended (00:12:44)', 'Ana Souza');
    takesAs('NAME', 'meeting with Farid Haddad scheduled', 'Farid Haddad');
  });
  it('keeps products and teams a chat or a call is with', () => {
    unchanged(['call with Microsoft Teams', 'chat with Customer Service', 'call with Amazon Connect', 'chat p2p with 客服中心']);
  });
});

describe('a passport number under its key, in a roll\'s cell, or with letters inside', () => {
  it('takes it', () => {
    takesAs('PASSPORT', '{"passportNo":"533918274","nationality":"GB"}', '533918274');
    takesAs('PASSPORT', 'guest passport_number=E1234567 room=1204', 'E1234567');
    takesAs('PASSPORT', '护照号 758412096 有效期 2031-05', '758412096');
    takesAs('PASSPORT', '9002\t2026-12-06\t护照\t648213970\t+7 916 402-18-55', '648213970');
    takesAs('PASSPORT', '儿童 Emma 护照 C4XJ7R2M9 德国', 'C4XJ7R2M9');
    takesAs('PASSPORT', '护照号码：K7Z2M4P81', 'K7Z2M4P81');
  });
  it('keeps dates, counts, words and file names after the document\'s word', () => {
    unchanged(['passport, 2026-12-01', 'passport expires 20261201', 'passport GB issued', 'passport: PASSPORT1', 'passport 12345678901', '护照 2份', 'passport photo 123456789.jpg', 'passport_status: ACTIVE202']);
  });
});

describe('a name split over its parts\' keys outside JSON, and over 姓 and 名', () => {
  it('takes the parts in a query, kwargs, YAML, a hash and XML', () => {
    takesAs('NAME', 'GET /api/lookup?surname=Zhang&given_name=Wei HTTP/1.1', 'Zhang', 'Wei');
    takesAs('NAME', 'guest:\n  first_name: Chidi\n  last_name: Okafor\n', 'Chidi', 'Okafor');
    takesAs('NAME', "array('lastName' => 'Okonkwo', 'age' => 31)", 'Okonkwo');
    takesAs('NAME', '<Guest><FirstName>Ingrid</FirstName><Surname>Halvorsen</Surname></Guest>', 'Ingrid', 'Halvorsen');
  });
  it('takes a Han surname and given name under 姓 and 名', () => {
    takesAs('NAME', '{"姓":"宁","名":"浩然","年龄":30}', '"宁"', '浩然');
    takesAs('NAME', '姓：欧阳 名：晨 性别：女', '欧阳');
  });
  it('keeps types, defaults, sort orders and words under those keys', () => {
    unchanged([
      'firstName: String',
      'first_name: Default',
      'sort by surname: Ascending',
      'lastName=Unknown',
      'LAST_NAME=Admin',
      'last_name: None',
      '{"姓":"测","名":"试"}',
      '姓: 无 名: 无',
    ]);
  });
});
