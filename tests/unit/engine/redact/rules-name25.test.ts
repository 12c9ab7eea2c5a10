/**
 * Person names in Latin scripts where apps print them (session 23, task name25; person-latin.ts, formats.ts
 * CSV_PERSON_COLUMN_25): role words and verbs of a dozen languages, honorifics, holders, relatives, self-introductions,
 * devices, English `<role> Name:` keys, name parts under prefixed or compact keys, and CSV exports whose header says
 * whose name a column holds. Variants the held-out fixtures do not have, and look-alikes that must survive.
 */
import { describe, expect, it } from 'vitest';
import { check, file, redact, unchanged } from './helpers.js';

describe('a role word and a name, in a dozen languages', () => {
  it('takes the person after a role word', () => {
    check([
      ['INFO pos: Pelanggan Budi Santoso menukar 40 poin', 'INFO pos: Pelanggan <NAME-1> menukar 40 poin'],
      ['penerima Dewi Kartika Sari, alamat menyusul', 'penerima <NAME-1>, alamat menyusul'],
      ['UYARI alıcı Ayşe Nur Demir, fatura reddedildi', 'UYARI alıcı <NAME-1>, fatura reddedildi'],
      ['kart sahibi Emre Yıldız TCKN=?', 'kart sahibi <NAME-1> TCKN=?'],
      ['Zwrot: nadawca Piotr Wójcik-Mazur, kwota 40 zł', 'Zwrot: nadawca <NAME-1>, kwota 40 zł'],
      ['WARN usuário Rafael Souza Lima não encontrado', 'WARN usuário <NAME-1> não encontrado'],
      ['intestatario Marco De Santis, conto sospeso', 'intestatario <NAME-1>, conto sospeso'],
      ['medewerker Joost van den Broek is ziek', 'medewerker <NAME-1> is ziek'],
      ['paziente registrata: Elena Ferraro, reparto 3', 'paziente registrata: <NAME-1>, reparto 3'],
    ]);
  });
  it('takes a full name after an honorific of another language', () => {
    check([
      ['consulta com Dra. Juliana Castro amanhã', 'consulta com Dra. <NAME-1> amanhã'],
      ['Ho sentito la dott.ssa Laura Bellini,', 'Ho sentito la dott.ssa <NAME-1>,'],
      ['afspraak met dhr. Wouter de Boer', 'afspraak met dhr. <NAME-1>'],
      ['Kepada Bapak Agus Salim di tempat', 'Kepada Bapak <NAME-1> di tempat'],
    ]);
  });
  it('takes who made or changed a page or a record, in seven languages', () => {
    check([
      ['Zuletzt bearbeitet von Katrin Vogel am 02.11.2026', 'Zuletzt bearbeitet von <NAME-1> am 02.11.2026'],
      ['Page modifiée par Aurélie Garnier le 3 mars', 'Page modifiée par <NAME-1> le 3 mars'],
      ['Documento criado por Thiago Mendes em 02/12', 'Documento criado por <NAME-1> em 02/12'],
      ['Ticket aangemaakt door Lotte Jansen', 'Ticket aangemaakt door <NAME-1>'],
      ['Laporan dibuat oleh Rizky Pratama.', 'Laporan dibuat oleh <NAME-1>.'],
      ['Kayıt Murat Aksoy tarafından silindi', 'Kayıt <NAME-1> tarafından silindi'],
    ]);
  });
  it('keeps business, form and product words in a name place', () => {
    unchanged([
      'hesap sahibi Ziraat Bankası',
      'kasir Toko Sumber Rejeki',
      'Pelanggan Baru Ditambahkan',
      'klient Microsoft Exchange',
      'usuario Administrador Global',
      'modifié par Windows Update',
      'criado por Microsoft Teams',
      'erstellt von Jenkins Pipeline',
      'sig. Direttore Generale',
      'Dra. Data Center',
      'Ibu Kota Jakarta Pusat',
    ]);
  });
});

describe('English log lines: users, holders, nominees, starters', () => {
  it('takes a user, a holder and a nominee by name', () => {
    check([
      ['Started by user Olivia Brennan', 'Started by user <NAME-1>'],
      ['Push notification sent to user Lucas Moreau (id 88)', 'Push notification sent to user <NAME-1> (id 88)'],
      ['Ticket 4411: User Hannah Schulz reported that the VPN drops', 'Ticket 4411: User <NAME-1> reported that the VPN drops'],
      ['kyc: account holder "PRIYA S NAIR" does not match', 'kyc: account holder "<NAME-1>" does not match'],
      ['Card holder: Tomás Ruiz', 'Card holder: <NAME-1>'],
      ['NOMINEE: Rahul Verma', 'NOMINEE: <NAME-1>'],
      ['New starter: Chloe Dubois, desk 4.12', 'New starter: <NAME-1>, desk 4.12'],
    ]);
  });
  it('keeps what starts a job and accounts that are no one', () => {
    unchanged([
      'Started by timer',
      'Started by upstream project "nightly" build number 12',
      'Started by user Admin',
      'for user Default Account (x)',
      'User Agent reports error',
      'account holder Name: not set',
      'Nominee: Not Applicable',
    ]);
  });
});

