/**
 * Session 22 (intlkey23): passwords, door codes and logins under other languages' words, and secrets tools print alone.
 * Each family is written by other wordings, languages, separators and quoting than held-out-23 has; look-alikes (a password
 * word in a status message or a policy text, a hash's name, a bare number) must survive. A fresh Redactor per case.
 */
import { describe, it } from 'vitest';
import { keepsWords, takesAs } from './helpers.js';

describe('a password under another language\'s key', () => {
  it('takes the value of a key (`=`, `:`, quoted)', () => {
    takesAs('SECRET', 'INFO conexion SAT rfc=XAXX010101000 contraseña=Ciec#2027mx', 'Ciec#2027mx');
    takesAs('SECRET', 'db.passwort = Lager!Db-2026', 'Lager!Db-2026');
    takesAs('SECRET', 'Kennwort: Praxis-Scan!7', 'Praxis-Scan!7');
    takesAs('SECRET', 'mot de passe : Azur-Mer-4471', 'Azur-Mer-4471');
    takesAs('SECRET', 'senha=Praia#2026x login ok', 'Praia#2026x');
    takesAs('SECRET', 'wachtwoord: Fiets88kl!', 'Fiets88kl!');
    takesAs('SECRET', 'hasło: Krakow#2026', 'Krakow#2026');
    takesAs('SECRET', 'şifre: Ankara2026!', 'Ankara2026!');
    takesAs('SECRET', 'lösenord: Sommar-2026x', 'Sommar-2026x');
    takesAs('SECRET', 'пароль: Qwerty-2026', 'Qwerty-2026');
    takesAs('SECRET', 'パスワード：Sakura2026', 'Sakura2026');
    takesAs('SECRET', '비밀번호: Seoul2026!', 'Seoul2026!');
    takesAs('SECRET', 'كلمة المرور: Riyadh@2026', 'Riyadh@2026');
    takesAs('SECRET', 'mật khẩu: Hanoi#2026', 'Hanoi#2026');
  });

  it('takes the value of a prose label, with or without its copula', () => {
    takesAs('SECRET', 'Das neue Passwort ist Sommer2026! bitte ändern', 'Sommer2026!');
    takesAs('SECRET', 'Le mot de passe du wifi est Azur-4471, merci', 'Azur-4471');
    takesAs('SECRET', 'a senha é Praia#2026 ok', 'Praia#2026');
    takesAs('SECRET', 'het wachtwoord is Fiets88kl voor de gast', 'Fiets88kl');
    takesAs('SECRET', 'pon la contraseña del wifi es casa.2027.verano ya', 'casa.2027.verano');
    takesAs('SECRET', 'Drucker-Freigabe, Kennwort Druck3r!Lager, Raum 2', 'Druck3r!Lager');
    takesAs('SECRET', 'パスワードはHana#77xです', 'Hana#77x');
    takesAs('SECRET', '비밀번호는 Busan2026# 입니다', 'Busan2026#');
  });

  it('keeps status messages, policy texts and hash names', () => {
    keepsWords('Passwort ändern', 'ändern');
    keepsWords('Fehler: contraseña incorrecta para el usuario', 'incorrecta');
    keepsWords('Lien: mot de passe oublié ?', 'oublié');
    keepsWords('Кластер 1541: пароль изменён (Password changed)', 'изменён');
    keepsWords('パスワードを入力してください', 'パスワードを入力してください');
    keepsWords('비밀번호 변경 완료', '변경');
    keepsWords('Kennwort abgelaufen, bitte neu setzen', 'abgelaufen');
    keepsWords('Das Kennwort muss 8 Zeichen haben.', 'muss', '8');
    keepsWords('Kennwort: mindestens 8 Zeichen', 'mindestens');
    keepsWords('mot de passe SHA256 stocké', 'SHA256');
    keepsWords('Kennwort: 2026-12-05', '2026-12-05');
    keepsWords('contraseña=${DB_PASS}', '${DB_PASS}');
    keepsWords('Passwortrichtlinie=streng', 'streng');
  });
});

