/**
 * Person names the redactor missed in held-out-21 (session 20, task name21), by family: a `name` inside an object dump of
 * a person's class and a dump's positional first field; contact lines in six languages and a card's holder; a message's
 * sender; the people of a huddle or a visit; a record id's owner in brackets; a device or a desk named after its person;
 * a label whose value ends with its person in brackets, a name with a worker's status; `O'Brien`-like names. Each with
 * variants held-out-21 does not have, and products, companies, teams and classes that must survive.
 */
import { describe, it } from 'vitest';
import { keepsWords, takesAs, unchanged } from './helpers.js';

describe('a person in an object dump (toString, data class, record)', () => {
  it('takes `name` inside a person class in Dart, Java, C#, Python and Kotlin dumps', () => {
    takesAs('NAME', "flutter: AuthRepository: signed in as User(id: 88124, name: Sean O'Neill, role: sales)", "Sean O'Neill");
    takesAs('NAME', "INFO c.a.CheckinService - saved Customer{id=7, name='Daniel Whitfield', tier=GOLD}", 'Daniel Whitfield');
    takesAs('NAME', 'Contact { Id = 3, Name = Ana Souza, Tags = [] }', 'Ana Souza');
    takesAs('NAME', "DEBUG booking: Guest(name='Rahul Sharma', room=1204)", 'Rahul Sharma');
    takesAs('NAME', 'PassengerDto(seat=12A, name=Ingrid Olsen, bags=1)', 'Ingrid Olsen');
  });
  it('takes a positional first field of a person class', () => {
    takesAs('NAME', 'received NewClaim(CLM-1, Claimant(Aoife Byrne, +353 87 214 6630), amount=EUR 10.00)', 'Aoife Byrne');
    takesAs('NAME', 'created Guest("Lucía Fernández", 2) for room 12', 'Lucía Fernández');
    takesAs('NAME', 'Employee[Jürgen Hoffmann, dept=Finance]', 'Jürgen Hoffmann');
  });
  it('keeps names of things in dumps of other classes, and products in a person class', () => {
    unchanged([
      "Service{name='Order Service'}",
      'Thread(name=Worker Pool, daemon=true)',
      'Product(name=Daniel Whitfield)',
      'Queue(name=Default Queue, durable=true)',
      'User(id=1, roles=[Admin], name=Build Agent)',
      'User(Build Agent)',
      'Customer(Acme Retail, tier=gold)',
    ]);
  });
});

describe('a contact line in six languages, and a card holder', () => {
  it('takes the person after a contact word, with their phone, mail or the end after it', () => {
    takesAs('NAME', 'Ansprechpartner: Hannelore Krüger, Tel. +49 431 9812 440', 'Hannelore Krüger');
    takesAs('NAME', 'Notfall-Kontakt Björn Albrecht +49 171 4482093', 'Björn Albrecht');
    takesAs('NAME', 'snmp-server contact Pieter Janssen p.janssen@example.nl', 'Pieter Janssen');
    takesAs('NAME', 'referente: Marco Rossi', 'Marco Rossi');
    takesAs('NAME', 'interlocuteur : Camille Lefèvre (06 12 34 56 78)', 'Camille Lefèvre');
    takesAs('NAME', 'contacto: Lucía Fernández, tel 600 123 456', 'Lucía Fernández');
    takesAs('NAME', 'Name on Card:Kerstin Albers', 'Kerstin Albers');
    takesAs('NAME', 'Karteninhaber: Jürgen Weiß', 'Jürgen Weiß');
  });
  it('keeps teams, companies and product lines after a contact word', () => {
    unchanged([
      'contact Customer Support, tel 800',
      'Kontakt: Support Team, Tel. 0800',
      'Kontakt: Sparkasse Kiel, Tel. 0431',
      'Please contact Your Administrator.',
      'snmp-server contact Network Operations',
    ]);
  });
});

