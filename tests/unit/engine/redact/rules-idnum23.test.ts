/**
 * Session 22 (idnum23): national identity, tax and social-security numbers of other countries — the national-id rule
 * (electron/engine/redact/national-ids.ts). Variants the fixtures do not have (other separators, languages, JSON / CSV /
 * XML / SQL / prose), the check each format has, and look-alikes that must survive (order numbers, byte counts, dates,
 * versions, phone numbers, company tax numbers, numbers whose check fails beside an ambiguous name).
 * Values here carry valid check digits unless a case says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { keepsWords, redact, takesAs } from './helpers.js';
import { nationalIdCheck } from '../../../../electron/engine/redact/national-ids.js';

const takes = (text: string, ...values: string[]) => takesAs('IDNUM', text, ...values);

describe('national-id: the checks of the table (known valid numbers, and one digit off)', () => {
  it.each([
    ['cpf', '529.982.247-25', '529.982.247-26'],
    ['dni', '12345678Z', '12345678A'],
    ['nir', '2 55 08 14 168 025 38', '2 55 08 14 168 025 39'],
    ['cf', 'RSSMRA85T10A562S', 'RSSMRA85T10A562T'],
    ['steuerid', '86095742719', '86095742718'],
    ['nifpt', '123456789', '123456788'],
    ['aadhaar', '234123412346', '234123412347'],
    ['bsn', '111222333', '111222334'],
    ['pesel', '44051401359', '44051401358'],
    ['tckn', '10000000146', '10000000147'],
    ['nric', 'S1234567D', 'S1234567E'],
    ['hkid', 'A123456(3)', 'A123456(4)'],
    ['twid', 'A123456789', 'A123456788'],
    ['pnr', '811218-9876', '811218-9877'],
    ['rut', '12.345.678-5', '12.345.678-6'],
    ['inn', '7707083893', '7707083894'],
    ['inn', '500100732259', '500100732258'],
    ['mynumber', '123456789018', '123456789017'],
    ['snils', '112-233-445 95', '112-233-445 96'],
    ['curp', 'PEGJ900512HJCRNN02', 'PEGJ900512HJCRNN03'],
    ['sa', '1084523719', '1084523718'],
    ['svnr', '12 150785 M 041', '12 150785 M 042'],
    ['thid', '3100401234561', '3100401234562'],
    ['cnp', '2850723410022', '2850723410023'],
    ['nnbe', '85.07.30-033.28', '85.07.30-033.29'],
    ['cuil', '20-31548792-8', '20-31548792-7'],
  ])('%s %s holds, %s does not', (key, good, bad) => {
    expect(nationalIdCheck(key, good)).toBe(true);
    expect(nationalIdCheck(key, bad)).toBe(false);
  });
});

describe('national-id: beside its name (key=value, Name: value, JSON, XML, SQL, forms, prose)', () => {
  it('Mexico: CURP and a person RFC in JSON, XML, prose; a company RFC (12) stays', () => {
    takes('{"curp":"PEGJ900512HJCRNN02","nombre":"x"}', 'PEGJ900512HJCRNN02');
    takes('<Curp>LOMA011125MDFPRR01</Curp>', 'LOMA011125MDFPRR01');
    takes('el trabajador confirma que su CURP es PEGJ900512HJCRNN02 y su RFC es PEGJ900512AB3', 'PEGJ900512HJCRNN02', 'PEGJ900512AB3');
    takes('emisor rfc: "LOMA011125K80"', 'LOMA011125K80');
    keepsWords('<cfdi:Emisor Rfc="AAA010101AAA" Nombre="ACME SA DE CV"/>', 'AAA010101AAA');
    keepsWords('RFC=ABC850317HX4 regimen=601', 'ABC850317HX4');
    // a date that is no date: month 13
    keepsWords('RFC=GOMR851317HX4', 'GOMR851317HX4');
  });
  it('France: NIR printed in groups, joined, after NIR / n° INSEE, in XML and JSON', () => {
    takes('NIR : 1 84 12 76 451 089 46', '1 84 12 76 451 089 46');
    takes('n° INSEE=184127645108946;', '184127645108946');
    takes('<NIR>2 55 08 14 168 025 38</NIR>', '2 55 08 14 168 025 38');
    takes('"nir": "2 55 08 2A 168 025 39"', '2 55 08 2A 168 025 39');
  });
  it('Saudi Arabia: Iqama and the national id, in Arabic and English', () => {
    takes('رقم الإقامة: 2356190484', '2356190484');
    takes('رقم الهوية 1084523719 الجوال', '1084523719');
    takes('iqama_no=2356190484&name=x', '2356190484');
    takes('Iqama Number: 2356190484', '2356190484');
  });
  it('Korea: 주민등록번호 / RRN with and without its dash', () => {
    takes('주민번호 850302-1234560 확인', '850302-1234560');
    takes('"rrn": "8503021234560"', '8503021234560');
    takes('RRN: 850302-2234563', '850302-2234563');
    // 13 digits that are no date
    keepsWords('RRN: 851302-1234560', '851302-1234560');
  });
  it('Russia: СНИЛС and ИНН', () => {
    takes('СНИЛС: 156-724-093 79', '156-724-093 79');
    takes('Снилс 15672409379, полис ОМС', '15672409379');
    takes('ИНН 500100732259', '500100732259');
    takes('"ИНН":"7707083893"', '7707083893');
  });
  it('Italy: codice fiscale after cod. fisc., cod.fiscale, codice_fiscale', () => {
    takes('Cod. Fisc.: BNCGNN80A41H501X', 'BNCGNN80A41H501X');
    takes('cod.fiscale=VRDLCU75M12F839I - residente a Roma', 'VRDLCU75M12F839I');
    takes('Codice Fiscale: VRDLCU75M12F839I', 'VRDLCU75M12F839I');
    takes('codice_fiscale=rssmra85t10a562s', 'rssmra85t10a562s');
  });
  it('Brazil: CPF with and without its dots, in prose; a CNPJ stays', () => {
    takes('CPF: 12345678909', '12345678909');
    takes('"cpf":"407.318.562-44"', '407.318.562-44');
    takes('o CPF do cliente é 529.982.247-25', '529.982.247-25');
    keepsWords('CNPJ 11.222.333/0001-81', '11.222.333/0001-81');
  });
  it('Spain and Latin America: DNI, NIE, NIF, a DNI of digits, CUIL, RUT', () => {
    takes('DNI: 48210735-K', '48210735-K');
    takes('NIE Y-3817264-Z', 'Y-3817264-Z');
    takes('nif=48210735K', '48210735K');
    takes('DNI 30.512.864', '30.512.864');
    takes('CUIL 20-31548792-8', '20-31548792-8');
    takes('RUT: 15.824.391-1', '15.824.391-1');
    keepsWords('RUT: 15.824.391-2', '15.824.391-2');
  });
  it('Portugal and Belgium: NIF, NISS of either country', () => {
    takes('NIF: 245 819 371', '245 819 371');
    takes('NISS 12034567813', '12034567813');
    takes('NISS 85.07.30-033.28', '85.07.30-033.28');
  });
  it('Germany: Steuer-ID and SV-/Rentenversicherungsnummer', () => {
    takes('Steuerliche Identifikationsnummer: 65 812 039 478', '65 812 039 478');
    takes('"steuerId": "65812039478"', '65812039478');
    takes('SV-Nummer: 12150785M041', '12150785M041');
    takes('SV-Nr.: 12 150785 M 041', '12 150785 M 041');
  });
  it('Japan: 個人番号 / マイナンバー', () => {
    takes('マイナンバー：5183-2097-4614', '5183-2097-4614');
    takes('個人番号 518320974614', '518320974614');
    takes('{"個人番号":"5183 2097 4614"}', '5183 2097 4614');
  });
  it('Vietnam: CCCD, CMND, căn cước in chat prose', () => {
    takes('Số CCCD: 001203004512', '001203004512');
    takes('căn cước công dân của tôi là 079186004513', '079186004513');
    takes('cmnd=023456789', '023456789');
  });
  it('India, US, UK, Canada, Netherlands, Poland, Turkey, Singapore, Hong Kong, Taiwan, Indonesia, Thailand', () => {
    takes('Aadhaar No: 4827 1930 5629', '4827 1930 5629');
    takes('PAN: ABCPD1234K', 'ABCPD1234K');
    takes('SSN 412-56-7890', '412-56-7890');
    takes('NINO: AB 12 34 56 C', 'AB 12 34 56 C');
    takes('BSN=173845629', '173845629');
    takes('PESEL: 85072318493', '85072318493');
    takes('T.C. Kimlik No: 38419260586', '38419260586');
    takes('NRIC/FIN S8412637C', 'S8412637C');
    takes('HKID: K538201(7)', 'K538201(7)');
    takes('身分證字號：F124837596', 'F124837596');
    takes('NIK: 3174052306850003', '3174052306850003');
    takes('เลขประจำตัวประชาชน 3-1004-01234-56-1', '3-1004-01234-56-1');
  });
  it('Nordics and Romania: a Swedish and a Norwegian personnummer, CNP', () => {
    takes('personnummer: 19850709-2719', '19850709-2719');
    takes('personnummer 150785 12323', '150785 12323');
    takes('CNP 2850723410022', '2850723410022');
  });
});

describe('national-id: passports under other languages\' words and on a passport line', () => {
  it.each([
    ['Reisepass-Nr.: C01X00T47', 'C01X00T47'],
    ['número de pasaporte: PAA123456', 'PAA123456'],
    ['паспорт серия и номер 4510 123456', '4510 123456'],
    ['여권번호: M12345678', 'M12345678'],
    ['旅券番号 TK1234567', 'TK1234567'],
    ['passport scan ok, doc_number: 533918274, nationality VNM', '533918274'],
    ['PassportReader: MRZ docType=P issuer=FRA documentNumber=18AV03291', '18AV03291'],
  ])('%s', (text, value) => {
    const out = redact(text);
    expect(out, text).not.toContain(value);
    expect(out, text).toContain('<PASSPORT-');
  });
});

describe('national-id: look-alikes that stay', () => {
  it('bare numbers with no name: order numbers, byte counts, ids, dates, versions', () => {
    for (const text of [
      'order 2356190484 shipped, 1084523719 bytes written',
      'invoice 245819371 total 85072318493',
      'build 20260512.1 version 4.5.12 sha 9a1f3c7e2b4d',
      'processed 518320974614 records in 12 s',
      'employee 173845629 badge 38419260586',
      'uploaded 4827 1930 5629 bytes',
      'request id 850302-1234560 took 4 ms',
      '2026-05-12T10:15:30Z event 112-233',
    ])
      expect(redact(text), text).not.toContain('<IDNUM-');
  });
  it('names that are words inside other words, and names that mean other things', () => {
    for (const text of [
      'manifest 245819371 unified 173845629',
      'company 046182358 span 046182358 expand',
      'PAN 3 tilt 4 zoom 046182358',
      'sin(0.5) = 0.479 sin 046182359',
      'FIN_WAIT2 S8412637A',
      'INN 7707083894',
      'cf. RFC 3339, RFC 7231',
      'dinner at the inn 500100732258',
      'Steuer-ID 00000000000',
    ])
      expect(redact(text), text).not.toContain('<IDNUM-');
  });
  // num25 (session 23): a CPF printed with its punctuation and check digits is taken alone now (national-number-alone,
  // national-shapes.ts; rules-num25.test.ts): `cliente 529.982.247-25 confirmou` left this list.
  it('numbers with no name stay, even a shape with its check (a name is what the rule reads)', () => {
    for (const text of [
      '12,Verdi,VRDLCU75M12F839I,Roma',
      'p_1: \'112-233-445 95\'',
      'receipt PEGJ900512HJCRNN03 printed',
      'code RSSMRA85T10A562T',
      'ticket 112-233-445 96',
      'ref 529.982.247-26',
      'id 48210735K',
    ])
      expect(redact(text), text).not.toContain('<IDNUM-');
  });
  it('phone numbers, IBANs and card numbers stay with their own rules', () => {
    const out = redact('CPF: 407.318.562-44 tel +55 11 98734-2106 IBAN DE89 3704 0044 0532 0130 00');
    expect(out).toContain('<IDNUM-1>');
    expect(out).toContain('<PHONE-1>');
    expect(out).not.toContain('<IDNUM-2>');
  });
});