describe('relatives, self-introductions, devices', () => {
  it('takes a relative and the child, a person introducing themselves, a device’s owner', () => {
    check([
      ['madre di Sofia Greco: Paola Rinaldi, tel. da chiedere', 'madre di <NAME-1>: <NAME-2>, tel. da chiedere'],
      ['Guardian: Amelia Hughes', 'Guardian: <NAME-1>'],
      ['"Body": "Hola, me llamo Lucía Fernández y quiero cancelar"', '"Body": "Hola, me llamo <NAME-1> y quiero cancelar"'],
      ['pesan: nama saya Andi Wijaya, mau tanya', 'pesan: nama saya <NAME-1>, mau tanya'],
      ['My name is Grace O’Connor, order 5512', 'My name is <NAME-1>, order 5512'],
      ['tracker "iPad de Marie Dubois" left zone Home', 'tracker "iPad de <NAME-1>" left zone Home'],
      ['Bluetooth: paired MacBook Pro von Jonas Weber', 'Bluetooth: paired MacBook Pro von <NAME-1>'],
    ]);
  });
  it('keeps boards, pipelines and stores after such words', () => {
    unchanged(['Mother: Board Revision 2', 'Parent: Windows Update Agent', 'parent: Build Pipeline', 'iPhone van Apple Store', 'iPhone de Test Device']);
  });
});

describe('keys of a whole name or one part of it', () => {
  it('takes an English `<role> Name:` key', () => {
    check([
      ['Customer Name : Arjun Mehta          Policy No : 4471', 'Customer Name : <NAME-1>          Policy No : 4471'],
      ['\tDisplay Name:\t\tNiamh Gallagher', '\tDisplay Name:\t\t<NAME-1>'],
      ['Account Holder Name: Kavya Reddy', 'Account Holder Name: <NAME-1>'],
    ]);
    unchanged(['Display Name: Windows Update', 'Display Name: Microsoft Edge Update Service', 'Full Name: Not Set']);
  });
  it('takes one part of a name under prefixed, compact, camel and escaped keys', () => {
    check([
      ['event=UPDATE old_first_name="Mikko" new_first_name="Mika"', 'event=UPDATE old_first_name="<NAME-1>" new_first_name="<NAME-2>"'],
      ['INSERT patient fname=Harold lname=McKenzie dob=?', 'INSERT patient fname=<NAME-1> lname=<NAME-2> dob=?'],
      ['{"billingLastName": "van Dijk"}', '{"billingLastName": "<NAME-1>"}'],
      ['body="{\\"firstName\\":\\"Ingrid\\",\\"lastName\\":\\"de la Cruz\\"}"', 'body="{\\"firstName\\":\\"<NAME-1>\\",\\"lastName\\":\\"<NAME-2>\\"}"'],
      ['{"cardholderName": "J. van Rijn"}', '{"cardholderName": "<NAME-1>"}'],
      ['Nowy klient: imię=Bartosz nazwisko=Lewandowski', 'Nowy klient: imię=<NAME-1> nazwisko=<NAME-2>'],
    ]);
  });
  it('keeps test accounts and types under name-part keys', () => {
    unchanged(['"firstName": "Admin",', 'lname=Test fname=User', 'fname=null', 'first_name="string"', '"lastName": "Unknown"', 'open fname=Makefile mode=r', 'Nachname: Pflichtfeld']);
  });
  it('takes a whole name under another language’s key, a bare `nama` only beside the person’s data', () => {
    check([
      ['{"nama_lengkap":"Putri Ayu Lestari","kota":"Bandung"}', '{"nama_lengkap":"<NAME-1>","kota":"Bandung"}'],
      ["{'nome_completo': 'Gabriel Araújo', 'idade': 41}", "{'nome_completo': '<NAME-1>', 'idade': 41}"],
      ['body={\\"nama\\":\\"Siti Nurhaliza\\",\\"hp\\":\\"0812\\"}', 'body={\\"nama\\":\\"<NAME-1>\\",\\"hp\\":\\"0812\\"}'],
    ]);
    unchanged(['"nama":"Kopi Susu Gula Aren", "harga": 5', '{"nama": "Paket Hemat Keluarga"}']);
  });
  it('takes a mail header’s display name with a capital inside the surname', () => {
    expect(redact('From: Ewan MacLeod <ewan@mail.example>')).toBe('From: <NAME-1> <<EMAIL-1>>');
    expect(redact('Cc: "Sinead McCarthy" <s.mccarthy@mail.example>')).toBe('Cc: "<NAME-1>" <<EMAIL-1>>');
    expect(redact('From: GitHub <noreply@github.com>')).toBe('From: GitHub <<EMAIL-1>>');
  });
});

