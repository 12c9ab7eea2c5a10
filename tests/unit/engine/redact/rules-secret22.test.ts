/**
 * Session 21 (secret22): secret-assignment's misses and false positives, by family. Each family is written by other tools,
 * wordings and quoting than the corpus has; look-alikes must survive and the true positives beside them must still be taken.
 * A fresh Redactor per case.
 */
import { describe, expect, it } from 'vitest';
import { keepsWords, redact, takesAs } from './helpers.js';

describe('a value that describes a secret holds none', () => {
  it('keeps a type name under a secret-named key', () => {
    keepsWords('        "password": "string",', '"string"');
    keepsWords('  "client_secret": { "type": "string", "format": "password" },', 'string');
    keepsWords('variable "db_password" { type = string }', 'string');
    keepsWords('  token: list(string)', 'list(string)');
    keepsWords('    "adminPassword": "securestring",', 'securestring');
    keepsWords('api_token: str', 'str');
  });

  it('keeps a terminal colour style under a token-like key', () => {
    keepsWords("Token.Menu.Completions.Completion.Current = 'bg:#ffffff #000000'", 'bg:#ffffff #000000');
    keepsWords("Token.Toolbar.Search = 'noinherit bold'", 'noinherit bold');
    keepsWords("secret_style = 'fg:ansired bold'", 'fg:ansired bold');
    keepsWords('token.keyword = "#ff0066 italic"', '#ff0066 italic');
  });

  it('keeps where the secret is kept (flags) and who signs in from where (a client identity)', () => {
    keepsWords('802-11-wireless-security.psk-flags:     0 (none)', '0 (none)');
    keepsWords('802-1x.password-flags:                  1 (agent-owned)', '1 (agent-owned)');
    keepsWords('vpn.secret-flags: 2 (not saved)', '2 (not saved)');
    keepsWords('kpzgkvl: AUTH_TERMINAL=FIN-LT-0417 AUTH_PROGRAM_NM=plsqldev.exe AUTH_MACHINE=CORP\\FIN-LT-0417 AUTH_PID=7340:6612',
      'FIN-LT-0417', 'plsqldev.exe', 'CORP\\FIN-LT-0417', '7340:6612');
    keepsWords('auth_pid=31822 auth_machine=ws-ops-07', '31822', 'ws-ops-07');
  });

  it('still takes the secrets of the same lines', () => {
    takesAs('SECRET', 'kpzgkvl: AUTH_SESSKEY=8B1F3C77A0D94E26B5C1F0E3A7D29B64C80E2F51 AUTH_PBKDF2_SPEEDY_KEY=A4E09C12D7B3F5806E1C2B9D4F7A3E61',
      '8B1F3C77A0D94E26B5C1F0E3A7D29B64C80E2F51', 'A4E09C12D7B3F5806E1C2B9D4F7A3E61');
    takesAs('SECRET', '802-11-wireless-security.psk:           Wlan#Home-2026', 'Wlan#Home-2026');
    takesAs('SECRET', '    "password": "Str1ng!Pw-77",', 'Str1ng!Pw-77');
    takesAs('SECRET', 'auth_password=Orcl#Fin2026', 'Orcl#Fin2026');
  });
});

