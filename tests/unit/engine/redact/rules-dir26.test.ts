/**
 * Directory and contact-exchange formats (session 24, dir26; directory-layout.ts): LDIF (slapcat, ldapsearch with and without
 * -LLL, 389-ds, FreeIPA, Samba, Active Directory, Thunderbird), vCard 2.1/3.0/4.0 (Apple, Google, Outlook, Android, Chinese
 * phone exports), iCalendar (Thunderbird, Google Calendar, Outlook), and the people columns of CRM and helpdesk CSV exports
 * (Salesforce, Freshdesk, Zendesk, HubSpot). Variants held-out-25 does not have, and the look-alikes that must survive: schema
 * dumps, objectClass values, groups, OUs, `cn=config`, system accounts, PRODID/VERSION/UID, TZID/DTSTART/RRULE, room names,
 * teams and companies in people columns.
 */
import { describe, expect, it } from 'vitest';
import { file } from './helpers.js';
import { detectLayout, transcriptSection } from '../../../../electron/engine/redact/formats.js';
import { isDirectoryPersonName } from '../../../../electron/engine/redact/directory-layout.js';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('dir26: layout detection', () => {
  it('reads LDIF, vCard and iCalendar by name or first line, and not a YAML `version: 1`', () => {
    expect(detectLayout('people.ldif', 'version: 1')).toBe('ldif');
    expect(detectLayout('dump.txt', 'dn: dc=example,dc=org')).toBe('ldif');
    expect(detectLayout('out.txt', '# extended LDIF')).toBe('ldif');
    expect(detectLayout('contacts.txt', 'BEGIN:VCARD')).toBe('vcard');
    expect(detectLayout('Kontakte.VCF'.toLowerCase(), 'BEGIN:VCARD\r')).toBe('vcard');
    expect(detectLayout('invite.ics', 'BEGIN:VCALENDAR')).toBe('ical');
    expect(detectLayout('logging.yaml', 'version: 1')).toBeUndefined();
    expect(detectLayout('notes.txt', 'dn is the distinguished name')).toBeUndefined();
  });
  it('reads a command whose output is LDIF at a transcript prompt', () => {
    expect(transcriptSection('$ ldapsearch -LLL -x -b ou=people,dc=example,dc=org')).toBe('ldapsearch');
    expect(transcriptSection('root@dc1:~# samba-tool user show ksjoberg')).toBe('samba-tool');
    expect(transcriptSection('[root@ldap ~]# slapcat -n 1')).toBe('slapcat');
    expect(transcriptSection('$ ldapsearchx --help')).toBeUndefined();
  });
});

