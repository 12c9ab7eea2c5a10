/**
 * ids26 (session 24): the national numbers and national phones held-out-25 showed missing (issue #14) — national-ids26.ts's
 * formats and names, a shape taken alone (national-shapes.ts: an Emirates ID with its dashes),
 * and phone words and keys (national-phone.ts). Every value here is invented for this file (none is a fixture's), with
 * its check digit computed; each format has valid numbers under its names, a number whose check fails, and look-alikes
 * (byte counts, ids, order numbers, timestamps, versions, dates, sort codes, invoice numbers of the same length).
 */
import { describe, expect, it } from 'vitest';
import { keepsWords, redact, takesAs } from './helpers.js';
import { nationalIdCheck } from '../../../../electron/engine/redact/national-ids.js';
import { isEmiratesId } from '../../../../electron/engine/redact/national-shapes.js';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { PROFILES } from './corpus-quality.js';

const takes = (text: string, ...values: string[]) => takesAs('IDNUM', text, ...values);
const takesPhone = (text: string, ...values: string[]) => takesAs('PHONE', text, ...values);

describe('ids26: the check digits', () => {
  const valid: [string, string][] = [
    ['nric', 'S1399162F'], ['nric', 'F3495484N'], ['mykad', '961006-10-8367'], ['mykad', '521114-07-9723'], ['mytin', 'IG60952469530'],
    ['mst', '0571130606'], ['mst', '0100109106'], ['sin', '785 030 743'], ['sin', '161893326'], ['tfn', '807 776 827'], ['tfn', '108126865'],
    ['ird', '81-252-076'], ['ird', '49091850'], ['rnokpp', '2802340109'], ['rc', '665212/8494'], ['rc', '7104268963'], ['pnr', '710712-9830'],
    ['fnr', '04069290995'], ['hetu', '050966-159M'], ['hetu', '131052-308T'], ['cuil', '20-18424729-2'], ['afm', '165080741'], ['amka', '06126982351'],
    ['eid', '784-1965-2116563-7'], ['eid', '784199436028924'], ['ilid', '223804147'], ['ilid', '269197455'],
    ['arc', 'F954738575'], ['arc', 'FC18515689'], ['twid', 'N115915547'], ['taj', '492 241 121'], ['ppsn', '1768747C'], ['ppsn', '0808607EA'],
    ['zaid', '8504011989087'], ['irnid', '7985529888'], ['irnid', '0499370899'],
  ];
  it.each(valid)('%s %s passes its check', (key, value) => expect(nationalIdCheck(key, value)).toBe(true));
  const invalid: [string, string][] = [
    ['nric', 'S1399162G'], ['mykad', '961306-10-8367'], ['mykad', '961006-00-8367'], ['mst', '0571130607'], ['sin', '785 030 744'], ['sin', '046 454 286'],
    ['tfn', '807 776 828'], ['ird', '81-252-077'], ['rnokpp', '2802340108'], ['rc', '665212/8495'], ['rc', '661312/8494'], ['pnr', '710712-9831'],
    ['fnr', '04069290996'], ['hetu', '050966-159N'], ['cuil', '20-18424729-3'], ['afm', '165080742'], ['amka', '06126982352'], ['amka', '32126982351'],
    ['eid', '784-1965-2116563-8'], ['ilid', '223804148'], ['arc', 'F954738576'], ['taj', '492 241 122'], ['ppsn', '1768747D'], ['zaid', '8504011989088'],
    ['irnid', '7985529887'], ['irnid', '1111111111'],
  ];
  it.each(invalid)('%s %s fails its check', (key, value) => expect(nationalIdCheck(key, value)).toBe(false));
  it('checks the shapes taken alone', () => {
    expect(isEmiratesId('784-1994-3602892-4')).toBe(true);
    expect(isEmiratesId('784-1994-3602892-5')).toBe(false);
  });
});