describe('a variable, a key name or a certificate pin in a value\'s place', () => {
  it('keeps a reference to the password as the argument', () => {
    keepsWords('$ redis-cli -h 10.40.2.8 -a "$REDIS_PW" --no-auth-warning MONITOR', '$REDIS_PW');
    keepsWords('redis-cli -a ${REDIS_PASSWORD} ping', '${REDIS_PASSWORD}');
    keepsWords('redis-cli.exe -h cache -a %REDIS_PASS% info', '%REDIS_PASS%');
    takesAs('SECRET', 'redis-cli -h 10.0.0.5 -a Rd!s-2026q ping', 'Rd!s-2026q');
    takesAs('SECRET', "redis-cli --pass 'Cache#Pw88' info", 'Cache#Pw88');
  });

  it('takes the value after a key that names it, not the key', () => {
    const out = redact('vpn.secrets:                            form:main:password = Vpn%Labo-2026, gwcert = pin-sha256:Qm7vT2xK9pL4wR1zN8cB3yH6dF0sJ5aE2gU8iO4=');
    expect(out).toContain('form:main:password = ');
    expect(out).not.toContain('Vpn%Labo-2026');
    expect(out).toContain('pin-sha256:Qm7vT2xK9pL4wR1zN8cB3yH6dF0sJ5aE2gU8iO4=');
    expect(redact('vpn.secrets: form:main:password = Lab0!Vpn-77, form:main:username = li.wei')).not.toContain('Lab0!Vpn-77');
    expect(redact('secrets: ipsec-psk = Psk#Site-2026, gateway = 203.0.113.7')).toContain('ipsec-psk = ');
  });

  it('keeps a certificate pin (a public key digest)', () => {
    keepsWords('openconnect --servercert pin-sha256:Xk2v9Qm4LpT7vZ2kR8sW5eUgH3dF0sJ5aE2gU8iO4qA= vpn.corp.example', 'pin-sha256:Xk2v9Qm4LpT7vZ2kR8sW5eUgH3dF0sJ5aE2gU8iO4qA=');
    keepsWords('Public-Key-Pins: pin-sha256="d6qzRu9zOECb90Uez27xWltNsj0e1Md7GkYYkVoZWmM="; max-age=5184000', 'd6qzRu9zOECb90Uez27xWltNsj0e1Md7GkYYkVoZWmM=');
  });
});

describe('a list of field names is not a value', () => {
  it('keeps prose that names the fields', () => {
    keepsWords('auth: user,login,password fields', 'user,login,password fields');
    keepsWords('secrets: token/password', 'token/password');
    keepsWords('credentials: username and password', 'username and password');
    keepsWords('auth = user, password, otp', 'user, password, otp');
  });

  it('still takes a value that merely starts like a field name', () => {
    takesAs('SECRET', 'auth: user2026!x', 'user2026!x');
    takesAs('SECRET', 'password=token,Rt9#kq', 'token');
  });
});

describe('a Redis command as a capture quotes it (captured-secrets.ts)', () => {
  it('takes AUTH\'s password, with a user, in HELLO, and CONFIG SET requirepass/masterauth', () => {
    takesAs('SECRET', '1765015204.118203 [0 10.40.3.17:51822] "AUTH" "Rds!Session-4417"', 'Rds!Session-4417');
    takesAs('SECRET', '1701234567.000001 [3 10.0.0.9:40112] "auth" "cache_app" "Ca-Pw#2026x"', 'Ca-Pw#2026x');
    takesAs('SECRET', '1701234567.1 [0 unix:/run/redis.sock] "HELLO" "3" "AUTH" "worker" "H3llo!Pw9" "SETNAME" "celery"', 'H3llo!Pw9');
    takesAs('SECRET', '1701234567.1 [0 10.0.0.5:6000] "CONFIG" "SET" "requirepass" "NewRq#2026"', 'NewRq#2026');
    takesAs('SECRET', '1701234567.1 [0 10.0.0.5:6000] "config" "set" "masterauth" "Mst-Auth#db01x"', 'Mst-Auth#db01x');
  });

  it('keeps a mechanism, a variable and the other commands', () => {
    keepsWords('C: "AUTH" "PLAIN"', '"PLAIN"');
    keepsWords('1701234567.1 [0 10.0.0.5:6000] "AUTH" "$REDIS_PASSWORD"', '$REDIS_PASSWORD');
    keepsWords('1701234567.1 [0 10.0.0.5:6000] "GET" "auth:attempts:42"', 'auth:attempts:42');
    keepsWords('1701234567.1 [0 10.0.0.5:6000] "CONFIG" "SET" "maxmemory" "2gb"', '"2gb"');
  });
});

