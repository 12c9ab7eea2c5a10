/**
 * Street addresses of other countries and scripts (session 22, addr23; street-address.ts): a Latin street with its type
 * word and number (either order, a floor or door) before a postcode and city, after an address key in several languages,
 * or on a line of its own with the postcode-and-city line under it; Cyrillic, Japanese, Korean, Vietnamese and Arabic
 * address grammars; a numbered section of a Chinese road (`一段`); address columns of other languages. Each with variants
 * held-out-23 does not have, and the look-alikes that must survive: versions, ports, rooms, rankings, street words in
 * product, station and class names, a saint, dates, paths, log lines with a number and a capitalised word, and an
 * organisation's address (a licence's `Free Software Foundation, Inc., 51 Franklin Street, …`).
 */
import { describe, expect, it } from 'vitest';
import { file, keepsWords, redact, takesAs, unchanged } from './helpers.js';

describe('a Latin street with its type word, its number, its postcode and city', () => {
  it('takes German, Swiss, Austrian, Dutch, French, Spanish, Italian, Portuguese and Polish forms in prose', () => {
    takesAs('ADDRESS', 'Zustellung geplant: Bahnhofstrasse 21, 8001 Zürich (Lieferfenster 9-12)', 'Bahnhofstrasse 21', '8001 Zürich');
    takesAs('ADDRESS', 'Umzug nach Mariahilfer Straße 88/5, 1060 Wien am Montag', 'Mariahilfer Straße 88/5', '1060 Wien');
    takesAs('ADDRESS', 'bezorgd op Keizersgracht 123, 1015 CJ Amsterdam door PostNL', 'Keizersgracht 123', 'Amsterdam');
    takesAs('ADDRESS', 'INFO colis remis au 8 bis, avenue Foch, 75116 Paris le 03/12', 'avenue Foch', '75116 Paris');
    takesAs('ADDRESS', 'recogida en Paseo de la Castellana 200, 5º izq., 28046 Madrid a las 10', 'Castellana 200', '28046 Madrid');
    takesAs('ADDRESS', 'consegna: Via dei Mille 24, 00185 Roma RM, citofono Rossi', 'Via dei Mille 24', '00185 Roma');
    takesAs('ADDRESS', 'entrega na Rua Augusta, 274, 1100-053 Lisboa', 'Rua Augusta, 274', 'Lisboa');
    takesAs('ADDRESS', 'kurier: ul. Długa 5/3, 00-238 Warszawa', 'Długa 5/3', '00-238 Warszawa');
  });
  it('takes English forms with a UK postcode, a US state and ZIP, an Indian PIN', () => {
    takesAs('ADDRESS', 'courier booked for 221B Baker Street, London NW1 6XE today', '221B Baker Street', 'NW1 6XE');
    takesAs('ADDRESS', 'ship label: 350 Fifth Avenue, New York, NY 10118', '350 Fifth Avenue', 'NY 10118');
    takesAs('ADDRESS', 'KYC ok, residence 45 MG Road, Pune 411001', '45 MG Road', '411001');
  });
});

describe('a street after an address key in other languages', () => {
  it('takes it with or without its postcode, in a key=value, a label, XML and prose', () => {
    takesAs('ADDRESS', 'Anschrift: Musterweg 3a, D-12345 Berlin', 'Musterweg 3a', 'Berlin');
    takesAs('ADDRESS', '<ns2:Adresse>Am Sandtorkai 4, 20457 Hamburg</ns2:Adresse>', 'Sandtorkai 4', '20457 Hamburg');
    takesAs('ADDRESS', 'Dirección: C/ Mayor 5, 2º izq., 28013 Madrid', 'Mayor 5', '28013 Madrid');
    takesAs('ADDRESS', 'indirizzo="Corso Vittorio Emanuele II 15, 10123 Torino"', 'Vittorio Emanuele II 15', '10123 Torino');
    takesAs('ADDRESS', 'endereço: Avenida Paulista 1578, São Paulo', 'Paulista 1578');
    takesAs('ADDRESS', 'client domicilié, adresse : 3 impasse des Lilas', 'impasse des Lilas');
  });
  it('takes a street without a type word only with a key and a postcode and city', () => {
    takesAs('ADDRESS', '"wohnort": "Kehrwieder 9, 20457 Hamburg"', 'Kehrwieder 9');
    keepsWords('Produkt Kehrwieder 9, Lager 20457 Hamburg', 'Kehrwieder 9');
  });
});

describe('an address block: the street line and the postcode-and-city line under it', () => {
  it('takes both lines of a letter or payslip head', () => {
    const out = redact('Frau\nMaria Huber\nMariahilfer Straße 88/5\n1060 Wien\n\nBetreff: Lohnzettel');
    expect(out).not.toContain('Mariahilfer');
    expect(out).not.toContain('1060 Wien');
    expect(out).toContain('Betreff: Lohnzettel');
    const nl = redact('Dhr. J. de Vries\nKalverstraat 92-3\n1012 PH Amsterdam');
    expect(nl).not.toContain('Kalverstraat');
    expect(nl).not.toContain('1012 PH Amsterdam');
  });
  it('takes a street printed alone (a CLI printing one meta value)', () => {
    takesAs('ADDRESS', '$ wp user meta get 7 shipping_address_1\nRue de la Loi 16\n', 'Rue de la Loi 16');
  });
  it('keeps a postcode and city under a line that is not a street, and lines that merely look like one', () => {
    unchanged(['Tobias Brandt\n20357 Hamburg', 'Platz 3\nTeam Blau', 'Spring 5\nString 12\nOffering 2', '2021 Iain Lane', '1991-1997, Thomas G. Lane', 'Version 2\n10115 Berlin']);
  });
});