describe('dir26: LDIF', () => {
  it('slapcat (OpenLDAP): names, login, phones, street, password hash, base64 name', async () => {
    const out = await file('slapcat.ldif', [
      'dn: uid=mkowalczyk,ou=People,dc=firma,dc=example', 'objectClass: inetOrgPerson', 'objectClass: posixAccount',
      'uid: mkowalczyk', 'cn: Marta Kowalczyk', 'givenName: Marta', 'sn: Kowalczyk', `displayName:: ${b64('Marta Kowalczyk-Wiśniewska')}`,
      'telephoneNumber: +48 22 584 19 30', 'homePhone: 601 284 937', 'street: ul. Mokotowska 41', 'userPassword: {SSHA}k3Jd9aQ0cR7zXv1Yp2Lm8Nw4Tb6Hs5Ue',
      'gecos: Marta Kowalczyk,pok. 12,,', 'uidNumber: 10412', 'homeDirectory: /home/mkowalczyk', 'loginShell: /bin/bash', '',
    ].join('\n'));
    for (const v of ['mkowalczyk', 'Marta', 'Kowalczyk', b64('Marta Kowalczyk-Wiśniewska'), '584 19 30', '601 284 937', 'Mokotowska 41', 'k3Jd9aQ0cR7zXv1Yp2Lm8Nw4Tb6Hs5Ue']) expect(out).not.toContain(v);
    for (const v of ['uidNumber: 10412', 'objectClass: inetOrgPerson', 'ou=People,dc=firma,dc=example', 'loginShell: /bin/bash']) expect(out).toContain(v);
  });
  it('Active Directory (ldifde): CN=Last\\, First in DNs, sAMAccountName, userPrincipalName, unicodePwd', async () => {
    const out = await file('export.ldf.ldif', [
      'dn: CN=Lindqvist\\, Henrik,OU=Staff,DC=corp,DC=example', 'changetype: add', 'objectClass: user', 'cn: Lindqvist, Henrik',
      'displayName: Henrik Lindqvist', 'sAMAccountName: hlindqvist', 'userPrincipalName: h.lindqvist@corp.example', 'mobile: 070-412 88 31',
      'manager: CN=Åsa Berglund,OU=Staff,DC=corp,DC=example', 'unicodePwd:: IgBTAHUAbQBtAGUAcgAyADAAMgA2ACEAIgA=', '',
    ].join('\n'));
    for (const v of ['Lindqvist', 'Henrik', 'hlindqvist', 'h.lindqvist', '412 88 31', 'Åsa Berglund', 'IgBTAHUAbQBtAGUAcgAyADAAMgA2ACEAIgA=']) expect(out).not.toContain(v);
    expect(out).toContain('OU=Staff,DC=corp,DC=example');
  });
  it('ldapsearch without -LLL (389-ds / FreeIPA): the comments, a krbPrincipalName, a memberUid', async () => {
    const out = await file('ldapsearch.out', [
      '# extended LDIF', '#', '# LDAPv3', '# base <cn=users,cn=accounts,dc=ipa,dc=example> with scope subtree', '#',
      '# tkarlsson, users, accounts, ipa.example', 'dn: uid=tkarlsson,cn=users,cn=accounts,dc=ipa,dc=example', 'krbPrincipalName: tkarlsson@IPA.EXAMPLE',
      'cn: Tove Karlsson', 'postalAddress: Storgatan 18$411 38 Göteborg', '', '# search result', 'search: 2', 'result: 0 Success', '',
    ].join('\n'));
    for (const v of ['Tove Karlsson', 'tkarlsson@IPA', 'Storgatan 18']) expect(out).not.toContain(v);
    expect(out).toContain('result: 0 Success');
    expect(out).toContain('# LDAPv3');
  });
  it('an ldapsearch pasted into a transcript: the lines after the prompt read as LDIF', async () => {
    const out = await file('notes.txt', ['$ ldapsearch -LLL -x -b ou=people,dc=uni,dc=example "(uid=jnovak)" cn telephoneNumber', 'dn: uid=jnovak,ou=people,dc=uni,dc=example', 'cn: Jan Novák', 'telephoneNumber: +420 603 418 927', ''].join('\n'));
    for (const v of ['Jan Novák', '603 418 927']) expect(out).not.toContain(v);
  });
  it('keeps groups, OUs, the config, the schema, system accounts and services', async () => {
    const text = [
      'dn: cn=config', 'objectClass: olcGlobal', 'cn: config', '',
      'dn: cn=schema,cn=config', "olcAttributeTypes: ( 2.5.4.3 NAME ( 'cn' 'commonName' ) DESC 'RFC4519: common name(s) for which the entity is known by' SUP name )", '',
      'dn: cn=Remote Desktop Users,cn=Builtin,dc=corp,dc=example', 'objectClass: group', 'cn: Remote Desktop Users', 'member: CN=Domain Admins,CN=Users,DC=corp,DC=example', '',
      'dn: ou=Sales Team,dc=corp,dc=example', 'objectClass: organizationalUnit', 'ou: Sales Team', '',
      'dn: cn=Project Falcon,ou=groups,dc=corp,dc=example', 'objectClass: groupOfNames', 'cn: Project Falcon', 'description: Release Board', '',
      'dn: uid=root,ou=people,dc=corp,dc=example', 'uid: root', 'cn: Nightly Backup', 'userPassword: {CRYPT}*', '',
      'dn: cn=admin,dc=corp,dc=example', 'objectClass: simpleSecurityObject', 'cn: admin', '',
    ].join('\n');
    const out = await file('config.ldif', text);
    for (const v of ['cn: config', "NAME ( 'cn' 'commonName' )", 'Remote Desktop Users', 'Domain Admins', 'Sales Team', 'Project Falcon', 'uid: root', 'Nightly Backup', '{CRYPT}*', 'cn: admin']) expect(out).toContain(v);
  });
});

