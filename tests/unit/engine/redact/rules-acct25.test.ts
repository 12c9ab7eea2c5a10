/**
 * Session 23 (acct25): logins as account tools take and print them, logins in other languages' and English prose, and secrets
 * account and cloud tools print alone or under keys the key lists lack (account-tools.ts, account-secrets.ts). Each family
 * is written by other commands, wordings, languages and quoting than held-out-24 has; look-alikes (system accounts, role words,
 * participles, products in brackets, documentation prose, years, status words) must survive. Each keeps-case is also run
 * through the reference engine (no prefilter), so a pattern that is wrong but not woken today cannot hide.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../electron/engine/redact/index.js';
import { isLoginOfDisplayName, isRomanceLogin } from '../../../../electron/engine/redact/account-tools.js';
import { file, keepsWords, takesAs, takesLogins } from './helpers.js';

/** Each word survives in both engines (the line engine with its prefilter, the reference engine without). */
function keepsInBoth(text: string, ...words: string[]): void {
  keepsWords(text, ...words);
  const reference = new Redactor({}, { prefilter: false }).redactText(text).text;
  for (const word of words) expect(reference, text).toContain(word);
}

describe('logins as account commands take them', () => {
  it('takes the logins after finger, pinky, getent, id, sudo -l -U and mc admin user', () => {
    takesLogins('$ finger -lp tbakker', 'tbakker');
    takesLogins('[root@bastion ~]# finger m.rossi', 'm.rossi');
    takesLogins('$ pinky -l a.novak', 'a.novak');
    takesLogins('$ getent passwd jkowalski anowak', 'jkowalski', 'anowak');
    takesLogins('$ getent shadow l.fischer', 'l.fischer');
    takesLogins('$ sudo id -Gn hsaito', 'hsaito');
    takesLogins('$ sudo -l -U ezhang', 'ezhang');
    takesLogins('PS> mc admin user info prod-s3 k.jansen', 'k.jansen');
    takesLogins('$ mc admin user svcacct add minio-dev r.baptiste', 'r.baptiste');
  });

  it('keeps system accounts, the commands alone and the same words in prose', () => {
    keepsInBoth('$ getent passwd backup www-data', 'backup', 'www-data');
    keepsInBoth('$ id root', 'root');
    keepsInBoth('$ id', '$ id');
    keepsInBoth('Use finger to look up users; the finger daemon is off', 'finger daemon');
    keepsInBoth('the id command prints uid and gid', 'id command');
    keepsInBoth(' id     user    vhost             ip       vpn-ip device', 'vhost', 'ip');
  });
});

describe('logins as account tools print them', () => {
  it('takes id\'s uid, mc\'s user list rows and adduser\'s reports', () => {
    takesLogins('uid=1004(pvisser) gid=1004(pvisser) groups=1004(pvisser),27(sudo)', 'pvisser');
    takesLogins('enabled    f.ozturk          readonly', 'f.ozturk');
    takesLogins('disabled   old.intern', 'old.intern');
    takesLogins("Adding new user `dmartens' (1003) with group `dmartens' ...", 'dmartens');
    takesLogins('Removed user `s.lindgren` successfully.', 's.lindgren');
  });

  it('keeps system uids, feature toggles and plain sentences', () => {
    keepsInBoth('uid=0(root) gid=0(root) groups=0(root)', 'root');
    keepsInBoth('uid=33(www-data) gid=33(www-data)', 'www-data');
    keepsInBoth('enabled    true', 'true');
    keepsInBoth('disabled   logging   readonly', 'logging');
    keepsInBoth('Added user support to the admin group.', 'support');
  });
});

describe('a login in brackets after the display name it was made from', () => {
  it('takes the login built from the name', () => {
    takesLogins('Build started by user Karin Vermeulen (kvermeulen)', 'kvermeulen');
    takesLogins('Ticket assigned to Joana Sousa Lima (jlima) until Monday', 'jlima');
    takesLogins('Approved by Marco De Luca (m.deluca2)', 'm.deluca2');
    expect(isLoginOfDisplayName('Daan Bosman', 'bosmand')).toBe(true);
    expect(isLoginOfDisplayName('Isabella Ferreira Santos', 'iferreirasantos')).toBe(true);
  });

  it('keeps products, packages and words in brackets', () => {
    keepsInBoth('Apache Tomcat (tomcat9) started on port 8080', 'tomcat9');
    keepsInBoth('Google Chrome (stable) updated', 'stable');
    keepsInBoth('Microsoft Windows (windows) build 22631', '(windows)');
    keepsInBoth('Network Manager (nmcli) reports', 'nmcli');
    expect(isLoginOfDisplayName('Daan Bosman', 'bosman')).toBe(false);
  });
});

