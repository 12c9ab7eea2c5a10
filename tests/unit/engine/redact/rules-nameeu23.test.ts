/**
 * Person names in European languages, Cyrillic and Arabic (session 22, task nameeu23; person-eu.ts): name keys and role
 * words of a dozen languages, Cyrillic full names with a patronymic or initials, Arabic names after their key, chat
 * exports' speakers (a business is none), a name with its login, group, phone or greeting, a letter's address block.
 * Each with variants the held-out fixtures do not have, and look-alikes that must survive.
 */
import { describe, expect, it } from 'vitest';
import { check, keepsWords, redact, takesAs, unchanged } from './helpers.js';

describe('a name key or a role word of a European language, and its value', () => {
  it('takes Latin names with diacritics and particles after keys of a dozen languages', () => {
    check([
      ['Vorname/Nachname: Jürgen Weißmüller', 'Vorname/Nachname: <NAME-1>'],
      ['2026-03-02 INFO [Export] prénom=Hélène Dubois-Martin ville=Lyon', '2026-03-02 INFO [Export] prénom=<NAME-1> ville=Lyon'],
      ['<Emisor Rfc="AAA010101AAA" Nombre="María de la Cruz Peña"/>', '<Emisor Rfc="AAA010101AAA" Nombre="<NAME-1>"/>'],
      ['Cognome: Esposito-Russo Lorenzo', 'Cognome: <NAME-1>'],
      ['Imię i nazwisko: Małgorzata Wiśniewska', 'Imię i nazwisko: <NAME-1>'],
      ['Jméno a příjmení = Tereza Dvořáková', 'Jméno a příjmení = <NAME-1>'],
      ['Ad Soyad: Ayşe Öztürk', 'Ad Soyad: <NAME-1>'],
      ['<ns:Voornaam>Femke van der Berg</ns:Voornaam>', '<ns:Voornaam><NAME-1></ns:Voornaam>'],
      ['Fullt navn: Bjørn Aasen', 'Fullt navn: <NAME-1>'],
    ]);
  });
  it('takes an ALL-CAPS name under a name key, as a tax document or a card prints it', () => {
    check([
      ['NOMBRE: JUAN CARLOS PEREZ LOPEZ', 'NOMBRE: <NAME-1>'],
      ['<cfdi:Emisor Nombre="ANA SOFIA DE LA TORRE"/>', '<cfdi:Emisor Nombre="<NAME-1>"/>'],
    ]);
  });
  it('takes the person after a role word and a blank, in prose', () => {
    check([
      ['Zahlung an Empfänger Henrike Sommer, IBAN folgt', 'Zahlung an Empfänger <NAME-1>, IBAN folgt'],
      ['WARN titulaire Élodie Rousseau absent du fichier', 'WARN titulaire <NAME-1> absent du fichier'],
      ['INFO paciente Chiara Colombo ingresada', 'INFO paciente <NAME-1> ingresada'],
      ['Klant Sanne de Jong heeft gebeld', 'Klant <NAME-1> heeft gebeld'],
    ]);
  });
  it('keeps capitalised words of those languages that are no names', () => {
    unchanged([
      'Nachname: Pflichtfeld',
      'Kunde Neue Bestellung eingegangen',
      'Empfänger Deutsche Bank AG',
      'Nombre: Usuario Invitado',
      'nombre=Factura Electrónica',
      'Cliente: Microsoft Teams',
      'Titular Banco Santander',
      'Nom: Erreur Serveur',
      'Mitarbeiter Straße Rechnung',
      'Nome: Gennaio Febbraio',
      'Paziente Lunedì Martedì',
    ]);
  });
});

describe('Cyrillic names', () => {
  it('takes a full name with its patronymic without a key, either order', () => {
    check([
      ['Документ подписал Иванов Сергей Александрович вчера', 'Документ подписал <NAME-1> вчера'],
      ['Ответственный: Мария Ивановна Петренко', 'Ответственный: <NAME-1>'],
      ['user="Белова Наталья Сергеевна" action=login', 'user="<NAME-1>" action=login'],
    ]);
  });
  it('takes a name after a key or a role word, and a surname with its initials', () => {
    check([
      ['ФИО: Орлов Дмитрий', 'ФИО: <NAME-1>'],
      ['Отправитель Ковальчук Олег', 'Отправитель <NAME-1>'],
      ['Акт утвердил И.П. Сидоренко', 'Акт утвердил <NAME-1>'],
      ['{"from": "Анна Морозова", "text": "ок"}', '{"from": "<NAME-1>", "text": "ок"}'],
    ]);
  });
  it('keeps Cyrillic words that are no names', () => {
    unchanged([
      'Ошибка: Пользователь Неизвестен',
      'Клиент: Москва Сити',
      'Раздел Общие Положения',
      'Пользователь Администратор вошёл',
      '"name": "Ремонт квартиры"',
      'Статус Главная Страница',
    ]);
  });
});

describe('Arabic names', () => {
  it('takes a name after its Arabic key or a person key', () => {
    check([
      ['الاسم: فاطمة الزهراني', 'الاسم: <NAME-1>'],
      ['تم تحويل الراتب للعميل خالد بن سعيد، المبلغ 5000', 'تم تحويل الراتب للعميل <NAME-1>، المبلغ 5000'],
      ['{"customerName": "نورة العتيبي"}', '{"customerName": "<NAME-1>"}'],
    ]);
  });
  it('keeps what follows such a key and is no name', () => {
    unchanged(['الموظف الجديد في الرياض', 'اسم الموظف: غير متوفر']);
  });
});