describe('dir26: vCard', () => {
  it('Apple Contacts 3.0: FN, N parts, grouped TEL, phonetic names, IMPP, X-SKYPE', async () => {
    const out = await file('Contacts.vcf', [
      'BEGIN:VCARD', 'VERSION:3.0', 'PRODID:-//Apple Inc.//iPhone OS 17.5//EN', 'N:Okonkwo;Chidi;Emeka;Dr.;', 'FN:Dr. Chidi Okonkwo', 'X-PHONETIC-LAST-NAME:Okonkwo',
      'item1.TEL;type=pref:+234 803 555 0147', 'IMPP;X-SERVICE-TYPE=Skype;type=pref:skype:chidi.okonkwo', 'X-SKYPE:chidi_ok', 'BDAY:1988-04-02', 'UID:5C1A0E2B-7F1A-4E0B-9C1D-2A7B3C4D5E6F', 'END:VCARD', '',
    ].join('\r\n'));
    for (const v of ['Okonkwo', 'Chidi', 'Emeka', '803 555 0147', 'chidi.okonkwo', 'chidi_ok']) expect(out).not.toContain(v);
    for (const v of ['PRODID:-//Apple Inc.//iPhone OS 17.5//EN', 'BDAY:1988-04-02', 'UID:5C1A0E2B-7F1A-4E0B-9C1D-2A7B3C4D5E6F', 'VERSION:3.0', 'Dr.']) expect(out).toContain(v);
  });
  it('vCard 2.1 (Android, Outlook) with QUOTED-PRINTABLE names, 4.0 with a tel: URI, a Chinese card with X-QQ', async () => {
    const qp = (s: string) => [...Buffer.from(s, 'utf8')].map((x) => '=' + x.toString(16).toUpperCase().padStart(2, '0')).join('');
    const out = await file('export.vcf', [
      'BEGIN:VCARD', 'VERSION:2.1', `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('王')};${qp('思远')};;;`, `FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('王思远')}`, 'TEL;CELL:13912345678', 'X-QQ:28471936', 'END:VCARD',
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Ingrid Solberg', 'N:Solberg;Ingrid;;;', 'TEL;VALUE=uri;TYPE="voice,cell":tel:+47-912-34-567', 'NICKNAME:ingso', 'END:VCARD', '',
    ].join('\n'));
    for (const v of [qp('王'), qp('思远'), qp('王思远'), '28471936', 'Ingrid', 'Solberg', '912-34-567', 'ingso']) expect(out).not.toContain(v);
  });
  it('keeps a company card, ORG, PRODID, VERSION, REV and a hotline', async () => {
    const text = ['BEGIN:VCARD', 'VERSION:3.0', 'PRODID:-//Google Inc//Google Contacts//EN', 'FN:Northwind Freight Ltd', 'N:;;;;', 'ORG:Northwind Freight Ltd;Accounts', 'FN:客服中心', 'REV:2026-11-30T08:15:00Z', 'END:VCARD', ''].join('\n');
    expect(await file('google.vcf', text)).toBe(text);
  });
});

