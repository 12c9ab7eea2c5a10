/**
 * Street addresses under their key (session 23, addr25; street-address-keyed.ts): a postal address or a street alone after
 * an address key of a dozen languages (JSON, key=value, labels, escaped JSON, Python dicts, prose `adres …`), Thai `ที่อยู่`,
 * vCard ADR, LDIF `postalAddress` with `$`, street-only and bare `Address` columns of shop and mailing-list exports, an order
 * export's `#1001` rows, Nordic street compounds (`Storgatan 18, 411 38 Göteborg`). Each with variants held-out-24 does not
 * have, and the look-alikes that must survive under the same keys: IP, MAC and e-mail addresses, hosts, hex addresses, a room,
 * a building, a port, a version, an organisation's address, an IP column of a CSV, a `#` comment above a header.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { file, keepsWords, redact, takesAs, unchanged } from './helpers.js';

describe('a postal address after an address key', () => {
  it('takes it in labels, key=value, JSON and prose of other languages', () => {
    takesAs('ADDRESS', '2026-01-02 INFO [courier] address: Flat 12, Lakeview Residency, Koramangala 4th Block, Bengaluru 560034', 'Lakeview Residency', '560034');
    takesAs('ADDRESS', 'Address   : C-201, Sai Krupa Apartments, Baner Road, Pune 411045', 'Sai Krupa', '411045');
    takesAs('ADDRESS', '{"alamat":"Jl. Diponegoro No. 12, Kel. Citarum, Bandung 40115","hp":"-"}', 'Diponegoro', '40115');
    takesAs('ADDRESS', "vals={'street': 'Jl. Sudirman No. 8, RT 02/RW 05, Kota Bogor 16129'}", 'Sudirman', '16129');
    takesAs('ADDRESS', 'müşteri kaydı: adres Atatürk Cad. No:45 D:3, Kızılay, Çankaya/Ankara 06420', 'Atatürk Cad', '06420');
    takesAs('ADDRESS', 'Adres zamieszkania: ul. Piotrkowska 104 m. 7, 90-926 Łódź', 'Piotrkowska', '90-926');
    takesAs('ADDRESS', 'customer updated home_address=77 Elm Street, Springfield, IL 62704', '77 Elm Street', '62704');
    takesAs('ADDRESS', '{"shipping_address": "4 Rua das Flores, Centro, Curitiba 80010-010"}', 'Rua das Flores', '80010-010');
    takesAs('ADDRESS', 'endereço: Rua Augusta 1200, apto 41, São Paulo SP 01304-001', 'Rua Augusta 1200', 'apto 41', '01304-001');
    takesAs('ADDRESS', 'адрес: 12 Lenina, Apt 5, Almaty 050000', 'Lenina', '050000');
    takesAs('ADDRESS', 'delivery address (home): 9 Wren Close, Bristol BS8 2AA', 'Wren Close', 'BS8 2AA');
    takesAs('ADDRESS', 'customerAddress=221 Rideau St, Ottawa ON K1N 5Y1', 'Rideau', 'K1N 5Y1');
    takesAs('ADDRESS', 'Husova 214 → {"address":"Husova 214, 397 01 Písek"}', '397 01 Písek');
  });
  it('takes Stripe and escaped JSON objects', () => {
    takesAs('ADDRESS', '"address":{"line1":"510 Townsend St, Apt 3, San Francisco, CA 94103","postal_code":"94103"}', '510 Townsend', 'Apt 3');
    takesAs('ADDRESS', '"body":"{\\"alamat\\":\\"Jl. Merdeka No. 3, Medan 20112\\"}"', 'Merdeka', '20112');
  });
});

describe('prose that says where someone lives or is sent', () => {
  it('takes the postal address after it', () => {
    takesAs('ADDRESS', 'From the mail: I live at 14 Wren Close, Bristol BS8 2AA so please post it there', 'Wren Close', 'BS8 2AA');
    takesAs('ADDRESS', 'Hi, my address is now 7 Rue Cler, Paris 75007, thanks', 'Rue Cler', '75007');
    takesAs('ADDRESS', 'we relocated to 221 Rideau St, Ottawa ON K1N 5Y1 last week', 'Rideau', 'K1N 5Y1');
    takesAs('ADDRESS', 'please forward it to Storgatan 3, 411 38 Göteborg', 'Storgatan 3', '411 38');
  });
  it('keeps the same phrasing before no address', () => {
    unchanged(['I live at the edge of town, Room 5', 'relocating to Building 4, Floor 10000', 'moving to version 2, Release 20240', 'forwarded to 10.0.0.1, Port 8080', 'send it to Jenkins 2, Build 20240']);
  });
});

describe('a street alone under a street-only key', () => {
  it('takes a number and words, or words and a number, up to the value end', () => {
    takesAs('ADDRESS', '      "address1": "Herengracht 182-2",', 'Herengracht 182-2');
    takesAs('ADDRESS', 'StreetAddress     : Corso Buenos Aires 45', 'Buenos Aires 45');
    takesAs('ADDRESS', '"addressLine1": "1600 W 7th Ave Unit 12", "city": "Denver"', '1600 W 7th Ave');
    takesAs('ADDRESS', 'street=Mannerheimintie 12 B 7;city=Helsinki', 'Mannerheimintie 12');
    takesAs('ADDRESS', "{'line1': '42 Kingsway Apt 9'}", '42 Kingsway');
  });
  it('keeps rooms, buildings, ports, versions and network values under the same keys', () => {
    unchanged([
      'Address: Room 301',
      'address=Building 4',
      '"address": "Port 8080"',
      'street: Version 2',
      '"line1": "Error 404"',
      'Physical Address. . . . . . . . . : 00-15-5D-01-02-03',
      'listen address 10.0.0.1, Port 8080',
      'Bind address 0.0.0.0, Port 53000',
      'Address 0x7ffe12, Heap 65536',
      'address space limit, Kernel 65536',
      'IP Address: 192.168.1.20, Gateway 10000',
      '"remoteAddress":"fe80::1", "port": 5353',
    ]);
  });
  it("keeps an organisation's address", () => {
    keepsWords('address: Free Software Foundation, 51 Franklin Street, Fifth Floor, Boston, MA 02110-1301', '51 Franklin Street');
    keepsWords('Acme GmbH, Anschrift: Hauptstraße 5, 10115 Berlin', 'Hauptstraße 5');
  });
});

describe('Thai, vCard and LDIF addresses', () => {
  it('takes a Thai address after ที่อยู่', () => {
    takesAs('ADDRESS', 'ลงทะเบียน ที่อยู่: 45/7 ถนนนิมมานเหมินท์ ตำบลสุเทพ อำเภอเมือง เชียงใหม่ 50200 โทร -', 'นิมมานเหมินท์', '50200');
  });
  it('takes the street, town and postcode of a vCard ADR (parameters, a group prefix)', () => {
    takesAs('ADDRESS', 'ADR;TYPE=home:;;Domstraat 7;Utrecht;;3512 JB;Nederland', 'Domstraat 7', '3512 JB');
    takesAs('ADDRESS', 'item1.ADR;type=HOME;type=pref:;;14 Wren Close;Bristol;;BS8 2AA;United Kingdom', '14 Wren Close', 'BS8 2AA');
    unchanged(['ADR;TYPE=work:;;;;;;', 'HEADER;ADR:;;;x;;']);
  });
  it('takes an LDIF postal address with its $ lines', () => {
    takesAs('ADDRESS', 'postalAddress: 14 Wren Close$Bristol$BS8 2AA', '14 Wren Close', 'BS8 2AA');
    takesAs('ADDRESS', 'homePostalAddress: Kungsgatan 3$111 43 Stockholm', 'Kungsgatan 3', '111 43');
  });
});

describe('Nordic street compounds', () => {
  it('takes them with their postcode and town', () => {
    takesAs('ADDRESS', 'invoice sent for Mr. Lindqvist, Drottninggatan 71, 111 36 Stockholm to s3://x', 'Drottninggatan 71', '111 36');
    takesAs('ADDRESS', 'kunden flyttede til Strandvejen 100, 2900 Hellerup i går', 'Strandvejen 100', '2900 Hellerup');
    takesAs('ADDRESS', 'levering: Nørrebrogade 44, 2200 København N', 'Nørrebrogade 44');
    takesAs('ADDRESS', 'toimitus Aleksanterinkatu 15, 00100 Helsinki', 'Aleksanterinkatu 15');
    takesAs('ADDRESS', 'leverans till Sveavägen 12, 113 50 Stockholm', 'Sveavägen 12');
  });
  it('keeps words that end like one', () => {
    unchanged(['Brigade 5', 'the renegade 12 times', 'Delegate 5 of 9', 'aggregate 12 rows']);
  });
});

describe('CSV exports: street-only and bare address columns, order rows', () => {
  it('takes the streets of an order export whose rows start with #', async () => {
    const out = await file('orders_export.csv', 'Name,Email,Billing Address1,Billing City,Shipping Address1\n#1001,a@b.example,1187 Rue Saint-Denis,Montréal,77 Queen St W Apt 4\n#1002,c@d.example,9 Elm Row,Leeds,9 Elm Row\n');
    for (const v of ['Rue Saint-Denis', 'Queen St W', 'Elm Row']) expect(out).not.toContain(v);
    expect(out).toContain('#1001,');
    expect(out).toContain('Montréal');
  });
  it('takes a street under a column named with a qualifier in brackets', async () => {
    const out = await file('ordini.csv', '"Numero ordine","Indirizzo 1 (fatturazione)","Città (fatturazione)"\n"501","Via Garibaldi 8","Genova"\n');
    expect(out).not.toContain('Via Garibaldi 8');
    expect(out).toContain('"Genova"');
  });
  it('takes a street under a bare Address column and keeps an IP or a host there', async () => {
    const out = await file('members.csv', 'Email Address,First Name,Address,Notes\nx@y.example,Ana,"Flat 3  18 Mill Lane  York  YO1 7HH  GB",hi\nz@y.example,Bo,10.0.0.12,ok\nw@y.example,Cy,fe80::1,ok\nv@y.example,Di,db01.corp.local,ok\n');
    expect(out).not.toContain('Mill Lane');
    for (const v of ['10.0.0.12', 'fe80::1', 'db01.corp.local']) expect(out).toContain(v);
  });
  it('still reads a # comment line above a header as a comment', async () => {
    const out = await file('export.csv', '# exported 2026-01-02, 12 rows\nName,Email,Billing Address1\nAmy Lee,a@b.example,5 Oak Road\n');
    expect(out).toContain('# exported 2026-01-02, 12 rows');
    expect(out).not.toContain('5 Oak Road');
  });
});

describe('the reference engine agrees on the look-alikes', () => {
  it('keeps them without the prefilter too', () => {
    const reference = new Redactor(undefined, { prefilter: false });
    for (const line of ['Address: Room 301', 'listen address 10.0.0.1, Port 8080', 'address space limit, Kernel 65536', 'Brigade 5', 'ADR;TYPE=work:;;;;;;', '"line1": "Error 404"']) {
      expect(reference.redactText(line).text).toBe(line);
      expect(redact(line)).toBe(line);
    }
  });
});