describe('a name/value element pair in a namespace', () => {
  it('takes the value of a secret-named property (SoapUI, SOAP exports)', () => {
    takesAs('SECRET', '<con:property><con:name>keystorePassword</con:name><con:value>ks-Lager-2291</con:value></con:property>', 'ks-Lager-2291');
    takesAs('TOKEN', '<cfg:param><cfg:name>api_token</cfg:name><cfg:values><cfg:value>tk_9Qz81LmWx</cfg:value></cfg:values></cfg:param>', 'tk_9Qz81LmWx');
    keepsWords('<con:property><con:name>Endpoint</con:name><con:value>https://zoll.example/ws</con:value></con:property>', 'https://zoll.example/ws');
  });
});

describe('a door or intercom code with its code word', () => {
  it('takes the code', () => {
    takesAs('SECRET', 'La clave del portal es 2580C, segundo piso', '2580C');
    takesAs('SECRET', 'el código del portal: 7781', '7781');
    takesAs('SECRET', 'Türcode 4417, bitte klingeln', '4417');
    takesAs('SECRET', 'Haustürcode: 7719#', '7719#');
    takesAs('SECRET', 'кв. 12, код домофона 12К4471', '12К4471');
    takesAs('SECRET', 'подъезд 3, домофон 45В7721', '45В7721');
  });

  it('keeps a bare number and a code without a door', () => {
    keepsWords('exit code 4417', '4417');
    keepsWords('código de error 5021', '5021');
    keepsWords('code porte 2026', '2026');
    keepsWords('Türcode geändert', 'geändert');
  });
});

describe('a secret a command prints alone on the next line', () => {
  it('takes the line after wp/systemd-creds/op/aws', () => {
    takesAs('SECRET', '$ wp config get DB_PASSWORD --path=/var/www/shop\nWp#Shop-2026', 'Wp#Shop-2026');
    takesAs('SECRET', '$ wp config get AUTH_KEY\nq|x8N+Zr4&Kp2@Lw7^Tv1', 'q|x8N+Zr4&Kp2@Lw7^Tv1');
    takesAs('SECRET', '# systemd-creds cat mailer-token\nmlr-Tok-66Wq1Zp8', 'mlr-Tok-66Wq1Zp8');
    takesAs('SECRET', '$ op read "op://Private/GitHub/password"\nXq-77!pass', 'Xq-77!pass');
    takesAs('SECRET', '$ aws configure get aws_secret_access_key --profile prod\nbV8nK2xQ7wL4zR1mT9yH6cP3jF0sD5gA8eU2iO4r', 'bV8nK2xQ7wL4zR1mT9yH6cP3jF0sD5gA8eU2iO4r');
  });

  it('takes the base64 login and password after an SMTP/IMAP AUTH LOGIN prompt', () => {
    const out = takesAs('SECRET', ' -> AUTH LOGIN\n<-  334 VXNlcm5hbWU6\n -> bWFpbEBleGFtcGxlLm9yZw==\n<-  334 UGFzc3dvcmQ6\n -> UzNjcmV0LVBhc3MyNg==\n<-  235 2.7.0 ok', 'bWFpbEBleGFtcGxlLm9yZw==', 'UzNjcmV0LVBhc3MyNg==');
    keepsWords(out, '235 2.7.0 ok', 'AUTH LOGIN');
    takesAs('SECRET', '334 UGFzc3dvcmQ6\nSm9obi1QdzIwMjY=', 'Sm9obi1QdzIwMjY=');
  });

  it('takes the Supabase CLI\'s database password after its flag', () => {
    takesAs('SECRET', "$ supabase link --project-ref abcdefghijklmnop -p 'Db!Pw-2026x'", 'Db!Pw-2026x');
    takesAs('SECRET', 'npx supabase db push --password Zx9!pg-2026 --linked', 'Zx9!pg-2026');
    keepsWords('supabase db dump -p=$SUPA_PW', '$SUPA_PW');
  });

  it('keeps what the same commands print that is no secret', () => {
    keepsWords('$ wp config get DB_NAME\nwp_bakkerij', 'wp_bakkerij');
    keepsWords('$ aws configure get region\neu-central-1', 'eu-central-1');
    keepsWords('$ systemd-creds cat token | wc -c\n33', '33');
    keepsWords('<~  334 VXNlcm5hbWU6 extra\n ~> QUxMT1c=', 'QUxMT1c=');
  });
});