describe('a password scanner\'s hit', () => {
  it('takes fscan\'s, NetExec\'s and Ncrack\'s passwords', () => {
    takesAs('SECRET', '[+] mysql 10.20.8.31:3306:root Mysql@123xx', 'Mysql@123xx');
    takesAs('SECRET', '[+] SSH 192.168.1.20:22:backup Bk-2026!ssh', 'Bk-2026!ssh');
    takesAs('SECRET', '[+] Redis 172.16.0.8:6379 R3dis#pw file:/var/lib/redis/dump.rdb', 'R3dis#pw');
    takesAs('SECRET', '[+] Tomcat 10.20.8.90:8080 manager:Tc!2026mgr', 'Tc!2026mgr');
    takesAs('SECRET', 'SMB         10.0.0.5        445    DC01             [+] CORP\\svc_sql:Summer2026! (Pwn3d!)', 'Summer2026!');
    takesAs('SECRET', "192.168.56.10 3389/tcp ms-wbt-server: 'administrator' 'Adm1n#Rdp'", 'Adm1n#Rdp');
  });

  it('keeps what a scanner prints where no password was found', () => {
    keepsWords('[+] Redis 172.16.0.8:6379 unauthorized file:/data/dump.rdb', 'unauthorized', 'file:/data/dump.rdb');
    keepsWords('[+] Memcached 10.0.0.7:11211 unauthorized', 'unauthorized');
    keepsWords('[+] InfoScan http://10.20.8.90:8080 [Apache Tomcat/8.5.39] title:Apache Tomcat/8.5.39', 'Apache Tomcat/8.5.39');
    keepsWords('[+] 10.20.8.95 MS17-010 (Windows Server 2008 R2 Standard 7601 Service Pack 1)', 'MS17-010');
    keepsWords('[+] NetInfo 10.20.8.60 WIN-SRV01', 'WIN-SRV01');
    keepsWords('Discovered open port 22/tcp on 10.0.0.5', '22/tcp');
  });
});

describe('a PIN, a lock code, a host key, a card\'s security code, a meeting\'s numeric password', () => {
  it('takes them in prose and notes', () => {
    takesAs('SECRET', 'Maintenance unlocked by hmueller with PIN 480317', '480317');
    takesAs('SECRET', '"Zertifikat: C:\\certs\\meier.pfx, PIN 7719"', '7719');
    takesAs('SECRET', 'SIM card 2: PUK 83920174, keep in the safe', '83920174');
    takesAs('SECRET', 'iPad (front desk) passcode 240611', '240611');
    takesAs('SECRET', '"SIM: +65 9127 4830, 锁屏码 482916"', '482916');
    takesAs('SECRET', 'Host key: 481276,Meeting number: 2641 083 5517', '481276');
    takesAs('SECRET', 'NoteType:Credit Card\nSecurity Code:418\nStart Date:', '418');
    takesAs('SECRET', '  Meeting:  腾讯会议 482 917 305, password 8817', '8817');
    takesAs('SECRET', 'Zoom ID 812 4471 0093 – Passcode: 551902', '551902');
  });

  it('keeps a GPIO pin, a date, an SSH host key, one-time codes and counts', () => {
    keepsWords('GPIO pin 17 set high', 'pin 17');
    keepsWords('PIN 2026-12-05 reset by admin', '2026-12-05');
    keepsWords('Warning: Permanently added host key: ssh-ed25519 SHA256:Xk2v9Qm4LpT7vZ2kR8sW5eU', 'ssh-ed25519');
    keepsWords('Your security code: 4821 (valid 5 minutes)', '4821');
    keepsWords('PIN 482913 expires in 10 minutes', '482913');
    keepsWords('PIN attempts remaining: 3', '3');
    keepsWords('Meeting room 4 booked, passcode policy v2', 'policy v2');
  });
});

