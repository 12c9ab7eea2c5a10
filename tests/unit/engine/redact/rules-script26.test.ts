/**
 * Names, street addresses and bank-account labels in Arabic, Hebrew, Greek, Cyrillic (Ukrainian), Malay, Vietnamese and
 * Spanish (session 24, task script26; script26.ts, person-eu.ts, person-latin.ts, intl-secrets.ts): variants the held-out
 * fixtures do not have (other apps, wordings, JSON keys), and look-alikes that must survive (ordinary words of those
 * languages, UI strings, place names, system-log text).
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { PROFILES } from './corpus-quality.js';
import { check, unchanged } from './helpers.js';

/** The reference engine (no prefilter) gives the same text as the line engine. */
const sameInBothEngines = (lines: string[]): void => {
  for (const line of lines) {
    const fast = new Redactor().redactText(line).text;
    const reference = new Redactor(PROFILES.default, { prefilter: false }).redactText(line).text;
    expect(fast, line).toBe(reference);
  }
};

const NAMES: [string, string][] = [
  // Arabic: roles, keys, stop words after the name.
  ['INFO تم حجز موعد للمريضة سارة خالد المنصوري مع الدكتور في العيادة', 'INFO تم حجز موعد للمريضة <NAME-1> مع الدكتور في العيادة'],
  ['اسم المؤجر: عبدالرحمن سعيد الكعبي', 'اسم المؤجر: <NAME-1>'],
  ['الشاهد: يوسف محمود', 'الشاهد: <NAME-1>'],
  ['تم تحويل المبلغ باسم نورة علي الظاهري', 'تم تحويل المبلغ باسم <NAME-1>'],
  ['موعد مع الطبيب عمر حسن الزعابي في 10:30', 'موعد مع الطبيب <NAME-1> في 10:30'],
  // Hebrew: keys with a colon.
  ['שם מלא: דנה לוי', 'שם מלא: <NAME-1>'],
  ['שם הלקוח: משה כהן  טלפון 050-1234567', 'שם הלקוח: <NAME-1>  טלפון <PHONE-1>'], // the phone after its Hebrew word: ids26 (session 24)
  ['בן/בת זוג: רונית פרץ', 'בן/בת זוג: <NAME-1>'],
  ['איש קשר: אבי מזרחי, מחלקת רכש', 'איש קשר: <NAME-1>, מחלקת רכש'],
  // Greek: keys, roles, a name in brackets after a role's number, a Greek name under a JSON key.
  ['Ονοματεπώνυμο: Μαρία Νικολάου', 'Ονοματεπώνυμο: <NAME-1>'],
  ['ΠΛΗΡΟΦ Πελάτης Δημήτρης Αλεξίου, παραγγελία 4471', 'ΠΛΗΡΟΦ Πελάτης <NAME-1>, παραγγελία 4471'],
  ['παραλήπτης ΑΦΜ 099887766 (Νικόλαος Γεωργίου)', 'παραλήπτης ΑΦΜ <IDNUM-1> (<NAME-1>)'], // the ΑΦΜ beside its name: ids26 (session 24)
  ['{"name":"ΓΕΩΡΓΙΟΥ ΝΙΚΟΛΑΟΣ","city":"ΠΑΤΡΑ"}', '{"name":"<NAME-1>","city":"ΠΑΤΡΑ"}'],
  // Ukrainian: ПІБ and role keys, a full name with its patronymic anywhere.
  ['ПІБ: Мельник Оксана Іванівна', 'ПІБ: <NAME-1>'],
  ['Одержувач: Гнатюк Василь Петрович, тел.', 'Одержувач: <NAME-1>, тел.'],
  ['"12.03.2026";"Кравчук Ірина Олегівна";"Київ"', '"12.03.2026";"<NAME-1>";"Київ"'],
  // Malay: bin/binti, mixed case and capitals.
  ['Penerima: Siti Nurhaliza binti Tarudin, Kuala Lumpur', 'Penerima: <NAME-1>, Kuala Lumpur'],
  ['Pemohon AHMAD ZAKI BIN ISMAIL telah mendaftar', 'Pemohon <NAME-1> telah mendaftar'],
  ['Bayaran daripada Faridah binti Osman diterima', 'Bayaran daripada <NAME-1> diterima'],
  // Vietnamese: keys, roles, honorifics, capitals without marks, a relation in brackets, a name after its e-mail.
  ['Họ và tên: Phạm Thị Lan', 'Họ và tên: <NAME-1>'],
  ['khách hàng Đỗ Minh Quân đã thanh toán', 'khách hàng <NAME-1> đã thanh toán'],
  ['Người nhận: Chị Hoàng Thu Trang', 'Người nhận: Chị <NAME-1>'],
  ['chủ tài khoản TRAN VAN BINH noi dung chuyen tien', 'chủ tài khoản <NAME-1> noi dung chuyen tien'],
  ['Bà Nguyễn Thị Mai ký hợp đồng', 'Bà <NAME-1> ký hợp đồng'],
  ['Liên hệ: Lê Văn Hùng (bố) 0901234567', 'Liên hệ: <NAME-1> (bố) 0901234567'],
  ['đăng nhập: hoa.le@congty.example (Lê Thị Hoa)', 'đăng nhập: <EMAIL-1> (<NAME-1>)'],
  // Upper-case transliterations in a name slot.
  ['user=jdoe name=LIM BEE HOON email=x', 'user=<USER-1> name=<NAME-1> email=x'],
  ['"fullName":"NGUYEN VAN AN"', '"fullName":"<NAME-1>"'],
  // Spanish: a name before a national number's label, payroll and shop roles, four-part names.
  ['Pago rechazado de Sofía Morales Pinto RUT 15.234.567-8', 'Pago rechazado de <NAME-1> RUT 15.234.567-8'],
  ['Trabajadora: María José Pérez Soto', 'Trabajadora: <NAME-1>'],
  ['Comprador Joaquín Herrera Lagos, pedido 8812', 'Comprador <NAME-1>, pedido 8812'],
];