describe('ids26: a national number beside its name', () => {
  it('Singapore NRIC/FIN under MyInfo and form keys', () => {
    takes('MyInfo person: uinfin=S1399162F, sex=F', 'S1399162F');
    takes('{"uinfin":"F3495484N","name":"x"}', 'F3495484N');
    takes('Visitor FIN: F0332835W (work pass)', 'F0332835W');
    keepsWords('fin: S1399162G state=done', 'S1399162G'); // `fin` means other things: the check letter decides
  });
  it('Malaysia MyKad and an individual LHDN TIN', () => {
    takes('Pelanggan: Ahmad, No. K/P baru 961006-10-8367, alamat…', '961006-10-8367');
    takes('{"mykad":"521114079723","nama":"x"}', '521114079723');
    takes('MyKad: 500222-14-1495', '500222-14-1495');
    takes('buyer TIN: IG12953494702 (individual)', 'IG12953494702');
    takes('No. Cukai Pendapatan IG18341598934', 'IG18341598934');
    keepsWords('MyKad: 961306-10-8367 ref', '961306-10-8367'); // month 13
    keepsWords('TIN: C20880140000 company', 'C20880140000');
  });
  it('Vietnam MST and BHXH', () => {
    takes('Người nộp thuế: MST 0571130606, kỳ 11/2026', '0571130606');
    takes('mã số thuế: 0233910837-001 (chi nhánh)', '0233910837-001');
    takes('Mã số BHXH: 0124385761; nơi KCB', '0124385761');
    takes('so_so: x, BHXH 7910034526', '7910034526');
    keepsWords('2026-12-07 07:00:00 MST 0571130607 jobs queued', '0571130607'); // MST a time zone: the check decides
  });
  it('Canada SIN / NAS with Luhn', () => {
    takes('Employee SIN: 785 030 743', '785 030 743');
    takes('{"sin":"161893326","province":"ON"}', '161893326');
    takes('NAS : 395-748-940', '395-748-940');
    takes('Social Insurance Number 161 893 326', '161 893 326');
    keepsWords('SIN: 785 030 744 mismatch', '785 030 744');
    keepsWords('sin 395748941 retries', '395748941');
  });
  it('Australia TFN, under Magento `taxvat` on its check, and NZ IRD', () => {
    takes('TFN: 807 776 827', '807 776 827');
    takes('"tax_file_number":"108126865"', '108126865');
    takes('customer saved {"taxvat":"090 249 724"}', '090 249 724');
    takes('IRD number: 81-252-076', '81-252-076');
    takes('ird_no=49091850', '49091850');
    keepsWords('{"taxvat":"807 776 828"}', '807 776 828');
    keepsWords('{"taxvat":"DE811907980"}', 'DE811907980');
    keepsWords('IRD: 81-252-077', '81-252-077');
  });
  it('Ukraine РНОКПП / ІПН', () => {
    takes('Отримувач: Петренко І. В., РНОКПП 2802340109', '2802340109');
    takes('ІПН: 2731581237', '2731581237');
    takes('Ідентифікаційний код 2793931643, паспорт', '2793931643');
    takes('{"rnokpp":"2802340109"}', '2802340109');
  });
  it('Czech and Slovak rodné číslo (a date, mod 11)', () => {
    takes('Rodné číslo: 665212/8494', '665212/8494');
    takes('rodne_cislo=7104268963', '7104268963');
    takes('birth number 885605/6616', '885605/6616');
    keepsWords('Rodné číslo: 661312/8494', '661312/8494');
  });
  it('Swedish, Norwegian, Danish, Finnish numbers under their names', () => {
    takes('{"PersonalIdentityNumber":"19710712-9830","Name":"x"}', '19710712-9830');
    takes('samordningsnummer: 590571-1700', '590571-1700');
    takes('Fødselsnummer: 04069290995', '04069290995');
    takes('CPR-nr.: 070761-2541', '070761-2541');
    takes('Henkilötunnus: 050966-159M', '050966-159M');
    takes('hetu=131052-308T', '131052-308T');
    keepsWords('fnr 04069290996 retry', '04069290996');
  });
  it('a document type naming the number of the key beside it', () => {
    takes('"identification":{"type":"CUIL","number":"20-18424729-2"}', '20-18424729-2');
    takes("{ type: 'CUIT', number: '20-46237903-0' }", '20-46237903-0');
    takes('"doc":{"tipo":"DNI","numero":"32301628"}', '32301628');
    takes('"identification":{"type":"CPF","number":"357.807.007-61"}', '357.807.007-61');
    // Under its own type a CUIL whose check digit is off is still that person's (a typo): the shape decides; other shapes stay.
    takes('"identification":{"type":"CUIL","number":"20-18424729-3"}', '20-18424729-3');
    keepsWords('"identification":{"type":"CUIL","number":"1842472"}', '1842472');
    keepsWords('{"type":"invoice","number":"20-18424729-2"}', '20-18424729-2');
  });
  it('Greece ΑΦΜ and ΑΜΚΑ', () => {
    takes('Προμηθευτής ΑΦΜ 165080741, ΔΟΥ Α΄ Αθηνών', '165080741');
    takes('Α.Φ.Μ.: 129427713', '129427713');
    takes('ΑΜΚΑ: 06126982351', '06126982351');
    takes('"amka":"01097972879"', '01097972879');
    keepsWords('afm 165080742 scan', '165080742');
  });
  it('the Emirates ID under its names and alone with its dashes', () => {
    takes('{"emiratesId":"784199436028924"}', '784199436028924');
    takes('Emirates ID: 784-1965-2116563-7', '784-1965-2116563-7');
    takes('رقم الهوية: 784-1977-0040829-3', '784-1977-0040829-3');
    takes('verified holder 784-1994-3602892-4 at counter 3', '784-1994-3602892-4');
    keepsWords('holder 784-1994-3602892-5 at counter 3', '784-1994-3602892-5');
  });
  it('Israel ת.ז.', () => {
    takes('מספר זהות 223804147', '223804147');
    takes('ת.ז. 287083919 כתובת', '287083919');
    takes('ת"ז: 269197455', '269197455');
    takes('teudat zehut: 223804148', '223804148'); // under its own name the shape decides (a typo'd digit is still hers)
    keepsWords('מספר הזמנה 223804147', '223804147'); // an order number
  });
  it('the UK NI number under NI, National Insurance and in prose', () => {
    takes('{"ni":"AB 05 08 16 C","dob":"x"}', 'AB 05 08 16 C');
    takes('National Insurance number: CE 12 34 56 A', 'CE 12 34 56 A');
    takes('my NI number is JZ 11 22 33 D, thanks', 'JZ 11 22 33 D');
    takes('ni_number=PW123456B', 'PW123456B');
    keepsWords('NI: BG 12 34 56 A', 'BG 12 34 56 A'); // BG is never issued
  });
  it('Taiwan 身分證 and 居留證 (old and new)', () => {
    takes('病患 身分證號：N115915547', 'N115915547');
    takes('身分證 K174727147 眷屬', 'K174727147');
    takes('居留證號=F954738575', 'F954738575');
    takes('居留證統一編號：FC18515689', 'FC18515689');
  });
  it('Hungary TAJ, Ireland PPSN, South Africa, the Philippines, Iran', () => {
    takes('TAJ szám: 492 241 121', '492 241 121');
    keepsWords('taj 492 241 122 (hotel)', '492 241 122');
    takes('PPSN: 1768747C', '1768747C');
    takes('PPS No. 0808607EA', '0808607EA');
    keepsWords('pps 1768747D', '1768747D');
    takes('SA ID number: 8504011989087', '8504011989087');
    takes('{"id_number":"7910078981084"}', '7910078981084');
    takes('TIN: 123-456-789-000', '123-456-789-000');
    takes('SSS No. 34-1234567-8', '34-1234567-8');
    takes('کد ملی: 7985529888', '7985529888');
    takes('شماره ملی 0413699234', '0413699234');
  });
});

