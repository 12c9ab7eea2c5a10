/**
 * Person names and addresses the redactor missed in held-out-21/22 (session 21, task name22), by family: one part of a
 * name under a first-, last- or given-name column of a contacts or bulk-upload CSV (in a dozen languages), a spouse's or
 * assistant's column, a street line and a quoted address with commas. Each with variants the fixtures do not have, and
 * look-alikes that must survive.
 */
import { describe, expect, it } from 'vitest';
import { file, keepsWords, takesAs, unchanged } from './helpers.js';

describe('one part of a name under a name-part column (CSV)', () => {
  it('takes given and family names in English, German, French, Polish, Finnish and Chinese headers', async () => {
    const ldap = await file('users.csv', 'sn,givenName,mail,department\nNowak,Łukasz,l.nowak@firma.pl,Księgowość\n');
    expect(ldap).toBe('sn,givenName,mail,department\n<NAME-1>,<NAME-2>,<EMAIL-1>,Księgowość\n');
    const de = await file('export.csv', 'Vorname,Nachname,Abteilung,Telefon\nRüdiger,Weißmüller,Einkauf,0431 998877\n');
    expect(de).toContain('<NAME-1>,<NAME-2>,Einkauf');
    const fr = await file('contacts.csv', '"Prénom";"Nom"\n'.replace(';', ',') + '"Aurélie","Duval"\n');
    expect(fr).toBe('"Prénom","Nom"\n"<NAME-1>","Duval"\n'); // `Nom` alone is any name (a product's too): kept
    const pl = await file('pracownicy.csv', 'Imię,Nazwisko,Stanowisko\nMałgorzata,Wiśniewska,Kierownik\n');
    expect(pl).toBe('Imię,Nazwisko,Stanowisko\n<NAME-1>,<NAME-2>,Kierownik\n');
    const fi = await file('henkilöt.csv', 'Etunimi,Sukunimi,Sähköposti\nAino,Virtanen,aino@example.fi\n');
    expect(fi).toContain('<NAME-1>,<NAME-2>,');
    const zh = await file('通讯录.csv', '姓,名,手机\n欧阳,晓雯,13912345678\n万,佳琪,13681927045\n');
    expect(zh).toBe('姓,名,手机\n<NAME-1>,<NAME-2>,<PHONE-1>\n<NAME-3>,<NAME-4>,<PHONE-2>\n');
    const upper = await file('mrz.csv', 'SURNAME,GIVEN NAMES,NATIONALITY\nSCHNEIDER,KATHARINA,DEU\n');
    expect(upper).toBe('SURNAME,GIVEN NAMES,NATIONALITY\n<NAME-1>,<NAME-2>,DEU\n');
  });
  it('keeps placeholders, test words, column words and what is no name-part column', async () => {
    const kept = await file('users.csv', 'First Name,Last Name,Role\nTest,User,Admin\nN/A,Unknown,Guest\n测试,系统,访客\n');
    expect(kept).toBe('First Name,Last Name,Role\nTest,User,Admin\nN/A,Unknown,Guest\n测试,系统,访客\n');
    const accounts = await file('upload.csv', 'First Name [Required],Last Name [Required],Email Address [Required]\nIT,Helpdesk,helpdesk@example.kz\nTest,Student,test.student@example.kz\nMeeting,Room Oslo,oslo@example.kz\n');
    expect(accounts).toContain('IT,Helpdesk,');
    expect(accounts).toContain('Test,Student,');
    expect(accounts).toContain('Meeting,Room Oslo,');
    const other = await file('servers.csv', 'Host,Name,Site\nweb01,Frontend,Helsinki\n');
    expect(other).toBe('Host,Name,Site\nweb01,Frontend,Helsinki\n');
    const surnameNotHan = await file('s.csv', 'Surname,Given Name\n数据,导出\n');
    expect(surnameNotHan).toContain('数据,');
  });
});

describe("Outlook's contact columns: a spouse, an assistant, a home or business street", () => {
  it('takes the spouse and the street line', async () => {
    const out = await file('contacts.CSV', '"First Name","Last Name","Business Street","Spouse","Assistant\'s Name"\n"Greta","Lindqvist","Drottninggatan 71 C","Olof Lindqvist","Maja Berg"\n');
    expect(out).toBe('"First Name","Last Name","Business Street","Spouse","Assistant\'s Name"\n"<NAME-1>","<NAME-2>","<ADDRESS-1>","<NAME-3>","<NAME-4>"\n');
  });
  it('takes a quoted home address with commas, in Cyrillic, Latin and Chinese', async () => {
    const out = await file('bulk.csv', 'Email,Home Address,Department\na@b.kz,"ул. Абая 52, кв. 17, Алматы 050008",Math\nc@d.ie,"14 Harbour View, Cobh, Co. Cork P24 X2Y7",Art\ne@f.cn,"浦东新区张杨路 500 号, 1203 室",IT\n');
    expect(out).toBe('<EMAIL-1>,Home Address,Department\n'.replace('<EMAIL-1>', 'Email') + '<EMAIL-1>,"<ADDRESS-1>",Math\n<EMAIL-2>,"<ADDRESS-2>",Art\n<EMAIL-3>,"<ADDRESS-3>",IT\n');
  });
  it('keeps a quoted cell with commas under another column, and a street column without a number', async () => {
    const out = await file('bulk.csv', 'Email,Notes,Home Street\na@b.kz,"met at Slush, 2025, Helsinki",Unknown\n');
    expect(out).toBe('Email,Notes,Home Street\n<EMAIL-1>,"met at Slush, 2025, Helsinki",Unknown\n');
  });
});