describe('CSV exports whose header says whose name a column holds', () => {
  it('takes billing, shipping and recipient names, and rows that start with `#`', async () => {
    const out = await file('orders.csv', 'Name,Email,Billing Name,Shipping Name,Total\n#2001,a@b.example,Grace Whitfield,Tomasz Wójcik,12.00\n');
    expect(out).toContain('#2001,<EMAIL-1>,<NAME-1>,<NAME-2>,12.00');
    const jira = await file('jira.csv', 'Summary,Custom field (Employee),Status\nLaptop,Aleksander Nowak,Done\n');
    expect(jira).toContain('Laptop,<NAME-1>,Done');
  });
  it('takes a bare name column in a table of people, not in a table of things', async () => {
    const people = await file('attendees.csv', 'Meeting,Name,Attendee Email,Join Time\nReview,Adaeze Okafor,x@y.example,10:02\n');
    expect(people).toContain('Review,<NAME-1>,<EMAIL-1>,10:02');
    const things = await file('apps.csv', 'Name,Version,Publisher\nVisual Studio,17.8,Microsoft\nMozilla Firefox,120,Mozilla\n');
    expect(things).toContain('Mozilla Firefox,120,Mozilla');
  });
  it('reads a shop’s qualifier after a column, and a given name beside a family-name column', async () => {
    const it = await file('ordini.csv', '"Nome (fatturazione)","Cognome (fatturazione)","Città (spedizione)"\n"Serena","De Angelis","Roma"\n');
    expect(it).toContain('"<NAME-1>","<NAME-2>","Roma"');
    const es = await file('clientes.csv', 'Nombre,Apellidos,Teléfono\nInés,Navarro,600123123\n');
    expect(es).toContain('<NAME-1>,<NAME-2>,');
    const kept = await file('ordini.csv', '"Nome (fatturazione)","Cognome (fatturazione)"\n"Test","Cliente"\n');
    expect(kept).toContain('"Test","Cliente"');
  });
});

describe('Thai names', () => {
  it('takes a given name and a surname after a key, a role, a self-introduction or an honorific', () => {
    check([
      ['INFO ลงทะเบียน ชื่อ-สกุล: วราภรณ์ แก้วมณี อายุ 34', 'INFO ลงทะเบียน ชื่อ-สกุล: <NAME-1> อายุ 34'],
      ['WARN ลูกค้า ธนากร พูลสวัสดิ์ (VIP) ยกเลิกคำสั่งซื้อ', 'WARN ลูกค้า <NAME-1> (VIP) ยกเลิกคำสั่งซื้อ'],
      ['"text":"สวัสดีครับ ผม ชื่อ กิตติพงษ์ มั่นคง ครับ"', '"text":"สวัสดีครับ ผม ชื่อ <NAME-1> ครับ"'],
      ['ส่งถึง นายอนุชา ทองดี 99/1 ถนนสุขุมวิท', 'ส่งถึง นาย<NAME-1> 99/1 ถนนสุขุมวิท'],
      ['ติดต่อนางสาวพิมพ์ชนก บุญมา ได้ที่ฝ่ายบัญชี', 'ติดต่อนางสาว<NAME-1> ได้ที่ฝ่ายบัญชี'],
    ]);
  });
  it('keeps Thai requests, qualities and employers', () => {
    unchanged(['ดิฉัน ต้องการ ยกเลิกนัด', 'คุณภาพ ดีมาก ครับ', 'ลูกค้า ทั่วไป จำนวน 3', 'นายจ้าง ไม่มา วันนี้']);
  });
});

describe('printed data frames and blank-aligned tables', () => {
  it('takes a name under a name column found by the header words’ positions', async () => {
    const frame = [
      '      cust_id          full_name                 city',
      '0        4411    Margarethe Vogt               Berlin',
      '1        4412  Sebastián Herrera           Valparaíso',
    ].join('\n');
    const out = await file('report.txt', frame + '\n');
    expect(out).toContain('0        4411    <NAME-1>               Berlin');
    expect(out).toContain('1        4412  <NAME-2>           Valparaíso');
  });
  it('aligns a logged frame’s header with its rows by their right ends (a log prefix before the header only)', async () => {
    const log = [
      '[2026-01-05 10:00:01] INFO - sample:      id               nama                   email',
      '0    7781   Wulan Sari Dewi   wulan.sd@mail.example',
    ].join('\n');
    const out = await file('task.log', log + '\n');
    expect(out).toContain('0    7781   <NAME-1>   <EMAIL-1>');
  });
  it('keeps names of things under a bare name column of a table of things, and cells under other columns', async () => {
    const apps = ['  id                 name  version', '0  12      Mozilla Firefox    120.0', '1  13    Adobe Reader Lite     11.2'].join('\n');
    expect(await file('apps.txt', apps + '\n')).toContain('Mozilla Firefox');
    const cities = ['    id       full_name         city', '0   1   Ana Souza   Rio Branco  x@y.example'].join('\n');
    expect(await file('c.txt', cities + '\n')).toContain('Rio Branco');
  });
});