describe('an account named by its login in English prose', () => {
  it('takes the login before the account\'s event', () => {
    takesLogins('Your account hvandijk has been locked after 5 attempts', 'hvandijk');
    takesLogins("The LDAP account 'c.moreau' was disabled by the nightly job", 'c.moreau');
    takesLogins('Domain account tnguyen2 unlocked', 'tnguyen2');
    takesLogins("auth: login failed for staff_login 'r.okafor' from 10.0.0.4", 'r.okafor');
    takesLogins('{"timestamp":"2026-12-06T09:00:00Z","principal": {"name": "ana.ribeiro"},"request":{}}', 'ana.ribeiro');
  });

  it('keeps the sentence without a login, and system accounts', () => {
    keepsInBoth('Your account has been reset.', 'Your account has been reset.');
    keepsInBoth('The account password was reset by an administrator', 'password');
    keepsInBoth('Your account root has been locked', 'root');
    keepsInBoth('Local account settings were updated', 'settings');
    keepsInBoth('login failed for portal_username from 10.0.0.4', 'portal_username');
    expect(takesLogins("login failed for portal_username 'dwhitfield58'", 'dwhitfield58')).toContain('portal_username');
  });
});

describe('a login after an account noun of another language', () => {
  it('takes a login that looks like one after an Indonesian, Polish, Danish or Hungarian noun', () => {
    takesLogins('Pengguna rina.marlina berhasil masuk', 'rina.marlina');
    takesLogins('pracownika j_nowak zablokowano po 3 próbach', 'j_nowak');
    takesLogins('Brugeren k.holm loggede ind', 'k.holm');
    takesLogins('felhasználó kovacs.anna bejelentkezett', 'kovacs.anna');
  });

  it('takes a bare login ending a Romance clause after a preposition and the noun', () => {
    takesLogins("Impossibile inviare la mail all'utente fcolombo.", 'fcolombo');
    takesLogins("Erreur de synchronisation pour l'utilisateur jdupont; nouvelle tentative", 'jdupont');
    takesLogins('No se encontró el correo del usuario mgarcia', 'mgarcia');
    takesLogins('Falha ao sincronizar o perfil do usuário psouza', 'psouza');
  });

  it('keeps nouns, participles, adjectives and role words', () => {
    keepsInBoth('Pengguna berhasil masuk', 'berhasil');
    keepsInBoth('pracownik zablokowany', 'zablokowany');
    keepsInBoth("Sessione scaduta per l'utente corrente.", 'corrente');
    keepsInBoth("Profil de l'utilisateur connecté", 'connecté');
    keepsInBoth('Permisos del usuario administrador', 'administrador');
    keepsInBoth("Accesso negato per l'utente anonimo", 'anonimo');
    keepsInBoth("Password scaduta per l'utente admin.", 'admin');
    expect(isRomanceLogin('bloccato')).toBe(false);
    expect(isRomanceLogin('gbianco')).toBe(true);
  });
});

describe('a login in a credential slot', () => {
  it('takes the login straight before a password key, whatever it looks like', () => {
    takesAs('USER', 'GİB bağlantı kullanıcı adı=4410093377 parola=Gib#2027x', '4410093377');
    takesAs('USER', 'Servicekonto: svc_backup_hh / Passwort: Bk!2026-hh', 'svc_backup_hh');
    takesAs('USER', 'usuario=ventas01; contraseña=Vtas#2026', 'ventas01');
  });

  it('keeps built-in accounts and stand-ins', () => {
    keepsInBoth('kullanıcı=admin şifre=<SECRET>', 'admin');
    keepsInBoth('Benutzer: root / Passwort: ***', 'root');
  });
});