describe('ids26: an organisation\'s number stays', () => {
  it('keeps a number the words between name and number give to a company', () => {
    keepsWords('đồng bộ hóa đơn, mã số thuế công ty 0571130606', '0571130606');
    keepsWords('Στοιχεία: ΑΦΜ εταιρείας 165080741', '165080741');
    keepsWords('TIN of the company: IG12953494702', 'IG12953494702');
    takes('SIN confirmed 785 030 743'.replace(' confirmed', ':'), '785 030 743');
  });
});

describe('ids26: national phones after a phone word', () => {
  it('keys: glued, camelCase and numbered', () => {
    takesPhone('telephoneNumber: 08-643 27 19', '08-643 27 19');
    takesPhone('{"Phone1":"070-123 45 67","Phone2":""}', '070-123 45 67');
    takesPhone('buyerPhone=0903 614 285&buyerEmail=x', '0903 614 285');
    takesPhone('homePhone: 031-12 34 56', '031-12 34 56');
  });
  it('words of more languages', () => {
    takesPhone('Πελάτης, τηλ. 697 123 4567', '697 123 4567');
    takesPhone('Τηλέφωνο: 210 324 5678', '210 324 5678');
    takesPhone('טלפון: 052-7384912', '052-7384912');
    takesPhone('נייד 054-1234567', '054-1234567');
    takesPhone('رقم الهاتف المتحرك: 050 123 4567', '050 123 4567');
    takesPhone('手機：0912-345-678', '0912-345-678');
    takesPhone('行動電話 0988 123 456', '0988 123 456');
    takesPhone('Телефон: 067 123 45 67', '067 123 45 67');
    takesPhone('Telefon: 731 294 806', '731 294 806');
    takesPhone('điện thoại: 0987 654 321', '0987 654 321');
    takesPhone('전화 010-1234-5678', '010-1234-5678');
    takesPhone('電話番号: 090-1234-5678', '090-1234-5678');
  });
  it('keeps numbers after a phone word that are no phone', () => {
    keepsWords('Telefon: 2026-12-07 12:00', '2026-12-07');
    keepsWords('τηλ. 12 MB', '12 MB');
    keepsWords('homePhone: 20261207 1234 bytes', '20261207');
  });
});