describe('chat exports', () => {
  it("takes a bracketed Cyrillic speaker and Telegram's actor", () => {
    check([
      ['[14.03.26, 18:22:05] Дмитрий Волков: Привет', '[14.03.26, 18:22:05] <NAME-1>: Привет'],
      ['   "actor": "Chiara Colombo",', '   "actor": "<NAME-1>",'],
    ]);
  });
  it('keeps a business as the sender', () => {
    unchanged([
      '[2/12/26, 9:41:12] Autohaus Weber: Ihr Termin ist bestätigt',
      '[2/12/26, 9:41:12] Pizzeria Napoli: Ordine confermato',
      '   "from": "Hotel Bellevue",',
    ]);
  });
});

describe('a name with its login, group, address, phone, greeting or title', () => {
  it('takes a name and its own login after a `by`, and a login and its name', () => {
    check([
      ['Zeichnung 4711 checked out by Jonas Krüger (jkrueger)', 'Zeichnung 4711 checked out by <NAME-1> (<USER-1>)'],
      ['PDM: part 88-1 checked out by Ana Ruiz (a.ruiz) at 10:02', 'PDM: part 88-1 checked out by <NAME-1> (<USER-1>) at 10:02'],
    ]);
    takesAs('NAME', 'Anmeldung Benutzer t.becker (Tanja Becker) erfolgreich', 'Tanja Becker');
    check([["Connexion de l'utilisateur mleroux (Maëlle Leroux)", "Connexion de l'utilisateur <USER-1> (<NAME-1>)"]]);
    // A login that is not the name's: no login of that person.
    expect(redact('checked out by Daniel Brenner (build01)')).toContain('Daniel Brenner');
  });
  it('takes `By:`, a name with its group, a name after its address', () => {
    check([
      ['State: Released   By: Øystein Berg', 'State: Released   By: <NAME-1>'],
      ['Login OK (Lena Fischer, Gruppe Einkauf)', 'Login OK (<NAME-1>, Gruppe Einkauf)'],
    ]);
    takesAs('NAME', 'mail to jan.novak@example.cz (Jan Novák) bounced', 'Jan Novák');
    takesAs('NAME', 'Neuer Eintrag: Sabine Roth, Tel. 0711 123456', 'Sabine Roth');
  });
  it('takes a name before its phone, the person on call, a greeting and a title', () => {
    check([
      ['Bereitschaft: Mathieu Girard, nachts erreichbar', 'Bereitschaft: <NAME-1>, nachts erreichbar'],
      ['Merci, Mathilde Laurent!', 'Merci, <NAME-1>!'],
      ['Rechnung 2026-118 für Gregor Baumann', 'Rechnung 2026-118 für <NAME-1>'],
      ['subject=CN = Olivia Brandt, emailAddress = o@example.org', 'subject=CN = <NAME-1>, emailAddress = <EMAIL-1>'],
      ['  comment: "Henrik Lund"', '  comment: "<NAME-1>"'],
      ['Mi esposo, Javier Molina, llega mañana', 'Mi esposo, <NAME-1>, llega mañana'],
      ['dplyr::filter(df, customer_name == "Paolo Greco")', 'dplyr::filter(df, customer_name == "<NAME-1>")'],
    ]);
  });
  it('keeps look-alikes: products, groups, places, greetings to no one', () => {
    unchanged([
      'checked out by Build Server (ci01)',
      'Login OK (Gruppe Bediener, Gruppe Einkauf)',
      'Merci Erreur Serveur,',
      'Hallo Welt!',
      'Treiber für Windows Server',
      'subject=CN = DigiCert Global Root G2',
      'comment: "Managed Node"',
      'By: Release Manager',
      'Guardia Civil, tel. 062',
      'UserService (Level Info) started',
    ]);
    keepsWords('Hotline Microsoft Teams, Tel. +49 89 3176 0', 'Microsoft Teams');
    // A street under its address key is no name (the merge of session 22: addr23 takes it as the address it is).
    expect(redact('Adresse: Hauptstraße 5, 80331 München')).toBe('Adresse: <ADDRESS-1>');
  });
});

describe("a letter's address block: a salutation alone, the name on the next line", () => {
  it('takes the name after Herrn, Frau, Madame, Señora', () => {
    // The street line under the name is the address block's (addr23, merged in session 22).
    expect(redact('Firma X · Weg 1\nHerrn\nKlaus Dieter Hahn\nMusterweg 7\n')).toBe('Firma X · Weg 1\nHerrn\n<NAME-1>\n<ADDRESS-1>\n');
    expect(redact('Madame\nClémence Aubert\n')).toBe('Madame\n<NAME-1>\n');
    expect(redact('Señora\nInés Navarro\n')).toBe('Señora\n<NAME-1>\n');
  });
  it('keeps what follows that is no name (a street, a company)', () => {
    unchanged(['Herrn\nDr. med. Hahn\n']);
    expect(redact('Frau\n12 Rue de Rivoli\n')).toBe('Frau\n<ADDRESS-1>\n'); // a street, no name (addr23 takes it)
  });
});

describe("a `name` inside a user's JSON object", () => {
  it('takes it under `"user": {` or beside the e-mail', () => {
    const text = '{\n  "user": {\n    "iss": "x",\n    "name": "Amara Okafor",\n    "picture": "p"\n  }\n}\n';
    expect(redact(text)).toContain('"name": "<NAME-1>"');
  });
  it("keeps a project's or a product's name", () => {
    unchanged(['{\n  "project": {\n    "id": 1,\n    "name": "Lunar Lander"\n  }\n}\n']);
  });
});