describe('secrets account and cloud tools print alone', () => {
  it('takes the line after a command that prints a secret alone', () => {
    takesAs('SECRET', '$ argocd admin initial-password -n gitops\nbR4tY8uP2mQ6wZ1x\n', 'bR4tY8uP2mQ6wZ1x');
    takesAs('SECRET', '$ az cosmosdb keys list -g rg -n db --query primaryMasterKey -o tsv\nq2W9e8R7t6Y5u4I3o2P1a0S9d8F7g6H5j4K3l2Z1x0C9v8B7n6M5q4W3e2R1t0==\n', 'q2W9e8R7t6Y5u4I3o2P1a0S9d8F7g6H5j4K3l2Z1x0C9v8B7n6M5q4W3e2R1t0==');
    takesAs('TOKEN', '$ gcloud auth print-access-token\nya29.a0AfB_byC7kL2mN9pQ4rS1tU6vW3xY8zA5bC0dE7fG2hI9jK4lM1nO6\n', 'ya29.a0AfB_byC7kL2mN9pQ4rS1tU6vW3xY8zA5bC0dE7fG2hI9jK4lM1nO6');
    takesAs('TOKEN', '$ heroku auth:token\n3f9c2a7e-1b4d-4e8f-a6c5-9d2b7e1f4a80\n', '3f9c2a7e-1b4d-4e8f-a6c5-9d2b7e1f4a80');
  });

  it('keeps the next line where the output is piped, redirected or not the secret', () => {
    keepsInBoth('$ gh auth token | wc -c\n41\n', '41');
    keepsInBoth('$ az storage account keys list -g rg -n web -o table\nKeyName    Permissions\n', 'KeyName');
    keepsInBoth('$ gcloud auth print-access-token > /tmp/t\n$ echo done\n', 'echo done');
  });
});

describe('secrets under forms of their own', () => {
  it('takes mc admin user add\'s password and mc alias list\'s AccessKey', () => {
    takesAs('SECRET', '$ mc admin user add backup-s3 t.meyer "Tm!Backup-2026"', 'Tm!Backup-2026');
    takesAs('SECRET', '  AccessKey : t.meyer-svc-key', 't.meyer-svc-key');
  });

  it('takes a typed credential object, escaped or not', () => {
    takesAs('SECRET', '{"credentials":[{"type":"password","value":"Hemmelig!2026","temporary":false}]}', 'Hemmelig!2026');
    takesAs('SECRET', 'payload="{\\"credentials\\":[{\\"type\\":\\"password\\",\\"value\\":\\"Zomer#2026kx\\"}]}"', 'Zomer#2026kx');
  });

  it('takes a keychain password holding escaped quotes', () => {
    takesAs('SECRET', 'password: "{\\"access_token\\":\\"at-8c1f5e2b9d\\",\\"expires\\":3600}"', 'at-8c1f5e2b9d');
  });

  it('takes a door, gate or keypad code in English prose', () => {
    takesAs('SECRET', 'The gate code is 2580 and the lockbox is by the bins', '2580');
    takesAs('SECRET', 'Keypad code for the garage: *4471#', '*4471#');
    takesAs('SECRET', 'Front door code was changed; door code is now 90317.', '90317');
  });

  it('keeps years, words and short numbers after a door code', () => {
    keepsInBoth('The door code is 2026 compliant', '2026');
    keepsInBoth('Door code is required for the stair', 'required');
    keepsInBoth('gate code: 42', '42');
    keepsInBoth('the building code requires fire doors', 'requires');
  });

  it('takes a share\'s password in a sentence, and keeps its status words', () => {
    takesAs('SECRET', 'File Q4.xlsx shared via link with password: Kw4rtaal-26', 'Kw4rtaal-26');
    keepsInBoth('Folder shared by link, password protected', 'protected');
  });

  it('takes DigitalOcean tokens and signing keys under names of their own', () => {
    takesAs('SECRET', '  staging: dor_v1_0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9', 'dor_v1_0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9');
    takesAs('SECRET', 'sf.client check_word = "Ab3De6Gh9Jk2Mn5Pq8St1Vw4"', 'Ab3De6Gh9Jk2Mn5Pq8St1Vw4');
    takesAs('SECRET', 'X-Ca-Signature: Kq9Lm2Xv7Tn4Pz8Rw3Ys6Hd1Jc5=', 'Kq9Lm2Xv7Tn4Pz8Rw3Ys6Hd1Jc5=');
    keepsInBoth('x-ca-signature: missing', 'missing');
  });
});