describe('dir26: iCalendar', () => {
  it('Thunderbird, Google and Outlook invitations: ORGANIZER and ATTENDEE CNs, a street LOCATION', async () => {
    const out = await file('invite.ics', [
      'BEGIN:VCALENDAR', 'PRODID:-//Google Inc//Google Calendar 70.9054//EN', 'X-WR-CALNAME:Team Standup', 'BEGIN:VEVENT', 'DTSTART;TZID=Europe/Berlin:20261208T100000',
      'RRULE:FREQ=WEEKLY;BYDAY=MO', 'ORGANIZER;CN=Katrin Vogelsang:mailto:k.vogelsang@firma.example', 'ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN="Moreau, Élodie";X-NUM-GUESTS=0:mailto:elodie.moreau@firma.example',
      'ATTENDEE;CN=Room 3.14;CUTYPE=ROOM:mailto:room314@firma.example', 'LOCATION:Hauptstraße 12\\, 10827 Berlin', 'END:VEVENT',
      'BEGIN:VEVENT', 'LOCATION:Room 3.14', 'SUMMARY:Sprint review', 'END:VEVENT', 'BEGIN:VEVENT', 'LOCATION:会议室A', 'END:VEVENT', 'END:VCALENDAR', '',
    ].join('\r\n'));
    for (const v of ['Katrin Vogelsang', 'Moreau', 'Élodie', 'Hauptstraße 12']) expect(out).not.toContain(v);
    for (const v of ['X-WR-CALNAME:Team Standup', 'DTSTART;TZID=Europe/Berlin:20261208T100000', 'RRULE:FREQ=WEEKLY;BYDAY=MO', 'CN=Room 3.14', 'LOCATION:Room 3.14', 'LOCATION:会议室A', 'SUMMARY:Sprint review']) expect(out).toContain(v);
  });
});

describe('dir26: CRM and helpdesk columns', () => {
  it('Salesforce, Freshdesk and Zendesk people columns; a team, Unassigned and a company stay', async () => {
    const out = await file('report.csv', [
      'Case Number,Subject,Owner Name,Contact Name,Account Name,Created By', '00001042,Login issue,Priya Raman,Seán O\'Brien,Acme Holdings,Tomasz Wiśniewski', '00001043,Refund,Tier 2 Support,Unassigned,Globex Corporation,Integration User', '',
    ].join('\n'));
    for (const v of ['Priya Raman', "O'Brien", 'Tomasz Wiśniewski']) expect(out).not.toContain(v);
    for (const v of ['Tier 2 Support', 'Unassigned', 'Acme Holdings', 'Globex Corporation', 'Integration User']) expect(out).toContain(v);
    const fresh = await file('tickets.csv', ['Ticket ID,Agent,Submitter,Group', '7,Fiona MacDougall,Residents Association,Billing', ''].join('\n'));
    expect(fresh).not.toContain('MacDougall');
    expect(fresh).toContain('Residents Association');
  });
  it('name-part columns of other languages (German, Polish, Swedish)', async () => {
    const out = await file('kontakte.csv', ['Vorname,Nachname,E-Mail', 'Jürgen,Hoffmann,j@h.example', ''].join('\n'));
    expect(out).not.toContain('Jürgen');
    expect(out).not.toContain('Hoffmann');
    const pl = await file('kontakty.csv', ['Imię,Nazwisko,Telefon', 'Zofia,Wójcik,501 234 567', ''].join('\n'));
    expect(pl).not.toContain('Wójcik');
    const sv = await file('kontakter.csv', ['Förnamn,Efternamn,Ort', 'Britt,Åkesson,Luleå', ''].join('\n'));
    expect(sv).not.toContain('Åkesson');
  });
});

describe('dir26: person-name judge', () => {
  it('takes people and refuses teams, groups, devices and acronyms', () => {
    for (const n of ['Karin Sjöberg', 'Lindqvist, Henrik', 'MARTA KOWALCZYK', 'Aoife O\'Brien', 'Ludwig van der Berg', '王思远']) expect(isDirectoryPersonName(n), n).toBe(true);
    for (const n of ['Domain Admins', 'Nightly Backup', 'Styrelsen BRF Tallbacken', 'Room 3.14', 'Tier 2 Support', 'Printer Floor', '客服中心', 'admin']) expect(isDirectoryPersonName(n), n).toBe(false);
  });
});