describe('Terraform\'s sensitive outputs', () => {
  it('takes the value of a sensitive output, compact either way round and pretty-printed', () => {
    takesAs('SECRET', '{"db_pw":{"sensitive":true,"type":"string","value":"tf-Rds!9xK2"}}', 'tf-Rds!9xK2');
    takesAs('SECRET', '"outputs":{"api_key":{"value":"Zx8Lm2Kq7Wv4Rt9N","type":"string","sensitive":true}}', 'Zx8Lm2Kq7Wv4Rt9N');
    const pretty = redact('{\n  "db_admin_password": {\n    "sensitive": true,\n    "type": "string",\n    "value": "tf-Rds!9xK2mQ7pZ4"\n  },\n  "k": {\n    "sensitive": true,\n    "value": "Wq2mT8xK4pL9vR1z"\n  }\n}\n');
    expect(pretty).not.toContain('tf-Rds!9xK2mQ7pZ4');
    expect(pretty).not.toContain('Wq2mT8xK4pL9vR1z');
  });

  it('keeps the values of outputs that are not sensitive, and other JSON values', () => {
    keepsWords('{"db_endpoint":{"sensitive":false,"type":"string","value":"shop.c8x2kq7mzp1a.rds.amazonaws.com:5432"}}', 'shop.c8x2kq7mzp1a.rds.amazonaws.com:5432');
    const pretty = redact('{\n  "endpoint": {\n    "sensitive": false,\n    "type": "string",\n    "value": "shop-prod.example.com:5432"\n  },\n  "headers": [\n    { "name": "Accept",\n      "value": "application/json" }\n  ]\n}\n');
    expect(pretty).toContain('shop-prod.example.com:5432');
    expect(pretty).toContain('application/json');
    keepsWords('Option "case-sensitive": true, "value": "Upper"', '"Upper"');
  });
});

describe('Slack\'s client token, session cookie and refresh token', () => {
  it('takes xoxc-/xoxd-/xoxe-, URL-encoded too', () => {
    takesAs('TOKEN', 'info: [COOKIE] d cookie refreshed: d=xoxd-hV2Tq8%2FkP3mZ7rN1wB5cYa9E%2BsL4gX6uJ0fD%3D; expires=Sat, 05 Dec 2027', 'xoxd-hV2Tq8%2FkP3mZ7rN1wB5cYa9E%2BsL4gX6uJ0fD%3D');
    takesAs('TOKEN', 'Cookie: d=xoxd-abcDEF123456789%2Bxyz%3D; d-s=1701234567', 'xoxd-abcDEF123456789%2Bxyz%3D');
    takesAs('TOKEN', '{"token":"xoxc-1234567890-9876543210-abcdef0123456789"}', 'xoxc-1234567890-9876543210-abcdef0123456789');
    takesAs('TOKEN', 'refresh_with xoxe-1-My0xLTEyMzQ1Njc4OTAtYWJj', 'xoxe-1-My0xLTEyMzQ1Njc4OTAtYWJj');
  });

  it('keeps words that merely hold the letters', () => {
    keepsWords('boxoxd-not a token', 'boxoxd-not');
    keepsWords('see xoxo-hugs and xoxd-', 'xoxo-hugs', 'xoxd-');
  });
});

describe('chpasswd\'s and newusers\' input as a here-document', () => {
  it('takes every login:password line up to the delimiter', () => {
    const out = redact("chpasswd <<'END'\nchaiwenbo:Init#Cwb-0323\nnkowalczyk:Init#Nk-0323q\nEND\nchage -d 0 chaiwenbo\n");
    expect(out).not.toContain('Init#Cwb-0323');
    expect(out).not.toContain('Init#Nk-0323q');
    expect(out).toContain('chage -d 0');
    const piped = redact('cat <<EOF | sudo chpasswd -c SHA512\nops_li:Ops!2026li\nEOF\n');
    expect(piped).not.toContain('Ops!2026li');
    const newusers = redact('sudo newusers <<-USERS\n\tintern01:Intern#01x:2001:2001:Intern:/home/intern01:/bin/bash\n\tUSERS\n');
    expect(newusers).not.toContain('Intern#01x');
    expect(newusers).toContain(':2001:2001:Intern:');
  });

  it('stops at the delimiter and leaves other heredocs and later pairs', () => {
    const out = redact("chpasswd <<'END'\nsvc_a:Svc#A-2026\nEND\nstatus:running\n");
    expect(out).toContain('status:running');
    keepsWords('cat <<EOF > /etc/app.conf\nmode:fast\nlevel:3\nEOF\n', 'mode:fast', 'level:3');
    keepsWords("chpasswd <<'END'\nbackup:$BACKUP_PW\nEND\n", '$BACKUP_PW');
  });
});