describe('a message sender, the people of a huddle or a visit, a record id with its owner', () => {
  it('takes the sender of a notification, message, invite or missed call', () => {
    takesAs('NAME', 'warn: Notification from Marco Bellini in #ops-milano suppressed', 'Marco Bellini');
    takesAs('NAME', 'missed call from Ana Souza at 09:12', 'Ana Souza');
    takesAs('NAME', 'Invitation from Priya Natarajan: Q3 review', 'Priya Natarajan');
  });
  it('takes one or two people a session is held with', () => {
    const out = takesAs('NAME', 'joined huddle with Luca Bianchi, Chiara Esposito (call_id=R06C1J8M0LQ)', 'Luca Bianchi', 'Chiara Esposito');
    keepsWords(out, 'call_id');
    takesAs('NAME', 'scheduled visit with Hemi Walker at 27 Kent Terrace', 'Hemi Walker');
    takesAs('NAME', 'appointment with Dr Who booked; interview with Tomasz Zielinski and Ana Souza tomorrow', 'Tomasz Zielinski', 'Ana Souza');
  });
  it('takes a record id owner in brackets', () => {
    takesAs('NAME', 'Auth: invalid password for user #4417 (Valentina Greco)', 'Valentina Greco');
    takesAs('NAME', 'customer id: 88 (Akira Yamamoto) exported', 'Akira Yamamoto');
    takesAs('NAME', 'member 20931 [Ingrid Solberg] renewed', 'Ingrid Solberg');
  });
  it('takes a role noun of an insurer or a payer before a name', () => {
    takesAs('NAME', 'SMS queued for adjuster Declan Gallagher: "New claim"', 'Declan Gallagher');
    takesAs('NAME', 'payout sent to beneficiary Oksana Kovalenko, IBAN ok', 'Oksana Kovalenko');
  });
  it('keeps products, companies and teams after from, with and a record id', () => {
    unchanged([
      'Notification from Google Chrome in tab',
      'message from Deutsche Telekom in inbox',
      'huddle with Product Team, Design Review',
      'user #4417 (Read Only)',
      'meeting with Sales Team at 10',
      'call from Unknown Caller',
    ]);
  });
});

describe('a device, a desk or a label named after its person; a worker with a status', () => {
  it('takes the person of a device or desk in a quoted config label', () => {
    takesAs('NAME', '            description "Handy Chiamaka Okonkwo"', 'Chiamaka Okonkwo');
    takesAs('NAME', '   name "Buero Katarina Petrova"', 'Katarina Petrova');
    takesAs('NAME', "alias 'Laptop Jannik Petersen'", 'Jannik Petersen');
  });
  it('takes a label ending with its person in brackets (plist, JSON, XML)', () => {
    takesAs('NAME', '\t<string>Verlag Kiel – Webserver (Jannik Petersen)</string>', 'Jannik Petersen');
    takesAs('NAME', '"favorite": {"name": "Prod – orders (Anouk de Jong)", "color": "color3"}', 'Anouk de Jong');
    takesAs('NAME', '<Description>NAS Büro (Friederike Wagner)</Description>', 'Friederike Wagner');
  });
  it('takes a name with a worker status in brackets', () => {
    takesAs('NAME', "    comment: 'Rahul Gupta (contractor)'", 'Rahul Gupta');
    takesAs('NAME', '# Zugang für Lena Vogel (Werkstudentin) bis 03/27', 'Lena Vogel');
  });
  it('keeps products, editions and companies in the same places', () => {
    unchanged([
      '<description>Windows Server (Standard Edition)</description>',
      '"name": "Office Suite (Microsoft Corporation)"',
      '"Laptop Pro Max"',
      'description "Handy Samsung Galaxy"',
      '<string>Build Server (Release Pipeline)</string>',
    ]);
  });
});

describe('a title before a name, an account named after its person, a Chinese role before a Latin name', () => {
  it('takes a name after a job title', () => {
    takesAs('NAME', 'Your final-round interview with our CTO Ou Minghui is confirmed', 'Ou Minghui');
    takesAs('NAME', 'cc hiring manager Dana Whitfield on the offer', 'Dana Whitfield');
    takesAs('NAME', 'rent reminder sent by the landlord Pieter Janssen', 'Pieter Janssen');
  });
  it('takes an account named after its person, before its details', () => {
    takesAs('NAME', 'Delivering welcome mail for account Ingrid Solberg (plan=team, seats=14)', 'Ingrid Solberg');
    takesAs('NAME', 'quota exceeded for account Tomasz Zielinski: 10 GB', 'Tomasz Zielinski');
    // lead, session 20: after login21's outcomes (`refused`, `expired`, `mismatch`) — their wake once ended in `for` and hid this one.
    takesAs('NAME', '2026-12-07 09:00:02 WARN login refused for account Daniel Whitfield (locked)', 'Daniel Whitfield');
    takesAs('NAME', 'token expired for account Maria Rossi (session 42)', 'Maria Rossi');
  });
  it('takes a Latin name after a Chinese role word', () => {
    takesAs('NAME', 'ConsigneeTable - 境外收货人: Rajesh Kumar Iyer, Plot 42', 'Rajesh Kumar Iyer');
    takesAs('NAME', '外籍业主：Thomas Becker（护照）', 'Thomas Becker');
    takesAs('NAME', '订票人=Ana Souza;航班=MU5101', 'Ana Souza');
  });
  it('keeps titles, plans and products in the same places', () => {
    unchanged([
      'our CTO Office Hours start at 10',
      'for account Free Tier (plan=free)',
      '收货人: Apple Store, 上海',
      'with the Product Manager Role enabled',
    ]);
  });
});