describe('a login under another language\'s key or account noun', () => {
  it('takes the login of a key', () => {
    takesAs('USER', '로그인 실패: 사용자ID=parkjs77, 사유=비밀번호 불일치', 'parkjs77');
    takesAs('USER', 'INFO usuario=jlopez2 sesión iniciada', 'jlopez2');
    takesAs('USER', 'utente: m.rossi', 'm.rossi');
    takesAs('USER', 'gebruikersnaam: jvdberg', 'jvdberg');
    takesAs('USER', 'ユーザーID：tanaka01 でログインしました', 'tanaka01');
    takesAs('USER', 'Descr=\'Srvr="srv1c";Ref="zup";Usr="a.petrova";\'', 'a.petrova');
    takesAs('USER', 'Benutzername: k.schmidt', 'k.schmidt');
  });

  it('takes the login after an account noun in prose', () => {
    takesAs('USER', 'Ouverture de session de l\'utilisateur mdupont (Marie Dupont) sur POSTE-3', 'mdupont');
    takesAs('USER', 'Anmeldung: Benutzer t.becker angemeldet an HMI_RT_1', 't.becker');
    takesAs('USER', 'Вход выполнен: пользователь petrov_av, сеанс 4', 'petrov_av');
    takesAs('USER', 'فشل تسجيل الدخول للمستخدم k.alharbi من 10.0.0.4', 'k.alharbi');
    takesAs('USER', '사용자 leesy01 로그인 성공', 'leesy01');
    takesAs('USER', 'il usuario lgarcia_88 ha cerrado sesión', 'lgarcia_88');
    takesAs('USER', '2026-12-04 08:00:01 [INFO] 柜员 gy_wangli 登录 网点=0102', 'gy_wangli');
  });

  it('takes a login column of another language and WordPress\' user_login', () => {
    const out = takesAs('USER', '| ID | user_login | roles |\n| 3  | pvisser    | editor |\n', 'pvisser');
    keepsWords(out, 'editor');
    takesAs('USER', 'usename          | t.almeida', 't.almeida');
  });

  it('keeps sentences, built-in accounts and the headers themselves', () => {
    keepsWords('Benutzer angemeldet', 'angemeldet');
    keepsWords('Fehler: usuario bloqueado', 'bloqueado');
    keepsWords("l'utilisateur est connecté", 'est');
    keepsWords('Benutzer: Administrator', 'Administrator');
    keepsWords('process=rphost,Usr=DefUser,Exception=a01b', 'DefUser');
    keepsWords('Benutzer;Aktion;Objekt', 'Benutzer;Aktion;Objekt');
    keepsWords('| ID | user_login | roles |', 'user_login');
    keepsWords('пользователь не найден', 'не найден');
  });
});

describe('a login in the English prose of account tools', () => {
  it('takes the login before a bracketed remark', () => {
    takesAs('USER', 'INFO [Login] Agent li.na (Place Place_2201, DN 2201) logged in', 'li.na');
    takesAs('USER', 'User jdoe7 (CORP) signed out after 30 min', 'jdoe7');
  });

  it('keeps built-in accounts, conjunctions and settings', () => {
    keepsWords('User root (console) logged in', 'root');
    keepsWords('the user admin (LDAP) ok', 'admin');
    keepsWords('Servono anche username e password per il DB', 'username e password');
    keepsWords('user default password policy', 'default');
    keepsWords("ipmitool -I lanplus -H 10.0.0.9 user set password 4 Ipmi!ro-31", 'user set password 4');
  });
});
