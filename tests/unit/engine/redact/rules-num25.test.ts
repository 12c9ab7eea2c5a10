/**
 * num25 (session 23): national numbers where no name stands beside them (issue #14).
 * 1. key and column context: a general id key (`idnumber=`, `tax_id`, `national_id`, `taxpayerId`), `PAN      :` and
 *    `pan_number`, India's UAN, JSON inside a JSON string (`{\"nik\":\"…\"}`), and a CSV column that names the number
 *    (`Codice fiscale`, `CPF`, `NIK`, `tax_id`) — national-ids.ts;
 * 2. standalone shapes: a CPF `ddd.ddd.ddd-dd` and a Thai id `d-dddd-ddddd-dd-d` with their check digits;
 * 3. national mobiles in their own grouping: Brazil `(11) 9xxxx-xxxx`, the UK `07xxx xxxxxx`, the Netherlands `06-xxxxxxxx`,
 *    Germany `015x xxxxxxxx` — national-shapes.ts.
 * Variants the fixtures do not have, and look-alikes that must survive (CNPJs, versions, IPs, dates, byte counts, ids,
 * numbers whose check fails, pairs of PIDs).
 */
import { describe, expect, it } from 'vitest';
import { file, keepsWords, redact, takesAs } from './helpers.js';
import { anyNationalIdFormat, isNationalIdCell, nationalIdColumnFormats } from '../../../../electron/engine/redact/national-ids.js';
import { isCpf, isThaiId } from '../../../../electron/engine/redact/national-shapes.js';

const takes = (text: string, ...values: string[]) => takesAs('IDNUM', text, ...values);
const takesPhone = (text: string, ...values: string[]) => takesAs('PHONE', text, ...values);

describe('num25: a general id key takes a number of a strong format', () => {
  it('takes it under snake, camel, spaced and query keys', () => {
    takes('Riga 12: utente creato username=lferrara idnumber=RSSMRA85T10A562S phone2=x', 'RSSMRA85T10A562S');
    takes('{"taxId": "529.982.247-25", "name": "x"}', '529.982.247-25');
    takes('customer tax_id=52998224725 saved', '52998224725');
    takes('GET /api/kyc?national_id=44051401359&step=2 HTTP/1.1', '44051401359');
    takes('<IdNumber>PEGJ900512HJCRNN02</IdNumber>', 'PEGJ900512HJCRNN02');
    takes('Tax code: RSSMRA85T10A562S', 'RSSMRA85T10A562S');
    takes("UPDATE clientes SET id_number = '10000000146' WHERE id = 7;", '10000000146');
    takes('patient saved identity_number=523-47-8816 ok', '523-47-8816');
    takes('citizen_id: 3-1004-01234-56-1', '3-1004-01234-56-1');
  });
  it('keeps ids whose format is none of the strong ones, or whose check fails', () => {
    keepsWords('user created idnumber=20231184 cohort=2026', '20231184');
    keepsWords('idnumber=12345678901 tax_id=529.982.247-26', '12345678901', '529.982.247-26');
    keepsWords('tax_id: DE811907980 vat registered', 'DE811907980');
    keepsWords('id_number=523478816 (a plain run, no SSN groups)', '523478816');
    keepsWords('personal_id=A1B2C3D4E5F6 session', 'A1B2C3D4E5F6');
  });
  it('reads which format a value is', () => {
    expect(anyNationalIdFormat('529.982.247-25')).toBe('cpf');
    expect(anyNationalIdFormat('RSSMRA85T10A562S')).toBe('cf');
    expect(anyNationalIdFormat('523-47-8816')).toBe('ssn');
    expect(anyNationalIdFormat('523478816')).toBeUndefined();
    expect(anyNationalIdFormat('2026120612345')).toBeUndefined();
  });
});

describe('num25: PAN, UAN and escaped JSON', () => {
  it('takes a PAN under an aligned label or a key form, a UAN, and a value in escaped JSON', () => {
    takes('PAN           : AQBPK7724L                      UAN : 101874362915', 'AQBPK7724L', '101874362915');
    takes('pan_number=ABCPK1234L', 'ABCPK1234L');
    takes('"PAN No": "BNZPM2501F"', 'BNZPM2501F');
    takes('UAN: 100987654321 (EPFO)', '100987654321');
    takes('"x_debug_body":"{\\"nama\\":\\"Siti\\",\\"nik\\":\\"3273015708920001\\",\\"hp\\":\\"x\\"}"', '3273015708920001');
    takes("payload='{\\'cpf\\': \\'529.982.247-25\\'}'", '529.982.247-25');
  });
  it('keeps a camera pan, a company PAN, a UAN of another shape', () => {
    keepsWords('pan: 45.5 tilt: 12.0 zoom: 3', '45.5');
    keepsWords('PAN : AABCT1234Q (company)', 'AABCT1234Q');
    keepsWords('pan and zoom: ABCPK1234L', 'ABCPK1234L');
    keepsWords('UAN : 2026120612 call routing', '2026120612');
  });
});