describe('address columns of other languages and Google Contacts', () => {
  it('takes the formatted and street cells of a Google Contacts export and a German address column', async () => {
    const csv = 'Name,Address 1 - Formatted,Address 1 - Street,Address 1 - City\r\nAda,"4 Privet Drive, Little Whinging",4 Privet Drive,Little Whinging\r\n';
    const out = await file('contacts.csv', csv);
    expect(out).not.toContain('Privet');
    const de = await file('kunden.csv', 'Kunde,Anschrift,Ort\nK-1,Am Hang 7,Kiel\n');
    expect(de).not.toContain('Am Hang 7');
  });
});

describe('Cyrillic, Japanese, Korean, Vietnamese and Arabic street addresses', () => {
  it('takes a Russian or Ukrainian street with its house, building and flat', () => {
    takesAs('ADDRESS', 'Адрес доставки: г. Новосибирск, пр. Карла Маркса, д. 7, корп. 2, кв. 15', 'Карла Маркса', 'кв. 15');
    takesAs('ADDRESS', 'p_4: \'630099, Новосибирск, ул. Ленина, дом 21, кв. 8\'', 'Ленина', '630099');
    takesAs('ADDRESS', 'адреса: м. Київ, вул. Січових Стрільців, буд. 12, кв. 4', 'Січових Стрільців');
  });
  it('takes a Japanese address with block numbers or 番地 and its building and room', () => {
    takesAs('ADDRESS', '住所：〒530-0001 大阪府大阪市北区梅田1-2-3 梅田ビル 1203', '梅田1-2-3', '530-0001');
    takesAs('ADDRESS', '届け先 愛知県名古屋市中村区名駅4-7-1 ミッドランドスクエア 2204', '名駅4-7-1');
    takesAs('ADDRESS', '現住所 埼玉県さいたま市浦和区高砂3番地15', '高砂3番地15');
  });
  it('takes a Korean road-name address with its building, room or floor', () => {
    takesAs('ADDRESS', '배송지: 부산광역시 해운대구 센텀중앙로 79, 101동 1502호', '센텀중앙로 79', '1502호');
    takesAs('ADDRESS', '주소=대전광역시 유성구 대학로 291', '대학로 291');
  });
  it('takes a Vietnamese address with its ward, district and city', () => {
    takesAs('ADDRESS', 'Địa chỉ: 12/4 đường Lê Lợi, P. Bến Nghé, Q. 1, TP. HCM', 'Lê Lợi', 'Bến Nghé');
    takesAs('ADDRESS', 'giao tới số 5 ngõ 12 phố Huế, phường Phạm Đình Hổ, quận Hai Bà Trưng, Hà Nội', 'phố Huế', 'Hai Bà Trưng');
  });
  it('takes an Arabic national address with its district, city and postcode', () => {
    takesAs('ADDRESS', 'العنوان: 12 شارع التحلية، حي السليمانية، جدة 23435', 'شارع التحلية', '23435');
  });
  it('takes a Chinese road with a numbered section (一段, 三段)', () => {
    takesAs('ADDRESS', "values('x','台中市西屯区台湾大道三段99号7楼')", '台湾大道三段99号');
    takesAs('ADDRESS', '收货地址：湖北省武汉市武昌区中山路二段 88 号 3 栋 1201', '中山路二段 88 号');
  });
});

describe('look-alikes that must survive', () => {
  it('keeps versions, ports, rooms, rankings and log lines with a number and a capitalised word', () => {
    unchanged([
      'Listening on Port 8080, 12 Workers started',
      'Room 101 booked for the retro',
      'Platz 3 in der Rangliste: Team Blau mit 20357 Punkten',
      'RoadRunner 2.1.0, 30009 Requests served',
      'S-Bahn Wiener Straße: 5 min Verspätung',
      'Stau auf der Lindenstraße 12 km lang',
      'class StreetAddressFormatter extends BaseFormatter',
      'St. Petersburg 2024 Conference, 12 Talks',
      'Google Drive 3 files synced, 10240 Bytes',
      'INFO 2026-12-05 Avenue 2.3.1 deployed to 12 Nodes',
      '/usr/share/doc/via 3/rue 5/README',
      'Highway 61 Revisited, 1965 Columbia',
    ]);
  });
  it('keeps street-type words in Cyrillic, Korean and Japanese prose without a house number', () => {
    unchanged(['Встреча на ул. Ленина в 15:00', '이 작업으로 1개 파일이 변경됨', '東京都の予算 2024年度', 'Quận 1 hôm nay mưa']);
  });
  it("keeps an organisation's address (licence texts, a company's office)", () => {
    unchanged([
      'Foundation, Inc., 51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA.',
      'Free Software Foundation, Inc.,\n51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA.',
      'principal office at 160 Saratoga Avenue, Santa Clara, CA 95051, and the',
      'Muster GmbH, Hauptstraße 5, 10115 Berlin',
    ]);
  });
});