describe('password and login words cut for the automaton\'s old budget', () => {
  it('takes a password under a Danish, Norwegian, Finnish, Hungarian or Indonesian word', () => {
    takesAs('SECRET', 'wifi adgangskode: Hygge#2027', 'Hygge#2027');
    takesAs('SECRET', 'Adgangskoden er Strand2027! til gæster', 'Strand2027!');
    takesAs('SECRET', 'passord=Fjell-2027x', 'Fjell-2027x');
    takesAs('SECRET', 'Uusi salasana on Talvi#2027', 'Talvi#2027');
    takesAs('SECRET', 'jelszó: Balaton#27', 'Balaton#27');
    takesAs('SECRET', 'kata sandinya adalah Bandung2027!', 'Bandung2027!');
  });

  it('keeps status words, dates and empty labels after them', () => {
    keepsInBoth('adgangskode udløbet', 'udløbet');
    keepsInBoth('Adgangskoden er forkert', 'forkert');
    keepsInBoth('salasana vanhentunut', 'vanhentunut');
    keepsInBoth('jelszó módosítva', 'módosítva');
    keepsInBoth('kata sandi salah', 'salah');
    keepsInBoth('passord: 2026-12-05', '2026-12-05');
  });

  it('takes a login under a Danish, Norwegian, Hungarian, Czech or Indonesian key, and keeps built-in accounts', () => {
    takesLogins('brugernavn=mhansen2', 'mhansen2');
    takesLogins('felhasználónév: szabo.e', 'szabo.e');
    takesLogins('uživatelské jméno: pdvorak', 'pdvorak');
    takesLogins('nama pengguna: siti_r', 'siti_r');
    keepsInBoth('brukernavn: root', 'root');
  });
});

describe('a UPI virtual payment address as a login', () => {
  it('takes it under its key or by a payment app\'s handle', () => {
    takesAs('USER', 'collect request vpa=meera.n@okicici amount=499.00', 'meera.n@okicici');
    takesAs('USER', '{"payer_vpa":"9845012345@ybl","status":"SUCCESS"}', '9845012345@ybl');
    takesAs('USER', 'refund credited to rahul.verma@paytm', 'rahul.verma@paytm');
  });

  it('keeps e-mail hosts, machines and merchants', () => {
    keepsInBoth('ssh deploy@kotak uptime', 'deploy@kotak');
    keepsInBoth('vpa=merchant@icici', 'merchant@icici');
  });
});

describe('Przelewy24\'s CRC key', () => {
  it('takes crc= beside a merchant or POS id, and keeps a file\'s checksum', () => {
    takesAs('SECRET', 'p24 init posId=22817 crc=0a9b8c7d6e5f4a3b', '0a9b8c7d6e5f4a3b');
    keepsInBoth('backup.tar crc=0a9b8c7d6e5f4a3b size=88123', '0a9b8c7d6e5f4a3b');
  });
});

describe('an issue tracker\'s people columns', () => {
  it('takes the logins under Assignee, Reporter and Author, and keeps other columns', async () => {
    const jira = await file('jira.csv', 'Summary,Issue key,Status,Assignee,Reporter\r\n"Printer offline","OPS-12",Done,t.meier,s_jansen2\r\n');
    expect(jira).not.toContain('t.meier');
    expect(jira).not.toContain('s_jansen2');
    expect(jira).toContain('OPS-12');
    const redmine = await file('issues.csv', '#,Tracker,Status,Author,Subject\n4411,Bug,New,kwozniak,Login page broken\n');
    expect(redmine).not.toContain('kwozniak');
    expect(redmine).toContain('Login page broken');
  });

  it('keeps built-in accounts and status words under them', async () => {
    const out = await file('jira.csv', 'Summary,Assignee,Reporter\nBackup job,Unassigned,admin\n');
    expect(out).toContain('Unassigned');
    expect(out).toContain('admin');
  });
});