const ADDRESSES: [string, string][] = [
  ['Envío a Av. Libertador 5120, piso 7 depto C, C1426BXN CABA hoy', 'Envío a <ADDRESS-1> hoy'],
  ['Domicilio: Calle Los Olmos 455, Ñuñoa, Santiago', 'Domicilio: <ADDRESS-1>'],
  ['dirección Pasaje El Roble 77, depto 12, Temuco', 'dirección <ADDRESS-1>'],
  ['Hantar ke No. 7, Lorong Ria 4, 11900 Bayan Lepas, Pulau Pinang', 'Hantar ke <ADDRESS-1>'],
  ['Delivery to Blk 221 Jurong East St 21 #05-332 Singapore 600221', 'Delivery to <ADDRESS-1>'],
  ['Διεύθυνση οδός Πανεπιστημίου 39, 105 64 Αθήνα', 'Διεύθυνση οδός <ADDRESS-1>'],
  ['"street":"Αριστοτέλους 12"', '"street":"<ADDRESS-1>"'],
  ['כתובת: רחוב ויצמן 18 דירה 4, הרצליה', 'כתובת: <ADDRESS-1>'],
  ['العنوان: شقة 305، بناية النور، شارع الخليج، الشارقة', 'العنوان: <ADDRESS-1>'],
  ['адреса: вул. Шевченка, 12, кв. 45', 'адреса: <ADDRESS-1>'],
];

const SECRETS: [string, string][] = [
  ['chuyển tiền từ tài khoản 1903456789012 (Techcombank)', 'chuyển tiền từ tài khoản <SECRET-1> (Techcombank)'],
  ['Tài khoản nhận lương: 0071000918265 tại Vietcombank', 'Tài khoản nhận lương: <SECRET-1> tại Vietcombank'],
  ['חשבון 123456 בבנק לאומי', 'חשבון <SECRET-1> בבנק לאומי'],
  ['Depósito en Cuenta Vista BancoEstado N° 98765432', 'Depósito en Cuenta Vista BancoEstado N° <SECRET-1>'],
  ['číslo účtu: 1234567890/0100', 'číslo účtu: <SECRET-1>'],
  ['"BankAccountNo": "62345678"', '"BankAccountNo": "<SECRET-1>"'],
  ['סיסמה: Gz7!kq2p', 'סיסמה: <SECRET-1>'],
  ['رمز الوصول tok_8Hh2kLq9Zx', 'رمز الوصول <SECRET-1>'],
  ['kata laluan: Rahsia#2026', 'kata laluan: <SECRET-1>'],
];

const KEEPS = [
  // Greek, Arabic, Hebrew, Ukrainian UI and log text.
  'LANG=el_GR.UTF-8 Σφάλμα: Αρχείο δεν βρέθηκε',
  'Πελάτης Νέος Λογαριασμός',
  'Όνομα: Αθήνα Κέντρο',
  'العميل غير موجود في النظام',
  'تم إنشاء المستخدم الجديد بنجاح',
  'المريض: غير محدد',
  'שם קובץ: הגדרות מערכת',
  'שם: לא ידוע',
  'ПІБ: не вказано',
  'Федеративна Демократична Республіка Непал',
  'Білоруська Радянська Соціалістична Республіка',
  '\\g غير متبوعة باسم قوس أو عدد بقوس',
  'Одержувач: не знайдено',
  // Malay and Vietnamese words in a name place; a recycle bin.
  'Recycle Bin Empty',
  'Pembeli Baru Ditambahkan',
  'Họ và tên: Không có',
  'khách hàng Công Ty TNHH Minh Phát',
  'Bà Rịa Vũng Tàu',
  // Upper-case words in a name slot that are no person.
  'name=DEFAULT GATEWAY',
  'name=MAIN OFFICE status=ok',
  '"name":"NT AUTHORITY"',
  // A street word without a house number, an IP after `dirección`, a room, a version.
  'Calle 5 está cerrada',
  'Av. 3 hours',
  'dirección IP 10.0.0.1',
  'Jalan SS 2 closed',
  'Blk 412 is full',
  'οδός Ερμού',
  'Dirección empleador: Av. Apoquindo 4501, of. 1202, Las Condes',
  // An account label with no number, a login, a year, a date.
  'rechazado cuenta 2026 de usuario',
  'Cuenta RUT',
  'total cuenta 20261206',
  'חשבון: לא פעיל',
  'kata laluan pengguna tidak berubah',
  'סיסמה שגויה',
  'The customer Matías RUT field was empty',
];

describe('names in Arabic, Hebrew, Greek, Ukrainian, Malay, Vietnamese and Spanish', () => {
  it('takes the name after its key or role, in each script', () => check(NAMES));
});

describe('street addresses with a house number, a unit or a postcode', () => {
  it('takes Spanish, Malay, Singapore, Greek, Hebrew, Arabic and Ukrainian streets', () => check(ADDRESSES));
});

describe('bank accounts and passwords under other languages\' labels', () => {
  it('takes the number or the password after the label', () => check(SECRETS));
});

describe('look-alikes', () => {
  it('keeps ordinary words, UI strings, places and streets with no house', () => unchanged(KEEPS));
  it('gives the same text in the line engine and the reference engine', () => sameInBothEngines([...NAMES, ...ADDRESSES, ...SECRETS].map(([i]) => i).concat(KEEPS)));
});