describe('num25: a CSV column that names the number', () => {
  it('reads the column names', () => {
    expect(nationalIdColumnFormats('Codice fiscale')).toEqual(['cf']);
    expect(nationalIdColumnFormats('tax_id')).toEqual(['anyid']);
    expect(nationalIdColumnFormats('PAN Number')).toEqual(['pan']);
    expect(nationalIdColumnFormats('Telefono')).toEqual([]);
    expect(isNationalIdCell('NIK', '3273015708920001')).toBe(true);
    expect(isNationalIdCell('NIK', '1234567890123456')).toBe(false);
  });
  it('takes the cells of such a column, quoted or not, and keeps the rest of the row', async () => {
    const it1 = await file('ordini.csv', '"Ordine","Nome","Codice fiscale","Totale"\n"41827","Chiara","RSSMRA85T10A562S","129,90"\n"41828","Greco Impianti","07418260633","482,00"\n');
    expect(it1).toContain('<IDNUM-1>');
    expect(it1).not.toContain('RSSMRA85T10A562S');
    expect(it1).toContain('07418260633'); // a company's partita IVA in the same column stays
    expect(it1).toContain('129,90');
    const br = await file('clientes.csv', 'id,nome,cpf,bytes\n1,Ana,529.982.247-25,1048576\n2,Bo,111.111.111-11,2048\n');
    expect(br).not.toContain('529.982.247-25');
    expect(br).toContain('1048576');
    expect(br).toContain('111.111.111-11');
    const id = await file('members.csv', 'member_id,nik,tax_id,joined\n8812,3273015708920001,44051401359,2026-12-01\n8813,1234567890123456,20231184,2026-12-02\n');
    expect(id).not.toContain('3273015708920001');
    expect(id).not.toContain('44051401359');
    for (const kept of ['8812', '1234567890123456', '20231184', '2026-12-02']) expect(id).toContain(kept);
  });
});

describe('num25: a CPF and a Thai id alone, by their printed shape and check', () => {
  it('checks', () => {
    expect(isCpf('529.982.247-25')).toBe(true);
    expect(isCpf('529.982.247-26')).toBe(false);
    expect(isCpf('111.111.111-11')).toBe(false);
    expect(isThaiId('3-1004-01234-56-1')).toBe(true);
    expect(isThaiId('3-1004-01234-56-2')).toBe(false);
  });
  it('takes them in a printed DataFrame, an exception, an SMS body, a log line, a bracket', () => {
    takes('0       880412   Fernanda Oliveira Costa  529.982.247-25  fe@x.example', '529.982.247-25');
    takes('ValueError: CPF inválido para o cliente 529.982.247-25 (duplicado)', '529.982.247-25');
    takes('sms body="Olá Ana, seu cadastro 529.982.247-25 foi aprovado"', '529.982.247-25');
    takes('WARN ผู้ป่วย ประเสริฐ (3-1004-01234-56-1) ไม่มาตามนัด', '3-1004-01234-56-1');
    takes('patient 3-1004-01234-56-1 checked in', '3-1004-01234-56-1');
  });
  it('keeps a CNPJ, versions, IPs, a failing check, a Thai-shaped run whose check fails', () => {
    keepsWords('empresa CNPJ 12.345.678/0001-95 ativa', '12.345.678/0001-95');
    keepsWords('upgrade 100.200.300-45 failed; peer 10.20.30.40; 529.982.247-26 rejected', '100.200.300-45', '10.20.30.40', '529.982.247-26');
    keepsWords('version 1.2.3-4 build 123.456.789-012 serial 123.456.789.01', '123.456.789-012', '123.456.789.01');
    keepsWords('part 3-1004-01234-56-2 shipped', '3-1004-01234-56-2');
  });
});

describe('num25: national mobiles alone, in their own grouping', () => {
  it('takes Brazil, the UK, the Netherlands, Germany', () => {
    takesPhone('0  880412  Fernanda  (11) 98427-3615', '(11) 98427-3615');
    takesPhone('contato: ligar (21)99158-0742 amanhã', '(21)99158-0742');
    takesPhone("Ring me on 07700 918 264 when you're near", '07700 918 264');
    takesPhone('second number 07911 123456 (work)', '07911 123456');
    takesPhone('"notes": "installateur Ruud Hendriks 06 38274915"', '06 38274915');
    takesPhone('0   1002741  Pieter  06-41827365        0.82', '06-41827365');
    takesPhone('Rückruf an 0171 2345678 erbeten', '0171 2345678');
  });
  it('keeps byte counts, ids, timestamps, zip codes, PIDs, stand-ins and longer numbers', () => {
    keepsWords('sent 12345-6789 bytes; zip 98427-3615; (11) 8427-3615', '12345-6789', '98427-3615', '8427-3615');
    keepsWords('pid 17700 918264 ok; 2026-12-06 12345678; 12 06 38274915', '17700 918264', '12345678', '06 38274915');
    keepsWords('ticket 06-00000000 and 07700 000000 are samples', '06-00000000', '07700 000000');
    keepsWords('offset 0171 2345678 9 records; 1.06 38274915', '0171 2345678', '38274915');
    keepsWords('ps: 98765 43210 12345', '98765 43210');
  });
  it('runs the same in a file as on a line', async () => {
    const out = await file('crm.log', 'INFO nome=Ana cel (11) 98427-3615\nINFO bytes=98427 3615\n');
    expect(out).toContain('<PHONE-1>');
    expect(out).toContain('bytes=98427 3615');
  });
  it('is the redacted text, not only a placeholder somewhere', () => {
    expect(redact('ligar (11) 98427-3615 ou 529.982.247-25')).toBe('ligar <PHONE-1> ou <IDNUM-1>');
  });
});