describe('Central European letters in a Latin name (Latin Extended-A)', () => {
  it('takes Czech, Polish, Latvian and Turkish names where a Latin-1 name is taken', () => {
    takesAs('NAME', 'b81e0d4 Jakub Wiśniewski <jakub.wisniewski@protonmail.com> 2026-12-04 chore: bump', 'Jakub Wiśniewski');
    takesAs('NAME', 'owner={"name":"Jana Dvořáková","phone":"+420 604 318 227"} area=3.42ha', 'Jana Dvořáková');
    takesAs('NAME', '{"fullName": "Łukasz Żółć", "id": 4}', 'Łukasz Żółć');
    takesAs('NAME', 'refund approved by Ondřej Šťastný.', 'Ondřej Šťastný');
    takesAs('NAME', 'SMS queued for customer Ģirts Bērziņš, phone +371 2912 3456', 'Ģirts Bērziņš');
    takesAs('NAME', 'Ansprechpartner: Gülşen Yıldırım, Tel. +90 212 555 0101', 'Gülşen Yıldırım');
  });
  it('keeps place, product and English words written with those letters', () => {
    keepsWords('shipped to Łódź Fabryczna, tel dispatch', 'Łódź');
    unchanged(['{"name":"Škoda Octavia","trim":"Style"}', 'model name: Škoda Superb', 'approved by Kraków Office.', '"customer": "Ústí Region"']);
  });
});

describe('a dotted key whose last part names a person', () => {
  it("takes a device config's display name, a webhook's customer name beside an e-mail, a dotted full name", () => {
    takesAs('NAME', 'account.1.display_name = 俞婉清', '俞婉清');
    takesAs('NAME', 'account.2.display_name = Heikki Mäkinen', 'Heikki Mäkinen');
    takesAs('NAME', 'checkout.session.completed customer_details.name=Harriet Okafor email=h.okafor@outlook.co.uk', 'Harriet Okafor');
    takesAs('NAME', 'profile.full_name: "Chidi Okonkwo"', 'Chidi Okonkwo');
  });
  it('keeps a dotted bare `name` with no personal datum, and a desk or product under a person key', () => {
    unchanged(['spring.application.name=Order Service', 'app.name = Visual Studio Code', 'account.2.display_name = Reception Desk', 'sip.account.1.display_name = 前台总机', 'logger.name=Root Logger']);
  });
});

describe('a name split over given and family keys, in capitals or plural (an MRZ reader)', () => {
  it('takes each part', () => {
    takesAs('NAME', 'MRZ parsed: docType=P issuer=DEU surname=SCHNEIDER givenNames=KATHARINA documentNumber=C01X00T47', 'SCHNEIDER', 'KATHARINA');
    takesAs('NAME', 'surnames=Dvořáková given_names: Šárka', 'Dvořáková', 'Šárka');
    takesAs('NAME', '<GivenName>OLUMIDE</GivenName> LAST_NAME="ADEYEMI"', 'ADEYEMI');
  });
  it('keeps placeholders in capitals', () => {
    unchanged(['lastName=NULL firstName=TBD', 'first_name=NONE last_name=UNKNOWN']);
  });
});

describe("a document's or a photo's person in its metadata, and who exported or saved it", () => {
  it('takes exiftool tags, OOXML core properties and *By keys', () => {
    takesAs('NAME', '[IFD0]          Artist                          : Ingrid Halvorsen', 'Ingrid Halvorsen');
    takesAs('NAME', '[ExifIFD]       Owner Name                      : Paweł Kowalczyk', 'Paweł Kowalczyk');
    takesAs('NAME', 'Creator                         : 周建华', '周建华');
    takesAs('NAME', 'By-line                         : Siobhán Kelly', 'Siobhán Kelly');
    takesAs('NAME', '<dc:title>合同</dc:title><dc:creator>孟婷</dc:creator><cp:revision>14</cp:revision>', '孟婷');
    takesAs('NAME', '<cp:lastModifiedBy>Tobias Gruber</cp:lastModifiedBy>', 'Tobias Gruber');
    takesAs('NAME', '  "ExportedBy": "Tobias Gruber",', 'Tobias Gruber');
    takesAs('NAME', 'last_modified_by=Siobhán Ní Bhriain', 'Siobhán Ní Bhriain');
    takesAs('NAME', "{'created_by': 'Aroha Ngata', 'rows': 12}", 'Aroha Ngata');
  });
  it('keeps software, placeholders, a music library and unpadded prose', () => {
    unchanged([
      '  "artist": "Daft Punk",',
      'Artist                          : Unknown Artist',
      '<dc:creator>Microsoft Office User</dc:creator>',
      'Creator                         : Adobe Photoshop',
      'created_by: Terraform Cloud',
      '"createdBy": "Jenkins Pipeline"',
      'Software                        : Darktable Studio',
    ]);
  });
});

describe('a role opening a bracket or a list item', () => {
  it('takes the person after the role', () => {
    takesAs('NAME', 'SMS sent via Vonage to +351 936 271 045 (order #100482, customer Rui Carvalho)', 'Rui Carvalho');
    takesAs('NAME', 'booking saved; guest Aiko Tanaka; nights=3', 'Aiko Tanaka');
    takesAs('NAME', 'queued (recipient Mwajuma Otieno) via smtp', 'Mwajuma Otieno');
  });
  it('keeps companies, products and services after the role', () => {
    unchanged(['tenants: (tenant Acme Corp, tier gold)', '(client Mozilla Firefox)', 'jobs=3, operator Prometheus Alertmanager', '; member Service Account', '(courier Royal Mail)']);
  });
});