describe('ids26: look-alikes survive', () => {
  it('byte counts, ids, order numbers, timestamps, versions, hashes, dates, sort codes, invoices', () => {
    keepsWords('sent 8504011989087 bytes in 4103 ms', '8504011989087');
    keepsWords('order 0571130606 shipped; invoice 2802340109 paid', '0571130606', '2802340109');
    keepsWords('build 20261207-1234 version 4.18.2 commit 7985529888abc', '20261207-1234', '4.18.2');
    keepsWords('sort code 30-94-57 account 41829306', '30-94-57', '41829306');
    keepsWords('2026-12-07T08:15:40Z id=784199436028924x', '2026-12-07T08:15:40Z');
    keepsWords('Invoice (590511-1703) total 120.00', '590511-1703');
    keepsWords('the result is sin(x) = 0.785030743 nas cosas', '0.785030743');
    keepsWords('pedido sin factura 785 030 743 unidades', '785 030 743'); // Spanish `sin`: no prose gap after SIN/NAS
  });
  it('the reference engine agrees on the look-alikes and the keeps (no latent divergence)', () => {
    const lines = [
      'Order Number (590511-1703) shipped',
      'fin: S1399162G state=done',
      'NI: BG 12 34 56 A',
      'homePhone: 20261207 1234 bytes',
      'verified holder 784-1994-3602892-4 at counter 3',
      'τηλ. 697 123 4567',
    ];
    const fast = new Redactor(PROFILES.default);
    const reference = new Redactor(PROFILES.default, { prefilter: false });
    for (const line of lines) expect(fast.redactText(line).text, line).toBe(reference.redactText(line).text);
  });
  it('keeps an ordinary line untouched', () => {
    expect(redact('GET /api/v1/items?page=2 200 1048576 "Mozilla/5.0 (X11; Linux x86_64)"')).toContain('1048576');
  });
});