describe('a vCard formatted name, a chat speaker', () => {
  it('takes a vCard FN in a card and in a log', () => {
    takesAs('NAME', 'FN:John Whitaker', 'John Whitaker');
    takesAs('NAME', 'FN:陈书仪', '陈书仪');
    takesAs('NAME', 'registered (vcard FN=陈书仪, EMAIL=<EMAIL-1>)', '陈书仪');
  });
  it('takes the speaker of a chat export line with the time in brackets', () => {
    takesAs('NAME', '[10:02] Rahul Sharma: 好的，我看一下', 'Rahul Sharma');
    takesAs('NAME', '[12/05/26, 09:15:40] Ana Souza: see you there', 'Ana Souza');
    takesAs('NAME', '[09:15 PM] Jürgen Weiß: ok', 'Jürgen Weiß');
  });
  it('keeps organisations, documents and components in the same places', () => {
    unchanged([
      'FN:Acme Corporation',
      'fn: function(x) { return x }',
      '"Release Notes_v2.pdf"',
      '/usr/share/doc/Getting Started.pdf',
      '[10:02] Main Thread: started',
      '[12/05/26, 09:15:40:771] warn: [DESKTOP] Notification suppressed',
    ]);
  });
});

describe('Han names in lists, workflows, versioned files and SMS templates', () => {
  it('takes every name of a list after a role', () => {
    takesAs('NAME', '住宿：金陵饭店 2 晚  入住人 庞宇航、钱梓萌', '庞宇航', '钱梓萌');
    takesAs('NAME', '参会人：张伟、李娜、王芳', '张伟', '李娜', '王芳');
  });
  it('takes a name between a desk or department and what the person did', () => {
    takesAs('NAME', '审批流：部门经理 龚晓岚 同意 → 财务 司马静怡 复核 → 出纳 付款', '司马静怡');
    takesAs('NAME', 'configurationDescription: 由 IT 部 骆思彤 推送', '骆思彤');
    takesAs('NAME', '人事 欧阳晨 确认', '欧阳晨');
  });
  it('takes a name an office file is named after, a version after it', () => {
    takesAs('NAME', 'conflict on "报价单-钱冠宇-v3.xlsx", keeping both copies', '钱冠宇');
    takesAs('NAME', 'saved 合同_林萌_终版.docx', '林萌');
  });
  it('takes the first parameter of a Tencent Cloud SMS template', () => {
    takesAs('NAME', '"TemplateParamSet": ["秦雅婷", "B2-1703"]', '秦雅婷');
  });
  it('takes a compound surname before 的 and a device', () => {
    takesAs('NAME', '        "诸葛文杰的iPhone":', '诸葛文杰');
  });
  it('keeps words, places and topics in the same places', () => {
    unchanged([
      '责任人 安全、质量',
      '财务 管理员 复核',
      '报价单-华东区-v3.xlsx',
      '"TemplateParamSet": ["安全提醒"]',
    ]);
  });
});

describe('a foreign street address after the verb that sends or takes someone to it', () => {
  it('takes Italian, New Zealand, Swedish, British, US and Irish addresses', () => {
    takesAs('ADDRESS', 'Order ORD-1 placed, ship to Via Guglielmo Marconi 47, 40122 Bologna BO, tel <PHONE-1>', 'Via Guglielmo Marconi 47', '40122 Bologna');
    takesAs('ADDRESS', 'scheduled visit with <NAME-1> at 12 Oriental Parade, Oriental Bay, Wellington 6011', 'Oriental Parade', 'Wellington 6011');
    takesAs('ADDRESS', 'parcel delivered to Kungsgatan 4, 111 43 Stockholm at 14:02', 'Kungsgatan 4', 'Stockholm');
    takesAs('ADDRESS', 'shipped to 221B Baker Street, London NW1 6XE', 'Baker Street', 'NW1 6XE');
    takesAs('ADDRESS', 'invoice mailed to 1600 Amphitheatre Pkwy, Mountain View, CA 94043', 'Amphitheatre', '94043');
    takesAs('ADDRESS', 'customer moved to 3 Harbour View, Cobh, Co. Cork P24 X2Y7', 'Harbour View', 'P24 X2Y7');
  });
  it('keeps versions, servers, queues and regions after the same verbs', () => {
    unchanged([
      'Config moved to Version 2, Release 2024 build',
      'sent to Server 3, Port 8080',
      'visit at Build 12, Node 4',
      'delivered to Queue 7, Worker Pool 12',
      'shipped to Region 2, Zone 4',
      'package sent to Damrak 70, 1012 LM Amsterdam',
    ]);
  });
});
