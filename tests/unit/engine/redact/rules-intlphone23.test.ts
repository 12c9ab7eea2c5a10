/**
 * Session 22 (intlphone23): phone numbers in other countries' national formats, after a word that names a phone, in the
 * languages this product's users write (national-phone.ts). Variants by country, separator, quoting and language; look-
 * alikes (dates, byte counts, money, ids, versions, addresses) must survive. A fresh Redactor per case.
 */
import { describe, it } from 'vitest';
import { keepsWords, takesAs } from './helpers.js';

describe('a national phone number after a phone word', () => {
  it('takes Western European numbers as people print them', () => {
    takesAs('PHONE', 'Pharmacien de garde, tél. 06 48 21 93 57', '06 48 21 93 57');
    takesAs('PHONE', 'Téléphone : 01.42.68.53.00 (standard)', '01.42.68.53.00');
    takesAs('PHONE', 'Rufbereitschaft Handy: 0151 23456789', '0151 23456789');
    takesAs('PHONE', 'Tel.-Nr.: 030 12345678', '030 12345678');
    takesAs('PHONE', 'Telefon (089) 1234567 ab 8 Uhr', '(089) 1234567');
    takesAs('PHONE', 'mobiel 06-12983476', '06-12983476');
    takesAs('PHONE', 'Mobile: 07700 900461', '07700 900461');
    takesAs('PHONE', 'cellulare 347 123 4567', '347 123 4567');
    takesAs('PHONE', 'teléfono 612 345 678', '612 345 678');
  });

  it('takes numbers of the Americas, Asia and the Middle East', () => {
    takesAs('PHONE', 'celular (11) 97531-2468', '(11) 97531-2468');
    takesAs('PHONE', 'Telefone: 21 3456-7890', '21 3456-7890');
    takesAs('PHONE', 'SĐT 0903 614 285', '0903 614 285');
    takesAs('PHONE', 'Điện thoại: 028 3829 5555', '028 3829 5555');
    takesAs('PHONE', 'الجوال 0551 407 238', '0551 407 238');
    takesAs('PHONE', 'телефон 8 (912) 345-67-89', '8 (912) 345-67-89');
    takesAs('PHONE', '電話 090-1234-5678', '090-1234-5678');
    takesAs('PHONE', '휴대폰: 010-1234-5678', '010-1234-5678');
    takesAs('PHONE', 'no HP 0812-9463-7285', '0812-9463-7285');
    takesAs('PHONE', 'Mobile No. 9876543210', '9876543210');
    takesAs('PHONE', 'เบอร์โทร 081-234-5678', '081-234-5678');
  });

  it('takes a number under a phone key in JSON, XML and key=value', () => {
    takesAs('PHONE', '{"name":"x","phone": "07700 900123"}', '07700 900123');
    takesAs('PHONE', 'phone_number=081355502468&lang=id', '081355502468');
    takesAs('PHONE', '<telefono>02 1234 5678</telefono>', '02 1234 5678');
    takesAs('PHONE', '"mobilePhone":"0612345678"', '0612345678');
  });
});

describe('what merely follows a phone word, or looks like a number, stays', () => {
  it('keeps dates, times, sizes, money and ids', () => {
    keepsWords('Tel: 2026-12-07', '2026-12-07');
    keepsWords('phone 06.12.2026 10:30', '06.12.2026');
    keepsWords('mobile 1 048 576 bytes', '1 048 576');
    keepsWords('Telefon 12345678 ms', '12345678');
    keepsWords('phone 2026 12345678', '2026 12345678');
    keepsWords('tel 0612345678901234', '0612345678901234');
    keepsWords('phone 00000000', '00000000');
    keepsWords('cell 10.199.249.96', '10.199.249.96');
  });

  it('keeps numbers after words that only contain a phone word', () => {
    keepsWords('hotel 12345678', '12345678');
    keepsWords('Intel 80386 12345678', '12345678');
    keepsWords('telemetry: 12345678', '12345678');
    keepsWords('mobilisation 0612345678', '0612345678');
    keepsWords('HP 0812 9463 7285', '0812 9463 7285');
  });

  it('keeps a masked number and a short extension', () => {
    keepsWords('Tel. 06 ** ** ** 57', '06 ** ** ** 57');
    keepsWords('phone ext 4711', '4711');
  });
});
